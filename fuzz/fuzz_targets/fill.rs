//! The template patcher on arbitrary bytes taken as an .xlsx template: it returns a filled copy or
//! clear problems, never panics, and a copy it returns opens as a zip whose every entry inflates and
//! whose sheets still parse as XML (a patched template must never be a broken file); the same
//! template gives the same bytes again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::{Cursor, Read};
use std::sync::OnceLock;
use styrdok::xlsx::fill::{self, Data};

/// The example's data, loaded once: filling is what is fuzzed, not reading the input.
fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../input/ok2025-dalarna.xlsx");
        let book = styrdok::workbook::load(&path).expect("example reads");
        let checked = styrdok::pipeline::read_and_check(&path).1;
        let agreement = checked.usable().expect("example is valid").clone();
        Data::new(&agreement, Some(&book))
    })
}

/// A part of the template as it was, unpacked.
fn original(template: &[u8], name: &str) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(template)).ok()?;
    let entry = zip.by_name(name).ok()?;
    let mut out = Vec::new();
    entry.take(1 << 31).read_to_end(&mut out).ok()?;
    Some(out)
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(filled) = fill::fill(bytes, "fuzz.xlsx", data()) else {
        return;
    };
    let again = fill::fill(bytes, "fuzz.xlsx", data()).expect("filled once, fills again");
    assert!(
        again.bytes == filled.bytes,
        "same template, different bytes"
    );
    let mut zip = zip::ZipArchive::new(Cursor::new(&filled.bytes)).expect("filled copy opens");
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry readable");
        let name = entry.name().unwrap_or_default().to_string();
        // Bounded: the patcher refuses parts over its limit, so a copy cannot hold a larger one.
        let mut out = Vec::new();
        (&mut entry)
            .take(1 << 31)
            .read_to_end(&mut out)
            .unwrap_or_else(|e| panic!("{name} does not inflate: {e}"));
        // A sheet the patcher wrote parses again (one it copied raw is the template's own).
        if name.starts_with("xl/worksheets/")
            && name.ends_with(".xml")
            && original(bytes, &name) != Some(out.clone())
        {
            let text = String::from_utf8(out).expect("sheet is UTF-8");
            let mut reader = quick_xml::Reader::from_str(&text);
            let mut depth = 0i64;
            loop {
                match reader.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(quick_xml::events::Event::Start(_)) => depth += 1,
                    Ok(quick_xml::events::Event::End(_)) => depth -= 1,
                    Ok(_) => {}
                    Err(e) => panic!("{name} no longer parses: {e}"),
                }
            }
            assert_eq!(depth, 0, "{name} is cut off");
        }
    }
});
