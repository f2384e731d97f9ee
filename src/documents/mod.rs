//! One module per PDF document: the model turned into the data its template renders, and the plan
//! of which documents an agreement gets (`plan`). Rendering them is `render`'s job.

pub mod attention;
pub mod deck;
pub mod layout;
pub mod mandate;
mod org_chart;
pub mod recipient;
pub mod report;
pub mod summary;

use crate::changes::Changes;
use crate::model::Agreement;
use crate::render::Job;
use crate::render::naming;
use std::path::{Path, PathBuf};

/// Document data that could not be serialised: a bug, not bad input, but reported, not panicked.
#[derive(Debug, thiserror::Error)]
#[error("dokumentdata kunde inte skapas: {0}")]
pub struct PlanError(#[from] serde_json::Error);

/// What to make besides the standard documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// One short återrapport per Ansvarig in `mottagare/`.
    pub per_recipient: bool,
    /// Every insats in the återrapport's appendix, also of areas that are summarised.
    pub all_initiatives: bool,
}

/// What a planned PDF is, for a list of the output (a web page's Dokument, `Written`'s kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum DocumentKind {
    /// Statusbilder.
    Deck,
    /// Återrapport.
    Report,
    /// Återrapport per mottagare.
    RecipientReport,
    /// Uppdragsbeskrivning.
    Mandate,
    /// Another document of the Uppdrag sheet (handlingsplan, verksamhetsberättelse …).
    Document,
}

/// Every document of one agreement: the deck and the återrapport when there is money to show, one
/// uppdragsbeskrivning per uppdrag in `uppdrag/` (other document types, such as a handlingsplan, in
/// `dokument/`), and on request one report per Ansvarig.
pub fn plan(
    agreement: &Agreement,
    out_dir: &Path,
    options: Options,
    changes: Option<&Changes>,
) -> Result<Vec<(DocumentKind, Job)>, PlanError> {
    let mut jobs = Vec::new();
    let date = agreement.info.date;
    if agreement.has_initiatives() {
        let year = agreement.info.year;
        jobs.push((
            DocumentKind::Deck,
            Job::new(
                deck::TEMPLATE,
                &deck::build(agreement, options, changes),
                date,
                out_dir.join(format!("statusbilder-{year}.pdf")),
            )?,
        ));
        jobs.push((
            DocumentKind::Report,
            Job::new(
                report::TEMPLATE,
                &report::build(agreement, options, changes),
                date,
                out_dir.join(format!("aterrapport-{year}.pdf")),
            )?,
        ));
    }
    if options.per_recipient && agreement.has_initiatives() {
        use rayon::prelude::*;
        let reports = recipient::build_all(agreement);
        // Names in order (a second organisation of the same name gets "-2"), the data side by side.
        let mut names = naming::UniqueNames::default();
        let paths: Vec<PathBuf> = reports
            .iter()
            .map(|(name, _)| {
                out_dir
                    .join("mottagare")
                    .join(names.take(&naming::slug(name, "mottagare"), "pdf"))
            })
            .collect();
        let made: Vec<Result<Job, serde_json::Error>> = reports
            .par_iter()
            .zip(paths)
            .map(|((_, report), path)| Job::new(recipient::TEMPLATE, report, date, path))
            .collect();
        for job in made {
            jobs.push((DocumentKind::RecipientReport, job?));
        }
    }
    let mut names = naming::UniqueNames::default();
    for m in &agreement.mandates {
        let stem = format!(
            "{}-{}",
            naming::slug(&m.id, "uppdrag"),
            naming::slug(&m.title, "beskrivning")
        );
        let (kind, folder) = if m.is_mandate() {
            (DocumentKind::Mandate, "uppdrag")
        } else {
            (DocumentKind::Document, "dokument")
        };
        let path = out_dir.join(folder).join(names.take(&stem, "pdf"));
        let mut job = Job::new(
            mandate::TEMPLATE,
            &mandate::build(agreement, m),
            m.date.unwrap_or(date),
            path,
        )?;
        job.attachments = mandate::attachments(m);
        jobs.push((kind, job));
    }
    Ok(jobs)
}
