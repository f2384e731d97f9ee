//! The language the integration tests are written in: `Book`, a workbook written from rows with
//! rust_xlsxwriter; `library`, the one adapter that runs what a command does in-process and gives a
//! `Ran` back; `office`, LibreOffice as a second reader; `pdf_text` and `mentions` to read a PDF
//! back; and `styrdok()`, the binary, for the few tests where the process itself is the point.
#![allow(dead_code)]

use chrono::NaiveDate;
use library::read_and_check;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::{Path, PathBuf};
use styrdok::checks::Checked;
use styrdok::diagnostics::Severity;

pub mod library;
pub mod office;
pub mod returned;

/// A program a test needs is missing: with `STYRDOK_REQUIRE_VALIDATORS=1` (set by `.ci/run`) that
/// fails the test; otherwise it says what it skipped, and the caller returns early.
#[track_caller]
pub fn required(program: &str) {
    assert!(
        std::env::var_os("STYRDOK_REQUIRE_VALIDATORS").is_none(),
        "{program} is required (STYRDOK_REQUIRE_VALIDATORS is set) but not on PATH"
    );
    println!("skipped: {program} is not on PATH");
}

#[derive(Debug, Clone)]
pub enum V {
    T(String),
    N(f64),
    D(NaiveDate),
    E,
    /// A formula saved without its result, as programs that do not calculate write them.
    F(String),
}

pub fn t(s: &str) -> V {
    V::T(s.to_string())
}
pub fn n(x: f64) -> V {
    V::N(x)
}

/// A workbook as sheets of rows, edited by cell address, then written to a temp folder.
#[derive(Debug, Clone)]
pub struct Book {
    pub sheets: Vec<(String, Vec<Vec<V>>)>,
    /// Merged ranges (sheet, `A2:A3`), written with the first cell's text as the range's value.
    pub merged: Vec<(String, String)>,
}

impl Book {
    /// A small, valid agreement: area 1 (1a, 1b) = 300 000, area 2 = 500 000, four insatser fully allocated.
    /// Insatser columns: A Område, B Insats, C Beskrivning, D Typ, E Belopp, F Status, G Ansvarig, H Projekt,
    /// I Rekvirerat, J Förbrukat, K Bedömning, L Kommentar. Row 2 is the first insats.
    pub fn valid() -> Book {
        let row = |cells: Vec<V>| cells;
        Book {
            sheets: vec![
                (
                    "Uppgifter".into(),
                    vec![
                        row(vec![t("Fält"), t("Värde")]),
                        row(vec![t("Titel"), t("Testöverenskommelse 2025")]),
                        row(vec![t("År"), n(2025.0)]),
                        row(vec![t("Organisation"), t("RSS Test")]),
                        row(vec![t("Län"), t("Testlän")]),
                        row(vec![
                            t("Datum"),
                            V::D(NaiveDate::from_ymd_opt(2025, 9, 29).unwrap()),
                        ]),
                    ],
                ),
                (
                    "Insatsområden".into(),
                    vec![
                        row(vec![
                            t("Kod"),
                            t("Namn"),
                            t("Budget"),
                            t("Regionens medel"),
                            t("Beskrivning"),
                        ]),
                        row(vec![
                            t("1"),
                            t("Strategin"),
                            n(300_000.0),
                            V::E,
                            t("Områdets text"),
                        ]),
                        row(vec![
                            t("1a"),
                            t("Handlingsplaner"),
                            n(200_000.0),
                            V::E,
                            V::E,
                        ]),
                        row(vec![t("1b"), t("Samverkan"), n(100_000.0), V::E, V::E]),
                        row(vec![
                            t("2"),
                            t("Suicidprevention"),
                            n(500_000.0),
                            n(700_000.0),
                            t("• Punkt ett\n• Punkt två"),
                        ]),
                    ],
                ),
                (
                    "Insatser".into(),
                    vec![
                        row([
                            "Område",
                            "Insats",
                            "Beskrivning",
                            "Typ",
                            "Belopp",
                            "Status",
                            "Ansvarig",
                            "Projekt",
                            "Rekvirerat",
                            "Förbrukat",
                            "Bedömning",
                            "Kommentar",
                        ]
                        .iter()
                        .map(|h| t(h))
                        .collect()),
                        row(vec![
                            t("1a"),
                            t("Projektledare"),
                            t("Leder arbetet."),
                            t("Ny"),
                            n(200_000.0),
                            t("Pågår"),
                            t("RSS Test"),
                            t("Proj 1"),
                        ]),
                        row(vec![
                            t("1b"),
                            t("BISAM"),
                            t("Brukarinflytande."),
                            t("Pågående/fortsättning"),
                            n(100_000.0),
                            t("Medlen rekvirerade"),
                            t("Division A"),
                            t("Proj 2"),
                        ]),
                        row(vec![
                            t("2"),
                            t("Utbildning"),
                            t("MHFA."),
                            t("Ny"),
                            n(300_000.0),
                            t("Pågår"),
                            t("Kommun B"),
                            t("Proj 3"),
                        ]),
                        row(vec![
                            t("2"),
                            t("Temamånad"),
                            t("Aktiviteter."),
                            t("Ny"),
                            n(200_000.0),
                            t("Pågår"),
                            t("Kommun C"),
                            t("Proj 3"),
                        ]),
                    ],
                ),
                (
                    "Tidslinje".into(),
                    vec![
                        row(vec![t("Datum"), t("Händelse")]),
                        row(vec![t("Januari"), t("Överenskommelsen släpps.")]),
                    ],
                ),
                (
                    "Sammanfattning".into(),
                    vec![row(vec![t("Punkt")]), row(vec![t("Allt går bra.")])],
                ),
            ],
            merged: Vec::new(),
        }
    }

    /// The valid agreement plus one uppdrag (`U1`, financed by Proj 1) with two sections, a role and
    /// three groups: Styrgrupp ← Processgrupp ← Arbetsgrupp. Columns in contract order:
    /// Uppdrag A..F, Avsnitt A..C, Roller A..C, Grupper A..I.
    pub fn with_mandates() -> Book {
        let mut book = Book::valid();
        let header = |names: &[&str]| names.iter().map(|h| t(h)).collect::<Vec<_>>();
        book.sheets.push((
            "Uppdrag".into(),
            vec![
                header(&[
                    "Id",
                    "Titel",
                    "Diarienummer",
                    "Datum",
                    "Beslutad av",
                    "Projekt",
                ]),
                vec![
                    t("U1"),
                    t("Regional processgrupp"),
                    t("RD26/1"),
                    V::D(NaiveDate::from_ymd_opt(2026, 2, 26).unwrap()),
                    t("Styrgruppen"),
                    t("Proj 1"),
                ],
            ],
        ));
        book.sheets.push((
            "Avsnitt".into(),
            vec![
                header(&["Uppdrag", "Rubrik", "Text"]),
                vec![
                    t("U1"),
                    t("Bakgrund"),
                    t("Första stycket.^[En fotnot.]\n\nAndra stycket."),
                ],
                vec![
                    t("U1"),
                    t("Uppdragsorganisation"),
                    t("Gruppen ska:\n• Leda arbetet\n• Följa upp"),
                ],
            ],
        ));
        book.sheets.push((
            "Roller".into(),
            vec![
                header(&["Uppdrag", "Roll", "Beskrivning"]),
                vec![t("U1"), t("Beställare"), t("Länschefsnätverket")],
            ],
        ));
        book.sheets.push((
            "Grupper".into(),
            vec![
                header(&[
                    "Uppdrag",
                    "Grupp",
                    "Deltagare",
                    "Syfte",
                    "Mandat",
                    "Mötesfrekvens",
                    "Sammankallande",
                    "Rapporterar till",
                    "Huvudman",
                ]),
                vec![
                    t("U1"),
                    t("Styrgrupp"),
                    t("Chefer"),
                    V::E,
                    V::E,
                    V::E,
                    V::E,
                    V::E,
                    t("Gemensam"),
                ],
                vec![
                    t("U1"),
                    t("Processgrupp"),
                    t("Utvecklingsledare"),
                    t("Samordna"),
                    V::E,
                    t("Varje månad"),
                    t("RSS"),
                    t("Styrgrupp"),
                    t("Region"),
                ],
                vec![
                    t("U1"),
                    t("Arbetsgrupp"),
                    V::E,
                    V::E,
                    V::E,
                    V::E,
                    V::E,
                    t("Processgrupp"),
                    t("Kommun"),
                ],
            ],
        ));
        book
    }

    pub fn sheet_mut(&mut self, name: &str) -> &mut Vec<Vec<V>> {
        &mut self
            .sheets
            .iter_mut()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no sheet {name}"))
            .1
    }

    pub fn remove_sheet(&mut self, name: &str) -> &mut Self {
        self.sheets.retain(|(n, _)| n != name);
        self
    }

    /// Sets a cell by address such as `E3` (1-based row as in Excel).
    pub fn set(&mut self, sheet: &str, address: &str, value: V) -> &mut Self {
        let (col, row) = parse_address(address);
        let rows = self.sheet_mut(sheet);
        while rows.len() <= row {
            rows.push(Vec::new());
        }
        let cells = &mut rows[row];
        while cells.len() <= col {
            cells.push(V::E);
        }
        cells[col] = value;
        self
    }

    /// Merges a range such as `A2:A3` the way Excel does: its first cell's value is the range's
    /// value, the other cells are left empty in the file.
    pub fn merge(&mut self, sheet: &str, range: &str) -> &mut Self {
        self.merged.push((sheet.to_string(), range.to_string()));
        self
    }

    pub fn push_row(&mut self, sheet: &str, row: Vec<V>) -> &mut Self {
        self.sheet_mut(sheet).push(row);
        self
    }

    pub fn write(&self, path: &Path) -> PathBuf {
        let mut wb = Workbook::new();
        let date_format = Format::new().set_num_format("yyyy-mm-dd");
        for (name, rows) in &self.sheets {
            let ws = wb.add_worksheet();
            ws.set_name(name).unwrap();
            for (r, row) in rows.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    let (r, c) = (r as u32, c as u16);
                    match v {
                        V::T(s) => {
                            ws.write_string(r, c, s).unwrap();
                        }
                        V::N(x) => {
                            ws.write_number(r, c, *x).unwrap();
                        }
                        V::D(d) => {
                            let dt =
                                ExcelDateTime::parse_from_str(&d.format("%Y-%m-%d").to_string())
                                    .unwrap();
                            ws.write_datetime_with_format(r, c, &dt, &date_format)
                                .unwrap();
                        }
                        V::E => {}
                        V::F(formula) => {
                            ws.write_formula(r, c, formula.as_str()).unwrap();
                        }
                    }
                }
            }
            for (_, range) in self.merged.iter().filter(|(sheet, _)| sheet == name) {
                let (first, last) = range.split_once(':').unwrap();
                let ((c1, r1), (c2, r2)) = (parse_address(first), parse_address(last));
                let text = match rows.get(r1).and_then(|row| row.get(c1)) {
                    Some(V::T(text)) => text.as_str(),
                    _ => "",
                };
                ws.merge_range(
                    r1 as u32,
                    c1 as u16,
                    r2 as u32,
                    c2 as u16,
                    text,
                    &Format::new(),
                )
                .unwrap();
                // A number stays a number: written again into the range's first cell.
                if let Some(V::N(x)) = rows.get(r1).and_then(|row| row.get(c1)) {
                    ws.write_number(r1 as u32, c1 as u16, *x).unwrap();
                }
            }
        }
        wb.save(path).unwrap();
        if self
            .sheets
            .iter()
            .flat_map(|(_, rows)| rows)
            .flatten()
            .any(|v| matches!(v, V::F(_)))
        {
            drop_formula_results(path);
        }
        path.to_path_buf()
    }
}

/// rust_xlsxwriter saves every formula with a cached 0; remove those results, so the file holds
/// formulas nobody calculated.
fn drop_formula_results(path: &Path) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        if name.starts_with("xl/worksheets/") {
            let text = String::from_utf8(content).unwrap();
            content = text.replace("</f><v>0</v>", "</f>").into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    std::fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}

fn parse_address(address: &str) -> (usize, usize) {
    let letters: String = address
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let digits = &address[letters.len()..];
    let col = letters
        .bytes()
        .fold(0usize, |acc, b| acc * 26 + (b - b'A' + 1) as usize)
        - 1;
    (col, digits.parse::<usize>().unwrap() - 1)
}

/// The compiled binary, for end-to-end runs: exit codes through `main`, argument parsing, `--watch`,
/// the help, and the commands that print their report instead of returning it (diff, collect, forms
/// --epost) until they return it as data.
pub fn styrdok() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_styrdok"))
}

/// `styrdok serve INPUT -o OUTPUT --no-open`, its stdout piped for `launch_url`: as a user starts
/// it from a terminal, less the browser.
pub fn serve(input: &std::path::Path, output: &std::path::Path) -> std::process::Command {
    let mut command = styrdok();
    command
        .arg("serve")
        .arg(input)
        .arg("-o")
        .arg(output)
        .arg("--no-open")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null());
    command
}

/// The launch address a started `styrdok serve` prints first («styrdok visas på
/// http://127.0.0.1:PORT/start?nyckel=TOKEN»); whatever it says later is read on, so a full pipe
/// never stops it.
pub fn launch_url(child: &mut std::process::Child) -> String {
    use std::io::BufRead;
    let mut said = std::io::BufReader::new(child.stdout.take().expect("stdout piped"));
    let mut line = String::new();
    said.read_line(&mut line).unwrap();
    std::thread::spawn(move || std::io::copy(&mut said, &mut std::io::sink()));
    let url = line
        .trim()
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{line}");
    url
}

/// Runs styrdok with these arguments and waits for it.
pub fn run<S: AsRef<std::ffi::OsStr>>(args: impl IntoIterator<Item = S>) -> std::process::Output {
    styrdok().args(args).output().unwrap()
}

/// `styrdok build INPUT -o OUT` with any further flags.
pub fn build(input: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    styrdok()
        .arg("build")
        .arg(input)
        .arg("-o")
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

/// The text of a PDF, with every run of whitespace (including non-breaking spaces) made one space,
/// so figures like "16 979 356 kr" can be searched regardless of how lines broke.
/// One insats of a workbook a test generates (hundreds of rows), as the test will read it back.
pub struct Generated {
    pub area: &'static str,
    pub name: String,
    pub organisation: String,
    pub amount: i64,
    /// Förbrukat (Rekvirerat is the whole Belopp).
    pub spent: i64,
    pub assessment: &'static str,
    pub comment: String,
}

impl Generated {
    /// Belopp − Förbrukat, the money at stake.
    pub fn at_stake(&self) -> i64 {
        (self.amount - self.spent).max(0)
    }
}

impl Book {
    /// The areas (code, name, Beskrivning), each with the sum of its insatser's Belopp as its budget,
    /// and the insatser in sheet order: every third Ny, the rest Pågående/fortsättning, each with
    /// `description` and the Projekt `project(k)` of its place `k`.
    pub fn with_generated(
        mut self,
        areas: &[(&str, &str, &str)],
        insatser: &[Generated],
        description: &str,
        project: impl Fn(usize) -> String,
    ) -> Book {
        let rows = self.sheet_mut("Insatsområden");
        rows.truncate(1);
        for (code, name, about) in areas {
            let budget: i64 = insatser
                .iter()
                .filter(|i| i.area == *code)
                .map(|i| i.amount)
                .sum();
            rows.push(vec![t(code), t(name), n(budget as f64), V::E, t(about)]);
        }
        let rows = self.sheet_mut("Insatser");
        rows.truncate(1);
        let or_empty = |s: &str| if s.is_empty() { V::E } else { t(s) };
        for (k, i) in insatser.iter().enumerate() {
            rows.push(vec![
                t(i.area),
                t(&i.name),
                t(description),
                t(if k % 3 == 0 {
                    "Ny"
                } else {
                    "Pågående/fortsättning"
                }),
                n(i.amount as f64),
                t("Pågår"),
                t(&i.organisation),
                t(&project(k)),
                n(i.amount as f64),
                n(i.spent as f64),
                or_empty(i.assessment),
                or_empty(&i.comment),
            ]);
        }
        self
    }
}

/// Every file under `dir`, by its path relative to `dir`, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                found.push(p.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    found.sort();
    found
}

/// Every PDF under `dir` (full paths), sorted.
pub fn pdfs_under(dir: &Path) -> Vec<PathBuf> {
    files_under(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .map(|p| dir.join(p))
        .collect()
}

/// One character as a PDF draws it: its page (from 1), that page's box (left, bottom, right, top),
/// where it is placed and its size, in points.
pub struct Placed {
    pub page: u32,
    pub page_box: (f64, f64, f64, f64),
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub text: String,
}

/// Every character the PDF draws (blanks left out), from where its text is placed.
pub fn placed_characters(pdf: &Path) -> Vec<Placed> {
    use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
    #[derive(Default)]
    struct Collect {
        page: u32,
        page_box: (f64, f64, f64, f64),
        found: Vec<Placed>,
    }
    impl OutputDev for Collect {
        fn begin_page(
            &mut self,
            page: u32,
            media: &MediaBox,
            _: Option<(f64, f64, f64, f64)>,
        ) -> Result<(), OutputError> {
            self.page = page;
            self.page_box = (media.llx, media.lly, media.urx, media.ury);
            Ok(())
        }
        fn end_page(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
        fn output_character(
            &mut self,
            trm: &Transform,
            _: f64,
            _: f64,
            font_size: f64,
            c: &str,
        ) -> Result<(), OutputError> {
            if !c.trim().is_empty() {
                let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
                self.found.push(Placed {
                    page: self.page,
                    page_box: self.page_box,
                    x: trm.m31,
                    y: trm.m32,
                    size: font_size * scale,
                    text: c.to_string(),
                });
            }
            Ok(())
        }
        fn begin_word(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
        fn end_word(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
        fn end_line(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
    }
    let doc = pdf_extract::Document::load(pdf).unwrap();
    let mut collect = Collect::default();
    pdf_extract::output_doc(&doc, &mut collect).unwrap();
    collect.found
}

pub fn pdf_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("PDF text can be extracted");
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect();
    // A word hyphenated at a line end carries a soft hyphen: join it back as a reader would.
    let mut joined = String::new();
    for word in words {
        if let Some(stem) = word.strip_suffix('\u{ad}') {
            if stem.is_empty() && joined.ends_with(' ') {
                joined.pop();
            }
            joined.push_str(stem);
        } else {
            joined.push_str(word);
            joined.push(' ');
        }
    }
    joined.trim_end().to_string()
}

/// Whether the PDF text holds the phrase, ignoring hyphens and spaces: the text extractor reads the
/// hyphen glyph of `IFO-chefsnätverk` or `lednings- och` as a soft hyphen (they share one glyph) and
/// joins the words, so only the letters in order can be compared.
pub fn mentions(text: &str, phrase: &str) -> bool {
    let strip = |s: &str| {
        s.chars()
            .filter(|c| !matches!(c, '-' | '\u{ad}') && !c.is_whitespace())
            .collect::<String>()
    };
    strip(text).contains(&strip(phrase))
}

// ---- Checking a book, as the checks tests see it ----

pub fn check(book: &Book) -> Checked {
    let dir = tempfile::tempdir().unwrap();
    let path = book.write(&dir.path().join("test.xlsx"));
    read_and_check(&path).1
}

/// The diagnostics as (severity, cell or place, message) for readable assertions.
pub fn found(checked: &Checked) -> Vec<(Severity, String, String)> {
    checked
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.severity(),
                d.cell().unwrap_or_else(|| d.place.to_string()),
                d.problem.to_string(),
            )
        })
        .collect()
}

pub fn assert_one(checked: &Checked, severity: Severity, cell: &str, message_part: &str) {
    let all = found(checked);
    assert!(
        all.iter()
            .any(|(s, c, m)| *s == severity && c == cell && m.contains(message_part)),
        "expected {severity:?} at {cell} containing {message_part:?}, got {all:#?}"
    );
}

/// Every insats of seed 001 (ÖK 2025, Dalarna), by a distinctive part of its name.
pub const SEED_001_INSATSER: &[&str] = &[
    "Projektledare för psykisk hälsa",
    "Spridningsinsatser i länet",
    "Egenerfaren utvecklingsledare",
    "Delfinansiering av insats om VIP och PSV",
    "BISAM",
    "Olika aktiviteter inom brukardelaktighet",
    "Stödja implementeringen av vård och insatsprogram",
    "Kommungemensamt HVB",
    "Projekt MiniMaria",
    "kunskapsbaserad vård och omsorg",
    "IFO-chefsnätverk",
    "LSSoL-nätverk",
    "sprutbytesprogrammet",
    "Vårdkedja förstärkt utskrivningsprocess",
    "smärtvård",
    "Suicidpreventionssamordnaren",
    "Mental Health First Aid",
    "Temamånad",
    "Suicidpreventiva aktiviteter",
    "Brukarinflytande aktiviteter",
    "Stöd till kommuner, suicidpreventivt arbete",
    "Projektledare suicidprevention",
    "Pott till lokala initiativ",
    "Efterlevandestöd",
];
