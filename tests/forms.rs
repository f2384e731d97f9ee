//! The forms round trip as a coordinator runs it: send forms, get them back edited by other programs
//! (rows re-sorted, columns moved, a row added, a locked cell edited, a bad amount, one form missing),
//! collect, and build the återrapport from the merged workbook.

use crate::common::office::{convert, office};
use crate::common::returned::{read_sheet, rewrite, set};
use crate::common::{Book, library, pdf_text, run};
use calamine::{Reader, open_workbook_auto};
use std::path::{Path, PathBuf};

fn os(p: &Path) -> &std::ffi::OsStr {
    p.as_os_str()
}

#[test]
fn forms_round_trip_merges_what_was_reported_and_names_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let input = Book::valid().write(&dir.path().join("ok.xlsx"));
    let input_bytes = std::fs::read(&input).unwrap();
    let sent = dir.path().join("skickat");
    library::forms(&input, &sent).ok();

    // One form per Ansvarig, each with only its insatser, keys hidden but present.
    let mut names: Vec<String> = std::fs::read_dir(&sent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "division-a.xlsx",
            "kommun-b.xlsx",
            "kommun-c.xlsx",
            "rss-test.xlsx"
        ]
    );
    let kommun_b = read_sheet(&sent.join("kommun-b.xlsx"), "Uppföljning");
    assert_eq!(kommun_b.len(), 1);
    assert_eq!(kommun_b[0]["Insats"], "Utbildning");
    assert!(!kommun_b[0]["Nyckel"].is_empty());

    // The forms come back, each edited by another program.
    let back = dir.path().join("tillbaka");
    std::fs::create_dir(&back).unwrap();
    rewrite(
        &sent.join("kommun-b.xlsx"),
        &back.join("kommun-b.xlsx"),
        |rows| {
            set(&mut rows[0], "Rekvirerat", "250000");
            set(&mut rows[0], "Förbrukat", "200 000 kr");
            set(&mut rows[0], "Bedömning", "Gul");
            set(&mut rows[0], "Kommentar", "Kursen flyttades till hösten.");
            let mut extra = std::collections::BTreeMap::new();
            set(&mut extra, "Insats", "En ny insats vi lade till");
            set(&mut extra, "Rekvirerat", "5000");
            rows.push(extra);
        },
    );
    rewrite(
        &sent.join("kommun-c.xlsx"),
        &back.join("kommun-c.xlsx"),
        |rows| {
            set(&mut rows[0], "Rekvirerat", "100000");
            set(&mut rows[0], "Förbrukat", "ca 5 tkr");
        },
    );
    rewrite(
        &sent.join("division-a.xlsx"),
        &back.join("division-a.xlsx"),
        |rows| {
            set(&mut rows[0], "Insats", "BISAM (nytt namn)");
            set(&mut rows[0], "Rekvirerat", "100000");
        },
    );
    // RSS Test never sends its form back.

    let merged_dir = dir.path().join("ut");
    let out = run([
        os(Path::new("collect")),
        os(&back),
        os(&input),
        os(Path::new("-o")),
        os(&merged_dir),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a form error is flagged: {stdout}"
    );
    assert!(
        stdout.contains("Har inte rapporterat (1):\n  RSS Test"),
        "{stdout}"
    );
    assert!(stdout.contains("kommun-c.xlsx"), "{stdout}");
    assert!(
        stdout.contains("Uppföljning!C2: Förbrukat «ca 5 tkr» är inte ett belopp"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Uppföljning!A3: raden har ingen nyckel"),
        "the added row: {stdout}"
    );
    assert!(
        stdout.contains("Insats är ändrad i blanketten («BISAM (nytt namn)»"),
        "{stdout}"
    );

    // The merged workbook: Utbildning (row 4) and BISAM (row 3) filled, Temamånad (row 5) untouched.
    let merged = merged_dir.join("ok-uppdaterad.xlsx");
    let insatser = read_sheet(&merged, "Insatser");
    let by_name = |n: &str| insatser.iter().find(|r| r["Insats"] == n).unwrap().clone();
    assert_eq!(by_name("Utbildning")["Rekvirerat"], "250000");
    assert_eq!(by_name("Utbildning")["Förbrukat"], "200000");
    assert_eq!(by_name("Utbildning")["Bedömning"], "Gul");
    assert_eq!(by_name("BISAM")["Rekvirerat"], "100000");
    assert_eq!(
        by_name("Temamånad")["Rekvirerat"],
        "",
        "nothing merged from a row with a bad amount"
    );
    assert_eq!(
        std::fs::read(&input).unwrap(),
        input_bytes,
        "the input is never written"
    );

    // Rebuild from the merged workbook: the återrapport shows the reported figures.
    let report_dir = dir.path().join("rapport");
    library::build(&merged, &report_dir).run().ok();
    let text = pdf_text(&report_dir.join("aterrapport-2025.pdf"));
    assert!(
        text.contains("300 000 250 000 200 000 100 000 Gul"),
        "{text}"
    );
    assert!(text.contains("Kommentar: Kursen flyttades till hösten."));
}

#[test]
fn two_forms_disagreeing_on_one_insats_merge_neither() {
    let dir = tempfile::tempdir().unwrap();
    let input = Book::valid().write(&dir.path().join("ok.xlsx"));
    let sent = dir.path().join("skickat");
    library::forms(&input, &sent).ok();
    let back = dir.path().join("tillbaka");
    std::fs::create_dir(&back).unwrap();
    for (name, amount) in [("kommun-b.xlsx", "1000"), ("kommun-b-kopia.xlsx", "2000")] {
        rewrite(&sent.join("kommun-b.xlsx"), &back.join(name), |rows| {
            set(&mut rows[0], "Rekvirerat", amount)
        });
    }
    let out_dir = dir.path().join("ut");
    let out = run([
        os(Path::new("collect")),
        os(&back),
        os(&input),
        os(Path::new("-o")),
        os(&out_dir),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("samma insats finns också i kommun-b-kopia.xlsx")
            || stdout.contains("samma insats finns också i kommun-b.xlsx"),
        "{stdout}"
    );
    let insatser = read_sheet(&out_dir.join("ok-uppdaterad.xlsx"), "Insatser");
    let utbildning = insatser
        .iter()
        .find(|r| r["Insats"] == "Utbildning")
        .unwrap();
    assert_eq!(utbildning["Rekvirerat"], "");
}

#[test]
fn forms_saved_by_libreoffice_are_read() {
    let Some(office) = office() else { return };
    let dir = tempfile::tempdir().unwrap();
    let input = Book::valid().write(&dir.path().join("ok.xlsx"));
    let sent = dir.path().join("skickat");
    library::forms(&input, &sent).ok();
    let filled = dir.path().join("ifylld");
    std::fs::create_dir(&filled).unwrap();
    rewrite(
        &sent.join("kommun-b.xlsx"),
        &filled.join("kommun-b.xlsx"),
        |rows| set(&mut rows[0], "Rekvirerat", "123000"),
    );
    let back = dir.path().join("tillbaka");
    for format in ["ods", "xlsx"] {
        convert(
            office,
            &[&filled.join("kommun-b.xlsx")],
            format,
            &back.join(format),
        );
        let out_dir: PathBuf = dir.path().join(format!("ut-{format}"));
        let out = run([
            os(Path::new("collect")),
            os(&back.join(format)),
            os(&input),
            os(Path::new("-o")),
            os(&out_dir),
        ]);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let insatser = read_sheet(&out_dir.join("ok-uppdaterad.xlsx"), "Insatser");
        let utbildning = insatser
            .iter()
            .find(|r| r["Insats"] == "Utbildning")
            .unwrap();
        assert_eq!(utbildning["Rekvirerat"], "123000", "{format}");
    }
}

#[test]
fn a_form_locks_the_identity_opens_the_follow_up_and_validates_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = Book::valid().write(&dir.path().join("ok.xlsx"));
    let sent = dir.path().join("skickat");
    library::forms(&input, &sent).ok();
    let file = std::fs::File::open(sent.join("kommun-b.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet2.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(xml.contains("<sheetProtection"), "sheet protected");
    assert!(xml.contains("hidden=\"1\""), "key column hidden");
    assert!(
        xml.contains("type=\"decimal\"") && xml.contains("operator=\"greaterThanOrEqual\""),
        "amounts ≥ 0"
    );
    assert!(xml.contains("\"Grön,Gul,Röd\""), "Bedömning dropdown");
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains("locked=\"0\""), "follow-up cells unlocked");
    let mut wb = open_workbook_auto(sent.join("kommun-b.xlsx")).unwrap();
    let text: Vec<String> = wb
        .worksheet_range("Instruktioner")
        .unwrap()
        .rows()
        .map(|r| r[0].to_string())
        .collect();
    assert!(
        text.iter()
            .any(|l| l.contains("Välj Grön") || l.contains("Bedömning: välj Grön")),
        "{text:?}"
    );
}
