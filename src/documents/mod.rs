//! One module per output document: the model turned into the data its template renders.

pub mod deck;
pub mod mandate;
pub mod naming;
mod org_chart;
pub mod recipient;
pub mod report;

use crate::model::Agreement;
use crate::render::{Engine, RenderError, WriteError, write_atomic};
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
    let mut jobs = Vec::new();
    let date = agreement.info.date;
    if agreement.has_initiatives() {
        let year = agreement.info.year;
        jobs.push(Job::new(
            deck::TEMPLATE,
            &deck::build(agreement),
            date,
            out_dir.join(format!("statusbilder-{year}.pdf")),
        )?);
        jobs.push(Job::new(
            report::TEMPLATE,
            &report::build(agreement),
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
    jobs.par_iter()
        .map(|job| {
            let rendered = job.render(engine);
            done();
            rendered
        })
        .collect::<Vec<_>>()
        .into_iter()
        .collect()
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
