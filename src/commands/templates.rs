//! `styrdok templates export`: the built-in Typst templates as files, for a region's own branding;
//! with `--epost` the texts of the e-mail drafts instead, for the project's `mallar/` folder.

use super::{CommandError, Outcome};
use crate::mail;
use crate::render::templates;
use clap::Args;
use std::path::PathBuf;

/// `styrdok templates export`'s arguments.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// Mappen mallarna skrivs till.
    #[arg(value_name = "MAPP")]
    pub dir: PathBuf,
    /// Skriv e-posttexterna (blankett och påminnelse) i stället för Typst-mallarna; lägg dem i mallar/ bredvid arbetsboken.
    #[arg(long, help_heading = "Flaggor")]
    pub epost: bool,
}

pub fn export(args: &ExportArgs) -> Result<Outcome, CommandError> {
    let written = if args.epost {
        mail::texts::export(&args.dir)?
    } else {
        templates::export(&args.dir)?
    };
    for path in written {
        println!("Skrev {}", path.display());
    }
    if args.epost {
        println!(
            "Ändra texterna; «styrdok forms --epost» och «styrdok collect --epost» använder dem när de ligger i mappen mallar/ bredvid arbetsboken."
        );
    }
    Ok(Outcome::Done)
}
