//! The one place the stages meet: read → load → check → plan → render → write. Every command runs
//! the pipeline through these functions, so they all read, judge and write input the same way.

use crate::checks::{self, Checked};
use crate::diagnostics::{Diagnostic, Place, Problem};
use crate::documents::{self, Options, PlanError};
use crate::model::{self, Agreement};
use crate::render::{self, Engine, Job, OutputFile, RenderError, StagedFile, WriteError};
use crate::workbook::{self, Project, Workbook};
use crate::xlsx::updated_workbook::{self, UpdatedWorkbookError};
use std::path::{Path, PathBuf};

/// What can stop documents from being made once the input is fine.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(transparent)]
    Plan(#[from] PlanError),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    UpdatedWorkbook(#[from] UpdatedWorkbookError),
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// One project of the input, read and checked. `book` is `None` when the files could not be read;
/// the reasons are then among the diagnostics.
pub struct CheckedProject {
    pub project: Project,
    pub book: Option<Workbook>,
    pub checked: Checked,
}

impl CheckedProject {
    /// The agreement when it is fit to build documents from (no errors).
    pub fn usable(&self) -> Option<&Agreement> {
        self.checked.usable()
    }
}

/// Reads and checks every project of the input (the workbooks of a folder, and each subfolder).
pub fn check_projects(input: &Path) -> Vec<CheckedProject> {
    workbook::projects(input)
        .into_iter()
        .map(|project| {
            let (book, checked) = read_and_check(&project.path);
            CheckedProject {
                project,
                book,
                checked,
            }
        })
        .collect()
}

/// Reads one input (a workbook or a folder of them) and runs every check; problems reading the files
/// become diagnostics like any other.
pub fn read_and_check(path: &Path) -> (Option<Workbook>, Checked) {
    match workbook::load(path) {
        Ok(book) => {
            let checked = check_book(&book);
            (Some(book), checked)
        }
        Err(errors) => {
            let diagnostics = errors
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
                .collect();
            (
                None,
                Checked {
                    agreement: None,
                    diagnostics,
                },
            )
        }
    }
}

/// Loads the model from workbook cells and checks it.
pub fn check_book(book: &Workbook) -> Checked {
    checks::check(model::load(book))
}

/// The PDFs of every usable project, planned into jobs (see `documents::plan`).
pub fn plan(
    projects: &[CheckedProject],
    output: &Path,
    options: Options,
) -> Result<Vec<Job>, PlanError> {
    let mut jobs = Vec::new();
    for p in projects {
        if let Some(agreement) = p.usable() {
            jobs.extend(documents::plan(
                agreement,
                &p.project.output_dir(output),
                options,
            )?);
        }
    }
    Ok(jobs)
}

/// Renders the planned PDFs, calling `done` as each finishes. They wait on disk under temporary
/// names until `commit`.
pub fn render(
    jobs: &[Job],
    engine: &Engine,
    done: &(dyn Fn() + Sync),
) -> Result<Vec<StagedFile>, RenderError> {
    render::render_jobs(jobs, engine, done)
}

/// The updated workbook of every project that has an agreement with insatser.
pub fn updated_workbooks(
    projects: &[CheckedProject],
    output: &Path,
) -> Result<Vec<OutputFile>, UpdatedWorkbookError> {
    let mut files = Vec::new();
    for p in projects {
        if let (Some(book), Some(agreement)) = (&p.book, p.usable()) {
            if agreement.has_initiatives() {
                files.push(updated_workbook::file(
                    book,
                    &p.checked,
                    &p.project.path,
                    &p.project.output_dir(output),
                )?);
            }
        }
    }
    Ok(files)
}

/// Writes every file atomically; the caller has made all of them first, so an error anywhere before
/// leaves the previous output untouched.
pub fn write(files: Vec<OutputFile>) -> Result<Vec<PathBuf>, WriteError> {
    render::write_all(files)
}

/// Puts the rendered PDFs and the files made in memory (workbooks) in place together: the latter
/// are staged too, then everything is renamed. An error before this leaves the previous output.
pub fn commit(
    mut staged: Vec<StagedFile>,
    files: Vec<OutputFile>,
) -> Result<Vec<PathBuf>, WriteError> {
    for file in files {
        staged.push(render::stage(file.path, &file.bytes)?);
    }
    render::commit(staged)
}
