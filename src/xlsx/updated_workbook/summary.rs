//! The `Summering` sheet: per insatsområde and delområde, Budget, Fördelat, Ofördelat, Rekvirerat,
//! Förbrukat and Kvar as formulas over the carried-over sheets, each with the model's figure as its
//! stored result.

use super::carry::{self, number};
use super::formats::{self, Formats, highlight};
use super::layout::{InitiativeColumns, Plan};
use super::names::{SUMMARY, SUMMARY_HEADERS};
use super::refs;
use crate::model::{Agreement, Amount, Area, AreaFigures};
use crate::xlsx::rows::Wrapped;
use rust_xlsxwriter::{
    ConditionalFormatCell, ConditionalFormatCellRule, Format, Formula, Workbook, Worksheet,
    XlsxError,
};

const CODE: u16 = 0;
const NAME: u16 = 1;
const BUDGET: u16 = 2;
const ALLOCATED: u16 = 3;
const UNALLOCATED: u16 = 4;
const REQUISITIONED: u16 = 5;
const SPENT: u16 = 6;
const REMAINING: u16 = 7;
const CODE_WIDTH: usize = 8;
const NAME_WIDTH: usize = 50;
const MONEY_WIDTH: usize = 16;

pub fn write(
    wb: &mut Workbook,
    agreement: &Agreement,
    plan: &Plan,
    f: &Formats,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(SUMMARY)?;
    for (col, header) in SUMMARY_HEADERS.iter().enumerate() {
        let format = if col as u16 >= BUDGET {
            &f.header_right
        } else {
            &f.header
        };
        ws.write_string_with_format(0, col as u16, *header, format)?;
    }
    let mut top_rows = Vec::new();
    let mut total = AreaFigures::default();
    let mut wrapped = Wrapped::default();
    for (i, area) in agreement.areas.iter().enumerate() {
        let row = i as u32 + 1;
        let figures = AreaFigures::of(agreement, area);
        write_area(ws, agreement, area, row, figures, plan, f)?;
        wrapped.add(row, NAME as u32, &area.name);
        if area.parent.is_none() {
            top_rows.push(row);
            total = total + figures;
        }
    }
    let total_row = agreement.areas.len() as u32 + 1;
    write_total(ws, total_row, &top_rows, total, f)?;
    mark_negative(ws, total_row)?;
    ws.set_freeze_panes(1, 0)?;
    // No autofilter here: sorting would tear the total row away from the rows it adds up.
    ws.set_column_width(CODE, CODE_WIDTH as f64)?;
    ws.set_column_width(NAME, NAME_WIDTH as f64)?;
    for col in BUDGET..=REMAINING {
        ws.set_column_width(col, MONEY_WIDTH as f64)?;
    }
    wrapped.apply(ws, |col| match col {
        0 => CODE_WIDTH,
        1 => NAME_WIDTH,
        _ => MONEY_WIDTH,
    })?;
    carry::print_setup(ws, 0)
}

fn write_area(
    ws: &mut Worksheet,
    agreement: &Agreement,
    area: &Area,
    row: u32,
    figures: AreaFigures,
    plan: &Plan,
    f: &Formats,
) -> Result<(), XlsxError> {
    let top = area.parent.is_none();
    let (text, name, money) = if top {
        (&f.area_text, &f.area_text, &f.area_money)
    } else {
        (&f.text, &f.sub_area_name, &f.money)
    };
    ws.write_string_with_format(row, CODE, &area.code, text)?;
    ws.write_string_with_format(row, NAME, &area.name, name)?;

    let budget = match plan.map.get(&area.budget_at.file, &area.budget_at.sheet) {
        Some(sheet) => format!(
            "={}!{}",
            refs::sheet(sheet),
            refs::absolute_cell(area.budget_at.row, area.budget_at.col)
        ),
        None => format!("={}", number(figures.budget.kronor_f64())),
    };
    let codes: Vec<&str> = std::iter::once(area.code.as_str())
        .chain(agreement.sub_areas(&area.code).map(|s| s.code.as_str()))
        .collect();
    let columns = &plan.initiatives;
    let cells = [
        (BUDGET, budget, figures.budget),
        (
            ALLOCATED,
            sum_by_codes(columns, columns.amount, &codes),
            figures.insatser.allocated,
        ),
        (
            UNALLOCATED,
            difference(row, BUDGET, ALLOCATED),
            figures.unallocated(),
        ),
        (
            REQUISITIONED,
            sum_by_codes(columns, columns.requisitioned, &codes),
            figures.insatser.requisitioned,
        ),
        (
            SPENT,
            sum_by_codes(columns, columns.spent, &codes),
            figures.insatser.spent,
        ),
        (
            REMAINING,
            difference(row, BUDGET, SPENT),
            figures.remaining_of_budget(),
        ),
    ];
    for (col, formula, result) in cells {
        write_formula(ws, row, col, &formula, result, money)?;
    }
    Ok(())
}

/// `=SUMIFS(Insatser!$E:$E,Insatser!$A:$A,"1")+SUMIFS(…,"1a")`: an area counts its own insatser
/// and its sub-areas', as the model does.
fn sum_by_codes(columns: &InitiativeColumns, sum_col: u32, codes: &[&str]) -> String {
    let sum_range = refs::whole_column(&columns.sheet, sum_col);
    let code_range = refs::whole_column(&columns.sheet, columns.area);
    let terms: Vec<String> = codes
        .iter()
        .map(|code| {
            format!(
                "SUMIFS({sum_range},{code_range},{})",
                refs::exact_criterion(code)
            )
        })
        .collect();
    format!("={}", terms.join("+"))
}

fn difference(row: u32, minuend: u16, subtrahend: u16) -> String {
    format!(
        "={}-{}",
        refs::cell(row, minuend as u32),
        refs::cell(row, subtrahend as u32)
    )
}

/// The agreement's total: the top-level areas (their sub-areas are already inside them).
fn write_total(
    ws: &mut Worksheet,
    row: u32,
    top_rows: &[u32],
    total: AreaFigures,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.write_blank(row, 0, &f.total_text)?;
    ws.write_string_with_format(row, 1, "Totalt", &f.total_text)?;
    let sum = |col: u16| {
        if top_rows.is_empty() {
            "=0".to_string()
        } else {
            let cells: Vec<String> = top_rows
                .iter()
                .map(|r| refs::cell(*r, col as u32))
                .collect();
            format!("={}", cells.join("+"))
        }
    };
    let cells = [
        (BUDGET, sum(BUDGET), total.budget),
        (ALLOCATED, sum(ALLOCATED), total.insatser.allocated),
        (
            UNALLOCATED,
            difference(row, BUDGET, ALLOCATED),
            total.unallocated(),
        ),
        (
            REQUISITIONED,
            sum(REQUISITIONED),
            total.insatser.requisitioned,
        ),
        (SPENT, sum(SPENT), total.insatser.spent),
        (
            REMAINING,
            difference(row, BUDGET, SPENT),
            total.remaining_of_budget(),
        ),
    ];
    for (col, formula, result) in cells {
        write_formula(ws, row, col, &formula, result, &f.total_money)?;
    }
    Ok(())
}

fn write_formula(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    formula: &str,
    result: Amount,
    format: &Format,
) -> Result<(), XlsxError> {
    let formula = Formula::new(formula).set_result(number(result.kronor_f64()));
    ws.write_formula_with_format(row, col, formula, format)?;
    Ok(())
}

/// Over budget (negative Ofördelat) and overspent (negative Kvar) show in red.
fn mark_negative(ws: &mut Worksheet, last_row: u32) -> Result<(), XlsxError> {
    let rule = ConditionalFormatCell::new()
        .set_rule(ConditionalFormatCellRule::LessThan(0))
        .set_format(highlight(formats::RED));
    for col in [UNALLOCATED, REMAINING] {
        ws.add_conditional_format(1, col, last_row, col, &rule)?;
    }
    Ok(())
}
