//! Sheet names in the updated workbook: valid for Excel, unique, and traceable to the input sheet,
//! so formulas and Kontroll links point at the right place even when a name had to change.

use crate::model::schema::{areas, computed, initiatives};
use crate::workbook::{Sheet, same_name};
use std::collections::BTreeMap;

pub const SUMMARY: &str = "Summering";
pub const CONTROL: &str = "Kontroll";
pub(crate) const SUMMARY_HEADERS: [&str; 8] = [
    areas::CODE.name,
    areas::NAME.name,
    areas::BUDGET.name,
    computed::ALLOCATED,
    computed::UNALLOCATED,
    initiatives::REQUISITIONED.name,
    initiatives::SPENT.name,
    computed::REMAINING,
];
pub(crate) const CONTROL_HEADERS: [&str; 4] = ["Allvar", "Blad!Cell", "Problem", "Åtgärd"];
/// Written only with `--sedan`.
pub const CHANGES: &str = "Förändringar";
pub(crate) const CHANGES_HEADERS: [&str; 8] = [
    "Typ av förändring",
    initiatives::AREA.name,
    initiatives::NAME.name,
    "Fält",
    "Före",
    "Efter",
    "Skillnad i kr",
    "Cell",
];

/// Excel's limit, counted in UTF-16 units as Excel counts.
const MAX_NAME: usize = 31;

/// Whether an input sheet is a Summering or Kontroll that styrdok wrote earlier (its name and its
/// header row say so). Those are regenerated from the current figures, never carried over twice; a
/// user's own sheet that merely shares the name is carried over under another name.
pub(crate) fn is_generated(sheet: &Sheet) -> bool {
    let ours = |name: &str, headers: &[&str]| {
        same_name(&sheet.name, name)
            && headers
                .iter()
                .enumerate()
                .all(|(c, h)| same_name(&sheet.get(0, c as u32).display(), h))
    };
    ours(SUMMARY, &SUMMARY_HEADERS)
        || ours(CONTROL, &CONTROL_HEADERS)
        || ours(CHANGES, &CHANGES_HEADERS)
}

/// Hands out sheet names, each valid and unique ignoring case (as Excel compares them).
#[derive(Debug, Default)]
pub(crate) struct SheetNames {
    taken: Vec<String>,
}

impl SheetNames {
    /// Names styrdok writes itself are reserved first, so an input sheet never takes them.
    pub(crate) fn with_reserved(reserved: &[&str]) -> Self {
        let mut names = SheetNames::default();
        for name in reserved {
            names.take(name);
        }
        names
    }

    pub fn take(&mut self, wanted: &str) -> String {
        let base = valid(wanted);
        let mut candidate = base.clone();
        let mut n = 2;
        while self.is_taken(&candidate) {
            let suffix = format!(" ({n})");
            candidate = format!("{}{suffix}", truncate(&base, MAX_NAME - suffix.len()));
            n += 1;
        }
        self.taken.push(candidate.to_lowercase());
        candidate
    }

    fn is_taken(&self, name: &str) -> bool {
        let lower = name.to_lowercase();
        // Excel keeps "History" for its change tracking.
        lower == "history" || self.taken.contains(&lower)
    }
}

/// A name Excel accepts: no `[]:*?/\`, no apostrophe at either end, not empty, at most 31 units.
fn valid(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = truncate(cleaned.trim().trim_matches('\''), MAX_NAME);
    let trimmed = trimmed.trim_end().trim_end_matches('\'');
    if trimmed.is_empty() {
        "Blad".to_string()
    } else {
        trimmed.to_string()
    }
}

fn truncate(s: &str, max_utf16: usize) -> &str {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > max_utf16 {
            return &s[..i];
        }
    }
    s
}

/// Where each carried-over input sheet went: (file, input name) → output name.
#[derive(Debug, Default)]
pub(crate) struct SheetMap(BTreeMap<(String, String), String>);

impl SheetMap {
    pub fn insert(&mut self, sheet: &Sheet, output: &str) {
        self.0
            .insert((sheet.file.clone(), sheet.name.clone()), output.to_string());
    }

    pub fn get(&self, file: &str, sheet: &str) -> Option<&str> {
        self.0
            .get(&(file.to_string(), sheet.to_string()))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_valid_and_unique() {
        let mut names = SheetNames::with_reserved(&[SUMMARY, CONTROL]);
        assert_eq!(names.take("Insatser"), "Insatser");
        assert_eq!(names.take("insatser"), "insatser (2)");
        assert_eq!(names.take("Summering"), "Summering (2)");
        assert_eq!(names.take("a/b:c"), "a_b_c");
        assert_eq!(names.take("'citat'"), "citat");
        assert_eq!(names.take(""), "Blad");
        assert_eq!(names.take("History"), "History (2)");
        let long = "Ett mycket långt bladnamn som inte får plats";
        let first = names.take(long);
        assert_eq!(first.encode_utf16().count(), 31);
        let second = names.take(long);
        assert!(second.ends_with(" (2)") && second.encode_utf16().count() == 31);
    }
}
