//! What can go wrong when calling the API, classified once.

use crate::exit::{Diagnose, Exit};

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
    /// For a signature error quoting the gateway's string to sign: whether it equals bgpeer's.
    /// Equal means the request arrived intact and only the secret can be wrong.
    pub string_to_sign_matches: Option<bool>,
}

impl ApiError {
    pub fn is_throttling(&self) -> bool {
        self.code.contains("Throttling")
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
    #[error("{endpoint} did not answer with the API's JSON (HTTP {http_status}, content-type {ct}, after {attempts} attempt(s)); the body starts: {excerpt}", ct = if content_type.is_empty() { "none" } else { content_type.as_str() })]
    Undecodable {
        endpoint: String,
        http_status: u16,
        content_type: String,
        excerpt: String,
        /// From the `x-acs-request-id` header, when a gateway sent one.
        request_id: Option<String>,
        attempts: u32,
    },
    /// The command's overall deadline passed.
    #[error("deadline of {secs:.1}s exceeded after {attempts} attempt(s){}", last.as_ref().map(|l| format!("; last failure: {l}")).unwrap_or_default())]
    Deadline {
        secs: f64,
        attempts: u32,
        /// How the last completed attempt failed, if any did.
        last: Option<String>,
    },
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

/// Codes that mean "the named resource does not exist" (exit 3): the VPC BGP codes for a missing
/// group or VBR, and any `*.NotFound` that names a resource (not the API, the product or the key).
fn is_not_found_code(code: &str) -> bool {
    matches!(
        code,
        "InvalidBgpGroup" | "InvalidVbrNetwork" | "InvalidBgpPeer" | "InvalidBgpNetwork"
    ) || (code.ends_with(".NotFound")
        && !matches!(
            code,
            "InvalidAction.NotFound" | "InvalidApi.NotFound" | "InvalidProduct.NotFound"
        ))
}

/// The hint of a TLS failure: bgpeer always verifies certificates, and says how to trust a CA.
pub const UNTRUSTED_CERTIFICATE_HINT: &str = "the server's TLS certificate is not trusted (bgpeer always verifies certificates, against the system's CA store and the built-in roots); if a TLS-inspecting proxy or your organisation's CA signed it, trust that CA with --ca-bundle FILE, BGPEER_CA_BUNDLE, the profile key ca_bundle or SSL_CERT_FILE; otherwise check the endpoint";

impl Diagnose for ClientError {
    fn kind(&self) -> Option<&'static str> {
        match self {
            ClientError::Transport { .. } => Some("transport"),
            ClientError::Undecodable { .. } => Some("undecodable"),
            ClientError::Deadline { .. } => Some("deadline"),
            _ => None,
        }
    }
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
        match self {
            ClientError::Undecodable { request_id, .. } => request_id.as_deref(),
            _ => self.api().and_then(|e| e.request_id.as_deref()),
        }
    }
    fn recommend(&self) -> Option<&str> {
        self.api().and_then(|e| e.recommend.as_deref())
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
            ClientError::Api(e) => match e.string_to_sign_matches {
                Some(true) => Some(
                    "the API's string to sign is the same as bgpeer's, so the request arrived intact and the AccessKey secret is wrong; check the profile's credentials with `bgpeer whoami`".into(),
                ),
                Some(false) => Some(
                    "the API signed a different request from the one bgpeer signed: something on the way (a proxy?) changed it; --debug shows what was sent, and --signature-version v2 signs differently".into(),
                ),
                None => crate::client::explain::hint_for(&e.code),
            },
            ClientError::Throttled { .. } => Some(
                "the API is rate-limiting this AccessKey; wait a little, lower --concurrency, or raise --max-attempts".into(),
            ),
            ClientError::Transport { message, .. } if message.contains("certificate") => {
                Some(UNTRUSTED_CERTIFICATE_HINT.into())
            }
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

#[cfg(test)]
impl ApiError {
    /// An API error as tests need one: this status and code, request id `REQ-1`.
    pub(crate) fn sample(status: u16, code: &str) -> ApiError {
        ApiError {
            http_status: status,
            code: code.to_string(),
            message: "some message".to_string(),
            request_id: Some("REQ-1".to_string()),
            host_id: None,
            recommend: None,
            retry_after_ms: None,
            string_to_sign_matches: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16, code: &str) -> ApiError {
        ApiError::sample(status, code)
    }

    fn exit_of(status: u16, code: &str) -> Exit {
        ClientError::Api(Box::new(api(status, code))).exit()
    }

    #[test]
    fn api_errors_map_to_the_documented_exit_codes() {
        let table = [
            // credentials, authentication, authorisation: 4
            (400, "SignatureDoesNotMatch", Exit::Auth),
            (400, "IncompleteSignature", Exit::Auth),
            (404, "InvalidAccessKeyId.NotFound", Exit::Auth),
            (400, "InvalidAccessKeyId.Inactive", Exit::Auth),
            (400, "InvalidSecurityToken.Expired", Exit::Auth),
            (400, "MissingSecurityToken", Exit::Auth),
            (403, "Forbidden.RAM", Exit::Auth),
            (400, "InvalidTimeStamp.Expired", Exit::Auth),
            (400, "SignatureNonceUsed", Exit::Auth),
            (400, "InvalidAccessKeySecret", Exit::Auth),
            (400, "NoPermission.Vpc", Exit::Auth),
            (403, "SomethingElse", Exit::Auth),
            (401, "Unauthorized", Exit::Auth),
            // the named resource does not exist: 3
            (400, "InvalidBgpGroup", Exit::NotFound),
            (400, "InvalidVbrNetwork", Exit::NotFound),
            (400, "InvalidResource.NotFound", Exit::NotFound),
            (404, "InvalidRegionId.NotFound", Exit::NotFound),
            (400, "InvalidParams.NotFound", Exit::NotFound),
            (400, "InvalidAccessDeviceId.NotFound", Exit::NotFound),
            // an unknown action or product is not a missing resource: 5
            (404, "InvalidAction.NotFound", Exit::Rejected),
            (404, "InvalidApi.NotFound", Exit::Rejected),
            (404, "InvalidProduct.NotFound", Exit::Rejected),
            (400, "InvalidBgpGroup.LocalAsnInvalid", Exit::Rejected),
            // throttling that was not retried (max attempts 1): 6
            (400, "Throttling", Exit::Throttled),
            (400, "Throttling.User", Exit::Throttled),
            // server errors: 7
            (500, "InternalError", Exit::Network),
            (503, "ServiceUnavailable", Exit::Network),
            // every other 4xx: 5
            (400, "QuotaExceeded.Bgp", Exit::Rejected),
            (400, "InvalidStatus.CannotOperate", Exit::Rejected),
            (400, "MissingRegionId", Exit::Rejected),
            (409, "OperationConflict", Exit::Rejected),
        ];
        for (status, code, want) in table {
            assert_eq!(exit_of(status, code), want, "HTTP {status} {code}");
        }
    }

    #[test]
    fn retryable_api_errors_are_throttling_service_unavailable_and_5xx() {
        assert!(api(400, "Throttling.Api").is_retryable());
        assert!(api(400, "Throttling.User").is_throttling());
        assert!(api(503, "ServiceUnavailable").is_retryable());
        assert!(api(400, "ServiceUnavailable").is_retryable());
        assert!(api(502, "HTTP502").is_retryable());
        assert!(!api(400, "QuotaExceeded.Bgp").is_retryable());
        assert!(!api(404, "InvalidAccessKeyId.NotFound").is_retryable());
        assert!(!api(403, "Forbidden").is_retryable());
    }

    #[test]
    fn every_other_kind_has_its_exit_code_and_fields() {
        let throttled = ClientError::Throttled {
            attempts: 5,
            last: Box::new(api(400, "Throttling.User")),
        };
        assert_eq!(throttled.exit(), Exit::Throttled);
        assert_eq!(throttled.code(), Some("Throttling.User"));
        assert_eq!(throttled.request_id(), Some("REQ-1"));
        assert_eq!(throttled.http_status(), Some(400));
        assert!(throttled.hint().unwrap().contains("--max-attempts"));
        assert!(throttled.to_string().contains("after 5 attempts"));

        let transport = ClientError::Transport {
            endpoint: "http://127.0.0.1:1/".into(),
            attempts: 3,
            message: "connection failed: connection refused".into(),
        };
        assert_eq!(transport.exit(), Exit::Network);
        assert_eq!(transport.code(), None);
        assert_eq!(transport.request_id(), None);
        assert_eq!(transport.http_status(), None);
        assert!(transport.hint().unwrap().contains("HTTPS_PROXY"));
        let tls = ClientError::Transport {
            endpoint: "https://127.0.0.1:1/".into(),
            attempts: 1,
            message: "connection failed: invalid peer certificate: UnknownIssuer".into(),
        };
        assert_eq!(tls.exit(), Exit::Network);
        assert!(tls.hint().unwrap().contains("always verifies certificates"));

        let undecodable = ClientError::Undecodable {
            endpoint: "https://vpc.cn-shanghai.aliyuncs.com/".into(),
            http_status: 502,
            content_type: "text/html".into(),
            excerpt: "<html><title>Bad Gateway</title>".into(),
            request_id: Some("GW-9".into()),
            attempts: 5,
        };
        assert_eq!(undecodable.exit(), Exit::Network);
        assert_eq!(undecodable.http_status(), Some(502));
        assert_eq!(undecodable.request_id(), Some("GW-9"));
        assert_eq!(undecodable.code(), None);
        let text = undecodable.to_string();
        assert!(
            text.contains("did not answer with the API's JSON"),
            "{text}"
        );
        assert!(text.contains("Bad Gateway"), "{text}");
        assert!(undecodable.hint().unwrap().contains("proxy"));

        let deadline = ClientError::Deadline {
            secs: 2.0,
            attempts: 1,
            last: Some("HTTP 503 ServiceUnavailable".into()),
        };
        assert_eq!(deadline.exit(), Exit::Network);
        assert_eq!(
            deadline.to_string(),
            "deadline of 2.0s exceeded after 1 attempt(s); last failure: HTTP 503 ServiceUnavailable"
        );
        assert!(deadline.hint().unwrap().contains("--deadline"));
        let no_last = ClientError::Deadline {
            secs: 1.0,
            attempts: 0,
            last: None,
        };
        assert_eq!(
            no_last.to_string(),
            "deadline of 1.0s exceeded after 0 attempt(s)"
        );

        let config = ClientError::Config {
            message: "refusing plain-http endpoint".into(),
            hint: Some("use https://".into()),
        };
        assert_eq!(config.exit(), Exit::Usage);
        assert_eq!(config.hint().as_deref(), Some("use https://"));
    }

    #[test]
    fn signature_errors_say_whether_the_secret_or_the_request_is_wrong() {
        let mut e = api(400, "SignatureDoesNotMatch");
        e.string_to_sign_matches = Some(true);
        let same = ClientError::Api(Box::new(e.clone()));
        assert_eq!(same.exit(), Exit::Auth);
        assert!(same
            .hint()
            .unwrap()
            .contains("the AccessKey secret is wrong"));
        e.string_to_sign_matches = Some(false);
        let altered = ClientError::Api(Box::new(e));
        assert_eq!(altered.exit(), Exit::Auth);
        assert!(altered.hint().unwrap().contains("changed it"));
    }

    #[test]
    fn api_error_hints_come_from_the_explanations() {
        let e = ClientError::Api(Box::new(api(400, "SignatureDoesNotMatch")));
        assert!(e.hint().unwrap().contains("secret"));
        let e = ClientError::Api(Box::new(api(400, "NoSuchCodeAnywhere")));
        assert_eq!(e.hint(), None);
    }
}
