//! The amount parser never panics, and what it accepts prints back as an amount it accepts again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use styrdok::model::parse_amount;
use styrdok::workbook::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(amount) = parse_amount(&Value::Text(text.to_string())) {
        let again =
            parse_amount(&Value::Text(amount.to_string())).expect("a printed amount parses");
        assert_eq!(again, amount);
    }
    if data.len() == 8 {
        let n = f64::from_le_bytes(data.try_into().unwrap());
        let _ = parse_amount(&Value::Number(n));
    }
});
