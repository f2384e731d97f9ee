//! `styrdok collect`: the returned forms merged into a copy of the input (`pipeline::collect`),
//! with who has and has not reported, as text or JSON.

use super::args::{FormatArgs, InputArgs, OutputArgs};
use super::report::{self, Format};
use super::{CommandError, Outcome};
use crate::diagnostics::{JsonReport, render as render_diagnostics};
use crate::pipeline::{self, CollectStop, Collected};
use clap::Args;
use serde_json::json;
use std::path::PathBuf;

/// `styrdok collect`'s arguments.
#[derive(Debug, Clone, Args)]
#[command(
    mut_arg("input", |a| a.help("Underlaget blanketterna gjordes från (ändras aldrig)")),
    mut_arg("output", |a| a.help("Mappen den uppdaterade arbetsboken skrivs till"))
)]
pub struct CollectArgs {
    /// Mappen med de ifyllda blanketterna.
    #[arg(value_name = "BLANKETTMAPP")]
    pub forms_dir: PathBuf,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Skriv också en påminnelse (e-postutkast, blanketten bifogad igen) till varje ansvarig som inte har rapporterat, i MAPP/paminnelser/. Ingenting skickas.
    #[arg(long, help_heading = "Flaggor")]
    pub epost: bool,
    #[command(flatten)]
    pub format: FormatArgs,
}

/// Reads the returned forms, merges them into a copy of the input and writes the updated workbook.
/// `InputErrors` when some form or row had an error (the rest is still merged and written, and each
/// problem named); an error when nothing could be written.
pub fn run(args: &CollectArgs) -> Result<Outcome, CommandError> {
    let collected = pipeline::collect(
        &args.forms_dir,
        &args.input.input,
        &args.output.output,
        args.epost,
    );
    let outcome = |c: &Collected| {
        if c.has_errors() {
            Outcome::InputErrors
        } else {
            Outcome::Done
        }
    };
    if args.format.format == Format::Text {
        let collected = collected?;
        text(&collected);
        return Ok(outcome(&collected));
    }
    let mut json = JsonReport::new("collect");
    let result = match collected {
        Ok(c) => {
            json.add(None, &c.input_problems);
            json.add(None, &c.problems);
            for p in &c.written {
                json.written(p.display().to_string());
            }
            json.set("reported", json!(c.reported));
            json.set("not_reported", json!(c.not_reported));
            json.set("forms_read", json!(c.forms_read));
            json.set("rows_merged", json!(c.rows_merged));
            if let Some((count, _)) = &c.reminders {
                json.set("reminders", json!(count));
            }
            Ok(outcome(&c))
        }
        Err(e) => Err(e.into()),
    };
    report::print_json(json, result)
}

/// Why nothing was written, in a sentence for the terminal.
fn stopped_line(stop: CollectStop) -> &'static str {
    match stop {
        CollectStop::InputErrors => {
            "Underlaget har fel: rätta dem och kör collect igen. Ingenting skrevs."
        }
        CollectStop::NoContacts => {
            "Ingenting skrevs: lägg till bladet Kontakter (Ansvarig, Namn, E-post, Kopia) eller kör utan --epost."
        }
        CollectStop::MergedErrors => "Den sammanslagna arbetsboken har fel; ingenting skrevs.",
    }
}

fn text(c: &Collected) {
    if !c.input_problems.is_empty() {
        eprint!("{}", render_diagnostics(&c.input_problems));
    }
    if let Some(stopped) = c.stopped.filter(|_| !c.input_problems.is_empty()) {
        eprintln!("{}", stopped_line(stopped));
        return;
    }
    println!("Har rapporterat ({}):", c.reported.len());
    for r in &c.reported {
        println!("  {r}");
    }
    println!("Har inte rapporterat ({}):", c.not_reported.len());
    for r in &c.not_reported {
        println!("  {r}");
    }
    println!(
        "{} blanketter lästa, {} rader inlagda.",
        c.forms_read, c.rows_merged
    );
    if !c.problems.is_empty() {
        print!("{}", render_diagnostics(&c.problems));
    }
    if let Some(stopped) = c.stopped {
        eprintln!("{}", stopped_line(stopped));
        return;
    }
    for p in &c.written {
        println!("Skrev {}", p.display());
    }
    println!("Bygg återrapporten från den: styrdok build <den filen>.");
    for (p, e) in &c.stale.left {
        eprintln!(
            "varning: det gamla utkastet {} kunde inte tas bort ({e}); skicka det inte",
            p.display()
        );
    }
    for p in &c.stale.removed {
        println!(
            "Tog bort den gamla påminnelsen {} (ingen påminnelse behövs längre)",
            p.display()
        );
    }
    if let Some((count, dir)) = &c.reminders {
        println!(
            "{count} påminnelser (e-postutkast) i {}. Öppna dem i ditt e-postprogram, läs igenom och skicka. styrdok skickar ingenting.",
            dir.display()
        );
        if c.no_deadline {
            println!(
                "Påminnelserna nämner ingen sista dag: skriv fältet «Sista dag» i bladet Uppgifter och kör igen."
            );
        }
    }
}
