//! `styrdok diff FÖRRA [INDATA]`: what changed since the last meeting, grouped by insatsområde.

use super::Outcome;
use crate::changes::{previous_path, render, render_errors, render_previous_problems};
use crate::diagnostics::{Diagnostic, render as render_diagnostics};
use crate::pipeline;
use crate::workbook::{self, Project};
use std::path::{Path, PathBuf};

/// `styrdok diff FÖRRA [INDATA]`: exit 0 when both versions could be read and compared, 1 when
/// either could not be read or the insatser cannot be told apart.
pub fn run(previous: &Path, input: &Path) -> Outcome {
    let pairs: Vec<(Project, PathBuf)> = workbook::projects(input)
        .into_iter()
        .enumerate()
        .filter_map(|(n, p)| previous_path(previous, &p, n == 0).map(|old| (p, old)))
        .collect();
    let mut failed = pairs.is_empty();
    if pairs.is_empty() {
        eprintln!(
            "fel: {} motsvarar inget projekt i {}",
            previous.display(),
            input.display()
        );
    }
    for (project, previous_path) in &pairs {
        if pairs.len() > 1 {
            println!("== {} ==", project.path.display());
        }
        let old = match pipeline::read_previous(previous_path) {
            Ok(old) => old,
            Err(problems) => {
                eprint!("{}", render_previous_problems(&problems));
                eprintln!(
                    "Den förra versionen ({}) kunde inte läsas.",
                    previous_path.display()
                );
                failed = true;
                continue;
            }
        };
        eprint!("{}", render_previous_problems(&old.checked.diagnostics));
        let (book, checked) = pipeline::read_and_check(&project.path);
        let Some(book) = book else {
            eprint!("{}", render_diagnostics(&checked.diagnostics));
            failed = true;
            continue;
        };
        // The comparison is still made when the input has errors; they are shown so a wrong figure
        // is not mistaken for a change.
        let errors: Vec<Diagnostic> = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .cloned()
            .collect();
        if !errors.is_empty() {
            eprint!("{}", render_diagnostics(&errors));
        }
        match old.changes_to(&book, &checked) {
            Some(Ok(changes)) => print!("{}", render(&changes)),
            Some(Err(errors)) => {
                eprint!("{}", render_errors(&errors));
                failed = true;
            }
            None => failed = true,
        }
    }
    if failed {
        Outcome::InputErrors
    } else {
        Outcome::Done
    }
}
