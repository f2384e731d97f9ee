//! Uppdragsbeskrivningar: an assignment with its numbered sections, roles and the groups that carry it.
//! The same sheets also make other narrative documents (a handlingsplan, a verksamhetsberättelse):
//! the Dokumenttyp column names them.

use super::text::RichText;
use crate::diagnostics::CellRef;
use chrono::NaiveDate;
use std::sync::Arc;

/// The document type when the Dokumenttyp column is absent or empty.
pub const DEFAULT_DOCUMENT_TYPE: &str = "Uppdragsbeskrivning";

/// Deepest section level: 6., 6.1, 6.1.1.
pub(crate) const MAX_LEVEL: u8 = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct Mandate {
    pub id: String,
    pub title: String,
    pub reference: Option<String>,
    pub date: Option<NaiveDate>,
    pub decided_by: Option<String>,
    /// Project numbers (`Proj 4170`) whose insatser finance the assignment.
    pub funding_projects: Vec<String>,
    pub sections: Vec<Section>,
    pub roles: Vec<Role>,
    pub groups: Vec<Group>,
    /// What the document is (`Uppdragsbeskrivning`, `Handlingsplan`, any text), as the user wrote it.
    pub document_type: String,
    pub pictures: Vec<Picture>,
    pub id_at: CellRef,
    pub funding_projects_at: CellRef,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub text: RichText,
    /// 1 for a chapter (6.), 2 for a sub-chapter (6.1), 3 below that (6.1.1).
    pub level: u8,
}

/// A picture from sheet Bilder, placed at the end of its section.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// Index into the mandate's sections.
    pub section: usize,
    /// The path as written, relative to the workbook's folder.
    pub file: String,
    pub caption: String,
    pub alt: String,
    pub file_at: CellRef,
    /// The file's contents, read and verified by the checks; `None` until then (or when unreadable).
    pub image: Option<ImageFile>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
    Svg,
}

impl ImageKind {
    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpg",
            ImageKind::Svg => "svg",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImageFile {
    pub kind: ImageKind,
    pub bytes: Arc<[u8]>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub role: String,
    pub description: RichText,
}

/// Who runs a group: the colours of the organisation picture (red region, yellow kommun, green joint).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Principal {
    #[serde(rename = "Region")]
    Region,
    #[serde(rename = "Kommun")]
    Municipality,
    #[serde(rename = "Gemensam")]
    Joint,
}

impl Principal {
    pub fn parse(text: &str) -> Option<Principal> {
        match text.trim().to_lowercase().as_str() {
            "region" | "regionen" => Some(Principal::Region),
            "kommun" | "kommunerna" | "kommuner" | "kommunalförbund" => {
                Some(Principal::Municipality)
            }
            "gemensam" | "gemensamt" | "rss" | "region och kommun" | "region och kommuner" => {
                Some(Principal::Joint)
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub name: String,
    pub participants: String,
    pub purpose: RichText,
    pub mandate: RichText,
    pub frequency: String,
    pub convener: String,
    pub reports_to: Option<String>,
    pub principal: Option<Principal>,
    pub name_at: CellRef,
    pub reports_to_at: CellRef,
}

impl Mandate {
    /// Uppdragsbeskrivningar go to `uppdrag/`, every other document type to `dokument/`.
    pub fn is_mandate(&self) -> bool {
        crate::workbook::same_name(&self.document_type, DEFAULT_DOCUMENT_TYPE)
    }

    pub fn group(&self, name: &str) -> Option<&Group> {
        self.groups
            .iter()
            .find(|g| g.name.eq_ignore_ascii_case(name))
    }
}
