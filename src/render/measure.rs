//! The width of a run of text in the embedded Noto Sans, shaped as Typst shapes it (rustybuzz, the
//! same font bytes, kerning and ligatures on, Swedish). Documents use it to give their tables fixed
//! column widths and row heights: Typst measures every cell of an `auto` column or row and then lays
//! it out again, which was over half the cost of a per-mottagare report (README, "Var tiden går").

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// A face of Noto Sans, the templates' only text font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    fn bytes(self) -> &'static [u8] {
        super::fonts::noto_sans(self)
    }

    fn parsed(self) -> &'static rustybuzz::Face<'static> {
        static FACES: [OnceLock<rustybuzz::Face<'static>>; 4] = [
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
        ];
        FACES[self as usize].get_or_init(|| {
            // The bytes are the notosans crate's font files as `fonts` mends them: parsing them
            // is checked by this module's tests.
            rustybuzz::Face::from_slice(self.bytes(), 0).expect("Noto Sans is a valid font")
        })
    }
}

/// The advance width in points of `text` on one line at `size` points, or `None` when Noto Sans
/// lacks one of its characters (Typst would take that one from another font, whose measures are not
/// these) or the text holds a line break or a tab.
pub fn width(text: &str, face: Face, size: f64) -> Option<f64> {
    if text.is_empty() {
        return Some(0.0);
    }
    let font = face.parsed();
    units(text, face).map(|u| f64::from(u) / f64::from(font.units_per_em()) * size)
}

/// The advance of `text` in font units, remembered: the amounts of a national build's 290 reports
/// repeat ("100 000"), and shaping one short text costs ~30 000 instructions. Kept while the process
/// runs (`--watch` and `serve` measure the same texts again), emptied when it grows large.
fn units(text: &str, face: Face) -> Option<i32> {
    // By text, then by face: a text is looked up without copying it.
    type Known = HashMap<Box<str>, [Option<Option<i32>>; 4]>;
    const LIMIT: usize = 200_000;
    static KNOWN: OnceLock<Mutex<Known>> = OnceLock::new();
    let known = KNOWN.get_or_init(Default::default);
    let lock = || {
        known
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    };
    if let Some(units) = lock().get(text).and_then(|faces| faces[face as usize]) {
        return units;
    }
    let units = shape(text, face);
    let mut known = lock();
    if known.len() >= LIMIT {
        known.clear();
    }
    known.entry(text.into()).or_default()[face as usize] = Some(units);
    units
}

fn shape(text: &str, face: Face) -> Option<i32> {
    let font = face.parsed();
    if text
        .chars()
        .any(|c| c == '\n' || c == '\t' || font.glyph_index(c).is_none())
    {
        return None;
    }
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_language(language());
    buffer.set_direction(rustybuzz::Direction::LeftToRight);
    buffer.guess_segment_properties();
    buffer.set_flags(rustybuzz::BufferFlags::REMOVE_DEFAULT_IGNORABLES);
    let plan = plan(face, buffer.script());
    let shaped = rustybuzz::shape_with_plan(font, &plan, buffer);
    Some(shaped.glyph_positions().iter().map(|p| p.x_advance).sum())
}

/// The height of a capital letter, in ems of the regular face: the height of one line of text in
/// Typst's default `top-edge: "cap-height"`.
pub fn cap_height() -> f64 {
    let font = Face::Regular.parsed();
    f64::from(font.capital_height().unwrap_or(0)) / f64::from(font.units_per_em())
}

/// The shaping plan of a face and script, made once: making one costs several times the shaping
/// of a short text, and a national build measures some 60 000 (Typst keeps its plans too).
fn plan(face: Face, script: rustybuzz::Script) -> Arc<rustybuzz::ShapePlan> {
    type Plans = HashMap<(usize, rustybuzz::Script), Arc<rustybuzz::ShapePlan>>;
    static PLANS: OnceLock<Mutex<Plans>> = OnceLock::new();
    let mut plans = PLANS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    plans
        .entry((face as usize, script))
        .or_insert_with(|| {
            Arc::new(rustybuzz::ShapePlan::new(
                face.parsed(),
                rustybuzz::Direction::LeftToRight,
                Some(script),
                Some(&language()),
                &[],
            ))
        })
        .clone()
}

fn language() -> rustybuzz::Language {
    static SWEDISH: OnceLock<rustybuzz::Language> = OnceLock::new();
    SWEDISH
        .get_or_init(|| "sv".parse().expect("\"sv\" is a language tag"))
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_tabular_and_faces_differ() {
        // NOTES.md: "1111" = "8888" = 19.44 pt at 8.5 pt in Noto Sans.
        let ones = width("1111", Face::Regular, 8.5).unwrap();
        let eights = width("8888", Face::Regular, 8.5).unwrap();
        assert_eq!(ones, eights);
        assert!((ones - 19.44).abs() < 0.01, "{ones}");
        assert!(width("Förbrukat", Face::Bold, 8.5) > width("Förbrukat", Face::Regular, 8.5));
        assert_eq!(width("", Face::Regular, 8.5), Some(0.0));
    }

    #[test]
    fn what_noto_sans_cannot_draw_has_no_width() {
        assert_eq!(width("fest 🎉", Face::Regular, 10.0), None);
        assert_eq!(width("två\nrader", Face::Regular, 10.0), None);
        assert!(width("Förbrukat", Face::BoldItalic, 10.0).is_some());
        assert!(cap_height() > 0.6 && cap_height() < 0.8);
    }

    #[test]
    fn every_face_has_the_same_line_height() {
        // One line is a capital's height (Typst's top edge); a row of a bold name and an italic
        // comment is as high as one of plain letters only when the faces agree.
        let caps: Vec<_> = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic]
            .into_iter()
            .map(|f| (f.parsed().capital_height(), f.parsed().units_per_em()))
            .collect();
        assert!(caps.windows(2).all(|w| w[0] == w[1]), "{caps:?}");
    }
}
