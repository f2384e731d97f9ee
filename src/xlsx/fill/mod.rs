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
pub mod folder;
mod names;
mod outside;
mod package;
mod parts;
mod pivot;
mod refs;
mod sheet;
pub mod text;
mod xml;

pub use data::Data;
pub use error::{ExcelTemplateError, ExcelTemplateErrors, Problem};
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
    pub warnings: Vec<ExcelTemplateError>,
}

/// The plan for one sheet: its repeating rows and the records each is copied for.
struct SheetPlan {
    text: String,
    scan: sheet::Scan,
    repeats: BTreeMap<u32, Vec<usize>>,
}

/// What reading a template's placeholders gives, when nothing in it was refused: each sheet's
/// plan, how each sheet's rows move, and whether it had a placeholder at all.
struct Plan {
    sheets: Vec<SheetPlan>,
    shifts: Shifts,
    any_placeholder: bool,
}

/// A problem found while planning, at a cell (`'Blad'!B4`), a sheet, or the whole template.
type Found = Vec<(Option<String>, Problem)>;

/// Fills one template. Every problem of the template is returned at once; nothing is made then.
pub fn fill(template: &[u8], file_name: &str, data: &Data) -> Result<Filled, ExcelTemplateErrors> {
    let error =
        |at: Option<String>, problem: Problem| ExcelTemplateError::new(file_name, at, problem);
    let whole = |problem| ExcelTemplateErrors(vec![error(None, problem)]);
    let pkg = Package::open(template, file_name).map_err(whole)?;
    let info = parts::workbook_info(&pkg).map_err(whole)?;
    let strings = parts::shared_strings(&pkg).map_err(whole)?;

    let mut found = Found::new();
    let plan = plan(&pkg, &info, &strings, data, &mut found).map_err(whole)?;
    if !found.is_empty() {
        let mut errors: Vec<ExcelTemplateError> =
            found.into_iter().map(|(at, p)| error(at, p)).collect();
        // Top to bottom, as the template reads (sheets in order, then rows and columns).
        errors.sort_by_key(|e| position_key(&info.sheets, e));
        return Err(ExcelTemplateErrors(errors));
    }
    if !plan.any_placeholder {
        return Ok(Filled {
            bytes: template.to_vec(),
            warnings: vec![error(None, Problem::NoPlaceholder)],
        });
    }
    let mut changed = filled_sheets(&pkg, &info, &strings, &plan, data).map_err(whole)?;
    changed.extend(moved_package_parts(&pkg, &info, &plan.shifts).map_err(whole)?);
    let removed = without_calc_chain(&pkg, &mut changed).map_err(whole)?;
    let bytes = pkg.write(&changed, &removed).map_err(whole)?;
    Ok(Filled {
        bytes,
        warnings: Vec::new(),
    })
}

/// Reads every placeholder of the template against `data`: what each sheet repeats and how its
/// rows move, and into `found` everything that cannot be filled. An `Err` is a package that
/// cannot be read at all.
fn plan(
    pkg: &Package,
    info: &parts::WorkbookInfo,
    strings: &[String],
    data: &Data,
    found: &mut Found,
) -> Result<Plan, Problem> {
    let mut unknown = UnknownNames {
        data,
        listed: false,
    };
    // Placeholders outside cells anywhere in the package are refused (or, in headers, filled).
    found.extend(
        outside::placeholders(pkg, info)?
            .into_iter()
            .map(|p| (None, p)),
    );
    let mut plan = Plan {
        sheets: Vec::new(),
        shifts: Shifts::new(),
        any_placeholder: false,
    };
    for sheet in &info.sheets {
        let text = pkg.read(&sheet.path)?.unwrap_or_default();
        let scan = sheet::scan(&sheet.path, &text, strings)?;
        plan.any_placeholder |= !scan.formulas_with_placeholders.is_empty()
            || !scan.cells.is_empty()
            || !scan.headers.is_empty()
            || !scan.outside.is_empty();
        let at = |col, row| Some(place(&sheet.name, col, row));
        for (row, col, formula) in &scan.formulas_with_placeholders {
            found.push((
                at(*col, *row),
                Problem::InFormula {
                    formula: format!("={formula}"),
                },
            ));
        }
        let sources = repeating_sources(&sheet.name, &scan, data, &mut unknown, found);
        header_placeholders(&sheet.name, &scan, data, &mut unknown, found);
        for (place, text) in &scan.outside {
            found.push((
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
        repeat_conflicts(&sheet.name, &scan, &sources, &repeats, &shift, found);
        plan.shifts.insert(&sheet.name, shift);
        plan.sheets.push(SheetPlan {
            text,
            scan,
            repeats,
        });
    }
    Ok(plan)
}

/// The first unknown name of a template lists the valid names; a template with a thousand unknown
/// names must not print the list a thousand times.
struct UnknownNames<'a> {
    data: &'a Data,
    listed: bool,
}

impl UnknownNames<'_> {
    fn problem(&mut self, raw: &str, suggestion: Option<String>) -> Problem {
        Problem::UnknownName {
            placeholder: format!("{{{{{}}}}}", raw.trim()),
            suggestion,
            valid: (!std::mem::replace(&mut self.listed, true))
                .then(|| names::valid_summary(self.data)),
        }
    }
}

/// The placeholder cells of a sheet: each row's repeating source (`{{Insatser.…}}`) and the column
/// it was first seen in. A row with two sources, an unclosed `{{` or an unknown name goes to `found`.
fn repeating_sources(
    sheet: &str,
    scan: &sheet::Scan,
    data: &Data,
    unknown: &mut UnknownNames,
    found: &mut Found,
) -> BTreeMap<u32, (Source, u32)> {
    let at = |col, row| Some(place(sheet, col, row));
    let mut sources: BTreeMap<u32, (Source, u32)> = BTreeMap::new();
    for cell in &scan.cells {
        let pieces = match names::split(&cell.text) {
            Ok(p) => p,
            Err(text) => {
                found.push((at(cell.col, cell.row), Problem::Unclosed { text }));
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
                        Some((first, _)) => found.push((
                            at(cell.col, cell.row),
                            Problem::TwoSources {
                                first: first.label(),
                                second: source.label(),
                            },
                        )),
                    }
                }
                Err(not_found) => found.push((
                    at(cell.col, cell.row),
                    unknown.problem(raw, not_found.suggestion),
                )),
            }
        }
    }
    sources
}

/// Page headers and footers: single values are filled, repeating ones cannot be.
fn header_placeholders(
    sheet: &str,
    scan: &sheet::Scan,
    data: &Data,
    unknown: &mut UnknownNames,
    found: &mut Found,
) {
    let header_at = Some(format!("{sheet} (sidhuvud/sidfot)"));
    for text in &scan.headers {
        let pieces = match names::split(text) {
            Ok(p) => p,
            Err(text) => {
                found.push((header_at.clone(), Problem::Unclosed { text }));
                continue;
            }
        };
        for piece in pieces {
            let Piece::Placeholder(raw) = piece else {
                continue;
            };
            match names::resolve(raw, data) {
                Ok(name) if name.source().is_some() => found.push((
                    header_at.clone(),
                    Problem::RepeatInHeader {
                        placeholder: format!("{{{{{}}}}}", raw.trim()),
                    },
                )),
                Ok(_) => {}
                Err(not_found) => found.push((
                    header_at.clone(),
                    unknown.problem(raw, not_found.suggestion),
                )),
            }
        }
    }
}

/// What the repeating rows of a sheet would break: a merged range or a shared formula they cut
/// through, or more rows than Excel has.
fn repeat_conflicts(
    sheet: &str,
    scan: &sheet::Scan,
    sources: &BTreeMap<u32, (Source, u32)>,
    repeats: &BTreeMap<u32, Vec<usize>>,
    shift: &Shift,
    found: &mut Found,
) {
    let at = |col, row| Some(place(sheet, col, row));
    for merged in &scan.merges {
        if merged.r1 < merged.r2 && repeats.keys().any(|&r| merged.contains_row(r)) {
            found.push((
                at(merged.c1, merged.r1),
                Problem::CutsMerged {
                    merged: merged.to_string(),
                },
            ));
        }
    }
    for range in &scan.shared {
        if repeats.keys().any(|&r| range.contains_row(r)) {
            found.push((
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
            .filter(|(r, _)| repeats.get(*r).is_some_and(|v| v.len() > 1))
            .map(|(&r, (_, c))| (r, *c))
            .next_back()
            .unwrap_or((scan.last_row, 0));
        found.push((at(col, row), Problem::TooManyRows { rows }));
    }
}

/// Every sheet that changes, filled, and the parts anchored to its rows (drawings, tables,
/// comments, pivot tables) moved with them: part name → new bytes.
fn filled_sheets(
    pkg: &Package,
    info: &parts::WorkbookInfo,
    strings: &[String],
    plan: &Plan,
    data: &Data,
) -> Result<BTreeMap<String, Vec<u8>>, Problem> {
    let content = |text: &str, item: Item| cell_value(text, item, data);
    let header = |text: &str| header_text(text, data);
    let anything_moves = plan.shifts.any_moves();
    let mut changed: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let no_shift = Shift::default();
    for (sheet, sheet_plan) in info.sheets.iter().zip(&plan.sheets) {
        let shift = plan.shifts.get(&sheet.name).unwrap_or(&no_shift);
        let scan = &sheet_plan.scan;
        // Sheets with formulas are rewritten too: their cached results are stale once cells are filled.
        if scan.cells.is_empty() && scan.headers.is_empty() && !anything_moves && !scan.has_formulas
        {
            continue;
        }
        let filled = sheet::fill(
            &sheet.path,
            &sheet_plan.text,
            &sheet::Fill {
                sheet: &sheet.name,
                shifts: &plan.shifts,
                shift,
                repeats: &sheet_plan.repeats,
                content: &content,
                header: &header,
                strings,
                date1904: info.date1904,
            },
        )?;
        if let Some(bytes) = filled {
            changed.insert(sheet.path.clone(), bytes);
        }
        if !shift.is_empty() {
            let repeating: Vec<u32> = sheet_plan.repeats.keys().copied().collect();
            changed.extend(moved_sheet_parts(pkg, &sheet.path, shift, &repeating)?);
        }
    }
    Ok(changed)
}

/// The parts a sheet's relationships point to whose anchors or ranges follow its rows.
fn moved_sheet_parts(
    pkg: &Package,
    sheet_path: &str,
    shift: &Shift,
    repeating: &[u32],
) -> Result<BTreeMap<String, Vec<u8>>, Problem> {
    let mut changed = BTreeMap::new();
    for (_, kind, target) in parts::relationships(pkg, sheet_path)? {
        let Some(text) = pkg.read(&target)? else {
            continue;
        };
        let moved = if kind.ends_with("/drawing") {
            anchors::rewrite_drawing(&target, &text, shift)
        } else if kind.ends_with("/table") {
            parts::rewrite_table(&target, &text, shift)
        } else if kind.ends_with("/comments") || kind.ends_with("/threadedComment") {
            anchors::rewrite_comments(&target, &text, shift)
        } else if kind.ends_with("/vmlDrawing") {
            anchors::rewrite_vml(&target, &text, shift)
        } else if kind.ends_with("/pivotTable") {
            pivot::rewrite_pivot_table(&target, &text, shift, repeating)
        } else {
            Ok(None)
        };
        if let Some(bytes) = moved? {
            changed.insert(target, bytes);
        }
    }
    Ok(changed)
}

/// The parts of the whole package that name sheet ranges: pivot caches (refreshed on opening, their
/// source ranges moved), charts when any row moves, and the workbook part itself.
fn moved_package_parts(
    pkg: &Package,
    info: &parts::WorkbookInfo,
    shifts: &Shifts,
) -> Result<BTreeMap<String, Vec<u8>>, Problem> {
    let mut changed = BTreeMap::new();
    for name in pkg.names() {
        if name.starts_with("xl/pivotCache/pivotCacheDefinition") && name.ends_with(".xml") {
            let Some(text) = pkg.read(name)? else {
                continue;
            };
            if let Some(bytes) = pivot::rewrite_pivot_cache(name, &text, shifts)? {
                changed.insert(name.clone(), bytes);
            }
        }
    }
    if shifts.any_moves() {
        for name in pkg.names() {
            if name.starts_with("xl/charts/chart") && name.ends_with(".xml") {
                let Some(text) = pkg.read(name)? else {
                    continue;
                };
                if let Some(bytes) = parts::rewrite_chart(name, &text, shifts)? {
                    changed.insert(name.clone(), bytes);
                }
            }
        }
    }
    changed.insert(
        parts::WORKBOOK.to_string(),
        parts::rewrite_workbook(pkg, info, shifts)?,
    );
    Ok(changed)
}

/// The calculation chain lists formula cells by position; with cells moved it would be wrong, and
/// Excel rebuilds it. Returns the parts to leave out; their references go from `changed` parts.
fn without_calc_chain(
    pkg: &Package,
    changed: &mut BTreeMap<String, Vec<u8>>,
) -> Result<BTreeSet<String>, Problem> {
    let mut removed = BTreeSet::new();
    let chain = "xl/calcChain.xml";
    if pkg.has(chain) {
        removed.insert(chain.to_string());
        for part in ["xl/_rels/workbook.xml.rels", "[Content_Types].xml"] {
            if let Some(text) = pkg.read(part)?
                && let Some(bytes) = parts::without_relationship(part, &text, chain)?
            {
                changed.insert(part.to_string(), bytes);
            }
        }
    }
    Ok(removed)
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

fn position_key(sheets: &[parts::SheetPart], e: &ExcelTemplateError) -> (usize, u32, u32) {
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
