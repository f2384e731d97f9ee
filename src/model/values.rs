//! Turning cell values into amounts, dates and years, the way Swedish spreadsheets write them.

use super::Amount;
use crate::diagnostics::Problem;
use crate::workbook::{Column, Value};
use chrono::NaiveDate;

/// Why a cell is not an amount; each becomes a message that shows the value and the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    NotAnAmount,
    Negative,
    /// Above `Amount::CEILING`: a typo or a pasted id, not money.
    TooLarge,
    /// A formula whose result the file does not hold: unknown, reported where the table is read.
    UncachedFormula,
}

impl AmountError {
    /// The problem to report for the cell; `None` for a formula without a saved value, which the
    /// table has already reported.
    pub fn problem(self, column: Column, value: &Value) -> Option<Problem> {
        let (column, value) = (column.name.to_string(), value.display());
        match self {
            AmountError::NotAnAmount => Some(Problem::NotAnAmount { column, value }),
            AmountError::Negative => Some(Problem::NegativeAmount { column, value }),
            AmountError::TooLarge => Some(Problem::AmountTooLarge { column, value }),
            AmountError::UncachedFormula => None,
        }
    }
}

/// Spaces Swedish Excel and word processors put between digit groups.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

/// Reads an amount in kronor: a number cell, or text like `1 000 000`, `1 000 000 kr`, `1 000,50 kr`.
/// Anything else (`ca 500 tkr`, `250 000 (delfinansierad)`) is an error, never a silent zero.
pub fn parse_amount(value: &Value) -> Result<Amount, AmountError> {
    let amount = match value {
        Value::Number(n) => {
            if !n.is_finite() {
                return Err(AmountError::NotAnAmount);
            }
            if n.abs() > Amount::CEILING.kronor_f64() {
                return Err(AmountError::TooLarge);
            }
            // In range: |n| ≤ 10¹² kr is at most 10¹⁴ öre, far inside i64.
            Amount::from_ore((n * 100.0).round() as i64)
        }
        Value::Text(text) => parse_amount_text(text)?,
        Value::UncachedFormula(_) => return Err(AmountError::UncachedFormula),
        _ => return Err(AmountError::NotAnAmount),
    };
    if amount.is_negative() {
        return Err(AmountError::Negative);
    }
    Ok(amount)
}

fn parse_amount_text(text: &str) -> Result<Amount, AmountError> {
    let mut s = text.trim_matches(|c: char| c.is_whitespace() || is_group_space(c));
    for suffix in ["kronor", "kr.", "kr", "SEK", ":-"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim_end_matches(|c: char| c.is_whitespace() || is_group_space(c));
            break;
        }
    }
    let (negative, s) = match s.strip_prefix(['-', '−', '–']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s),
    };
    let (whole, fraction) = match s.split_once(',') {
        Some((w, f)) => (w, Some(f)),
        None => (s, None),
    };
    let groups: Vec<&str> = whole.split(is_group_space).collect();
    let digits_only = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if !groups.iter().all(|g| digits_only(g)) {
        return Err(AmountError::NotAnAmount);
    }
    // "1 00 000" is more likely a typo than an amount: groups after the first hold three digits.
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return Err(AmountError::NotAnAmount);
    }
    let kronor: String = groups.concat();
    let kronor = kronor.trim_start_matches('0');
    // Twelve digits and a bit is the ceiling; longer digit strings need no arithmetic to refuse.
    if kronor.len() > 13 {
        return Err(AmountError::TooLarge);
    }
    let kronor: i64 = if kronor.is_empty() {
        0
    } else {
        kronor.parse().map_err(|_| AmountError::NotAnAmount)?
    };
    if Amount::from_kronor(kronor) > Amount::CEILING {
        return Err(AmountError::TooLarge);
    }
    let ore = match fraction {
        None => 0,
        Some(f) if (1..=2).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()) => {
            let n: i64 = f.parse().map_err(|_| AmountError::NotAnAmount)?;
            if f.len() == 1 { n * 10 } else { n }
        }
        Some(_) => return Err(AmountError::NotAnAmount),
    };
    let total = kronor * 100 + ore;
    Ok(Amount::from_ore(if negative { -total } else { total }))
}

/// Day zero of Excel's 1900 date system (serial 1 is 1900-01-01, counting Excel's phantom 1900-02-29).
// Evaluated at compile time: the panic can only ever stop the build, never a run.
pub const EXCEL_EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1899, 12, 30) {
    Some(d) => d,
    None => panic!("1899-12-30 is a valid date"),
};

/// Reads a date: an Excel date cell, a date serial number, or ISO text `2025-09-29`.
pub fn parse_date(value: &Value) -> Option<NaiveDate> {
    use chrono::Datelike;
    // A date cell holding 0 or a small or negative number shows as 1899 or 1900 in Excel: never a
    // date of these agreements, and printed as such it would date a report «1899-12-26».
    let date = read_date(value)?;
    (1950..=2200).contains(&date.year()).then_some(date)
}

fn read_date(value: &Value) -> Option<NaiveDate> {
    match value {
        Value::Date(d) => Some(*d),
        // Serials between 1 (1900-01-01) and 2958465 (9999-12-31) are the range Excel itself accepts.
        Value::Number(n) if n.fract() == 0.0 && (1.0..=2_958_465.0).contains(n) => {
            EXCEL_EPOCH.checked_add_days(chrono::Days::new(*n as u64))
        }
        Value::Text(t) => {
            let t = t.trim();
            let date_part = t.split_once([' ', 'T']).map_or(t, |(d, _)| d);
            NaiveDate::parse_from_str(date_part, "%Y-%m-%d").ok()
        }
        _ => None,
    }
}

/// Reads a year such as `2025` from a number or text cell.
pub fn parse_year(value: &Value) -> Option<i32> {
    let year = match value {
        Value::Number(n) if n.fract() == 0.0 => *n as i64,
        Value::Text(t) => t.trim().parse::<i64>().ok()?,
        _ => return None,
    };
    (1900..=2200).contains(&year).then_some(year as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::Text(s.to_string())
    }

    fn kr(n: i64) -> Result<Amount, AmountError> {
        Ok(Amount::from_kronor(n))
    }

    #[test]
    fn a_date_from_before_the_agreements_is_no_date() {
        let date = |y, m, d| Value::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(parse_date(&date(1899, 12, 26)), None);
        assert_eq!(parse_date(&Value::Number(5.0)), None);
        assert_eq!(
            parse_date(&date(2025, 9, 29)),
            NaiveDate::from_ymd_opt(2025, 9, 29)
        );
        assert_eq!(
            parse_date(&Value::Number(45_929.0)),
            NaiveDate::from_ymd_opt(2025, 9, 29)
        );
    }

    #[test]
    fn amounts_in_swedish_forms() {
        assert_eq!(parse_amount(&Value::Number(1_000_000.0)), kr(1_000_000));
        assert_eq!(parse_amount(&text("1000000")), kr(1_000_000));
        assert_eq!(parse_amount(&text("1 000 000")), kr(1_000_000));
        assert_eq!(parse_amount(&text("1 000 000 kr")), kr(1_000_000));
        assert_eq!(
            parse_amount(&text("1\u{a0}000\u{a0}000\u{a0}kr")),
            kr(1_000_000)
        );
        assert_eq!(
            parse_amount(&text("1\u{202f}709\u{202f}733")),
            kr(1_709_733)
        );
        assert_eq!(parse_amount(&text("  250 000 kr ")), kr(250_000));
        assert_eq!(parse_amount(&text("250000:-")), kr(250_000));
        assert_eq!(parse_amount(&text("0")), kr(0));
        assert_eq!(
            parse_amount(&text("1 000,50 kr")),
            Ok(Amount::from_ore(100_050))
        );
        assert_eq!(parse_amount(&text("12,5")), Ok(Amount::from_ore(1250)));
        assert_eq!(
            parse_amount(&Value::Number(0.1 + 0.2)),
            Ok(Amount::from_ore(30))
        );
    }

    #[test]
    fn not_amounts() {
        for bad in [
            "ca 500 tkr",
            "250 000 (delfinansierad)",
            "",
            "kr",
            "1 00 000",
            "1,000,000",
            "1.000.000",
            "500 tkr",
            "17 mkr",
            "1 000,505",
            "12e5",
            "ett tusen",
        ] {
            assert_eq!(
                parse_amount(&text(bad)),
                Err(AmountError::NotAnAmount),
                "{bad:?}"
            );
        }
        assert_eq!(
            parse_amount(&Value::Bool(true)),
            Err(AmountError::NotAnAmount)
        );
        assert_eq!(parse_amount(&Value::Empty), Err(AmountError::NotAnAmount));
        assert_eq!(
            parse_amount(&Value::Number(f64::NAN)),
            Err(AmountError::NotAnAmount)
        );
    }

    #[test]
    fn amounts_above_the_ceiling_are_too_large_not_unreadable() {
        for big in [
            "99999999999999999999",
            "10 800 000 000 000 000 000",
            "1 000 000 000 001",
        ] {
            assert_eq!(
                parse_amount(&text(big)),
                Err(AmountError::TooLarge),
                "{big:?}"
            );
        }
        assert_eq!(
            parse_amount(&Value::Number(9.0e13)),
            Err(AmountError::TooLarge)
        );
        assert_eq!(
            parse_amount(&text("1 000 000 000 000")),
            kr(1_000_000_000_000)
        );
    }

    #[test]
    fn negative_amounts() {
        assert_eq!(
            parse_amount(&Value::Number(-5.0)),
            Err(AmountError::Negative)
        );
        assert_eq!(parse_amount(&text("-5 000 kr")), Err(AmountError::Negative));
        assert_eq!(parse_amount(&text("−5 000")), Err(AmountError::Negative));
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2025, 9, 29);
        assert_eq!(parse_date(&text("2025-09-29")), d);
        assert_eq!(parse_date(&text("2025-09-29 00:00:00")), d);
        assert_eq!(parse_date(&Value::Number(45929.0)), d);
        assert_eq!(parse_date(&Value::Date(d.unwrap())), d);
        assert_eq!(parse_date(&text("29/9 2025")), None);
        assert_eq!(parse_date(&text("2025-02-30")), None);
        assert_eq!(parse_date(&Value::Number(45929.5)), None);
    }

    #[test]
    fn years() {
        assert_eq!(parse_year(&Value::Number(2025.0)), Some(2025));
        assert_eq!(parse_year(&text(" 2025 ")), Some(2025));
        assert_eq!(parse_year(&text("tjugotjugofem")), None);
        assert_eq!(parse_year(&Value::Number(25.5)), None);
    }
}
