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
    /// The `kind` of JSON errors when it is finer than the exit code's (e.g. `undecodable`
    /// and `transport` both exit 7).
    fn kind(&self) -> Option<&'static str> {
        None
    }
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
    /// Where the API says to read more (its `Recommend` URL).
    fn recommend(&self) -> Option<&str> {
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
        if let Some(e) = cause.downcast_ref::<crate::api::pagination::CountMismatch>() {
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
    /// The API's `Recommend` URL; shown to people, not part of the JSON contract.
    #[serde(skip)]
    pub recommend: Option<String>,
}

pub fn build_report(err: &anyhow::Error) -> ErrorReport {
    let typed = diagnose(err);
    let exit = typed.map(|d| d.exit()).unwrap_or(Exit::Bug);
    let mut chain = err.chain().map(|c| c.to_string());
    let message = chain.next().unwrap_or_default();
    ErrorReport {
        exit,
        kind: typed.and_then(|d| d.kind()).unwrap_or(exit.kind()),
        code: typed.and_then(|d| d.code().map(str::to_string)),
        message,
        request_id: typed.and_then(|d| d.request_id().map(str::to_string)),
        http_status: typed.and_then(|d| d.http_status()),
        hint: typed.and_then(|d| d.hint()),
        causes: chain.collect(),
        recommend: typed.and_then(|d| d.recommend().map(str::to_string)),
    }
}

/// Renders a report for people: `error: ...`, `caused by: ...`, `request id: ...`, `hint: ...`.
pub fn render_human(r: &ErrorReport) -> String {
    // A server message may span lines (SignatureDoesNotMatch quotes its string to sign):
    // indent the continuation so every line still says what it belongs to.
    let indented = |text: &str| text.trim_end().replace('\n', "\n    ");
    let mut out = String::new();
    let _ = writeln!(out, "error: {}", indented(&r.message));
    for cause in &r.causes {
        // anyhow repeats the typed source's text when context wraps it; skip exact repeats.
        if cause != &r.message {
            let _ = writeln!(out, "caused by: {}", indented(cause));
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
    if let Some(url) = &r.recommend {
        let _ = writeln!(out, "see: {url}");
    }
    if r.exit == Exit::Bug {
        let _ = writeln!(
            out,
            "hint: this is a bug in bgpeer; please report it with the command you ran (add --debug for details)"
        );
    }
    out
}

/// Whether the error goes to stderr as JSON: `--error-format` decides when given; otherwise JSON
/// when the output format is json/ndjson and stderr is not a terminal (a program is reading it).
pub fn wants_json(
    error_format: Option<crate::cli::ErrorFormat>,
    output: crate::cli::OutputFormat,
    stderr_is_terminal: bool,
) -> bool {
    use crate::cli::{ErrorFormat, OutputFormat};
    match error_format {
        Some(ErrorFormat::Json) => true,
        Some(ErrorFormat::Text) => false,
        None => matches!(output, OutputFormat::Json | OutputFormat::Ndjson) && !stderr_is_terminal,
    }
}

/// Renders a report as one JSON object: `{"error":{...}}`. There is no room for `caused by`
/// lines, so `message` is the whole chain joined with `: `.
pub fn render_json(r: &ErrorReport) -> String {
    let mut flat = r.clone();
    flat.message = chain_message(r);
    serde_json::json!({ "error": flat }).to_string()
}

/// `message: cause: cause`, skipping causes that repeat what is already said.
fn chain_message(r: &ErrorReport) -> String {
    let mut out = r.message.clone();
    for cause in &r.causes {
        if !out.contains(cause.as_str()) {
            out.push_str(": ");
            out.push_str(cause);
        }
    }
    out
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
    fn json_errors_are_chosen_by_flag_or_by_json_output_to_a_non_terminal() {
        use crate::cli::{ErrorFormat, OutputFormat};
        assert!(wants_json(
            Some(ErrorFormat::Json),
            OutputFormat::Table,
            true
        ));
        assert!(!wants_json(
            Some(ErrorFormat::Text),
            OutputFormat::Json,
            false
        ));
        assert!(wants_json(None, OutputFormat::Json, false));
        assert!(wants_json(None, OutputFormat::Ndjson, false));
        assert!(!wants_json(None, OutputFormat::Json, true));
        for o in [
            OutputFormat::Table,
            OutputFormat::Tsv,
            OutputFormat::Value,
            OutputFormat::None,
        ] {
            assert!(!wants_json(None, o, false), "{o:?}");
        }
    }

    #[test]
    fn broken_pipes_are_found_anywhere_in_the_chain() {
        let pipe = std::io::Error::new(std::io::ErrorKind::BrokenPipe, "closed");
        let err = anyhow::Error::new(pipe).context("writing the table");
        assert!(is_broken_pipe(&err));
        let other = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        assert!(!is_broken_pipe(&anyhow::Error::new(other)));
    }

    #[test]
    fn human_reports_name_the_cause_request_id_and_hint_once() {
        let r = ErrorReport {
            exit: Exit::Rejected,
            kind: "api",
            code: Some("QuotaExceeded.Bgp".into()),
            message: "creating the peer".into(),
            request_id: Some("RID-1".into()),
            http_status: Some(400),
            hint: Some("delete one first".into()),
            causes: vec![
                "creating the peer".into(),
                "QuotaExceeded.Bgp: bgp peer count per vbr quota exceed.".into(),
            ],
            recommend: None,
        };
        assert_eq!(
            render_human(&r),
            "error: creating the peer\ncaused by: QuotaExceeded.Bgp: bgp peer count per vbr quota exceed.\nrequest id: RID-1\nhint: delete one first\n"
        );
        let multi = ErrorReport {
            causes: vec![
                "SignatureDoesNotMatch: server StringToSign is [ACS3-HMAC-SHA256\nabc]".into(),
            ],
            ..r.clone()
        };
        assert!(render_human(&multi).contains(
            "caused by: SignatureDoesNotMatch: server StringToSign is [ACS3-HMAC-SHA256\n    abc]\n"
        ));
        let bug = build_report(&anyhow::anyhow!("index out of range"));
        let text = render_human(&bug);
        assert!(text.contains("this is a bug in bgpeer"), "{text}");
        assert_eq!(bug.kind, "internal");
    }

    #[test]
    fn every_typed_error_of_the_crate_is_diagnosed() {
        let client = anyhow::Error::new(crate::client::ClientError::Transport {
            endpoint: "http://127.0.0.1:1/".into(),
            attempts: 1,
            message: "connection failed".into(),
        });
        assert_eq!(build_report(&client).exit, Exit::Network);
        for (e, want) in [
            (CliError::usage("x", None), Exit::Usage),
            (CliError::not_found("x", None), Exit::NotFound),
            (CliError::config("x", None), Exit::Auth),
            (CliError::wait("x", None), Exit::Wait),
            (CliError::Interrupted, Exit::Interrupted),
            (
                CliError::Partial {
                    failed: 1,
                    total: 3,
                    exit: Exit::Rejected,
                },
                Exit::Rejected,
            ),
        ] {
            assert_eq!(build_report(&anyhow::Error::new(e)).exit, want);
        }
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

    #[test]
    fn json_messages_carry_the_whole_chain() {
        let e = anyhow::Error::new(CliError::usage("bad --peer-asn", None))
            .context("creating the peer")
            .context("creating the peer");
        let v: serde_json::Value = serde_json::from_str(&render_json(&build_report(&e))).unwrap();
        assert_eq!(v["error"]["message"], "creating the peer: bad --peer-asn");
    }
}
