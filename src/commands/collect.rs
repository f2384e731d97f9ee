//! `styrdok collect`: the returned forms merged into a copy of the input, written as the updated
//! workbook, with who has and has not reported.

use super::report::Format;
use super::{CommandError, Outcome};
use crate::diagnostics::{Diagnostic, JsonReport, render as render_diagnostics};
use crate::pipeline;
use crate::xlsx::forms::{merge, read};
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
    format: Format,
) -> Result<Outcome, CommandError> {
    let collected = collect(forms_dir, input, out);
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
}

fn collect(forms_dir: &Path, input: &Path, out: &Path) -> Result<Collected, CommandError> {
    let mut collected = Collected {
        input_problems: Vec::new(),
        problems: Vec::new(),
        reported: Vec::new(),
        not_reported: Vec::new(),
        forms_read: 0,
        rows_merged: 0,
        written: Vec::new(),
        stopped: None,
    };
    let (book, checked) = pipeline::read_and_check(input);
    let (Some(book), Some(agreement)) = (book, checked.usable()) else {
        collected.input_problems = checked.diagnostics.clone();
        collected.stopped =
            Some("Underlaget har fel: rätta dem och kör collect igen. Ingenting skrevs.");
        return Ok(collected);
    };
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
    collected.written = pipeline::write(vec![file]).map_err(CommandError::output)?;
    Ok(collected)
}
