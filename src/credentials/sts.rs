//! STS AssumeRole (RamRoleArn, ChainableRamRoleArn), with temporary credentials cached in a 0600
//! file and refreshed before they expire; the cache, the margin and the STS client are shared
//! with AssumeRoleWithOIDC (`oidc.rs`).

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::Value;
use sha2::Digest;

use crate::client::{self, Client, ClientConfig, RetryPolicy, Timeouts};
use crate::clock::Clock;
use crate::env::Env;
use crate::secret::Secret;
use crate::signing::SignatureVersion;

use super::{Credentials, CredentialsError};

use crate::protocol::STS_VERSION;

/// Cached credentials are used only while more than this is left before they expire.
pub(super) const REFRESH_MARGIN_SECS: i64 = 300;
/// `DurationSeconds` when the profile does not say.
pub(super) const DEFAULT_DURATION: u32 = 3600;

/// Assume-role parameters shared by RamRoleArn and ChainableRamRoleArn.
#[derive(Debug, Clone, Default)]
pub struct RoleParams {
    pub role_arn: String,
    pub session_name: Option<String>,
    pub duration_seconds: Option<u32>,
    pub external_id: Option<String>,
    pub policy: Option<String>,
    pub sts_region: Option<String>,
    pub sts_endpoint: Option<String>,
}

/// `BGPEER_STS_ENDPOINT` > the profile's `sts_endpoint` > `sts.<sts_region>.aliyuncs.com` >
/// `sts.aliyuncs.com`.
pub fn endpoint(role: &RoleParams, env: &Env) -> String {
    if let Some(e) = env.get_nonblank("BGPEER_STS_ENDPOINT") {
        return e.trim().to_string();
    }
    if let Some(e) = &role.sts_endpoint {
        return e.clone();
    }
    let region = role.sts_region.clone().or_else(|| {
        env.get_nonblank("ALIBABA_CLOUD_STS_REGION")
            .map(str::to_string)
    });
    match region {
        Some(r) => format!("sts.{}.aliyuncs.com", r.trim()),
        None => "sts.aliyuncs.com".to_string(),
    }
}

/// One set of temporary credentials as a cache file holds them.
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct Cached {
    #[serde(rename = "AccessKeyId")]
    pub access_key_id: String,
    #[serde(rename = "AccessKeySecret")]
    pub access_key_secret: String,
    #[serde(rename = "SecurityToken")]
    pub security_token: String,
    #[serde(rename = "Expiration")]
    pub expiration: String,
}

impl Cached {
    pub(super) fn into_credentials(self, source: &str) -> Credentials {
        Credentials {
            expiration: Credentials::parse_expiration(&self.expiration),
            access_key_id: self.access_key_id,
            access_key_secret: Secret::new(self.access_key_secret),
            security_token: Some(Secret::new(self.security_token)),
            source: source.to_string(),
        }
    }
}

/// The cache file of one set of STS parameters (`parts`: what the temporary credentials depend
/// on, never a secret), in the one directory [`forget_cached`] empties.
pub(super) fn cache_file(env: &Env, parts: &[&str]) -> std::path::PathBuf {
    let mut h = sha2::Sha256::new();
    for part in parts {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    let key = hex::encode(&h.finalize()[..16]);
    crate::config::cache_dir(env)
        .join("sts")
        .join(format!("{key}.json"))
}

fn cache_path(
    base: &Credentials,
    role: &RoleParams,
    endpoint: &str,
    env: &Env,
) -> std::path::PathBuf {
    cache_file(
        env,
        &[
            endpoint,
            base.access_key_id.as_str(),
            role.role_arn.as_str(),
            role.session_name.as_deref().unwrap_or(""),
            &role
                .duration_seconds
                .unwrap_or(DEFAULT_DURATION)
                .to_string(),
            role.external_id.as_deref().unwrap_or(""),
            role.policy.as_deref().unwrap_or(""),
        ],
    )
}

/// Forgets every cached set of temporary credentials (they were rejected: revoked, or issued by an
/// emulator that has since restarted). Returns whether there was anything to forget.
pub fn forget_cached(env: &Env) -> bool {
    let dir = crate::config::cache_dir(env).join("sts");
    dir.is_dir() && std::fs::remove_dir_all(&dir).is_ok()
}

fn still_fresh(expiration: &str, now: DateTime<Utc>) -> bool {
    DateTime::parse_from_rfc3339(expiration)
        .map(|e| (e.with_timezone(&Utc) - now).num_seconds() > REFRESH_MARGIN_SECS)
        .unwrap_or(false)
}

/// The cached credentials in `path`, if they are still fresh at `now`.
pub(super) fn read_cache(
    path: &std::path::Path,
    now: DateTime<Utc>,
    source: &str,
) -> Option<Credentials> {
    let text = std::fs::read_to_string(path).ok()?;
    let cached: Cached = serde_json::from_str(&text).ok()?;
    still_fresh(&cached.expiration, now).then(|| cached.into_credentials(source))
}

/// The temporary credentials of an STS answer (`Credentials.AccessKeyId`, ...), cached in `path`
/// when they are fresh at `now`; `None` when the answer lacks them.
pub(super) fn answered_credentials(
    answer: &Value,
    path: &std::path::Path,
    now: DateTime<Utc>,
    source: &str,
) -> Option<Credentials> {
    let c = answer.get("Credentials")?;
    let field = |k: &str| c.get(k).and_then(Value::as_str).map(str::to_string);
    let cached = Cached {
        access_key_id: field("AccessKeyId")?,
        access_key_secret: field("AccessKeySecret")?,
        security_token: field("SecurityToken")?,
        expiration: field("Expiration").unwrap_or_default(),
    };
    write_cache(path, &cached, now);
    Some(cached.into_credentials(source))
}

/// Caches `cached` in `path` when it is still fresh at `now`. A cache we can't write only costs
/// an extra call next time.
pub(super) fn write_cache(path: &std::path::Path, cached: &Cached, now: DateTime<Utc>) {
    if still_fresh(&cached.expiration, now) {
        if let Ok(bytes) = serde_json::to_vec(cached) {
            let _ = crate::config::file::write_private(path, &bytes);
        }
    }
}

/// A client for STS at `endpoint`: signed with `credentials`, or unsigned with `None`; the
/// timeouts and the bounded retries of every STS call.
pub(super) fn client(
    endpoint: client::Endpoint,
    credentials: Option<Credentials>,
    options: &StsOptions,
) -> Result<Client, client::ClientError> {
    Client::new(ClientConfig {
        endpoint,
        version: STS_VERSION.to_string(),
        signature_version: SignatureVersion::V2,
        credentials,
        timeouts: Timeouts {
            connect: Duration::from_secs(5),
            request: Duration::from_secs(15),
            deadline: Duration::from_secs(60),
        },
        retry: RetryPolicy {
            max_attempts: 3,
            base_delay: options.retry_base_delay,
            ..RetryPolicy::default()
        },
        debug: options.debug.clone(),
        clock: options.clock.clone(),
        trust: options.trust.clone(),
    })
}

/// How the chain calls STS: the command's `--debug` and its retry base delay.
#[derive(Debug, Clone)]
pub struct StsOptions {
    pub debug: crate::client::DebugLog,
    pub retry_base_delay: Duration,
    pub clock: Clock,
    /// The CA certificates trusted for STS, sign-in and credentials-URI calls.
    pub trust: crate::client::http::Trust,
}

/// Assumes `role` with `base` credentials, using the cache when it is still fresh.
pub async fn assume_role(
    base: &Credentials,
    role: &RoleParams,
    env: &Env,
    options: StsOptions,
) -> Result<Credentials, CredentialsError> {
    let raw_endpoint = endpoint(role, env);
    let path = cache_path(base, role, &raw_endpoint, env);
    let label = format!("{} via STS AssumeRole", role.role_arn);
    if let Some(c) = read_cache(&path, options.clock.now(), &label) {
        return Ok(c);
    }
    let endpoint = client::endpoint::resolve(None, Some(&raw_endpoint), false).map_err(|e| {
        CredentialsError::invalid(
            format!("invalid STS endpoint {raw_endpoint:?}: {e}"),
            "fix sts_endpoint / sts_region in the profile, or BGPEER_STS_ENDPOINT".to_string(),
        )
    })?;
    let client = client(endpoint, Some(base.clone()), &options).map_err(|e| {
        CredentialsError::AssumeRole {
            role_arn: role.role_arn.clone(),
            source: Box::new(e),
        }
    })?;
    let session = role
        .session_name
        .clone()
        .unwrap_or_else(|| format!("bgpeer-{}", options.clock.now().timestamp()));
    let mut params = vec![
        ("RoleArn".to_string(), role.role_arn.clone()),
        ("RoleSessionName".to_string(), session),
        (
            "DurationSeconds".to_string(),
            role.duration_seconds
                .unwrap_or(DEFAULT_DURATION)
                .to_string(),
        ),
    ];
    if let Some(x) = &role.external_id {
        params.push(("ExternalId".to_string(), x.clone()));
    }
    if let Some(p) = &role.policy {
        params.push(("Policy".to_string(), p.clone()));
    }
    let value = client
        .call("AssumeRole", &params, &Default::default())
        .await
        .map_err(|e| CredentialsError::AssumeRole {
            role_arn: role.role_arn.clone(),
            source: Box::new(e),
        })?;
    answered_credentials(&value, &path, options.clock.now(), &label).ok_or_else(|| {
        CredentialsError::invalid(
            format!(
                "STS AssumeRole for {} answered without Credentials.AccessKeyId/AccessKeySecret/SecurityToken",
                role.role_arn
            ),
            "check the STS endpoint (sts_endpoint, BGPEER_STS_ENDPOINT)".to_string(),
        )
    })
}
