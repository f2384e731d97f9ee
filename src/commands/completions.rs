//! `styrdok completions SKAL`: the completion script of a shell, so Tab completes commands and flags.

use super::Outcome;
use clap::{Args, ValueEnum};

/// The shells `completions` writes for (clap_complete knows more; these are the ones we name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

/// `styrdok completions`'s arguments.
#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// Skalet: bash, zsh, fish eller powershell.
    #[arg(value_enum, value_name = "SKAL")]
    pub shell: Shell,
}

/// Writes the script for the command line `command` (the whole `styrdok` with its subcommands) on
/// stdout.
pub fn run(args: &CompletionsArgs, mut command: clap::Command) -> Outcome {
    let shell = match args.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    // Into memory first: clap_complete panics on a write error, e.g. a closed pipe (`| head`).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "styrdok", &mut script);
    let _ = std::io::Write::write_all(&mut std::io::stdout(), &script);
    Outcome::Done
}
