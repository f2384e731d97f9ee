//! Every integration test in one binary: the Typst stack is linked once, not once per file.
//! libtest starts tests in the order of their names, two at a time on two cores: the longest ones
//! (`accessibility`, the external judges) sort first, so they do not run alone at the end.

mod accessibility;
mod attention;
mod bad_input;
mod browser;
mod build_options;
mod changes;
mod checks;
mod common;
mod deck;
mod email;
mod everyday;
mod fill;
mod fill_corpus;
mod forms;
mod injection;
mod json_formats;
mod layering;
mod mandates;
mod narrative;
mod rebuild;
mod report;
mod scale;
mod serve;
mod updated_workbook;
