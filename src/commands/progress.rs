//! A progress bar for long builds: drawn on a terminal once a build has run for a second (a quick
//! build should print nothing but its result), never when output goes to a file or pipe.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

const SHOW_AFTER: Duration = Duration::from_secs(1);

pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    pub fn new(total: usize, quiet: bool) -> Self {
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} dokument  {elapsed}")
        {
            bar.set_style(style);
        }
        if !quiet && std::io::stderr().is_terminal() {
            // Shown from a timer, so a long first document (a 600-slide deck) is not a silent wait.
            let shown = bar.clone();
            std::thread::spawn(move || {
                std::thread::sleep(SHOW_AFTER);
                if !shown.is_finished() {
                    shown.set_draw_target(ProgressDrawTarget::stderr());
                    shown.enable_steady_tick(Duration::from_millis(250));
                }
            });
        }
        Progress { bar }
    }

    /// One more document done (called from any rendering thread).
    pub fn tick(&self) {
        self.bar.inc(1);
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
