//! What can go wrong when calling the API, classified once.

use crate::error::{Diagnose, Exit};

/// An error answer from the API: HTTP status and the body's `Code`, `Message`, `RequestId`, `Recommend`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub http_status: u16,
    pub code: String,
    pub message: String,
    pub request_id: Option<String>,
    pub host_id: Option<String>,
    pub recommend: Option<String>,
    /// `x-acs-retry-after`, in milliseconds, when the server sent it.
    pub retry_after_ms: Option<u64>,
}

impl ApiError {
    pub fn is_throttling(&self) -> bool {
        self.code.contains("Throttling")
    }

    /// Worth another attempt: throttling, ServiceUnavailable, any 5xx.
    pub fn is_retryable(&self) -> bool {
        self.is_throttling() || self.code == "ServiceUnavailable" || self.http_status >= 500
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The API answered with an error.
    #[error("{}: {}", .0.code, .0.message)]
    Api(Box<ApiError>),
    /// Still throttled after every attempt.
    #[error("still throttled after {attempts} attempts: {}: {}", .last.code, .last.message)]
    Throttled { attempts: u32, last: Box<ApiError> },
    /// Could not reach the endpoint, or it timed out, after every attempt.
    #[error("network failure calling {endpoint} after {attempts} attempt(s): {message}")]
    Transport {
        endpoint: String,
        attempts: u32,
        message: String,
    },
    /// The answer could not be decoded (HTML from a proxy, truncated JSON...).
    #[error("undecodable response from {endpoint} (HTTP {http_status}, content-type {content_type:?}): {excerpt:?}")]
    Undecodable {
        endpoint: String,
        http_status: u16,
        content_type: String,
        excerpt: String,
    },
    /// The command's overall deadline passed.
    #[error("deadline of {secs:.1}s exceeded after {attempts} attempt(s)")]
    Deadline { secs: f64, attempts: u32 },
    /// The endpoint or another client setting is unusable.
    #[error("{message}")]
    Config {
        message: String,
        hint: Option<String>,
    },
}

impl ClientError {
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            ClientError::Api(e) => Some(e),
            ClientError::Throttled { last, .. } => Some(last),
            _ => None,
        }
    }
}

/// Codes that mean "your credentials or their permissions are wrong" (exit 4).
fn is_auth_code(code: &str) -> bool {
    code.starts_with("InvalidAccessKeyId")
        || code.starts_with("SignatureDoesNotMatch")
        || code.starts_with("IncompleteSignature")
        || code.starts_with("InvalidSecurityToken")
        || code.starts_with("MissingSecurityToken")
        || code.starts_with("Forbidden")
        || code.starts_with("InvalidTimeStamp")
        || code == "SignatureNonceUsed"
        || code == "InvalidAccessKeySecret"
        || code.starts_with("NoPermission")
}

/// Codes that mean "the named resource does not exist" (exit 3).
fn is_not_found_code(code: &str) -> bool {
    matches!(
        code,
        "InvalidBgpGroup"
            | "InvalidVbrNetwork"
            | "InvalidResource.NotFound"
            | "InvalidRegionId.NotFound"
    ) || code.starts_with("InvalidParams.NotFound")
}

impl Diagnose for ClientError {
    fn exit(&self) -> Exit {
        match self {
            ClientError::Api(e) => {
                if is_auth_code(&e.code) || e.http_status == 401 || e.http_status == 403 {
                    Exit::Auth
                } else if is_not_found_code(&e.code) {
                    Exit::NotFound
                } else if e.is_throttling() {
                    Exit::Throttled
                } else if e.http_status >= 500 {
                    Exit::Network
                } else {
                    Exit::Rejected
                }
            }
            ClientError::Throttled { .. } => Exit::Throttled,
            ClientError::Transport { .. }
            | ClientError::Undecodable { .. }
            | ClientError::Deadline { .. } => Exit::Network,
            ClientError::Config { .. } => Exit::Usage,
        }
    }
    fn code(&self) -> Option<&str> {
        self.api().map(|e| e.code.as_str())
    }
    fn request_id(&self) -> Option<&str> {
        self.api().and_then(|e| e.request_id.as_deref())
    }
    fn http_status(&self) -> Option<u16> {
        match self {
            ClientError::Undecodable { http_status, .. } => Some(*http_status),
            _ => self.api().map(|e| e.http_status),
        }
    }
    fn hint(&self) -> Option<String> {
        match self {
            ClientError::Config { hint, .. } => hint.clone(),
            ClientError::Api(e) => crate::client::explain::hint_for(&e.code),
            ClientError::Throttled { .. } => Some(
                "the API is rate-limiting this AccessKey; wait a little, lower --concurrency, or raise --max-attempts".into(),
            ),
            ClientError::Transport { .. } => Some(
                "check the endpoint, your network and proxy settings (HTTPS_PROXY, NO_PROXY); --debug shows every attempt".into(),
            ),
            ClientError::Undecodable { .. } => Some(
                "the endpoint did not answer like the Alibaba Cloud API; check --endpoint and any proxy in between".into(),
            ),
            ClientError::Deadline { .. } => Some("raise --deadline, or retry later".into()),
        }
    }
}
