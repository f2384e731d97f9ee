//! styrdok: the spreadsheets of a regional coordinator → the documents its governance runs on.
//!
//! Data walks one way (see ARCHITECTURE.md): `diagnostics` ← `workbook` (cells with positions) ←
//! `model` (loading and value types) ← `checks` (rules) ← `documents` (PDF data), `xlsx` (workbooks
//! written) and `render` (Typst, files) ← `pipeline` (read → load → check → plan → render → write) ←
//! `commands` ← `cli`. A module only ever imports from modules to its left.

pub mod checks;
pub mod cli;
pub mod commands;
pub mod diagnostics;
pub mod documents;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod workbook;
pub mod xlsx;
