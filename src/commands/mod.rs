//! The commands: each runs the pipeline and returns what happened. `main` turns that into the exit
//! code the README documents and prints a failure in one place.

pub mod build;
pub mod check;
pub mod collect;
pub mod diff;
pub mod fill;
pub mod forms;
pub mod init;
mod progress;
pub mod report;
pub mod templates;
pub mod watch;

use crate::mail::MailError;
use crate::pipeline::OutputError;
use crate::render::templates::TemplateDirError;
use crate::xlsx::forms::write::FormError;
use std::path::PathBuf;

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
    Forms(FormError),
    #[error(transparent)]
    Mail(#[from] MailError),
    #[error(transparent)]
    Init(#[from] init::InitError),
    #[error(transparent)]
    Watch(#[from] watch::WatchError),
    #[error("mappen {} kunde inte läsas: {source}", path.display())]
    FormsFolder {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl CommandError {
    pub fn output(e: impl Into<OutputError>) -> Self {
        CommandError::Output(e.into())
    }
}

/// The exit code of a command's result: 0 done, 1 the input has errors, 2 nothing could be written.
pub fn exit_code(result: &Result<Outcome, CommandError>) -> u8 {
    match result {
        Ok(Outcome::Done) => 0,
        Ok(Outcome::InputErrors) => 1,
        Err(_) => 2,
    }
}
