//! Checking the input: everything that is wrong, at once, each with its cell and its fix.

mod diagnostic;
mod pictures;
mod report;
mod rules;

pub use diagnostic::{Diagnostic, Place, Problem, Severity};
pub use report::render;

use crate::model::{self, Agreement};
use crate::workbook::{self, Workbook};
use std::path::Path;

/// The outcome of checking: the agreement, if it could be built, and every diagnostic.
#[derive(Debug)]
pub struct Checked {
    pub agreement: Option<Agreement>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The agreement when it is fit to build documents from (no errors).
    pub fn usable(&self) -> Option<&Agreement> {
        if self.has_errors() {
            None
        } else {
            self.agreement.as_ref()
        }
    }
}

/// Reads the input (a workbook or a folder of them) and runs every check.
pub fn check_path(path: &Path) -> Checked {
    match workbook::load(path) {
        Ok(book) => check_workbook(&book),
        Err(errors) => Checked {
            agreement: None,
            diagnostics: errors
                .into_iter()
                .map(|e| {
                    Diagnostic::new(
                        Place::Input,
                        Problem::Unreadable {
                            message: e.to_string(),
                            fix: e.fix().to_string(),
                        },
                    )
                })
                .collect(),
        },
    }
}

pub fn check_workbook(book: &Workbook) -> Checked {
    let mut loaded = model::load(book);
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(pictures::attach(
        &mut loaded.agreement,
        book.folder.as_deref(),
    ));
    diagnostics.extend(rules::check(
        &loaded.agreement,
        &loaded.unreadable_amounts_in,
        loaded.initiatives_unreadable,
    ));
    sort(&mut diagnostics);
    Checked {
        agreement: Some(loaded.agreement),
        diagnostics,
    }
}

/// Errors first, then by place, so the list reads top to bottom like the workbook.
fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        a.severity()
            .cmp(&b.severity())
            .then_with(|| a.place.cmp(&b.place))
    });
}
