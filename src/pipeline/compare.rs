//! `diff`: each project of the input beside its version of the last meeting, and what changed.

use crate::changes::{Changes, ChangesError, previous_path};
use crate::diagnostics::Diagnostic;
use crate::workbook::{self, Project};
use std::path::{Path, PathBuf};

/// Every project of the input that has an earlier version, compared with it.
#[derive(Debug)]
pub struct Comparisons {
    /// `FÖRRA` matched no project of the input (nothing was compared).
    pub nothing_matched: bool,
    pub compared: Vec<Compared>,
}

impl Comparisons {
    /// Whether every project could be read and compared.
    pub fn all_compared(&self) -> bool {
        !self.nothing_matched
            && self
                .compared
                .iter()
                .all(|c| matches!(c.outcome, Comparison::Changes(_)))
    }
}

/// One project compared with its earlier version.
#[derive(Debug)]
pub struct Compared {
    pub project: Project,
    pub previous: PathBuf,
    /// The earlier version's own problems: warnings only, unless it could not be read at all.
    pub previous_problems: Vec<Diagnostic>,
    /// The input's errors (the comparison is made anyway, so a wrong figure is not taken for a
    /// change); for an unreadable input, why.
    pub errors: Vec<Diagnostic>,
    pub outcome: Comparison,
}

#[derive(Debug)]
pub enum Comparison {
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

/// Compares each project of `input` with its version in `previous` (a workbook, or a folder laid out
/// as the input is).
pub fn compare(previous: &Path, input: &Path) -> Comparisons {
    let pairs: Vec<(Project, PathBuf)> = workbook::projects(input)
        .into_iter()
        .enumerate()
        .filter_map(|(n, p)| previous_path(previous, &p, n == 0).map(|old| (p, old)))
        .collect();
    Comparisons {
        nothing_matched: pairs.is_empty(),
        compared: pairs
            .into_iter()
            .map(|(project, previous)| compare_one(project, previous))
            .collect(),
    }
}

fn compare_one(project: Project, previous: PathBuf) -> Compared {
    let mut compared = Compared {
        project,
        previous,
        previous_problems: Vec::new(),
        errors: Vec::new(),
        outcome: Comparison::Nothing,
    };
    let old = match super::read_previous(&compared.previous) {
        Ok(old) => old,
        Err(problems) => {
            compared.previous_problems = problems;
            compared.outcome = Comparison::PreviousUnreadable;
            return compared;
        }
    };
    compared.previous_problems = old.checked.diagnostics.clone();
    let (book, checked) = super::read_and_check(&compared.project.path);
    let Some(book) = book else {
        compared.errors = checked.diagnostics;
        compared.outcome = Comparison::Unreadable;
        return compared;
    };
    compared
        .previous_problems
        .extend(super::other_organisation(&old, &checked));
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
