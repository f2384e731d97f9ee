//! One module per output document: the model turned into the data its template renders.

pub mod deck;
pub mod mandate;
pub mod naming;
mod org_chart;
pub mod recipient;
pub mod report;
pub mod updated_workbook;

use crate::changes::Changes;
use crate::checks::Checked;
use crate::model::Agreement;
use crate::render::{Engine, RenderError, WriteError, write_atomic};
use crate::workbook::Workbook;
use chrono::NaiveDate;
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("dokumentdata kunde inte skapas: {0}")]
    Data(#[from] serde_json::Error),
    #[error("blanketten kunde inte skapas: {0}")]
    Form(String),
    #[error(transparent)]
    UpdatedWorkbook(#[from] updated_workbook::UpdatedWorkbookError),
}

/// A rendered document, not yet written.
pub struct Rendered {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// One document to make: its template and the exact data it is rendered from. Data is serialised up
/// front so rendering needs nothing but the shared engine and can run on any thread.
pub struct Job {
    pub template: &'static str,
    pub data: Vec<u8>,
    pub date: NaiveDate,
    pub path: PathBuf,
}

impl Job {
    fn new<T: Serialize>(
        template: &'static str,
        data: &T,
        date: NaiveDate,
        path: PathBuf,
    ) -> Result<Job, BuildError> {
        Ok(Job {
            template,
            data: serde_json::to_vec(data)?,
            date,
            path,
        })
    }

    pub fn render(&self, engine: &Engine) -> Result<Rendered, BuildError> {
        // The identifier is the file name, so it stays the same from build to build.
        let ident = format!(
            "styrdok/{}/{}",
            self.template,
            self.path.file_name().unwrap_or_default().to_string_lossy()
        );
        let bytes = engine.pdf(self.template, &self.data, self.date, &ident)?;
        Ok(Rendered {
            path: self.path.clone(),
            bytes,
        })
    }
}

/// What to make besides the standard documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// One short återrapport per Ansvarig in `mottagare/`.
    pub per_recipient: bool,
}

/// Every document of one agreement: the deck and the återrapport when there is money to show, one
/// uppdragsbeskrivning per uppdrag in `uppdrag/`, and on request one report per Ansvarig.
pub fn plan(
    agreement: &Agreement,
    out_dir: &Path,
    options: Options,
) -> Result<Vec<Job>, BuildError> {
    plan_with(agreement, out_dir, options, None)
}

/// The same, with the changes since the last meeting in the deck and the återrapport.
pub fn plan_with(
    agreement: &Agreement,
    out_dir: &Path,
    options: Options,
    changes: Option<&Changes>,
) -> Result<Vec<Job>, BuildError> {
    let mut jobs = Vec::new();
    let date = agreement.info.date;
    if agreement.has_initiatives() {
        let year = agreement.info.year;
        jobs.push(Job::new(
            deck::TEMPLATE,
            &deck::build_with(agreement, changes),
            date,
            out_dir.join(format!("statusbilder-{year}.pdf")),
        )?);
        jobs.push(Job::new(
            report::TEMPLATE,
            &report::build_with(agreement, changes),
            date,
            out_dir.join(format!("aterrapport-{year}.pdf")),
        )?);
    }
    if options.per_recipient && agreement.has_initiatives() {
        let mut names = naming::UniqueNames::default();
        for name in recipient::recipients(agreement) {
            let path = out_dir
                .join("mottagare")
                .join(names.take(&naming::slug(&name, "mottagare"), "pdf"));
            jobs.push(Job::new(
                recipient::TEMPLATE,
                &recipient::build(agreement, &name),
                date,
                path,
            )?);
        }
    }
    let mut names = naming::UniqueNames::default();
    for m in &agreement.mandates {
        let stem = format!(
            "{}-{}",
            naming::slug(&m.id, "uppdrag"),
            naming::slug(&m.title, "beskrivning")
        );
        let path = out_dir.join("uppdrag").join(names.take(&stem, "pdf"));
        jobs.push(Job::new(
            mandate::TEMPLATE,
            &mandate::build(agreement, m),
            m.date.unwrap_or(date),
            path,
        )?);
    }
    Ok(jobs)
}

/// Documents rendered between two evictions of Typst's caches.
const EVICT_EVERY: usize = 48;
/// Data this large (a deck or report of thousands of insatser) marks a long document.
const LARGE_DATA: usize = 256 * 1024;

/// Renders the jobs in parallel (rayon's pool: `--jobs` sets its size), keeping their order; the first
/// failing job in that order is the error, so the same input always reports the same failure.
pub fn render_jobs(jobs: &[Job], engine: &Engine) -> Result<Vec<Rendered>, BuildError> {
    render_jobs_with(jobs, engine, &|| {})
}

/// The same, calling `done` as each document finishes (for a progress bar).
pub fn render_jobs_with(
    jobs: &[Job],
    engine: &Engine,
    done: &(dyn Fn() + Sync),
) -> Result<Vec<Rendered>, BuildError> {
    use rayon::prelude::*;
    let mut results: Vec<Option<Result<Rendered, BuildError>>> =
        jobs.iter().map(|_| None).collect();
    // Large documents (by their data) first and together, so the long ones run side by side instead
    // of one thread finishing both while the other idles; then the small ones in batches.
    let (large, small): (Vec<usize>, Vec<usize>) =
        (0..jobs.len()).partition(|&i| jobs[i].data.len() >= LARGE_DATA);
    let batches = std::iter::once(large.as_slice()).chain(small.chunks(EVICT_EVERY));
    for (n, batch) in batches.enumerate().filter(|(_, b)| !b.is_empty()) {
        let done_batch: Vec<(usize, Result<Rendered, BuildError>)> = batch
            .par_iter()
            .with_max_len(1)
            .map(|&i| {
                let result = jobs[i].render(engine);
                done();
                (i, result)
            })
            .collect();
        for (i, result) in done_batch {
            results[i] = Some(result);
        }
        // Typst's memo caches are process-wide and never shrink on their own, so hundreds of reports
        // would pile up in memory. Evict between batches, never while a document compiles (evicting
        // under a running compilation makes it start over). The long documents' layouts serve no
        // other document: they go at once (−250 MB peak with 5 800 insatser); the small ones keep
        // what the next batch shares with them (template, fonts) for two batches.
        let keep_batches = if n == 0 { 0 } else { 2 };
        typst::comemo::evict(keep_batches);
    }
    results.into_iter().flatten().collect()
}

/// Every document of one agreement, rendered in memory (see `plan`).
pub fn render_all(
    agreement: &Agreement,
    out_dir: &Path,
    engine: &Engine,
) -> Result<Vec<Rendered>, BuildError> {
    render_jobs(&plan(agreement, out_dir, Options::default())?, engine)
}

/// Writes rendered documents, each atomically; call it only once everything has rendered, so a
/// failing template leaves the previous output as it was.
pub fn write_all(rendered: Vec<Rendered>) -> Result<Vec<PathBuf>, BuildError> {
    let mut written = Vec::new();
    for doc in rendered {
        write_atomic(&doc.path, &doc.bytes)?;
        written.push(doc.path);
    }
    Ok(written)
}

/// The updated workbook of one project, rendered in memory: `<input-name>-uppdaterad.xlsx` in
/// `out_dir`. Call it only when the agreement has insatser.
pub fn render_updated_workbook(
    book: &Workbook,
    checked: &Checked,
    input: &Path,
    out_dir: &Path,
) -> Result<Rendered, BuildError> {
    render_updated_workbook_with(book, checked, input, out_dir, None)
}

/// The same, with a sheet `Förändringar` when the changes since the last meeting are given.
pub fn render_updated_workbook_with(
    book: &Workbook,
    checked: &Checked,
    input: &Path,
    out_dir: &Path,
    changes: Option<&Changes>,
) -> Result<Rendered, BuildError> {
    let bytes = updated_workbook::render_with(book, checked, changes)?;
    let path = out_dir.join(format!("{}-uppdaterad.xlsx", input_name(book, input)));
    Ok(Rendered { path, bytes })
}

/// The name the updated workbook is known by: the file holding `Insatser`, else the input file,
/// else the input folder. Rebuilding from an updated workbook keeps its name instead of growing
/// `-uppdaterad-uppdaterad`.
fn input_name(book: &Workbook, input: &Path) -> String {
    let stem = |p: &Path| {
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty())
    };
    let name = book
        .sheets_named(crate::model::INITIATIVES_SHEET)
        .first()
        .and_then(|s| stem(Path::new(&s.file)))
        .or_else(|| input.is_file().then(|| stem(input)).flatten())
        .or_else(|| input.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "arbetsbok".to_string());
    match name.strip_suffix("-uppdaterad") {
        Some(base) if !base.is_empty() => base.to_string(),
        _ => name,
    }
}
