//! What the CloudSSO and OAuth modes share: their sign-in service (scheme and host of a URL), the
//! one HTTP client for it, how its answers are read, and their error, which says when only a new
//! browser sign-in with the aliyun CLI can help.
//!
//! One attempt per call, no retries (as the official library): a lost answer to an OAuth refresh
//! may already have rotated the refresh token, and trying it again would only be refused.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::client::{self, endpoint::Endpoint};
use crate::exit::{Diagnose, Exit};

use super::CredentialsError;

/// Connect and whole-request timeouts (the official library: 5 s connect, 10 s read).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// A sign-in service refused or failed, or a browser sign-in is needed. Exit 4, or 7 when the
/// service could not be reached or failed on its side.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct SignInError {
    pub message: String,
    pub hint: String,
    pub exit: Exit,
    pub code: Option<String>,
    pub request_id: Option<String>,
    pub http_status: Option<u16>,
}

impl SignInError {
    /// Only a browser sign-in helps (exit 4).
    pub fn needed(message: String, hint: String) -> SignInError {
        SignInError {
            message,
            hint,
            exit: Exit::Auth,
            code: None,
            request_id: None,
            http_status: None,
        }
    }
}

impl Diagnose for SignInError {
    fn exit(&self) -> Exit {
        self.exit
    }
    fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }
    fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
    fn http_status(&self) -> Option<u16> {
        self.http_status
    }
    fn hint(&self) -> Option<String> {
        Some(self.hint.clone())
    }
}

impl From<SignInError> for CredentialsError {
    fn from(e: SignInError) -> Self {
        CredentialsError::SignIn(Box::new(e))
    }
}

/// The aliyun CLI command that signs profile `profile` in again (in a browser).
pub fn sign_in_command(profile: &str, mode: &str, extra: &str) -> String {
    format!("aliyun configure --profile {profile} --mode {mode}{extra}")
}

/// A sign-in service: `scheme://host[:port]` of a URL, and the client that calls it.
pub struct Service {
    base: Endpoint,
    http: reqwest::Client,
}

/// What a service answered.
pub struct Answer {
    pub status: u16,
    /// The body as JSON (`Null` when it is not JSON).
    pub json: Value,
    pub elapsed: Duration,
}

impl Answer {
    /// A top-level string field of the JSON body, its name matched in any case.
    pub fn field(&self, name: &str) -> Option<String> {
        field(&self.json, name)
    }

    /// `(code, message, request id)` of an error body: CloudSSO's `ErrorCode`/`ErrorMessage`,
    /// OAuth's `error`/`error_description`.
    pub fn error(&self) -> (Option<String>, Option<String>, Option<String>) {
        (
            self.field("ErrorCode").or_else(|| self.field("error")),
            self.field("ErrorMessage")
                .or_else(|| self.field("error_description")),
            self.field("RequestId"),
        )
    }

    /// `HTTP 401 InvalidToken: the message` (the parts the body has).
    pub fn describe(&self) -> String {
        let (code, message, _) = self.error();
        let mut s = format!("HTTP {}", self.status);
        if let Some(c) = code {
            s.push(' ');
            s.push_str(&c);
        }
        if let Some(m) = message {
            s.push_str(": ");
            s.push_str(m.trim_end_matches('.'));
        }
        s
    }

    /// The error for this answer (not a success), with its code, request id and status.
    pub fn failure(&self, message: String, hint: String, exit: Exit) -> SignInError {
        let (code, _, request_id) = self.error();
        SignInError {
            message,
            hint,
            exit,
            code,
            request_id,
            http_status: Some(self.status),
        }
    }
}

/// A string field of a JSON object, its name matched in any case (numbers as their text).
pub fn field(v: &Value, name: &str) -> Option<String> {
    v.as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
}

impl Service {
    /// The service at `url`'s scheme and host (its path and query are not used); `setting` names
    /// where the URL came from, for errors. Plain `http://` only on loopback (a bearer token must
    /// not cross a network in clear).
    pub fn new(
        url: &str,
        setting: &str,
        trust: &client::http::Trust,
    ) -> Result<Service, CredentialsError> {
        let origin = url.split(['?', '#']).next().unwrap_or("");
        let base = client::endpoint::resolve(None, Some(origin), false).map_err(|e| {
            CredentialsError::invalid(
                format!("invalid {setting} {url:?}: {e}"),
                format!("fix {setting}"),
            )
        })?;
        let http = client::http::build(&client::http::HttpOptions {
            connect_timeout: CONNECT_TIMEOUT,
            timeout: REQUEST_TIMEOUT,
            https_only: false,
            proxy: if base.is_loopback_ip() {
                client::http::Proxy::Never
            } else {
                client::http::Proxy::FromEnvironment
            },
            trust: trust.clone(),
        })
        .map_err(|e| {
            CredentialsError::invalid(
                format!("cannot set up HTTPS for {setting}: {e}"),
                "check the extra CA certificates bgpeer was given".to_string(),
            )
        })?;
        Ok(Service { base, http })
    }

    /// `scheme://host[:port]/path`.
    pub fn url(&self, path: &str) -> String {
        format!(
            "{}://{}/{}",
            self.base.scheme,
            self.base.host,
            path.trim_start_matches('/')
        )
    }

    pub fn post(&self, path: &str) -> reqwest::RequestBuilder {
        self.http.post(self.url(path))
    }

    /// Sends `request`; `what` names the service in errors ("the CloudSSO service").
    pub async fn send(
        &self,
        request: reqwest::RequestBuilder,
        what: &str,
        hint: &str,
    ) -> Result<Answer, SignInError> {
        let started = Instant::now();
        let unreachable = |e: reqwest::Error| SignInError {
            message: format!(
                "cannot reach {what} at {}: {}",
                self.url(""),
                super::remote::describe(&e)
            ),
            hint: hint.to_string(),
            exit: Exit::Network,
            code: None,
            request_id: None,
            http_status: None,
        };
        let response = request.send().await.map_err(unreachable)?;
        let status = response.status().as_u16();
        let bytes = match client::http::read_body(response, super::remote::MAX_ANSWER_BYTES).await {
            Ok(bytes) => bytes,
            Err(client::http::BodyError::Broke(e)) => return Err(unreachable(e)),
            Err(client::http::BodyError::TooLarge { limit, .. }) => {
                return Err(SignInError {
                    message: format!(
                        "{what} at {} answered with more than {}",
                        self.url(""),
                        client::http::size_text(limit)
                    ),
                    exit: Exit::Network,
                    hint: hint.to_string(),
                    code: None,
                    request_id: None,
                    http_status: Some(status),
                })
            }
        };
        Ok(Answer {
            status,
            json: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            elapsed: started.elapsed(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_scheme_and_host_of_a_sign_in_url_are_used() {
        let s = Service::new(
            "https://signin-cn-shanghai.alibabacloudsso.com/start/login?x=1",
            "cloud_sso_sign_in_url",
            &Default::default(),
        )
        .unwrap();
        assert_eq!(
            s.url("/cloud-credentials"),
            "https://signin-cn-shanghai.alibabacloudsso.com/cloud-credentials"
        );
        let s = Service::new("http://127.0.0.1:8080?y", "u", &Default::default()).unwrap();
        assert_eq!(s.url("/v1/token"), "http://127.0.0.1:8080/v1/token");
        let e = Service::new("http://sso.example.com/start", "u", &Default::default())
            .err()
            .unwrap();
        assert!(e.to_string().contains("refusing plain-http"), "{e}");
    }

    #[test]
    fn error_bodies_of_both_services_are_read_in_any_case() {
        let a = Answer {
            status: 401,
            json: serde_json::json!({"ErrorCode": "InvalidToken", "ErrorMessage": "The token is invalid.", "RequestId": "R-1"}),
            elapsed: Duration::ZERO,
        };
        assert_eq!(a.describe(), "HTTP 401 InvalidToken: The token is invalid");
        let e = a.failure("m".into(), "h".into(), Exit::Auth);
        assert_eq!(e.request_id.as_deref(), Some("R-1"));
        let a = Answer {
            status: 400,
            json: serde_json::json!({"error": "invalid_grant", "error_description": "gone", "requestId": "R-2"}),
            elapsed: Duration::ZERO,
        };
        assert_eq!(a.describe(), "HTTP 400 invalid_grant: gone");
        assert_eq!(a.error().2.as_deref(), Some("R-2"));
    }
}
