//! Returned forms, read back by their header names (the recipient may move, sort or add rows) with
//! every value checked where it stands, so a problem names the form's file and cell.

use super::FORM_SHEET;
use super::columns::{self, KEY};
use crate::diagnostics::{CellRef, Diagnostic, Place, Problem, nearest};
use crate::model::{Amount, Assessment, parse_amount};
use crate::workbook::{Column, Row, Table, Value, load};
use std::path::{Path, PathBuf};

/// What one row of a returned form says.
#[derive(Debug, Clone)]
pub struct ReturnedRow {
    pub file: String,
    pub key: Option<String>,
    pub area: String,
    pub name: String,
    pub amount: Option<Amount>,
    pub requisitioned: Option<Amount>,
    pub spent: Option<Amount>,
    pub assessment: Option<Assessment>,
    pub comment: String,
    /// Where the row starts, for messages about the row as a whole.
    pub at: CellRef,
    pub name_at: CellRef,
    pub amount_at: CellRef,
    /// False when a value in it could not be read: nothing of the row is merged.
    pub valid: bool,
}

impl ReturnedRow {
    /// Whether the recipient reported anything on this row.
    pub(crate) fn reports_something(&self) -> bool {
        self.requisitioned.is_some()
            || self.spent.is_some()
            || self.assessment.is_some()
            || !self.comment.is_empty()
    }
}

/// One returned form file.
#[derive(Debug)]
pub struct ReturnedForm {
    pub file: String,
    pub rows: Vec<ReturnedRow>,
}

/// Every form file directly in `dir` (Excel's lock files and hidden files aside), sorted by name.
pub fn form_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| crate::workbook::is_workbook_file(p))
        .collect();
    files.sort();
    Ok(files)
}

/// Reads one form; an unreadable file is one diagnostic and no rows.
pub fn read_form(path: &Path, out: &mut Vec<Diagnostic>) -> Option<ReturnedForm> {
    let book = match load(path) {
        Ok(book) => book,
        Err(errors) => {
            for e in errors {
                out.push(Diagnostic::new(
                    Place::File {
                        file: file_label(path),
                    },
                    Problem::Unreadable {
                        message: e.to_string(),
                        fix: e.fix().to_string(),
                    },
                ));
            }
            return None;
        }
    };
    let file = book
        .files
        .first()
        .cloned()
        .unwrap_or_else(|| file_label(path));
    let table = Table::find(&book, FORM_SHEET, &columns::ALL, true, out)?;
    let rows = table.rows().map(|row| read_row(&file, &row, out)).collect();
    Some(ReturnedForm { file, rows })
}

fn file_label(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn read_row(file: &str, row: &Row, out: &mut Vec<Diagnostic>) -> ReturnedRow {
    let mut valid = true;
    let mut amount = |column: Column, out: &mut Vec<Diagnostic>| -> Option<Amount> {
        let (value, at) = row.cell(column);
        if value.is_empty() {
            return None;
        }
        match parse_amount(value) {
            Ok(a) => Some(a),
            Err(e) => {
                if let Some(problem) = e.problem(column, value) {
                    out.push(Diagnostic::at(at, problem));
                }
                valid = false;
                None
            }
        }
    };
    let requisitioned = amount(columns::REQUISITIONED, out);
    let spent = amount(columns::SPENT, out);
    // Belopp is locked; read it only to notice an edit, never to report a problem with it.
    let amount_value = parse_amount(row.value(columns::AMOUNT)).ok();
    let (assessment_value, assessment_at) = row.cell(columns::ASSESSMENT);
    let assessment_text = assessment_value.display().trim().to_string();
    let assessment = if assessment_text.is_empty() {
        None
    } else {
        let parsed = Assessment::parse(&assessment_text);
        if parsed.is_none() {
            out.push(Diagnostic::at(
                assessment_at,
                Problem::UnknownAssessment {
                    suggestion: nearest(&assessment_text, Assessment::ALL_LABELS),
                    value: assessment_text,
                },
            ));
            valid = false;
        }
        parsed
    };
    let key = row.text(KEY);
    ReturnedRow {
        file: file.to_string(),
        key: (!key.is_empty()).then_some(key),
        area: row.text(columns::AREA),
        name: row.text(columns::NAME),
        amount: amount_value,
        requisitioned,
        spent,
        assessment,
        comment: match row.value(columns::COMMENT) {
            Value::Empty => String::new(),
            v => v.display().trim().to_string(),
        },
        at: row.reference(),
        name_at: row.cell(columns::NAME).1,
        amount_at: row.cell(columns::AMOUNT).1,
        valid,
    }
}
