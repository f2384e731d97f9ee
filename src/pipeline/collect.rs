//! `collect`: the returned forms merged into a copy of the input and written as the updated
//! workbook, with who has and has not reported; with e-mail, reminders to those who have not.

use super::{OutputError, forms::StaleDrafts};
use crate::diagnostics::Diagnostic;
use crate::mail::{self, Kind, MailError, MessageText};
use crate::model::same_organisation;
use crate::workbook::excel_templates_folder;
use crate::xlsx::forms::write::FormError;
use crate::xlsx::forms::{merge, read, write};
use crate::xlsx::updated_workbook;
use std::path::{Path, PathBuf};

/// Why a collect wrote nothing although it could run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CollectStop {
    /// The input the forms were made from has errors: nothing was merged.
    InputErrors,
    /// Reminders were asked for, but the workbook has no `Kontakter`.
    NoContacts,
    /// The merged workbook has errors.
    MergedErrors,
}

/// What a collect found and wrote.
#[derive(Debug, Default)]
pub struct Collected {
    /// Problems with the input the forms were made from.
    pub input_problems: Vec<Diagnostic>,
    /// Problems with the forms or the merged rows.
    pub problems: Vec<Diagnostic>,
    pub reported: Vec<String>,
    pub not_reported: Vec<String>,
    pub forms_read: usize,
    pub rows_merged: usize,
    pub written: Vec<PathBuf>,
    /// With e-mail: the reminders written (one per organisation that has not reported and has a
    /// contact), and their folder.
    pub reminders: Option<(usize, PathBuf)>,
    /// Reminders of an earlier run to organisations that have reported since.
    pub stale: StaleDrafts,
    /// Without a Sista dag the reminders name no deadline.
    pub no_deadline: bool,
    pub stopped: Option<CollectStop>,
}

impl Collected {
    /// Whether some form or row had an error, or nothing could be written for a reason in the input.
    pub fn has_errors(&self) -> bool {
        self.stopped.is_some() || self.problems.iter().any(Diagnostic::is_error)
    }
}

/// Why a collect could not run or write.
#[derive(Debug, thiserror::Error)]
pub enum CollectError {
    #[error(
        "mappen {} kunde inte läsas: {}",
        path.display(),
        crate::diagnostics::system::reason(.source)
    )]
    FormsFolder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}\nInga dokument skrevs.")]
    Output(#[from] OutputError),
    #[error(transparent)]
    Forms(FormError),
    #[error(transparent)]
    Mail(#[from] MailError),
}

/// Reads the returned forms in `forms_dir`, merges them into a copy of `input` and writes the
/// updated workbook into `out`; with `email` also a reminder to each organisation that has not
/// reported. A form or row with an error is named and the rest still merged and written.
pub fn collect(
    forms_dir: &Path,
    input: &Path,
    out: &Path,
    email: bool,
) -> Result<Collected, CollectError> {
    let mut collected = Collected::default();
    let (book, checked) = super::read_and_check(input);
    let (Some(book), Some(agreement)) = (book, checked.usable()) else {
        collected.input_problems = checked.diagnostics.clone();
        collected.stopped = Some(CollectStop::InputErrors);
        return Ok(collected);
    };
    if email && agreement.contacts.is_none() {
        collected.input_problems = vec![super::forms::no_contacts_sheet()];
        collected.stopped = Some(CollectStop::NoContacts);
        return Ok(collected);
    }
    let files = read::form_files(forms_dir).map_err(|source| CollectError::FormsFolder {
        path: forms_dir.to_path_buf(),
        source,
    })?;
    let returned: Vec<_> = files
        .iter()
        .filter_map(|f| read::read_form(f, &mut collected.problems))
        .collect();
    let merged = merge::merge(book.clone(), agreement, &returned);
    collected.problems.extend(merged.diagnostics);

    let after = super::check_book(&merged.book);
    collected.problems.extend(after.diagnostics.iter().cloned());
    collected.reported = merged.reported;
    collected.not_reported = merged.not_reported;
    collected.forms_read = files.len();
    collected.rows_merged = merged.merged_rows;
    if after.has_errors() {
        collected.stopped = Some(CollectStop::MergedErrors);
        return Ok(collected);
    }
    let file = updated_workbook::file(&merged.book, &after, input, out, None)
        .map_err(OutputError::from)?;
    let mut files = vec![file];
    let reminders_dir = out.join(mail::REMINDERS_FOLDER);
    if email {
        // The same forms as `styrdok forms` made from this input: same names, same bytes.
        let pending: Vec<write::Form> = write::forms(agreement, &reminders_dir)
            .map_err(CollectError::Forms)?
            .into_iter()
            .filter(|f| {
                collected
                    .not_reported
                    .iter()
                    .any(|r| same_organisation(r, &f.recipient))
            })
            .collect();
        let text = MessageText::load(&excel_templates_folder(input), Kind::Reminder.text_file())?;
        let drafts = mail::drafts(agreement, Some(&book), &pending, &text, &reminders_dir)?;
        collected.reminders = Some((drafts.len(), reminders_dir.clone()));
        collected.no_deadline = agreement.info.deadline.is_none();
        files.extend(drafts);
    }
    collected.written = super::write(files).map_err(OutputError::from)?;
    if email {
        collected.stale = StaleDrafts::remove(&reminders_dir, &collected.written);
    }
    Ok(collected)
}
