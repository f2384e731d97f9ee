//! Builds a user can trust: the same input gives the same bytes, the input is never written, and a
//! failed build leaves the previous good output in place with no stray temporary files.

use crate::common::{Book, build, t};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file under `dir` with its bytes, by path relative to `dir`.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    files
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
        let result = build(&input, out, &["--per-mottagare"]);
        assert!(
            result.status.success(),
            "{}",
            String::from_utf8_lossy(&result.stderr)
        );
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
    assert!(build(&path, &out, &[]).status.success());
    let good = snapshot(&out);
    assert!(!good.is_empty());

    // The coordinator saves a mistake; the next build refuses and must not touch the good files.
    let mut broken = Book::valid();
    broken.set("Insatser", "E3", t("ca 500 tkr"));
    broken.write(&path);
    let result = build(&path, &out, &[]);
    assert_eq!(result.status.code(), Some(1));
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
    let result = build(&path, &out, &["--templates", templates.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("trasig mall"));
    assert_eq!(
        snapshot(&out),
        good,
        "no partial or temporary file after a failed render"
    );
}
