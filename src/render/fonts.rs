//! Fonts compiled into the binary: Noto Sans for text (the Typst assets have no sans-serif), Noto Emoji
//! for symbols typed in cells, and the Typst fonts for math and code. No system fonts, so a document looks the same on every machine.

use typst::foundations::Bytes;
use typst::text::Font;
use typst_kit::fonts::FontStore;

pub fn store() -> FontStore {
    let mut store = FontStore::new();
    for data in [
        notosans::REGULAR_TTF,
        notosans::BOLD_TTF,
        notosans::ITALIC_TTF,
        notosans::BOLD_ITALIC_TTF,
        epaint_default_fonts::NOTO_EMOJI_REGULAR,
    ] {
        for font in Font::iter(Bytes::new(data)) {
            let info = font.info().clone();
            store.push((font, info));
        }
    }
    store.extend(typst_kit::fonts::embedded());
    store
}
