//! Rendering many documents: each job is a template and the exact data it is set from, run side by
//! side on rayon's pool with Typst's caches evicted between batches and each finished PDF staged on
//! disk at once, so memory stays bounded however many documents there are.

use super::engine::{Attachment, Engine, RenderError};
use super::files::{OutputFile, StagedFile, stage};
use super::pages::LaidOut;
use super::record::{Key, KeyBuilder};
use chrono::NaiveDate;
use serde::Serialize;
use std::path::PathBuf;

/// One document to make. Data is serialised up front so rendering needs nothing but the shared
/// engine and can run on any thread.
#[derive(Clone)]
pub struct Job {
    pub template: &'static str,
    pub data: Vec<u8>,
    /// Files the template reads besides its data: the document's pictures.
    pub attachments: Vec<Attachment>,
    pub date: NaiveDate,
    pub path: PathBuf,
}

impl Job {
    pub fn new<T: Serialize>(
        template: &'static str,
        data: &T,
        date: NaiveDate,
        path: PathBuf,
    ) -> Result<Job, serde_json::Error> {
        Ok(Job {
            template,
            data: serde_json::to_vec(data)?,
            attachments: Vec::new(),
            date,
            path,
        })
    }

    /// The PDF's identifier: from the file name, so it stays the same from build to build.
    fn ident(&self) -> String {
        format!(
            "styrdok/{}/{}",
            self.template,
            self.path.file_name().unwrap_or_default().to_string_lossy()
        )
    }

    /// Everything that decides the PDF's bytes (see `record`): the engine's templates and fonts, the
    /// template, the data, the pictures, the date and the identifier.
    pub fn key(&self, engine: &Engine) -> Key {
        let mut key = KeyBuilder::new("pdf");
        key.part(engine.identity())
            .part(self.template.as_bytes())
            .part(&self.data);
        for a in &self.attachments {
            key.part(a.name.as_bytes()).part(&a.bytes);
        }
        key.part(self.date.to_string().as_bytes())
            .part(self.ident().as_bytes());
        key.finish()
    }

    /// The PDF, and the document laid out as it was exported (for a page viewer: `styrdok serve`).
    pub fn render(&self, engine: &Engine) -> Result<(OutputFile, LaidOut), RenderError> {
        let (bytes, document) = engine.pdf_and_layout(
            self.template,
            &self.data,
            &self.attachments,
            self.date,
            &self.ident(),
        )?;
        let file = OutputFile {
            path: self.path.clone(),
            bytes,
        };
        Ok((file, LaidOut::new(document)))
    }
}

/// Documents per rendering thread between two evictions of Typst's caches: enough to keep both
/// threads busy, few enough that the layouts held meanwhile stay a few dozen megabytes.
const EVICT_EVERY_PER_THREAD: usize = 4;
/// Data this large (a deck or report of thousands of insatser) marks a long document.
const LARGE_DATA: usize = 96 * 1024;

/// Typst lays out a long table with deep recursion: rendering threads get a generous stack
/// (rayon's default of 2 MB overflowed on the 5 800-insats benchmark).
const RENDER_STACK: usize = 256 * 1024 * 1024;

/// Sets up rayon's global pool, on which documents are rendered: `threads` of them (`--jobs`), or one
/// per core. Once per process, before the first render (the pool cannot be rebuilt later); a second
/// call changes nothing.
pub fn init_render_threads(threads: Option<usize>) {
    let mut pool = rayon::ThreadPoolBuilder::new().stack_size(RENDER_STACK);
    if let Some(n) = threads {
        pool = pool.num_threads(n.max(1));
    }
    // Only fails when the pool already exists, which then serves as it is.
    let _ = pool.build_global();
}

/// Renders the jobs in parallel (rayon's pool: `--jobs` sets its size), keeping their order and
/// handing each finished one to `done` as laid out (for a progress bar, or a page viewer that keeps
/// its pages). Each PDF goes to a temporary file beside its target as soon as it is made (see
/// `StagedFile`); `commit` puts them in place. The first failing job in that order is the error, so
/// the same input always reports the same failure; the files staged so far are then removed.
pub fn render_jobs(
    jobs: &[Job],
    engine: &Engine,
    done: &(dyn Fn(&Job, LaidOut) + Sync),
) -> Result<Vec<StagedFile>, RenderError> {
    use rayon::prelude::*;
    // When the process did not set the pool up (a library user, a test), it gets the deep stacks now.
    init_render_threads(None);
    let mut results: Vec<Option<Result<StagedFile, RenderError>>> =
        jobs.iter().map(|_| None).collect();
    // Large documents (by their data) one at a time: one holds 200+ MB of layouts while it is set,
    // so two side by side broke the 400 MB budget with 10 000 insatser, and Typst spreads a long
    // document's pages over the threads itself. Beside them, the small ones, side by side in
    // batches: the cores Typst leaves idle while it sets a long document serve the reports
    // (national: 4.2 → 3.8 s; a rebuild after one changed cell makes the återrapport, the deck and
    // one organisation's report, and the deck no longer waits for the återrapport).
    let (large, mut small): (Vec<usize>, Vec<usize>) =
        (0..jobs.len()).partition(|&i| jobs[i].data.len() >= LARGE_DATA);
    // Longest first (by their data), so no thread starts a long one while the other is finishing.
    small.sort_by_key(|&i| std::cmp::Reverse(jobs[i].data.len()));
    let batch_size = EVICT_EVERY_PER_THREAD * rayon::current_num_threads().max(1);
    let render_one = |i: usize| {
        let result = jobs[i].render(engine).and_then(|(file, laid_out)| {
            let staged = stage(file.path, &file.bytes)?;
            Ok((staged, laid_out))
        });
        let result = result.map(|(staged, laid_out)| {
            done(&jobs[i], laid_out);
            staged
        });
        (i, result)
    };
    let (long, short) = rayon::join(
        || {
            large
                .iter()
                .enumerate()
                .map(|(n, &i)| {
                    let made = render_one(i);
                    // A long document's layouts serve no other document: gone before the next
                    // long one (the återrapport's 200 MB beside a long deck broke 400 MB).
                    if n + 1 < large.len() {
                        typst::comemo::evict(0);
                    }
                    made
                })
                .collect::<Vec<_>>()
        },
        || {
            let mut made = Vec::with_capacity(small.len());
            for batch in small.chunks(batch_size) {
                made.extend(
                    batch
                        .par_iter()
                        .with_max_len(1)
                        .map(|&i| render_one(i))
                        .collect::<Vec<_>>(),
                );
                // Typst's memo caches are process-wide and never shrink on their own, so hundreds
                // of reports would pile up in memory. Evict between batches: an entry used in this
                // batch (template, fonts) survives one more, and a long document being set beside
                // them uses its own entries all the time. Small batches keep the peak flat: 290
                // reports in batches of 48 held ~550 MB of layouts, in batches of 8 a few dozen.
                // (Streaming documents through rayon without batches let a thread waiting inside
                // Typst's own parallel layout start the next document on top: 1.5 GB.)
                typst::comemo::evict(2);
            }
            made
        },
    );
    for (i, result) in long.into_iter().chain(short) {
        results[i] = Some(result);
    }
    // The long documents' layouts serve no other document.
    typst::comemo::evict(0);
    results.into_iter().flatten().collect()
}
