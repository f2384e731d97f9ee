//! A1 references and how they move when repeating rows push the rows below them down, the way
//! Excel's "insert rows" moves them: in formulas, ranges (`sqref`), names and anchors.

use std::collections::HashMap;

/// Rows Excel can hold (0-based rows run to this minus one).
pub(crate) const MAX_ROWS: u32 = 1_048_576;
/// Excel's last row, 0-based. A range ending here ("to the bottom of the sheet", `B2:B1048576`)
/// keeps ending here when rows are inserted above, as in Excel.
pub(crate) const LAST_ROW: u32 = MAX_ROWS - 1;
const MAX_COLS: u32 = 16_384;

/// Why a reference cannot be moved right. Excel would write `#REF!`; styrdok refuses instead.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RefError {
    /// The reference, as written, would move below Excel's last row.
    PastLastRow(String),
    /// A 3D reference (`Blad1:Blad2!C7`) over sheets whose rows move differently.
    ThreeD(String),
}

/// The repeating rows of one sheet: each template row and how many rows are added below it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Shift {
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

    pub(crate) fn added_total(&self) -> u32 {
        self.regions
            .iter()
            .fold(0u32, |n, &(_, a)| n.saturating_add(a))
    }

    /// How many copies follow this row when it repeats (0 for any other row).
    fn added_at(&self, r: u32) -> u32 {
        self.regions
            .iter()
            .find(|&&(t, _)| t == r)
            .map_or(0, |&(_, a)| a)
    }

    /// Where a row ends up: moved by every region above it. May lie past the last row; the
    /// callers that can meet such rows use `moved`.
    pub fn row(&self, r: u32) -> u32 {
        self.regions
            .iter()
            .take_while(|&&(t, _)| t < r)
            .fold(r, |n, &(_, a)| n.saturating_add(a))
    }

    /// Where a row ends up, or `None` when it would fall off the sheet.
    pub fn moved(&self, r: u32) -> Option<u32> {
        let n = self.row(r);
        (n <= LAST_ROW).then_some(n)
    }

    /// Where the last row of a range ends up: a range ending on a repeating row grows over its
    /// copies, so `SUM(D11:D11)` under a region sums the whole region; a range ending on the
    /// sheet's last row stays there. `None` when it would fall off the sheet.
    pub fn end(&self, r: u32) -> Option<u32> {
        if r == LAST_ROW {
            return Some(r);
        }
        let n = self.row(r).saturating_add(self.added_at(r));
        (n <= LAST_ROW).then_some(n)
    }
}

/// The shifts of every sheet, by lower-cased sheet name, and the sheets in workbook order (a 3D
/// reference spans the sheets between its two names).
#[derive(Debug, Clone, Default)]
pub(crate) struct Shifts {
    by_name: HashMap<String, Shift>,
    order: Vec<String>,
}

impl Shifts {
    pub fn new() -> Shifts {
        Shifts::default()
    }

    /// A sheet's shift, sheets given in workbook order.
    pub fn insert(&mut self, name: &str, shift: Shift) {
        let key = sheet_key(name);
        self.order.push(key.clone());
        self.by_name.insert(key, shift);
    }

    pub fn get(&self, name: &str) -> Option<&Shift> {
        self.by_name.get(&sheet_key(name))
    }

    pub(crate) fn any_moves(&self) -> bool {
        self.by_name.values().any(|s| !s.is_empty())
    }

    /// The shifts of the sheets from `first` to `last` in workbook order; `None` when either is not
    /// a sheet of the workbook.
    fn span(&self, first: &str, last: &str) -> Option<Vec<&Shift>> {
        let a = self.order.iter().position(|n| *n == sheet_key(first))?;
        let b = self.order.iter().position(|n| *n == sheet_key(last))?;
        let (a, b) = (a.min(b), a.max(b));
        Some(
            self.order[a..=b]
                .iter()
                .filter_map(|n| self.by_name.get(n))
                .collect(),
        )
    }
}

fn sheet_key(name: &str) -> String {
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
    pub(crate) fn contains_row(&self, r: u32) -> bool {
        self.r1 <= r && r <= self.r2
    }

    /// Grown or moved by a sheet's shift; `None` when a row would fall off the sheet.
    pub fn shifted(&self, shift: &Shift) -> Option<Range> {
        Some(Range {
            r1: shift.moved(self.r1)?,
            r2: shift.end(self.r2)?,
            ..*self
        })
    }

    /// Moved (never grown) by a sheet's shift.
    pub fn moved(&self, shift: &Shift) -> Option<Range> {
        Some(Range {
            r1: shift.moved(self.r1)?,
            r2: if self.r2 == LAST_ROW {
                LAST_ROW
            } else {
                shift.moved(self.r2)?
            },
            ..*self
        })
    }

    pub(crate) fn moved_down(&self, rows: u32) -> Range {
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

pub(crate) fn cell_name(col: u32, row: u32) -> String {
    format!("{}{}", crate::diagnostics::column_letters(col), row + 1)
}

/// `B14` or `$B$14` → (column, row), 0-based.
pub(crate) fn parse_cell(s: &str) -> Option<(u32, u32)> {
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
pub(crate) fn parse_range(s: &str) -> Option<Range> {
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
pub(crate) fn shift_sqref(sqref: &str, shift: &Shift) -> Result<String, RefError> {
    let mut out = Vec::new();
    for part in sqref.split(' ') {
        out.push(match parse_range(part) {
            Some(r) => r
                .shifted(shift)
                .ok_or_else(|| RefError::PastLastRow(part.to_string()))?
                .to_string(),
            None => part.to_string(),
        });
    }
    Ok(out.join(" "))
}

/// How a formula is moved.
pub(crate) struct FormulaContext<'a> {
    /// The sheet an unqualified reference points at; `None` in names and charts, where references
    /// are always qualified.
    pub own_sheet: Option<&'a str>,
    pub shifts: &'a Shifts,
    /// `Some(k)` for the k-th copy of a repeating row: relative rows move down by k as Excel's
    /// fill-down moves them, and ranges do not grow.
    pub copy: Option<u32>,
}

impl FormulaContext<'_> {
    fn single(&self, shift: Option<&Shift>, row: u32, abs: bool) -> Option<u32> {
        let moved = match shift {
            Some(s) => s.moved(row)?,
            None => row,
        };
        match self.copy {
            Some(k) if !abs => moved.checked_add(k).filter(|&n| n <= LAST_ROW),
            _ => Some(moved),
        }
    }

    /// A range's first and last row (each with whether it is absolute), moved: the first as a
    /// single cell, the last as a range's end.
    fn range(
        &self,
        shift: Option<&Shift>,
        (first, first_abs): (u32, bool),
        (last, last_abs): (u32, bool),
    ) -> Option<(u32, u32)> {
        Some((
            self.single(shift, first, first_abs)?,
            self.range_end(shift, last, last_abs)?,
        ))
    }

    fn range_end(&self, shift: Option<&Shift>, row: u32, abs: bool) -> Option<u32> {
        match self.copy {
            // To the bottom of the sheet stays there; a relative end copied down would fall off.
            Some(_) if row == LAST_ROW && abs => Some(row),
            Some(_) => self.single(shift, row, abs),
            None => shift.map_or(Some(row), |s| s.end(row)),
        }
    }
}

/// The sheet a reference is qualified with.
enum Qualifier {
    None,
    Sheet(String),
    /// `Blad1:Blad3!`: every sheet from the first to the last in workbook order.
    Span(String, String),
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
/// defined names, structured and external references are left as they are; whole columns (`B:B`)
/// never move. A reference that cannot be moved right is an error, never `#REF!`.
pub(crate) fn shift_formula(formula: &str, ctx: &FormulaContext) -> Result<String, RefError> {
    let b = formula.as_bytes();
    let mut out = String::with_capacity(formula.len() + 8);
    let mut i = 0;
    // The sheet named just before the next reference, and whether it is in another workbook.
    let mut sheet = Qualifier::None;
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
                let (named, in_other_book) =
                    quoted_qualifier(&formula[i + 1..end.saturating_sub(1).max(i + 1)]);
                sheet = named;
                external |= in_other_book;
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
                    sheet = Qualifier::Sheet(token.to_string());
                    out.push_str(token);
                    out.push('!');
                    i += 1;
                    continue;
                }
                Some(b'(') => {
                    out.push_str(token);
                    sheet = Qualifier::None;
                    external = false;
                    continue;
                }
                _ => {}
            }
            let second = range_end_token(b, i);
            if let Some((span, e2)) = sheet_span(formula, token, second) {
                sheet = span;
                out.push_str(&formula[start..=e2]);
                i = e2 + 1;
                continue;
            }
            let shifts = sheet_shifts(&sheet, external, ctx);
            let moved = move_alike(formula, (start, i), second, &shifts, &sheet, ctx)?;
            let (text, end) = moved.unwrap_or_else(|| (token.to_string(), i));
            out.push_str(&text);
            i = end;
            sheet = Qualifier::None;
            external = false;
            continue;
        }
        // Any other character (operators, spaces, non-ASCII) passes as it is.
        let ch_len = formula[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&formula[i..i + ch_len]);
        if !matches!(c, b' ') {
            sheet = Qualifier::None;
            external = false;
        }
        i += ch_len;
    }
    Ok(out)
}

/// The sheet a quoted qualifier names (its text between the quotes), and whether it is in another
/// workbook (`'[1]Blad'!A1`). A sheet name cannot hold `:`; here it joins the two ends of a 3D
/// reference (`'Blad 1:Blad 3'!A1`).
fn quoted_qualifier(inner: &str) -> (Qualifier, bool) {
    let name = inner.replace("''", "'");
    let external = name.starts_with('[');
    let sheet = match name.split_once(':') {
        Some((a, z)) => Qualifier::Span(a.to_string(), z.to_string()),
        None => Qualifier::Sheet(name),
    };
    (sheet, external)
}

/// `Blad1:Blad3!C7`: two sheet names around `:`, the second followed by `!` (at the index returned).
fn sheet_span(
    formula: &str,
    token: &str,
    second: Option<(usize, usize)>,
) -> Option<(Qualifier, usize)> {
    let (s2, e2) = second?;
    let is_span = formula.as_bytes().get(e2) == Some(&b'!')
        && e2 > s2
        && parse_cell_parts(token).is_none()
        && parse_row_number(token).is_none();
    is_span.then(|| {
        (
            Qualifier::Span(token.to_string(), formula[s2..e2].to_string()),
            e2,
        )
    })
}

/// The token after a `:` at `i`, which makes the token before it a range (or a 3D sheet span).
fn range_end_token(b: &[u8], i: usize) -> Option<(usize, usize)> {
    (b.get(i) == Some(&b':')).then(|| {
        let s2 = i + 1;
        let mut e2 = s2;
        while e2 < b.len() && is_token_char(b[e2]) {
            e2 += 1;
        }
        (s2, e2)
    })
}

/// The shift of each sheet a reference points into: its own sheet's when unqualified, every sheet
/// of a 3D span, none in another workbook (or a span whose ends are not sheets of this one).
fn sheet_shifts<'a>(
    sheet: &Qualifier,
    external: bool,
    ctx: &FormulaContext<'a>,
) -> Vec<Option<&'a Shift>> {
    if external {
        return vec![None];
    }
    match sheet {
        Qualifier::None => vec![ctx.own_sheet.and_then(|s| ctx.shifts.get(s))],
        Qualifier::Sheet(name) => vec![ctx.shifts.get(name)],
        Qualifier::Span(a, z) => match ctx.shifts.span(a, z) {
            Some(list) => list.into_iter().map(Some).collect(),
            None => vec![None],
        },
    }
}

/// The reference at `token` (`start..end`) moved by each sheet it points into; a 3D reference
/// must move alike on all of them. `None` when there is no sheet to move it by.
fn move_alike(
    formula: &str,
    (start, end): (usize, usize),
    second: Option<(usize, usize)>,
    shifts: &[Option<&Shift>],
    sheet: &Qualifier,
    ctx: &FormulaContext,
) -> Result<Option<(String, usize)>, RefError> {
    let mut moved: Option<(String, usize)> = None;
    for shift in shifts {
        let one = move_reference(formula, start, end, second, *shift, ctx)?;
        match &moved {
            None => moved = Some(one),
            Some(first) if *first == one => {}
            Some(_) => {
                let span = match sheet {
                    Qualifier::Span(a, z) => format!("{a}:{z}!"),
                    _ => String::new(),
                };
                let until = one.1.max(end);
                return Err(RefError::ThreeD(format!(
                    "{span}{}",
                    &formula[start..until]
                )));
            }
        }
    }
    Ok(moved)
}

/// One token (and the range it starts, when `second` follows a `:`) moved by one sheet's shift:
/// the new text and the index just past what it replaces.
fn move_reference(
    formula: &str,
    start: usize,
    token_end: usize,
    second: Option<(usize, usize)>,
    shift: Option<&Shift>,
    ctx: &FormulaContext,
) -> Result<(String, usize), RefError> {
    let token = &formula[start..token_end];
    let after_token = token_end;
    let past = |end: usize| RefError::PastLastRow(formula[start..end].to_string());
    if let Some((col, ca, row, ra)) = parse_cell_parts(token) {
        if let Some(((col2, ca2, row2, ra2), e2)) =
            second.and_then(|(s2, e2)| parse_cell_parts(&formula[s2..e2]).map(|p| (p, e2)))
        {
            let (r1, r2) = ctx
                .range(shift, (row, ra), (row2, ra2))
                .ok_or_else(|| past(e2))?;
            let text = format!(
                "{}:{}",
                format_cell(col, ca, r1, ra),
                format_cell(col2, ca2, r2, ra2)
            );
            return Ok((text, e2));
        }
        let end = after_token;
        let r = ctx.single(shift, row, ra).ok_or_else(|| past(end))?;
        return Ok((format_cell(col, ca, r, ra), end));
    }
    if let (Some((row, ra)), Some((s2, e2))) = (parse_row_number(token), second)
        && let Some((row2, ra2)) = parse_row_number(&formula[s2..e2])
    {
        let (r1, r2) = ctx
            .range(shift, (row, ra), (row2, ra2))
            .ok_or_else(|| past(e2))?;
        let text = format!(
            "{}{}:{}{}",
            if ra { "$" } else { "" },
            r1 + 1,
            if ra2 { "$" } else { "" },
            r2 + 1
        );
        return Ok((text, e2));
    }
    Ok((token.to_string(), after_token))
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
        map.insert("Annat", Shift::default());
        map.insert("Redovisning", s);
        map.insert("Tredje", Shift::default());
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
        .unwrap()
    }

    fn refused(f: &str, own: &str, copy: Option<u32>) -> RefError {
        let shifts = shifts();
        shift_formula(
            f,
            &FormulaContext {
                own_sheet: Some(own),
                shifts: &shifts,
                copy,
            },
        )
        .unwrap_err()
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
        let shifts = shifts();
        let s = shifts.get("Redovisning").unwrap();
        assert_eq!(shift_sqref("K11", s).unwrap(), "K11:K34");
        assert_eq!(shift_sqref("A1:B2 C12", s).unwrap(), "A1:B2 C35");
        // To the bottom of the sheet stays at the bottom.
        assert_eq!(shift_sqref("C1:C1048576", s).unwrap(), "C1:C1048576");
        assert_eq!(shift_sqref("B2:B1048576", s).unwrap(), "B2:B1048576");
        assert_eq!(
            shift_sqref("B1048570", s),
            Err(RefError::PastLastRow("B1048570".into()))
        );
        assert_eq!(
            parse_range("$A$1:B2").map(|r| r.to_string()),
            Some("A1:B2".into())
        );
    }

    #[test]
    fn whole_columns_and_the_last_row_stay() {
        assert_eq!(
            moved("SUM(B2:B1048576)", "Redovisning", None),
            "SUM(B2:B1048576)"
        );
        assert_eq!(moved("SUM(B:B)", "Redovisning", None), "SUM(B:B)");
        assert_eq!(
            moved("SUM($B$2:$B$1048576)", "Redovisning", None),
            "SUM($B$2:$B$1048576)"
        );
        assert_eq!(
            moved("SUM(12:1048576)", "Redovisning", None),
            "SUM(35:1048576)"
        );
        assert_eq!(
            moved("SUM(1:1048576)", "Redovisning", None),
            "SUM(1:1048576)"
        );
        assert_eq!(
            refused("B1048576+1", "Redovisning", None),
            RefError::PastLastRow("B1048576".into())
        );
        assert_eq!(
            refused("SUM(B1048570:B1048575)", "Redovisning", None),
            RefError::PastLastRow("B1048570:B1048575".into())
        );
        // Another sheet's last rows do not move.
        assert_eq!(
            moved("Annat!B1048576", "Redovisning", None),
            "Annat!B1048576"
        );
    }

    #[test]
    fn three_d_references_move_only_when_every_sheet_moves_alike() {
        // Above the repeating row nothing moves on any sheet.
        assert_eq!(
            moved("SUM(Annat:Tredje!C7)", "Annat", None),
            "SUM(Annat:Tredje!C7)"
        );
        assert_eq!(
            refused("SUM(Annat:Tredje!C17)", "Annat", None),
            RefError::ThreeD("Annat:Tredje!C17".into())
        );
        assert_eq!(
            refused("SUM('Annat:Tredje'!C17)", "Annat", None),
            RefError::ThreeD("Annat:Tredje!C17".into())
        );
        // A span of one moving sheet moves with it.
        assert_eq!(
            moved("SUM(Redovisning:Redovisning!C17)", "Annat", None),
            "SUM(Redovisning:Redovisning!C40)"
        );
    }
}
