//! Documents that stay readable at any scale: a large area is summarised in the deck (money, splits,
//! what needs attention) and the återrapport (also the largest insatser and one line per
//! organisation), `--alla-insatser` still lists every insats, and small areas, like the example's,
//! come out exactly as before.

use crate::common::library::{build, example_built, example_input};
use crate::common::{Book, Generated as Insats, mentions, n, pdf_text};
use std::path::Path;

const ORGANISATIONS: usize = 60;
const INSATSER: usize = 300;

/// Area 1 gets 180 insatser and area 2 120 (both summarised), area 3 three (listed as before).
/// Every organisation has insatser in areas 1 and 2; names are zero-padded so none is a prefix of
/// another.
fn large_book() -> (Book, Vec<Insats>) {
    let insats = |area, name, organisation, amount, assessment| Insats {
        area,
        name,
        organisation,
        amount,
        spent: amount / 2,
        assessment,
        comment: "Enligt plan.".to_string(),
    };
    let mut insatser: Vec<Insats> = (0..INSATSER)
        .map(|i| {
            insats(
                if (i / ORGANISATIONS).is_multiple_of(2) {
                    "1"
                } else {
                    "2"
                },
                format!("Insats A{i:03}"),
                format!("Org {:02}", i % ORGANISATIONS + 1),
                10_000 + (i as i64 * 7_919 % 97) * 1_000,
                ["Grön", "Gul", "Röd", ""][i % 4],
            )
        })
        .collect();
    for (k, amount) in [250_000, 150_000, 100_000].into_iter().enumerate() {
        insatser.push(insats(
            "3",
            format!("Liten insats L{k}"),
            "Org 01".to_string(),
            amount,
            "Grön",
        ));
    }
    let areas = [
        ("1", "Stora området", "Beskrivning."),
        ("2", "Andra området", "Beskrivning."),
        ("3", "Lilla området", "Beskrivning."),
    ];
    let book = Book::valid().with_generated(&areas, &insatser, "Beskrivning av insatsen.", |_| {
        "Proj 1".to_string()
    });
    (book, insatser)
}

/// 1234567 → "1 234 567", as pdf_text reads the documents' figures.
fn figure(x: i64) -> String {
    let digits = x.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The page count from the footer ("Bild 2 av 14", "Sida 1 av 9").
fn pages(text: &str, word: &str) -> usize {
    let marker = format!("{word} 2 av ");
    let at = text
        .find(&marker)
        .unwrap_or_else(|| panic!("no {marker:?}"))
        + marker.len();
    text[at..]
        .split(' ')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no page count after {marker:?}"))
}

/// Each organisation's line of an area: name, number of insatser and their sum.
fn organisation_lines(insatser: &[Insats], area: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for o in 1..=ORGANISATIONS {
        let name = format!("Org {o:02}");
        let mine: Vec<&Insats> = insatser
            .iter()
            .filter(|i| i.area == area && i.organisation == name)
            .collect();
        let sum: i64 = mine.iter().map(|i| i.amount).sum();
        lines.push(format!("{name} {} {}", mine.len(), figure(sum)));
    }
    lines
}

#[test]
fn a_large_agreement_is_summarised_with_exact_totals_and_every_organisation_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let (book, insatser) = large_book();
    let input = book.write(&dir.path().join("stor.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).run().ok();
    let deck = pdf_text(&out.join("statusbilder-2025.pdf"));
    let report = pdf_text(&out.join("aterrapport-2025.pdf"));

    // 303 insatser listed one by one took ~50 slides and ~40 pages; summarised, the deck is the
    // title, overview, timeline and summary, 3 slides per large area and 2 for the small one; the
    // report a few pages per large area, with every Röd insats (a quarter of them in this book).
    let slides = pages(&deck, "Bild");
    assert!(slides <= 14, "deck has {slides} slides");
    let report_pages = pages(&report, "Sida");
    assert!(report_pages <= 14, "report has {report_pages} pages");

    for area in ["1", "2"] {
        let total: i64 = insatser
            .iter()
            .filter(|i| i.area == area)
            .map(|i| i.amount)
            .sum();
        let count = insatser.iter().filter(|i| i.area == area).count();
        assert!(
            deck.contains(&format!("sammanfattning av {count} insatser")),
            "area {area}"
        );
        assert!(
            deck.contains(&format!("{} kr", figure(total))),
            "area {area} total"
        );
        // The återrapport's organisation lines add up to the area exactly; the deck has none: it
        // governs by exception.
        for line in organisation_lines(&insatser, area) {
            assert!(!mentions(&deck, &line), "deck lists {line:?} (area {area})");
            assert!(
                mentions(&report, &line),
                "report lacks {line:?} (area {area})"
            );
        }
    }
    // The återrapport names the largest insats; the smallest Grön one of a large area is named
    // nowhere; the small area is listed.
    let largest = insatser[..INSATSER]
        .iter()
        .max_by_key(|i| i.amount)
        .unwrap();
    let smallest = insatser[..INSATSER]
        .iter()
        .filter(|i| i.assessment == "Grön")
        .min_by_key(|i| i.amount)
        .unwrap();
    assert!(mentions(&report, &largest.name));
    for text in [&deck, &report] {
        assert!(!mentions(text, &smallest.name), "{} listed", smallest.name);
        assert!(mentions(text, "Liten insats L2"));
        assert!(text.contains("Alla 180 insatser finns var för sig i den uppdaterade arbetsboken"));
    }
    let all: i64 = insatser.iter().map(|i| i.amount).sum();
    assert!(
        report.contains(&format!("{} kr", figure(all))),
        "report total"
    );
    let unassessed = insatser.iter().filter(|i| i.assessment.is_empty()).count();
    assert!(unassessed > 0 && report.contains("Ej bedömd"));
}

#[test]
fn alla_insatser_lists_every_insats_in_the_appendix() {
    let dir = tempfile::tempdir().unwrap();
    let (book, insatser) = large_book();
    let input = book.write(&dir.path().join("stor.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).all_insatser().run().ok();
    let report = pdf_text(&out.join("aterrapport-2025.pdf"));
    assert!(report.contains("Bilaga: alla insatser"));
    for i in &insatser {
        assert!(mentions(&report, &i.name), "{} missing", i.name);
    }
    let deck = pdf_text(&out.join("statusbilder-2025.pdf"));
    assert!(deck.contains("finns var för sig i återrapportens bilaga"));
}

/// FNV-1a: a stable fingerprint without another dependency.
fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The example's PDFs, byte for byte as they were before large areas were summarised. A deliberate
/// change to a template changes them: then record the new fingerprints printed below.
#[test]
fn the_examples_documents_are_unchanged() {
    const BEFORE: [(&str, u64); 5] = [
        ("aterrapport-2025.pdf", 0x30e6733742539cfb),
        ("statusbilder-2025.pdf", 0xc4cb0e100573ba2d),
        (
            "uppdrag/pg-ph-2026-regional-processgrupp-for-psykisk-halsa-och-suicidprevention.pdf",
            0x69274ce21897b350,
        ),
        (
            "uppdrag/pg-sam-2026-regional-processgrupp-samsjuklighet.pdf",
            0x3b9f8b332b4b432e,
        ),
        (
            "vastra-gotaland/uppdrag/vg-org-2025-strategi-for-psykisk-halsa-och-suicidprevention-i-vastra.pdf",
            0x743c97803ab3f8e1,
        ),
    ];
    let all_insatser = tempfile::tempdir().unwrap();
    build(example_input(), all_insatser.path())
        .all_insatser()
        .run()
        .ok();
    for (flags, out) in [
        (&[][..], example_built()),
        (&["--alla-insatser"][..], all_insatser.path()),
    ] {
        let now: Vec<(&str, u64)> = BEFORE
            .iter()
            .map(|(file, _)| (*file, fingerprint(&std::fs::read(out.join(file)).unwrap())))
            .collect();
        assert_eq!(
            now, BEFORE,
            "the example's PDFs changed (flags {flags:?}); fingerprints now: {now:#x?}"
        );
    }
}

/// A new year's workbook can change every insats: the deck and the report then list, per area, the
/// changes that move the most money and say where all of them are; the workbook's sheet has all.
#[test]
fn many_changes_list_the_largest_and_say_where_the_rest_are() {
    let dir = tempfile::tempdir().unwrap();
    let (before, insatser) = large_book();
    let mut now = before.clone();
    // Every insats of area 1 (180) gets a larger Belopp, by more the later it stands.
    let mut bumped = Vec::new();
    for (row, i) in now.sheet_mut("Insatser").iter_mut().skip(1).zip(&insatser) {
        if i.area == "1" {
            bumped.push(i.name.clone());
            row[4] = n((i.amount + 1_000 * bumped.len() as i64) as f64);
        }
    }
    // …and its budget grows to match.
    now.sheet_mut("Insatsområden")[1][2] = n(100_000_000.0);
    std::fs::create_dir_all(dir.path().join("forra")).unwrap();
    std::fs::create_dir_all(dir.path().join("nu")).unwrap();
    let earlier = before.write(&dir.path().join("forra/ok.xlsx"));
    let input = now.write(&dir.path().join("nu/ok.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).since(&earlier).run().ok();

    let note = "Här visas de 12 förändringar som flyttar mest pengar av 180 i området \
                (0 nya, 0 borttagna, 180 ändrade). Alla finns i bladet Förändringar";
    let largest = bumped.last().unwrap();
    let smallest = &bumped[0];
    for pdf in ["statusbilder-2025.pdf", "aterrapport-2025.pdf"] {
        let text = pdf_text(&out.join(pdf));
        assert!(text.contains(note), "{pdf}: no note on what is left out");
        assert!(
            text.contains(largest.as_str()),
            "{pdf}: the largest change is listed"
        );
        assert!(
            !text.contains(smallest.as_str()),
            "{pdf}: the smallest of 180 is not"
        );
    }
    // The changes take a few slides: before, every change had its row (180 rows, a dozen slides).
    let without = dir.path().join("utan");
    build(&input, &without).run().ok();
    let slides = |dir: &Path| pages(&pdf_text(&dir.join("statusbilder-2025.pdf")), "Bild");
    assert!(
        slides(&out) <= slides(&without) + 3,
        "{} slides with the changes, {} without",
        slides(&out),
        slides(&without)
    );

    let mut book = calamine::open_workbook_auto(out.join("ok-uppdaterad.xlsx")).unwrap();
    let sheet = calamine::Reader::worksheet_range(&mut book, "Förändringar").unwrap();
    let listed: usize = bumped
        .iter()
        .filter(|name| sheet.rows().any(|r| r.iter().any(|c| *c == name.as_str())))
        .count();
    assert_eq!(listed, 180, "every change is in the workbook's sheet");
}
