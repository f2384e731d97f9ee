//! styrdok: the spreadsheets of a regional coordinator → the documents its governance runs on.
//!
//! Data walks one way: `workbook` (cells with positions) → `model` + `checks` (diagnostics) →
//! `documents` (serialisable document data) → `render` (Typst, PDF, atomic files).

pub mod build;
pub mod changes;
pub mod checks;
pub mod cli;
pub mod documents;
pub mod forms;
pub mod model;
mod progress;
pub mod render;
pub mod workbook;
