//! The domain: the agreement of one year, its focus areas and initiatives. Built from rows, no I/O.

pub mod address;
mod amount;
mod figures;
mod load;
mod load_contacts;
mod load_mandates;
pub mod mandate;
pub mod schema;
pub mod text;
mod values;

pub use address::Mailbox;
pub use amount::Amount;
pub use figures::{AreaFigures, Figures, Organisation, at_stake, by_organisation};
pub use load::{Loaded, load};
pub use load_mandates::{same_funding_project, split_funding_projects};
pub use mandate::{Group, ImageFile, ImageKind, Mandate, Picture, Principal, Role, Section};
pub use values::{AmountError, EXCEL_EPOCH, parse_amount, parse_date, parse_year};

use crate::diagnostics::CellRef;
use crate::workbook::{Value, normalise};
use chrono::NaiveDate;

/// The fields of sheet `Uppgifter`.
#[derive(Debug, Clone, PartialEq)]
pub struct Info {
    pub title: String,
    pub year: i32,
    pub organisation: String,
    pub county: Option<String>,
    pub date: NaiveDate,
    pub steering_group: Option<String>,
    /// Who the återrapport is addressed to (field Mottagare), not an Ansvarig organisation.
    pub addressee: Option<String>,
    pub reference: Option<String>,
    /// Sista dag: when the forms are due back, named in the e-mail drafts.
    pub deadline: Option<NaiveDate>,
    /// Avsändare as typed, and its address when it has one: who signs the e-mail drafts.
    pub sender: Option<String>,
    pub sender_mailbox: Option<Mailbox>,
}

/// The sheet `Kontakter`: where it is (for a problem about the whole sheet) and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Contacts {
    pub file: String,
    pub sheet: String,
    pub rows: Vec<Contact>,
}

/// A row of `Kontakter`: where an Ansvarig's form is e-mailed.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    /// The Ansvarig as written in Kontakter.
    pub recipient: String,
    /// The person greeted; empty for a shared mailbox.
    pub name: String,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub recipient_at: CellRef,
}

/// An insatsområde (`1`, `3`) or a delområde (`1a`), with its share of the money.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub code: String,
    pub name: String,
    pub budget: Amount,
    pub region_funds: Option<Amount>,
    pub description: String,
    /// The code of the area this is a sub-area of.
    pub parent: Option<String>,
    pub code_at: CellRef,
    pub budget_at: CellRef,
    pub extra: Vec<(String, Value)>,
}

/// Typ: a new insats or one continuing from earlier years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    New = 0,
    Continuing = 1,
}

impl serde::Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(Kind::LABELS[*self as usize])
    }
}

impl Kind {
    /// The words the sheet expects, as the Typ drop-down offers them.
    pub const LABELS: [&'static str; 2] = ["Ny", "Pågående/fortsättning"];

    /// Accepts the spellings seen in real workbooks: `Pågående/ fortsättning`, `Fortsättning`, `ny`.
    pub fn parse(text: &str) -> Option<Kind> {
        let t: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        match t.as_str() {
            "ny" => Some(Kind::New),
            "pågående/fortsättning" | "pågående" | "fortsättning" | "pågående/fortsatt" => {
                Some(Kind::Continuing)
            }
            _ => None,
        }
    }
}

/// Bedömning: how an insats is going. Its Swedish word is `label`, the one place it is spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assessment {
    Green = 0,
    Yellow = 1,
    Red = 2,
}

impl serde::Serialize for Assessment {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

impl Assessment {
    pub const ALL: [Assessment; 3] = [Assessment::Green, Assessment::Yellow, Assessment::Red];
    pub const ALL_LABELS: [&'static str; 3] = ["Grön", "Gul", "Röd"];

    /// The word in the sheet and in every document.
    pub fn label(self) -> &'static str {
        Self::ALL_LABELS[self as usize]
    }

    pub fn parse(text: &str) -> Option<Assessment> {
        match text.trim().to_lowercase().as_str() {
            "grön" | "gron" => Some(Assessment::Green),
            "gul" => Some(Assessment::Yellow),
            "röd" | "rod" => Some(Assessment::Red),
            _ => None,
        }
    }
}

/// One insats: what is done, by whom, for how much, and (in follow-up) what was used.
#[derive(Debug, Clone, PartialEq)]
pub struct Initiative {
    pub area: String,
    pub name: String,
    pub description: String,
    pub kind: Option<Kind>,
    pub amount: Amount,
    pub status: String,
    pub recipient: String,
    pub funding_project: String,
    pub requisitioned: Option<Amount>,
    pub spent: Option<Amount>,
    pub assessment: Option<Assessment>,
    pub comment: String,
    pub area_at: CellRef,
    pub amount_at: CellRef,
    pub requisitioned_at: CellRef,
    pub spent_at: CellRef,
    pub extra: Vec<(String, Value)>,
}

/// A line of the "Kort tillbakablick": a date or a free label such as "Mars–April".
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub when: String,
    pub what: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    pub info: Info,
    pub areas: Vec<Area>,
    pub initiatives: Vec<Initiative>,
    pub timeline: Vec<Event>,
    pub summary: Vec<String>,
    pub mandates: Vec<Mandate>,
    /// The rows of `Kontakter`; `None` when the workbook has no such sheet (no e-mail is wanted).
    pub contacts: Option<Contacts>,
}

impl Initiative {
    /// Whether the insats is funded by the project, in any of the ways a project number is written.
    pub fn in_funding_project(&self, project: &str) -> bool {
        split_funding_projects(&self.funding_project)
            .iter()
            .any(|p| same_funding_project(p, project))
    }
}

impl Agreement {
    /// The insatser that finance an uppdrag through its linked project numbers, in sheet order.
    pub fn financing(&self, mandate: &Mandate) -> Vec<&Initiative> {
        self.initiatives
            .iter()
            .filter(|i| {
                mandate
                    .funding_projects
                    .iter()
                    .any(|p| i.in_funding_project(p))
            })
            .collect()
    }

    /// The distinct Ansvarig organisations in sheet order, spelled as first written; spellings that
    /// differ only in case or spacing are one organisation.
    pub fn responsible_organisations(&self) -> Vec<String> {
        by_organisation(&self.initiatives)
            .into_iter()
            .map(|o| o.name)
            .filter(|name| !name.is_empty())
            .collect()
    }

    /// The contact of an Ansvarig (case and spacing aside), when Kontakter has one.
    pub fn contact_for(&self, recipient: &str) -> Option<&Contact> {
        self.contacts
            .iter()
            .flat_map(|c| &c.rows)
            .find(|c| same_organisation(&c.recipient, recipient))
    }

    /// Whether there is an agreement with money to show (a workbook may hold only uppdrag).
    pub fn has_initiatives(&self) -> bool {
        !self.areas.is_empty() || !self.initiatives.is_empty()
    }

    pub fn area(&self, code: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.code == code)
    }

    /// Top-level areas in sheet order.
    pub fn top_areas(&self) -> impl Iterator<Item = &Area> {
        self.areas.iter().filter(|a| a.parent.is_none())
    }

    pub fn sub_areas<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Area> + 'a {
        self.areas
            .iter()
            .filter(move |a| a.parent.as_deref() == Some(code))
    }

    /// Initiatives booked directly on this area code.
    pub fn initiatives_in<'a>(
        &'a self,
        code: &'a str,
    ) -> impl Iterator<Item = &'a Initiative> + 'a {
        self.initiatives.iter().filter(move |i| i.area == code)
    }

    /// Initiatives of this area and all its sub-areas.
    pub fn initiatives_under<'a>(
        &'a self,
        code: &'a str,
    ) -> impl Iterator<Item = &'a Initiative> + 'a {
        self.initiatives.iter().filter(move |i| {
            i.area == code || self.area(&i.area).and_then(|a| a.parent.as_deref()) == Some(code)
        })
    }

    /// Fördelat: the money given to the insatser of this area and all its sub-areas (the same as
    /// `AreaFigures::of(..).insatser.allocated`, without summing the rest).
    pub fn allocated(&self, code: &str) -> Amount {
        self.initiatives_under(code).map(|i| i.amount).sum()
    }

    /// The agreement's total: the budgets of the top-level areas.
    pub fn total_budget(&self) -> Amount {
        self.top_areas().map(|a| a.budget).sum()
    }
}

/// Whether two Ansvarig cells name the same organisation (case and spacing aside).
pub fn same_organisation(a: &str, b: &str) -> bool {
    normalise(a) == normalise(b)
}

/// The parent of a sub-area code: `1a` → `1`, `12b` → `12`; `None` for a plain area code.
pub(crate) fn parent_code(code: &str) -> Option<&str> {
    let digits = code.trim_end_matches(|c: char| c.is_alphabetic());
    (!digits.is_empty() && digits.len() < code.len() && digits.chars().all(|c| c.is_ascii_digit()))
        .then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents() {
        assert_eq!(parent_code("1a"), Some("1"));
        assert_eq!(parent_code("12b"), Some("12"));
        assert_eq!(parent_code("1"), None);
        assert_eq!(parent_code("A"), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(
            Kind::parse("Pågående/ fortsättning"),
            Some(Kind::Continuing)
        );
        assert_eq!(Kind::parse(" ny "), Some(Kind::New));
        assert_eq!(Kind::parse("Gammal"), None);
    }
}
