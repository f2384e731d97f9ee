//! The yearly återrapport to Välfärdsrådet and Länschefsnätverket: model → the data
//! `templates/report.typ` renders. Every sum is computed here, once, so the document and the checks
//! can never disagree.

use super::Options;
use super::attention::{self, Attention};
use super::summary::{self, AreaSummary};
use crate::changes::{self, Changes};
use crate::model::text::{self, RichText};
use crate::model::{Agreement, Amount, Area, Assessment, Initiative};
use serde::Serialize;

pub const TEMPLATE: &str = "report.typ";

#[derive(Debug, Serialize)]
pub struct Report {
    pub title: String,
    pub organisation: String,
    pub county: Option<String>,
    /// Who the report is addressed to (Uppgifter: Mottagare).
    pub addressee: Option<String>,
    pub reference: Option<String>,
    pub date: String,
    pub year: i32,
    pub summary: Vec<String>,
    pub totals: Figures,
    pub assessments: AssessmentCounts,
    pub initiative_count: usize,
    pub areas: Vec<AreaReport>,
    /// The chapter "Förändringar sedan …"; absent (not even in the data) without `--sedan`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<changes::view::View>,
    /// With `--alla-insatser`: the summarised areas again, every insats listed, as the appendix.
    pub appendix: Vec<AreaReport>,
}

/// Money of an area (or of the whole agreement). Remaining is budget minus spent.
#[derive(Debug, Serialize, Clone, Copy)]
pub struct Figures {
    pub budget: Amount,
    pub allocated: Amount,
    pub unallocated: Amount,
    pub requisitioned: Amount,
    pub spent: Amount,
    pub remaining: Amount,
    /// Spent as a share of budget, 0 when there is no budget.
    pub spent_share: f64,
}

#[derive(Debug, Serialize, Default)]
pub struct AssessmentCounts {
    pub green: usize,
    pub yellow: usize,
    pub red: usize,
    pub none: usize,
}

impl AssessmentCounts {
    pub fn of<'a>(initiatives: impl IntoIterator<Item = &'a Initiative>) -> Self {
        let mut counts = AssessmentCounts::default();
        for i in initiatives {
            match i.assessment {
                Some(Assessment::Green) => counts.green += 1,
                Some(Assessment::Yellow) => counts.yellow += 1,
                Some(Assessment::Red) => counts.red += 1,
                None => counts.none += 1,
            }
        }
        counts
    }
}

#[derive(Debug, Serialize)]
pub struct AreaReport {
    pub code: String,
    pub name: String,
    pub description: RichText,
    pub figures: Figures,
    /// Insatser booked on the area itself (not on a sub-area).
    pub initiatives: Vec<Row>,
    pub sub_areas: Vec<AreaReport>,
    /// Set for a large area: the chapter shows it in brief, and `initiatives` (here and in the
    /// sub-areas) are left empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<AreaSummary>,
    /// Set for a large area: its section "Att uppmärksamma", every Röd insats named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attention: Option<Attention>,
}

#[derive(Debug, Serialize)]
pub struct Row {
    pub name: String,
    pub recipient: String,
    pub project: String,
    pub amount: Amount,
    pub requisitioned: Option<Amount>,
    pub spent: Option<Amount>,
    /// Belopp minus Förbrukat; absent while nothing is reported as spent.
    pub remaining: Option<Amount>,
    pub assessment: Option<Assessment>,
    pub comment: String,
}

/// The report; with a chapter on the changes since the last meeting when given.
pub fn build(agreement: &Agreement, options: Options, changes: Option<&Changes>) -> Report {
    let info = &agreement.info;
    let assessments = AssessmentCounts::of(&agreement.initiatives);
    let budget = agreement.total_budget();
    let allocated = agreement.total_allocated();
    let requisitioned = agreement
        .initiatives
        .iter()
        .filter_map(|i| i.requisitioned)
        .sum();
    let spent = agreement.initiatives.iter().filter_map(|i| i.spent).sum();
    Report {
        title: info.title.clone(),
        organisation: info.organisation.clone(),
        county: info.county.clone(),
        addressee: info.addressee.clone(),
        reference: info.reference.clone(),
        date: info.date.format("%Y-%m-%d").to_string(),
        year: info.year,
        summary: agreement.summary.clone(),
        totals: figures(budget, allocated, requisitioned, spent),
        assessments,
        initiative_count: agreement.initiatives.len(),
        areas: agreement
            .top_areas()
            .map(|a| {
                let summary = summary::of_large(agreement, a, options);
                let mut data = area(agreement, a, summary.is_none());
                if summary.is_some() {
                    data.attention =
                        Some(attention::of_area(agreement, a, options, attention::REPORT));
                }
                data.summary = summary;
                data
            })
            .collect(),
        appendix: if options.all_initiatives {
            agreement
                .top_areas()
                .filter(|a| summary::is_large(agreement, a))
                .map(|a| area(agreement, a, true))
                .collect()
        } else {
            Vec::new()
        },
        changes: changes.map(changes::view::build),
    }
}

pub(super) fn figures(
    budget: Amount,
    allocated: Amount,
    requisitioned: Amount,
    spent: Amount,
) -> Figures {
    let share = if budget.ore() > 0 {
        spent.ore() as f64 / budget.ore() as f64
    } else {
        0.0
    };
    Figures {
        budget,
        allocated,
        unallocated: budget - allocated,
        requisitioned,
        spent,
        remaining: budget - spent,
        spent_share: share,
    }
}

/// An area and its sub-areas, with their insatser when `listed`.
fn area(agreement: &Agreement, a: &Area, listed: bool) -> AreaReport {
    AreaReport {
        code: a.code.clone(),
        name: a.name.clone(),
        description: text::parse(&a.description),
        figures: figures(
            a.budget,
            agreement.allocated(&a.code),
            agreement.requisitioned(&a.code),
            agreement.spent(&a.code),
        ),
        initiatives: if listed {
            agreement.initiatives_in(&a.code).map(row).collect()
        } else {
            Vec::new()
        },
        sub_areas: agreement
            .sub_areas(&a.code)
            .map(|s| area(agreement, s, listed))
            .collect(),
        summary: None,
        attention: None,
    }
}

pub(super) fn row(i: &Initiative) -> Row {
    Row {
        name: i.name.clone(),
        recipient: i.recipient.clone(),
        project: i.project.clone(),
        amount: i.amount,
        requisitioned: i.requisitioned,
        spent: i.spent,
        remaining: i.spent.map(|s| i.amount - s),
        assessment: i.assessment,
        comment: i.comment.clone(),
    }
}
