//! The one place the stages meet: read → load → check → plan → render → write. Each command is one
//! call here (`build`, `compare`, `collect`, `forms`, `fill`, `init`, `watch`) that returns what
//! happened as data; nothing here prints. So the command line and a web page read, judge and write
//! input the same way, and say it each in their own way.

mod build;
mod collect;
mod compare;
mod fill;
mod forms;
mod init;
mod pictures;
pub mod watch;

pub use build::{BuildRequest, Built, Note, build};
pub use collect::{CollectError, CollectStop, Collected, collect};
pub use compare::{Compared, Comparison, Comparisons, compare};
pub use fill::{FillRequest, Filled, fill};
pub use forms::{FormsError, FormsMade, FormsStop, StaleDrafts, forms, no_contacts_sheet};
pub use init::{InitError, STARTER_WORKBOOK, init};

use crate::changes::{self, Changes, ChangesError, Previous};
use crate::checks::{self, Checked};
use crate::diagnostics::{Diagnostic, Place, Problem};
use crate::documents::{self, DocumentKind, Options, PlanError};
use crate::model::{self, Agreement};
use crate::render::record::{self, KeyBuilder, Record, Reuse};
use crate::render::templates::TemplateDirError;
use crate::render::{self, Engine, Job, LaidOut, OutputFile, RenderError, StagedFile, WriteError};
use crate::workbook::excel_templates_folder;
use crate::workbook::{self, Project, Workbook};
use crate::xlsx::fill::ExcelTemplateErrors;
use crate::xlsx::fill::folder::{FilledSet, excel_templates_in, fill_excel_templates};
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
    #[error(transparent)]
    Templates(#[from] TemplateDirError),
}

/// How far a build has come, for a progress bar or a web page's events.
#[derive(Debug)]
pub enum Progress<'a> {
    /// This many documents are about to be rendered (those kept from the last build not counted).
    Rendering { total: usize },
    /// One more document rendered (told from any rendering thread), laid out as its PDF was
    /// exported, which a page viewer may keep (it is the PDF written to `path` if the build is
    /// written).
    Rendered { path: &'a Path, laid_out: LaidOut },
    /// Rendering is over (done or failed).
    Finished,
}

/// One project's diagnostics, named for a report.
#[derive(Debug, Clone)]
pub struct ProjectDiagnostics {
    /// The subfolder's name; `None` for the input itself.
    pub name: Option<String>,
    pub path: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
}

impl ProjectDiagnostics {
    pub fn of(projects: &[CheckedProject]) -> Vec<ProjectDiagnostics> {
        projects
            .iter()
            .map(|p| ProjectDiagnostics {
                name: p.project.name.clone(),
                path: p.project.path.clone(),
                diagnostics: p.checked.diagnostics.clone(),
            })
            .collect()
    }
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

/// The last meeting's version, read with the same reader and checks as the input; `Err` with the
/// read problems when it cannot be read at all.
pub(crate) fn read_previous(path: &Path) -> Result<Previous, Vec<Diagnostic>> {
    match read_and_check(path) {
        (Some(book), checked) => Ok(Previous { book, checked }),
        (None, checked) => Err(checked.diagnostics),
    }
}

/// Loads the model from workbook cells, reads the picture files it names (beside the workbook) and
/// checks it.
pub fn check_book(book: &Workbook) -> Checked {
    let mut loaded = model::load(book);
    let problems = pictures::attach(&mut loaded.agreement, book.folder.as_deref());
    loaded.diagnostics.extend(problems);
    checks::check(loaded)
}

/// The PDFs of every usable project, planned into jobs (see `documents::plan`); `changes` holds each
/// project's changes since the last meeting (`--sedan`), or is empty.
pub fn plan(
    projects: &[CheckedProject],
    output: &Path,
    options: Options,
    changes: &[Option<Changes>],
) -> Result<Vec<(DocumentKind, Job)>, PlanError> {
    let mut jobs = Vec::new();
    for (n, p) in projects.iter().enumerate() {
        if let Some(agreement) = p.usable() {
            jobs.extend(documents::plan(
                agreement,
                &p.project.output_dir(output),
                options,
                changes.get(n).and_then(Option::as_ref),
            )?);
        }
    }
    Ok(jobs)
}

/// Why the changes since the last meeting could not be found; nothing is built then.
pub(crate) enum SinceError {
    /// The earlier version could not be read at all.
    Unreadable {
        path: PathBuf,
        problems: Vec<Diagnostic>,
    },
    /// Insatser of either version cannot be told apart (duplicate keys).
    Keys(Vec<ChangesError>),
}

/// The changes of each project since its version in `previous` (`--sedan`), with the earlier
/// version's own problems, which are only warnings.
pub(crate) fn changes_since(
    previous: &Path,
    projects: &[CheckedProject],
) -> Result<(Vec<Option<Changes>>, Vec<Diagnostic>), SinceError> {
    let mut all = Vec::new();
    let mut warnings = Vec::new();
    for (n, p) in projects.iter().enumerate() {
        let (Some(path), Some(book)) = (
            changes::previous_path(previous, &p.project, n == 0),
            &p.book,
        ) else {
            all.push(None);
            continue;
        };
        let old = read_previous(&path).map_err(|problems| SinceError::Unreadable {
            path: path.clone(),
            problems,
        })?;
        warnings.extend(old.checked.diagnostics.iter().cloned());
        if let Some(warning) = other_organisation(&old, &p.checked) {
            warnings.push(warning);
        }
        match old.changes_to(book, &p.checked) {
            Some(Ok(found)) => all.push(Some(found)),
            Some(Err(errors)) => return Err(SinceError::Keys(errors)),
            None => all.push(None),
        }
    }
    Ok((all, warnings))
}

/// An earlier version whose Organisation is another than this one's: most likely the wrong file
/// (another region's workbook), whose differences would be shown as this one's changes.
pub(super) fn other_organisation(old: &Previous, now: &Checked) -> Option<Diagnostic> {
    let before = old.checked.agreement.as_ref()?.info.organisation.trim();
    let current = now.agreement.as_ref()?.info.organisation.trim();
    let differ =
        !before.is_empty() && !current.is_empty() && !crate::workbook::same_name(before, current);
    differ.then(|| {
        Diagnostic::new(
            Place::Input,
            Problem::PreviousOfOtherOrganisation {
                previous: before.to_string(),
                current: current.to_string(),
            },
        )
    })
}

/// Renders the planned PDFs, calling `done` as each finishes. They wait on disk under temporary
/// names until `commit`.
pub fn render(
    jobs: &[Job],
    engine: &Engine,
    done: &(dyn Fn(&Job, LaidOut) + Sync),
) -> Result<Vec<StagedFile>, RenderError> {
    render::render_jobs(jobs, engine, done)
}

/// The products of a project besides its PDFs, in the build record.
const UPDATED_WORKBOOK: &str = "updated-workbook";
const FILLED_TEMPLATES: &str = "templates";

/// The product name of a project's `kind` of output in the build record (see `render::record`).
fn product(kind: &str, p: &CheckedProject, output: &Path) -> String {
    format!(
        "{kind}:{}",
        record::relative(output, &p.project.output_dir(output))
    )
}

/// The updated workbook of every project that has an agreement with insatser (with a sheet
/// `Förändringar` where `changes` has the project's changes). A workbook the last build made from
/// the same cells, checks and changes is kept (`reuse`), not made again.
pub(crate) fn updated_workbooks(
    projects: &[CheckedProject],
    output: &Path,
    changes: &[Option<Changes>],
    reuse: &mut Reuse,
) -> Vec<WorkbookToMake> {
    let mut wanted = Vec::new();
    for (n, p) in projects.iter().enumerate() {
        if let (Some(book), Some(agreement)) = (&p.book, p.usable()) {
            if !agreement.has_initiatives() {
                continue;
            }
            let changes = changes.get(n).and_then(Option::as_ref);
            let mut key = KeyBuilder::new(UPDATED_WORKBOOK);
            key.hashed(book)
                .part(format!("{:?}", p.checked.diagnostics).as_bytes())
                .part(format!("{changes:?}").as_bytes());
            let product = product(UPDATED_WORKBOOK, p, output);
            if !reuse.keep(&product, key.finish()) {
                wanted.push(WorkbookToMake {
                    project: n,
                    product,
                });
            }
        }
    }
    wanted
}

/// A project's updated workbook that `make_workbooks` is to make.
pub struct WorkbookToMake {
    project: usize,
    product: String,
}

/// Makes the updated workbooks `updated_workbooks` chose, in memory, each with its product name.
pub(crate) fn make_workbooks(
    wanted: &[WorkbookToMake],
    projects: &[CheckedProject],
    output: &Path,
    changes: &[Option<Changes>],
) -> Result<Vec<(String, OutputFile)>, UpdatedWorkbookError> {
    wanted
        .iter()
        .filter_map(|w| {
            let p = &projects[w.project];
            let (book, checked) = (p.book.as_ref()?, &p.checked);
            Some(
                updated_workbook::file(
                    book,
                    checked,
                    &p.project.path,
                    &p.project.output_dir(output),
                    changes.get(w.project).and_then(Option::as_ref),
                )
                .map(|file| (w.product.clone(), file)),
            )
        })
        .collect()
}

/// The organisation's own templates in each project's `mallar/` folder, filled (with per-mottagare
/// copies on request). Every problem of every template is returned together. A project's templates
/// filled by the last build from the same cells and template files are kept (`reuse`); a fill that
/// warned is made every time, so its warnings are said every time.
pub(crate) fn filled_templates(
    projects: &[CheckedProject],
    output: &Path,
    per_recipient: bool,
    reuse: &mut Reuse,
) -> Result<FilledSet, ExcelTemplateErrors> {
    let mut all = FilledSet::default();
    let mut errors = Vec::new();
    for p in projects {
        let Some(agreement) = p.usable() else {
            continue;
        };
        let templates = excel_templates_in(&excel_templates_folder(&p.project.path));
        if templates.is_empty() {
            continue;
        }
        let mut key = KeyBuilder::new(FILLED_TEMPLATES);
        key.hashed(&p.book)
            .part(format!("{:?}", p.checked.diagnostics).as_bytes())
            .hashed(&per_recipient);
        for template in &templates {
            // Unreadable now: the fill below reports it.
            key.hashed(&template.file_name())
                .part(&std::fs::read(template).unwrap_or_default());
        }
        let product = product(FILLED_TEMPLATES, p, output);
        if reuse.keep(&product, key.finish()) {
            continue;
        }
        match fill_excel_templates(
            &templates,
            agreement,
            p.book.as_ref(),
            &p.project.output_dir(output),
            per_recipient,
        ) {
            Ok(filled) => {
                if filled.warnings.is_empty() {
                    for file in &filled.rendered {
                        reuse.made(&product, file.path.clone());
                    }
                } else {
                    reuse.forget(&product);
                }
                all.rendered.extend(filled.rendered);
                all.warnings.extend(filled.warnings);
            }
            Err(ExcelTemplateErrors(mut e)) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(all)
    } else {
        Err(ExcelTemplateErrors(errors))
    }
}

/// The planned PDFs the last build did not already make from the same key (`reuse` keeps those).
pub(crate) fn to_render(
    jobs: Vec<Job>,
    output: &Path,
    engine: &Engine,
    reuse: &mut Reuse,
) -> Vec<Job> {
    jobs.into_iter()
        .filter(|job| {
            let product = record::relative(output, &job.path);
            let kept = reuse.keep(&product, job.key(engine));
            if !kept {
                reuse.made(&product, job.path.clone());
            }
            !kept
        })
        .collect()
}

/// Writes every file atomically; the caller has made all of them first, so an error anywhere before
/// leaves the previous output untouched.
pub fn write(files: Vec<OutputFile>) -> Result<Vec<PathBuf>, WriteError> {
    render::write_all(files)
}

/// What a file of the output is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum FileKind {
    /// A PDF.
    Document(DocumentKind),
    /// The input with computed sums, Summering and Kontroll.
    UpdatedWorkbook,
    /// One of the organisation's own Excel templates, filled (or its copy for one Ansvarig).
    FilledTemplate,
}

/// A file of the output, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputPath {
    pub path: PathBuf,
    pub kind: FileKind,
}

/// What a build put in the output folder.
#[derive(Debug, Default)]
pub struct Written {
    /// Files made and written now.
    pub written: Vec<OutputPath>,
    /// Files the last build made from the same input, left as they were.
    pub kept: Vec<OutputPath>,
}

/// Puts the rendered PDFs and the files made in memory (workbooks) in place together, with the
/// build record that describes them (see `render::record`): the latter are staged too, then
/// everything is renamed, the record last. An error before this leaves the previous output and its
/// record. Returns what was written and kept, and the new record (for `--watch` to hold).
pub fn commit(
    mut staged: Vec<StagedFile>,
    files: Vec<OutputFile>,
    reuse: Reuse,
    output: &Path,
    kinds: &Kinds,
) -> Result<(Written, Record), WriteError> {
    for file in files {
        staged.push(render::stage(file.path, &file.bytes)?);
    }
    let (record, kept) = reuse.finish(&staged);
    let count = staged.len();
    staged.push(render::stage_file(record.file(output))?);
    let mut written = render::write_with(staged, Vec::new())?;
    written.truncate(count);
    Ok((
        Written {
            written: kinds.of_made(written),
            kept: kinds.of_kept(kept),
        },
        record,
    ))
}

/// What each file of a build is: the planned PDFs by their kind, the rest by the product that made
/// them (the updated workbook, or a filled template).
#[derive(Debug, Default)]
pub struct Kinds(std::collections::BTreeMap<PathBuf, FileKind>);

impl Kinds {
    pub fn insert(&mut self, path: &Path, kind: FileKind) {
        self.0.insert(path.to_path_buf(), kind);
    }

    /// The files made now: each was named when planned or made.
    fn of_made(&self, paths: Vec<PathBuf>) -> Vec<OutputPath> {
        paths
            .into_iter()
            .map(|path| {
                // Every file made was named; a workbook is the one kind not planned by path.
                let kind = self
                    .0
                    .get(&path)
                    .copied()
                    .unwrap_or(FileKind::UpdatedWorkbook);
                OutputPath { path, kind }
            })
            .collect()
    }

    /// The files kept from the last build: a PDF by its plan, a workbook or template by the product
    /// the record kept it for (the step that would have made it did not run).
    fn of_kept(&self, paths: Vec<(String, PathBuf)>) -> Vec<OutputPath> {
        paths
            .into_iter()
            .map(|(product, path)| {
                let kind = self.0.get(&path).copied().unwrap_or({
                    if product.starts_with(UPDATED_WORKBOOK) {
                        FileKind::UpdatedWorkbook
                    } else {
                        FileKind::FilledTemplate
                    }
                });
                OutputPath { path, kind }
            })
            .collect()
    }
}
