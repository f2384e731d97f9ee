//! Building the uppdragsbeskrivningar from sheets Uppdrag, Avsnitt, Roller and Grupper.

use super::load::{optional_rich, required_text};
use super::mandate::{Group, Mandate, Principal, Role, Section};
use crate::checks::{Diagnostic, Problem};
use crate::workbook::values::parse_date;
use crate::workbook::{Column, Table, Workbook};

pub const MANDATES_SHEET: &str = "Uppdrag";
pub const SECTIONS_SHEET: &str = "Avsnitt";
pub const ROLES_SHEET: &str = "Roller";
pub const GROUPS_SHEET: &str = "Grupper";

pub const MANDATE_COLUMNS: &[Column] = &[
    Column::required("Id"),
    Column::required("Titel"),
    Column::optional("Diarienummer"),
    Column::optional("Datum"),
    Column::optional("Beslutad av"),
    Column::optional("Projekt"),
];
pub const SECTION_COLUMNS: &[Column] = &[
    Column::required("Uppdrag"),
    Column::required("Rubrik"),
    Column::required("Text"),
];
pub const ROLE_COLUMNS: &[Column] = &[
    Column::required("Uppdrag"),
    Column::required("Roll"),
    Column::required("Beskrivning"),
];
pub const GROUP_COLUMNS: &[Column] = &[
    Column::required("Uppdrag"),
    Column::required("Grupp"),
    Column::optional("Deltagare"),
    Column::optional("Syfte"),
    Column::optional("Mandat"),
    Column::optional("Mötesfrekvens"),
    Column::optional("Sammankallande"),
    Column::optional("Rapporterar till"),
    Column::optional("Huvudman"),
];

/// Whether the input has assignments at all; then the agreement sheets become optional.
pub fn has_mandates(book: &Workbook) -> bool {
    !book.sheets_named(MANDATES_SHEET).is_empty()
}

pub fn load_mandates(book: &Workbook, out: &mut Vec<Diagnostic>) -> Vec<Mandate> {
    let Some(table) = Table::find(book, MANDATES_SHEET, MANDATE_COLUMNS, false, out) else {
        return Vec::new();
    };
    let mut mandates: Vec<Mandate> = Vec::new();
    for row in table.rows() {
        let (_, id_at) = row.cell("Id");
        let id = required_text(&row, "Id", out);
        let title = required_text(&row, "Titel", out);
        let (date_value, date_at) = row.cell("Datum");
        let date = if date_value.is_empty() {
            None
        } else {
            let parsed = parse_date(date_value);
            if parsed.is_none() {
                out.push(Diagnostic::at(
                    date_at,
                    Problem::NotADate {
                        column: "Datum".into(),
                        value: date_value.display(),
                    },
                ));
            }
            parsed
        };
        if id.is_empty() {
            continue;
        }
        if let Some(first) = mandates.iter().find(|m| m.id == id) {
            out.push(Diagnostic::at(
                id_at,
                Problem::DuplicateMandate {
                    id,
                    first_row: first.id_at.row + 1,
                },
            ));
            continue;
        }
        let optional = |t: String| (!t.is_empty()).then_some(t);
        mandates.push(Mandate {
            id,
            title,
            reference: optional(row.text("Diarienummer")),
            date,
            decided_by: optional(row.text("Beslutad av")),
            projects: split_projects(&row.text("Projekt")),
            sections: Vec::new(),
            roles: Vec::new(),
            groups: Vec::new(),
            id_at,
            projects_at: row.cell("Projekt").1,
        });
    }

    // Rows of the other sheets belong to an uppdrag by its Id.
    let owner = |row: &crate::workbook::Row,
                 mandates: &[Mandate],
                 out: &mut Vec<Diagnostic>|
     -> Option<usize> {
        let (value, at) = row.cell("Uppdrag");
        let id = value.display().trim().to_string();
        if id.is_empty() {
            out.push(Diagnostic::at(
                at,
                Problem::EmptyCell {
                    column: "Uppdrag".into(),
                },
            ));
            return None;
        }
        let index = mandates.iter().position(|m| m.id == id);
        if index.is_none() {
            out.push(Diagnostic::at(at, Problem::UnknownMandate { id }));
        }
        index
    };

    if let Some(sections) = Table::find(book, SECTIONS_SHEET, SECTION_COLUMNS, true, out) {
        for row in sections.rows() {
            let heading = required_text(&row, "Rubrik", out);
            let text = optional_rich(&row, "Text", out);
            if let Some(i) = owner(&row, &mandates, out) {
                mandates[i].sections.push(Section { heading, text });
            }
        }
    }
    if let Some(roles) = Table::find(book, ROLES_SHEET, ROLE_COLUMNS, false, out) {
        for row in roles.rows() {
            let role = required_text(&row, "Roll", out);
            let description = optional_rich(&row, "Beskrivning", out);
            if let Some(i) = owner(&row, &mandates, out) {
                mandates[i].roles.push(Role { role, description });
            }
        }
    }
    if let Some(groups) = Table::find(book, GROUPS_SHEET, GROUP_COLUMNS, false, out) {
        for row in groups.rows() {
            let (_, name_at) = row.cell("Grupp");
            let name = required_text(&row, "Grupp", out);
            let (principal_value, principal_at) = row.cell("Huvudman");
            let principal_text = principal_value.display().trim().to_string();
            let principal = Principal::parse(&principal_text);
            if principal.is_none() && !principal_text.is_empty() {
                out.push(Diagnostic::at(
                    principal_at,
                    Problem::UnknownPrincipal {
                        value: principal_text,
                    },
                ));
            }
            let reports_to = row.text("Rapporterar till");
            let group = Group {
                participants: row.text("Deltagare"),
                purpose: optional_rich(&row, "Syfte", out),
                mandate: optional_rich(&row, "Mandat", out),
                frequency: row.text("Mötesfrekvens"),
                convener: row.text("Sammankallande"),
                reports_to: (!reports_to.is_empty()).then_some(reports_to),
                principal,
                reports_to_at: row.cell("Rapporterar till").1,
                name_at: name_at.clone(),
                name,
            };
            if let Some(i) = owner(&row, &mandates, out) {
                if group.name.is_empty() {
                    continue;
                }
                if mandates[i].group(&group.name).is_some() {
                    out.push(Diagnostic::at(
                        name_at,
                        Problem::DuplicateGroup { name: group.name },
                    ));
                    continue;
                }
                mandates[i].groups.push(group);
            }
        }
    }

    for m in &mandates {
        if m.sections.is_empty() {
            out.push(Diagnostic::at(
                m.id_at.clone(),
                Problem::MandateWithoutSections { id: m.id.clone() },
            ));
        }
    }
    mandates
}

/// `Proj 4170, Proj 4092` → two numbers; commas, semicolons and line breaks all separate.
pub fn split_projects(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Project numbers compare on their digits and letters only: `Proj 4170`, `proj. 4170` and `4170` match.
pub fn same_project(a: &str, b: &str) -> bool {
    fn key(s: &str) -> String {
        let lower = s.trim().to_lowercase();
        let rest = lower
            .strip_prefix("projekt")
            .or_else(|| lower.strip_prefix("proj"))
            .unwrap_or(&lower);
        rest.chars().filter(|c| c.is_alphanumeric()).collect()
    }
    let (a, b) = (key(a), key(b));
    !a.is_empty() && a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projects() {
        assert_eq!(
            split_projects("Proj 4170, Proj 4092;4171\n"),
            vec!["Proj 4170", "Proj 4092", "4171"]
        );
        assert!(same_project("Proj 4170", "4170"));
        assert!(same_project("proj. 4170", "Projekt 4170"));
        assert!(!same_project("Proj 4170", "Proj 4171"));
        assert!(!same_project("", ""));
    }
}
