//! The cell-text parser never panics and loses nothing a user typed: every letter and digit of the
//! input is in some paragraph, bullet or footnote of the output (only the markers `•`, `-`, `–`, `➢`
//! at a line start and the `^[`…`]` of a footnote are syntax), and the output serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;
use styrdok::model::text::{self, Block, Span};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = text::parse(input);
    let mut out = String::new();
    for block in &parsed.blocks {
        // A numbered item's number is kept as a number, not as text.
        if let Block::Numbered { items, .. } = block {
            for item in items {
                out.push_str(&item.number.to_string());
            }
        }
        let spans: Vec<&Span> = match block {
            Block::Paragraph { spans } => spans.iter().collect(),
            Block::List { items } => items.iter().flat_map(|i| i.spans.iter()).collect(),
            Block::Numbered { items, .. } => items.iter().flat_map(|i| i.spans.iter()).collect(),
        };
        for span in spans {
            match span {
                Span::Text(t) | Span::Note(t) => out.push_str(t),
            }
        }
    }
    let count = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count();
    assert_eq!(
        count(&out),
        count(input),
        "letters or digits lost from {input:?}"
    );
    serde_json::to_string(&parsed).expect("parsed text serialises");
});
