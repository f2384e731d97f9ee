//! Page images of a document, for a page viewer (`styrdok serve`): its job laid out by the same engine
//! as its PDF (`Engine::compile`) and each page drawn with typst-render, so no PDF is read back and
//! no second renderer (poppler) is needed.

use super::engine::{Engine, RenderError};
use super::jobs::Job;
use typst::layout::{Frame, FrameItem};
use typst::utils::Scalar;
use typst_layout::{Page, PagedDocument};

/// The laid-out pages of one document: only the pages, so a viewer holding many documents does not
/// also hold what the PDF export needed of each (its introspector).
pub struct Pages(Vec<Page>);

#[derive(Debug, thiserror::Error)]
#[error("sidbilden kunde inte göras: {0}")]
pub struct PageImageError(String);

impl std::fmt::Debug for Pages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pages({})", self.count())
    }
}

/// A document as the build laid it out before exporting its PDF. Kept only by those who want its
/// pictures (`pages`); a command-line build drops it as it is.
pub struct LaidOut(PagedDocument);

impl std::fmt::Debug for LaidOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LaidOut({})", self.0.pages().len())
    }
}

impl LaidOut {
    pub(super) fn new(document: PagedDocument) -> LaidOut {
        LaidOut(document)
    }

    /// Its pages, to draw.
    pub fn pages(self) -> Pages {
        Pages::from(self.0)
    }
}

impl From<PagedDocument> for Pages {
    fn from(document: PagedDocument) -> Pages {
        let pages = document
            .pages()
            .iter()
            .cloned()
            .map(|mut page| {
                only_what_is_drawn(&mut page.frame);
                page
            })
            .collect();
        Pages(pages)
    }
}

/// Drops the frame's introspection tags (each holds its element's content, which the PDF's tag tree
/// needed and a picture does not) and links: a national build's 290 laid-out reports held this way
/// took ~1 MB each.
fn only_what_is_drawn(frame: &mut Frame) {
    frame.retain(|item| match item {
        FrameItem::Tag(_) | FrameItem::Link(..) => false,
        FrameItem::Group(group) => {
            only_what_is_drawn(&mut group.frame);
            true
        }
        _ => true,
    });
}

impl Pages {
    /// Lays out `job` as `Job::render` does before it exports the PDF.
    pub fn of(job: &Job, engine: &Engine) -> Result<Pages, RenderError> {
        let (_, document) = engine.compile(job.template, &job.data, &job.attachments, job.date)?;
        Ok(Pages::from(document))
    }

    pub fn count(&self) -> usize {
        self.0.len()
    }

    /// Page `index` (0-based) as a PNG, `pixels_per_pt` pixels to a typographic point (1 pt = 1/72
    /// inch); `None` past the last page.
    pub fn png(&self, index: usize, pixels_per_pt: f64) -> Option<Result<Vec<u8>, PageImageError>> {
        let page = self.0.get(index)?;
        let options = typst_render::RenderOptions {
            pixel_per_pt: Scalar::new(pixels_per_pt),
            render_bleed: false,
        };
        let pixmap = typst_render::render(page, &options);
        Some(
            pixmap
                .encode_png()
                .map_err(|e| PageImageError(e.to_string())),
        )
    }
}
