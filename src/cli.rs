//! Command line: the commands, their help texts, and what each does.

use crate::checks::{self, render as render_diagnostics};
use crate::documents;
use crate::render::Engine;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

const HELP_TEMPLATE: &str = "{about-with-newline}\nAnvändning: {usage}\n\n{all-args}{after-help}";

#[derive(Debug, Parser)]
#[command(
    name = "styrdok",
    version,
    help_template = HELP_TEMPLATE,
    subcommand_help_heading = "Kommandon",
    subcommand_value_name = "KOMMANDO",
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true,
    about = "Gör styrdokument av kalkylblad: statusbilder för styrgruppen som PDF.",
    long_about = "Gör styrdokument av kalkylblad.\n\nLäser en arbetsbok (eller alla arbetsböcker i en mapp), \
                  kontrollerar den och skriver statusbilder för styrgruppen som PDF."
)]
pub struct Cli {
    /// Visa hjälp.
    #[arg(short, long, action = clap::ArgAction::Help, global = true, help_heading = "Flaggor")]
    help: Option<bool>,
    /// Visa versionen.
    #[arg(short = 'V', long, action = clap::ArgAction::Version, help_heading = "Flaggor")]
    version: Option<bool>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Kontrollerar indata och listar alla problem med blad och cell. Skriver inga filer.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Argument")]
    Check {
        /// Arbetsbok eller mapp med arbetsböcker.
        #[arg(default_value = "input", value_name = "INDATA")]
        input: PathBuf,
    },
    /// Kontrollerar indata och skriver dokumenten. Skriver ingenting om indata har fel.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Argument")]
    Build {
        /// Arbetsbok eller mapp med arbetsböcker.
        #[arg(default_value = "input", value_name = "INDATA")]
        input: PathBuf,
        /// Mappen dokumenten skrivs till.
        #[arg(
            short,
            long,
            default_value = "output",
            value_name = "MAPP",
            help_heading = "Flaggor"
        )]
        output: PathBuf,
    },
}

/// Exit codes: 0 done, 1 the input has errors, 2 the documents could not be made or written.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check { input } => {
            let checked = checks::check_path(&input);
            print!("{}", render_diagnostics(&checked.diagnostics));
            if checked.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Build { input, output } => {
            let checked = checks::check_path(&input);
            if !checked.diagnostics.is_empty() {
                eprint!("{}", render_diagnostics(&checked.diagnostics));
            }
            let Some(agreement) = checked.usable() else {
                eprintln!("Inga dokument skrevs: rätta felen ovan och kör igen.");
                return ExitCode::from(1);
            };
            let engine = Engine::new();
            match documents::build_all(agreement, &output, &engine) {
                Ok(paths) => {
                    for path in paths {
                        println!("Skrev {}", path.display());
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("fel: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}
