//! Money in whole öre, so sums are exact however many rows are added. Stored as `i128`: no sum of
//! amounts below the parsing ceiling can overflow, whatever the number of rows.

use crate::diagnostics::group_digits;
use serde::{Serialize, Serializer};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Sub};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(i128);

impl Amount {
    pub const ZERO: Amount = Amount(0);

    /// No Swedish public budget reaches a thousand billion kronor; above it a cell is a typo.
    pub(crate) const CEILING: Amount = Amount(1_000_000_000_000 * 100);

    pub(crate) fn from_ore(ore: i64) -> Self {
        Amount(i128::from(ore))
    }

    pub fn from_kronor(kronor: i64) -> Self {
        Amount(i128::from(kronor) * 100)
    }

    pub fn ore(self) -> i128 {
        self.0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Kronor as a float, for charts and spreadsheet cells.
    pub fn kronor_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl Add for Amount {
    type Output = Amount;
    fn add(self, rhs: Amount) -> Amount {
        Amount(self.0 + rhs.0)
    }
}

impl Sub for Amount {
    type Output = Amount;
    fn sub(self, rhs: Amount) -> Amount {
        Amount(self.0 - rhs.0)
    }
}

impl Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, Add::add)
    }
}

/// Swedish format: `1 000 000 kr`, `1 000,50 kr`, with a non-breaking space so an amount never splits.
impl Amount {
    /// The amount as a table writes it: `1 234 567`, `−1 000,50` (digits grouped by non-breaking
    /// spaces, a minus sign, öre only when there are some), as the templates' `num` does.
    pub fn figure(&self) -> String {
        let sign = if self.0 < 0 { "−" } else { "" };
        let abs = self.0.unsigned_abs();
        let (kr, ore) = (abs / 100, abs % 100);
        let grouped = group_digits(kr);
        if ore == 0 {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped},{ore:02}")
        }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\u{a0}kr", self.figure())
    }
}

/// Serialised as kronor: an integer when whole (the usual case), else a number with öre.
impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match i64::try_from(self.0 / 100) {
            Ok(kronor) if self.0 % 100 == 0 => s.serialize_i64(kronor),
            _ => s.serialize_f64(self.kronor_f64()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_display() {
        assert_eq!(
            Amount::from_kronor(16_979_356).to_string(),
            "16\u{a0}979\u{a0}356\u{a0}kr"
        );
        assert_eq!(Amount::from_kronor(500).to_string(), "500\u{a0}kr");
        assert_eq!(
            Amount::from_ore(100_050).to_string(),
            "1\u{a0}000,50\u{a0}kr"
        );
        assert_eq!(
            Amount::from_kronor(-1000).to_string(),
            "−1\u{a0}000\u{a0}kr"
        );
    }

    #[test]
    fn sums_of_the_largest_readable_amounts_stay_exact() {
        let total: Amount = std::iter::repeat_n(Amount::CEILING, 100_000).sum();
        assert_eq!(total.ore(), 100_000 * 100_000_000_000_000);
        assert!(!total.is_negative());
    }

    #[test]
    fn serialises_as_kronor() {
        assert_eq!(
            serde_json::to_string(&Amount::from_kronor(250_000)).unwrap(),
            "250000"
        );
        assert_eq!(
            serde_json::to_string(&Amount::from_ore(150)).unwrap(),
            "1.5"
        );
    }
}
