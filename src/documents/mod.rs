//! One module per output document: the model turned into the data its template renders.

pub mod deck;

use crate::model::Agreement;
use crate::render::{Engine, RenderError, WriteError, write_atomic};
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
    agreement: &Agreement,
    path: PathBuf,
) -> Result<Rendered, BuildError> {
    let json = serde_json::to_vec(data)?;
    let ident = format!(
        "styrdok/{}/{}",
        template,
        path.file_name().unwrap_or_default().to_string_lossy()
    );
    let bytes = engine.pdf(template, &json, agreement.info.date, &ident)?;
    Ok(Rendered { path, bytes })
}

/// Renders every document first and only then writes them, so a failing template writes nothing.
pub fn build_all(
    agreement: &Agreement,
    out_dir: &Path,
    engine: &Engine,
) -> Result<Vec<PathBuf>, BuildError> {
    let deck_path = out_dir.join(format!("statusbilder-{}.pdf", agreement.info.year));
    let rendered = vec![render(
        engine,
        deck::TEMPLATE,
        &deck::build(agreement),
        agreement,
        deck_path,
    )?];
    let mut written = Vec::new();
    for doc in rendered {
        write_atomic(&doc.path, &doc.bytes)?;
        written.push(doc.path);
    }
    Ok(written)
}
