//! The one place that signs and sends: endpoints, retries, idempotency tokens, `ApiError`.
//!
//! One attempt of a call is three steps: [`request::sign`] builds the signed request,
//! [`Client::send`] sends it through the one HTTP builder ([`http`]), and [`answer::classify`]
//! turns what came back into a success, an API error or an undecodable answer. The retry loop in
//! [`Client::call_as`] follows the one policy in [`retry`].

mod answer;
mod credentials;
mod debug_log;
pub mod endpoint;
mod error;
pub mod explain;
pub mod http;
mod request;
pub mod retry;

use std::time::{Duration, Instant};

use serde_json::Value;

pub use credentials::Credentials;
pub use debug_log::DebugLog;
pub use endpoint::Endpoint;
pub use error::{ApiError, ClientError, UNTRUSTED_CERTIFICATE_HINT};
pub use http::USER_AGENT;
pub use retry::{backoff_delay, RetryPolicy};

use crate::clock::Clock;
use crate::signing::{self, SignatureVersion};
use answer::{AttemptFailure, RawAnswer};
use request::SignedRequest;

pub use crate::protocol::VPC_VERSION;

#[derive(Debug, Clone)]
pub struct Timeouts {
    pub connect: Duration,
    /// One HTTP attempt.
    pub request: Duration,
    /// All attempts of all calls of one command.
    pub deadline: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(5),
            request: Duration::from_secs(30),
            deadline: Duration::from_secs(300),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ClientConfig {
    pub endpoint: Endpoint,
    /// API version sent with every call (`2016-04-28` for VPC, `2015-04-01` for STS).
    pub version: String,
    pub signature_version: SignatureVersion,
    /// What every call is signed with; `None` sends calls unsigned (no AccessKeyId, signature or
    /// nonce), for STS `AssumeRoleWithOIDC`, whose OIDC token is the credential.
    pub credentials: Option<Credentials>,
    pub timeouts: Timeouts,
    pub retry: RetryPolicy,
    /// Where every attempt is logged (`--debug`), secrets masked.
    pub debug: DebugLog,
    /// The time requests are signed with.
    pub clock: Clock,
    /// The CA certificates trusted besides the built-in roots.
    pub trust: http::Trust,
}

/// Per-call options.
#[derive(Debug, Clone, Default)]
pub struct CallOptions {
    /// The idempotency token of this logical operation; generated when absent for mutating actions.
    pub client_token: Option<String>,
}

/// Mutating actions carry a `ClientToken` that is reused on every retry.
pub fn is_mutating(action: &str) -> bool {
    ["Create", "Modify", "Delete", "Add"]
        .iter()
        .any(|p| action.starts_with(p))
}

pub fn new_client_token() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The longest ClientToken the API accepts.
pub const MAX_CLIENT_TOKEN_LEN: usize = 64;

/// The token of one step of a larger operation (`<base>-<suffix>`), deterministic so that re-running
/// the operation with the same base token repeats no step; hashed when it would exceed 64 characters.
pub fn derive_client_token(base: &str, suffix: &str) -> String {
    use sha2::Digest;
    let token = format!("{base}-{suffix}");
    if token.len() <= MAX_CLIENT_TOKEN_LEN && token.is_ascii() {
        token
    } else {
        hex::encode(sha2::Sha256::digest(token.as_bytes()))
    }
}

/// The largest answer read: a page of the API is far smaller (a hundred peers are about 100 KiB).
/// A larger body is not read to the end, and the call fails as an undecodable answer (exit 7).
pub const MAX_ANSWER_BYTES: usize = 32 << 20;

fn new_nonce() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// How sending one attempt failed (no classified answer to show for it).
#[derive(Debug)]
enum SendFailure {
    /// No answer: connection, TLS, timeout.
    NoAnswer(String),
    /// The answer's head came, its body broke off.
    BodyBroke { status: u16, message: String },
    /// The answer's body is larger than [`MAX_ANSWER_BYTES`]: not read to the end.
    TooLarge {
        status: u16,
        failure: AttemptFailure,
    },
}

impl SendFailure {
    /// The outcome part of the `--debug` line of the attempt.
    fn log_outcome(&self) -> String {
        match self {
            SendFailure::NoAnswer(message) => format!("status=- error={message}"),
            SendFailure::BodyBroke { status, message } => {
                format!("status={status} error=reading the body: {message}")
            }
            SendFailure::TooLarge { status, .. } => format!(
                "status={status} error=the body is larger than {}",
                http::size_text(MAX_ANSWER_BYTES)
            ),
        }
    }

    fn into_attempt_failure(self) -> AttemptFailure {
        match self {
            SendFailure::NoAnswer(message) => AttemptFailure::Transport(message),
            SendFailure::BodyBroke { message, .. } => {
                AttemptFailure::Transport(format!("reading the response body: {message}"))
            }
            SendFailure::TooLarge { failure, .. } => failure,
        }
    }
}

pub struct Client {
    http: reqwest::Client,
    config: ClientConfig,
    /// The overall deadline runs from here: all attempts of all calls of one command.
    started: Instant,
}

impl Client {
    pub fn new(config: ClientConfig) -> Result<Client, ClientError> {
        let http = http::build(&http::HttpOptions {
            connect_timeout: config.timeouts.connect,
            timeout: config.timeouts.request,
            https_only: config.endpoint.scheme == "https",
            // A loopback IP (the embedded emulator, a local test server) is never sent through a
            // proxy; names, `localhost` included, follow NO_PROXY.
            proxy: if config.endpoint.is_loopback_ip() {
                http::Proxy::Never
            } else {
                http::Proxy::FromEnvironment
            },
            trust: config.trust.clone(),
        })
        .map_err(|e| ClientError::Config {
            message: format!("cannot build the HTTP client: {e}"),
            hint: None,
        })?;
        Ok(Client {
            http,
            config,
            started: Instant::now(),
        })
    }

    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// The same client (its connections too) with the overall deadline starting now: each poll of
    /// a long watch gets the whole `--deadline`.
    pub fn restarted(&self) -> Client {
        Client {
            http: self.http.clone(),
            config: self.config.clone(),
            started: Instant::now(),
        }
    }

    /// Calls `action` with `params` (API parameters, `RegionId` included where the action needs it).
    ///
    /// Mutating actions get one `ClientToken` (given in `opts`, or generated here) that every retry
    /// of this call reuses; each attempt is signed afresh (new nonce and date).
    pub async fn call(
        &self,
        action: &str,
        params: &[(String, String)],
        opts: &CallOptions,
    ) -> Result<Value, ClientError> {
        self.call_as(action, params, opts).await
    }

    /// [`Client::call`], with a successful answer deserialised straight into `T` (a typed
    /// answer skips building a `Value`; `serde::de::IgnoredAny` fields skip even that). An answer
    /// that does not fit `T` is an undecodable answer, like one that is not JSON.
    pub async fn call_as<T: serde::de::DeserializeOwned>(
        &self,
        action: &str,
        params: &[(String, String)],
        opts: &CallOptions,
    ) -> Result<T, ClientError> {
        let mut params: Vec<(String, String)> = params.to_vec();
        if is_mutating(action) && !params.iter().any(|(k, _)| k == "ClientToken") {
            let token = opts.client_token.clone().unwrap_or_else(new_client_token);
            params.push(("ClientToken".into(), token));
        }
        let max = self.config.retry.max_attempts.max(1);
        // A deadline too far away to represent is no deadline (and must not overflow).
        let deadline_at = self
            .started
            .checked_add(self.config.timeouts.deadline)
            .unwrap_or_else(|| self.started + Duration::from_secs(100 * 365 * 24 * 3600));
        let mut last_failure: Option<String> = None;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let remaining = deadline_at.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return Err(self.deadline_error(attempt - 1, last_failure));
            }
            let outcome = match tokio::time::timeout(
                remaining,
                self.attempt::<T>(action, &params, attempt, max),
            )
            .await
            {
                Ok(outcome) => outcome,
                Err(_) => {
                    self.log(&format!(
                        "attempt {attempt}/{max} {action}: cancelled by the overall deadline"
                    ));
                    return Err(self.deadline_error(attempt, last_failure));
                }
            };
            let failure = match outcome {
                Ok(value) => return Ok(value),
                Err(failure) => failure,
            };
            if !failure.is_retryable() || attempt >= max {
                return Err(failure.into_client_error(attempt, &self.config.endpoint));
            }
            let planned = self.config.retry.delay(attempt, failure.retry_after_ms());
            self.log(&format!(
                "attempt {attempt}/{max} {action} failed ({}); retrying after {}ms{}",
                failure.summary(),
                planned.as_millis(),
                failure
                    .retry_after_ms()
                    .map(|ms| format!(", server asked for x-acs-retry-after={ms}ms"))
                    .unwrap_or_default(),
            ));
            last_failure = Some(failure.summary());
            if !planned.is_zero() {
                let remaining = deadline_at.saturating_duration_since(Instant::now());
                if planned >= remaining {
                    // The next attempt could not start in time: say so now rather than wait.
                    return Err(self.deadline_error(attempt, last_failure));
                }
                tokio::time::sleep(planned).await;
            }
        }
    }

    fn deadline_error(&self, attempts: u32, last: Option<String>) -> ClientError {
        ClientError::Deadline {
            secs: self.config.timeouts.deadline.as_secs_f64(),
            attempts,
            last,
        }
    }

    /// One attempt: sign, send, classify; with `--debug`, one line about it.
    async fn attempt<T: serde::de::DeserializeOwned>(
        &self,
        action: &str,
        params: &[(String, String)],
        attempt: u32,
        max: u32,
    ) -> Result<T, AttemptFailure> {
        let call = request::Call {
            endpoint: &self.config.endpoint,
            action,
            version: &self.config.version,
            signature_version: self.config.signature_version,
            params,
        };
        let timestamp = signing::format_timestamp(self.config.clock.now());
        let mut signed = match &self.config.credentials {
            Some(credentials) => {
                request::sign(&call, &credentials.signing_key(), &timestamp, &new_nonce())
            }
            None => request::unsigned(&call, &timestamp),
        };
        let started = Instant::now();
        let body = std::mem::take(&mut signed.body);
        let answer = match self.send(&signed, body).await {
            Ok(answer) => answer,
            Err(failure) => {
                self.log_attempt(
                    &signed,
                    action,
                    attempt,
                    max,
                    &failure.log_outcome(),
                    started,
                );
                return Err(failure.into_attempt_failure());
            }
        };
        let status = answer.status;
        let classified = answer::classify::<T>(answer, &signed.string_to_sign);
        self.log_attempt(
            &signed,
            action,
            attempt,
            max,
            &format!(
                "status={status} request_id={}",
                classified.request_id.as_deref().unwrap_or("-")
            ),
            started,
        );
        classified.outcome
    }

    /// Sends `signed` (its body given apart, moved) and reads the whole answer.
    async fn send(&self, signed: &SignedRequest, body: Vec<u8>) -> Result<RawAnswer, SendFailure> {
        let mut request = self
            .http
            .post(&signed.url)
            .header("accept", "application/json");
        for (name, value) in &signed.headers {
            request = request.header(name, value);
        }
        let response = request
            .body(body)
            .send()
            .await
            .map_err(|e| SendFailure::NoAnswer(describe_reqwest_error(&e)))?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.trim().to_string())
        };
        let retry_after_ms = header("x-acs-retry-after").and_then(|v| v.parse::<u64>().ok());
        let content_type = header("content-type").unwrap_or_default();
        let header_request_id = header("x-acs-request-id");
        let body = match http::read_body(response, MAX_ANSWER_BYTES).await {
            Ok(body) => body,
            Err(http::BodyError::Broke(e)) => {
                return Err(SendFailure::BodyBroke {
                    status,
                    message: describe_reqwest_error(&e),
                })
            }
            Err(http::BodyError::TooLarge { limit, start }) => {
                return Err(SendFailure::TooLarge {
                    status,
                    failure: AttemptFailure::Undecodable {
                        http_status: status,
                        content_type,
                        excerpt: answer::too_large_excerpt(&start, limit),
                        request_id: header_request_id,
                        retry_after_ms,
                    },
                })
            }
        };
        Ok(RawAnswer {
            status,
            retry_after_ms,
            content_type,
            header_request_id,
            body,
        })
    }

    /// The `--debug` line of one attempt (the parameters wherever they travelled, secrets masked).
    fn log_attempt(
        &self,
        signed: &SignedRequest,
        action: &str,
        attempt: u32,
        max: u32,
        outcome: &str,
        started: Instant,
    ) {
        if self.config.debug.is_on() {
            self.config.debug.line(&format!(
                "attempt {attempt}/{max} POST {}{} action={action} {outcome} elapsed={}ms",
                request::redacted_url(&self.config.endpoint, &signed.params),
                if signed.in_body {
                    " (parameters in a form body)"
                } else {
                    ""
                },
                started.elapsed().as_millis(),
            ));
        }
    }

    fn log(&self, line: &str) {
        self.config.debug.line(line);
    }
}

/// `timed out` / `connection failed` / `request failed`, then the causes that say something
/// (hyper's generic `client error (Connect)` wrappers are left out). Never the URL: it carries
/// the query, and V2 puts the signature there.
fn describe_reqwest_error(e: &reqwest::Error) -> String {
    // A connect timeout can come from reqwest's own timer or hyper's `tcp connect` (both run on
    // the same --connect-timeout); either way it is the connection that timed out.
    let kind = if e.is_timeout() && e.is_connect() {
        "connect timed out"
    } else if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "connection failed"
    } else if e.is_body() || e.is_decode() {
        "the answer broke off"
    } else {
        "request failed"
    };
    let mut causes: Vec<String> = Vec::new();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let text = s.to_string();
        if !text.starts_with("client error (") && !causes.iter().any(|c| c.contains(&text)) {
            causes.push(text);
        }
        source = s.source();
    }
    std::iter::once(kind.to_string())
        .chain(causes)
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutating_actions_are_recognised_by_prefix() {
        for a in [
            "CreateBgpPeer",
            "ModifyBgpGroupAttribute",
            "DeleteBgpNetwork",
            "AddBgpNetwork",
        ] {
            assert!(is_mutating(a), "{a}");
        }
        for a in ["DescribeBgpPeers", "DescribeRegions", "ListTagResources"] {
            assert!(!is_mutating(a), "{a}");
        }
        assert_ne!(new_client_token(), new_client_token());
    }

    #[test]
    fn derived_tokens_are_deterministic_and_never_too_long() {
        assert_eq!(derive_client_token("abc", "p0"), "abc-p0");
        let base = "t".repeat(64);
        let a = derive_client_token(&base, "p1");
        assert_eq!(a.len(), 64);
        assert!(a.is_ascii());
        assert_eq!(a, derive_client_token(&base, "p1"));
        assert_ne!(a, derive_client_token(&base, "p2"));
    }
}

/// The client against a tiny local HTTP server, with real sleeps between attempts.
#[cfg(test)]
mod retry_timing_tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// One canned answer: status, extra headers, JSON body.
    type Canned = (u16, Vec<(&'static str, String)>, String);

    /// Serves `answers` in order (one per connection), then stops; returns the endpoint.
    async fn serve(answers: Vec<Canned>) -> Endpoint {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            for (status, headers, body) in answers {
                let Ok((mut socket, _)) = listener.accept().await else {
                    return;
                };
                read_request(&mut socket).await;
                let mut head = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n",
                    body.len()
                );
                for (name, value) in headers {
                    head.push_str(&format!("{name}: {value}\r\n"));
                }
                head.push_str("\r\n");
                let _ = socket.write_all(head.as_bytes()).await;
                let _ = socket.write_all(body.as_bytes()).await;
                let _ = socket.shutdown().await;
            }
        });
        Endpoint {
            scheme: "http".into(),
            host: addr.to_string(),
        }
    }

    /// Reads one request: the head, then `content-length` bytes of body.
    async fn read_request(socket: &mut tokio::net::TcpStream) {
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        loop {
            let Ok(n) = socket.read(&mut chunk).await else {
                return;
            };
            if n == 0 {
                return;
            }
            buf.extend_from_slice(&chunk[..n]);
            let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
                continue;
            };
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            if buf.len() >= end + 4 + length {
                return;
            }
        }
    }

    fn unavailable(extra: Vec<(&'static str, String)>) -> Canned {
        (
            503,
            extra,
            r#"{"RequestId":"R-503","Code":"ServiceUnavailable","Message":"try again"}"#.into(),
        )
    }

    fn ok() -> Canned {
        (200, vec![], r#"{"RequestId":"R-OK"}"#.into())
    }

    fn client(endpoint: Endpoint, retry: RetryPolicy) -> Client {
        Client::new(ClientConfig {
            endpoint,
            version: VPC_VERSION.to_string(),
            signature_version: SignatureVersion::V3,
            credentials: Some(Credentials {
                access_key_id: "LTAI5tTestKey".into(),
                access_key_secret: crate::secret::Secret::new("secret"),
                security_token: None,
                expiration: None,
                source: "test".into(),
            }),
            timeouts: Timeouts::default(),
            retry,
            debug: DebugLog::off(),
            clock: Clock::system(),
            trust: http::Trust::default(),
        })
        .unwrap()
    }

    async fn timed_call(client: &Client) -> (Result<Value, ClientError>, Duration) {
        let started = Instant::now();
        let r = client
            .call("DescribeRegions", &[], &CallOptions::default())
            .await;
        (r, started.elapsed())
    }

    /// Machines are noisy: an upper bound this generous only catches a wrong formula.
    const SLACK: Duration = Duration::from_secs(3);

    #[tokio::test]
    async fn the_real_backoff_sleep_stays_within_the_formula_bounds() {
        // Two failures: the waits are at most base and 2 * base (full jitter), so at most 3 * base.
        let base = Duration::from_millis(150);
        let endpoint = serve(vec![unavailable(vec![]), unavailable(vec![]), ok()]).await;
        let retry = RetryPolicy {
            max_attempts: 3,
            base_delay: base,
            ..RetryPolicy::default()
        };
        let (r, elapsed) = timed_call(&client(endpoint, retry)).await;
        assert_eq!(r.unwrap()["RequestId"], "R-OK");
        assert!(
            elapsed <= base * 3 + SLACK,
            "{elapsed:?} is beyond the backoff cap"
        );
    }

    #[tokio::test]
    async fn the_server_retry_after_is_a_real_floor() {
        let endpoint = serve(vec![
            unavailable(vec![("x-acs-retry-after", "400".into())]),
            ok(),
        ])
        .await;
        let retry = RetryPolicy {
            base_delay: Duration::from_millis(50),
            ..RetryPolicy::default()
        };
        let (r, elapsed) = timed_call(&client(endpoint, retry)).await;
        assert_eq!(r.unwrap()["RequestId"], "R-OK");
        assert!(
            elapsed >= Duration::from_millis(400),
            "{elapsed:?}: retried before the server's x-acs-retry-after"
        );
        assert!(elapsed <= Duration::from_millis(400) + SLACK, "{elapsed:?}");
    }

    #[tokio::test]
    async fn a_zero_base_delay_retries_at_once() {
        let endpoint = serve(vec![
            unavailable(vec![]),
            unavailable(vec![]),
            unavailable(vec![]),
            unavailable(vec![]),
            ok(),
        ])
        .await;
        let retry = RetryPolicy {
            base_delay: Duration::ZERO,
            ..RetryPolicy::default()
        };
        let (r, elapsed) = timed_call(&client(endpoint, retry)).await;
        assert_eq!(r.unwrap()["RequestId"], "R-OK");
        // The default base would allow up to 0.2 + 0.4 + 0.8 + 1.6 s of waiting.
        assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    }

    #[tokio::test]
    async fn the_last_failure_is_reported_after_max_attempts() {
        let endpoint = serve(vec![unavailable(vec![]), unavailable(vec![])]).await;
        let retry = RetryPolicy {
            max_attempts: 2,
            base_delay: Duration::ZERO,
            ..RetryPolicy::default()
        };
        let (r, _) = timed_call(&client(endpoint, retry)).await;
        match r.unwrap_err() {
            ClientError::Api(e) => {
                assert_eq!(e.code, "ServiceUnavailable");
                assert_eq!(e.request_id.as_deref(), Some("R-503"));
            }
            other => panic!("{other:?}"),
        }
    }
}
