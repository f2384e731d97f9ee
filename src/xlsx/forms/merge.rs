//! Returned rows → the input's cells. Works on the read workbook, never the file; only what a form
//! reports is written (an empty form cell leaves the input's value), and a row with any unreadable
//! value, an unknown key or a conflicting twin merges nothing.

use super::key;
use super::read::{ReturnedForm, ReturnedRow};
use crate::diagnostics::{Diagnostic, Place, Problem};
use crate::model::schema::initiatives;
use crate::model::{Agreement, Amount, Assessment, same_organisation};
use crate::workbook::{Table, Value, Workbook};
use std::collections::BTreeMap;

/// What collecting found: the merged workbook, every problem, and who has reported.
#[derive(Debug)]
pub struct Merged {
    pub book: Workbook,
    pub diagnostics: Vec<Diagnostic>,
    pub reported: Vec<String>,
    pub not_reported: Vec<String>,
    /// Rows whose figures went into the workbook.
    pub merged_rows: usize,
}

/// The follow-up values a row carries into the input.
#[derive(Debug, Clone, PartialEq)]
struct Report {
    requisitioned: Option<Amount>,
    spent: Option<Amount>,
    assessment: Option<Assessment>,
    comment: String,
}

impl From<&ReturnedRow> for Report {
    fn from(r: &ReturnedRow) -> Self {
        Report {
            requisitioned: r.requisitioned,
            spent: r.spent,
            assessment: r.assessment,
            comment: r.comment.clone(),
        }
    }
}

pub fn merge(mut book: Workbook, agreement: &Agreement, forms: &[ReturnedForm]) -> Merged {
    let mut out = Vec::new();
    let keys = key::keys(&agreement.initiatives);
    let index: BTreeMap<&str, usize> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();

    let mut reporters: Vec<&str> = Vec::new();
    // Every usable row by the insats it belongs to, to find twins before anything is written.
    let mut by_insats: BTreeMap<usize, Vec<&ReturnedRow>> = BTreeMap::new();
    for form in forms {
        for row in &form.rows {
            let Some(key) = &row.key else {
                if row.reports_something() || !row.name.is_empty() {
                    out.push(Diagnostic::at(row.at.clone(), Problem::FormRowWithoutKey));
                }
                continue;
            };
            let Some(&i) = index.get(key.as_str()) else {
                out.push(Diagnostic::at(
                    row.at.clone(),
                    Problem::FormUnknownKey { key: key.clone() },
                ));
                continue;
            };
            identity(row, &agreement.initiatives[i], &mut out);
            // Sending a form back with figures is reporting, even when a figure needs fixing.
            if row.reports_something() {
                reporters.push(&agreement.initiatives[i].recipient);
            }
            if row.valid && row.reports_something() {
                by_insats.entry(i).or_default().push(row);
            }
        }
    }

    let columns = follow_up_columns(&mut book);
    let mut merged_rows = 0;
    for (i, rows) in &by_insats {
        let first = Report::from(rows[0]);
        if let Some(other) = rows.iter().skip(1).find(|r| Report::from(**r) != first) {
            out.push(Diagnostic::at(
                other.at.clone(),
                Problem::FormConflict {
                    other: rows[0].file.clone(),
                },
            ));
            continue;
        }
        let initiative = &agreement.initiatives[*i];
        let row = initiative.amount_at.row;
        let Some(sheet) = book
            .sheets
            .iter_mut()
            .find(|s| s.file == initiative.amount_at.file && s.name == initiative.amount_at.sheet)
        else {
            continue;
        };
        let [req_col, spent_col, assess_col, comment_col] = columns;
        if let Some(a) = first.requisitioned {
            sheet.set(row, req_col, Value::Number(a.kronor_f64()));
        }
        if let Some(a) = first.spent {
            sheet.set(row, spent_col, Value::Number(a.kronor_f64()));
        }
        if let Some(a) = first.assessment {
            sheet.set(row, assess_col, Value::Text(a.label().into()));
        }
        if !first.comment.is_empty() {
            sheet.set(row, comment_col, Value::Text(first.comment.clone()));
        }
        merged_rows += 1;
    }

    for form in forms {
        if !form.rows.iter().any(ReturnedRow::reports_something) {
            out.push(Diagnostic::new(
                Place::File {
                    file: form.file.clone(),
                },
                Problem::FormEmpty,
            ));
        }
    }
    let (reported, not_reported) = agreement
        .responsible_organisations()
        .into_iter()
        .partition(|r| reporters.iter().any(|x| same_organisation(x, r)));
    Merged {
        book,
        diagnostics: out,
        reported,
        not_reported,
        merged_rows,
    }
}

/// A locked column edited anyway: worth a word, since the key (not the text) decided the match.
fn identity(row: &ReturnedRow, initiative: &crate::model::Initiative, out: &mut Vec<Diagnostic>) {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    if !row.name.is_empty() && norm(&row.name) != norm(&initiative.name) {
        out.push(Diagnostic::at(
            row.name_at.clone(),
            Problem::FormIdentityChanged {
                column: initiatives::NAME.name.into(),
                form: row.name.clone(),
                input: initiative.name.clone(),
            },
        ));
    }
    if let Some(amount) = row.amount
        && amount != initiative.amount
    {
        out.push(Diagnostic::at(
            row.amount_at.clone(),
            Problem::FormIdentityChanged {
                column: initiatives::AMOUNT.name.into(),
                form: amount.to_string(),
                input: initiative.amount.to_string(),
            },
        ));
    }
}

/// The Insatser columns the four follow-up values go to, adding a header where one is missing.
fn follow_up_columns(book: &mut Workbook) -> [u32; 4] {
    let names = initiatives::FOLLOW_UP;
    let (found, header_row, next, sheet_index) = {
        let mut ignored = Vec::new();
        let Some(table) = Table::find(
            book,
            initiatives::SHEET.name,
            initiatives::SHEET.columns,
            true,
            &mut ignored,
        ) else {
            return [0, 1, 2, 3];
        };
        let found: Vec<Option<u32>> = names.iter().map(|n| table.column(*n)).collect();
        let next = table.sheet.last_col().map_or(0, |c| c + 1);
        let index = book
            .sheets
            .iter()
            .position(|s| std::ptr::eq(s, table.sheet))
            .unwrap_or(0);
        (found, table.header_row, next, index)
    };
    let mut next = next;
    let mut columns = [0; 4];
    for (i, name) in names.iter().enumerate() {
        columns[i] = match found[i] {
            Some(c) => c,
            None => {
                book.sheets[sheet_index].set(header_row, next, Value::Text(name.name.to_string()));
                next += 1;
                next - 1
            }
        };
    }
    columns
}
