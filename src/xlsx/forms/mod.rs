//! The per-mottagare forms round trip: one workbook per Ansvarig to fill in (`write`), the returned
//! files read back wherever their rows went (`read`), and their figures merged into the input's cells
//! (`merge`), so the updated workbook and the återrapport can be made from what was reported.

pub mod key;
pub mod merge;
pub mod read;
pub mod write;

use crate::model::schema::initiatives;
use crate::workbook::Column;

/// The sheet a form's rows are on.
pub(crate) const FORM_SHEET: &str = "Uppföljning";
pub(crate) const INSTRUCTIONS_SHEET: &str = "Instruktioner";

/// The form's columns: the identifying columns of `Insatser` (locked), its follow-up columns (open),
/// and a hidden key that ties a row to its insats whatever the recipient does to the order of rows.
/// All optional when read back but the key, so a recipient who deletes a column is still heard.
pub mod columns {
    use super::{Column, initiatives};
    pub const AREA: Column = Column::optional(initiatives::AREA.name);
    pub const NAME: Column = Column::optional(initiatives::NAME.name);
    pub const PROJECT: Column = Column::optional(initiatives::FUNDING_PROJECT.name);
    pub const AMOUNT: Column = Column::optional(initiatives::AMOUNT.name);
    pub const REQUISITIONED: Column = Column::optional(initiatives::REQUISITIONED.name);
    pub const SPENT: Column = Column::optional(initiatives::SPENT.name);
    pub const ASSESSMENT: Column = Column::optional(initiatives::ASSESSMENT.name);
    pub const COMMENT: Column = Column::optional(initiatives::COMMENT.name);
    pub(crate) const KEY: Column = Column::required("Nyckel");
    pub const ALL: [Column; 9] = [
        AREA,
        NAME,
        PROJECT,
        AMOUNT,
        REQUISITIONED,
        SPENT,
        ASSESSMENT,
        COMMENT,
        KEY,
    ];
}
