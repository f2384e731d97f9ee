//! "Att uppmärksamma": a national workbook in October, as a styrgrupp meets about it. The deck names
//! the Röd and Gul insatser with their comments, the insatser without a Bedömning and the
//! organisations far behind in their spending — never a table of every organisation — in at most
//! 16 slides; the återrapport names every Röd insats.

use crate::common::library::{build, example_built};
use crate::common::{Book, V, mentions, pdf_text, t};
use chrono::NaiveDate;
use std::cmp::Reverse;
use std::path::Path;

const ORGANISATIONS: usize = 290;
const PER_ORGANISATION: usize = 20;
/// Every 23rd organisation has spent a tenth of its money (far behind on 15 October).
const SLOW_EVERY: usize = 23;

/// One insats of the national workbook, as the test expects to read it back.
pub use crate::common::Generated as Insats;

/// The national workbook on 15 October: 290 organisations × 20 insatser. Each organisation's
/// insatser 1–10 are in area 1, 11–15 in area 2, 16–19 in area 3 and the 20th in area 4, so the areas
/// hold 2 900, 1 450, 1 160 and 290 insatser (organisations cycle fastest, as in the benchmark).
/// Bedömning, over every hundred insatser in sheet order: 88 Grön, 5 Gul, 2 Röd, 5 none — area 4
/// thus gets fewer than ten Röd, the others more. Förbrukat is 60–89 % of Belopp, a tenth for every
/// 23rd organisation; Rekvirerat is Belopp; every Röd and Gul insats has its own Kommentar.
/// Deterministic: no randomness, the same workbook every time.
pub fn national_october() -> (Book, Vec<Insats>) {
    let mut insatser = Vec::new();
    for i in 0..ORGANISATIONS * PER_ORGANISATION {
        let organisation = i % ORGANISATIONS;
        let area = match i / ORGANISATIONS {
            0..10 => "1",
            10..15 => "2",
            15..19 => "3",
            _ => "4",
        };
        let amount = 50_000 + (i as i64 * 7_919 % 97) * 5_000;
        let spent = if organisation.is_multiple_of(SLOW_EVERY) {
            amount / 10
        } else {
            amount * (60 + (i as i64 * 13) % 30) / 100
        };
        let assessment = match (i * 37 + 11) % 100 {
            0..88 => "Grön",
            88..93 => "Gul",
            93..95 => "Röd",
            _ => "",
        };
        let number = i + 1;
        let comment = match assessment {
            "Röd" => format!(
                "Rekryteringen har dragit ut på tiden, medlen för insats {number:04} förbrukas inte i år."
            ),
            "Gul" => format!(
                "Upphandlingen för insats {number:04} är försenad men i fas till årsskiftet."
            ),
            "Grön" => "Arbetet går enligt plan.".to_string(),
            _ => String::new(),
        };
        insatser.push(Insats {
            area,
            name: format!("Insats {number:04} – samverkan för psykisk hälsa"),
            organisation: format!("Kommun {:03}", organisation + 1),
            amount,
            spent,
            assessment,
            comment,
        });
    }

    let mut book = Book::valid();
    book.set(
        "Uppgifter",
        "B6",
        V::D(NaiveDate::from_ymd_opt(2025, 10, 15).unwrap()),
    );
    const ABOUT: &str = "• Stärka samverkan mellan region och kommuner\n• Följa upp insatserna";
    let areas = [
        ("1", "Genomförande av den nationella strategin", ABOUT),
        ("2", "Komplexa behov och samsjuklighet", ABOUT),
        ("3", "Barn och unga", ABOUT),
        ("4", "Stärkt suicidpreventivt arbete", ABOUT),
    ];
    let mut book = book.with_generated(
        &areas,
        &insatser,
        "Utbildning, nätverk och uppföljning tillsammans med brukarorganisationerna.",
        |k| format!("Proj {}", 4000 + k % 500),
    );
    let timeline = book.sheet_mut("Tidslinje");
    timeline.truncate(1);
    for (when, what) in [
        ("Januari", "Överenskommelsen släpps."),
        ("Mars", "Styrgruppen beslutar om insatserna."),
        ("Juni", "Halvårsuppföljning."),
        ("September", "Blanketterna skickas ut."),
    ] {
        timeline.push(vec![t(when), t(what)]);
    }
    let summary = book.sheet_mut("Sammanfattning");
    summary.truncate(1);
    for point in [
        "De flesta insatser går enligt plan.",
        "Röda insatser behöver beslut om medlen.",
    ] {
        summary.push(vec![t(point)]);
    }
    (book, insatser)
}

/// The page count from the footer ("Bild 2 av 14", "Sida 1 av 9").
fn pages(text: &str, word: &str) -> usize {
    let marker = format!("{word} 2 av ");
    let at = text.find(&marker).expect("a page count") + marker.len();
    text[at..]
        .split(' ')
        .next()
        .and_then(|s| s.parse().ok())
        .expect("a number after the marker")
}

/// The insatser of an area with this Bedömning, most money at stake first (sheet order among equals).
fn ranked<'a>(insatser: &'a [Insats], area: &str, assessment: &str) -> Vec<&'a Insats> {
    let mut found: Vec<&Insats> = insatser
        .iter()
        .filter(|i| i.area == area && i.assessment == assessment)
        .collect();
    found.sort_by_key(|i| Reverse(i.at_stake()));
    found
}

/// The smallest text on any page, in points (a character's font size times its text matrix).
pub fn smallest_text(pdf: &Path) -> f64 {
    crate::common::placed_characters(pdf)
        .iter()
        .map(|c| c.size)
        .fold(f64::MAX, f64::min)
}

#[test]
fn the_october_deck_names_what_needs_attention_in_at_most_16_slides() {
    let dir = tempfile::tempdir().unwrap();
    let (book, insatser) = national_october();
    let input = book.write(&dir.path().join("nationell.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).run().ok();
    let deck_pdf = out.join("statusbilder-2025.pdf");
    let deck = pdf_text(&deck_pdf);
    let report = pdf_text(&out.join("aterrapport-2025.pdf"));

    let slides = pages(&deck, "Bild");
    assert!(slides <= 16, "the deck has {slides} slides");

    let mut few = 0;
    for area in ["1", "2", "3", "4"] {
        let red = ranked(&insatser, area, "Röd");
        assert!(
            deck.contains(&format!("Att uppmärksamma: {} röda", red.len())),
            "area {area}: the count of Röd"
        );
        if red.len() <= 10 {
            few += 1;
            for i in &red {
                assert!(
                    mentions(&deck, &i.name),
                    "area {area}: {} not named",
                    i.name
                );
                assert!(
                    mentions(&deck, &i.comment),
                    "area {area}: comment of {}",
                    i.name
                );
            }
        } else {
            // The ten with the most money at stake are named; those with less than the tenth are not.
            let tenth = red[9].at_stake();
            for i in &red {
                if i.at_stake() > tenth {
                    assert!(
                        mentions(&deck, &i.name),
                        "area {area}: {} not named",
                        i.name
                    );
                    assert!(
                        mentions(&deck, &i.comment),
                        "area {area}: comment of {}",
                        i.name
                    );
                } else if i.at_stake() < tenth {
                    assert!(!mentions(&deck, &i.name), "area {area}: {} named", i.name);
                }
            }
            assert!(
                deck.contains(&format!("Här visas 10 av {} röda insatser", red.len())),
                "area {area}: the line on the rest"
            );
        }
        // The återrapport names every Röd insats with its comment.
        for i in &red {
            assert!(mentions(&report, &i.name), "report lacks {}", i.name);
            assert!(
                mentions(&report, &i.comment),
                "report lacks the comment of {}",
                i.name
            );
        }
        // The Gul with the most at stake is named too, with its comment.
        let yellow = ranked(&insatser, area, "Gul");
        assert!(mentions(&deck, &yellow[0].name) && mentions(&deck, &yellow[0].comment));
        let unassessed = ranked(&insatser, area, "").len();
        assert!(
            deck.contains(&format!("Ej bedömda {unassessed} insatser")),
            "area {area}: {unassessed} not assessed"
        );
    }
    assert!(
        (1..4).contains(&few),
        "both cases are tested ({few} areas with ≤ 10 Röd)"
    );

    // Far behind: the 13 slow organisations in each area, counted on the slides, all named in the
    // återrapport.
    let slow: Vec<String> = (0..ORGANISATIONS)
        .filter(|o| o % SLOW_EVERY == 0)
        .map(|o| format!("Kommun {:03}", o + 1))
        .collect();
    assert_eq!(
        deck.matches(&format!(
            "Långt efter i förbrukningen {} organisationer",
            slow.len()
        ))
        .count(),
        4
    );
    for name in &slow {
        assert!(mentions(&report, name), "report lacks {name}");
    }

    // No slide lists every organisation: a few dozen are named, as cases.
    let named = (1..=ORGANISATIONS)
        .filter(|o| deck.contains(&format!("Kommun {o:03}")))
        .count();
    assert!(named <= 4 * (10 + 5 + 3 + 3), "{named} organisations named");

    // Readable on a projector: nothing smaller than the example deck's smallest text, its insats
    // tables (8.8 pt).
    let floor = smallest_text(&example_built().join("statusbilder-2025.pdf"));
    assert!(
        (floor - 8.8).abs() < 0.01,
        "the example's smallest text: {floor:.2} pt"
    );
    let smallest = smallest_text(&deck_pdf);
    assert!(
        smallest >= floor - 0.01,
        "text of {smallest:.2} pt on a slide"
    );
}

/// In March, before anyone has reported: nothing is late and no organisation is "behind" (nobody has
/// a Förbrukat yet), so each area's slide says so in a line instead of adding an empty slide.
#[test]
fn before_the_follow_up_the_deck_flags_nothing_and_adds_no_slide() {
    let dir = tempfile::tempdir().unwrap();
    let (mut book, _) = national_october();
    book.set(
        "Uppgifter",
        "B6",
        V::D(NaiveDate::from_ymd_opt(2025, 3, 14).unwrap()),
    );
    for row in book.sheet_mut("Insatser").iter_mut().skip(1) {
        // Rekvirerat, Förbrukat, Bedömning, Kommentar
        for cell in &mut row[8..12] {
            *cell = V::E;
        }
    }
    let input = book.write(&dir.path().join("mars.xlsx"));
    let out = dir.path().join("ut");
    build(&input, &out).run().ok();
    let deck = pdf_text(&out.join("statusbilder-2025.pdf"));
    // Title, timeline, overview, one slide per area, summary.
    assert_eq!(pages(&deck, "Bild"), 8);
    assert_eq!(
        deck.matches("Ingen insats har något förbrukat ännu.")
            .count(),
        4
    );
    assert!(!deck.contains("långt efter i förbrukningen"));
    let named = (1..=ORGANISATIONS)
        .filter(|o| deck.contains(&format!("Kommun {o:03}")))
        .count();
    assert_eq!(named, 0, "no organisation is singled out");
}

/// Not a check: writes the national October workbook into the folder named by
/// `STYRDOK_NATIONAL_OCTOBER`, to look at its documents by eye or time them:
/// `STYRDOK_NATIONAL_OCTOBER=/tmp/oktober cargo test --test main -- --ignored write_national_october`
#[test]
#[ignore]
fn write_national_october() {
    let dir = std::path::PathBuf::from(
        std::env::var("STYRDOK_NATIONAL_OCTOBER").expect("STYRDOK_NATIONAL_OCTOBER names a folder"),
    );
    std::fs::create_dir_all(&dir).unwrap();
    national_october()
        .0
        .write(&dir.join("nationell-oktober.xlsx"));
}
