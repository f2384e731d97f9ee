//! The yearly återrapport to Välfärdsrådet and Länschefsnätverket: model → the data
//! `templates/report.typ` renders. Every sum and difference of money is `model::figures`', the
//! same the checks, the filled mallar and the updated workbook use, so they can never disagree.

use super::Options;
use super::attention::{self, Attention};
use super::layout::{self, FollowUpRow, TableLayout};
use super::summary::{self, AreaSummary};
use crate::changes::{self, Changes};
use crate::model::text::{self, RichText};
use crate::model::{Agreement, Amount, Area, AreaFigures, Assessment, Initiative};
use crate::render::measure::Face;
use serde::Serialize;

pub(crate) const TEMPLATE: &str = "report.typ";

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
    pub totals: AreaFigures,
    pub assessments: AssessmentCounts,
    pub initiative_count: usize,
    pub areas: Vec<AreaReport>,
    /// The chapter "Förändringar sedan …"; absent (not even in the data) without `--sedan`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<changes::view::View>,
    /// With `--alla-insatser`: the summarised areas again, every insats listed, as the appendix.
    pub appendix: Vec<AreaReport>,
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
    pub figures: AreaFigures,
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
    /// The measures of the table of `initiatives` for the built-in template (`documents::layout`),
    /// when it has rows and they can be known; not data to show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<TableLayout>,
}

/// An insats in a list: its money as reported. `extra` is what a list adds to every row (the money at
/// stake in "Att uppmärksamma", `attention::Case`); it sits among the money fields, where the data
/// has always had it.
#[derive(Debug, Serialize)]
pub struct Row<Extra = ()> {
    pub name: String,
    pub recipient: String,
    pub project: String,
    pub amount: Amount,
    pub requisitioned: Option<Amount>,
    pub spent: Option<Amount>,
    /// Kvar, absent while nothing is reported as spent (`Initiative::reported_remaining`).
    pub remaining: Option<Amount>,
    #[serde(flatten)]
    pub extra: Extra,
    pub assessment: Option<Assessment>,
    pub comment: String,
}

/// The report; with a chapter on the changes since the last meeting when given.
pub fn build(agreement: &Agreement, options: Options, changes: Option<&Changes>) -> Report {
    let info = &agreement.info;
    let assessments = AssessmentCounts::of(&agreement.initiatives);
    Report {
        title: info.title.clone(),
        organisation: info.organisation.clone(),
        county: info.county.clone(),
        addressee: info.addressee.clone(),
        reference: info.reference.clone(),
        date: info.date.format("%Y-%m-%d").to_string(),
        year: info.year,
        summary: agreement.summary.clone(),
        totals: AreaFigures::total(agreement),
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

/// An area and its sub-areas, with their insatser when `listed`.
fn area(agreement: &Agreement, a: &Area, listed: bool) -> AreaReport {
    let mut report = AreaReport {
        code: a.code.clone(),
        name: a.name.clone(),
        description: text::parse(&a.description),
        figures: AreaFigures::of(agreement, a),
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
        layout: None,
    };
    report.layout = initiatives_layout(&report);
    report
}

/// What `initiatives-table` (templates/styrdok.typ) would size for an area's insatser: the name,
/// then Ansvarig and project; a Kommentar on a row of its own; a sum row when the template shows
/// one (an area without sub-areas, every sub-area).
fn initiatives_layout(a: &AreaReport) -> Option<TableLayout> {
    if a.initiatives.is_empty() {
        return None;
    }
    let second: Vec<String> = a
        .initiatives
        .iter()
        .map(|r| {
            let mut line = format!("\n{}", r.recipient);
            if !r.project.is_empty() {
                line.push_str(" · ");
                line.push_str(&r.project.replace(' ', "\u{A0}"));
            }
            line
        })
        .collect();
    let rows: Vec<FollowUpRow> = a
        .initiatives
        .iter()
        .zip(&second)
        .map(|(r, second)| FollowUpRow {
            first: vec![
                (r.name.as_str(), Face::Bold),
                (second.as_str(), Face::Regular),
            ],
            figures: [Some(r.amount), r.requisitioned, r.spent, r.remaining],
            assessment: r.assessment,
            below: (!r.comment.is_empty()).then(|| {
                vec![
                    ("Kommentar:", Face::Italic),
                    (" ", Face::Regular),
                    (r.comment.as_str(), Face::Regular),
                ]
            }),
        })
        .collect();
    let f = a.figures.insatser;
    // Sub-areas are made before their area, so an area's own are known here.
    let sum = a
        .sub_areas
        .is_empty()
        .then_some([f.allocated, f.requisitioned, f.spent]);
    layout::follow_up(
        "Insats, ansvarig och projekt",
        &format!("Summa {}", a.code),
        &rows,
        sum,
    )
}

pub(super) fn row(i: &Initiative) -> Row {
    row_with(i, ())
}

/// An insats's row with what a list adds to it.
pub(super) fn row_with<Extra>(i: &Initiative, extra: Extra) -> Row<Extra> {
    Row {
        name: i.name.clone(),
        recipient: i.recipient.clone(),
        project: i.funding_project.clone(),
        amount: i.amount,
        requisitioned: i.requisitioned,
        spent: i.spent,
        remaining: i.reported_remaining(),
        extra,
        assessment: i.assessment,
        comment: i.comment.clone(),
    }
}
