//! What is wrong with a declarative file: each problem with its line, column, key path and fix.

use crate::exit::{Diagnose, Exit};

/// A place in the file: 1-based line and column (0 when unknown) and the key path
/// (`vbrs[0].groups[1].peer_asn`).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct At {
    pub line: u64,
    pub column: u64,
    pub path: String,
}

impl At {
    pub fn start() -> At {
        At {
            line: 1,
            column: 1,
            path: String::new(),
        }
    }
}

/// One problem of the file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub at: At,
    pub message: String,
    pub fix: String,
}

impl Problem {
    pub fn new(at: At, message: String, fix: impl Into<String>) -> Problem {
        Problem {
            at,
            message,
            fix: fix.into(),
        }
    }

    /// `bgp.yaml:6:19: vbrs[0].groups[0].peer_asn: invalid u64`
    pub fn line(&self, file: &str) -> String {
        let mut s = file.to_string();
        if self.at.line > 0 {
            s.push_str(&format!(":{}:{}", self.at.line, self.at.column));
        }
        s.push_str(": ");
        if !self.at.path.is_empty() {
            s.push_str(&self.at.path);
            s.push_str(": ");
        }
        s.push_str(&self.message);
        s
    }
}

/// The file's problems (at least one); exit 2, nothing was sent.
#[derive(Debug, Clone)]
pub struct FileError {
    pub file: String,
    pub problems: Vec<Problem>,
    /// The exit code: 2, or 3 when a pinned ID names nothing live.
    pub exit: Exit,
}

impl FileError {
    pub fn new(file: &str, problems: Vec<Problem>) -> FileError {
        FileError {
            file: file.to_string(),
            problems,
            exit: Exit::Usage,
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.problems.as_slice() {
            [one] => write!(f, "{}", one.line(&self.file)),
            many => {
                write!(f, "{} has {} problems:", self.file, many.len())?;
                for p in many {
                    write!(f, "\n  {}\n    fix: {}", p.line(&self.file), p.fix)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for FileError {}

impl Diagnose for FileError {
    fn exit(&self) -> Exit {
        self.exit
    }
    fn kind(&self) -> Option<&'static str> {
        Some("file")
    }
    fn hint(&self) -> Option<String> {
        match self.problems.as_slice() {
            [one] => Some(one.fix.clone()),
            _ => Some("nothing was sent; fix the file and run the command again".into()),
        }
    }
}
