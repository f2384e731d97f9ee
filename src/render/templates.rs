//! The Typst templates: compiled into the binary, or a region's own copies from a folder.

use super::files::{WriteError, write_atomic};
use std::path::{Path, PathBuf};

/// (file name in the template root, source). The root holds nothing else but the document's data.
const EMBEDDED: &[(&str, &str)] = &[
    ("styrdok.typ", include_str!("../../templates/styrdok.typ")),
    ("deck.typ", include_str!("../../templates/deck.typ")),
    ("mandate.typ", include_str!("../../templates/mandate.typ")),
    ("report.typ", include_str!("../../templates/report.typ")),
    (
        "recipient.typ",
        include_str!("../../templates/recipient.typ"),
    ),
];

/// A template folder larger than this is surely not templates (and would sit in memory whole).
const MAX_FOLDER_BYTES: u64 = 50 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum TemplateDirError {
    #[error("mallmappen {0} finns inte eller är ingen mapp")]
    NotAFolder(PathBuf),
    #[error("{path}: kunde inte läsas: {}", crate::diagnostics::system::reason(.source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}: en mall måste vara UTF-8-text")]
    NotText(PathBuf),
    #[error(
        "mallmappen {0} är större än {mb} MB; lägg bara mallar och bilder där",
        mb = MAX_FOLDER_BYTES / (1024 * 1024)
    )]
    TooLarge(PathBuf),
    #[error("{} finns redan; välj en tom mapp så att inga egna mallar skrivs över", .0.display())]
    Exists(PathBuf),
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// The files a template folder offers: Typst sources by name, and everything else (a logo, an image)
/// as bytes the templates may read. Templates missing from the folder come from the binary, so a
/// region can change one file and keep the rest.
#[derive(Debug, Default)]
pub struct TemplateFiles {
    pub sources: Vec<(String, String)>,
    pub assets: Vec<(String, Vec<u8>)>,
    /// Where the files came from, for error messages; `None` for the embedded set.
    pub folder: Option<PathBuf>,
}

impl TemplateFiles {
    pub(crate) fn embedded() -> Self {
        TemplateFiles {
            sources: EMBEDDED
                .iter()
                .map(|(n, t)| (n.to_string(), t.to_string()))
                .collect(),
            assets: Vec::new(),
            folder: None,
        }
    }

    /// Reads every file directly in `dir` (not subfolders: the root stays small and visible).
    pub fn from_folder(dir: &Path) -> Result<Self, TemplateDirError> {
        if !dir.is_dir() {
            return Err(TemplateDirError::NotAFolder(dir.to_path_buf()));
        }
        let read_err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| TemplateDirError::Read { path, source }
        };
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(read_err(dir))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .filter(|p| {
                !p.file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or(".")
                    .starts_with('.')
            })
            .collect();
        entries.sort();
        let total: u64 = entries
            .iter()
            .filter_map(|p| p.metadata().ok())
            .map(|m| m.len())
            .sum();
        if total > MAX_FOLDER_BYTES {
            return Err(TemplateDirError::TooLarge(dir.to_path_buf()));
        }
        let mut files = TemplateFiles {
            folder: Some(dir.to_path_buf()),
            ..Self::default()
        };
        for path in entries {
            let Some(name) = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            let bytes = std::fs::read(&path).map_err(read_err(&path))?;
            if name.ends_with(".typ") {
                let text = String::from_utf8(bytes)
                    .map_err(|_| TemplateDirError::NotText(path.clone()))?;
                files.sources.push((name, text));
            } else {
                files.assets.push((name, bytes));
            }
        }
        for (name, text) in EMBEDDED {
            if !files.sources.iter().any(|(n, _)| n == name) {
                files.sources.push((name.to_string(), text.to_string()));
            }
        }
        Ok(files)
    }
}

/// Writes the embedded templates into `dir` for a region to brand; never over an existing file.
pub fn export(dir: &Path) -> Result<Vec<PathBuf>, TemplateDirError> {
    let targets: Vec<PathBuf> = EMBEDDED.iter().map(|(name, _)| dir.join(name)).collect();
    if let Some(existing) = targets.iter().find(|p| p.exists()) {
        return Err(TemplateDirError::Exists(existing.clone()));
    }
    for ((_, text), path) in EMBEDDED.iter().zip(&targets) {
        write_atomic(path, text.as_bytes())?;
    }
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_then_read_back_overrides_and_falls_back() {
        let dir = tempfile::tempdir().unwrap();
        let written = export(dir.path()).unwrap();
        assert_eq!(written.len(), EMBEDDED.len());
        assert!(matches!(
            export(dir.path()),
            Err(TemplateDirError::Exists(_))
        ));
        std::fs::write(dir.path().join("deck.typ"), "= Egen mall").unwrap();
        std::fs::remove_file(dir.path().join("report.typ")).unwrap();
        std::fs::write(dir.path().join("logo.svg"), "<svg/>").unwrap();
        let files = TemplateFiles::from_folder(dir.path()).unwrap();
        let source = |n: &str| {
            files
                .sources
                .iter()
                .find(|(name, _)| name == n)
                .map(|(_, t)| t.as_str())
        };
        assert_eq!(source("deck.typ"), Some("= Egen mall"));
        assert_eq!(
            source("report.typ"),
            Some(EMBEDDED[3].1),
            "missing files come from the binary"
        );
        assert_eq!(
            files.assets,
            vec![("logo.svg".to_string(), b"<svg/>".to_vec())]
        );
    }
}
