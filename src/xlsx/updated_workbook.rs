//! The updated workbook (`<input-name>-uppdaterad.xlsx`): the coordinator's own sheets carried over
//! with every value and unknown column, plus what styrdok computes — Kvar and Andel förbrukat per
//! insats, a `Summering` per area and a `Kontroll` of every problem — as live Excel formulas.
//!
//! Cells keep their input positions, so `Insatser!E14` in a message is `Insatser!E14` here too.
//! Reading an updated workbook again and rewriting it gives the same layout: its computed columns
//! are replaced in place and its Summering and Kontroll are regenerated, never duplicated.

mod carry;
mod changes_sheet;
mod control;
mod formats;
mod layout;
mod names;
mod refs;
mod summary;

pub use layout::{REMAINING, SHARE};
pub use names::{CHANGES, CONTROL, SUMMARY};

use crate::changes::Changes;
use crate::checks::Checked;
use crate::model::Agreement;
use crate::model::schema::{areas, initiatives};
use crate::render::OutputFile;
use crate::workbook::{Sheet, Value, Workbook, same_name};
use formats::Formats;
use layout::Plan;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, XlsxError};
use std::borrow::Cow;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum UpdatedWorkbookError {
    #[error(
        "den uppdaterade arbetsboken kräver en överenskommelse, men arbetsboken kunde inte läsas"
    )]
    NoAgreement,
    #[error(
        "den uppdaterade arbetsboken kräver bladet «Insatser» med sina kolumner; kör styrdok check"
    )]
    NoInitiatives,
    #[error("den uppdaterade arbetsboken kunde inte skapas: {0}")]
    Xlsx(#[from] XlsxError),
}

/// The updated workbook of one project as a file in `out_dir`, `<input-name>-uppdaterad.xlsx`. Call
/// it only when the agreement has insatser.
pub fn file(
    book: &Workbook,
    checked: &Checked,
    input: &Path,
    out_dir: &Path,
    changes: Option<&Changes>,
) -> Result<OutputFile, UpdatedWorkbookError> {
    let bytes = render_with(book, checked, changes)?;
    let path = out_dir.join(format!("{}-uppdaterad.xlsx", input_name(book, input)));
    Ok(OutputFile { path, bytes })
}

/// The name the updated workbook is known by: the file holding `Insatser`, else the input file,
/// else the input folder. Rebuilding from an updated workbook keeps its name instead of growing
/// `-uppdaterad-uppdaterad`.
fn input_name(book: &Workbook, input: &Path) -> String {
    let stem = |p: &Path| {
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty())
    };
    let name = book
        .sheets_named(initiatives::SHEET.name)
        .first()
        .and_then(|s| stem(Path::new(&s.file)))
        .or_else(|| input.is_file().then(|| stem(input)).flatten())
        .or_else(|| input.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "arbetsbok".to_string());
    match name.strip_suffix("-uppdaterad") {
        Some(base) if !base.is_empty() => base.to_string(),
        _ => name,
    }
}

/// The updated workbook as xlsx bytes. Same input, same bytes: the only date inside is the report
/// date.
pub fn render(book: &Workbook, checked: &Checked) -> Result<Vec<u8>, UpdatedWorkbookError> {
    render_with(book, checked, None)
}

/// The same, with the sheet `Förändringar` after `Kontroll` when the changes are given.
fn render_with(
    book: &Workbook,
    checked: &Checked,
    changes: Option<&Changes>,
) -> Result<Vec<u8>, UpdatedWorkbookError> {
    let agreement = checked
        .agreement
        .as_ref()
        .ok_or(UpdatedWorkbookError::NoAgreement)?;
    let book = with_initiatives_sheet(book);
    let plan = Plan::reserving(&book, changes.is_some())?;
    let f = Formats::new();
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.set_properties(&properties(agreement)?);
    for layout in &plan.sheets {
        carry::write(&mut wb, layout, &f)?;
    }
    summary::write(&mut wb, agreement, &plan, &f)?;
    control::write(&mut wb, &checked.diagnostics, &plan.map, &f)?;
    if let Some(changes) = changes {
        changes_sheet::write(&mut wb, changes, &plan.map, &f)?;
    }
    Ok(wb.save_to_buffer()?)
}

/// Title, author and a creation date taken from the report date, never from the clock.
fn properties(agreement: &Agreement) -> Result<DocProperties, XlsxError> {
    let info = &agreement.info;
    let created = match carry::excel_date(info.date) {
        Some(date) => date,
        None => ExcelDateTime::from_ymd(1900, 1, 1)?,
    };
    Ok(DocProperties::new()
        .set_title(format!("{} – uppdaterad arbetsbok", info.title))
        .set_author(info.organisation.as_str())
        .set_creation_datetime(&created))
}

/// A workbook with areas but no `Insatser` (one that so far holds only uppdrag) gets an empty
/// `Insatser` with its headers after `Insatsområden`: the sheet to fill in, and what Summering sums.
fn with_initiatives_sheet(book: &Workbook) -> Cow<'_, Workbook> {
    if !book.sheets_named(initiatives::SHEET.name).is_empty() {
        return Cow::Borrowed(book);
    }
    let mut book = book.clone();
    let after = book
        .sheets
        .iter()
        .position(|s| same_name(&s.name, areas::SHEET.name))
        .map_or(book.sheets.len(), |i| i + 1);
    let file = book
        .sheets
        .get(after.saturating_sub(1))
        .map(|s| s.file.clone());
    let header = initiatives::SHEET
        .columns
        .iter()
        .map(|c| Value::Text(c.name.to_string()))
        .collect();
    book.sheets.insert(
        after,
        Sheet {
            file: file.unwrap_or_default(),
            name: initiatives::SHEET.name.to_string(),
            origin: (0, 0),
            rows: vec![header],
            merged: Default::default(),
        },
    );
    Cow::Owned(book)
}
