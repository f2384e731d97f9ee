//! Command line: the commands, their help texts, and what each does.

use crate::commands::build::BuildOptions;
use crate::commands::{self, CommandError, Outcome};
use crate::documents::Options;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

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
        /// Skriv också en kort återrapport per ansvarig organisation i MAPP/mottagare/.
        #[arg(long, help_heading = "Flaggor")]
        per_mottagare: bool,
        /// Lista varje insats i återrapportens bilaga, också i stora insatsområden som annars sammanfattas (för arkivet).
        #[arg(long, help_heading = "Flaggor")]
        alla_insatser: bool,
        /// Antal dokument som sätts samtidigt (standard: en per processorkärna).
        #[arg(long, value_name = "N", help_heading = "Flaggor")]
        jobs: Option<usize>,
        /// Skriv bara fel och varningar.
        #[arg(short, long, help_heading = "Flaggor")]
        quiet: bool,
        /// Använd egna mallar från MALLMAPP (se «styrdok templates export»); saknade mallar tas från programmet.
        #[arg(long, value_name = "MALLMAPP", help_heading = "Flaggor")]
        templates: Option<PathBuf>,
        /// Skriv den data varje dokument sätts från som JSON i DATAMAPP.
        #[arg(long, value_name = "DATAMAPP", help_heading = "Flaggor")]
        dump_data: Option<PathBuf>,
    },
    /// Skriver en blankett (arbetsbok) per ansvarig organisation att fylla i uppföljningen i.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Argument")]
    Forms {
        /// Arbetsbok eller mapp med arbetsböcker.
        #[arg(default_value = "input", value_name = "INDATA")]
        input: PathBuf,
        /// Mappen blanketterna skrivs till.
        #[arg(
            short,
            long,
            default_value = "output/blanketter",
            value_name = "MAPP",
            help_heading = "Flaggor"
        )]
        output: PathBuf,
    },
    /// Läser ifyllda blanketter ur BLANKETTMAPP och skriver en uppdaterad arbetsbok med siffrorna.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Argument")]
    Collect {
        /// Mappen med de ifyllda blanketterna.
        #[arg(value_name = "BLANKETTMAPP")]
        forms_dir: PathBuf,
        /// Underlaget blanketterna gjordes från (ändras aldrig).
        #[arg(default_value = "input", value_name = "INDATA")]
        input: PathBuf,
        /// Mappen den uppdaterade arbetsboken skrivs till.
        #[arg(
            short,
            long,
            default_value = "output",
            value_name = "MAPP",
            help_heading = "Flaggor"
        )]
        output: PathBuf,
    },
    /// Mallarna: exportera dem för att göra egna.
    #[command(help_template = HELP_TEMPLATE, subcommand_help_heading = "Kommandon", subcommand_value_name = "KOMMANDO")]
    Templates {
        #[command(subcommand)]
        action: TemplatesCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Skriver programmets mallar till MAPP, för en region att anpassa. Skriver aldrig över filer.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Argument")]
    Export {
        /// Mappen mallarna skrivs till.
        #[arg(value_name = "MAPP")]
        dir: PathBuf,
    },
}

/// Runs the command; `main` maps the result to the exit code (0/1/2) and prints a failure.
pub fn run(cli: Cli) -> Result<Outcome, CommandError> {
    match cli.command {
        Command::Check { input } => Ok(commands::check::run(&input)),
        Command::Build {
            input,
            output,
            per_mottagare,
            alla_insatser,
            jobs,
            quiet,
            templates,
            dump_data,
        } => commands::build::run(&BuildOptions {
            input,
            output,
            documents: Options {
                per_recipient: per_mottagare,
                all_initiatives: alla_insatser,
            },
            jobs,
            quiet,
            templates,
            dump_data,
        }),
        Command::Forms { input, output } => commands::forms::run(&input, &output),
        Command::Collect {
            forms_dir,
            input,
            output,
        } => commands::collect::run(&forms_dir, &input, &output),
        Command::Templates {
            action: TemplatesCommand::Export { dir },
        } => commands::templates::export(&dir),
    }
}
