//! How a command reports: as text for a person (diagnostics to the terminal, one line per file
//! written) or as one JSON document on stdout for a script (`--format json`).

use super::{CommandError, Outcome};
use crate::diagnostics::{JsonReport, render as render_text};
use crate::pipeline::ProjectDiagnostics;

/// `--format`: text for a person, JSON for a script.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
}

/// The text report of every project with problems, headed by its folder when there are several.
pub fn text(projects: &[ProjectDiagnostics], all: bool) -> String {
    let mut out = String::new();
    for p in projects {
        if all || !p.diagnostics.is_empty() {
            if projects.len() > 1 {
                out.push_str(&format!("== {} ==\n", p.path.display()));
            }
            out.push_str(&render_text(&p.diagnostics));
        }
    }
    out
}

/// The JSON report of `command` with every project's diagnostics; the command adds its own fields.
pub fn json(command: &'static str, projects: &[ProjectDiagnostics]) -> JsonReport {
    let mut json = JsonReport::new(command);
    for p in projects {
        json.add(p.name.as_deref(), &p.diagnostics);
    }
    json
}

/// Prints a command's JSON report, which ends with `result` (its exit code, and for a failure why),
/// and hands the result on.
pub(crate) fn print_json(
    mut json: JsonReport,
    result: Result<Outcome, CommandError>,
) -> Result<Outcome, CommandError> {
    if let Err(e) = &result {
        json.failed(e.to_string());
    }
    print!("{}", json.render(super::exit_code(&result)));
    result
}
