//! Uppdragsbeskrivningar: one A4 document per uppdrag → the data `templates/mandate.typ` renders.
//!
//! The roles, the groups with their organisation picture and the financing table are placed inside
//! the section the coordinator wrote for them (found by its heading), so the numbering stays theirs;
//! only when no such section exists are they added as sections of their own at the end.

use super::org_chart::{self, OrgChart};
use crate::model::text::RichText;
use crate::model::{Agreement, Amount, Mandate, Principal};
use crate::render::{Attachment, attachment_name};
use serde::Serialize;

pub(crate) const TEMPLATE: &str = "mandate.typ";

#[derive(Debug, Serialize)]
pub struct MandateDoc {
    pub organisation: String,
    pub id: String,
    pub title: String,
    pub reference: Option<String>,
    pub date: Option<String>,
    pub decided_by: Option<String>,
    /// `Uppdragsbeskrivning`, `Handlingsplan` …: the word of the title block and running header.
    pub document_type: String,
    pub is_mandate: bool,
    /// A table of contents (levels 1–2) for documents with sub-chapters.
    pub contents: bool,
    pub sections: Vec<SectionData>,
}

#[derive(Debug, Serialize, Default)]
pub struct SectionData {
    pub heading: String,
    /// 1, 2 or 3: numbered 6., 6.1, 6.1.1.
    pub level: u8,
    pub text: RichText,
    /// Pictures from sheet Bilder, at the end of the section.
    pub figures: Vec<FigureData>,
    pub roles: Option<Vec<RoleData>>,
    pub groups: Option<Vec<GroupData>>,
    pub chart: Option<OrgChart>,
    pub financing: Option<Financing>,
}

#[derive(Debug, Serialize)]
pub struct FigureData {
    /// The name the picture is served under (see `attachments`), never a path on disk.
    pub file: String,
    pub caption: Option<String>,
    pub alt: String,
}

#[derive(Debug, Serialize)]
pub struct RoleData {
    pub role: String,
    pub description: RichText,
}

#[derive(Debug, Serialize)]
pub struct GroupData {
    pub name: String,
    pub principal: Option<Principal>,
    pub participants: String,
    pub purpose: RichText,
    pub mandate: RichText,
    pub frequency: String,
    pub convener: String,
    pub reports_to: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Financing {
    pub projects: Vec<String>,
    pub rows: Vec<FinancingRow>,
    pub total: Amount,
}

#[derive(Debug, Serialize)]
pub struct FinancingRow {
    pub area: String,
    pub name: String,
    pub recipient: String,
    pub project: String,
    pub amount: Amount,
}

/// Which section hosts what, by words a heading for it would contain.
const ORGANISATION_WORDS: &[&str] = &["organis", "roller", "ansvar", "styrning"];
const FINANCING_WORDS: &[&str] = &["finansiering", "budget", "ekonomi", "medel"];

pub fn build(agreement: &Agreement, mandate: &Mandate) -> MandateDoc {
    let mut sections = written_sections(mandate);
    let roles = roles(mandate);
    let groups = groups(mandate);
    if roles.is_some() || groups.is_some() {
        let i = host(&mut sections, ORGANISATION_WORDS, "Organisation och roller");
        sections[i].chart = org_chart::layout(mandate);
        sections[i].groups = groups;
        sections[i].roles = roles;
    }
    if let Some(financing) = financing(agreement, mandate) {
        let i = host(&mut sections, FINANCING_WORDS, "Finansiering");
        sections[i].financing = Some(financing);
    }
    MandateDoc {
        organisation: agreement.info.organisation.clone(),
        id: mandate.id.clone(),
        title: mandate.title.clone(),
        reference: mandate.reference.clone(),
        date: mandate.date.map(|d| d.format("%Y-%m-%d").to_string()),
        decided_by: mandate.decided_by.clone(),
        document_type: mandate.document_type.clone(),
        is_mandate: mandate.is_mandate(),
        contents: sections.iter().any(|s| s.level > 1),
        sections,
    }
}

/// The sections as the coordinator wrote them, each with its pictures from sheet Bilder.
fn written_sections(mandate: &Mandate) -> Vec<SectionData> {
    let mut sections: Vec<SectionData> = mandate
        .sections
        .iter()
        .map(|s| SectionData {
            heading: s.heading.clone(),
            level: s.level,
            text: s.text.clone(),
            ..Default::default()
        })
        .collect();
    for (n, picture) in mandate.pictures.iter().enumerate() {
        let Some(image) = &picture.image else {
            continue;
        };
        if let Some(section) = sections.get_mut(picture.section) {
            section.figures.push(FigureData {
                file: attachment_name(n + 1, image.kind.extension()),
                caption: (!picture.caption.is_empty()).then(|| picture.caption.clone()),
                alt: picture.alt.clone(),
            });
        }
    }
    sections
}

/// The section whose heading has one of `words` (in order of preference: "Uppdragsorganisation"
/// beats "Uppdrag och ansvar"); without one, a new chapter `heading` at the end.
fn host(sections: &mut Vec<SectionData>, words: &[&str], heading: &str) -> usize {
    let found = words.iter().find_map(|w| {
        sections
            .iter()
            .position(|s| s.heading.to_lowercase().contains(w))
    });
    found.unwrap_or_else(|| {
        sections.push(SectionData {
            heading: heading.into(),
            level: 1,
            ..Default::default()
        });
        sections.len() - 1
    })
}

fn roles(mandate: &Mandate) -> Option<Vec<RoleData>> {
    (!mandate.roles.is_empty()).then(|| {
        mandate
            .roles
            .iter()
            .map(|r| RoleData {
                role: r.role.clone(),
                description: r.description.clone(),
            })
            .collect()
    })
}

fn groups(mandate: &Mandate) -> Option<Vec<GroupData>> {
    (!mandate.groups.is_empty()).then(|| {
        mandate
            .groups
            .iter()
            .map(|g| GroupData {
                name: g.name.clone(),
                principal: g.principal,
                participants: g.participants.clone(),
                purpose: g.purpose.clone(),
                mandate: g.mandate.clone(),
                frequency: g.frequency.clone(),
                convener: g.convener.clone(),
                reports_to: g.reports_to.clone(),
            })
            .collect()
    })
}

/// The insatser that finance the uppdrag through its project numbers; `None` when it names none.
fn financing(agreement: &Agreement, mandate: &Mandate) -> Option<Financing> {
    if mandate.funding_projects.is_empty() {
        return None;
    }
    let rows: Vec<FinancingRow> = agreement
        .financing(mandate)
        .into_iter()
        .map(|i| FinancingRow {
            area: i.area.clone(),
            name: i.name.clone(),
            recipient: i.recipient.clone(),
            project: i.funding_project.clone(),
            amount: i.amount,
        })
        .collect();
    Some(Financing {
        projects: mandate.funding_projects.clone(),
        total: rows.iter().map(|r| r.amount).sum(),
        rows,
    })
}

/// The mandate's pictures as files for the renderer, named as `build` refers to them.
pub fn attachments(mandate: &Mandate) -> Vec<Attachment> {
    mandate
        .pictures
        .iter()
        .enumerate()
        .filter_map(|(n, picture)| {
            let image = picture.image.as_ref()?;
            Some(Attachment {
                name: attachment_name(n + 1, image.kind.extension()),
                bytes: image.bytes.clone(),
            })
        })
        .collect()
}
