//! Command line: the commands, their help texts, and what each does.

use crate::checks::{self, Checked, render as render_diagnostics};
use crate::documents;
use crate::render::Engine;
use crate::workbook::{self, Project};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
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
    about = "Gör styrdokument av kalkylblad: statusbilder, återrapport och uppdragsbeskrivningar som PDF.",
    long_about = "Gör styrdokument av kalkylblad.\n\nLäser en arbetsbok (eller alla arbetsböcker i en mapp), \
                  kontrollerar den och skriver statusbilder för styrgruppen, återrapporten \
                  och uppdragsbeskrivningar som PDF. Undermappar med arbetsböcker blir egna projekt."
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
            let checked = check_projects(&input);
            for (project, result) in &checked {
                if checked.len() > 1 {
                    println!("== {} ==", project.path.display());
                }
                print!("{}", render_diagnostics(&result.diagnostics));
            }
            if checked.iter().any(|(_, c)| c.has_errors()) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Build { input, output } => build(&input, &output),
    }
}

fn check_projects(input: &Path) -> Vec<(Project, Checked)> {
    workbook::projects(input)
        .into_iter()
        .map(|p| {
            let checked = checks::check_path(&p.path);
            (p, checked)
        })
        .collect()
}

/// All projects are checked and rendered before anything is written: one project with errors, or one
/// failing document, leaves every output file as it was.
fn build(input: &Path, output: &Path) -> ExitCode {
    let checked = check_projects(input);
    for (project, result) in &checked {
        if !result.diagnostics.is_empty() {
            if checked.len() > 1 {
                eprintln!("== {} ==", project.path.display());
            }
            eprint!("{}", render_diagnostics(&result.diagnostics));
        }
    }
    let mut usable = Vec::new();
    for (project, result) in &checked {
        match result.usable() {
            Some(agreement) => usable.push((project, agreement)),
            None => {
                eprintln!("Inga dokument skrevs: rätta felen ovan och kör igen.");
                return ExitCode::from(1);
            }
        }
    }
    let engine = Engine::new();
    let mut rendered = Vec::new();
    for (project, agreement) in usable {
        match documents::render_all(agreement, &project.output_dir(output), &engine) {
            Ok(docs) => rendered.extend(docs),
            Err(e) => {
                eprintln!("fel: {e}");
                eprintln!("Inga dokument skrevs.");
                return ExitCode::from(2);
            }
        }
    }
    match documents::write_all(rendered) {
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
