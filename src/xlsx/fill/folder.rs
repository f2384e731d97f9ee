//! Which Excel templates are filled and where the filled copies go: `styrdok fill MALL`, and
//! `styrdok build` filling every Excel template in the `mallar/` folder beside the workbooks.

use super::{Data, ExcelTemplateError, ExcelTemplateErrors, Problem, fill};
use crate::model::Agreement;
use crate::render::{OutputFile, naming};
use crate::workbook::{Workbook, is_workbook_file};
use std::path::{Path, PathBuf};

/// The filled copies of some templates, not yet written, and the warnings about them.
#[derive(Default)]
pub struct FilledSet {
    pub rendered: Vec<OutputFile>,
    pub warnings: Vec<ExcelTemplateError>,
}

/// The Excel templates in a folder, by name. Files of every spreadsheet kind are listed, so an `.xls`
/// left there is refused with a message instead of being ignored; lock files are skipped.
pub fn excel_templates_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_workbook_file(p))
        .collect();
    files.sort();
    files
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Whether writing `out` would replace `template` itself.
fn same_file(out: &Path, template: &Path) -> bool {
    let canonical_out = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .canonicalize()
        .ok()
        .zip(out.file_name())
        .map(|(dir, name)| dir.join(name));
    match (canonical_out, template.canonicalize()) {
        (Some(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Fills every template: `out_dir/<template's file name>`, and with `per_recipient` also one copy
/// per Ansvarig in `out_dir/<template's name>/<organisation>.<ext>`. All problems of all templates
/// are returned together.
pub fn fill_excel_templates(
    templates: &[PathBuf],
    agreement: &Agreement,
    book: Option<&Workbook>,
    out_dir: &Path,
    per_recipient: bool,
) -> Result<FilledSet, ExcelTemplateErrors> {
    let whole = Data::new(agreement, book);
    let mut set = FilledSet::default();
    let mut errors = Vec::new();
    for template in templates {
        let name = file_name(template);
        let error = |problem| ExcelTemplateError {
            file: name.clone(),
            at: None,
            problem,
        };
        let bytes = match std::fs::read(template) {
            Ok(b) => b,
            Err(e) => {
                errors.push(error(Problem::Io {
                    detail: match e.kind() {
                        std::io::ErrorKind::NotFound => "filen finns inte".into(),
                        std::io::ErrorKind::PermissionDenied => {
                            "du saknar behörighet att läsa den".into()
                        }
                        _ => "läsfel (är filen öppen i ett annat program?)".into(),
                    },
                }));
                continue;
            }
        };
        let path = out_dir.join(&name);
        if same_file(&path, template) {
            errors.push(error(Problem::WouldOverwrite {
                path: template.display().to_string(),
            }));
            continue;
        }
        match fill(&bytes, &name, &whole) {
            Ok(filled) => {
                set.warnings.extend(filled.warnings);
                set.rendered.push(OutputFile {
                    path,
                    bytes: filled.bytes,
                });
            }
            Err(ExcelTemplateErrors(mut e)) => {
                errors.append(&mut e);
                continue;
            }
        }
        if !per_recipient {
            continue;
        }
        let stem = template
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "mall".into());
        let ext = template
            .extension()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "xlsx".into());
        let mut names = naming::UniqueNames::default();
        for recipient in agreement.responsible_organisations() {
            let data = Data::for_recipient(agreement, book, &recipient);
            let file = names.take(&naming::slug(&recipient, "mottagare"), &ext);
            match fill(&bytes, &name, &data) {
                // The warnings were given for the whole copy already.
                Ok(filled) => set.rendered.push(OutputFile {
                    path: out_dir.join(&stem).join(file),
                    bytes: filled.bytes,
                }),
                Err(ExcelTemplateErrors(e)) => {
                    for one in e {
                        if !errors.contains(&one) {
                            errors.push(one);
                        }
                    }
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(set)
    } else {
        Err(ExcelTemplateErrors(errors))
    }
}
