//! How an error is printed, and with which exit code. Decided here and nowhere else.
//!
//! Modules below the commands return typed errors (`thiserror`) that implement
//! [`Diagnose`](crate::exit::Diagnose); commands add context with `anyhow`. [`build_report`] walks
//! the chain, finds the first typed error, and turns it into an exit code and a human or JSON
//! message on stderr.

use std::fmt::Write as _;

use crate::exit::{Diagnose, Exit};
use crate::output::{ErrorFormat, OutputFormat};

use super::CliError;

/// Finds the first error in the chain that knows how to diagnose itself.
///
/// Every typed error of the crate must be listed here; that is the one place the mapping lives.
fn diagnose(err: &anyhow::Error) -> Option<&dyn Diagnose> {
    err.chain().find_map(typed)
}

/// The cause as a `Diagnose`, when it is one of the crate's typed errors.
fn typed<'e>(cause: &'e (dyn std::error::Error + 'static)) -> Option<&'e dyn Diagnose> {
    macro_rules! first_of {
        ($($t:ty),* $(,)?) => {
            $( if let Some(e) = cause.downcast_ref::<$t>() {
                return Some(e);
            } )*
        };
    }
    first_of!(
        CliError,
        crate::client::ClientError,
        crate::config::ConfigError,
        crate::config::profile::ProfileError,
        crate::credentials::CredentialsError,
        crate::api::Error,
        crate::api::pagination::CountMismatch,
        crate::output::OutputError,
        crate::emulator::StartError,
        crate::declarative::FileError,
    );
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
    error_format: Option<ErrorFormat>,
    output: OutputFormat,
    stderr_is_terminal: bool,
) -> bool {
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
        use crate::output::{ErrorFormat, OutputFormat};
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
        let layers: [(anyhow::Error, Exit); 5] = [
            (crate::api::Error::usage("x", None).into(), Exit::Usage),
            (crate::api::Error::wait("x", None).into(), Exit::Wait),
            (
                crate::output::OutputError::usage("x", None).into(),
                Exit::Usage,
            ),
            (
                crate::emulator::StartError::new("x", None).into(),
                Exit::Auth,
            ),
            (
                crate::config::ConfigError::invalid("x", None).into(),
                Exit::Auth,
            ),
        ];
        for (e, want) in layers {
            assert_eq!(build_report(&e).exit, want, "{e}");
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

    fn api(status: u16, code: &str) -> crate::client::ApiError {
        crate::client::ApiError::sample(status, code)
    }

    #[test]
    fn reports_carry_code_request_id_and_status_through_context() {
        let err = anyhow::Error::new(crate::client::ClientError::Api(Box::new(api(
            400,
            "QuotaExceeded.Bgp",
        ))))
        .context("creating the BGP group");
        let r = build_report(&err);
        assert_eq!(r.exit, Exit::Rejected);
        assert_eq!(r.kind, "api");
        assert_eq!(r.code.as_deref(), Some("QuotaExceeded.Bgp"));
        assert_eq!(r.request_id.as_deref(), Some("REQ-1"));
        assert_eq!(r.http_status, Some(400));
        let human = render_human(&r);
        assert!(
            human.starts_with("error: creating the BGP group\n"),
            "{human}"
        );
        assert!(
            human.contains("caused by: QuotaExceeded.Bgp: some message"),
            "{human}"
        );
        assert!(human.contains("request id: REQ-1"), "{human}");
        assert!(human.contains("hint: "), "{human}");
        assert!(!human.contains("see: "), "no Recommend, no line: {human}");
        let mut with_url = api(400, "QuotaExceeded.Bgp");
        with_url.recommend = Some("https://api.aliyun.com/troubleshoot?q=QuotaExceeded.Bgp".into());
        let r = build_report(&anyhow::Error::new(crate::client::ClientError::Api(
            Box::new(with_url),
        )));
        assert!(render_human(&r)
            .ends_with("see: https://api.aliyun.com/troubleshoot?q=QuotaExceeded.Bgp\n"));
        let json: serde_json::Value = serde_json::from_str(&render_json(&r)).unwrap();
        assert_eq!(
            json["error"].as_object().unwrap().len(),
            6,
            "recommend is not a JSON field"
        );
        let json: serde_json::Value = serde_json::from_str(&render_json(&r)).unwrap();
        assert_eq!(json["error"]["code"], "QuotaExceeded.Bgp");
        assert_eq!(json["error"]["request_id"], "REQ-1");
        assert_eq!(json["error"]["http_status"], 400);
        assert_eq!(json["error"]["kind"], "api");
    }
}
