//! `styrdok forms`: one form workbook per Ansvarig, to fill in the follow-up; with `--epost` also an
//! e-mail draft per Ansvarig with a contact, the form attached.

use super::{CommandError, Outcome};
use crate::diagnostics::{Diagnostic, Place, Problem, render as render_diagnostics};
use crate::mail::{self, Kind, MessageText};
use crate::model::Agreement;
use crate::model::schema::contacts;
use crate::pipeline;
use crate::render::OutputFile;
use crate::workbook::excel_templates_folder as templates_folder;
use crate::xlsx::forms::write;
use std::path::{Path, PathBuf};

/// Writes one form per Ansvarig into `out` (and with `email` the drafts into `out/epost/`); refuses
/// when the input has errors, like `build`.
pub fn run(input: &Path, out: &Path, email: bool) -> Result<Outcome, CommandError> {
    let (book, checked) = pipeline::read_and_check(input);
    if !checked.diagnostics.is_empty() {
        eprint!("{}", render_diagnostics(&checked.diagnostics));
    }
    let Some(agreement) = checked.usable() else {
        eprintln!("Inga blanketter skrevs: rätta felen ovan och kör igen.");
        return Ok(Outcome::InputErrors);
    };
    if email && agreement.contacts.is_none() {
        eprint!("{}", render_diagnostics(&[no_contacts_sheet()]));
        eprintln!(
            "Inga blanketter skrevs: lägg till bladet Kontakter (Ansvarig, Namn, E-post, Kopia) eller kör utan --epost."
        );
        return Ok(Outcome::InputErrors);
    }
    let forms = write::forms(agreement, out).map_err(CommandError::Forms)?;
    let drafts_dir = out.join(mail::FORMS_FOLDER);
    let drafts = if email {
        let text = MessageText::load(&templates_folder(input), Kind::Form.text_file())?;
        mail::drafts(agreement, book.as_ref(), &forms, &text, &drafts_dir)?
    } else {
        Vec::new()
    };
    let form_count = forms.len();
    let draft_count = drafts.len();
    let files: Vec<OutputFile> = forms.into_iter().map(|f| f.file).chain(drafts).collect();
    let paths = pipeline::write(files).map_err(CommandError::output)?;
    for p in &paths {
        println!("Skrev {}", p.display());
    }
    if email {
        for p in remove_stale_drafts(&drafts_dir, &paths) {
            println!("Tog bort det gamla utkastet {}", p.display());
        }
    }
    println!(
        "{form_count} blanketter. Skicka var och en till sin mottagare; samla de ifyllda i en mapp och kör «styrdok collect MAPP»."
    );
    if email {
        sent_by_you(draft_count, &drafts_dir, agreement);
    }
    Ok(Outcome::Done)
}

/// The problem `--epost` reports when the workbook has no `Kontakter`.
pub(super) fn no_contacts_sheet() -> Diagnostic {
    Diagnostic::new(
        Place::Input,
        Problem::MissingSheet {
            sheet: contacts::SHEET.name.to_string(),
            suggestion: None,
        },
    )
}

/// Removes the drafts of an earlier run that this run did not write again, so the folder holds
/// exactly the messages to send; returns those removed. Best effort: a draft that cannot be
/// removed is named on stderr instead.
pub(super) fn remove_stale_drafts(dir: &Path, written: &[PathBuf]) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    for stale in mail::stale_drafts(dir, written) {
        match std::fs::remove_file(&stale) {
            Ok(()) => removed.push(stale),
            Err(e) => eprintln!(
                "varning: det gamla utkastet {} kunde inte tas bort ({e}); skicka det inte",
                stale.display()
            ),
        }
    }
    removed
}

/// What to do with the drafts: styrdok has sent nothing.
pub(super) fn sent_by_you(count: usize, dir: &Path, agreement: &Agreement) {
    println!(
        "{count} e-postutkast i {}. Öppna dem i ditt e-postprogram (Outlook, Thunderbird och Apple Mail öppnar .eml-filer), läs igenom och skicka. styrdok skickar ingenting.",
        dir.display()
    );
    if agreement.info.deadline.is_none() {
        println!(
            "Utkasten nämner ingen sista dag: skriv fältet «Sista dag» i bladet Uppgifter och kör igen."
        );
    }
}
