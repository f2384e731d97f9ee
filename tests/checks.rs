//! Each check, seen as a user sees it: the problem, the cell it names, and that nothing is silently zero.

use crate::common::library::read_and_check;
use crate::common::{Book, V, assert_one, check, found, n, t};
use styrdok::diagnostics::{Problem, Severity};

#[test]
fn valid_workbook_has_no_problems() {
    let checked = check(&Book::valid());
    assert_eq!(found(&checked), vec![]);
    let agreement = checked.usable().expect("usable");
    assert_eq!(agreement.total_budget().ore(), 800_000 * 100);
    assert_eq!(agreement.initiatives.len(), 4);
}

#[test]
fn amount_that_is_not_an_amount_names_cell_and_value() {
    let mut book = Book::valid();
    book.set("Insatser", "E3", t("ca 500 tkr"));
    book.set("Insatser", "E4", t("250 000 (delfinansierad)"));
    let checked = check(&book);
    assert_one(
        &checked,
        Severity::Error,
        "Insatser!E3",
        "«ca 500 tkr» är inte ett belopp",
    );
    assert_one(
        &checked,
        Severity::Error,
        "Insatser!E4",
        "«250 000 (delfinansierad)»",
    );
    assert!(checked.usable().is_none());
    // An unreadable amount must not turn into a misleading "ofördelat" warning for its area.
    assert!(
        !found(&checked)
            .iter()
            .any(|(_, _, m)| m.contains("ofördelat")),
        "{:#?}",
        found(&checked)
    );
}

#[test]
fn swedish_text_amounts_are_accepted() {
    let mut book = Book::valid();
    book.set("Insatser", "E2", t("200 000 kr"));
    book.set("Insatser", "E3", t("100\u{a0}000"));
    let checked = check(&book);
    assert_eq!(found(&checked), vec![]);
}

#[test]
fn negative_amount() {
    let mut book = Book::valid();
    book.set("Insatser", "E5", n(-200_000.0));
    assert_one(
        &check(&book),
        Severity::Error,
        "Insatser!E5",
        "«-200000» är mindre än noll",
    );
}

#[test]
fn a_date_cell_holding_a_small_number_is_no_date() {
    // 5 in a cell formatted as a date: Excel shows 1900-01-05, and the återrapport was dated so.
    let mut book = Book::valid();
    book.set(
        "Uppgifter",
        "B6",
        V::D(chrono::NaiveDate::from_ymd_opt(1900, 1, 5).unwrap()),
    );
    let checked = check(&book);
    assert_one(
        &checked,
        Severity::Error,
        "Uppgifter!B6",
        "Datum «1900-01-05» är inte ett datum",
    );
    let fix = checked.diagnostics[0].problem.fix();
    assert!(fix.contains("0 eller ett litet tal"), "{fix}");
}

#[test]
fn empty_required_cell() {
    let mut book = Book::valid();
    book.set("Insatser", "G4", V::E);
    book.set("Insatser", "B5", t("   "));
    let checked = check(&book);
    assert_one(&checked, Severity::Error, "Insatser!G4", "Ansvarig saknas");
    assert_one(&checked, Severity::Error, "Insatser!B5", "Insats saknas");
}

#[test]
fn missing_sheet_and_column() {
    let mut book = Book::valid();
    book.remove_sheet("Insatsområden");
    book.set("Insatser", "E1", t("Summa"));
    let checked = check(&book);
    let all = found(&checked);
    assert!(
        all.iter()
            .any(|(s, _, m)| *s == Severity::Error && m == "bladet «Insatsområden» saknas"),
        "{all:#?}"
    );
    assert!(
        all.iter().any(|(s, place, m)| *s == Severity::Error
            && place == "blad Insatser"
            && m == "kolumnen «Belopp» saknas i rubrikraden"),
        "{all:#?}"
    );
}

#[test]
fn headers_match_ignoring_case_space_and_order() {
    let mut book = Book::valid();
    let rows = book.sheet_mut("Insatser");
    for row in rows.iter_mut() {
        row.swap(0, 4);
    }
    book.set("Insatser", "E1", t("  område "));
    book.set("Insatser", "A1", t("BELOPP"));
    let checked = check(&book);
    assert_eq!(found(&checked), vec![]);
    // Errors now point at the moved column.
    book.set("Insatser", "A3", t("mycket"));
    assert_one(&check(&book), Severity::Error, "Insatser!A3", "«mycket»");
}

#[test]
fn unknown_area_kind_and_assessment() {
    let mut book = Book::valid();
    book.set("Insatser", "A2", t("9z"));
    book.set("Insatser", "D3", t("Gammal"));
    book.set("Insatser", "K4", t("Blå"));
    let checked = check(&book);
    assert_one(
        &checked,
        Severity::Error,
        "Insatser!A2",
        "Område «9z» finns inte",
    );
    assert_one(
        &checked,
        Severity::Error,
        "Insatser!D3",
        "Typ «Gammal» är okänd",
    );
    assert_one(
        &checked,
        Severity::Error,
        "Insatser!K4",
        "Bedömning «Blå» är okänd",
    );
}

#[test]
fn sub_area_budgets_must_sum_to_area() {
    let mut book = Book::valid();
    book.set("Insatsområden", "C3", n(250_000.0));
    let checked = check(&book);
    assert_one(
        &checked,
        Severity::Error,
        "Insatsområden!C2",
        "delområdena i 1 har tillsammans budget 350",
    );
}

#[test]
fn an_unreadable_belopp_hides_only_the_sums_over_it() {
    // The sub-areas' budgets are in Insatsområden alone: a Belopp the reader cannot read in
    // Insatser says nothing about them, so their mismatch is reported at once, not after the fix.
    let mut book = Book::valid();
    book.set("Insatsområden", "C3", n(250_000.0));
    book.set("Insatser", "E2", t("1,5 mkr"));
    book.set("Insatser", "I2", n(150_000.0));
    let checked = check(&book);
    assert_one(
        &checked,
        Severity::Error,
        "Insatser!E2",
        "är inte ett belopp",
    );
    assert_one(
        &checked,
        Severity::Error,
        "Insatsområden!C2",
        "delområdena i 1 har tillsammans budget 350",
    );
    // Rekvirerat is not compared with a Belopp that could not be read (it is not 0 kr), and the
    // area whose sum holds that Belopp is not called under- or over-allocated.
    let all = found(&checked);
    assert!(
        !all.iter().any(|(_, _, m)| m.contains("är mer än Belopp")
            || m.contains("ofördelat i 1a")
            || m.contains("mer än budgeten")),
        "{all:#?}"
    );
}

#[test]
fn over_budget_is_an_error_under_budget_a_warning() {
    let mut book = Book::valid();
    book.set("Insatser", "E4", n(400_000.0)); // area 2: 400 000 + 200 000 > 500 000
    assert_one(
        &check(&book),
        Severity::Error,
        "Insatsområden!C5",
        "mer än budgeten",
    );

    let mut book = Book::valid();
    book.set("Insatser", "E4", n(250_000.0)); // area 2: 450 000 of 500 000
    let checked = check(&book);
    assert_one(
        &checked,
        Severity::Warning,
        "Insatsområden!C5",
        "50\u{a0}000\u{a0}kr ofördelat i 2",
    );
    assert!(
        checked.usable().is_some(),
        "a warning does not stop the build"
    );
}

#[test]
fn follow_up_figures_out_of_order_warn() {
    let mut book = Book::valid();
    book.set("Insatser", "I2", n(250_000.0)); // Rekvirerat > Belopp 200 000
    book.set("Insatser", "I3", n(50_000.0));
    book.set("Insatser", "J3", n(60_000.0)); // Förbrukat > Rekvirerat
    let checked = check(&book);
    assert_one(
        &checked,
        Severity::Warning,
        "Insatser!I2",
        "Rekvirerat 250\u{a0}000\u{a0}kr är mer än Belopp",
    );
    assert_one(
        &checked,
        Severity::Warning,
        "Insatser!J3",
        "Förbrukat 60\u{a0}000\u{a0}kr är mer än Rekvirerat",
    );
}

#[test]
fn info_fields_are_checked() {
    let mut book = Book::valid();
    book.set("Uppgifter", "B3", t("tjugotjugofem"));
    book.set("Uppgifter", "B6", t("29/9"));
    book.set("Uppgifter", "A4", t("Något annat"));
    let checked = check(&book);
    assert_one(
        &checked,
        Severity::Error,
        "Uppgifter!B3",
        "År «tjugotjugofem» är inte ett årtal",
    );
    assert_one(
        &checked,
        Severity::Error,
        "Uppgifter!B6",
        "Datum «29/9» är inte ett datum",
    );
    assert_one(
        &checked,
        Severity::Error,
        "blad Uppgifter",
        "uppgiften «Organisation» saknas",
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut book = Book::valid();
    book.set("Insatser", "E2", t("ca 500 tkr"));
    book.set("Insatser", "A3", t("7"));
    book.set("Insatser", "D4", t("?"));
    book.set("Insatsområden", "C4", t("många"));
    let checked = check(&book);
    let errors = checked.diagnostics.iter().filter(|d| d.is_error()).count();
    assert!(errors >= 4, "{:#?}", found(&checked));
}

#[test]
fn duplicate_area_code() {
    let mut book = Book::valid();
    book.push_row("Insatsområden", vec![t("2"), t("Igen"), n(1.0)]);
    assert_one(
        &check(&book),
        Severity::Error,
        "Insatsområden!A6",
        "koden «2» finns redan på rad 5",
    );
}

#[test]
fn file_that_is_not_a_workbook_is_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        (
            "text.xlsx",
            b"Det h\xc3\xa4r \xc3\xa4r ingen arbetsbok.\n".as_slice(),
        ),
        ("trasig.xlsx", b"PK\x03\x04 trasig zip".as_slice()),
        ("tom.xlsx", b"".as_slice()),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let checked = read_and_check(&path).1;
        assert_eq!(
            checked.diagnostics.len(),
            1,
            "{name}: {:#?}",
            checked.diagnostics
        );
        let d = &checked.diagnostics[0];
        assert!(matches!(d.problem, Problem::Unreadable { .. }));
        assert!(d.problem.to_string().contains(name), "{}", d.problem);
        let said = d.problem.to_string();
        let expected = if bytes.is_empty() {
            "filen är tom (0 byte)"
        } else {
            "inte en arbetsbok"
        };
        assert!(said.contains(expected), "{said}");
        // The reader library's own English («Zip error: invalid Zip archive») stays out of it.
        assert!(!said.to_lowercase().contains("error"), "{said}");
    }
}

#[test]
fn missing_input_path() {
    let checked = read_and_check(std::path::Path::new("finns/inte.xlsx")).1;
    assert_eq!(checked.diagnostics.len(), 1);
    assert!(
        checked.diagnostics[0]
            .problem
            .to_string()
            .contains("finns inte")
    );
}

#[test]
fn check_command_exit_codes_and_output() {
    let dir = tempfile::tempdir().unwrap();
    let good = Book::valid().write(&dir.path().join("bra.xlsx"));
    let out = crate::common::styrdok()
        .arg("check")
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 fel, 0 varningar."));

    let mut bad = Book::valid();
    bad.set("Insatser", "E3", t("ca 500 tkr"));
    let bad = bad.write(&dir.path().join("dålig.xlsx"));
    let out = crate::common::styrdok()
        .arg("check")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Insatser!E3: Belopp «ca 500 tkr» är inte ett belopp i kronor"),
        "{text}"
    );
    assert!(
        text.contains("Åtgärd: Skriv hela beloppet i kronor: 1,5 mkr är 1 500 000"),
        "{text}"
    );
}

#[test]
fn stray_cell_at_the_sheets_far_corner_is_read_without_a_dense_grid() {
    let mut book = Book::valid();
    book.set("Insatser", "XFD1048576", t("x"));
    // Dense reading would need 17 billion cells (and a quadratic row scan once took minutes here).
    let checked = check(&book);
    assert_eq!(
        found(&checked),
        vec![],
        "a stray cell outside the table is not a problem"
    );
    assert_eq!(checked.usable().unwrap().initiatives.len(), 4);
}

#[test]
fn a_repeated_area_code_is_reported_once_and_kept_out_of_the_sums() {
    let mut book = Book::valid();
    // Area 2 again with a budget of its own; were it counted, area 2 would be unallocated and the
    // total budget wrong.
    book.push_row(
        "Insatsområden",
        vec![t("2"), t("Suicidprevention igen"), n(900_000.0), V::E, V::E],
    );
    let checked = check(&book);
    assert_eq!(
        found(&checked),
        vec![(
            Severity::Error,
            "Insatsområden!A6".to_string(),
            "koden «2» finns redan på rad 5".to_string()
        )]
    );
    let agreement = checked.agreement.as_ref().expect("loaded");
    assert_eq!(agreement.areas.len(), 4);
    assert_eq!(agreement.total_budget().ore(), 800_000 * 100);
}
