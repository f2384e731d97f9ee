//! `styrdok build`: check every project, plan and render every document, then write them all. Nothing
//! is written until everything has rendered, so errors anywhere leave the previous output as it was.

use crate::changes::{self, Changes};
use crate::checks::{self, Checked, render as render_diagnostics};
use crate::documents::{self, Job, Options};
use crate::progress::Progress;
use crate::render::templates::TemplateFiles;
use crate::render::{Engine, write_atomic};
use crate::workbook::{self, Project, Workbook};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
}

pub fn check_projects(input: &Path) -> Vec<(Project, Checked)> {
    workbook::projects(input)
        .into_iter()
        .map(|p| {
            let checked = checks::check_path(&p.path);
            (p, checked)
        })
        .collect()
}

/// Like `check_projects`, keeping each project's workbook: the updated workbook is made from its cells.
fn check_project_books(input: &Path) -> Vec<(Project, Option<Workbook>, Checked)> {
    workbook::projects(input)
        .into_iter()
        .map(|p| match workbook::load(&p.path) {
            Ok(book) => {
                let checked = checks::check_workbook(&book);
                (p, Some(book), checked)
            }
            // check_path turns read errors into diagnostics; reading twice happens only when failing.
            Err(_) => {
                let checked = checks::check_path(&p.path);
                (p, None, checked)
            }
        })
        .collect()
}

/// Exit codes: 0 done, 1 the input has errors, 2 the documents could not be made or written.
pub fn build(options: &BuildOptions) -> ExitCode {
    // Typst lays out a long table with deep recursion: rendering threads get a generous stack
    // (rayon's default of 2 MB overflowed on the 5 800-insats benchmark).
    let mut pool = rayon::ThreadPoolBuilder::new().stack_size(RENDER_STACK);
    if let Some(n) = options.jobs {
        pool = pool.num_threads(n.max(1));
    }
    // Only fails when the pool already exists, which a single build never causes.
    let _ = pool.build_global();
    let checked = check_project_books(&options.input);
    for (project, _, result) in &checked {
        if !result.diagnostics.is_empty() {
            if checked.len() > 1 {
                eprintln!("== {} ==", project.path.display());
            }
            eprint!("{}", render_diagnostics(&result.diagnostics));
        }
    }
    let mut usable = Vec::new();
    for (project, book, result) in &checked {
        match result.usable() {
            Some(agreement) => usable.push((project, book, result, agreement)),
            None => {
                eprintln!("Inga dokument skrevs: rätta felen ovan och kör igen.");
                return ExitCode::from(1);
            }
        }
    }
    let changes = match &options.since {
        None => vec![None; usable.len()],
        Some(previous) => match changes_since(previous, &usable) {
            Ok(changes) => changes,
            Err(code) => return code,
        },
    };
    let engine = match &options.templates {
        None => Engine::new(),
        Some(dir) => match TemplateFiles::from_folder(dir) {
            Ok(files) => Engine::with_templates(files),
            Err(e) => {
                eprintln!("fel: {e}");
                return ExitCode::from(2);
            }
        },
    };

    let mut jobs: Vec<Job> = Vec::new();
    for ((project, _, _, agreement), changes) in usable.iter().zip(&changes) {
        match documents::plan_with(
            agreement,
            &project.output_dir(&options.output),
            options.documents,
            changes.as_ref(),
        ) {
            Ok(planned) => jobs.extend(planned),
            Err(e) => return failed(&e),
        }
    }
    if let Some(dir) = &options.dump_data {
        if let Err(e) = dump(&jobs, &options.output, dir) {
            return failed(&e);
        }
    }
    let progress = Progress::new(jobs.len(), options.quiet);
    let rendered = documents::render_jobs_with(&jobs, &engine, &|| progress.tick());
    progress.finish();
    let mut rendered = match rendered {
        Ok(r) => r,
        Err(e) => return failed(&e),
    };
    // The updated workbooks join the PDFs, so all of them are written together or none is.
    for ((project, book, result, agreement), changes) in usable.iter().zip(&changes) {
        if let (Some(book), true) = (book, agreement.has_initiatives()) {
            let out_dir = project.output_dir(&options.output);
            match documents::render_updated_workbook_with(
                book,
                result,
                &project.path,
                &out_dir,
                changes.as_ref(),
            ) {
                Ok(workbook) => rendered.push(workbook),
                Err(e) => return failed(&e),
            }
        }
    }
    match documents::write_all(rendered) {
        Ok(paths) => {
            if !options.quiet {
                for path in paths {
                    println!("Skrev {}", path.display());
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => failed(&e),
    }
}

type Usable<'a> = (
    &'a Project,
    &'a Option<Workbook>,
    &'a Checked,
    &'a crate::model::Agreement,
);

/// The changes of each project since its version in `previous` (`--sedan`). The earlier version's
/// problems are warnings; it stops the build only when it cannot be read, or when its insatser (or
/// this version's) cannot be told apart.
fn changes_since(previous: &Path, usable: &[Usable]) -> Result<Vec<Option<Changes>>, ExitCode> {
    let mut all = Vec::new();
    for (n, (project, book, checked, _)) in usable.iter().enumerate() {
        let (Some(path), Some(book)) = (changes::previous_path(previous, project, n == 0), book)
        else {
            all.push(None);
            continue;
        };
        let old = match changes::read_previous(&path) {
            Ok(old) => old,
            Err(problems) => {
                eprint!("{}", changes::render_previous_problems(&problems));
                eprintln!("Den förra versionen ({}) kunde inte läsas.", path.display());
                eprintln!("Inga dokument skrevs.");
                return Err(ExitCode::from(1));
            }
        };
        eprint!(
            "{}",
            changes::render_previous_problems(&old.checked.diagnostics)
        );
        match old.changes_to(book, checked) {
            Some(Ok(found)) => all.push(Some(found)),
            Some(Err(errors)) => {
                eprint!("{}", changes::render_errors(&errors));
                eprintln!("Inga dokument skrevs: rätta felen ovan och kör igen.");
                return Err(ExitCode::from(1));
            }
            None => all.push(None),
        }
    }
    Ok(all)
}

fn failed(e: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("fel: {e}");
    eprintln!("Inga dokument skrevs.");
    ExitCode::from(2)
}

/// Each document's data as `<dir>/<same path as the PDF>.json`, plus `<…>.template` naming its
/// template, so the stock typst CLI can render exactly the same document.
fn dump(jobs: &[Job], output: &Path, dir: &Path) -> Result<(), documents::BuildError> {
    for job in jobs {
        let relative = job.path.strip_prefix(output).unwrap_or(&job.path);
        let target = dir.join(relative).with_extension("json");
        write_atomic(&target, &job.data)?;
        write_atomic(&target.with_extension("template"), job.template.as_bytes())?;
    }
    Ok(())
}
