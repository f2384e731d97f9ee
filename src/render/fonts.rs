//! Fonts compiled into the binary: Noto Sans for text (the Typst assets have no sans-serif), Noto Emoji
//! for symbols typed in cells, and the Typst fonts for math and code. No system fonts, so a document looks the same on every machine.

use typst::foundations::Bytes;
use typst::text::Font;
use typst_kit::fonts::FontStore;

/// The font files besides Typst's own.
const OWN: [&[u8]; 5] = [
    notosans::REGULAR_TTF,
    notosans::BOLD_TTF,
    notosans::ITALIC_TTF,
    notosans::BOLD_ITALIC_TTF,
    epaint_default_fonts::NOTO_EMOJI_REGULAR,
];

pub fn store() -> FontStore {
    let mut store = FontStore::new();
    for data in OWN {
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
    static DIGEST: std::sync::OnceLock<[u8; 32]> = std::sync::OnceLock::new();
    DIGEST.get_or_init(|| {
        let mut hasher = Sha256::new();
        for data in OWN {
            hasher.update(data);
        }
        for font in typst_kit::fonts::embedded() {
            hasher.update(font.0.data().as_slice());
            hasher.update(font.0.index().to_le_bytes());
        }
        hasher.finalize().into()
    })
}
