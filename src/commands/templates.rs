//! `styrdok templates export`: the built-in Typst templates as files, for a region's own branding;
//! with `--epost` the texts of the e-mail drafts instead, for the project's `mallar/` folder.

use super::{CommandError, Outcome};
use crate::mail;
use crate::render::templates;
use std::path::Path;

pub fn export(dir: &Path, email: bool) -> Result<Outcome, CommandError> {
    let written = if email {
        mail::texts::export(dir)?
    } else {
        templates::export(dir)?
    };
    for path in written {
        println!("Skrev {}", path.display());
    }
    if email {
        println!(
            "Ändra texterna; «styrdok forms --epost» och «styrdok collect --epost» använder dem när de ligger i mappen mallar/ bredvid arbetsboken."
        );
    }
    Ok(Outcome::Done)
}
