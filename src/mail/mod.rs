//! E-mail drafts (e-postutkast) of the forms and of the reminders: one `.eml` per Ansvarig with a
//! contact in `Kontakter`, its own form attached, for the coordinator's mail program to open and
//! send. styrdok never sends anything.

mod message;
pub mod texts;

pub use message::Message;
pub use texts::{MessageText, REMINDER_FILE};

use crate::model::Agreement;
use crate::render::{OutputFile, WriteError};
use crate::workbook::{Workbook, same_name};
use crate::xlsx::fill::data::Value;
use crate::xlsx::fill::{Data, ExcelTemplateError, ExcelTemplateErrors, fill_text};
use crate::xlsx::forms::write::Form;
use std::path::{Path, PathBuf};

/// The folder of the form drafts inside the forms' folder, and of the reminders in collect's.
pub const FORMS_FOLDER: &str = "epost";
pub const REMINDERS_FOLDER: &str = "paminnelser";

/// Which message a draft is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The form, sent the first time (`styrdok forms --epost`).
    Form,
    /// The form again, to an organisation that has not returned it (`styrdok collect --epost`).
    Reminder,
}

impl Kind {
    /// The text's file name in `mallar/`.
    pub fn text_file(self) -> &'static str {
        match self {
            Kind::Form => texts::FORM_FILE,
            Kind::Reminder => texts::REMINDER_FILE,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error(
        "{}: kunde inte läsas: {}",
        path.display(),
        crate::diagnostics::system::reason(.source)
    )]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: e-posttexten måste vara text i UTF-8; spara den som UTF-8 i din texteditor", .0.display())]
    NotText(PathBuf),
    #[error(
        "{}: e-posttexten är större än {} MB; den ska bara vara ett meddelande",
        .0.display(),
        texts::MAX_BYTES / (1024 * 1024)
    )]
    TooLarge(PathBuf),
    #[error(
        "{}: första raden ska vara ämnesraden, t.ex. «Ämne: Uppföljning {{{{Titel}}}} {{{{År}}}} – {{{{Ansvarig}}}}», och sedan en tom rad och meddelandet",
        .0.display()
    )]
    NoSubject(PathBuf),
    #[error(
        "e-posttexten kunde inte fyllas i:\n{0}\nIngenting skrevs; rätta e-posttexten och kör igen."
    )]
    Placeholders(ExcelTemplateErrors),
    #[error("e-postutkastet till {recipient} kunde inte skapas: {source}")]
    Build {
        recipient: String,
        source: std::io::Error,
    },
    #[error("{} finns redan; välj en mapp utan egna e-posttexter så att inga skrivs över", .0.display())]
    Exists(PathBuf),
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// A draft per form whose Ansvarig has a contact, named like its form (`avesta-kommun.xlsx` →
/// `out_dir/avesta-kommun.eml`). Forms without a contact get none (the checks have warned).
pub fn drafts(
    agreement: &Agreement,
    book: Option<&Workbook>,
    forms: &[Form],
    text: &MessageText,
    out_dir: &Path,
) -> Result<Vec<OutputFile>, MailError> {
    let info = &agreement.info;
    let mut files = Vec::new();
    let mut errors: Vec<ExcelTemplateError> = Vec::new();
    for form in forms {
        let Some(contact) = agreement.contact_for(&form.recipient) else {
            continue;
        };
        let attachment_name = attachment_name(info.year, &form.recipient);
        let mut data = Data::for_recipient(agreement, book, &form.recipient);
        let sender_name = match &info.sender_mailbox {
            Some(m) => m.name.clone(),
            None => info.sender.clone().unwrap_or_default(),
        };
        set_field(&mut data, "Kontakt", &contact.name);
        set_field(&mut data, "Avsändarnamn", &sender_name);
        set_field(&mut data, "Blankett", &attachment_name);
        let subject = fill_text(&text.subject, &text.file, text.subject_line, &data);
        let body = fill_text(&text.body, &text.file, text.body_line, &data);
        let (subject, body) = match (subject, body) {
            (Ok(s), Ok(b)) => (s, b),
            (s, b) => {
                // The same template fails the same way for every recipient: report it once.
                for e in [s.err(), b.err()].into_iter().flatten().flat_map(|e| e.0) {
                    if !errors.contains(&e) {
                        errors.push(e);
                    }
                }
                continue;
            }
        };
        let subject = once_the_year(&subject.lines().collect::<Vec<_>>().join(" "), info.year);
        let bytes = Message {
            from: info.sender_mailbox.as_ref(),
            to_name: &contact.name,
            to: &contact.to,
            cc: &contact.cc,
            subject: subject.trim(),
            body: &body,
            attachment_name: &attachment_name,
            attachment: &form.file.bytes,
            date: info.date,
        }
        .to_eml()
        .map_err(|source| MailError::Build {
            recipient: form.recipient.clone(),
            source,
        })?;
        files.push(OutputFile {
            path: out_dir.join(draft_name(&form.file.path)),
            bytes,
        });
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(MailError::Placeholders(ExcelTemplateErrors(errors)))
    }
}

/// `avesta-kommun.xlsx` → `avesta-kommun.eml`: the form's own name, already made safe and unique.
fn draft_name(form: &Path) -> String {
    let stem = form
        .file_stem()
        .map_or_else(|| "mottagare".into(), |s| s.to_string_lossy());
    format!("{stem}.eml")
}

/// `Uppföljning 2025 – Älvdalens kommun.xlsx`: readable for the recipient, and safe to save on any
/// system (no separators, no characters Windows refuses, no leading dot, bounded length).
fn attachment_name(year: i32, recipient: &str) -> String {
    let clean: String = recipient
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '-'
            } else {
                c
            }
        })
        .collect();
    let clean: String = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    let clean: String = clean.chars().take(80).collect();
    let clean = clean.trim_end_matches(['.', ' ']);
    format!("Uppföljning {year} – {clean}.xlsx")
}

/// Sets a field the texts can name, unless the coordinator's Uppgifter has one of that name.
fn set_field(data: &mut Data, name: &str, value: &str) {
    if data.fields.iter().any(|(f, _)| same_name(f, name)) {
        return;
    }
    let value = if value.trim().is_empty() {
        Value::Empty
    } else {
        Value::Text(value.trim().to_string())
    };
    data.fields.push((name.to_string(), value));
}

/// `.eml` files directly in `dir` that this run did not write: drafts of an earlier run for someone
/// who now has no draft (a reminder to an organisation that has since reported). Removed after
/// the new drafts are in place, so the folder holds exactly what is to be sent.
pub fn stale_drafts(dir: &Path, written: &[PathBuf]) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut stale: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "eml"))
        .filter(|p| !written.iter().any(|w| w.file_name() == p.file_name()))
        .collect();
    stale.sort();
    stale
}

/// The subject "Uppföljning {{Titel}} {{År}}" with a Titel that already ends in its year (as
/// «ÖK Psykisk hälsa 2025» does) would say the year twice: it is said once.
fn once_the_year(subject: &str, year: i32) -> String {
    subject.replace(&format!("{year} {year}"), &year.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_title_ending_in_its_year_gets_the_year_once() {
        assert_eq!(
            super::once_the_year("Uppföljning ÖK 2025 2025 – Kommun A", 2025),
            "Uppföljning ÖK 2025 – Kommun A"
        );
        assert_eq!(
            super::once_the_year("Uppföljning ÖK 2025 – Kommun A", 2025),
            "Uppföljning ÖK 2025 – Kommun A"
        );
    }

    use super::*;

    #[test]
    fn attachment_names_are_readable_and_safe() {
        assert_eq!(
            attachment_name(2025, "Älvdalens kommun"),
            "Uppföljning 2025 – Älvdalens kommun.xlsx"
        );
        assert_eq!(
            attachment_name(2025, "../x\\y:\n CON."),
            "Uppföljning 2025 – ..-x-y-- CON.xlsx"
        );
    }
}
