//! Every integration test in one binary: the Typst stack is linked once, not once per file.

mod bad_input;
mod build_options;
mod checks;
mod common;
mod deck;
mod forms;
mod injection;
mod layering;
mod mandates;
mod rebuild;
mod report;
mod scale;
mod updated_workbook;
mod validate;
