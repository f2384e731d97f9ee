//! The commands: each parses its arguments (`args` holds the groups they share), calls one pipeline
//! function and presents its outcome as text or JSON. `main` turns the result into the exit code the
//! README documents and prints a failure in one place.

pub mod args;
pub mod build;
pub mod check;
pub mod collect;
pub mod completions;
pub mod diff;
pub mod fill;
pub mod forms;
pub mod init;
mod progress;
pub mod report;
pub mod templates;
pub mod watch;

use crate::mail::MailError;
use crate::pipeline::watch::WatchError;
use crate::pipeline::{CollectError, FormsError, InitError, OutputError};
use crate::render::templates::TemplateDirError;

/// How a command that ran to its end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything done (warnings do not count).
    Done,
    /// The input has errors; they were printed with their cells. Exit code 1.
    InputErrors,
}

/// Why a command could not make or write its files (exit code 2). The input itself was fine.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("{0}\nInga dokument skrevs.")]
    Output(#[from] OutputError),
    #[error(transparent)]
    Templates(#[from] TemplateDirError),
    #[error(transparent)]
    Forms(#[from] FormsError),
    #[error(transparent)]
    Collect(#[from] CollectError),
    #[error(transparent)]
    Mail(#[from] MailError),
    #[error(transparent)]
    Init(#[from] InitError),
    #[error(transparent)]
    Watch(#[from] WatchError),
    /// `styrdok serve`'s `web::ServeError`: `web` sits above `commands` in the layers, so `cli`
    /// hands it over boxed.
    #[error(transparent)]
    Serve(Box<dyn std::error::Error + Send + Sync>),
}

/// The exit code of a command's result: 0 done, 1 the input has errors, 2 nothing could be written.
pub fn exit_code(result: &Result<Outcome, CommandError>) -> u8 {
    match result {
        Ok(Outcome::Done) => 0,
        Ok(Outcome::InputErrors) => 1,
        Err(_) => 2,
    }
}
