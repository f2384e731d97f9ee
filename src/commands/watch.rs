//! `--watch`: rebuild whenever a workbook or template is saved, as `typst watch` does for a document.
//!
//! Excel saves by writing a temporary file and renaming it, and leaves `~$name.xlsx` while a book is
//! open; LibreOffice leaves `.~lock.name#`. Events are debounced so one save is one rebuild, lock and
//! temporary files are ignored, and a workbook caught half-written (it reads as unreadable) is tried
//! again before it is reported. A failed rebuild writes nothing, so the last good documents stay.
//!
//! notify is used directly (as typst-cli does) rather than through notify-debouncer-mini, because
//! the mini debouncer drops the event kind, and reading a workbook (an `open`) must not count as a
//! change or every build would start the next one.
//!
//! `watch` is generic over the rebuild: `build --watch` and `fill --watch` share the loop.

use super::build::{self, BuildOptions};
use super::fill::{self, FillOptions, Filled};
use super::report;
use super::{CommandError, Outcome};
use notify::event::{EventKind, MetadataKind, ModifyKind};
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Events closer together than this are one save (Excel writes, renames and touches in bursts, a
/// few milliseconds apart). Short, because the wait is part of every save's latency (the example's
/// rebuild of one changed cell is ~0.1 s); a burst split in two only costs a second rebuild, which
/// the build record makes nearly free, and a half-written file is read again (`RETRIES`).
const DEBOUNCE: Duration = Duration::from_millis(150);
/// A file that reads as unreadable right after a save is read again this often, this far apart.
const RETRIES: u32 = 6;
const RETRY_AFTER: Duration = Duration::from_millis(500);

/// Files a rebuild reads besides workbooks (`workbook::has_workbook_extension`): in a templates
/// folder, Typst sources and their assets.
const WATCHED_EXTENSIONS: &[&str] = &["typ", "json", "svg", "png", "jpg", "jpeg"];

#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("kunde inte bevaka {}: {source}", path.display())]
    Watch {
        path: PathBuf,
        source: notify::Error,
    },
    #[error("kunde inte starta bevakningen: {0}")]
    Start(notify::Error),
    #[error("kunde inte fånga Ctrl-C: {0}")]
    Signal(#[from] ctrlc::Error),
}

/// What a rebuild is told about its attempt.
#[derive(Debug, Clone, Copy)]
pub struct Attempt {
    /// No retry follows: a file that cannot be read now is reported.
    pub last_try: bool,
    /// An earlier rebuild of this session wrote its files, so a failed one leaves them in place.
    pub written_before: bool,
}

/// What one rebuild came to.
pub enum Step {
    /// Documents written, and kept as the last build made them (how many files).
    Done { written: usize, kept: usize },
    /// The input had errors or the documents could not be made; already reported. Nothing written.
    Failed,
    /// A file could not be read at all; perhaps it is still being saved. Try again shortly.
    Retry,
}

enum Message {
    Changed(Vec<PathBuf>),
    WatchFailed(String),
    Stop,
}

/// `styrdok build --watch`: the build above, run now and after every save, until Ctrl-C.
pub fn build(options: &BuildOptions) -> Result<Outcome, CommandError> {
    let mut roots = vec![options.input.clone()];
    roots.extend(options.templates.clone());
    let mut ignored = vec![options.output.clone()];
    ignored.extend(options.dump_data.clone());
    println!(
        "Bevakar {} och bygger om när en arbetsbok sparas (Ctrl-C avslutar).",
        roots
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" och ")
    );
    // The build record stays in memory between saves: each save makes only what it changed.
    let mut record = None;
    watch(&roots, &ignored, |attempt| {
        let built = build::build(options, false, &mut record);
        if built.unreadable() && !attempt.last_try {
            return Step::Retry;
        }
        eprint!("{}", report::text(&built.projects, false));
        let nothing_written = if attempt.written_before {
            "Inga dokument skrevs; de senaste hela dokumenten ligger kvar."
        } else {
            "Inga dokument skrevs: rätta felen ovan och spara igen."
        };
        match built.written {
            Ok(Some(files)) => Step::Done {
                written: files.written.len(),
                kept: files.kept.len(),
            },
            Ok(None) => {
                eprintln!("{nothing_written}");
                Step::Failed
            }
            Err(e) => {
                eprintln!("fel: {e}");
                eprintln!("{nothing_written}");
                Step::Failed
            }
        }
    })
}

/// `styrdok fill MALL --watch`: the template filled now and after every save of the workbook or
/// the template, until Ctrl-C.
pub fn fill(options: &FillOptions) -> Result<Outcome, CommandError> {
    println!(
        "Bevakar {} och {} och fyller i mallen igen när någon av dem sparas (Ctrl-C avslutar).",
        options.input.display(),
        options.template.display()
    );
    let roots = [options.input.clone(), options.template.clone()];
    watch(&roots, std::slice::from_ref(&options.output), |attempt| {
        let outcome = fill::fill(options);
        let nothing_written = if attempt.written_before {
            "Ingen fil skrevs; den senaste hela filen ligger kvar."
        } else {
            "Ingen fil skrevs."
        };
        match outcome {
            Ok(Filled::Written(files)) => Step::Done {
                written: files.len(),
                kept: 0,
            },
            Ok(Filled::Unreadable(_)) if !attempt.last_try => Step::Retry,
            Ok(Filled::Unreadable(problems)) => {
                eprint!("{problems}");
                eprintln!("{nothing_written}");
                Step::Failed
            }
            Ok(Filled::Refused) => {
                eprintln!("{nothing_written}");
                Step::Failed
            }
            Err(e) => {
                eprintln!("fel: {e}");
                eprintln!("{nothing_written}");
                Step::Failed
            }
        }
    })
}

/// Runs `rebuild` once, then after every relevant change under `roots` (not under `ignored`), until
/// Ctrl-C. `rebuild` may answer `Retry` unless it is the attempt's last try.
pub fn watch(
    roots: &[PathBuf],
    ignored: &[PathBuf],
    mut rebuild: impl FnMut(Attempt) -> Step,
) -> Result<Outcome, CommandError> {
    let (tx, rx) = mpsc::channel::<Message>();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Message::Stop);
    })
    .map_err(WatchError::from)?;
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        let _ = tx.send(match result {
            Ok(event) if !is_change(&event.kind) => return,
            Ok(event) => Message::Changed(event.paths),
            Err(e) => Message::WatchFailed(e.to_string()),
        });
    })
    .map_err(WatchError::Start)?;
    let mut watched = Vec::new();
    for root in roots {
        // A single file is watched through its folder: Excel replaces the file on every save.
        let (dir, only) = if root.is_file() {
            let parent = root
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            (parent.to_path_buf(), Some(absolute(root)))
        } else {
            (root.clone(), None)
        };
        let mode = if only.is_some() {
            RecursiveMode::NonRecursive
        } else {
            RecursiveMode::Recursive
        };
        watcher
            .watch(&dir, mode)
            .map_err(|source| WatchError::Watch {
                path: dir.clone(),
                source,
            })?;
        watched.push((absolute(&dir), only));
    }
    let ignored: Vec<PathBuf> = ignored.iter().map(|p| absolute(p)).collect();
    let relevant = |path: &Path| {
        let path = absolute(path);
        !ignored.iter().any(|i| path.starts_with(i))
            && !is_lock_or_temporary(&path)
            && watched.iter().any(|(dir, only)| match only {
                Some(file) => *file == path,
                None => path.starts_with(dir) && has_watched_extension(&path),
            })
    };

    let mut written = false;
    run_once(&mut rebuild, &mut written);
    loop {
        match rx.recv() {
            Ok(Message::Stop) | Err(_) => break,
            Ok(Message::WatchFailed(e)) => eprintln!("varning: bevakningen: {e}"),
            Ok(Message::Changed(paths)) => {
                if paths.iter().any(|p| relevant(p)) {
                    let stop = settle(&rx);
                    run_once(&mut rebuild, &mut written);
                    if stop {
                        break;
                    }
                }
            }
        }
    }
    println!("Bevakningen avslutad.");
    Ok(Outcome::Done)
}

/// Waits until no event has come for `DEBOUNCE`: one save (write, rename, touch) is one rebuild.
/// True when Ctrl-C came meanwhile.
fn settle(rx: &mpsc::Receiver<Message>) -> bool {
    loop {
        match rx.recv_timeout(DEBOUNCE) {
            Ok(Message::Stop) | Err(mpsc::RecvTimeoutError::Disconnected) => return true,
            Ok(_) => continue,
            Err(mpsc::RecvTimeoutError::Timeout) => return false,
        }
    }
}

/// Whether an event can change what a build reads: not an open or a read, nor an access time.
fn is_change(kind: &EventKind) -> bool {
    !matches!(
        kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))
    )
}

/// One rebuild, retried while it asks to; `written` is whether any rebuild so far wrote its files.
fn run_once(rebuild: &mut impl FnMut(Attempt) -> Step, written: &mut bool) {
    let started = Instant::now();
    let mut tries = 0;
    loop {
        tries += 1;
        let attempt = Attempt {
            last_try: tries >= RETRIES,
            written_before: *written,
        };
        match rebuild(attempt) {
            Step::Retry => std::thread::sleep(RETRY_AFTER),
            Step::Done {
                written: files,
                kept,
            } => {
                *written = true;
                let took = seconds(started.elapsed());
                let plural = files != 1;
                if kept == 0 {
                    let noun = if plural { "filer" } else { "fil" };
                    println!("Klart på {took}: {files} {noun}");
                } else {
                    let noun = if plural {
                        "filer skrivna"
                    } else {
                        "fil skriven"
                    };
                    println!("Klart på {took}: {files} {noun}, {kept} oförändrade");
                }
                return;
            }
            Step::Failed => {
                println!("Misslyckades efter {}.", seconds(started.elapsed()));
                return;
            }
        }
    }
}

/// `0,4 s`: one decimal, Swedish comma.
fn seconds(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64()).replace('.', ",")
}

/// Excel's `~$name.xlsx`, LibreOffice's `.~lock.name#`, and hidden or temporary files (ours are
/// `.styrdok-*.tmp`).
fn is_lock_or_temporary(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.starts_with("~$")
        || name.starts_with('.')
        || name.ends_with('#')
        || name.ends_with('~')
        || name.to_lowercase().ends_with(".tmp")
}

fn has_watched_extension(path: &Path) -> bool {
    crate::workbook::has_workbook_extension(path)
        || path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| WATCHED_EXTENSIONS.contains(&e.to_lowercase().as_str()))
}

/// An absolute path without resolving what does not exist yet (a deleted file, a new output folder).
fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => absolute(parent).join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_files_are_not_changes() {
        assert!(is_lock_or_temporary(Path::new("in/~$ok2025.xlsx")));
        assert!(is_lock_or_temporary(Path::new("in/.~lock.ok2025.xlsx#")));
        assert!(is_lock_or_temporary(Path::new("out/.styrdok-abc.tmp")));
        assert!(!is_lock_or_temporary(Path::new("in/ok2025.xlsx")));
        assert!(has_watched_extension(Path::new("in/ok2025.XLSX")));
        assert!(!has_watched_extension(Path::new("in/anteckningar.txt")));
        assert_eq!(seconds(Duration::from_millis(420)), "0,4 s");
    }
}
