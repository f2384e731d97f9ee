//! From document data to files: the Typst engine, embedded fonts and templates, rendering many
//! documents at once, output file names, and atomic writing. Knows nothing of agreements.

mod engine;
mod files;
mod fonts;
mod glyphs;
mod jobs;
pub mod measure;
pub mod naming;
mod pages;
pub mod record;
pub mod templates;

pub use engine::{Attachment, Engine, RenderError, attachment_name};
pub use files::{
    OutputFile, StagedFile, WriteError, stage, stage_file, write_all, write_atomic, write_with,
};
pub use jobs::{Job, init_render_threads, render_jobs};
pub use pages::{LaidOut, PageImageError, Pages};
