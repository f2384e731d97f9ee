//! Uppdragsbeskrivningar: an assignment with its numbered sections, roles and the groups that carry it.

use super::text::RichText;
use crate::diagnostics::CellRef;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct Mandate {
    pub id: String,
    pub title: String,
    pub reference: Option<String>,
    pub date: Option<NaiveDate>,
    pub decided_by: Option<String>,
    /// Project numbers (`Proj 4170`) whose insatser finance the assignment.
    pub projects: Vec<String>,
    pub sections: Vec<Section>,
    pub roles: Vec<Role>,
    pub groups: Vec<Group>,
    pub id_at: CellRef,
    pub projects_at: CellRef,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub text: RichText,
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
    pub fn group(&self, name: &str) -> Option<&Group> {
        self.groups
            .iter()
            .find(|g| g.name.eq_ignore_ascii_case(name))
    }
}
