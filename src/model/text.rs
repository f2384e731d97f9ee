//! The few conventions read in cell text: paragraphs (blank line), bullet items (lines starting with
//! `•`, `-`, `–`, `➢`), numbered items (lines starting with `1.` or `1)`, any number) and inline
//! footnotes `^[…]`. Everything else is literal text, handed to Typst as
//! data, so `#read("/etc/passwd")` in a cell prints exactly that.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Span {
    /// Literal text; a `\n` inside is a line break the user typed (Alt+Enter).
    Text(String),
    /// A footnote's text, placed where it was written.
    Note(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// 0 for a top-level bullet, 1 for one indented under it.
    pub level: u8,
    pub spans: Vec<Span>,
}

/// One item of a numbered list, with the number the user wrote: `3. Initiera …` stays number 3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberedItem {
    pub number: u32,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Paragraph {
        spans: Vec<Span>,
    },
    List {
        items: Vec<Item>,
    },
    /// A numbered list; `delimiter` is what followed the first number (`.` or `)`), kept as written.
    Numbered {
        delimiter: char,
        items: Vec<NumberedItem>,
    },
}

/// Parsed cell text, and whether a `^[` was left open (reported to the user; kept as literal text).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RichText {
    pub blocks: Vec<Block>,
    pub unmatched_footnote: bool,
}

impl Serialize for RichText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.blocks.serialize(s)
    }
}

const BULLETS: [char; 4] = ['•', '-', '–', '➢'];

/// Longest number read as a list number: `2021. ` at the start of a line is a year, not item 2021.
const MAX_ITEM_DIGITS: usize = 3;

/// `3. Initiera …` or `3) Initiera …` → (3, '.', "Initiera …"). The number must be followed by its
/// delimiter and a space, so `6.1 En rubrik`, `1.5 miljoner` and `2020 ingick` stay text.
fn numbered_item(line: &str) -> Option<(u32, char, &str)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    // `07.` is not how anyone numbers a list; refusing it keeps the written number exact.
    if digits == 0 || digits > MAX_ITEM_DIGITS || line.starts_with('0') {
        return None;
    }
    let rest = &line[digits..];
    let delimiter = rest.chars().next().filter(|c| matches!(c, '.' | ')'))?;
    let body = &rest[1..];
    if !body.starts_with(char::is_whitespace) || body.trim().is_empty() {
        return None;
    }
    // At most three ASCII digits: always fits.
    let number = line[..digits].parse().ok()?;
    Some((number, delimiter, body.trim()))
}

pub fn parse(text: &str) -> RichText {
    let mut blocks: Vec<Block> = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut items: Vec<(u8, String)> = Vec::new();
    let mut numbered: Vec<(u32, char, String)> = Vec::new();
    let mut unmatched = false;

    let flush_paragraph =
        |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>, unmatched: &mut bool| {
            if !paragraph.is_empty() {
                let (spans, open) = spans(&paragraph.join("\n"));
                *unmatched |= open;
                blocks.push(Block::Paragraph { spans });
                paragraph.clear();
            }
        };
    let flush_list =
        |items: &mut Vec<(u8, String)>, blocks: &mut Vec<Block>, unmatched: &mut bool| {
            if !items.is_empty() {
                let items = items
                    .drain(..)
                    .map(|(level, text)| {
                        let (spans, open) = spans(&text);
                        *unmatched |= open;
                        Item { level, spans }
                    })
                    .collect();
                blocks.push(Block::List { items });
            }
        };
    let flush_numbered =
        |numbered: &mut Vec<(u32, char, String)>, blocks: &mut Vec<Block>, unmatched: &mut bool| {
            let Some(&(_, delimiter, _)) = numbered.first() else {
                return;
            };
            let items = numbered
                .drain(..)
                .map(|(number, _, text)| {
                    let (spans, open) = spans(&text);
                    *unmatched |= open;
                    NumberedItem { number, spans }
                })
                .collect();
            blocks.push(Block::Numbered { delimiter, items });
        };

    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks, &mut unmatched);
            flush_list(&mut items, &mut blocks, &mut unmatched);
            flush_numbered(&mut numbered, &mut blocks, &mut unmatched);
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix(BULLETS) {
            flush_paragraph(&mut paragraph, &mut blocks, &mut unmatched);
            flush_numbered(&mut numbered, &mut blocks, &mut unmatched);
            let indented = line.starts_with([' ', '\t', '\u{a0}']);
            items.push((u8::from(indented), rest.trim().to_string()));
        } else if let Some((number, delimiter, rest)) = numbered_item(trimmed) {
            flush_paragraph(&mut paragraph, &mut blocks, &mut unmatched);
            flush_list(&mut items, &mut blocks, &mut unmatched);
            numbered.push((number, delimiter, rest.to_string()));
        } else {
            flush_list(&mut items, &mut blocks, &mut unmatched);
            flush_numbered(&mut numbered, &mut blocks, &mut unmatched);
            paragraph.push(trimmed);
        }
    }
    flush_paragraph(&mut paragraph, &mut blocks, &mut unmatched);
    flush_list(&mut items, &mut blocks, &mut unmatched);
    flush_numbered(&mut numbered, &mut blocks, &mut unmatched);
    RichText {
        blocks,
        unmatched_footnote: unmatched,
    }
}

/// Splits text into literal runs and `^[…]` notes. Brackets nest inside a note. An unclosed `^[` stays
/// literal text and is flagged.
fn spans(text: &str) -> (Vec<Span>, bool) {
    let mut out = Vec::new();
    let mut rest = text;
    let mut unmatched = false;
    while let Some(start) = rest.find("^[") {
        let after = &rest[start + 2..];
        let mut depth = 0usize;
        let mut end = None;
        for (i, c) in after.char_indices() {
            match c {
                '[' => depth += 1,
                ']' if depth == 0 => {
                    end = Some(i);
                    break;
                }
                ']' => depth -= 1,
                _ => {}
            }
        }
        match end {
            Some(end) => {
                push_text(&mut out, &rest[..start]);
                out.push(Span::Note(after[..end].trim().to_string()));
                rest = &after[end + 1..];
            }
            None => {
                unmatched = true;
                break;
            }
        }
    }
    push_text(&mut out, rest);
    (out, unmatched)
}

fn push_text(out: &mut Vec<Span>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Span::Text(prev)) = out.last_mut() {
        prev.push_str(text);
    } else {
        out.push(Span::Text(text.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Span {
        Span::Text(s.into())
    }

    #[test]
    fn paragraphs_and_line_breaks() {
        let r = parse("Första raden\nandra raden\n\nNytt stycke");
        assert_eq!(
            r.blocks,
            vec![
                Block::Paragraph {
                    spans: vec![t("Första raden\nandra raden")]
                },
                Block::Paragraph {
                    spans: vec![t("Nytt stycke")]
                },
            ]
        );
    }

    #[test]
    fn bullets_of_every_kind() {
        let r = parse(
            "Med följande insatser:\n- kompetenshöjning\n• tillgänglighet\n– struktur\n  - underpunkt\nSlut.",
        );
        assert_eq!(r.blocks.len(), 3);
        let Block::List { items } = &r.blocks[1] else {
            panic!("{r:?}")
        };
        let texts: Vec<_> = items.iter().map(|i| (i.level, i.spans.clone())).collect();
        assert_eq!(
            texts,
            vec![
                (0, vec![t("kompetenshöjning")]),
                (0, vec![t("tillgänglighet")]),
                (0, vec![t("struktur")]),
                (1, vec![t("underpunkt")]),
            ]
        );
        assert_eq!(
            r.blocks[2],
            Block::Paragraph {
                spans: vec![t("Slut.")]
            }
        );
    }

    #[test]
    fn numbered_items_keep_the_numbers_as_written() {
        let r = parse("Det föreslogs:\n3. Fördjupa arbetet^[Barn och unga.]\n4) Följa upp\nSlut.");
        assert_eq!(r.blocks.len(), 3);
        assert_eq!(
            r.blocks[1],
            Block::Numbered {
                delimiter: '.',
                items: vec![
                    NumberedItem {
                        number: 3,
                        spans: vec![t("Fördjupa arbetet"), Span::Note("Barn och unga.".into())]
                    },
                    NumberedItem {
                        number: 4,
                        spans: vec![t("Följa upp")]
                    },
                ]
            }
        );
        let Block::Numbered { delimiter, .. } = &parse("1) a\n2) b").blocks[0] else {
            panic!()
        };
        assert_eq!(*delimiter, ')');
    }

    #[test]
    fn numbers_that_are_not_items() {
        for text in [
            "6.1 En rubrik",
            "1.5 miljoner",
            "2020 ingick staten",
            "2021. Året då",
            "3.",
            "12)x",
            "07. Sjunde",
        ] {
            let r = parse(text);
            assert!(
                matches!(&r.blocks[..], [Block::Paragraph { .. }]),
                "{text}: {r:?}"
            );
        }
    }

    #[test]
    fn bullets_and_numbers_make_separate_lists() {
        let r = parse("1. Ett\n• punkt\n2. Två");
        let kinds: Vec<_> = r
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { .. } => "p",
                Block::List { .. } => "list",
                Block::Numbered { .. } => "numbered",
            })
            .collect();
        assert_eq!(kinds, vec!["numbered", "list", "numbered"]);
    }

    #[test]
    fn footnotes() {
        let r = parse("Strategin^[Det handlar om livet [2025].] gäller.");
        assert_eq!(
            r.blocks,
            vec![Block::Paragraph {
                spans: vec![
                    t("Strategin"),
                    Span::Note("Det handlar om livet [2025].".into()),
                    t(" gäller.")
                ]
            }]
        );
        assert!(!r.unmatched_footnote);
        let r = parse("Öppen ^[fotnot utan slut");
        assert!(r.unmatched_footnote);
        assert_eq!(
            r.blocks,
            vec![Block::Paragraph {
                spans: vec![t("Öppen ^[fotnot utan slut")]
            }]
        );
    }

    #[test]
    fn markup_is_literal() {
        let hostile = "#read(\"/etc/passwd\") $x$ *y* _z_ <a> @w `c` \\ ] // /* */";
        let r = parse(hostile);
        assert_eq!(
            r.blocks,
            vec![Block::Paragraph {
                spans: vec![t(hostile)]
            }]
        );
    }

    #[test]
    fn serialises_as_blocks() {
        let json = serde_json::to_string(&parse("a^[b]\n\n- c")).unwrap();
        assert_eq!(
            json,
            r#"[{"kind":"paragraph","spans":[{"text":"a"},{"note":"b"}]},{"kind":"list","items":[{"level":0,"spans":[{"text":"c"}]}]}]"#
        );
    }
}
