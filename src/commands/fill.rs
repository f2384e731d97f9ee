//! `styrdok fill MALL [INDATA] [-o UT] [--per-mottagare]`: one template of the organisation's own,
//! filled from the checked input; with `--watch`, again on every save (commands/watch.rs).

use super::{CommandError, Outcome};
use crate::diagnostics::{Diagnostic, render as render_diagnostics};
use crate::pipeline;
use crate::xlsx::fill::folder::fill_excel_templates as fill_templates;
use std::path::PathBuf;

pub struct FillOptions {
    pub template: PathBuf,
    pub input: PathBuf,
    pub output: PathBuf,
    pub per_recipient: bool,
}

/// What one filling came to (`run` maps it to an exit code, `--watch` to its next step).
pub enum Filled {
    /// The files written.
    Written(Vec<PathBuf>),
    /// The input or the template has errors, already printed; nothing was written.
    Refused,
    /// The workbook could not be read at all (perhaps it is being saved): the problems, not yet
    /// printed, since `--watch` tries again first.
    Unreadable(String),
}

pub fn run(options: &FillOptions) -> Result<Outcome, CommandError> {
    match fill(options)? {
        Filled::Written(paths) => {
            for p in paths {
                println!("Skrev {}", p.display());
            }
            Ok(Outcome::Done)
        }
        Filled::Refused => Ok(Outcome::InputErrors),
        Filled::Unreadable(problems) => {
            eprint!("{problems}");
            eprintln!("Ingen mall fylldes i: rätta felen ovan och kör igen.");
            Ok(Outcome::InputErrors)
        }
    }
}

/// Reads and checks the input, fills the template and writes it (and its per-mottagare copies).
/// Prints the problems (but those of an unreadable workbook); the caller says what was written.
pub fn fill(options: &FillOptions) -> Result<Filled, CommandError> {
    let (book, checked) = pipeline::read_and_check(&options.input);
    if checked.diagnostics.iter().any(Diagnostic::is_unreadable) {
        return Ok(Filled::Unreadable(render_diagnostics(&checked.diagnostics)));
    }
    if !checked.diagnostics.is_empty() {
        eprint!("{}", render_diagnostics(&checked.diagnostics));
    }
    let Some(agreement) = checked.usable() else {
        eprintln!("Ingen mall fylldes i: rätta felen ovan och kör igen.");
        return Ok(Filled::Refused);
    };
    if !options.template.is_file() {
        eprintln!("fel: mallen {} finns inte", options.template.display());
        return Ok(Filled::Refused);
    }
    let filled = match fill_templates(
        std::slice::from_ref(&options.template),
        agreement,
        book.as_ref(),
        &options.output,
        options.per_recipient,
    ) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            eprintln!("Ingen fil skrevs: rätta mallen och kör igen.");
            return Ok(Filled::Refused);
        }
    };
    for w in &filled.warnings {
        eprintln!("{w}");
    }
    let written = pipeline::write(filled.rendered).map_err(CommandError::output)?;
    Ok(Filled::Written(written))
}
