//! The measures of a document's tables, computed here so that Typst need not: the width of every
//! column the built-in template would size `auto`, and the height of each row whose every cell's
//! text fits its column unbroken (`None`: a cell may wrap, Typst measures that row). Typst measures
//! every cell of an `auto` column or row and then lays it out again; given widths and heights it
//! lays each cell out once (README, "Var tiden går").
//!
//! The numbers mirror the built-in templates (templates/styrdok.typ: `num`, `percent`, the cell
//! inset, the paragraph leading, the A4 text width) and reach them as the data key `layout`, apart
//! from the data proper, so a template of one's own may ignore it. Deciding "fits" errs towards
//! `None`: a wrong `None` costs time, a wrong height would clip text or leave a gap.

use crate::model::{Amount, Assessment};
use crate::render::measure::{self, Face};
use serde::Serialize;

/// A4's width less the A4 documents' side margins of 2.2 cm (templates: `a4-document`).
const A4_TEXT_WIDTH: f64 = 595.275_590_551_181_1 - 2.0 * 62.362_204_724_409_45;
/// A table cell's inset on each side (templates: `a4-document`'s `set table(inset: (x: 5pt, y: 4pt))`).
const INSET_X: f64 = 5.0;
const INSET_Y: f64 = 4.0;
/// The A4 documents' paragraph leading in ems (`a4-document`'s `set par(leading: 0.62em)`).
const A4_LEADING: f64 = 0.62;
/// Room left over when deciding that a text fits on one line: shaping outside Typst could differ by
/// a hair (a font feature, rounding), and a cell must never be thought one line when it is two.
const SLACK: f64 = 2.0;

/// The measures of one table: `columns` are the widths in points of the columns after the first
/// (which takes the rest, `1fr`), `rows` the height in points of every row, the head first, or
/// `None` where Typst should measure.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TableLayout {
    pub columns: Vec<f64>,
    pub rows: Vec<Option<f64>>,
}

/// The height of a cell of `lines` lines of text at `size` points with `leading` ems between them:
/// Typst's line is a capital's height (top edge `cap-height`, bottom edge `baseline`), the same in
/// every face of Noto Sans (render::measure's tests).
fn text_height(lines: usize, size: f64, leading: f64) -> f64 {
    let lines = lines.max(1) as f64;
    lines * measure::cap_height() * size + (lines - 1.0) * leading * size + 2.0 * INSET_Y
}

/// A cell with an assessment (templates: `assessment`): its circle sits 0.05 em below the baseline.
fn mark_height(size: f64) -> f64 {
    (measure::cap_height() + 0.05) * size + 2.0 * INSET_Y
}

/// 0.756 → "76 %", as the templates' `percent` writes it (and the deck's texts about a share).
pub(crate) fn percent(share: f64) -> String {
    format!("{}\u{A0}%", (share * 100.0).round() as i64)
}

/// The width of a cell holding `text` in one run, insets included; `None` for text Noto Sans cannot
/// measure (another font would draw it).
fn cell(text: &str, face: Face, size: f64) -> Option<f64> {
    measure::width(text, face, size).map(|w| w + 2.0 * INSET_X)
}

/// The widest of some cells: an `auto` column's width. A cell that cannot be measured makes the
/// column unknown.
fn widest(cells: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    cells
        .into_iter()
        .try_fold(0.0_f64, |widest, w| w.map(|w| widest.max(w)))
}

/// Lines of a cell whose text is these runs, each `(text, face)` run continuing the line before it
/// and a "\n" in a run starting a new line (the templates' `plain`); `None` if some line would not
/// fit in `room` points.
fn lines(runs: &[(&str, Face)], size: f64, room: f64) -> Option<usize> {
    let mut count = 1;
    let mut line = 0.0;
    for (text, face) in runs {
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                count += 1;
                line = 0.0;
            }
            line += measure::width(part, *face, size)?;
            if line > room - SLACK {
                return None;
            }
        }
    }
    Some(count)
}

/// The follow-up tables' sizes (templates/styrdok.typ, `follow-up-*`): text and heads at 8.5 pt,
/// lines 0.5 em apart.
const FOLLOW_UP_SIZE: f64 = 8.5;
const FOLLOW_UP_LEADING: f64 = 0.5;
/// The återrapport's Kommentar row: 1 pt above its text and 5 pt below (`initiatives-table`).
const BELOW_INSET: f64 = 6.0;

/// One insats's row of a follow-up table, as far as the measures go.
pub(crate) struct FollowUpRow<'a> {
    /// The first cell's runs (name, project, comment …) as the template sets them.
    pub first: Vec<(&'a str, Face)>,
    pub figures: [Option<Amount>; 4],
    pub assessment: Option<Assessment>,
    /// The runs of a row under it across the whole table (the återrapport's Kommentar), set with 1 pt
    /// above and 5 pt below.
    pub below: Option<Vec<(&'a str, Face)>>,
}

/// A follow-up table on A4: a first column of `1fr`, Belopp, Rekvirerat, Förbrukat, Kvar and
/// Bedömning `auto` (templates: `follow-up-head`, `follow-up-figures`, `follow-up-sum`). `sum` is
/// the sum row's figures (Belopp, Rekvirerat, Förbrukat), when the table has one, and `head` and
/// `sum_label` the texts of the first column's head and sum cells. `None` when a column's width
/// cannot be known; then the template sizes the table itself.
pub(crate) fn follow_up(
    head: &str,
    sum_label: &str,
    rows: &[FollowUpRow],
    sum: Option<[Amount; 3]>,
) -> Option<TableLayout> {
    let size = FOLLOW_UP_SIZE;
    let heads = ["Belopp kr", "Rekvirerat", "Förbrukat", "Kvar"];
    let sums = sum.map(|[allocated, requisitioned, spent]| {
        [allocated, requisitioned, spent, allocated - spent]
    });
    let mut columns = Vec::with_capacity(5);
    for (k, head) in heads.iter().enumerate() {
        columns.push(widest(
            std::iter::once(cell(head, Face::Bold, size))
                .chain(rows.iter().map(|r| match r.figures[k] {
                    Some(x) => cell(&x.figure(), Face::Regular, size),
                    None => cell("–", Face::Regular, size),
                }))
                .chain(sums.iter().map(|s| cell(&s[k].figure(), Face::Bold, size))),
        )?);
    }
    // `assessment`: a circle 0.64 em wide and 0.3 em of space before the bold word.
    let mark = 0.94 * size;
    columns.push(widest(
        std::iter::once(cell("Bedömning", Face::Bold, size)).chain(rows.iter().map(|r| {
            match r.assessment {
                Some(a) => cell(a.label(), Face::Bold, size).map(|w| w + mark),
                None => cell("Ej bedömd", Face::Regular, size),
            }
        })),
    )?);
    let room = A4_TEXT_WIDTH - columns.iter().sum::<f64>() - 2.0 * INSET_X;
    let one_line = |text: &str| {
        lines(&[(text, Face::Bold)], size, room).map(|_| text_height(1, size, FOLLOW_UP_LEADING))
    };
    let mut heights = vec![one_line(head)];
    for r in rows {
        let first = lines(&r.first, size, room)
            .map(|n| text_height(n, size, FOLLOW_UP_LEADING))
            .map(|h| match r.assessment {
                Some(_) => h.max(mark_height(size)),
                None => h,
            });
        heights.push(first);
        if let Some(below) = &r.below {
            let n = lines(below, size, A4_TEXT_WIDTH - 2.0 * INSET_X);
            heights.push(
                n.map(|n| text_height(n, size, FOLLOW_UP_LEADING) - 2.0 * INSET_Y + BELOW_INSET),
            );
        }
    }
    if sum.is_some() {
        heights.push(one_line(sum_label));
    }
    Some(TableLayout {
        rows: heights,
        columns,
    })
}

/// The per-mottagare report's "Er andel av insatsområdena": area, its budget, the recipient's part
/// and share, text at 9 pt and heads at 8.5 pt (templates/recipient.typ).
pub(crate) fn shares<'a>(
    areas: impl IntoIterator<Item = (&'a str, &'a str, Amount, Amount, f64)> + Clone,
) -> Option<TableLayout> {
    let (size, head) = (9.0, FOLLOW_UP_SIZE);
    let columns = vec![
        widest(
            std::iter::once(cell("Områdets budget kr", Face::Bold, head)).chain(
                areas
                    .clone()
                    .into_iter()
                    .map(|(_, _, budget, _, _)| cell(&budget.figure(), Face::Regular, size)),
            ),
        )?,
        widest(
            std::iter::once(cell("Er del kr", Face::Bold, head)).chain(
                areas
                    .clone()
                    .into_iter()
                    .map(|(_, _, _, own, _)| cell(&own.figure(), Face::Regular, size)),
            ),
        )?,
        widest(
            std::iter::once(cell("Andel", Face::Bold, head)).chain(
                areas
                    .clone()
                    .into_iter()
                    .map(|(_, _, _, _, share)| cell(&percent(share), Face::Regular, size)),
            ),
        )?,
    ];
    let room = A4_TEXT_WIDTH - columns.iter().sum::<f64>() - 2.0 * INSET_X;
    let mut rows =
        vec![lines(&[("Insatsområde", Face::Bold)], head, room).map(|_| text_height(1, head, 0.0))];
    rows.extend(areas.into_iter().map(|(code, name, ..)| {
        let first = format!("{code} ");
        lines(
            &[(&first, Face::Regular), (name, Face::Regular)],
            size,
            room,
        )
        .map(|n| text_height(n, size, A4_LEADING))
    }));
    Some(TableLayout { columns, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_the_templates_write_them() {
        assert_eq!(
            Amount::from_kronor(1_234_567).figure(),
            "1\u{A0}234\u{A0}567"
        );
        assert_eq!(Amount::from_ore(-100_050).figure(), "−1\u{A0}000,50");
        assert_eq!(Amount::from_ore(5).figure(), "0,05");
        assert_eq!(Amount::ZERO.figure(), "0");
        assert_eq!(percent(0.756), "76\u{A0}%");
        assert_eq!(percent(0.0), "0\u{A0}%");
    }

    #[test]
    fn a_text_that_does_not_fit_has_no_line_count() {
        let short = [
            ("Insats 1", Face::Bold),
            ("\nProj\u{A0}1 · ", Face::Regular),
        ];
        assert_eq!(lines(&short, 8.5, 200.0), Some(2));
        let long = "utvecklingsarbete i samverkan ".repeat(4);
        assert_eq!(lines(&[(&long, Face::Bold)], 8.5, 200.0), None);
        assert_eq!(lines(&[("🎉", Face::Regular)], 8.5, 200.0), None);
    }

    #[test]
    fn a_column_is_as_wide_as_its_widest_cell() {
        let row = |amount: i64| FollowUpRow {
            first: vec![("Insats", Face::Bold)],
            figures: [Some(Amount::from_kronor(amount)), None, None, None],
            assessment: Some(Assessment::Green),
            below: None,
        };
        let narrow = follow_up("Insats", "", &[row(1)], None).unwrap();
        let wide = follow_up("Insats", "", &[row(1), row(123_456_789)], None).unwrap();
        // "Belopp kr" is wider than "1", narrower than "123 456 789".
        assert!(wide.columns[0] > narrow.columns[0]);
        assert_eq!(wide.columns[1..], narrow.columns[1..]);
        // The head, then two rows of one line whose Bedömning's circle reaches below the baseline.
        let line = text_height(1, 8.5, 0.5);
        assert_eq!(
            wide.rows,
            vec![Some(line), Some(mark_height(8.5)), Some(mark_height(8.5))]
        );
        assert!(mark_height(8.5) > line);
        assert_eq!(narrow.rows.len(), 2);
    }
}
