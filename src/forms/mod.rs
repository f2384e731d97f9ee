//! The per-mottagare forms round trip: one workbook per Ansvarig to fill in (`write`), the returned
//! files read back wherever their rows went (`read`), and their figures merged into the input's cells
//! (`merge`), so the updated workbook and the återrapport can be made from what was reported.

pub mod collect;
pub mod key;
pub mod merge;
pub mod read;
pub mod write;

/// The sheet a form's rows are on, and its columns. The key column is hidden: it ties a row to its
/// insats whatever the recipient does to the order of the rows.
pub const FORM_SHEET: &str = "Uppföljning";
pub const INSTRUCTIONS_SHEET: &str = "Instruktioner";
pub const KEY: &str = "Nyckel";
pub const HEADERS: [&str; 9] = [
    "Område",
    "Insats",
    "Projekt",
    "Belopp",
    "Rekvirerat",
    "Förbrukat",
    "Bedömning",
    "Kommentar",
    KEY,
];
