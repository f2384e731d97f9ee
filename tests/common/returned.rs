//! Forms as they come back from the organisations: read as text, and written again by "another
//! program" with what the organisation filled in.

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::Workbook;
use std::path::Path;

/// The rows of a sheet as text, by header name.
pub fn read_sheet(path: &Path, sheet: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut wb = open_workbook_auto(path).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::Float(f) => format!("{f}"),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    let header_at = rows
        .iter()
        .position(|r| r.iter().any(|c| c == "Nyckel" || c == "Insats"))
        .unwrap();
    let header = rows[header_at].clone();
    rows[header_at + 1..]
        .iter()
        .filter(|r| r.iter().any(|c| !c.is_empty()))
        .map(|r| header.iter().cloned().zip(r.iter().cloned()).collect())
        .collect()
}

/// A "returned" form written by another writer: header on the first row, columns in reverse order,
/// rows in reverse order, each row changed by `edit` (which may also add rows).
pub fn rewrite(
    form: &Path,
    target: &Path,
    edit: impl Fn(&mut Vec<std::collections::BTreeMap<String, String>>),
) {
    let mut rows = read_sheet(form, "Uppföljning");
    rows.reverse();
    edit(&mut rows);
    let columns = [
        "Kommentar",
        "Bedömning",
        "Förbrukat",
        "Rekvirerat",
        "Belopp",
        "Projekt",
        "Insats",
        "Område",
        "Nyckel",
    ];
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Uppföljning").unwrap();
    for (c, h) in columns.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, h) in columns.iter().enumerate() {
            let v = row.get(*h).cloned().unwrap_or_default();
            if let Ok(n) = v.parse::<f64>() {
                ws.write_number(r as u32 + 1, c as u16, n).unwrap();
            } else if !v.is_empty() {
                ws.write_string(r as u32 + 1, c as u16, &v).unwrap();
            }
        }
    }
    wb.save(target).unwrap();
}

pub fn set(row: &mut std::collections::BTreeMap<String, String>, column: &str, value: &str) {
    row.insert(column.to_string(), value.to_string());
}
