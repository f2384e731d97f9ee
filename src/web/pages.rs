//! Page images of the documents, drawn with typst-render from the laid-out document the build
//! exported the PDF from (`pipeline::Progress::Rendered` hands it over): no second compile and no
//! PDF read back. A document the build kept from an earlier run (it was not laid out in this one),
//! or one whose layout was let go to bound memory, is laid out once more when a page asks for it,
//! from the job the build would plan, and only if that job's key is the one the build record holds
//! for the file on disk. Images are cached by that key (their content), so a rebuild that kept a
//! document keeps its images.

use super::live::Document;
use crate::documents::Options;
use crate::pipeline::{self, FileKind};
use crate::render::record::{self, Record};
use crate::render::{Engine, Job, Pages};
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
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
/// Laid-out pages kept at most, over all documents (the national example's 290 reports, deck and
/// report are ~700): the oldest documents go first and are laid out again if asked for.
const HELD_PAGES: usize = 2_000;

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

/// A document's product name in the build record (its path in the output folder) and the key
/// (hex) of the file on disk.
type Product = String;
type KeyHex = String;

/// What the builds laid out and what has been drawn, shared by every request.
pub struct Previews {
    input: PathBuf,
    output: PathBuf,
    options: Options,
    /// Made at the first document laid out again: its fonts and templates take a moment to load.
    engine: OnceLock<Engine>,
    /// The key of each file of the last written build, from its record.
    keys: Mutex<HashMap<Product, KeyHex>>,
    /// Pages laid out while the build running now renders, until it is written (or fails).
    pending: Mutex<Vec<(PathBuf, Pages)>>,
    /// The jobs the input plans now, for documents laid out again: planned once (reading the
    /// workbooks) for all the pages asked for until the next build ends.
    plan: Mutex<Option<Arc<Vec<Job>>>>,
    /// The last meeting's workbook the last written build showed the changes since (`--sedan`):
    /// a document laid out again is planned with it, as that build planned it.
    since: Mutex<Option<PathBuf>>,
    held: Mutex<Held>,
    images: Mutex<Images>,
}

/// Laid-out documents by product, with the key they were laid out from.
#[derive(Default)]
struct Held {
    by_product: HashMap<Product, (KeyHex, Arc<Pages>)>,
    order: VecDeque<Product>,
    pages: usize,
}

impl Held {
    fn get(&self, product: &str, key: &str) -> Option<Arc<Pages>> {
        self.by_product
            .get(product)
            .filter(|(held, _)| held == key)
            .map(|(_, pages)| pages.clone())
    }

    fn insert(&mut self, product: Product, key: KeyHex, pages: Arc<Pages>) {
        self.pages += pages.count();
        if let Some((_, gone)) = self.by_product.insert(product.clone(), (key, pages)) {
            self.pages -= gone.count();
            self.order.retain(|p| *p != product);
        }
        self.order.push_back(product);
        while self.pages > HELD_PAGES {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some((_, gone)) = self.by_product.remove(&oldest) {
                self.pages -= gone.count();
            }
        }
    }

    /// Lets go of what no file on disk is now (a document rebuilt differently, or gone).
    fn keep_only(&mut self, keys: &HashMap<Product, KeyHex>) {
        let stale: Vec<Product> = self
            .by_product
            .iter()
            .filter(|(product, (key, _))| keys.get(*product) != Some(key))
            .map(|(product, _)| product.clone())
            .collect();
        for product in stale {
            if let Some((_, gone)) = self.by_product.remove(&product) {
                self.pages -= gone.count();
            }
            self.order.retain(|p| *p != product);
        }
    }
}

#[derive(Default)]
struct Images {
    by_key: HashMap<(KeyHex, usize, Size), Arc<Vec<u8>>>,
    order: VecDeque<(KeyHex, usize, Size)>,
    bytes: usize,
}

impl Images {
    fn insert(&mut self, key: (KeyHex, usize, Size), png: Arc<Vec<u8>>) {
        self.bytes += png.len();
        if self.by_key.insert(key.clone(), png).is_none() {
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
            keys: Mutex::new(HashMap::new()),
            pending: Mutex::new(Vec::new()),
            plan: Mutex::new(None),
            since: Mutex::new(None),
            held: Mutex::new(Held::default()),
            images: Mutex::new(Images::default()),
        }
    }

    fn engine(&self) -> &Engine {
        self.engine.get_or_init(Engine::new)
    }

    /// A document the running build has laid out (from any rendering thread).
    pub fn laid_out(&self, path: &std::path::Path, pages: Pages) {
        self.pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((path.to_path_buf(), pages));
    }

    /// The build was written with `record`, showing the changes since `since`: its laid-out
    /// documents are those on disk now.
    pub fn written(
        &self,
        record: &Record,
        files: impl IntoIterator<Item = PathBuf>,
        since: Option<&Path>,
    ) {
        let keys: HashMap<Product, KeyHex> = files
            .into_iter()
            .filter_map(|path| {
                let product = record::relative(&self.output, &path);
                let key = record.key(&product)?.to_string();
                Some((product, key))
            })
            .collect();
        let pending = std::mem::take(&mut *self.pending.lock().unwrap_or_else(|e| e.into_inner()));
        let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        held.keep_only(&keys);
        for (path, pages) in pending {
            let product = record::relative(&self.output, &path);
            if let Some(key) = keys.get(&product) {
                held.insert(product, key.clone(), Arc::new(pages));
            }
        }
        *self.keys.lock().unwrap_or_else(|e| e.into_inner()) = keys;
        *self.since.lock().unwrap_or_else(|e| e.into_inner()) = since.map(Path::to_path_buf);
        self.forget_plan();
    }

    /// The build wrote nothing: what it laid out is of no file.
    pub fn not_written(&self) {
        self.pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        self.forget_plan();
    }

    /// A build has ended: the input may have been saved since the jobs were planned.
    fn forget_plan(&self) {
        self.plan.lock().unwrap_or_else(|e| e.into_inner()).take();
    }

    /// `document`'s product and the key of its file on disk.
    fn key(&self, document: &Document) -> Result<(Product, KeyHex), PageError> {
        if !matches!(document.kind, FileKind::Document(_)) {
            return Err(PageError::NotFound);
        }
        let product = record::relative(&self.output, &document.path);
        let key = self
            .keys
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&product)
            .cloned()
            .ok_or(PageError::Stale)?;
        Ok((product, key))
    }

    /// The document laid out: as the build laid it out, else once more from its job.
    fn pages(
        &self,
        document: &Document,
        product: &str,
        key: &str,
    ) -> Result<Arc<Pages>, PageError> {
        if let Some(pages) = self
            .held
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(product, key)
        {
            return Ok(pages);
        }
        let job = self.job(document)?;
        if job.key(self.engine()).hex() != key {
            return Err(PageError::Stale);
        }
        let pages = Arc::new(Pages::of(&job, self.engine())?);
        self.held.lock().unwrap_or_else(|e| e.into_inner()).insert(
            product.to_string(),
            key.to_string(),
            pages.clone(),
        );
        Ok(pages)
    }

    /// `document`'s job, planned from the input as the build plans it (the workbook may have been
    /// saved since: then its key differs, and the page waits for the build).
    fn job(&self, document: &Document) -> Result<Job, PageError> {
        let jobs = {
            let mut plan = self.plan.lock().unwrap_or_else(|e| e.into_inner());
            match &*plan {
                Some(jobs) => jobs.clone(),
                None => {
                    let projects = pipeline::check_projects(&self.input);
                    let since = self.since.lock().unwrap_or_else(|e| e.into_inner()).clone();
                    // The workbook compared with may be gone («Sluta jämföra»): then the next
                    // build, without it, is what the page waits for.
                    let changes = match since {
                        None => Vec::new(),
                        Some(previous) => {
                            pipeline::changes_since(&previous, &projects)
                                .map_err(|_| PageError::Stale)?
                                .0
                        }
                    };
                    let planned = pipeline::plan(&projects, &self.output, self.options, &changes)
                        .map_err(|_| PageError::Stale)?;
                    let jobs = Arc::new(planned.into_iter().map(|(_, job)| job).collect());
                    *plan = Some(Arc::clone(&jobs));
                    jobs
                }
            }
        };
        jobs.iter()
            .find(|job| job.path == document.path)
            .cloned()
            .ok_or(PageError::Stale)
    }

    /// How many pages `document` has.
    pub fn count(&self, document: &Document) -> Result<usize, PageError> {
        let (product, key) = self.key(document)?;
        Ok(self.pages(document, &product, &key)?.count())
    }

    /// Page `index` (0-based) of `document` as a PNG.
    pub fn png(
        &self,
        document: &Document,
        index: usize,
        size: Size,
    ) -> Result<Arc<Vec<u8>>, PageError> {
        let (product, key) = self.key(document)?;
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
        let pages = self.pages(document, &product, &wanted.0)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::DocumentKind;
    use crate::pipeline::{BuildRequest, build};

    /// A document a build with `--sedan` made, whose layout the page no longer holds (let go under
    /// the page budget, or kept on disk from that build), is laid out again as that build planned
    /// it: with the changes, so its key is the record's and its pages show.
    #[test]
    fn a_document_built_with_the_changes_is_laid_out_again_with_them() {
        let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
        let since = input.join("ok2025-dalarna.xlsx");
        let out = tempfile::tempdir().unwrap();
        let request = BuildRequest {
            input: input.clone(),
            output: out.path().to_path_buf(),
            since: Some(since.clone()),
            ..BuildRequest::default()
        };
        let mut record = None;
        let built = build(&request, &|_| {}, &mut record);
        let written = built.written.expect("written").expect("the example builds");
        let record = record.expect("a build record");
        let previews = Previews::new(input.clone(), out.path().to_path_buf(), request.documents);
        previews.written(
            &record,
            written.written.iter().map(|file| file.path.clone()),
            Some(&since),
        );
        let deck = Document {
            id: "statusbilder".into(),
            path: out.path().join("statusbilder-2025.pdf"),
            name: "statusbilder-2025.pdf".into(),
            kind: FileKind::Document(DocumentKind::Deck),
            bytes: 0,
            version: String::new(),
        };

        // Planned without the changes, the deck is another document.
        let (_, key) = previews.key(&deck).expect("the deck is in the record");
        let projects = pipeline::check_projects(&input);
        let plain = pipeline::plan(&projects, out.path(), request.documents, &[]).unwrap();
        let (_, plain_deck) = plain.iter().find(|(_, job)| job.path == deck.path).unwrap();
        assert_ne!(plain_deck.key(previews.engine()).hex(), key);

        let pages = previews.count(&deck).expect("the deck is laid out again");
        assert!(pages > 1, "{pages} pages");
    }
}
