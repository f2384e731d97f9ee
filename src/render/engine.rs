//! The embedded Typst compiler: a `World` whose only files are the templates and one document's data.
//!
//! No file system, no network, no packages: a template asking for `/etc/passwd` gets "not found".

use super::fonts;
use super::glyphs::Coverage;
use super::templates::TemplateFiles;
use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::diagnostics::{DiagnosticFormat, DiagnosticWorld, termcolor::NoColor};
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// The fixed name a document's data is served under; templates read it with `json("/data.json")`.
const DATA_FILE: &str = "/data.json";

/// The folder a document's attached files (pictures) are served from. Template folders hold no
/// subfolders, so these names never shadow a region's own files.
const ATTACHMENT_FOLDER: &str = "/bilder";

/// The name attachment `n` (1-based) with extension `ext` is served under: `/bilder/1.png`. Names are
/// reused by every document (file ids are interned for the life of the process, at most 2^16).
pub fn attachment_name(n: usize, ext: &str) -> String {
    format!("{ATTACHMENT_FOLDER}/{n}.{ext}")
}

/// A file served to one document only, under a name from `attachment_name`.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub name: String,
    pub bytes: std::sync::Arc<[u8]>,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("mallen {template} kunde inte sättas:\n{report}")]
    Template { template: String, report: String },
    #[error("PDF-filen för {template} kunde inte skapas:\n{report}")]
    Pdf { template: String, report: String },
    #[error("mallen {0} finns inte")]
    UnknownTemplate(String),
    #[error("dokumentets data kunde inte läsas: {0}")]
    Data(String),
    /// A finished document could not be put on disk (see `files::stage`).
    #[error(transparent)]
    Write(#[from] super::files::WriteError),
}

/// Fonts, library and parsed templates, loaded once and shared by every document of a run.
pub struct Engine {
    library: LazyHash<Library>,
    fonts: FontStore,
    templates: Vec<Source>,
    assets: Vec<(FileId, Bytes)>,
    /// The folder the templates came from, to name it in error messages.
    folder: Option<std::path::PathBuf>,
    data_id: FileId,
    /// A digest of the templates, their assets and the fonts: part of every document's key (see
    /// `record`), so a changed template or font makes its documents again.
    identity: [u8; 32],
}

fn file_id(path: &str) -> FileId {
    // Invariant: called only with the fixed names of this module (`/data.json`), never with input.
    let vpath = VirtualPath::new(path).expect("template paths are fixed, valid names");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl Engine {
    /// The engine with the templates compiled into the binary.
    pub fn new() -> Self {
        Self::with_templates(TemplateFiles::embedded())
    }

    /// The engine with a region's templates (see `templates::TemplateFiles::from_folder`).
    pub fn with_templates(files: TemplateFiles) -> Self {
        let identity = identity(&files);
        let templates = files
            .sources
            .into_iter()
            .filter_map(|(name, text)| {
                // A name Typst cannot address (odd characters) could never be imported anyway.
                let vpath = VirtualPath::new(format!("/{name}")).ok()?;
                Some(Source::new(
                    RootedPath::new(VirtualRoot::Project, vpath).intern(),
                    text,
                ))
            })
            .collect();
        let assets = files
            .assets
            .into_iter()
            .filter_map(|(name, bytes)| {
                let vpath = VirtualPath::new(format!("/{name}")).ok()?;
                Some((
                    RootedPath::new(VirtualRoot::Project, vpath).intern(),
                    Bytes::new(bytes),
                ))
            })
            .collect();
        Engine {
            library: LazyHash::new(Library::builder().build()),
            fonts: fonts::store(),
            templates,
            assets,
            folder: files.folder,
            data_id: file_id(DATA_FILE),
            identity,
        }
    }

    /// What of the engine decides a document's bytes (see `identity`).
    pub fn identity(&self) -> &[u8; 32] {
        &self.identity
    }

    fn template(&self, name: &str) -> Option<&Source> {
        let id = file_id(&format!("/{name}"));
        self.templates.iter().find(|s| s.id() == id)
    }

    /// Compiles `template` with `data` (JSON) and exports a PDF stamped with `date`, so the same input
    /// always gives the same bytes.
    pub fn pdf(
        &self,
        template: &str,
        data: &[u8],
        date: NaiveDate,
        ident: &str,
    ) -> Result<Vec<u8>, RenderError> {
        Ok(self.pdf_and_layout(template, data, &[], date, ident)?.0)
    }

    /// The PDF, serving `attachments` (the document's pictures) beside its data, and the laid-out
    /// document it was exported from, whose pages a viewer can draw (`render::Pages`) without laying
    /// the document out again.
    pub(super) fn pdf_and_layout(
        &self,
        template: &str,
        data: &[u8],
        attachments: &[Attachment],
        date: NaiveDate,
        ident: &str,
    ) -> Result<(Vec<u8>, PagedDocument), RenderError> {
        let (world, document) = self.compile(template, data, attachments, date)?;
        // PDF/A-2a (archival, with the tagged structure "a" requires) and PDF/UA-1 (accessible) in one
        // file: what Swedish public bodies must publish and archive.
        let standards = PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1])
            .expect("PDF/A-2a and PDF/UA-1 can be combined");
        let options = PdfOptions {
            ident: Smart::Custom(ident.to_string()),
            timestamp: world.today.map(Timestamp::new_utc),
            standards,
            ..PdfOptions::default()
        };
        let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| RenderError::Pdf {
            template: template.to_string(),
            report: world.report(&errors),
        })?;
        Ok((pdf, document))
    }

    /// The pages `pdf_and_layout` exports, laid out by the same World from the same data: a page viewer's
    /// images (`render::pages`) show exactly what the PDF holds.
    pub(super) fn compile<'a>(
        &'a self,
        template: &str,
        data: &[u8],
        attachments: &[Attachment],
        date: NaiveDate,
    ) -> Result<(DocumentWorld<'a>, PagedDocument), RenderError> {
        let main = self
            .template(template)
            .ok_or_else(|| RenderError::UnknownTemplate(template.to_string()))?;
        let today = Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8);
        let (data, _replaced) = Coverage::new(self.fonts.book())
            .sanitise(data)
            .map_err(|e| RenderError::Data(e.to_string()))?;
        let attachments = attachments
            .iter()
            .map(|a| {
                let vpath = VirtualPath::new(&a.name)
                    .map_err(|_| RenderError::Data(format!("ogiltigt filnamn {}", a.name)))?;
                let id = RootedPath::new(VirtualRoot::Project, vpath).intern();
                Ok((id, Bytes::new(a.bytes.clone())))
            })
            .collect::<Result<Vec<_>, RenderError>>()?;
        let world = DocumentWorld {
            engine: self,
            main: main.id(),
            data: Bytes::new(data),
            attachments,
            today,
        };
        let compiled = typst::compile::<PagedDocument>(&world);
        let document = compiled.output.map_err(|errors| RenderError::Template {
            template: template.to_string(),
            report: world.report(&errors),
        })?;
        Ok((world, document))
    }
}

/// The templates' names and texts, the assets and the fonts, as one digest. By name, not in the
/// order read: a folder of exported, unchanged templates is the built-in set.
fn identity(files: &TemplateFiles) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    let mut part = |bytes: &[u8]| {
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    let mut sources: Vec<_> = files.sources.iter().collect();
    sources.sort();
    for (name, text) in sources {
        part(name.as_bytes());
        part(text.as_bytes());
    }
    let mut assets: Vec<_> = files.assets.iter().collect();
    assets.sort();
    for (name, bytes) in assets {
        part(name.as_bytes());
        part(bytes);
    }
    part(fonts::digest());
    hasher.finalize().into()
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

pub(super) struct DocumentWorld<'a> {
    engine: &'a Engine,
    main: FileId,
    data: Bytes,
    attachments: Vec<(FileId, Bytes)>,
    today: Option<Datetime>,
}

impl DocumentWorld<'_> {
    /// Typst's diagnostics with the template file, line and a source snippet.
    fn report(&self, diagnostics: &[SourceDiagnostic]) -> String {
        let mut out = NoColor::new(Vec::new());
        if typst_kit::diagnostics::emit(&mut out, self, diagnostics, DiagnosticFormat::Human)
            .is_err()
        {
            return diagnostics
                .iter()
                .map(|d| d.message.to_string())
                .collect::<Vec<_>>()
                .join("\n");
        }
        String::from_utf8_lossy(&out.into_inner()).into_owned()
    }
}

impl World for DocumentWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.engine.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.engine
            .templates
            .iter()
            .find(|s| s.id() == id)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.engine.data_id {
            return Ok(self.data.clone());
        }
        if let Some((_, bytes)) = self.attachments.iter().find(|(a, _)| *a == id) {
            return Ok(bytes.clone());
        }
        if let Some((_, bytes)) = self.engine.assets.iter().find(|(a, _)| *a == id) {
            return Ok(bytes.clone());
        }
        self.source(id).map(Bytes::from_string)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}

impl DiagnosticWorld for DocumentWorld<'_> {
    fn name(&self, id: FileId) -> String {
        let path = id.get().vpath().get_with_slash().to_string();
        match &self.engine.folder {
            Some(folder) => folder
                .join(path.trim_start_matches('/'))
                .display()
                .to_string(),
            None => format!("templates{path}"),
        }
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_with_slash().into())
}
