//! Reading `Kontakter`: one row per Ansvarig with the addresses its form is e-mailed to. Whether each
//! Ansvarig stands once and matches an insats are rules across rows (`checks`); here each cell is
//! read on its own.

use super::address::parse_address_list;
use super::load::{find_table, required_text};
use super::schema::contacts;
use super::{Contact, Contacts};
use crate::diagnostics::{Diagnostic, Problem};
use crate::workbook::{Column, Row, Workbook};

/// The contacts, or `None` when the workbook has no `Kontakter` sheet.
pub(super) fn load_contacts(book: &Workbook, out: &mut Vec<Diagnostic>) -> Option<Contacts> {
    let sheet = *book.sheets_named(contacts::SHEET.name).first()?;
    let mut found = Contacts {
        file: sheet.file.clone(),
        sheet: sheet.name.clone(),
        rows: Vec::new(),
    };
    let Some(table) = find_table(book, &contacts::SHEET, false, out) else {
        // The sheet is there but unusable (a required column is missing): the problem says so, and
        // no rows keeps the command that wants e-mail from pretending there is no sheet.
        return Some(found);
    };
    let list = &mut found.rows;
    for row in table.rows() {
        let (_, recipient_at) = row.cell(contacts::RESPONSIBLE);
        let recipient = required_text(&row, contacts::RESPONSIBLE, out);
        let to = addresses(&row, contacts::EMAIL, true, out);
        let cc = addresses(&row, contacts::COPY, false, out);
        if recipient.is_empty() {
            continue;
        }
        list.push(Contact {
            recipient,
            name: row.text(contacts::NAME),
            to: to.unwrap_or_default(),
            cc: cc.unwrap_or_default(),
            recipient_at,
        });
    }
    Some(found)
}

/// The addresses of a cell; `None` after reporting when one of them is not an address.
fn addresses(
    row: &Row,
    column: Column,
    required: bool,
    out: &mut Vec<Diagnostic>,
) -> Option<Vec<String>> {
    let (value, at) = row.cell(column);
    let text = value.display();
    match parse_address_list(&text) {
        Ok(list) if list.is_empty() && required => {
            out.push(Diagnostic::at(
                at,
                Problem::EmptyCell {
                    column: column.name.to_string(),
                },
            ));
            None
        }
        Ok(list) => Some(list),
        Err((value, fault)) => {
            out.push(Diagnostic::at(
                at,
                Problem::NotAnEmailAddress {
                    column: column.name.to_string(),
                    value,
                    reason: fault.to_string(),
                },
            ));
            None
        }
    }
}
