//! Reading the last meeting's version and comparing it with this one: `styrdok diff`, and the part
//! of `styrdok build --sedan` that finds each project's earlier version.

use super::{Changes, ChangesError, Version, compare, render, render_errors};
use crate::checks::{self, Checked, Diagnostic};
use crate::workbook::{self, Project, Workbook};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The last meeting's version, read with the same reader and checks as the input.
pub struct Previous {
    pub book: Workbook,
    pub checked: Checked,
}

/// The version at `path`; `Err` with the read problems when it cannot be read at all.
pub fn read_previous(path: &Path) -> Result<Previous, Vec<Diagnostic>> {
    match workbook::load(path) {
        Ok(book) => {
            let checked = checks::check_workbook(&book);
            Ok(Previous { book, checked })
        }
        Err(_) => Err(checks::check_path(path).diagnostics),
    }
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

/// `styrdok diff FÖRRA [INDATA]`: exit 0 when both versions could be read and compared, 1 when
/// either could not be read or the insatser cannot be told apart.
pub fn diff(previous: &Path, input: &Path) -> ExitCode {
    let pairs: Vec<(Project, PathBuf)> = workbook::projects(input)
        .into_iter()
        .enumerate()
        .filter_map(|(n, p)| previous_path(previous, &p, n == 0).map(|old| (p, old)))
        .collect();
    let mut failed = pairs.is_empty();
    if pairs.is_empty() {
        eprintln!(
            "fel: {} motsvarar inget projekt i {}",
            previous.display(),
            input.display()
        );
    }
    for (project, previous_path) in &pairs {
        if pairs.len() > 1 {
            println!("== {} ==", project.path.display());
        }
        let old = match read_previous(previous_path) {
            Ok(old) => old,
            Err(problems) => {
                eprint!("{}", super::render_previous_problems(&problems));
                eprintln!(
                    "Den förra versionen ({}) kunde inte läsas.",
                    previous_path.display()
                );
                failed = true;
                continue;
            }
        };
        eprint!(
            "{}",
            super::render_previous_problems(&old.checked.diagnostics)
        );
        let book = match workbook::load(&project.path) {
            Ok(book) => book,
            Err(_) => {
                eprint!(
                    "{}",
                    checks::render(&checks::check_path(&project.path).diagnostics)
                );
                failed = true;
                continue;
            }
        };
        let checked = checks::check_workbook(&book);
        // The comparison is still made when the input has errors; they are shown so a wrong figure
        // is not mistaken for a change.
        let errors: Vec<Diagnostic> = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .cloned()
            .collect();
        if !errors.is_empty() {
            eprint!("{}", checks::render(&errors));
        }
        match old.changes_to(&book, &checked) {
            Some(Ok(changes)) => print!("{}", render(&changes)),
            Some(Err(errors)) => {
                eprint!("{}", render_errors(&errors));
                failed = true;
            }
            None => failed = true,
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
