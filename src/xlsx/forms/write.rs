//! One form workbook per Ansvarig: an instruction sheet, and its insatser with the identifying columns
//! locked and the four follow-up columns open, validated, and pre-filled with what is already known.

use super::{FORM_SHEET, INSTRUCTIONS_SHEET, columns, key};
use crate::model::schema::initiatives;
use crate::model::{Agreement, Assessment, Initiative, same_organisation};
use crate::render::OutputFile;
use crate::render::naming::{UniqueNames, slug};
use crate::xlsx::rows::Wrapped;
use chrono::Datelike;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, ExcelDateTime,
    Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::path::Path;

/// Rows below the header that accept input, beyond the recipient's own: a recipient may add a row
/// (it is reported back as unmatched, never lost).
const SPARE_ROWS: u32 = 20;
const TITLE_ROW: u32 = 0;
const HEADER_ROW: u32 = 2;
const MONEY: &str = "#,##0 \"kr\"";

#[derive(Debug, thiserror::Error)]
#[error("blanketten kunde inte skapas: {0}")]
pub struct FormError(#[from] XlsxError);

/// One Ansvarig's form, with the organisation it is for (as first written in Insatser).
pub struct Form {
    pub recipient: String,
    pub file: OutputFile,
}

/// Every form of the agreement, in memory, named `<ansvarig>.xlsx` in `out_dir`, each with its
/// Ansvarig, in the order of `Agreement::responsible_organisations`. A form
/// made again later (a reminder) has the same name and the same bytes as long as the input is the same.
pub fn forms(agreement: &Agreement, out_dir: &Path) -> Result<Vec<Form>, FormError> {
    let keys = key::keys(&agreement.initiatives);
    let mut names = UniqueNames::default();
    agreement
        .responsible_organisations()
        .into_iter()
        .map(|recipient| {
            let rows: Vec<(&Initiative, &str)> = agreement
                .initiatives
                .iter()
                .zip(&keys)
                .filter(|(i, _)| same_organisation(&i.recipient, &recipient))
                .map(|(i, k)| (i, k.as_str()))
                .collect();
            let bytes = form(agreement, &recipient, &rows)?;
            let path = out_dir.join(names.take(&slug(&recipient, "mottagare"), "xlsx"));
            Ok(Form {
                recipient,
                file: OutputFile { path, bytes },
            })
        })
        .collect()
}

fn form(
    agreement: &Agreement,
    recipient: &str,
    rows: &[(&Initiative, &str)],
) -> Result<Vec<u8>, XlsxError> {
    let info = &agreement.info;
    let mut workbook = Workbook::new();
    // The report date, never the clock: the same input gives the same bytes.
    let d = info.date;
    let created = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("Uppföljning {} – {recipient}", info.year))
            .set_author(&info.organisation)
            .set_creation_datetime(&created),
    );
    instructions(workbook.add_worksheet(), agreement, recipient)?;
    rows_sheet(workbook.add_worksheet(), agreement, recipient, rows)?;
    workbook.save_to_buffer()
}

fn instructions(
    sheet: &mut Worksheet,
    agreement: &Agreement,
    recipient: &str,
) -> Result<(), XlsxError> {
    let info = &agreement.info;
    sheet.set_name(INSTRUCTIONS_SHEET)?;
    sheet.set_column_width(0, 70)?;
    let title = Format::new().set_bold().set_font_size(16);
    let wrap = Format::new().set_text_wrap();
    sheet.write_string_with_format(
        0,
        0,
        format!("Uppföljning {} – {recipient}", info.year),
        &title,
    )?;
    let lines = [
        format!(
            "{} följer upp {} och behöver veta hur det har gått för era insatser.",
            info.organisation, info.title
        ),
        String::new(),
        "Så här fyller du i:".to_string(),
        "1. Gå till bladet Uppföljning. Där står era insatser, en per rad.".to_string(),
        "2. Skriv i de vita kolumnerna: Rekvirerat och Förbrukat (i kronor, t.ex. 250000), Bedömning och Kommentar.".to_string(),
        "3. Bedömning: välj Grön (går enligt plan), Gul (risk att inte nå målet eller förbruka medlen) eller Röd (kommer inte att nås).".to_string(),
        "4. Ändra inte de grå kolumnerna. Ni kan sortera raderna som ni vill; den dolda nyckeln håller ordning på dem.".to_string(),
        "5. Spara som Excel-arbetsbok (.xlsx) och skicka tillbaka filen.".to_string(),
        String::new(),
        "Har ni en insats som saknas, skriv den på en tom rad längst ned och förklara i Kommentar.".to_string(),
    ];
    let mut wrapped = Wrapped::default();
    for (i, line) in lines.iter().enumerate() {
        sheet.write_string_with_format(2 + i as u32, 0, line, &wrap)?;
        wrapped.add(2 + i as u32, 0, line);
    }
    wrapped.apply(sheet, |_| 70)?;
    Ok(())
}

/// The cells of the form: grey and locked where the input decides, white and open where the
/// Ansvarig reports.
struct RowFormats {
    locked: Format,
    locked_money: Format,
    open: Format,
    open_money: Format,
    header: Format,
}

impl RowFormats {
    fn new() -> RowFormats {
        let locked = Format::new()
            .set_align(FormatAlign::Top)
            .set_background_color("F2F2F2")
            .set_text_wrap()
            .set_border(FormatBorder::Thin)
            .set_border_color("D9D9D9");
        let open = Format::new()
            .set_align(FormatAlign::Top)
            .set_unlocked()
            .set_text_wrap()
            .set_border(FormatBorder::Thin)
            .set_border_color("BFBFBF");
        RowFormats {
            locked_money: locked.clone().set_num_format(MONEY),
            locked,
            open_money: open.clone().set_num_format(MONEY),
            open,
            header: Format::new()
                .set_bold()
                .set_font_color("FFFFFF")
                .set_background_color("1D3557")
                .set_text_wrap(),
        }
    }
}

/// Rekvirerat and Förbrukat take amounts of 0 or more, Bedömning one of its labels, on every row
/// from `first` to `last` (the spare rows too).
fn validations(sheet: &mut Worksheet, first: u32, last: u32) -> Result<(), XlsxError> {
    let amounts = DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_error_title("Belopp i kronor")?
        .set_error_message("Skriv beloppet i kronor som ett tal, 0 eller mer, t.ex. 250000.")?
        .set_error_style(DataValidationErrorStyle::Stop);
    sheet.add_data_validation(first, 4, last, 5, &amounts)?;
    let assessments = DataValidation::new()
        .allow_list_strings(&Assessment::ALL.map(Assessment::label))?
        .set_error_title(initiatives::ASSESSMENT.name)?
        .set_error_message("Välj Grön, Gul eller Röd i listan.")?;
    sheet.add_data_validation(first, 6, last, 6, &assessments)?;
    Ok(())
}

fn rows_sheet(
    sheet: &mut Worksheet,
    agreement: &Agreement,
    recipient: &str,
    rows: &[(&Initiative, &str)],
) -> Result<(), XlsxError> {
    sheet.set_name(FORM_SHEET)?;
    let RowFormats {
        locked,
        locked_money,
        open,
        open_money,
        header,
    } = RowFormats::new();
    sheet.write_string_with_format(
        TITLE_ROW,
        0,
        format!("Uppföljning {} – {recipient}", agreement.info.year),
        &Format::new().set_bold().set_font_size(14),
    )?;
    for (c, h) in columns::ALL.iter().map(|c| c.name).enumerate() {
        sheet.write_string_with_format(HEADER_ROW, c as u16, h, &header)?;
    }
    const WIDTHS: [f64; 9] = [8.0, 40.0, 12.0, 14.0, 14.0, 14.0, 12.0, 50.0, 30.0];
    for (c, width) in WIDTHS.iter().enumerate() {
        sheet.set_column_width(c as u16, *width)?;
    }
    let mut wrapped = Wrapped::default();
    let key_col = (columns::ALL.len() - 1) as u16;
    sheet.set_column_hidden(key_col)?;

    let first = HEADER_ROW + 1;
    for (n, (i, key)) in rows.iter().enumerate() {
        let r = first + n as u32;
        sheet.write_string_with_format(r, 0, &i.area, &locked)?;
        sheet.write_string_with_format(r, 1, &i.name, &locked)?;
        wrapped.add(r, 1, &i.name);
        wrapped.add(r, 7, &i.comment);
        sheet.write_string_with_format(r, 2, &i.funding_project, &locked)?;
        sheet.write_number_with_format(r, 3, i.amount.kronor_f64(), &locked_money)?;
        match i.requisitioned {
            Some(a) => sheet.write_number_with_format(r, 4, a.kronor_f64(), &open_money)?,
            None => sheet.write_blank(r, 4, &open_money)?,
        };
        match i.spent {
            Some(a) => sheet.write_number_with_format(r, 5, a.kronor_f64(), &open_money)?,
            None => sheet.write_blank(r, 5, &open_money)?,
        };
        match i.assessment {
            Some(a) => sheet.write_string_with_format(r, 6, Assessment::label(a), &open)?,
            None => sheet.write_blank(r, 6, &open)?,
        };
        sheet.write_string_with_format(r, 7, &i.comment, &open)?;
        sheet.write_string_with_format(r, key_col, *key, &locked)?;
    }
    // Spare rows stay open in every column but the key, so an added insats can be written down.
    let last = first + rows.len() as u32 + SPARE_ROWS - 1;
    for r in first + rows.len() as u32..=last {
        for c in 0..key_col {
            let format = if (3..=5).contains(&c) {
                &open_money
            } else {
                &open
            };
            sheet.write_blank(r, c, format)?;
        }
    }
    validations(sheet, first, last)?;
    wrapped.apply(sheet, |c| {
        WIDTHS.get(c as usize).copied().unwrap_or(10.0) as usize
    })?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    // Printed as one landscape page wide, header row on every page.
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    // Without a password: the lock prevents slips, not a determined edit (which `collect` reports).
    sheet.protect();
    sheet.set_selected(true);
    Ok(())
}
