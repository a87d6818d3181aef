//! Credentials fetched over HTTP: the ECS instance metadata service (RAM role) and a
//! credentials URI (`ALIBABA_CLOUD_CREDENTIALS_URI` or mode CredentialsURI).

use std::time::Duration;

use serde_json::Value;

use crate::client;
use crate::env::Env;
use crate::secret::Secret;

use super::{Credentials, CredentialsError};

pub const DEFAULT_IMDS: &str = "http://100.100.100.200";

/// The largest answer of the metadata service or a credentials URI that is read (credentials are
/// a few hundred bytes); a larger one is refused.
pub const MAX_ANSWER_BYTES: usize = 1 << 20;

/// Reads a credentials answer's text, at most [`MAX_ANSWER_BYTES`]; invalid UTF-8 is replaced
/// (and then fails as JSON).
async fn answer_text(r: reqwest::Response) -> Result<String, String> {
    match client::http::read_body(r, MAX_ANSWER_BYTES).await {
        Ok(bytes) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
        Err(client::http::BodyError::Broke(e)) => Err(describe(&e)),
        Err(client::http::BodyError::TooLarge { limit, .. }) => Err(format!(
            "the answer is larger than {}",
            client::http::size_text(limit)
        )),
    }
}

/// Why the metadata service gave nothing.
#[derive(Debug)]
pub enum ImdsFailure {
    /// Nothing answers: not on ECS. The chain moves on quietly.
    Unreachable(String),
    /// It answered, but not with credentials.
    Failed(String),
}

/// A client from the one HTTP builder; `proxy: false` for the link-local metadata service.
fn http(
    connect: Duration,
    total: Duration,
    proxy: bool,
    trust: &client::http::Trust,
) -> Result<reqwest::Client, String> {
    client::http::build(&client::http::HttpOptions {
        connect_timeout: connect,
        timeout: total,
        https_only: false,
        proxy: if proxy {
            client::http::Proxy::FromEnvironment
        } else {
            client::http::Proxy::Never
        },
        trust: trust.clone(),
    })
    .map_err(|e| e.to_string())
}

pub(super) fn describe(e: &reqwest::Error) -> String {
    let mut msg = if e.is_timeout() {
        "timed out".to_string()
    } else if e.is_connect() {
        "connection failed".to_string()
    } else {
        "request failed".to_string()
    };
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    msg
}

/// The metadata host: `BGPEER_IMDS_ENDPOINT` (tests point it at loopback), else 100.100.100.200.
pub fn imds_endpoint(env: &Env) -> String {
    env.get_nonblank("BGPEER_IMDS_ENDPOINT")
        .map(|e| e.trim().trim_end_matches('/').to_string())
        .unwrap_or_else(|| DEFAULT_IMDS.to_string())
}

/// ECS RAM role credentials: IMDSv2 token first, IMDSv1 fallback unless `ALIBABA_CLOUD_IMDSV1_DISABLED`.
pub async fn imds(env: &Env, role_name: Option<&str>) -> Result<Credentials, ImdsFailure> {
    let base = imds_endpoint(env);
    // Short timeouts: off ECS nothing answers, and that must not slow every command.
    let client = http(
        Duration::from_secs(1),
        Duration::from_secs(2),
        false,
        &client::http::Trust::default(),
    )
    .map_err(ImdsFailure::Failed)?;
    let token = match client
        .put(format!("{base}/latest/api/token"))
        .header("X-aliyun-ecs-metadata-token-ttl-seconds", "21600")
        .send()
        .await
    {
        Ok(r) if r.status().is_success() => {
            answer_text(r).await.ok().filter(|t| !t.trim().is_empty())
        }
        Ok(r) => {
            if env.is_true("ALIBABA_CLOUD_IMDSV1_DISABLED") {
                return Err(ImdsFailure::Failed(format!(
                    "IMDSv2 token request to {base} answered HTTP {} and IMDSv1 is disabled (ALIBABA_CLOUD_IMDSV1_DISABLED)",
                    r.status().as_u16()
                )));
            }
            None
        }
        Err(e) if e.is_connect() || e.is_timeout() => {
            return Err(ImdsFailure::Unreachable(format!(
                "no instance metadata service at {base} ({})",
                describe(&e)
            )))
        }
        Err(e) => {
            if env.is_true("ALIBABA_CLOUD_IMDSV1_DISABLED") {
                return Err(ImdsFailure::Failed(format!(
                    "IMDSv2 token request to {base} failed ({}) and IMDSv1 is disabled",
                    describe(&e)
                )));
            }
            None
        }
    };
    let get = |path: String| {
        let mut req = client.get(format!("{base}{path}"));
        if let Some(t) = &token {
            req = req.header("X-aliyun-ecs-metadata-token", t.trim());
        }
        async move {
            let r = req.send().await.map_err(|e| {
                if e.is_connect() || e.is_timeout() {
                    ImdsFailure::Unreachable(format!(
                        "no instance metadata service ({})",
                        describe(&e)
                    ))
                } else {
                    ImdsFailure::Failed(describe(&e))
                }
            })?;
            let status = r.status().as_u16();
            let body = answer_text(r).await.map_err(ImdsFailure::Failed)?;
            if !(200..300).contains(&status) {
                return Err(ImdsFailure::Failed(format!(
                    "GET {path} answered HTTP {status}"
                )));
            }
            Ok(body)
        }
    };
    let role = match role_name.map(str::to_string).or_else(|| {
        env.get_nonblank("ALIBABA_CLOUD_ECS_METADATA")
            .map(str::to_string)
    }) {
        Some(r) => r,
        None => {
            let body = get("/latest/meta-data/ram/security-credentials/".to_string()).await?;
            body.lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .map(str::to_string)
                .ok_or_else(|| {
                    ImdsFailure::Failed(
                        "the instance has no RAM role attached (empty role list)".to_string(),
                    )
                })?
        }
    };
    let body = get(format!("/latest/meta-data/ram/security-credentials/{role}"))
        .await
        .map_err(|e| match e {
            ImdsFailure::Failed(m) => ImdsFailure::Failed(format!("RAM role {role:?}: {m}")),
            other => other,
        })?;
    let creds = parse_credentials_json(&body, &format!("RAM role {role:?}"))
        .map_err(ImdsFailure::Failed)?;
    Ok(Credentials {
        source: format!(
            "ECS instance RAM role {role} ({})",
            if token.is_some() { "IMDSv2" } else { "IMDSv1" }
        ),
        ..creds
    })
}

/// `{"Code":"Success","AccessKeyId":..,"AccessKeySecret":..,"SecurityToken":..,"Expiration":..}`
fn parse_credentials_json(body: &str, what: &str) -> Result<Credentials, String> {
    let v: Value =
        serde_json::from_str(body).map_err(|e| format!("{what}: the answer is not JSON ({e})"))?;
    let field = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    if let Some(code) = field("Code") {
        if code != "Success" {
            return Err(format!("{what}: answered Code {code:?}"));
        }
    }
    let nonblank = |k: &str| field(k).filter(|v| !v.trim().is_empty());
    let (Some(id), Some(secret)) = (nonblank("AccessKeyId"), nonblank("AccessKeySecret")) else {
        return Err(format!(
            "{what}: the answer has no AccessKeyId/AccessKeySecret"
        ));
    };
    Ok(Credentials {
        access_key_id: id,
        access_key_secret: Secret::new(secret),
        security_token: field("SecurityToken")
            .filter(|t| !t.is_empty())
            .map(Secret::new),
        expiration: field("Expiration")
            .as_deref()
            .and_then(Credentials::parse_expiration),
        source: String::new(),
    })
}

/// A URI for messages: the query (which may carry a token) replaced by `?****`.
pub fn redact_uri(uri: &str) -> String {
    match uri.split_once('?') {
        Some((base, _)) => format!("{base}?{}", crate::secret::MASK),
        None => uri.to_string(),
    }
}

/// GET the credentials URI; 200 with the same JSON as the metadata service.
pub async fn credentials_uri(
    uri: &str,
    trust: &client::http::Trust,
) -> Result<Credentials, CredentialsError> {
    let shown = redact_uri(uri);
    let fail = |m: String| {
        let hint = if m.contains("certificate") {
            client::UNTRUSTED_CERTIFICATE_HINT
        } else {
            "check the server behind the credentials URI"
        };
        CredentialsError::invalid(format!("credentials URI {shown}: {m}"), hint.to_string())
    };
    if !(uri.starts_with("http://") || uri.starts_with("https://")) {
        return Err(CredentialsError::invalid(
            format!("invalid credentials URI {shown}: expected http:// or https://"),
            "fix credentials_uri / ALIBABA_CLOUD_CREDENTIALS_URI".to_string(),
        ));
    }
    let client =
        http(Duration::from_secs(5), Duration::from_secs(10), true, trust).map_err(fail)?;
    let r = client
        .get(uri)
        .send()
        .await
        .map_err(|e| fail(describe(&e).replace(uri, &shown)))?;
    let status = r.status().as_u16();
    let body = answer_text(r).await.map_err(fail)?;
    if status != 200 {
        return Err(fail(format!("answered HTTP {status}")));
    }
    let creds = parse_credentials_json(&body, "the answer").map_err(fail)?;
    Ok(Credentials {
        source: format!("credentials URI {shown}"),
        ..creds
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_queries_are_redacted() {
        assert_eq!(
            redact_uri("http://127.0.0.1:9/creds?token=abc"),
            "http://127.0.0.1:9/creds?****"
        );
        assert_eq!(redact_uri("http://h/creds"), "http://h/creds");
    }

    #[test]
    fn failed_codes_are_errors() {
        assert!(parse_credentials_json(r#"{"Code":"Failed"}"#, "x").is_err());
        let c = parse_credentials_json(
            r#"{"Code":"Success","AccessKeyId":"STS.a","AccessKeySecret":"s","SecurityToken":"t"}"#,
            "x",
        )
        .unwrap();
        assert_eq!(c.access_key_id, "STS.a");
        assert_eq!(c.security_token.unwrap().expose(), "t");
    }

    #[test]
    fn a_blank_key_id_or_secret_is_no_credentials() {
        for body in [
            r#"{"AccessKeyId":"","AccessKeySecret":"s"}"#,
            r#"{"AccessKeyId":"STS.a","AccessKeySecret":"  "}"#,
        ] {
            let e = parse_credentials_json(body, "x").unwrap_err();
            assert!(e.contains("has no AccessKeyId/AccessKeySecret"), "{e}");
        }
    }
}
