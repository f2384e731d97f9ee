//! `styrdok forms`: one form workbook per Ansvarig (`pipeline::forms`); with `--epost` also an e-mail
//! draft per Ansvarig with a contact, the form attached. Said as text or JSON.

use super::args::{FormatArgs, InputArgs};
use super::report::{self, Format};
use super::{CommandError, Outcome};
use crate::diagnostics::{JsonReport, render as render_diagnostics};
use crate::pipeline::{self, FormsMade, FormsStop};
use clap::Args;
use serde_json::json;
use std::path::PathBuf;

/// `styrdok forms`'s arguments.
#[derive(Debug, Clone, Args)]
pub struct FormsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Mappen blanketterna skrivs till.
    #[arg(
        short,
        long,
        default_value = "output/blanketter",
        value_name = "MAPP",
        help_heading = "Flaggor"
    )]
    pub output: PathBuf,
    /// Skriv också ett e-postutkast per ansvarig med kontakt i bladet Kontakter, blanketten bifogad, i MAPP/epost/. Ingenting skickas.
    #[arg(long, help_heading = "Flaggor")]
    pub epost: bool,
    #[command(flatten)]
    pub format: FormatArgs,
}

/// Writes one form per Ansvarig (and with `--epost` the drafts); refuses when the input has errors,
/// like `build`.
pub fn run(args: &FormsArgs) -> Result<Outcome, CommandError> {
    let made = pipeline::forms(&args.input.input, &args.output, args.epost);
    if args.format.format == Format::Json {
        let mut json = JsonReport::new("forms");
        let result = match made {
            Ok(made) => {
                json.add(None, &made.diagnostics);
                if made.stopped == Some(FormsStop::NoContacts) {
                    json.add(None, &[pipeline::no_contacts_sheet()]);
                }
                for p in &made.written {
                    json.written(p.display().to_string());
                }
                json.set("forms", json!(made.forms));
                if let Some((count, _)) = &made.drafts {
                    json.set("drafts", json!(count));
                }
                Ok(outcome(&made))
            }
            Err(e) => Err(e.into()),
        };
        return report::print_json(json, result);
    }
    let made = made?;
    text(&made);
    Ok(outcome(&made))
}

fn outcome(made: &FormsMade) -> Outcome {
    match made.stopped {
        Some(_) => Outcome::InputErrors,
        None => Outcome::Done,
    }
}

fn text(made: &FormsMade) {
    if !made.diagnostics.is_empty() {
        eprint!("{}", render_diagnostics(&made.diagnostics));
    }
    match made.stopped {
        Some(FormsStop::InputErrors) => {
            eprintln!("Inga blanketter skrevs: rätta felen ovan och kör igen.");
            return;
        }
        Some(FormsStop::NoContacts) => {
            eprint!("{}", render_diagnostics(&[pipeline::no_contacts_sheet()]));
            eprintln!(
                "Inga blanketter skrevs: lägg till bladet Kontakter (Ansvarig, Namn, E-post, Kopia) eller kör utan --epost."
            );
            return;
        }
        None => {}
    }
    for p in &made.written {
        println!("Skrev {}", p.display());
    }
    for (p, e) in &made.stale.left {
        eprintln!(
            "varning: det gamla utkastet {} kunde inte tas bort ({e}); skicka det inte",
            p.display()
        );
    }
    for p in &made.stale.removed {
        println!("Tog bort det gamla utkastet {}", p.display());
    }
    println!(
        "{} blanketter. Skicka var och en till sin mottagare; samla de ifyllda i en mapp och kör «styrdok collect MAPP».",
        made.forms
    );
    if let Some((count, dir)) = &made.drafts {
        println!(
            "{count} e-postutkast i {}. Öppna dem i ditt e-postprogram (Outlook, Thunderbird och Apple Mail öppnar .eml-filer), läs igenom och skicka. styrdok skickar ingenting.",
            dir.display()
        );
        if made.no_deadline {
            println!(
                "Utkasten nämner ingen sista dag: skriv fältet «Sista dag» i bladet Uppgifter och kör igen."
            );
        }
    }
}
