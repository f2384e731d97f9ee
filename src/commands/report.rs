//! How a command reports: as text for a person (diagnostics to the terminal, one line per file
//! written) or as one JSON document on stdout for a script (`--format json`).

use crate::diagnostics::{Diagnostic, render as render_text};
use crate::pipeline::CheckedProject;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Text,
    Json,
}

/// One project's diagnostics, named for the report.
#[derive(Debug, Clone)]
pub struct ProjectDiagnostics {
    /// The subfolder's name; `None` for the input itself.
    pub name: Option<String>,
    pub path: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
}

impl ProjectDiagnostics {
    pub fn of(projects: &[CheckedProject]) -> Vec<ProjectDiagnostics> {
        projects
            .iter()
            .map(|p| ProjectDiagnostics {
                name: p.project.name.clone(),
                path: p.project.path.clone(),
                diagnostics: p.checked.diagnostics.clone(),
            })
            .collect()
    }
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
