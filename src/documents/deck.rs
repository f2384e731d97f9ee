//! The status slide deck for the styrgrupp: model → the data `templates/deck.typ` renders.

use super::Options;
use super::attention::{self, Attention, Case, Listed};
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
    /// Set for a large area: the "Att uppmärksamma" slides that follow its summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attention: Option<AttentionSlides>,
}

/// What needs attention in a large area, and which of it goes on which slide.
#[derive(Debug, Serialize)]
pub struct AttentionSlides {
    #[serde(flatten)]
    pub attention: Attention,
    /// The sections of each slide, in order: one slide, or two when they do not fit on one.
    pub slides: Vec<Vec<Section>>,
}

/// A part of an "Att uppmärksamma" slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// The Röd insatser.
    Red,
    /// The Gul insatser.
    Yellow,
    /// Side by side: the insatser without a Bedömning and the organisations far behind.
    Late,
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
                let summary = summary::of_large(agreement, a, options).map(|mut s| {
                    // The deck names what needs attention instead; the largest insatser and the
                    // line per organisation stay in the återrapport.
                    s.largest.clear();
                    s.organisations.clear();
                    s
                });
                let mut data = area(agreement, a, summary.is_none(), changes);
                if summary.is_some() {
                    data.attention = Some(attention_slides(attention::of_area(
                        agreement,
                        a,
                        options,
                        attention::DECK,
                    )));
                }
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
        attention: None,
    }
}

/// A slide holds about this many lines of its 10-point tables (see `units`).
const SLIDE_UNITS: usize = 24;

/// A comment on a slide is cut to about two lines of its column; the återrapport has it whole.
const COMMENT_CHARS: usize = 120;

/// Lays the sections out on as few slides as they fit, in order: Röd, Gul, then the late ones. With
/// `attention::DECK`'s limits that is at most two (10 Röd fill one, 5 Gul and the rest the other).
fn attention_slides(mut attention: Attention) -> AttentionSlides {
    for list in [&mut attention.red, &mut attention.yellow] {
        for case in &mut list.shown {
            case.comment = shorten(&case.comment, COMMENT_CHARS);
        }
    }
    let parts = [
        (Section::Red, units(&attention.red)),
        (Section::Yellow, units(&attention.yellow)),
        // A heading, the head row, three one-line rows and the line on the rest.
        (Section::Late, 7),
    ];
    let mut slides: Vec<Vec<Section>> = Vec::new();
    let mut used = SLIDE_UNITS;
    for (section, size) in parts {
        if used + size > SLIDE_UNITS {
            slides.push(Vec::new());
            used = 0;
        }
        used += size;
        slides.last_mut().expect("pushed above").push(section);
    }
    AttentionSlides { attention, slides }
}

/// The lines a list of insatser takes: heading and head row, two per insats (name or comment may
/// wrap once; an empty list is one line saying so), two for the line on the rest.
fn units(list: &Listed<Case>) -> usize {
    2 + 2 * list.shown.len().max(1) + if list.more.is_some() { 2 } else { 0 }
}

/// At most `chars` characters on one line, cut at a word with "…".
fn shorten(text: &str, chars: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= chars {
        return one_line;
    }
    let cut: String = one_line.chars().take(chars).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |k| &cut[..k]);
    format!("{}…", at_word.trim_end_matches([',', '.', ';', ':', ' ']))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn cases(shown: usize, total: usize) -> Listed<Case> {
        Listed {
            total,
            at_stake: Amount::ZERO,
            shown: (0..shown)
                .map(|k| Case {
                    name: format!("Insats {k}"),
                    recipient: String::new(),
                    project: String::new(),
                    amount: Amount::ZERO,
                    requisitioned: None,
                    spent: None,
                    remaining: None,
                    at_stake: Amount::ZERO,
                    assessment: None,
                    comment: "ord ".repeat(60),
                })
                .collect(),
            more: (total > shown).then(|| "Här visas …".to_string()),
        }
    }

    fn slides(red: (usize, usize), yellow: (usize, usize)) -> Vec<Vec<Section>> {
        attention_slides(Attention {
            red: cases(red.0, red.1),
            yellow: cases(yellow.0, yellow.1),
            unassessed: None,
            behind: Listed {
                total: 0,
                at_stake: Amount::ZERO,
                shown: Vec::new(),
                more: None,
            },
            behind_rule: String::new(),
        })
        .slides
    }

    #[test]
    fn attention_takes_one_slide_when_it_fits_and_never_more_than_two() {
        use Section::*;
        assert_eq!(slides((0, 0), (0, 0)), vec![vec![Red, Yellow, Late]]);
        assert_eq!(slides((2, 2), (3, 3)), vec![vec![Red, Yellow, Late]]);
        assert_eq!(slides((6, 6), (5, 15)), vec![vec![Red], vec![Yellow, Late]]);
        // The deck's largest case: ten Röd of many, five Gul of many.
        assert_eq!(
            slides((10, 58), (5, 145)),
            vec![vec![Red], vec![Yellow, Late]]
        );
        for red in 0..=10 {
            for yellow in 0..=5 {
                let n = slides((red, red + 1), (yellow, yellow + 1)).len();
                assert!(n <= 2, "{red} Röd, {yellow} Gul: {n} slides");
            }
        }
    }

    #[test]
    fn long_comments_are_cut_at_a_word() {
        assert_eq!(shorten("  Enligt\nplan. ", 120), "Enligt plan.");
        let cut = shorten(&"ord ".repeat(60), 120);
        assert!(cut.chars().count() <= 121 && cut.ends_with("ord…"), "{cut}");
    }
}
