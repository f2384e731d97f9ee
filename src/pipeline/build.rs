//! `build`: every project checked, and when none has errors every document made and written
//! together. Returns what happened as data; the command (or a web page) says it in its own way.

use super::{CheckedProject, FileKind, Kinds, OutputError, Progress, ProjectDiagnostics, Written};
use crate::changes::{Changes, ChangesError};
use crate::diagnostics::Diagnostic;
use crate::documents::Options;
use crate::render::record::{Record, Reuse};
use crate::render::templates::TemplateFiles;
use crate::render::{Engine, Job, WriteError, write_atomic};
use crate::xlsx::fill::{ExcelTemplateError, ExcelTemplateErrors};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a build is asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildRequest {
    pub input: PathBuf,
    pub output: PathBuf,
    pub documents: Options,
    /// A region's own Typst templates (see `styrdok templates export`).
    pub templates: Option<PathBuf>,
    /// Where to write the exact JSON each document is rendered from.
    pub dump_data: Option<PathBuf>,
    /// The last meeting's version (`--sedan`): its changes go into the deck, report and workbook.
    pub since: Option<PathBuf>,
    /// Make every file, also those the last build made from the same input (`--allt`).
    pub full: bool,
}

/// What the last meeting's version and the organisation's Excel templates had to say. The
/// stopping ones (`stops`) mean nothing was written, as input errors do.
#[derive(Debug)]
pub enum Note {
    /// The last meeting's version's own problems: history, reported as warnings.
    PreviousProblems(Vec<Diagnostic>),
    /// The last meeting's version could not be read at all.
    PreviousUnreadable {
        path: PathBuf,
        problems: Vec<Diagnostic>,
    },
    /// Insatser of either version cannot be told apart (duplicate keys).
    Keys(Vec<ChangesError>),
    /// The organisation's own templates have errors.
    Templates(ExcelTemplateErrors),
    /// A template was filled, with something to say about it.
    TemplateWarning(ExcelTemplateError),
}

impl Note {
    /// Whether this note stopped the build.
    pub fn stops(&self) -> bool {
        matches!(
            self,
            Note::PreviousUnreadable { .. } | Note::Keys(_) | Note::Templates(_)
        )
    }
}

/// What one build did.
#[derive(Debug)]
pub struct Built {
    /// Every project's diagnostics.
    pub projects: Vec<ProjectDiagnostics>,
    pub notes: Vec<Note>,
    /// The files written and kept, `Ok(None)` when the input (or a note) stopped the build and
    /// nothing was written, `Err` when the documents could not be made or written.
    pub written: Result<Option<Written>, OutputError>,
    /// From the start of reading to the last file renamed into place.
    pub took: Duration,
}

impl Built {
    /// Whether a file could not be read at all (one being saved, in `--watch`).
    pub fn unreadable(&self) -> bool {
        self.projects
            .iter()
            .any(|p| p.diagnostics.iter().any(Diagnostic::is_unreadable))
    }
}

/// Checks every project, and when none has errors makes and writes all documents, telling
/// `progress` as they are rendered. `record` is the build record to start from (`--watch` and a
/// web page hold it between saves); `None` reads the one in the output folder. After a successful
/// build it holds the new record.
pub fn build(
    request: &BuildRequest,
    progress: &(dyn Fn(Progress<'_>) + Sync),
    record: &mut Option<Record>,
) -> Built {
    let started = Instant::now();
    let projects = super::check_projects(&request.input);
    let mut notes = Vec::new();
    let written = if projects.iter().any(|p| p.usable().is_none()) {
        Ok(None)
    } else {
        make_and_write(&projects, request, progress, &mut notes, record)
    };
    Built {
        projects: ProjectDiagnostics::of(&projects),
        notes,
        written,
        took: started.elapsed(),
    }
}

/// Makes every file and writes them all; `Ok(None)` when the last meeting's version or a template
/// has errors (in `notes`), so nothing is written.
fn make_and_write(
    projects: &[CheckedProject],
    request: &BuildRequest,
    progress: &(dyn Fn(Progress<'_>) + Sync),
    notes: &mut Vec<Note>,
    record: &mut Option<Record>,
) -> Result<Option<Written>, OutputError> {
    let previous = match (request.full, record.take()) {
        (true, _) => Record::default(),
        (false, Some(held)) => held,
        (false, None) => Record::read(&request.output),
    };
    let mut reuse = Reuse::new(&request.output, previous);
    let Some(changes) = changes(request, projects, notes) else {
        return Ok(None);
    };
    // The organisation's own Excel templates (`mallar/`), filled before any PDF is set: a broken
    // template stops the build as an input error does.
    let filled = match super::filled_templates(
        projects,
        &request.output,
        request.documents.per_recipient,
        &mut reuse,
    ) {
        Ok(filled) => filled,
        Err(errors) => {
            notes.push(Note::Templates(errors));
            return Ok(None);
        }
    };
    notes.extend(filled.warnings.into_iter().map(Note::TemplateWarning));
    let engine = match &request.templates {
        None => Engine::new(),
        Some(dir) => Engine::with_templates(TemplateFiles::from_folder(dir)?),
    };

    let planned = super::plan(projects, &request.output, request.documents, &changes)?;
    let mut kinds = Kinds::default();
    for (kind, job) in &planned {
        kinds.insert(&job.path, FileKind::Document(*kind));
    }
    for file in &filled.rendered {
        kinds.insert(&file.path, FileKind::FilledTemplate);
    }
    let jobs: Vec<Job> = planned.into_iter().map(|(_, job)| job).collect();
    if let Some(dir) = &request.dump_data {
        dump(&jobs, &request.output, dir)?;
    }
    let jobs = super::to_render(jobs, &request.output, &engine, &mut reuse);
    let workbooks = super::updated_workbooks(projects, &request.output, &changes, &mut reuse);
    progress(Progress::Rendering { total: jobs.len() });
    // The updated workbooks are made beside the PDFs (10 000 insatser: 0.45 s that no longer waits
    // for the long documents, which keep only part of the cores busy), and join them, so all files
    // are written together or none is.
    let (rendered, workbooks) = std::thread::scope(|scope| {
        let workbooks =
            scope.spawn(|| super::make_workbooks(&workbooks, projects, &request.output, &changes));
        let rendered = super::render(&jobs, &engine, &|job, laid_out| {
            progress(Progress::Rendered {
                path: &job.path,
                laid_out,
            })
        });
        let workbooks = workbooks
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (rendered, workbooks)
    });
    progress(Progress::Finished);
    let staged = rendered?;
    let mut files = Vec::new();
    for (product, file) in workbooks? {
        reuse.made(&product, file.path.clone());
        files.push(file);
    }
    files.extend(filled.rendered);
    let (written, new_record) = super::commit(staged, files, reuse, &request.output, &kinds)?;
    *record = Some(new_record);
    Ok(Some(written))
}

/// The changes of each project since `--sedan` (empty without it), with the earlier version's own
/// problems noted; `None` (noted why) when they cannot be found, so nothing is built.
fn changes(
    request: &BuildRequest,
    projects: &[CheckedProject],
    notes: &mut Vec<Note>,
) -> Option<Vec<Option<Changes>>> {
    let Some(previous) = &request.since else {
        return Some(Vec::new());
    };
    match super::changes_since(previous, projects) {
        Ok((changes, warnings)) => {
            if !warnings.is_empty() {
                notes.push(Note::PreviousProblems(warnings));
            }
            Some(changes)
        }
        Err(super::SinceError::Unreadable { path, problems }) => {
            notes.push(Note::PreviousUnreadable { path, problems });
            None
        }
        Err(super::SinceError::Keys(errors)) => {
            notes.push(Note::Keys(errors));
            None
        }
    }
}

/// Each document's data as `<dir>/<same path as the PDF>.json`, plus `<…>.template` naming its
/// template, so the stock typst CLI can render exactly the same document.
fn dump(jobs: &[Job], output: &Path, dir: &Path) -> Result<(), WriteError> {
    for job in jobs {
        let relative = job.path.strip_prefix(output).unwrap_or(&job.path);
        let target = dir.join(relative).with_extension("json");
        write_atomic(&target, &job.data)?;
        write_atomic(&target.with_extension("template"), job.template.as_bytes())?;
    }
    Ok(())
}
