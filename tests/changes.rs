//! Changes since the last meeting: `styrdok diff` and `styrdok build --sedan`, from pairs of
//! workbooks made from the test agreement — what the terminal, the deck, the report and the
//! workbook's `Förändringar` sheet say.

use crate::common::library::{Ran, build};
use crate::common::{Book, V, mentions, n, pdf_text, t};
use calamine::{Data, Reader, open_workbook_auto};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Spaces as a reader sees them: the non-breaking ones in amounts become plain spaces.
fn plain(text: &str) -> String {
    text.replace('\u{a0}', " ")
}

fn write_pair(dir: &Path, before: &Book, now: &Book) -> (PathBuf, PathBuf) {
    std::fs::create_dir_all(dir.join("forra")).unwrap();
    std::fs::create_dir_all(dir.join("nu")).unwrap();
    (
        before.write(&dir.join("forra/ok.xlsx")),
        now.write(&dir.join("nu/ok.xlsx")),
    )
}

fn diff(before: &Path, now: &Path) -> (u8, String, String) {
    let (code, stdout, stderr) = crate::common::library::diff(before, now);
    (code, plain(&stdout), plain(&stderr))
}

/// `build NOW -o OUT --sedan BEFORE`, in-process.
fn build_since(before: &Path, now: &Path, out_dir: &Path) -> Ran {
    build(now, out_dir).since(before).run()
}

/// The rows of a sheet as text; numbers as integers when whole.
fn sheet_rows(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut wb = open_workbook_auto(path).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(x) if x.fract() == 0.0 => format!("{}", *x as i64),
                    Data::Int(x) => x.to_string(),
                    other => plain(&other.to_string()),
                })
                .collect()
        })
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> V {
    V::D(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

/// Before: the test agreement with Bedömning Gul on Utbildning and an area 4 whose 50 000 kr are
/// unallocated (a warning of the earlier version). Now, every kind of change at once — and still a
/// valid workbook.
fn every_kind_of_change() -> (Book, Book) {
    let mut before = Book::valid();
    before.set("Insatser", "K4", t("Gul"));
    before.push_row(
        "Insatsområden",
        vec![t("4"), t("Gammalt område"), n(50_000.0)],
    );

    let mut now = before.clone();
    // Uppgifter: a new report date.
    now.set("Uppgifter", "B6", date(2025, 11, 20));
    // Areas: 1a and 1b swap budgets, 1b is renamed, 3 is added, 4 is gone.
    now.set("Insatsområden", "C3", n(100_000.0));
    now.set("Insatsområden", "C4", n(200_000.0));
    now.set("Insatsområden", "B4", t("Samverkan och brukarinflytande"));
    now.sheet_mut("Insatsområden").pop();
    now.push_row(
        "Insatsområden",
        vec![t("3"), t("Nytt område"), n(100_000.0)],
    );
    // Projektledare moves from 1a to 1b; BISAM is removed.
    now.set("Insatser", "A2", t("1b"));
    now.sheet_mut("Insatser").remove(2);
    // Utbildning (now row 3): follow-up figures, status, assessment and type.
    now.set("Insatser", "I3", n(100_000.0));
    now.set("Insatser", "J3", n(80_000.0));
    now.set("Insatser", "F3", t("Klar"));
    now.set("Insatser", "K3", t("Röd"));
    now.set("Insatser", "D3", t("Pågående/fortsättning"));
    // Temamånad (row 4): 50 000 kr move to a new insats of the same area; new recipient, project
    // and description.
    now.set("Insatser", "E4", n(150_000.0));
    now.set("Insatser", "G4", t("Kommun E"));
    now.set("Insatser", "H4", t("Proj 4"));
    now.set("Insatser", "C4", t("Aktiviteter under hela september."));
    now.push_row(
        "Insatser",
        vec![
            t("2"),
            t("Chefsutbildning"),
            t("Utbildning för chefer."),
            t("Ny"),
            n(50_000.0),
            t("Planeras"),
            t("Kommun D"),
            t("Proj 9"),
        ],
    );
    (before, now)
}

#[test]
fn every_kind_of_change_in_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let (before, now) = every_kind_of_change();
    let (before, now) = write_pair(dir.path(), &before, &now);
    let (out, text, errors) = diff(&before, &now);
    assert_eq!(out, 0, "{text}\n{errors}");

    for expected in [
        "Förändringar sedan 2025-09-29",
        "Uppgifter\n  Ändrad     Datum 2025-09-29 → 2025-11-20",
        // Area 1: budgets swapped between sub-areas, a rename, an insats moved, one removed.
        "1. Strategin\n  Budget 300 000 → 300 000 kr (±0 kr), fördelat 300 000 → 200 000 kr (−100 000 kr)",
        "Ändrad     område 1a Handlingsplaner: Budget 200 000 → 100 000 kr (−100 000 kr)",
        "Ändrad     område 1b Samverkan och brukarinflytande: Namn Samverkan → Samverkan och brukarinflytande; Budget 100 000 → 200 000 kr (+100 000 kr)",
        "Ändrad     1b  Projektledare: Område 1a → 1b",
        "Borttagen  1b  BISAM: Belopp 100 000 kr",
        // Area 2: money moved between insatser, the net unchanged.
        "2. Suicidprevention\n  Budget 500 000 → 500 000 kr (±0 kr), fördelat 500 000 → 500 000 kr (±0 kr)",
        "Ändrad     2   Utbildning: Typ Ny → Pågående/fortsättning; Rekvirerat – → 100 000 kr (+100 000 kr); Förbrukat – → 80 000 kr (+80 000 kr); Status Pågår → Klar; Bedömning Gul → Röd",
        "Ändrad     2   Temamånad: Belopp 200 000 → 150 000 kr (−50 000 kr); Ansvarig Kommun C → Kommun E; Projekt Proj 3 → Proj 4; Beskrivning Aktiviteter. → Aktiviteter under hela september.",
        "Ny         2   Chefsutbildning: Belopp 50 000 kr",
        // Areas added and removed.
        "3. Nytt område\n  Budget – → 100 000 kr (+100 000 kr), fördelat 0 → 0 kr (±0 kr)\n  Ny         område 3 Nytt område: Budget 100 000 kr",
        "4. Gammalt område\n  Budget 50 000 → – kr (−50 000 kr), fördelat 0 → 0 kr (±0 kr)\n  Borttagen  område 4 Gammalt område: Budget 50 000 kr",
        "1 ny, 1 borttagen och 3 ändrade insatser.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // The earlier version's problems are warnings, marked as history.
    assert!(
        errors.contains(
            "varning  Insatsområden!C6: 50 000 kr ofördelat i 4 (budget 50 000 kr, fördelat 0 kr) (förra versionen)"
        ),
        "{errors}"
    );
    assert!(!errors.contains("fel "), "{errors}");
}

/// `diff --format json`: the same changes for a script, amounts as numbers with their cells.
#[test]
fn every_kind_of_change_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let (before, now) = every_kind_of_change();
    let (before, now) = write_pair(dir.path(), &before, &now);
    let out = crate::common::styrdok()
        .args(["diff", "--format", "json"])
        .arg(&before)
        .arg(&now)
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["command"], "diff");
    assert_eq!(doc["status"], "ok");
    let changes = &doc["changes"][0];
    assert_eq!(changes["since"], "2025-09-29");
    assert_eq!(
        changes["counts"],
        serde_json::json!({ "new": 1, "removed": 1, "changed": 3 })
    );
    assert_eq!(
        changes["info"][0],
        serde_json::json!({ "field": "Datum", "before": "2025-09-29", "after": "2025-11-20", "difference": null })
    );
    let area2 = changes["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == "2")
        .unwrap();
    assert_eq!(area2["allocated_before"], 500_000);
    assert_eq!(area2["allocated_after"], 500_000);
    let temamanad = area2["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Temamånad")
        .unwrap();
    assert_eq!(temamanad["kind"], "insats");
    assert_eq!(temamanad["mark"], "Ändrad");
    assert_eq!(temamanad["cell"], "Insatser!B4");
    assert_eq!(
        temamanad["fields"][0],
        serde_json::json!({ "field": "Belopp", "before": 200_000, "after": 150_000, "difference": -50_000 })
    );
    let new = area2["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["mark"] == "Ny")
        .unwrap();
    assert_eq!(new["name"], "Chefsutbildning");
    // The earlier version's problems are warnings, marked as history.
    let warning = &doc["diagnostics"][0];
    assert_eq!(warning["severity"], "warning");
    assert_eq!(warning["place"], "Insatsområden!C6");
    assert_eq!(warning["previous_version"], true);
}

#[test]
fn every_kind_of_change_in_the_deck_report_and_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let (before, now) = every_kind_of_change();
    let (before, now) = write_pair(dir.path(), &before, &now);
    let out_dir = dir.path().join("ut");
    let out = build_since(&before, &now, &out_dir).ok();
    assert!(out.report.contains("(förra versionen)"), "{}", out.report);

    let deck = pdf_text(&out_dir.join("statusbilder-2025.pdf"));
    for expected in [
        "Förändringar sedan 2025-09-29",
        "1 ny, 1 borttagen och 3 ändrade insatser",
        "Datum 2025-09-29 → 2025-11-20",
        "Ändrad 1b Projektledare Område 1a → 1b",
        "Ändrad 1b Delområde: Samverkan och brukarinflytande Namn Samverkan → Samverkan och brukarinflytande Budget 100 000 → 200 000 kr (+100 000 kr)",
        "Borttagen 1b BISAM Belopp 100 000 kr",
        "Belopp 200 000 → 150 000 kr (−50 000 kr)",
        "Bedömning Gul → Röd",
        "Ny 2 Chefsutbildning Belopp 50 000 kr",
        "Ny 3 Insatsområde: Nytt område Budget 100 000 kr",
        "Borttagen 4 Insatsområde: Gammalt område",
        // The net per area: area 1 lost 100 000 kr of allocated money.
        "1 Strategin 300 000 kr ±0 kr 300 000 → 200 000 kr −100 000 kr",
        // The marks in the per-area tables.
        "Temamånad Ändrad",
        "Chefsutbildning Ny",
    ] {
        assert!(
            mentions(&deck, expected),
            "deck lacks {expected:?}:\n{deck}"
        );
    }
    // The changes slide comes after the overview and before the first area.
    let at = |s: &str| deck.find(s).unwrap_or_else(|| panic!("{s} not in deck"));
    assert!(at("Insatsområden 2025") < at("Förändringar sedan"));
    assert!(at("Förändringar sedan") < at("Beskrivning av insatsområdet"));

    let report = pdf_text(&out_dir.join("aterrapport-2025.pdf"));
    for expected in [
        "Förändringar sedan 2025-09-29",
        "Sedan versionen från 2025-09-29 har 1 insats tillkommit, 1 tagits bort och 3 ändrats.",
        "Ändrad 2 Temamånad Belopp 200 000 → 150 000 kr (−50 000 kr)",
        "Status Pågår → Klar",
        "Borttagen 1b BISAM",
        "Ny 2 Chefsutbildning",
    ] {
        assert!(
            mentions(&report, expected),
            "report lacks {expected:?}:\n{report}"
        );
    }

    let rows = sheet_rows(&out_dir.join("ok-uppdaterad.xlsx"), "Förändringar");
    assert_eq!(
        rows[0],
        [
            "Typ av förändring",
            "Område",
            "Insats",
            "Fält",
            "Före",
            "Efter",
            "Skillnad i kr",
            "Cell"
        ]
    );
    let has = |row: &[&str]| {
        assert!(
            rows.iter().any(|r| r[..row.len()] == *row),
            "no row {row:?} in {rows:#?}"
        )
    };
    has(&[
        "Ändrad uppgift",
        "",
        "",
        "Datum",
        "2025-09-29",
        "2025-11-20",
        "",
        "Uppgifter!B6",
    ]);
    has(&[
        "Ändrad insats",
        "2",
        "Temamånad",
        "Belopp",
        "200 000 kr",
        "150 000 kr",
        "-50000",
        "Insatser!E4",
    ]);
    has(&[
        "Ändrad insats",
        "2",
        "Utbildning",
        "Bedömning",
        "Gul",
        "Röd",
        "",
        "Insatser!K3",
    ]);
    has(&[
        "Ändrad insats",
        "1b",
        "Projektledare",
        "Område",
        "1a",
        "1b",
        "",
        "Insatser!A2",
    ]);
    has(&[
        "Ny insats",
        "2",
        "Chefsutbildning",
        "Belopp",
        "",
        "50 000 kr",
        "50000",
        "Insatser!E5",
    ]);
    has(&[
        "Borttagen insats",
        "1b",
        "BISAM",
        "Belopp",
        "100 000 kr",
        "",
        "-100000",
        "",
    ]);
    has(&[
        "Ändrat område",
        "1b",
        "",
        "Namn",
        "Samverkan",
        "Samverkan och brukarinflytande",
        "",
        "Insatsområden!B4",
    ]);
    has(&[
        "Nytt område",
        "3",
        "",
        "Budget",
        "",
        "100 000 kr",
        "100000",
        "Insatsområden!C6",
    ]);
    has(&[
        "Borttaget område",
        "4",
        "",
        "Budget",
        "50 000 kr",
        "",
        "-50000",
    ]);
    // Every changed field of Utbildning and Temamånad is its own row.
    let count = |name: &str| rows.iter().filter(|r| r[2] == name).count();
    assert_eq!(count("Utbildning"), 5);
    assert_eq!(count("Temamånad"), 4);
}

#[test]
fn identical_versions_say_so_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let (before, now) = write_pair(dir.path(), &Book::valid(), &Book::valid());
    let (out, text, _) = diff(&before, &now);
    assert_eq!(out, 0);
    assert_eq!(text, "Inga förändringar sedan 2025-09-29.\n");

    let out_dir = dir.path().join("ut");
    build_since(&before, &now, &out_dir).ok();
    let rows = sheet_rows(&out_dir.join("ok-uppdaterad.xlsx"), "Förändringar");
    assert_eq!(rows[1][0], "Inga förändringar sedan 2025-09-29.");
    let deck = pdf_text(&out_dir.join("statusbilder-2025.pdf"));
    assert!(mentions(&deck, "Inga insatser har ändrats."), "{deck}");
}

/// Id column M in Insatser, I-1 … I-4.
fn with_ids(mut book: Book) -> Book {
    book.set("Insatser", "M1", t("Id"));
    for row in 2..=5 {
        book.set("Insatser", &format!("M{row}"), t(&format!("I-{}", row - 1)));
    }
    book
}

#[test]
fn an_id_follows_an_insats_through_a_rename() {
    let dir = tempfile::tempdir().unwrap();
    let before = with_ids(Book::valid());
    let mut now = before.clone();
    // Renamed, and nothing else left to recognise it by: amount, recipient and project changed too.
    now.set("Insatser", "B4", t("MHFA-utbildning"));
    now.set("Insatser", "E4", n(250_000.0));
    now.set("Insatser", "G4", t("Kommun F"));
    now.set("Insatser", "H4", t("Proj 7"));
    let (before, now) = write_pair(dir.path(), &before, &now);
    let (out, text, _) = diff(&before, &now);
    assert_eq!(out, 0);
    assert!(
        text.contains(
            "Ändrad     2   MHFA-utbildning: Insats Utbildning → MHFA-utbildning; Belopp 300 000 → 250 000 kr (−50 000 kr); Ansvarig Kommun B → Kommun F; Projekt Proj 3 → Proj 7"
        ),
        "{text}"
    );
    assert!(
        text.contains("0 nya, 0 borttagna och 1 ändrad insats."),
        "{text}"
    );

    // The updated workbook carries the Id column.
    let out_dir = dir.path().join("ut");
    build_since(&before, &now, &out_dir).ok();
    let rows = sheet_rows(&out_dir.join("ok-uppdaterad.xlsx"), "Insatser");
    assert_eq!(rows[0][12], "Id");
    assert_eq!(rows[3][12], "I-3");
}

#[test]
fn a_rename_without_id_is_recognised_only_when_unmistakable() {
    let dir = tempfile::tempdir().unwrap();
    let before = Book::valid();
    // One removed, one added, same Projekt, Ansvarig and Belopp: a rename.
    let mut now = before.clone();
    now.set("Insatser", "B3", t("BISAM brukarinflytande"));
    let (b, a) = write_pair(dir.path(), &before, &now);
    let (_, text, _) = diff(&b, &a);
    assert!(
        text.contains(
            "Ändrad     1b  BISAM brukarinflytande: Insats BISAM → BISAM brukarinflytande"
        ),
        "{text}"
    );

    // One removed, two added with its Projekt, Ansvarig and Belopp: which one is it? Not guessed.
    let dir = tempfile::tempdir().unwrap();
    let mut now = before.clone();
    now.set("Insatsområden", "C5", n(700_000.0));
    now.set("Insatser", "B5", t("Temamånad höst"));
    now.push_row(
        "Insatser",
        vec![
            t("2"),
            t("Temamånad vår"),
            t("Aktiviteter."),
            t("Ny"),
            n(200_000.0),
            t("Pågår"),
            t("Kommun C"),
            t("Proj 3"),
        ],
    );
    let (b, a) = write_pair(dir.path(), &before, &now);
    let (out, text, _) = diff(&b, &a);
    assert_eq!(out, 0);
    assert!(
        text.contains("Borttagen  2   Temamånad: Belopp 200 000 kr"),
        "{text}"
    );
    assert!(
        text.contains("Ny         2   Temamånad höst: Belopp 200 000 kr"),
        "{text}"
    );
    assert!(
        text.contains("Ny         2   Temamånad vår: Belopp 200 000 kr"),
        "{text}"
    );
    assert!(!text.contains("Insats Temamånad →"), "{text}");
    assert!(
        text.contains("2 nya, 1 borttagen och 0 ändrade insatser."),
        "{text}"
    );
}

#[test]
fn duplicate_keys_are_an_error_naming_both_cells() {
    let dir = tempfile::tempdir().unwrap();
    let before = Book::valid();
    let mut now = before.clone();
    // The same name, written differently: case and spaces do not make it another insats.
    now.set("Insatser", "B5", t(" utbildning "));
    let (b, a) = write_pair(dir.path(), &before, &now);
    let (out, _, errors) = diff(&b, &a);
    assert_eq!(out, 1);
    assert!(
        errors.contains("fel      Insatser!B5: insatsen «utbildning» finns redan i Insatser!B4"),
        "{errors}"
    );
    assert!(errors.contains("lägg till kolumnen Id"), "{errors}");

    // With Ids, a duplicate Id in the earlier version says which version it is in; nothing is built.
    let dir = tempfile::tempdir().unwrap();
    let mut before = with_ids(Book::valid());
    before.set("Insatser", "M5", t("I-1"));
    let now = with_ids(Book::valid());
    let (b, a) = write_pair(dir.path(), &before, &now);
    let out_dir = dir.path().join("ut");
    let out = build_since(&b, &a, &out_dir).code(1);
    let errors = plain(&out.report);
    assert!(
        errors.contains("Insatser!M5: Id «I-1» finns redan i Insatser!M2 (förra versionen)"),
        "{errors}"
    );
    assert!(!out_dir.exists(), "nothing is written");
}

#[test]
fn an_unreadable_earlier_version_stops_the_build() {
    let dir = tempfile::tempdir().unwrap();
    let now = Book::valid().write(&dir.path().join("ok.xlsx"));
    let missing = dir.path().join("finns-inte.xlsx");
    let out_dir = dir.path().join("ut");
    let out = build_since(&missing, &now, &out_dir).code(1);
    assert!(out.report.contains("kunde inte läsas"), "{}", out.report);
    assert!(!out_dir.exists());
}

#[test]
fn an_earlier_updated_workbook_serves_as_the_last_version_and_its_sheet_is_not_carried() {
    let dir = tempfile::tempdir().unwrap();
    let (before, now) = every_kind_of_change();
    let (before, now) = write_pair(dir.path(), &before, &now);
    // Last meeting: built with --sedan against an even older copy (itself), giving a Förändringar sheet.
    let last = dir.path().join("forra-ut");
    build_since(&before, &before, &last).ok();
    let last_updated = last.join("ok-uppdaterad.xlsx");

    // Its computed columns and sheets are no changes; the comparison is the same as from the copy.
    let (out, from_updated, _) = diff(&last_updated, &now);
    assert_eq!(out, 0);
    let (_, from_copy, _) = diff(&before, &now);
    assert_eq!(from_updated, from_copy);

    // Building from that updated workbook: the old Förändringar sheet is not carried over, with or
    // without --sedan, and never becomes "Förändringar (2)".
    let sheets = |path: &Path| open_workbook_auto(path).unwrap().sheet_names().to_vec();
    let plain_build = dir.path().join("utan");
    build(&last_updated, &plain_build).run().ok();
    let names = sheets(&plain_build.join("ok-uppdaterad.xlsx"));
    assert!(
        !names.iter().any(|n| n.starts_with("Förändringar")),
        "{names:?}"
    );
    let again = dir.path().join("igen");
    build_since(&before, &last_updated, &again).ok();
    let names = sheets(&again.join("ok-uppdaterad.xlsx"));
    assert_eq!(
        names
            .iter()
            .filter(|n| n.starts_with("Förändringar"))
            .count(),
        1,
        "{names:?}"
    );
}

#[test]
fn another_organisation_s_workbook_as_the_last_version_is_warned_of() {
    // Another region's workbook chosen as last meeting's: its differences would read as this
    // agreement's changes.
    let dir = tempfile::tempdir().unwrap();
    let mut other = Book::valid();
    other.set("Uppgifter", "B4", t("Region Annanstans"));
    let (before, now) = write_pair(dir.path(), &other, &Book::valid());
    let (_, text, errors) = diff(&before, &now);
    let said = format!("{text}\n{errors}");
    assert!(
        said.contains("förra versionen är från Region Annanstans, inte från RSS Test"),
        "{said}"
    );
    let (_, text, errors) = diff(&now, &now);
    assert!(!format!("{text}{errors}").contains("förra versionen är från"));
}
