//! Placeholders outside the cells, in the parts styrdok does not fill: each is refused with its
//! part named, so no `{{…}}` is left in a filled copy without a word.

use super::error::Problem;
use super::package::Package;
use super::parts::{self, WorkbookInfo};
use super::xml;
use std::collections::BTreeSet;

/// The first `{{…}}` in a text, to name it in a message.
pub(crate) fn first_placeholder(text: &str) -> String {
    let Some(open) = text.find("{{") else {
        return text.chars().take(40).collect();
    };
    let rest = &text[open..];
    match rest.find("}}") {
        Some(close) => rest[..close + 2].chars().take(80).collect(),
        None => rest.chars().take(40).collect(),
    }
}

/// Placeholders in parts other than the sheets' cells, which styrdok does not fill: notes, charts,
/// drawings' text boxes, pivot tables, tables' column names, defined names and sheet names,
/// document properties. Left there they would stay `{{…}}` in the filled copy without a word.
pub fn placeholders(pkg: &Package, info: &WorkbookInfo) -> Result<Vec<Problem>, Problem> {
    let sheets: BTreeSet<&str> = info.sheets.iter().map(|s| s.path.as_str()).collect();
    let mut problems = Vec::new();
    for name in pkg.names() {
        let lower = name.to_lowercase();
        let is_text = [".xml", ".vml", ".rels"].iter().any(|e| lower.ends_with(e));
        // The sheets are read cell by cell (their headers are filled); shared strings are the
        // cells' own text; the calculation chain goes.
        // Pivot caches hold the template's values as they were, and are refreshed on opening.
        if !is_text
            || sheets.contains(name.as_str())
            || lower.ends_with("sharedstrings.xml")
            || lower.ends_with("calcchain.xml")
            || lower.starts_with("xl/pivotcache/")
        {
            continue;
        }
        let Some(text) = pkg.read(name)? else {
            continue;
        };
        if !text.contains("{{") {
            continue;
        }
        let Some(found) = xml::placeholder_outside_caches(&text) else {
            continue;
        };
        let at = text.find(&found).or_else(|| text.find("{{")).unwrap_or(0);
        let place = if name == parts::WORKBOOK {
            workbook_place(&text, at)
        } else if lower.contains("comment") {
            "i en anteckning eller kommentar".to_string()
        } else if lower.contains("vmldrawing") || lower.ends_with(".vml") {
            "i en anteckning eller formulärkontroll".to_string()
        } else if lower.contains("/charts/") {
            "i ett diagram (rubrik, axel eller serienamn)".to_string()
        } else if lower.contains("/drawings/") {
            "i en bild, figur eller textruta".to_string()
        } else if lower.contains("/tables/") {
            "i en tabells kolumnnamn".to_string()
        } else if lower.contains("pivot") {
            "i en pivottabell".to_string()
        } else if lower.starts_with("docprops/") {
            "i dokumentets egenskaper (Arkiv > Info)".to_string()
        } else {
            "utanför cellerna".to_string()
        };
        problems.push(Problem::OutsideCells {
            placeholder: first_placeholder(&found),
            place,
            part: name.clone(),
        });
    }
    Ok(problems)
}

/// Whether a placeholder in the workbook part is in a sheet's name or in a defined name.
fn workbook_place(text: &str, at: usize) -> String {
    let before = &text[..at];
    let sheet = before.rfind("sheet ").or_else(|| before.rfind("sheet\t"));
    let name = before.rfind("definedName");
    match (sheet, name) {
        (_, Some(n)) if sheet.is_none_or(|s| n > s) => "i ett definierat namn".into(),
        (Some(_), _) => "i ett bladnamn".into(),
        _ => "i arbetsboken".into(),
    }
}
