//! The errors commands raise themselves: invalid input, a missing resource, a configuration
//! problem, a failed wait, a partly failed bulk run, an interrupted run.

use crate::exit::{Diagnose, Exit};

/// Errors raised by commands themselves (validation, confirmation, waits, lookups).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Invalid input or usage; nothing was sent.
    #[error("{message}")]
    Usage {
        message: String,
        hint: Option<String>,
    },
    /// The named resource does not exist.
    #[error("{message}")]
    NotFound {
        message: String,
        hint: Option<String>,
    },
    /// Configuration problem (file, profile, settings).
    #[error("{message}")]
    Config {
        message: String,
        hint: Option<String>,
    },
    /// A wait timed out or reached a failure state.
    #[error("{message}")]
    Wait {
        message: String,
        hint: Option<String>,
    },
    /// One or more items of a bulk run failed; their results were already printed.
    #[error("{failed} of {total} items failed")]
    Partial {
        failed: usize,
        total: usize,
        exit: Exit,
    },
    #[error("interrupted")]
    Interrupted,
    /// Not an error: the command succeeded and says so with a documented exit code other than 0
    /// (`plan --detailed-exitcode` with changes). Nothing is printed for it.
    #[error("exit {}", .0.code())]
    Quiet(Exit),
    /// A saved plan no longer matches the live set-up.
    #[error("{message}")]
    StalePlan {
        message: String,
        hint: Option<String>,
    },
}

impl CliError {
    pub fn usage(message: impl Into<String>, hint: impl Into<Option<String>>) -> Self {
        CliError::Usage {
            message: message.into(),
            hint: hint.into(),
        }
    }
    pub fn not_found(message: impl Into<String>, hint: impl Into<Option<String>>) -> Self {
        CliError::NotFound {
            message: message.into(),
            hint: hint.into(),
        }
    }
    pub fn config(message: impl Into<String>, hint: impl Into<Option<String>>) -> Self {
        CliError::Config {
            message: message.into(),
            hint: hint.into(),
        }
    }
    pub fn wait(message: impl Into<String>, hint: impl Into<Option<String>>) -> Self {
        CliError::Wait {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl Diagnose for CliError {
    fn exit(&self) -> Exit {
        match self {
            CliError::Usage { .. } => Exit::Usage,
            CliError::NotFound { .. } => Exit::NotFound,
            CliError::Config { .. } => Exit::Auth,
            CliError::Wait { .. } => Exit::Wait,
            CliError::Partial { exit, .. } => *exit,
            CliError::Interrupted => Exit::Interrupted,
            CliError::Quiet(exit) => *exit,
            CliError::StalePlan { .. } => Exit::StalePlan,
        }
    }
    fn hint(&self) -> Option<String> {
        match self {
            CliError::Usage { hint, .. }
            | CliError::NotFound { hint, .. }
            | CliError::Config { hint, .. }
            | CliError::Wait { hint, .. }
            | CliError::StalePlan { hint, .. } => hint.clone(),
            CliError::Partial { .. } | CliError::Interrupted | CliError::Quiet(_) => None,
        }
    }
}
