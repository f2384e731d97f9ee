//! A1 references and how they move when repeating rows push the rows below them down, the way
//! Excel's "insert rows" moves them: in formulas, ranges (`sqref`), names and anchors.

use std::collections::HashMap;

/// Rows Excel can hold (0-based rows run to this minus one).
pub const MAX_ROWS: u32 = 1_048_576;
const MAX_COLS: u32 = 16_384;

/// The repeating rows of one sheet: each template row and how many rows are added below it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shift {
    regions: Vec<(u32, u32)>,
}

impl Shift {
    /// `row` (0-based) is repeated so that `added` new rows follow it.
    pub fn add(&mut self, row: u32, added: u32) {
        self.regions.push((row, added));
        self.regions.sort_unstable();
    }

    /// Whether nothing moves on this sheet.
    pub fn is_empty(&self) -> bool {
        self.regions.iter().all(|&(_, a)| a == 0)
    }

    pub fn added_total(&self) -> u32 {
        self.regions.iter().map(|&(_, a)| a).sum()
    }

    /// Where a row ends up: moved by every region above it.
    pub fn row(&self, r: u32) -> u32 {
        r + self
            .regions
            .iter()
            .take_while(|&&(t, _)| t < r)
            .map(|&(_, a)| a)
            .sum::<u32>()
    }

    /// Where the last row of a range ends up: a range ending on a repeating row grows over its
    /// copies, so `SUM(D11:D11)` under a region sums the whole region.
    pub fn end(&self, r: u32) -> u32 {
        let own = self
            .regions
            .iter()
            .find(|&&(t, _)| t == r)
            .map_or(0, |&(_, a)| a);
        self.row(r) + own
    }
}

/// The shifts of every sheet, by lower-cased sheet name.
pub type Shifts = HashMap<String, Shift>;

pub fn sheet_key(name: &str) -> String {
    name.to_lowercase()
}

/// A cell or range of cells, 0-based, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub c1: u32,
    pub r1: u32,
    pub c2: u32,
    pub r2: u32,
}

impl Range {
    pub fn contains_row(&self, r: u32) -> bool {
        self.r1 <= r && r <= self.r2
    }

    /// Grown or moved by a sheet's shift.
    pub fn shifted(&self, shift: &Shift) -> Range {
        Range {
            r1: shift.row(self.r1),
            r2: shift.end(self.r2),
            ..*self
        }
    }

    pub fn moved_down(&self, rows: u32) -> Range {
        Range {
            r1: self.r1 + rows,
            r2: self.r2 + rows,
            ..*self
        }
    }
}

impl std::fmt::Display for Range {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.c1 == self.c2 && self.r1 == self.r2 {
            write!(f, "{}", cell_name(self.c1, self.r1))
        } else {
            write!(
                f,
                "{}:{}",
                cell_name(self.c1, self.r1),
                cell_name(self.c2, self.r2)
            )
        }
    }
}

pub fn cell_name(col: u32, row: u32) -> String {
    format!("{}{}", crate::diagnostics::column_letters(col), row + 1)
}

/// `B14` or `$B$14` → (column, row), 0-based.
pub fn parse_cell(s: &str) -> Option<(u32, u32)> {
    let (col, _, row, _) = parse_cell_parts(s)?;
    Some((col, row))
}

/// Column, whether it is absolute, row, whether it is absolute.
fn parse_cell_parts(s: &str) -> Option<(u32, bool, u32, bool)> {
    let b = s.as_bytes();
    let mut i = 0;
    let col_abs = b.first() == Some(&b'$');
    if col_abs {
        i += 1;
    }
    let letters_start = i;
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    let letters = &s[letters_start..i];
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let row_abs = b.get(i) == Some(&b'$');
    if row_abs {
        i += 1;
    }
    let digits = &s[i..];
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) || digits.len() > 7 {
        return None;
    }
    let col = letters.bytes().fold(0u32, |n, c| {
        n * 26 + (c.to_ascii_uppercase() - b'A' + 1) as u32
    });
    let row: u32 = digits.parse().ok()?;
    if col == 0 || col > MAX_COLS || row == 0 || row > MAX_ROWS {
        return None;
    }
    Some((col - 1, col_abs, row - 1, row_abs))
}

/// `A1:B2` or `A1` → a range.
pub fn parse_range(s: &str) -> Option<Range> {
    match s.split_once(':') {
        Some((a, b)) => {
            let (c1, r1) = parse_cell(a)?;
            let (c2, r2) = parse_cell(b)?;
            Some(Range {
                c1: c1.min(c2),
                r1: r1.min(r2),
                c2: c1.max(c2),
                r2: r1.max(r2),
            })
        }
        None => {
            let (c, r) = parse_cell(s)?;
            Some(Range {
                c1: c,
                r1: r,
                c2: c,
                r2: r,
            })
        }
    }
}

/// A space-separated list of ranges (`sqref`), each grown or moved; unreadable parts are kept.
pub fn shift_sqref(sqref: &str, shift: &Shift) -> String {
    sqref
        .split(' ')
        .map(|part| match parse_range(part) {
            Some(r) => r.shifted(shift).to_string(),
            None => part.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How a formula is moved.
pub struct FormulaContext<'a> {
    /// The sheet an unqualified reference points at; `None` in names and charts, where references
    /// are always qualified.
    pub own_sheet: Option<&'a str>,
    pub shifts: &'a Shifts,
    /// `Some(k)` for the k-th copy of a repeating row: relative rows move down by k as Excel's
    /// fill-down moves them, and ranges do not grow.
    pub copy: Option<u32>,
}

impl FormulaContext<'_> {
    fn shift_for(&self, sheet: Option<&str>) -> Option<&Shift> {
        let name = sheet.or(self.own_sheet)?;
        self.shifts.get(&sheet_key(name))
    }

    fn single(&self, shift: Option<&Shift>, row: u32, abs: bool) -> u32 {
        let moved = shift.map_or(row, |s| s.row(row));
        match self.copy {
            Some(k) if !abs => moved + k,
            _ => moved,
        }
    }

    fn range_end(&self, shift: Option<&Shift>, row: u32, abs: bool) -> u32 {
        match self.copy {
            Some(_) => self.single(shift, row, abs),
            None => shift.map_or(row, |s| s.end(row)),
        }
    }
}

fn is_token_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'$' | b'.' | b'\\') || c >= 0x80
}

fn format_cell(col: u32, col_abs: bool, row: u32, row_abs: bool) -> String {
    format!(
        "{}{}{}{}",
        if col_abs { "$" } else { "" },
        crate::diagnostics::column_letters(col),
        if row_abs { "$" } else { "" },
        row + 1
    )
}

fn parse_row_number(s: &str) -> Option<(u32, bool)> {
    let (abs, digits) = match s.strip_prefix('$') {
        Some(d) => (true, d),
        None => (false, s),
    };
    if digits.is_empty() || digits.len() > 7 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (1..=MAX_ROWS).contains(&n).then(|| (n - 1, abs))
}

/// A formula with every reference into a shifted sheet moved. Text in quotes, function names,
/// defined names, structured and external references are left as they are.
pub fn shift_formula(formula: &str, ctx: &FormulaContext) -> String {
    let b = formula.as_bytes();
    let mut out = String::with_capacity(formula.len() + 8);
    let mut i = 0;
    // The sheet named just before the next reference, and whether it is in another workbook.
    let mut sheet: Option<String> = None;
    let mut external = false;
    while i < b.len() {
        let c = b[i];
        if c == b'"' {
            let end = quoted_end(b, i, b'"');
            out.push_str(&formula[i..end]);
            i = end;
            continue;
        }
        if c == b'\'' {
            let end = quoted_end(b, i, b'\'');
            if b.get(end) == Some(&b'!') {
                let inner = &formula[i + 1..end.saturating_sub(1).max(i + 1)];
                let name = inner.replace("''", "'");
                // `'[1]Sheet'!A1` points into another workbook.
                external |= name.starts_with('[');
                sheet = Some(name);
                out.push_str(&formula[i..=end]);
                i = end + 1;
            } else {
                out.push_str(&formula[i..end]);
                i = end;
            }
            continue;
        }
        if c == b'[' {
            let end = bracket_end(b, i);
            out.push_str(&formula[i..end]);
            external = true;
            i = end;
            continue;
        }
        if is_token_char(c) {
            let start = i;
            while i < b.len() && is_token_char(b[i]) {
                i += 1;
            }
            let token = &formula[start..i];
            match b.get(i) {
                Some(b'!') => {
                    sheet = Some(token.to_string());
                    out.push_str(token);
                    out.push('!');
                    i += 1;
                    continue;
                }
                Some(b'(') => {
                    out.push_str(token);
                    sheet = None;
                    external = false;
                    continue;
                }
                _ => {}
            }
            let shift = if external {
                None
            } else {
                ctx.shift_for(sheet.as_deref())
            };
            // A second token after `:` makes a range.
            let second = (b.get(i) == Some(&b':')).then(|| {
                let s2 = i + 1;
                let mut e2 = s2;
                while e2 < b.len() && is_token_char(b[e2]) {
                    e2 += 1;
                }
                (s2, e2)
            });
            if let Some((col, ca, row, ra)) = parse_cell_parts(token) {
                match second
                    .and_then(|(s2, e2)| parse_cell_parts(&formula[s2..e2]).map(|p| (p, e2)))
                {
                    Some(((col2, ca2, row2, ra2), e2)) => {
                        let (r1, r2) = if shift.is_some() || ctx.copy.is_some() {
                            (ctx.single(shift, row, ra), ctx.range_end(shift, row2, ra2))
                        } else {
                            (row, row2)
                        };
                        out.push_str(&format_cell(col, ca, r1, ra));
                        out.push(':');
                        out.push_str(&format_cell(col2, ca2, r2, ra2));
                        i = e2;
                    }
                    None => {
                        out.push_str(&format_cell(col, ca, ctx.single(shift, row, ra), ra));
                    }
                }
            } else if let (Some((row, ra)), Some((s2, e2))) = (parse_row_number(token), second) {
                match parse_row_number(&formula[s2..e2]) {
                    Some((row2, ra2)) => {
                        let r1 = ctx.single(shift, row, ra);
                        let r2 = ctx.range_end(shift, row2, ra2);
                        out.push_str(&format!(
                            "{}{}:{}{}",
                            if ra { "$" } else { "" },
                            r1 + 1,
                            if ra2 { "$" } else { "" },
                            r2 + 1
                        ));
                        i = e2;
                    }
                    None => out.push_str(token),
                }
            } else {
                out.push_str(token);
            }
            sheet = None;
            external = false;
            continue;
        }
        // Any other character (operators, spaces, non-ASCII) passes as it is.
        let ch_len = formula[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&formula[i..i + ch_len]);
        if !matches!(c, b' ') {
            sheet = None;
            external = false;
        }
        i += ch_len;
    }
    out
}

/// The index just past a quoted run starting at `start`, where a doubled quote is an escaped one.
fn quoted_end(b: &[u8], start: usize, quote: u8) -> usize {
    let mut j = start + 1;
    while j < b.len() {
        if b[j] == quote {
            if b.get(j + 1) == Some(&quote) {
                j += 2;
                continue;
            }
            return j + 1;
        }
        j += 1;
    }
    b.len()
}

fn bracket_end(b: &[u8], start: usize) -> usize {
    let mut depth = 0;
    for (j, &c) in b.iter().enumerate().skip(start) {
        match c {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return j + 1;
                }
            }
            _ => {}
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shifts() -> Shifts {
        let mut s = Shift::default();
        s.add(10, 23); // row 11 repeated 24 times
        let mut map = Shifts::new();
        map.insert("redovisning".into(), s);
        map
    }

    fn moved(f: &str, own: &str, copy: Option<u32>) -> String {
        let shifts = shifts();
        shift_formula(
            f,
            &FormulaContext {
                own_sheet: Some(own),
                shifts: &shifts,
                copy,
            },
        )
    }

    #[test]
    fn sums_under_a_region_grow_over_it() {
        assert_eq!(moved("SUM(D11:D11)", "Redovisning", None), "SUM(D11:D34)");
        assert_eq!(moved("SUM(D5:D12)", "Redovisning", None), "SUM(D5:D35)");
        assert_eq!(moved("D12*2+$D$13", "Redovisning", None), "D35*2+$D$36");
        assert_eq!(moved("D10", "Redovisning", None), "D10");
    }

    #[test]
    fn other_sheets_and_qualified_references() {
        assert_eq!(
            moved("SUM(Redovisning!D11:D11)", "Annat", None),
            "SUM(Redovisning!D11:D34)"
        );
        assert_eq!(
            moved("'Redovisning'!$D$12+D12", "Annat", None),
            "'Redovisning'!$D$35+D12"
        );
        assert_eq!(moved("Annat!D12", "Redovisning", None), "Annat!D12");
    }

    #[test]
    fn text_functions_and_names_are_kept() {
        assert_eq!(
            moved("IF(D12>0,\"D12 kr\",LOG10(D12))", "Redovisning", None),
            "IF(D35>0,\"D12 kr\",LOG10(D35))"
        );
        assert_eq!(
            moved("Tabell1[Belopp]", "Redovisning", None),
            "Tabell1[Belopp]"
        );
        assert_eq!(
            moved("[1]Redovisning!D12", "Redovisning", None),
            "[1]Redovisning!D12"
        );
        assert_eq!(moved("12:13", "Redovisning", None), "35:36");
        // A zero is no row (LibreOffice writes such numbers in its own formulas).
        assert_eq!(moved("0:0+0", "Redovisning", None), "0:0+0");
    }

    #[test]
    fn copies_move_relative_rows_like_fill_down() {
        assert_eq!(moved("D11-E11", "Redovisning", Some(3)), "D14-E14");
        assert_eq!(moved("D11-$E$5", "Redovisning", Some(3)), "D14-$E$5");
    }

    #[test]
    fn sqref_grows() {
        let s = &shifts()["redovisning"];
        assert_eq!(shift_sqref("K11", s), "K11:K34");
        assert_eq!(shift_sqref("A1:B2 C12", s), "A1:B2 C35");
        assert_eq!(
            parse_range("$A$1:B2").map(|r| r.to_string()),
            Some("A1:B2".into())
        );
    }
}
