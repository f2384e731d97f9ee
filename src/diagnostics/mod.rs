//! The bottom layer: where a problem is (a cell such as `Insatser!E14`), how serious, and what to do.
//! It imports nothing else of the crate, so every stage above can report into it.

mod codes;
mod json;
mod position;
mod problem;
mod report;
mod suggest;
pub mod system;

pub use json::JsonReport;
pub use position::{CellRef, column_letters};
pub use problem::Problem;
pub use report::render;
pub use suggest::nearest;

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "fel",
            Severity::Warning => "varning",
        })
    }
}

/// Where a problem is: a cell when there is one, else the sheet or file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    Input,
    File { file: String },
    Sheet { file: String, sheet: String },
    Cell(CellRef),
}

impl Place {
    pub fn file(&self) -> Option<&str> {
        match self {
            Place::Input => None,
            Place::File { file } | Place::Sheet { file, .. } => Some(file),
            Place::Cell(c) => Some(&c.file),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Input => Ok(()),
            Place::File { file } => f.write_str(file),
            Place::Sheet { sheet, .. } => write!(f, "blad {sheet}"),
            Place::Cell(c) => write!(f, "{c}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub place: Place,
    pub problem: Problem,
}

impl Diagnostic {
    pub fn new(place: Place, problem: Problem) -> Self {
        Diagnostic { place, problem }
    }

    pub fn at(cell: CellRef, problem: Problem) -> Self {
        Diagnostic {
            place: Place::Cell(cell),
            problem,
        }
    }

    pub fn severity(&self) -> Severity {
        self.problem.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// A file that could not be read at all: perhaps it is still being saved (`--watch` retries).
    pub fn is_unreadable(&self) -> bool {
        matches!(self.problem, Problem::Unreadable { .. })
    }

    /// The cell address such as `Insatser!E14`, when the problem has one.
    pub fn cell(&self) -> Option<String> {
        match &self.place {
            Place::Cell(c) => Some(c.to_string()),
            _ => None,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Place::Input | Place::File { .. } => write!(f, "{}: {}", self.severity(), self.problem),
            place => write!(f, "{}: {}: {}", self.severity(), place, self.problem),
        }
    }
}

/// `0,4 s`: a duration in seconds with one decimal and the Swedish decimal comma, as the terminal
/// and the web page say how long a build took.
pub fn seconds(d: std::time::Duration) -> String {
    format!("{:.1} s", d.as_secs_f64()).replace('.', ",")
}

/// `1234567` → `1 234 567`, grouped in threes with non-breaking spaces as Swedish writes numbers.
pub fn group_digits(n: u128) -> String {
    let digits = n.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('\u{a0}');
        }
        grouped.push(c);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_have_a_swedish_comma() {
        assert_eq!(seconds(std::time::Duration::from_millis(420)), "0,4 s");
    }
}
