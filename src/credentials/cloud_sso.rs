//! Mode CloudSSO (aliyun CLI profiles only): the access token that the aliyun CLI got at its
//! browser sign-in (`aliyun configure --mode CloudSSO`) is exchanged at the sign-in service's
//! `/cloud-credentials` for STS credentials of one account and access configuration. They are
//! cached with the AssumeRole cache (0600, `sts.rs`) and renewed when less than 5 minutes are
//! left. There is no refresh token: once the access token expires, only a new browser sign-in
//! helps, and bgpeer says which command does it.
//!
//! The STS credentials the aliyun CLI keeps in the profile (`access_key_id`, ..., `sts_expiration`)
//! are not used, as the official libraries do not use them: bgpeer does not write CloudSSO
//! profiles, so it cannot know they still match the profile's account and access configuration.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::config::aliyun::AliyunProfile;
use crate::env::Env;
use crate::exit::Exit;
use crate::secret::Secret;

use super::sign_in::{self, Service, SignInError};
use super::sts::{self, Cached, StsOptions};
use super::{Credentials, CredentialsError};

/// What a CloudSSO profile of the aliyun CLI holds.
#[derive(Debug, Clone)]
pub struct CloudSso {
    pub profile: String,
    /// The user-portal URL; only its scheme and host are used.
    pub sign_in_url: String,
    pub account_id: String,
    pub access_config: String,
    pub access_token: Option<Secret>,
    /// Unix seconds; 0 when not set.
    pub access_token_expire: i64,
}

impl CloudSso {
    /// Reads an aliyun CLI profile (`whence` says where it is, for errors).
    pub fn from_profile(p: &AliyunProfile, whence: &str) -> Result<CloudSso, CredentialsError> {
        let command = sign_in::sign_in_command(&p.name, "CloudSSO", "");
        let need = |value: &str, key: &str| {
            Some(value.trim().to_string())
                .filter(|v| !v.is_empty())
                .ok_or_else(|| {
                    CredentialsError::invalid(
                        format!("mode CloudSSO needs `{key}` ({whence})"),
                        format!("`{command}` signs in and writes it"),
                    )
                })
        };
        Ok(CloudSso {
            profile: p.name.clone(),
            sign_in_url: need(&p.cloud_sso_sign_in_url, "cloud_sso_sign_in_url")?,
            account_id: need(&p.cloud_sso_account_id, "cloud_sso_account_id")?,
            access_config: need(&p.cloud_sso_access_config, "cloud_sso_access_config")?,
            access_token: Some(p.access_token.trim())
                .filter(|t| !t.is_empty())
                .map(Secret::new),
            access_token_expire: p.cloud_sso_access_token_expire,
        })
    }

    /// The aliyun CLI command that signs this profile in again.
    pub fn sign_in_command(&self) -> String {
        sign_in::sign_in_command(&self.profile, "CloudSSO", "")
    }

    /// Until when the sign-in is valid, if there is one at all.
    pub fn signed_in_until(&self) -> Option<DateTime<Utc>> {
        self.access_token.as_ref()?;
        DateTime::from_timestamp(self.access_token_expire, 0)
            .filter(|_| self.access_token_expire > 0)
    }

    /// For `configure list`: the sign-in's state at `now`, without contacting anything.
    pub fn status(&self, now: DateTime<Utc>) -> String {
        match self.signed_in_until() {
            Some(t) if t > now => {
                format!("signed in until {}", crate::signing::format_timestamp(t))
            }
            Some(_) => format!("sign-in expired; run `{}`", self.sign_in_command()),
            None => format!("not signed in; run `{}`", self.sign_in_command()),
        }
    }
}

/// The temporary credentials of `sso` (`whence` says where the profile is, for messages).
pub async fn credentials(
    sso: &CloudSso,
    whence: &str,
    env: &Env,
    options: &StsOptions,
) -> Result<Credentials, CredentialsError> {
    let now = options.clock.now();
    let service = Service::new(&sso.sign_in_url, "cloud_sso_sign_in_url", &options.trust)?;
    let token = sso.access_token.as_ref().map(Secret::expose).unwrap_or("");
    let cache = sts::cache_file(
        env,
        &[
            "CloudSSO",
            &service.url(""),
            &sso.account_id,
            &sso.access_config,
            token,
        ],
    );
    if let Some(c) = sts::read_cache(&cache, now, whence) {
        if let Some(until) = c.expiration {
            options.debug.line(&format!(
                "CloudSSO: cached temporary credentials of {whence}, valid until {}",
                crate::signing::format_timestamp(until)
            ));
        }
        return Ok(c);
    }
    let again = format!(
        "sign in again in a browser with `{}`, then run the command again",
        sso.sign_in_command()
    );
    match sso.signed_in_until() {
        None if sso.access_token.is_none() => {
            return Err(SignInError::needed(
                format!("{whence} (mode CloudSSO) is not signed in: it has no CloudSSO access token"),
                format!("sign in in a browser with `{}`", sso.sign_in_command()),
            )
            .into())
        }
        None => {
            return Err(SignInError::needed(
                format!("the CloudSSO sign-in of {whence} has no expiry time (cloud_sso_access_token_expire), so it counts as expired"),
                again,
            )
            .into())
        }
        Some(t) if t <= now => {
            return Err(SignInError::needed(
                format!(
                    "the CloudSSO sign-in of {whence} expired at {}",
                    crate::signing::format_timestamp(t)
                ),
                again,
            )
            .into())
        }
        Some(_) => {}
    }
    let url = service.url("/cloud-credentials");
    options.debug.line(&format!(
        "CloudSSO: POST {url} (account {}, access configuration {})",
        sso.account_id, sso.access_config
    ));
    let request = service
        .post("/cloud-credentials")
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .bearer_auth(token)
        .body(
            json!({"AccountId": sso.account_id, "AccessConfigurationId": sso.access_config})
                .to_string(),
        );
    let answer = service
        .send(
            request,
            "the CloudSSO sign-in service",
            "check the network (and HTTPS_PROXY), and cloud_sso_sign_in_url in the profile",
        )
        .await?;
    options.debug.line(&format!(
        "CloudSSO: HTTP {} in {} ms",
        answer.status,
        answer.elapsed.as_millis()
    ));
    let refused = |what: &str, hint: String, exit: Exit| {
        answer.failure(
            format!(
                "the CloudSSO service {what} ({whence}): {}",
                answer.describe()
            ),
            hint,
            exit,
        )
    };
    match answer.status {
        200 => {}
        401 => return Err(refused("refused the access token", again, Exit::Auth).into()),
        400..=499 => {
            return Err(refused(
                &format!(
                    "refused credentials for account {} and access configuration {}",
                    sso.account_id, sso.access_config
                ),
                format!(
                "check cloud_sso_account_id and cloud_sso_access_config; `{}` chooses them again",
                sso.sign_in_command()
            ),
                Exit::Auth,
            )
            .into())
        }
        _ => {
            return Err(refused(
                "failed",
                "try again later; if it persists, check cloud_sso_sign_in_url".to_string(),
                Exit::Network,
            )
            .into())
        }
    }
    let credential = answer
        .json
        .as_object()
        .and_then(|o| {
            o.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("CloudCredential"))
        })
        .map(|(_, v)| v.clone())
        .unwrap_or(Value::Null);
    let get = |k: &str| sign_in::field(&credential, k).filter(|v| !v.is_empty());
    let (Some(id), Some(secret), Some(security_token)) = (
        get("AccessKeyId"),
        get("AccessKeySecret"),
        get("SecurityToken"),
    ) else {
        return Err(refused(
            "answered without CloudCredential.AccessKeyId/AccessKeySecret/SecurityToken",
            "check cloud_sso_sign_in_url: it is the CloudSSO user portal URL that `aliyun configure --mode CloudSSO` asked for".to_string(),
            Exit::Auth,
        )
        .into());
    };
    let cached = Cached {
        access_key_id: id,
        access_key_secret: secret,
        security_token,
        expiration: get("Expiration").unwrap_or_default(),
    };
    sts::write_cache(&cache, &cached, now);
    Ok(cached.into_credentials(whence))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sso(token: Option<&str>, expire: i64) -> CloudSso {
        CloudSso {
            profile: "sso".into(),
            sign_in_url: "https://signin.example.com/start/login".into(),
            account_id: "1234567890".into(),
            access_config: "ac-abc".into(),
            access_token: token.map(Secret::new),
            access_token_expire: expire,
        }
    }

    #[test]
    fn the_status_says_until_when_or_which_command_signs_in_again() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        assert_eq!(
            sso(Some("AT"), 1_800_003_600).status(now),
            "signed in until 2027-01-15T09:00:00Z"
        );
        assert_eq!(
            sso(Some("AT"), 1_799_999_999).status(now),
            "sign-in expired; run `aliyun configure --profile sso --mode CloudSSO`"
        );
        assert_eq!(
            sso(None, 1_800_003_600).status(now),
            "not signed in; run `aliyun configure --profile sso --mode CloudSSO`"
        );
        assert_eq!(sso(Some("AT"), 0).signed_in_until(), None);
    }
}
