//! The starter workbook `styrdok init` writes: every sheet of the input contract with its headers and
//! one valid example row, an `Instruktioner` sheet, drop-down lists and money formats, so a new
//! coordinator starts from something that builds rather than from an empty file. Also the example
//! Excel template for `mallar/`.
//!
//! Sheet and column names come from `model::schema`, so the starter cannot drift from what is read.

use crate::diagnostics::column_letters;
use crate::model::schema::{
    SheetSpec, areas, contacts, groups, info, initiatives, mandates, roles, sections, summary,
    timeline,
};
use crate::model::{Assessment, Kind};
use crate::workbook::Column;
use rust_xlsxwriter::{
    DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula,
    Workbook, Worksheet, XlsxError,
};

/// The name of the instructions sheet; styrdok ignores sheets it does not know.
const INSTRUCTIONS: &str = "Instruktioner";
/// Money as Swedish Excel shows it: `1 000 000 kr` (the format code stores `,` for the group space).
const MONEY: &str = "#,##0 \"kr\"";
const DATE: &str = "yyyy-mm-dd";
const HEADER_FILL: &str = "DCE6F1";
/// How far down the drop-down lists and formats reach: far beyond any agreement's rows.
const LAST_ROW: u32 = 2_000;

/// A value of an example row.
#[derive(Debug, Clone, Copy)]
enum Cell {
    Text(&'static str),
    Money(f64),
    Number(f64),
    Date(u16, u8, u8),
}

use Cell::{Money, Text};

/// One sheet of the starter: the contract's sheet, the columns in the order written, the rows.
struct Sheet {
    spec: SheetSpec,
    columns: Vec<Column>,
    rows: Vec<Vec<(Column, Cell)>>,
}

impl Sheet {
    fn new(spec: SheetSpec, rows: Vec<Vec<(Column, Cell)>>) -> Self {
        Sheet {
            spec,
            columns: spec.columns.to_vec(),
            rows,
        }
    }
}

/// The contract's sheets with their example rows. The example is one agreement that passes every
/// check: one area whose budget is exactly its one insats, and one uppdrag financed by it.
fn sheets() -> Vec<Sheet> {
    let project = "Proj 1001";
    let mut sheets = vec![info_sheet()];
    sheets.extend(agreement_sheets(project));
    sheets.extend(mandate_sheets(project));
    sheets.push(contacts_sheet());
    sheets
}

/// Uppgifter: every field the loader reads, required and optional.
fn info_sheet() -> Sheet {
    let info_rows = vec![
        vec![
            (info::FIELD, Text(info::TITLE)),
            (
                info::VALUE,
                Text("ÖK Psykisk hälsa och suicidprevention 2026"),
            ),
        ],
        vec![
            (info::FIELD, Text(info::YEAR)),
            (info::VALUE, Cell::Number(2026.0)),
        ],
        vec![
            (info::FIELD, Text(info::ORGANISATION)),
            (info::VALUE, Text("RSS Exempellän")),
        ],
        vec![
            (info::FIELD, Text(info::DATE)),
            (info::VALUE, Cell::Date(2026, 1, 15)),
        ],
        vec![
            (info::FIELD, Text(info::COUNTY)),
            (info::VALUE, Text("Exempel län")),
        ],
        vec![
            (info::FIELD, Text(info::STEERING_GROUP)),
            (info::VALUE, Text("Styrgruppen för Länschefsnätverket")),
        ],
        vec![
            (info::FIELD, Text(info::ADDRESSEE)),
            (info::VALUE, Text("Välfärdsrådet och Länschefsnätverket")),
        ],
        vec![
            (info::FIELD, Text(info::REFERENCE)),
            (info::VALUE, Text("RSS 2026/1")),
        ],
        vec![
            (info::FIELD, Text(info::DEADLINE)),
            (info::VALUE, Cell::Date(2026, 10, 30)),
        ],
        vec![
            (info::FIELD, Text(info::SENDER)),
            (
                info::VALUE,
                Text("Anna Exempel <anna.exempel@rss-exempel.se>"),
            ),
        ],
    ];
    Sheet::new(info::SHEET, info_rows)
}

/// Insatsområden, Insatser (with the optional Id column first), Tidslinje and Sammanfattning.
fn agreement_sheets(project: &'static str) -> Vec<Sheet> {
    let kind_new = Kind::LABELS[0];
    let green = Assessment::ALL_LABELS[0];
    let mut insatser = Sheet::new(
        initiatives::SHEET,
        vec![vec![
            (initiatives::ID, Text("I1")),
            (initiatives::AREA, Text("1")),
            (
                initiatives::NAME,
                Text("Utbildning i första hjälpen till psykisk hälsa"),
            ),
            (
                initiatives::DESCRIPTION,
                Text("Kurser för personal i länets kommuner och i regionen."),
            ),
            (initiatives::KIND, Text(kind_new)),
            (initiatives::AMOUNT, Money(500_000.0)),
            (initiatives::STATUS, Text("Planeras")),
            (initiatives::RESPONSIBLE, Text("Region Exempel")),
            (initiatives::FUNDING_PROJECT, Text(project)),
            (initiatives::REQUISITIONED, Money(0.0)),
            (initiatives::SPENT, Money(0.0)),
            (initiatives::ASSESSMENT, Text(green)),
            (initiatives::COMMENT, Text("")),
        ]],
    );
    insatser.columns.insert(0, initiatives::ID);
    vec![
        Sheet::new(
            areas::SHEET,
            vec![vec![
                (areas::CODE, Text("1")),
                (areas::NAME, Text("Suicidprevention")),
                (areas::BUDGET, Money(500_000.0)),
                (areas::REGION_FUNDS, Text("")),
                (
                    areas::DESCRIPTION,
                    Text("• Ta fram en gemensam handlingsplan\n• Utbilda personal"),
                ),
            ]],
        ),
        insatser,
        Sheet::new(
            timeline::SHEET,
            vec![vec![
                (timeline::DATE, Text("Januari")),
                (timeline::EVENT, Text("Överenskommelsen för 2026 släpps.")),
            ]],
        ),
        Sheet::new(
            summary::SHEET,
            vec![vec![(
                summary::POINT,
                Text("Alla medel är fördelade på insatser."),
            )]],
        ),
    ]
}

/// Uppdrag, Avsnitt, Roller and Grupper: one uppdrag financed by the example's project.
fn mandate_sheets(project: &'static str) -> Vec<Sheet> {
    vec![
        Sheet::new(
            mandates::SHEET,
            vec![vec![
                (mandates::ID, Text("U1")),
                (
                    mandates::TITLE,
                    Text("Regional processgrupp för psykisk hälsa"),
                ),
                (mandates::REFERENCE, Text("RSS 2026/2")),
                (mandates::DATE, Cell::Date(2026, 2, 1)),
                (mandates::DECIDED_BY, Text("Styrgruppen")),
                (mandates::FUNDING_PROJECTS, Text(project)),
            ]],
        ),
        Sheet::new(
            sections::SHEET,
            vec![vec![
                (sections::MANDATE, Text("U1")),
                (sections::HEADING, Text("Bakgrund")),
                (
                    sections::TEXT,
                    Text(
                        "Processgruppen samordnar arbetet med psykisk hälsa i länet.^[Enligt överenskommelsen 2026.]\n\nGruppen ska:\n• Följa upp insatserna\n• Rapportera till styrgruppen",
                    ),
                ),
            ]],
        ),
        Sheet::new(
            roles::SHEET,
            vec![vec![
                (roles::MANDATE, Text("U1")),
                (roles::ROLE, Text("Beställare")),
                (
                    roles::DESCRIPTION,
                    Text("Styrgruppen för Länschefsnätverket"),
                ),
            ]],
        ),
        Sheet::new(
            groups::SHEET,
            vec![vec![
                (groups::MANDATE, Text("U1")),
                (groups::GROUP, Text("Processgrupp")),
                (
                    groups::PARTICIPANTS,
                    Text("Utvecklingsledare från kommuner och region"),
                ),
                (groups::PURPOSE, Text("Samordna arbetet")),
                (groups::REMIT, Text("Föreslår prioriteringar")),
                (groups::FREQUENCY, Text("Varje månad")),
                (groups::CONVENER, Text("RSS")),
                (groups::REPORTS_TO, Text("")),
                (groups::PRINCIPAL, Text("Gemensam")),
            ]],
        ),
    ]
}

/// Kontakter: the example's one Ansvarig.
fn contacts_sheet() -> Sheet {
    Sheet::new(
        contacts::SHEET,
        vec![vec![
            (contacts::RESPONSIBLE, Text("Region Exempel")),
            (contacts::NAME, Text("Kim Exempel")),
            (contacts::EMAIL, Text("kim.exempel@regionexempel.se")),
            (contacts::COPY, Text("registrator@regionexempel.se")),
        ]],
    )
}

/// What each sheet is for, in the words of the instructions sheet.
fn purpose(spec: &SheetSpec) -> &'static str {
    let n = spec.name;
    if n == info::SHEET.name {
        "Om överenskommelsen: en rad per fält. Titel, År, Organisation och Datum krävs; Datum är rapportdatumet som står på dokumenten."
    } else if n == areas::SHEET.name {
        "Insatsområden (kod 1, 3) och delområden (1a, 1b) med budget i kronor. Delområdenas budgetar ska tillsammans bli områdets."
    } else if n == initiatives::SHEET.name {
        "En rad per insats. Område är en kod från Insatsområden (välj i listan). Typ och Bedömning väljs i listan. Id är valfritt men gör att en rad kan följas mellan versioner."
    } else if n == timeline::SHEET.name {
        "Valfritt: bilden «Kort tillbakablick». Datum får vara ett datum eller fri text som Mars–April."
    } else if n == summary::SHEET.name {
        "Valfritt: punkterna på sista bilden."
    } else if n == mandates::SHEET.name {
        "Valfritt: en rad per uppdragsbeskrivning. Projekt kopplar uppdraget till insatser med samma projektnummer."
    } else if n == sections::SHEET.name {
        "Uppdragens numrerade avsnitt, i ordning. Uppdrag är ett Id från bladet Uppdrag."
    } else if n == roles::SHEET.name {
        "Vem som gör vad i ett uppdrag."
    } else if n == contacts::SHEET.name {
        "Valfritt: vem varje Ansvarig får sin blankett av via e-post (styrdok forms --epost skriver utkast, du skickar dem). Flera adresser skiljs med semikolon; Kopia är valfri. Sista dag och Avsändare i Uppgifter står i meddelandet."
    } else if n == groups::SHEET.name {
        "Uppdragets grupper till organisationsbilden. Rapporterar till är en annan grupp i samma uppdrag (tomt för den översta)."
    } else {
        ""
    }
}

struct Formats {
    header: Format,
    text: Format,
    wrap: Format,
    money: Format,
    date: Format,
    title: Format,
    heading: Format,
    code: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: base
                .clone()
                .set_bold()
                .set_background_color(HEADER_FILL)
                .set_border_bottom(FormatBorder::Thin),
            text: base.clone(),
            wrap: base.clone().set_text_wrap(),
            money: base.clone().set_num_format(MONEY),
            date: base
                .clone()
                .set_num_format(DATE)
                .set_align(FormatAlign::Left),
            title: Format::new().set_bold().set_font_size(16),
            heading: Format::new().set_bold().set_font_size(12),
            code: base.set_font_name("Consolas").set_text_wrap(),
        }
    }
}

fn is_money(column: &Column) -> bool {
    [
        areas::BUDGET,
        areas::REGION_FUNDS,
        initiatives::AMOUNT,
        initiatives::REQUISITIONED,
        initiatives::SPENT,
    ]
    .iter()
    .any(|m| m.name == column.name)
}

/// Fixed document properties: the same starter every time, byte for byte.
fn properties(title: &str) -> Result<DocProperties, XlsxError> {
    Ok(DocProperties::new()
        .set_title(title)
        .set_author("styrdok")
        .set_creation_datetime(&ExcelDateTime::from_ymd(2026, 1, 1)?))
}

/// The starter workbook as xlsx bytes.
pub fn workbook() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(&properties("Överenskommelse – styrdok")?);
    let formats = Formats::new();
    let sheets = sheets();
    instructions(book.add_worksheet(), &sheets, &formats)?;
    for sheet in &sheets {
        let ws = book.add_worksheet().set_name(sheet.spec.name)?;
        contract_sheet(ws, sheet, &formats)?;
    }
    book.save_to_buffer()
}

fn contract_sheet(ws: &mut Worksheet, sheet: &Sheet, formats: &Formats) -> Result<(), XlsxError> {
    for (c, column) in sheet.columns.iter().enumerate() {
        let c = c as u16;
        let values: Vec<Cell> = sheet
            .rows
            .iter()
            .filter_map(|row| {
                row.iter()
                    .find(|(k, _)| k.name == column.name)
                    .map(|(_, v)| *v)
            })
            .collect();
        let longest = values
            .iter()
            .map(|v| match v {
                Text(t) => t.lines().map(|l| l.chars().count()).max().unwrap_or(0),
                _ => 14,
            })
            .max()
            .unwrap_or(0)
            .max(column.name.chars().count() + 2);
        ws.set_column_width(c, (longest as f64 + 2.0).clamp(10.0, 50.0))?;
        let column_format = if is_money(column) {
            &formats.money
        } else if longest > 48 {
            &formats.wrap
        } else {
            &formats.text
        };
        ws.set_column_format(c, column_format)?;
        ws.write_string_with_format(0, c, column.name, &formats.header)?;
        for (r, value) in values.iter().enumerate() {
            let r = r as u32 + 1;
            match *value {
                Text("") => {}
                Text(t) => {
                    ws.write_string_with_format(r, c, t, column_format)?;
                }
                Money(x) => {
                    ws.write_number_with_format(r, c, x, &formats.money)?;
                }
                Cell::Number(x) => {
                    ws.write_number_with_format(r, c, x, &formats.text)?;
                }
                Cell::Date(y, m, d) => {
                    ws.write_date_with_format(
                        r,
                        c,
                        &ExcelDateTime::from_ymd(y, m, d)?,
                        &formats.date,
                    )?;
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    // Printed one page wide, the header row on every page.
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    drop_downs(ws, sheet)?;
    Ok(())
}

/// Typ and Bedömning choose from their words; Område from the codes in Insatsområden, so the list
/// follows the user's own areas as they add them.
fn drop_downs(ws: &mut Worksheet, sheet: &Sheet) -> Result<(), XlsxError> {
    if sheet.spec.name != initiatives::SHEET.name {
        return Ok(());
    }
    let col = |wanted: Column| {
        sheet
            .columns
            .iter()
            .position(|c| c.name == wanted.name)
            .map(|i| i as u16)
    };
    let code_col = areas::SHEET
        .columns
        .iter()
        .position(|c| c.name == areas::CODE.name)
        .unwrap_or(0) as u32;
    let letters = column_letters(code_col);
    let areas_range = format!(
        "='{}'!${letters}$2:${letters}${}",
        areas::SHEET.name,
        LAST_ROW + 1
    );
    let lists: Vec<(Option<u16>, DataValidation)> = vec![
        (
            col(initiatives::KIND),
            DataValidation::new()
                .allow_list_strings(&Kind::LABELS)?
                .set_error_title("Välj i listan")?
                .set_error_message(format!(
                    "Typ är {} eller {}.",
                    Kind::LABELS[0],
                    Kind::LABELS[1]
                ))?,
        ),
        (
            col(initiatives::ASSESSMENT),
            DataValidation::new()
                .allow_list_strings(&Assessment::ALL_LABELS)?
                .set_error_title("Välj i listan")?
                .set_error_message("Välj Grön, Gul eller Röd, eller lämna tomt.")?,
        ),
        (
            col(initiatives::AREA),
            DataValidation::new()
                .allow_list_formula(Formula::new(areas_range))
                .set_error_title("Okänd kod")?
                .set_error_message("Välj en kod från bladet Insatsområden.")?,
        ),
    ];
    for (c, validation) in lists {
        if let Some(c) = c {
            ws.add_data_validation(1, c, LAST_ROW, c, &validation)?;
        }
    }
    Ok(())
}

/// The instructions sheet, first in the workbook: what each sheet is for, how cell text works, how
/// to run styrdok.
fn instructions(ws: &mut Worksheet, sheets: &[Sheet], f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(INSTRUCTIONS)?;
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 90)?;
    let mut r = 0u32;
    ws.write_string_with_format(r, 0, "Så fyller du i arbetsboken", &f.title)?;
    r += 2;
    let intro = "styrdok läser bladen nedan och gör statusbilder, återrapport och uppdragsbeskrivningar som PDF. \
                 Varje blad har en exempelrad: skriv över den med era egna uppgifter. Rubrikerna i första raden \
                 ska stå kvar (ordningen spelar ingen roll, egna kolumner får finnas). Det här bladet läses inte.";
    ws.merge_range(r, 0, r, 1, intro, &f.wrap)?;
    ws.set_row_height(r, 48)?;
    r += 2;
    ws.write_string_with_format(r, 0, "Bladen", &f.heading)?;
    r += 1;
    for sheet in sheets {
        ws.write_string_with_format(r, 0, sheet.spec.name, &f.header)?;
        ws.write_string_with_format(r, 1, purpose(&sheet.spec), &f.wrap)?;
        fit_height(ws, r, purpose(&sheet.spec))?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, "Text och belopp", &f.heading)?;
    r += 1;
    let rules = [
        (
            "Belopp",
            "Skriv i kronor som tal, t.ex. 500000; cellen visar 500 000 kr. Inte «ca 500 tkr».",
        ),
        ("Datum", "Som datum i Excel eller som 2026-01-15."),
        (
            "Stycken",
            "En tom rad i cellen (Alt+Enter två gånger) börjar ett nytt stycke.",
        ),
        (
            "Punktlistor",
            "En rad som börjar med •, - eller – blir en punkt; indragen blir den en underpunkt.",
        ),
        (
            "Fotnoter",
            "^[text] blir en fotnot, t.ex. ^[Källa: Socialstyrelsen 2025].",
        ),
        ("Länkar", "En webbadress (https://…) blir en klickbar länk."),
        (
            "Listor",
            "Typ, Bedömning och Område i bladet Insatser väljs i en lista; Område visar koderna i Insatsområden.",
        ),
    ];
    for (name, text) in rules {
        ws.write_string_with_format(r, 0, name, &f.header)?;
        ws.write_string_with_format(r, 1, text, &f.wrap)?;
        fit_height(ws, r, text)?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, "Kör styrdok", &f.heading)?;
    r += 1;
    let commands = [
        (
            "styrdok check input",
            "kontrollerar och visar alla fel med blad och cell",
        ),
        (
            "styrdok build input",
            "skriver dokumenten till mappen output",
        ),
        (
            "styrdok build --watch",
            "bygger om varje gång du sparar arbetsboken (Ctrl-C avslutar)",
        ),
        (
            "styrdok forms --epost",
            "en blankett per ansvarig och ett e-postutkast till varje kontakt i bladet Kontakter, att skicka från ditt e-postprogram",
        ),
    ];
    for (command, what) in commands {
        ws.write_string_with_format(r, 0, command, &f.code)?;
        ws.write_string_with_format(r, 1, what, &f.wrap)?;
        r += 1;
    }
    r += 1;
    ws.merge_range(
        r,
        0,
        r,
        1,
        "Mappen mallar/ bredvid arbetsboken har en exempelmall i Excel med platshållare som {{Titel}} \
         och {{Insatser.Insats}}; styrdok fyller i sådana mallar med uppgifterna härifrån.",
        &f.wrap,
    )?;
    ws.set_row_height(r, 32)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_active(true);
    Ok(())
}

/// A row tall enough for its wrapped text in the 90-wide column: not every program grows a row to
/// fit when it opens the file.
fn fit_height(ws: &mut Worksheet, row: u32, text: &str) -> Result<(), XlsxError> {
    let lines = text.chars().count().div_ceil(95).max(1);
    ws.set_row_height(row, 15.0 * lines as f64)?;
    Ok(())
}

/// The example Excel template for `mallar/`: a short "Redovisning" with `{{…}}` placeholders that
/// `styrdok fill` replaces: fields of Uppgifter, the total budget, and one repeated row per insats.
pub fn example_excel_template() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(&properties("Redovisning – exempelmall")?);
    let f = Formats::new();
    let ws = book.add_worksheet().set_name("Redovisning")?;
    let field = |name: &str| format!("{{{{{name}}}}}");
    let of = |sheet: &str, column: Column| format!("{{{{{sheet}.{}}}}}", column.name);
    ws.write_string_with_format(0, 0, "Redovisning av medel", &f.title)?;
    ws.write_string_with_format(1, 0, field(info::TITLE), &f.heading)?;
    ws.write_string_with_format(2, 0, info::ORGANISATION, &f.header)?;
    ws.write_string(2, 1, field(info::ORGANISATION))?;
    ws.write_string_with_format(3, 0, info::YEAR, &f.header)?;
    ws.write_string(3, 1, field(info::YEAR))?;
    ws.write_string_with_format(4, 0, areas::BUDGET.name, &f.header)?;
    ws.write_string_with_format(4, 1, "{{Totalt.Budget}}", &f.money)?;
    let columns = [
        initiatives::AREA,
        initiatives::NAME,
        initiatives::RESPONSIBLE,
        initiatives::AMOUNT,
    ];
    let sheet = initiatives::SHEET.name;
    for (c, column) in columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(6, c, column.name, &f.header)?;
        let format = if is_money(column) { &f.money } else { &f.wrap };
        ws.write_string_with_format(7, c, of(sheet, *column), format)?;
    }
    for (c, width) in [12.0, 44.0, 26.0, 16.0].into_iter().enumerate() {
        ws.set_column_width(c as u16, width)?;
    }
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_same_bytes_every_time() {
        assert_eq!(super::workbook().unwrap(), super::workbook().unwrap());
        assert_eq!(
            super::example_excel_template().unwrap(),
            super::example_excel_template().unwrap()
        );
    }
}
