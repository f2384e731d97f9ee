//! Long narrative documents (seed 003): Dokumenttyp, section levels (Nivå), numbered lists in cell
//! text, pictures from sheet Bilder, and the third example project, a handlingsplan.

use crate::common::library::read_and_check;
use crate::common::{Book, V, assert_one, found, library, mentions, n, pdf_text, t};
use std::path::{Path, PathBuf};
use std::process::Command;
use styrdok::checks::Checked;
use styrdok::diagnostics::Severity;

fn built(input: &Path, out: &Path) {
    library::build(input, out).run().ok();
}

/// The book with uppdrag, a Nivå column in Avsnitt (D) and the levels given, one per section row.
fn with_levels(levels: &[V]) -> Book {
    let mut book = Book::with_mandates();
    book.set("Avsnitt", "D1", t("Nivå"));
    // Rows 2 and 3 (Bakgrund, Uppdragsorganisation) exist; further rows are "Avsnitt <row>".
    for (i, level) in levels.iter().enumerate() {
        let row = i + 2;
        if row > 3 {
            let heading = format!("Avsnitt {row}");
            book.push_row(
                "Avsnitt",
                vec![t("U1"), t(&heading), t("Text."), level.clone()],
            );
        } else {
            book.set("Avsnitt", &format!("D{row}"), level.clone());
        }
    }
    book
}

/// Writes the book and the given files (relative path, bytes) into one folder and checks it there.
fn check_with_files(book: &Book, files: &[(&str, &[u8])]) -> (tempfile::TempDir, PathBuf, Checked) {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("projekt");
    std::fs::create_dir(&project).unwrap();
    for (name, bytes) in files {
        let path = project.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let input = book.write(&project.join("in.xlsx"));
    let checked = read_and_check(&input).1;
    (dir, input, checked)
}

/// The book with uppdrag plus a Bilder sheet with one row (columns A..E).
fn with_picture(heading: &str, file: &str, caption: &str, alt: &str) -> Book {
    let mut book = Book::with_mandates();
    book.sheets.push((
        "Bilder".into(),
        vec![
            ["Uppdrag", "Rubrik", "Fil", "Bildtext", "Alternativtext"]
                .iter()
                .map(|h| t(h))
                .collect(),
            vec![t("U1"), t(heading), t(file), t(caption), t(alt)],
        ],
    ));
    book
}

/// A small valid PNG (RGB, `w`×`h`, a stripe pattern), written by hand: stored deflate blocks need
/// no compressor.
fn png(w: u32, h: u32) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend(data);
        out.extend(&body);
        out.extend(crc32(&body).to_be_bytes());
    }
    let mut raw = Vec::new();
    for y in 0..h {
        raw.push(0); // filter: none
        for x in 0..w {
            let on = (x / 4 + y / 4) % 2 == 0;
            raw.extend(if on { [29, 53, 87] } else { [42, 127, 143] });
        }
    }
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(i == blocks.len() - 1));
        let len = block.len() as u16;
        zlib.extend(len.to_le_bytes());
        zlib.extend((!len).to_le_bytes());
        zlib.extend(*block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    zlib.extend(((b << 16) | a).to_be_bytes());
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend(w.to_be_bytes());
    header.extend(h.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"IDAT", &zlib);
    chunk(&mut out, b"IEND", &[]);
    out
}

fn available(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok()
}

/// The PDF with its streams uncompressed and object streams expanded (qpdf), for looking at
/// structure entries such as `/Alt`.
fn qdf(pdf: &Path) -> Option<String> {
    if !available("qpdf") {
        crate::common::required("qpdf");
        return None;
    }
    let out = Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

// ---- Levels --------------------------------------------------------------------------------------

#[test]
fn levels_give_numbers_contents_and_nested_bookmarks() {
    // The organisation section (row 3) becomes "1.1"; roles and groups stay in it.
    let book = with_levels(&[n(1.0), n(2.0), n(3.0), t("2"), V::E]);
    let dir = tempfile::tempdir().unwrap();
    let input = book.write(&dir.path().join("in.xlsx"));
    let out = dir.path().join("ut");
    built(&input, &out);
    let pdf = out.join("uppdrag/u1-regional-processgrupp.pdf");
    let text = pdf_text(&pdf);
    // The contents list levels 1–2 only; the body has every heading with its number.
    let contents = &text[text.find("Innehåll").expect("a table of contents")..];
    let body_start = contents.find("Första stycket.").unwrap();
    let (contents, body) = contents.split_at(body_start);
    for heading in [
        "1. Bakgrund",
        "1.1 Uppdragsorganisation",
        "1.2 Avsnitt 5",
        "2. Avsnitt 6",
    ] {
        assert!(contents.contains(heading), "contents lack {heading:?}");
    }
    assert!(
        !contents.contains("Avsnitt 4"),
        "level 3 is not in the contents: {contents}"
    );
    let mut from = 0;
    for heading in [
        "1.1 Uppdragsorganisation",
        "1.1.1 Avsnitt 4",
        "1.2 Avsnitt 5",
        "2. Avsnitt 6",
        "3. Finansiering",
    ] {
        let at = body[from..]
            .find(heading)
            .unwrap_or_else(|| panic!("{heading:?} missing or out of order in {body}"));
        from += at + heading.len();
    }
    // Bookmarks nest like the levels: 1.1.1 under 1.1 under 1.
    if available("qpdf") {
        let json = Command::new("qpdf")
            .args(["--json", "--json-key=outlines"])
            .arg(&pdf)
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        let top = json["outlines"].as_array().unwrap();
        let titles = |items: &serde_json::Value| -> Vec<String> {
            items
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["title"].as_str().unwrap().to_string())
                .collect()
        };
        let top_titles = titles(&json["outlines"]);
        assert!(
            top_titles.iter().any(|t| t.contains("Bakgrund")),
            "{top_titles:?}"
        );
        assert!(
            top_titles.iter().any(|t| t.contains("Avsnitt 6")),
            "{top_titles:?}"
        );
        assert!(
            !top_titles.iter().any(|t| t.contains("Avsnitt 4")),
            "{top_titles:?}"
        );
        let first = top
            .iter()
            .find(|i| i["title"].as_str().unwrap().contains("Bakgrund"))
            .unwrap();
        let kids = &first["kids"];
        assert!(
            titles(kids)
                .iter()
                .any(|t| t.contains("Uppdragsorganisation"))
        );
        let organisation = kids
            .as_array()
            .unwrap()
            .iter()
            .find(|i| {
                i["title"]
                    .as_str()
                    .unwrap()
                    .contains("Uppdragsorganisation")
            })
            .unwrap();
        assert!(
            titles(&organisation["kids"])
                .iter()
                .any(|t| t.contains("Avsnitt 4"))
        );
    } else {
        println!("skipped bookmarks: qpdf not on PATH");
    }
}

#[test]
fn a_level_that_jumps_is_an_error_at_its_cell() {
    let checked = crate::common::check(&with_levels(&[n(1.0), n(3.0)]));
    assert_one(
        &checked,
        Severity::Error,
        "Avsnitt!D3",
        "Nivå 3 följer direkt på nivå 1",
    );
    let fix = checked.diagnostics[0].problem.fix();
    assert!(fix.contains("nivå 2"), "{fix}");

    let checked = crate::common::check(&with_levels(&[n(2.0)]));
    assert_one(
        &checked,
        Severity::Error,
        "Avsnitt!D2",
        "det första avsnittet",
    );

    let checked = crate::common::check(&with_levels(&[n(1.0), t("fyra"), n(4.0)]));
    assert_one(
        &checked,
        Severity::Error,
        "Avsnitt!D3",
        "Nivå «fyra» är inte 1, 2 eller 3",
    );
    assert_one(&checked, Severity::Error, "Avsnitt!D4", "Nivå «4»");
    // Back up from 3 to 1 is fine; only going down more than one level is a jump.
    let checked = crate::common::check(&with_levels(&[n(1.0), n(2.0), n(3.0), n(1.0), n(2.0)]));
    assert_eq!(found(&checked), vec![]);
}

// ---- Numbered lists ------------------------------------------------------------------------------

#[test]
fn a_numbered_list_keeps_its_numbers_and_may_start_at_3() {
    let mut book = Book::with_mandates();
    book.set(
        "Avsnitt",
        "C2",
        t("Det föreslogs:\n3. Ytterligare fördjupa arbetet.\n4) Följa upp arbetet.\n\nEfter listan."),
    );
    let dir = tempfile::tempdir().unwrap();
    let input = book.write(&dir.path().join("in.xlsx"));
    let out = dir.path().join("ut");
    built(&input, &out);
    let text = pdf_text(&out.join("uppdrag/u1-regional-processgrupp.pdf"));
    let list = &text[text.find("Det föreslogs:").unwrap()..text.find("Efter listan.").unwrap()];
    assert!(list.contains("3. Ytterligare fördjupa arbetet."), "{list}");
    assert!(list.contains("4. Följa upp arbetet."), "{list}");
    assert!(!list.contains("1. Ytterligare"), "{list}");
}

// ---- Pictures ------------------------------------------------------------------------------------

#[test]
fn each_picture_problem_is_named_at_its_cell() {
    let image = png(8, 8);
    let files: &[(&str, &[u8])] = &[
        ("bilder/bild.png", &image),
        ("inte-en-bild.png", b"Det har ar text, ingen bild."),
    ];
    let cases = [
        (
            with_picture("Bakgrund", "bilder/saknas.png", "", "En bild"),
            "Bilder!C2",
            "bildfilen «bilder/saknas.png» finns inte",
        ),
        (
            with_picture("Bakgrund", "inte-en-bild.png", "", "En bild"),
            "Bilder!C2",
            "«inte-en-bild.png» är ingen bild som går att läsa",
        ),
        (
            with_picture("Bakgrund", "../utanfor.png", "", "En bild"),
            "Bilder!C2",
            "ligger utanför projektets mapp",
        ),
        (
            with_picture("Bakgrund", "bilder/bild.png", "Bildtext", ""),
            "Bilder!E2",
            "bilden saknar alternativtext",
        ),
        (
            with_picture("Bakgrunden", "bilder/bild.png", "", "En bild"),
            "Bilder!B2",
            "avsnittet «Bakgrunden» finns inte i «U1»",
        ),
    ];
    for (book, cell, message) in cases {
        let (_dir, _, checked) = check_with_files(&book, files);
        assert_one(&checked, Severity::Error, cell, message);
        assert_eq!(found(&checked).len(), 1, "{:#?}", found(&checked));
    }
    // The file outside the folder exists: it is refused for where it is, not for being missing.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("utanfor.png"), png(4, 4)).unwrap();
    let project = dir.path().join("projekt");
    std::fs::create_dir(&project).unwrap();
    let input =
        with_picture("Bakgrund", "../utanfor.png", "", "En bild").write(&project.join("in.xlsx"));
    assert_one(
        &read_and_check(&input).1,
        Severity::Error,
        "Bilder!C2",
        "ligger utanför projektets mapp",
    );
    // A valid picture: no problems, and the workbook is never changed by checking.
    let (_dir, input, checked) = check_with_files(
        &with_picture("bakgrund", "bilder\\bild.png", "", "En bild"),
        files,
    );
    assert_eq!(
        found(&checked),
        vec![],
        "heading matched ignoring case; \\ as /"
    );
    assert!(input.exists());
}

#[test]
fn a_picture_reaches_the_pdf_with_caption_and_alternative_text() {
    let image = png(120, 60);
    let book = with_picture(
        "Bakgrund",
        "bilder/insatser.png",
        "Bilden visar insatserna.",
        "Tre rutor i rad: behovsanalys, implementering, fokusomraden",
    );
    let (dir, input, checked) = check_with_files(&book, &[("bilder/insatser.png", &image)]);
    assert_eq!(found(&checked), vec![]);
    let out = dir.path().join("ut");
    built(&input, &out);
    let pdf = out.join("uppdrag/u1-regional-processgrupp.pdf");
    let bytes = std::fs::read(&pdf).unwrap();
    let images = bytes
        .windows(b"/Subtype /Image".len())
        .filter(|w| *w == b"/Subtype /Image" || w.starts_with(b"/Subtype/Image"))
        .count();
    assert_eq!(images, 1, "one image in the PDF");
    let text = pdf_text(&pdf);
    // The picture ends section 1, so it is Bild 1; the organisation picture of section 2 follows.
    assert!(text.contains("Bild 1. Bilden visar insatserna."), "{text}");
    assert!(text.contains("Bild 2."), "the org chart follows as Bild 2");
    if let Some(structure) = qdf(&pdf) {
        assert!(
            structure.contains("Tre rutor i rad: behovsanalys, implementering, fokusomraden"),
            "alternative text in the structure tree"
        );
    }
}

// ---- Dokumenttyp ---------------------------------------------------------------------------------

#[test]
fn document_type_names_the_document_and_picks_the_folder() {
    let mut book = Book::with_mandates();
    book.set("Uppdrag", "G1", t("Dokumenttyp"))
        .set("Uppdrag", "G2", t("Handlingsplan"));
    // Long enough for a second page, where the running header is.
    book.set(
        "Avsnitt",
        "C2",
        t(&"Ett stycke text som fyller sidan.\n\n".repeat(60)),
    );
    book.push_row("Uppdrag", vec![t("U2"), t("Vanligt uppdrag")]);
    book.push_row("Avsnitt", vec![t("U2"), t("Bakgrund"), t("Text.")]);
    let dir = tempfile::tempdir().unwrap();
    let input = book.write(&dir.path().join("in.xlsx"));
    let out = dir.path().join("ut");
    built(&input, &out);
    let plan = out.join("dokument/u1-regional-processgrupp.pdf");
    assert!(plan.exists(), "a handlingsplan goes to dokument/");
    assert!(
        out.join("uppdrag/u2-vanligt-uppdrag.pdf").exists(),
        "an uppdragsbeskrivning stays in uppdrag/"
    );
    assert!(!out.join("uppdrag/u1-regional-processgrupp.pdf").exists());
    let text = pdf_text(&plan);
    let title_block = &text[..text.find("1. Bakgrund").unwrap()];
    assert!(title_block.contains("Handlingsplan"), "{title_block}");
    assert!(
        !title_block.contains("Uppdragsbeskrivning"),
        "{title_block}"
    );
    assert!(
        text.contains("Handlingsplan Regional processgrupp Dnr RD26/1"),
        "running header with the type: {text}"
    );
    let plain = pdf_text(&out.join("uppdrag/u2-vanligt-uppdrag.pdf"));
    assert!(plain.contains("Uppdragsbeskrivning"));
}

// ---- The example of seed 003 ---------------------------------------------------------------------

const SEED_003_HEADINGS: &[(&str, u8)] = &[
    ("1. Bakgrund", 1),
    ("2. Handlingsplan psykisk hälsa 2018", 1),
    ("3. Pågående regionala insatser", 1),
    (
        "4. Implementering (RÖK) och (VIP) missbruk/beroende samt övergripande stöd för implementering",
        1,
    ),
    ("5. Behovsanalys", 1),
    ("6. Fokusområde barn och unga", 1),
    ("6.1 En sammanhållen Ungdomshälsa", 2),
    ("6.2 ”Mini-Maria”", 2),
    ("7. Särskilda insatser med stöd av ÖK för psykisk hälsa", 1),
    ("7.1 Fokusområde samsjuklighet", 2),
    ("7.1.1 Bostad först", 3),
    ("7.1.2 Gemensamt HVB", 3),
    ("7.2 Brukarinflytande", 2),
    ("7.2.1 Brukarinflytandesamordnare (BISAM)", 3),
    ("7.3 Suicidprevention", 2),
    ("7.3.1 Vansbro", 3),
    ("7.4 Ungdomsmottagningar", 2),
    ("8. Handlingsplan psykisk hälsa 2022", 1),
];

#[test]
fn example_003_holds_every_chapter_and_sub_chapter_with_its_number() {
    let out = library::example_built();
    let pdf = out.join("dalarna-2021/dokument/hp-ph-2021-psykisk-halsa-2021.pdf");
    let text = pdf_text(&pdf);
    let strip = |s: &str| {
        s.chars()
            .filter(|c| !matches!(c, '-' | '\u{ad}') && !c.is_whitespace())
            .collect::<String>()
    };
    let flat = strip(&text);
    for (heading, level) in SEED_003_HEADINGS {
        let count = flat.matches(&strip(heading)).count();
        // Levels 1–2 are in the table of contents and the body (and may be cited in the text),
        // level 3 only in the body.
        if *level < 3 {
            assert!(count >= 2, "{heading:?} found {count} times");
        } else {
            assert_eq!(count, 1, "{heading:?} found {count} times");
        }
    }
    for part in [
        "Handlingsplan",
        "Region Dalarna",
        "HSN 2022/2905",
        "2022-03-25",
        // The numbered list of section 3 and its footnotes.
        "1. Att en bred behovsanalys genomförs",
        "2. Stödja implementering i länet",
        "3. Ytterligare fördjupa arbetet inom två fokusområden",
        "I samsjuklighetsutredningen föreslås att begreppet missbruk och beroende slopas",
        "Ett samverkansforum på högsta tjänsteledningsnivå mellan kommunerna och regionen",
        "Bild 1. Bilden illustrerar de föreslagna utvecklingsinsatserna",
        "Handlingsplan Psykisk hälsa 2021 Dnr HSN 2022/2905",
    ] {
        assert!(mentions(&text, part), "missing {part:?}");
    }
    assert!(
        !out.join("dalarna-2021/uppdrag").exists(),
        "a handlingsplan is not an uppdragsbeskrivning"
    );
}
