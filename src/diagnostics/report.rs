//! The one place diagnostics become text for the terminal.

use super::{Diagnostic, Place, Severity};
use std::fmt::Write;

/// Renders all diagnostics, grouped by file when several workbooks were read, with a closing count.
///
/// ```text
/// ok2025.xlsx
///   fel      Insatser!E14: Belopp «ca 500 tkr» är inte ett belopp i kronor
///            Åtgärd: Skriv beloppet i kronor som ett tal, t.ex. 500000 eller 500 000 kr. …
/// 1 fel, 0 varningar.
/// ```
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut text = String::new();
    let mut current_file: Option<&str> = None;
    for d in diagnostics {
        let file = d.place.file();
        if file.is_some() && file != current_file {
            let _ = writeln!(text, "{}", file.unwrap_or_default());
            current_file = file;
        }
        let place = d.place.to_string();
        let head = if place.is_empty() || matches!(d.place, Place::File { .. }) {
            d.problem.to_string()
        } else {
            format!("{place}: {}", d.problem)
        };
        let _ = writeln!(text, "  {:<8} {head}", d.severity().to_string());
        let _ = writeln!(text, "  {:<8} Åtgärd: {}", "", d.problem.fix());
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    let _ = writeln!(
        text,
        "{errors} fel, {warnings} {}.",
        if warnings == 1 {
            "varning"
        } else {
            "varningar"
        }
    );
    text
}
