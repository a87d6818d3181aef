//! What output can refuse: a `--fields` name the data does not have, a view the format can't show.

use crate::exit::{Diagnose, Exit};

/// An output request that can't be honoured; nothing was printed. Exit 2.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct OutputError {
    pub message: String,
    pub hint: Option<String>,
}

impl OutputError {
    pub fn usage(message: impl Into<String>, hint: impl Into<Option<String>>) -> Self {
        OutputError {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl Diagnose for OutputError {
    fn exit(&self) -> Exit {
        Exit::Usage
    }
    fn hint(&self) -> Option<String> {
        self.hint.clone()
    }
}
