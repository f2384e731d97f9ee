//! Kontakter against Insatser: a contact whose Ansvarig has no insats is probably a typo, and an
//! Ansvarig without a contact will get no e-mail draft. Both are warnings: the documents are right
//! either way, only the drafts are missing.

use crate::diagnostics::{Diagnostic, Place, Problem, nearest};
use crate::model::{Agreement, same_organisation};

pub fn check(agreement: &Agreement, out: &mut Vec<Diagnostic>) {
    let Some(contacts) = &agreement.contacts else {
        return;
    };
    let organisations = agreement.responsible_organisations();
    for contact in &contacts.rows {
        if !organisations
            .iter()
            .any(|o| same_organisation(o, &contact.recipient))
        {
            out.push(Diagnostic::at(
                contact.recipient_at.clone(),
                Problem::UnknownContact {
                    name: contact.recipient.clone(),
                    suggestion: nearest(
                        &contact.recipient,
                        organisations.iter().map(String::as_str),
                    ),
                },
            ));
        }
    }
    let without: Vec<&str> = organisations
        .iter()
        .filter(|o| agreement.contact_for(o).is_none())
        .map(String::as_str)
        .collect();
    if !without.is_empty() {
        out.push(Diagnostic::new(
            Place::Sheet {
                file: contacts.file.clone(),
                sheet: contacts.sheet.clone(),
            },
            Problem::MissingContacts {
                count: without.len(),
                names: without.join(", "),
            },
        ));
    }
}
