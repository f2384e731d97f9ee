//! `styrdok init [MAPP]`: the starter workbook and example template written, and the next steps.

use super::{CommandError, Outcome};
use crate::pipeline;
use clap::Args;
use std::path::PathBuf;

/// `styrdok init`'s arguments.
#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    /// Mappen startarbetsboken skrivs till.
    #[arg(default_value = super::args::DEFAULT_INPUT, value_name = "MAPP")]
    pub dir: PathBuf,
}

pub fn run(args: &InitArgs) -> Result<Outcome, CommandError> {
    let dir = &args.dir;
    let written = pipeline::init(dir)?;
    for path in &written {
        println!("Skrev {}", path.display());
    }
    println!();
    println!("Nästa steg:");
    println!(
        "  1. Öppna {} i Excel och skriv över exempelraderna.",
        dir.join(pipeline::STARTER_WORKBOOK).display()
    );
    println!(
        "  2. styrdok build {} --watch   (bygger om varje gång du sparar)",
        dir.display()
    );
    Ok(Outcome::Done)
}
