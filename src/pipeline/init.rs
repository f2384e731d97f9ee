//! `init`: a starter workbook and an example Excel template, so a new coordinator begins from
//! something that builds. Never overwrites: a folder that already holds a workbook (which would be
//! read together with the starter) or either file is refused, with the files named.

use crate::render::{OutputFile, WriteError};
use crate::workbook::{EXCEL_TEMPLATES_FOLDER, is_workbook_file};
use crate::xlsx::starter;
use std::path::{Path, PathBuf};

/// The starter workbook's file name inside the folder.
pub const STARTER_WORKBOOK: &str = "overenskommelse.xlsx";
/// The example Excel template's file name inside the folder's `mallar/`.
pub(crate) const EXAMPLE_TEMPLATE: &str = "redovisning.xlsx";

#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error(
        "{} har redan arbetsböcker; init skriver aldrig över och blandar inte in sina blad:\n{}\nVälj en ny eller tom mapp: styrdok init MAPP",
        dir.display(),
        list(existing)
    )]
    Occupied {
        dir: PathBuf,
        existing: Vec<PathBuf>,
    },
    #[error("startarbetsboken kunde inte göras: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error(transparent)]
    Write(#[from] WriteError),
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| format!("  {}", p.display()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The files that stop `init` in `dir`: the two it would write, and any workbook already there.
fn occupied(dir: &Path, targets: &[PathBuf]) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| is_workbook_file(p))
                .collect()
        })
        .unwrap_or_default();
    found.extend(
        targets
            .iter()
            .filter(|t| t.symlink_metadata().is_ok())
            .cloned(),
    );
    found.sort();
    found.dedup();
    found
}

/// Writes the starter workbook and the example template into `dir`; returns the files written, the
/// workbook first.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    let workbook = dir.join(STARTER_WORKBOOK);
    let template = dir.join(EXCEL_TEMPLATES_FOLDER).join(EXAMPLE_TEMPLATE);
    let existing = occupied(dir, &[workbook.clone(), template.clone()]);
    if !existing.is_empty() {
        return Err(InitError::Occupied {
            dir: dir.to_path_buf(),
            existing,
        });
    }
    let files = vec![
        OutputFile {
            path: workbook,
            bytes: starter::workbook()?,
        },
        OutputFile {
            path: template,
            bytes: starter::example_excel_template()?,
        },
    ];
    Ok(super::write(files)?)
}
