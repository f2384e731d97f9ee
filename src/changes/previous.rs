//! The last meeting's version beside this one: which file it is, and the changes between them.

use super::{Changes, ChangesError, Version, compare};
use crate::checks::Checked;
use crate::workbook::{Project, Workbook};
use std::path::{Path, PathBuf};

/// The last meeting's version, read with the same reader and checks as the input.
pub struct Previous {
    pub book: Workbook,
    pub checked: Checked,
}

/// Where a project's earlier version is: FÖRRA itself for the input's own workbooks (or for the
/// first project when FÖRRA is one file), `FÖRRA/<name>` for a subfolder project.
pub fn previous_path(previous: &Path, project: &Project, first: bool) -> Option<PathBuf> {
    if previous.is_dir() {
        match &project.name {
            None => Some(previous.to_path_buf()),
            Some(name) => Some(previous.join(name)).filter(|p| p.is_dir()),
        }
    } else {
        (project.name.is_none() || first).then(|| previous.to_path_buf())
    }
}

impl Previous {
    /// The changes from this version to the current one.
    pub fn changes_to(
        &self,
        book: &Workbook,
        checked: &Checked,
    ) -> Option<Result<Changes, Vec<ChangesError>>> {
        let previous = Version {
            book: &self.book,
            agreement: self.checked.agreement.as_ref()?,
        };
        let current = Version {
            book,
            agreement: checked.agreement.as_ref()?,
        };
        Some(compare(previous, current))
    }
}
