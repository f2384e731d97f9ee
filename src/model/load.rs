//! Building the agreement from the workbook's tables. Cell-level problems (empty, not an amount) are
//! reported here; rules across rows (budgets, codes) live in `checks`.

use super::load_mandates::{has_mandates, load_mandates};
use super::text::{self, RichText};
use super::{Agreement, Amount, Area, Assessment, Event, Info, Initiative, Kind, parent_code};
use crate::checks::{Diagnostic, Place, Problem};
use crate::workbook::values::{AmountError, parse_amount, parse_date, parse_year};
use crate::workbook::{CellRef, Column, Row, Table, Value, Workbook};
use chrono::NaiveDate;
use std::collections::BTreeSet;

pub const INFO_SHEET: &str = "Uppgifter";
pub const AREAS_SHEET: &str = "Insatsområden";
pub const INITIATIVES_SHEET: &str = "Insatser";
pub const TIMELINE_SHEET: &str = "Tidslinje";
pub const SUMMARY_SHEET: &str = "Sammanfattning";

pub const INFO_COLUMNS: &[Column] = &[Column::required("Fält"), Column::required("Värde")];
pub const AREA_COLUMNS: &[Column] = &[
    Column::required("Kod"),
    Column::required("Namn"),
    Column::required("Budget"),
    Column::optional("Regionens medel"),
    Column::optional("Beskrivning"),
];
pub const INITIATIVE_COLUMNS: &[Column] = &[
    Column::required("Område"),
    Column::required("Insats"),
    Column::optional("Beskrivning"),
    Column::required("Typ"),
    Column::required("Belopp"),
    Column::optional("Status"),
    Column::required("Ansvarig"),
    Column::optional("Projekt"),
    Column::optional("Rekvirerat"),
    Column::optional("Förbrukat"),
    Column::optional("Bedömning"),
    Column::optional("Kommentar"),
];
pub const TIMELINE_COLUMNS: &[Column] = &[Column::required("Datum"), Column::required("Händelse")];
pub const SUMMARY_COLUMNS: &[Column] = &[Column::required("Punkt")];

/// What loading gives: the agreement (complete only when there are no errors), every problem found,
/// and the areas whose sums cannot be trusted because an amount in them was unreadable.
#[derive(Debug)]
pub struct Loaded {
    pub agreement: Agreement,
    pub diagnostics: Vec<Diagnostic>,
    pub unreadable_amounts_in: BTreeSet<String>,
    /// The Insatser sheet exists (or is required) but its table could not be read (a required column
    /// is missing): sums over insatser and project links would only add misleading problems.
    pub initiatives_unreadable: bool,
}

pub fn load(book: &Workbook) -> Loaded {
    let mut out = Vec::new();
    let info = load_info(book, &mut out);
    // A workbook holding only uppdrag needs no agreement sheets; one holding neither needs them.
    // A workbook with uppdrag needs no agreement sheets: areas may be planned before any insats.
    let agreement_required = !has_mandates(book);
    let areas = load_areas(book, agreement_required, &mut out);
    let mut unreadable_amounts_in = BTreeSet::new();
    let initiatives = load_initiatives(
        book,
        agreement_required,
        &mut out,
        &mut unreadable_amounts_in,
    );
    let initiatives_unreadable = initiatives.is_empty()
        && out.iter().any(|d| match (&d.place, &d.problem) {
            (Place::Sheet { sheet, .. }, _) => crate::workbook::same_name(sheet, INITIATIVES_SHEET),
            (_, Problem::MissingSheet { sheet }) => sheet == INITIATIVES_SHEET,
            _ => false,
        });
    let timeline = load_timeline(book, &mut out);
    let summary = load_summary(book, &mut out);
    let mandates = load_mandates(book, &mut out);
    Loaded {
        agreement: Agreement {
            info,
            areas,
            initiatives,
            timeline,
            summary,
            mandates,
        },
        diagnostics: out,
        unreadable_amounts_in,
        initiatives_unreadable,
    }
}

pub(super) fn required_text(row: &Row, column: &str, out: &mut Vec<Diagnostic>) -> String {
    let (value, at) = row.cell(column);
    if value.is_empty() {
        out.push(Diagnostic::at(
            at,
            Problem::EmptyCell {
                column: column.to_string(),
            },
        ));
    }
    value.display().trim().to_string()
}

/// Cell text parsed for paragraphs, bullets and footnotes; an unclosed `^[` is reported at the cell.
pub(super) fn optional_rich(row: &Row, column: &str, out: &mut Vec<Diagnostic>) -> RichText {
    let (value, at) = row.cell(column);
    let parsed = text::parse(value.display().trim());
    if parsed.unmatched_footnote {
        out.push(Diagnostic::at(
            at,
            Problem::UnmatchedFootnote {
                column: column.to_string(),
            },
        ));
    }
    parsed
}

/// Plain text kept as written, but checked the same way, since documents parse it later.
fn checked_text(row: &Row, column: &str, out: &mut Vec<Diagnostic>) -> String {
    optional_rich(row, column, out);
    row.text(column)
}

fn amount_problem(column: &str, value: &Value, error: AmountError) -> Problem {
    let (column, value) = (column.to_string(), value.display());
    match error {
        AmountError::NotAnAmount => Problem::NotAnAmount { column, value },
        AmountError::Negative => Problem::NegativeAmount { column, value },
    }
}

/// A required amount; `None` (after reporting) when empty or unreadable.
fn required_amount(
    row: &Row,
    column: &str,
    out: &mut Vec<Diagnostic>,
) -> (Option<Amount>, CellRef) {
    let (value, at) = row.cell(column);
    if value.is_empty() {
        out.push(Diagnostic::at(
            at.clone(),
            Problem::EmptyCell {
                column: column.to_string(),
            },
        ));
        return (None, at);
    }
    match parse_amount(value) {
        Ok(a) => (Some(a), at),
        Err(e) => {
            out.push(Diagnostic::at(at.clone(), amount_problem(column, value, e)));
            (None, at)
        }
    }
}

/// An amount that may be left empty.
fn optional_amount(
    row: &Row,
    column: &str,
    out: &mut Vec<Diagnostic>,
) -> (Option<Amount>, CellRef) {
    let (value, at) = row.cell(column);
    if value.is_empty() {
        return (None, at);
    }
    match parse_amount(value) {
        Ok(a) => (Some(a), at),
        Err(e) => {
            out.push(Diagnostic::at(at.clone(), amount_problem(column, value, e)));
            (None, at)
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
        recipient: None,
        reference: None,
    };
    let Some(table) = Table::find(book, INFO_SHEET, INFO_COLUMNS, true, out) else {
        return info;
    };

    let mut seen = BTreeSet::new();
    for row in table.rows() {
        let field = row.text("Fält");
        let (value, at) = row.cell("Värde");
        let text = value.display().trim().to_string();
        let optional = |t: String| (!t.is_empty()).then_some(t);
        let key = field.to_lowercase();
        seen.insert(key.clone());
        let required = matches!(key.as_str(), "titel" | "år" | "organisation" | "datum");
        if required && value.is_empty() {
            out.push(Diagnostic::at(
                at,
                Problem::EmptyCell {
                    column: field.clone(),
                },
            ));
            continue;
        }
        match key.as_str() {
            "titel" => info.title = text,
            "organisation" => info.organisation = text,
            "år" => match parse_year(value) {
                Some(y) => info.year = y,
                None => out.push(Diagnostic::at(
                    at,
                    Problem::NotAYear {
                        column: field,
                        value: text,
                    },
                )),
            },
            "datum" => match parse_date(value) {
                Some(d) => info.date = d,
                None => out.push(Diagnostic::at(
                    at,
                    Problem::NotADate {
                        column: field,
                        value: text,
                    },
                )),
            },
            "län" => info.county = optional(text),
            "styrgrupp" => info.steering_group = optional(text),
            "mottagare" => info.recipient = optional(text),
            "diarienummer" => info.reference = optional(text),
            // Other fields are the user's own; they are carried along untouched.
            _ => {}
        }
    }
    for field in ["Titel", "År", "Organisation", "Datum"] {
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

fn load_areas(book: &Workbook, required: bool, out: &mut Vec<Diagnostic>) -> Vec<Area> {
    let Some(table) = Table::find(book, AREAS_SHEET, AREA_COLUMNS, required, out) else {
        return Vec::new();
    };
    let mut areas: Vec<Area> = Vec::new();
    for row in table.rows() {
        let (_, code_at) = row.cell("Kod");
        let code = required_text(&row, "Kod", out);
        let name = required_text(&row, "Namn", out);
        let (budget, budget_at) = required_amount(&row, "Budget", out);
        let (region_funds, _) = optional_amount(&row, "Regionens medel", out);
        if code.is_empty() {
            continue;
        }
        if let Some(first) = areas.iter().find(|a| a.code.eq_ignore_ascii_case(&code)) {
            out.push(Diagnostic::at(
                code_at,
                Problem::DuplicateArea {
                    code: code.clone(),
                    first_row: first.code_at.row + 1,
                },
            ));
            continue;
        }
        areas.push(Area {
            parent: parent_code(&code).map(str::to_string),
            code,
            name,
            budget: budget.unwrap_or(Amount::ZERO),
            region_funds,
            description: checked_text(&row, "Beskrivning", out),
            code_at,
            budget_at,
            extra: row.extra(),
        });
    }
    // A sub-area code like 1a only makes sense next to area 1.
    let codes: BTreeSet<String> = areas.iter().map(|a| a.code.clone()).collect();
    for area in &mut areas {
        if let Some(parent) = &area.parent {
            if !codes.contains(parent) {
                out.push(Diagnostic::at(
                    area.code_at.clone(),
                    Problem::MissingParentArea {
                        code: area.code.clone(),
                        parent: parent.clone(),
                    },
                ));
                area.parent = None;
            }
        }
    }
    areas
}

fn load_initiatives(
    book: &Workbook,
    required: bool,
    out: &mut Vec<Diagnostic>,
    unreadable: &mut BTreeSet<String>,
) -> Vec<Initiative> {
    let Some(table) = Table::find(book, INITIATIVES_SHEET, INITIATIVE_COLUMNS, required, out)
    else {
        return Vec::new();
    };
    let mut initiatives = Vec::new();
    for row in table.rows() {
        let (_, area_at) = row.cell("Område");
        let area = required_text(&row, "Område", out);
        let name = required_text(&row, "Insats", out);
        let recipient = required_text(&row, "Ansvarig", out);
        let kind_text = required_text(&row, "Typ", out);
        let kind = Kind::parse(&kind_text);
        if kind.is_none() && !kind_text.is_empty() {
            out.push(Diagnostic::at(
                row.cell("Typ").1,
                Problem::UnknownKind { value: kind_text },
            ));
        }
        let (amount, amount_at) = required_amount(&row, "Belopp", out);
        if amount.is_none() {
            unreadable.insert(area.clone());
        }
        let (requisitioned, requisitioned_at) = optional_amount(&row, "Rekvirerat", out);
        let (spent, spent_at) = optional_amount(&row, "Förbrukat", out);
        let assessment_text = row.text("Bedömning");
        let assessment = Assessment::parse(&assessment_text);
        if assessment.is_none() && !assessment_text.is_empty() {
            out.push(Diagnostic::at(
                row.cell("Bedömning").1,
                Problem::UnknownAssessment {
                    value: assessment_text,
                },
            ));
        }
        initiatives.push(Initiative {
            area,
            name,
            description: checked_text(&row, "Beskrivning", out),
            kind,
            amount: amount.unwrap_or(Amount::ZERO),
            status: row.text("Status"),
            recipient,
            project: row.text("Projekt"),
            requisitioned,
            spent,
            assessment,
            comment: row.text("Kommentar"),
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
    let Some(table) = Table::find(book, TIMELINE_SHEET, TIMELINE_COLUMNS, false, out) else {
        return Vec::new();
    };
    table
        .rows()
        .map(|row| {
            // A real date is shown as ISO; a label such as "Mars–April" as written.
            let when = match row.value("Datum") {
                Value::Date(d) => d.format("%Y-%m-%d").to_string(),
                other => other.display().trim().to_string(),
            };
            Event {
                when,
                what: required_text(&row, "Händelse", out),
            }
        })
        .collect()
}

fn load_summary(book: &Workbook, out: &mut Vec<Diagnostic>) -> Vec<String> {
    let Some(table) = Table::find(book, SUMMARY_SHEET, SUMMARY_COLUMNS, false, out) else {
        return Vec::new();
    };
    table
        .rows()
        .map(|row| row.text("Punkt"))
        .filter(|t| !t.is_empty())
        .collect()
}
