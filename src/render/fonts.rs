//! Fonts compiled into the binary: Noto Sans for text (the Typst assets have no sans-serif), Noto Emoji
//! for symbols typed in cells, and the Typst fonts for math and code. No system fonts, so a document looks the same on every machine.

use super::measure::Face;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use typst::foundations::Bytes;
use typst::text::Font;
use typst_kit::fonts::FontStore;

/// Noto Sans as the notosans crate ships it, by face.
fn shipped(face: Face) -> &'static [u8] {
    match face {
        Face::Regular => notosans::REGULAR_TTF,
        Face::Bold => notosans::BOLD_TTF,
        Face::Italic => notosans::ITALIC_TTF,
        Face::BoldItalic => notosans::BOLD_ITALIC_TTF,
    }
}

/// Noto Sans as documents are set and measured in it: the shipped font with its spacing accents
/// made spacing (see `spacing_accents_mended`). Made once per process (~1 ms a face).
pub(crate) fn noto_sans(face: Face) -> &'static [u8] {
    static MENDED: [OnceLock<Vec<u8>>; 4] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    MENDED[face as usize].get_or_init(|| {
        // The shipped bytes are fixed and the mending of every face is checked by this module's
        // tests, so the fallback only keeps a future font that cannot be mended usable.
        spacing_accents_mended(shipped(face)).unwrap_or_else(|| shipped(face).to_vec())
    })
}

/// The shipped Noto Sans classes the spacing accents (´ U+00B4, ` U+0060, ¨, ¸, ˆ, ˜ and the
/// modifier letters) as marks in its GDEF table, so a shaper gives them no width and "RSS´s" came
/// out as "RSSś". Every glyph that a character outside Unicode's combining marks maps to is made a
/// base glyph again; the real combining accents (U+0300…) stay marks. Only GDEF is rebuilt, every
/// other table is copied as it is. `None` when the font has no glyph classes to mend.
fn spacing_accents_mended(font: &[u8]) -> Option<Vec<u8>> {
    use read_fonts::{FontRef, TableProvider, types::GlyphId16};
    use skrifa::MetadataProvider;
    use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
    use write_fonts::from_obj::ToOwnedTable;
    use write_fonts::tables::{gdef::Gdef, layout::ClassDef};
    const BASE: u16 = 1;
    const MARK: u16 = 3;

    let parsed = FontRef::new(font).ok()?;
    let gdef = parsed.gdef().ok()?;
    let classes = gdef.glyph_class_def()?.ok()?;
    let spacing: BTreeSet<GlyphId16> = parsed
        .charmap()
        .mappings()
        .filter(|&(c, _)| {
            char::from_u32(c)
                .is_some_and(|c| c.general_category_group() != GeneralCategoryGroup::Mark)
        })
        .filter_map(|(_, glyph)| GlyphId16::try_from(glyph).ok())
        .filter(|&glyph| classes.get(glyph) == MARK)
        .collect();
    let mended: ClassDef = classes
        .iter()
        .map(|(glyph, class)| {
            (
                glyph,
                if spacing.contains(&glyph) {
                    BASE
                } else {
                    class
                },
            )
        })
        .collect();
    let mut table: Gdef = gdef.to_owned_table();
    table.glyph_class_def = write_fonts::NullableOffsetMarker::new(Some(mended));
    let mut builder = write_fonts::FontBuilder::new();
    builder.add_table(&table).ok()?;
    Some(builder.copy_missing_tables(parsed).build())
}

/// The font files besides Noto Sans and Typst's own.
const EMOJI: &[u8] = epaint_default_fonts::NOTO_EMOJI_REGULAR;

pub fn store() -> FontStore {
    let mut store = FontStore::new();
    let own = Face::ALL.map(noto_sans).into_iter().chain([EMOJI]);
    for data in own {
        for font in Font::iter(Bytes::new(data)) {
            let info = font.info().clone();
            store.push((font, info));
        }
    }
    store.extend(typst_kit::fonts::embedded());
    store
}

/// A digest of every embedded font's bytes, computed once per process: a document's key includes
/// it, so a build with other fonts makes every document again.
pub(crate) fn digest() -> &'static [u8; 32] {
    use sha2::{Digest, Sha256};
    static DIGEST: OnceLock<[u8; 32]> = OnceLock::new();
    DIGEST.get_or_init(|| {
        let mut hasher = Sha256::new();
        for data in Face::ALL.map(noto_sans).into_iter().chain([EMOJI]) {
            hasher.update(data);
        }
        for font in typst_kit::fonts::embedded() {
            hasher.update(font.0.data().as_slice());
            hasher.update(font.0.index().to_le_bytes());
        }
        hasher.finalize().into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The advance of each character of `text`, shaped after a "q" (no precomposed letter has it, so
    /// a combining accent stays a glyph of its own) as Typst shapes it (rustybuzz).
    fn advances(font: &[u8], text: &str) -> Vec<i32> {
        let face = rustybuzz::Face::from_slice(font, 0).unwrap();
        text.chars()
            .map(|c| {
                let mut buffer = rustybuzz::UnicodeBuffer::new();
                buffer.push_str(&format!("q{c}"));
                let shaped = rustybuzz::shape(&face, &[], buffer);
                assert_eq!(shaped.len(), 2, "q{c} is not two glyphs");
                shaped.glyph_positions()[1].x_advance
            })
            .collect()
    }

    #[test]
    fn spacing_accents_take_their_own_width_and_combining_ones_none() {
        for face in Face::ALL {
            // The shipped font draws them on top of the next letter: the mending must be needed.
            assert!(
                advances(shipped(face), "´`¨").iter().all(|&a| a == 0),
                "{face:?}"
            );
            let mended = noto_sans(face);
            assert_ne!(mended, shipped(face), "{face:?} was not mended");
            assert!(
                advances(mended, "´`¨¸ˆ˜ʼ").iter().all(|&a| a > 0),
                "{face:?}: {:?}",
                advances(mended, "´`¨¸ˆ˜ʼ")
            );
            // U+0301, U+0308: an accent typed after its letter still sits on it.
            assert_eq!(advances(mended, "\u{301}\u{308}"), [0, 0], "{face:?}");
            // Letters and digits are untouched.
            assert_eq!(
                advances(mended, "Åäö1 "),
                advances(shipped(face), "Åäö1 "),
                "{face:?}"
            );
        }
    }

    #[test]
    fn documents_are_set_in_the_mended_font() {
        let store = store();
        let fonts: Vec<Font> = (0..).map_while(|i| store.font(i)).collect();
        let set_in = |face: Face| {
            fonts
                .iter()
                .any(|font| font.data().as_slice() == noto_sans(face))
        };
        assert!(Face::ALL.into_iter().all(set_in));
    }
}
