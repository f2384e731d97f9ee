//! Placeholders: finding `{{…}}` in a cell's text and resolving the name inside against the data.
//! Names ignore case and spaces, as users type them: `{{ område 1A . budget }}` is `{{Område 1a.Budget}}`.

use super::data::{Data, TOTALS, Value};
use crate::model::schema::{areas, initiatives};

/// The heads of repeating names are the sheets' own: `{{Insatser.Belopp}}` repeats a row for each
/// row of Insatser, `{{Insatsområden.Budget}}` for each area.
const AREAS: &str = areas::SHEET.name;
const INITIATIVES: &str = initiatives::SHEET.name;
/// `{{Totalt.Budget}}`: a figure over the whole agreement (or a per-mottagare copy's insatser).
const TOTAL: &str = "Totalt";
/// `{{Område 1a.Budget}}`: one area's value, by its code.
const AREA: &str = "Område";

/// A piece of a cell's text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece<'a> {
    Text(&'a str),
    /// The name between the braces, as written.
    Placeholder(&'a str),
}

/// The text split into literal text and placeholders; `Err` with the text from an unclosed `{{`.
pub fn split(text: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        if open > 0 {
            pieces.push(Piece::Text(&rest[..open]));
        }
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            return Err(rest[open..].to_string());
        };
        pieces.push(Piece::Placeholder(&after[..close]));
        rest = &after[close + 2..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    Ok(pieces)
}

pub(crate) fn has_placeholder(text: &str) -> bool {
    text.contains("{{") || text.contains("}}")
}

/// Lower case without any space: the form names are compared in.
pub fn key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Which rows a repeating template row is copied for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    /// `Insatser`, or `Insatser(3)`: those of area 3 and its sub-areas.
    Initiatives(Option<String>),
    Areas,
}

impl Source {
    pub fn label(&self) -> String {
        match self {
            Source::Initiatives(None) => INITIATIVES.into(),
            Source::Initiatives(Some(code)) => format!("{INITIATIVES}({code})"),
            Source::Areas => AREAS.into(),
        }
    }

    /// The indices of the records a row of this source is copied for.
    pub fn records(&self, data: &Data) -> Vec<usize> {
        match self {
            Source::Areas => data.area_rows.clone(),
            Source::Initiatives(None) => (0..data.initiatives.len()).collect(),
            Source::Initiatives(Some(code)) => data
                .initiatives
                .iter()
                .enumerate()
                .filter(|(_, r)| r.areas.iter().any(|a| key(a) == key(code)))
                .map(|(i, _)| i)
                .collect(),
        }
    }
}

/// A resolved name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Name {
    Field(usize),
    Total(usize),
    Area { record: usize, column: usize },
    Repeat { source: Source, column: usize },
}

impl Name {
    pub fn source(&self) -> Option<&Source> {
        match self {
            Name::Repeat { source, .. } => Some(source),
            _ => None,
        }
    }

    /// The value, for the `item`-th record of a repeating row (ignored by other names).
    pub fn value<'a>(&self, data: &'a Data, item: Option<usize>) -> &'a Value {
        static EMPTY: Value = Value::Empty;
        match self {
            Name::Field(i) => &data.fields[*i].1,
            Name::Total(i) => &data.totals[*i].1,
            Name::Area { record, column } => &data.areas[*record].values[*column],
            Name::Repeat { source, column } => {
                let records = match source {
                    Source::Areas => &data.areas,
                    Source::Initiatives(_) => &data.initiatives,
                };
                item.and_then(|i| records.get(i))
                    .and_then(|r| r.values.get(*column))
                    .unwrap_or(&EMPTY)
            }
        }
    }
}

/// An unknown name, with the nearest valid one when one is near.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unknown {
    pub suggestion: Option<String>,
}

fn column_index(columns: &[String], wanted: &str) -> Option<usize> {
    let wanted = key(wanted);
    columns.iter().position(|c| key(c) == wanted)
}

pub(crate) fn resolve(raw: &str, data: &Data) -> Result<Name, Unknown> {
    resolve_exact(raw, data).ok_or_else(|| Unknown {
        suggestion: nearest(raw, data),
    })
}

fn resolve_exact(raw: &str, data: &Data) -> Option<Name> {
    let whole = key(raw);
    if let Some(i) = data.fields.iter().position(|(f, _)| key(f) == whole) {
        return Some(Name::Field(i));
    }
    let (head, column) = raw.split_once('.')?;
    let head = key(head);
    if head == key(TOTAL) {
        let col = key(column);
        return TOTALS
            .iter()
            .position(|t| key(t) == col)
            .filter(|&i| i < data.totals.len())
            .map(Name::Total);
    }
    if head == key(AREAS) {
        return column_index(&data.area_columns, column).map(|column| Name::Repeat {
            source: Source::Areas,
            column,
        });
    }
    if head == key(INITIATIVES) {
        return column_index(&data.initiative_columns, column).map(|column| Name::Repeat {
            source: Source::Initiatives(None),
            column,
        });
    }
    if let Some(code) = head
        .strip_prefix(&key(INITIATIVES))
        .and_then(|r| r.strip_prefix('('))
        .and_then(|r| r.strip_suffix(')'))
    {
        // Only a code the agreement has: a typo would otherwise give an empty table silently.
        let code = data
            .areas
            .iter()
            .find(|a| a.areas.first().is_some_and(|c| key(c) == code))?
            .areas
            .first()?
            .clone();
        return column_index(&data.initiative_columns, column).map(|column| Name::Repeat {
            source: Source::Initiatives(Some(code)),
            column,
        });
    }
    if let Some(code) = head.strip_prefix(&key(AREA)) {
        let record = data
            .areas
            .iter()
            .position(|a| a.areas.first().is_some_and(|c| key(c) == code))?;
        return column_index(&data.area_columns, column)
            .map(|column| Name::Area { record, column });
    }
    None
}

/// Every name a template can use with this data, as it would be written.
fn valid_names(data: &Data) -> Vec<String> {
    let mut names: Vec<String> = data.fields.iter().map(|(f, _)| f.clone()).collect();
    names.extend(data.totals.iter().map(|(t, _)| format!("{TOTAL}.{t}")));
    for area in &data.areas {
        if let Some(code) = area.areas.first() {
            names.extend(
                data.area_columns
                    .iter()
                    .map(|c| format!("{AREA} {code}.{c}")),
            );
        }
    }
    names.extend(data.area_columns.iter().map(|c| format!("{AREAS}.{c}")));
    names.extend(
        data.initiative_columns
            .iter()
            .map(|c| format!("{INITIATIVES}.{c}")),
    );
    names
}

/// The valid names in short, for a message.
pub(crate) fn valid_summary(data: &Data) -> String {
    const INFO: &str = crate::model::schema::info::SHEET.name;
    let join = |v: Vec<&str>| v.join(", ");
    let codes: Vec<&str> = data
        .areas
        .iter()
        .filter_map(|a| a.areas.first().map(String::as_str))
        .collect();
    format!(
        "fälten i {INFO} ({}); {TOTAL}.{{{}}}; {AREA} <kod>.{{{}}} (koder: {}); \
         {AREAS}.<kolumn>; {INITIATIVES}.<kolumn> eller {INITIATIVES}(<kod>).<kolumn> ({})",
        join(data.fields.iter().map(|(f, _)| f.as_str()).collect()),
        join(data.totals.iter().map(|(t, _)| t.as_str()).collect()),
        join(data.area_columns.iter().map(String::as_str).collect()),
        join(codes),
        join(data.initiative_columns.iter().map(String::as_str).collect()),
    )
}

fn nearest(raw: &str, data: &Data) -> Option<String> {
    let wanted = key(raw);
    valid_names(data)
        .into_iter()
        .map(|n| (strsim::normalized_levenshtein(&key(&n), &wanted), n))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xlsx::fill::data::Record;

    fn data() -> Data {
        Data {
            fields: vec![("Titel".into(), Value::Text("T".into()))],
            totals: TOTALS
                .iter()
                .map(|t| (t.to_string(), Value::Number(1.0)))
                .collect(),
            area_columns: vec!["Kod".into(), "Budget".into()],
            areas: vec![
                Record {
                    areas: vec!["1".into()],
                    values: vec![Value::Text("1".into()), Value::Number(5.0)],
                },
                Record {
                    areas: vec!["1a".into(), "1".into()],
                    values: vec![Value::Text("1a".into()), Value::Number(2.0)],
                },
            ],
            area_rows: vec![0, 1],
            initiative_columns: vec!["Insats".into(), "Belopp".into()],
            initiatives: vec![
                Record {
                    areas: vec!["1a".into(), "1".into()],
                    values: vec![Value::Text("x".into()), Value::Number(2.0)],
                },
                Record {
                    areas: vec!["2".into()],
                    values: vec![Value::Text("y".into()), Value::Number(3.0)],
                },
            ],
        }
    }

    #[test]
    fn splits_text_and_placeholders() {
        assert_eq!(
            split("Medel – {{Titel}}!").unwrap(),
            vec![
                Piece::Text("Medel – "),
                Piece::Placeholder("Titel"),
                Piece::Text("!")
            ]
        );
        assert_eq!(split("a {{Titel").unwrap_err(), "{{Titel");
    }

    #[test]
    fn resolves_ignoring_case_and_space() {
        let d = data();
        assert_eq!(resolve(" titel ", &d), Ok(Name::Field(0)));
        assert_eq!(resolve("Totalt.Antal insatser", &d), Ok(Name::Total(5)));
        assert_eq!(
            resolve("Område 1A . budget", &d),
            Ok(Name::Area {
                record: 1,
                column: 1
            })
        );
        let name = resolve("Insatser(1).Belopp", &d).unwrap();
        assert_eq!(name.source().unwrap().records(&d), vec![0]);
    }

    #[test]
    fn suggests_the_nearest() {
        let d = data();
        assert_eq!(
            resolve("Totalt.Förbukat", &d)
                .unwrap_err()
                .suggestion
                .as_deref(),
            Some("Totalt.Förbrukat")
        );
        assert!(resolve("Område 9.Budget", &d).is_err());
    }
}
