//! `styrdok build`: `pipeline::build` with a progress bar, and what it did said as text or JSON.

use super::args::{FormatArgs, InputArgs, OutputArgs, RenderArgs};
use super::progress::ProgressBar;
use super::report::{self, Format};
use super::{CommandError, Outcome};
use crate::changes::{previous_unreadable, render_errors, render_previous_problems};
use crate::documents::Options;
use crate::pipeline::{self, BuildRequest, Built, Note};
use clap::Args;
use std::path::PathBuf;

/// `styrdok build`'s arguments.
#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub render: RenderArgs,
    /// Skriv bara fel och varningar.
    #[arg(short, long, help_heading = "Flaggor")]
    pub quiet: bool,
    /// Visa förändringarna sedan FÖRRA (förra mötets arbetsbok) i statusbilderna, återrapporten och den uppdaterade arbetsboken.
    #[arg(long, value_name = "FÖRRA", help_heading = "Flaggor")]
    pub sedan: Option<PathBuf>,
    /// Bygg om varje gång en arbetsbok eller mall sparas; de senaste hela dokumenten ligger kvar vid fel. Ctrl-C avslutar.
    #[arg(short, long, help_heading = "Flaggor", conflicts_with = "format")]
    pub watch: bool,
    /// Gör om alla filer, också de som förra bygget gjorde av samma indata (annars görs bara det som har ändrats).
    #[arg(long, help_heading = "Flaggor")]
    pub allt: bool,
    #[command(flatten)]
    pub format: FormatArgs,
}

impl BuildArgs {
    /// What the pipeline is asked to build.
    pub fn request(&self) -> BuildRequest {
        BuildRequest {
            input: self.input.input.clone(),
            output: self.output.output.clone(),
            documents: Options {
                per_recipient: self.render.per_mottagare,
                all_initiatives: self.render.alla_insatser,
            },
            templates: self.render.templates.clone(),
            dump_data: self.render.dump_data.clone(),
            since: self.sedan.clone(),
            full: self.allt,
        }
    }
}

pub fn run(args: &BuildArgs) -> Result<Outcome, CommandError> {
    let format = args.format.format;
    let bar = ProgressBar::new(!args.quiet && format == Format::Text);
    let built = pipeline::build(&args.request(), &|p| bar.show(p), &mut None);
    match format {
        Format::Text => text(built, args.quiet),
        Format::Json => json(built),
    }
}

fn text(built: Built, quiet: bool) -> Result<Outcome, CommandError> {
    eprint!("{}", report::text(&built.projects, false));
    eprint!("{}", notes_text(&built.notes));
    match built.written {
        Err(e) => Err(e.into()),
        Ok(None) => {
            eprintln!("Inga dokument skrevs: rätta felen ovan och kör igen.");
            Ok(Outcome::InputErrors)
        }
        Ok(Some(files)) => {
            if !quiet {
                for file in files.written {
                    println!("Skrev {}", file.path.display());
                }
                if let Some(line) = kept_line(files.kept.len()) {
                    println!("{line}");
                }
            }
            Ok(Outcome::Done)
        }
    }
}

fn json(built: Built) -> Result<Outcome, CommandError> {
    let mut json = report::json("build", &built.projects);
    let notes = notes_text(&built.notes);
    if !notes.is_empty() {
        eprint!("{notes}");
    }
    let result = match built.written {
        Ok(None) => Ok(Outcome::InputErrors),
        Ok(Some(files)) => {
            for file in files.written {
                json.written(file.path.display().to_string());
            }
            let kept = files
                .kept
                .iter()
                .map(|f| f.path.display().to_string().into());
            json.set("kept", serde_json::Value::Array(kept.collect()));
            Ok(Outcome::Done)
        }
        Err(e) => Err(e.into()),
    };
    report::print_json(json, result)
}

/// What the last meeting's version and the organisation's templates had to say, as the terminal
/// shows it, each note on lines of its own.
pub fn notes_text(notes: &[Note]) -> String {
    let mut text = String::new();
    for note in notes {
        let note = note_text(note);
        text.push_str(&note);
        if !note.is_empty() && !note.ends_with('\n') {
            text.push('\n');
        }
    }
    text
}

/// One note as text (the terminal's and the web page's words).
pub fn note_text(note: &Note) -> String {
    match note {
        Note::PreviousProblems(problems) => render_previous_problems(problems),
        Note::PreviousUnreadable { path, problems } => format!(
            "{}{}",
            render_previous_problems(problems),
            previous_unreadable(path)
        ),
        Note::Keys(errors) => render_errors(errors),
        Note::Templates(errors) => errors.to_string(),
        Note::TemplateWarning(warning) => warning.to_string(),
    }
}

/// "14 filer oförändrade …" after a build that kept files the last build made from the same input.
pub fn kept_line(kept: usize) -> Option<String> {
    (kept > 0).then(|| {
        format!(
            "{} {} sedan förra bygget (samma indata); --allt gör om allt.",
            kept,
            if kept == 1 {
                "fil oförändrad"
            } else {
                "filer oförändrade"
            }
        )
    })
}
