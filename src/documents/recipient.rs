//! A short återrapport for one responsible organisation (Ansvarig): only its insatser, its totals and
//! its share of each area → the data `templates/recipient.typ` renders.

use super::layout::{self, FollowUpRow, TableLayout};
use super::report::{AssessmentCounts, Row, row};
use crate::model::{Agreement, Amount, Figures, Initiative, by_organisation};
use crate::render::measure::Face;
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
    /// The tables' measures for the built-in template (`documents::layout`); not data to show.
    pub layout: RecipientLayout,
}

/// The measures of the report's tables: "Er andel av insatsområdena", then one table per area in
/// the order of `areas`. `None` where Typst must size a table itself.
#[derive(Debug, Serialize)]
pub struct RecipientLayout {
    pub shares: Option<TableLayout>,
    pub areas: Vec<Option<TableLayout>>,
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
    use rayon::prelude::*;
    // Side by side: measuring the tables of 290 reports took 60 ms in one thread.
    by_organisation(&agreement.initiatives)
        .into_par_iter()
        .filter(|o| !o.name.is_empty())
        .map(|o| {
            let report = build_from(agreement, &o.name, o.initiatives);
            (o.name, report)
        })
        .collect()
}

fn build_from(agreement: &Agreement, recipient: &str, mine: Vec<&Initiative>) -> RecipientReport {
    let areas: Vec<AreaShare> = agreement
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
    let layout = layout_of(&areas);
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
        layout,
    }
}

/// What `own-initiatives-table` and the shares table of templates/recipient.typ would size.
fn layout_of(areas: &[AreaShare]) -> RecipientLayout {
    let project: Vec<Vec<String>> = areas
        .iter()
        .map(|a| {
            a.rows
                .iter()
                .map(|r| {
                    // The second line: the project (its spaces unbreakable), " · " and the comment.
                    let mut line = format!("\n{}", r.project.replace(' ', "\u{A0}"));
                    if !r.project.is_empty() && !r.comment.is_empty() {
                        line.push_str(" · ");
                    }
                    line
                })
                .collect()
        })
        .collect();
    RecipientLayout {
        shares: layout::shares(areas.iter().map(|a| {
            (
                a.code.as_str(),
                a.name.as_str(),
                a.budget,
                a.figures.allocated,
                a.share,
            )
        })),
        areas: areas
            .iter()
            .zip(&project)
            .map(|(a, project)| {
                let rows: Vec<FollowUpRow> = a
                    .rows
                    .iter()
                    .zip(project)
                    .map(|(r, second)| {
                        let mut first = vec![(r.name.as_str(), Face::Bold)];
                        if !r.project.is_empty() || !r.comment.is_empty() {
                            first.push((second.as_str(), Face::Regular));
                            first.push((r.comment.as_str(), Face::Italic));
                        }
                        FollowUpRow {
                            first,
                            figures: [Some(r.amount), r.requisitioned, r.spent, r.remaining],
                            assessment: r.assessment,
                            below: None,
                        }
                    })
                    .collect();
                let f = a.figures;
                layout::follow_up(
                    "Insats och projekt",
                    &format!("Summa {}", a.code),
                    &rows,
                    Some([f.allocated, f.requisitioned, f.spent]),
                )
            })
            .collect(),
    }
}
