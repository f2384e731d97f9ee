//! Uppdragsbeskrivningar: the checks of sheets Uppdrag/Avsnitt/Roller/Grupper as a user sees them,
//! the PDFs of the shipped example against the seeds' text, and file names made from hostile cells.

use crate::common::library::{build, example_built};
use crate::common::{Book, V, assert_one, check, files_under, found, mentions, pdf_text, t};
use std::path::PathBuf;
use styrdok::diagnostics::Severity;

/// Reads, from the example built once for the suite, the text of the one PDF in `uppdrag/`
/// (of the project in `sub`, if given) whose name starts with `prefix`.
fn example_mandate_text(sub: Option<&str>, prefix: &str) -> String {
    let out = example_built();
    let dir = match sub {
        Some(s) => out.join(s).join("uppdrag"),
        None => out.join("uppdrag"),
    };
    let pdf = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no {prefix}* in {}", dir.display()));
    pdf_text(&pdf)
}

fn assert_in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        match text[from..].find(part) {
            Some(i) => from += i + part.len(),
            None => panic!("{part:?} missing or out of order after byte {from}"),
        }
    }
}

// ---- Checks --------------------------------------------------------------------------------------

#[test]
fn valid_mandates_have_no_problems() {
    let checked = check(&Book::with_mandates());
    assert_eq!(found(&checked), vec![]);
    let agreement = checked.usable().unwrap();
    assert_eq!(agreement.mandates.len(), 1);
    assert_eq!(agreement.mandates[0].sections.len(), 2);
    assert_eq!(agreement.mandates[0].groups.len(), 3);
}

#[test]
fn rows_naming_an_unknown_uppdrag() {
    let mut book = Book::with_mandates();
    book.set("Avsnitt", "A3", t("U9"));
    book.set("Roller", "A2", t("U2"));
    book.set("Grupper", "A4", t("X"));
    let checked = check(&book);
    assert_one(
        &checked,
        Severity::Error,
        "Avsnitt!A3",
        "uppdraget «U9» finns inte",
    );
    assert_one(
        &checked,
        Severity::Error,
        "Roller!A2",
        "uppdraget «U2» finns inte",
    );
    assert_one(
        &checked,
        Severity::Error,
        "Grupper!A4",
        "uppdraget «X» finns inte",
    );
}

#[test]
fn uppdrag_without_sections() {
    let mut book = Book::with_mandates();
    book.push_row("Uppdrag", vec![t("U2"), t("Tomt uppdrag")]);
    let checked = check(&book);
    assert_one(
        &checked,
        Severity::Error,
        "Uppdrag!A3",
        "«U2» har inga avsnitt",
    );
}

#[test]
fn empty_heading() {
    let mut book = Book::with_mandates();
    book.set("Avsnitt", "B2", V::E);
    let checked = check(&book);
    assert_one(&checked, Severity::Error, "Avsnitt!B2", "Rubrik");
}

#[test]
fn unmatched_footnote_bracket() {
    let mut book = Book::with_mandates();
    book.set(
        "Avsnitt",
        "C2",
        t("Text med ^[en fotnot som aldrig slutar."),
    );
    book.set("Roller", "C2", t("Roll ^[också öppen"));
    let checked = check(&book);
    assert_one(&checked, Severity::Error, "Avsnitt!C2", "^[");
    assert_one(&checked, Severity::Error, "Roller!C2", "^[");
}

#[test]
fn reports_to_unknown_group() {
    let mut book = Book::with_mandates();
    book.set("Grupper", "H3", t("Styrgruppen för allt"));
    let checked = check(&book);
    assert_one(
        &checked,
        Severity::Error,
        "Grupper!H3",
        "«Styrgruppen för allt» är ingen grupp",
    );
}

#[test]
fn reporting_cycle_is_reported_once() {
    let mut book = Book::with_mandates();
    // Styrgrupp → Arbetsgrupp → Processgrupp → Styrgrupp
    book.set("Grupper", "H2", t("Arbetsgrupp"));
    let checked = check(&book);
    let cycles: Vec<_> = found(&checked)
        .into_iter()
        .filter(|(_, _, m)| m.contains("rapporterar i en cirkel"))
        .collect();
    assert_eq!(cycles.len(), 1, "{cycles:#?}");
    assert_eq!(cycles[0].1, "Grupper!H2");
    assert!(
        cycles[0]
            .2
            .contains("Styrgrupp → Arbetsgrupp → Processgrupp → Styrgrupp"),
        "{}",
        cycles[0].2
    );
}

#[test]
fn group_reporting_to_itself() {
    let mut book = Book::with_mandates();
    book.set("Grupper", "H4", t("arbetsgrupp"));
    let checked = check(&book);
    assert_one(
        &checked,
        Severity::Error,
        "Grupper!H4",
        "rapporterar i en cirkel",
    );
}

#[test]
fn linked_project_that_no_insats_has() {
    let mut book = Book::with_mandates();
    book.set("Uppdrag", "F2", t("Proj 1, Proj 77"));
    let checked = check(&book);
    assert_one(
        &checked,
        Severity::Error,
        "Uppdrag!F2",
        "«Proj 77» finns inte på någon insats",
    );
    assert!(
        !found(&checked)
            .iter()
            .any(|(_, _, m)| m.contains("«Proj 1»")),
        "Proj 1 exists"
    );
}

#[test]
fn unknown_principal_and_duplicates() {
    let mut book = Book::with_mandates();
    book.set("Grupper", "I3", t("Staten"));
    book.push_row("Uppdrag", vec![t("U1"), t("Samma id igen")]);
    book.push_row("Grupper", vec![t("U1"), t("styrgrupp")]);
    let checked = check(&book);
    assert_one(
        &checked,
        Severity::Error,
        "Grupper!I3",
        "Huvudman «Staten» är okänd",
    );
    assert_one(
        &checked,
        Severity::Error,
        "Uppdrag!A3",
        "«U1» finns redan på rad 2",
    );
    assert_one(
        &checked,
        Severity::Error,
        "Grupper!B5",
        "«styrgrupp» finns redan",
    );
}

#[test]
fn workbook_with_only_uppdrag_needs_no_agreement_sheets() {
    let mut book = Book::with_mandates();
    book.set("Uppdrag", "F2", V::E);
    for sheet in ["Insatsområden", "Insatser", "Tidslinje", "Sammanfattning"] {
        book.remove_sheet(sheet);
    }
    let dir = tempfile::tempdir().unwrap();
    let input = book.write(&dir.path().join("uppdrag.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).run().ok();
    let files = files_under(&out);
    assert_eq!(
        files,
        vec![
            PathBuf::from(".styrdok-bygge.json"),
            PathBuf::from("uppdrag/u1-regional-processgrupp.pdf")
        ],
        "no deck without insatser (the build record beside the one document)"
    );
}

// ---- Documents -----------------------------------------------------------------------------------

#[test]
fn built_mandate_holds_sections_roles_groups_financing_and_footnote() {
    let dir = tempfile::tempdir().unwrap();
    let input = Book::with_mandates().write(&dir.path().join("in.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).run().ok();
    let text = pdf_text(&out.join("uppdrag/u1-regional-processgrupp.pdf"));
    assert_in_order(
        &text,
        &[
            "Regional processgrupp",
            "RD26/1",
            "2026-02-26",
            "Styrgruppen",
            "1. Bakgrund",
            "Första stycket.",
            "Andra stycket.",
            "2. Uppdragsorganisation",
            "Leda arbetet",
            "Följa upp",
        ],
    );
    // The picture, the roles and the groups sit in the organisation section, before the page foot.
    for part in [
        "Bild 1",
        "Huvudman",
        "Roll",
        "Beställare",
        "Länschefsnätverket",
        "Varje månad",
    ] {
        assert!(text.contains(part), "missing {part:?}");
    }
    // Financing has no section of its own in the sheet: it is added as section 3, with the sum.
    assert_in_order(
        &text,
        &[
            "3. Finansiering",
            "Projektledare",
            "Proj 1",
            "200 000 kr",
            "Summa",
            "200 000 kr",
        ],
    );
    assert!(text.contains("En fotnot."), "footnote text");
    assert!(text.contains("Sida 1 av"), "page numbers");
}

#[test]
fn cell_text_in_uppdrag_is_printed_literally() {
    let hostile = [
        "#read(\"/etc/passwd\")",
        "$x$",
        "*y*",
        "<z>",
        "@w",
        "#image(\"/etc/passwd\")",
    ];
    let mut book = Book::with_mandates();
    book.set("Avsnitt", "C2", t(&hostile.join(" ")));
    book.set("Roller", "B2", t("#set page(width: 1cm)"));
    book.set("Grupper", "B3", t("]} #panic(\"x\") //"));
    book.set("Grupper", "H4", t("]} #panic(\"x\") //"));
    let dir = tempfile::tempdir().unwrap();
    let input = book.write(&dir.path().join("in.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).run().ok();
    let text = pdf_text(&out.join("uppdrag/u1-regional-processgrupp.pdf"));
    for h in hostile {
        assert!(text.contains(h), "{h:?} not literal");
    }
    assert!(text.contains("#set page(width: 1cm)"));
    assert!(text.contains("]} #panic(\"x\") //"));
    assert!(!text.contains("root:x:0"), "file contents leaked");
}

#[test]
fn hostile_ids_and_titles_give_safe_file_names() {
    let long = "Å".repeat(200);
    let cases = [
        ("../../../etc/passwd", "Titel"),
        ("a/b\\c", "x/../y"),
        ("C:", "Uppdrag: nytt"),
        ("🎉", "🔥🔥🔥"),
        (long.as_str(), long.as_str()),
        ("..", ".."),
        ("U 1", "Titel"),
        ("U-1", "Titel"),
    ];
    let mut book = Book::with_mandates();
    book.sheet_mut("Uppdrag").truncate(1);
    book.sheet_mut("Avsnitt").truncate(1);
    book.sheet_mut("Roller").truncate(1);
    book.sheet_mut("Grupper").truncate(1);
    for (id, title) in cases {
        book.push_row("Uppdrag", vec![t(id), t(title)]);
        book.push_row("Avsnitt", vec![t(id), t("Bakgrund"), t("Text.")]);
    }
    let dir = tempfile::tempdir().unwrap();
    let input = book.write(&dir.path().join("in.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).run().ok();

    let files = files_under(&out);
    let mandates: Vec<_> = files.iter().filter(|f| f.starts_with("uppdrag")).collect();
    assert_eq!(
        mandates.len(),
        cases.len(),
        "one file per uppdrag, none overwritten: {files:#?}"
    );
    for f in &mandates {
        assert_eq!(
            f.components().count(),
            2,
            "stays directly in uppdrag/: {f:?}"
        );
        let name = f.file_name().unwrap().to_str().unwrap();
        assert!(name.len() <= 140, "{name}");
        assert!(name.ends_with(".pdf"));
        assert!(!name.starts_with('.'), "{name}");
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'),
            "{name}"
        );
    }
    // Nothing escaped the output folder.
    assert!(!dir.path().join("etc").exists());
    assert!(files.iter().all(|f| !f.to_string_lossy().contains("..")));
}

// ---- The shipped example against the seeds -------------------------------------------------------

#[test]
fn example_000_holds_its_ten_sections_bullets_roles_and_footnotes() {
    let text = example_mandate_text(None, "pg-ph-2026");
    assert_in_order(
        &text,
        &[
            "1. Bakgrund",
            "2. Syfte",
            "3. Mål",
            "4. Beskrivning av uppdraget",
            "5. Krav på uppdraget",
            "6. Uppdragsorganisation",
            "7. Finansiering och budget",
            "8. Tidplan",
            "9. Förändringshantering",
            "10. Uppföljning",
        ],
    );
    // Every bullet of section 4 of seed 000, in order.
    let section_4 =
        &text[text.find("4. Beskrivning av uppdraget").unwrap()..text.find("5. Krav på").unwrap()];
    let bullets = [
        "Utföra behovsinventering och analys som grund till långsiktigt strategiskt arbete.",
        "Integrera strategisk riktning för arbetet i befintliga nätverk, lednings- och samverkansstrukturer.",
        "Årligen genomföra uppföljning och analys av insatser.",
        "Se till att brukares inflytande och erfarenheter tas tillvara och säkerställs i länet.",
        "Vara mottagare av nationella uppdrag, rekommendationer och styrsignaler inom området.",
        "Bidra till att relevanta beslutsunderlag tas fram för styrgruppens förankring och beslut samt för politisk information och förankring.",
        "Initiera frågor som rör större förändringar, principiella ställningstaganden eller avvikelser från beslutad inriktning till styrgrupp.",
        "Göra strategiska inriktnings- och prioriteringsavvägningar inom ramen för av styrgruppens beslutade uppdrag kopplade till utvecklingsarbetet.",
        "Leda, samordna och stödja utvecklingen av gemensamma regionala arbetssätt, processer och grunder för samverkan inom psykisk hälsa och suicidprevention i linje med styrgruppens inriktning.",
        "Initiera, samordna och avsluta utvecklingsinsatser samt tillhörande tillfälliga arbetsgrupper eller dialogforum kopplade till uppdraget.",
        "Säkerställa att brukarperspektivet integreras i samtliga strategiska- och prioriteringsövervägningar.",
        "Säkerställa systematisk uppföljning av genomförande, resultat och effekter samt ev. behov av justeringar i inriktning eller arbetssätt.",
    ];
    for b in bullets {
        assert!(mentions(section_4, b), "section 4 lacks {b:?}");
    }
    // The roles table of section 6.
    let section_6 =
        &text[text.find("6. Uppdragsorganisation").unwrap()..text.find("7. Finansiering").unwrap()];
    for role in [
        "Beställare",
        "Uppdragsägare",
        "Styrgrupp",
        "Uppdragsledare",
        "Mottagare",
        "Beskrivning (ansvar)",
    ] {
        assert!(section_6.contains(role), "roles table lacks {role:?}");
    }
    assert!(mentions(section_6, "Länschefsnätverket och Välfärdsrådet"));
    // Footnote 5 of the seed.
    assert!(mentions(
        &text,
        "Förbättrad psykisk hälsa i hela befolkningen, färre liv förlorade i suicid, minskade påverkbara skillnader"
    ));
    assert!(text.contains("Dnr RD26/00412"), "header with diarienummer");
    assert!(text.contains("Sida 2 av"), "page numbers");
}

#[test]
fn example_002_holds_its_three_processgrupper() {
    let text = example_mandate_text(None, "pg-sam-2026");
    for group in [
        "Processgrupp psykiatri och habilitering",
        "Processgrupp primärvård",
        "Processgrupp kommuner",
    ] {
        // Named in the text of the seed, in the picture, and as a group of its own.
        let times = text.matches(group).count();
        assert!(times >= 3, "{group:?} appears {times} times");
    }
}

#[test]
fn example_vgr_holds_the_groups_of_seed_004_and_the_picture() {
    let text = example_mandate_text(Some("vastra-gotaland"), "vg-org-2025");
    for group in [
        "Politiskt samrådsorgan, SRO",
        "Länsgemensam chefsgrupp psykisk hälsa och suicidprevention",
        "Länsgemensam arbetsgrupp psykisk hälsa och suicidprevention",
        "Kommunalförbundens arbetsgrupp psykisk hälsa och suicidprevention",
        "Tematiska arbetsgrupper",
        "Västra Götalandsregionens projektgrupp för psykisk hälsa och suicidprevention",
    ] {
        assert!(mentions(&text, group), "missing group {group:?}");
    }
    // The picture: its boxes name their huvudman, then the legend and caption follow.
    assert_in_order(
        &text,
        &["GEMENSAM", "KOMMUN", "REGION", "Huvudman:", "Bild 1"],
    );
    assert!(
        text.contains("Västra Götaland"),
        "the second region's own names"
    );
}
