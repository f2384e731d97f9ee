//! The stable key of an insats row. Built from what identifies it to a person (Område, Insats,
//! Ansvarig) rather than its row number, so the coordinator may add or sort rows in the input between
//! sending the forms and collecting them; a second identical triple gets `#2`, and so on.

use crate::model::Initiative;
use crate::workbook::normalise;

/// One key per initiative, in the same order.
pub fn keys(initiatives: &[Initiative]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::with_capacity(initiatives.len());
    initiatives
        .iter()
        .map(|i| {
            let base = format!(
                "{}|{}|{}",
                normalise(&i.area),
                normalise(&i.name),
                normalise(&i.recipient)
            );
            let n = seen.iter().filter(|k| **k == base).count();
            seen.push(base.clone());
            if n == 0 {
                base
            } else {
                format!("{base}#{}", n + 1)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_triple_gets_numbers_and_spacing_does_not_matter() {
        let make = |area: &str, name: &str, who: &str| {
            let at = crate::diagnostics::CellRef {
                file: String::new(),
                sheet: "Insatser".into(),
                row: 0,
                col: 0,
            };
            crate::model::Initiative {
                area: area.into(),
                name: name.into(),
                description: String::new(),
                kind: None,
                amount: crate::model::Amount::ZERO,
                status: String::new(),
                recipient: who.into(),
                funding_project: String::new(),
                requisitioned: None,
                spent: None,
                assessment: None,
                comment: String::new(),
                area_at: at.clone(),
                amount_at: at.clone(),
                requisitioned_at: at.clone(),
                spent_at: at,
                extra: vec![],
            }
        };
        let keys = super::keys(&[
            make("1a", "BISAM", "Div A"),
            make("1a", " bisam ", "div  a"),
            make("2", "X", "Y"),
        ]);
        assert_eq!(keys, ["1a|bisam|div a", "1a|bisam|div a#2", "2|x|y"]);
    }
}
