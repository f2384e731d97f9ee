//! `styrdok forms`: one form workbook per Ansvarig, to fill in the follow-up.

use super::{CommandError, Outcome};
use crate::diagnostics::render as render_diagnostics;
use crate::pipeline;
use crate::xlsx::forms::write;
use std::path::Path;

/// Writes one form per Ansvarig into `out`; refuses when the input has errors, like `build`.
pub fn run(input: &Path, out: &Path) -> Result<Outcome, CommandError> {
    let (_, checked) = pipeline::read_and_check(input);
    if !checked.diagnostics.is_empty() {
        eprint!("{}", render_diagnostics(&checked.diagnostics));
    }
    let Some(agreement) = checked.usable() else {
        eprintln!("Inga blanketter skrevs: rätta felen ovan och kör igen.");
        return Ok(Outcome::InputErrors);
    };
    let forms = write::render_forms(agreement, out).map_err(CommandError::Forms)?;
    let paths = pipeline::write(forms).map_err(CommandError::output)?;
    for p in &paths {
        println!("Skrev {}", p.display());
    }
    println!(
        "{} blanketter. Skicka var och en till sin mottagare; samla de ifyllda i en mapp och kör «styrdok collect MAPP».",
        paths.len()
    );
    Ok(Outcome::Done)
}
