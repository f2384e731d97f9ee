//! Diagnostics as JSON for scripts and scheduled jobs (`--format json`), next to the text renderer.
//! The shape is documented in README.md ("Maskinläsbar utdata"); `schema` changes only when a field
//! is removed or changes meaning.

use super::{Diagnostic, Place, Severity};
use serde_json::{Map, Value, json};

/// The version of the JSON shape.
const SCHEMA: u32 = 1;

/// One command's run as a JSON document: its diagnostics, the files it wrote, a summary.
#[derive(Debug, Clone)]
pub struct JsonReport {
    command: &'static str,
    diagnostics: Vec<Value>,
    errors: usize,
    warnings: usize,
    files: Vec<String>,
    failure: Option<String>,
    extra: Map<String, Value>,
}

impl JsonReport {
    pub fn new(command: &'static str) -> Self {
        JsonReport {
            command,
            diagnostics: Vec::new(),
            errors: 0,
            warnings: 0,
            files: Vec::new(),
            failure: None,
            extra: Map::new(),
        }
    }

    /// Adds the diagnostics of one project (`None` for the input folder itself).
    pub fn add(&mut self, project: Option<&str>, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            match d.severity() {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
            self.diagnostics.push(diagnostic(project, d));
        }
    }

    /// Adds the diagnostics of an earlier version of a project (`diff`, `build --sedan`), each
    /// marked `"previous_version": true`.
    pub fn add_previous(&mut self, project: Option<&str>, diagnostics: &[Diagnostic]) {
        let from = self.diagnostics.len();
        self.add(project, diagnostics);
        for d in &mut self.diagnostics[from..] {
            if let Value::Object(fields) = d {
                fields.insert("previous_version".into(), Value::Bool(true));
            }
        }
    }

    /// A file the command wrote.
    pub fn written(&mut self, path: String) {
        self.files.push(path);
    }

    /// Why the command could not make or write its files (exit code 2).
    pub fn failed(&mut self, message: String) {
        self.failure = Some(message);
    }

    /// A field of the command's own (e.g. who has reported, for `collect`).
    pub fn set(&mut self, key: &str, value: Value) {
        self.extra.insert(key.to_string(), value);
    }

    /// The document, given the exit code the command ends with.
    pub fn render(&self, exit_code: u8) -> String {
        let status = match exit_code {
            0 => "ok",
            1 => "input-errors",
            _ => "failed",
        };
        let mut doc = Map::new();
        doc.insert("schema".into(), json!(SCHEMA));
        doc.insert("command".into(), json!(self.command));
        doc.insert("status".into(), json!(status));
        doc.insert("exit_code".into(), json!(exit_code));
        doc.insert(
            "summary".into(),
            json!({ "errors": self.errors, "warnings": self.warnings, "files": self.files.len() }),
        );
        doc.insert("diagnostics".into(), Value::Array(self.diagnostics.clone()));
        doc.insert("files".into(), json!(self.files));
        doc.insert("error".into(), json!(self.failure));
        for (k, v) in &self.extra {
            doc.insert(k.clone(), v.clone());
        }
        // Serialising a map of plain values cannot fail; fall back to an empty object regardless.
        serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_else(|_| "{}".into()) + "\n"
    }
}

fn diagnostic(project: Option<&str>, d: &Diagnostic) -> Value {
    let (sheet, cell) = match &d.place {
        Place::Sheet { sheet, .. } => (Some(sheet.clone()), None),
        Place::Cell(c) => (Some(c.sheet.clone()), Some(c.address())),
        Place::Input | Place::File { .. } => (None, None),
    };
    let place = d.place.to_string();
    json!({
        "severity": match d.severity() { Severity::Error => "error", Severity::Warning => "warning" },
        "code": d.problem.code(),
        "project": project,
        "file": d.place.file(),
        "sheet": sheet,
        "cell": cell,
        "place": if place.is_empty() { None } else { Some(place) },
        "message": d.problem.to_string(),
        "fix": d.problem.fix(),
        "suggestion": d.problem.suggestion(),
    })
}
