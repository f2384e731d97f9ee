//! A sheet read as a table: a header row found by name, columns matched ignoring case, space and order.

use super::{Sheet, Value, Workbook, same_name};
use crate::diagnostics::{CellRef, Diagnostic, Place, Problem, nearest};

/// A column a table expects (the input contract declares them once, in `model::schema`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
}

impl Column {
    pub const fn required(name: &'static str) -> Self {
        Column {
            name,
            required: true,
        }
    }
    pub const fn optional(name: &'static str) -> Self {
        Column {
            name,
            required: false,
        }
    }
}

/// How far down a title block may push the header row.
const HEADER_SEARCH_ROWS: u32 = 10;

#[derive(Debug, Clone)]
pub struct Table<'a> {
    pub sheet: &'a Sheet,
    pub header_row: u32,
    spec: &'a [Column],
    columns: Vec<Option<u32>>,
    /// Columns the table does not know, kept so they can be carried into the updated workbook.
    pub extra: Vec<(String, u32)>,
}

impl<'a> Table<'a> {
    /// Finds the sheet and its columns. Problems (missing sheet or required column) are pushed to `out`;
    /// `None` when the sheet is unusable.
    pub fn find(
        book: &'a Workbook,
        sheet_name: &str,
        spec: &'a [Column],
        required_sheet: bool,
        out: &mut Vec<Diagnostic>,
    ) -> Option<Table<'a>> {
        let found = book.sheets_named(sheet_name);
        let sheet = match found.as_slice() {
            [] => {
                if required_sheet {
                    out.push(Diagnostic::new(
                        Place::Input,
                        Problem::MissingSheet {
                            sheet: sheet_name.to_string(),
                            suggestion: nearest(
                                sheet_name,
                                book.sheets.iter().map(|s| s.name.as_str()),
                            ),
                        },
                    ));
                }
                return None;
            }
            [one] => *one,
            many => {
                let files: Vec<String> = many.iter().map(|s| s.file.clone()).collect();
                out.push(Diagnostic::new(
                    Place::Input,
                    Problem::DuplicateSheet {
                        sheet: sheet_name.to_string(),
                        files: files.join(", "),
                    },
                ));
                return None;
            }
        };

        let header_row = find_header_row(sheet, spec);
        let mut columns = vec![None; spec.len()];
        let mut extra = Vec::new();
        {
            for (offset, cell) in sheet.row_cells(header_row).iter().enumerate() {
                let col = sheet.origin.1 + offset as u32;
                let header = cell.display();
                if header.trim().is_empty() {
                    continue;
                }
                match spec.iter().position(|c| same_name(c.name, &header)) {
                    Some(i) if columns[i].is_none() => columns[i] = Some(col),
                    Some(i) => out.push(Diagnostic::at(
                        sheet.cell_ref(header_row, col),
                        Problem::DuplicateColumn {
                            column: spec[i].name.to_string(),
                        },
                    )),
                    None => extra.push((header.trim().to_string(), col)),
                }
            }
        }

        let mut usable = true;
        for (column, found) in spec.iter().zip(&columns) {
            if column.required && found.is_none() {
                out.push(Diagnostic::new(
                    Place::Sheet {
                        file: sheet.file.clone(),
                        sheet: sheet.name.clone(),
                    },
                    Problem::MissingColumn {
                        column: column.name.to_string(),
                        suggestion: nearest(column.name, extra.iter().map(|(h, _)| h.as_str())),
                    },
                ));
                usable = false;
            }
        }
        let table = Table {
            sheet,
            header_row,
            spec,
            columns,
            extra,
        };
        if usable {
            table.report_uncached_formulas(out);
            table.report_merged_cells(out);
        }
        usable.then_some(table)
    }

    /// A merged range over cells the table reads below its header is reported once, as a warning:
    /// Excel shows its value in every row it covers, which is how it is read. (An amount is another
    /// matter: the loader refuses one counted on several rows.)
    fn report_merged_cells(&self, out: &mut Vec<Diagnostic>) {
        let read: Vec<(Column, u32)> = self
            .spec
            .iter()
            .zip(&self.columns)
            .filter_map(|(column, col)| col.map(|col| (*column, col)))
            .collect();
        for &(first, last) in &self.sheet.merged.ranges {
            if last.0 <= self.header_row {
                continue;
            }
            // A range along one row whose first cell is the only one read (a comment spread over
            // the unread columns beside it) changes nothing.
            let Some((column, _)) = read.iter().find(|(_, col)| {
                (first.1..=last.1).contains(col) && (last.0 > first.0 || *col != first.1)
            }) else {
                continue;
            };
            let first_cell = self.sheet.cell_ref(first.0, first.1);
            let last_cell = self.sheet.cell_ref(last.0, last.1);
            out.push(Diagnostic::at(
                first_cell.clone(),
                Problem::MergedCells {
                    range: format!("{}:{}", first_cell.address(), last_cell.address()),
                    first: first_cell.address(),
                    column: column.name.to_string(),
                },
            ));
        }
    }

    /// A formula without a saved result is reported once, here, for every column the table reads;
    /// the loader then treats the cell as unknown rather than calling it empty or unreadable.
    fn report_uncached_formulas(&self, out: &mut Vec<Diagnostic>) {
        for row in self.rows() {
            for (column, col) in self.spec.iter().zip(&self.columns) {
                let Some(col) = *col else { continue };
                if let Value::UncachedFormula(formula) = self.sheet.get(row.row, col) {
                    out.push(Diagnostic::at(
                        self.sheet.cell_ref(row.row, col),
                        Problem::UncachedFormula {
                            column: column.name.to_string(),
                            formula: format!("={formula}"),
                        },
                    ));
                }
            }
        }
    }

    /// The data rows below the header, skipping rows that are entirely empty.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> + '_ {
        let first = self.header_row + 1;
        let last = self.sheet.last_row().unwrap_or(self.header_row);
        (first..=last)
            .map(move |row| Row { table: self, row })
            .filter(|r| !r.is_blank())
    }

    /// The absolute column of a known column, when the sheet has it.
    pub fn column(&self, column: Column) -> Option<u32> {
        self.spec
            .iter()
            .position(|c| c.name == column.name)
            .and_then(|i| self.columns[i])
    }
}

/// One data row of a table.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    table: &'a Table<'a>,
    pub row: u32,
}

impl<'a> Row<'a> {
    /// The value and position of a column. A column the sheet lacks (or the table was not read
    /// with) reads as empty, pointing at the row's first cell.
    pub fn cell(&self, column: Column) -> (&'a Value, CellRef) {
        let sheet = self.table.sheet;
        match self.table.column(column) {
            Some(col) => (sheet.get(self.row, col), sheet.cell_ref(self.row, col)),
            None => (&Value::Empty, sheet.cell_ref(self.row, sheet.origin.1)),
        }
    }

    /// The first cell of a merged range this row's cell of `column` is covered by (and is not).
    pub fn merged_into(&self, column: Column) -> Option<CellRef> {
        let sheet = self.table.sheet;
        let col = self.table.column(column)?;
        let (row, col) = sheet.merged.first_of(self.row, col)?;
        Some(sheet.cell_ref(row, col))
    }

    pub fn value(&self, column: Column) -> &'a Value {
        self.cell(column).0
    }

    /// Text of a column, trimmed; empty when the column is absent.
    pub fn text(&self, column: Column) -> String {
        self.value(column).display().trim().to_string()
    }

    /// Values of the columns the table does not know, by header.
    pub fn extra(&self) -> Vec<(String, Value)> {
        self.table
            .extra
            .iter()
            .map(|(header, col)| (header.clone(), self.table.sheet.get(self.row, *col).clone()))
            .collect()
    }

    pub fn reference(&self) -> CellRef {
        self.table
            .sheet
            .cell_ref(self.row, self.table.sheet.origin.1)
    }

    /// Blank when every column the table knows is empty: a note beside the table, or a stray cell far
    /// out in the sheet, is not a row of data.
    fn is_blank(&self) -> bool {
        let sheet = self.table.sheet;
        let cells = sheet.row_cells(self.row);
        if cells.iter().all(Value::is_empty) {
            return true;
        }
        self.table
            .columns
            .iter()
            .flatten()
            .all(|&col| sheet.get(self.row, col).is_empty())
    }
}

/// The header is the first row holding the most expected names; title rows above it are allowed.
fn find_header_row(sheet: &Sheet, spec: &[Column]) -> u32 {
    let first = sheet.origin.0;
    let last = sheet
        .last_row()
        .unwrap_or(first)
        .min(first + HEADER_SEARCH_ROWS - 1);
    let score = |row: u32| {
        sheet
            .row_cells(row)
            .iter()
            .filter(|cell| {
                let h = cell.display();
                spec.iter().any(|s| same_name(s.name, &h))
            })
            .count()
    };
    let mut best = (first, 0);
    for row in first..=last {
        let s = score(row);
        if s > best.1 {
            best = (row, s);
        }
    }
    best.0
}
