//! A progress bar for long builds: drawn on a terminal once a build has run for a second (a quick
//! build should print nothing but its result), never when output goes to a file or pipe.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const SHOW_AFTER: Duration = Duration::from_secs(1);

pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    may_show: bool,
    shown: AtomicBool,
}

impl Progress {
    pub fn new(total: usize, quiet: bool) -> Self {
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} dokument  {elapsed}")
        {
            bar.set_style(style);
        }
        Progress {
            bar,
            started: Instant::now(),
            may_show: !quiet && std::io::stderr().is_terminal(),
            shown: AtomicBool::new(false),
        }
    }

    /// One more document done (called from any rendering thread).
    pub fn tick(&self) {
        self.bar.inc(1);
        if self.may_show
            && self.started.elapsed() >= SHOW_AFTER
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
