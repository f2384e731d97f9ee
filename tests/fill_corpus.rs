//! A corpus of hostile templates for `styrdok fill`, written part by part as raw XML (the way the
//! .NET Open XML SDK, LibreOffice or a hand-edited file lays them out), so each case holds exactly
//! the construct under test. Every case ends filled right (checked cell by cell, LibreOffice
//! recalculating where formulas matter) or clearly refused with the template cell or part named.
//! The same cases seed the `fill` fuzz target: `cargo test -- --ignored fill_corpus::write_seeds`.

use crate::common::office::{CSV_EVERY_SHEET, convert, csv_rows, office};
use crate::fill::{data, example, part, sheet_cells};
use calamine::Data as Cell;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use styrdok::xlsx::fill::{self, ExcelTemplateErrors, Filled, Problem};

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const SHEET_CT: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/// One sheet: its name, its XML and the relationships of its part (type's last segment, target).
struct Sheet {
    name: String,
    xml: String,
    rels: Vec<(&'static str, String)>,
}

/// A package built from its parts. Anything not given is the smallest valid choice.
#[derive(Default)]
struct Book {
    sheets: Vec<Sheet>,
    /// A whole `xl/workbook.xml` instead of the generated one.
    workbook: Option<String>,
    /// `<definedName>` elements of the generated workbook.
    names: String,
    /// Further parts: path, text, content type (an override) if any.
    parts: Vec<(String, String, Option<&'static str>)>,
    /// Further relationships of the workbook part: type's last segment, target.
    workbook_rels: Vec<(&'static str, String)>,
}

impl Book {
    fn sheet(mut self, name: &str, xml: String) -> Book {
        self.sheets.push(Sheet {
            name: name.into(),
            xml,
            rels: Vec::new(),
        });
        self
    }

    fn rel(mut self, kind: &'static str, target: &str) -> Book {
        self.sheets
            .last_mut()
            .expect("a sheet first")
            .rels
            .push((kind, target.into()));
        self
    }

    fn part(mut self, path: &str, text: String, content_type: Option<&'static str>) -> Book {
        self.parts.push((path.into(), text, content_type));
        self
    }

    fn files(&self) -> Vec<(String, String)> {
        let mut types = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
        );
        let mut wb_rels = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdS" Type="{REL}/styles" Target="styles.xml"/>"#
        );
        let mut sheets = String::new();
        let mut files = Vec::new();
        for (i, s) in self.sheets.iter().enumerate() {
            let n = i + 1;
            types.push_str(&format!(
                r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{SHEET_CT}"/>"#
            ));
            wb_rels.push_str(&format!(
                r#"<Relationship Id="rId{n}" Type="{REL}/worksheet" Target="worksheets/sheet{n}.xml"/>"#
            ));
            sheets.push_str(&format!(
                r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#,
                s.name
            ));
            files.push((format!("xl/worksheets/sheet{n}.xml"), s.xml.clone()));
            if !s.rels.is_empty() {
                let mut rels = String::from(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
                );
                for (k, (kind, target)) in s.rels.iter().enumerate() {
                    let base = if *kind == "threadedComment" {
                        "http://schemas.microsoft.com/office/2017/10/relationships".to_string()
                    } else {
                        REL.to_string()
                    };
                    rels.push_str(&format!(
                        r#"<Relationship Id="rIdX{k}" Type="{base}/{kind}" Target="{target}"/>"#
                    ));
                }
                rels.push_str("</Relationships>");
                files.push((format!("xl/worksheets/_rels/sheet{n}.xml.rels"), rels));
            }
        }
        for (k, (kind, target)) in self.workbook_rels.iter().enumerate() {
            wb_rels.push_str(&format!(
                r#"<Relationship Id="rIdW{k}" Type="{REL}/{kind}" Target="{target}"/>"#
            ));
        }
        wb_rels.push_str("</Relationships>");
        for (path, _, ct) in &self.parts {
            if let Some(ct) = ct {
                types.push_str(&format!(
                    r#"<Override PartName="/{path}" ContentType="{ct}"/>"#
                ));
            }
        }
        types.push_str("</Types>");
        let workbook = self.workbook.clone().unwrap_or_else(|| {
            let names = if self.names.is_empty() {
                String::new()
            } else {
                format!("<definedNames>{}</definedNames>", self.names)
            };
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{sheets}</sheets>{names}<calcPr calcId="191029"/></workbook>"#
            )
        });
        let mut all = vec![
            ("[Content_Types].xml".to_string(), types),
            (
                "_rels/.rels".to_string(),
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
                ),
            ),
            ("xl/workbook.xml".to_string(), workbook),
            ("xl/_rels/workbook.xml.rels".to_string(), wb_rels),
            (
                "xl/styles.xml".to_string(),
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>"#
                ),
            ),
        ];
        all.extend(files);
        all.extend(self.parts.iter().map(|(p, t, _)| (p.clone(), t.clone())));
        all
    }

    fn build(&self) -> Vec<u8> {
        zip_of(
            &self
                .files()
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_bytes()))
                .collect::<Vec<_>>(),
        )
    }
}

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, bytes) in files {
        out.start_file(*name, options).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// A worksheet in the default namespace: rows, then what follows `sheetData` (in schema order).
fn ws(rows: &str, after: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData>{rows}</sheetData>{after}</worksheet>"#
    )
}

fn row(r: u32, cells: &[String]) -> String {
    format!(r#"<row r="{r}">{}</row>"#, cells.concat())
}

fn text(at: &str, t: &str) -> String {
    format!(r#"<c r="{at}" t="inlineStr"><is><t>{t}</t></is></c>"#)
}

fn num(at: &str, v: f64) -> String {
    format!(r#"<c r="{at}"><v>{v}</v></c>"#)
}

fn formula(at: &str, f: &str) -> String {
    format!(r#"<c r="{at}"><f>{f}</f><v>0</v></c>"#)
}

/// Row 1 a heading, row 2 repeated per insats (name, amount): the shape of most cases.
fn insats_rows() -> String {
    row(1, &[text("A1", "Insats"), text("B1", "Belopp")])
        + &row(
            2,
            &[
                text("A2", "{{Insatser.Insats}}"),
                text("B2", "{{Insatser.Belopp}}"),
            ],
        )
}

/// How many insatser the example has, and their amounts in order.
fn insatser() -> Vec<(String, f64)> {
    example()
        .0
        .initiatives
        .iter()
        .map(|i| (i.name.clone(), i.amount.kronor_f64()))
        .collect()
}

fn filled(bytes: &[u8]) -> Filled {
    let f = fill::fill(bytes, "mall.xlsx", &data())
        .unwrap_or_else(|e| panic!("should fill, was refused:\n{e}"));
    assert!(f.warnings.is_empty(), "{:?}", f.warnings);
    f
}

fn refused(bytes: &[u8]) -> ExcelTemplateErrors {
    match fill::fill(bytes, "mall.xlsx", &data()) {
        Ok(_) => panic!("should be refused, was filled"),
        Err(e) => e,
    }
}

/// The one problem of a refused template: where and what it says.
fn only_problem(bytes: &[u8]) -> (Option<String>, Problem, String) {
    let errors = refused(bytes);
    assert_eq!(errors.0.len(), 1, "{errors}");
    let e = &errors.0[0];
    (e.at.clone(), e.problem.clone(), e.to_string())
}

/// No English library text in a message meant for a Swedish user.
fn assert_swedish(message: &str) {
    for english in [
        "invalid",
        "Could not",
        "EOCD",
        "stream did not",
        "UTF-8 ",
        "error",
        "expected",
        "found",
    ] {
        assert!(!message.contains(english), "English in: {message}");
    }
}

// ---------------------------------------------------------------------------------------------
// The cases. Each returns its template; its test says what the filled copy or refusal must be.

/// (1) Whole columns, whole rows and ranges down to the last row, in every place a range lives.
fn whole_columns() -> Vec<u8> {
    let rows = insats_rows()
        + &row(
            4,
            &[
                text("A4", "Summa"),
                formula("B4", "SUM(B2:B2)"),
                formula("C4", "SUM(B2:B1048576)-B4"),
                formula("D4", "SUM(B:B)-B4"),
                formula("E4", "SUM(Summa_kolumn)-B4"),
                formula("F4", "ROWS(1:1048576)"),
                formula("G4", "ROWS(5:6)"),
            ],
        );
    Book::default()
        .sheet(
            "Blad1",
            ws(
                &rows,
                r#"<conditionalFormatting sqref="B2:B1048576"><cfRule type="cellIs" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting><dataValidations count="1"><dataValidation type="list" sqref="C1:C1048576"><formula1>"Ja,Nej"</formula1></dataValidation></dataValidations>"#,
            ),
        )
        .names(r#"<definedName name="Summa_kolumn">Blad1!$B$2:$B$1048576</definedName>"#)
        .build()
}

impl Book {
    fn names(mut self, names: &str) -> Book {
        self.names = names.into();
        self
    }
}

#[test]
fn whole_columns_and_ranges_to_the_last_row_stay_where_they_are() {
    let all = insatser();
    let n = all.len() as u32;
    let out = filled(&whole_columns()).bytes;
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"sqref="B2:B1048576""#), "{sheet}");
    assert!(sheet.contains(r#"sqref="C1:C1048576""#), "{sheet}");
    assert!(sheet.contains("SUM(B2:B1048576)"), "{sheet}");
    assert!(sheet.contains("SUM(B:B)"), "{sheet}");
    assert!(sheet.contains("ROWS(1:1048576)"), "{sheet}");
    // A row range below the repeating row moves like any other reference.
    assert!(
        sheet.contains(&format!("ROWS({}:{})", 5 + n - 1, 6 + n - 1)),
        "{sheet}"
    );
    assert!(!sheet.contains("104859"), "{sheet}");
    let workbook = part(&out, "xl/workbook.xml");
    assert!(workbook.contains("Blad1!$B$2:$B$1048576"), "{workbook}");

    let Some(rows) = recalculated("whole", "Blad1") else {
        return;
    };
    let total: f64 = all.iter().map(|(_, a)| a).sum();
    let sums = &rows[(3 + n - 1) as usize];
    assert_eq!(sums[0], "Summa", "{rows:?}");
    for (col, what) in [
        (1, "SUM(B2:B…)"),
        (2, "to the last row"),
        (3, "B:B"),
        (4, "name"),
    ] {
        assert_eq!(
            sums[col].parse::<f64>().ok(),
            Some(total),
            "{what}: {sums:?}"
        );
    }
    assert_eq!(sums[5], "1048576", "{sums:?}");
    assert_eq!(sums[6], "2", "{sums:?}");
}

/// (1) A reference that the new rows would push off the sheet.
fn past_last_row() -> Vec<u8> {
    let rows = insats_rows() + &row(4, &[formula("B4", "B1048576*2")]);
    Book::default().sheet("Blad1", ws(&rows, "")).build()
}

#[test]
fn a_reference_pushed_past_the_last_row_is_refused_at_its_cell() {
    let (at, problem, message) = only_problem(&past_last_row());
    assert_eq!(at.as_deref(), Some("Blad1!B4"));
    assert!(matches!(problem, Problem::PastLastRow { .. }), "{message}");
    assert!(
        message.contains("B1048576") && message.contains("#REF!"),
        "{message}"
    );
}

/// (2) A note on the sum below the repeating row, shown by its legacy VML shape.
fn notes() -> Vec<u8> {
    let rows = insats_rows() + &row(4, &[text("A4", "Summa"), formula("B4", "SUM(B2:B2)")]);
    let comments = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="{MAIN}"><authors><author>Ann</author></authors><commentList><comment ref="B4" authorId="0"><text><r><t>Summan av alla insatser</t></r></text></comment><comment ref="A1" authorId="0"><text><t>Rubrik</t></text></comment></commentList></comments>"#
    );
    let vml = r##"<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden"><v:fill color2="#ffffe1"/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>
    2, 15, 2, 10, 4, 15, 6, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>3</x:Row><x:Column>1</x:Column></x:ClientData></v:shape><v:shape id="_x0000_s1026" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Anchor>1, 15, 0, 2, 3, 15, 3, 16</x:Anchor><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>"##;
    Book::default()
        .sheet("Blad1", ws(&rows, r#"<legacyDrawing r:id="rIdX1"/>"#))
        .rel("comments", "../comments1.xml")
        .rel("vmlDrawing", "../drawings/vmlDrawing1.vml")
        .part(
            "xl/comments1.xml",
            comments,
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"),
        )
        .part("xl/drawings/vmlDrawing1.vml", vml.into(), None)
        .rel("threadedComment", "../threadedComments/threadedComment1.xml")
        .part(
            "xl/threadedComments/threadedComment1.xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="B4" dT="2025-01-01T00:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-000000000002}"><text>Summan av alla insatser</text></threadedComment></ThreadedComments>"#.into(),
            None,
        )
        .build()
}

#[test]
fn notes_move_with_their_cells_and_their_boxes_with_them() {
    let n = insatser().len() as u32;
    let out = filled(&notes()).bytes;
    let sum_row = 4 + n - 1; // 1-based
    let comments = part(&out, "xl/comments1.xml");
    assert!(
        comments.contains(&format!(r#"ref="B{sum_row}""#)),
        "{comments}"
    );
    assert!(comments.contains(r#"ref="A1""#), "{comments}");
    let vml = part(&out, "xl/drawings/vmlDrawing1.vml");
    assert!(
        vml.contains(&format!("<x:Row>{}</x:Row>", sum_row - 1)),
        "{vml}"
    );
    assert!(
        vml.contains(&format!(
            "2, 15, {}, 10, 4, 15, {}, 4",
            2 + n - 1,
            6 + n - 1
        )),
        "{vml}"
    );
    let threaded = part(&out, "xl/threadedComments/threadedComment1.xml");
    assert!(
        threaded.contains(&format!(r#"ref="B{sum_row}""#)),
        "{threaded}"
    );
    // The note above the rows stays.
    assert!(vml.contains("<x:Row>0</x:Row>") && vml.contains("1, 15, 0, 2, 3, 15, 3, 16"));
    // calamine reads the moved note's cell as the sum's.
    let cells = sheet_cells(&out, "Blad1");
    assert_eq!(
        cells.get_value((sum_row - 1, 0)),
        Some(&Cell::String("Summa".into()))
    );
}

/// (3) A template as the .NET Open XML SDK writes it: every element prefixed `x:`, the
/// relationships namespace bound to another prefix, no `calcPr`.
fn prefixed() -> Vec<u8> {
    let c = |at: &str, t: &str| {
        format!(r#"<x:c r="{at}" t="inlineStr"><x:is><x:t>{t}</x:t></x:is></x:c>"#)
    };
    let sheet = format!(
        r#"<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="{MAIN}"><x:sheetData><x:row r="1">{}{}</x:row><x:row r="2">{}{}</x:row><x:row r="4">{}<x:c r="B4"><x:f>SUM(B2:B2)</x:f><x:v>0</x:v></x:c></x:row></x:sheetData><x:headerFooter><x:oddHeader>&amp;C{{{{Titel}}}}</x:oddHeader></x:headerFooter></x:worksheet>"#,
        c("A1", "Insats"),
        c("B1", "Belopp"),
        c("A2", "{{Insatser.Insats}}"),
        c("B2", "{{Insatser.Belopp}}"),
        c("A4", "Summa")
    );
    let workbook = format!(
        r#"<?xml version="1.0" encoding="utf-8"?><x:workbook xmlns:x="{MAIN}" xmlns:rel="{REL}"><x:sheets><x:sheet name="Blad1" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>"#
    );
    Book {
        workbook: Some(workbook),
        ..Book::default()
    }
    .sheet("Blad1", sheet)
    .build()
}

#[test]
fn a_prefixed_sheet_gets_prefixed_cells_and_a_prefixed_calc_flag() {
    let all = insatser();
    let n = all.len() as u32;
    let out = filled(&prefixed()).bytes;
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    assert!(
        !sheet.contains("<v>") && !sheet.contains("<is>") && !sheet.contains("<t "),
        "{sheet}"
    );
    assert!(
        sheet.contains("<x:is><x:t xml:space=\"preserve\">"),
        "{sheet}"
    );
    let workbook = part(&out, "xl/workbook.xml");
    assert!(
        workbook.contains(r#"<x:calcPr fullCalcOnLoad="1"/></x:workbook>"#),
        "{workbook}"
    );
    let (agreement, _) = example();
    assert!(
        sheet.contains(&format!("&amp;C{}", agreement.info.title)),
        "{sheet}"
    );
    let cells = sheet_cells(&out, "Blad1");
    for (k, (name, amount)) in all.iter().enumerate() {
        assert_eq!(
            cells.get_value((1 + k as u32, 0)),
            Some(&Cell::String(name.clone()))
        );
        assert_eq!(
            cells.get_value((1 + k as u32, 1)),
            Some(&Cell::Float(*amount))
        );
    }

    let Some(rows) = recalculated("prefixed", "Blad1") else {
        return;
    };
    let total: f64 = all.iter().map(|(_, a)| a).sum();
    let sum = &rows[(3 + n - 1) as usize];
    assert_eq!(sum[1].parse::<f64>().ok(), Some(total), "{rows:?}");
}

/// (4) A pivot table below the repeating row, its cache over the rows.
fn pivot(location: &str) -> Vec<u8> {
    let rows = insats_rows();
    let table = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotTableDefinition xmlns="{MAIN}" name="Pivot1" cacheId="1" dataCaption="Värden"><location ref="{location}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields></pivotTableDefinition>"#
    );
    let cache = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheDefinition xmlns="{MAIN}" xmlns:r="{REL}" r:id="rId1" recordCount="1"><cacheSource type="worksheet"><worksheetSource ref="A1:B2" sheet="Blad1"/></cacheSource><cacheFields count="2"><cacheField name="Insats" numFmtId="0"><sharedItems count="1"><s v="{{{{Insatser.Insats}}}}"/></sharedItems></cacheField><cacheField name="Belopp" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>"#
    );
    let mut book = Book::default()
        .sheet("Blad1", ws(&rows, ""))
        .rel("pivotTable", "../pivotTables/pivotTable1.xml")
        .part(
            "xl/pivotTables/pivotTable1.xml",
            table,
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"),
        )
        .part(
            "xl/pivotCache/pivotCacheDefinition1.xml",
            cache,
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"),
        );
    book.workbook_rels.push((
        "pivotCacheDefinition",
        "pivotCache/pivotCacheDefinition1.xml".into(),
    ));
    book.build()
}

#[test]
fn a_pivot_table_moves_and_its_source_grows_with_the_rows() {
    let n = insatser().len() as u32;
    let out = filled(&pivot("A5:B9")).bytes;
    let table = part(&out, "xl/pivotTables/pivotTable1.xml");
    assert!(
        table.contains(&format!(r#"ref="A{}:B{}""#, 5 + n - 1, 9 + n - 1)),
        "{table}"
    );
    let cache = part(&out, "xl/pivotCache/pivotCacheDefinition1.xml");
    assert!(
        cache.contains(&format!(r#"ref="A1:B{}""#, 1 + n)),
        "{cache}"
    );
    assert!(cache.contains(r#"refreshOnLoad="1""#), "{cache}");
}

#[test]
fn a_pivot_table_over_the_repeating_row_is_refused() {
    let (_, problem, message) = only_problem(&pivot("D1:E8"));
    assert!(
        matches!(problem, Problem::PivotCrossesRepeat { .. }),
        "{message}"
    );
    assert!(
        message.contains("xl/pivotTables/pivotTable1.xml"),
        "{message}"
    );
}

/// A chart over the repeating rows: its ranges grow, and the template's text cached in it (the
/// placeholders, which Excel reads again from the cells) is no placeholder left unfilled.
fn chart_over_rows() -> Vec<u8> {
    let chart = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:barChart><c:ser><c:cat><c:strRef><c:f>Blad1!$A$2:$A$2</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{{Insatser.Insats}}</c:v></c:pt></c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Blad1!$B$2:$B$2</c:f><c:numCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{{Insatser.Belopp}}</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>"#;
    Book::default()
        .sheet("Blad1", ws(&insats_rows(), ""))
        .part(
            "xl/charts/chart1.xml",
            chart.into(),
            Some("application/vnd.openxmlformats-officedocument.drawingml.chart+xml"),
        )
        .build()
}

#[test]
fn a_chart_over_the_repeating_rows_grows_with_them() {
    let n = insatser().len() as u32;
    let out = filled(&chart_over_rows()).bytes;
    let chart = part(&out, "xl/charts/chart1.xml");
    assert!(
        chart.contains(&format!("Blad1!$A$2:$A${}", 1 + n)),
        "{chart}"
    );
    assert!(
        chart.contains(&format!("Blad1!$B$2:$B${}", 1 + n)),
        "{chart}"
    );
}

/// (5) A part that unpacks to more than the limit (a zip bomb, or a sheet no template needs).
fn huge_part() -> Vec<u8> {
    let mut files = Book::default()
        .sheet("Blad1", ws(&insats_rows(), ""))
        .files();
    // 257 MiB of spaces inside the sheet: compresses to a few hundred kB.
    let sheet = &mut files
        .iter_mut()
        .find(|(n, _)| n == "xl/worksheets/sheet1.xml")
        .unwrap()
        .1;
    let at = sheet.find("</worksheet>").unwrap();
    sheet.insert_str(at, &" ".repeat(257 * 1024 * 1024));
    zip_of(
        &files
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_bytes()))
            .collect::<Vec<_>>(),
    )
}

#[test]
fn a_part_over_the_limit_is_refused_before_it_is_unpacked() {
    let (_, problem, message) = only_problem(&huge_part());
    assert!(matches!(problem, Problem::PartTooLarge { .. }), "{message}");
    assert!(
        message.contains("xl/worksheets/sheet1.xml") && message.contains("257"),
        "{message}"
    );
}

/// (6) A sparkline on the repeating row, drawing the row's two amounts.
fn sparkline() -> Vec<u8> {
    let rows = row(1, &[text("A1", "Insats")])
        + &row(
            2,
            &[
                text("A2", "{{Insatser.Insats}}"),
                text("B2", "{{Insatser.Belopp}}"),
                text("C2", "{{Insatser.Belopp}}"),
            ],
        )
        + &row(4, &[text("A4", "Under")]);
    let ext = r#"<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>Blad1!B2:C2</xm:f><xm:sqref>D2</xm:sqref></x14:sparkline><x14:sparkline><xm:f>Blad1!B4:C4</xm:f><xm:sqref>D4</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>"#;
    Book::default().sheet("Blad1", ws(&rows, ext)).build()
}

#[test]
fn a_sparkline_on_a_repeating_row_is_one_sparkline_per_filled_row() {
    let n = insatser().len() as u32;
    let out = filled(&sparkline()).bytes;
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    assert_eq!(
        sheet.matches("<x14:sparkline>").count() as u32,
        n + 1,
        "{sheet}"
    );
    for k in 0..n {
        let r = 2 + k;
        assert!(
            sheet.contains(&format!(
                "<x14:sparkline><xm:f>Blad1!B{r}:C{r}</xm:f><xm:sqref>D{r}</xm:sqref></x14:sparkline>"
            )),
            "row {r}: {sheet}"
        );
    }
    let below = 4 + n - 1;
    assert!(sheet.contains(&format!(
        "<xm:f>Blad1!B{below}:C{below}</xm:f><xm:sqref>D{below}</xm:sqref>"
    )));
    assert!(
        !sheet.contains(&format!("D2:D{}", 1 + n)),
        "never one spanning: {sheet}"
    );
}

/// (7) Pictures on and below the repeating row, one per `editAs`.
fn pictures() -> Vec<u8> {
    let anchor = |edit_as: &str, from: u32, to: u32, id: u32| {
        format!(
            r#"<xdr:twoCellAnchor editAs="{edit_as}"><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{from}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{to}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{id}" name="Form {id}"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>"#
        )
    };
    let drawing = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">{}{}{}{}</xdr:wsDr>"#,
        anchor("oneCell", 1, 3, 2),
        anchor("absolute", 5, 7, 3),
        anchor("twoCell", 5, 7, 4),
        anchor("oneCell", 5, 7, 5),
    );
    Book::default()
        .sheet("Blad1", ws(&insats_rows(), r#"<drawing r:id="rIdX0"/>"#))
        .rel("drawing", "../drawings/drawing1.xml")
        .part(
            "xl/drawings/drawing1.xml",
            drawing,
            Some("application/vnd.openxmlformats-officedocument.drawing+xml"),
        )
        .build()
}

#[test]
fn pictures_move_or_stay_as_their_edit_as_says() {
    let n = insatser().len() as u32;
    let out = filled(&pictures()).bytes;
    let drawing = part(&out, "xl/drawings/drawing1.xml");
    let rows: Vec<(u32, u32)> = drawing
        .split("<xdr:twoCellAnchor")
        .skip(1)
        .map(|a| {
            let row = |tag: &str| -> u32 {
                let s = &a[a.find(tag).unwrap()..];
                let s = &s[s.find("<xdr:row>").unwrap() + 9..];
                s[..s.find('<').unwrap()].parse().unwrap()
            };
            (row("<xdr:from>"), row("<xdr:to>"))
        })
        .collect();
    let d = n - 1;
    assert_eq!(
        rows,
        vec![(1, 3), (5, 7), (5 + d, 7 + d), (5 + d, 7 + d)],
        "oneCell on the row keeps its size; absolute stays; below, both move: {drawing}"
    );
}

/// (8) A row break and a column break below and right of the repeating row.
fn breaks() -> Vec<u8> {
    Book::default()
        .sheet(
            "Blad1",
            ws(
                &insats_rows(),
                r#"<rowBreaks count="1" manualBreakCount="1"><brk id="3" max="16383" man="1"/></rowBreaks><colBreaks count="1" manualBreakCount="1"><brk id="3" max="1048575" man="1"/></colBreaks>"#,
            ),
        )
        .build()
}

#[test]
fn column_breaks_stay_and_row_breaks_move() {
    let n = insatser().len() as u32;
    let out = filled(&breaks()).bytes;
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(&format!(
            r#"<rowBreaks count="1" manualBreakCount="1"><brk id="{}""#,
            3 + n - 1
        )),
        "{sheet}"
    );
    assert!(
        sheet.contains(r#"<colBreaks count="1" manualBreakCount="1"><brk id="3""#),
        "{sheet}"
    );
}

/// (9) A 3D sum over two sheets: `grow_alike` fills both with every insats, otherwise the
/// second one only with area 3's.
fn three_d(grow_alike: bool) -> Vec<u8> {
    let second = if grow_alike {
        "Insatser"
    } else {
        "Insatser(3)"
    };
    let sheet2 = row(1, &[text("A1", "Insats")])
        + &row(
            2,
            &[
                text("A2", &format!("{{{{{second}.Insats}}}}")),
                text("B2", &format!("{{{{{second}.Belopp}}}}")),
            ],
        )
        + &row(4, &[text("A4", "Summa"), formula("B4", "SUM(B2:B2)")]);
    Book::default()
        .sheet(
            "Blad1",
            ws(
                &(insats_rows() + &row(4, &[text("A4", "Summa"), formula("B4", "SUM(B2:B2)")])),
                "",
            ),
        )
        .sheet("Blad2", ws(&sheet2, ""))
        .sheet(
            "Summa",
            ws(
                &row(
                    1,
                    &[
                        formula("A1", "SUM(Blad1:Blad2!B4)"),
                        formula("B1", "SUM(Blad1:Blad2!A1)"),
                    ],
                ),
                "",
            ),
        )
        .build()
}

#[test]
fn a_3d_reference_moves_only_over_sheets_that_grow_alike() {
    let (at, problem, message) = only_problem(&three_d(false));
    assert_eq!(at.as_deref(), Some("Summa!A1"), "{message}");
    assert!(matches!(problem, Problem::ThreeD { .. }), "{message}");
    assert!(message.contains("Blad1:Blad2!B4"), "{message}");

    let all = insatser();
    let n = all.len() as u32;
    let out = filled(&three_d(true)).bytes;
    let sheet = part(&out, "xl/worksheets/sheet3.xml");
    assert!(
        sheet.contains(&format!("SUM(Blad1:Blad2!B{})", 4 + n - 1)),
        "{sheet}"
    );
    assert!(sheet.contains("SUM(Blad1:Blad2!A1)"), "{sheet}");

    let Some(rows) = recalculated("three-d", "Summa") else {
        return;
    };
    let total: f64 = all.iter().map(|(_, a)| a).sum();
    assert_eq!(
        rows[0][0].parse::<f64>().ok(),
        Some(2.0 * total),
        "{rows:?}"
    );
}

/// (10) Placeholders in the page header and footer, and nowhere else.
fn header_only() -> Vec<u8> {
    Book::default()
        .sheet(
            "Blad1",
            ws(
                &row(1, &[text("A1", "Ingen platshållare i cellerna")]),
                r#"<headerFooter><oddHeader>&amp;L{{Organisation}}&amp;C{{Titel}}</oddHeader><oddFooter>&amp;RSida &amp;P av &amp;N, {{Datum}}</oddFooter></headerFooter>"#,
            ),
        )
        .build()
}

#[test]
fn headers_and_footers_are_filled() {
    let (agreement, _) = example();
    let out = filled(&header_only()).bytes;
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("{{"), "{sheet}");
    assert!(
        sheet.contains(&format!(
            "&amp;L{}&amp;C{}",
            agreement.info.organisation.replace('&', "&amp;&amp;"),
            agreement.info.title
        )),
        "{sheet}"
    );
    assert!(sheet.contains("&amp;RSida &amp;P av &amp;N, 20"), "{sheet}");
}

fn header_repeating() -> Vec<u8> {
    Book::default()
        .sheet(
            "Blad1",
            ws(
                &insats_rows(),
                r#"<headerFooter><oddHeader>&amp;C{{Insatser.Insats}}</oddHeader></headerFooter>"#,
            ),
        )
        .build()
}

#[test]
fn a_repeating_name_in_a_header_is_refused() {
    let (at, problem, message) = only_problem(&header_repeating());
    assert_eq!(at.as_deref(), Some("Blad1 (sidhuvud/sidfot)"));
    assert!(
        matches!(problem, Problem::RepeatInHeader { .. }),
        "{message}"
    );
}

/// (10) Placeholders where styrdok fills nothing: each refused with its part named.
fn outside(place: &str) -> Vec<u8> {
    let book = Book::default();
    match place {
        "note" => {
            let comments = format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="{MAIN}"><authors><author>Ann</author></authors><commentList><comment ref="A1" authorId="0"><text><t>Gäller {{{{Titel}}}}</t></text></comment></commentList></comments>"#
            );
            book.sheet("Blad1", ws(&insats_rows(), ""))
                .rel("comments", "../comments1.xml")
                .part("xl/comments1.xml", comments, None)
                .build()
        }
        "chart" => {
            let chart = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>Belopp {{År}}</a:t></a:r></a:p></c:rich></c:tx></c:title><c:plotArea><c:barChart><c:ser><c:val><c:numRef><c:f>Blad1!$B$2:$B$2</c:f></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>"#;
            book.sheet("Blad1", ws(&insats_rows(), ""))
                .part("xl/charts/chart1.xml", chart.into(), None)
                .build()
        }
        "list" => book
            .sheet(
                "Blad1",
                ws(
                    &insats_rows(),
                    r#"<dataValidations count="1"><dataValidation type="list" sqref="C2"><formula1>"{{Titel}},Nej"</formula1></dataValidation></dataValidations>"#,
                ),
            )
            .build(),
        "name" => book
            .sheet("Blad1", ws(&insats_rows(), ""))
            .names(r#"<definedName name="Rubrik">"{{Titel}}"</definedName>"#)
            .build(),
        "sheet name" => book.sheet("{{År}}", ws(&insats_rows(), "")).build(),
        _ => unreachable!(),
    }
}

#[test]
fn placeholders_outside_cells_are_refused_with_their_part() {
    for (case, part_named, words) in [
        ("note", "xl/comments1.xml", "anteckning"),
        ("chart", "xl/charts/chart1.xml", "diagram"),
        ("list", "xl/worksheets/sheet1.xml", "dataverifiering"),
        ("name", "xl/workbook.xml", "definierat namn"),
        ("sheet name", "xl/workbook.xml", "bladnamn"),
    ] {
        let (_, problem, message) = only_problem(&outside(case));
        assert!(
            matches!(problem, Problem::OutsideCells { .. }),
            "{case}: {message}"
        );
        assert!(message.contains(part_named), "{case}: {message}");
        assert!(message.contains(words), "{case}: {message}");
        assert!(message.contains("{{"), "{case}: {message}");
    }
}

/// (11) An old .xls renamed .xlsx, and a password-protected workbook: both compound files.
fn compound(streams: &[&str]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    for s in streams {
        file.create_stream(format!("/{s}"))
            .unwrap()
            .write_all(&[0u8; 600])
            .unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

#[test]
fn an_old_xls_renamed_xlsx_is_called_an_xls() {
    let (_, problem, message) = only_problem(&compound(&["Workbook"]));
    assert_eq!(
        problem,
        Problem::RenamedXls { ext: "xlsx".into() },
        "{message}"
    );
    assert!(
        message.contains(".xls") && !message.contains("lösenord"),
        "{message}"
    );
    let (_, problem, _) = only_problem(&compound(&["EncryptionInfo", "EncryptedPackage"]));
    assert_eq!(problem, Problem::Encrypted);
}

#[test]
fn broken_files_are_described_in_swedish() {
    let (_, _, message) = only_problem(b"PK\x03\x04 not really a zip at all");
    assert_swedish(&message);
    assert!(message.contains("zip-paket"), "{message}");
    let mut files = Book::default()
        .sheet("Blad1", ws(&insats_rows(), ""))
        .files();
    let latin1 = b"<worksheet>\xe5\xe4\xf6</worksheet>".to_vec();
    let mut list: Vec<(&str, &[u8])> = files
        .iter_mut()
        .map(|(n, t)| (n.as_str(), t.as_bytes()))
        .collect();
    list.iter_mut()
        .find(|(n, _)| *n == "xl/worksheets/sheet1.xml")
        .unwrap()
        .1 = &latin1;
    let (_, _, message) = only_problem(&zip_of(&list));
    assert_swedish(&message);
    assert!(
        message.contains("xl/worksheets/sheet1.xml") && message.contains("UTF-8"),
        "{message}"
    );
    let broken = Book::default()
        .sheet("Blad1", ws(&insats_rows(), "<unclosed>"))
        .build();
    let (_, _, message) = only_problem(&broken);
    assert_swedish(&message);
    assert!(message.contains("välformad"), "{message}");
}

/// A damaged entry (fuzz finding: one that does not inflate was copied raw into the filled copy).
fn damaged_entry() -> Vec<u8> {
    let mut bytes = Book::default()
        .sheet("Blad1", ws(&insats_rows(), ""))
        .build();
    let name = b"xl/styles.xml";
    let header = bytes
        .windows(name.len())
        .position(|w| w == name)
        .expect("the local header names the part");
    // Past the name (the builder writes no extra field in local headers): the deflated data.
    let data = header + name.len();
    for b in &mut bytes[data + 2..data + 12] {
        *b ^= 0x5A;
    }
    bytes
}

#[test]
fn a_damaged_entry_is_refused_not_copied() {
    let (_, problem, message) = only_problem(&damaged_entry());
    assert!(matches!(problem, Problem::NotXlsx { .. }), "{message}");
    assert!(
        message.contains("xl/styles.xml") && message.contains("skadad"),
        "{message}"
    );
    assert_swedish(&message);
}

/// A sheet cut off inside its page header (shake finding: the rewrite waited for ever for the
/// header's end, growing until memory ran out; a truncated sheet must be refused).
fn truncated_sheet() -> Vec<u8> {
    let sheet = ws(
        &insats_rows(),
        "<headerFooter><oddHeader>&amp;C{{Titel}}</oddHeader></headerFooter>",
    );
    let cut = &sheet[..sheet.find("</oddHeader>").unwrap()];
    Book::default().sheet("Blad1", cut.to_string()).build()
}

/// A row inside a cell's text (shake finding: the inner `</c>` ended the outer cell, and the
/// rewrite wrote a sheet that no longer parsed).
fn row_in_a_cell() -> Vec<u8> {
    let rows = format!(
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Text{}</t></is></c></row>"#,
        row(3, &[text("A3", "{{Titel}}")])
    );
    Book::default().sheet("Blad1", ws(&rows, "")).build()
}

#[test]
fn a_truncated_or_nested_sheet_is_refused() {
    let (_, problem, message) = only_problem(&row_in_a_cell());
    assert!(matches!(problem, Problem::NotXlsx { .. }), "{message}");
    assert!(message.contains("xl/worksheets/sheet1.xml"), "{message}");
    let (_, problem, message) = only_problem(&truncated_sheet());
    assert!(matches!(problem, Problem::NotXlsx { .. }), "{message}");
    assert!(message.contains("xl/worksheets/sheet1.xml"), "{message}");
    assert_swedish(&message);
}

/// (11) Many unknown names: the list of valid names is given once, not once per name.
fn unknown_names() -> Vec<u8> {
    let rows: String = (1..=200)
        .map(|r| row(r, &[text(&format!("A{r}"), &format!("{{{{Okänt{r}}}}}"))]))
        .collect();
    Book::default().sheet("Blad1", ws(&rows, "")).build()
}

#[test]
fn unknown_names_list_the_valid_names_once() {
    let errors = refused(&unknown_names());
    assert_eq!(errors.0.len(), 200);
    let text = errors.to_string();
    assert_eq!(text.matches("Giltiga namn").count(), 1, "{text}");
    assert!(text.len() < 200 * 200, "{} bytes", text.len());
    assert!(text.lines().next().unwrap().contains("Giltiga namn"));
}

/// (11) A repeating row in the last row of the sheet.
fn last_row_repeat() -> Vec<u8> {
    let rows = row(1_048_576, &[text("C1048576", "{{Insatser.Insats}}")]);
    Book::default().sheet("Blad1", ws(&rows, "")).build()
}

#[test]
fn a_repeating_row_on_the_last_row_is_named_at_its_own_cell() {
    let (at, problem, message) = only_problem(&last_row_repeat());
    assert_eq!(at.as_deref(), Some("Blad1!C1048576"), "{message}");
    assert!(matches!(problem, Problem::TooManyRows { .. }), "{message}");
}

/// (11) Two zip entries of one name: one sheet with placeholders, one without.
fn duplicate_entry() -> Vec<u8> {
    let files = Book::default()
        .sheet("Blad1", ws(&insats_rows(), ""))
        .files();
    let decoy = ws(&row(1, &[text("A1", "Annat")]), "");
    let mut list: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_bytes()))
        .collect();
    // Same length as the real name, renamed in the bytes below (a zip writer refuses duplicates).
    list.push(("xl/worksheets/sheet1.xmX", decoy.as_bytes()));
    let mut bytes = zip_of(&list);
    let from = b"xl/worksheets/sheet1.xmX";
    let mut i = 0;
    while let Some(p) = bytes[i..].windows(from.len()).position(|w| w == from) {
        bytes[i + p + from.len() - 1] = b'l';
        i += p + 1;
    }
    bytes
}

#[test]
fn a_duplicate_zip_entry_is_refused() {
    let (_, problem, message) = only_problem(&duplicate_entry());
    assert!(
        matches!(problem, Problem::DuplicateEntry { .. }),
        "{message}"
    );
    assert!(message.contains("xl/worksheets/sheet1.xml"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// More of the corpus: constructs real templates have, each checked to survive or move.

/// Hyperlinks, outline grouping, protection, rich text split over runs, print titles, a table.
fn everyday() -> Vec<u8> {
    let strings = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><r><rPr><b/></rPr><t>{{{{Insatser.</t></r><r><t>Insats}}}}</t></r></si></sst>"#
    );
    let rows = row(1, &[text("A1", "Insats"), text("B1", "Belopp")])
        + r#"<row r="2" outlineLevel="1" spans="1:2"><c r="A2" t="s"><v>0</v></c>"#
        + &text("B2", "{{Insatser.Belopp}}")
        + "</row>"
        + &row(4, &[text("A4", "Länk")]);
    let table = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><table xmlns="{MAIN}" id="1" name="Tabell1" displayName="Tabell1" ref="A1:B2"><autoFilter ref="A1:B2"/><tableColumns count="2"><tableColumn id="1" name="Insats"/><tableColumn id="2" name="Belopp"/></tableColumns></table>"#
    );
    let mut book = Book::default()
        .sheet(
            "Blad1",
            ws(
                &rows,
                r#"<sheetProtection sheet="1" objects="1" scenarios="1"/><hyperlinks><hyperlink ref="A4" r:id="rIdX1"/></hyperlinks><tableParts count="1"><tablePart r:id="rIdX0"/></tableParts>"#,
            ),
        )
        .rel("table", "../tables/table1.xml")
        .names(r#"<definedName name="_xlnm.Print_Titles" localSheetId="0">Blad1!$1:$1</definedName>"#)
        .part(
            "xl/tables/table1.xml",
            table,
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"),
        )
        .part(
            "xl/sharedStrings.xml",
            strings,
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"),
        );
    book.workbook_rels
        .push(("sharedStrings", "sharedStrings.xml".into()));
    book.sheets[0]
        .rels
        .push(("hyperlink", "https://example.org/".into()));
    book.build()
}

#[test]
fn everyday_constructs_survive_or_move() {
    let all = insatser();
    let n = all.len() as u32;
    let out = filled(&everyday()).bytes;
    let cells = sheet_cells(&out, "Blad1");
    for (k, (name, amount)) in all.iter().enumerate() {
        assert_eq!(
            cells.get_value((1 + k as u32, 0)),
            Some(&Cell::String(name.clone()))
        );
        assert_eq!(
            cells.get_value((1 + k as u32, 1)),
            Some(&Cell::Float(*amount))
        );
    }
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    assert_eq!(
        sheet.matches(r#"outlineLevel="1""#).count() as u32,
        n,
        "{sheet}"
    );
    assert!(sheet.contains(r#"<sheetProtection sheet="1" objects="1" scenarios="1"/>"#));
    assert!(
        sheet.contains(&format!(r#"<hyperlink ref="A{}""#, 4 + n - 1)),
        "{sheet}"
    );
    let table = part(&out, "xl/tables/table1.xml");
    assert!(
        table.contains(&format!(r#"ref="A1:B{}""#, 1 + n)),
        "{table}"
    );
    let workbook = part(&out, "xl/workbook.xml");
    assert!(workbook.contains("Blad1!$1:$1"), "{workbook}");
}

/// An array formula over the repeating row: refused, as shared formulas are.
fn array_formula() -> Vec<u8> {
    let rows = row(
        1,
        &[
            text("A1", "Insats"),
            text("B1", "Belopp"),
            r#"<c r="C1"><f t="array" ref="C1:C2">B1:B2*2</f><v>0</v></c>"#.to_string(),
        ],
    ) + &row(
        2,
        &[
            text("A2", "{{Insatser.Insats}}"),
            text("B2", "{{Insatser.Belopp}}"),
            num("C2", 0.0),
        ],
    );
    Book::default().sheet("Blad1", ws(&rows, "")).build()
}

#[test]
fn an_array_formula_through_the_repeating_row_is_refused() {
    let (at, problem, message) = only_problem(&array_formula());
    assert_eq!(at.as_deref(), Some("Blad1!C1"), "{message}");
    assert!(
        matches!(problem, Problem::SharedFormula { .. }),
        "{message}"
    );
}

/// LibreOffice's own writer: cases saved again by LibreOffice (shared strings, its own VML and
/// styles) fill as they did.
#[test]
fn cases_saved_by_libreoffice_fill_the_same() {
    let Some(office) = office() else { return };
    let n = insatser().len() as u32;
    // Every case saved again by one LibreOffice process.
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("whole", whole_columns()),
        ("notes", notes()),
        ("breaks", breaks()),
        ("header", header_only()),
    ];
    let files: Vec<_> = cases
        .iter()
        .map(|(name, bytes)| {
            let file = dir.path().join(format!("{name}.xlsx"));
            std::fs::write(&file, bytes).unwrap();
            file
        })
        .collect();
    let saved = convert(
        office,
        &files.iter().map(|f| f.as_path()).collect::<Vec<_>>(),
        "xlsx",
        &dir.path().join("lo"),
    );
    let resaved = |name: &str| std::fs::read(saved.join(format!("{name}.xlsx"))).unwrap();
    let out = filled(&resaved("whole")).bytes;
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("104859"), "{sheet}");
    assert!(sheet.contains("1048576"), "{sheet}");

    let out = filled(&resaved("notes")).bytes;
    let comments = part(&out, "xl/comments1.xml");
    assert!(
        comments.contains(&format!(r#"ref="B{}""#, 4 + n - 1)),
        "{comments}"
    );

    let out = filled(&resaved("breaks")).bytes;
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    let cols = &sheet[sheet
        .find("<colBreaks")
        .expect("LibreOffice keeps the column break")..];
    assert!(cols.contains(r#"<brk id="3""#), "{sheet}");

    let out = filled(&resaved("header")).bytes;
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("{{"), "{sheet}");
}

/// A what-if data table below the repeating row: its range and its input cell move with it.
fn data_table() -> Vec<u8> {
    let rows = insats_rows()
        + &row(4, &[num("A4", 2.0), formula("B4", "A4*10")])
        + &row(
            5,
            &[
                num("A5", 1.0),
                r#"<c r="B5"><f t="dataTable" ref="B5:B6" dt2D="0" dtr="0" r1="A4"/><v>10</v></c>"#
                    .to_string(),
            ],
        )
        + &row(6, &[num("A6", 3.0), num("B6", 30.0)]);
    Book::default().sheet("Blad1", ws(&rows, "")).build()
}

#[test]
fn a_data_table_below_the_rows_moves_with_its_input_cell() {
    let d = insatser().len() as u32 - 1;
    let out = filled(&data_table()).bytes;
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(&format!(
            r#"<f t="dataTable" ref="B{}:B{}" dt2D="0" dtr="0" r1="A{}"/>"#,
            5 + d,
            6 + d,
            4 + d
        )),
        "{sheet}"
    );
}

/// A sheet of a filled case whose formulas matter, as LibreOffice recalculates it (values, not as
/// shown). The cases are filled and recalculated once per test binary, by one LibreOffice process
/// (its start is most of the cost); `None` without LibreOffice (see `office`).
fn recalculated(case: &str, sheet: &str) -> Option<Vec<Vec<String>>> {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    let office = office()?;
    let dir = DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fill-corpus-recalculated");
        if dir.exists() {
            std::fs::remove_dir_all(&dir).unwrap();
        }
        std::fs::create_dir_all(&dir).unwrap();
        let cases = [
            ("whole", whole_columns()),
            ("prefixed", prefixed()),
            ("three-d", three_d(true)),
        ];
        let files: Vec<PathBuf> = cases
            .into_iter()
            .map(|(name, template)| {
                let file = dir.join(format!("{name}.xlsx"));
                std::fs::write(&file, filled(&template).bytes).unwrap();
                file
            })
            .collect();
        let files: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        convert(office, &files, CSV_EVERY_SHEET, &dir)
    });
    Some(csv_rows(&dir.join(format!("{case}-{sheet}.csv"))))
}

/// Every case of the corpus, by name: the fuzz target's seeds and the table in the README.
pub fn corpus() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("01-whole-columns", whole_columns()),
        ("01-past-last-row", past_last_row()),
        ("02-notes", notes()),
        ("03-prefixed", prefixed()),
        ("04-pivot-below", pivot("A5:B9")),
        ("04-pivot-across", pivot("D1:E8")),
        ("06-sparkline", sparkline()),
        ("07-pictures", pictures()),
        ("08-breaks", breaks()),
        ("09-3d-alike", three_d(true)),
        ("09-3d-unlike", three_d(false)),
        ("10-header-only", header_only()),
        ("10-header-repeating", header_repeating()),
        ("10-note-text", outside("note")),
        ("10-chart-title", outside("chart")),
        ("10-validation-list", outside("list")),
        ("10-defined-name", outside("name")),
        ("10-sheet-name", outside("sheet name")),
        ("11-renamed-xls", compound(&["Workbook"])),
        (
            "11-encrypted",
            compound(&["EncryptionInfo", "EncryptedPackage"]),
        ),
        ("11-unknown-names", unknown_names()),
        ("11-last-row-repeat", last_row_repeat()),
        ("11-duplicate-entry", duplicate_entry()),
        ("11-damaged-entry", damaged_entry()),
        ("11-truncated-sheet", truncated_sheet()),
        ("11-row-in-a-cell", row_in_a_cell()),
        ("12-everyday", everyday()),
        ("12-array-formula", array_formula()),
        ("12-chart-over-rows", chart_over_rows()),
        ("12-data-table", data_table()),
    ]
}

/// Writes the corpus as files (the fuzz target's seeds): `STYRDOK_CORPUS_DIR`, or
/// `fuzz/corpus/fill`. The 257 MiB case is left out (a seed that size would slow every run).
#[test]
#[ignore]
fn write_seeds() {
    let dir = std::env::var("STYRDOK_CORPUS_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/fill").to_string());
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in corpus() {
        std::fs::write(format!("{dir}/{name}.xlsx"), bytes).unwrap();
    }
}

/// A structure-aware shake of the corpus, beside the byte-level `fill` fuzz target (whose byte
/// mutations mostly hit the zip, not the XML inside): a part of a case is changed (a number made
/// extreme, a snippet inserted, a piece cut or doubled), packed again, and filled. A fill must
/// return, its copy must open with every part inflating and every sheet parsing, and the same
/// template must give the same bytes. `STYRDOK_SHAKES` rounds (default 300) from
/// `STYRDOK_SHAKE_SEED`; a failing input is
/// saved under `target/fill-shake-failure.xlsx`.
#[test]
#[ignore]
fn shake_the_corpus() {
    let rounds: u64 = std::env::var("STYRDOK_SHAKES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let data = data();
    // Each case by name, with its zip entries (name, bytes).
    type Entries = Vec<(String, Vec<u8>)>;
    let cases: Vec<(&str, Entries)> = corpus()
        .into_iter()
        .filter_map(|(name, bytes)| {
            let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
            // A case whose entries do not all unpack (the damaged one) is not shaken.
            let files = (0..zip.len())
                .map(|i| {
                    let mut f = zip.by_index(i).ok()?;
                    let mut out = Vec::new();
                    std::io::Read::read_to_end(&mut f, &mut out).ok()?;
                    Some((f.name().ok()?.into_owned(), out))
                })
                .collect::<Option<Vec<_>>>()?;
            Some((name, files))
        })
        .collect();
    const SNIPPETS: [&str; 16] = [
        "{{Insatser.Insats}}",
        "{{Insatser(1).Belopp}}",
        "{{Titel}}",
        "{{",
        "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>{{Insatsområden.Kod}}</t></is></c></row>",
        "</row>",
        "Blad1:Blad2!",
        "'Blad1'!",
        "$A$1048576",
        "B:B",
        "5:6",
        "&amp;",
        ":",
        "<x:c r=\"B2\"/>",
        "<mergeCell ref=\"A2:B3\"/>",
        "<f t=\"shared\" ref=\"A2:A3\" si=\"0\">A1</f>",
    ];
    const NUMBERS: [&str; 8] = [
        "0",
        "1",
        "2",
        "1048575",
        "1048576",
        "1048577",
        "4294967295",
        "16385",
    ];
    let mut seed: u64 = std::env::var("STYRDOK_SHAKE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_F111)
        | 1;
    let mut next = |n: usize| -> usize {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    for round in 0..rounds {
        let (case, files) = &cases[next(cases.len())];
        let mut files = files.clone();
        for _ in 0..1 + next(3) {
            let k = next(files.len());
            let text = &mut files[k].1;
            if text.is_empty() {
                continue;
            }
            let at = next(text.len());
            match next(4) {
                0 => {
                    // The number at or after `at`, made extreme.
                    if let Some(p) = text[at..].iter().position(u8::is_ascii_digit) {
                        let start = at + p;
                        let end = start
                            + text[start..]
                                .iter()
                                .take_while(|c| c.is_ascii_digit())
                                .count();
                        let n = NUMBERS[next(NUMBERS.len())].as_bytes().to_vec();
                        text.splice(start..end, n);
                    }
                }
                1 => {
                    let s = SNIPPETS[next(SNIPPETS.len())].as_bytes().to_vec();
                    text.splice(at..at, s);
                }
                2 => {
                    let end = (at + 1 + next(64)).min(text.len());
                    text.drain(at..end);
                }
                _ => {
                    let end = (at + 1 + next(200)).min(text.len());
                    let piece = text[at..end].to_vec();
                    text.splice(end..end, piece);
                }
            }
        }
        let list: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        let bytes = zip_of(&list);
        // Kept before filling: an input that exhausts memory is killed, not caught.
        let current = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/target/fill-shake-current.xlsx"
        );
        std::fs::create_dir_all(std::path::Path::new(current).parent().unwrap()).unwrap();
        std::fs::write(current, &bytes).unwrap();
        let checked = std::panic::catch_unwind(|| {
            let Ok(once) = fill::fill(&bytes, "mall.xlsx", &data) else {
                return;
            };
            let twice = fill::fill(&bytes, "mall.xlsx", &data).expect("fills again");
            assert!(once.bytes == twice.bytes, "same template, other bytes");
            let mut zip = zip::ZipArchive::new(Cursor::new(&once.bytes)).expect("copy opens");
            for i in 0..zip.len() {
                let mut f = zip.by_index(i).expect("entry");
                let name = f.name().unwrap().to_string();
                let mut out = Vec::new();
                std::io::Read::read_to_end(&mut f, &mut out).expect("inflates");
                // A sheet the patcher wrote parses (one it copied is the template's own).
                let original = files.iter().find(|(n, _)| *n == name).map(|(_, b)| b);
                if name.starts_with("xl/worksheets/sheet") && original != Some(&out) {
                    let text = String::from_utf8(out).expect("UTF-8");
                    let mut r = quick_xml::Reader::from_str(&text);
                    let mut depth = 0i64;
                    loop {
                        match r.read_event() {
                            Ok(quick_xml::events::Event::Eof) => break,
                            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
                            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
                            Ok(_) => {}
                            Err(e) => panic!("{name} does not parse: {e}"),
                        }
                    }
                    assert_eq!(depth, 0, "{name} is cut off");
                }
            }
        });
        if checked.is_err() {
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/target/fill-shake-failure.xlsx"
            );
            std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
            std::fs::write(path, &bytes).unwrap();
            panic!("round {round}, from case {case}: saved as {path}");
        }
    }
}
