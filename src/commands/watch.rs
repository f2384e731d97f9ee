//! `--watch` on the command line: `pipeline::watch` runs the rebuilds; this says in the terminal how
//! each went, one line per save.

use super::build::{self, BuildArgs};
use super::fill::{self, FillArgs};
use super::report;
use super::{CommandError, Outcome};
use crate::diagnostics::seconds;
use crate::pipeline::watch::{Attempt, Control, Event, Step, watch};
use crate::pipeline::{self, Filled};

/// `styrdok build --watch`: the build, run now and after every save, until `stop` (Ctrl-C).
pub fn build(args: &BuildArgs, stop: &Control) -> Result<Outcome, CommandError> {
    let request = args.request();
    let mut roots = vec![request.input.clone()];
    roots.extend(request.templates.clone());
    let mut ignored = vec![request.output.clone()];
    ignored.extend(request.dump_data.clone());
    println!(
        "Bevakar {} och bygger om när en arbetsbok sparas (Ctrl-C avslutar).",
        roots
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" och ")
    );
    // The build record stays in memory between saves: each save makes only what it changed.
    let mut record = None;
    let rebuild = |attempt: Attempt| {
        let built = pipeline::build(&request, &|_| {}, &mut record);
        if built.unreadable() && !attempt.last_try {
            return Step::Retry;
        }
        eprint!("{}", report::text(&built.projects, false));
        eprint!("{}", build::notes_text(&built.notes));
        let nothing_written = if attempt.written_before {
            "Inga dokument skrevs; de senaste hela dokumenten ligger kvar."
        } else {
            "Inga dokument skrevs: rätta felen ovan och spara igen."
        };
        match built.written {
            Ok(Some(files)) => Step::Done {
                written: files.written.len(),
                kept: files.kept.len(),
            },
            Ok(None) => failed(None, nothing_written),
            Err(e) => failed(Some(e.into()), nothing_written),
        }
    };
    watch(&roots, &ignored, stop, rebuild, say)?;
    println!("Bevakningen avslutad.");
    Ok(Outcome::Done)
}

/// `styrdok fill MALL --watch`: the template filled now and after every save of the workbook or
/// the template, until `stop` (Ctrl-C).
pub fn fill(args: &FillArgs, stop: &Control) -> Result<Outcome, CommandError> {
    let request = args.request();
    println!(
        "Bevakar {} och {} och fyller i mallen igen när någon av dem sparas (Ctrl-C avslutar).",
        request.input.display(),
        request.template.display()
    );
    let roots = [request.input.clone(), request.template.clone()];
    let rebuild = |attempt: Attempt| {
        let nothing_written = if attempt.written_before {
            "Ingen fil skrevs; den senaste hela filen ligger kvar."
        } else {
            "Ingen fil skrevs."
        };
        match pipeline::fill(&request) {
            Ok((_, Filled::Unreadable)) if !attempt.last_try => Step::Retry,
            Ok((diagnostics, filled)) => {
                fill::present(&request, &diagnostics, &filled, true);
                match filled {
                    Filled::Written { files, .. } => Step::Done {
                        written: files.len(),
                        kept: 0,
                    },
                    _ => failed(None, nothing_written),
                }
            }
            Err(e) => failed(Some(e.into()), nothing_written),
        }
    };
    watch(
        &roots,
        std::slice::from_ref(&request.output),
        stop,
        rebuild,
        say,
    )?;
    println!("Bevakningen avslutad.");
    Ok(Outcome::Done)
}

/// A rebuild that wrote nothing: why, when it was no input error (those are already said), and
/// what became of the files.
fn failed(error: Option<CommandError>, nothing_written: &str) -> Step {
    if let Some(e) = error {
        eprintln!("fel: {e}");
    }
    eprintln!("{nothing_written}");
    Step::Failed
}

/// One line per rebuild: «Klart på 0,4 s: 5 filer», «Misslyckades efter 0,2 s.».
fn say(event: Event) {
    match event {
        Event::WatchFailed(e) => eprintln!("varning: bevakningen: {e}"),
        Event::Rebuilt {
            step: Step::Done { written, kept },
            took,
        } => {
            let took = seconds(took);
            let plural = written != 1;
            if kept == 0 {
                let noun = if plural { "filer" } else { "fil" };
                println!("Klart på {took}: {written} {noun}");
            } else {
                let noun = if plural {
                    "filer skrivna"
                } else {
                    "fil skriven"
                };
                println!("Klart på {took}: {written} {noun}, {kept} oförändrade");
            }
        }
        Event::Rebuilt { took, .. } => println!("Misslyckades efter {}.", seconds(took)),
    }
}
