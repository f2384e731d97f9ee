//! The build's options as a user meets them: a report per mottagare, a region's own templates (and
//! the error a broken one gives), and the data dump that lets the typst CLI render the same document.

use crate::common::library::{build, export_templates};
use crate::common::{Book, pdf_text};
use std::path::Path;

#[test]
fn per_mottagare_writes_one_report_per_ansvarig_with_only_its_insatser() {
    let dir = tempfile::tempdir().unwrap();
    let input = Book::valid().write(&dir.path().join("in.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).per_mottagare().run().ok();
    let mut names: Vec<String> = std::fs::read_dir(out.join("mottagare"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "division-a.pdf",
            "kommun-b.pdf",
            "kommun-c.pdf",
            "rss-test.pdf"
        ]
    );

    let text = pdf_text(&out.join("mottagare/kommun-b.pdf"));
    assert!(text.contains("Kommun B"));
    assert!(text.contains("Utbildning"), "its own insats");
    assert!(!text.contains("Temamånad"), "another mottagare's insats");
    // Area 2 has 500 000 kr; Kommun B holds 300 000 of it.
    assert!(
        text.contains("2 Suicidprevention 500 000 300 000 60 %"),
        "{text}"
    );
    assert!(
        text.contains("Tilldelat300 000 kr") || text.contains("Tilldelat 300 000 kr"),
        "{text}"
    );
}

#[test]
fn without_the_flag_no_mottagare_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = Book::valid().write(&dir.path().join("in.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).run().ok();
    assert!(!out.join("mottagare").exists());
}

#[test]
fn exported_templates_can_be_branded_and_a_broken_one_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("mallar");
    export_templates(&templates).ok();
    for name in [
        "styrdok.typ",
        "deck.typ",
        "report.typ",
        "mandate.typ",
        "recipient.typ",
    ] {
        assert!(templates.join(name).is_file(), "{name} exported");
    }
    // Exporting again must not overwrite a region's work.
    let again = export_templates(&templates).code(2);
    assert!(again.report.contains("finns redan"), "{}", again.report);

    // Branding: a different organisation line on the återrapport's title.
    let report = templates.join("report.typ");
    let source = std::fs::read_to_string(&report).unwrap();
    let branded = source.replace("[Återrapport]", "[Återrapport – Region Exempel]");
    assert_ne!(
        source, branded,
        "the template still has the line this test brands"
    );
    std::fs::write(&report, branded).unwrap();
    let input = Book::valid().write(&dir.path().join("in.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).templates(&templates).run().ok();
    assert!(pdf_text(&out.join("aterrapport-2025.pdf")).contains("Återrapport – Region Exempel"));

    // A mistake on line 3 of the deck template: named with its file and line, nothing written.
    let deck = templates.join("deck.typ");
    let mut lines: Vec<String> = std::fs::read_to_string(&deck)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    lines.insert(2, "#let x = (".to_string());
    std::fs::write(&deck, lines.join("\n")).unwrap();
    let out2 = dir.path().join("ut2");
    let broken = build(&input, &out2).templates(&templates).run().code(2);
    assert!(broken.report.contains("deck.typ:3"), "{}", broken.report);
    assert!(!out2.exists(), "nothing written when a template fails");
}

#[test]
fn dump_data_writes_the_json_each_document_is_rendered_from() {
    let dir = tempfile::tempdir().unwrap();
    let input = Book::with_mandates().write(&dir.path().join("in.xlsx"));
    let out = dir.path().join("ut");
    let data = dir.path().join("data");
    build(&input, &out).dump_data(&data).run().ok();
    for (json, template) in [
        ("statusbilder-2025.json", "deck.typ"),
        ("aterrapport-2025.json", "report.typ"),
        ("uppdrag/u1-regional-processgrupp.json", "mandate.typ"),
    ] {
        let path = data.join(json);
        let value: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert!(value.is_object(), "{json}");
        let named = std::fs::read_to_string(path.with_extension("template")).unwrap();
        assert_eq!(named, template);
    }
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.join("aterrapport-2025.json")).unwrap())
            .unwrap();
    assert_eq!(report["totals"]["budget"], serde_json::json!(800000));
    assert!(Path::new(&out.join("aterrapport-2025.pdf")).is_file());
}
