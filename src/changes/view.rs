//! The changes as document data: what the deck's "Förändringar sedan …" slides and the report's
//! chapter render. Every figure and every `före → efter` is written here, once, so the two
//! documents and the terminal say the same.

use super::{Changes, Counts, Mark, kronor_digits, signed};
use crate::model::Amount;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct View {
    /// The last meeting's date, `2025-09-29`.
    pub since: String,
    pub counts: Counts,
    /// One per changed field of Uppgifter.
    pub info: Vec<LineView>,
    /// Every insatsområde with its net change; `rows` only where something changed.
    pub areas: Vec<AreaView>,
}

#[derive(Debug, Serialize)]
pub struct AreaView {
    pub code: String,
    pub name: String,
    /// `300 000 → 350 000 kr`, or `350 000 kr` when the budget stayed.
    pub budget: String,
    pub budget_difference: String,
    pub allocated: String,
    pub allocated_difference: String,
    pub changed: bool,
    pub rows: Vec<RowView>,
}

#[derive(Debug, Serialize)]
pub struct RowView {
    pub mark: Mark,
    /// `1a` for an insats or sub-area of area 1.
    pub code: String,
    /// The insats, or `Delområde: Handlingsplaner` for an area's own change.
    pub name: String,
    pub area: bool,
    /// One per changed field.
    pub lines: Vec<LineView>,
}

/// A changed field: its name apart, so a document can set it off from the values.
#[derive(Debug, Serialize)]
pub struct LineView {
    /// `Belopp`
    pub field: &'static str,
    /// `800 000 → 750 000 kr (−50 000 kr)`; for a new or removed thing only its value.
    pub value: String,
}

fn lines(fields: &[super::FieldChange], mark: Mark) -> Vec<LineView> {
    fields
        .iter()
        .map(|f| LineView {
            field: f.field,
            value: f.value_in(mark),
        })
        .collect()
}

fn before_after(before: Option<Amount>, after: Option<Amount>) -> String {
    let figure = |a: Option<Amount>| a.map_or("–".to_string(), kronor_digits);
    if before == after {
        format!("{}\u{a0}kr", figure(after))
    } else {
        format!("{} → {}\u{a0}kr", figure(before), figure(after))
    }
}

pub fn build(changes: &Changes) -> View {
    View {
        since: changes.since.format("%Y-%m-%d").to_string(),
        counts: changes.counts(),
        info: lines(&changes.info, Mark::Changed),
        areas: changes
            .groups
            .iter()
            .map(|g| {
                let mut rows: Vec<RowView> = g
                    .areas
                    .iter()
                    .map(|a| RowView {
                        mark: a.mark,
                        code: a.code.clone(),
                        name: if a.code == g.code {
                            format!("Insatsområde: {}", a.name)
                        } else {
                            format!("Delområde: {}", a.name)
                        },
                        area: true,
                        lines: lines(&a.fields, a.mark),
                    })
                    .collect();
                rows.extend(g.initiatives.iter().map(|i| RowView {
                    mark: i.mark,
                    code: i.area.clone(),
                    name: i.name.clone(),
                    area: false,
                    lines: lines(&i.fields, i.mark),
                }));
                AreaView {
                    code: g.code.clone(),
                    name: g.name.clone(),
                    budget: before_after(g.budget_before, g.budget_after),
                    budget_difference: signed(g.budget_difference()),
                    allocated: before_after(Some(g.allocated_before), Some(g.allocated_after)),
                    allocated_difference: signed(g.allocated_difference()),
                    changed: g.has_changes(),
                    rows,
                }
            })
            .collect(),
    }
}
