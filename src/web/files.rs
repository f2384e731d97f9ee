//! Downloads: one file of the last good build by its id, or all of them as a zip. A file is found
//! only among the documents the build recorded (so nothing outside the output folder, and nothing a
//! request names by path, can be read).

use super::live::Shared;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

/// `GET /fil/{id}`.
pub async fn one(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    let Some((path, name)) = shared.file(&id) else {
        return not_found();
    };
    match tokio::task::spawn_blocking(move || std::fs::read(path)).await {
        Ok(Ok(bytes)) => attachment(&name, content_type(&name), bytes),
        _ => not_found(),
    }
}

/// `GET /alla.zip`: every document, under its path in the output folder.
pub async fn all(State(shared): State<Arc<Shared>>) -> Response {
    let entries = shared
        .snapshot()
        .documents
        .iter()
        .map(|d| (d.path.clone(), d.name.clone()))
        .collect();
    archive("styrdok-dokument.zip", entries).await
}

/// `GET /blanketter.zip`: the forms written last.
pub async fn forms(State(shared): State<Arc<Shared>>) -> Response {
    let entries = shared
        .snapshot()
        .forms
        .iter()
        .flat_map(|f| &f.files)
        .map(|d| (d.path.clone(), d.name.clone()))
        .collect();
    archive("blanketter.zip", entries).await
}

async fn archive(name: &'static str, entries: Vec<(PathBuf, String)>) -> Response {
    match tokio::task::spawn_blocking(move || zip(&entries)).await {
        Ok(Ok(bytes)) => attachment(name, "application/zip", bytes),
        Ok(Err(e)) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("Zip-filen kunde inte göras: {e}"),
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

pub fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        "Filen finns inte (längre): ladda om sidan.",
    )
        .into_response()
}

#[derive(Debug, thiserror::Error)]
pub enum ZipError {
    #[error("{0}")]
    Read(#[from] std::io::Error),
    #[error("{0}")]
    Zip(#[from] zip::result::ZipError),
}

/// The documents in one archive, in the order the page lists them. PDFs and xlsx are compressed
/// already, so they are stored as they are.
fn zip(entries: &[(PathBuf, String)]) -> Result<Vec<u8>, ZipError> {
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (path, name) in entries {
        let bytes = std::fs::read(path)?;
        archive.start_file(name.as_str(), options)?;
        archive.write_all(&bytes)?;
    }
    Ok(archive.finish()?.into_inner())
}

fn content_type(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    if lower.ends_with(".pdf") {
        "application/pdf"
    } else if lower.ends_with(".xlsx") || lower.ends_with(".xlsm") {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    } else {
        "application/octet-stream"
    }
}

/// A download under the file's own name (its last part; RFC 6266 with a UTF-8 form for å, ä, ö).
fn attachment(name: &str, content_type: &'static str, bytes: Vec<u8>) -> Response {
    let file = name.rsplit('/').next().unwrap_or(name);
    let ascii: String = file
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = file
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        Body::from(bytes),
    )
        .into_response()
}
