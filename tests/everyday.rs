//! Everyday use as a coordinator meets it: `init` and a first build, `build --watch` through saves,
//! lock files and a broken save, `--format json` for scripts, "menade du …?" for typos, and a
//! command line that answers in Swedish.

use crate::common::{Book, library, pdf_text, run, styrdok, t};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn text(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

// ---------------------------------------------------------------- init

#[test]
fn init_into_an_empty_folder_then_build_makes_documents_with_the_example_rows() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("ny");
    let out = run(["init".as_ref(), input.as_os_str()]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(input.join("overenskommelse.xlsx").is_file());
    assert!(input.join("mallar/redovisning.xlsx").is_file());
    assert!(
        stdout.contains("build"),
        "init says what to do next: {stdout}"
    );

    // The starter checks clean: no errors and no warnings.
    let check = run(["check".as_ref(), input.as_os_str()]);
    let (report, _) = text(&check);
    assert_eq!(check.status.code(), Some(0), "{report}");
    assert!(report.contains("0 fel, 0 varningar."), "{report}");

    let output = dir.path().join("ut");
    let built = crate::common::build(&input, &output, &[]);
    let (stdout, stderr) = text(&built);
    assert_eq!(built.status.code(), Some(0), "{stdout}{stderr}");
    // `mallar/` holds an xlsx but is no project of its own.
    assert!(!output.join("mallar").exists());
    let deck = pdf_text(&output.join("statusbilder-2026.pdf"));
    assert!(
        deck.contains("Utbildning i första hjälpen till psykisk hälsa"),
        "{deck}"
    );
    assert!(deck.contains("500 000"), "{deck}");
    let report = pdf_text(&output.join("aterrapport-2026.pdf"));
    assert!(report.contains("Suicidprevention"), "{report}");
    let mandates: Vec<PathBuf> = std::fs::read_dir(output.join("uppdrag"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(mandates.len(), 1);
    assert!(pdf_text(&mandates[0]).contains("Processgruppen samordnar"));
}

#[test]
fn the_starter_has_drop_downs_money_format_and_instructions() {
    let dir = tempfile::tempdir().unwrap();
    library::init(dir.path()).ok();
    let xml = |part: &str| {
        let file = std::fs::File::open(dir.path().join("overenskommelse.xlsx")).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(part).unwrap(), &mut s).unwrap();
        s
    };
    let book = xml("xl/workbook.xml");
    let names: Vec<&str> = book
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(
        names,
        [
            "Instruktioner",
            "Uppgifter",
            "Insatsområden",
            "Insatser",
            "Tidslinje",
            "Sammanfattning",
            "Uppdrag",
            "Avsnitt",
            "Roller",
            "Grupper",
            "Kontakter"
        ]
    );
    // Insatser is the fourth sheet: Typ, Bedömning as lists, Område from the codes of Insatsområden.
    let insatser = xml("xl/worksheets/sheet4.xml");
    assert!(
        insatser.contains("\"Ny,Pågående/fortsättning\""),
        "{insatser}"
    );
    assert!(insatser.contains("\"Grön,Gul,Röd\""));
    assert!(insatser.contains("'Insatsområden'!$A$2:$A$2001"));
    assert!(insatser.contains("<pane ySplit=\"1\""), "frozen header row");
    assert!(xml("xl/styles.xml").contains("#,##0 &quot;kr&quot;"));
    let strings = xml("xl/sharedStrings.xml");
    assert!(strings.contains("Så fyller du i arbetsboken"));
    assert!(strings.contains("<t>Id</t>"));
    let template = {
        let file = std::fs::File::open(dir.path().join("mallar/redovisning.xlsx")).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/sharedStrings.xml").unwrap(), &mut s)
            .unwrap();
        s
    };
    for placeholder in ["{{Titel}}", "{{Totalt.Budget}}", "{{Insatser.Insats}}"] {
        assert!(template.contains(placeholder), "{placeholder}: {template}");
    }
}

#[test]
fn init_refuses_a_folder_with_workbooks_and_names_them() {
    let dir = tempfile::tempdir().unwrap();
    Book::valid().write(&dir.path().join("min.xlsx"));
    std::fs::write(dir.path().join("overenskommelse.xlsx"), b"mitt eget").unwrap();
    let out = run(["init".as_ref(), dir.path().as_os_str()]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert!(stderr.contains("min.xlsx"), "{stderr}");
    assert!(stderr.contains("overenskommelse.xlsx"), "{stderr}");
    assert!(stderr.contains("skriver aldrig över"), "{stderr}");
    // Untouched.
    assert_eq!(
        std::fs::read(dir.path().join("overenskommelse.xlsx")).unwrap(),
        b"mitt eget"
    );
    assert!(!dir.path().join("mallar").exists());
}

// ---------------------------------------------------------------- --watch

/// A running `build --watch` and every line it has printed so far (stdout and stderr).
struct Watcher {
    child: Child,
    lines: Arc<Mutex<Vec<String>>>,
}

impl Watcher {
    fn start(input: &Path, output: &Path) -> Watcher {
        Watcher::run(&[
            "build".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            output.as_os_str(),
            "--watch".as_ref(),
        ])
    }

    fn run(args: &[&std::ffi::OsStr]) -> Watcher {
        let mut child = styrdok()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let lines = Arc::new(Mutex::new(Vec::new()));
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        for stream in [
            Box::new(stdout) as Box<dyn std::io::Read + Send>,
            Box::new(stderr),
        ] {
            let lines = lines.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    lines.lock().unwrap().push(line);
                }
            });
        }
        Watcher { child, lines }
    }

    fn count(&self, prefix: &str) -> usize {
        self.lines
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.starts_with(prefix))
            .count()
    }

    /// Waits (generously: the machine may be busy) until `prefix` has been printed `n` times.
    fn wait_for(&self, prefix: &str, n: usize) {
        let deadline = Instant::now() + Duration::from_secs(240);
        while self.count(prefix) < n {
            assert!(
                Instant::now() < deadline,
                "no {n}× «{prefix}»; printed:\n{}",
                self.lines.lock().unwrap().join("\n")
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn watch_rebuilds_on_save_ignores_lock_files_and_keeps_the_last_good_documents() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let output = dir.path().join("out");
    let workbook = input.join("ok.xlsx");
    Book::valid().write(&workbook);
    let deck = output.join("statusbilder-2025.pdf");

    let watcher = Watcher::start(&input, &output);
    watcher.wait_for("Klart på", 1);
    assert!(pdf_text(&deck).contains("Projektledare"));

    // A save with a changed insats: rebuilt.
    let mut book = Book::valid();
    book.set("Insatser", "B2", t("Samordnare för suicidprevention"));
    book.write(&workbook);
    watcher.wait_for("Klart på", 2);
    assert!(pdf_text(&deck).contains("Samordnare för suicidprevention"));
    let good = std::fs::read(&deck).unwrap();

    // Excel and LibreOffice open it (lock files), then a save with an error: nothing rebuilt, the
    // error is printed, and the last good documents stay as they were.
    std::fs::write(input.join("~$ok.xlsx"), b"lock").unwrap();
    std::fs::write(input.join(".~lock.ok.xlsx#"), b"lock").unwrap();
    let mut broken = book.clone();
    broken.set("Insatser", "E3", t("ca 500 tkr"));
    broken.write(&workbook);
    watcher.wait_for("Misslyckades", 1);
    assert_eq!(watcher.count("Klart på"), 2, "a lock file is not a change");
    let printed = watcher.lines.lock().unwrap().join("\n");
    assert!(
        printed.contains("Insatser!E3: Belopp «ca 500 tkr»"),
        "{printed}"
    );
    assert!(
        printed.contains("de senaste hela dokumenten ligger kvar"),
        "{printed}"
    );
    assert_eq!(std::fs::read(&deck).unwrap(), good);

    // Fixed and saved again: rebuilt.
    book.set("Insatser", "B3", t("Brukarinflytande i länet"));
    book.write(&workbook);
    watcher.wait_for("Klart på", 3);
    assert!(pdf_text(&deck).contains("Brukarinflytande i länet"));
    assert!(
        watcher
            .lines
            .lock()
            .unwrap()
            .iter()
            .any(|l| l.starts_with("Klart på") && l.ends_with("filer")),
        "one line per rebuild: «Klart på 0,4 s: 4 filer»"
    );
}

#[test]
fn watch_started_on_a_broken_workbook_does_not_promise_documents_it_never_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let output = dir.path().join("out");
    let mut broken = Book::valid();
    broken.set("Insatser", "E3", t("ca 500 tkr"));
    broken.write(&input.join("ok.xlsx"));

    let watcher = Watcher::start(&input, &output);
    watcher.wait_for("Misslyckades", 1);
    let printed = watcher.lines.lock().unwrap().join("\n");
    assert!(
        printed.contains("Inga dokument skrevs: rätta felen ovan och spara igen."),
        "{printed}"
    );
    assert!(!printed.contains("ligger kvar"), "{printed}");
    assert!(!output.join("statusbilder-2025.pdf").exists());
}

/// Every text cell of a workbook's sheets, for searching.
fn cell_texts(path: &Path) -> Vec<String> {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let mut texts = Vec::new();
    for name in book.sheet_names() {
        if let Ok(range) = book.worksheet_range(&name) {
            texts.extend(range.used_cells().map(|(_, _, c)| c.to_string()));
        }
    }
    texts
}

#[test]
fn fill_watch_fills_the_template_again_on_every_save() {
    let dir = tempfile::tempdir().unwrap();
    let workbook = dir.path().join("ok.xlsx");
    Book::valid().write(&workbook);
    let template = dir.path().join("redovisning.xlsx");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("input/mallar/redovisning-statsbidrag.xlsx"),
        &template,
    )
    .unwrap();
    let output = dir.path().join("ut");
    let filled = output.join("redovisning.xlsx");

    let watcher = Watcher::run(&[
        "fill".as_ref(),
        template.as_os_str(),
        workbook.as_os_str(),
        "-o".as_ref(),
        output.as_os_str(),
        "--watch".as_ref(),
    ]);
    watcher.wait_for("Klart på", 1);
    assert!(cell_texts(&filled).iter().any(|t| t == "Projektledare"));

    let mut book = Book::valid();
    book.set("Insatser", "B2", t("Samordnare för suicidprevention"));
    book.write(&workbook);
    watcher.wait_for("Klart på", 2);
    assert!(
        cell_texts(&filled)
            .iter()
            .any(|t| t == "Samordnare för suicidprevention")
    );
    let good = std::fs::read(&filled).unwrap();

    // A save with an error: nothing written, the last good file stays.
    book.set("Insatser", "E3", t("ca 500 tkr"));
    book.write(&workbook);
    watcher.wait_for("Misslyckades", 1);
    let printed = watcher.lines.lock().unwrap().join("\n");
    assert!(printed.contains("Insatser!E3"), "{printed}");
    assert!(
        printed.contains("den senaste hela filen ligger kvar"),
        "{printed}"
    );
    assert_eq!(std::fs::read(&filled).unwrap(), good);
}

// ---------------------------------------------------------------- --format json

#[test]
fn json_says_what_the_text_says_for_every_case_of_the_bad_input_corpus() {
    let corpus = library::bad_input_corpus();
    assert!(corpus.len() >= 50);
    for (file, plain, json) in corpus {
        let name = file.display();
        assert_eq!(plain.code, json.code, "{name}");
        let (text_out, json_out) = (&plain.report, &json.report);
        let doc: Value = serde_json::from_str(json_out)
            .unwrap_or_else(|e| panic!("{name}: not JSON ({e}): {json_out}"));
        assert_eq!(doc["schema"], 1);
        assert_eq!(doc["command"], "check");
        let code = json.code;
        assert_eq!(doc["exit_code"], code);
        assert_eq!(
            doc["status"],
            if code == 0 { "ok" } else { "input-errors" },
            "{name}"
        );
        let diagnostics = doc["diagnostics"].as_array().unwrap();
        let errors = diagnostics
            .iter()
            .filter(|d| d["severity"] == "error")
            .count();
        let warnings = diagnostics
            .iter()
            .filter(|d| d["severity"] == "warning")
            .count();
        assert_eq!(doc["summary"]["errors"], errors, "{name}");
        assert_eq!(doc["summary"]["warnings"], warnings, "{name}");
        // The text report's closing count is the JSON summary.
        let closing = format!(
            "{errors} fel, {warnings} {}.",
            if warnings == 1 {
                "varning"
            } else {
                "varningar"
            }
        );
        assert!(
            text_out.contains(&closing),
            "{name}: {closing} in\n{text_out}"
        );
        // Every diagnostic is one text line «severity place: message» followed by its fix.
        let severities = text_out
            .lines()
            .filter(|l| l.starts_with("  fel ") || l.starts_with("  varning "))
            .count();
        assert_eq!(severities, diagnostics.len(), "{name}");
        for d in diagnostics {
            let message = d["message"].as_str().unwrap();
            let fix = d["fix"].as_str().unwrap();
            let code = d["code"].as_str().unwrap();
            assert!(!code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
            let head = match d["place"].as_str() {
                Some(place) if d["cell"].is_string() => format!("{place}: {message}"),
                Some(place) if d["sheet"].is_string() => format!("{place}: {message}"),
                _ => message.to_string(),
            };
            assert!(
                text_out.contains(&head),
                "{name}: «{head}» not in\n{text_out}"
            );
            assert!(
                text_out.contains(&format!("Åtgärd: {fix}")),
                "{name}: {fix}"
            );
            if let (Some(sheet), Some(cell)) = (d["sheet"].as_str(), d["cell"].as_str()) {
                assert!(
                    d["place"].as_str().unwrap().ends_with(&format!("!{cell}")),
                    "{name}: {d}"
                );
                assert!(d["place"].as_str().unwrap().contains(sheet));
            }
        }
    }
}

#[test]
fn build_and_collect_speak_json_too() {
    let dir = tempfile::tempdir().unwrap();
    let input = Book::valid().write(&dir.path().join("ok.xlsx"));
    let output = dir.path().join("ut");
    let out = crate::common::build(&input, &output, &["--format", "json"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["command"], "build");
    assert_eq!(doc["status"], "ok");
    let files = doc["files"].as_array().unwrap();
    assert_eq!(doc["summary"]["files"], files.len());
    assert!(
        files
            .iter()
            .any(|f| f.as_str().unwrap().ends_with("statusbilder-2025.pdf"))
    );
    for f in files {
        assert!(Path::new(f.as_str().unwrap()).is_file(), "{f}");
    }

    let mut broken = Book::valid();
    broken.set("Insatser", "D2", t("Nytt"));
    let bad = broken.write(&dir.path().join("fel.xlsx"));
    let out = crate::common::build(&bad, &dir.path().join("ut2"), &["--format", "json"]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(doc["status"], "input-errors");
    assert_eq!(doc["files"].as_array().unwrap().len(), 0);
    let d = &doc["diagnostics"][0];
    assert_eq!(d["code"], "unknown-kind");
    assert_eq!(d["sheet"], "Insatser");
    assert_eq!(d["cell"], "D2");
    assert_eq!(d["file"], "fel.xlsx");
    assert_eq!(d["suggestion"], "Ny");

    // collect with an empty folder of forms: nobody has reported yet.
    let forms = dir.path().join("inkomna");
    std::fs::create_dir(&forms).unwrap();
    let out = run([
        "collect".as_ref(),
        forms.as_os_str(),
        input.as_os_str(),
        "-o".as_ref(),
        dir.path().join("ut3").as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let (stdout, stderr) = text(&out);
    let doc: Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}{stderr}"));
    assert_eq!(doc["command"], "collect");
    assert_eq!(doc["reported"].as_array().unwrap().len(), 0);
    assert_eq!(doc["not_reported"].as_array().unwrap().len(), 4, "{doc}");
}

// ---------------------------------------------------------------- did you mean

/// `styrdok check` on a changed valid book: its report.
fn check_report(book: &Book) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = book.write(&dir.path().join("ok.xlsx"));
    crate::common::library::check(&path).code(1).report
}

fn changed(f: impl FnOnce(&mut Book)) -> Book {
    let mut book = Book::valid();
    f(&mut book);
    book
}

#[test]
fn a_mistyped_typ_suggests_the_kind() {
    let report = check_report(&changed(|b| {
        b.set("Insatser", "D2", t("Nytt"));
    }));
    assert!(
        report.contains("Insatser!D2: Typ «Nytt» är okänd; menade du «Ny»?"),
        "{report}"
    );
}

#[test]
fn a_mistyped_bedomning_suggests_the_colour() {
    let report = check_report(&changed(|b| {
        b.set("Insatser", "K2", t("Gröm"));
    }));
    assert!(
        report.contains("Insatser!K2: Bedömning «Gröm» är okänd; menade du «Grön»?"),
        "{report}"
    );
}

#[test]
fn a_mistyped_area_code_suggests_an_existing_code() {
    let report = check_report(&changed(|b| {
        b.set("Insatser", "A3", t("1aa"));
    }));
    assert!(
        report
            .contains("Insatser!A3: Område «1aa» finns inte bland insatsområdena; menade du «1a»?"),
        "{report}"
    );
}

#[test]
fn a_misspelt_sheet_name_suggests_the_sheet_that_is_there() {
    let report = check_report(&changed(|b| {
        for (name, _) in b.sheets.iter_mut() {
            if name == "Insatsområden" {
                *name = "Insatsomraden".into();
            }
        }
    }));
    assert!(
        report.contains("bladet «Insatsområden» saknas; menade du «Insatsomraden»?"),
        "{report}"
    );
}

#[test]
fn a_renamed_insatser_sheet_stops_the_build_even_beside_uppdrag() {
    // With an Uppdrag sheet the Insatser sheet is optional (a workbook of uppdrag only): renamed, it
    // was read as absent and the documents came out without a single insats.
    let mut book = Book::with_mandates();
    for (name, _) in book.sheets.iter_mut() {
        if name == "Insatser" {
            *name = "Insatser 2025".into();
        }
    }
    let report = check_report(&book);
    assert!(
        report.contains("bladet «Insatser» saknas; menade du «Insatser 2025»?")
            && report.contains("Byt namn på bladet «Insatser 2025» till «Insatser»"),
        "{report}"
    );
    // An uppdrag-only workbook with a sheet of its own that resembles nothing still builds.
    let mut book = Book::with_mandates();
    book.remove_sheet("Insatser").remove_sheet("Insatsområden");
    book.set("Uppdrag", "F2", crate::common::V::E);
    book.sheets
        .push(("Anteckningar".into(), vec![vec![t("fritt")]]));
    let dir = tempfile::tempdir().unwrap();
    let path = book.write(&dir.path().join("uppdrag.xlsx"));
    let checked = crate::common::library::check(&path).code(0);
    assert!(!checked.report.contains("bladet"), "{}", checked.report);
}

#[test]
fn merged_cells_are_named_once_and_read_as_excel_shows_them() {
    // Område merged over the two insatser of area 2: Excel shows 2 on both rows, the file holds it
    // in A4 only. Without the merged ranges A5 read as empty («Område saknas») and area 2 came out
    // 200 000 kr short.
    let mut book = Book::valid();
    book.set("Insatser", "A5", crate::common::V::E)
        .merge("Insatser", "A4:A5")
        // A comment spread over the unread columns beside it changes nothing and is not named.
        .merge("Insatser", "L2:N2");
    let dir = tempfile::tempdir().unwrap();
    let path = book.write(&dir.path().join("ok.xlsx"));
    let report = crate::common::library::check(&path).code(0).report;
    assert!(
        report.contains(
            "Insatser!A4: cellerna A4:A5 är sammanfogade (Område); varje rad får värdet i A4"
        ) && report.contains("dela upp cellerna"),
        "{report}"
    );
    assert_eq!(report.matches("sammanfogade").count(), 1, "{report}");
    assert!(report.contains("0 fel, 1 varning"), "{report}");

    // An amount merged over two insatser would be counted on both: refused, once, at the cell
    // that is covered.
    let mut book = Book::valid();
    book.set("Insatser", "E5", crate::common::V::E)
        .merge("Insatser", "E4:E5");
    let report = check_report(&book);
    assert!(
        report.contains(
            "Insatser!E5: cellen (Belopp) är sammanfogad med E4; ett belopp kan inte gälla flera rader"
        ),
        "{report}"
    );
    assert!(!report.contains("varje rad får"), "{report}");
    assert!(report.contains("1 fel,"), "only the covered cell: {report}");
}

#[test]
fn a_misspelt_header_suggests_the_column_that_is_there() {
    let report = check_report(&changed(|b| {
        b.set("Insatser", "E1", t("Beloop"));
    }));
    assert!(
        report.contains("kolumnen «Belopp» saknas i rubrikraden; menade du «Beloop»?"),
        "{report}"
    );
}

// ---------------------------------------------------------------- Swedish command line

#[test]
fn a_mistyped_command_line_is_answered_in_swedish() {
    let out = run(["build", "--wacth"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout.is_empty());
    assert!(
        stderr.starts_with("fel: okänd flagga «--wacth»; menade du «--watch»?"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Användning: styrdok build [FLAGGOR] [INDATA]"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Mer hjälp: styrdok build --help"),
        "{stderr}"
    );

    let (_, stderr) = text(&run(["build", "-o"]));
    assert!(
        stderr.starts_with("fel: «--output <MAPP>» behöver ett värde"),
        "{stderr}"
    );
    let (_, stderr) = text(&run(["check", "--format", "xml"]));
    assert!(
        stderr.starts_with(
            "fel: «xml» är inget giltigt värde för «--format <FORMAT>» (möjliga värden: text, json)"
        ),
        "{stderr}"
    );
    let (_, stderr) = text(&run(["biuld"]));
    assert!(
        stderr.starts_with("fel: okänt kommando «biuld»; menade du «build»?"),
        "{stderr}"
    );
    let (_, stderr) = text(&run(["collect"]));
    assert!(
        stderr.starts_with("fel: argument saknas: «<BLANKETTMAPP>»"),
        "{stderr}"
    );
    for english in [
        "error:",
        "Usage",
        "[OPTIONS]",
        "For more information",
        "tip:",
    ] {
        for args in [vec!["build", "--wacth"], vec!["biuld"], vec!["collect"]] {
            let (_, stderr) = text(&run(&args));
            assert!(!stderr.contains(english), "{args:?}: {stderr}");
        }
    }
}

#[test]
fn help_is_swedish_and_teaches_with_an_example() {
    for command in [
        "init",
        "check",
        "build",
        "diff",
        "forms",
        "collect",
        "fill",
        "completions",
    ] {
        let out = run([command, "--help"]);
        let (stdout, _) = text(&out);
        assert_eq!(out.status.code(), Some(0));
        assert!(
            stdout.contains(&format!("Användning: styrdok {command}")),
            "{stdout}"
        );
        assert!(
            stdout.contains("Exempel:\n  styrdok "),
            "{command}: {stdout}"
        );
        for english in ["Usage", "[OPTIONS]", "[default:", "Options:", "Arguments:"] {
            assert!(
                !stdout.contains(english),
                "{command}: {english} in {stdout}"
            );
        }
    }
    let (stdout, _) = text(&run(["build", "--help"]));
    assert!(stdout.contains("[standard: output]"), "{stdout}");
    assert!(stdout.contains("--watch"));
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef styrdok"),
        ("fish", "complete -c styrdok"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = run(["completions", shell]);
        let (stdout, _) = text(&out);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(stdout.contains(marker), "{shell}: {stdout}");
        assert!(
            stdout.contains("init") && stdout.contains("watch"),
            "{shell}"
        );
    }
}
