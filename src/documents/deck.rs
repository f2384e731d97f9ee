//! The status slide deck for the styrgrupp: model → the data `templates/deck.typ` renders.

use super::Options;
use super::attention::{self, Attention, Case, Listed};
use super::summary::{self, AreaSummary};
use crate::changes::{self, Changes, Mark};
use crate::model::text::{self, RichText};
use crate::model::{Agreement, Amount, Area, AreaFigures, Initiative};
use serde::Serialize;

pub(crate) const TEMPLATE: &str = "deck.typ";

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
    /// The sections of each slide, in order: one slide, or two when they do not fit on one; none
    /// when there is nothing to show.
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
    let totals = AreaFigures::total(agreement);
    Deck {
        title: info.title.clone(),
        organisation: info.organisation.clone(),
        county: info.county.clone(),
        steering_group: info.steering_group.clone(),
        date: info.date.format("%Y-%m-%d").to_string(),
        year: info.year,
        budget: totals.budget,
        allocated: totals.insatser.allocated,
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

/// A slide holds about this many 10-point lines (a slide's body is some 360 pt high).
const SLIDE_LINES: usize = 28;

/// A case's texts on a slide are cut to two lines of their columns in the Röd and Gul tables (10 pt:
/// some 33 bold characters a line in Insats, 20 in Ansvarig, 60 in Kommentar), and to one line in the
/// half-slide tables of the late ones; so ten Röd always fit one slide. The återrapport has them whole.
const NAME_CHARS: usize = 60;
const RECIPIENT_CHARS: usize = 36;
const COMMENT_CHARS: usize = 100;
const LATE_NAME_CHARS: usize = 40;
const LATE_RECIPIENT_CHARS: usize = 22;

/// The late section's lines at most: heading, head row, three one-line rows, the line on the rest
/// and the rule of "far behind" (each up to three lines in a half-slide column at 9 pt).
const LATE_LINES: usize = 2 + 1 + 3 + 3 + 3;

/// Lays the sections out on as few slides as they fit, in order: Röd, Gul, then the late ones. With
/// `attention::DECK`'s limits that is at most two (10 Röd fill one, 5 Gul and the rest the other).
fn attention_slides(mut attention: Attention) -> AttentionSlides {
    for list in [&mut attention.red, &mut attention.yellow] {
        for case in &mut list.shown {
            case.name = shorten(&case.name, NAME_CHARS);
            case.recipient = shorten(&case.recipient, RECIPIENT_CHARS);
            case.comment = shorten(&case.comment, COMMENT_CHARS);
        }
    }
    if let Some(list) = &mut attention.unassessed {
        for case in &mut list.shown {
            case.name = shorten(&case.name, LATE_NAME_CHARS);
            case.recipient = shorten(&case.recipient, LATE_RECIPIENT_CHARS);
        }
    }
    if let Some(list) = &mut attention.behind {
        for organisation in &mut list.shown {
            organisation.name = shorten(&organisation.name, LATE_NAME_CHARS);
        }
    }
    if nothing_to_show(&attention) {
        // Before the follow-up, or a year without a problem: the area's slide says so, in a line.
        return AttentionSlides {
            attention,
            slides: Vec::new(),
        };
    }
    let parts = [
        (Section::Red, lines(&attention.red)),
        (Section::Yellow, lines(&attention.yellow)),
        (Section::Late, LATE_LINES),
    ];
    let mut slides: Vec<Vec<Section>> = Vec::new();
    let mut used = SLIDE_LINES;
    for (section, size) in parts {
        // One line of space between two sections of a slide.
        if used + 1 + size > SLIDE_LINES {
            slides.push(vec![section]);
            used = size;
        } else {
            used += 1 + size;
            slides
                .last_mut()
                .expect("the first section opens a slide")
                .push(section);
        }
    }
    AttentionSlides { attention, slides }
}

/// No Röd, no Gul, none late: no slide.
fn nothing_to_show(a: &Attention) -> bool {
    a.red.total == 0
        && a.yellow.total == 0
        && a.unassessed.as_ref().is_none_or(|l| l.total == 0)
        && a.behind.as_ref().is_none_or(|l| l.total == 0)
}

/// The lines a list of insatser takes: heading (13 pt) and head row, two per insats (an empty list:
/// one line saying so), two for the line on the rest.
fn lines(list: &Listed<Case>) -> usize {
    2 + 1 + 2 * list.shown.len().max(1) + if list.more.is_some() { 2 } else { 0 }
}

/// At most `chars` characters on one line, cut at a word with "…".
fn shorten(text: &str, chars: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= chars {
        return one_line;
    }
    let cut: String = one_line.chars().take(chars).collect();
    // A cut that ends a word keeps it; else the last word, cut off, goes.
    let ends_word = one_line.chars().nth(chars) == Some(' ');
    let at_word = match cut.rfind(' ') {
        Some(k) if !ends_word => &cut[..k],
        _ => cut.as_str(),
    };
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
        project: i.funding_project.clone(),
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
                    extra: attention::Stake {
                        at_stake: Amount::ZERO,
                    },
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
            behind: None,
            behind_rule: String::new(),
        })
        .slides
    }

    #[test]
    fn attention_takes_one_slide_when_it_fits_and_never_more_than_two() {
        use Section::*;
        assert!(slides((0, 0), (0, 0)).is_empty(), "nothing to show");
        assert_eq!(slides((0, 0), (1, 1)), vec![vec![Red, Yellow, Late]]);
        assert_eq!(slides((1, 1), (2, 2)), vec![vec![Red, Yellow, Late]]);
        assert_eq!(slides((2, 2), (3, 3)), vec![vec![Red, Yellow], vec![Late]]);
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
        assert_eq!(shorten("  Enligt\nplan. ", COMMENT_CHARS), "Enligt plan.");
        assert_eq!(
            shorten("Division psykiatri, Mora", 19),
            "Division psykiatri…"
        );
        assert_eq!(shorten("Division psykiatri, Mora", 17), "Division…");
        let cut = shorten(&"ord ".repeat(60), COMMENT_CHARS);
        assert!(
            cut.chars().count() <= COMMENT_CHARS + 1 && cut.ends_with("ord…"),
            "{cut}"
        );
    }
}
