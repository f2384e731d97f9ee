//! `styrdok check`: every problem of every project, with its cell; writes nothing.

use super::Outcome;
use super::report::{self, Format, ProjectDiagnostics};
use crate::diagnostics::JsonReport;
use crate::pipeline;
use std::path::Path;

pub fn run(input: &Path, format: Format) -> Outcome {
    let checked = pipeline::check_projects(input);
    let outcome = if checked.iter().any(|p| p.checked.has_errors()) {
        Outcome::InputErrors
    } else {
        Outcome::Done
    };
    let projects = ProjectDiagnostics::of(&checked);
    match format {
        Format::Text => print!("{}", report::text(&projects, true)),
        Format::Json => {
            let mut json = JsonReport::new("check");
            for p in &projects {
                json.add(p.name.as_deref(), &p.diagnostics);
            }
            print!("{}", json.render(super::exit_code(&Ok(outcome))));
        }
    }
    outcome
}
