//! Where things stand in one version's workbook: the column of each Insatser field, the optional
//! Id column, and the Värde cell of each Uppgifter field. Found as reading finds them, so a link or
//! message points at the cell the coordinator knows.

use super::ID_COLUMN;
use crate::diagnostics::CellRef;
use crate::model::schema::{areas, info as info_sheet, initiatives};
use crate::model::{Area, Initiative};
use crate::workbook::{Table, Workbook, same_name};
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct Cells {
    columns: BTreeMap<&'static str, u32>,
    /// The Id column, when `Insatser` has one.
    pub id_column: Option<u32>,
    /// The Namn column of `Insatsområden` (the model keeps only the code's and budget's cells).
    area_name_column: Option<u32>,
    /// Uppgifter's Värde cells by field name in lower case.
    info: BTreeMap<String, CellRef>,
}

impl Cells {
    pub(crate) fn locate(book: &Workbook) -> Cells {
        let mut cells = Cells::default();
        // Problems were reported when the version was checked; here they only mean "no position".
        let mut ignored = Vec::new();
        let spec = initiatives::SHEET;
        if let Some(table) = Table::find(book, spec.name, spec.columns, false, &mut ignored) {
            for column in spec.columns {
                if let Some(col) = table.column(*column) {
                    cells.columns.insert(column.name, col);
                }
            }
            cells.id_column = table
                .extra
                .iter()
                .find(|(header, _)| same_name(header, ID_COLUMN))
                .map(|(_, col)| *col);
        }
        let spec = areas::SHEET;
        if let Some(table) = Table::find(book, spec.name, spec.columns, false, &mut ignored) {
            cells.area_name_column = table.column(areas::NAME);
        }
        let spec = info_sheet::SHEET;
        if let Some(table) = Table::find(book, spec.name, spec.columns, false, &mut ignored) {
            for row in table.rows() {
                let field = row.text(info_sheet::FIELD).to_lowercase();
                let (_, at) = row.cell(info_sheet::VALUE);
                cells.info.entry(field).or_insert(at);
            }
        }
        cells
    }

    /// The cell of a column (`Belopp`, `Id`) in the insats's row; none when the sheet lacks it.
    pub fn initiative(&self, initiative: &Initiative, column: &str) -> Option<CellRef> {
        let col = if column == ID_COLUMN {
            self.id_column?
        } else {
            *self.columns.get(column)?
        };
        let row = &initiative.area_at;
        Some(CellRef {
            file: row.file.clone(),
            sheet: row.sheet.clone(),
            row: row.row,
            col,
        })
    }

    /// The insats's Id as written (trimmed); none when empty or when there is no Id column.
    pub fn id(&self, initiative: &Initiative) -> Option<String> {
        self.id_column?;
        initiative
            .extra
            .iter()
            .find(|(header, _)| same_name(header, ID_COLUMN))
            .map(|(_, value)| value.display().trim().to_string())
            .filter(|id| !id.is_empty())
    }

    pub(crate) fn area_name(&self, area: &Area) -> Option<CellRef> {
        Some(CellRef {
            col: self.area_name_column?,
            ..area.code_at.clone()
        })
    }

    pub fn info(&self, field: &str) -> Option<CellRef> {
        self.info.get(&field.to_lowercase()).cloned()
    }
}
