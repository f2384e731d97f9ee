//! `styrdok init [MAPP]`: a starter workbook and an example Excel template, so a new coordinator
//! begins from something that builds. Never overwrites: a folder that already holds a workbook (which
//! would be read together with the starter) or either file is refused, with the files named.

use super::{CommandError, Outcome};
use crate::pipeline;
use crate::render::OutputFile;
use crate::workbook::is_workbook_file;
use crate::xlsx::starter;
use std::path::{Path, PathBuf};

/// The starter workbook's file name inside the folder.
pub const WORKBOOK: &str = "overenskommelse.xlsx";
/// The folder of Excel templates to fill (skipped when the input's projects are found).
pub const TEMPLATES: &str = crate::workbook::EXCEL_TEMPLATES_FOLDER;
pub const EXAMPLE_TEMPLATE: &str = "redovisning.xlsx";

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

pub fn run(dir: &Path) -> Result<Outcome, CommandError> {
    let workbook = dir.join(WORKBOOK);
    let template = dir.join(TEMPLATES).join(EXAMPLE_TEMPLATE);
    let existing = occupied(dir, &[workbook.clone(), template.clone()]);
    if !existing.is_empty() {
        return Err(InitError::Occupied {
            dir: dir.to_path_buf(),
            existing,
        }
        .into());
    }
    let files = vec![
        OutputFile {
            path: workbook.clone(),
            bytes: starter::workbook().map_err(InitError::from)?,
        },
        OutputFile {
            path: template,
            bytes: starter::example_excel_template().map_err(InitError::from)?,
        },
    ];
    for path in pipeline::write(files).map_err(CommandError::output)? {
        println!("Skrev {}", path.display());
    }
    let shown = dir.display();
    println!();
    println!("Nästa steg:");
    println!(
        "  1. Öppna {} i Excel och skriv över exempelraderna.",
        workbook.display()
    );
    println!("  2. styrdok build {shown} --watch   (bygger om varje gång du sparar)");
    Ok(Outcome::Done)
}
