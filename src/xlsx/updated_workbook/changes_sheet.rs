//! The `Förändringar` sheet (with `--sedan`): one row per changed field since the last meeting,
//! with the difference in kronor and a link to the cell it is in now.

use super::carry::print_setup;
use super::formats::Formats;
use super::names::{CHANGES, CHANGES_HEADERS, SheetMap};
use super::refs;
use crate::changes::{Changes, FieldChange, Mark};
use crate::diagnostics::CellRef;
use crate::xlsx::rows::Wrapped;
use rust_xlsxwriter::{Url, Workbook, Worksheet, XlsxError};

const WIDTHS: [f64; 8] = [18.0, 9.0, 40.0, 14.0, 40.0, 40.0, 16.0, 16.0];

/// One row of the sheet: what kind of change, where, and the field.
struct Line<'a> {
    kind: &'static str,
    area: &'a str,
    initiative: &'a str,
    field: &'a FieldChange,
    at: Option<&'a CellRef>,
}

fn lines(changes: &Changes) -> Vec<Line<'_>> {
    let mut lines: Vec<Line> = changes
        .info
        .iter()
        .map(|field| Line {
            kind: "Ändrad uppgift",
            area: "",
            initiative: "",
            field,
            at: field.at.as_ref(),
        })
        .collect();
    for group in &changes.groups {
        for area in &group.areas {
            let kind = match area.mark {
                Mark::New => "Nytt område",
                Mark::Removed => "Borttaget område",
                Mark::Changed => "Ändrat område",
            };
            lines.extend(area.fields.iter().map(|field| Line {
                kind,
                area: &area.code,
                initiative: "",
                field,
                at: field.at.as_ref().or(area.at.as_ref()),
            }));
        }
        for change in &group.initiatives {
            let kind = match change.mark {
                Mark::New => "Ny insats",
                Mark::Removed => "Borttagen insats",
                Mark::Changed => "Ändrad insats",
            };
            lines.extend(change.fields.iter().map(|field| Line {
                kind,
                area: &change.area,
                initiative: &change.name,
                field,
                at: field.at.as_ref().or(change.at.as_ref()),
            }));
        }
    }
    lines
}

pub fn write(
    wb: &mut Workbook,
    changes: &Changes,
    map: &SheetMap,
    f: &Formats,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(CHANGES)?;
    for (col, header) in CHANGES_HEADERS.iter().enumerate() {
        let format = if col == 6 { &f.header_right } else { &f.header };
        ws.write_string_with_format(0, col as u16, *header, format)?;
        ws.set_column_width(col as u16, WIDTHS[col])?;
    }
    ws.set_freeze_panes(1, 0)?;
    let since = changes.since.format("%Y-%m-%d");
    let lines = lines(changes);
    if lines.is_empty() {
        ws.write_string_with_format(1, 0, format!("Inga förändringar sedan {since}."), &f.text)?;
        return print_setup(ws, 0);
    }
    let mut wrapped = Wrapped::default();
    for (i, line) in lines.iter().enumerate() {
        let row = i as u32 + 1;
        write_line(ws, row, line, map, f)?;
        wrapped.add(row, 2, line.initiative);
        wrapped.add(row, 4, &line.field.before());
        wrapped.add(row, 5, &line.field.after());
    }
    let last = lines.len() as u32;
    ws.autofilter(0, 0, last, CHANGES_HEADERS.len() as u16 - 1)?;
    ws.write_string_with_format(
        last + 2,
        0,
        format!("Jämfört med versionen från {since}. Skillnad i kr = efter minus före."),
        &f.text,
    )?;
    wrapped.apply(ws, |col| WIDTHS[col as usize] as usize)?;
    print_setup(ws, 0)
}

fn write_line(
    ws: &mut Worksheet,
    row: u32,
    line: &Line,
    map: &SheetMap,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, 0, line.kind, &f.text)?;
    ws.write_string_with_format(row, 1, line.area, &f.text)?;
    ws.write_string_with_format(row, 2, line.initiative, &f.wrap)?;
    ws.write_string_with_format(row, 3, line.field.field, &f.text)?;
    ws.write_string_with_format(row, 4, line.field.before(), &f.wrap)?;
    ws.write_string_with_format(row, 5, line.field.after(), &f.wrap)?;
    if let Some(difference) = line.field.difference() {
        ws.write_number_with_format(row, 6, difference.kronor_f64(), &f.money)?;
    }
    if let Some(at) = line.at
        && let Some(name) = map.get(&at.file, &at.sheet)
    {
        let target = format!(
            "internal:{}!{}",
            refs::sheet(name),
            refs::cell(at.row, at.col)
        );
        ws.write_url_with_options(row, 7, Url::new(target), at.to_string(), "", Some(&f.link))?;
    }
    Ok(())
}
