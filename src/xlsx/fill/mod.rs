//! Filling the organisation's own Excel templates: `{{Namn}}` placeholders replaced, repeating rows
//! copied per insats or area, and everything else — logo, styles, formulas, drop-downs, conditional
//! colours, print set-up, protection — kept exactly as it was.
//!
//! The template is patched, never loaded into an object model and saved again (that loses what the
//! model does not know). Every zip entry that does not change is copied raw; the sheets, the
//! workbook part and the parts whose row numbers move are streamed and only their changed elements
//! are rewritten.

pub mod data;
mod error;
mod names;
mod package;
mod parts;
mod refs;
pub mod run;
mod sheet;
pub mod text;
mod xml;

pub use data::Data;
pub use error::{Problem, TemplateError, TemplateErrors};
pub use text::fill_text;

use error::place;
use names::{Name, Piece, Source};
use package::Package;
use refs::{MAX_ROWS, Shift, Shifts, sheet_key};
use sheet::Item;
use std::collections::{BTreeMap, BTreeSet};

/// A filled template and what the user should know about it.
#[derive(Debug)]
pub struct Filled {
    pub bytes: Vec<u8>,
    pub warnings: Vec<TemplateError>,
}

/// The plan for one sheet: its repeating rows and the records each is copied for.
struct SheetPlan {
    text: String,
    scan: sheet::Scan,
    repeats: BTreeMap<u32, Vec<usize>>,
}

/// Fills one template. Every problem of the template is returned at once; nothing is made then.
pub fn fill(template: &[u8], file_name: &str, data: &Data) -> Result<Filled, TemplateErrors> {
    let error = |at: Option<String>, problem: Problem| TemplateError {
        file: file_name.to_string(),
        at,
        problem,
    };
    let whole = |problem| TemplateErrors(vec![error(None, problem)]);
    let pkg = Package::open(template, file_name).map_err(whole)?;
    let info = parts::workbook_info(&pkg).map_err(whole)?;
    let strings = parts::shared_strings(&pkg).map_err(whole)?;

    let mut errors = Vec::new();
    let mut plans = Vec::new();
    let mut shifts = Shifts::new();
    let mut any_placeholder = false;
    for sheet in &info.sheets {
        let text = pkg.read(&sheet.path).map_err(whole)?.unwrap_or_default();
        let scan = sheet::scan(&sheet.path, &text, &strings).map_err(whole)?;
        let at = |col, row| Some(place(&sheet.name, col, row));
        for (row, col, formula) in &scan.formulas_with_placeholders {
            any_placeholder = true;
            errors.push(error(
                at(*col, *row),
                Problem::InFormula {
                    formula: format!("={formula}"),
                },
            ));
        }
        // The repeating source of each row, and where it was first seen.
        let mut sources: BTreeMap<u32, (Source, u32)> = BTreeMap::new();
        for cell in &scan.cells {
            any_placeholder = true;
            let pieces = match names::split(&cell.text) {
                Ok(p) => p,
                Err(text) => {
                    errors.push(error(at(cell.col, cell.row), Problem::Unclosed { text }));
                    continue;
                }
            };
            for piece in pieces {
                let Piece::Placeholder(raw) = piece else {
                    continue;
                };
                match names::resolve(raw, data) {
                    Ok(name) => {
                        let Some(source) = name.source() else {
                            continue;
                        };
                        match sources.get(&cell.row) {
                            None => {
                                sources.insert(cell.row, (source.clone(), cell.col));
                            }
                            Some((first, _)) if first == source => {}
                            Some((first, _)) => errors.push(error(
                                at(cell.col, cell.row),
                                Problem::TwoSources {
                                    first: first.label(),
                                    second: source.label(),
                                },
                            )),
                        }
                    }
                    Err(unknown) => errors.push(error(
                        at(cell.col, cell.row),
                        Problem::UnknownName {
                            placeholder: format!("{{{{{}}}}}", raw.trim()),
                            suggestion: unknown.suggestion,
                            valid: names::valid_summary(data),
                        },
                    )),
                }
            }
        }
        let mut shift = Shift::default();
        let mut repeats = BTreeMap::new();
        for (&row, (source, _)) in &sources {
            let records = source.records(data);
            shift.add(row, (records.len() as u32).saturating_sub(1));
            repeats.insert(row, records);
        }
        for merged in &scan.merges {
            if merged.r1 < merged.r2 && repeats.keys().any(|&r| merged.contains_row(r)) {
                errors.push(error(
                    at(merged.c1, merged.r1),
                    Problem::CutsMerged {
                        merged: merged.to_string(),
                    },
                ));
            }
        }
        for range in &scan.shared {
            if repeats.keys().any(|&r| range.contains_row(r)) {
                errors.push(error(
                    at(range.c1, range.r1),
                    Problem::SharedFormula {
                        range: range.to_string(),
                    },
                ));
            }
        }
        let rows = scan.last_row as u64 + 1 + shift.added_total() as u64;
        if rows > MAX_ROWS as u64 {
            errors.push(error(at(0, 0), Problem::TooManyRows { rows }));
        }
        shifts.insert(sheet_key(&sheet.name), shift);
        plans.push(SheetPlan {
            text,
            scan,
            repeats,
        });
    }
    if !errors.is_empty() {
        // Top to bottom, as the template reads (sheets in order, then rows and columns).
        errors.sort_by_key(|e| position_key(&info.sheets, e));
        return Err(TemplateErrors(errors));
    }
    if !any_placeholder {
        return Ok(Filled {
            bytes: template.to_vec(),
            warnings: vec![error(None, Problem::NoPlaceholder)],
        });
    }

    let content = |text: &str, item: Item| cell_value(text, item, data);
    let anything_moves = shifts.values().any(|s| !s.is_empty());
    let mut changed: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for (sheet, plan) in info.sheets.iter().zip(&plans) {
        let shift = &shifts[&sheet_key(&sheet.name)];
        // Sheets with formulas are rewritten too: their cached results are stale once cells are filled.
        if plan.scan.cells.is_empty() && !anything_moves && !plan.scan.has_formulas {
            continue;
        }
        let filled = sheet::fill(
            &sheet.path,
            &plan.text,
            &sheet::Fill {
                sheet: &sheet.name,
                shifts: &shifts,
                shift,
                repeats: &plan.repeats,
                content: &content,
                strings: &strings,
                date1904: info.date1904,
            },
        )
        .map_err(whole)?;
        if let Some(bytes) = filled {
            changed.insert(sheet.path.clone(), bytes);
        }
        if shift.is_empty() {
            continue;
        }
        for (_, kind, target) in parts::relationships(&pkg, &sheet.path).map_err(whole)? {
            let Some(text) = pkg.read(&target).map_err(whole)? else {
                continue;
            };
            let moved = if kind.ends_with("/drawing") {
                parts::rewrite_drawing(&target, &text, shift)
            } else if kind.ends_with("/table") {
                parts::rewrite_table(&target, &text, shift)
            } else {
                Ok(None)
            };
            if let Some(bytes) = moved.map_err(whole)? {
                changed.insert(target, bytes);
            }
        }
    }
    if anything_moves {
        for name in pkg.names() {
            if name.starts_with("xl/charts/chart") && name.ends_with(".xml") {
                let Some(text) = pkg.read(name).map_err(whole)? else {
                    continue;
                };
                if let Some(bytes) = parts::rewrite_chart(name, &text, &shifts).map_err(whole)? {
                    changed.insert(name.clone(), bytes);
                }
            }
        }
    }
    changed.insert(
        parts::WORKBOOK.to_string(),
        parts::rewrite_workbook(&pkg, &info, &shifts).map_err(whole)?,
    );
    // The calculation chain lists formula cells by position; with cells moved it would be wrong,
    // and Excel rebuilds it.
    let mut removed = BTreeSet::new();
    let chain = "xl/calcChain.xml";
    if pkg.has(chain) {
        removed.insert(chain.to_string());
        for part in ["xl/_rels/workbook.xml.rels", "[Content_Types].xml"] {
            if let Some(text) = pkg.read(part).map_err(whole)? {
                if let Some(bytes) =
                    parts::without_relationship(part, &text, chain).map_err(whole)?
                {
                    changed.insert(part.to_string(), bytes);
                }
            }
        }
    }
    let bytes = pkg.write(&changed, &removed).map_err(whole)?;
    Ok(Filled {
        bytes,
        warnings: Vec::new(),
    })
}

/// What a placeholder cell becomes: exactly one placeholder keeps its value's type (and the cell
/// its number format); placeholders inside other text give text.
fn cell_value(text: &str, item: Item, data: &Data) -> data::Value {
    let record = match item {
        Item::Record(i) => Some(i),
        _ => None,
    };
    let value_of = |raw: &str| -> data::Value {
        match names::resolve(raw, data) {
            Ok(name) => value_for(&name, data, record),
            // Checked before anything is written; kept as written should it ever happen.
            Err(_) => data::Value::Text(format!("{{{{{raw}}}}}")),
        }
    };
    let Ok(pieces) = names::split(text) else {
        return data::Value::Text(text.to_string());
    };
    let meaningful: Vec<&Piece> = pieces
        .iter()
        .filter(|p| !matches!(p, Piece::Text(t) if t.trim().is_empty()))
        .collect();
    if let [Piece::Placeholder(raw)] = meaningful.as_slice() {
        return value_of(raw);
    }
    let mut out = String::new();
    for piece in &pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Placeholder(raw) => out.push_str(&value_of(raw).display()),
        }
    }
    data::Value::Text(out)
}

fn position_key(sheets: &[parts::SheetPart], e: &TemplateError) -> (usize, u32, u32) {
    let Some(at) = &e.at else {
        return (0, 0, 0);
    };
    let (sheet, cell) = at.rsplit_once('!').unwrap_or(("", at));
    let sheet = sheet.trim_matches('\'').replace("''", "'");
    let index = sheets.iter().position(|s| s.name == sheet).unwrap_or(0);
    let (col, row) = refs::parse_cell(cell).unwrap_or((0, 0));
    (index, row, col)
}

fn value_for(name: &Name, data: &Data, record: Option<usize>) -> data::Value {
    name.value(data, record).clone()
}
