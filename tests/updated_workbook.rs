//! The updated workbook as a coordinator meets it: her sheets and values carried over, the computed
//! columns and Summering as live formulas with the right figures, Kontroll pointing at cells, and a
//! file that opens in LibreOffice and can be read and rewritten again.

use crate::common::library::{
    build, check, check_book, example_built, example_built_per_mottagare, example_input,
    read_and_check,
};
use crate::common::office::{CSV_EVERY_SHEET, convert, office, parse_csv};
use crate::common::{Book, V, n, t};
use calamine::{CellType, Data, Range, Reader, Xlsx, open_workbook};
use std::io::Read;
use std::path::{Path, PathBuf};
use styrdok::checks::Checked;
use styrdok::model::{Agreement, AreaFigures, Figures};

use styrdok::workbook;
use styrdok::xlsx::updated_workbook;

// ---- Helpers ----

/// The example's updated workbook, from the build the tests share.
fn example_updated() -> PathBuf {
    example_built().join("ok2025-dalarna-uppdaterad.xlsx")
}

/// Writes the book, reads it as `build` does and renders the updated workbook into the same folder.
fn updated(book: &Book, dir: &Path) -> (PathBuf, Checked) {
    let input = book.write(&dir.join("test.xlsx"));
    let read = workbook::load(&input).expect("readable");
    let checked = check_book(&read);
    let bytes = updated_workbook::render(&read, &checked).expect("rendered");
    let path = dir.join("test-uppdaterad.xlsx");
    std::fs::write(&path, bytes).unwrap();
    (path, checked)
}

fn open(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    open_workbook(path).expect("the updated workbook opens")
}

fn values(path: &Path, sheet: &str) -> Range<Data> {
    open(path).worksheet_range(sheet).expect("sheet")
}

fn formulas(path: &Path, sheet: &str) -> Range<String> {
    open(path).worksheet_formula(sheet).expect("sheet")
}

fn at<T: CellType + Default + Clone>(range: &Range<T>, row: u32, col: u32) -> T {
    range.get_value((row, col)).cloned().unwrap_or_default()
}

fn text(range: &Range<Data>, row: u32, col: u32) -> String {
    match at(range, row, col) {
        Data::String(s) => s,
        Data::Empty => String::new(),
        other => panic!("expected text at ({row}, {col}), got {other:?}"),
    }
}

fn number(range: &Range<Data>, row: u32, col: u32) -> f64 {
    match at(range, row, col) {
        Data::Float(f) => f,
        Data::Int(i) => i as f64,
        Data::Empty => 0.0,
        other => panic!("expected a number at ({row}, {col}), got {other:?}"),
    }
}

/// Columns of a header row, by name.
fn column(range: &Range<Data>, header_row: u32, name: &str) -> u32 {
    let (_, last) = range.end().unwrap();
    (0..=last)
        .find(|&c| at(range, header_row, c) == Data::String(name.to_string()))
        .unwrap_or_else(|| panic!("no column {name}"))
}

fn headers(range: &Range<Data>, row: u32) -> Vec<String> {
    let (_, last) = range.end().unwrap();
    (0..=last)
        .map(|c| match at(range, row, c) {
            Data::String(s) => s,
            _ => String::new(),
        })
        .collect()
}

/// The XML of a worksheet, found by its position among the sheets.
fn sheet_xml(path: &Path, sheet: &str) -> String {
    let index = open(path)
        .sheet_names()
        .iter()
        .position(|s| s == sheet)
        .expect("sheet");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    archive
        .by_name(&format!("xl/worksheets/sheet{}.xml", index + 1))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

fn kronor(amount: styrdok::model::Amount) -> f64 {
    amount.kronor_f64()
}

// ---- The example ----

#[test]
fn example_build_writes_the_updated_workbook_with_every_input_value() {
    let updated = example_updated();
    assert!(updated.is_file(), "no {}", updated.display());
    // Västra Götaland has only uppdrag: no money, no updated workbook.
    let vg = std::fs::read_dir(example_built().join("vastra-gotaland")).unwrap();
    assert!(
        vg.filter_map(Result::ok)
            .all(|e| !e.file_name().to_string_lossy().ends_with(".xlsx"))
    );

    let input = example_input().join("ok2025-dalarna.xlsx");
    let mut original = open(&input);
    let names = open(&updated).sheet_names();
    let mut expected = original.sheet_names();
    expected.extend(["Summering".to_string(), "Kontroll".to_string()]);
    assert_eq!(names, expected);

    // Every cell of every input sheet is there, at the same address, with the same value.
    for sheet in original.sheet_names() {
        let before = original.worksheet_range(&sheet).unwrap();
        let after = values(&updated, &sheet);
        let (row0, col0) = before.start().unwrap();
        for (r, c, value) in before.used_cells() {
            let (r, c) = (row0 + r as u32, col0 + c as u32);
            let carried = at(&after, r, c);
            let same = match (value, &carried) {
                (Data::DateTime(a), Data::DateTime(b)) => a.as_f64() == b.as_f64(),
                (a, b) => a == b,
            };
            assert!(same, "{sheet} ({r}, {c}): {value:?} became {carried:?}");
        }
    }

    // A known insats, found by name, keeps its amount.
    let insatser = values(&updated, "Insatser");
    let name_col = column(&insatser, 0, "Insats");
    let amount_col = column(&insatser, 0, "Belopp");
    let row = (1..insatser.height() as u32)
        .find(|&r| text(&insatser, r, name_col) == "Projektledare för psykisk hälsa")
        .expect("insats");
    assert_eq!(number(&insatser, row, amount_col), 1_000_000.0);
}

#[test]
fn kvar_and_andel_forbrukat_are_formulas_with_their_results() {
    let path = example_updated();
    let cells = values(&path, "Insatser");
    let formulas = formulas(&path, "Insatser");
    let amount = column(&cells, 0, "Belopp");
    let spent = column(&cells, 0, "Förbrukat");
    let remaining = column(&cells, 0, "Kvar");
    let share = column(&cells, 0, "Andel förbrukat");
    let mut rows = 0;
    for row in 1..cells.height() as u32 {
        if text(&cells, row, column(&cells, 0, "Insats")).is_empty() {
            continue;
        }
        rows += 1;
        let (a, s) = (number(&cells, row, amount), number(&cells, row, spent));
        assert!(!at(&formulas, row, remaining).is_empty(), "row {row}");
        assert!(!at(&formulas, row, share).is_empty(), "row {row}");
        assert_eq!(number(&cells, row, remaining), a - s, "Kvar row {row}");
        let expected = if a == 0.0 { 0.0 } else { s / a };
        assert!((number(&cells, row, share) - expected).abs() < 1e-12);
    }
    assert_eq!(rows, 24);
}

#[test]
fn summering_equals_the_checks_sums() {
    let path = example_updated();
    let checked = read_and_check(example_input().join("ok2025-dalarna.xlsx")).1;
    let agreement = checked.usable().unwrap();
    let summary = values(&path, "Summering");
    let summary_formulas = formulas(&path, "Summering");
    assert_eq!(
        headers(&summary, 0),
        [
            "Kod",
            "Namn",
            "Budget",
            "Fördelat",
            "Ofördelat",
            "Rekvirerat",
            "Förbrukat",
            "Kvar"
        ]
    );
    let row_of = |code: &str| {
        (1..summary.height() as u32)
            .find(|&r| text(&summary, r, 0) == code || text(&summary, r, 1) == code)
            .unwrap_or_else(|| panic!("no row {code}"))
    };
    for code in ["1", "1a", "3", "4"] {
        let row = row_of(code);
        let area = agreement.area(code).unwrap();
        let expected = figures(agreement, area.budget, code);
        for (col, value) in expected.iter().enumerate() {
            let col = col as u32 + 2;
            assert_eq!(number(&summary, row, col), *value, "{code} column {col}");
            assert!(!at(&summary_formulas, row, col).is_empty(), "{code} {col}");
        }
    }
    assert!(at(&summary_formulas, row_of("1"), 3).contains("SUMIFS"));
    let total = row_of("Totalt");
    assert_eq!(number(&summary, total, 2), 16_979_356.0);
    assert_eq!(number(&summary, total, 2), kronor(agreement.total_budget()));
    assert_eq!(
        number(&summary, total, 3),
        kronor(AreaFigures::total(agreement).insatser.allocated)
    );
    let spent: f64 = agreement
        .top_areas()
        .map(|a| kronor(AreaFigures::of(agreement, a).insatser.spent))
        .sum();
    assert_eq!(number(&summary, total, 6), spent);
    assert_eq!(number(&summary, total, 7), 16_979_356.0 - spent);
}

/// Budget, Fördelat, Ofördelat, Rekvirerat, Förbrukat, Kvar as the checks compute them.
fn figures(agreement: &Agreement, budget: styrdok::model::Amount, code: &str) -> [f64; 6] {
    let f = Figures::of(agreement.initiatives_under(code));
    [
        kronor(budget),
        kronor(f.allocated),
        kronor(budget - f.allocated),
        kronor(f.requisitioned),
        kronor(f.spent),
        kronor(budget - f.spent),
    ]
}

#[test]
fn two_builds_give_identical_bytes() {
    // The two shared builds of the example were made apart (the reports per mottagare do not touch
    // the workbook).
    let name = "ok2025-dalarna-uppdaterad.xlsx";
    assert!(
        std::fs::read(example_built().join(name)).unwrap()
            == std::fs::read(example_built_per_mottagare().join(name)).unwrap()
    );
}

#[test]
fn the_updated_workbook_reads_back_and_rewrites_without_duplicates() {
    let first = example_updated();
    let report = check(&first).ok().report;
    assert!(report.contains("0 fel"), "{report}");

    // Building from the updated workbook keeps its name and its layout.
    let again = tempfile::tempdir().unwrap();
    build(&first, again.path()).run().ok();
    let second = again.path().join("ok2025-dalarna-uppdaterad.xlsx");
    assert!(second.is_file());
    assert_eq!(open(&second).sheet_names(), open(&first).sheet_names());
    let header = headers(&values(&second, "Insatser"), 0);
    assert_eq!(header, headers(&values(&first, "Insatser"), 0));
    for computed in ["Kvar", "Andel förbrukat", "Rekvirerat"] {
        assert_eq!(header.iter().filter(|h| *h == computed).count(), 1);
    }
    // A fixed point: rewriting an updated workbook changes nothing.
    assert!(std::fs::read(&first).unwrap() == std::fs::read(&second).unwrap());
}

#[test]
fn libreoffice_opens_the_updated_workbook_and_computes_the_same_sums() {
    let Some(office) = office() else { return };
    let out = tempfile::tempdir().unwrap();
    let updated = example_updated();
    // Printed: LibreOffice lays the workbook out.
    convert(office, &[&updated], "pdf", &out.path().join("pdf"));
    let pdf = out.path().join("pdf/ok2025-dalarna-uppdaterad.pdf");
    let text = crate::common::pdf_text(&pdf);
    assert!(text.contains("Totalt"), "{text}");
    assert!(crate::common::mentions(
        &text,
        "Projektledare för psykisk hälsa"
    ));

    // Every sheet as CSV (values not as shown), recalculated on load: Summering as LibreOffice
    // computes it.
    convert(
        office,
        &[&updated],
        CSV_EVERY_SHEET,
        &out.path().join("csv"),
    );
    let csv = |sheet: &str| {
        let path = out
            .path()
            .join(format!("csv/ok2025-dalarna-uppdaterad-{sheet}.csv"));
        parse_csv(&std::fs::read_to_string(&path).expect("sheet exported"))
    };
    let checked = read_and_check(example_input().join("ok2025-dalarna.xlsx")).1;
    let agreement = checked.usable().unwrap();
    let summary = csv("Summering");
    for area in &agreement.areas {
        let row = summary
            .iter()
            .find(|r| r[0] == area.code)
            .expect("area row");
        let computed: Vec<f64> = row[2..8].iter().map(|v| v.parse().unwrap()).collect();
        assert_eq!(
            computed,
            figures(agreement, area.budget, &area.code),
            "{}",
            area.code
        );
    }
    let total = summary.iter().find(|r| r[1] == "Totalt").unwrap();
    assert_eq!(total[2], "16979356");
    let insatser = csv("Insatser");
    let col = |name: &str| insatser[0].iter().position(|h| h == name).unwrap();
    let (amount, spent, remaining) = (col("Belopp"), col("Förbrukat"), col("Kvar"));
    for row in &insatser[1..] {
        let value = |c: usize| row[c].parse::<f64>().unwrap_or(0.0);
        assert_eq!(value(remaining), value(amount) - value(spent), "{row:?}");
    }
}

// ---- Small books ----

#[test]
fn a_warning_is_listed_in_kontroll_with_a_link_to_its_cell() {
    let mut book = Book::valid();
    // Area 2 (Insatsområden row 5) gets 50 000 kr less than its budget.
    book.set("Insatser", "E5", n(150_000.0));
    let dir = tempfile::tempdir().unwrap();
    let (path, checked) = updated(&book, dir.path());
    assert_eq!(checked.diagnostics.len(), 1, "{:?}", checked.diagnostics);

    let control = values(&path, "Kontroll");
    assert_eq!(
        headers(&control, 0),
        ["Allvar", "Blad!Cell", "Problem", "Åtgärd"]
    );
    assert_eq!(text(&control, 1, 0), "varning");
    assert_eq!(text(&control, 1, 1), "Insatsområden!C5");
    assert!(text(&control, 1, 2).contains("ofördelat i 2"));
    assert!(text(&control, 1, 3).starts_with("Fördela resten"));
    let xml = sheet_xml(&path, "Kontroll");
    assert!(
        xml.contains(r#"<hyperlink ref="B2" location="'Insatsområden'!C5""#),
        "{xml}"
    );
    // Summering shows the same 50 000 kr unallocated.
    let summary = values(&path, "Summering");
    let row = (1..summary.height() as u32)
        .find(|&r| text(&summary, r, 0) == "2")
        .unwrap();
    assert_eq!(number(&summary, row, 4), 50_000.0);
}

#[test]
fn no_problems_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = updated(&Book::valid(), dir.path());
    let control = values(&path, "Kontroll");
    assert_eq!(text(&control, 1, 0), "Inga problem hittades.");
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let mut book = Book::valid();
    book.set("Insatser", "C2", t("=1+1"));
    book.set("Insatser", "F3", t("+46 70"));
    book.set("Insatser", "L4", t("-x"));
    book.set("Insatser", "L5", t("=SUM(A1)"));
    book.set("Uppgifter", "B8", t("@y"));
    book.set("Uppgifter", "A8", t("Anteckning"));
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = updated(&book, dir.path());
    let insatser = values(&path, "Insatser");
    let insatser_formulas = formulas(&path, "Insatser");
    for (row, col, expected) in [
        (1, 2, "=1+1"),
        (2, 5, "+46 70"),
        (3, 11, "-x"),
        (4, 11, "=SUM(A1)"),
    ] {
        assert_eq!(at(&insatser, row, col), Data::String(expected.into()));
        assert_eq!(at(&insatser_formulas, row, col), "");
    }
    let info = values(&path, "Uppgifter");
    assert_eq!(at(&info, 7, 1), Data::String("@y".into()));
    assert_eq!(at(&formulas(&path, "Uppgifter"), 7, 1), "");
}

#[test]
fn unknown_columns_are_carried_and_computed_columns_come_after_them() {
    let mut book = Book::valid();
    book.set("Insatser", "M1", t("Kontaktperson"));
    book.set("Insatser", "M2", t("Anna Andersson"));
    book.set("Insatser", "M4", n(42.0));
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = updated(&book, dir.path());
    let insatser = values(&path, "Insatser");
    assert_eq!(
        headers(&insatser, 0)[12..],
        ["Kontaktperson", "Kvar", "Andel förbrukat"]
    );
    assert_eq!(text(&insatser, 1, 12), "Anna Andersson");
    assert_eq!(number(&insatser, 3, 12), 42.0);
}

#[test]
fn missing_follow_up_columns_are_added_to_fill_in() {
    let mut book = Book::valid();
    for row in book.sheet_mut("Insatser") {
        row.truncate(8);
    }
    let dir = tempfile::tempdir().unwrap();
    let (path, checked) = updated(&book, dir.path());
    assert!(checked.diagnostics.is_empty());
    let insatser = values(&path, "Insatser");
    assert_eq!(
        headers(&insatser, 0)[8..],
        [
            "Rekvirerat",
            "Förbrukat",
            "Bedömning",
            "Kommentar",
            "Kvar",
            "Andel förbrukat"
        ]
    );
    // Nothing spent yet: everything is left.
    assert_eq!(number(&insatser, 1, 12), 200_000.0);
    assert_eq!(number(&insatser, 1, 13), 0.0);
    let xml = sheet_xml(&path, "Insatser");
    assert!(xml.contains("\"Grön,Gul,Röd\""), "dropdown on Bedömning");
    assert!(
        xml.contains("\"Ny,Pågående/fortsättning\""),
        "dropdown on Typ"
    );
    assert!(xml.contains("<conditionalFormatting sqref=\"K2:K"), "{xml}");
}

#[test]
fn header_below_a_title_and_columns_in_any_order() {
    let mut book = Book::valid();
    let rows = book.sheet_mut("Insatser");
    for row in rows.iter_mut() {
        row.resize(12, V::E);
        row.reverse(); // Kommentar … Område
    }
    rows.insert(0, vec![t("Insatser 2025 (titelrad)")]);
    // Reversed: B Bedömning, C Förbrukat, D Rekvirerat, H Belopp, L Område.
    rows[2][3] = t("150 000 kr"); // Rekvirerat of the first insats, as Swedish text
    rows[2][2] = n(100_000.0);
    rows[2][1] = t("Grön");
    let dir = tempfile::tempdir().unwrap();
    let (path, checked) = updated(&book, dir.path());
    let agreement = checked.agreement.as_ref().unwrap();
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let insatser = values(&path, "Insatser");
    assert_eq!(text(&insatser, 0, 0), "Insatser 2025 (titelrad)");
    let kvar = column(&insatser, 1, "Kvar");
    assert_eq!(kvar, 12);
    assert_eq!(number(&insatser, 2, kvar), 100_000.0);
    // The text amount became a number Excel can add up.
    assert_eq!(number(&insatser, 2, 3), 150_000.0);
    let summary = values(&path, "Summering");
    for (row, code) in [(1, "1"), (2, "1a"), (3, "1b"), (4, "2")] {
        assert_eq!(text(&summary, row, 0), code);
        let area = agreement.area(code).unwrap();
        let expected = figures(agreement, area.budget, code);
        for (col, value) in expected.iter().enumerate() {
            assert_eq!(number(&summary, row, col as u32 + 2), *value, "{code}");
        }
    }
    let frozen = sheet_xml(&path, "Insatser");
    assert!(
        frozen.contains(r#"topLeftCell="A3""#),
        "frozen below the header"
    );
    assert!(frozen.contains(r#"<autoFilter ref="A2:N6"/>"#), "{frozen}");
}

#[test]
fn amounts_are_shown_in_kronor() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = updated(&Book::valid(), dir.path());
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut styles = String::new();
    archive
        .by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(
        styles.contains(r##"formatCode="#,##0 &quot;kr&quot;""##),
        "{styles}"
    );
}

#[test]
fn a_users_own_summering_sheet_is_kept_under_another_name() {
    let mut book = Book::valid();
    book.sheets.push((
        "Summering".into(),
        vec![vec![t("Mina anteckningar")], vec![t("Ring kommunen")]],
    ));
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = updated(&book, dir.path());
    let names = open(&path).sheet_names();
    assert_eq!(
        names[names.len() - 3..],
        ["Summering (2)", "Summering", "Kontroll"]
    );
    let own = values(&path, "Summering (2)");
    assert_eq!(text(&own, 1, 0), "Ring kommunen");
}

#[test]
fn areas_without_an_insatser_sheet_get_one_to_fill_in() {
    let mut book = Book::with_mandates();
    book.remove_sheet("Insatser");
    book.set("Uppdrag", "F2", V::E);
    let dir = tempfile::tempdir().unwrap();
    let (path, checked) = updated(&book, dir.path());
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let names = open(&path).sheet_names();
    assert_eq!(names[1..3], ["Insatsområden", "Insatser"]);
    let insatser = values(&path, "Insatser");
    assert_eq!(headers(&insatser, 0)[..2], ["Område", "Insats"]);
    assert_eq!(headers(&insatser, 0)[12..], ["Kvar", "Andel förbrukat"]);
    let summary = values(&path, "Summering");
    assert_eq!(text(&summary, 1, 0), "1");
    assert_eq!(number(&summary, 1, 3), 0.0);
    assert_eq!(number(&summary, 1, 4), 300_000.0);
}
