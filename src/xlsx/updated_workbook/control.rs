//! The `Kontroll` sheet: every diagnostic of the checks, with a link to its cell.

use super::carry::print_setup;
use super::formats::Formats;
use super::names::{CONTROL, CONTROL_HEADERS, SheetMap};
use super::refs;
use crate::diagnostics::{Diagnostic, Place, Severity};
use crate::xlsx::rows::Wrapped;
use rust_xlsxwriter::{Url, Workbook, Worksheet, XlsxError};

const WIDTHS: [f64; 4] = [10.0, 24.0, 70.0, 70.0];
const NO_PROBLEMS: &str = "Inga problem hittades.";

pub fn write(
    wb: &mut Workbook,
    diagnostics: &[Diagnostic],
    map: &SheetMap,
    f: &Formats,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(CONTROL)?;
    for (col, header) in CONTROL_HEADERS.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *header, &f.header)?;
        ws.set_column_width(col as u16, WIDTHS[col])?;
    }
    ws.set_freeze_panes(1, 0)?;
    if diagnostics.is_empty() {
        ws.write_string_with_format(1, 0, NO_PROBLEMS, &f.text)?;
    } else {
        let mut wrapped = Wrapped::default();
        for (i, diagnostic) in diagnostics.iter().enumerate() {
            let row = i as u32 + 1;
            write_row(ws, row, diagnostic, map, f)?;
            wrapped.add(row, 2, &diagnostic.problem.to_string());
            wrapped.add(row, 3, &diagnostic.problem.fix());
        }
        ws.autofilter(0, 0, diagnostics.len() as u32, 3)?;
        wrapped.apply(ws, |col| WIDTHS[col as usize] as usize)?;
    }
    print_setup(ws, 0)
}

fn write_row(
    ws: &mut Worksheet,
    row: u32,
    d: &Diagnostic,
    map: &SheetMap,
    f: &Formats,
) -> Result<(), XlsxError> {
    let severity = match d.severity() {
        Severity::Error => &f.error,
        Severity::Warning => &f.warning,
    };
    ws.write_string_with_format(row, 0, d.severity().to_string(), severity)?;
    let place = place_text(&d.place);
    match link(&d.place, map) {
        Some(target) => {
            ws.write_url_with_options(row, 1, Url::new(target), &place, "", Some(&f.link))?;
        }
        None if !place.is_empty() => {
            ws.write_string_with_format(row, 1, &place, &f.text)?;
        }
        None => {}
    }
    ws.write_string_with_format(row, 2, d.problem.to_string(), &f.wrap)?;
    ws.write_string_with_format(row, 3, d.problem.fix(), &f.wrap)?;
    Ok(())
}

/// The place as the terminal shows it: `Insatser!E14`, a sheet name, or a file name.
fn place_text(place: &Place) -> String {
    match place {
        Place::Input => String::new(),
        Place::File { file } => file.clone(),
        Place::Sheet { sheet, .. } => sheet.clone(),
        Place::Cell(cell) => cell.to_string(),
    }
}

/// `internal:'Insatser'!E14` when the place is in a carried-over sheet (its first cell for a whole
/// sheet); a file or the input as a whole has nothing to link to.
fn link(place: &Place, map: &SheetMap) -> Option<String> {
    let (file, sheet, row, col) = match place {
        Place::Cell(c) => (&c.file, &c.sheet, c.row, c.col),
        Place::Sheet { file, sheet } => (file, sheet, 0, 0),
        Place::Input | Place::File { .. } => return None,
    };
    let name = map.get(file, sheet)?;
    Some(format!(
        "internal:{}!{}",
        refs::sheet(name),
        refs::cell(row, col)
    ))
}
