//! Command line: the commands, their help texts, and what each does.

use crate::commands::build::BuildOptions;
use crate::commands::report::Format;
use crate::commands::{self, CommandError, Outcome};
use crate::documents::Options;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

mod errors;
pub use errors::{Parsed, parse, parse_from};

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
    Init {
        /// Mappen startarbetsboken skrivs till.
        #[arg(default_value = "input", value_name = "MAPP")]
        dir: PathBuf,
    },
    /// Kontrollerar indata och listar alla problem med blad och cell. Skriver inga filer.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok check                       kontrollerar arbetsböckerna i input/\n  styrdok check ok2025.xlsx           en enda arbetsbok\n  styrdok check --format json > r.json    för ett skript: alla problem som JSON"
    )]
    Check {
        /// Arbetsbok eller mapp med arbetsböcker.
        #[arg(default_value = "input", value_name = "INDATA")]
        input: PathBuf,
        #[command(flatten)]
        format: FormatFlag,
    },
    /// Kontrollerar indata och skriver dokumenten. Skriver ingenting om indata har fel.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok build                       läser input/, skriver output/\n  styrdok build --watch               bygger om varje gång en arbetsbok sparas\n  styrdok build ok2025.xlsx -o ut     en arbetsbok, dokumenten i ut/\n  styrdok build --per-mottagare       också en återrapport per ansvarig organisation"
    )]
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
        /// Visa förändringarna sedan FÖRRA (förra mötets arbetsbok) i statusbilderna, återrapporten och den uppdaterade arbetsboken.
        #[arg(long, value_name = "FÖRRA", help_heading = "Flaggor")]
        sedan: Option<PathBuf>,
        /// Bygg om varje gång en arbetsbok eller mall sparas; de senaste hela dokumenten ligger kvar vid fel. Ctrl-C avslutar.
        #[arg(short, long, help_heading = "Flaggor", conflicts_with = "format")]
        watch: bool,
        /// Gör om alla filer, också de som förra bygget gjorde av samma indata (annars görs bara det som har ändrats).
        #[arg(long, help_heading = "Flaggor")]
        allt: bool,
        #[command(flatten)]
        format: FormatFlag,
    },
    /// Visar vad som har ändrats sedan förra mötet: nya, borttagna och ändrade insatser per insatsområde.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok diff forra-motet.xlsx              jämför med arbetsböckerna i input/\n  styrdok diff forra-motet.xlsx ok2025.xlsx  jämför två arbetsböcker"
    )]
    Diff {
        /// Förra mötets arbetsbok: en sparad kopia av indata eller en tidigare «-uppdaterad.xlsx».
        // Named so it sorts before `input`: help lists the arguments alphabetically by name.
        #[arg(value_name = "FÖRRA")]
        earlier: PathBuf,
        /// Arbetsbok eller mapp med arbetsböcker, som de ser ut nu.
        #[arg(default_value = "input", value_name = "INDATA")]
        input: PathBuf,
        #[command(flatten)]
        format: FormatFlag,
    },
    /// Skriver en blankett (arbetsbok) per ansvarig organisation att fylla i uppföljningen i.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok forms                       en blankett per ansvarig i output/blanketter/\n  styrdok forms --epost               också ett e-postutkast per ansvarig i output/blanketter/epost/"
    )]
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
        /// Skriv också ett e-postutkast per ansvarig med kontakt i bladet Kontakter, blanketten bifogad, i MAPP/epost/. Ingenting skickas.
        #[arg(long, help_heading = "Flaggor")]
        epost: bool,
    },
    /// Läser ifyllda blanketter ur BLANKETTMAPP och skriver en uppdaterad arbetsbok med siffrorna.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok collect inkomna             blanketterna i inkomna/ mot underlaget i input/\n  styrdok collect inkomna --format json    vem som har rapporterat, som JSON\n  styrdok collect inkomna --epost     också påminnelser till dem som inte har rapporterat i output/paminnelser/"
    )]
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
        /// Skriv också en påminnelse (e-postutkast, blanketten bifogad igen) till varje ansvarig som inte har rapporterat, i MAPP/paminnelser/. Ingenting skickas.
        #[arg(long, help_heading = "Flaggor")]
        epost: bool,
        #[command(flatten)]
        format: FormatFlag,
    },
    /// Fyller i en egen Excel-mall med {{…}}-platshållare med uppgifterna ur indata. Mallen ändras aldrig.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok fill input/mallar/redovisning-statsbidrag.xlsx      den ifyllda mallen i output/\n  styrdok fill redovisning.xlsx ok2025.xlsx -o ut --watch     fyll i igen vid varje sparning"
    )]
    Fill {
        /// Excel-mallen (.xlsx) med platshållare som {{Titel}} och {{Insatser.Belopp}}.
        #[arg(value_name = "MALL")]
        template: PathBuf,
        /// Arbetsbok eller mapp med arbetsböcker.
        #[arg(default_value = "input", value_name = "INDATA")]
        input: PathBuf,
        /// Mappen den ifyllda mallen skrivs till (som MAPP/<mallens filnamn>).
        #[arg(
            short,
            long,
            default_value = "output",
            value_name = "MAPP",
            help_heading = "Flaggor"
        )]
        output: PathBuf,
        /// Skriv också en ifylld kopia per ansvarig organisation i MAPP/<mallens namn>/.
        #[arg(long, help_heading = "Flaggor")]
        per_mottagare: bool,
        /// Fyll i igen varje gång arbetsboken eller mallen sparas; den senaste hela filen ligger kvar vid fel. Ctrl-C avslutar.
        #[arg(short, long, help_heading = "Flaggor")]
        watch: bool,
    },
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
    Completions {
        /// Skalet: bash, zsh, fish eller powershell.
        #[arg(value_enum, value_name = "SKAL")]
        shell: Shell,
    },
}

/// `--format`: text for a person, JSON for a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Text,
    Json,
}

/// The `--format` flag of check, build, collect and diff.
#[derive(Debug, Args)]
pub struct FormatFlag {
    /// Hur resultatet skrivs: text för en människa, json för ett skript (se README).
    #[arg(long, value_enum, default_value_t = FormatArg::Text, value_name = "FORMAT", help_heading = "Flaggor")]
    format: FormatArg,
}

impl From<FormatFlag> for Format {
    fn from(flag: FormatFlag) -> Format {
        match flag.format {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
        }
    }
}

/// The shells `completions` writes for (clap_complete knows more; these are the ones we name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Skriver programmets mallar till MAPP, för en region att anpassa. Skriver aldrig över filer.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Argument",
        after_help = "Exempel:\n  styrdok templates export mallar-typst    ändra dem, bygg sedan med --templates mallar-typst\n  styrdok templates export --epost input/mallar    e-posttexterna för forms --epost och collect --epost"
    )]
    Export {
        /// Mappen mallarna skrivs till.
        #[arg(value_name = "MAPP")]
        dir: PathBuf,
        /// Skriv e-posttexterna (blankett och påminnelse) i stället för Typst-mallarna; lägg dem i mallar/ bredvid arbetsboken.
        #[arg(long, help_heading = "Flaggor")]
        epost: bool,
    },
}

/// Runs the command; `main` maps the result to the exit code (0/1/2) and prints a failure.
pub fn run(cli: Cli) -> Result<Outcome, CommandError> {
    match cli.command {
        Command::Init { dir } => commands::init::run(&dir),
        Command::Check { input, format } => Ok(commands::check::run(&input, format.into())),
        Command::Build {
            input,
            output,
            per_mottagare,
            alla_insatser,
            jobs,
            quiet,
            templates,
            dump_data,
            sedan,
            watch,
            allt,
            format,
        } => {
            let options = BuildOptions {
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
                since: sedan,
                format: format.into(),
                full: allt,
            };
            if watch {
                commands::watch::build(&options)
            } else {
                commands::build::run(&options)
            }
        }
        Command::Diff {
            earlier,
            input,
            format,
        } => Ok(commands::diff::run(&earlier, &input, format.into())),
        Command::Forms {
            input,
            output,
            epost,
        } => commands::forms::run(&input, &output, epost),
        Command::Collect {
            forms_dir,
            input,
            output,
            epost,
            format,
        } => commands::collect::run(&forms_dir, &input, &output, epost, format.into()),
        Command::Fill {
            template,
            input,
            output,
            per_mottagare,
            watch,
        } => {
            let options = commands::fill::FillOptions {
                template,
                input,
                output,
                per_recipient: per_mottagare,
            };
            if watch {
                commands::watch::fill(&options)
            } else {
                commands::fill::run(&options)
            }
        }
        Command::Templates {
            action: TemplatesCommand::Export { dir, epost },
        } => commands::templates::export(&dir, epost),
        Command::Completions { shell } => {
            completions(shell);
            Ok(Outcome::Done)
        }
    }
}

/// The completion script for `shell` on stdout.
fn completions(shell: Shell) {
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    // Into memory first: clap_complete panics on a write error, e.g. a closed pipe (`| head`).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "styrdok", &mut script);
    let _ = std::io::Write::write_all(&mut std::io::stdout(), &script);
}
