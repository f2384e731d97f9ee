//! "Att uppmärksamma": what in a large insatsområde needs the styrgrupp's attention. A steering group
//! governs by exception, so instead of a line per organisation it gets the Röd and Gul insatser with
//! their comments, the insatser nobody has assessed, and the organisations whose spending is far
//! behind — each ranked by the money at stake. Decided once here; the deck and the återrapport only
//! choose how many of each they name (`Limits`).
//!
//! Definitions (README, "Stora insatsområden", says the same to users):
//! - **Money at stake** (pengar kvar) is Belopp − Förbrukat, at least 0; an empty Förbrukat counts as
//!   nothing spent. That is the money the styrgrupp can still act on. Equal stakes: larger Belopp
//!   first, then sheet order.
//! - **Ej bedömd** counts once the follow-up has begun, that is when some insats of the agreement has
//!   a Bedömning: before that, every insats lacks one and none is late.
//! - **Far behind** (långt efter i förbrukningen): an organisation's insatser in the area have spent
//!   (ΣFörbrukat / ΣBelopp) less than half of the share of the year that has passed at the report date
//!   (Uppgifter: Datum). On 15 October 79 % of the year has passed, so under 39 % spent is far behind;
//!   after the year's end, under 50 %; before it starts, nothing is. Counted once some insats of the
//!   agreement has a Förbrukat: before that nobody has reported spending, and everyone would be behind.

use super::Options;
use super::layout::percent;
use super::report::{Row, row_with};
use crate::diagnostics::group_digits;
use crate::model::{
    Agreement, Amount, Area, Assessment, Figures, Initiative, at_stake, by_organisation,
};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::cmp::Reverse;

/// How many of each kind a document names; `None` names every one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub red: Option<usize>,
    pub yellow: Option<usize>,
    pub unassessed: Option<usize>,
    pub behind: Option<usize>,
}

/// The deck: two slides at most (see `deck::attention_slides`), the ten largest Röd.
pub(crate) const DECK: Limits = Limits {
    red: Some(10),
    yellow: Some(5),
    unassessed: Some(3),
    behind: Some(3),
};

/// The återrapport: every Röd insats and every organisation far behind; of the rest the ten largest.
pub(crate) const REPORT: Limits = Limits {
    red: None,
    yellow: Some(10),
    unassessed: Some(10),
    behind: None,
};

#[derive(Debug, Serialize)]
pub struct Attention {
    pub red: Listed<Case>,
    pub yellow: Listed<Case>,
    /// Absent while the follow-up has not begun (no insats of the agreement has a Bedömning).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unassessed: Option<Listed<Case>>,
    /// Absent while no insats of the agreement has a Förbrukat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub behind: Option<Listed<Behind>>,
    /// What "far behind" means at this report date, as a sentence.
    pub behind_rule: String,
}

/// The cases of one kind: how many there are, the money at stake in all of them, the ones named.
#[derive(Debug, Serialize)]
pub struct Listed<T> {
    pub total: usize,
    pub at_stake: Amount,
    /// Most money at stake first.
    pub shown: Vec<T>,
    /// Set when some are left out: how many are shown of how many, and where all of them are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub more: Option<String>,
}

/// An insats to look at: the återrapport's row, so its insats table renders a case as it renders any
/// insats, with the money at stake.
pub type Case = Row<Stake>;

/// What a case adds to its row: the money at stake (`model::at_stake`), which the lists rank by.
#[derive(Debug, Serialize)]
pub struct Stake {
    pub at_stake: Amount,
}

/// An organisation whose spending in the area is far behind.
#[derive(Debug, Serialize)]
pub struct Behind {
    pub name: String,
    pub count: usize,
    pub amount: Amount,
    pub spent: Amount,
    /// ΣFörbrukat / ΣBelopp.
    pub spent_share: f64,
    pub at_stake: Amount,
}

/// What to look at in `area` (with its sub-areas), naming as many as `limits` allow.
pub(crate) fn of_area(
    agreement: &Agreement,
    area: &Area,
    options: Options,
    limits: Limits,
) -> Attention {
    let rows: Vec<&Initiative> = agreement.initiatives_under(&area.code).collect();
    let with = |a: Option<Assessment>| -> Vec<&Initiative> {
        rows.iter().copied().filter(|i| i.assessment == a).collect()
    };
    let assessed = agreement.initiatives.iter().any(|i| i.assessment.is_some());
    let spending_reported = agreement.initiatives.iter().any(|i| i.spent.is_some());
    let elapsed = year_elapsed(agreement.info.year, agreement.info.date);
    Attention {
        red: cases(
            with(Some(Assessment::Red)),
            limits.red,
            "röda insatser",
            &places(options, REPORT.red.is_none()),
        ),
        yellow: cases(
            with(Some(Assessment::Yellow)),
            limits.yellow,
            "gula insatser",
            &places(options, REPORT.yellow.is_none()),
        ),
        unassessed: assessed.then(|| {
            cases(
                with(None),
                limits.unassessed,
                "insatser utan bedömning",
                &places(options, REPORT.unassessed.is_none()),
            )
        }),
        behind: spending_reported.then(|| {
            listed(
                behind(&rows, elapsed / 2.0),
                |b| b.at_stake,
                limits.behind,
                "organisationer",
                &places(options, REPORT.behind.is_none()),
            )
        }),
        behind_rule: behind_rule(agreement.info.date, elapsed),
    }
}

/// Where the insatser of one kind are all listed, as the end of a sentence. `report_lists_all`:
/// the återrapport's own section names every one of them.
fn places(options: Options, report_lists_all: bool) -> String {
    let mut places = Vec::new();
    if report_lists_all {
        places.push("återrapportens avsnitt Att uppmärksamma".to_string());
    }
    places.extend(super::summary::places(options));
    super::summary::and_list(&places)
}

fn cases(
    initiatives: Vec<&Initiative>,
    limit: Option<usize>,
    what: &str,
    places: &str,
) -> Listed<Case> {
    let mut cases: Vec<Case> = initiatives.into_iter().map(case).collect();
    // Among equal stakes the larger Belopp first (`listed` sorts stably), then sheet order.
    cases.sort_by_key(|c| Reverse(c.amount));
    listed(cases, |c| c.extra.at_stake, limit, what, places)
}

/// Ranks by money at stake (stable: equal stakes keep their order) and keeps `limit` of them.
fn listed<T>(
    mut all: Vec<T>,
    stake: impl Fn(&T) -> Amount,
    limit: Option<usize>,
    what: &str,
    places: &str,
) -> Listed<T> {
    let total = all.len();
    let at_stake = all.iter().map(&stake).sum();
    all.sort_by_key(|x| Reverse(stake(x)));
    let more = match limit {
        Some(n) if total > n => {
            all.truncate(n);
            Some(format!(
                "Här visas {n} av {} {what}, de med mest pengar kvar. Alla finns i {places}.",
                group_digits(total as u128)
            ))
        }
        _ => None,
    };
    Listed {
        total,
        at_stake,
        shown: all,
        more,
    }
}

fn case(i: &Initiative) -> Case {
    let mut case = row_with(
        i,
        Stake {
            at_stake: at_stake(&i.figures()),
        },
    );
    case.comment = case.comment.trim().to_string();
    case
}

/// The organisations whose share spent is below `threshold`, sorted with larger Belopp first among
/// equal stakes (the stable rank in `listed` then keeps it), first-seen order among equals.
fn behind(rows: &[&Initiative], threshold: f64) -> Vec<Behind> {
    let mut far: Vec<Behind> = by_organisation(rows.iter().copied())
        .into_iter()
        .filter_map(|o| {
            let figures = Figures::of(o.initiatives.iter().copied());
            (figures.allocated.ore() > 0 && figures.spent_share() < threshold).then(|| Behind {
                name: super::summary::organisation_name(o.name),
                count: o.initiatives.len(),
                amount: figures.allocated,
                spent: figures.spent,
                spent_share: figures.spent_share(),
                at_stake: at_stake(&figures),
            })
        })
        .collect();
    far.sort_by_key(|b| Reverse(b.amount));
    far
}

/// The share of the agreement's year that has passed on `date`: 0 before it, 1 after it.
fn year_elapsed(year: i32, date: NaiveDate) -> f64 {
    if date.year() < year {
        return 0.0;
    }
    if date.year() > year {
        return 1.0;
    }
    let days = if date.leap_year() { 366.0 } else { 365.0 };
    f64::from(date.ordinal()) / days
}

fn behind_rule(date: NaiveDate, elapsed: f64) -> String {
    format!(
        "Långt efter: förbrukat under hälften av den andel av året som gått den {} ({} av året, \
         alltså under {} av beloppet).",
        date.format("%Y-%m-%d"),
        percent(elapsed),
        percent(elapsed / 2.0)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_year_elapsed_is_bounded_by_the_agreements_year() {
        assert_eq!(year_elapsed(2025, date(2024, 12, 31)), 0.0);
        assert_eq!(year_elapsed(2025, date(2026, 2, 1)), 1.0);
        assert_eq!(year_elapsed(2025, date(2025, 12, 31)), 1.0);
        let october = year_elapsed(2025, date(2025, 10, 15));
        assert!((october - 288.0 / 365.0).abs() < 1e-9);
        assert_eq!(
            behind_rule(date(2025, 10, 15), october),
            "Långt efter: förbrukat under hälften av den andel av året som gått den 2025-10-15 \
             (79\u{a0}% av året, alltså under 39\u{a0}% av beloppet)."
        );
    }

    #[test]
    fn the_largest_stakes_are_named_and_the_rest_counted() {
        let l = listed(
            vec![3, 9, 5, 9, 1],
            |x| Amount::from_kronor(*x),
            Some(3),
            "röda insatser",
            "bladet Insatser",
        );
        assert_eq!(l.total, 5);
        assert_eq!(l.shown, vec![9, 9, 5]);
        assert_eq!(l.at_stake, Amount::from_kronor(27));
        assert_eq!(
            l.more.as_deref(),
            Some(
                "Här visas 3 av 5 röda insatser, de med mest pengar kvar. Alla finns i bladet \
                 Insatser."
            )
        );
        let all = listed(vec![1, 2], |x| Amount::from_kronor(*x), None, "x", "y");
        assert!(all.more.is_none() && all.shown == vec![2, 1]);
    }
}
