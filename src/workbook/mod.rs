//! Reading spreadsheets: files → sheets of cells, each value with its position.
//!
//! Nothing here knows about insatser or budgets; it only knows workbooks, sheets, headers and cells.

mod projects;
mod read;
mod table;

use crate::diagnostics::CellRef;
pub use projects::{
    BUILD_RECORD_FILE, EXCEL_TEMPLATES_FOLDER, Project, excel_templates_folder, projects,
};
pub use read::{
    ReadError, WORKBOOK_EXTENSIONS, extension_list, has_workbook_extension, is_workbook_file, load,
};
pub use table::{Column, Row, Table};

use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One cell's value, reduced to what the documents need.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Bool(bool),
    /// An Excel error such as `#REF!` or `#DIV/0!`.
    Error(String),
    /// A formula whose result was never saved in the file (written by a program that does not
    /// calculate); its value is unknown, which is not the same as empty.
    UncachedFormula(String),
}

// A workbook's cells are part of the keys of what is built from them (the build record): a number
// hashes by its bits, so the same cells always give the same key.
impl std::hash::Hash for Value {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Value::Empty => {}
            Value::Text(t) | Value::Error(t) | Value::UncachedFormula(t) => t.hash(state),
            Value::Number(n) => n.to_bits().hash(state),
            Value::Date(d) => d.hash(state),
            Value::Bool(b) => b.hash(state),
        }
    }
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as a person would read it in the cell, for messages and for text columns.
    pub fn display(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.clone(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Value::Number(n) => n.to_string().replace('.', ","),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
            Value::Bool(true) => "SANT".into(),
            Value::Bool(false) => "FALSKT".into(),
            Value::Error(e) => e.clone(),
            Value::UncachedFormula(_) => String::new(),
        }
    }
}

/// One sheet of one file, as a grid with its top-left corner at `origin` (row, column).
#[derive(Debug, Clone, Hash)]
pub struct Sheet {
    pub file: String,
    pub name: String,
    pub origin: (u32, u32),
    pub rows: Vec<Vec<Value>>,
    pub merged: Merged,
}

/// The sheet's merged cells (xlsx and xls; ods files do not say). A merged range keeps its value in
/// its first cell only: the others read as that value, as Excel shows them, and the table that reads
/// them reports the range (`Table::find`).
#[derive(Debug, Clone, Default, Hash)]
pub struct Merged {
    /// Each range's first and last cell (row, column), as the file lists them.
    pub ranges: Vec<((u32, u32), (u32, u32))>,
    /// Every covered cell but the first of its range, with that first cell.
    covered: BTreeMap<(u32, u32), (u32, u32)>,
}

impl Merged {
    /// Ranges larger than this are listed but their cells not looked through: a whole row or
    /// column merged would otherwise cost millions of entries.
    const LARGEST: u64 = 10_000;

    pub fn new(ranges: Vec<((u32, u32), (u32, u32))>) -> Merged {
        let mut covered = BTreeMap::new();
        for &(first, last) in &ranges {
            let cells = (u64::from(last.0.saturating_sub(first.0)) + 1)
                * (u64::from(last.1.saturating_sub(first.1)) + 1);
            if cells <= 1 || cells > Self::LARGEST {
                continue;
            }
            for row in first.0..=last.0 {
                for col in first.1..=last.1 {
                    if (row, col) != first {
                        covered.insert((row, col), first);
                    }
                }
            }
        }
        Merged { ranges, covered }
    }

    /// The first cell of the merged range covering (row, col), unless it is that first cell.
    pub fn first_of(&self, row: u32, col: u32) -> Option<(u32, u32)> {
        self.covered.get(&(row, col)).copied()
    }
}

impl Sheet {
    pub(crate) fn cell_ref(&self, row: u32, col: u32) -> CellRef {
        CellRef {
            file: self.file.clone(),
            sheet: self.name.clone(),
            row,
            col,
        }
    }

    /// The value at an absolute position; outside the used range is empty; inside a merged range,
    /// the range's value.
    pub fn get(&self, row: u32, col: u32) -> &Value {
        static EMPTY: Value = Value::Empty;
        let (row, col) = self.merged.first_of(row, col).unwrap_or((row, col));
        let (r0, c0) = self.origin;
        if row < r0 || col < c0 {
            return &EMPTY;
        }
        self.rows
            .get((row - r0) as usize)
            .and_then(|r| r.get((col - c0) as usize))
            .unwrap_or(&EMPTY)
    }

    /// Writes a value at an absolute position, growing the grid as needed (merging returned forms
    /// works on the read cells, never on the file).
    pub fn set(&mut self, row: u32, col: u32, value: Value) {
        let (r0, c0) = self.origin;
        if self.rows.is_empty() {
            self.origin = (row, col);
        } else if row < r0 || col < c0 {
            // Grow up or left: shift the grid so the new cell fits.
            let (nr0, nc0) = (row.min(r0), col.min(c0));
            let (dr, dc) = ((r0 - nr0) as usize, (c0 - nc0) as usize);
            for r in &mut self.rows {
                r.splice(0..0, std::iter::repeat_n(Value::Empty, dc));
            }
            self.rows.splice(0..0, std::iter::repeat_n(Vec::new(), dr));
            self.origin = (nr0, nc0);
        }
        let (r0, c0) = self.origin;
        let (r, c) = ((row - r0) as usize, (col - c0) as usize);
        if self.rows.len() <= r {
            self.rows.resize(r + 1, Vec::new());
        }
        let cells = &mut self.rows[r];
        if cells.len() <= c {
            cells.resize(c + 1, Value::Empty);
        }
        cells[c] = value;
    }

    /// The cells of a row as stored (ragged: only as long as its last used cell).
    pub(crate) fn row_cells(&self, row: u32) -> &[Value] {
        row.checked_sub(self.origin.0)
            .and_then(|r| self.rows.get(r as usize))
            .map_or(&[], Vec::as_slice)
    }

    /// Absolute index of the last used row, if any.
    pub fn last_row(&self) -> Option<u32> {
        (!self.rows.is_empty()).then(|| self.origin.0 + self.rows.len() as u32 - 1)
    }

    pub fn last_col(&self) -> Option<u32> {
        let width = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        (width > 0).then(|| self.origin.1 + width as u32 - 1)
    }
}

/// All sheets of the input: one workbook, or every workbook of a folder.
#[derive(Debug, Clone, Default, Hash)]
pub struct Workbook {
    pub files: Vec<String>,
    pub sheets: Vec<Sheet>,
    /// The folder the workbooks were read from: files named in cells (pictures) are relative to it.
    pub folder: Option<std::path::PathBuf>,
}

impl Workbook {
    /// Sheets are found by name, ignoring case and surrounding space, as users type them.
    pub fn sheets_named(&self, name: &str) -> Vec<&Sheet> {
        self.sheets
            .iter()
            .filter(|s| same_name(&s.name, name))
            .collect()
    }
}

/// Header and sheet names match ignoring case and surrounding (also non-breaking) space.
pub fn same_name(a: &str, b: &str) -> bool {
    normalise(a) == normalise(b)
}

/// Lower case, inner runs of (also non-breaking) space as one space, no space around: how two
/// names a person typed are compared.
pub fn normalise(s: &str) -> String {
    s.split(|c: char| c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_grows_the_grid_in_every_direction() {
        let mut sheet = Sheet {
            file: "f".into(),
            name: "s".into(),
            origin: (0, 0),
            rows: vec![],
            merged: Merged::default(),
        };
        sheet.set(3, 2, Value::Number(1.0));
        assert_eq!(sheet.origin, (3, 2));
        sheet.set(5, 4, Value::Text("b".into()));
        sheet.set(1, 0, Value::Text("a".into()));
        assert_eq!(sheet.get(3, 2), &Value::Number(1.0));
        assert_eq!(sheet.get(5, 4), &Value::Text("b".into()));
        assert_eq!(sheet.get(1, 0), &Value::Text("a".into()));
        assert_eq!(sheet.get(2, 2), &Value::Empty);
        assert_eq!(sheet.last_row(), Some(5));
        assert_eq!(sheet.last_col(), Some(4));
    }
}
