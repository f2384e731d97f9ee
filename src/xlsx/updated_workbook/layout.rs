//! How each input sheet is carried over: where its header is, which columns hold amounts, and for
//! `Insatser` the follow-up columns to add and where the computed columns go.

use super::UpdatedWorkbookError;
use super::names::{CHANGES, CONTROL, SUMMARY, SheetMap, SheetNames, is_generated};
use crate::model::schema::{CONTRACT, areas, computed, initiatives};
use crate::model::{Assessment, Kind};
use crate::workbook::{Column, Sheet, Table, Workbook, same_name};

pub const REMAINING: &str = computed::REMAINING;
pub const SHARE: &str = computed::SHARE_SPENT;
const MONEY_COLUMNS: [Column; 5] = [
    initiatives::AMOUNT,
    initiatives::REQUISITIONED,
    initiatives::SPENT,
    areas::BUDGET,
    areas::REGION_FUNDS,
];
const KIND_CHOICES: &[&str] = &Kind::LABELS;
pub(crate) const ASSESSMENT_CHOICES: [&str; 3] = Assessment::ALL_LABELS;

/// The Kvar and Andel förbrukat columns of `Insatser`, and the columns they are computed from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Computed {
    pub amount: u32,
    pub spent: u32,
    pub remaining: u32,
    pub share: u32,
}

/// One carried-over sheet. Cells keep their input positions, so a diagnostic's cell is the same
/// cell in the updated workbook.
#[derive(Debug)]
pub(crate) struct Layout<'a> {
    pub input: &'a Sheet,
    pub name: String,
    /// The header row of a contract sheet; unknown sheets are carried as they are.
    pub header: Option<u32>,
    pub data_rows: Vec<u32>,
    pub money: Vec<u32>,
    /// Columns whose text is written trimmed (area codes), so SUMIFS matches them as reading does.
    pub trimmed: Vec<u32>,
    pub added: Vec<(u32, &'static str)>,
    /// Columns whose input cells are not carried: computed columns of an earlier updated workbook.
    pub replaced: Vec<u32>,
    pub choices: Vec<(u32, &'static [&'static str])>,
    pub assessment: Option<u32>,
    pub computed: Option<Computed>,
}

impl Layout<'_> {
    /// The last column written, counting added and computed columns.
    pub fn last_col(&self) -> Option<u32> {
        let computed = self.computed.map(|c| c.remaining.max(c.share));
        self.input
            .last_col()
            .into_iter()
            .chain(self.added.iter().map(|(c, _)| *c))
            .chain(computed)
            .max()
    }

    /// The last data row, or the header when there is none.
    pub fn last_row(&self) -> Option<u32> {
        self.data_rows.last().copied().or(self.header)
    }
}

/// Where Summering finds the insatser: the output sheet and its columns.
#[derive(Debug, Clone)]
pub(crate) struct InitiativeColumns {
    pub sheet: String,
    pub area: u32,
    pub amount: u32,
    pub requisitioned: u32,
    pub spent: u32,
}

#[derive(Debug)]
pub struct Plan<'a> {
    pub sheets: Vec<Layout<'a>>,
    pub map: SheetMap,
    pub initiatives: InitiativeColumns,
}

impl<'a> Plan<'a> {
    /// With `changes`, the name `Förändringar` is kept for the sheet of changes too.
    pub(crate) fn reserving(
        book: &'a Workbook,
        changes: bool,
    ) -> Result<Plan<'a>, UpdatedWorkbookError> {
        let reserved: &[&str] = if changes {
            &[SUMMARY, CONTROL, CHANGES]
        } else {
            &[SUMMARY, CONTROL]
        };
        let mut names = SheetNames::with_reserved(reserved);
        let mut map = SheetMap::default();
        let mut sheets = Vec::new();
        let mut initiatives = None;
        for sheet in book.sheets.iter().filter(|s| !is_generated(s)) {
            let name = names.take(&sheet.name);
            map.insert(sheet, &name);
            let mut layout = plain(sheet, name);
            if let Some(table) = contract_table(book, sheet) {
                apply_table(&mut layout, &table);
                if same_name(&sheet.name, initiatives::SHEET.name) {
                    initiatives = Some(add_follow_up(&mut layout, &table));
                }
            }
            sheets.push(layout);
        }
        let initiatives = initiatives.ok_or(UpdatedWorkbookError::NoInitiatives)?;
        Ok(Plan {
            sheets,
            map,
            initiatives,
        })
    }
}

fn plain(sheet: &Sheet, name: String) -> Layout<'_> {
    Layout {
        input: sheet,
        name,
        header: None,
        data_rows: Vec::new(),
        money: Vec::new(),
        trimmed: Vec::new(),
        added: Vec::new(),
        replaced: Vec::new(),
        choices: Vec::new(),
        assessment: None,
        computed: None,
    }
}

/// The table of a contract sheet, found exactly as reading finds it. A sheet the checks could not use
/// (a name in two files, a missing required column) is carried over as plain cells.
fn contract_table<'a>(book: &'a Workbook, sheet: &'a Sheet) -> Option<Table<'a>> {
    let spec = CONTRACT.iter().find(|s| same_name(s.name, &sheet.name))?;
    let table = Table::find(book, spec.name, spec.columns, false, &mut Vec::new())?;
    std::ptr::eq(table.sheet, sheet).then_some(table)
}

fn apply_table(layout: &mut Layout, table: &Table) {
    layout.header = Some(table.header_row);
    layout.data_rows = table.rows().map(|r| r.row).collect();
    layout.money = MONEY_COLUMNS
        .iter()
        .filter_map(|column| table.column(*column))
        .collect();
}

/// Adds the missing follow-up columns and places Kvar and Andel förbrukat: in their own columns when
/// the input is an earlier updated workbook, else after the last column.
fn add_follow_up(layout: &mut Layout, table: &Table) -> InitiativeColumns {
    let mut next = layout.input.last_col().map_or(0, |c| c + 1);
    // Follow-up columns a coordinator fills in; added when missing so they are there to fill.
    let mut column_of = |layout: &mut Layout, column: Column| {
        table.column(column).unwrap_or_else(|| {
            let col = next;
            next += 1;
            layout.added.push((col, column.name));
            col
        })
    };
    let [requisitioned, spent, assessment, _comment] =
        initiatives::FOLLOW_UP.map(|c| column_of(layout, c));
    let mut computed_column = |layout: &mut Layout, name: &str| {
        let earlier: Vec<u32> = table
            .extra
            .iter()
            .filter(|(header, _)| same_name(header, name))
            .map(|(_, col)| *col)
            .collect();
        layout.replaced.extend(&earlier);
        earlier.first().copied().unwrap_or_else(|| {
            let col = next;
            next += 1;
            col
        })
    };
    let remaining = computed_column(layout, REMAINING);
    let share = computed_column(layout, SHARE);
    // Required columns: the table would not exist without them.
    let area = table.column(initiatives::AREA).unwrap_or(0);
    let amount = table.column(initiatives::AMOUNT).unwrap_or(0);
    let kind = table.column(initiatives::KIND).unwrap_or(0);

    layout.money = vec![amount, requisitioned, spent];
    layout.trimmed = vec![area];
    layout.choices = vec![(kind, KIND_CHOICES), (assessment, &ASSESSMENT_CHOICES)];
    layout.assessment = Some(assessment);
    layout.computed = Some(Computed {
        amount,
        spent,
        remaining,
        share,
    });
    InitiativeColumns {
        sheet: layout.name.clone(),
        area,
        amount,
        requisitioned,
        spent,
    }
}
