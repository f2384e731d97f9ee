//! Blanketter: the forms written for each Ansvarig (into the output folder's `blanketter/`, as
//! `styrdok forms` writes them) and downloaded, and the returned forms read back (`pipeline::collect`)
//! into a collected workbook, with who has and has not reported.
//!
//! Returned forms are uploads: capped, kept in the private temporary folder under names of our
//! making, and the collected workbook is written there too (never into INDATA, and not over the
//! build's updated workbook in the output folder); the page offers it for download.

use super::compare::{UPLOAD_LIMIT, too_large};
use super::live::{Collecting, Download, FormsWritten, Shared};
use crate::pipeline;
use axum::extract::{Multipart, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::path::Path;
use std::sync::Arc;

/// Where the forms go inside the output folder (as `styrdok forms` writes them by default).
pub const FORMS_FOLDER: &str = "blanketter";

/// Returned forms taken in one upload: every Ansvarig of a national workbook (290) with room.
const MOST_FORMS: usize = 1000;

/// `POST /blanketter/skriv`.
pub async fn write(State(shared): State<Arc<Shared>>) -> Response {
    let held = shared.clone();
    let made = tokio::task::spawn_blocking(move || {
        let folder = held.output.join(FORMS_FOLDER);
        let made = pipeline::forms(&held.input, &folder, false);
        let written = match made {
            Ok(made) => FormsWritten {
                files: made
                    .written
                    .iter()
                    .map(|path| Download::new(path, &folder, FORMS_FOLDER))
                    .collect(),
                errors: made.diagnostics.iter().filter(|d| d.is_error()).count(),
                failed: None,
            },
            Err(e) => FormsWritten {
                files: Vec::new(),
                errors: 0,
                failed: Some(e.to_string()),
            },
        };
        held.set_forms(written);
    })
    .await;
    match made {
        Ok(()) => back(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `POST /blanketter/inkomna`: the returned forms (field `blanketter`, any number of files).
pub async fn collect(State(shared): State<Arc<Shared>>, mut multipart: Multipart) -> Response {
    let folder = match shared.upload_folder("inkomna") {
        Ok(folder) => folder,
        Err(e) => return not_saved(&e),
    };
    let mut names = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return too_large(),
            Err(e) => return (e.status(), e.body_text()).into_response(),
        };
        if field.name() != Some("blanketter") {
            continue;
        }
        if names.len() >= MOST_FORMS {
            return (
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("Högst {MOST_FORMS} blanketter åt gången."),
            )
                .into_response();
        }
        let name = safe_name(field.file_name().unwrap_or(""), names.len());
        let bytes = match field.bytes().await {
            Ok(bytes) => bytes,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return too_large(),
            Err(e) => return (e.status(), e.body_text()).into_response(),
        };
        if bytes.is_empty() {
            continue;
        }
        let Some(name) = name else {
            return (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Välj blanketterna: arbetsböcker som slutar på .xlsx.",
            )
                .into_response();
        };
        let unique = if names.contains(&name) {
            format!("{}-{name}", names.len() + 1)
        } else {
            name
        };
        if let Err(e) = std::fs::create_dir_all(&folder)
            .and_then(|()| std::fs::write(folder.join(&unique), &bytes))
        {
            return not_saved(&e);
        }
        names.push(unique);
    }
    if names.is_empty() {
        return (
            StatusCode::BAD_REQUEST,
            "Välj de ifyllda blanketterna först.",
        )
            .into_response();
    }
    let held = shared.clone();
    let done = tokio::task::spawn_blocking(move || {
        let collected = held.upload_folder("insamlat").map(|out| {
            let collected = pipeline::collect(&folder, &held.input, &out, false);
            (out, collected)
        });
        let (out, collected) = match collected {
            Ok((out, collected)) => (out, collected.map_err(|e| e.to_string())),
            Err(e) => (folder.clone(), Err(e.to_string())),
        };
        let view = match collected {
            Ok(collected) => Collecting {
                workbooks: collected
                    .written
                    .iter()
                    .map(|path| Download::new(path, &out, "insamlat"))
                    .collect(),
                collected: Some(collected),
                failed: None,
            },
            Err(why) => Collecting {
                workbooks: Vec::new(),
                collected: None,
                failed: Some(why),
            },
        };
        held.set_collected(view);
    })
    .await;
    match done {
        Ok(()) => back(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// A returned form's own name when it is a plain file name of a workbook; `None` for anything else.
/// Never a path: the last part only, and nothing hidden.
fn safe_name(name: &str, n: usize) -> Option<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last.chars().filter(|c| !c.is_control()).take(120).collect();
    let extension = Path::new(&clean)
        .extension()
        .and_then(|e| e.to_str())?
        .to_lowercase();
    if !matches!(extension.as_str(), "xlsx" | "xlsm") {
        return None;
    }
    if clean.starts_with('.') || clean.starts_with("~$") {
        return Some(format!("blankett-{}.{extension}", n + 1));
    }
    Some(clean)
}

fn not_saved(e: &std::io::Error) -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("Blanketten kunde inte sparas: {e}"),
    )
        .into_response()
}

fn back() -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, "/blanketter")]).into_response()
}

/// The forms' limit is that of any upload, for all files of one request together.
pub const LIMIT: usize = UPLOAD_LIMIT;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_returned_form_keeps_its_name_but_never_a_path() {
        assert_eq!(
            safe_name("borlange.xlsx", 0).as_deref(),
            Some("borlange.xlsx")
        );
        assert_eq!(
            safe_name("../../etc/borlange.xlsx", 0).as_deref(),
            Some("borlange.xlsx")
        );
        assert_eq!(
            safe_name(".dold.xlsx", 2).as_deref(),
            Some("blankett-3.xlsx")
        );
        assert_eq!(safe_name("anteckning.txt", 0), None);
        assert_eq!(safe_name("", 0), None);
    }
}
