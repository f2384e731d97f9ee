//! Row heights for wrapped text. Neither Excel nor LibreOffice reliably grows a row to fit wrapped
//! text in a file it did not write itself, so each such row gets a height for the lines it needs.

use rust_xlsxwriter::{Worksheet, XlsxError};
use std::collections::BTreeMap;

/// Points per line of the default 11 pt font.
const LINE_HEIGHT: f64 = 14.5;
/// Excel's largest row height, in points.
const MAX_HEIGHT: f64 = 409.0;

/// The wrapped cells of a sheet, remembered until the column widths are known.
#[derive(Debug, Default)]
pub(crate) struct Wrapped(Vec<(u32, u32, String)>);

impl Wrapped {
    pub fn add(&mut self, row: u32, col: u32, text: &str) {
        self.0.push((row, col, text.to_string()));
    }

    /// Sets each row with wrapped text as high as its tallest cell; `width_of` gives a column's
    /// width in characters.
    pub(crate) fn apply(
        &self,
        ws: &mut Worksheet,
        width_of: impl Fn(u32) -> usize,
    ) -> Result<(), XlsxError> {
        let mut lines: BTreeMap<u32, usize> = BTreeMap::new();
        for (row, col, text) in &self.0 {
            // A column holds about a tenth more letters than its width in digit widths.
            let needed = lines_needed(text, width_of(*col) * 11 / 10);
            let entry = lines.entry(*row).or_default();
            *entry = (*entry).max(needed);
        }
        for (row, count) in lines {
            if count > 1 {
                ws.set_row_height(row, (count as f64 * LINE_HEIGHT).min(MAX_HEIGHT))?;
            }
        }
        Ok(())
    }
}

/// Lines a text takes in a column `width` characters wide, wrapping at spaces as Excel does.
fn lines_needed(text: &str, width: usize) -> usize {
    let width = width.max(1);
    text.lines()
        .map(|line| {
            let (mut lines, mut used) = (1, 0);
            for word in line.split_whitespace() {
                let len = word.chars().count();
                if used == 0 {
                    used = len;
                } else if used + 1 + len <= width {
                    used += 1 + len;
                } else {
                    lines += 1;
                    used = len;
                }
                // A word longer than the column breaks wherever it must.
                while used > width {
                    lines += 1;
                    used -= width;
                }
            }
            lines
        })
        .sum::<usize>()
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_counts_paragraph_lines() {
        assert_eq!(lines_needed("kort", 10), 1);
        assert_eq!(lines_needed("ett två tre fyra", 10), 2);
        assert_eq!(lines_needed("• a\n• b\n\nc", 10), 4);
        assert_eq!(lines_needed("abcdefghijklmnopqrstu", 10), 3);
        assert_eq!(lines_needed("", 10), 1);
    }
}
