//! `styrdok collect`: the returned forms merged into a copy of the input, written as the updated
//! workbook, with who has and has not reported.

use super::report::Format;
use super::{CommandError, Outcome};
use crate::diagnostics::{Diagnostic, JsonReport, render as render_diagnostics};
use crate::mail::{self, Kind, MessageText};
use crate::model::same_organisation;
use crate::pipeline;
use crate::workbook::excel_templates_folder as templates_folder;
use crate::xlsx::forms::{merge, read, write};
use crate::xlsx::updated_workbook;
use serde_json::json;
use std::path::{Path, PathBuf};

/// What a collect found, reported as text or JSON at the end.
struct Collected {
    /// Problems with the input the forms were made from: nothing was merged.
    input_problems: Vec<Diagnostic>,
    /// Problems with the forms or the merged rows.
    problems: Vec<Diagnostic>,
    reported: Vec<String>,
    not_reported: Vec<String>,
    forms_read: usize,
    rows_merged: usize,
    written: Vec<PathBuf>,
    /// With `--epost`: the reminders written (one per organisation that has not reported and has a
    /// contact), and their folder.
    reminders: Option<(usize, PathBuf)>,
    /// Reminders of an earlier run to organisations that have reported since: removed.
    removed: Vec<PathBuf>,
    /// Without a Sista dag the reminders name no deadline; the summary says so.
    no_deadline: bool,
    /// Why nothing was written, in a sentence for the terminal.
    stopped: Option<&'static str>,
}

/// Reads the returned forms in `forms_dir`, merges them into a copy of the input and writes the
/// updated workbook. `InputErrors` when some form or row had an error (the rest is still merged and
/// written, and each problem named); an error when nothing could be written.
pub fn run(
    forms_dir: &Path,
    input: &Path,
    out: &Path,
    email: bool,
    format: Format,
) -> Result<Outcome, CommandError> {
    let collected = collect(forms_dir, input, out, email);
    match format {
        Format::Text => {
            if let Ok(c) = &collected {
                text(c);
            }
        }
        Format::Json => {
            let mut report = JsonReport::new("collect");
            let code = match &collected {
                Ok(c) => {
                    report.add(None, &c.input_problems);
                    report.add(None, &c.problems);
                    for p in &c.written {
                        report.written(p.display().to_string());
                    }
                    report.set("reported", json!(c.reported));
                    report.set("not_reported", json!(c.not_reported));
                    report.set("forms_read", json!(c.forms_read));
                    report.set("rows_merged", json!(c.rows_merged));
                    if let Some((count, _)) = &c.reminders {
                        report.set("reminders", json!(count));
                    }
                    super::exit_code(&Ok(c.outcome()))
                }
                Err(e) => {
                    report.failed(e.to_string());
                    2
                }
            };
            print!("{}", report.render(code));
        }
    }
    collected.map(|c| c.outcome())
}

impl Collected {
    fn outcome(&self) -> Outcome {
        if self.stopped.is_some() || self.problems.iter().any(Diagnostic::is_error) {
            Outcome::InputErrors
        } else {
            Outcome::Done
        }
    }
}

fn text(c: &Collected) {
    if !c.input_problems.is_empty() {
        eprint!("{}", render_diagnostics(&c.input_problems));
    }
    if let Some(stopped) = c.stopped.filter(|_| !c.input_problems.is_empty()) {
        eprintln!("{stopped}");
        return;
    }
    println!("Har rapporterat ({}):", c.reported.len());
    for r in &c.reported {
        println!("  {r}");
    }
    println!("Har inte rapporterat ({}):", c.not_reported.len());
    for r in &c.not_reported {
        println!("  {r}");
    }
    println!(
        "{} blanketter lästa, {} rader inlagda.",
        c.forms_read, c.rows_merged
    );
    if !c.problems.is_empty() {
        print!("{}", render_diagnostics(&c.problems));
    }
    if let Some(stopped) = c.stopped {
        eprintln!("{stopped}");
        return;
    }
    for p in &c.written {
        println!("Skrev {}", p.display());
    }
    println!("Bygg återrapporten från den: styrdok build <den filen>.");
    for p in &c.removed {
        println!(
            "Tog bort den gamla påminnelsen {} (ingen påminnelse behövs längre)",
            p.display()
        );
    }
    if let Some((count, dir)) = &c.reminders {
        println!(
            "{count} påminnelser (e-postutkast) i {}. Öppna dem i ditt e-postprogram, läs igenom och skicka. styrdok skickar ingenting.",
            dir.display()
        );
        if c.no_deadline {
            println!(
                "Påminnelserna nämner ingen sista dag: skriv fältet «Sista dag» i bladet Uppgifter och kör igen."
            );
        }
    }
}

fn collect(
    forms_dir: &Path,
    input: &Path,
    out: &Path,
    email: bool,
) -> Result<Collected, CommandError> {
    let mut collected = Collected {
        input_problems: Vec::new(),
        problems: Vec::new(),
        reported: Vec::new(),
        not_reported: Vec::new(),
        forms_read: 0,
        rows_merged: 0,
        written: Vec::new(),
        reminders: None,
        removed: Vec::new(),
        no_deadline: false,
        stopped: None,
    };
    let (book, checked) = pipeline::read_and_check(input);
    let (Some(book), Some(agreement)) = (book, checked.usable()) else {
        collected.input_problems = checked.diagnostics.clone();
        collected.stopped =
            Some("Underlaget har fel: rätta dem och kör collect igen. Ingenting skrevs.");
        return Ok(collected);
    };
    if email && agreement.contacts.is_none() {
        collected.input_problems = vec![super::forms::no_contacts_sheet()];
        collected.stopped = Some(
            "Ingenting skrevs: lägg till bladet Kontakter (Ansvarig, Namn, E-post, Kopia) eller kör utan --epost.",
        );
        return Ok(collected);
    }
    let files = read::form_files(forms_dir).map_err(|source| CommandError::FormsFolder {
        path: forms_dir.to_path_buf(),
        source,
    })?;
    let returned: Vec<_> = files
        .iter()
        .filter_map(|f| read::read_form(f, &mut collected.problems))
        .collect();
    let merged = merge::merge(book.clone(), agreement, &returned);
    collected.problems.extend(merged.diagnostics);

    let after = pipeline::check_book(&merged.book);
    collected.problems.extend(after.diagnostics.iter().cloned());
    collected.reported = merged.reported;
    collected.not_reported = merged.not_reported;
    collected.forms_read = files.len();
    collected.rows_merged = merged.merged_rows;
    if after.has_errors() {
        collected.stopped = Some("Den sammanslagna arbetsboken har fel; ingenting skrevs.");
        return Ok(collected);
    }
    let file = updated_workbook::file(&merged.book, &after, input, out, None)
        .map_err(CommandError::output)?;
    let mut files = vec![file];
    let reminders_dir = out.join(mail::REMINDERS_FOLDER);
    if email {
        // The same forms as `styrdok forms` made from this input: same names, same bytes.
        let pending: Vec<write::Form> = write::forms(agreement, &reminders_dir)
            .map_err(CommandError::Forms)?
            .into_iter()
            .filter(|f| {
                collected
                    .not_reported
                    .iter()
                    .any(|r| same_organisation(r, &f.recipient))
            })
            .collect();
        let text = MessageText::load(&templates_folder(input), Kind::Reminder.text_file())?;
        let drafts = mail::drafts(agreement, Some(&book), &pending, &text, &reminders_dir)?;
        collected.reminders = Some((drafts.len(), reminders_dir.clone()));
        collected.no_deadline = agreement.info.deadline.is_none();
        files.extend(drafts);
    }
    collected.written = pipeline::write(files).map_err(CommandError::output)?;
    if email {
        collected.removed = super::forms::remove_stale_drafts(&reminders_dir, &collected.written);
    }
    Ok(collected)
}
