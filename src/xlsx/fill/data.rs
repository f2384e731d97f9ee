//! Everything a template can name, taken from the loaded agreement. This is the only file of `fill`
//! that knows the model: a change in how the model is built touches this file alone.

use crate::diagnostics::group_digits;
use crate::model::schema::{areas, computed, info as info_sheet, initiatives};
use crate::model::{Agreement, Amount, Area, AreaFigures, Assessment, Initiative};
use crate::workbook::{self, Table, Workbook};
use chrono::NaiveDate;

/// A value to put in a cell: a cell that is exactly one placeholder keeps the type.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Value {
    /// As written inside other text: `1 234 567`, ISO dates.
    pub fn display(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.clone(),
            // Four-digit numbers (a year) are written as they are; larger ones grouped.
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 10_000.0 => format!("{n}"),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                let grouped = group_digits(n.abs() as u128);
                if *n < 0.0 {
                    format!("−{grouped}")
                } else {
                    grouped
                }
            }
            Value::Number(n) => format!("{n:.2}").replace('.', ","),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }
}

fn amount(a: Amount) -> Value {
    Value::Number(a.kronor_f64())
}

fn optional_amount(a: Option<Amount>) -> Value {
    a.map_or(Value::Empty, amount)
}

fn text(s: &str) -> Value {
    if s.trim().is_empty() {
        Value::Empty
    } else {
        Value::Text(s.to_string())
    }
}

fn from_cell(v: &workbook::Value) -> Value {
    match v {
        workbook::Value::Empty => Value::Empty,
        workbook::Value::Number(n) => Value::Number(*n),
        workbook::Value::Date(d) => Value::Date(*d),
        other => text(&other.display()),
    }
}

/// One row a repeating template row is copied for.
#[derive(Debug, Clone)]
pub struct Record {
    /// The area codes this row belongs to: an insats's area and that area's parent, so
    /// `{{Insatser(1).…}}` also repeats the insatser of 1a and 1b.
    pub areas: Vec<String>,
    /// Aligned with the columns of its table.
    pub values: Vec<Value>,
}

/// What one filling of a template can name.
#[derive(Debug, Clone)]
pub struct Data {
    /// Fields of `Uppgifter` by name as written (and `Ansvarig`).
    pub fields: Vec<(String, Value)>,
    pub totals: Vec<(String, Value)>,
    pub area_columns: Vec<String>,
    /// Every area, so `{{Område 3.…}}` names one in every copy.
    pub areas: Vec<Record>,
    /// The areas a `{{Insatsområden.…}}` row repeats for (in a per-mottagare copy, only those the
    /// organisation has insatser in).
    pub area_rows: Vec<usize>,
    pub initiative_columns: Vec<String>,
    pub initiatives: Vec<Record>,
}

pub(crate) const TOTALS: [&str; 6] = [
    areas::BUDGET.name,
    computed::ALLOCATED,
    initiatives::REQUISITIONED.name,
    initiatives::SPENT.name,
    computed::REMAINING,
    computed::INITIATIVE_COUNT,
];

impl Data {
    /// The whole agreement; `{{Ansvarig}}` is empty.
    pub fn new(agreement: &Agreement, book: Option<&Workbook>) -> Data {
        build(agreement, book, None)
    }

    /// One responsible organisation's copy: only its insatser, the areas it has insatser in, and
    /// totals over its own insatser.
    pub fn for_recipient(agreement: &Agreement, book: Option<&Workbook>, recipient: &str) -> Data {
        // Only the organisation's own insatser are copied: one copy per organisation of all of
        // them (290 × 5 800 at national scale) dominated the per-mottagare copies and the drafts.
        // `build` reads no timeline, summary, uppdrag or contacts.
        let key = workbook::normalise(recipient);
        let own = Agreement {
            info: agreement.info.clone(),
            areas: agreement.areas.clone(),
            initiatives: agreement
                .initiatives
                .iter()
                .filter(|i| workbook::normalise(&i.recipient) == key)
                .cloned()
                .collect(),
            timeline: Vec::new(),
            summary: Vec::new(),
            mandates: Vec::new(),
            contacts: None,
        };
        let mut data = build(&own, book, Some(recipient));
        data.area_rows = own
            .areas
            .iter()
            .enumerate()
            .filter(|(_, a)| own.initiatives_under(&a.code).next().is_some())
            .map(|(i, _)| i)
            .collect();
        data
    }
}

fn build(agreement: &Agreement, book: Option<&Workbook>, recipient: Option<&str>) -> Data {
    let (area_columns, areas) = area_table(agreement, recipient);
    let (initiative_columns, initiatives) = initiative_table(agreement);
    Data {
        fields: fields(agreement, book, recipient),
        totals: totals(agreement, recipient),
        area_columns,
        area_rows: (0..areas.len()).collect(),
        areas,
        initiative_columns,
        initiatives,
    }
}

/// The single-value placeholders: the fields of Uppgifter (styrdok's, then the coordinator's own, as
/// typed), and `{{Ansvarig}}`.
fn fields(
    agreement: &Agreement,
    book: Option<&Workbook>,
    recipient: Option<&str>,
) -> Vec<(String, Value)> {
    let info = &agreement.info;
    let mut fields: Vec<(String, Value)> = vec![
        (info_sheet::TITLE.into(), text(&info.title)),
        (info_sheet::YEAR.into(), Value::Number(info.year as f64)),
        (info_sheet::ORGANISATION.into(), text(&info.organisation)),
        (
            info_sheet::COUNTY.into(),
            text(info.county.as_deref().unwrap_or("")),
        ),
        (info_sheet::DATE.into(), Value::Date(info.date)),
        (
            info_sheet::STEERING_GROUP.into(),
            text(info.steering_group.as_deref().unwrap_or("")),
        ),
        (
            info_sheet::ADDRESSEE.into(),
            text(info.addressee.as_deref().unwrap_or("")),
        ),
        (
            info_sheet::REFERENCE.into(),
            text(info.reference.as_deref().unwrap_or("")),
        ),
        (
            info_sheet::DEADLINE.into(),
            info.deadline.map_or(Value::Empty, Value::Date),
        ),
        (
            info_sheet::SENDER.into(),
            text(info.sender.as_deref().unwrap_or("")),
        ),
    ];
    // The coordinator's own fields of Uppgifter, as typed.
    if let Some(book) = book {
        let mut ignored = Vec::new();
        let spec = info_sheet::SHEET;
        if let Some(table) = Table::find(book, spec.name, spec.columns, false, &mut ignored) {
            for row in table.rows() {
                let name = row.text(info_sheet::FIELD);
                if !name.is_empty() && !fields.iter().any(|(f, _)| workbook::same_name(f, &name)) {
                    fields.push((name, from_cell(row.value(info_sheet::VALUE))));
                }
            }
        }
    }
    // `{{Ansvarig}}`: the organisation of a per-mottagare copy, named as the Insatser column.
    let responsible = initiatives::RESPONSIBLE.name;
    if !fields
        .iter()
        .any(|(f, _)| workbook::same_name(f, responsible))
    {
        fields.push((responsible.into(), text(recipient.unwrap_or(""))));
    }
    fields
}

/// `{{Totalt.…}}`, aligned with `TOTALS`.
fn totals(agreement: &Agreement, recipient: Option<&str>) -> Vec<(String, Value)> {
    let total = AreaFigures::total(agreement);
    TOTALS
        .iter()
        .map(|n| n.to_string())
        .zip([
            amount(total.budget),
            amount(total.insatser.allocated),
            amount(total.insatser.requisitioned),
            amount(total.insatser.spent),
            amount(kvar(&total, recipient)),
            Value::Number(agreement.initiatives.len() as f64),
        ])
        .collect()
}

/// `{{Insatsområden.…}}`: the columns (the sheet's, its extra ones, the computed figures) and one
/// record per area.
fn area_table(agreement: &Agreement, recipient: Option<&str>) -> (Vec<String>, Vec<Record>) {
    let area_extra = extra_headers(agreement.areas.iter().map(|a| &a.extra));
    // Aligned with the values of `area_record`.
    let mut area_columns: Vec<String> = areas::SHEET
        .columns
        .iter()
        .map(|c| c.name.to_string())
        .collect();
    area_columns.extend(area_extra.iter().cloned());
    area_columns.extend(
        [
            computed::ALLOCATED,
            initiatives::REQUISITIONED.name,
            initiatives::SPENT.name,
            computed::REMAINING,
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    let areas: Vec<Record> = agreement
        .areas
        .iter()
        .map(|a| area_record(agreement, a, &area_extra, recipient))
        .collect();
    (area_columns, areas)
}

/// `{{Insatser.…}}`: the columns (the sheet's, its extra ones, Kvar) and one record per insats.
fn initiative_table(agreement: &Agreement) -> (Vec<String>, Vec<Record>) {
    let initiative_extra = extra_headers(agreement.initiatives.iter().map(|i| &i.extra));
    let mut initiative_columns: Vec<String> = initiatives::SHEET
        .columns
        .iter()
        .map(|c| c.name.to_string())
        .collect();
    initiative_columns.extend(initiative_extra.iter().cloned());
    initiative_columns.push(computed::REMAINING.into());
    let initiatives = agreement
        .initiatives
        .iter()
        .map(|i| initiative_record(agreement, i, &initiative_extra))
        .collect();
    (initiative_columns, initiatives)
}

/// The headers of the columns the model does not know, in sheet order.
fn extra_headers<'a>(
    rows: impl Iterator<Item = &'a Vec<(String, workbook::Value)>>,
) -> Vec<String> {
    let mut headers: Vec<String> = Vec::new();
    for extra in rows {
        for (h, _) in extra {
            if !headers.contains(h) {
                headers.push(h.clone());
            }
        }
    }
    headers
}

fn extra_values(extra: &[(String, workbook::Value)], headers: &[String]) -> Vec<Value> {
    headers
        .iter()
        .map(|h| {
            extra
                .iter()
                .find(|(k, _)| k == h)
                .map_or(Value::Empty, |(_, v)| from_cell(v))
        })
        .collect()
}

/// `Totalt.Kvar` and `Insatsområden.Kvar`: Kvar av budget, as in the återrapport's figures; in one
/// organisation's copy its own Kvar (its Belopp − Förbrukat), as in its per-mottagare report, since
/// the area's budget less one organisation's spending is no figure at all.
fn kvar(figures: &AreaFigures, recipient: Option<&str>) -> Amount {
    match recipient {
        None => figures.remaining_of_budget(),
        Some(_) => figures.insatser.remaining(),
    }
}

fn area_record(
    agreement: &Agreement,
    a: &Area,
    extra: &[String],
    recipient: Option<&str>,
) -> Record {
    let figures = AreaFigures::of(agreement, a);
    let mut values = vec![
        text(&a.code),
        text(&a.name),
        amount(a.budget),
        optional_amount(a.region_funds),
        text(&a.description),
    ];
    debug_assert_eq!(values.len(), areas::SHEET.columns.len());
    values.extend(extra_values(&a.extra, extra));
    values.extend([
        amount(figures.insatser.allocated),
        amount(figures.insatser.requisitioned),
        amount(figures.insatser.spent),
        amount(kvar(&figures, recipient)),
    ]);
    Record {
        areas: std::iter::once(a.code.clone())
            .chain(a.parent.clone())
            .collect(),
        values,
    }
}

fn initiative_record(agreement: &Agreement, i: &Initiative, extra: &[String]) -> Record {
    let kind = i.kind.map(|k| crate::model::Kind::LABELS[k as usize]);
    let assessment = i.assessment.map(Assessment::label);
    // Aligned with the columns of `schema::initiatives`.
    let mut values = vec![
        text(&i.area),
        text(&i.name),
        text(&i.description),
        text(kind.unwrap_or("")),
        amount(i.amount),
        text(&i.status),
        text(&i.recipient),
        text(&i.funding_project),
        optional_amount(i.requisitioned),
        optional_amount(i.spent),
        text(assessment.unwrap_or("")),
        text(&i.comment),
    ];
    debug_assert_eq!(values.len(), initiatives::SHEET.columns.len());
    values.extend(extra_values(&i.extra, extra));
    // Insatser.Kvar: the insats's Kvar, its whole Belopp while no Förbrukat is filled in.
    values.push(amount(i.figures().remaining()));
    let parent = agreement.area(&i.area).and_then(|a| a.parent.clone());
    Record {
        areas: std::iter::once(i.area.clone()).chain(parent).collect(),
        values,
    }
}
