//! The same `{{…}}` placeholders in plain text (the e-mail drafts' messages), line by line: a line
//! naming `{{Insatser.…}}` is repeated per insats as a template row is, and a line whose
//! placeholders are all empty is left out, so `Sista dag: {{Sista dag}}` disappears when there is
//! no deadline instead of leaving a dangling label.

use super::data::{Data, Value};
use super::error::{ExcelTemplateError, ExcelTemplateErrors, Problem};
use super::names::{self, Piece, Source};

/// `text` with every placeholder filled from `data`. Every problem is returned at once, each with
/// `file` and its line (`rad 5`), counting `text`'s first line as `first_line` of the file.
pub fn fill_text(
    text: &str,
    file: &str,
    first_line: usize,
    data: &Data,
) -> Result<String, ExcelTemplateErrors> {
    let mut errors = Vec::new();
    // The valid names are listed with the first unknown one only, as for a workbook template.
    let mut listed_valid = false;
    let mut out = String::new();
    for (n, line) in text.lines().enumerate() {
        let error = |problem| ExcelTemplateError {
            file: file.to_string(),
            at: Some(format!("rad {}", n + first_line)),
            problem,
        };
        let pieces = match names::split(line) {
            Ok(p) => p,
            Err(rest) => {
                errors.push(error(Problem::Unclosed { text: rest }));
                continue;
            }
        };
        let mut resolved = Vec::new();
        let mut source: Option<Source> = None;
        for piece in &pieces {
            match piece {
                Piece::Text(t) => resolved.push(Err(*t)),
                Piece::Placeholder(raw) => match names::resolve(raw, data) {
                    Ok(name) => {
                        match (name.source(), &source) {
                            (Some(s), None) => source = Some(s.clone()),
                            (Some(s), Some(first)) if s != first => {
                                errors.push(error(Problem::TwoSources {
                                    first: first.label(),
                                    second: s.label(),
                                }))
                            }
                            _ => {}
                        }
                        resolved.push(Ok(name));
                    }
                    Err(unknown) => errors.push(error(Problem::UnknownName {
                        placeholder: format!("{{{{{}}}}}", raw.trim()),
                        suggestion: unknown.suggestion,
                        valid: (!std::mem::replace(&mut listed_valid, true))
                            .then(|| names::valid_summary(data)),
                    })),
                },
            }
        }
        let items: Vec<Option<usize>> = match &source {
            Some(s) => s.records(data).into_iter().map(Some).collect(),
            None => vec![None],
        };
        for item in items {
            let mut filled = String::new();
            let mut any_value = false;
            let mut any_name = false;
            for piece in &resolved {
                match piece {
                    Err(t) => filled.push_str(t),
                    Ok(name) => {
                        any_name = true;
                        let value = name.value(data, item);
                        any_value |= *value != Value::Empty;
                        filled.push_str(&value.display());
                    }
                }
            }
            if any_name && !any_value {
                continue;
            }
            out.push_str(&filled);
            out.push('\n');
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(ExcelTemplateErrors(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Data {
        Data {
            fields: vec![
                ("Titel".into(), Value::Text("ÖK 2025".into())),
                ("Sista dag".into(), Value::Empty),
            ],
            totals: Vec::new(),
            area_columns: Vec::new(),
            areas: Vec::new(),
            area_rows: Vec::new(),
            initiative_columns: vec!["Insats".into()],
            initiatives: vec![
                super::super::data::Record {
                    areas: vec!["1".into()],
                    values: vec![Value::Text("Kurs".into())],
                },
                super::super::data::Record {
                    areas: vec!["1".into()],
                    values: vec![Value::Text("Temadag".into())],
                },
            ],
        }
    }

    #[test]
    fn lines_repeat_and_empty_lines_go() {
        let text = "Om {{ titel }}:\n• {{Insatser.Insats}}\nSenast {{Sista dag}}.\nHej då";
        assert_eq!(
            fill_text(text, "t.txt", 1, &data()).unwrap(),
            "Om ÖK 2025:\n• Kurs\n• Temadag\nHej då\n"
        );
    }

    #[test]
    fn every_problem_with_its_line() {
        let err = fill_text("{{Titl}}\nok\n{{Titel", "t.txt", 1, &data()).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("mallen t.txt, rad 1: okänt namn {{Titl}}. Menade du {{Titel}}?"),
            "{text}"
        );
        assert!(
            text.contains("rad 3: «{{Titel» saknar avslutande }}"),
            "{text}"
        );
    }
}
