//! Filling the organisation's own Excel templates: what a coordinator would notice in the filled
//! copy (values, styles, moved ranges, untouched parts) and in the messages about a bad template.

use crate::common::library::read_and_check;
use crate::common::office::{CSV_EVERY_SHEET, convert, csv_rows, office};
use calamine::{Data as Cell, Reader, Xlsx};
use rust_xlsxwriter::{
    ConditionalFormatCell, ConditionalFormatCellRule, DataValidation, Format, Image, Workbook,
    XlsxError,
};
use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use styrdok::model::{Agreement, AreaFigures};
use styrdok::xlsx::fill::{self, Data, ExcelTemplateErrors, Problem};

fn example_input() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("input")
}

pub fn example() -> (Agreement, styrdok::workbook::Workbook) {
    let path = example_input().join("ok2025-dalarna.xlsx");
    let book = styrdok::workbook::load(&path).expect("example reads");
    let checked = read_and_check(&path).1;
    (checked.usable().expect("example is valid").clone(), book)
}

pub fn data() -> Data {
    let (agreement, book) = example();
    Data::new(&agreement, Some(&book))
}

fn template(build: impl FnOnce(&mut Workbook) -> Result<(), XlsxError>) -> Vec<u8> {
    let mut wb = Workbook::new();
    build(&mut wb).expect("template written");
    wb.save_to_buffer().expect("template saved")
}

/// Every entry, unpacked.
pub fn entries(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut out = Vec::new();
            f.read_to_end(&mut out).unwrap();
            (f.name().unwrap().into_owned(), out)
        })
        .collect()
}

/// Every entry as stored (compressed bytes), to see what was copied raw.
fn raw_entries(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index_raw(i).unwrap();
            let mut out = Vec::new();
            f.read_to_end(&mut out).unwrap();
            (f.name().unwrap().into_owned(), out)
        })
        .collect()
}

pub fn part(bytes: &[u8], name: &str) -> String {
    String::from_utf8(entries(bytes).remove(name).expect(name)).unwrap()
}

pub fn sheet_cells(bytes: &[u8], sheet: &str) -> calamine::Range<Cell> {
    let mut xlsx = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    xlsx.worksheet_range(sheet).unwrap()
}

pub fn formulas(bytes: &[u8], sheet: &str) -> calamine::Range<String> {
    let mut xlsx = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    xlsx.worksheet_formula(sheet).unwrap()
}

/// The `s` (style) attribute of a cell in a sheet's XML.
fn style_of(xml: &str, cell: &str) -> Option<String> {
    let start = xml.find(&format!("<c r=\"{cell}\""))?;
    let tag = &xml[start..start + xml[start..].find('>')?];
    let s = tag.find(" s=\"")? + 4;
    Some(tag[s..s + tag[s..].find('"')?].to_string())
}

fn one_pixel_png() -> Vec<u8> {
    // 1×1 white PNG.
    vec![
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90,
        0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8,
        0xFF, 0xFF, 0x3F, 0x00, 0x05, 0xFE, 0x02, 0xFE, 0xDC, 0xCC, 0x59, 0xE7, 0x00, 0x00, 0x00,
        0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
}

/// A template with everything that must survive or move: a merged title with text around a
/// placeholder, typed single values, a repeating row (insatser of area 1) with a formula, a
/// drop-down and a conditional colour, a sum and a merged cell below it, an image below it, a
/// defined name and a second sheet pointing into the first.
fn rich_template() -> Vec<u8> {
    template(|wb| {
        let money = Format::new().set_num_format("#,##0 \"kr\"");
        let date = Format::new().set_num_format("yyyy-mm-dd");
        let bold = Format::new().set_bold();
        let s = wb.add_worksheet().set_name("Redovisning")?;
        s.merge_range(0, 0, 0, 2, "Redovisning av medel – {{Titel}}", &bold)?;
        s.write_with_format(1, 0, "{{Totalt.Budget}}", &money)?;
        s.write_with_format(2, 0, "{{Datum}}", &date)?;
        s.write_with_format(4, 0, "Insats", &bold)?;
        s.write(5, 0, "{{Insatser(1).Insats}}")?;
        s.write_with_format(5, 1, "{{Insatser(1).Belopp}}", &money)?;
        s.write_formula(5, 2, "=B6*2")?;
        s.write(5, 3, "{{Insatser(1).Bedömning}}")?;
        s.add_data_validation(
            5,
            3,
            5,
            3,
            &DataValidation::new().allow_list_strings(&["Grön", "Gul", "Röd"])?,
        )?;
        s.add_conditional_format(
            5,
            3,
            5,
            3,
            &ConditionalFormatCell::new()
                .set_rule(ConditionalFormatCellRule::EqualTo("\"Röd\""))
                .set_format(Format::new().set_background_color(0xFFC7CE)),
        )?;
        s.write(6, 0, "Summa")?;
        s.write_formula_with_format(6, 1, "=SUM(B6:B6)", &money)?;
        s.merge_range(7, 0, 7, 1, "Under tabellen", &Format::new())?;
        s.insert_image(9, 1, &Image::new_from_buffer(&one_pixel_png())?)?;
        s.set_print_area(0, 0, 11, 3)?;
        wb.define_name("Summa", "=Redovisning!$B$7")?;
        let other = wb.add_worksheet().set_name("Annat")?;
        other.write_formula(0, 0, "=Redovisning!B7")?;
        other.write_formula(1, 0, "=SUM(Redovisning!B6:B6)")?;
        other.write(2, 0, "Ingen platshållare här")?;
        Ok(())
    })
}

#[test]
fn a_repeating_row_moves_everything_below_it_and_keeps_the_rest() {
    let (agreement, book) = example();
    let data = Data::new(&agreement, Some(&book));
    let area1: Vec<_> = agreement.initiatives_under("1").collect();
    let n = area1.len() as u32;
    assert!(n > 2, "the example has several insatser in area 1");
    let original = rich_template();
    let filled = fill::fill(&original, "mall.xlsx", &data)
        .expect("fills")
        .bytes;

    // Values: typed single values, text around a placeholder, one row per insats in sheet order.
    let cells = sheet_cells(&filled, "Redovisning");
    assert_eq!(
        cells.get_value((0, 0)),
        Some(&Cell::String(format!(
            "Redovisning av medel – {}",
            agreement.info.title
        )))
    );
    assert_eq!(
        cells.get_value((1, 0)),
        Some(&Cell::Float(agreement.total_budget().kronor_f64()))
    );
    assert!(
        matches!(cells.get_value((2, 0)), Some(Cell::DateTime(_))),
        "{:?}",
        cells.get_value((2, 0))
    );
    for (k, insats) in area1.iter().enumerate() {
        let row = 5 + k as u32;
        assert_eq!(
            cells.get_value((row, 0)),
            Some(&Cell::String(insats.name.clone()))
        );
        assert_eq!(
            cells.get_value((row, 1)),
            Some(&Cell::Float(insats.amount.kronor_f64()))
        );
    }
    let sum_row = 5 + n; // 0-based
    assert_eq!(
        cells.get_value((sum_row, 0)),
        Some(&Cell::String("Summa".into()))
    );
    assert_eq!(
        cells.get_value((sum_row + 1, 0)),
        Some(&Cell::String("Under tabellen".into()))
    );

    // Formulas: copied down with their rows, the sum grown over the region, the other sheet too.
    let f = formulas(&filled, "Redovisning");
    let formula_at = |r: u32, c: u32| f.get_value((r, c)).cloned().unwrap_or_default();
    assert_eq!(formula_at(5, 2), "B6*2");
    assert_eq!(formula_at(5 + n - 1, 2), format!("B{}*2", 5 + n));
    assert_eq!(formula_at(sum_row, 1), format!("SUM(B6:B{})", 5 + n));
    let other = formulas(&filled, "Annat");
    assert_eq!(
        other.get_value((0, 0)).cloned().unwrap_or_default(),
        format!("Redovisning!B{}", sum_row + 1)
    );
    assert_eq!(
        other.get_value((1, 0)).cloned().unwrap_or_default(),
        format!("SUM(Redovisning!B6:B{})", 5 + n)
    );

    // Styles: each filled cell keeps its template style.
    let (before, after) = (
        part(&original, "xl/worksheets/sheet1.xml"),
        part(&filled, "xl/worksheets/sheet1.xml"),
    );
    assert_eq!(style_of(&after, "A2"), style_of(&before, "A2"));
    assert_eq!(style_of(&after, "B7"), style_of(&before, "B6"));
    assert!(style_of(&before, "B6").is_some());

    // Ranges: merged cells, drop-down and conditional colour, the defined name and print area.
    let last = 5 + n; // 1-based last copy
    assert!(after.contains(&format!(
        "<mergeCell ref=\"A{}:B{}\"/>",
        sum_row + 2,
        sum_row + 2
    )));
    assert!(after.contains("<mergeCell ref=\"A1:C1\"/>"));
    assert!(after.contains(&format!("sqref=\"D6:D{last}\"")), "{after}");
    assert_eq!(after.matches(&format!("sqref=\"D6:D{last}\"")).count(), 2);
    let workbook = part(&filled, "xl/workbook.xml");
    assert!(
        workbook.contains(&format!("Redovisning!$B${}", sum_row + 1)),
        "{workbook}"
    );
    assert!(
        workbook.contains(&format!("Redovisning!$A$1:$D${}", 12 + n - 1)),
        "{workbook}"
    );
    assert!(workbook.contains("fullCalcOnLoad=\"1\""));
    // The image anchor moved with its row.
    let drawing = part(&filled, "xl/drawings/drawing1.xml");
    assert!(
        drawing.contains(&format!("<xdr:row>{}</xdr:row>", 9 + n - 1)),
        "{drawing}"
    );

    // Every entry that had nothing to change is the template's, byte for byte.
    let changed = [
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/workbook.xml",
        "xl/drawings/drawing1.xml",
    ];
    let (raw_before, raw_after) = (raw_entries(&original), raw_entries(&filled));
    assert_eq!(
        raw_before.keys().collect::<Vec<_>>(),
        raw_after.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &raw_before {
        if !changed.contains(&name.as_str()) {
            assert!(raw_after[name] == *bytes, "{name} changed");
        }
    }
    // Same input, same bytes.
    assert!(fill::fill(&original, "mall.xlsx", &data).unwrap().bytes == filled);
}

#[test]
fn a_region_without_items_leaves_its_row_empty_and_nothing_moves() {
    let data = data();
    let original = template(|wb| {
        let s = wb.add_worksheet();
        s.write(0, 0, "{{Insatser(99).Insats}}")?;
        Ok(())
    });
    // Area 99 does not exist: that is an unknown name, not an empty table.
    let errors = fill::fill(&original, "mall.xlsx", &data).unwrap_err();
    assert!(matches!(errors.0[0].problem, Problem::UnknownName { .. }));

    let mut agreement = example().0;
    agreement.initiatives.retain(|i| i.area != "3");
    let data = Data::new(&agreement, None);
    let original = template(|wb| {
        let s = wb.add_worksheet();
        s.write(0, 0, "{{Insatser(3).Insats}}")?;
        s.write(1, 0, "Under")?;
        Ok(())
    });
    let filled = fill::fill(&original, "mall.xlsx", &data).unwrap().bytes;
    let cells = sheet_cells(&filled, "Sheet1");
    assert_eq!(cells.get_value((0, 0)), None);
    assert_eq!(cells.get_value((1, 0)), Some(&Cell::String("Under".into())));
}

fn problems(errors: &ExcelTemplateErrors) -> Vec<(Option<String>, String)> {
    errors
        .0
        .iter()
        .map(|e| (e.at.clone(), e.problem.to_string()))
        .collect()
}

#[test]
fn a_bad_template_gets_every_problem_at_once_with_its_cell() {
    let data = data();
    let original = template(|wb| {
        let s = wb.add_worksheet().set_name("Mall")?;
        s.write(0, 0, "{{Totalt.Förbukat}}")?;
        s.write_formula(1, 0, "=\"{{Titel}}\"&A1")?;
        s.write(2, 0, "{{Insatser.Insats}}")?;
        s.write(2, 1, "{{Insatsområden.Namn}}")?;
        s.merge_range(4, 2, 5, 2, "Sammanfogad", &Format::new())?;
        s.write(5, 0, "{{Insatser.Belopp}}")?;
        s.write(7, 0, "{{Titel")?;
        Ok(())
    });
    let errors = fill::fill(&original, "mall.xlsx", &data).unwrap_err();
    let found = problems(&errors);
    assert_eq!(found.len(), 5, "{found:#?}");
    let at = |cell: &str| {
        found
            .iter()
            .find(|(a, _)| a.as_deref() == Some(cell))
            .map(|(_, m)| m.clone())
            .unwrap_or_else(|| panic!("nothing at {cell}: {found:#?}"))
    };
    let unknown = at("Mall!A1");
    assert!(
        unknown.contains("okänt namn {{Totalt.Förbukat}}"),
        "{unknown}"
    );
    assert!(
        unknown.contains("Menade du {{Totalt.Förbrukat}}?"),
        "{unknown}"
    );
    assert!(unknown.contains("Totalt.{Budget, Fördelat"), "{unknown}");
    assert!(at("Mall!A2").contains("platshållaren står i en formel"));
    assert!(at("Mall!B3").contains("både för Insatser och Insatsområden"));
    assert!(at("Mall!C5").contains("sammanfogade cellen C5:C6"));
    assert!(at("Mall!A8").contains("saknar avslutande }}"));
    // The whole message names the template.
    assert!(
        errors
            .to_string()
            .starts_with("fel: mallen mall.xlsx, Mall!A1: okänt namn")
    );
}

#[test]
fn files_that_cannot_be_filled_are_refused_with_what_to_do() {
    let data = data();
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input");
    let refuse = |file: &str, as_name: &str| {
        let bytes = std::fs::read(bad.join(file)).unwrap();
        fill::fill(&bytes, as_name, &data).unwrap_err().0[0]
            .problem
            .clone()
    };
    assert_eq!(refuse("libreoffice.xls", "mall.xls"), Problem::OldXls);
    assert_eq!(
        refuse("password-protected.xlsx", "mall.xlsx"),
        Problem::Encrypted
    );
    assert!(matches!(
        refuse("libreoffice.ods", "mall.ods"),
        Problem::NotXlsx { .. }
    ));
    assert!(Problem::OldXls.to_string().contains("spara den som .xlsx"));

    // No placeholder: a warning, and the copy is the template as it was.
    let plain = template(|wb| {
        wb.add_worksheet().write(0, 0, "Bara text")?;
        Ok(())
    });
    let filled = fill::fill(&plain, "mall.xlsx", &data).unwrap();
    assert_eq!(filled.bytes, plain);
    assert_eq!(filled.warnings.len(), 1);
    assert!(
        filled.warnings[0]
            .to_string()
            .starts_with("varning: mallen mall.xlsx")
    );
}

#[test]
fn a_template_saved_by_libreoffice_fills_the_same() {
    let Some(office) = office() else { return };
    let dir = tempfile::tempdir().unwrap();
    let written = dir.path().join("mall.xlsx");
    std::fs::write(&written, rich_template()).unwrap();
    let resaved_dir = dir.path().join("lo");
    convert(office, &[&written], "xlsx", &resaved_dir);
    let resaved = std::fs::read(resaved_dir.join("mall.xlsx")).unwrap();
    assert!(
        entries(&resaved).contains_key("xl/sharedStrings.xml"),
        "LibreOffice writes shared strings"
    );
    let (agreement, book) = example();
    let data = Data::new(&agreement, Some(&book));
    let filled = fill::fill(&resaved, "mall.xlsx", &data)
        .expect("fills")
        .bytes;
    let area1: Vec<_> = agreement.initiatives_under("1").collect();
    let n = area1.len() as u32;
    let cells = sheet_cells(&filled, "Redovisning");
    for (k, insats) in area1.iter().enumerate() {
        assert_eq!(
            cells.get_value((5 + k as u32, 0)),
            Some(&Cell::String(insats.name.clone()))
        );
    }
    let f = formulas(&filled, "Redovisning");
    assert_eq!(
        f.get_value((5 + n, 1)).cloned().unwrap_or_default(),
        format!("SUM(B6:B{})", 5 + n)
    );
    let after = part(&filled, "xl/worksheets/sheet1.xml");
    assert!(after.contains(&format!("D6:D{}", 5 + n)), "{after}");
}

#[test]
fn libreoffice_recalculates_the_example_to_styrdoks_own_totals() {
    let Some(office) = office() else { return };
    let dir = tempfile::tempdir().unwrap();
    let done = crate::common::styrdok()
        .arg("fill")
        .arg(example_input().join("mallar/redovisning-statsbidrag.xlsx"))
        .arg(example_input().join("ok2025-dalarna.xlsx"))
        .arg("-o")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let filled = dir.path().join("redovisning-statsbidrag.xlsx");
    convert(office, &[&filled], CSV_EVERY_SHEET, &dir.path().join("csv"));
    let rows = csv_rows(
        &dir.path()
            .join("csv/redovisning-statsbidrag-Redovisning.csv"),
    );
    let sum = rows
        .iter()
        .find(|r| r.get(1).map(String::as_str) == Some("Summa (huvudområden)"))
        .expect("area sum row");
    assert_eq!(sum[2], "16979356", "{sum:?}");
    let (agreement, _) = example();
    let insats_sum = rows
        .iter()
        .find(|r| r.get(1).map(String::as_str) == Some("Summa"))
        .expect("insats sum row");
    let allocated = AreaFigures::total(&agreement)
        .insatser
        .allocated
        .kronor_f64();
    assert_eq!(
        insats_sum[3].parse::<f64>().unwrap(),
        allocated,
        "{insats_sum:?}"
    );
}

/// A part that is filled keeps what the zip said of it besides its content: Excel marks each entry
/// as made on MS-DOS with its own attributes, and so does the filled file, whichever system styrdok
/// runs on (the zip library would otherwise write the current one: Unix here, MS-DOS on Windows).
#[test]
fn a_filled_part_keeps_the_entrys_origin_and_attributes() {
    use zip::write::SimpleFileOptions;
    // The example's template, its entries marked as Excel on Windows marks them.
    let source =
        std::fs::read(example_input().join("mallar/redovisning-statsbidrag.xlsx")).unwrap();
    let mut as_excel = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries(&source) {
        let options = SimpleFileOptions::default()
            .system(zip::System::Dos)
            .external_attributes(0x20);
        as_excel.start_file(name, options).unwrap();
        std::io::Write::write_all(&mut as_excel, &bytes).unwrap();
    }
    let original = as_excel.finish().unwrap().into_inner();

    let filled = fill::fill(&original, "mall.xlsx", &data())
        .expect("fills")
        .bytes;
    let changed: Vec<String> = {
        let (before, after) = (entries(&original), entries(&filled));
        after
            .into_iter()
            .filter(|(name, bytes)| before.get(name) != Some(bytes))
            .map(|(name, _)| name)
            .collect()
    };
    assert!(!changed.is_empty(), "filling changes some part");
    let mut zip = zip::ZipArchive::new(Cursor::new(&filled)).unwrap();
    for i in 0..zip.len() {
        let entry = zip.by_index(i).unwrap();
        assert_eq!(
            (entry.system(), entry.external_attributes()),
            (zip::System::Dos, 0x20),
            "{} (changed: {})",
            entry.name().unwrap(),
            changed
                .iter()
                .any(|c| entry.name().is_ok_and(|n| n == c.as_str()))
        );
    }
}

#[test]
fn fill_writes_beside_and_never_over_the_template() {
    let dir = tempfile::tempdir().unwrap();
    let mallar = dir.path().join("mallar");
    std::fs::create_dir_all(&mallar).unwrap();
    let template_path = mallar.join("mall.xlsx");
    std::fs::write(&template_path, rich_template()).unwrap();
    let before = std::fs::read(&template_path).unwrap();
    let run = |out: &Path, extra: &[&str]| {
        crate::common::styrdok()
            .arg("fill")
            .arg(&template_path)
            .arg(example_input().join("ok2025-dalarna.xlsx"))
            .arg("-o")
            .arg(out)
            .args(extra)
            .output()
            .unwrap()
    };
    let refused = run(&mallar, &[]);
    assert_eq!(refused.status.code(), Some(1));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("skulle skrivas över själva mallen"),
        "{message}"
    );
    assert_eq!(std::fs::read(&template_path).unwrap(), before);

    let out = dir.path().join("ut");
    let done = run(&out, &["--per-mottagare"]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(out.join("mall.xlsx").is_file());
    let per_recipient: Vec<_> = std::fs::read_dir(out.join("mall")).unwrap().collect();
    let (agreement, _) = example();
    assert_eq!(
        per_recipient.len(),
        agreement.responsible_organisations().len()
    );
    assert_eq!(std::fs::read(&template_path).unwrap(), before);
}

#[test]
fn per_recipient_copies_hold_only_that_organisations_insatser() {
    let (agreement, book) = example();
    let recipient = agreement.responsible_organisations()[0].clone();
    let data = Data::for_recipient(&agreement, Some(&book), &recipient);
    let original = template(|wb| {
        let s = wb.add_worksheet();
        s.write(0, 0, "{{Ansvarig}}")?;
        s.write(1, 0, "{{Insatser.Ansvarig}}")?;
        Ok(())
    });
    let filled = fill::fill(&original, "mall.xlsx", &data).unwrap().bytes;
    let cells = sheet_cells(&filled, "Sheet1");
    let own = agreement
        .initiatives
        .iter()
        .filter(|i| styrdok::model::same_organisation(&i.recipient, &recipient))
        .count();
    assert_eq!(
        cells.get_value((0, 0)),
        Some(&Cell::String(recipient.clone()))
    );
    for row in 1..=own as u32 {
        assert!(matches!(cells.get_value((row, 0)), Some(Cell::String(_))));
    }
    assert_eq!(cells.get_value((own as u32 + 1, 0)), None);
}

#[test]
fn a_recipients_copy_says_its_own_kvar() {
    let (agreement, book) = example();
    let recipient = agreement.responsible_organisations()[0].clone();
    let data = Data::for_recipient(&agreement, Some(&book), &recipient);
    let original = template(|wb| {
        let s = wb.add_worksheet();
        s.write(0, 0, "{{Totalt.Kvar}}")?;
        s.write(1, 0, "{{Totalt.Fördelat}}")?;
        s.write(2, 0, "{{Totalt.Förbrukat}}")?;
        Ok(())
    });
    let filled = fill::fill(&original, "mall.xlsx", &data).unwrap().bytes;
    let cells = sheet_cells(&filled, "Sheet1");
    let own: Vec<_> = agreement
        .initiatives
        .iter()
        .filter(|i| styrdok::model::same_organisation(&i.recipient, &recipient))
        .collect();
    let allocated: f64 = own.iter().map(|i| i.amount.kronor_f64()).sum();
    let spent: f64 = own
        .iter()
        .filter_map(|i| i.spent)
        .map(|s| s.kronor_f64())
        .sum();
    let number = |row| match cells.get_value((row, 0)) {
        Some(Cell::Float(f)) => *f,
        other => panic!("row {row}: {other:?}"),
    };
    assert_eq!(number(1), allocated);
    assert_eq!(number(2), spent);
    // Its own Belopp less its own Förbrukat: not the whole budget less its spending.
    assert_eq!(number(0), allocated - spent);
}
