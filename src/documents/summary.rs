//! A large insatsområde in brief, for the deck and the återrapport: its money, the split by Typ and by
//! Bedömning, the largest insatser and one line per responsible organisation (the last two for the
//! återrapport only; the deck names what needs attention instead, `attention`). Listing thousands of
//! insatser row by row makes documents nobody reads (and 600 slides); the full list stays in the
//! updated workbook, the per-mottagare reports and, on request, the återrapport's appendix.

use super::Options;
use super::report::AssessmentCounts;
use crate::model::{
    Agreement, Amount, Area, Assessment, Figures, Initiative, Kind, by_organisation,
};
use serde::Serialize;

/// An area with more insatser than this (its sub-areas included) is summarised. About three slides
/// of the deck's insats table, whose rows carry a description each. (The change list's own limit,
/// `changes::view::LIST_ALL_UP_TO`, counts changes, not insatser.)
pub const SUMMARISE_ABOVE: usize = 24;

/// How many of the largest insatser a summary names.
const LARGEST: usize = 10;

/// Whether an area (with its sub-areas) has too many insatser to list in full.
pub(crate) fn is_large(agreement: &Agreement, area: &Area) -> bool {
    agreement
        .initiatives_under(&area.code)
        .nth(SUMMARISE_ABOVE)
        .is_some()
}

#[derive(Debug, Serialize)]
pub struct AreaSummary {
    pub count: usize,
    pub budget: Amount,
    pub allocated: Amount,
    pub requisitioned: Amount,
    pub spent: Amount,
    /// Ny, Pågående/fortsättning, and Ej angiven when some insatser lack a Typ.
    pub by_kind: Vec<Part>,
    /// Grön, Gul, Röd, and Ej bedömd when some lack a Bedömning.
    pub by_assessment: Vec<Part>,
    /// The largest insatser by Belopp, sheet order among equals.
    pub largest: Vec<Largest>,
    /// One line per Ansvarig, in the order the organisations first appear in the sheet.
    pub organisations: Vec<Organisation>,
    /// Where the insatser are listed one by one, as a sentence.
    pub full_list: String,
}

/// One slice of a split: a label, how many insatser and how much money.
#[derive(Debug, Serialize)]
pub struct Part {
    pub label: &'static str,
    pub count: usize,
    pub amount: Amount,
    /// Share of the area's allocated money, 0 when nothing is allocated.
    pub share: f64,
}

#[derive(Debug, Serialize)]
pub struct Largest {
    pub name: String,
    pub recipient: String,
    pub kind: Option<Kind>,
    pub amount: Amount,
    pub assessment: Option<Assessment>,
}

#[derive(Debug, Serialize)]
pub struct Organisation {
    pub name: String,
    pub count: usize,
    pub amount: Amount,
    pub requisitioned: Amount,
    pub spent: Amount,
    /// How many of its insatser got each Bedömning.
    #[serde(flatten)]
    pub assessments: AssessmentCounts,
}

/// The summary of a large area; `None` for one small enough to list.
pub(crate) fn of_large(
    agreement: &Agreement,
    area: &Area,
    options: Options,
) -> Option<AreaSummary> {
    is_large(agreement, area).then(|| summarise(agreement, area, options))
}

fn summarise(agreement: &Agreement, area: &Area, options: Options) -> AreaSummary {
    let rows: Vec<&Initiative> = agreement.initiatives_under(&area.code).collect();
    let figures = Figures::of(rows.iter().copied());
    let allocated = figures.allocated;
    let part = |label: &'static str, of: &dyn Fn(&Initiative) -> bool| {
        let matching = rows.iter().filter(|i| of(i));
        let (count, amount) =
            matching.fold((0, Amount::ZERO), |(n, sum), i| (n + 1, sum + i.amount));
        Part {
            label,
            count,
            amount,
            share: amount.share_of(allocated),
        }
    };
    let mut by_kind = vec![
        part(Kind::LABELS[0], &|i| i.kind == Some(Kind::New)),
        part(Kind::LABELS[1], &|i| i.kind == Some(Kind::Continuing)),
    ];
    let no_kind = part("Ej angiven", &|i| i.kind.is_none());
    if no_kind.count > 0 {
        by_kind.push(no_kind);
    }
    let mut by_assessment: Vec<Part> = Assessment::ALL
        .into_iter()
        .map(|a| part(a.label(), &move |i| i.assessment == Some(a)))
        .collect();
    let unassessed = part("Ej bedömd", &|i| i.assessment.is_none());
    if unassessed.count > 0 {
        by_assessment.push(unassessed);
    }
    let mut largest: Vec<&Initiative> = rows.clone();
    // A stable sort keeps sheet order among equal amounts, so the same input gives the same list.
    largest.sort_by_key(|i| std::cmp::Reverse(i.amount));
    largest.truncate(LARGEST);
    AreaSummary {
        count: rows.len(),
        budget: area.budget,
        allocated,
        requisitioned: figures.requisitioned,
        spent: figures.spent,
        by_kind,
        by_assessment,
        largest: largest
            .into_iter()
            .map(|i| Largest {
                name: i.name.clone(),
                recipient: i.recipient.clone(),
                kind: i.kind,
                amount: i.amount,
                assessment: i.assessment,
            })
            .collect(),
        organisations: organisations(&rows),
        full_list: full_list(rows.len(), options),
    }
}

/// The rows grouped by Ansvarig (spellings differing in case or spacing are one organisation).
fn organisations(rows: &[&Initiative]) -> Vec<Organisation> {
    by_organisation(rows.iter().copied())
        .into_iter()
        .map(|o| {
            let figures = Figures::of(o.initiatives.iter().copied());
            Organisation {
                name: organisation_name(o.name),
                count: o.initiatives.len(),
                amount: figures.allocated,
                requisitioned: figures.requisitioned,
                spent: figures.spent,
                assessments: AssessmentCounts::of(o.initiatives.iter().copied()),
            }
        })
        .collect()
}

/// An Ansvarig as a line of a list names it; the insatser without one are a line too.
pub(super) fn organisation_name(name: String) -> String {
    if name.is_empty() {
        "(ingen ansvarig angiven)".to_string()
    } else {
        name
    }
}

/// The places besides the återrapport's chapters where this build lists every insats one by one.
pub(super) fn places(options: Options) -> Vec<String> {
    let mut places = vec!["den uppdaterade arbetsboken (bladet Insatser)".to_string()];
    if options.all_initiatives {
        places.insert(0, "återrapportens bilaga".to_string());
    }
    if options.per_recipient {
        places.push("återrapporterna per mottagare (mappen mottagare)".to_string());
    }
    places
}

/// "a, b och c".
pub(super) fn and_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} och {last}", rest.join(", ")),
        _ => items.join(""),
    }
}

/// "Alla 1 450 insatser finns i …": the places this build writes them to.
fn full_list(count: usize, options: Options) -> String {
    format!(
        "Alla {} insatser finns var för sig i {}.",
        crate::diagnostics::group_digits(count as u128),
        and_list(&places(options))
    )
}
