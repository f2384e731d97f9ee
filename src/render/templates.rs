//! The Typst templates, compiled into the binary.

/// (file name in the template root, source). The root holds nothing else but the document's data.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("styrdok.typ", include_str!("../../templates/styrdok.typ")),
    ("deck.typ", include_str!("../../templates/deck.typ")),
    ("mandate.typ", include_str!("../../templates/mandate.typ")),
    ("report.typ", include_str!("../../templates/report.typ")),
];
