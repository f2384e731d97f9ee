//! Every free-text column of every sheet, in every document, holding Typst markup and code: all of it
//! must print literally, and no file outside the templates may be read.

use crate::common::{Book, mentions, pdf_text, pdfs_under, t};
use std::path::Path;

const PAYLOAD: &str =
    r#"#read("/etc/passwd") $x$ *y* _z_ <w> @v `c` \ ] // /* #image("/etc/passwd") #panic("p")"#;

/// (sheet, cell) of every free-text cell in `Book::with_mandates`, codes and references left alone so
/// the workbook stays valid.
const CELLS: &[(&str, &str)] = &[
    ("Uppgifter", "B2"),
    ("Uppgifter", "B4"),
    ("Uppgifter", "B5"),
    ("Insatsområden", "B2"),
    ("Insatsområden", "E2"),
    ("Insatsområden", "B3"),
    ("Insatser", "B2"),
    ("Insatser", "C2"),
    ("Insatser", "F2"),
    ("Insatser", "G2"),
    ("Insatser", "H3"),
    ("Insatser", "L2"),
    ("Tidslinje", "A2"),
    ("Tidslinje", "B2"),
    ("Sammanfattning", "A2"),
    ("Uppdrag", "B2"),
    ("Uppdrag", "C2"),
    ("Uppdrag", "E2"),
    ("Avsnitt", "B2"),
    ("Avsnitt", "C3"),
    ("Roller", "B2"),
    ("Roller", "C2"),
    ("Grupper", "C2"),
    ("Grupper", "D3"),
    ("Grupper", "E3"),
    ("Grupper", "F3"),
    ("Grupper", "G3"),
];

#[test]
fn markup_in_every_text_column_prints_literally_in_every_document() {
    let mut book = Book::with_mandates();
    // Project 2 is not linked from the uppdrag, so its Projekt cell can be changed freely.
    book.set("Insatser", "H3", t("Proj 2"));
    for (n, (sheet, cell)) in CELLS.iter().enumerate() {
        book.set(sheet, cell, t(&format!("Q{n:02}Q {PAYLOAD}")));
    }
    let dir = tempfile::tempdir().unwrap();
    let input = book.write(&dir.path().join("in.xlsx"));
    let out = dir.path().join("ut");
    crate::common::library::build(&input, &out)
        .per_mottagare()
        .run()
        .ok();

    let mut all_text = String::new();
    for p in pdfs_under(&out) {
        let text = pdf_text(&p);
        assert!(
            !text.contains("root:x:0"),
            "{}: file contents leaked",
            p.display()
        );
        assert!(
            mentions(&text, r#"#read("/etc/passwd")"#),
            "{}: payload not literal",
            p.display()
        );
        all_text.push_str(&text);
        all_text.push('\n');
    }
    assert!(
        all_text.matches("Sida 1 av").count() >= 3,
        "the documents were read"
    );
    // Every marked cell reached some document, and its payload with it.
    for (n, (sheet, cell)) in CELLS.iter().enumerate() {
        let marker = format!("Q{n:02}Q");
        assert!(
            all_text.contains(&marker),
            "{sheet}!{cell} ({marker}) is in no document"
        );
    }
    for piece in [
        "$x$",
        "*y*",
        "_z_",
        "<w>",
        "@v",
        "`c`",
        "#image(\"/etc/passwd\")",
        "#panic(\"p\")",
    ] {
        assert!(
            mentions(&all_text, piece),
            "{piece:?} not printed literally"
        );
    }
    assert!(Path::new(&out.join("aterrapport-2025.pdf")).is_file());
}
