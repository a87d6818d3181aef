//! Classifying the answer to one attempt: a decoded success, an [`ApiError`], or an answer that
//! is not the API's JSON; pure, so every case is tested without a server.

use serde_json::Value;

use super::{ApiError, ClientError, Endpoint};

/// What came back for one attempt, before it is classified.
#[derive(Debug, Clone)]
pub struct RawAnswer {
    pub status: u16,
    /// `x-acs-retry-after`, in milliseconds.
    pub retry_after_ms: Option<u64>,
    /// `content-type`, empty when absent.
    pub content_type: String,
    /// `x-acs-request-id`.
    pub header_request_id: Option<String>,
    pub body: Vec<u8>,
}

/// How one attempt failed, before the retry loop decides what to do about it.
#[derive(Debug)]
pub enum AttemptFailure {
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

/// A classified answer and the request id it carried (for the debug log).
#[derive(Debug)]
pub struct Classified<T> {
    pub outcome: Result<T, AttemptFailure>,
    pub request_id: Option<String>,
}

/// Classifies `answer`: a 2xx JSON object decoded into `T`, an API error (its body's `Code`,
/// `Message`, `RequestId`...), or an undecodable answer. `our_string_to_sign` is compared with
/// the one a signature error quotes.
pub fn classify<T: serde::de::DeserializeOwned>(
    answer: RawAnswer,
    our_string_to_sign: &str,
) -> Classified<T> {
    let RawAnswer {
        status,
        retry_after_ms,
        content_type,
        header_request_id,
        body,
    } = answer;
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
        let outcome = decoded.ok_or_else(|| AttemptFailure::Undecodable {
            http_status: status,
            content_type,
            excerpt: excerpt(&body),
            request_id: request_id.clone(),
            retry_after_ms,
        });
        return Classified {
            outcome,
            request_id,
        };
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
    let Some(value) = parsed else {
        return Classified {
            outcome: Err(AttemptFailure::Undecodable {
                http_status: status,
                content_type,
                excerpt: excerpt(&body),
                request_id: request_id.clone(),
                retry_after_ms,
            }),
            request_id,
        };
    };
    let field = |name: &str| value.get(name).and_then(Value::as_str).map(str::to_string);
    let message = field("Message").unwrap_or_default();
    Classified {
        outcome: Err(AttemptFailure::Api(ApiError {
            http_status: status,
            code: field("Code").unwrap_or_else(|| format!("HTTP{status}")),
            string_to_sign_matches: server_string_to_sign(&message)
                .map(|theirs| theirs.trim() == our_string_to_sign.trim()),
            message,
            request_id: request_id.clone(),
            host_id: field("HostId"),
            recommend: field("Recommend"),
            retry_after_ms,
        })),
        request_id,
    }
}

impl AttemptFailure {
    pub fn retry_after_ms(&self) -> Option<u64> {
        match self {
            AttemptFailure::Api(e) => e.retry_after_ms,
            AttemptFailure::Undecodable { retry_after_ms, .. } => *retry_after_ms,
            AttemptFailure::Transport(_) => None,
        }
    }

    pub fn summary(&self) -> String {
        match self {
            AttemptFailure::Api(e) => format!("HTTP {} {}", e.http_status, e.code),
            AttemptFailure::Transport(m) => m.clone(),
            AttemptFailure::Undecodable { http_status, .. } => {
                format!("HTTP {http_status} with an undecodable body")
            }
        }
    }

    pub fn into_client_error(self, attempts: u32, endpoint: &Endpoint) -> ClientError {
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

/// The excerpt of a body larger than `limit`, of which `start` was read.
pub fn too_large_excerpt(start: &[u8], limit: usize) -> String {
    format!(
        "{} (more than {}: not read to the end)",
        excerpt(start),
        super::http::size_text(limit)
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> RawAnswer {
        RawAnswer {
            status,
            retry_after_ms: None,
            content_type: "application/json".into(),
            header_request_id: None,
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_2xx_json_object_is_decoded_and_its_request_id_read() {
        let c = classify::<Value>(answer(200, r#" {"RequestId":"R-1","Regions":{}}"#), "");
        assert_eq!(c.request_id.as_deref(), Some("R-1"));
        assert_eq!(c.outcome.unwrap()["Regions"], serde_json::json!({}));
        // The header's request id wins on a success.
        let mut a = answer(200, r#"{"RequestId":"R-BODY"}"#);
        a.header_request_id = Some("R-HEADER".into());
        assert_eq!(
            classify::<Value>(a, "").request_id.as_deref(),
            Some("R-HEADER")
        );
    }

    #[test]
    fn a_2xx_answer_that_is_not_a_json_object_is_undecodable_and_final() {
        for body in [
            "null",
            "\"ok\"",
            "<html>proxy</html>",
            "",
            "{\"truncated\":",
        ] {
            let mut a = answer(200, body);
            a.content_type = "text/html".into();
            let failure = classify::<Value>(a, "").outcome.unwrap_err();
            assert!(
                matches!(&failure, AttemptFailure::Undecodable { http_status: 200, content_type, .. } if content_type == "text/html"),
                "{body}: {failure:?}"
            );
            assert!(!failure.is_retryable(), "{body}");
        }
    }

    #[test]
    fn an_error_answer_becomes_an_api_error_with_its_fields() {
        let mut a = answer(
            400,
            r#"{"RequestId":"R-2","Code":"Throttling.User","Message":"slow down","HostId":"vpc.x","Recommend":"https://r"}"#,
        );
        a.retry_after_ms = Some(1500);
        a.header_request_id = Some("R-HEADER".into());
        let c = classify::<Value>(a, "");
        // On an error the body's request id wins.
        assert_eq!(c.request_id.as_deref(), Some("R-2"));
        let AttemptFailure::Api(e) = c.outcome.unwrap_err() else {
            panic!("not an API error")
        };
        assert_eq!(e.code, "Throttling.User");
        assert_eq!(e.message, "slow down");
        assert_eq!(e.host_id.as_deref(), Some("vpc.x"));
        assert_eq!(e.recommend.as_deref(), Some("https://r"));
        assert_eq!(e.retry_after_ms, Some(1500));
        assert_eq!(e.string_to_sign_matches, None);
        // Without a Code, the status names it.
        let c = classify::<Value>(answer(404, r#"{"Message":"no"}"#), "");
        let AttemptFailure::Api(e) = c.outcome.unwrap_err() else {
            panic!("not an API error")
        };
        assert_eq!(e.code, "HTTP404");
    }

    #[test]
    fn a_5xx_html_page_is_undecodable_but_retryable() {
        let mut a = answer(502, "<html>\n<title>Bad Gateway</title></html>");
        a.header_request_id = Some("R-GW".into());
        let c = classify::<Value>(a, "");
        assert_eq!(c.request_id.as_deref(), Some("R-GW"));
        let failure = c.outcome.unwrap_err();
        assert!(failure.is_retryable());
        assert_eq!(failure.summary(), "HTTP 502 with an undecodable body");
    }

    #[test]
    fn a_signature_error_says_whether_the_string_to_sign_matches() {
        let body = |sts: &str| {
            serde_json::json!({
                "Code": "SignatureDoesNotMatch",
                "Message": format!("Specified signature does not match our calculation. server StringToSign is [{sts}]"),
            })
            .to_string()
        };
        let matches = |ours: &str, theirs: &str| {
            let AttemptFailure::Api(e) = classify::<Value>(answer(400, &body(theirs)), ours)
                .outcome
                .unwrap_err()
            else {
                panic!("not an API error")
            };
            e.string_to_sign_matches
        };
        assert_eq!(matches("ACS3\nabc", "ACS3\nabc"), Some(true));
        assert_eq!(matches("ACS3\nabc", "ACS3\nxyz"), Some(false));
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
