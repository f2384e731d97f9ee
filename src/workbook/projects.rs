//! How an input folder divides into projects: the workbooks directly in it are one project, and each
//! subfolder holding workbooks is another (a second region, a second year), built into its own output
//! subfolder. A coordinator keeps several regions or years side by side without mixing their sheets.

use super::read::is_workbook_file;
use std::path::{Path, PathBuf};

/// The folder beside the workbooks that holds the organisation's own Excel templates to fill (and
/// its own texts of the e-mail drafts). Not the Typst templates of the documents.
pub const EXCEL_TEMPLATES_FOLDER: &str = "mallar";

/// `mallar/` inside a project folder, or beside a workbook given as a file.
pub fn excel_templates_folder(project: &Path) -> PathBuf {
    if project.is_dir() {
        project.join(EXCEL_TEMPLATES_FOLDER)
    } else {
        project
            .parent()
            .unwrap_or(Path::new("."))
            .join(EXCEL_TEMPLATES_FOLDER)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    /// The subfolder's name, or `None` for the input itself.
    pub name: Option<String>,
    pub path: PathBuf,
}

impl Project {
    /// Where this project's documents go inside the output folder.
    pub fn output_dir(&self, out: &Path) -> PathBuf {
        match &self.name {
            Some(name) => out.join(name),
            None => out.to_path_buf(),
        }
    }
}

/// The build record's file name (see `render::record`): a folder that holds it is an output folder.
pub const BUILD_RECORD_FILE: &str = ".styrdok-bygge.json";

/// The projects of an input path, root first, then subfolders by name. A file, a missing path or a
/// folder without workbooks is one project, so reading it reports the problem in the usual way.
pub fn projects(input: &Path) -> Vec<Project> {
    let root = Project {
        name: None,
        path: input.to_path_buf(),
    };
    if !input.is_dir() {
        return vec![root];
    }
    let entries: Vec<PathBuf> = match std::fs::read_dir(input) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => return vec![root],
    };
    let holds_workbooks = |dir: &Path| {
        std::fs::read_dir(dir)
            .map(|es| {
                es.filter_map(Result::ok)
                    .any(|e| is_workbook_file(&e.path()))
            })
            .unwrap_or(false)
    };
    let mut subfolders: Vec<Project> = entries
        .iter()
        .filter(|p| p.is_dir())
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or(".")
                .starts_with('.')
        })
        // A folder styrdok wrote (its build record is there) holds updated workbooks, not input: an
        // output folder inside the input (a double-clicked styrdok beside its workbooks) is no project.
        .filter(|p| !p.join(BUILD_RECORD_FILE).is_file())
        // The organisation's Excel templates to fill live in `mallar/`; they are not a project.
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| super::same_name(n, EXCEL_TEMPLATES_FOLDER))
        })
        .filter(|p| holds_workbooks(p))
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_string();
            Some(Project {
                name: Some(name),
                path: p.clone(),
            })
        })
        .collect();
    subfolders.sort_by(|a, b| a.name.cmp(&b.name));
    let has_own = entries.iter().any(|p| is_workbook_file(p));
    if has_own || subfolders.is_empty() {
        subfolders.insert(0, root);
    }
    subfolders
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_and_subfolders() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.xlsx"), b"x").unwrap();
        std::fs::create_dir(dir.path().join("vg")).unwrap();
        std::fs::write(dir.path().join("vg/b.xlsx"), b"x").unwrap();
        std::fs::create_dir(dir.path().join("empty")).unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::fs::write(dir.path().join(".git/c.xlsx"), b"x").unwrap();
        let found = projects(dir.path());
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].name, None);
        assert_eq!(found[1].name.as_deref(), Some("vg"));
        assert_eq!(found[1].output_dir(Path::new("out")), Path::new("out/vg"));
    }

    #[test]
    fn an_output_folder_inside_the_input_is_no_project() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.xlsx"), b"x").unwrap();
        std::fs::create_dir(dir.path().join("output")).unwrap();
        std::fs::write(dir.path().join("output/a-uppdaterad.xlsx"), b"x").unwrap();
        assert_eq!(projects(dir.path()).len(), 2);
        std::fs::write(dir.path().join("output").join(BUILD_RECORD_FILE), b"{}").unwrap();
        let found = projects(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, None);
    }

    #[test]
    fn folder_of_subfolders_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("vg")).unwrap();
        std::fs::write(dir.path().join("vg/b.xlsx"), b"x").unwrap();
        let found = projects(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name.as_deref(), Some("vg"));
    }
}
