//! The one place that signs and sends: endpoints, retries, idempotency tokens, `ApiError`.

pub mod endpoint;
mod error;
pub mod explain;

use std::time::{Duration, Instant};

use rand::Rng;
use serde_json::Value;

pub use endpoint::Endpoint;
pub use error::{ApiError, ClientError};

use crate::credentials::Credentials;
use crate::signing::{self, SignatureVersion};

pub const VPC_VERSION: &str = "2016-04-28";
pub const USER_AGENT: &str = concat!("bgpeer/", env!("CARGO_PKG_VERSION"));

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
pub struct RetryPolicy {
    pub max_attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// Test-only switch (`BGPEER_TEST_NO_RETRY_DELAY=1`): retry at once.
    pub no_delay: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 5,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(20),
            no_delay: false,
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

fn new_nonce() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

pub struct Client {
    http: reqwest::Client,
    config: ClientConfig,
    started: Instant,
}

impl Client {
    pub fn new(config: ClientConfig) -> Result<Client, ClientError> {
        let http = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(config.timeouts.connect)
            .timeout(config.timeouts.request)
            .https_only(config.endpoint.scheme == "https")
            .build()
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
    pub async fn call(
        &self,
        action: &str,
        params: &[(String, String)],
        opts: &CallOptions,
    ) -> Result<Value, ClientError> {
        let mut params: Vec<(String, String)> = params.to_vec();
        if is_mutating(action) && !params.iter().any(|(k, _)| k == "ClientToken") {
            let token = opts.client_token.clone().unwrap_or_else(new_client_token);
            params.push(("ClientToken".into(), token));
        }
        let max = self.config.retry.max_attempts.max(1);
        let mut attempt = 0;
        loop {
            attempt += 1;
            if self.started.elapsed() > self.config.timeouts.deadline {
                return Err(ClientError::Deadline {
                    secs: self.config.timeouts.deadline.as_secs_f64(),
                    attempts: attempt - 1,
                });
            }
            let result = self.attempt(action, &params, attempt).await;
            let retry_after = match &result {
                Ok(v) => return Ok(v.clone()),
                Err(AttemptError::Api(e)) if e.is_retryable() && attempt < max => e.retry_after_ms,
                Err(AttemptError::Transport(_)) if attempt < max => None,
                Err(AttemptError::Api(e)) if e.is_throttling() && attempt > 1 => {
                    return Err(ClientError::Throttled {
                        attempts: attempt,
                        last: Box::new(e.clone()),
                    })
                }
                Err(AttemptError::Api(e)) => return Err(ClientError::Api(Box::new(e.clone()))),
                Err(AttemptError::Transport(message)) => {
                    return Err(ClientError::Transport {
                        endpoint: self.config.endpoint.url(),
                        attempts: attempt,
                        message: message.clone(),
                    })
                }
                Err(AttemptError::Other(e)) => return Err(e.clone_shallow()),
            };
            let delay = self.backoff(attempt, retry_after);
            tokio::time::sleep(delay).await;
        }
    }

    /// Exponential backoff with full jitter; `x-acs-retry-after` (ms) is a floor.
    fn backoff(&self, attempt: u32, retry_after_ms: Option<u64>) -> Duration {
        let policy = &self.config.retry;
        if policy.no_delay {
            return Duration::ZERO;
        }
        let cap = policy
            .base_delay
            .saturating_mul(1u32 << (attempt - 1).min(16))
            .min(policy.max_delay);
        let jitter = rand::rng().random_range(0..=cap.as_millis() as u64);
        let floor = retry_after_ms.unwrap_or(0);
        Duration::from_millis(jitter.max(floor))
    }

    async fn attempt(
        &self,
        action: &str,
        params: &[(String, String)],
        attempt: u32,
    ) -> Result<Value, AttemptError> {
        let creds = &self.config.credentials;
        let key = creds.signing_key();
        let timestamp = signing::format_timestamp(chrono::Utc::now());
        let nonce = new_nonce();
        let endpoint = &self.config.endpoint;
        let mut headers: Vec<(String, String)> = Vec::new();
        let query: Vec<(String, String)> = match self.config.signature_version {
            SignatureVersion::V3 => {
                let signed = signing::v3::sign_rpc(
                    &signing::v3::RpcCall {
                        method: "POST",
                        host: &endpoint.host,
                        action,
                        version: &self.config.version,
                        query: params,
                        body: b"",
                        content_type: None,
                        date: &timestamp,
                        nonce: &nonce,
                    },
                    &key,
                );
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
                all.push(("Signature".into(), stages.signature));
                all
            }
        };
        // The query is exactly the percent-encoding that was signed (reqwest's encoder differs).
        let url = format!(
            "{}?{}",
            endpoint.url(),
            signing::percent::encode_pairs(&query)
        );
        let mut request = self.http.post(&url).header("accept", "application/json");
        for (name, value) in &headers {
            request = request.header(name, value);
        }
        let started = Instant::now();
        let response = request.body(Vec::new()).send().await;
        let response = match response {
            Ok(r) => r,
            Err(e) => {
                let message = describe_reqwest_error(&e);
                self.log_attempt(action, attempt, None, started, None, Some(&message));
                return Err(AttemptError::Transport(message));
            }
        };
        let status = response.status().as_u16();
        let retry_after_ms = response
            .headers()
            .get("x-acs-retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let body = match response.bytes().await {
            Ok(b) => b,
            Err(e) => {
                let message = describe_reqwest_error(&e);
                self.log_attempt(action, attempt, Some(status), started, None, Some(&message));
                return Err(AttemptError::Transport(message));
            }
        };
        let parsed: Result<Value, _> = serde_json::from_slice(&body);
        let request_id = parsed
            .as_ref()
            .ok()
            .and_then(|v| v.get("RequestId"))
            .and_then(Value::as_str)
            .map(str::to_string);
        self.log_attempt(
            action,
            attempt,
            Some(status),
            started,
            request_id.as_deref(),
            None,
        );
        let value = match parsed {
            Ok(v @ Value::Object(_)) => v,
            _ => {
                if status >= 500 {
                    // A 5xx page from a proxy or load balancer is a server error worth retrying.
                    return Err(AttemptError::Api(ApiError {
                        http_status: status,
                        code: format!("HTTP{status}"),
                        message: format!(
                            "server error with an undecodable body: {}",
                            excerpt(&body)
                        ),
                        request_id: None,
                        host_id: None,
                        recommend: None,
                        retry_after_ms,
                    }));
                }
                return Err(AttemptError::Other(ClientError::Undecodable {
                    endpoint: endpoint.url(),
                    http_status: status,
                    content_type,
                    excerpt: excerpt(&body),
                }));
            }
        };
        if (200..300).contains(&status) {
            return Ok(value);
        }
        let field = |name: &str| value.get(name).and_then(Value::as_str).map(str::to_string);
        Err(AttemptError::Api(ApiError {
            http_status: status,
            code: field("Code").unwrap_or_else(|| format!("HTTP{status}")),
            message: field("Message").unwrap_or_default(),
            request_id,
            host_id: field("HostId"),
            recommend: field("Recommend"),
            retry_after_ms,
        }))
    }

    fn log_attempt(
        &self,
        action: &str,
        attempt: u32,
        status: Option<u16>,
        started: Instant,
        request_id: Option<&str>,
        error: Option<&str>,
    ) {
        if !self.config.debug {
            return;
        }
        eprintln!(
            "debug: POST {} action={} attempt={} status={} elapsed={}ms request_id={}{}",
            self.config.endpoint.url(),
            action,
            attempt,
            status.map(|s| s.to_string()).unwrap_or_else(|| "-".into()),
            started.elapsed().as_millis(),
            request_id.unwrap_or("-"),
            error.map(|e| format!(" error={e}")).unwrap_or_default()
        );
    }
}

enum AttemptError {
    Api(ApiError),
    Transport(String),
    Other(ClientError),
}

impl ClientError {
    fn clone_shallow(&self) -> ClientError {
        match self {
            ClientError::Undecodable {
                endpoint,
                http_status,
                content_type,
                excerpt,
            } => ClientError::Undecodable {
                endpoint: endpoint.clone(),
                http_status: *http_status,
                content_type: content_type.clone(),
                excerpt: excerpt.clone(),
            },
            ClientError::Api(e) => ClientError::Api(e.clone()),
            other => ClientError::Config {
                message: other.to_string(),
                hint: None,
            },
        }
    }
}

/// The first 200 characters of a body, lossily decoded, for error messages.
fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    let mut out: String = text.chars().take(200).collect();
    if text.chars().count() > 200 {
        out.push('…');
    }
    out
}

fn describe_reqwest_error(e: &reqwest::Error) -> String {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "connection failed"
    } else {
        "request failed"
    };
    let mut msg = kind.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    msg
}
