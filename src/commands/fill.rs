//! `styrdok fill MALL [INDATA] [-o UT] [--per-mottagare]`: one template of the organisation's own,
//! filled from the checked input (`pipeline::fill`); with `--watch`, again on every save.

use super::args::{FormatArgs, InputArgs, OutputArgs};
use super::report::{self, Format};
use super::{CommandError, Outcome};
use crate::diagnostics::{Diagnostic, JsonReport, render as render_diagnostics};
use crate::pipeline::{self, FillRequest, Filled};
use clap::Args;
use std::path::PathBuf;

/// `styrdok fill`'s arguments.
#[derive(Debug, Clone, Args)]
#[command(mut_arg("output", |a| a.help("Mappen den ifyllda mallen skrivs till (som MAPP/<mallens filnamn>)")))]
pub struct FillArgs {
    /// Excel-mallen (.xlsx) med platshållare som {{Titel}} och {{Insatser.Belopp}}.
    #[arg(value_name = "MALL")]
    pub template: PathBuf,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Skriv också en ifylld kopia per ansvarig organisation i MAPP/<mallens namn>/.
    #[arg(long, help_heading = "Flaggor")]
    pub per_mottagare: bool,
    /// Fyll i igen varje gång arbetsboken eller mallen sparas; den senaste hela filen ligger kvar vid fel. Ctrl-C avslutar.
    #[arg(short, long, help_heading = "Flaggor", conflicts_with = "format")]
    pub watch: bool,
    #[command(flatten)]
    pub format: FormatArgs,
}

impl FillArgs {
    pub fn request(&self) -> FillRequest {
        FillRequest {
            template: self.template.clone(),
            input: self.input.input.clone(),
            output: self.output.output.clone(),
            per_recipient: self.per_mottagare,
        }
    }
}

pub fn run(args: &FillArgs) -> Result<Outcome, CommandError> {
    let request = args.request();
    let result = pipeline::fill(&request);
    if args.format.format == Format::Json {
        let mut json = JsonReport::new("fill");
        let result = match result {
            Ok((diagnostics, filled)) => {
                json.add(None, &diagnostics);
                match &filled {
                    Filled::Written { files, warnings } => {
                        for p in files {
                            json.written(p.display().to_string());
                        }
                        let warnings = warnings.iter().map(|w| w.to_string().into());
                        json.set(
                            "template_warnings",
                            serde_json::Value::Array(warnings.collect()),
                        );
                    }
                    Filled::NoTemplate => json.failed(no_template(&request)),
                    Filled::TemplateErrors(e) => {
                        let errors = e.0.iter().map(|e| e.to_string().into());
                        json.set(
                            "template_errors",
                            serde_json::Value::Array(errors.collect()),
                        );
                    }
                    Filled::InputErrors | Filled::Unreadable => {}
                }
                Ok(outcome(&filled))
            }
            Err(e) => Err(e.into()),
        };
        return report::print_json(json, result);
    }
    let (diagnostics, filled) = result?;
    present(&request, &diagnostics, &filled, false);
    Ok(outcome(&filled))
}

fn outcome(filled: &Filled) -> Outcome {
    match filled {
        Filled::Written { .. } => Outcome::Done,
        _ => Outcome::InputErrors,
    }
}

fn no_template(request: &FillRequest) -> String {
    format!("mallen {} finns inte", request.template.display())
}

/// Says in the terminal what one filling came to; under `--watch` (`watching`) the files written
/// are not listed and an unreadable workbook gets the loop's own closing line.
pub(super) fn present(
    request: &FillRequest,
    diagnostics: &[Diagnostic],
    filled: &Filled,
    watching: bool,
) {
    if !diagnostics.is_empty() {
        eprint!("{}", render_diagnostics(diagnostics));
    }
    const NOT_FILLED: &str = "Ingen mall fylldes i: rätta felen ovan och kör igen.";
    match filled {
        Filled::Unreadable if watching => {}
        Filled::Unreadable | Filled::InputErrors => eprintln!("{NOT_FILLED}"),
        Filled::NoTemplate => eprintln!("fel: {}", no_template(request)),
        Filled::TemplateErrors(e) => {
            eprintln!("{e}");
            eprintln!("Ingen fil skrevs: rätta mallen och kör igen.");
        }
        Filled::Written { files, warnings } => {
            for w in warnings {
                eprintln!("{w}");
            }
            if !watching {
                for p in files {
                    println!("Skrev {}", p.display());
                }
            }
        }
    }
}
