//! The återrapport: every insats and the exact totals of the example, figures computed by the checks,
//! and what a reader sees when nothing has been reported yet.

use crate::common::library::read_and_check;
use crate::common::library::{build, example_built, example_built_per_mottagare, example_input};
use crate::common::{Book, SEED_001_INSATSER, V, mentions, pdf_text};
use styrdok::model::{Amount, AreaFigures, Assessment, Figures};

/// `1234567 kr` → `1 234 567`, as the tables print amounts (unit in the header).
fn digits(amount: Amount) -> String {
    amount
        .to_string()
        .trim_end_matches("kr")
        .trim_end()
        .replace('\u{a0}', " ")
}

#[test]
fn example_report_holds_every_insats_and_the_exact_totals() {
    let input = example_input();
    let text = pdf_text(&example_built().join("aterrapport-2025.pdf"));

    for name in SEED_001_INSATSER {
        assert!(mentions(&text, name), "missing insats {name:?}");
    }
    // The figures the checks compute from the example workbook, whatever they are.
    let checked = read_and_check(input.join("ok2025-dalarna.xlsx")).1;
    let agreement = checked.usable().expect("example is valid");
    let requisitioned: Amount = agreement
        .initiatives
        .iter()
        .filter_map(|i| i.requisitioned)
        .sum();
    let spent: Amount = agreement.initiatives.iter().filter_map(|i| i.spent).sum();
    let budget = agreement.total_budget();
    assert_eq!(digits(budget), "16 979 356");
    assert!(spent.ore() > 0, "the example has follow-up values");
    let totals = format!(
        "Totalt {} {} {} {} {}",
        digits(budget),
        digits(AreaFigures::total(agreement).insatser.allocated),
        digits(requisitioned),
        digits(spent),
        digits(budget - spent)
    );
    assert!(text.contains(&totals), "closing table total row {totals:?}");
    for a in agreement.top_areas() {
        let area_spent = AreaFigures::of(agreement, a).insatser.spent;
        let line = format!("Förbrukat {} av {}", area_spent, a.budget).replace('\u{a0}', " ");
        assert!(text.contains(&line), "chart label {line:?}");
    }
    // Each sub-area's sum row: allocated, requisitioned, spent, kvar.
    for code in ["1a", "1b", "1c"] {
        let f = Figures::of(agreement.initiatives_under(code));
        let row = format!(
            "Summa {code} {} {} {} {}",
            digits(f.allocated),
            digits(f.requisitioned),
            digits(f.spent),
            digits(f.remaining())
        );
        assert!(text.contains(&row), "missing {row:?}");
    }
    // Bedömning counted, shown with its word (colour alone says nothing in greyscale).
    let red = agreement
        .initiatives
        .iter()
        .filter(|i| i.assessment == Some(Assessment::Red))
        .count();
    assert!(red > 0);
    assert!(text.contains(&format!("Röd {red} st")), "assessment count");
    for part in [
        "Innehåll",
        "1 Sammanfattning",
        "Insatsområde 3",
        "Alla insatsområden",
        "Sida 2 av",
        "Välfärdsrådet",
    ] {
        assert!(text.contains(part), "missing {part:?}");
    }
}

#[test]
fn nothing_reported_shows_dashes_and_ej_bedomd() {
    let dir = tempfile::tempdir().unwrap();
    let input = Book::valid().write(&dir.path().join("in.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).run().ok();
    let text = pdf_text(&out.join("aterrapport-2025.pdf"));
    // Projektledare: 200 000, nothing requisitioned or spent yet.
    assert!(
        text.contains("RSS Test · Proj 1 200 000 – – – Ej bedömd"),
        "{text}"
    );
    assert!(text.contains("Ej bedömd 4 st"));
}

#[test]
fn reported_figures_reach_the_report() {
    let mut book = Book::valid();
    book.set("Insatser", "I2", V::N(150_000.0))
        .set("Insatser", "J2", V::N(120_000.0));
    book.set("Insatser", "K2", crate::common::t("Gul")).set(
        "Insatser",
        "L2",
        crate::common::t("Rekryteringen drog ut på tiden."),
    );
    let dir = tempfile::tempdir().unwrap();
    let input = book.write(&dir.path().join("in.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).run().ok();
    let text = pdf_text(&out.join("aterrapport-2025.pdf"));
    assert!(
        text.contains("200 000 150 000 120 000 80 000 Gul"),
        "{text}"
    );
    assert!(text.contains("Kommentar: Rekryteringen drog ut på tiden."));
    assert!(
        text.contains("Förbrukat 120 000 kr av 300 000 kr (40 %)"),
        "area 1 chart label"
    );
}

/// A per-mottagare report's figures are the organisation's own: in an area it shares, its Kvar is
/// its Belopp − Förbrukat and its share spent is of its own money, not of the whole area's budget.
#[test]
fn a_recipients_figures_in_an_area_are_its_own() {
    let mut book = Book::valid();
    // Area 2 (budget 500 000): Utbildning of Kommun B (300 000) beside Temamånad of Kommun C.
    book.set("Insatser", "I4", V::N(150_000.0))
        .set("Insatser", "J4", V::N(100_000.0));
    let checked = crate::common::check(&book);
    let agreement = checked.agreement.expect("the book is valid");
    let reports = styrdok::documents::recipient::build_all(&agreement);
    let (_, kommun_b) = reports
        .iter()
        .find(|(name, _)| name == "Kommun B")
        .expect("a report for Kommun B");
    let data = serde_json::to_value(kommun_b).unwrap();
    let area = &data["areas"][0];
    assert_eq!(area["code"], "2");
    assert_eq!(area["budget"], 500_000, "the area's budget, beside");
    assert_eq!(area["share"], 0.6, "300 000 of the area's 500 000");
    let figures = &area["figures"];
    assert_eq!(figures["allocated"], 300_000);
    assert_eq!(figures["requisitioned"], 150_000);
    assert_eq!(figures["spent"], 100_000);
    assert_eq!(figures["remaining"], 200_000, "300 000 − 100 000");
    assert_eq!(figures["spent_share"], 100_000.0 / 300_000.0);
    assert!(
        figures.get("unallocated").is_none() && figures.get("budget").is_none(),
        "an organisation has no budget of its own: {figures}"
    );
    assert_eq!(data["remaining"], 200_000, "the organisation's Kvar in all");
}

/// A heading breaks between words, never inside one: in RSS Dalarna's own report the area "1a Skapa
/// gemensamma handlingsplaner för att genomföra den nationella strategin" takes two lines, and
/// "nationella" begins the second whole (it was "natio-" and "nella"). A name in a table that needs
/// more than its column still breaks inside a word, with a hyphen.
#[test]
fn a_heading_breaks_between_words() {
    let path = example_built_per_mottagare().join("mottagare/rss-dalarna.pdf");
    let raw = pdf_extract::extract_text_from_mem(&std::fs::read(&path).unwrap()).unwrap();
    assert!(
        raw.matches("nationella strategin").count() >= 2,
        "the area is named in the shares table and its heading: {raw}"
    );
    // A word broken at a line's end is its first part, then a soft hyphen.
    let broken: Vec<&str> = raw
        .split('\u{ad}')
        .rev()
        .skip(1)
        .filter_map(|before| before.split_whitespace().last())
        .collect();
    assert!(
        !broken.contains(&"natio"),
        "the heading was hyphenated: {broken:?}"
    );
    assert!(
        broken.contains(&"strate"),
        "the table's long name still breaks with a hyphen: {broken:?}"
    );
}

/// The per-mottagare reports' and the återrapport's tables are sized from the fonts (the data's
/// `layout`, computed by `documents::layout`), not measured by Typst: each report must be, byte for
/// byte, the one Typst lays out when it measures every cell itself. The example's names wrap; the added rows hold a
/// name over several lines, a comment over two, a symbol from another font, öre, and rows of one
/// line with and without a Bedömning.
#[test]
fn tables_sized_from_the_fonts_are_those_typst_measures() {
    use serde_json::Value;
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::valid();
    book.set(
        "Insatser",
        "B2",
        V::T("Ett mycket långt namn på en insats som inte får plats på en rad ".repeat(3)),
    )
    .set(
        "Insatser",
        "L2",
        V::T("Första raden av kommentaren\nandra raden".into()),
    )
    .set("Insatser", "B3", V::T("Fest 🎉".into()))
    .set("Insatser", "J2", V::N(12_345.67))
    // One line with a Bedömning, whose circle reaches below the line, and one line without.
    .set("Insatser", "H4", V::E)
    .set("Insatser", "L4", V::E)
    .set("Insatser", "K4", V::T("Gul".into()))
    .set("Insatser", "H5", V::E)
    .set("Insatser", "L5", V::E)
    .set("Insatser", "K5", V::E);
    let input = book.write(&dir.path().join("in.xlsx"));
    let (dump, example_dump) = (dir.path().join("dump"), dir.path().join("example"));
    build(&input, dir.path().join("out"))
        .per_mottagare()
        .dump_data(&dump)
        .run()
        .ok();
    build(example_input(), dir.path().join("out-example"))
        .per_mottagare()
        .dump_data(&example_dump)
        .run()
        .ok();

    let engine = styrdok::render::Engine::new();
    let date = chrono::NaiveDate::from_ymd_opt(2025, 9, 29).unwrap();
    let (mut given, mut left) = (0, 0);
    let mut documents = 0;
    for folder in [dump.join("mottagare"), example_dump.join("mottagare")] {
        for file in std::fs::read_dir(&folder).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            documents += 1;
            let data: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            let layout = &data["layout"];
            let tables = std::iter::once(&layout["shares"])
                .chain(layout["areas"].as_array().unwrap())
                .filter(|t| !t.is_null());
            for row in tables.flat_map(|t| t["rows"].as_array().unwrap()) {
                if row.is_null() { left += 1 } else { given += 1 }
            }
            let mut measured = data.clone();
            measured["layout"] = Value::Null;
            let pdf = |data: &Value| {
                engine
                    .pdf(
                        "recipient.typ",
                        &serde_json::to_vec(data).unwrap(),
                        date,
                        "t",
                    )
                    .unwrap()
            };
            assert!(
                pdf(&data) == pdf(&measured),
                "{}: the sized report differs from the measured one",
                path.display()
            );
        }
    }
    // The återrapport: every area's and sub-area's `layout`.
    fn strip(value: &mut Value, rows: &mut (usize, usize)) {
        match value {
            Value::Object(map) => {
                if let Some(layout) = map.remove("layout") {
                    for row in layout["rows"].as_array().unwrap() {
                        if row.is_null() {
                            rows.1 += 1
                        } else {
                            rows.0 += 1
                        }
                    }
                }
                map.values_mut().for_each(|v| strip(v, rows));
            }
            Value::Array(items) => items.iter_mut().for_each(|v| strip(v, rows)),
            _ => {}
        }
    }
    for folder in [&dump, &example_dump] {
        let path = folder.join("aterrapport-2025.json");
        let data: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let mut measured = data.clone();
        let mut rows = (0, 0);
        strip(&mut measured, &mut rows);
        assert!(rows.0 > 5 && rows.1 > 0, "{}: {rows:?}", path.display());
        let pdf = |data: &Value| {
            engine
                .pdf("report.typ", &serde_json::to_vec(data).unwrap(), date, "t")
                .unwrap()
        };
        assert!(
            pdf(&data) == pdf(&measured),
            "{}: the sized report differs from the measured one",
            path.display()
        );
    }
    assert!(documents > 5, "{documents} reports");
    assert!(
        given > 10 && left > 3,
        "{given} rows given, {left} left to Typst"
    );
}
