//! LibreOffice as a second reader of what styrdok writes: it opens a workbook, recalculates every
//! formula and saves or exports it. Tests that use it skip with a note on a machine without it; with
//! `STYRDOK_REQUIRE_VALIDATORS=1` (set by `.ci/run`) a missing LibreOffice fails them, as a missing
//! PDF judge does (`super::required`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// LibreOffice's CSV export in UTF-8 of the first sheet.
pub const CSV_FIRST_SHEET: &str = "csv:Text - txt - csv (StarCalc):44,34,76,1";
/// LibreOffice's CSV export in UTF-8 of every sheet (`<name>-<sheet>.csv`), values not as shown.
pub const CSV_EVERY_SHEET: &str =
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/// The LibreOffice program on PATH, looked for once; `None` (with a note) when there is none and
/// none is required.
pub fn office() -> Option<&'static str> {
    static FOUND: OnceLock<Option<&'static str>> = OnceLock::new();
    let found = *FOUND.get_or_init(|| {
        ["soffice", "libreoffice"].into_iter().find(|p| {
            Command::new(p)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
    });
    if found.is_none() {
        super::required("LibreOffice (soffice)");
    }
    found
}

/// Converts every file in one LibreOffice process (its start is most of the cost) into `out`, with
/// a profile of its own that recalculates every formula on load: the figures LibreOffice then
/// shows come from the formulas, not from the results stored beside them. Returns `out`.
pub fn convert(office: &str, files: &[&Path], to: &str, out: &Path) -> PathBuf {
    // A profile per process, outside `out`, which may be a folder the test reads back whole.
    let profile_dir = tempfile::tempdir().unwrap();
    let profile = profile_dir.path();
    std::fs::create_dir_all(profile.join("user")).unwrap();
    std::fs::write(
        profile.join("user/registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    let done = Command::new(office)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(out)
        .args(files)
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    // LibreOffice exits 0 also when it could not open a file: each must have its result.
    let extension = to.split(':').next().unwrap();
    for file in files {
        let stem = file.file_stem().unwrap().to_string_lossy();
        let made = std::fs::read_dir(out).unwrap().any(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.starts_with(&*stem) && name.ends_with(&format!(".{extension}"))
        });
        assert!(
            made,
            "LibreOffice made no {extension} of {}: {}",
            file.display(),
            String::from_utf8_lossy(&done.stderr)
        );
    }
    out.to_path_buf()
}

/// The rows of a CSV file LibreOffice wrote.
pub fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    parse_csv(&std::fs::read_to_string(path).unwrap())
}

/// Rows of a CSV as LibreOffice writes it: commas, fields quoted with `"` when needed.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let (mut row, mut field, mut quoted) = (vec![], String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}
