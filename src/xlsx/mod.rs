//! The workbooks styrdok writes: the updated workbook and the per-organisation forms (new files,
//! rust_xlsxwriter), reading the returned forms back, and the organisation's own templates filled in
//! (patched, never re-modelled).

pub mod fill;
pub mod forms;
mod rows;
pub mod starter;
pub mod updated_workbook;
