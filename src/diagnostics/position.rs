//! Where a value came from: the file, the sheet and the cell, so every message can point at it.

use std::fmt;

/// A cell in a sheet of one workbook file. Rows and columns are 0-based; shown 1-based as `Insatser!E14`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    pub file: String,
    pub sheet: String,
    pub row: u32,
    pub col: u32,
}

impl CellRef {
    /// The spreadsheet address without the sheet, e.g. `E14`.
    pub fn address(&self) -> String {
        format!("{}{}", column_letters(self.col), self.row + 1)
    }
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Sheet names with spaces or punctuation must be quoted the way Excel writes them.
        if self.sheet.chars().all(|c| c.is_alphanumeric() || c == '_') {
            write!(f, "{}!{}", self.sheet, self.address())
        } else {
            write!(f, "'{}'!{}", self.sheet.replace('\'', "''"), self.address())
        }
    }
}

/// Excel column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push((b'A' + rem) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(4), "E");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16383), "XFD");
    }

    #[test]
    fn display() {
        let at = CellRef {
            file: "a.xlsx".into(),
            sheet: "Insatser".into(),
            row: 13,
            col: 4,
        };
        assert_eq!(at.to_string(), "Insatser!E14");
        let at = CellRef {
            file: "a.xlsx".into(),
            sheet: "Mina insatser".into(),
            row: 0,
            col: 0,
        };
        assert_eq!(at.to_string(), "'Mina insatser'!A1");
    }
}
