//! Keys across rows: an area code, an uppdrag Id and an Ansvarig in Kontakter stand once each, a
//! sub-area's parent area exists, and an uppdrag has sections. The loader keeps every row as
//! written; these rules run first, report the later duplicates and drop them, so the other rules
//! and the documents see each key once.

use crate::diagnostics::{CellRef, Diagnostic, Problem};
use crate::model::Agreement;
use crate::workbook::normalise;
use std::collections::BTreeSet;

pub fn check(agreement: &mut Agreement, out: &mut Vec<Diagnostic>) {
    keep_first(
        &mut agreement.areas,
        |a, b| a.code.eq_ignore_ascii_case(&b.code),
        |a| &a.code_at,
        |later, first_row| Problem::DuplicateArea {
            code: later.code.clone(),
            first_row,
        },
        out,
    );
    parent_areas(agreement, out);
    keep_first(
        &mut agreement.mandates,
        |a, b| a.id == b.id,
        |m| &m.id_at,
        |later, first_row| Problem::DuplicateMandate {
            id: later.id.clone(),
            first_row,
        },
        out,
    );
    mandate_sections(agreement, out);
    if let Some(contacts) = &mut agreement.contacts {
        keep_first(
            &mut contacts.rows,
            |a, b| normalise(&a.recipient) == normalise(&b.recipient),
            |c| &c.recipient_at,
            |later, first_row| Problem::DuplicateContact {
                name: later.recipient.clone(),
                first_row,
            },
            out,
        );
    }
}

/// Keeps the first row of each key: every later row with the same key is reported at its key's
/// cell, naming the first one's row, and dropped.
fn keep_first<T>(
    rows: &mut Vec<T>,
    same_key: impl Fn(&T, &T) -> bool,
    key_at: impl Fn(&T) -> &CellRef,
    problem: impl Fn(&T, u32) -> Problem,
    out: &mut Vec<Diagnostic>,
) {
    let mut kept: Vec<T> = Vec::with_capacity(rows.len());
    for row in rows.drain(..) {
        match kept.iter().find(|first| same_key(first, &row)) {
            Some(first) => {
                let first_row = key_at(first).row + 1;
                out.push(Diagnostic::at(
                    key_at(&row).clone(),
                    problem(&row, first_row),
                ));
            }
            None => kept.push(row),
        }
    }
    *rows = kept;
}

/// A sub-area code like 1a only makes sense next to area 1; without it the sub-area stands alone.
fn parent_areas(agreement: &mut Agreement, out: &mut Vec<Diagnostic>) {
    let codes: BTreeSet<String> = agreement.areas.iter().map(|a| a.code.clone()).collect();
    for area in &mut agreement.areas {
        if let Some(parent) = &area.parent
            && !codes.contains(parent)
        {
            out.push(Diagnostic::at(
                area.code_at.clone(),
                Problem::MissingParentArea {
                    code: area.code.clone(),
                    parent: parent.clone(),
                },
            ));
            area.parent = None;
        }
    }
}

/// An uppdrag is its sections: one that no Avsnitt row names would be an empty document.
fn mandate_sections(agreement: &Agreement, out: &mut Vec<Diagnostic>) {
    for m in &agreement.mandates {
        if m.sections.is_empty() {
            out.push(Diagnostic::at(
                m.id_at.clone(),
                Problem::MandateWithoutSections { id: m.id.clone() },
            ));
        }
    }
}
