//! External judges on every PDF of the example build (with per-mottagare reports): programs nobody
//! here wrote. `outloud` (PyPI) checks PDF/UA-1 against the Matterhorn protocol and WCAG 2.2; qpdf
//! checks the file structure; poppler's pdfinfo reads the tags and the PDF/A and PDF/UA claims.
//!
//! `.ci/run` installs all three and sets `STYRDOK_REQUIRE_VALIDATORS=1`, so in CI a missing judge is a
//! failure; on a workstation without them the test says what it skipped. outloud is a Python
//! program whose start costs more than judging a small PDF: it is given every file at once.

use crate::common::library::{build, example_built_per_mottagare};
use crate::common::pdfs_under;
use std::path::PathBuf;
use std::process::Command;

/// On PATH: it starts at all (poppler's tools answer `--version` with a non-zero exit code).
fn available(program: &str) -> bool {
    Command::new(program).arg("-v").output().is_ok()
}

fn require(program: &str) -> bool {
    if available(program) {
        return true;
    }
    crate::common::required(program);
    false
}

#[test]
fn every_example_pdf_passes_the_external_validators() {
    let pdfs = pdfs_under(example_built_per_mottagare());
    assert!(
        pdfs.len() >= 10,
        "deck, återrapport, uppdrag and mottagare: {pdfs:?}"
    );
    let failures = judge(&pdfs);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The deck and the återrapport with the changes since an earlier version (`--sedan`): the changes
/// slide and chapter group their rows by area, and the national workbook in October adds the "Att
/// uppmärksamma" slides and sections. Both scales, both documents.
#[test]
fn documents_with_changes_and_attention_pass_the_external_validators() {
    use crate::common::{Book, n, t};
    let dir = tempfile::tempdir().unwrap();
    let (mut failures, mut judged) = (Vec::new(), Vec::new());

    // Small: changes in two areas and in Uppgifter.
    let before = Book::valid();
    let mut now = Book::valid();
    now.set("Uppgifter", "B2", t("Testöverenskommelse 2025, reviderad"));
    now.set("Insatser", "F2", t("Avslutad"));
    now.set("Insatser", "E4", n(250_000.0));
    now.set("Insatser", "E5", n(250_000.0));
    now.set("Insatser", "K5", t("Röd"));
    // National: an earlier version where every fifth insats had another Belopp and Bedömning.
    let (october, _) = crate::attention::national_october();
    let mut earlier = october.clone();
    for (k, row) in earlier.sheet_mut("Insatser").iter_mut().enumerate().skip(1) {
        if k % 5 == 0 {
            if let crate::common::V::N(x) = row[4] {
                row[4] = n(x - 1_000.0);
            }
            row[10] = t("Gul");
        }
    }
    for (name, before, now) in [("liten", &before, &now), ("nationell", &earlier, &october)] {
        let (forra, nu) = (
            dir.path().join(name).join("forra"),
            dir.path().join(name).join("nu"),
        );
        std::fs::create_dir_all(&forra).unwrap();
        std::fs::create_dir_all(&nu).unwrap();
        let earlier = before.write(&forra.join("ok.xlsx"));
        let input = now.write(&nu.join("ok.xlsx"));
        let out = dir.path().join(name).join("ut");
        build(&input, &out).since(&earlier).run().ok();
        judged.push(out.join("statusbilder-2025.pdf"));
        judged.push(out.join("aterrapport-2025.pdf"));
        // Readable on a projector, change marks included: nothing under the insats tables' 8.8 pt.
        let smallest = crate::attention::smallest_text(&out.join("statusbilder-2025.pdf"));
        if smallest < 8.8 - 0.01 {
            failures.push(format!("{name}: text of {smallest:.2} pt on a slide"));
        }
    }
    failures.extend(judge(&judged));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What outloud, qpdf and pdfinfo find wrong in these PDFs; empty when all is well.
fn judge(pdfs: &[PathBuf]) -> Vec<String> {
    let mut failures = Vec::new();
    let outloud = std::env::var("STYRDOK_OUTLOUD").unwrap_or_else(|_| "outloud".into());
    if require(&outloud) {
        // One process for every file; its table has a line per file, its findings name the file.
        let o = Command::new(&outloud)
            .args(["--fail-on", "error", "--no-info"])
            .args(pdfs)
            .output()
            .unwrap();
        let table = String::from_utf8_lossy(&o.stdout);
        if !o.status.success() {
            failures.push(format!("outloud:\n{table}"));
        }
        // Each file was judged, none left unread.
        for pdf in pdfs {
            let name = pdf.file_name().unwrap().to_string_lossy();
            if !table.lines().any(|l| l.contains(&format!(" {name}: "))) {
                failures.push(format!("outloud did not judge {}:\n{table}", pdf.display()));
            }
        }
        if !table.contains(&format!("{} file(s):", pdfs.len())) || !table.contains(" 0 unreadable")
        {
            failures.push(format!(
                "outloud did not read all {} files:\n{table}",
                pdfs.len()
            ));
        }
    }
    if require("qpdf") {
        for pdf in pdfs {
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
        for pdf in pdfs {
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
    failures
}
