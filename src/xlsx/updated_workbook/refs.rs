//! Pieces of Excel formulas: sheet references, cell addresses and exact-match criteria.

use crate::diagnostics::column_letters;

/// A sheet name as a formula or link writes it; always quoted, which Excel accepts for any name.
pub fn sheet(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

/// A relative address such as `E14`.
pub fn cell(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

/// An absolute address such as `$C$5`.
pub(crate) fn absolute_cell(row: u32, col: u32) -> String {
    format!("${}${}", column_letters(col), row + 1)
}

/// A whole column of another sheet, `'Insatser'!$E:$E`: rows added later are summed too.
pub(crate) fn whole_column(sheet_name: &str, col: u32) -> String {
    let letters = column_letters(col);
    format!("{}!${letters}:${letters}", sheet(sheet_name))
}

/// A string literal for a formula.
pub fn literal(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// A SUMIFS criterion that matches `value` exactly: wildcards are escaped with `~`, and a value that
/// starts like a comparison (`=`, `<`, `>`) is preceded by `=` so it is compared, not obeyed.
pub(crate) fn exact_criterion(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len() + 1);
    if value.starts_with(['=', '<', '>']) {
        escaped.push('=');
    }
    for c in value.chars() {
        if matches!(c, '~' | '*' | '?') {
            escaped.push('~');
        }
        escaped.push(c);
    }
    literal(&escaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert_eq!(sheet("Insatser"), "'Insatser'");
        assert_eq!(sheet("Anna's"), "'Anna''s'");
        assert_eq!(cell(13, 4), "E14");
        assert_eq!(absolute_cell(4, 2), "$C$5");
        assert_eq!(whole_column("Insatser", 4), "'Insatser'!$E:$E");
    }

    #[test]
    fn criteria_match_exactly() {
        assert_eq!(exact_criterion("1a"), "\"1a\"");
        assert_eq!(exact_criterion("1*"), "\"1~*\"");
        assert_eq!(exact_criterion("=2"), "\"==2\"");
        assert_eq!(exact_criterion("\"x\""), "\"\"\"x\"\"\"");
    }
}
