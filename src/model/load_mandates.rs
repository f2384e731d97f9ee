//! Building the uppdragsbeskrivningar from sheets Uppdrag, Avsnitt, Roller, Grupper and Bilder.

use super::load::{find_table, optional_rich, required_text};
use super::mandate::{
    DEFAULT_DOCUMENT_TYPE, Group, MAX_LEVEL, Mandate, Picture, Principal, Role, Section,
};
use super::schema::{groups, mandates as mandate_sheet, pictures, roles, sections};
use super::values::parse_date;
use crate::diagnostics::{Diagnostic, Problem};
use crate::workbook::{Row, Value, Workbook};

/// Whether the input has assignments at all; then the agreement sheets become optional.
pub(crate) fn has_mandates(book: &Workbook) -> bool {
    !book.sheets_named(mandate_sheet::SHEET.name).is_empty()
}

pub(crate) fn load_mandates(book: &Workbook, out: &mut Vec<Diagnostic>) -> Vec<Mandate> {
    let Some(table) = find_table(book, &mandate_sheet::SHEET, false, out) else {
        return Vec::new();
    };
    let mut mandates: Vec<Mandate> = table
        .rows()
        .filter_map(|row| mandate_row(&row, out))
        .collect();
    load_sections(book, &mut mandates, out);
    load_roles(book, &mut mandates, out);
    load_groups(book, &mut mandates, out);
    load_pictures(book, &mut mandates, out);
    mandates
}

/// One row of Uppdrag; `None` without an Id (reported), since nothing could belong to it.
fn mandate_row(row: &Row, out: &mut Vec<Diagnostic>) -> Option<Mandate> {
    let (_, id_at) = row.cell(mandate_sheet::ID);
    let id = required_text(row, mandate_sheet::ID, out);
    let title = required_text(row, mandate_sheet::TITLE, out);
    let (date_value, date_at) = row.cell(mandate_sheet::DATE);
    let date = if date_value.is_empty() {
        None
    } else {
        let parsed = parse_date(date_value);
        if parsed.is_none() {
            out.push(Diagnostic::at(
                date_at,
                Problem::NotADate {
                    column: mandate_sheet::DATE.name.into(),
                    value: date_value.display(),
                },
            ));
        }
        parsed
    };
    if id.is_empty() {
        return None;
    }
    let optional = |t: String| (!t.is_empty()).then_some(t);
    let document_type = optional(row.text(mandate_sheet::DOCUMENT_TYPE))
        .unwrap_or_else(|| DEFAULT_DOCUMENT_TYPE.to_string());
    Some(Mandate {
        id,
        title,
        reference: optional(row.text(mandate_sheet::REFERENCE)),
        date,
        decided_by: optional(row.text(mandate_sheet::DECIDED_BY)),
        funding_projects: split_funding_projects(&row.text(mandate_sheet::FUNDING_PROJECTS)),
        sections: Vec::new(),
        roles: Vec::new(),
        groups: Vec::new(),
        document_type,
        pictures: Vec::new(),
        id_at,
        funding_projects_at: row.cell(mandate_sheet::FUNDING_PROJECTS).1,
    })
}

/// The uppdrag a row of Avsnitt, Roller, Grupper or Bilder belongs to, by the Id in its Uppdrag
/// column (named so in every such sheet). A repeated Id stands for its first uppdrag; `checks`
/// reports and drops the later ones.
fn owner(row: &Row, mandates: &[Mandate], out: &mut Vec<Diagnostic>) -> Option<usize> {
    let id = required_text(row, sections::MANDATE, out);
    if id.is_empty() {
        return None;
    }
    let at = row.cell(sections::MANDATE).1;
    let index = mandates.iter().position(|m| m.id == id);
    if index.is_none() {
        out.push(Diagnostic::at(at, Problem::UnknownMandate { id }));
    }
    index
}

/// Avsnitt, in the order the rows stand; a level may rise by one at a time.
fn load_sections(book: &Workbook, mandates: &mut [Mandate], out: &mut Vec<Diagnostic>) {
    let Some(table) = find_table(book, &sections::SHEET, true, out) else {
        return;
    };
    // The level of each mandate's last section, to find jumps (1 → 3) in the order rows stand.
    let mut last_level: Vec<u8> = vec![0; mandates.len()];
    for row in table.rows() {
        let heading = required_text(&row, sections::HEADING, out);
        let text = optional_rich(&row, sections::TEXT, out);
        let (level_value, level_at) = row.cell(sections::LEVEL);
        let level = parse_level(level_value);
        if level.is_none() {
            out.push(Diagnostic::at(
                level_at.clone(),
                Problem::NotALevel {
                    value: level_value.display(),
                },
            ));
        }
        if let Some(i) = owner(&row, mandates, out) {
            // An unreadable level is reported above; read as 1 so no jump is reported after it.
            let level = level.unwrap_or(1);
            if level > last_level[i] + 1 {
                out.push(Diagnostic::at(
                    level_at,
                    Problem::LevelJump {
                        level,
                        previous: last_level[i],
                    },
                ));
            }
            last_level[i] = level;
            mandates[i].sections.push(Section {
                heading,
                text,
                level,
            });
        }
    }
}

/// Roller: who does what in each uppdrag.
fn load_roles(book: &Workbook, mandates: &mut [Mandate], out: &mut Vec<Diagnostic>) {
    let Some(table) = find_table(book, &roles::SHEET, false, out) else {
        return;
    };
    for row in table.rows() {
        let role = required_text(&row, roles::ROLE, out);
        let description = optional_rich(&row, roles::DESCRIPTION, out);
        if let Some(i) = owner(&row, mandates, out) {
            mandates[i].roles.push(Role { role, description });
        }
    }
}

/// Grupper: a group's name once per uppdrag.
fn load_groups(book: &Workbook, mandates: &mut [Mandate], out: &mut Vec<Diagnostic>) {
    let Some(table) = find_table(book, &groups::SHEET, false, out) else {
        return;
    };
    for row in table.rows() {
        let (_, name_at) = row.cell(groups::GROUP);
        let name = required_text(&row, groups::GROUP, out);
        let (principal_value, principal_at) = row.cell(groups::PRINCIPAL);
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
        let reports_to = row.text(groups::REPORTS_TO);
        let group = Group {
            participants: row.text(groups::PARTICIPANTS),
            purpose: optional_rich(&row, groups::PURPOSE, out),
            mandate: optional_rich(&row, groups::REMIT, out),
            frequency: row.text(groups::FREQUENCY),
            convener: row.text(groups::CONVENER),
            reports_to: (!reports_to.is_empty()).then_some(reports_to),
            principal,
            reports_to_at: row.cell(groups::REPORTS_TO).1,
            name_at: name_at.clone(),
            name,
        };
        if let Some(i) = owner(&row, mandates, out) {
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

/// Bilder, each at the end of a section of its uppdrag, named by its heading.
fn load_pictures(book: &Workbook, mandates: &mut [Mandate], out: &mut Vec<Diagnostic>) {
    let Some(table) = find_table(book, &pictures::SHEET, false, out) else {
        return;
    };
    for row in table.rows() {
        let (_, heading_at) = row.cell(pictures::HEADING);
        let heading = required_text(&row, pictures::HEADING, out);
        let (_, file_at) = row.cell(pictures::FILE);
        let file = required_text(&row, pictures::FILE, out);
        let (alt_value, alt_at) = row.cell(pictures::ALT_TEXT);
        let alt = alt_value.display().trim().to_string();
        if alt.is_empty() {
            out.push(Diagnostic::at(alt_at, Problem::PictureWithoutAltText));
        }
        let caption = row.text(pictures::CAPTION);
        let Some(i) = owner(&row, mandates, out) else {
            continue;
        };
        if heading.is_empty() {
            continue;
        }
        let Some(section) = mandates[i]
            .sections
            .iter()
            .position(|s| crate::workbook::same_name(&s.heading, &heading))
        else {
            out.push(Diagnostic::at(
                heading_at,
                Problem::PictureSectionNotFound {
                    heading,
                    id: mandates[i].id.clone(),
                },
            ));
            continue;
        };
        if file.is_empty() {
            continue;
        }
        mandates[i].pictures.push(Picture {
            section,
            file,
            caption,
            alt,
            file_at,
            image: None,
        });
    }
}

/// Nivå: empty is 1; 1, 2 or 3 as a number or as text.
fn parse_level(value: &Value) -> Option<u8> {
    let level = match value {
        Value::Empty => return Some(1),
        Value::Number(n) if n.fract() == 0.0 => *n,
        Value::Text(t) if t.trim().is_empty() => return Some(1),
        Value::Text(t) => t.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    (1.0..=f64::from(MAX_LEVEL))
        .contains(&level)
        .then_some(level as u8)
        .filter(|l| f64::from(*l) == level)
}

/// `Proj 4170, Proj 4092` → two numbers; commas, semicolons and line breaks all separate.
pub fn split_funding_projects(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Project numbers compare on their digits and letters only: `Proj 4170`, `proj. 4170` and `4170` match.
pub fn same_funding_project(a: &str, b: &str) -> bool {
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
    fn levels() {
        assert_eq!(parse_level(&Value::Empty), Some(1));
        assert_eq!(parse_level(&Value::Number(2.0)), Some(2));
        assert_eq!(parse_level(&Value::Text(" 3 ".into())), Some(3));
        assert_eq!(parse_level(&Value::Number(4.0)), None);
        assert_eq!(parse_level(&Value::Number(1.5)), None);
        assert_eq!(parse_level(&Value::Number(0.0)), None);
        assert_eq!(parse_level(&Value::Text("två".into())), None);
    }

    #[test]
    fn projects() {
        assert_eq!(
            split_funding_projects("Proj 4170, Proj 4092;4171\n"),
            vec!["Proj 4170", "Proj 4092", "4171"]
        );
        assert!(same_funding_project("Proj 4170", "4170"));
        assert!(same_funding_project("proj. 4170", "Projekt 4170"));
        assert!(!same_funding_project("Proj 4170", "Proj 4171"));
        assert!(!same_funding_project("", ""));
    }
}
