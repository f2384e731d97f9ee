//! The whole reader and checks on arbitrary bytes saved as a workbook: one clear error or a result,
//! never a panic, never an unbounded allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("temp dir");
    for ext in ["xlsx", "ods", "xls"] {
        let path = dir.path().join(format!("fuzz.{ext}"));
        std::fs::write(&path, data).expect("write");
        let (_, checked) = styrdok::pipeline::read_and_check(&path);
        let _ = styrdok::diagnostics::render(&checked.diagnostics);
    }
});
