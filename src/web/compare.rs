//! Förändringar: the user chooses the last meeting's workbook, the page shows what changed since
//! (`pipeline::compare`, as `styrdok diff` does), and keeps showing it as the input is saved again.
//!
//! The upload is size-capped (`UPLOAD_LIMIT`; the reader's own zip guards still apply when it is
//! read), kept under a name of our making in a private temporary folder that ends with the server,
//! and never written into INDATA.

use super::files;
use super::live::{Previous, Shared};
use crate::workbook;
use axum::extract::{Multipart, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The largest upload taken: a workbook of the national size (290 organisations × 20 insatser) is a
/// few megabytes.
pub const UPLOAD_LIMIT: usize = 32 * 1024 * 1024;

/// Refuses an upload whose declared length is over the cap before its body is read; a body without
/// a length (chunked) is cut off at the cap by `DefaultBodyLimit` instead.
pub async fn declared_length(request: Request, next: Next) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > UPLOAD_LIMIT as u64) {
        return too_large();
    }
    next.run(request).await
}

pub(super) fn too_large() -> Response {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        format!(
            "Filen är för stor: högst {} MB.",
            UPLOAD_LIMIT / (1024 * 1024)
        ),
    )
        .into_response()
}

/// `POST /forandringar`: the last meeting's workbook (field `forra`). On success the page goes back
/// to Förändringar, which shows the comparison.
pub async fn upload(State(shared): State<Arc<Shared>>, mut multipart: Multipart) -> Response {
    let mut upload = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("forra") => {
                let name = field.file_name().unwrap_or("").to_string();
                match field.bytes().await {
                    Ok(bytes) => upload = Some((name, bytes)),
                    Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return too_large(),
                    Err(e) => return refused(e.status(), &e.body_text()),
                }
            }
            Ok(Some(_)) => continue,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return too_large(),
            Err(e) => return refused(e.status(), &e.body_text()),
        }
    }
    let Some((name, bytes)) = upload.filter(|(_, bytes)| !bytes.is_empty()) else {
        return refused(
            StatusCode::BAD_REQUEST,
            "Välj förra mötets arbetsbok först.",
        );
    };
    // The upload keeps its extension, which tells the reader how to read it.
    let name_path = std::path::Path::new(&name);
    let extension = name_path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .filter(|_| workbook::has_workbook_extension(name_path));
    let Some(extension) = extension else {
        return refused(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &format!(
                "Det är ingen arbetsbok: välj en fil som slutar på {}.",
                workbook::extension_list()
            ),
        );
    };
    let held = shared.clone();
    let shown = display_name(&name);
    let saved = tokio::task::spawn_blocking(move || {
        let path = held.upload_path(&extension)?;
        std::fs::write(&path, &bytes)?;
        // A file that is no workbook is said now, under its own name, and the comparison the page
        // had stays; taken, it would only fail at the next build, named as the upload is stored.
        if let Err(errors) = workbook::load(&path) {
            let _ = std::fs::remove_file(&path);
            let stored = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let said: Vec<(String, &'static str)> = errors
                .iter()
                .map(|e| {
                    let message = e.to_string();
                    let message = match &stored {
                        Some(stored) => message.replace(stored.as_str(), &shown),
                        None => message,
                    };
                    (message, e.fix())
                })
                .collect();
            return Ok(Err(said));
        }
        held.compare_with(Previous { name: shown, path });
        Ok::<_, std::io::Error>(Ok(()))
    })
    .await;
    match saved {
        Ok(Ok(Ok(()))) => {
            (StatusCode::SEE_OTHER, [(header::LOCATION, "/forandringar")]).into_response()
        }
        Ok(Ok(Err(said))) => {
            let snapshot = shared.snapshot();
            let body = super::views::unreadable_previous(&said, super::views::changes(&snapshot));
            let page = super::views::page(super::views::View::Changes, &snapshot, body);
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                axum::response::Html(page.into_string()),
            )
                .into_response()
        }
        Ok(Err(e)) => refused(
            StatusCode::INTERNAL_SERVER_ERROR,
            &format!("Filen kunde inte sparas: {e}"),
        ),
        Err(_) => files::not_found(),
    }
}

/// The uploaded file's own name, for the page to say what it compared with (never used as a path).
fn display_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    last.chars().filter(|c| !c.is_control()).take(120).collect()
}

fn refused(status: StatusCode, text: &str) -> Response {
    (status, text.to_string()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_only_shown() {
        assert_eq!(display_name("C:\\Users\\a\\förra.xlsx"), "förra.xlsx");
        assert_eq!(display_name("../../etc/ok.xlsx"), "ok.xlsx");
        assert_eq!(display_name("a\u{0}b.xlsx"), "ab.xlsx");
    }
}
