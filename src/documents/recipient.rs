//! A short återrapport for one responsible organisation (Ansvarig): only its insatser, its totals and
//! its share of each area → the data `templates/recipient.typ` renders.

use super::report::{AssessmentCounts, Row, row};
use crate::model::{Agreement, Amount, Figures, Initiative, by_organisation};
use serde::Serialize;

pub(crate) const TEMPLATE: &str = "recipient.typ";

#[derive(Debug, Serialize)]
pub struct RecipientReport {
    pub recipient: String,
    pub title: String,
    pub organisation: String,
    pub reference: Option<String>,
    pub date: String,
    pub year: i32,
    /// The organisation's money in the whole agreement.
    #[serde(flatten)]
    pub figures: Figures,
    pub assessments: AssessmentCounts,
    pub initiative_count: usize,
    pub areas: Vec<AreaShare>,
}

/// One area (or sub-area) the recipient has insatser in, and how much of its budget they hold.
#[derive(Debug, Serialize)]
pub struct AreaShare {
    pub code: String,
    pub name: String,
    /// The area's budget.
    pub budget: Amount,
    /// The recipient's own money in the area: its insatser booked on it.
    pub figures: Figures,
    /// The recipient's allocated money as a share of the area's budget, 0 when there is no budget.
    pub share: f64,
    pub rows: Vec<Row>,
}

/// One report per responsible organisation, in `responsible_organisations` order (the insatser
/// without an Ansvarig belong to no report).
pub fn build_all(agreement: &Agreement) -> Vec<(String, RecipientReport)> {
    by_organisation(&agreement.initiatives)
        .into_iter()
        .filter(|o| !o.name.is_empty())
        .map(|o| {
            let report = build_from(agreement, &o.name, o.initiatives);
            (o.name, report)
        })
        .collect()
}

fn build_from(agreement: &Agreement, recipient: &str, mine: Vec<&Initiative>) -> RecipientReport {
    let areas = agreement
        .areas
        .iter()
        .filter_map(|a| {
            let rows: Vec<&Initiative> =
                mine.iter().copied().filter(|i| i.area == a.code).collect();
            if rows.is_empty() {
                return None;
            }
            let figures = Figures::of(rows.iter().copied());
            Some(AreaShare {
                code: a.code.clone(),
                name: a.name.clone(),
                budget: a.budget,
                figures,
                share: figures.allocated.share_of(a.budget),
                rows: rows.into_iter().map(row).collect(),
            })
        })
        .collect();
    let info = &agreement.info;
    RecipientReport {
        recipient: recipient.to_string(),
        title: info.title.clone(),
        organisation: info.organisation.clone(),
        reference: info.reference.clone(),
        date: info.date.format("%Y-%m-%d").to_string(),
        year: info.year,
        figures: Figures::of(mine.iter().copied()),
        assessments: AssessmentCounts::of(mine.iter().copied()),
        initiative_count: mine.len(),
        areas,
    }
}
