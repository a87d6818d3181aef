//! The emulator's own STS (`AssumeRole`, version 2015-04-01) and the temporary credentials it
//! issues, also for `AssumeRoleWithOIDC` (`oidc.rs`).
//!
//! Roles: any well-formed ARN `acs:ram::<digits>:role/<name>` is assumable by any key the
//! emulator knows (permanent or temporary). Issued credentials live in memory: a restart
//! invalidates them, as if they had expired.

use std::collections::HashMap;
use std::sync::RwLock;

use chrono::{DateTime, Utc};
use rand::Rng;
use serde_json::{json, Value};

use super::actions::{EmuError, Params};

pub use crate::protocol::STS_VERSION;

/// One set of temporary credentials.
#[derive(Clone)]
pub struct Temporary {
    pub secret: String,
    pub token: String,
    pub expiration: DateTime<Utc>,
}

#[derive(Default)]
pub struct Sts {
    issued: RwLock<HashMap<String, Temporary>>,
}

/// How a security token relates to the AccessKey that came with it.
pub enum TokenCheck {
    /// A temporary key with its matching, unexpired token: sign with this secret.
    Valid(String),
    Error(EmuError),
}

fn random_string(len: usize, alphabet: &[u8]) -> String {
    let mut rng = rand::rng();
    (0..len)
        .map(|_| alphabet[rng.random_range(0..alphabet.len())] as char)
        .collect()
}

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

fn is_role_arn(arn: &str) -> Option<(&str, &str)> {
    let rest = arn.strip_prefix("acs:ram::")?;
    let (account, role) = rest.split_once(":role/")?;
    let role_ok = !role.is_empty()
        && role.len() <= 64
        && role
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    (!account.is_empty() && account.bytes().all(|b| b.is_ascii_digit()) && role_ok)
        .then_some((account, role))
}

fn invalid(code: &str, message: &str) -> EmuError {
    EmuError::new(400, code, message)
}

impl Sts {
    pub fn is_temporary(access_key_id: &str) -> bool {
        access_key_id.starts_with("STS.")
    }

    /// The secret of a temporary key if `token` is its token and it has not expired.
    pub fn check(&self, access_key_id: &str, token: &str, now: DateTime<Utc>) -> TokenCheck {
        let issued = self.issued.read().unwrap_or_else(|e| e.into_inner());
        match issued.get(access_key_id) {
            None => TokenCheck::Error(invalid(
                "InvalidSecurityToken.MismatchWithAccessKey",
                "The security token you provided does not match the access key id.",
            )),
            Some(t) if t.token != token => TokenCheck::Error(invalid(
                "InvalidSecurityToken.MismatchWithAccessKey",
                "The security token you provided does not match the access key id.",
            )),
            Some(t) if t.expiration <= now => TokenCheck::Error(invalid(
                "InvalidSecurityToken.Expired",
                "Specified SecurityToken is expired.",
            )),
            Some(t) => TokenCheck::Valid(t.secret.clone()),
        }
    }

    /// Whether `access_key_id` is a temporary key this STS issued (for the unknown-key check).
    pub fn knows(&self, access_key_id: &str) -> bool {
        self.issued
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .contains_key(access_key_id)
    }

    /// Serves `AssumeRole`; the response has no `RequestId` (the gateway adds it).
    pub fn assume_role(&self, params: &Params, now: DateTime<Utc>) -> Result<Value, EmuError> {
        let request = RoleRequest::parse(params)?;
        let mut out = self.issue(&request, now);
        if let Some(si) = params.get("SourceIdentity").filter(|s| !s.is_empty()) {
            out["SourceIdentity"] = Value::from(si);
        }
        Ok(out)
    }

    /// Issues temporary credentials for `request`: `AssumedRoleUser` and `Credentials`, the part
    /// of the answer every AssumeRole* action shares.
    pub fn issue(&self, request: &RoleRequest, now: DateTime<Utc>) -> Value {
        let (access_key_id, t) = self.issue_keys(chrono::Duration::seconds(request.duration), now);
        let role_id: String = random_string(19, b"0123456789");
        let session = &request.session;
        json!({
            "AssumedRoleUser": {
                "AssumedRoleId": format!("{role_id}:{session}"),
                "Arn": format!(
                    "acs:ram::{}:role/{}/{session}",
                    request.account,
                    request.role.to_ascii_lowercase()
                ),
            },
            "Credentials": {
                "AccessKeyId": access_key_id,
                "AccessKeySecret": t.secret,
                "SecurityToken": t.token,
                "Expiration": crate::signing::format_timestamp(t.expiration),
            },
        })
    }

    /// Issues temporary credentials valid for `duration` from `now`, for every
    /// AssumeRole* action and the sign-in services (CloudSSO `/cloud-credentials`, OAuth
    /// `/v1/exchange`): their AccessKey ID and the rest, remembered until they expire.
    pub fn issue_keys(
        &self,
        duration: chrono::Duration,
        now: DateTime<Utc>,
    ) -> (String, Temporary) {
        let access_key_id = format!("STS.{}", random_string(25, ALNUM));
        let temporary = Temporary {
            secret: random_string(44, ALNUM),
            token: format!(
                "CAIS{}",
                random_string(
                    300,
                    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                )
            ),
            expiration: now + duration,
        };
        let mut issued = self.issued.write().unwrap_or_else(|e| e.into_inner());
        issued.retain(|_, t| t.expiration > now);
        issued.insert(access_key_id.clone(), temporary.clone());
        (access_key_id, temporary)
    }
}

/// The parameters every AssumeRole* action checks the same way: `RoleArn`, `RoleSessionName`,
/// `DurationSeconds` (900-43200, default 3600) and `Policy`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleRequest {
    pub account: String,
    pub role: String,
    pub session: String,
    pub duration: i64,
}

impl RoleRequest {
    pub fn parse(params: &Params) -> Result<RoleRequest, EmuError> {
        let role_arn = params.get("RoleArn").filter(|v| !v.is_empty()).ok_or_else(|| {
            invalid(
                "MissingRoleArn",
                "The input parameter \"RoleArn\" that is mandatory for processing this request is not supplied.",
            )
        })?;
        let session = params
            .get("RoleSessionName")
            .filter(|v| !v.is_empty())
            .ok_or_else(|| {
                invalid(
                    "MissingRoleSessionName",
                    "The input parameter \"RoleSessionName\" that is mandatory for processing this request is not supplied.",
                )
            })?;
        let (account, role) = is_role_arn(role_arn).ok_or_else(|| {
            invalid(
                "InvalidParameter.RoleArn",
                "The parameter RoleArn is wrong: use acs:ram::<account id>:role/<role name>.",
            )
        })?;
        let session_ok = (2..=64).contains(&session.len())
            && session
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '@' | '-' | '_'));
        if !session_ok {
            return Err(invalid(
                "InvalidParameter.RoleSessionName",
                "The parameter RoleSessionName is wrong: use 2-64 letters, digits and . @ - _.",
            ));
        }
        let duration = match params.get("DurationSeconds") {
            None | Some("") => 3600,
            Some(v) => match v.parse::<i64>() {
                Ok(d) if (900..=43200).contains(&d) => d,
                _ => {
                    return Err(invalid(
                        "InvalidParameter.DurationSeconds",
                        "The parameter DurationSeconds is wrong: use 900 to 43200.",
                    ))
                }
            },
        };
        if let Some(policy) = params.get("Policy") {
            if policy.len() > 2048 || serde_json::from_str::<Value>(policy).is_err() {
                return Err(invalid(
                    "InvalidParameter.PolicyGrammar",
                    "The parameter Policy has not a valid JSON policy grammar (1-2048 characters).",
                ));
            }
        }
        Ok(RoleRequest {
            account: account.to_string(),
            role: role.to_string(),
            session: session.to_string(),
            duration,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Params {
        Params::from_pairs(pairs)
    }

    #[test]
    fn role_arns_are_checked() {
        assert!(is_role_arn("acs:ram::1234567890123456:role/vpc-admin").is_some());
        assert!(is_role_arn("acs:ram::12ab:role/x").is_none());
        assert!(is_role_arn("acs:ram::123:user/x").is_none());
        assert!(is_role_arn("acs:ram::123:role/").is_none());
    }

    #[test]
    fn issued_credentials_check_out_and_a_wrong_token_does_not() {
        let sts = Sts::default();
        let now = Utc::now();
        let v = sts
            .assume_role(
                &params(&[
                    ("RoleArn", "acs:ram::1234567890123456:role/vpc-admin"),
                    ("RoleSessionName", "test"),
                ]),
                now,
            )
            .unwrap();
        let ak = v["Credentials"]["AccessKeyId"].as_str().unwrap();
        let token = v["Credentials"]["SecurityToken"].as_str().unwrap();
        assert!(ak.starts_with("STS."));
        assert!(matches!(sts.check(ak, token, now), TokenCheck::Valid(_)));
        assert!(
            matches!(sts.check(ak, "CAISwrong", now), TokenCheck::Error(e) if e.code == "InvalidSecurityToken.MismatchWithAccessKey")
        );
        let later = now + chrono::Duration::seconds(3601);
        assert!(
            matches!(sts.check(ak, token, later), TokenCheck::Error(e) if e.code == "InvalidSecurityToken.Expired")
        );
    }

    #[test]
    fn bad_requests_name_the_parameter() {
        let sts = Sts::default();
        let e = sts.assume_role(&params(&[]), Utc::now()).unwrap_err();
        assert_eq!(e.code, "MissingRoleArn");
        let e = sts
            .assume_role(
                &params(&[("RoleArn", "acs:ram::1:role/r"), ("RoleSessionName", "s")]),
                Utc::now(),
            )
            .unwrap_err();
        assert_eq!(e.code, "InvalidParameter.RoleSessionName");
        let e = sts
            .assume_role(
                &params(&[
                    ("RoleArn", "acs:ram::1:role/r"),
                    ("RoleSessionName", "ss"),
                    ("DurationSeconds", "10"),
                ]),
                Utc::now(),
            )
            .unwrap_err();
        assert_eq!(e.code, "InvalidParameter.DurationSeconds");
    }
}
