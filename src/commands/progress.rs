//! A progress bar for long builds: drawn on a terminal once a build has run for a second (a quick
//! build should print nothing but its result), never when output goes to a file or pipe. It follows
//! the pipeline's `Progress` events.

use crate::pipeline::Progress;
use indicatif::{ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

const SHOW_AFTER: Duration = Duration::from_secs(1);

pub(crate) struct ProgressBar {
    bar: indicatif::ProgressBar,
    /// Whether the bar may be drawn at all (a terminal, not `--quiet`).
    shown: bool,
}

impl ProgressBar {
    pub fn new(shown: bool) -> Self {
        let bar = indicatif::ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} dokument  {elapsed}")
        {
            bar.set_style(style);
        }
        ProgressBar {
            bar,
            shown: shown && std::io::stderr().is_terminal(),
        }
    }

    /// Follows one event of the build (called from any rendering thread).
    pub fn show(&self, progress: Progress<'_>) {
        match progress {
            Progress::Rendering { total } => {
                self.bar.set_length(total as u64);
                if self.shown {
                    // Shown from a timer, so a long first document (a 600-slide deck) is not a
                    // silent wait.
                    let shown = self.bar.clone();
                    std::thread::spawn(move || {
                        std::thread::sleep(SHOW_AFTER);
                        if !shown.is_finished() {
                            shown.set_draw_target(ProgressDrawTarget::stderr());
                            shown.enable_steady_tick(Duration::from_millis(250));
                        }
                    });
                }
            }
            Progress::Rendered { .. } => self.bar.inc(1),
            Progress::Finished => self.bar.finish_and_clear(),
        }
    }
}
