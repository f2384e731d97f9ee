#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;
use styrdok::cli::Parsed;

/// Exit codes: 0 done, 1 the input has errors, 2 the documents could not be made or written.
fn main() -> ExitCode {
    without_huge_pages();
    quiet_when_the_reader_leaves();
    let double_clicked = styrdok::cli::double_clicked();
    let launched = double_clicked.is_some();
    let parsed = match double_clicked {
        Some(cli) => Parsed::Run(cli),
        None => styrdok::cli::parse(),
    };
    let cli = match parsed {
        Parsed::Run(cli) => cli,
        // Help, version, or a mistyped command line: clap's text, in Swedish.
        Parsed::Exit {
            text,
            to_stderr,
            code,
        } => {
            if to_stderr {
                eprint!("{text}");
            } else {
                print!("{text}");
            }
            return ExitCode::from(code);
        }
    };
    // Only `build --jobs N` needs the pool now; otherwise the first render sets it up, so commands
    // that render nothing start no threads.
    if let Some(threads) = cli.render_threads() {
        styrdok::render::init_render_threads(Some(threads));
    }
    let stop = styrdok::pipeline::watch::Control::default();
    stop_on_ctrl_c(&stop);
    let result = styrdok::cli::run(cli, &stop);
    if let Err(e) = &result {
        eprintln!("fel: {e}");
        if launched {
            styrdok::cli::keep_the_window_open();
        }
    }
    ExitCode::from(styrdok::commands::exit_code(&result))
}

/// Ctrl-C ends a `--watch` loop cleanly (a write in progress finishes or is removed, then "Bevakningen
/// avslutad."); with no loop running it ends the process as it would without a handler. Installed
/// once, here: a process can have only one.
fn stop_on_ctrl_c(stop: &styrdok::pipeline::watch::Control) {
    let stop = stop.clone();
    let installed = ctrlc::set_handler(move || {
        if !stop.stop() {
            std::process::exit(130);
        }
    });
    if let Err(e) = installed {
        eprintln!("varning: Ctrl-C kunde inte fångas ({e}); avsluta med att stänga fönstret.");
    }
}

/// mimalloc asks Linux for transparent huge pages; every first touch of one zeroes 2 MB. A long
/// deck or report makes Typst touch gigabytes once, so that zeroing was a third of the build
/// (5 800 insatser: 13.5 s → 11.5 s without it, same peak memory).
fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE only sets a flag on this process; it reads no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// `styrdok diff … | head` or quitting `less` closes the pipe: end quietly, as other command-line
/// tools do, instead of Rust's default of a panic on the next line printed.
fn quiet_when_the_reader_leaves() {
    #[cfg(unix)]
    // SAFETY: restores the default action for SIGPIPE before any thread exists; touches no memory.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
