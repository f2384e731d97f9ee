//! styrdok: the spreadsheets of a regional coordinator → the documents its governance runs on.
//!
//! Data walks one way (see ARCHITECTURE.md): `diagnostics` ← `workbook` (cells with positions) ←
//! `model` (loading and value types) ← `checks` (rules) and `render` (Typst, files) ← `changes` (two
//! versions compared) ← `documents` (PDF data) and `xlsx` (workbooks) ← `mail` (e-mail drafts of the
//! forms) ← `pipeline` (one function per command: read → load → check → plan → render → write,
//! outcomes as data) ← `commands` (arguments in, outcomes said) ← `cli`. A module only ever imports
//! from modules to its left (tests/layering.rs).

pub mod changes;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod diagnostics;
pub mod documents;
pub mod mail;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod web;
pub mod workbook;
pub mod xlsx;
