//! Building the agreement from the workbook's tables. Cell-level problems (empty, not an amount) are
//! reported here; rules across rows (budgets, codes, keys that must be unique) live in `checks`, so
//! every row is kept as written, duplicates included.

use super::address::parse_mailbox;
use super::load_contacts::load_contacts;
use super::load_mandates::{has_mandates, load_mandates};
use super::schema::{SheetSpec, areas, info as info_sheet, initiatives, summary, timeline};
use super::text::{self, RichText};
use super::values::{parse_amount, parse_date, parse_year};
use super::{Agreement, Amount, Area, Assessment, Event, Info, Initiative, Kind, parent_code};
use crate::diagnostics::{CellRef, Diagnostic, Place, Problem, nearest};
use crate::workbook::{Column, Row, Table, Value, Workbook};
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// What loading gives: the agreement (complete only when there are no errors), every problem found,
/// and the amount cells that could not be read (the sums over them cannot be trusted).
#[derive(Debug)]
pub struct Loaded {
    pub agreement: Agreement,
    pub diagnostics: Vec<Diagnostic>,
    pub unreadable_amounts: BTreeSet<CellRef>,
    /// The Insatser sheet exists (or is required) but its table could not be read (a required column
    /// is missing): sums over insatser and project links would only add misleading problems.
    pub initiatives_unreadable: bool,
}

pub fn load(book: &Workbook) -> Loaded {
    let mut out = Vec::new();
    let info = load_info(book, &mut out);
    // With an Uppdrag sheet the agreement sheets are optional (a workbook of uppdrag only, or areas
    // planned before any insats); without one they are required.
    let agreement_required = !has_mandates(book);
    let mut unreadable_amounts = BTreeSet::new();
    let areas = load_areas(book, agreement_required, &mut out, &mut unreadable_amounts);
    let initiatives = load_initiatives(book, agreement_required, &mut out, &mut unreadable_amounts);
    let initiatives_unreadable = initiatives.is_empty()
        && out.iter().any(|d| match (&d.place, &d.problem) {
            (Place::Sheet { sheet, .. }, _) => {
                crate::workbook::same_name(sheet, initiatives::SHEET.name)
            }
            (_, Problem::MissingSheet { sheet, .. }) => sheet == initiatives::SHEET.name,
            _ => false,
        });
    let timeline = load_timeline(book, &mut out);
    let summary = load_summary(book, &mut out);
    let mandates = load_mandates(book, &mut out);
    let contacts = load_contacts(book, &mut out);
    drop_merges_refused_as_amounts(&mut out);
    Loaded {
        agreement: Agreement {
            info,
            areas,
            initiatives,
            timeline,
            summary,
            mandates,
            contacts,
        },
        diagnostics: out,
        unreadable_amounts,
        initiatives_unreadable,
    }
}

/// A merged range whose amount is refused (`MergedAmount`, an error) is not also reported as read
/// on every row (`MergedCells`, a warning that says it is fine if meant).
fn drop_merges_refused_as_amounts(out: &mut Vec<Diagnostic>) {
    let refused: BTreeSet<(String, String, String)> = out
        .iter()
        .filter_map(|d| match (&d.place, &d.problem) {
            (Place::Cell(at), Problem::MergedAmount { first, .. }) => {
                Some((at.file.clone(), at.sheet.clone(), first.clone()))
            }
            _ => None,
        })
        .collect();
    if refused.is_empty() {
        return;
    }
    out.retain(|d| match (&d.place, &d.problem) {
        (Place::Cell(at), Problem::MergedCells { .. }) => {
            !refused.contains(&(at.file.clone(), at.sheet.clone(), at.address()))
        }
        _ => true,
    });
}

/// Finds a contract sheet as a table; problems with the sheet itself go to `out`. An optional sheet
/// that is missing is still a problem when the workbook has a sheet that looks like it renamed
/// («Insatser 2025», «Insatsr»): read as absent, it would give documents without its rows.
pub(super) fn find_table<'a>(
    book: &'a Workbook,
    spec: &'a SheetSpec,
    required: bool,
    out: &mut Vec<Diagnostic>,
) -> Option<Table<'a>> {
    let table = Table::find(book, spec.name, spec.columns, false, out);
    if table.is_none() && book.sheets_named(spec.name).is_empty() {
        let suggestion = renamed_sheet(book, spec.name);
        if required || suggestion.is_some() {
            out.push(Diagnostic::new(
                Place::Input,
                Problem::MissingSheet {
                    sheet: spec.name.to_string(),
                    suggestion,
                },
            ));
        }
    }
    table
}

/// A sheet of the workbook that is none of the contract's but looks like `name`: a typo of it, or a
/// name holding it as a word («Insatser 2025», «Kopia av Insatser»).
fn renamed_sheet(book: &Workbook, name: &str) -> Option<String> {
    let unknown: Vec<&str> = book
        .sheets
        .iter()
        .map(|sheet| sheet.name.as_str())
        .filter(|sheet| {
            !super::schema::CONTRACT
                .iter()
                .any(|spec| crate::workbook::same_name(sheet, spec.name))
        })
        .collect();
    let word = name.to_lowercase();
    nearest(name, unknown.iter().copied()).or_else(|| {
        unknown
            .iter()
            .find(|sheet| {
                sheet
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|part| part == word)
            })
            .map(|sheet| sheet.trim().to_string())
    })
}

pub(super) fn required_text(row: &Row, column: Column, out: &mut Vec<Diagnostic>) -> String {
    let (value, at) = row.cell(column);
    if value.is_empty() {
        out.push(Diagnostic::at(
            at,
            Problem::EmptyCell {
                column: column.name.to_string(),
            },
        ));
    }
    value.display().trim().to_string()
}

/// Cell text parsed for paragraphs, bullets and footnotes; an unclosed `^[` is reported at the cell.
pub(super) fn optional_rich(row: &Row, column: Column, out: &mut Vec<Diagnostic>) -> RichText {
    let (value, at) = row.cell(column);
    let parsed = text::parse(value.display().trim());
    if parsed.unmatched_footnote {
        out.push(Diagnostic::at(
            at,
            Problem::UnmatchedFootnote {
                column: column.name.to_string(),
            },
        ));
    }
    parsed
}

/// Plain text kept as written, but checked the same way, since documents parse it later.
fn checked_text(row: &Row, column: Column, out: &mut Vec<Diagnostic>) -> String {
    optional_rich(row, column, out);
    row.text(column)
}

/// An amount cell: `Ok(None)` when empty, `Err(())` (after reporting) when it cannot be read.
fn amount_cell(
    row: &Row,
    column: Column,
    required: bool,
    out: &mut Vec<Diagnostic>,
) -> (Result<Option<Amount>, ()>, CellRef) {
    let (value, at) = row.cell(column);
    // Excel shows a merged amount on every row it covers; counted on each, it would be counted
    // twice. Only the row whose cell holds it keeps it.
    if let Some(first) = row.merged_into(column) {
        out.push(Diagnostic::at(
            at.clone(),
            Problem::MergedAmount {
                column: column.name.to_string(),
                first: first.address(),
            },
        ));
        return (Err(()), at);
    }
    if value.is_empty() {
        if required {
            out.push(Diagnostic::at(
                at.clone(),
                Problem::EmptyCell {
                    column: column.name.to_string(),
                },
            ));
            return (Err(()), at);
        }
        return (Ok(None), at);
    }
    match parse_amount(value) {
        Ok(a) => (Ok(Some(a)), at),
        Err(e) => {
            if let Some(problem) = e.problem(column, value) {
                out.push(Diagnostic::at(at.clone(), problem));
            }
            (Err(()), at)
        }
    }
}

fn load_info(book: &Workbook, out: &mut Vec<Diagnostic>) -> Info {
    let mut info = Info {
        title: String::new(),
        year: 0,
        organisation: String::new(),
        county: None,
        date: NaiveDate::default(),
        steering_group: None,
        addressee: None,
        reference: None,
        deadline: None,
        sender: None,
        sender_mailbox: None,
    };
    let Some(table) = find_table(book, &info_sheet::SHEET, true, out) else {
        return info;
    };

    let mut seen = BTreeSet::new();
    for row in table.rows() {
        let field = row.text(info_sheet::FIELD);
        let (value, at) = row.cell(info_sheet::VALUE);
        let key = field.to_lowercase();
        seen.insert(key.clone());
        let required = info_sheet::REQUIRED_FIELDS
            .iter()
            .any(|f| f.to_lowercase() == key);
        if required && value.is_empty() {
            out.push(Diagnostic::at(
                at,
                Problem::EmptyCell {
                    column: field.clone(),
                },
            ));
            continue;
        }
        read_field(&mut info, field, value, at, out);
    }
    for field in info_sheet::REQUIRED_FIELDS {
        if !seen.contains(&field.to_lowercase()) {
            out.push(Diagnostic::new(
                Place::Sheet {
                    file: table.sheet.file.clone(),
                    sheet: table.sheet.name.clone(),
                },
                Problem::MissingField {
                    field: field.to_string(),
                },
            ));
        }
    }
    info
}

/// One field of Uppgifter into `info`, by its name (matched ignoring case, as the coordinator may
/// type it). Other fields are the user's own; they are carried along untouched.
fn read_field(
    info: &mut Info,
    field: String,
    value: &Value,
    at: CellRef,
    out: &mut Vec<Diagnostic>,
) {
    let text = value.display().trim().to_string();
    let optional = |t: String| (!t.is_empty()).then_some(t);
    let key = field.to_lowercase();
    let is = |name: &str| key == name.to_lowercase();
    let date = |out: &mut Vec<Diagnostic>, field: String| {
        let parsed = parse_date(value);
        if parsed.is_none() {
            out.push(Diagnostic::at(
                at.clone(),
                Problem::NotADate {
                    column: field,
                    value: text.clone(),
                },
            ));
        }
        parsed
    };
    if is(info_sheet::TITLE) {
        info.title = text;
    } else if is(info_sheet::ORGANISATION) {
        info.organisation = text;
    } else if is(info_sheet::YEAR) {
        match parse_year(value) {
            Some(y) => info.year = y,
            None => out.push(Diagnostic::at(
                at,
                Problem::NotAYear {
                    column: field,
                    value: text,
                },
            )),
        }
    } else if is(info_sheet::DATE) {
        if let Some(d) = date(out, field) {
            info.date = d;
        }
    } else if is(info_sheet::COUNTY) {
        info.county = optional(text);
    } else if is(info_sheet::STEERING_GROUP) {
        info.steering_group = optional(text);
    } else if is(info_sheet::ADDRESSEE) {
        info.addressee = optional(text);
    } else if is(info_sheet::REFERENCE) {
        info.reference = optional(text);
    } else if is(info_sheet::DEADLINE) && !value.is_empty() {
        if let Some(d) = date(out, field) {
            info.deadline = Some(d);
        }
    } else if is(info_sheet::SENDER) {
        match parse_mailbox(&text) {
            Ok(mailbox) => info.sender_mailbox = mailbox,
            Err((value, fault)) => out.push(Diagnostic::at(
                at,
                Problem::NotAnEmailAddress {
                    column: field,
                    value,
                    reason: fault.to_string(),
                },
            )),
        }
        info.sender = optional(text);
    }
}

fn load_areas(
    book: &Workbook,
    required: bool,
    out: &mut Vec<Diagnostic>,
    unreadable: &mut BTreeSet<CellRef>,
) -> Vec<Area> {
    let Some(table) = find_table(book, &areas::SHEET, required, out) else {
        return Vec::new();
    };
    let mut areas = Vec::new();
    for row in table.rows() {
        let (_, code_at) = row.cell(areas::CODE);
        let code = required_text(&row, areas::CODE, out);
        let name = required_text(&row, areas::NAME, out);
        let (budget, budget_at) = amount_cell(&row, areas::BUDGET, true, out);
        let (region_funds, _) = amount_cell(&row, areas::REGION_FUNDS, false, out);
        if code.is_empty() {
            continue;
        }
        if budget.is_err() {
            unreadable.insert(budget_at.clone());
        }
        areas.push(Area {
            parent: parent_code(&code).map(str::to_string),
            code,
            name,
            budget: budget.ok().flatten().unwrap_or(Amount::ZERO),
            region_funds: region_funds.ok().flatten(),
            description: checked_text(&row, areas::DESCRIPTION, out),
            code_at,
            budget_at,
            extra: row.extra(),
        });
    }
    areas
}

fn load_initiatives(
    book: &Workbook,
    required: bool,
    out: &mut Vec<Diagnostic>,
    unreadable: &mut BTreeSet<CellRef>,
) -> Vec<Initiative> {
    let Some(table) = find_table(book, &initiatives::SHEET, required, out) else {
        return Vec::new();
    };
    let mut initiatives = Vec::new();
    for row in table.rows() {
        let (_, area_at) = row.cell(initiatives::AREA);
        let area = required_text(&row, initiatives::AREA, out);
        let name = required_text(&row, initiatives::NAME, out);
        let recipient = required_text(&row, initiatives::RESPONSIBLE, out);
        let kind_text = required_text(&row, initiatives::KIND, out);
        let kind = Kind::parse(&kind_text);
        if kind.is_none() && !kind_text.is_empty() {
            out.push(Diagnostic::at(
                row.cell(initiatives::KIND).1,
                Problem::UnknownKind {
                    suggestion: nearest(&kind_text, Kind::LABELS),
                    value: kind_text,
                },
            ));
        }
        let (amount, amount_at) = amount_cell(&row, initiatives::AMOUNT, true, out);
        if amount.is_err() {
            unreadable.insert(amount_at.clone());
        }
        let (requisitioned, requisitioned_at) =
            amount_cell(&row, initiatives::REQUISITIONED, false, out);
        let (spent, spent_at) = amount_cell(&row, initiatives::SPENT, false, out);
        let assessment_text = row.text(initiatives::ASSESSMENT);
        let assessment = Assessment::parse(&assessment_text);
        if assessment.is_none() && !assessment_text.is_empty() {
            out.push(Diagnostic::at(
                row.cell(initiatives::ASSESSMENT).1,
                Problem::UnknownAssessment {
                    suggestion: nearest(&assessment_text, Assessment::ALL_LABELS),
                    value: assessment_text,
                },
            ));
        }
        initiatives.push(Initiative {
            area,
            name,
            description: checked_text(&row, initiatives::DESCRIPTION, out),
            kind,
            amount: amount.ok().flatten().unwrap_or(Amount::ZERO),
            status: row.text(initiatives::STATUS),
            recipient,
            funding_project: row.text(initiatives::FUNDING_PROJECT),
            requisitioned: requisitioned.ok().flatten(),
            spent: spent.ok().flatten(),
            assessment,
            comment: row.text(initiatives::COMMENT),
            area_at,
            amount_at,
            requisitioned_at,
            spent_at,
            extra: row.extra(),
        });
    }
    initiatives
}

fn load_timeline(book: &Workbook, out: &mut Vec<Diagnostic>) -> Vec<Event> {
    let Some(table) = find_table(book, &timeline::SHEET, false, out) else {
        return Vec::new();
    };
    table
        .rows()
        .map(|row| {
            // A real date is shown as ISO; a label such as "Mars–April" as written.
            let when = match row.value(timeline::DATE) {
                Value::Date(d) => d.format("%Y-%m-%d").to_string(),
                other => other.display().trim().to_string(),
            };
            Event {
                when,
                what: required_text(&row, timeline::EVENT, out),
            }
        })
        .collect()
}

fn load_summary(book: &Workbook, out: &mut Vec<Diagnostic>) -> Vec<String> {
    let Some(table) = find_table(book, &summary::SHEET, false, out) else {
        return Vec::new();
    };
    table
        .rows()
        .map(|row| row.text(summary::POINT))
        .filter(|t| !t.is_empty())
        .collect()
}
