//! Builds a user can trust: the same input gives the same bytes, the input is never written, and a
//! failed build leaves the previous good output in place with no stray temporary files.

use crate::common::library::{Ran, build, export_templates, kept_line};
use crate::common::{Book, files_under, t};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file under `dir` with its bytes, by path relative to `dir`.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|rel| {
            let bytes = std::fs::read(dir.join(&rel)).unwrap();
            (rel, bytes)
        })
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    for (rel, bytes) in snapshot(from) {
        let target = to.join(rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }
}

#[test]
fn two_builds_of_the_example_are_byte_identical_and_leave_the_input_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("input"), &input);
    let before = snapshot(&input);

    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for out in [&a, &b] {
        build(&input, out).per_mottagare().run().ok();
    }
    let (first, second) = (snapshot(&a), snapshot(&b));
    assert!(
        first.len() >= 14,
        "deck, återrapport, uppdrag and mottagare: {:?}",
        first.keys()
    );
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(
            bytes == &second[path],
            "{} differs between two builds",
            path.display()
        );
    }
    assert_eq!(
        snapshot(&input),
        before,
        "the input folder is exactly as it was"
    );
}

#[test]
fn a_failed_build_keeps_the_previous_output_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.xlsx");
    Book::valid().write(&path);
    let out = dir.path().join("ut");
    build(&path, &out).run().ok();
    let good = snapshot(&out);
    assert!(!good.is_empty());

    // The coordinator saves a mistake; the next build refuses and must not touch the good files.
    let mut broken = Book::valid();
    broken.set("Insatser", "E3", t("ca 500 tkr"));
    broken.write(&path);
    build(&path, &out).run().code(1);
    assert_eq!(
        snapshot(&out),
        good,
        "previous output unchanged, nothing added"
    );

    // A template failure (exit 2) is just as harmless.
    let templates = dir.path().join("mallar");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("report.typ"), "#panic(\"trasig mall\")").unwrap();
    Book::valid().write(&path);
    let result = build(&path, &out).templates(&templates).run().code(2);
    assert!(result.report.contains("trasig mall"), "{}", result.report);
    assert_eq!(
        snapshot(&out),
        good,
        "no partial or temporary file after a failed render"
    );

    // An output folder that cannot be made (a file of that name is in the way) is said in Swedish,
    // with what to do, not in the operating system's English («File exists (os error 17)»).
    let in_the_way = dir.path().join("en-fil");
    std::fs::write(&in_the_way, "inte en mapp").unwrap();
    let result = build(&path, in_the_way.join("ut")).run().code(2);
    assert!(
        result
            .report
            .contains("kunde inte skrivas: en del av sökvägen är en fil, inte en mapp")
            && result.report.contains("Åtgärd:")
            && !result.report.contains("os error"),
        "{}",
        result.report
    );
}

/// A project folder with the small valid workbook and the example's Excel template in `mallar/`.
fn project_with_template(dir: &Path, book: &Book) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("mallar")).unwrap();
    book.write(&input.join("ok.xlsx"));
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("input/mallar/redovisning-statsbidrag.xlsx"),
        input.join("mallar/redovisning-statsbidrag.xlsx"),
    )
    .unwrap();
    input
}

/// The files a build wrote, relative to `out`.
fn written(result: Ran, out: &Path) -> Vec<String> {
    result
        .ok()
        .written
        .iter()
        .map(|p| p.strip_prefix(out).unwrap().to_string_lossy().into_owned())
        .collect()
}

const RECORD: &str = ".styrdok-bygge.json";

#[test]
fn a_rebuild_makes_only_what_changed_and_gives_the_bytes_of_a_cold_build() {
    let dir = tempfile::tempdir().unwrap();
    let input = project_with_template(dir.path(), &Book::valid());
    let out = dir.path().join("ut");
    let first = written(build(&input, &out).per_mottagare().run(), &out);
    let cold = snapshot(&out);
    assert!(cold.contains_key(Path::new(RECORD)), "{:?}", cold.keys());
    assert_eq!(
        first.len() + 1,
        cold.len(),
        "every file but the record is told"
    );

    // Nothing changed: nothing is made, every byte stays.
    let again = build(&input, &out).per_mottagare().run().ok();
    assert_eq!(again.kept.len(), first.len());
    assert_eq!(written(again, &out), Vec::<String>::new());
    let told = kept_line(first.len()).unwrap();
    assert!(
        told.starts_with(&format!("{} filer oförändrade", first.len())),
        "{told}"
    );
    assert_eq!(snapshot(&out), cold);
    // What a script reads of the same (the binary's JSON report).
    let json = crate::common::build(&input, &out, &["--per-mottagare", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(doc["files"].as_array().unwrap().len(), 0, "{doc}");
    assert_eq!(doc["kept"].as_array().unwrap().len(), first.len(), "{doc}");

    // One Förbrukat cell (Insatser!J2, the first insats, Region Test's) changed: the documents that
    // show it are made again, and the output is what a cold build of the edited input gives.
    let mut edited = Book::valid();
    edited.set("Insatser", "J2", crate::common::n(12_345.0));
    edited.write(&input.join("ok.xlsx"));
    let remade = written(build(&input, &out).per_mottagare().run(), &out);
    assert!(
        remade.iter().any(|p| p.starts_with("aterrapport")),
        "the återrapport shows Förbrukat: {remade:?}"
    );
    assert!(
        remade.iter().any(|p| p.ends_with("-uppdaterad.xlsx")),
        "{remade:?}"
    );
    assert!(
        remade.iter().any(|p| p == "redovisning-statsbidrag.xlsx"),
        "{remade:?}"
    );
    let reports = |files: &[String]| files.iter().filter(|p| p.starts_with("mottagare/")).count();
    assert_eq!(
        reports(&remade),
        1,
        "only the report of the organisation whose cell changed: {remade:?}"
    );
    assert!(reports(&first) > 1);
    let fresh = dir.path().join("kallt");
    written(build(&input, &fresh).per_mottagare().run(), &fresh);
    assert_eq!(
        snapshot(&out),
        snapshot(&fresh),
        "a rebuild after an edit gives exactly the cold build's files and record"
    );
}

#[test]
fn deleted_or_hand_edited_files_a_changed_template_and_allt_are_made_again() {
    let dir = tempfile::tempdir().unwrap();
    let input = project_with_template(dir.path(), &Book::valid());
    let out = dir.path().join("ut");
    let first = written(build(&input, &out).per_mottagare().run(), &out);
    let cold = snapshot(&out);
    let report = first
        .iter()
        .find(|p| p.starts_with("mottagare/"))
        .unwrap()
        .clone();

    std::fs::remove_file(out.join(&report)).unwrap();
    std::fs::write(out.join("statusbilder-2025.pdf"), b"mina anteckningar").unwrap();
    let mut remade = written(build(&input, &out).per_mottagare().run(), &out);
    remade.sort();
    let mut expected = vec![report.clone(), "statusbilder-2025.pdf".to_string()];
    expected.sort();
    assert_eq!(remade, expected);
    assert_eq!(snapshot(&out), cold);

    // A region's own templates, the same as the built-in ones: the same bytes, nothing made. One
    // template changed: every PDF is made again (a template may import another).
    let templates = dir.path().join("mallar");
    assert!(!export_templates(&templates).ok().written.is_empty());
    let own = || build(&input, &out).per_mottagare().templates(&templates);
    assert_eq!(written(own().run(), &out), Vec::<String>::new());
    let recipient = templates.join("recipient.typ");
    let text = std::fs::read_to_string(&recipient).unwrap();
    std::fs::write(&recipient, text + "\n// Regionens egen rad.\n").unwrap();
    let remade = written(own().run(), &out);
    let pdfs = first.iter().filter(|p| p.ends_with(".pdf")).count();
    assert_eq!(
        remade.iter().filter(|p| p.ends_with(".pdf")).count(),
        pdfs,
        "{remade:?}"
    );

    // --allt makes every file, however fresh.
    let all = written(build(&input, &out).per_mottagare().everything().run(), &out);
    assert_eq!(all.len(), first.len(), "{all:?}");
    assert_eq!(snapshot(&out), cold);
}

#[test]
fn a_record_from_elsewhere_or_broken_only_costs_a_full_build() {
    let dir = tempfile::tempdir().unwrap();
    let input = project_with_template(dir.path(), &Book::valid());
    let out = dir.path().join("ut");
    let first = written(build(&input, &out).run(), &out);
    let cold = snapshot(&out);
    let record = out.join(RECORD);

    // Keys made by another version of styrdok (or other fonts) match none of this one's.
    let text = std::fs::read_to_string(&record).unwrap();
    let other: String = text
        .lines()
        .map(|l| match l.trim_start().strip_prefix("\"key\": \"") {
            Some(_) => l.replace("\"key\": \"", "\"key\": \"0"),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(other, text);
    std::fs::write(&record, other).unwrap();
    assert_eq!(written(build(&input, &out).run(), &out).len(), first.len());
    assert_eq!(snapshot(&out), cold);

    std::fs::write(&record, b"{ trasig").unwrap();
    assert_eq!(written(build(&input, &out).run(), &out).len(), first.len());
    assert_eq!(snapshot(&out), cold);
}
