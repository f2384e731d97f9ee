//! The money figures every document, filled template and check shows, each defined once here.
//!
//! An empty Rekvirerat or Förbrukat counts as nothing requisitioned or spent in every sum. Two
//! figures are both called "Kvar" in the documents and must not be confused:
//! - **Kvar** (`Figures::remaining`): what was handed out and is not yet used, Belopp − Förbrukat,
//!   of one insats or summed over some (an organisation's, an area's: fördelat − förbrukat).
//! - **Kvar av budget** (`AreaFigures::remaining_of_budget`): an area's (or the agreement's) budget −
//!   Förbrukat, unallocated money included.

use super::{Agreement, Amount, Area, Initiative};
use crate::workbook::normalise;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::collections::HashMap;
use std::ops::Add;

impl Amount {
    /// This amount as a share of `whole` (0.25 for a quarter), 0 when `whole` is not positive: a
    /// share of nothing is shown as none rather than as a division by zero.
    pub fn share_of(self, whole: Amount) -> f64 {
        if whole.ore() > 0 {
            self.ore() as f64 / whole.ore() as f64
        } else {
            0.0
        }
    }
}

/// The money of some insatser without a budget of their own: one insats, one Ansvarig's insatser
/// (in an area or in the whole agreement), or all insatser of an area.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Figures {
    /// ΣBelopp: the money given to them (fördelat, or tilldelat from the organisation's side).
    pub allocated: Amount,
    /// ΣRekvirerat, an empty cell counting as 0.
    pub requisitioned: Amount,
    /// ΣFörbrukat, an empty cell counting as 0.
    pub spent: Amount,
}

impl Figures {
    pub fn of<'a>(initiatives: impl IntoIterator<Item = &'a Initiative>) -> Figures {
        initiatives
            .into_iter()
            .map(Initiative::figures)
            .fold(Figures::default(), Add::add)
    }

    /// Kvar: allocated − spent. Negative when more is spent than was given.
    pub fn remaining(&self) -> Amount {
        self.allocated - self.spent
    }

    /// Spent as a share of allocated, 0 when nothing is allocated.
    pub fn spent_share(&self) -> f64 {
        self.spent.share_of(self.allocated)
    }
}

impl Add for Figures {
    type Output = Figures;
    fn add(self, other: Figures) -> Figures {
        Figures {
            allocated: self.allocated + other.allocated,
            requisitioned: self.requisitioned + other.requisitioned,
            spent: self.spent + other.spent,
        }
    }
}

/// In the documents' data: the stored figures and the derived ones, so a template computes nothing.
impl Serialize for Figures {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("Figures", 5)?;
        out.serialize_field("allocated", &self.allocated)?;
        out.serialize_field("requisitioned", &self.requisitioned)?;
        out.serialize_field("spent", &self.spent)?;
        out.serialize_field("remaining", &self.remaining())?;
        out.serialize_field("spent_share", &self.spent_share())?;
        out.end()
    }
}

/// The money of an area with its sub-areas, or of the whole agreement: a budget, and the figures of
/// the insatser in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AreaFigures {
    pub budget: Amount,
    pub insatser: Figures,
}

impl AreaFigures {
    /// An area (insatsområde or delområde) and the insatser of it and its sub-areas.
    pub fn of(agreement: &Agreement, area: &Area) -> AreaFigures {
        AreaFigures {
            budget: area.budget,
            insatser: Figures::of(agreement.initiatives_under(&area.code)),
        }
    }

    /// The whole agreement: the top-level areas' budgets and every insats.
    pub fn total(agreement: &Agreement) -> AreaFigures {
        AreaFigures {
            budget: agreement.total_budget(),
            insatser: Figures::of(&agreement.initiatives),
        }
    }

    /// Ofördelat: budget − fördelat. Negative when more is allocated than the budget holds.
    pub fn unallocated(&self) -> Amount {
        self.budget - self.insatser.allocated
    }

    /// Kvar av budget: budget − Förbrukat.
    pub fn remaining_of_budget(&self) -> Amount {
        self.budget - self.insatser.spent
    }

    /// Förbrukat as a share of the budget, 0 when there is no budget.
    fn spent_share_of_budget(&self) -> f64 {
        self.insatser.spent.share_of(self.budget)
    }
}

impl Add for AreaFigures {
    type Output = AreaFigures;
    fn add(self, other: AreaFigures) -> AreaFigures {
        AreaFigures {
            budget: self.budget + other.budget,
            insatser: self.insatser + other.insatser,
        }
    }
}

/// In the documents' data. `remaining` and `spent_share` are the area's against its budget (Kvar
/// av budget), not the insatser's Kvar: the templates and the data dumps have read them under these
/// names since the first återrapport.
impl Serialize for AreaFigures {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("AreaFigures", 7)?;
        out.serialize_field("budget", &self.budget)?;
        out.serialize_field("allocated", &self.insatser.allocated)?;
        out.serialize_field("unallocated", &self.unallocated())?;
        out.serialize_field("requisitioned", &self.insatser.requisitioned)?;
        out.serialize_field("spent", &self.insatser.spent)?;
        out.serialize_field("remaining", &self.remaining_of_budget())?;
        out.serialize_field("spent_share", &self.spent_share_of_budget())?;
        out.end()
    }
}

impl Initiative {
    /// The insats's own figures: Belopp, and Rekvirerat and Förbrukat with an empty cell as 0.
    pub fn figures(&self) -> Figures {
        Figures {
            allocated: self.amount,
            requisitioned: self.requisitioned.unwrap_or(Amount::ZERO),
            spent: self.spent.unwrap_or(Amount::ZERO),
        }
    }

    /// Kvar as reported: Belopp − Förbrukat once a Förbrukat is filled in, `None` before (a list
    /// shows "not reported" rather than the whole Belopp as left).
    pub fn reported_remaining(&self) -> Option<Amount> {
        self.spent.map(|_| self.figures().remaining())
    }
}

/// Pengar kvar, the money at stake: Kvar, never below 0 (an overspent insats or organisation has
/// nothing left to redirect). What the "Att uppmärksamma" lists are ranked by.
pub fn at_stake(figures: &Figures) -> Amount {
    figures.remaining().max(Amount::ZERO)
}

/// One Ansvarig's insatser among some: `name` as first written, trimmed (empty for the insatser
/// without an Ansvarig).
#[derive(Debug)]
pub struct Organisation<'a> {
    pub name: String,
    pub initiatives: Vec<&'a Initiative>,
}

/// The insatser grouped by Ansvarig in the order the organisations first appear; spellings that
/// differ only in case or spacing are one organisation. Hashed by name: a national build groups
/// thousands of insatser among hundreds of organisations.
pub fn by_organisation<'a>(
    initiatives: impl IntoIterator<Item = &'a Initiative>,
) -> Vec<Organisation<'a>> {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<Organisation<'a>> = Vec::new();
    for i in initiatives {
        let at = *index.entry(normalise(&i.recipient)).or_insert_with(|| {
            out.push(Organisation {
                name: i.recipient.trim().to_string(),
                initiatives: Vec::new(),
            });
            out.len() - 1
        });
        out[at].initiatives.push(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(kronor: i64) -> Amount {
        Amount::from_kronor(kronor)
    }

    #[test]
    fn a_share_of_nothing_is_zero() {
        assert_eq!(k(1).share_of(k(4)), 0.25);
        assert_eq!(k(1).share_of(Amount::ZERO), 0.0);
        assert_eq!(k(1).share_of(Amount::ZERO - k(4)), 0.0);
    }

    #[test]
    fn kvar_and_kvar_av_budget_are_different_figures() {
        let area = AreaFigures {
            budget: k(1000),
            insatser: Figures {
                allocated: k(800),
                requisitioned: k(500),
                spent: k(300),
            },
        };
        assert_eq!(area.insatser.remaining(), k(500));
        assert_eq!(area.remaining_of_budget(), k(700));
        assert_eq!(area.unallocated(), k(200));
        assert_eq!(area.spent_share_of_budget(), 0.3);
        assert_eq!(area.insatser.spent_share(), 0.375);
    }

    #[test]
    fn money_at_stake_is_what_is_left_never_below_zero() {
        let f = |allocated, spent| Figures {
            allocated: k(allocated),
            requisitioned: Amount::ZERO,
            spent: k(spent),
        };
        assert_eq!(at_stake(&f(100, 30)), k(70));
        assert_eq!(at_stake(&f(100, 130)), Amount::ZERO);
    }
}
