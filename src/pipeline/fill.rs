//! `fill`: one of the organisation's own Excel templates filled from the checked input (and a copy
//! per Ansvarig on request), written beside the other output.

use super::OutputError;
use crate::diagnostics::Diagnostic;
use crate::xlsx::fill::folder::fill_excel_templates;
use crate::xlsx::fill::{ExcelTemplateError, ExcelTemplateErrors};
use std::path::PathBuf;

/// What `fill` is asked to do.
#[derive(Debug, Clone)]
pub struct FillRequest {
    pub template: PathBuf,
    pub input: PathBuf,
    pub output: PathBuf,
    pub per_recipient: bool,
}

/// What one filling came to.
#[derive(Debug)]
pub enum Filled {
    /// The files written, and what the filling had to say about the template.
    Written {
        files: Vec<PathBuf>,
        warnings: Vec<ExcelTemplateError>,
    },
    /// The input has errors (in `diagnostics`); nothing was written.
    InputErrors,
    /// The workbook could not be read at all (perhaps it is being saved); nothing was written.
    Unreadable,
    /// The template is not a file.
    NoTemplate,
    /// The template cannot be filled exactly; nothing was written.
    TemplateErrors(ExcelTemplateErrors),
}

/// Reads and checks the input, fills the template and writes it (and its per-mottagare copies).
/// Returns the input's diagnostics beside what came of it.
pub fn fill(request: &FillRequest) -> Result<(Vec<Diagnostic>, Filled), OutputError> {
    let (book, checked) = super::read_and_check(&request.input);
    if checked.diagnostics.iter().any(Diagnostic::is_unreadable) {
        return Ok((checked.diagnostics, Filled::Unreadable));
    }
    let Some(agreement) = checked.usable() else {
        return Ok((checked.diagnostics, Filled::InputErrors));
    };
    if !request.template.is_file() {
        return Ok((checked.diagnostics, Filled::NoTemplate));
    }
    let filled = match fill_excel_templates(
        std::slice::from_ref(&request.template),
        agreement,
        book.as_ref(),
        &request.output,
        request.per_recipient,
    ) {
        Ok(f) => f,
        Err(e) => return Ok((checked.diagnostics, Filled::TemplateErrors(e))),
    };
    let files = super::write(filled.rendered)?;
    Ok((
        checked.diagnostics,
        Filled::Written {
            files,
            warnings: filled.warnings,
        },
    ))
}
