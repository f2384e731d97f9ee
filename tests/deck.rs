//! The status slide deck, end to end: workbook in, PDF out, its text read back.

use crate::common::library::{build, example_built};
use crate::common::{Book, SEED_001_INSATSER, mentions, pdf_text, t};
use std::path::Path;

#[test]
fn example_deck_holds_every_insats_and_the_seed_figures() {
    let pdf = example_built().join("statusbilder-2025.pdf");
    let text = pdf_text(&pdf);

    for figure in [
        "4 000 000 kr",
        "5 409 733 kr",
        "7 569 623 kr",
        "16 979 356 kr",
        "17,0 mkr",
        "2 000 000 kr",
        "13 524 332 kr",
        "7 790 015 kr",
        "1 709 733 kr",
        "1 939 623 kr",
    ] {
        assert!(text.contains(figure), "missing {figure:?}");
    }
    // Every insats of seed 001, by a distinctive part of its name.
    for name in SEED_001_INSATSER {
        assert!(mentions(&text, name), "missing insats {name:?}");
    }
    for heading in ["Kort tillbakablick", "Sammanfattning", "forts.", "Summa 1a"] {
        assert!(text.contains(heading), "missing {heading:?}");
    }
    assert!(text.contains("Bild 2 av"), "slide numbers");
}

#[test]
fn cell_text_is_printed_literally_never_run() {
    let hostile = [
        "#read(\"/etc/passwd\")",
        "$x$",
        "*y*",
        "<z>",
        "@w",
        "_u_ `c` \\ ] // /* #image(\"/etc/passwd\")",
    ];
    let mut book = Book::valid();
    book.set("Uppgifter", "B2", t(hostile[0]));
    book.set("Insatser", "B2", t(hostile[1]));
    book.set("Insatser", "C2", t(hostile[2]));
    book.set("Insatser", "F2", t(hostile[3]));
    book.set("Insatser", "G2", t(hostile[4]));
    book.set("Insatser", "H2", t(hostile[5]));
    book.set("Tidslinje", "B2", t(hostile[0]));
    book.set("Sammanfattning", "A2", t(hostile[5]));
    book.set("Insatsområden", "B5", t("#emph[inte kursiv]"));
    let dir = tempfile::tempdir().unwrap();
    let input = book.write(&dir.path().join("fientlig.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).run().ok();
    let text = pdf_text(&out.join("statusbilder-2025.pdf"));
    for h in hostile {
        let h = h.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&h), "missing literal {h:?} in {text}");
    }
    assert!(text.contains("#emph[inte kursiv]"));
    assert!(
        !text.contains("root:x:0:0"),
        "a file outside the template root was read"
    );
}

#[test]
fn build_refuses_to_write_anything_when_input_has_errors() {
    let mut book = Book::valid();
    book.set("Insatser", "E3", t("ca 500 tkr"));
    let dir = tempfile::tempdir().unwrap();
    let input = book.write(&dir.path().join("fel.xlsx"));
    let out = dir.path().join("ut");
    let result = build(&input, &out).run().code(1);
    assert!(result.report.contains("Insatser!E3"), "{}", result.report);
    assert!(!out.exists(), "nothing may be written on errors");
}

#[test]
fn same_input_gives_identical_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let input = Book::valid().write(&dir.path().join("in.xlsx"));
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    build(&input, &a).run().ok();
    build(&input, &b).run().ok();
    let read = |p: &Path| std::fs::read(p.join("statusbilder-2025.pdf")).unwrap();
    assert!(read(&a) == read(&b), "PDF bytes differ between two builds");
}

/// Characters drawn outside their page (page number from 1, the character).
fn text_off_the_page(pdf: &Path) -> Vec<(u32, String)> {
    crate::common::placed_characters(pdf)
        .into_iter()
        .filter(|c| {
            let (left, bottom, right, top) = c.page_box;
            !((left..=right).contains(&c.x) && (bottom..=top).contains(&c.y))
        })
        .map(|c| (c.page, c.text))
        .collect()
}

#[test]
fn a_very_long_title_and_area_name_stay_on_their_slides() {
    // 300 characters at the cover's 30 pt pushed «Status för styrgruppen», the group and the date
    // off the cover; an area named at that length ran over the top of its slide.
    let long = "Regional samverkan kring psykisk hälsa ".repeat(8);
    let mut book = Book::valid();
    book.set("Uppgifter", "B2", t(long.trim()));
    book.set("Uppgifter", "B4", t(long.trim()));
    book.set("Insatsområden", "B2", t(long.trim()));
    let dir = tempfile::tempdir().unwrap();
    let input = book.write(&dir.path().join("lang.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).run().ok();
    let deck = out.join("statusbilder-2025.pdf");
    assert_eq!(text_off_the_page(&deck), Vec::new());
    assert!(pdf_text(&deck).contains("Status för styrgruppen"));
}
