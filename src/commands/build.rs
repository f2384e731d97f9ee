//! `styrdok build`: check every project, plan and render every document, then write them all. Nothing
//! is written until everything has been made, so errors anywhere leave the previous output as it was.

use super::progress::Progress;
use super::{CommandError, Outcome};
use crate::diagnostics::render as render_diagnostics;
use crate::documents::Options;
use crate::pipeline;
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
}

pub fn run(options: &BuildOptions) -> Result<Outcome, CommandError> {
    // Typst lays out a long table with deep recursion: rendering threads get a generous stack
    // (rayon's default of 2 MB overflowed on the 5 800-insats benchmark).
    let mut pool = rayon::ThreadPoolBuilder::new().stack_size(RENDER_STACK);
    if let Some(n) = options.jobs {
        pool = pool.num_threads(n.max(1));
    }
    // Only fails when the pool already exists, which a single build never causes.
    let _ = pool.build_global();
    let projects = pipeline::check_projects(&options.input);
    for p in &projects {
        if !p.checked.diagnostics.is_empty() {
            if projects.len() > 1 {
                eprintln!("== {} ==", p.project.path.display());
            }
            eprint!("{}", render_diagnostics(&p.checked.diagnostics));
        }
    }
    if projects.iter().any(|p| p.usable().is_none()) {
        eprintln!("Inga dokument skrevs: rätta felen ovan och kör igen.");
        return Ok(Outcome::InputErrors);
    }
    let engine = match &options.templates {
        None => Engine::new(),
        Some(dir) => Engine::with_templates(TemplateFiles::from_folder(dir)?),
    };

    let jobs = pipeline::plan(&projects, &options.output, options.documents)
        .map_err(CommandError::output)?;
    if let Some(dir) = &options.dump_data {
        dump(&jobs, &options.output, dir).map_err(CommandError::output)?;
    }
    let progress = Progress::new(jobs.len(), options.quiet);
    let rendered = pipeline::render(&jobs, &engine, &|| progress.tick());
    progress.finish();
    let staged = rendered.map_err(CommandError::output)?;
    // The updated workbooks join the PDFs, so all of them are written together or none is.
    let workbooks =
        pipeline::updated_workbooks(&projects, &options.output).map_err(CommandError::output)?;
    let written = pipeline::commit(staged, workbooks).map_err(CommandError::output)?;
    if !options.quiet {
        for path in written {
            println!("Skrev {}", path.display());
        }
    }
    Ok(Outcome::Done)
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
