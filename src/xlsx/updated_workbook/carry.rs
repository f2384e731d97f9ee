//! Writing one carried-over sheet: every cell with its value, and for contract sheets a frozen,
//! filterable header, amounts in kronor, dropdowns and, in `Insatser`, the computed columns.

use super::formats::{self, Formats, highlight};
use super::layout::{ASSESSMENT_CHOICES, Computed, Layout, REMAINING, SHARE};
use super::refs;
use crate::model::Amount;
use crate::model::parse_amount;
use crate::workbook::Value;
use crate::xlsx::rows::Wrapped;
use chrono::Datelike;
use rust_xlsxwriter::{
    ConditionalFormatCell, ConditionalFormatCellRule, DataValidation, DataValidationRule,
    ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError,
};
use std::collections::BTreeMap;

/// Text longer than this wraps, and no column grows wider.
const MAX_WIDTH: usize = 50;
const MIN_WIDTH: usize = 8;
/// Dropdowns and amount checks reach this far below the last row, for insatser added later.
const ROOM_BELOW: u32 = 500;
const LAST_EXCEL_ROW: u32 = 1_048_575;
/// A4 in Excel's paper codes: Swedish offices print on A4.
const A4: u8 = 9;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Header,
    /// The header of an amount column, right-aligned over its figures.
    MoneyHeader,
    Money,
    /// A title above the header: it may run over the empty cells beside it, so it neither wraps
    /// nor widens its column.
    Title,
    Plain,
}

impl Style {
    fn is_header(self) -> bool {
        matches!(self, Style::Header | Style::MoneyHeader)
    }
}

/// Column widths in characters, grown as cells are written.
#[derive(Debug, Default)]
struct Widths(BTreeMap<u32, usize>);

impl Widths {
    pub fn fit(&mut self, col: u32, chars: usize) {
        let width = self.0.entry(col).or_default();
        *width = (*width).max(chars);
    }

    /// The width a column gets, in characters.
    pub fn chars(&self, col: u32) -> usize {
        self.0
            .get(&col)
            .map_or(MIN_WIDTH, |chars| (chars + 2).clamp(MIN_WIDTH, MAX_WIDTH))
    }

    pub(crate) fn apply(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        for col in self.0.keys() {
            ws.set_column_width(*col as u16, self.chars(*col) as f64)?;
        }
        Ok(())
    }
}

pub fn write(wb: &mut Workbook, layout: &Layout, f: &Formats) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(&layout.name)?;
    let mut widths = Widths::default();
    let mut wrapped = Wrapped::default();
    write_cells(ws, layout, f, &mut widths, &mut wrapped)?;
    if let Some(header) = layout.header {
        for (col, name) in &layout.added {
            let format = if layout.money.contains(col) {
                &f.header_right
            } else {
                &f.header
            };
            ws.write_string_with_format(header, *col as u16, *name, format)?;
            widths.fit(*col, header_width(name));
        }
        if let Some(computed) = layout.computed {
            write_computed(ws, layout, header, computed, f, &mut widths)?;
        }
        dress_table(ws, layout, header)?;
    }
    widths.apply(ws)?;
    wrapped.apply(ws, |col| widths.chars(col))
}

fn write_cells(
    ws: &mut Worksheet,
    layout: &Layout,
    f: &Formats,
    widths: &mut Widths,
    wrapped: &mut Wrapped,
) -> Result<(), XlsxError> {
    let (row0, col0) = layout.input.origin;
    for (r, cells) in layout.input.rows.iter().enumerate() {
        let row = row0 + r as u32;
        for (c, value) in cells.iter().enumerate() {
            let col = col0 + c as u32;
            if layout.replaced.contains(&col) {
                continue;
            }
            let style = match layout.header {
                Some(h) if row == h && layout.money.contains(&col) => Style::MoneyHeader,
                Some(h) if row == h => Style::Header,
                Some(h) if row > h && layout.money.contains(&col) => Style::Money,
                Some(h) if row < h => Style::Title,
                _ => Style::Plain,
            };
            let trimmed;
            let value = match value {
                Value::Text(t) if layout.trimmed.contains(&col) && !style.is_header() => {
                    trimmed = Value::Text(t.trim().to_string());
                    &trimmed
                }
                other => other,
            };
            let chars = write_value(ws, row, col as u16, value, style, f)?;
            if style != Style::Title {
                widths.fit(col, chars);
            }
            if let Value::Text(t) = value
                && style == Style::Plain
                && wraps(t)
            {
                wrapped.add(row, col, t);
            }
        }
    }
    Ok(())
}

/// Writes one value with its type kept; text is always written as text, so `=SUM(A1)` or `+46 70`
/// stays what was typed. Returns the width it needs, in characters.
fn write_value(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: &Value,
    style: Style,
    f: &Formats,
) -> Result<usize, XlsxError> {
    let pick = |plain| styled(style, plain, f);
    match value {
        Value::Empty => Ok(0),
        Value::Text(t) if t.trim().is_empty() => Ok(0),
        Value::Text(t) => {
            // Swedish text amounts (`1 000 000 kr`) become numbers, so formulas can count them.
            if style == Style::Money
                && let Ok(amount) = parse_amount(value)
            {
                return write_money(ws, row, col, amount, &f.money);
            }
            let format = pick(if wraps(t) && style != Style::Title {
                &f.wrap
            } else {
                &f.text
            });
            ws.write_string_with_format(row, col, t, format)?;
            Ok(match style {
                Style::Header | Style::MoneyHeader => header_width(t),
                _ => text_width(t),
            })
        }
        Value::Number(n) if style == Style::Money => match parse_amount(value) {
            Ok(amount) => write_money(ws, row, col, amount, &f.money),
            Err(_) => {
                ws.write_number_with_format(row, col, *n, &f.money)?;
                Ok(value.display().len())
            }
        },
        Value::Number(n) => {
            ws.write_number_with_format(row, col, *n, pick(&f.number))?;
            Ok(value.display().chars().count())
        }
        Value::Date(d) => match excel_date(*d) {
            Some(date) => {
                ws.write_datetime_with_format(row, col, &date, pick(&f.date))?;
                Ok(formats::DATE.len())
            }
            None => {
                let text = value.display();
                ws.write_string_with_format(row, col, &text, pick(&f.text))?;
                Ok(text.chars().count())
            }
        },
        Value::Bool(b) => {
            ws.write_boolean_with_format(row, col, *b, pick(&f.text))?;
            Ok(value.display().chars().count())
        }
        Value::Error(e) => {
            ws.write_string_with_format(row, col, e, pick(&f.text))?;
            Ok(e.chars().count())
        }
        // Carried as the formula it is: Excel and LibreOffice calculate it on opening.
        Value::UncachedFormula(formula) => {
            ws.write_formula_with_format(row, col, formula.as_str(), pick(&f.text))?;
            Ok(formula.chars().count())
        }
    }
}

/// Header cells keep their value but look like a header.
fn styled<'a>(style: Style, plain: &'a Format, f: &'a Formats) -> &'a Format {
    match style {
        Style::Header => &f.header,
        Style::MoneyHeader => &f.header_right,
        Style::Money | Style::Title | Style::Plain => plain,
    }
}

fn write_money(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    amount: Amount,
    format: &Format,
) -> Result<usize, XlsxError> {
    ws.write_number_with_format(row, col, amount.kronor_f64(), format)?;
    // One more for the indent that keeps the figure off the next column.
    Ok(amount.to_string().chars().count() + 1)
}

/// A date as Excel stores it; `None` before 1900, which Excel cannot show as a date.
pub(crate) fn excel_date(date: chrono::NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok()?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

/// Text that wraps rather than widen its column past `MAX_WIDTH`.
fn wraps(text: &str) -> bool {
    text.contains('\n') || text.chars().count() > MAX_WIDTH
}

fn text_width(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// Room for the header text and the autofilter button.
fn header_width(text: &str) -> usize {
    text_width(text) + 3
}

/// Kvar = Belopp − Förbrukat and Andel förbrukat = Förbrukat / Belopp (0 when Belopp is 0), as
/// formulas with their results stored for viewers that do not recalculate.
fn write_computed(
    ws: &mut Worksheet,
    layout: &Layout,
    header: u32,
    c: Computed,
    f: &Formats,
    widths: &mut Widths,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(header, c.remaining as u16, REMAINING, &f.computed_header)?;
    ws.write_string_with_format(header, c.share as u16, SHARE, &f.computed_header)?;
    widths.fit(c.remaining, header_width(REMAINING).max(15));
    widths.fit(c.share, header_width(SHARE));
    for &row in &layout.data_rows {
        let amount = refs::cell(row, c.amount);
        let spent = refs::cell(row, c.spent);
        let amount_value = cached_amount(layout.input.get(row, c.amount));
        let spent_value = cached_amount(layout.input.get(row, c.spent));
        let (remaining, share) = match (amount_value, spent_value) {
            (Some(a), Some(s)) => (
                number(a.kronor_f64() - s.kronor_f64()),
                number(if a == Amount::ZERO {
                    0.0
                } else {
                    s.kronor_f64() / a.kronor_f64()
                }),
            ),
            _ => ("#VALUE!".to_string(), "#VALUE!".to_string()),
        };
        ws.write_formula_with_format(
            row,
            c.remaining as u16,
            Formula::new(format!("={amount}-{spent}")).set_result(remaining),
            &f.computed_money,
        )?;
        ws.write_formula_with_format(
            row,
            c.share as u16,
            Formula::new(format!("=IF({amount}=0,0,{spent}/{amount})")).set_result(share),
            &f.computed_percent,
        )?;
    }
    // More spent than granted shows in red.
    let overspent = ConditionalFormatCell::new()
        .set_rule(ConditionalFormatCellRule::LessThan(0))
        .set_format(highlight(formats::RED));
    let last = layout.last_row().unwrap_or(header) + ROOM_BELOW;
    let col = c.remaining as u16;
    ws.add_conditional_format(header + 1, col, last.min(LAST_EXCEL_ROW), col, &overspent)?;
    Ok(())
}

/// The amount Excel sees in a cell as written here: empty counts as 0, an unreadable one as none.
fn cached_amount(value: &Value) -> Option<Amount> {
    if value.is_empty() {
        Some(Amount::ZERO)
    } else {
        parse_amount(value).ok()
    }
}

/// A formula result as Excel stores numbers.
pub fn number(x: f64) -> String {
    format!("{x}")
}

/// Frozen header, autofilter, dropdowns, amount checks, Bedömning colours and print setup.
fn dress_table(ws: &mut Worksheet, layout: &Layout, header: u32) -> Result<(), XlsxError> {
    let first_col = layout.input.origin.1 as u16;
    let last_col = layout.last_col().unwrap_or(layout.input.origin.1) as u16;
    let last_row = layout.last_row().unwrap_or(header);
    ws.set_freeze_panes(header + 1, 0)?;
    ws.autofilter(header, first_col, last_row, last_col)?;
    let (first, end) = (header + 1, (last_row + ROOM_BELOW).min(LAST_EXCEL_ROW));
    for (col, choices) in &layout.choices {
        let validation = DataValidation::new()
            .allow_list_strings(choices)?
            .set_error_title("Välj i listan")?
            .set_error_message(format!("Välj {}.", or_list(choices)))?;
        ws.add_data_validation(first, *col as u16, end, *col as u16, &validation)?;
    }
    let non_negative = DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_error_title("Inte ett belopp")?
        .set_error_message("Skriv ett belopp i kronor, 0 eller mer, t.ex. 500000.")?;
    for col in &layout.money {
        ws.add_data_validation(first, *col as u16, end, *col as u16, &non_negative)?;
    }
    if let Some(col) = layout.assessment {
        for (word, colour) in
            ASSESSMENT_CHOICES
                .iter()
                .zip([formats::GREEN, formats::YELLOW, formats::RED])
        {
            let rule = ConditionalFormatCell::new()
                .set_rule(ConditionalFormatCellRule::EqualTo(*word))
                .set_format(highlight(colour));
            ws.add_conditional_format(first, col as u16, end, col as u16, &rule)?;
        }
    }
    print_setup(ws, header)
}

/// Landscape A4, one page wide, header row repeated on every page.
pub(crate) fn print_setup(ws: &mut Worksheet, header: u32) -> Result<(), XlsxError> {
    ws.set_landscape()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 0)
        .set_repeat_rows(header, header)?;
    Ok(())
}

/// `Grön, Gul eller Röd`.
fn or_list(choices: &[&str]) -> String {
    match choices {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} eller {last}", init.join(", ")),
    }
}
