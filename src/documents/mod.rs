//! One module per output document: the model turned into the data its template renders.

pub mod deck;
pub mod mandate;
pub mod naming;
mod org_chart;
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

fn render<T: Serialize>(
    engine: &Engine,
    template: &str,
    data: &T,
    date: NaiveDate,
    path: PathBuf,
) -> Result<Rendered, BuildError> {
    let json = serde_json::to_vec(data)?;
    let ident = format!(
        "styrdok/{}/{}",
        template,
        path.file_name().unwrap_or_default().to_string_lossy()
    );
    let bytes = engine.pdf(template, &json, date, &ident)?;
    Ok(Rendered { path, bytes })
}

/// Every document of one agreement, rendered in memory: the deck and the återrapport when there is
/// money to show, and one uppdragsbeskrivning per uppdrag in `uppdrag/`.
pub fn render_all(
    agreement: &Agreement,
    out_dir: &Path,
    engine: &Engine,
) -> Result<Vec<Rendered>, BuildError> {
    let mut rendered = Vec::new();
    if agreement.has_initiatives() {
        let deck_path = out_dir.join(format!("statusbilder-{}.pdf", agreement.info.year));
        rendered.push(render(
            engine,
            deck::TEMPLATE,
            &deck::build(agreement),
            agreement.info.date,
            deck_path,
        )?);
        let report_path = out_dir.join(format!("aterrapport-{}.pdf", agreement.info.year));
        rendered.push(render(
            engine,
            report::TEMPLATE,
            &report::build(agreement),
            agreement.info.date,
            report_path,
        )?);
    }
    let mut names = naming::UniqueNames::default();
    for m in &agreement.mandates {
        let stem = format!(
            "{}-{}",
            naming::slug(&m.id, "uppdrag"),
            naming::slug(&m.title, "beskrivning")
        );
        let path = out_dir.join("uppdrag").join(names.take(&stem, "pdf"));
        let date = m.date.unwrap_or(agreement.info.date);
        rendered.push(render(
            engine,
            mandate::TEMPLATE,
            &mandate::build(agreement, m),
            date,
            path,
        )?);
    }
    Ok(rendered)
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
