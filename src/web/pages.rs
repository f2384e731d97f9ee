//! Page images of the documents, made when a page asks for them: the document's job (planned again
//! from the input, as the build planned it) is laid out by the engine and its pages drawn with
//! typst-render (`render::Pages`). The job's key must be the one the build record holds for the PDF
//! on disk, so an image is always of the file the page offers (a workbook saved since is rebuilt
//! first). Images are cached by that key (their content), so a rebuild that kept a document keeps
//! its images.

use super::live::{Document, Shared};
use crate::documents::Options;
use crate::pipeline::{self, FileKind};
use crate::render::record::{self, Key, Record};
use crate::render::{Engine, Job, Pages};
use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

/// How large a page is drawn, in pixels per point: a thumbnail in the list (an A4 page 119 px wide),
/// and a page in the viewer (A4: 893 px, sharp on a laptop at 100–150 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Size {
    Thumbnail,
    Page,
}

impl Size {
    fn pixels_per_pt(self) -> f64 {
        match self {
            Size::Thumbnail => 0.2,
            Size::Page => 1.5,
        }
    }
}

/// Images kept at most (bytes); the oldest go first.
const CACHE_BYTES: usize = 96 * 1024 * 1024;

/// Why a page image cannot be shown.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("dokumentet finns inte eller är ingen PDF")]
    NotFound,
    #[error("dokumentet har ändrats sedan det byggdes; sidan uppdateras när bygget är klart")]
    Stale,
    #[error(transparent)]
    Render(#[from] crate::render::RenderError),
    #[error(transparent)]
    Image(#[from] crate::render::PageImageError),
}

/// What the build planned and what has been drawn, shared by every request.
pub struct Previews {
    input: PathBuf,
    output: PathBuf,
    options: Options,
    /// Made at the first preview: its fonts and templates take a moment to load.
    engine: OnceLock<Engine>,
    /// The jobs of the last plan, by the snapshot generation they were planned at.
    plan: Mutex<Option<(u64, Arc<Vec<Job>>)>>,
    /// The last document laid out (its key), for its further pages.
    laid_out: Mutex<Option<(Key, Arc<Pages>)>>,
    images: Mutex<Images>,
}

#[derive(Default)]
struct Images {
    by_key: HashMap<(Key, usize, Size), Arc<Vec<u8>>>,
    order: VecDeque<(Key, usize, Size)>,
    bytes: usize,
}

impl Images {
    fn insert(&mut self, key: (Key, usize, Size), png: Arc<Vec<u8>>) {
        self.bytes += png.len();
        if self.by_key.insert(key, png).is_none() {
            self.order.push_back(key);
        }
        while self.bytes > CACHE_BYTES {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some(gone) = self.by_key.remove(&oldest) {
                self.bytes -= gone.len();
            }
        }
    }
}

impl Previews {
    pub fn new(input: PathBuf, output: PathBuf, options: Options) -> Previews {
        Previews {
            input,
            output,
            options,
            engine: OnceLock::new(),
            plan: Mutex::new(None),
            laid_out: Mutex::new(None),
            images: Mutex::new(Images::default()),
        }
    }

    fn engine(&self) -> &Engine {
        self.engine.get_or_init(Engine::new)
    }

    /// The job of `document`, and its key when the PDF on disk was made from it.
    fn job(&self, shared: &Shared, document: &Document) -> Result<(Job, Key), PageError> {
        if !matches!(document.kind, FileKind::Document(_)) {
            return Err(PageError::NotFound);
        }
        let generation = shared.snapshot().generation;
        let jobs = {
            let mut plan = self.plan.lock().unwrap_or_else(|e| e.into_inner());
            match &*plan {
                Some((at, jobs)) if *at == generation => jobs.clone(),
                _ => {
                    let projects = pipeline::check_projects(&self.input);
                    let planned: Vec<Job> =
                        pipeline::plan(&projects, &self.output, self.options, &[])
                            .map(|planned| planned.into_iter().map(|(_, job)| job).collect())
                            .unwrap_or_default();
                    let jobs = Arc::new(planned);
                    *plan = Some((generation, jobs.clone()));
                    jobs
                }
            }
        };
        let job = jobs
            .iter()
            .find(|job| job.path == document.path)
            .cloned()
            .ok_or(PageError::Stale)?;
        let key = job.key(self.engine());
        let product = record::relative(&self.output, &job.path);
        Record::read(&self.output)
            .kept(&self.output, &product, &key)
            .ok_or(PageError::Stale)?;
        Ok((job, key))
    }

    /// The document laid out, from the last one laid out when it is the same.
    fn lay_out(&self, job: &Job, key: &Key) -> Result<Arc<Pages>, PageError> {
        let mut laid_out = self.laid_out.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((held, pages)) = &*laid_out
            && held == key
        {
            return Ok(pages.clone());
        }
        let pages = Arc::new(Pages::of(job, self.engine())?);
        *laid_out = Some((*key, pages.clone()));
        Ok(pages)
    }

    /// How many pages `document` has.
    pub fn count(&self, shared: &Shared, document: &Document) -> Result<usize, PageError> {
        let (job, key) = self.job(shared, document)?;
        Ok(self.lay_out(&job, &key)?.count())
    }

    /// Page `index` (0-based) of `document` as a PNG.
    pub fn png(
        &self,
        shared: &Shared,
        document: &Document,
        index: usize,
        size: Size,
    ) -> Result<Arc<Vec<u8>>, PageError> {
        let (job, key) = self.job(shared, document)?;
        let wanted = (key, index, size);
        if let Some(png) = self
            .images
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .by_key
            .get(&wanted)
        {
            return Ok(png.clone());
        }
        let pages = self.lay_out(&job, &wanted.0)?;
        let png = Arc::new(
            pages
                .png(index, size.pixels_per_pt())
                .ok_or(PageError::NotFound)??,
        );
        self.images
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(wanted, png.clone());
        Ok(png)
    }
}
