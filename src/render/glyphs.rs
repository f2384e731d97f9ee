//! Characters no embedded font can draw. PDF/A forbids a missing glyph, so one emoji-like symbol
//! outside every font would fail the whole build; instead it is drawn as a visible replacement mark
//! and the rest of the document stands.

use serde_json::Value;
use typst::text::FontBook;

/// Every character some font in the book can draw, answered without scanning fonts twice.
pub(crate) struct Coverage<'a> {
    book: &'a FontBook,
    replacement: char,
}

impl<'a> Coverage<'a> {
    pub fn new(book: &'a FontBook) -> Self {
        let mut coverage = Coverage {
            book,
            replacement: '?',
        };
        coverage.replacement = ['\u{FFFD}', '\u{25A1}']
            .into_iter()
            .find(|&c| coverage.covers(c))
            .unwrap_or('?');
        coverage
    }

    fn covers(&self, c: char) -> bool {
        // Line breaks and joiners are layout, not glyphs.
        if c.is_control() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{FE00}'..='\u{FE0F}') {
            return true;
        }
        (0..)
            .map_while(|i| self.book.info(i))
            .any(|info| info.coverage.contains(c as u32))
    }

    /// The document data with every string's undrawable characters replaced; the count says how many.
    pub(crate) fn sanitise(&self, data: &[u8]) -> Result<(Vec<u8>, usize), serde_json::Error> {
        // Most documents hold nothing exotic: leave their bytes untouched.
        let text = String::from_utf8_lossy(data);
        if text.chars().all(|c| c.is_ascii() || self.covers(c)) {
            return Ok((data.to_vec(), 0));
        }
        let mut value: Value = serde_json::from_slice(data)?;
        let mut replaced = 0;
        self.walk(&mut value, &mut replaced);
        Ok((serde_json::to_vec(&value)?, replaced))
    }

    fn walk(&self, value: &mut Value, replaced: &mut usize) {
        match value {
            Value::String(s) if !s.chars().all(|c| self.covers(c)) => {
                *s = s
                    .chars()
                    .map(|c| {
                        if self.covers(c) {
                            c
                        } else {
                            *replaced += 1;
                            self.replacement
                        }
                    })
                    .collect();
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.walk(v, replaced)),
            Value::Object(map) => map.values_mut().for_each(|v| self.walk(v, replaced)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undrawable_characters_are_replaced_and_counted() {
        let store = super::super::fonts::store();
        let coverage = Coverage::new(store.book());
        assert!(coverage.covers('å'));
        assert!(coverage.covers('🎉'), "emoji come from Noto Emoji");
        // Linear B syllable: in none of the embedded fonts.
        let (out, n) = coverage
            .sanitise("{\"a\":[\"x\u{10000}y\",\"åäö\"]}".as_bytes())
            .unwrap();
        assert_eq!(n, 1);
        let value: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["a"][0], format!("x{}y", coverage.replacement));
        assert_eq!(value["a"][1], "åäö");
        let plain = b"{\"a\":\"plain \\u00e5\"}";
        assert_eq!(coverage.sanitise(plain).unwrap(), (plain.to_vec(), 0));
    }
}
