//! Changes since the last meeting: two versions of one workbook compared insats by insats, area by
//! area and field by field. Works on two loaded models; what the changes look like in the terminal,
//! the deck, the report and the workbook is made from the one `Changes` found here.
//!
//! Insatser are matched by the optional `Id` column when both versions have it, else by name (case
//! and spaces ignored). A rename without Id is recognised only when it cannot be mistaken: exactly
//! one removed and one added insats share Projekt, Ansvarig and Belopp. Anything else is shown as
//! removed + added — a guessed match would put one insats's history on another.

mod cells;
mod compare;
mod previous;
mod terminal;
pub mod view;

pub use compare::compare;
pub use previous::{Previous, previous_path};
pub use terminal::{previous_unreadable, render, render_errors, render_previous_problems};

use crate::diagnostics::CellRef;
use crate::model::{Agreement, Amount, Initiative};
use crate::workbook::Workbook;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The name of the optional key column of `Insatser` (declared with the sheet in `model::schema`).
pub(crate) const ID_COLUMN: &str = crate::model::schema::initiatives::ID.name;

/// One version of the workbook: its cells (for positions and the Id column) and its model.
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    pub book: &'a Workbook,
    pub agreement: &'a Agreement,
}

/// How an insats or area differs from the last meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub enum Mark {
    #[serde(rename = "Ny")]
    New,
    #[serde(rename = "Ändrad")]
    Changed,
    #[serde(rename = "Borttagen")]
    Removed,
}

impl Mark {
    pub fn label(self) -> &'static str {
        match self {
            Mark::New => "Ny",
            Mark::Changed => "Ändrad",
            Mark::Removed => "Borttagen",
        }
    }
}

/// The two values of a changed field. Money keeps its amounts so differences are exact.
#[derive(Debug, Clone, PartialEq)]
pub enum Values {
    Text {
        before: String,
        after: String,
    },
    Money {
        before: Option<Amount>,
        after: Option<Amount>,
    },
}

/// One field that differs, with the cell it is in now (none when the thing is gone).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub field: &'static str,
    pub values: Values,
    pub at: Option<CellRef>,
}

/// Text longer than this is shortened with … where changes are listed (terminal, deck, report);
/// the workbook keeps it whole.
const SHOWN_CHARS: usize = 60;

impl FieldChange {
    /// After minus before, for money; an empty cell counts as 0.
    pub fn difference(&self) -> Option<Amount> {
        match self.values {
            Values::Money { before, after } => {
                Some(after.unwrap_or(Amount::ZERO) - before.unwrap_or(Amount::ZERO))
            }
            Values::Text { .. } => None,
        }
    }

    /// The full value before, as the workbook shows it (`800 000 kr`, text as written).
    pub fn before(&self) -> String {
        match &self.values {
            Values::Text { before, .. } => before.clone(),
            Values::Money { before, .. } => before.map(|a| a.to_string()).unwrap_or_default(),
        }
    }

    pub fn after(&self) -> String {
        match &self.values {
            Values::Text { after, .. } => after.clone(),
            Values::Money { after, .. } => after.map(|a| a.to_string()).unwrap_or_default(),
        }
    }

    /// `800 000 → 750 000 kr`, `Gul → Röd`; `–` stands for an empty value.
    pub fn shown(&self) -> String {
        match &self.values {
            Values::Money { before, after } => {
                let figure = |a: &Option<Amount>| a.map_or("–".to_string(), kronor_digits);
                format!("{} → {}\u{a0}kr", figure(before), figure(after))
            }
            Values::Text { before, after } => {
                format!("{} → {}", short(before), short(after))
            }
        }
    }

    /// The line of a field of a new or removed insats or area: just its value, `Belopp 50 000 kr`;
    /// of a changed one, old beside new (see `line`).
    pub(crate) fn line_in(&self, mark: Mark) -> String {
        format!("{} {}", self.field, self.value_in(mark))
    }

    /// `line_in` without the field's name: `50 000 kr`, `800 000 → 750 000 kr (−50 000 kr)`.
    pub(crate) fn value_in(&self, mark: Mark) -> String {
        match (mark, self.difference()) {
            (Mark::New, _) => short(&self.after()),
            (Mark::Removed, _) => short(&self.before()),
            (Mark::Changed, Some(d)) => format!("{} ({})", self.shown(), signed(d)),
            (Mark::Changed, None) => self.shown(),
        }
    }

    /// `Belopp 800 000 → 750 000 kr (−50 000 kr)`.
    pub fn line(&self) -> String {
        self.line_in(Mark::Changed)
    }
}

/// An amount without its unit: `800 000` (with öre when there are any).
pub(crate) fn kronor_digits(amount: Amount) -> String {
    let text = amount.to_string();
    text.strip_suffix("\u{a0}kr").unwrap_or(&text).to_string()
}

/// `+50 000 kr`, `−50 000 kr`, `±0 kr`.
pub(crate) fn signed(amount: Amount) -> String {
    if amount == Amount::ZERO {
        "±0\u{a0}kr".to_string()
    } else if amount.is_negative() {
        amount.to_string()
    } else {
        format!("+{amount}")
    }
}

fn short(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.is_empty() {
        "–".to_string()
    } else if one_line.chars().count() > SHOWN_CHARS {
        let cut: String = one_line.chars().take(SHOWN_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        one_line
    }
}

/// An insats that is new, gone, or changed in some field.
#[derive(Debug, Clone, PartialEq)]
pub struct InitiativeChange {
    pub mark: Mark,
    /// The area code it stands in now (for a removed insats: where it stood).
    pub area: String,
    pub name: String,
    /// Belopp now (for a removed insats: before).
    pub amount: Amount,
    /// The changed fields; for a new or removed insats, its Belopp as the one money change.
    pub fields: Vec<FieldChange>,
    /// Its Insats cell now; none for a removed insats.
    pub at: Option<CellRef>,
}

/// An area or sub-area that is new, gone, renamed or has a new budget.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaChange {
    pub mark: Mark,
    pub code: String,
    pub name: String,
    pub fields: Vec<FieldChange>,
    pub at: Option<CellRef>,
}

/// Everything that changed under one insatsområde (with its sub-areas), and its net money.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaGroup {
    pub code: String,
    pub name: String,
    pub budget_before: Option<Amount>,
    pub budget_after: Option<Amount>,
    pub allocated_before: Amount,
    pub allocated_after: Amount,
    pub areas: Vec<AreaChange>,
    pub initiatives: Vec<InitiativeChange>,
}

impl AreaGroup {
    pub(crate) fn budget_difference(&self) -> Amount {
        self.budget_after.unwrap_or(Amount::ZERO) - self.budget_before.unwrap_or(Amount::ZERO)
    }

    pub(crate) fn allocated_difference(&self) -> Amount {
        self.allocated_after - self.allocated_before
    }

    pub(crate) fn has_changes(&self) -> bool {
        !self.areas.is_empty()
            || !self.initiatives.is_empty()
            || self.budget_difference() != Amount::ZERO
            || self.allocated_difference() != Amount::ZERO
    }
}

/// The changes from the last meeting's version to this one.
#[derive(Debug, Clone, PartialEq)]
pub struct Changes {
    /// The last meeting's report date (`Datum` in its `Uppgifter`).
    pub since: NaiveDate,
    /// Fields of `Uppgifter`.
    pub info: Vec<FieldChange>,
    /// Every insatsområde of either version, in the order of this version, then the removed ones.
    pub groups: Vec<AreaGroup>,
    /// New and changed insatser by their row now, for the marks in the per-area tables.
    marks: BTreeMap<(String, String, u32), Mark>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub new: usize,
    pub removed: usize,
    pub changed: usize,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.info.is_empty() && self.groups.iter().all(|g| !g.has_changes())
    }

    /// Whether an insats of this version is new or changed since the last meeting.
    pub fn mark_of(&self, initiative: &Initiative) -> Option<Mark> {
        let at = &initiative.area_at;
        self.marks
            .get(&(at.file.clone(), at.sheet.clone(), at.row))
            .copied()
    }

    pub fn counts(&self) -> Counts {
        Counts::of(self.groups.iter().flat_map(|g| &g.initiatives))
    }
}

impl Counts {
    /// New, removed and changed insatser among `changes`.
    pub fn of<'a>(changes: impl IntoIterator<Item = &'a InitiativeChange>) -> Counts {
        let mut counts = Counts::default();
        for change in changes {
            match change.mark {
                Mark::New => counts.new += 1,
                Mark::Removed => counts.removed += 1,
                Mark::Changed => counts.changed += 1,
            }
        }
        counts
    }
}

/// Why two versions cannot be compared.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChangesError {
    #[error("{second}: {what} «{key}» finns redan i {first}{}", previous_note(*.previous))]
    DuplicateKey {
        what: &'static str,
        key: String,
        first: CellRef,
        second: CellRef,
        previous: bool,
    },
}

fn previous_note(previous: bool) -> &'static str {
    if previous { " (förra versionen)" } else { "" }
}

impl ChangesError {
    pub fn fix(&self) -> &'static str {
        match self {
            ChangesError::DuplicateKey { what, .. } if *what == ID_COLUMN => {
                "Ge varje insats ett eget Id; två insatser med samma Id går inte att följa mellan versionerna."
            }
            ChangesError::DuplicateKey { .. } => {
                "Ge insatserna olika namn, eller lägg till kolumnen Id i bladet Insatser med ett eget värde per insats (se README)."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_text_are_shown_old_beside_new() {
        let belopp = FieldChange {
            field: "Belopp",
            values: Values::Money {
                before: Some(Amount::from_kronor(800_000)),
                after: Some(Amount::from_kronor(750_000)),
            },
            at: None,
        };
        assert_eq!(
            belopp.line(),
            "Belopp 800\u{a0}000 → 750\u{a0}000\u{a0}kr (−50\u{a0}000\u{a0}kr)"
        );
        let bedomning = FieldChange {
            field: "Bedömning",
            values: Values::Text {
                before: "Gul".into(),
                after: "Röd".into(),
            },
            at: None,
        };
        assert_eq!(bedomning.line(), "Bedömning Gul → Röd");
        assert_eq!(signed(Amount::from_kronor(5)), "+5\u{a0}kr");
        assert_eq!(short(&"a".repeat(100)).chars().count(), SHOWN_CHARS);
    }
}
