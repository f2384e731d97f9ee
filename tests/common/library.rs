//! The one place the tests call styrdok's library to do what a command does. Tests say what they
//! run in this small language (`build(&input, &out).per_mottagare().run()`, `check(&input)`) and
//! assert on the `Ran` it gives back; when the library's entry points change, only this file does.
//!
//! What a test sees here is what a user of the command would: the exit code the binary would give,
//! the diagnostics as the terminal shows them, the files written. The few properties only the real
//! process has (argument parsing, exit codes through `main`, `--watch`, the help) are tested by
//! running the binary (`super::styrdok`).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use styrdok::checks::Checked;
use styrdok::commands::report;
use styrdok::diagnostics::JsonReport;
use styrdok::pipeline::{BuildRequest, ProjectDiagnostics};
use styrdok::workbook::Workbook;

/// What a command came to.
#[derive(Debug)]
pub struct Ran {
    /// The exit code the binary gives for this outcome: 0 done, 1 input errors, 2 nothing written.
    pub code: u8,
    /// The diagnostics and notes as the terminal shows them, and the error when the files could not
    /// be made or written.
    pub report: String,
    /// Files made and written by this run.
    pub written: Vec<PathBuf>,
    /// Files the last build made from the same input, left as they were.
    pub kept: Vec<PathBuf>,
}

impl Ran {
    /// Asserts the run succeeded, showing what it reported when not.
    #[track_caller]
    pub fn ok(self) -> Ran {
        assert_eq!(self.code, 0, "{}", self.report);
        self
    }

    /// Asserts the run ended with this exit code.
    #[track_caller]
    pub fn code(self, code: u8) -> Ran {
        assert_eq!(self.code, code, "{}", self.report);
        self
    }
}

/// `styrdok build INPUT -o OUTPUT`, its flags set by the methods, made by `run`.
#[must_use = "a build is made by .run()"]
pub struct Build {
    options: BuildRequest,
}

pub fn build(input: impl AsRef<Path>, output: impl AsRef<Path>) -> Build {
    Build {
        options: BuildRequest {
            input: input.as_ref().to_path_buf(),
            output: output.as_ref().to_path_buf(),
            ..BuildRequest::default()
        },
    }
}

impl Build {
    /// `--per-mottagare`
    pub fn per_mottagare(mut self) -> Build {
        self.options.documents.per_recipient = true;
        self
    }

    /// `--alla-insatser`
    pub fn all_insatser(mut self) -> Build {
        self.options.documents.all_initiatives = true;
        self
    }

    /// `--sedan EARLIER`
    pub fn since(mut self, earlier: impl AsRef<Path>) -> Build {
        self.options.since = Some(earlier.as_ref().to_path_buf());
        self
    }

    /// `--templates DIR`
    pub fn templates(mut self, dir: impl AsRef<Path>) -> Build {
        self.options.templates = Some(dir.as_ref().to_path_buf());
        self
    }

    /// `--dump-data DIR`
    pub fn dump_data(mut self, dir: impl AsRef<Path>) -> Build {
        self.options.dump_data = Some(dir.as_ref().to_path_buf());
        self
    }

    /// `--allt`
    pub fn everything(mut self) -> Build {
        self.options.full = true;
        self
    }

    pub fn run(self) -> Ran {
        // Nothing in a test reads a progress bar.
        let built = styrdok::pipeline::build(&self.options, &|_| {}, &mut None);
        let mut report = report::text(&built.projects, false);
        report.push_str(&styrdok::commands::build::notes_text(&built.notes));
        let paths =
            |files: Vec<styrdok::pipeline::OutputPath>| files.into_iter().map(|f| f.path).collect();
        let (code, written, kept) = match built.written {
            Ok(Some(files)) => (0, paths(files.written), paths(files.kept)),
            Ok(None) => (1, Vec::new(), Vec::new()),
            Err(e) => {
                report.push_str(&format!("fel: {e}\n"));
                (2, Vec::new(), Vec::new())
            }
        };
        Ran {
            code,
            report,
            written,
            kept,
        }
    }
}

/// One input (a workbook or a folder of them) read and checked, problems reading it among the
/// diagnostics: the workbook as read, if it could be, and what the checks found.
pub fn read_and_check(input: impl AsRef<Path>) -> (Option<Workbook>, Checked) {
    styrdok::pipeline::read_and_check(input.as_ref())
}

/// Workbook cells loaded into the model (the pictures it names read from beside it) and checked.
pub fn check_book(book: &Workbook) -> Checked {
    styrdok::pipeline::check_book(book)
}

/// `styrdok check INPUT`: every project's diagnostics as the terminal shows them (also "0 fel, 0
/// varningar." of a clean one); writes nothing.
pub fn check(input: impl AsRef<Path>) -> Ran {
    let (code, projects) = checked(input.as_ref());
    Ran {
        code,
        report: report::text(&projects, true),
        written: Vec::new(),
        kept: Vec::new(),
    }
}

/// `check INPUT` and `check INPUT --format json` (its report the JSON document), of one reading of
/// the input.
pub fn check_text_and_json(input: impl AsRef<Path>) -> (Ran, Ran) {
    let (code, projects) = checked(input.as_ref());
    let text = Ran {
        code,
        report: report::text(&projects, true),
        written: Vec::new(),
        kept: Vec::new(),
    };
    (text, json_report(code, &projects))
}

fn json_report(code: u8, projects: &[ProjectDiagnostics]) -> Ran {
    let mut json = JsonReport::new("check");
    for p in projects {
        json.add(p.name.as_deref(), &p.diagnostics);
    }
    Ran {
        code,
        report: json.render(code),
        written: Vec::new(),
        kept: Vec::new(),
    }
}

fn checked(input: &Path) -> (u8, Vec<ProjectDiagnostics>) {
    let projects = styrdok::pipeline::check_projects(input);
    let code = u8::from(projects.iter().any(|p| p.checked.has_errors()));
    (code, ProjectDiagnostics::of(&projects))
}

/// `styrdok init DIR`: the starter workbook and example template.
pub fn init(dir: impl AsRef<Path>) -> Ran {
    match styrdok::pipeline::init(dir.as_ref()) {
        Ok(written) => Ran {
            code: 0,
            report: String::new(),
            written,
            kept: Vec::new(),
        },
        Err(e) => failed(e),
    }
}

/// `styrdok forms INPUT -o OUTPUT`: one form per Ansvarig; `report` holds the input's diagnostics.
pub fn forms(input: impl AsRef<Path>, output: impl AsRef<Path>) -> Ran {
    match styrdok::pipeline::forms(input.as_ref(), output.as_ref(), false) {
        Ok(made) => Ran {
            code: u8::from(made.stopped.is_some()),
            report: styrdok::diagnostics::render(&made.diagnostics),
            written: made.written,
            kept: Vec::new(),
        },
        Err(e) => failed(e),
    }
}

/// What could not be made or written: exit code 2, and the error as `main` prints it.
fn failed(error: impl std::fmt::Display) -> Ran {
    Ran {
        code: 2,
        report: format!("fel: {error}\n"),
        written: Vec::new(),
        kept: Vec::new(),
    }
}

/// The line a build ends with when it kept files from the last build ("14 filer oförändrade …").
pub fn kept_line(kept: usize) -> Option<String> {
    styrdok::commands::build::kept_line(kept)
}

/// `styrdok templates export DIR`: the built-in Typst templates as files.
pub fn export_templates(dir: impl AsRef<Path>) -> Ran {
    match styrdok::render::templates::export(dir.as_ref()) {
        Ok(written) => Ran {
            code: 0,
            report: String::new(),
            written,
            kept: Vec::new(),
        },
        Err(e) => Ran {
            code: 2,
            report: format!("fel: {e}\n"),
            written: Vec::new(),
            kept: Vec::new(),
        },
    }
}

/// Every case of the bad-input corpus (`tests/bad-input/`, its files but the README), with `check`
/// and `check --format json` of it, checked once per test binary for the tests that read them.
pub fn bad_input_corpus() -> &'static [(PathBuf, Ran, Ran)] {
    static CHECKED: OnceLock<Vec<(PathBuf, Ran, Ran)>> = OnceLock::new();
    CHECKED.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input");
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            // Files only: bilder/ holds the picture the picture cases refer to.
            .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|file| {
                let (text, json) = check_text_and_json(&file);
                (file, text, json)
            })
            .collect()
    })
}

/// The shipped example project, `input/` of the repository.
pub fn example_input() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("input")
}

/// The example built once per test binary with `build input`, for tests that only read its
/// documents. Never write into it.
pub fn example_built() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| shared_build("example", |b| b))
}

/// The example built once per test binary with `build input --per-mottagare`. Never write into it.
pub fn example_built_per_mottagare() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| shared_build("example-per-mottagare", Build::per_mottagare))
}

/// A build of the example into a folder of cargo's temporary directory for tests (emptied first,
/// so a stale build from an earlier run is never read; kept after, as statics are never dropped).
fn shared_build(name: &str, flags: impl FnOnce(Build) -> Build) -> PathBuf {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    if out.exists() {
        std::fs::remove_dir_all(&out).unwrap();
    }
    flags(build(example_input(), &out)).run().ok();
    out
}

/// `styrdok diff PREVIOUS INPUT`: its exit code, and what it says on stdout and on stderr.
pub fn diff(previous: impl AsRef<Path>, input: impl AsRef<Path>) -> (u8, String, String) {
    use styrdok::commands::diff::Said;
    let (outcome, said) = styrdok::commands::diff::said(previous.as_ref(), input.as_ref());
    let (mut out, mut err) = (String::new(), String::new());
    for s in said {
        match s {
            Said::Out(s) => out.push_str(&s),
            Said::Err(s) => err.push_str(&s),
        }
    }
    (styrdok::commands::exit_code(&Ok(outcome)), out, err)
}
