//! `forms`: one form workbook per Ansvarig, to fill in the follow-up; with e-mail also a draft per
//! Ansvarig with a contact, the form attached.

use super::OutputError;
use crate::diagnostics::{Diagnostic, Place, Problem};
use crate::mail::{self, Kind, MailError, MessageText};
use crate::model::schema::contacts;
use crate::render::OutputFile;
use crate::workbook::excel_templates_folder;
use crate::xlsx::forms::write::{self, FormError};
use std::path::{Path, PathBuf};

/// Why no form was written although the command could run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormsStop {
    /// The input has errors.
    InputErrors,
    /// Drafts were asked for, but the workbook has no `Kontakter` (`no_contacts_sheet` says it as
    /// a diagnostic).
    NoContacts,
}

/// What `forms` did.
#[derive(Debug, Default)]
pub struct FormsMade {
    /// The input's problems (warnings when forms were written).
    pub diagnostics: Vec<Diagnostic>,
    pub stopped: Option<FormsStop>,
    /// Every file written: the forms, then the drafts.
    pub written: Vec<PathBuf>,
    pub forms: usize,
    /// With e-mail: the drafts written, and their folder.
    pub drafts: Option<(usize, PathBuf)>,
    /// Without a Sista dag the drafts name no deadline.
    pub no_deadline: bool,
    /// Drafts of an earlier run that this one did not write again.
    pub stale: StaleDrafts,
}

/// Why `forms` could not make or write its files.
#[derive(Debug, thiserror::Error)]
pub enum FormsError {
    #[error(transparent)]
    Forms(#[from] FormError),
    #[error(transparent)]
    Mail(#[from] MailError),
    #[error("{0}\nInga dokument skrevs.")]
    Output(#[from] OutputError),
}

/// Writes one form per Ansvarig into `out` (and with `email` the drafts into `out/epost/`); refuses
/// when the input has errors, as `build` does.
pub fn forms(input: &Path, out: &Path, email: bool) -> Result<FormsMade, FormsError> {
    let (book, checked) = super::read_and_check(input);
    let mut made = FormsMade {
        diagnostics: checked.diagnostics.clone(),
        ..FormsMade::default()
    };
    let Some(agreement) = checked.usable() else {
        made.stopped = Some(FormsStop::InputErrors);
        return Ok(made);
    };
    if email && agreement.contacts.is_none() {
        made.stopped = Some(FormsStop::NoContacts);
        return Ok(made);
    }
    let forms = write::forms(agreement, out)?;
    let drafts_dir = out.join(mail::FORMS_FOLDER);
    let drafts = if email {
        let text = MessageText::load(&excel_templates_folder(input), Kind::Form.text_file())?;
        mail::drafts(agreement, book.as_ref(), &forms, &text, &drafts_dir)?
    } else {
        Vec::new()
    };
    made.forms = forms.len();
    if email {
        made.drafts = Some((drafts.len(), drafts_dir.clone()));
        made.no_deadline = agreement.info.deadline.is_none();
    }
    let files: Vec<OutputFile> = forms.into_iter().map(|f| f.file).chain(drafts).collect();
    made.written = super::write(files).map_err(OutputError::from)?;
    if email {
        made.stale = StaleDrafts::remove(&drafts_dir, &made.written);
    }
    Ok(made)
}

/// The problem e-mail drafts report when the workbook has no `Kontakter`.
pub fn no_contacts_sheet() -> Diagnostic {
    Diagnostic::new(
        Place::Input,
        Problem::MissingSheet {
            sheet: contacts::SHEET.name.to_string(),
            suggestion: None,
        },
    )
}

/// Drafts of an earlier run that a run did not write again (a reminder to an organisation that has
/// reported since): removed, so the folder holds exactly the messages to send.
#[derive(Debug, Default)]
pub struct StaleDrafts {
    pub removed: Vec<PathBuf>,
    /// Those that could not be removed, with why: they must not be sent.
    pub left: Vec<(PathBuf, String)>,
}

impl StaleDrafts {
    /// Removes the `.eml` files in `dir` that are not among `written`. Best effort: a draft that
    /// cannot be removed is listed in `left`.
    pub(super) fn remove(dir: &Path, written: &[PathBuf]) -> StaleDrafts {
        let mut stale = StaleDrafts::default();
        for path in mail::stale_drafts(dir, written) {
            match std::fs::remove_file(&path) {
                Ok(()) => stale.removed.push(path),
                Err(e) => stale.left.push((path, e.to_string())),
            }
        }
        stale
    }
}
