//! `styrdok forms` and `styrdok collect`: the two ends of the round trip, as the CLI runs them.

use super::{merge, read, write};
use crate::checks::{self, Diagnostic, render as render_diagnostics};
use crate::documents;
use crate::workbook;
use std::path::Path;
use std::process::ExitCode;

/// Writes one form per Ansvarig into `out`; refuses when the input has errors, like `build`.
pub fn forms(input: &Path, out: &Path) -> ExitCode {
    let checked = checks::check_path(input);
    if !checked.diagnostics.is_empty() {
        eprint!("{}", render_diagnostics(&checked.diagnostics));
    }
    let Some(agreement) = checked.usable() else {
        eprintln!("Inga blanketter skrevs: rätta felen ovan och kör igen.");
        return ExitCode::from(1);
    };
    let written = write::render_forms(agreement, out).and_then(documents::write_all);
    match written {
        Ok(paths) => {
            for p in &paths {
                println!("Skrev {}", p.display());
            }
            println!(
                "{} blanketter. Skicka var och en till sin mottagare; samla de ifyllda i en mapp och kör «styrdok collect MAPP».",
                paths.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fel: {e}");
            ExitCode::from(2)
        }
    }
}

/// Reads the returned forms in `forms_dir`, merges them into a copy of the input and writes the
/// updated workbook. Exit 0 when everything merged, 1 when some form or row had an error (the rest is
/// still merged and written, and each problem named), 2 when nothing could be written.
pub fn collect(forms_dir: &Path, input: &Path, out: &Path) -> ExitCode {
    let book = match workbook::load(input) {
        Ok(book) => book,
        Err(_) => {
            let checked = checks::check_path(input);
            eprint!("{}", render_diagnostics(&checked.diagnostics));
            return ExitCode::from(1);
        }
    };
    let checked = checks::check_workbook(&book);
    let Some(agreement) = checked.usable() else {
        eprint!("{}", render_diagnostics(&checked.diagnostics));
        eprintln!("Underlaget har fel: rätta dem och kör collect igen. Ingenting skrevs.");
        return ExitCode::from(1);
    };
    let files = match read::form_files(forms_dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("fel: mappen {} kunde inte läsas: {e}", forms_dir.display());
            return ExitCode::from(2);
        }
    };
    let mut problems: Vec<Diagnostic> = Vec::new();
    let returned: Vec<_> = files
        .iter()
        .filter_map(|f| read::read_form(f, &mut problems))
        .collect();
    let merged = merge::merge(book.clone(), agreement, &returned);
    problems.extend(merged.diagnostics);

    let after = checks::check_workbook(&merged.book);
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
        return ExitCode::from(1);
    }
    let written = documents::render_updated_workbook(&merged.book, &after, input, out)
        .and_then(|doc| documents::write_all(vec![doc]));
    match written {
        Ok(paths) => {
            for p in paths {
                println!("Skrev {}", p.display());
            }
            println!("Bygg återrapporten från den: styrdok build <den filen>.");
            if form_errors {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("fel: {e}");
            ExitCode::from(2)
        }
    }
}
