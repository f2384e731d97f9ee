//! Filling the organisation's own Excel templates: `{{Namn}}` placeholders replaced, repeating rows
//! copied per insats or area, and everything else — logo, styles, formulas, drop-downs, conditional
//! colours, print set-up, protection — kept exactly as it was.
//!
//! The template is patched, never loaded into an object model and saved again (that loses what the
//! model does not know). Every zip entry that does not change is copied raw; the sheets, the
//! workbook part and the parts whose row numbers move are streamed and only their changed elements
//! are rewritten.

mod anchors;
pub mod data;
mod error;
mod names;
mod outside;
mod package;
mod parts;
mod pivot;
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
use refs::{MAX_ROWS, Shift, Shifts};
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
    let error = |at: Option<String>, problem: Problem| TemplateError::new(file_name, at, problem);
    let whole = |problem| TemplateErrors(vec![error(None, problem)]);
    let pkg = Package::open(template, file_name).map_err(whole)?;
    let info = parts::workbook_info(&pkg).map_err(whole)?;
    let strings = parts::shared_strings(&pkg).map_err(whole)?;

    let mut errors = Vec::new();
    let mut plans = Vec::new();
    let mut shifts = Shifts::new();
    let mut any_placeholder = false;
    // The valid names are listed once, on the first unknown name.
    let mut listed_valid = false;
    let mut unknown = |raw: &str, suggestion: Option<String>| Problem::UnknownName {
        placeholder: format!("{{{{{}}}}}", raw.trim()),
        suggestion,
        valid: (!std::mem::replace(&mut listed_valid, true)).then(|| names::valid_summary(data)),
    };
    // Placeholders outside cells anywhere in the package are refused (or, in headers, filled).
    errors.extend(
        outside::placeholders(&pkg, &info)
            .map_err(whole)?
            .into_iter()
            .map(|p| error(None, p)),
    );
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
                    Err(not_found) => errors.push(error(
                        at(cell.col, cell.row),
                        unknown(raw, not_found.suggestion),
                    )),
                }
            }
        }
        // Page headers and footers: single values are filled, repeating ones cannot be.
        let header_at = Some(format!("{} (sidhuvud/sidfot)", sheet.name));
        for text in &scan.headers {
            any_placeholder = true;
            let pieces = match names::split(text) {
                Ok(p) => p,
                Err(text) => {
                    errors.push(error(header_at.clone(), Problem::Unclosed { text }));
                    continue;
                }
            };
            for piece in pieces {
                let Piece::Placeholder(raw) = piece else {
                    continue;
                };
                match names::resolve(raw, data) {
                    Ok(name) if name.source().is_some() => errors.push(error(
                        header_at.clone(),
                        Problem::RepeatInHeader {
                            placeholder: format!("{{{{{}}}}}", raw.trim()),
                        },
                    )),
                    Ok(_) => {}
                    Err(not_found) => {
                        errors.push(error(header_at.clone(), unknown(raw, not_found.suggestion)))
                    }
                }
            }
        }
        for (place, text) in &scan.outside {
            any_placeholder = true;
            errors.push(error(
                Some(sheet.name.clone()),
                Problem::OutsideCells {
                    placeholder: outside::first_placeholder(text),
                    place: place.clone(),
                    part: sheet.path.clone(),
                },
            ));
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
            // Named at the repeating row that adds the rows (the last one, when there are several).
            let (row, col) = sources
                .iter()
                .filter(|(r, _)| repeats.get(*r).is_some_and(|v: &Vec<usize>| v.len() > 1))
                .map(|(&r, (_, c))| (r, *c))
                .next_back()
                .unwrap_or((scan.last_row, 0));
            errors.push(error(at(col, row), Problem::TooManyRows { rows }));
        }
        shifts.insert(&sheet.name, shift);
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
    let header = |text: &str| header_text(text, data);
    let anything_moves = shifts.any_moves();
    let mut changed: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let no_shift = Shift::default();
    for (sheet, plan) in info.sheets.iter().zip(&plans) {
        let shift = shifts.get(&sheet.name).unwrap_or(&no_shift);
        // Sheets with formulas are rewritten too: their cached results are stale once cells are filled.
        if plan.scan.cells.is_empty()
            && plan.scan.headers.is_empty()
            && !anything_moves
            && !plan.scan.has_formulas
        {
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
                header: &header,
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
            let repeating: Vec<u32> = plan.repeats.keys().copied().collect();
            let moved = if kind.ends_with("/drawing") {
                anchors::rewrite_drawing(&target, &text, shift)
            } else if kind.ends_with("/table") {
                parts::rewrite_table(&target, &text, shift)
            } else if kind.ends_with("/comments") || kind.ends_with("/threadedComment") {
                anchors::rewrite_comments(&target, &text, shift)
            } else if kind.ends_with("/vmlDrawing") {
                anchors::rewrite_vml(&target, &text, shift)
            } else if kind.ends_with("/pivotTable") {
                pivot::rewrite_pivot_table(&target, &text, shift, &repeating)
            } else {
                Ok(None)
            };
            if let Some(bytes) = moved.map_err(whole)? {
                changed.insert(target, bytes);
            }
        }
    }
    // Pivot caches are refreshed on opening (their records are the template's), and their source
    // ranges move with the rows they cover.
    for name in pkg.names() {
        if name.starts_with("xl/pivotCache/pivotCacheDefinition") && name.ends_with(".xml") {
            let Some(text) = pkg.read(name).map_err(whole)? else {
                continue;
            };
            if let Some(bytes) = pivot::rewrite_pivot_cache(name, &text, &shifts).map_err(whole)? {
                changed.insert(name.clone(), bytes);
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

/// A page header or footer with its placeholders filled. `&` starts a code there (`&P` is the page
/// number), so an `&` in a value is written `&&`.
fn header_text(text: &str, data: &Data) -> String {
    let Ok(pieces) = names::split(text) else {
        return text.to_string();
    };
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Placeholder(raw) => {
                let value = match names::resolve(raw, data) {
                    Ok(name) => value_for(&name, data, None).display(),
                    // Checked before anything is written.
                    Err(_) => format!("{{{{{raw}}}}}"),
                };
                out.push_str(&sheet::clean_text(&value).replace('&', "&&"));
            }
        }
    }
    out
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
