//! The few conventions read in cell text: paragraphs (blank line), bullet items (lines starting with
//! `•`, `-`, `–`, `➢`) and inline footnotes `^[…]`. Everything else is literal text, handed to Typst as
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Paragraph { spans: Vec<Span> },
    List { items: Vec<Item> },
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

pub fn parse(text: &str) -> RichText {
    let mut blocks: Vec<Block> = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut items: Vec<(u8, String)> = Vec::new();
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

    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks, &mut unmatched);
            flush_list(&mut items, &mut blocks, &mut unmatched);
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix(BULLETS) {
            flush_paragraph(&mut paragraph, &mut blocks, &mut unmatched);
            let indented = line.starts_with([' ', '\t', '\u{a0}']);
            items.push((u8::from(indented), rest.trim().to_string()));
        } else {
            flush_list(&mut items, &mut blocks, &mut unmatched);
            paragraph.push(trimmed);
        }
    }
    flush_paragraph(&mut paragraph, &mut blocks, &mut unmatched);
    flush_list(&mut items, &mut blocks, &mut unmatched);
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
