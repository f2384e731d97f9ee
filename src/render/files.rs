//! Writing output files atomically: a reader sees the old file or the new one, never half of one, and
//! a run's files appear together or not at all.

use std::io::Write;
use std::path::{Path, PathBuf};

/// A finished output file (PDF or workbook), held in memory until everything has been made.
pub struct OutputFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Writes the files: each to a temporary file beside its target first, then all renamed into place,
/// so a failure on the way leaves the previous output as it was.
pub fn write_all(files: Vec<OutputFile>) -> Result<Vec<PathBuf>, WriteError> {
    write_with(Vec::new(), files)
}

/// The same, together with files already staged (the PDFs, staged as they were rendered).
pub fn write_with(
    mut staged: Vec<StagedFile>,
    files: Vec<OutputFile>,
) -> Result<Vec<PathBuf>, WriteError> {
    for file in files {
        staged.push(stage(file.path, &file.bytes)?);
    }
    commit(staged)
}

/// A finished file on disk under a temporary name in its target's folder, waiting for `commit`.
/// Dropped without a commit (something else failed), the temporary file is removed.
///
/// Rendering streams each PDF into one of these as soon as it is done, so memory does not grow with
/// the number of documents, and still nothing appears under its real name until all succeeded.
pub struct StagedFile {
    /// `None` once committed.
    temp: Option<tempfile::TempPath>,
    path: PathBuf,
    /// The digest of its bytes, for the build record (`record::digest`).
    digest: String,
    /// Folders made for this file, deepest first: removed again (when empty) if it is dropped, so a
    /// failed build leaves no empty output folder either.
    created: Vec<PathBuf>,
}

impl Drop for StagedFile {
    fn drop(&mut self) {
        // Best effort: a leftover hidden temporary file is harmless, the real error is reported.
        if let Some(temp) = self.temp.take() {
            let _ = temp.close();
        }
        for dir in &self.created {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

impl StagedFile {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn digest(&self) -> &str {
        &self.digest
    }
}

/// Writes `bytes` to a temporary file beside `path` (synced, readable by all like any document).
pub fn stage(path: PathBuf, bytes: &[u8]) -> Result<StagedFile, WriteError> {
    let err = |source| WriteError {
        path: path.display().to_string(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let created: Vec<PathBuf> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
        .map(Path::to_path_buf)
        .collect();
    let mut staged = StagedFile {
        temp: None,
        path: path.clone(),
        digest: super::record::digest(bytes),
        created,
    };
    std::fs::create_dir_all(dir).map_err(err)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".styrdok-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    // Temporary files are private (0600); a document is meant to be shared like any other file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(err)?;
    }
    staged.temp = Some(tmp.into_temp_path());
    Ok(staged)
}

/// `stage` for a file made in memory.
pub fn stage_file(file: OutputFile) -> Result<StagedFile, WriteError> {
    stage(file.path, &file.bytes)
}

/// Renames every staged file into place, in order; call it once everything has been made.
pub fn commit(files: Vec<StagedFile>) -> Result<Vec<PathBuf>, WriteError> {
    let mut written = Vec::with_capacity(files.len());
    for mut file in files {
        if let Some(temp) = file.temp.take() {
            // Committed: the folders now hold the file and stay.
            file.created.clear();
            temp.persist(&file.path).map_err(|e| WriteError {
                path: file.path.display().to_string(),
                source: e.error,
            })?;
        }
        written.push(file.path.clone());
    }
    Ok(written)
}

#[derive(Debug, thiserror::Error)]
#[error(
    "{path} kunde inte skrivas: {}.\nÅtgärd: {}",
    crate::diagnostics::system::reason(.source),
    crate::diagnostics::system::WRITE_FIX
)]
pub struct WriteError {
    pub path: String,
    pub source: std::io::Error,
}

/// Writes via a temporary file in the same folder and a rename, so a failed build leaves no partial file
/// and keeps the previous good one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    commit(vec![stage(path.to_path_buf(), bytes)?]).map(|_| ())
}
