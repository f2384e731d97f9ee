//! The argument groups several commands share, as typst-cli's `args.rs` has them: each command's own
//! arguments (`BuildArgs`, `FillArgs` …) flatten these and are handed whole to the command. A
//! command whose argument means something narrower says so with `mut_arg` where it flattens.

use super::report::Format;
use clap::Args;
use std::path::PathBuf;

/// Where the workbooks are and where the documents go when nothing says otherwise: folders in the
/// current directory (or beside the program, when it was double-clicked: `cli::double_clicked`).
pub const DEFAULT_INPUT: &str = "input";
pub const DEFAULT_OUTPUT: &str = "output";

/// The input: a workbook, or a folder whose workbooks (and subfolders) are read.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Arbetsbok eller mapp med arbetsböcker.
    #[arg(default_value = DEFAULT_INPUT, value_name = "INDATA")]
    pub input: PathBuf,
}

/// Where the files go.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Mappen dokumenten skrivs till.
    #[arg(
        short,
        long,
        default_value = DEFAULT_OUTPUT,
        value_name = "MAPP",
        help_heading = "Flaggor"
    )]
    pub output: PathBuf,
}

/// `--format`: text for a person, JSON for a script.
#[derive(Debug, Clone, Args)]
pub struct FormatArgs {
    /// Hur resultatet skrivs: text för en människa, json för ett skript (se README).
    #[arg(long, value_enum, default_value_t = Format::Text, value_name = "FORMAT", help_heading = "Flaggor")]
    pub format: Format,
}

/// What the PDFs hold and how they are set.
#[derive(Debug, Clone, Args)]
pub struct RenderArgs {
    /// Skriv också en kort återrapport per ansvarig organisation i MAPP/mottagare/.
    #[arg(long, help_heading = "Flaggor")]
    pub per_mottagare: bool,
    /// Lista varje insats i återrapportens bilaga, också i stora insatsområden som annars sammanfattas (för arkivet).
    #[arg(long, help_heading = "Flaggor")]
    pub alla_insatser: bool,
    /// Antal dokument som sätts samtidigt (standard: en per processorkärna).
    #[arg(long, value_name = "N", help_heading = "Flaggor")]
    pub jobs: Option<usize>,
    /// Använd egna mallar från MALLMAPP (se «styrdok templates export»); saknade mallar tas från programmet.
    #[arg(long, value_name = "MALLMAPP", help_heading = "Flaggor")]
    pub templates: Option<PathBuf>,
    /// Skriv den data varje dokument sätts från som JSON i DATAMAPP.
    #[arg(long, value_name = "DATAMAPP", help_heading = "Flaggor")]
    pub dump_data: Option<PathBuf>,
}
