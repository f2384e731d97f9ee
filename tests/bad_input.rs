//! The bad-input corpus: `tests/bad-input/*`, each a small workbook (or a file that only pretends to
//! be one) with exactly one thing wrong, and the diagnostics a coordinator sees for it snapshotted
//! (message, `Blad!Cell`, Åtgärd, exit code). None may panic.
//!
//! The generated cases come from `generate` below; regenerate them with
//! `cargo test --locked bad_input::regenerate -- --ignored` (the rest of the corpus was made by hand or
//! by LibreOffice: see `tests/bad-input/README.md`). Review changed snapshots with `cargo insta review`
//! or `INSTA_UPDATE=always cargo test --locked bad_input`.

use crate::common::{Book, V, n, t};
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input")
}

/// (case name, the workbook). Each starts from the valid book with uppdrag and breaks one thing.
fn generate() -> Vec<(&'static str, Book)> {
    let base = Book::with_mandates;
    let with = |f: &dyn Fn(&mut Book)| {
        let mut b = base();
        f(&mut b);
        b
    };
    let mut cases: Vec<(&'static str, Book)> = vec![
        ("valid", base()),
        (
            "missing-sheet-insatser",
            with(&|b| {
                b.remove_sheet("Insatser");
            }),
        ),
        (
            "missing-sheet-uppgifter",
            with(&|b| {
                b.remove_sheet("Uppgifter");
            }),
        ),
        (
            "missing-sheet-insatsomraden",
            with(&|b| {
                b.remove_sheet("Insatsområden");
            }),
        ),
        (
            "missing-sheet-avsnitt",
            with(&|b| {
                b.remove_sheet("Avsnitt");
            }),
        ),
        (
            "missing-column-belopp",
            with(&|b| {
                b.set("Insatser", "E1", V::E);
            }),
        ),
        (
            "missing-column-omrade",
            with(&|b| {
                b.set("Insatser", "A1", t("Områden"));
            }),
        ),
        (
            "duplicate-column",
            with(&|b| {
                b.set("Insatser", "M1", t("Belopp"));
            }),
        ),
        (
            "empty-insats",
            with(&|b| {
                b.set("Insatser", "B3", V::E);
            }),
        ),
        (
            "empty-belopp",
            with(&|b| {
                b.set("Insatser", "E4", V::E);
            }),
        ),
        (
            "empty-ansvarig",
            with(&|b| {
                b.set("Insatser", "G2", t("   "));
            }),
        ),
        (
            "amount-tkr",
            with(&|b| {
                b.set("Insatser", "E2", t("ca 500 tkr"));
            }),
        ),
        (
            "amount-with-note",
            with(&|b| {
                b.set("Insatser", "E3", t("250 000 (delfinansierad)"));
            }),
        ),
        (
            "amount-negative",
            with(&|b| {
                b.set("Insatser", "E2", n(-5000.0));
            }),
        ),
        (
            "amount-negative-text",
            with(&|b| {
                b.set("Insatser", "E2", t("-5 000 kr"));
            }),
        ),
        (
            "amount-letters",
            with(&|b| {
                b.set("Insatsområden", "C2", t("12a"));
            }),
        ),
        (
            "amount-nbsp-text",
            with(&|b| {
                b.set("Insatser", "E2", t("200\u{a0}000\u{a0}kr"));
            }),
        ),
        (
            "amount-decimal-comma",
            with(&|b| {
                b.set("Insatser", "E2", t("199 999,50 kr"));
            }),
        ),
        (
            "unknown-area",
            with(&|b| {
                b.set("Insatser", "A5", t("9"));
            }),
        ),
        (
            "unknown-typ",
            with(&|b| {
                b.set("Insatser", "D2", t("Gammal"));
            }),
        ),
        (
            "unknown-bedomning",
            with(&|b| {
                b.set("Insatser", "K2", t("Blå"));
            }),
        ),
        (
            "subareas-mismatch",
            with(&|b| {
                b.set("Insatsområden", "C3", n(250_000.0));
            }),
        ),
        (
            "over-budget",
            with(&|b| {
                b.set("Insatser", "E4", n(400_000.0));
            }),
        ),
        (
            "unallocated",
            with(&|b| {
                b.set("Insatsområden", "C5", n(550_000.0));
            }),
        ),
        (
            "spent-over-requisitioned",
            with(&|b| {
                b.set("Insatser", "I2", n(100_000.0))
                    .set("Insatser", "J2", n(150_000.0));
            }),
        ),
        (
            "requisitioned-over-amount",
            with(&|b| {
                b.set("Insatser", "I3", n(150_000.0));
            }),
        ),
        (
            "date-not-a-date",
            with(&|b| {
                b.set("Uppgifter", "B6", t("nästa vecka"));
            }),
        ),
        (
            "date-as-text",
            with(&|b| {
                b.set("Uppgifter", "B6", t("2025-09-29"));
            }),
        ),
        (
            "date-as-serial",
            with(&|b| {
                b.set("Uppgifter", "B6", n(45929.0));
            }),
        ),
        (
            "year-not-a-year",
            with(&|b| {
                b.set("Uppgifter", "B3", t("tjugofem"));
            }),
        ),
        (
            "missing-field-titel",
            with(&|b| {
                b.set("Uppgifter", "B2", V::E);
            }),
        ),
        (
            "duplicate-area-code",
            with(&|b| {
                b.set("Insatsområden", "A4", t("1a"));
            }),
        ),
        (
            "missing-parent-area",
            with(&|b| {
                b.push_row("Insatsområden", vec![t("7a"), t("Föräldralöst"), n(0.0)]);
            }),
        ),
        (
            "uppdrag-unknown-in-avsnitt",
            with(&|b| {
                b.set("Avsnitt", "A3", t("U9"));
            }),
        ),
        (
            "uppdrag-without-sections",
            with(&|b| {
                b.push_row("Uppdrag", vec![t("U2"), t("Tomt uppdrag")]);
            }),
        ),
        (
            "empty-rubrik",
            with(&|b| {
                b.set("Avsnitt", "B2", V::E);
            }),
        ),
        (
            "unmatched-footnote",
            with(&|b| {
                b.set("Avsnitt", "C2", t("Text ^[utan slut"));
            }),
        ),
        (
            "reports-to-unknown",
            with(&|b| {
                b.set("Grupper", "H3", t("Ingen sådan grupp"));
            }),
        ),
        (
            "reports-to-cycle",
            with(&|b| {
                b.set("Grupper", "H2", t("Arbetsgrupp"));
            }),
        ),
        (
            "unknown-project",
            with(&|b| {
                b.set("Uppdrag", "F2", t("Proj 1, Proj 77"));
            }),
        ),
        (
            "unknown-huvudman",
            with(&|b| {
                b.set("Grupper", "I2", t("Staten"));
            }),
        ),
        (
            "duplicate-uppdrag-id",
            with(&|b| {
                b.push_row("Uppdrag", vec![t("U1"), t("Samma id")]);
            }),
        ),
        (
            "duplicate-group",
            with(&|b| {
                b.push_row("Grupper", vec![t("U1"), t("Styrgrupp")]);
            }),
        ),
        (
            "markup-in-cells",
            with(&|b| {
                b.set("Insatser", "C2", t("#read(\"/etc/passwd\") $x$ *y* <z> @w"));
            }),
        ),
        // Excel's own limit for a cell; the 1 MB cell beyond it is a hand-made file (README).
        (
            "big-cell-32767",
            with(&|b| {
                b.set("Insatser", "C2", t(&"Lång beskrivning. ".repeat(1_820)));
            }),
        ),
        (
            "level-jump",
            with(&|b| {
                b.set("Avsnitt", "D1", t("Nivå"))
                    .set("Avsnitt", "D2", n(1.0))
                    .set("Avsnitt", "D3", n(3.0));
            }),
        ),
        (
            "level-not-a-level",
            with(&|b| {
                b.set("Avsnitt", "D1", t("Nivå"))
                    .set("Avsnitt", "D3", t("underrubrik"));
            }),
        ),
        // Pictures are looked up beside the workbook, in tests/bad-input/ (bilder/ holds a real one).
        (
            "picture-missing-file",
            with(&|b| pictures(b, "Bakgrund", "bilder/finns-inte.png", "En bild")),
        ),
        (
            "picture-not-an-image",
            with(&|b| pictures(b, "Bakgrund", "README.md", "En bild")),
        ),
        (
            "picture-outside-folder",
            with(&|b| pictures(b, "Bakgrund", "../bad_input.rs", "En bild")),
        ),
        (
            "picture-without-alt-text",
            with(&|b| pictures(b, "Bakgrund", "bilder/ruta.svg", "")),
        ),
        (
            "picture-section-not-found",
            with(&|b| pictures(b, "Bakgrunden", "bilder/ruta.svg", "En bild")),
        ),
        (
            "stray-cell-xfd1048576",
            with(&|b| {
                b.set("Insatser", "XFD1048576", t("x"));
            }),
        ),
    ];

    // Money beyond any public budget: 1 100 insatser of 90 000 000 000 000 kr once summed to a
    // negative "fördelat" and passed; now each cell is "orimligt stort" and no sum is judged.
    let mut huge = base();
    huge.sheet_mut("Insatser").truncate(1);
    for i in 0..1_100 {
        huge.push_row(
            "Insatser",
            vec![
                t("2"),
                t(&format!("Insats {i}")),
                V::E,
                t("Ny"),
                n(90_000_000_000_000.0),
                V::E,
                t("Kommun B"),
                t("Proj 3"),
            ],
        );
    }
    huge.set("Uppdrag", "F2", V::E);
    cases.push(("amount-overflowing-sum", huge));
    cases.push((
        "budget-too-large",
        with(&|b| {
            b.set("Insatsområden", "C2", t("10 800 000 000 000 000 kr"));
        }),
    ));
    cases.push((
        "formula-without-result",
        with(&|b| {
            b.set("Insatser", "E3", V::F("=SUM(E4:E5)".into()));
            b.set("Insatser", "B4", V::F("=\"Insats \"&A4".into()));
        }),
    ));

    // A title block above the header, columns in another order, extra columns: all fine.
    let mut shifted = base();
    for (_, rows) in shifted.sheets.iter_mut().filter(|(n, _)| n == "Insatser") {
        for row in rows.iter_mut() {
            row.reverse();
            row.push(t("egen kolumn"));
        }
        rows.insert(0, vec![t("Insatser 2025 – arbetsversion")]);
        rows.insert(1, vec![]);
    }
    cases.push(("header-below-title-reordered-extra-columns", shifted));

    // 10 000 insatser in one area whose budget is exactly their sum: reads and checks without problems.
    let mut many = base();
    many.sheet_mut("Insatser").truncate(1);
    for i in 0..10_000 {
        many.push_row(
            "Insatser",
            vec![
                t("2"),
                t(&format!("Insats {i}")),
                V::E,
                t("Ny"),
                n(100.0),
                V::E,
                t("Kommun B"),
                t("Proj 3"),
            ],
        );
    }
    many.set("Insatsområden", "C5", n(1_000_000.0));
    many.set("Insatsområden", "C2", n(0.0))
        .set("Insatsområden", "C3", n(0.0))
        .set("Insatsområden", "C4", n(0.0));
    many.set("Uppdrag", "F2", V::E);
    cases.push(("rows-10000", many));

    // Kontakter: an address with å, a typo in Ansvarig, the same organisation twice, and
    // organisations with insatser but no contact.
    let mut contacts = base();
    contacts.sheets.push((
        "Kontakter".into(),
        vec![
            ["Ansvarig", "Namn", "E-post", "Kopia"]
                .iter()
                .map(|h| t(h))
                .collect(),
            vec![t("Kommun B"), t("Åsa Öberg"), t("åsa.oberg@kommunb.se")],
            vec![t("Komun C"), t("Eva Lund"), t("eva.lund@kommunc.se")],
            vec![
                t("kommun b"),
                t("Per Ek"),
                t("per.ek@kommunb.se"),
                t("kansli@kommunb"),
            ],
            vec![t("Division A"), V::E, V::E],
        ],
    ));
    cases.push(("kontakter-fel", contacts));
    let mut sender = base();
    sender
        .push_row("Uppgifter", vec![t("Sista dag"), t("sista oktober")])
        .push_row(
            "Uppgifter",
            vec![t("Avsändare"), t("Anna Berg, anna.berg@")],
        );
    cases.push(("uppgifter-sista-dag-avsandare", sender));
    cases
}

/// Adds sheet Bilder with one picture of U1.
fn pictures(b: &mut Book, heading: &str, file: &str, alt: &str) {
    b.sheets.push((
        "Bilder".into(),
        vec![
            ["Uppdrag", "Rubrik", "Fil", "Bildtext", "Alternativtext"]
                .iter()
                .map(|h| t(h))
                .collect(),
            vec![t("U1"), t(heading), t(file), t("Bildtext"), t(alt)],
        ],
    ));
}

#[test]
#[ignore = "writes the generated corpus files; run when a case is added"]
fn regenerate() {
    let dir = corpus_dir();
    std::fs::create_dir_all(&dir).unwrap();
    for (name, book) in generate() {
        book.write(&dir.join(format!("{name}.xlsx")));
    }
}

/// `styrdok check <case>` as a user sees it: exit code, then the report (paths made relative). A
/// panic would fail the test. Each case is checked once per test binary, for this test and others.
fn run_check(path: &Path) -> (u8, String) {
    let (_, ran, _) = crate::common::library::bad_input_corpus()
        .iter()
        .find(|(file, _, _)| file == path)
        .expect("a case of the corpus");
    let report = ran
        .report
        .replace(&*corpus_dir().to_string_lossy(), "tests/bad-input");
    (ran.code, report)
}

#[test]
fn every_case_gives_its_snapshotted_diagnostics_and_none_panics() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        // Files only: bilder/ holds the picture the picture cases refer to.
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    assert!(files.len() >= 50, "the corpus has {} cases", files.len());
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots/bad_input");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for file in &files {
            let (code, stdout) = run_check(file);
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            assert!(matches!(code, 0 | 1), "{name}: exit code {code}");
            // Every problem names a place: a cell, a sheet or at least the file.
            for line in stdout.lines().filter(|l| {
                l.trim_start().starts_with("fel") || l.trim_start().starts_with("varning")
            }) {
                let named = line.contains('!')
                    || line.contains("bladet")
                    || stdout.starts_with(&name)
                    || line.contains(&name);
                assert!(named, "{name}: a problem without a place: {line}");
            }
            insta::assert_snapshot!(name.replace('.', "_"), format!("slutkod {code}\n{stdout}"));
        }
    });
}
