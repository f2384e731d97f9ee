//! Checking the agreement: pure rules over the model (no files), everything that is wrong at once,
//! each with its cell and its fix.

mod contacts;
mod keys;
mod rules;

use crate::diagnostics::Diagnostic;
use crate::model::{Agreement, Loaded};

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

/// Runs every rule over a loaded agreement, adding to the problems loading found.
pub fn check(mut loaded: Loaded) -> Checked {
    let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
    // First, so every other rule sees each key once.
    keys::check(&mut loaded.agreement, &mut diagnostics);
    diagnostics.extend(rules::check(
        &loaded.agreement,
        &loaded.unreadable_amounts,
        loaded.initiatives_unreadable,
    ));
    // Without readable insatser every contact would look unknown.
    if !loaded.initiatives_unreadable {
        contacts::check(&loaded.agreement, &mut diagnostics);
    }
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
