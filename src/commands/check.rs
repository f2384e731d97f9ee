//! `styrdok check`: every problem of every project, with its cell; writes nothing.

use super::Outcome;
use crate::diagnostics::render as render_diagnostics;
use crate::pipeline;
use std::path::Path;

pub fn run(input: &Path) -> Outcome {
    let projects = pipeline::check_projects(input);
    for p in &projects {
        if projects.len() > 1 {
            println!("== {} ==", p.project.path.display());
        }
        print!("{}", render_diagnostics(&p.checked.diagnostics));
    }
    if projects.iter().any(|p| p.checked.has_errors()) {
        Outcome::InputErrors
    } else {
        Outcome::Done
    }
}
