//! `forms` and `fill` speak JSON too (`--format json`): one document on stdout, the exit code in it,
//! the input's problems with their cells, and nothing else on stdout.

use crate::common::{Book, run, t};
use serde_json::Value;

fn json_of(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn forms_reports_its_forms_and_the_inputs_errors_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let input = Book::valid().write(&dir.path().join("ok.xlsx"));
    let out_dir = dir.path().join("blanketter");
    let out = run([
        "forms".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out_dir.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let doc = json_of(&out);
    assert_eq!(doc["command"], "forms");
    assert_eq!(doc["status"], "ok");
    let files = doc["files"].as_array().unwrap();
    assert_eq!(doc["forms"], files.len());
    assert!(!files.is_empty());
    for f in files {
        assert!(std::path::Path::new(f.as_str().unwrap()).is_file(), "{f}");
    }

    let mut broken = Book::valid();
    broken.set("Insatser", "D2", t("Nytt"));
    let bad = broken.write(&dir.path().join("fel.xlsx"));
    let out = run([
        "forms".as_ref(),
        bad.as_os_str(),
        "-o".as_ref(),
        dir.path().join("b2").as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let doc = json_of(&out);
    assert_eq!(doc["status"], "input-errors");
    assert_eq!(doc["files"].as_array().unwrap().len(), 0);
    assert_eq!(doc["diagnostics"][0]["cell"], "D2");
    assert_eq!(doc["diagnostics"][0]["code"], "unknown-kind");
    assert!(!dir.path().join("b2").exists());
}

#[test]
fn fill_reports_the_filled_file_or_why_not_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let input = Book::valid().write(&dir.path().join("ok.xlsx"));
    let template = std::path::Path::new("input/mallar/redovisning-statsbidrag.xlsx");
    let out_dir = dir.path().join("ut");
    let args = |template: &std::path::Path| {
        run([
            "fill".as_ref(),
            template.as_os_str(),
            input.as_os_str(),
            "-o".as_ref(),
            out_dir.as_os_str(),
            "--format".as_ref(),
            "json".as_ref(),
        ])
    };
    let out = args(template);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json_of(&out);
    assert_eq!(doc["command"], "fill");
    assert_eq!(
        doc["files"][0],
        out_dir
            .join("redovisning-statsbidrag.xlsx")
            .display()
            .to_string()
    );
    assert!(out_dir.join("redovisning-statsbidrag.xlsx").is_file());

    let out = args(&dir.path().join("finns-inte.xlsx"));
    assert_eq!(out.status.code(), Some(1));
    let doc = json_of(&out);
    assert_eq!(doc["status"], "input-errors");
    assert!(
        doc["error"]
            .as_str()
            .unwrap()
            .contains("finns-inte.xlsx finns inte"),
        "{doc}"
    );
}
