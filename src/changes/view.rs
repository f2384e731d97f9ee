//! The changes as document data: what the deck's "Förändringar sedan …" slides and the report's
//! chapter render. Every figure and every `före → efter` is written here, once, so the two
//! documents and the terminal say the same.

use super::{Changes, Counts, InitiativeChange, Mark, kronor_digits, signed};
use crate::diagnostics::group_digits;
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
    /// Set when the area has more changed insatser than a document lists: which of them are shown
    /// and where the rest are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shortened: Option<String>,
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

/// An area with more changed insatser than this lists only the `LISTED` largest in the documents
/// (a new year's workbook can change thousands: 5 800 made a 322-slide deck). Not the large-area
/// threshold (`documents::summary::SUMMARISE_ABOVE`), though both are 24: that one counts an area's
/// insatser, whose rows carry a description each, this one the rows of its change list; either can
/// move without the other.
const LIST_ALL_UP_TO: usize = 24;
const LISTED: usize = 12;

/// How much money an insats change moves: its money fields' differences, unsigned, in öre.
fn weight(change: &InitiativeChange) -> u128 {
    change
        .fields
        .iter()
        .filter_map(|f| f.difference())
        .map(|d| d.ore().unsigned_abs())
        .sum()
}

/// The insatser of an area to list, and the sentence saying what was left out (when something was).
fn listed(initiatives: &[InitiativeChange]) -> (Vec<&InitiativeChange>, Option<String>) {
    let mut shown: Vec<&InitiativeChange> = initiatives.iter().collect();
    if shown.len() <= LIST_ALL_UP_TO {
        return (shown, None);
    }
    // Largest first; equal ones stay in the workbook's order (the sort is stable).
    shown.sort_by_cached_key(|c| std::cmp::Reverse(weight(c)));
    shown.truncate(LISTED);
    let counts = Counts::of(initiatives);
    let note = format!(
        "Här visas de {LISTED} förändringar som flyttar mest pengar av {} i området ({} nya, {} \
         borttagna, {} ändrade). Alla finns i bladet Förändringar i den uppdaterade arbetsboken och \
         i «styrdok diff».",
        group_digits(initiatives.len() as u128),
        group_digits(counts.new as u128),
        group_digits(counts.removed as u128),
        group_digits(counts.changed as u128),
    );
    (shown, Some(note))
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
                let (shown, shortened) = listed(&g.initiatives);
                rows.extend(shown.into_iter().map(|i| RowView {
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
                    shortened,
                }
            })
            .collect(),
    }
}
