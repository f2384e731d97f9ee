//! `styrdok diff FÖRRA [INDATA]`: what changed since the last meeting, grouped by insatsområde, as
//! text for a person or JSON for a script (`--format json`).

use super::Outcome;
use super::report::Format;
use crate::changes::{
    Changes, ChangesError, FieldChange, Values, previous_path, previous_unreadable, render,
    render_errors, render_previous_problems,
};
use crate::diagnostics::{Diagnostic, JsonReport, render as render_diagnostics};
use crate::pipeline;
use crate::workbook::{self, Project};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// One project compared with its earlier version.
struct Compared {
    project: Project,
    previous: PathBuf,
    /// The earlier version's own problems: warnings only, unless it could not be read at all.
    previous_problems: Vec<Diagnostic>,
    /// The input's errors (the comparison is made anyway, so a wrong figure is not taken for a
    /// change); for an unreadable input, why.
    errors: Vec<Diagnostic>,
    outcome: Comparison,
}

enum Comparison {
    Changes(Changes),
    /// The earlier version could not be read.
    PreviousUnreadable,
    /// The input could not be read.
    Unreadable,
    /// Insatser of either version cannot be told apart.
    Keys(Vec<ChangesError>),
    /// Either version has no agreement to compare.
    Nothing,
}

/// `styrdok diff FÖRRA [INDATA]`: exit 0 when both versions could be read and compared, 1 when
/// either could not be read or the insatser cannot be told apart.
pub fn run(previous: &Path, input: &Path, format: Format) -> Outcome {
    let pairs: Vec<(Project, PathBuf)> = workbook::projects(input)
        .into_iter()
        .enumerate()
        .filter_map(|(n, p)| previous_path(previous, &p, n == 0).map(|old| (p, old)))
        .collect();
    let nothing_matched = pairs.is_empty().then(|| {
        format!(
            "{} motsvarar inget projekt i {}",
            previous.display(),
            input.display()
        )
    });
    let compared: Vec<Compared> = pairs
        .into_iter()
        .map(|(project, previous)| compare(project, previous))
        .collect();
    let outcome = if nothing_matched.is_some()
        || compared
            .iter()
            .any(|c| !matches!(c.outcome, Comparison::Changes(_)))
    {
        Outcome::InputErrors
    } else {
        Outcome::Done
    };
    match format {
        Format::Text => text(&compared, nothing_matched.as_deref()),
        Format::Json => {
            let json = json_report(&compared, nothing_matched, outcome);
            print!("{json}");
        }
    }
    outcome
}

fn compare(project: Project, previous: PathBuf) -> Compared {
    let mut compared = Compared {
        project,
        previous,
        previous_problems: Vec::new(),
        errors: Vec::new(),
        outcome: Comparison::Nothing,
    };
    let old = match pipeline::read_previous(&compared.previous) {
        Ok(old) => old,
        Err(problems) => {
            compared.previous_problems = problems;
            compared.outcome = Comparison::PreviousUnreadable;
            return compared;
        }
    };
    compared.previous_problems = old.checked.diagnostics.clone();
    let (book, checked) = pipeline::read_and_check(&compared.project.path);
    let Some(book) = book else {
        compared.errors = checked.diagnostics;
        compared.outcome = Comparison::Unreadable;
        return compared;
    };
    compared.errors = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    compared.outcome = match old.changes_to(&book, &checked) {
        Some(Ok(changes)) => Comparison::Changes(changes),
        Some(Err(errors)) => Comparison::Keys(errors),
        None => Comparison::Nothing,
    };
    compared
}

fn text(compared: &[Compared], nothing_matched: Option<&str>) {
    if let Some(message) = nothing_matched {
        eprintln!("fel: {message}");
    }
    for c in compared {
        if compared.len() > 1 {
            println!("== {} ==", c.project.path.display());
        }
        eprint!("{}", render_previous_problems(&c.previous_problems));
        if matches!(c.outcome, Comparison::PreviousUnreadable) {
            eprintln!("{}", previous_unreadable(&c.previous));
            continue;
        }
        if !c.errors.is_empty() {
            eprint!("{}", render_diagnostics(&c.errors));
        }
        match &c.outcome {
            Comparison::Changes(changes) => print!("{}", render(changes)),
            Comparison::Keys(errors) => eprint!("{}", render_errors(errors)),
            _ => {}
        }
    }
}

/// The envelope of every `--format json` (README, "Maskinläsbar utdata") with `changes`: one entry
/// per project that could be compared, every amount in kronor as a number.
fn json_report(compared: &[Compared], nothing_matched: Option<String>, outcome: Outcome) -> String {
    let mut json = JsonReport::new("diff");
    let mut projects = Vec::new();
    let mut failures: Vec<String> = nothing_matched.into_iter().collect();
    for c in compared {
        let name = c.project.name.as_deref();
        json.add_previous(name, &c.previous_problems);
        json.add(name, &c.errors);
        match &c.outcome {
            Comparison::Changes(changes) => projects.push(changes_json(name, changes)),
            Comparison::Keys(errors) => {
                failures.extend(errors.iter().map(|e| format!("{e}. Åtgärd: {}", e.fix())))
            }
            Comparison::PreviousUnreadable => failures.push(previous_unreadable(&c.previous)),
            Comparison::Unreadable | Comparison::Nothing => {}
        }
    }
    // Every project's reason, not only the last one's.
    if !failures.is_empty() {
        json.failed(failures.join("\n"));
    }
    json.set("changes", Value::Array(projects));
    json.render(super::exit_code(&Ok(outcome)))
}

fn changes_json(project: Option<&str>, changes: &Changes) -> Value {
    let counts = changes.counts();
    json!({
        "project": project,
        "since": changes.since.format("%Y-%m-%d").to_string(),
        "counts": { "new": counts.new, "removed": counts.removed, "changed": counts.changed },
        "info": changes.info.iter().map(field_json).collect::<Vec<_>>(),
        "areas": changes.groups.iter().map(|g| json!({
            "code": g.code,
            "name": g.name,
            "budget_before": g.budget_before,
            "budget_after": g.budget_after,
            "allocated_before": g.allocated_before,
            "allocated_after": g.allocated_after,
            "changes": g.areas.iter().map(|a| json!({
                "kind": "område",
                "mark": a.mark,
                "code": a.code,
                "name": a.name,
                "cell": a.at.as_ref().map(|c| c.to_string()),
                "fields": a.fields.iter().map(field_json).collect::<Vec<_>>(),
            })).chain(g.initiatives.iter().map(|i| json!({
                "kind": "insats",
                "mark": i.mark,
                "code": i.area,
                "name": i.name,
                "cell": i.at.as_ref().map(|c| c.to_string()),
                "fields": i.fields.iter().map(field_json).collect::<Vec<_>>(),
            }))).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// A changed field: money as numbers (null for an empty cell) with their difference, text as text.
fn field_json(f: &FieldChange) -> Value {
    match &f.values {
        Values::Money { before, after } => json!({
            "field": f.field,
            "before": before,
            "after": after,
            "difference": f.difference(),
        }),
        Values::Text { before, after } => json!({
            "field": f.field,
            "before": before,
            "after": after,
            "difference": null,
        }),
    }
}
