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
pub(crate) mod rows;
mod summary;

pub use layout::{REMAINING, SHARE};
pub use names::{CHANGES, CONTROL, SUMMARY};

use crate::changes::Changes;
use crate::checks::Checked;
use crate::model::{AREAS_SHEET, Agreement, INITIATIVE_COLUMNS, INITIATIVES_SHEET};
use crate::workbook::{Sheet, Value, Workbook, same_name};
use formats::Formats;
use layout::Plan;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, XlsxError};
use std::borrow::Cow;

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

/// The updated workbook as xlsx bytes. Same input, same bytes: the only date inside is the report
/// date.
pub fn render(book: &Workbook, checked: &Checked) -> Result<Vec<u8>, UpdatedWorkbookError> {
    render_with(book, checked, None)
}

/// The same, with the sheet `Förändringar` after `Kontroll` when the changes are given.
pub fn render_with(
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
    if !book.sheets_named(INITIATIVES_SHEET).is_empty() {
        return Cow::Borrowed(book);
    }
    let mut book = book.clone();
    let after = book
        .sheets
        .iter()
        .position(|s| same_name(&s.name, AREAS_SHEET))
        .map_or(book.sheets.len(), |i| i + 1);
    let file = book
        .sheets
        .get(after.saturating_sub(1))
        .map(|s| s.file.clone());
    let header = INITIATIVE_COLUMNS
        .iter()
        .map(|c| Value::Text(c.name.to_string()))
        .collect();
    book.sheets.insert(
        after,
        Sheet {
            file: file.unwrap_or_default(),
            name: INITIATIVES_SHEET.to_string(),
            origin: (0, 0),
            rows: vec![header],
        },
    );
    Cow::Owned(book)
}
