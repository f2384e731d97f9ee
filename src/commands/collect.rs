//! `styrdok collect`: the returned forms merged into a copy of the input, written as the updated
//! workbook, with who has and has not reported.

use super::{CommandError, Outcome};
use crate::diagnostics::{Diagnostic, render as render_diagnostics};
use crate::pipeline;
use crate::xlsx::forms::{merge, read};
use crate::xlsx::updated_workbook;
use std::path::Path;

/// Reads the returned forms in `forms_dir`, merges them into a copy of the input and writes the
/// updated workbook. `InputErrors` when some form or row had an error (the rest is still merged and
/// written, and each problem named); an error when nothing could be written.
pub fn run(forms_dir: &Path, input: &Path, out: &Path) -> Result<Outcome, CommandError> {
    let (book, checked) = pipeline::read_and_check(input);
    let Some(book) = book else {
        eprint!("{}", render_diagnostics(&checked.diagnostics));
        return Ok(Outcome::InputErrors);
    };
    let Some(agreement) = checked.usable() else {
        eprint!("{}", render_diagnostics(&checked.diagnostics));
        eprintln!("Underlaget har fel: rätta dem och kör collect igen. Ingenting skrevs.");
        return Ok(Outcome::InputErrors);
    };
    let files = read::form_files(forms_dir).map_err(|source| CommandError::FormsFolder {
        path: forms_dir.to_path_buf(),
        source,
    })?;
    let mut problems: Vec<Diagnostic> = Vec::new();
    let returned: Vec<_> = files
        .iter()
        .filter_map(|f| read::read_form(f, &mut problems))
        .collect();
    let merged = merge::merge(book.clone(), agreement, &returned);
    problems.extend(merged.diagnostics);

    let after = pipeline::check_book(&merged.book);
    problems.extend(after.diagnostics.iter().cloned());
    let form_errors = problems.iter().any(Diagnostic::is_error);

    println!("Har rapporterat ({}):", merged.reported.len());
    for r in &merged.reported {
        println!("  {r}");
    }
    println!("Har inte rapporterat ({}):", merged.not_reported.len());
    for r in &merged.not_reported {
        println!("  {r}");
    }
    println!(
        "{} blanketter lästa, {} rader inlagda.",
        files.len(),
        merged.merged_rows
    );
    if !problems.is_empty() {
        print!("{}", render_diagnostics(&problems));
    }
    if after.has_errors() {
        eprintln!("Den sammanslagna arbetsboken har fel; ingenting skrevs.");
        return Ok(Outcome::InputErrors);
    }
    let file = updated_workbook::file(&merged.book, &after, input, out, None)
        .map_err(CommandError::output)?;
    for p in pipeline::write(vec![file]).map_err(CommandError::output)? {
        println!("Skrev {}", p.display());
    }
    println!("Bygg återrapporten från den: styrdok build <den filen>.");
    Ok(if form_errors {
        Outcome::InputErrors
    } else {
        Outcome::Done
    })
}
