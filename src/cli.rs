//! Command line: the commands, their help texts, and what each does.

use crate::commands::build::BuildArgs;
use crate::commands::check::CheckArgs;
use crate::commands::collect::CollectArgs;
use crate::commands::completions::CompletionsArgs;
use crate::commands::diff::DiffArgs;
use crate::commands::fill::FillArgs;
use crate::commands::forms::FormsArgs;
use crate::commands::init::InitArgs;
use crate::commands::templates::ExportArgs;
use crate::commands::{self, CommandError, Outcome};
use crate::pipeline::watch::Control;
use crate::web::{self, ServeArgs};
use clap::{CommandFactory, Parser, Subcommand};

mod launch;
mod parse;
pub use launch::{double_clicked, keep_the_window_open};
pub use parse::{Parsed, parse, parse_from};

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
    /// Skriver en startarbetsbok med alla blad, exempelrader och instruktioner, och en exempelmall.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok init                 skriver input/overenskommelse.xlsx och input/mallar/redovisning.xlsx\n  styrdok init ok2026          samma sak i mappen ok2026\n\nSkriver aldrig över: finns det redan arbetsböcker i mappen avbryts init och säger vilka."
    )]
    Init(InitArgs),
    /// Kontrollerar indata och listar alla problem med blad och cell. Skriver inga filer.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok check                       kontrollerar arbetsböckerna i input/\n  styrdok check ok2025.xlsx           en enda arbetsbok\n  styrdok check --format json > r.json    för ett skript: alla problem som JSON"
    )]
    Check(CheckArgs),
    /// Kontrollerar indata och skriver dokumenten. Skriver ingenting om indata har fel.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok build                       läser input/, skriver output/\n  styrdok build --watch               bygger om varje gång en arbetsbok sparas\n  styrdok build ok2025.xlsx -o ut     en arbetsbok, dokumenten i ut/\n  styrdok build --per-mottagare       också en återrapport per ansvarig organisation"
    )]
    Build(BuildArgs),
    /// Visar vad som har ändrats sedan förra mötet: nya, borttagna och ändrade insatser per insatsområde.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok diff forra-motet.xlsx              jämför med arbetsböckerna i input/\n  styrdok diff forra-motet.xlsx ok2025.xlsx  jämför två arbetsböcker"
    )]
    Diff(DiffArgs),
    /// Skriver en blankett (arbetsbok) per ansvarig organisation att fylla i uppföljningen i.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok forms                       en blankett per ansvarig i output/blanketter/\n  styrdok forms --epost               också ett e-postutkast per ansvarig i output/blanketter/epost/"
    )]
    Forms(FormsArgs),
    /// Läser ifyllda blanketter ur BLANKETTMAPP och skriver en uppdaterad arbetsbok med siffrorna.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok collect inkomna             blanketterna i inkomna/ mot underlaget i input/\n  styrdok collect inkomna --format json    vem som har rapporterat, som JSON\n  styrdok collect inkomna --epost     också påminnelser till dem som inte har rapporterat i output/paminnelser/"
    )]
    Collect(CollectArgs),
    /// Fyller i en egen Excel-mall med {{…}}-platshållare med uppgifterna ur indata. Mallen ändras aldrig.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok fill input/mallar/redovisning-statsbidrag.xlsx      den ifyllda mallen i output/\n  styrdok fill redovisning.xlsx ok2025.xlsx -o ut --watch     fyll i igen vid varje sparning"
    )]
    Fill(FillArgs),
    /// Öppnar en sida i webbläsaren med problemen och dokumenten; bygger om varje gång en arbetsbok sparas.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok serve                       sidan för input/, dokumenten i output/\n  styrdok serve ok2025.xlsx --no-open    skriv bara ut adressen\n\nSidan nås bara från den här datorn. Avsluta med knappen på sidan eller Ctrl-C."
    )]
    Serve(ServeArgs),
    /// Mallarna: exportera dem för att göra egna.
    #[command(help_template = HELP_TEMPLATE, subcommand_help_heading = "Kommandon", subcommand_value_name = "KOMMANDO")]
    Templates {
        #[command(subcommand)]
        action: TemplatesCommand,
    },
    /// Skriver kompletteringar för skalet, så att Tab fyller i kommandon och flaggor.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok completions bash > ~/.local/share/bash-completion/completions/styrdok\n  styrdok completions zsh > ~/.zfunc/_styrdok\n  styrdok completions fish > ~/.config/fish/completions/styrdok.fish\n  styrdok completions powershell >> $PROFILE"
    )]
    Completions(CompletionsArgs),
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Skriver programmets mallar till MAPP, för en region att anpassa. Skriver aldrig över filer.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok templates export mallar-typst    ändra dem, bygg sedan med --templates mallar-typst\n  styrdok templates export --epost input/mallar    e-posttexterna för forms --epost och collect --epost"
    )]
    Export(ExportArgs),
}

/// Runs the command; `main` maps the result to the exit code (0/1/2) and prints a failure. `stop`
/// ends a `--watch` (main's Ctrl-C handler stops it).
pub fn run(cli: Cli, stop: &Control) -> Result<Outcome, CommandError> {
    match cli.command {
        Command::Init(args) => commands::init::run(&args),
        Command::Check(args) => commands::check::run(&args),
        Command::Build(args) if args.watch => commands::watch::build(&args, stop),
        Command::Build(args) => commands::build::run(&args),
        Command::Diff(args) => commands::diff::run(&args),
        Command::Forms(args) => commands::forms::run(&args),
        Command::Collect(args) => commands::collect::run(&args),
        Command::Fill(args) if args.watch => commands::watch::fill(&args, stop),
        Command::Fill(args) => commands::fill::run(&args),
        Command::Serve(args) => web::serve(&args, stop)
            .map(|()| Outcome::Done)
            .map_err(|e| CommandError::Serve(Box::new(e))),
        Command::Templates {
            action: TemplatesCommand::Export(args),
        } => commands::templates::export(&args),
        Command::Completions(args) => Ok(commands::completions::run(&args, Cli::command())),
    }
}

impl Cli {
    /// The rendering threads asked for (`build --jobs N`); `None`: one per core.
    pub fn render_threads(&self) -> Option<usize> {
        match &self.command {
            Command::Build(args) => args.render.jobs,
            _ => None,
        }
    }
}
