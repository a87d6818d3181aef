//! Error kinds, exit codes, and how an error is printed. Decided here and nowhere else.
//!
//! Modules below the commands return typed errors (`thiserror`) that implement [`Diagnose`];
//! commands add context with `anyhow`. [`report`] walks the chain, finds the first typed error,
//! and turns it into an exit code and a human or JSON message on stderr.

use std::fmt::Write as _;
use std::process::ExitCode;

/// The documented, stable exit codes (README "Exit codes").
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Exit {
    Success,
    /// 1: unexpected failure (a bug).
    Bug,
    /// 2: usage error or invalid input; nothing was sent.
    Usage,
    /// 3: the named resource does not exist.
    NotFound,
    /// 4: credentials, authentication, authorisation or configuration problem.
    Auth,
    /// 5: the API rejected the request (quota, state, conflict, other 4xx).
    Rejected,
    /// 6: still throttled after all retries.
    Throttled,
    /// 7: network failure or server error after all retries.
    Network,
    /// 8: a wait timed out or the resource reached a failure state.
    Wait,
    /// 130: interrupted (Ctrl-C).
    Interrupted,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Bug => 1,
            Exit::Usage => 2,
            Exit::NotFound => 3,
            Exit::Auth => 4,
            Exit::Rejected => 5,
            Exit::Throttled => 6,
            Exit::Network => 7,
            Exit::Wait => 8,
            Exit::Interrupted => 130,
        }
    }

    /// The `kind` field of JSON errors.
    pub fn kind(self) -> &'static str {
        match self {
            Exit::Success => "success",
            Exit::Bug => "internal",
            Exit::Usage => "usage",
            Exit::NotFound => "not_found",
            Exit::Auth => "auth",
            Exit::Rejected => "api",
            Exit::Throttled => "throttled",
            Exit::Network => "network",
            Exit::Wait => "wait",
            Exit::Interrupted => "interrupted",
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(e.code())
    }
}

/// What a typed error tells the reporter about itself.
pub trait Diagnose: std::error::Error {
    fn exit(&self) -> Exit;
    /// The API's error `Code`, when there is one.
    fn code(&self) -> Option<&str> {
        None
    }
    fn request_id(&self) -> Option<&str> {
        None
    }
    fn http_status(&self) -> Option<u16> {
        None
    }
    /// What to do about it, in plain words.
    fn hint(&self) -> Option<String> {
        None
    }
}

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
        }
    }
    fn hint(&self) -> Option<String> {
        match self {
            CliError::Usage { hint, .. }
            | CliError::NotFound { hint, .. }
            | CliError::Config { hint, .. }
            | CliError::Wait { hint, .. } => hint.clone(),
            CliError::Partial { .. } | CliError::Interrupted => None,
        }
    }
}

/// Finds the first error in the chain that knows how to diagnose itself.
///
/// Every typed error of the crate must be listed here; that is the one place the mapping lives.
fn diagnose(err: &anyhow::Error) -> Option<&dyn Diagnose> {
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<CliError>() {
            return Some(e);
        }
        if let Some(e) = cause.downcast_ref::<crate::client::ClientError>() {
            return Some(e);
        }
        if let Some(e) = cause.downcast_ref::<crate::config::ConfigError>() {
            return Some(e);
        }
        if let Some(e) = cause.downcast_ref::<crate::credentials::CredentialsError>() {
            return Some(e);
        }
    }
    None
}

/// Is this error a closed stdout (`bgpeer ... | head -1`)? Then we exit quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The structured form of an error, as printed with `--error-format json`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ErrorReport {
    #[serde(skip)]
    pub exit: Exit,
    pub kind: &'static str,
    pub code: Option<String>,
    pub message: String,
    pub request_id: Option<String>,
    pub http_status: Option<u16>,
    pub hint: Option<String>,
    #[serde(skip)]
    pub causes: Vec<String>,
}

pub fn build_report(err: &anyhow::Error) -> ErrorReport {
    let typed = diagnose(err);
    let exit = typed.map(|d| d.exit()).unwrap_or(Exit::Bug);
    let mut chain = err.chain().map(|c| c.to_string());
    let message = chain.next().unwrap_or_default();
    ErrorReport {
        exit,
        kind: exit.kind(),
        code: typed.and_then(|d| d.code().map(str::to_string)),
        message,
        request_id: typed.and_then(|d| d.request_id().map(str::to_string)),
        http_status: typed.and_then(|d| d.http_status()),
        hint: typed.and_then(|d| d.hint()),
        causes: chain.collect(),
    }
}

/// Renders a report for people: `error: ...`, `caused by: ...`, `request id: ...`, `hint: ...`.
pub fn render_human(r: &ErrorReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "error: {}", r.message);
    for cause in &r.causes {
        // anyhow repeats the typed source's text when context wraps it; skip exact repeats.
        if cause != &r.message {
            let _ = writeln!(out, "caused by: {cause}");
        }
    }
    if let Some(code) = &r.code {
        if !r.message.contains(code.as_str()) && !r.causes.iter().any(|c| c.contains(code.as_str()))
        {
            let _ = writeln!(out, "code: {code}");
        }
    }
    if let Some(id) = &r.request_id {
        let _ = writeln!(out, "request id: {id}");
    }
    if let Some(hint) = &r.hint {
        let _ = writeln!(out, "hint: {hint}");
    }
    if r.exit == Exit::Bug {
        let _ = writeln!(
            out,
            "hint: this is a bug in bgpeer; please report it with the command you ran (add --debug for details)"
        );
    }
    out
}

/// Renders a report as one JSON object: `{"error":{...}}`.
pub fn render_json(r: &ErrorReport) -> String {
    serde_json::json!({ "error": r }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_stable() {
        let table = [
            (Exit::Success, 0),
            (Exit::Bug, 1),
            (Exit::Usage, 2),
            (Exit::NotFound, 3),
            (Exit::Auth, 4),
            (Exit::Rejected, 5),
            (Exit::Throttled, 6),
            (Exit::Network, 7),
            (Exit::Wait, 8),
            (Exit::Interrupted, 130),
        ];
        for (exit, code) in table {
            assert_eq!(exit.code(), code, "{exit:?}");
        }
    }

    #[test]
    fn untyped_errors_are_bugs_and_typed_ones_keep_their_code() {
        let bug = anyhow::anyhow!("something odd");
        assert_eq!(build_report(&bug).exit, Exit::Bug);
        let usage = anyhow::Error::new(CliError::usage("bad --peer-asn", None))
            .context("creating the peer");
        let r = build_report(&usage);
        assert_eq!(r.exit, Exit::Usage);
        assert_eq!(r.message, "creating the peer");
        assert_eq!(r.causes, vec!["bad --peer-asn".to_string()]);
    }

    #[test]
    fn json_errors_have_the_documented_fields() {
        let e = anyhow::Error::new(CliError::not_found(
            "no peer bgp-x",
            Some("list peers".into()),
        ));
        let v: serde_json::Value = serde_json::from_str(&render_json(&build_report(&e))).unwrap();
        let obj = v["error"].as_object().unwrap();
        for key in [
            "kind",
            "code",
            "message",
            "request_id",
            "http_status",
            "hint",
        ] {
            assert!(obj.contains_key(key), "missing {key}");
        }
        assert_eq!(obj["kind"], "not_found");
    }
}
