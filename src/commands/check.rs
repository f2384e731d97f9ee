//! `styrdok check`: every problem of every project, with its cell; writes nothing.

use super::args::{FormatArgs, InputArgs};
use super::report::{self, Format};
use super::{CommandError, Outcome};
use crate::pipeline::{self, ProjectDiagnostics};
use clap::Args;

/// `styrdok check`'s arguments.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub format: FormatArgs,
}

pub fn run(args: &CheckArgs) -> Result<Outcome, CommandError> {
    let checked = pipeline::check_projects(&args.input.input);
    let outcome = if checked.iter().any(|p| p.checked.has_errors()) {
        Outcome::InputErrors
    } else {
        Outcome::Done
    };
    let projects = ProjectDiagnostics::of(&checked);
    match args.format.format {
        Format::Text => print!("{}", report::text(&projects, true)),
        Format::Json => {
            let json = report::json("check", &projects);
            print!("{}", json.render(super::exit_code(&Ok(outcome))));
        }
    }
    Ok(outcome)
}
