//! Page images of a document, for a page viewer (`styrdok serve`): its job laid out by the same engine
//! as its PDF (`Engine::compile`) and each page drawn with typst-render, so no PDF is read back and
//! no second renderer (poppler) is needed.

use super::engine::{Engine, RenderError};
use super::jobs::Job;
use typst::utils::Scalar;
use typst_layout::PagedDocument;

/// The laid-out pages of one document.
pub struct Pages(PagedDocument);

#[derive(Debug, thiserror::Error)]
#[error("sidbilden kunde inte göras: {0}")]
pub struct PageImageError(String);

impl std::fmt::Debug for Pages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pages({})", self.count())
    }
}

impl From<PagedDocument> for Pages {
    fn from(document: PagedDocument) -> Pages {
        Pages(document)
    }
}

impl Pages {
    /// Lays out `job` as `Job::render` does before it exports the PDF.
    pub fn of(job: &Job, engine: &Engine) -> Result<Pages, RenderError> {
        let (_, document) = engine.compile(job.template, &job.data, &job.attachments, job.date)?;
        Ok(Pages(document))
    }

    pub fn count(&self) -> usize {
        self.0.pages().len()
    }

    /// Page `index` (0-based) as a PNG, `pixels_per_pt` pixels to a typographic point (1 pt = 1/72
    /// inch); `None` past the last page.
    pub fn png(&self, index: usize, pixels_per_pt: f64) -> Option<Result<Vec<u8>, PageImageError>> {
        let page = self.0.pages().get(index)?;
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
