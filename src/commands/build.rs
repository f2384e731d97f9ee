//! `styrdok build`: check every project, plan and render every document, then write them all. Nothing
//! is written until everything has been made, so errors anywhere leave the previous output as it was.

use super::progress::Progress;
use super::report::{self, Format, ProjectDiagnostics};
use super::{CommandError, Outcome};
use crate::changes::{previous_unreadable, render_errors, render_previous_problems};
use crate::diagnostics::{Diagnostic, JsonReport};
use crate::documents::Options;
use crate::pipeline::{self, CheckedProject, SinceError, Written};
use crate::render::record::{Record, Reuse};
use crate::render::templates::TemplateFiles;
use crate::render::{Engine, Job, WriteError, write_atomic};
use std::path::{Path, PathBuf};

const RENDER_STACK: usize = 256 * 1024 * 1024;

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub input: PathBuf,
    pub output: PathBuf,
    pub documents: Options,
    /// Rendering threads; `None` lets rayon use every core.
    pub jobs: Option<usize>,
    pub quiet: bool,
    /// A region's own templates (see `styrdok templates export`).
    pub templates: Option<PathBuf>,
    /// Where to write the exact JSON each document is rendered from.
    pub dump_data: Option<PathBuf>,
    /// The last meeting's version (`--sedan`): its changes go into the deck, report and workbook.
    pub since: Option<PathBuf>,
    pub format: Format,
    /// Make every file, also those the last build made from the same input (`--allt`).
    pub full: bool,
}

/// What one build did: every project's diagnostics, and the files written, or `Ok(None)` when the
/// input had errors and nothing was written.
pub struct Built {
    pub projects: Vec<ProjectDiagnostics>,
    pub written: Result<Option<Written>, CommandError>,
    /// What the organisation's templates and the last meeting's version had to say (problems
    /// there stop the build like input errors; warnings do not), as printed text.
    pub notes: String,
}

impl Built {
    /// Whether a file could not be read at all (one being saved, in `--watch`).
    pub fn unreadable(&self) -> bool {
        self.projects
            .iter()
            .any(|p| p.diagnostics.iter().any(Diagnostic::is_unreadable))
    }
}

pub fn run(options: &BuildOptions) -> Result<Outcome, CommandError> {
    let built = build(
        options,
        !options.quiet && options.format == Format::Text,
        &mut None,
    );
    match options.format {
        Format::Text => {
            eprint!("{}", report::text(&built.projects, false));
            eprint!("{}", built.notes);
            match built.written? {
                None => {
                    eprintln!("Inga dokument skrevs: rätta felen ovan och kör igen.");
                    Ok(Outcome::InputErrors)
                }
                Some(files) => {
                    if !options.quiet {
                        for path in files.written {
                            println!("Skrev {}", path.display());
                        }
                        if let Some(line) = kept_line(files.kept.len()) {
                            println!("{line}");
                        }
                    }
                    Ok(Outcome::Done)
                }
            }
        }
        Format::Json => {
            let mut json = JsonReport::new("build");
            for p in &built.projects {
                json.add(p.name.as_deref(), &p.diagnostics);
            }
            if !built.notes.is_empty() {
                eprint!("{}", built.notes);
            }
            let result = match built.written {
                Ok(None) => Ok(Outcome::InputErrors),
                Ok(Some(files)) => {
                    for path in files.written {
                        json.written(path.display().to_string());
                    }
                    let kept = files.kept.iter().map(|p| p.display().to_string().into());
                    json.set("kept", serde_json::Value::Array(kept.collect()));
                    Ok(Outcome::Done)
                }
                Err(e) => {
                    json.failed(e.to_string());
                    Err(e)
                }
            };
            print!("{}", json.render(super::exit_code(&result)));
            result
        }
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

/// Checks every project, and when none has errors makes and writes all documents. Prints nothing
/// but the progress bar (when `progress`), so `run` and `--watch` each report in their own way.
/// `record` is the build record to start from (`--watch` holds it between saves); `None` reads the
/// one in the output folder. After a successful build it holds the new record.
pub fn build(options: &BuildOptions, progress: bool, record: &mut Option<Record>) -> Built {
    // Typst lays out a long table with deep recursion: rendering threads get a generous stack
    // (rayon's default of 2 MB overflowed on the 5 800-insats benchmark).
    let mut pool = rayon::ThreadPoolBuilder::new().stack_size(RENDER_STACK);
    if let Some(n) = options.jobs {
        pool = pool.num_threads(n.max(1));
    }
    // Only fails when the pool already exists (a second build under --watch), which is fine.
    let _ = pool.build_global();
    let projects = pipeline::check_projects(&options.input);
    let mut notes = String::new();
    let written = if projects.iter().any(|p| p.usable().is_none()) {
        Ok(None)
    } else {
        make_and_write(&projects, options, progress, &mut notes, record)
    };
    Built {
        projects: ProjectDiagnostics::of(&projects),
        written,
        notes,
    }
}

/// Makes every file and writes them all; `Ok(None)` when the last meeting's version or a template
/// has errors (told in `notes`), so nothing is written.
fn make_and_write(
    projects: &[CheckedProject],
    options: &BuildOptions,
    progress: bool,
    notes: &mut String,
    record: &mut Option<Record>,
) -> Result<Option<Written>, CommandError> {
    use std::fmt::Write;
    let previous = match (options.full, record.take()) {
        (true, _) => Record::default(),
        (false, Some(held)) => held,
        (false, None) => Record::read(&options.output),
    };
    let mut reuse = Reuse::new(&options.output, previous);
    let changes = match &options.since {
        None => Vec::new(),
        Some(previous) => match pipeline::changes_since(previous, projects) {
            Ok((changes, warnings)) => {
                notes.push_str(&render_previous_problems(&warnings));
                changes
            }
            Err(SinceError::Unreadable { path, problems }) => {
                notes.push_str(&render_previous_problems(&problems));
                let _ = writeln!(notes, "{}", previous_unreadable(&path));
                return Ok(None);
            }
            Err(SinceError::Keys(errors)) => {
                notes.push_str(&render_errors(&errors));
                return Ok(None);
            }
        },
    };
    // The organisation's own Excel templates (`mallar/`), filled before any PDF is set: a broken
    // template stops the build as an input error does.
    let filled = match pipeline::filled_templates(
        projects,
        &options.output,
        options.documents.per_recipient,
        &mut reuse,
    ) {
        Ok(filled) => filled,
        Err(errors) => {
            let _ = writeln!(notes, "{errors}");
            return Ok(None);
        }
    };
    for warning in &filled.warnings {
        let _ = writeln!(notes, "{warning}");
    }
    let engine = match &options.templates {
        None => Engine::new(),
        Some(dir) => Engine::with_templates(TemplateFiles::from_folder(dir)?),
    };

    let jobs = pipeline::plan(projects, &options.output, options.documents, &changes)
        .map_err(CommandError::output)?;
    if let Some(dir) = &options.dump_data {
        dump(&jobs, &options.output, dir).map_err(CommandError::output)?;
    }
    let jobs = pipeline::to_render(jobs, &options.output, &engine, &mut reuse);
    let workbooks = pipeline::updated_workbooks(projects, &options.output, &changes, &mut reuse);
    let progress = Progress::new(jobs.len(), !progress);
    // The updated workbooks are made beside the PDFs (10 000 insatser: 0.45 s that no longer waits
    // for the long documents, which keep only part of the cores busy), and join them, so all files
    // are written together or none is.
    let (rendered, workbooks) = std::thread::scope(|scope| {
        let workbooks = scope
            .spawn(|| pipeline::make_workbooks(&workbooks, projects, &options.output, &changes));
        let rendered = pipeline::render(&jobs, &engine, &|| progress.tick());
        let workbooks = workbooks
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (rendered, workbooks)
    });
    progress.finish();
    let staged = rendered.map_err(CommandError::output)?;
    let mut files = Vec::new();
    for (product, file) in workbooks.map_err(CommandError::output)? {
        reuse.made(&product, file.path.clone());
        files.push(file);
    }
    files.extend(filled.rendered);
    let (written, new_record) =
        pipeline::commit(staged, files, reuse, &options.output).map_err(CommandError::output)?;
    *record = Some(new_record);
    Ok(Some(written))
}

/// Each document's data as `<dir>/<same path as the PDF>.json`, plus `<…>.template` naming its
/// template, so the stock typst CLI can render exactly the same document.
fn dump(jobs: &[Job], output: &Path, dir: &Path) -> Result<(), WriteError> {
    for job in jobs {
        let relative = job.path.strip_prefix(output).unwrap_or(&job.path);
        let target = dir.join(relative).with_extension("json");
        write_atomic(&target, &job.data)?;
        write_atomic(&target.with_extension("template"), job.template.as_bytes())?;
    }
    Ok(())
}
