//! A large insatsområde in brief, for the deck and the återrapport: its money, the split by Typ and by
//! Bedömning, the largest insatser and one line per responsible organisation (the last two for the
//! återrapport only; the deck names what needs attention instead, `attention`). Listing thousands of
//! insatser row by row makes documents nobody reads (and 600 slides); the full list stays in the
//! updated workbook, the per-mottagare reports and, on request, the återrapport's appendix.

use super::Options;
use crate::model::{Agreement, Amount, Area, Assessment, Initiative, Kind};
use crate::workbook::normalise;
use serde::Serialize;

/// An area with more insatser than this (its sub-areas included) is summarised. About three slides
/// of the deck's insats table, whose rows carry a description each.
pub const SUMMARISE_ABOVE: usize = 24;

/// How many of the largest insatser a summary names.
pub const LARGEST: usize = 10;

/// Whether an area (with its sub-areas) has too many insatser to list in full.
pub fn is_large(agreement: &Agreement, area: &Area) -> bool {
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
    pub green: usize,
    pub yellow: usize,
    pub red: usize,
    pub none: usize,
}

/// The summary of a large area; `None` for one small enough to list.
pub fn of_large(agreement: &Agreement, area: &Area, options: Options) -> Option<AreaSummary> {
    is_large(agreement, area).then(|| summarise(agreement, area, options))
}

fn summarise(agreement: &Agreement, area: &Area, options: Options) -> AreaSummary {
    let rows: Vec<&Initiative> = agreement.initiatives_under(&area.code).collect();
    let allocated: Amount = rows.iter().map(|i| i.amount).sum();
    let part = |label: &'static str, of: &dyn Fn(&Initiative) -> bool| {
        let matching = rows.iter().filter(|i| of(i));
        let (count, amount) =
            matching.fold((0, Amount::ZERO), |(n, sum), i| (n + 1, sum + i.amount));
        Part {
            label,
            count,
            amount,
            share: share(amount, allocated),
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
    let mut by_assessment: Vec<Part> = [Assessment::Green, Assessment::Yellow, Assessment::Red]
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
        requisitioned: rows.iter().filter_map(|i| i.requisitioned).sum(),
        spent: rows.iter().filter_map(|i| i.spent).sum(),
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
    let mut keys: Vec<String> = Vec::new();
    let mut out: Vec<Organisation> = Vec::new();
    // Index by key for thousands of rows; a Vec keeps first-seen order.
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for i in rows {
        let key = normalise(&i.recipient);
        let at = *index.entry(key.clone()).or_insert_with(|| {
            keys.push(key);
            out.push(Organisation {
                name: if i.recipient.trim().is_empty() {
                    "(ingen ansvarig angiven)".to_string()
                } else {
                    i.recipient.trim().to_string()
                },
                count: 0,
                amount: Amount::ZERO,
                requisitioned: Amount::ZERO,
                spent: Amount::ZERO,
                green: 0,
                yellow: 0,
                red: 0,
                none: 0,
            });
            out.len() - 1
        });
        let o = &mut out[at];
        o.count += 1;
        o.amount = o.amount + i.amount;
        o.requisitioned = o.requisitioned + i.requisitioned.unwrap_or(Amount::ZERO);
        o.spent = o.spent + i.spent.unwrap_or(Amount::ZERO);
        match i.assessment {
            Some(Assessment::Green) => o.green += 1,
            Some(Assessment::Yellow) => o.yellow += 1,
            Some(Assessment::Red) => o.red += 1,
            None => o.none += 1,
        }
    }
    out
}

fn share(part: Amount, whole: Amount) -> f64 {
    if whole.ore() > 0 {
        part.ore() as f64 / whole.ore() as f64
    } else {
        0.0
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
