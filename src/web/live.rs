//! The page's state between builds: the `--watch` loop of `pipeline::watch` runs on its own thread,
//! one build at a time, and after each build publishes a new `Snapshot` that every request (and every
//! tab) reads. A build that writes nothing keeps the last good documents, as `build --watch` does.

use crate::commands::build::note_text;
use crate::diagnostics::Diagnostic;
use crate::diagnostics::{Place, column_letters};
use crate::pipeline::watch::{Attempt, Control, Event, Step, WatchError, watch};
use crate::pipeline::{
    self, BuildRequest, Built, Collected, Comparisons, FileKind, Note, OutputPath, Progress,
    ProjectDiagnostics,
};
use crate::workbook::excel_templates_folder;
use crate::workbook::{self, Value, Workbook};
use crate::xlsx::fill::ExcelTemplateError;
use crate::xlsx::fill::folder::excel_templates_in;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};

/// One project of the input as the last build read it.
#[derive(Debug, Clone)]
pub struct ProjectView {
    /// The subfolder's name; `None` for the input itself.
    pub name: Option<String>,
    pub path: PathBuf,
    /// The workbook files of the project (file names), in name order.
    pub workbooks: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// The organisation's own Excel templates in the project's `mallar/` (file names).
    pub templates: Vec<String>,
    /// The row of each problem cell, so the cell can be found in Excel (see `Row`).
    pub rows: HashMap<(String, String, u32), Row>,
}

/// A row of a sheet as the Problem view shows it beside a problem in it: each used column's heading
/// (from the sheet's first row) and the cell's text, the problem's column marked.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub cells: Vec<RowCell>,
}

#[derive(Debug, Clone)]
pub struct RowCell {
    /// `E`, and the heading of the column (`Belopp`), if the sheet's first row has one.
    pub column: String,
    pub heading: String,
    pub text: String,
}

/// Columns shown of a row, and characters of a cell: enough to recognise the row.
const ROW_COLUMNS: usize = 14;
const CELL_CHARS: usize = 80;

impl ProjectView {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// What the last finished build came to.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Files written now and kept from the build before.
    Written { written: usize, kept: usize },
    /// The input (or a template, or the last meeting's version) has errors: nothing written.
    InputErrors,
    /// The documents could not be made or written (the reason, in Swedish).
    Failed(String),
    /// Only checked so far: the first build is making the documents.
    Checked,
}

/// One finished build.
#[derive(Debug, Clone)]
pub struct Finished {
    pub projects: Vec<ProjectView>,
    /// What the organisation's templates and the last meeting's version had to say, as text.
    pub notes: Vec<String>,
    /// The templates' errors (which stopped the build) and warnings, with their cells (Mallar).
    pub template_problems: Vec<ExcelTemplateError>,
    pub result: Outcome,
    /// The last meeting's workbook (its name) the deck and report were built against, as `--sedan`.
    pub since: Option<String>,
    pub at: SystemTime,
    pub took: Duration,
}

impl Finished {
    pub fn errors(&self) -> usize {
        self.projects.iter().map(ProjectView::errors).sum()
    }

    pub fn warnings(&self) -> usize {
        self.projects.iter().map(ProjectView::warnings).sum()
    }
}

/// A file of the output, addressed on the page by an opaque id (a digest of its place in the
/// output folder), never by a path taken from a request.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    /// Where it is on disk (made by the build, inside the output folder).
    pub path: PathBuf,
    /// Its path inside the output folder, with `/`, as the page shows it.
    pub name: String,
    pub kind: FileKind,
    pub bytes: u64,
    /// Changes when the file is written again (from its modification time and size): the page's
    /// pictures of it carry it in their address, or a browser shows the pictures it already has.
    pub version: String,
}

/// What every view shows; replaced whole after each build.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Counts the builds finished (and "building" changes), so a page knows whether it is behind.
    pub generation: u64,
    pub building: bool,
    pub last: Option<Finished>,
    /// The documents of the last build that wrote them, with when that was.
    pub documents: Vec<Document>,
    pub documents_at: Option<SystemTime>,
    /// A problem of the file watcher, if the last one had one.
    pub watch_problem: Option<String>,
    /// The input compared with the last meeting's workbook, once one was chosen (Förändringar).
    pub comparison: Option<Arc<Comparing>>,
    /// The forms written last (Blanketter), and the returned forms read last.
    pub forms: Option<Arc<FormsWritten>>,
    pub collecting: Option<Arc<Collecting>>,
}

/// A file the page offers that is not a document of the build (a form, a collected workbook), by an
/// opaque id as documents are.
#[derive(Debug, Clone)]
pub struct Download {
    pub id: String,
    pub path: PathBuf,
    /// Its path inside the folder it was written to, with `/`.
    pub name: String,
}

impl Download {
    /// `path`, written inside `folder`; `space` keeps ids of different folders apart.
    pub fn new(path: &Path, folder: &Path, space: &str) -> Download {
        let relative = path.strip_prefix(folder).unwrap_or(path);
        let name = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        Download {
            id: document_id(&format!("{space}/{name}")),
            path: path.to_path_buf(),
            name,
        }
    }
}

/// What writing the forms came to.
#[derive(Debug)]
pub struct FormsWritten {
    pub files: Vec<Download>,
    /// The input's errors, which stop the forms (see Problem).
    pub errors: usize,
    /// Why the forms could not be made or written.
    pub failed: Option<String>,
}

/// What reading the returned forms came to.
#[derive(Debug)]
pub struct Collecting {
    /// The collected workbook (in the private temporary folder).
    pub workbooks: Vec<Download>,
    pub collected: Option<Collected>,
    pub failed: Option<String>,
}

/// The last meeting's workbook, as uploaded.
#[derive(Debug, Clone)]
pub struct Previous {
    /// The name the user's file had (shown, never used as a path).
    pub name: String,
    /// Where it is kept: in the server's private temporary folder.
    pub path: PathBuf,
}

/// What changed since the last meeting's workbook.
#[derive(Debug)]
pub struct Comparing {
    pub name: String,
    pub comparisons: Comparisons,
}

impl Comparing {
    /// Whether the builds take the workbook as `--sedan`: only when every project could be
    /// compared with it, so a workbook that cannot be read never stops the documents.
    pub fn builds_with_it(&self) -> bool {
        self.comparisons.all_compared()
    }
}

/// What the server and the build thread share.
pub struct Shared {
    pub token: String,
    pub port: u16,
    /// `127.0.0.1:PORT`, `[::1]:PORT`, `localhost:PORT`: the only Host headers answered.
    pub hosts: Vec<String>,
    /// The same with `http://`: the only Origins a state-changing request may come from.
    pub origins: Vec<String>,
    pub control: Control,
    /// Page images of the documents, made on request.
    pub previews: super::pages::Previews,
    pub input: PathBuf,
    pub output: PathBuf,
    /// The private temporary folder uploads are kept in: made at the first upload (a server that
    /// took none leaves nothing behind, even when it is killed), removed when the server ends.
    uploads: Mutex<Option<tempfile::TempDir>>,
    uploaded: std::sync::atomic::AtomicU64,
    previous: Mutex<Option<Previous>>,
    snapshot: RwLock<Arc<Snapshot>>,
    /// Tells the open pages (their event streams) the generation; dropped when the server ends,
    /// which ends every stream.
    generations: Mutex<Option<tokio::sync::watch::Sender<u64>>>,
}

impl Shared {
    pub fn new(
        token: String,
        port: u16,
        control: Control,
        previews: super::pages::Previews,
        input: PathBuf,
        output: PathBuf,
    ) -> Shared {
        let hosts = vec![
            format!("127.0.0.1:{port}"),
            format!("[::1]:{port}"),
            format!("localhost:{port}"),
        ];
        let origins = hosts.iter().map(|h| format!("http://{h}")).collect();
        let (tx, _) = tokio::sync::watch::channel(0);
        Shared {
            token,
            port,
            hosts,
            origins,
            control,
            previews,
            input,
            output,
            uploads: Mutex::new(None),
            uploaded: std::sync::atomic::AtomicU64::new(0),
            previous: Mutex::new(None),
            snapshot: RwLock::new(Arc::new(Snapshot::default())),
            generations: Mutex::new(Some(tx)),
        }
    }

    /// The state as of now; cheap (a shared pointer), so a view never holds the lock.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// A stream's start: the generation now, then each new one; `None` once the server ends.
    pub fn subscribe(&self) -> Option<tokio::sync::watch::Receiver<u64>> {
        let generations = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        generations.as_ref().map(|tx| tx.subscribe())
    }

    /// Ends every page's event stream (the server is stopping).
    pub fn close(&self) {
        self.generations
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
    }

    fn update(&self, change: impl FnOnce(&mut Snapshot)) {
        let generation = {
            let mut current = self.snapshot.write().unwrap_or_else(|e| e.into_inner());
            let mut next = Snapshot::clone(&current);
            change(&mut next);
            next.generation += 1;
            let generation = next.generation;
            *current = Arc::new(next);
            generation
        };
        if let Some(tx) = self
            .generations
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
        {
            tx.send_replace(generation);
        }
    }

    /// The uploads folder, made now if this is the first upload.
    fn uploads(&self) -> std::io::Result<PathBuf> {
        let mut held = self.uploads.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(dir) = &*held {
            return Ok(dir.path().to_path_buf());
        }
        let dir = tempfile::Builder::new()
            .prefix("styrdok-serve-")
            .tempdir()?;
        let path = dir.path().to_path_buf();
        *held = Some(dir);
        Ok(path)
    }

    /// Removes the uploads folder and everything in it (the server is ending).
    pub fn remove_uploads(&self) {
        self.uploads
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
    }

    /// A new name in the uploads folder (each upload its own, so a comparison under way keeps its
    /// file).
    pub fn upload_path(&self, extension: &str) -> std::io::Result<PathBuf> {
        let n = self
            .uploaded
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Ok(self.uploads()?.join(format!("forra-{n}.{extension}")))
    }

    /// A new folder name in the uploads folder (made by whoever writes into it).
    pub fn upload_folder(&self, prefix: &str) -> std::io::Result<PathBuf> {
        let n = self
            .uploaded
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Ok(self.uploads()?.join(format!("{prefix}-{n}")))
    }

    pub fn set_forms(&self, forms: FormsWritten) {
        let forms = Arc::new(forms);
        self.update(|s| s.forms = Some(forms));
    }

    pub fn set_collected(&self, collecting: Collecting) {
        let collecting = Arc::new(collecting);
        self.update(|s| s.collecting = Some(collecting));
    }

    /// Any file the page offers by its id: a document of the last good build, a form, a collected
    /// workbook. The path and the name to download it under.
    pub fn file(&self, id: &str) -> Option<(PathBuf, String)> {
        let snapshot = self.snapshot();
        let documents = snapshot.documents.iter().map(|d| (&d.id, &d.path, &d.name));
        let forms = snapshot.forms.iter().flat_map(|f| &f.files);
        let collected = snapshot.collecting.iter().flat_map(|c| &c.workbooks);
        documents
            .chain(forms.chain(collected).map(|d| (&d.id, &d.path, &d.name)))
            .find(|(held, _, _)| *held == id)
            .map(|(_, path, name)| (path.clone(), name.clone()))
    }

    /// Compares the input with `previous` now, and after every build from now on, and has the deck
    /// and report rebuilt with its changes (`--sedan`); the file of the workbook chosen before goes.
    pub fn compare_with(&self, previous: Previous) {
        let replaced = self
            .previous
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .replace(previous.clone());
        if let Some(old) = replaced
            && old.path != previous.path
        {
            let _ = std::fs::remove_file(&old.path);
        }
        self.compare_again();
        self.control.rebuild();
    }

    /// Stops comparing: the workbook chosen goes, and the documents are rebuilt without its changes.
    pub fn stop_comparing(&self) {
        let gone = self
            .previous
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(gone) = gone {
            let _ = std::fs::remove_file(&gone.path);
        }
        self.update(|s| s.comparison = None);
        self.control.rebuild();
    }

    /// The comparison with the chosen workbook, made again (the input may have been saved since).
    fn compare_again(&self) {
        let Some(previous) = self
            .previous
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
        else {
            return;
        };
        let comparisons = pipeline::compare(&previous.path, &self.input);
        let comparing = Arc::new(Comparing {
            name: previous.name,
            comparisons,
        });
        self.update(|s| s.comparison = Some(comparing));
    }

    /// The last meeting's workbook for the next build's `--sedan`, when one is chosen and could be
    /// compared: its name and where it is kept.
    fn since(&self) -> Option<Previous> {
        let previous = self
            .previous
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()?;
        let snapshot = self.snapshot();
        let comparing = snapshot.comparison.as_ref()?;
        (comparing.name == previous.name && comparing.builds_with_it()).then_some(previous)
    }

    /// A document of the last good build by its id.
    pub fn document(&self, id: &str) -> Option<Document> {
        self.snapshot()
            .documents
            .iter()
            .find(|d| d.id == id)
            .cloned()
    }
}

/// Builds now and after every save of a workbook under the input, until `stop`; each build's
/// outcome goes into `shared`. The build record is held in memory, so a save makes only what it
/// changed.
pub fn run(shared: &Shared, request: &BuildRequest) -> Result<(), WatchError> {
    // The problems first: checking is a tenth of building the example (45 ms of 0.47 s), so the
    // page shows every problem while the documents are still being made.
    let started = Instant::now();
    let checked = pipeline::check_projects(&request.input);
    let projects = project_views(ProjectDiagnostics::of(&checked));
    drop(checked);
    shared.update(|s| {
        s.building = true;
        s.last = Some(Finished {
            projects,
            notes: Vec::new(),
            template_problems: Vec::new(),
            result: Outcome::Checked,
            since: None,
            at: SystemTime::now(),
            took: started.elapsed(),
        });
    });
    let mut record = None;
    let rebuild = |attempt: Attempt| {
        shared.update(|s| s.building = true);
        let since = shared.since();
        let request = BuildRequest {
            since: since.as_ref().map(|previous| previous.path.clone()),
            ..request.clone()
        };
        let laid_out = |progress: Progress<'_>| {
            if let Progress::Rendered { path, laid_out } = progress {
                shared.previews.laid_out(path, laid_out.pages());
            }
        };
        let built = pipeline::build(&request, &laid_out, &mut record);
        match (&built.written, &record) {
            (Ok(Some(files)), Some(record)) => {
                let paths = files.written.iter().chain(&files.kept);
                shared.previews.written(
                    record,
                    paths.map(|file| file.path.clone()),
                    request.since.as_deref(),
                );
            }
            _ => shared.previews.not_written(),
        }
        if built.unreadable() && !attempt.last_try {
            return Step::Retry;
        }
        let step = match &built.written {
            Ok(Some(files)) => Step::Done {
                written: files.written.len(),
                kept: files.kept.len(),
            },
            _ => Step::Failed,
        };
        let finished = finish(built, &request.output, since.map(|previous| previous.name));
        shared.update(|s| {
            s.building = false;
            if let Some(documents) = finished.1 {
                s.documents = documents;
                s.documents_at = Some(finished.0.at);
            }
            s.last = Some(finished.0);
        });
        shared.compare_again();
        step
    };
    let on_event = |event: Event| {
        if let Event::WatchFailed(problem) = event {
            shared.update(|s| s.watch_problem = Some(problem));
        }
    };
    watch(
        std::slice::from_ref(&request.input),
        std::slice::from_ref(&request.output),
        &shared.control,
        rebuild,
        on_event,
    )
}

/// A build as the page shows it, and the documents it wrote (`None` when it wrote nothing, so the
/// last good ones stay).
fn finish(built: Built, output: &Path, since: Option<String>) -> (Finished, Option<Vec<Document>>) {
    let projects = project_views(built.projects);
    let notes = built.notes.iter().map(note_text).collect();
    let template_problems = built
        .notes
        .iter()
        .flat_map(|note| match note {
            Note::Templates(errors) => errors.0.clone(),
            Note::TemplateWarning(warning) => vec![warning.clone()],
            _ => Vec::new(),
        })
        .collect();
    let (result, documents) = match built.written {
        Ok(Some(files)) => {
            let result = Outcome::Written {
                written: files.written.len(),
                kept: files.kept.len(),
            };
            let mut all = files.written;
            all.extend(files.kept);
            (result, Some(documents(all, output)))
        }
        Ok(None) => (Outcome::InputErrors, None),
        Err(e) => (Outcome::Failed(e.to_string()), None),
    };
    let finished = Finished {
        projects,
        notes,
        template_problems,
        result,
        since,
        at: SystemTime::now(),
        took: built.took,
    };
    (finished, documents)
}

fn project_views(projects: Vec<ProjectDiagnostics>) -> Vec<ProjectView> {
    projects
        .into_iter()
        .map(|p| ProjectView {
            workbooks: workbooks_of(&p.path),
            templates: excel_templates_in(&excel_templates_folder(&p.path))
                .iter()
                .filter_map(|t| t.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect(),
            rows: rows_of(&p.path, &p.diagnostics),
            name: p.name,
            path: p.path,
            diagnostics: p.diagnostics,
        })
        .collect()
}

/// The rows of the problem cells. The build does not hand back the cells it read, so a project with
/// problems in cells is read once more (only then: a build without them reads nothing again).
fn rows_of(path: &Path, diagnostics: &[Diagnostic]) -> HashMap<(String, String, u32), Row> {
    let cells: Vec<_> = diagnostics
        .iter()
        .filter_map(|d| match &d.place {
            Place::Cell(c) => Some(c),
            _ => None,
        })
        .collect();
    if cells.is_empty() {
        return HashMap::new();
    }
    let Ok(book) = workbook::load(path) else {
        return HashMap::new();
    };
    cells
        .into_iter()
        .filter_map(|c| {
            let row = row_of(&book, &c.file, &c.sheet, c.row)?;
            Some(((c.file.clone(), c.sheet.clone(), c.row), row))
        })
        .collect()
}

fn row_of(book: &Workbook, file: &str, sheet: &str, row: u32) -> Option<Row> {
    let sheet = book
        .sheets
        .iter()
        .find(|s| s.file == file && s.name == sheet)?;
    let header = sheet.origin.0;
    if row <= header {
        return None;
    }
    let first = sheet.origin.1;
    let last = sheet.last_col()?;
    let cells = (first..=last)
        .map(|col| RowCell {
            column: column_letters(col),
            heading: clip(&sheet.get(header, col).display()),
            text: clip(&shown(sheet.get(row, col))),
        })
        .filter(|cell| !cell.heading.is_empty() || !cell.text.is_empty())
        .take(ROW_COLUMNS)
        .collect();
    Some(Row { cells })
}

/// A cell as the row under a problem shows it: a whole number in groups of three («2 000 000», as
/// Excel shows an amount and as the message says it), anything else as read.
fn shown(value: &Value) -> String {
    match value {
        // From five digits: a year (2025) stays as written.
        Value::Number(n) if n.fract() == 0.0 && n.abs() >= 10_000.0 && n.abs() < 1e15 => {
            let sign = if *n < 0.0 { "-" } else { "" };
            format!(
                "{sign}{}",
                crate::diagnostics::group_digits(n.abs() as u128)
            )
        }
        other => other.display(),
    }
}

fn clip(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(CELL_CHARS) {
        Some((at, _)) => format!("{} …", &text[..at]),
        None => text.to_string(),
    }
}

/// The workbooks of a project: the file itself, or those directly in its folder (subfolders are
/// projects of their own).
fn workbooks_of(path: &Path) -> Vec<String> {
    let name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    if !path.is_dir() {
        return vec![name(path)];
    }
    let mut found: Vec<String> = std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && workbook::is_workbook_file(p))
        .map(|p| name(&p))
        .collect();
    found.sort();
    found
}

fn documents(files: Vec<OutputPath>, output: &Path) -> Vec<Document> {
    let mut documents: Vec<Document> = files
        .into_iter()
        .map(|file| {
            let relative = file.path.strip_prefix(output).unwrap_or(&file.path);
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let metadata = std::fs::metadata(&file.path).ok();
            let bytes = metadata.as_ref().map_or(0, |m| m.len());
            let modified = metadata
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            Document {
                id: document_id(&name),
                bytes,
                version: format!("{modified:x}-{bytes:x}"),
                path: file.path,
                name,
                kind: file.kind,
            }
        })
        .collect();
    documents.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    documents
}

/// A file's id on the page: 16 hex digits of the digest of its name in the output folder, so a
/// link stays the same across rebuilds and says nothing a request could turn into a path.
pub fn document_id(name: &str) -> String {
    let digest = Sha256::digest(name.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// A note of the build as the terminal says it (the same words).
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_hex_and_stable() {
        let id = document_id("statusbilder-2025.pdf");
        assert_eq!(id.len(), 16);
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(id, document_id("statusbilder-2025.pdf"));
        assert_ne!(id, document_id("aterrapport-2025.pdf"));
    }

    #[test]
    fn an_amount_in_the_row_reads_as_in_the_message() {
        assert_eq!(shown(&Value::Number(2_000_000.0)), "2\u{a0}000\u{a0}000");
        assert_eq!(shown(&Value::Number(-250_000.0)), "-250\u{a0}000");
        assert_eq!(shown(&Value::Number(2025.0)), "2025");
        assert_eq!(shown(&Value::Number(999.0)), "999");
        assert_eq!(shown(&Value::Number(0.5)), "0,5");
        assert_eq!(shown(&Value::Text("1a".into())), "1a");
    }
}
