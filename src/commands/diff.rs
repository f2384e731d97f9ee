//! `styrdok diff FÖRRA [INDATA]`: what changed since the last meeting (`pipeline::compare`), grouped
//! by insatsområde, as text for a person or JSON for a script (`--format json`).

use super::args::{FormatArgs, InputArgs};
use super::report::Format;
use super::{CommandError, Outcome};
use crate::changes::{
    Changes, FieldChange, Values, previous_unreadable, render, render_errors,
    render_previous_problems,
};
use crate::diagnostics::{JsonReport, render as render_diagnostics};
use crate::pipeline::{self, Compared, Comparison, Comparisons};
use clap::Args;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// `styrdok diff`'s arguments.
#[derive(Debug, Clone, Args)]
#[command(mut_arg("input", |a| a.help("Arbetsbok eller mapp med arbetsböcker, som de ser ut nu")))]
pub struct DiffArgs {
    /// Förra mötets arbetsbok: en sparad kopia av indata eller en tidigare «-uppdaterad.xlsx».
    // Named so it sorts before `input`: help lists the arguments alphabetically by name.
    #[arg(value_name = "FÖRRA")]
    pub earlier: PathBuf,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub format: FormatArgs,
}

/// Exit 0 when both versions could be read and compared, 1 when either could not be read or the
/// insatser cannot be told apart.
pub fn run(args: &DiffArgs) -> Result<Outcome, CommandError> {
    let (previous, input) = (&args.earlier, &args.input.input);
    let comparisons = pipeline::compare(previous, input);
    let nothing_matched = nothing_matched(&comparisons, previous, input);
    let outcome = outcome(&comparisons);
    let compared = &comparisons.compared;
    match args.format.format {
        Format::Text => {
            for said in text(compared, nothing_matched.as_deref()) {
                match said {
                    Said::Out(s) => print!("{s}"),
                    Said::Err(s) => eprint!("{s}"),
                }
            }
        }
        Format::Json => print!("{}", json_report(compared, nothing_matched, outcome)),
    }
    Ok(outcome)
}

/// `styrdok diff PREVIOUS INPUT` as the terminal shows it, in order, with its outcome.
pub fn said(previous: &Path, input: &Path) -> (Outcome, Vec<Said>) {
    let comparisons = pipeline::compare(previous, input);
    let nothing_matched = nothing_matched(&comparisons, previous, input);
    let said = text(&comparisons.compared, nothing_matched.as_deref());
    (outcome(&comparisons), said)
}

fn outcome(comparisons: &Comparisons) -> Outcome {
    if comparisons.all_compared() {
        Outcome::Done
    } else {
        Outcome::InputErrors
    }
}

/// Why nothing was compared: FÖRRA matches no project of INDATA.
fn nothing_matched(comparisons: &Comparisons, previous: &Path, input: &Path) -> Option<String> {
    comparisons.nothing_matched.then(|| {
        format!(
            "{} motsvarar inget projekt i {}",
            previous.display(),
            input.display()
        )
    })
}

/// A piece of what a command says in the terminal, in order: on stdout (the result) or stderr (the
/// problems and reasons).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    Out(String),
    Err(String),
}

/// What `diff` says in the terminal, project by project.
pub fn text(compared: &[Compared], nothing_matched: Option<&str>) -> Vec<Said> {
    let mut said = Vec::new();
    if let Some(message) = nothing_matched {
        said.push(Said::Err(format!("fel: {message}\n")));
    }
    for c in compared {
        if compared.len() > 1 {
            said.push(Said::Out(format!("== {} ==\n", c.project.path.display())));
        }
        said.push(Said::Err(render_previous_problems(&c.previous_problems)));
        if matches!(c.outcome, Comparison::PreviousUnreadable) {
            said.push(Said::Err(format!("{}\n", previous_unreadable(&c.previous))));
            continue;
        }
        if !c.errors.is_empty() {
            said.push(Said::Err(render_diagnostics(&c.errors)));
        }
        match &c.outcome {
            Comparison::Changes(changes) => said.push(Said::Out(render(changes))),
            Comparison::Keys(errors) => said.push(Said::Err(render_errors(errors))),
            _ => {}
        }
    }
    said
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
