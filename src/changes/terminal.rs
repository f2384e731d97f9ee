//! The changes as text for the terminal (`styrdok diff`), and the last version's problems as
//! warnings marked "(förra versionen)".

use super::{Changes, ChangesError, Mark};
use crate::diagnostics::{Diagnostic, Place};
use std::fmt::Write;

/// ```text
/// Förändringar sedan 2025-09-29
///
/// Uppgifter
///   Ändrad     Datum 2025-09-29 → 2025-11-20
///
/// 2. Suicidprevention
///   Budget 500 000 → 550 000 kr (+50 000 kr), fördelat 500 000 → 480 000 kr (−20 000 kr)
///   Ny         2   Utbildning för chefer: Belopp 30 000 kr
///   Ändrad     2   Temamånad: Belopp 200 000 → 150 000 kr (−50 000 kr); Bedömning Gul → Röd
///
/// 1 ny, 0 borttagna och 1 ändrad insats.
/// ```
pub fn render(changes: &Changes) -> String {
    let since = changes.since.format("%Y-%m-%d");
    if changes.is_empty() {
        return format!("Inga förändringar sedan {since}.\n");
    }
    let mut text = format!("Förändringar sedan {since}\n");
    if !changes.info.is_empty() {
        let _ = writeln!(text, "\nUppgifter");
        for field in &changes.info {
            let _ = writeln!(text, "  {:<10} {}", Mark::Changed.label(), field.line());
        }
    }
    for group in changes.groups.iter().filter(|g| g.has_changes()) {
        let _ = writeln!(text, "\n{}. {}", group.code, group.name);
        let figure = |a: Option<crate::model::Amount>| a.map_or("–".into(), super::kronor_digits);
        let _ = writeln!(
            text,
            "  Budget {} → {}\u{a0}kr ({}), fördelat {} → {}\u{a0}kr ({})",
            figure(group.budget_before),
            figure(group.budget_after),
            super::signed(group.budget_difference()),
            super::kronor_digits(group.allocated_before),
            super::kronor_digits(group.allocated_after),
            super::signed(group.allocated_difference()),
        );
        for area in &group.areas {
            let fields: Vec<String> = area.fields.iter().map(|f| f.line_in(area.mark)).collect();
            let _ = writeln!(
                text,
                "  {:<10} område {} {}: {}",
                area.mark.label(),
                area.code,
                area.name,
                fields.join("; ")
            );
        }
        for change in &group.initiatives {
            let fields: Vec<String> = change
                .fields
                .iter()
                .map(|f| f.line_in(change.mark))
                .collect();
            let _ = writeln!(
                text,
                "  {:<10} {:<3} {}: {}",
                change.mark.label(),
                change.area,
                change.name,
                fields.join("; ")
            );
        }
    }
    let counts = changes.counts();
    let _ = writeln!(
        text,
        "\n{} {}, {} {} och {} {} {}.",
        counts.new,
        if counts.new == 1 { "ny" } else { "nya" },
        counts.removed,
        if counts.removed == 1 {
            "borttagen"
        } else {
            "borttagna"
        },
        counts.changed,
        if counts.changed == 1 {
            "ändrad"
        } else {
            "ändrade"
        },
        if counts.changed == 1 {
            "insats"
        } else {
            "insatser"
        },
    );
    text
}

/// Every problem of the last meeting's version, as a warning: it is history, not something to fix
/// before this build.
pub fn render_previous_problems(diagnostics: &[Diagnostic]) -> String {
    let mut text = String::new();
    let mut current_file: Option<&str> = None;
    for d in diagnostics {
        let file = d.place.file();
        if let Some(name) = file
            && file != current_file
        {
            let _ = writeln!(text, "{name} (förra versionen)");
            current_file = file;
        }
        let place = match &d.place {
            Place::Input | Place::File { .. } => String::new(),
            place => format!("{place}: "),
        };
        let _ = writeln!(
            text,
            "  {:<8} {place}{} (förra versionen)",
            "varning", d.problem
        );
        let _ = writeln!(text, "  {:<8} Åtgärd: {}", "", d.problem.fix());
    }
    text
}

/// The line that says the last meeting's version could not be read (its problems come before it).
pub fn previous_unreadable(path: &std::path::Path) -> String {
    format!("Den förra versionen ({}) kunde inte läsas.", path.display())
}

/// Why the versions could not be compared, in the checks' layout.
pub fn render_errors(errors: &[ChangesError]) -> String {
    let mut text = String::new();
    for e in errors {
        let _ = writeln!(text, "  {:<8} {e}", "fel");
        let _ = writeln!(text, "  {:<8} Åtgärd: {}", "", e.fix());
    }
    let _ = writeln!(
        text,
        "Förändringarna kunde inte tas fram: {} fel.",
        errors.len()
    );
    text
}
