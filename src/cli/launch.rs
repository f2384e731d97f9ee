//! A double-click: a coordinator who never opens a terminal starts styrdok from Explorer. With no
//! arguments and no terminal of its own, styrdok opens its web page on the workbooks beside it
//! instead of printing the help into a window that closes at once.

use super::{Cli, Command};
use crate::commands::args::{DEFAULT_INPUT, DEFAULT_OUTPUT, InputArgs, OutputArgs};
use crate::web::ServeArgs;
use std::path::{Path, PathBuf};

/// `styrdok serve` on the workbooks beside the program, when the process was started by a
/// double-click: no arguments, and a console window made for styrdok alone (Windows) or no
/// terminal on standard input (elsewhere). `None` otherwise: from a terminal, no arguments still
/// print the help.
pub fn double_clicked() -> Option<Cli> {
    if std::env::args_os().len() > 1 || !without_a_terminal() {
        return None;
    }
    let program = std::env::current_exe().ok()?;
    let beside = program.parent()?;
    let (input, output) = folders_beside(beside);
    Some(Cli {
        help: None,
        version: None,
        command: Command::Serve(ServeArgs {
            input: InputArgs { input },
            output: OutputArgs { output },
            port: None,
            no_open: false,
            per_mottagare: false,
            double_clicked: true,
        }),
    })
}

/// `input/` beside the program when there is one, else the program's own folder; the documents go
/// to `output/` beside it (a folder the build then marks as its own, so it is never read as input).
fn folders_beside(dir: &Path) -> (PathBuf, PathBuf) {
    let input = dir.join(DEFAULT_INPUT);
    let input = if input.is_dir() {
        input
    } else {
        dir.to_path_buf()
    };
    (input, dir.join(DEFAULT_OUTPUT))
}

/// Whether nobody typed the command: Windows gives a program started from Explorer a console of its
/// own, which then lists one process (a terminal's console also lists the shell).
#[cfg(windows)]
fn without_a_terminal() -> bool {
    use windows_sys::Win32::System::Console::GetConsoleProcessList;
    let mut processes = [0u32; 2];
    // SAFETY: the buffer holds the count passed; the call writes at most that many ids into it.
    let attached = unsafe { GetConsoleProcessList(processes.as_mut_ptr(), processes.len() as u32) };
    attached == 1
}

/// Whether nobody typed the command: a file manager starts a program with no terminal on its
/// standard input.
#[cfg(not(windows))]
fn without_a_terminal() -> bool {
    use std::io::IsTerminal;
    !std::io::stdin().is_terminal()
}

/// A console Windows opened for styrdok closes with it: after a failure the message would vanish
/// unread, so the window waits for Enter. Elsewhere nobody sees the window, so nothing waits.
pub fn keep_the_window_open() {
    #[cfg(windows)]
    {
        use std::io::BufRead;
        eprintln!("Tryck Enter för att stänga fönstret.");
        let _ = std::io::stdin().lock().read_line(&mut String::new());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_input_folder_beside_the_program_else_its_own_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            folders_beside(dir.path()),
            (dir.path().to_path_buf(), dir.path().join("output"))
        );
        std::fs::create_dir(dir.path().join("input")).unwrap();
        assert_eq!(
            folders_beside(dir.path()),
            (dir.path().join("input"), dir.path().join("output"))
        );
    }
}
