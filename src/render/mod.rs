//! From document data to files: the Typst engine, embedded fonts and templates, atomic writing.

mod engine;
mod files;
mod fonts;
mod glyphs;
pub mod templates;

pub use engine::{Attachment, DATA_FILE, Engine, RenderError, attachment_name};
pub use files::{WriteError, write_atomic};
