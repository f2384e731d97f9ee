//! The status slide deck for the styrgrupp: model → the data `templates/deck.typ` renders.

use super::Options;
use super::summary::{self, AreaSummary};
use crate::changes::{self, Changes, Mark};
use crate::model::text::{self, RichText};
use crate::model::{Agreement, Amount, Area, Initiative};
use serde::Serialize;

pub const TEMPLATE: &str = "deck.typ";

#[derive(Debug, Serialize)]
pub struct Deck {
    pub title: String,
    pub organisation: String,
    pub county: Option<String>,
    pub steering_group: Option<String>,
    pub date: String,
    pub year: i32,
    pub budget: Amount,
    pub allocated: Amount,
    pub initiative_count: usize,
    pub timeline: Vec<Event>,
    pub areas: Vec<AreaData>,
    pub summary: Vec<String>,
    /// The "Förändringar sedan …" slides; absent (not even in the data) without `--sedan`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<changes::view::View>,
}

#[derive(Debug, Serialize)]
pub struct Event {
    pub when: String,
    pub what: String,
}

#[derive(Debug, Serialize)]
pub struct AreaData {
    pub code: String,
    pub name: String,
    pub budget: Amount,
    pub region_funds: Option<Amount>,
    pub allocated: Amount,
    pub description: RichText,
    /// Initiatives booked directly on this area.
    pub initiatives: Vec<Row>,
    pub sub_areas: Vec<AreaData>,
    /// Set for a large area: its slides summarise it, and `initiatives` (here and in the sub-areas)
    /// are left empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<AreaSummary>,
}

#[derive(Debug, Serialize)]
pub struct Row {
    pub name: String,
    pub description: RichText,
    pub kind: Option<crate::model::Kind>,
    pub amount: Amount,
    pub status: String,
    pub recipient: String,
    pub project: String,
    pub assessment: Option<crate::model::Assessment>,
    /// New or changed since the last meeting (with `--sedan`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Mark>,
}

/// The deck; with the changes since the last meeting when there are some to show.
pub fn build(agreement: &Agreement, options: Options, changes: Option<&Changes>) -> Deck {
    let info = &agreement.info;
    Deck {
        title: info.title.clone(),
        organisation: info.organisation.clone(),
        county: info.county.clone(),
        steering_group: info.steering_group.clone(),
        date: info.date.format("%Y-%m-%d").to_string(),
        year: info.year,
        budget: agreement.total_budget(),
        allocated: agreement.total_allocated(),
        initiative_count: agreement.initiatives.len(),
        timeline: agreement
            .timeline
            .iter()
            .map(|e| Event {
                when: e.when.clone(),
                what: e.what.clone(),
            })
            .collect(),
        areas: agreement
            .top_areas()
            .map(|a| {
                let summary = summary::of_large(agreement, a, options);
                let mut data = area(agreement, a, summary.is_none(), changes);
                data.summary = summary;
                data
            })
            .collect(),
        summary: agreement.summary.clone(),
        changes: changes.map(changes::view::build),
    }
}

/// An area and its sub-areas, with their insatser when `listed`.
fn area(agreement: &Agreement, a: &Area, listed: bool, changes: Option<&Changes>) -> AreaData {
    AreaData {
        code: a.code.clone(),
        name: a.name.clone(),
        budget: a.budget,
        region_funds: a.region_funds,
        allocated: agreement.allocated(&a.code),
        description: text::parse(&a.description),
        initiatives: if listed {
            agreement
                .initiatives_in(&a.code)
                .map(|i| row(i, changes))
                .collect()
        } else {
            Vec::new()
        },
        sub_areas: agreement
            .sub_areas(&a.code)
            .map(|s| area(agreement, s, listed, changes))
            .collect(),
        summary: None,
    }
}

fn row(i: &Initiative, changes: Option<&Changes>) -> Row {
    Row {
        name: i.name.clone(),
        description: text::parse(&i.description),
        kind: i.kind,
        amount: i.amount,
        status: i.status.clone(),
        recipient: i.recipient.clone(),
        project: i.project.clone(),
        assessment: i.assessment,
        change: changes.and_then(|c| c.mark_of(i)),
    }
}
