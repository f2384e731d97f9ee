//! The watch loop: a rebuild whenever a workbook or template is saved, as `typst watch` does for a
//! document. `build --watch`, `fill --watch` and a web page share it; each says in its own way what
//! came of a rebuild (`on_event`).
//!
//! Excel saves by writing a temporary file and renaming it, and leaves `~$name.xlsx` while a book is
//! open; LibreOffice leaves `.~lock.name#`. Events are debounced so one save is one rebuild, lock and
//! temporary files are ignored, and a workbook caught half-written (it reads as unreadable) is tried
//! again before it is reported. A failed rebuild writes nothing, so the last good documents stay.
//!
//! notify is used directly (as typst-cli does) rather than through notify-debouncer-mini, because
//! the mini debouncer drops the event kind, and reading a workbook (an `open`) must not count as a
//! change or every build would start the next one.

use notify::event::{EventKind, MetadataKind, ModifyKind};
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Documents written, and kept as the last build made them (how many files).
    Done { written: usize, kept: usize },
    /// The input had errors or the documents could not be made. Nothing written.
    Failed,
    /// A file could not be read at all; perhaps it is still being saved. Try again shortly.
    Retry,
}

/// What the loop tells its user between rebuilds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A rebuild (with its retries) is over: `Done` or `Failed`, after `took`.
    Rebuilt { step: Step, took: Duration },
    /// The file watcher reported a problem; watching goes on.
    WatchFailed(String),
}

enum Message {
    Changed(Vec<PathBuf>),
    WatchFailed(String),
    /// Something a build reads besides the watched files changed (a web page chose the last
    /// meeting's workbook).
    Rebuild,
    Stop,
}

/// Steers watch loops from elsewhere: ends them (Ctrl-C, its handler installed once per process in
/// `main`, or a web page's "Avsluta"), or asks for a rebuild now (a web page changed what the build
/// compares with). Clones share one control.
#[derive(Clone, Default)]
pub struct Control {
    loops: Arc<Mutex<Vec<mpsc::Sender<Message>>>>,
    stopped: Arc<AtomicBool>,
}

impl Control {
    /// Ends every loop watching with this control, and any started after. True when some loop was
    /// running (else the caller may end the process as Ctrl-C otherwise would).
    pub fn stop(&self) -> bool {
        self.stopped.store(true, Ordering::SeqCst);
        let loops = self.loops.lock().unwrap_or_else(|e| e.into_inner());
        loops
            .iter()
            .filter(|tx| tx.send(Message::Stop).is_ok())
            .count()
            > 0
    }

    /// Asks every running loop for a rebuild now, as if a watched file had been saved.
    pub fn rebuild(&self) {
        let loops = self.loops.lock().unwrap_or_else(|e| e.into_inner());
        for tx in loops.iter() {
            let _ = tx.send(Message::Rebuild);
        }
    }

    fn connect(&self, tx: mpsc::Sender<Message>) {
        let mut loops = self.loops.lock().unwrap_or_else(|e| e.into_inner());
        if self.stopped.load(Ordering::SeqCst) {
            let _ = tx.send(Message::Stop);
        }
        loops.push(tx);
    }
}

/// Runs `rebuild` once, then after every relevant change under `roots` (not under `ignored`) and
/// every rebuild `control` asks for, until `control` stops it. `rebuild` may answer `Retry` unless it
/// is the attempt's last try; `on_event` hears how each rebuild went.
pub fn watch(
    roots: &[PathBuf],
    ignored: &[PathBuf],
    control: &Control,
    mut rebuild: impl FnMut(Attempt) -> Step,
    on_event: impl Fn(Event),
) -> Result<(), WatchError> {
    let (tx, rx) = mpsc::channel::<Message>();
    control.connect(tx.clone());
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
    on_event(run_once(&mut rebuild, &mut written));
    loop {
        let wanted = match rx.recv() {
            Ok(Message::Stop) | Err(_) => break,
            Ok(Message::WatchFailed(e)) => {
                on_event(Event::WatchFailed(e));
                false
            }
            Ok(Message::Rebuild) => true,
            Ok(Message::Changed(paths)) => paths.iter().any(|p| relevant(p)),
        };
        if wanted {
            let stop = settle(&rx);
            on_event(run_once(&mut rebuild, &mut written));
            if stop {
                break;
            }
        }
    }
    Ok(())
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
fn run_once(rebuild: &mut impl FnMut(Attempt) -> Step, written: &mut bool) -> Event {
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
            step => {
                *written |= matches!(step, Step::Done { .. });
                return Event::Rebuilt {
                    step,
                    took: started.elapsed(),
                };
            }
        }
    }
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
        // Every kind the reader reads, from the one list.
        assert!(has_watched_extension(Path::new("in/ok2025.xlsb")));
        assert!(has_watched_extension(Path::new("mallar/deck.typ")));
        assert!(!has_watched_extension(Path::new("in/anteckningar.txt")));
    }
}
