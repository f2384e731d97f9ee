//! `styrdok fill MALL [INDATA] [-o UT] [--per-mottagare]`: one template of the organisation's own,
//! filled from the checked input.

use super::{CommandError, Outcome};
use crate::diagnostics::render as render_diagnostics;
use crate::pipeline;
use crate::xlsx::fill::run::fill_templates;
use std::path::Path;

pub fn run(
    template: &Path,
    input: &Path,
    output: &Path,
    per_recipient: bool,
) -> Result<Outcome, CommandError> {
    let (book, checked) = pipeline::read_and_check(input);
    if !checked.diagnostics.is_empty() {
        eprint!("{}", render_diagnostics(&checked.diagnostics));
    }
    let Some(agreement) = checked.usable() else {
        eprintln!("Ingen mall fylldes i: rätta felen ovan och kör igen.");
        return Ok(Outcome::InputErrors);
    };
    if !template.is_file() {
        eprintln!("fel: mallen {} finns inte", template.display());
        return Ok(Outcome::InputErrors);
    }
    let filled = match fill_templates(
        &[template.to_path_buf()],
        agreement,
        book.as_ref(),
        output,
        per_recipient,
    ) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            eprintln!("Ingen fil skrevs: rätta mallen och kör igen.");
            return Ok(Outcome::InputErrors);
        }
    };
    for w in &filled.warnings {
        eprintln!("{w}");
    }
    for p in pipeline::write(filled.rendered).map_err(CommandError::output)? {
        println!("Skrev {}", p.display());
    }
    Ok(Outcome::Done)
}
