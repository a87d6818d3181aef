//! The one place that signs and sends: endpoints, retries, idempotency tokens, `ApiError`.

mod credentials;
pub mod endpoint;
mod error;
pub mod explain;
pub mod http;
pub mod retry;

use std::time::{Duration, Instant};

use serde_json::Value;

pub use credentials::Credentials;
pub use endpoint::Endpoint;
pub use error::{ApiError, ClientError};
pub use http::USER_AGENT;
pub use retry::{backoff_delay, RetryPolicy};

use crate::signing::{self, SignatureVersion};

/// Above this many bytes of encoded parameters, they are sent in a form body instead of the URL.
const MAX_QUERY_BYTES: usize = 4096;
const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

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
    pub credentials: Credentials,
    pub timeouts: Timeouts,
    pub retry: RetryPolicy,
    /// Log every attempt to stderr, secrets masked.
    pub debug: bool,
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

fn new_nonce() -> String {
    uuid::Uuid::new_v4().simple().to_string()
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

    async fn attempt<T: serde::de::DeserializeOwned>(
        &self,
        action: &str,
        params: &[(String, String)],
        attempt: u32,
        max: u32,
    ) -> Result<T, AttemptFailure> {
        let creds = &self.config.credentials;
        let key = creds.signing_key();
        let timestamp = signing::format_timestamp(chrono::Utc::now());
        let nonce = new_nonce();
        let endpoint = &self.config.endpoint;
        let mut headers: Vec<(String, String)> = Vec::new();
        let our_string_to_sign: String;
        // Parameters go in the query as the SDKs send them, unless they would make an unwieldy
        // URL: then they travel in a form body, which both schemes sign too.
        let in_body = signing::percent::encode_pairs(params).len() > MAX_QUERY_BYTES;
        let form_body: Vec<u8> = if in_body && self.config.signature_version == SignatureVersion::V3
        {
            signing::percent::encode_pairs(params).into_bytes()
        } else {
            Vec::new()
        };
        let mut all_params: Vec<(String, String)> = match self.config.signature_version {
            SignatureVersion::V3 => {
                let no_query: [(String, String); 0] = [];
                let signed = signing::v3::sign_rpc(
                    &signing::v3::RpcCall {
                        method: "POST",
                        host: &endpoint.host,
                        action,
                        version: &self.config.version,
                        query: if in_body { &no_query } else { params },
                        body: &form_body,
                        content_type: in_body.then_some(FORM_CONTENT_TYPE),
                        date: &timestamp,
                        nonce: &nonce,
                    },
                    &key,
                );
                our_string_to_sign = signed.stages.string_to_sign.clone();
                // reqwest sets `host` from the URL, which is the exact value that was signed.
                headers = signed
                    .headers
                    .into_iter()
                    .filter(|(n, _)| n != "host")
                    .collect();
                params.to_vec()
            }
            SignatureVersion::V2 => {
                let mut all = signing::v2::common_params(
                    action,
                    &self.config.version,
                    &key,
                    &timestamp,
                    &nonce,
                );
                all.extend(params.iter().cloned());
                let stages = signing::v2::sign("POST", &all, key.access_key_secret);
                our_string_to_sign = stages.string_to_sign;
                all.push(("Signature".into(), stages.signature));
                all
            }
        };
        let (query, body) = if !in_body {
            (std::mem::take(&mut all_params), Vec::new())
        } else if self.config.signature_version == SignatureVersion::V3 {
            (Vec::new(), form_body)
        } else {
            headers.push(("content-type".into(), FORM_CONTENT_TYPE.into()));
            (
                Vec::new(),
                signing::percent::encode_pairs(&all_params).into_bytes(),
            )
        };
        // What the debug log shows: the parameters wherever they travel (redacted there).
        let logged: &[(String, String)] = if in_body { &all_params } else { &query };
        // The query is exactly the percent-encoding that was signed (reqwest's encoder differs).
        let url = url_with_query(endpoint, &query);
        let log_line = |outcome: &str, started: Instant| {
            if self.config.debug {
                eprintln!(
                    "debug: attempt {attempt}/{max} POST {}{} action={action} {outcome} elapsed={}ms",
                    redacted_url(endpoint, logged),
                    if in_body { " (parameters in a form body)" } else { "" },
                    started.elapsed().as_millis(),
                );
            }
        };
        let mut request = self.http.post(&url).header("accept", "application/json");
        for (name, value) in &headers {
            request = request.header(name, value);
        }
        let started = Instant::now();
        let response = match request.body(body).send().await {
            Ok(r) => r,
            Err(e) => {
                let message = describe_reqwest_error(&e);
                log_line(&format!("status=- error={message}"), started);
                return Err(AttemptFailure::Transport(message));
            }
        };
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
        let body = match response.bytes().await {
            Ok(b) => b,
            Err(e) => {
                let message = describe_reqwest_error(&e);
                log_line(
                    &format!("status={status} error=reading the body: {message}"),
                    started,
                );
                return Err(AttemptFailure::Transport(format!(
                    "reading the response body: {message}"
                )));
            }
        };
        if (200..300).contains(&status) {
            // An answer is a JSON object; a bare value (a proxy's `null`, a string) is not one.
            // UTF-8 is checked once for the whole body (parsing a `str` skips the per-string check).
            let decoded = match body.iter().find(|b| !b.is_ascii_whitespace()) {
                Some(b'{') => std::str::from_utf8(&body)
                    .ok()
                    .and_then(|text| serde_json::from_str::<T>(text).ok()),
                _ => None,
            };
            let request_id = header_request_id.or_else(|| body_request_id(&body));
            log_line(
                &format!(
                    "status={status} request_id={}",
                    request_id.as_deref().unwrap_or("-")
                ),
                started,
            );
            return decoded.ok_or_else(|| AttemptFailure::Undecodable {
                http_status: status,
                content_type,
                excerpt: excerpt(&body),
                request_id,
                retry_after_ms,
            });
        }
        let parsed = serde_json::from_slice::<Value>(&body)
            .ok()
            .filter(Value::is_object);
        let request_id = parsed
            .as_ref()
            .and_then(|v| v.get("RequestId"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .or(header_request_id);
        log_line(
            &format!(
                "status={status} request_id={}",
                request_id.as_deref().unwrap_or("-")
            ),
            started,
        );
        let Some(value) = parsed else {
            return Err(AttemptFailure::Undecodable {
                http_status: status,
                content_type,
                excerpt: excerpt(&body),
                request_id,
                retry_after_ms,
            });
        };
        let field = |name: &str| value.get(name).and_then(Value::as_str).map(str::to_string);
        let message = field("Message").unwrap_or_default();
        Err(AttemptFailure::Api(ApiError {
            http_status: status,
            code: field("Code").unwrap_or_else(|| format!("HTTP{status}")),
            string_to_sign_matches: server_string_to_sign(&message)
                .map(|theirs| theirs.trim() == our_string_to_sign.trim()),
            message,
            request_id,
            host_id: field("HostId"),
            recommend: field("Recommend"),
            retry_after_ms,
        }))
    }

    fn log(&self, line: &str) {
        if self.config.debug {
            eprintln!("debug: {line}");
        }
    }
}

/// The `RequestId` of an answer whose `x-acs-request-id` header is missing (read without
/// building the whole answer).
fn body_request_id(body: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Id {
        #[serde(rename = "RequestId")]
        request_id: Option<String>,
    }
    serde_json::from_slice::<Id>(body).ok()?.request_id
}

/// The string to sign the gateway quotes in a signature error: V3 `... server StringToSign is
/// [<sts>]`, V2 `... server string to sign is:<sts>` (the official SDKs read it the same way).
fn server_string_to_sign(message: &str) -> Option<&str> {
    if let Some((_, rest)) = message.split_once("StringToSign is [") {
        return rest.rsplit_once(']').map(|(sts, _)| sts);
    }
    message.split_once("string to sign is:").map(|(_, sts)| sts)
}

/// The request URL as `--debug` prints it: secret parameter values replaced by the mask.
fn redacted_url(endpoint: &Endpoint, query: &[(String, String)]) -> String {
    let shown: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| {
            if crate::secret::is_secret_name(k) {
                (k.clone(), crate::secret::MASK.to_string())
            } else {
                (k.clone(), v.clone())
            }
        })
        .collect();
    url_with_query(endpoint, &shown)
}

/// `scheme://host/?query`, or `scheme://host/` when there are no parameters.
fn url_with_query(endpoint: &Endpoint, query: &[(String, String)]) -> String {
    if query.is_empty() {
        endpoint.url()
    } else {
        format!(
            "{}?{}",
            endpoint.url(),
            signing::percent::encode_pairs(query)
        )
    }
}

/// How one attempt failed, before the retry loop decides what to do about it.
#[derive(Debug)]
enum AttemptFailure {
    Api(ApiError),
    Transport(String),
    Undecodable {
        http_status: u16,
        content_type: String,
        excerpt: String,
        request_id: Option<String>,
        retry_after_ms: Option<u64>,
    },
}

impl AttemptFailure {
    fn retry_after_ms(&self) -> Option<u64> {
        match self {
            AttemptFailure::Api(e) => e.retry_after_ms,
            AttemptFailure::Undecodable { retry_after_ms, .. } => *retry_after_ms,
            AttemptFailure::Transport(_) => None,
        }
    }

    fn summary(&self) -> String {
        match self {
            AttemptFailure::Api(e) => format!("HTTP {} {}", e.http_status, e.code),
            AttemptFailure::Transport(m) => m.clone(),
            AttemptFailure::Undecodable { http_status, .. } => {
                format!("HTTP {http_status} with an undecodable body")
            }
        }
    }

    fn into_client_error(self, attempts: u32, endpoint: &Endpoint) -> ClientError {
        match self {
            AttemptFailure::Api(e) if e.is_throttling() => ClientError::Throttled {
                attempts,
                last: Box::new(e),
            },
            AttemptFailure::Api(e) => ClientError::Api(Box::new(e)),
            AttemptFailure::Transport(message) => ClientError::Transport {
                endpoint: endpoint.url(),
                attempts,
                message,
            },
            AttemptFailure::Undecodable {
                http_status,
                content_type,
                excerpt,
                request_id,
                ..
            } => ClientError::Undecodable {
                endpoint: endpoint.url(),
                http_status,
                content_type,
                excerpt,
                request_id,
                attempts,
            },
        }
    }
}

/// The first 200 characters of a body, lossily decoded, whitespace collapsed, for error messages.
fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return "(empty body)".to_string();
    }
    let text = words.join(" ");
    let mut out: String = text.chars().take(200).collect();
    if text.chars().count() > 200 {
        out.push('…');
    }
    out
}

/// `timed out` / `connection failed` / `request failed`, then the causes that say something
/// (hyper's generic `client error (Connect)` wrappers are left out). Never the URL: it carries
/// the query, and V2 puts the signature there.
fn describe_reqwest_error(e: &reqwest::Error) -> String {
    let kind = if e.is_timeout() {
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
    fn debug_urls_mask_signature_token_and_auth_keys() {
        let endpoint = Endpoint {
            scheme: "https".into(),
            host: "vpc.cn-shanghai.aliyuncs.com".into(),
        };
        let query: Vec<(String, String)> = [
            ("Action", "CreateBgpGroup"),
            ("AuthKey", "bgp-md5-pass"),
            ("SecurityToken", "CAIS+token"),
            ("Signature", "abc+/="),
            ("AccessKeySecret", "sk"),
            ("ClientToken", "tok-1"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let url = redacted_url(&endpoint, &query);
        for secret in ["bgp-md5-pass", "CAIS", "abc", "=sk"] {
            assert!(!url.contains(secret), "{secret} leaked in {url}");
        }
        assert!(url.contains("AuthKey=%2A%2A%2A%2A"), "{url}");
        assert!(url.contains("Signature=%2A%2A%2A%2A"), "{url}");
        assert!(url.contains("ClientToken=tok-1"), "{url}");
        assert!(url.starts_with("https://vpc.cn-shanghai.aliyuncs.com/?Action=CreateBgpGroup&"));
    }

    #[test]
    fn the_gateway_string_to_sign_is_read_from_both_message_forms() {
        assert_eq!(
            server_string_to_sign(
                "Specified signature does not match our calculation. server StringToSign is [ACS3-HMAC-SHA256\nabc]"
            ),
            Some("ACS3-HMAC-SHA256\nabc")
        );
        assert_eq!(
            server_string_to_sign(
                "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&A%3D1"
            ),
            Some("POST&%2F&A%3D1")
        );
        assert_eq!(server_string_to_sign("bgp group not exists"), None);
    }

    #[test]
    fn excerpts_are_short_single_line_and_never_empty() {
        assert_eq!(excerpt(b""), "(empty body)");
        assert_eq!(
            excerpt(b"  <html>\n  <title>x</title>\n"),
            "<html> <title>x</title>"
        );
        let long = "a".repeat(500);
        let e = excerpt(long.as_bytes());
        assert_eq!(e.chars().count(), 201);
        assert!(e.ends_with('…'));
        assert_eq!(excerpt(&[0xff, 0xfe, b'o', b'k']), "\u{fffd}\u{fffd}ok");
    }
}

#[cfg(test)]
mod derived_token_tests {
    use super::*;

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
            credentials: Credentials {
                access_key_id: "LTAI5tTestKey".into(),
                access_key_secret: crate::secret::Secret::new("secret"),
                security_token: None,
                source: "test".into(),
            },
            timeouts: Timeouts::default(),
            retry,
            debug: false,
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
