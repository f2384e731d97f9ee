//! `styrdok serve` in a real browser: Debian's Chromium driven over WebDriver (chromedriver,
//! fantoccini), on a copy of the shipped example with an error planted in it. One test follows a
//! coordinator's morning (the error on Problem, a save in "Excel", the page updating itself, a
//! document's pages, the zip, last meeting's workbook); the other gives every view to axe-core, the
//! accessibility rules nobody here wrote, walks it with the Tab key and narrows it to 320 px.
//!
//! Without Chromium, chromedriver or axe-core (`npm ci --prefix tests/browser`) the tests say what
//! they skipped and pass; with `STYRDOK_REQUIRE_VALIDATORS=1` (set by `.ci/run`) they fail.
//! `STYRDOK_SCREENSHOTS=DIR` saves a PNG of every view there, at 1280 × 900 and at 320 px wide.

use crate::common::{launch_url, required, serve};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Where `npm ci --prefix tests/browser` puts axe-core.
const AXE: &str = "tests/browser/node_modules/axe-core/axe.min.js";

/// The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA, as axe-core tags them.
const WCAG_AA: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// The example's workbook the error is planted in, and the sheet part its Insatser are in
/// (`xl/workbook.xml`: Insatser is the third sheet, `rId3`).
const WORKBOOK: &str = "ok2025-dalarna.xlsx";
const INSATSER: &str = "xl/worksheets/sheet3.xml";
/// Belopp of the fourth insats, made text: an error with its cell, the row shown beside it.
const PLANTED: &str = "Insatser!E5";

/// What the tests drive: the browser, its WebDriver and the rules they inject.
struct Tools {
    chromium: PathBuf,
    chromedriver: PathBuf,
    axe: String,
}

/// The tools, or `None` after saying which is missing (a failure when they are required).
fn tools() -> Option<Tools> {
    let chromium = on_path(&["chromium", "chromium-browser"]);
    let chromedriver = on_path(&["chromedriver"]);
    let axe = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(AXE)).ok();
    if chromium.is_none() {
        required("chromium");
    }
    if chromedriver.is_none() {
        required("chromedriver (Debian: chromium-driver)");
    }
    if axe.is_none() {
        required(&format!(
            "axe-core ({AXE}, from `npm ci --prefix tests/browser`)"
        ));
    }
    Some(Tools {
        chromium: chromium?,
        chromedriver: chromedriver?,
        axe: axe?,
    })
}

fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// A running `styrdok serve --no-open`, ended as Ctrl-C would end it when dropped.
struct Server {
    child: Child,
    /// The launch URL it prints, with the per-run token.
    url: String,
    /// `http://127.0.0.1:PORT`.
    origin: String,
}

impl Server {
    fn start(input: &Path, output: &Path) -> Server {
        let mut child = serve(input, output).spawn().unwrap();
        let url = launch_url(&mut child);
        let origin = url.split("/start?").next().unwrap().to_string();
        Server { child, url, origin }
    }

    fn at(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        end(&mut self.child, false);
    }
}

/// Ends a child: SIGINT (the server removes its temporary folder) or SIGTERM to its process group
/// (chromedriver and the browser it started), then a kill if it is still there after 5 s.
fn end(child: &mut Child, group: bool) {
    #[cfg(unix)]
    if let Ok(pid) = i32::try_from(child.id()) {
        let (target, signal) = if group {
            (-pid, libc::SIGTERM)
        } else {
            (pid, libc::SIGINT)
        };
        // SAFETY: signals our own child (or the process group it leads); touches no memory.
        unsafe { libc::kill(target, signal) };
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// chromedriver on a free loopback port, in a process group of its own so that the browser it
/// starts ends with it even when a test fails before closing its session.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start(program: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut command = Command::new(program);
        // The browser's own words (a file input's button) in Swedish where Debian's chromium-l10n
        // is installed, as the coordinators see them.
        command
            .arg(format!("--port={port}"))
            .env("LANGUAGE", "sv")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command.spawn().unwrap();
        let driver = Driver { child, port };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver does not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        end(&mut self.child, true);
    }
}

/// The example's input in a folder of its own, with `PLANTED` made text; returns the workbook's
/// path and its bytes as shipped (the "corrected" save).
fn example_with_planted_error(input: &Path) -> (PathBuf, Vec<u8>) {
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("input"), input);
    let book = input.join(WORKBOOK);
    let good = std::fs::read(&book).unwrap();
    let planted = with_cell(
        &good,
        INSATSER,
        "E5",
        r#"<c r="E5" s="6" t="inlineStr"><is><t>femhundratusen</t></is></c>"#,
    );
    std::fs::write(&book, planted).unwrap();
    (book, good)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// The xlsx `bytes` with the cell `cell` of the sheet part `part` replaced by `xml`; every other
/// entry copied as it was.
fn with_cell(bytes: &[u8], part: &str, cell: &str, xml: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut replaced = false;
    for i in 0..archive.len() {
        let name = archive.by_index(i).unwrap().name().unwrap().to_string();
        if name != part {
            out.raw_copy_file(archive.by_index_raw(i).unwrap()).unwrap();
            continue;
        }
        let mut sheet = String::new();
        archive
            .by_index(i)
            .unwrap()
            .read_to_string(&mut sheet)
            .unwrap();
        let start = sheet
            .find(&format!("<c r=\"{cell}\""))
            .unwrap_or_else(|| panic!("{cell} in {part}"));
        let end = start + sheet[start..].find("</c>").unwrap() + "</c>".len();
        sheet.replace_range(start..end, xml);
        replaced = true;
        out.start_file(
            name,
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        out.write_all(sheet.as_bytes()).unwrap();
    }
    assert!(replaced, "{part} in the workbook");
    out.finish().unwrap().into_inner()
}

/// Saves as Excel does: a temporary file beside the workbook, renamed over it.
fn save(path: &Path, bytes: &[u8]) {
    let temporary = path.with_extension("tmp");
    std::fs::write(&temporary, bytes).unwrap();
    std::fs::rename(&temporary, path).unwrap();
}

/// Every file of the output folder (but the build record) by its path inside it, with its bytes.
fn documents_under(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, into: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, into);
            } else {
                let name = path.strip_prefix(root).unwrap().to_string_lossy();
                if !name.starts_with(".styrdok") {
                    into.insert(name.replace('\\', "/"), std::fs::read(&path).unwrap());
                }
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

/// A browser session, with its profile and download folders.
struct Browser {
    client: Client,
    downloads: PathBuf,
    _folders: tempfile::TempDir,
}

impl Browser {
    async fn open(tools: &Tools, driver: &Driver) -> Browser {
        let folders = tempfile::tempdir().unwrap();
        let (profile, downloads) = (folders.path().join("profil"), folders.path().join("hamtat"));
        std::fs::create_dir_all(&downloads).unwrap();
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": tools.chromium,
                // No sandbox (CI runs as root); nothing that reaches for the network, which is
                // closed here and would only slow the start.
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-quic",
                    "--lang=sv-SE",
                    "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": {
                    "download.default_directory": downloads,
                    "download.prompt_for_download": false,
                },
            }),
        );
        let client = ClientBuilder::rustls()
            .unwrap()
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .expect("a Chromium session");
        client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(60)),
                Some(Duration::from_secs(60)),
                None,
            ))
            .await
            .unwrap();
        let browser = Browser {
            client,
            downloads,
            _folders: folders,
        };
        browser.viewport(1280, 900).await;
        browser
    }

    /// The page's own area (not the window's) made `width` × `height`.
    async fn viewport(&self, width: u32, height: u32) {
        self.client.set_window_size(width, height).await.unwrap();
        let inner = self
            .run("return [window.innerWidth, window.innerHeight];")
            .await;
        let (w, h) = (inner[0].as_u64().unwrap(), inner[1].as_u64().unwrap());
        let grow = |want: u32, has: u64| want + want.saturating_sub(u32::try_from(has).unwrap());
        self.client
            .set_window_size(grow(width, w), grow(height, h))
            .await
            .unwrap();
    }

    async fn run(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap()
    }

    async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap();
    }

    /// Waits until `script` returns something truthy, at most `within`; returns it.
    async fn until(&self, script: &str, within: Duration, what: &str) -> Value {
        let started = Instant::now();
        loop {
            // Between two pages (a form sent, its answer not yet shown) the script may fail.
            let value = self
                .client
                .execute(script, vec![])
                .await
                .unwrap_or(Value::Null);
            let truthy = match &value {
                Value::Null => false,
                Value::Bool(b) => *b,
                Value::Number(n) => n.as_f64() != Some(0.0),
                Value::String(s) => !s.is_empty(),
                Value::Array(_) | Value::Object(_) => true,
            };
            if truthy {
                return value;
            }
            if started.elapsed() > within {
                let main = self
                    .run("const m = document.querySelector('main'); return m ? m.innerText : document.body.innerText;")
                    .await;
                panic!(
                    "{what}: not within {within:?}; the page says:\n{}",
                    main.as_str().unwrap_or_default()
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the page no longer says it is building (the first build, or one after a save).
    async fn built(&self) {
        self.until(
            "return !document.querySelector('.lage.bygger');",
            Duration::from_secs(120),
            "the build ends",
        )
        .await;
    }

    async fn text(&self) -> String {
        self.run("return document.querySelector('main').innerText;")
            .await
            .as_str()
            .unwrap()
            .to_string()
    }

    async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .click()
            .await
            .unwrap();
    }

    /// Chooses `file` in the file input `css`, as the file picker would.
    async fn choose(&self, css: &str, file: &Path) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .send_keys(&file.display().to_string())
            .await
            .unwrap();
    }

    /// The one file the browser downloaded, its name and bytes, once it is whole.
    async fn downloaded(&self) -> (String, Vec<u8>) {
        let started = Instant::now();
        loop {
            let files: Vec<PathBuf> = std::fs::read_dir(&self.downloads)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            // While it downloads, Chromium writes `.org.chromium.Chromium.*` and `*.crdownload`.
            if let [file] = files.as_slice() {
                let name = file.file_name().unwrap().to_string_lossy().into_owned();
                if !name.starts_with('.') && !name.ends_with(".crdownload") {
                    return (name, std::fs::read(file).unwrap());
                }
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "nothing downloaded: {files:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn close(self) {
        self.client.close().await.unwrap();
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Is the element `id` on the page?
fn present(id: &str) -> String {
    format!("return !!document.getElementById({id:?});")
}

#[test]
fn the_page_follows_a_save_in_a_real_browser() {
    let Some(tools) = tools() else { return };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("indata");
    let output = dir.path().join("utdata");
    let (book, good) = example_with_planted_error(&input);
    let previous = dir.path().join("forra-motet.xlsx");
    std::fs::write(
        &previous,
        with_cell(
            &good,
            INSATSER,
            "E3",
            r#"<c r="E3" s="6"><v>200000</v></c>"#,
        ),
    )
    .unwrap();
    let server = Server::start(&input, &output);
    let driver = Driver::start(&tools.chromedriver);

    runtime().block_on(async {
        let browser = Browser::open(&tools, &driver).await;
        let page = &browser;
        page.goto(&server.url).await;
        let url = page.client.current_url().await.unwrap();
        assert_eq!(url.path(), "/", "the launch URL leads to Översikt");
        assert_eq!(url.query(), None, "the token leaves the address bar");

        page.click("nav a[href='/problem']").await;
        page.built().await;
        page.until(&present(PLANTED), Duration::from_secs(10), "the planted error")
            .await;
        let problem = page
            .run(&format!(
                "return document.getElementById({PLANTED:?}).innerText;"
            ))
            .await;
        let problem = problem.as_str().unwrap();
        assert!(problem.contains(PLANTED), "{problem}");
        assert!(problem.contains("femhundratusen"), "{problem}");

        // A second tab on Dokument: nothing written while the input has an error.
        let problem_tab = page.client.window().await.unwrap();
        let documents_tab = page.client.new_window(true).await.unwrap().handle;
        page.client
            .switch_to_window(documents_tab.clone())
            .await
            .unwrap();
        page.goto(&server.at("/dokument")).await;
        assert!(
            page.text().await.contains("Inga dokument ännu."),
            "{}",
            page.text().await
        );
        // Survives only if the page is never reloaded.
        page.run("window.samma = 'samma sida';").await;
        page.client
            .switch_to_window(problem_tab.clone())
            .await
            .unwrap();
        page.run("window.samma = 'samma sida';").await;

        save(&book, &good);
        let saved = Instant::now();
        let same = "window.samma === 'samma sida'";
        page.until(
            &format!("return {same} && !document.getElementById({PLANTED:?});"),
            Duration::from_secs(5),
            "the corrected problem goes without a reload",
        )
        .await;
        page.client
            .switch_to_window(documents_tab.clone())
            .await
            .unwrap();
        page.until(
            &format!(
                "return {same} && document.querySelectorAll('main a[href^=\"/fil/\"]').length > 0;"
            ),
            Duration::from_secs(5).saturating_sub(saved.elapsed()),
            "the document list refreshes without a reload",
        )
        .await;
        println!("a save → the page updated: {:?}", saved.elapsed());
        page.built().await;
        let written = documents_under(&output);
        let links = page
            .run("return new Set([...document.querySelectorAll('main a[href^=\"/fil/\"]')].map(a => a.getAttribute('href'))).size;")
            .await;
        assert_eq!(links.as_u64(), Some(written.len() as u64), "one link per file");

        // A document's pages: the first page image is drawn.
        page.click("main a[href^='/dokument/']").await;
        page.until(
            "const i = document.querySelector('ol.sidor img'); return !!i && i.complete && i.naturalWidth > 0;",
            Duration::from_secs(60),
            "a page image",
        )
        .await;
        let alt = page
            .run("return document.querySelector('ol.sidor img').alt;")
            .await;
        assert!(alt.as_str().unwrap().starts_with("Sida 1 av "), "{alt}");

        // All as a zip, downloaded by the browser: the files of the output folder, nothing else.
        page.goto(&server.at("/dokument")).await;
        page.click("a[href='/alla.zip']").await;
        let (name, zip) = page.downloaded().await;
        assert!(name.ends_with(".zip"), "{name}");
        let mut archive = zip::ZipArchive::new(Cursor::new(zip)).unwrap();
        let mut entries = BTreeMap::new();
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            entries.insert(entry.name().unwrap().to_string(), bytes);
        }
        assert_eq!(
            entries.keys().collect::<Vec<_>>(),
            written.keys().collect::<Vec<_>>()
        );
        assert!(entries == written, "the zip's files are those written");

        // Last meeting's workbook, chosen with the file picker: its one other Belopp is listed.
        page.goto(&server.at("/forandringar")).await;
        page.choose("input[type='file'][name='forra']", &previous)
            .await;
        page.click("form[action='/forandringar'] button[type='submit']")
            .await;
        let listed = page
            .until(
                "const t = document.querySelector('main').innerText; return t.includes('Jämfört med forra-motet.xlsx') && t;",
                Duration::from_secs(30),
                "the comparison",
            )
            .await;
        let listed = listed.as_str().unwrap();
        assert!(listed.contains("1 ändrad insats"), "{listed}");
        assert!(listed.contains("Belopp"), "{listed}");
        browser.close().await;
    });
}

/// One view's violations of WCAG 2.2 A/AA by axe-core, as lines to print.
async fn axe(page: &Browser, axe: &str) -> Vec<String> {
    page.client.execute(axe, vec![]).await.unwrap();
    let found = page
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: arguments[0] } })
               .then(r => done(r.violations.map(v => ({
                   id: v.id, impact: v.impact, help: v.help,
                   nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary) }))),
                     e => done({ error: String(e) }));",
            vec![json!(WCAG_AA)],
        )
        .await
        .unwrap();
    let violations = found
        .as_array()
        .unwrap_or_else(|| panic!("axe-core failed: {found}"));
    violations
        .iter()
        .map(|v| {
            let nodes: Vec<String> = v["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| format!("    {}", n.as_str().unwrap().replace('\n', " ")))
                .collect();
            format!(
                "  {} ({}): {}\n{}",
                v["id"].as_str().unwrap(),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap(),
                nodes.join("\n")
            )
        })
        .collect()
}

/// WCAG 1.4.10 (reflow): at 320 CSS px wide (1280 px at 400 % zoom) the page does not scroll
/// sideways; a table may scroll in its own box. Returns what sticks out, as lines to print; saves
/// a screenshot at that width to `shot` when asked.
async fn reflow(page: &Browser, shot: Option<PathBuf>) -> Vec<String> {
    page.viewport(320, 700).await;
    let wide = page
        .run(
            "const width = document.documentElement.clientWidth;
             const page = document.documentElement.scrollWidth;
             if (page <= width) return [];
             const out = [...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > width + 1
                            && ![...document.querySelectorAll('.rad, .tabell')].some(box => box !== e && box.contains(e)))
               .map(e => e.outerHTML.slice(0, 120));
             return out.length ? out : ['the page, ' + page + ' px'];",
        )
        .await;
    if let Some(path) = shot {
        page.run("window.scrollTo(0, 0);").await;
        std::fs::write(path, page.client.screenshot().await.unwrap()).unwrap();
    }
    page.viewport(1280, 900).await;
    wide.as_array()
        .unwrap()
        .iter()
        .map(|e| format!("  wider than 320 px: {}", e.as_str().unwrap()))
        .collect()
}

/// axe-core is loaded and judging: a text field without a label, added to the page, is reported.
async fn axe_sees_a_violation(page: &Browser, rules: &str) {
    page.run(
        "const field = document.createElement('input');
         field.id = 'utan-etikett';
         document.querySelector('main').append(field);",
    )
    .await;
    let found = axe(page, rules).await;
    assert!(
        found
            .iter()
            .any(|v| v.starts_with("  label ") && v.contains("#utan-etikett")),
        "axe-core did not report an unlabelled field: {found:?}"
    );
    page.run("document.getElementById('utan-etikett').remove();")
        .await;
}

/// Walks the view with Tab from the top: every control that takes focus must be reached, each with
/// a visible focus outline. Returns what fails, as lines to print.
/// `shot`: where to save a screenshot after the first Tab (the skip link, focused).
async fn keyboard(page: &Browser, shot: Option<PathBuf>) -> Vec<String> {
    // Each control that Tab should reach, numbered; the walk reads the number of what has focus.
    let controls = page
        .run(
            "const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
               .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0
                            && getComputedStyle(e).visibility !== 'hidden');
             all.forEach((e, i) => e.dataset.tabb = String(i));
             // Tab starts from the top of the page, not from the last control clicked.
             const start = document.createElement('span');
             start.tabIndex = -1;
             document.body.prepend(start);
             start.focus();
             window.scrollTo(0, 0);
             return all.map(e => e.outerHTML.slice(0, 120));",
        )
        .await;
    let controls: Vec<String> = controls
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    let mut reached = vec![false; controls.len()];
    let mut failures = Vec::new();
    let tab = KeyActions::new("tangentbord".into())
        .then(KeyAction::Down {
            value: Key::Tab.into(),
        })
        .then(KeyAction::Up {
            value: Key::Tab.into(),
        });
    for _ in 0..controls.len() + 3 {
        page.client.perform_actions(tab.clone()).await.unwrap();
        let focused = page
            .run(
                "const e = document.activeElement; const s = getComputedStyle(e);
                 return { n: e.dataset.tabb, tag: e.outerHTML.slice(0, 120),
                          visible: e.matches(':focus-visible') && s.outlineStyle !== 'none'
                                   && parseFloat(s.outlineWidth) >= 2 };",
            )
            .await;
        let Some(n) = focused["n"].as_str().and_then(|n| n.parse::<usize>().ok()) else {
            if focused["tag"]
                .as_str()
                .is_some_and(|t| t.starts_with("<body"))
            {
                // Past the last control: the walk is done.
                break;
            }
            failures.push(format!(
                "  Tab reached something not counted as a control: {}",
                focused["tag"]
            ));
            continue;
        };
        if reached[n] {
            break;
        }
        if let (Some(path), 0) = (&shot, n) {
            std::fs::write(path, page.client.screenshot().await.unwrap()).unwrap();
        }
        reached[n] = true;
        if focused["visible"] != json!(true) {
            failures.push(format!("  no visible focus outline: {}", controls[n]));
        }
    }
    for (control, reached) in controls.iter().zip(reached) {
        if !reached {
            failures.push(format!("  not reached with Tab: {control}"));
        }
    }
    failures
}

/// axe-core on every view, with an error shown and without, with a comparison, forms written and
/// read back; each also walked with Tab, narrowed to 320 px, and saved as screenshots when asked.
#[test]
fn every_view_passes_axe_the_keyboard_and_reflow_at_320_px() {
    let Some(tools) = tools() else { return };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("indata");
    let output = dir.path().join("utdata");
    let (book, good) = example_with_planted_error(&input);
    let previous = dir.path().join("forra-motet.xlsx");
    std::fs::write(
        &previous,
        with_cell(
            &good,
            INSATSER,
            "E3",
            r#"<c r="E3" s="6"><v>200000</v></c>"#,
        ),
    )
    .unwrap();
    let screenshots = std::env::var_os("STYRDOK_SCREENSHOTS").map(PathBuf::from);
    if let Some(dir) = &screenshots {
        std::fs::create_dir_all(dir).unwrap();
    }
    let server = Server::start(&input, &output);
    let driver = Driver::start(&tools.chromedriver);

    runtime().block_on(async {
        let page = Browser::open(&tools, &driver).await;
        let mut report = Vec::new();
        let mut shot = 0;
        let mut audit = async |page: &Browser, name: &str| {
            page.built().await;
            page.until(
                "return [...document.querySelectorAll('main img')]
                    .filter(i => i.getBoundingClientRect().top < window.innerHeight)
                    .every(i => i.complete && i.naturalWidth > 0);",
                Duration::from_secs(60),
                "the page images in view",
            )
            .await;
            if let Some(dir) = &screenshots {
                shot += 1;
                page.run("window.scrollTo(0, 0);").await;
                let png = page.client.screenshot().await.unwrap();
                std::fs::write(dir.join(format!("{shot:02}-{name}.png")), png).unwrap();
            }
            let violations = axe(page, &tools.axe).await;
            let focused = screenshots
                .as_ref()
                .filter(|_| shot == 1)
                .map(|dir| dir.join(format!("{shot:02}-{name}-tab.png")));
            let keys = keyboard(page, focused).await;
            let narrow = screenshots
                .as_ref()
                .map(|dir| dir.join(format!("{shot:02}-{name}-320.png")));
            let reflow = reflow(page, narrow).await;
            if !violations.is_empty() || !keys.is_empty() || !reflow.is_empty() {
                report.push(format!(
                    "{name} ({}):\n{}",
                    page.client.current_url().await.unwrap(),
                    violations
                        .into_iter()
                        .chain(keys)
                        .chain(reflow)
                        .collect::<Vec<_>>()
                        .join("\n")
                ));
            }
        };

        page.goto(&server.url).await;
        page.built().await;
        audit(&page, "oversikt-med-fel").await;
        axe_sees_a_violation(&page, &tools.axe).await;
        page.goto(&server.at("/problem")).await;
        page.until(&present(PLANTED), Duration::from_secs(10), "the planted error")
            .await;
        audit(&page, "problem-med-fel").await;

        save(&book, &good);
        page.goto(&server.at("/dokument")).await;
        page.until(
            "return document.querySelectorAll('main a[href^=\"/fil/\"]').length > 0;",
            Duration::from_secs(120),
            "the documents",
        )
        .await;
        audit(&page, "dokument").await;
        page.goto(&server.at("/")).await;
        audit(&page, "oversikt").await;
        page.goto(&server.at("/problem")).await;
        audit(&page, "problem").await;

        page.goto(&server.at("/dokument")).await;
        page.click("main a[href^='/dokument/']").await;
        page.until(
            "const i = document.querySelector('ol.sidor img'); return !!i && i.complete && i.naturalWidth > 0;",
            Duration::from_secs(60),
            "a page image",
        )
        .await;
        audit(&page, "sidvisning").await;

        page.goto(&server.at("/forandringar")).await;
        audit(&page, "forandringar").await;
        page.choose("input[type='file'][name='forra']", &previous)
            .await;
        page.click("form[action='/forandringar'] button[type='submit']")
            .await;
        page.until(
            "return document.querySelector('main').innerText.includes('Jämfört med');",
            Duration::from_secs(30),
            "the comparison",
        )
        .await;
        audit(&page, "forandringar-jamforda").await;

        page.goto(&server.at("/blanketter")).await;
        audit(&page, "blanketter").await;
        page.click("form[action='/blanketter/skriv'] button[type='submit']")
            .await;
        page.until(
            "return !!document.querySelector('a[href=\"/blanketter.zip\"]');",
            Duration::from_secs(60),
            "the forms written",
        )
        .await;
        let forms = documents_under(&output.join("blanketter"));
        let returned = output.join("blanketter").join(forms.keys().next().unwrap());
        page.choose("input[type='file'][name='blanketter']", &returned)
            .await;
        page.click("form[action='/blanketter/inkomna'] button[type='submit']")
            .await;
        page.until(
            "return document.querySelector('main').innerText.includes('blanketter lästa');",
            Duration::from_secs(60),
            "the returned form read",
        )
        .await;
        audit(&page, "blanketter-inlasta").await;

        page.goto(&server.at("/mallar")).await;
        audit(&page, "mallar").await;

        page.close().await;
        assert!(
            report.is_empty(),
            "WCAG 2.2 A/AA (axe-core) and the keyboard:\n{}",
            report.join("\n\n")
        );
    });
}
