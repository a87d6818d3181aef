//! What the BGP domain refuses before sending (invalid input) and what a wait ends with.

use crate::exit::{Diagnose, Exit};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Invalid input; nothing was sent. Exit 2.
    #[error("{message}")]
    Usage {
        message: String,
        hint: Option<String>,
    },
    /// A wait timed out or the resource reached a failure state. Exit 8.
    #[error("{message}")]
    Wait {
        message: String,
        hint: Option<String>,
    },
}

impl Error {
    pub fn usage(message: impl Into<String>, hint: impl Into<Option<String>>) -> Self {
        Error::Usage {
            message: message.into(),
            hint: hint.into(),
        }
    }
    pub fn wait(message: impl Into<String>, hint: impl Into<Option<String>>) -> Self {
        Error::Wait {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl Diagnose for Error {
    fn exit(&self) -> Exit {
        match self {
            Error::Usage { .. } => Exit::Usage,
            Error::Wait { .. } => Exit::Wait,
        }
    }
    fn hint(&self) -> Option<String> {
        match self {
            Error::Usage { hint, .. } | Error::Wait { hint, .. } => hint.clone(),
        }
    }
}
