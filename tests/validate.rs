//! External judges on every PDF of the example build (with per-mottagare reports): programs nobody
//! here wrote. `outloud` (PyPI) checks PDF/UA-1 against the Matterhorn protocol and WCAG 2.2; qpdf
//! checks the file structure; poppler's pdfinfo reads the tags and the PDF/A and PDF/UA claims.
//!
//! `.ci/run` installs all three and sets `STYRDOK_REQUIRE_VALIDATORS=1`, so in CI a missing judge is a
//! failure; on a workstation without them the test says what it skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

/// On PATH: it starts at all (poppler's tools answer `--version` with a non-zero exit code).
fn available(program: &str) -> bool {
    Command::new(program).arg("-v").output().is_ok()
}

fn require(program: &str) -> bool {
    if available(program) {
        return true;
    }
    assert!(
        std::env::var("STYRDOK_REQUIRE_VALIDATORS").is_err(),
        "{program} is required in CI but not on PATH"
    );
    println!("skipped {program}: not on PATH");
    false
}

fn example_pdfs(out: &Path) -> Vec<PathBuf> {
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let result = crate::common::styrdok()
        .arg("build")
        .arg(&input)
        .arg("-o")
        .arg(out)
        .arg("--per-mottagare")
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let mut pdfs = Vec::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "pdf") {
                pdfs.push(p);
            }
        }
    }
    pdfs.sort();
    assert!(
        pdfs.len() >= 10,
        "deck, återrapport, uppdrag and mottagare: {pdfs:?}"
    );
    pdfs
}

#[test]
fn every_example_pdf_passes_the_external_validators() {
    let out = tempfile::tempdir().unwrap();
    let pdfs = example_pdfs(out.path());
    let mut failures = Vec::new();

    let outloud = std::env::var("STYRDOK_OUTLOUD").unwrap_or_else(|_| "outloud".into());
    if require(&outloud) {
        for pdf in &pdfs {
            let o = Command::new(&outloud)
                .args(["--fail-on", "error", "--no-info"])
                .arg(pdf)
                .output()
                .unwrap();
            if !o.status.success() {
                failures.push(format!(
                    "outloud {}:\n{}",
                    pdf.display(),
                    String::from_utf8_lossy(&o.stdout)
                ));
            }
        }
    }
    if require("qpdf") {
        for pdf in &pdfs {
            let o = Command::new("qpdf")
                .arg("--check")
                .arg(pdf)
                .output()
                .unwrap();
            if !o.status.success() {
                failures.push(format!(
                    "qpdf {}:\n{}",
                    pdf.display(),
                    String::from_utf8_lossy(&o.stdout)
                ));
            }
        }
    }
    if require("pdfinfo") {
        for pdf in &pdfs {
            let info =
                String::from_utf8_lossy(&Command::new("pdfinfo").arg(pdf).output().unwrap().stdout)
                    .into_owned();
            let meta = String::from_utf8_lossy(
                &Command::new("pdfinfo")
                    .arg("-meta")
                    .arg(pdf)
                    .output()
                    .unwrap()
                    .stdout,
            )
            .into_owned();
            let claims = [
                ("tagged", info.contains("Tagged:          yes")),
                (
                    "title",
                    info.lines()
                        .any(|l| l.starts_with("Title:") && l.len() > 20),
                ),
                ("PDF/A-2", meta.contains("pdfaid:part>2<")),
                ("PDF/A level a", meta.contains("pdfaid:conformance>A<")),
                ("PDF/UA-1", meta.contains("pdfuaid:part>1<")),
                ("language sv", meta.contains("<rdf:li>sv")),
            ];
            for (what, ok) in claims {
                if !ok {
                    failures.push(format!("pdfinfo {}: not {what}", pdf.display()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
