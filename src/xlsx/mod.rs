//! The workbooks styrdok writes (rust_xlsxwriter, new files only): the updated workbook and the
//! per-organisation forms, and reading the returned forms back.

pub mod forms;
mod rows;
pub mod starter;
pub mod updated_workbook;
