//! `styrdok templates export`: the built-in Typst templates as files, for a region's own branding.

use super::{CommandError, Outcome};
use crate::render::templates;
use std::path::Path;

pub fn export(dir: &Path) -> Result<Outcome, CommandError> {
    for path in templates::export(dir)? {
        println!("Skrev {}", path.display());
    }
    Ok(Outcome::Done)
}
