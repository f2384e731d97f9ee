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
    /// `Datum 2025-09-29 → 2025-11-20`, one per changed field of Uppgifter.
    pub info: Vec<String>,
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
    /// The insats, or `Område 1a: Handlingsplaner` for an area's own change.
    pub name: String,
    pub area: bool,
    /// `Belopp 800 000 → 750 000 kr (−50 000 kr)`, one per changed field.
    pub lines: Vec<String>,
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
        info: changes.info.iter().map(|f| f.line()).collect(),
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
                        name: format!("Område {}: {}", a.code, a.name),
                        area: true,
                        lines: a.fields.iter().map(|f| f.line()).collect(),
                    })
                    .collect();
                rows.extend(g.initiatives.iter().map(|i| RowView {
                    mark: i.mark,
                    code: i.area.clone(),
                    name: i.name.clone(),
                    area: false,
                    lines: i.fields.iter().map(|f| f.line()).collect(),
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
