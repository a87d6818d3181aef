//! Secrets (AccessKey secret, security token, BGP AuthKey, tokens in URIs) live in [`Secret`],
//! whose `Debug` and `Display` print a mask, so they can't leak through logs or error messages.

use std::fmt;

use serde_json::{Map, Value};

pub const MASK: &str = "****";

#[derive(Clone, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The clear value, for signing and for the API parameter that carries it. Nothing else.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Self {
        Secret(s)
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Self {
        Secret(s.to_string())
    }
}

/// Is a field or parameter of this name a secret, whose value is masked wherever it is shown
/// (output, `--debug` logs, the emulator's request log)? The V2 `Signature`, the STS
/// `SecurityToken` (also as the `x-acs-security-token` header, or the aliyun CLI's `sts_token`),
/// the `OIDCToken` of STS `AssumeRoleWithOIDC`, sign-in tokens (OAuth and CloudSSO access and
/// refresh tokens, an `Authorization` header), BGP `AuthKey`s, and anything that calls itself a
/// secret or a password, in any case. The one rule: every masking place asks it.
pub fn is_secret_name(name: &str) -> bool {
    let lower: String = name
        .chars()
        .filter(|c| !matches!(c, '-' | '_'))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    lower == "signature"
        || lower == "authorization"
        || lower.contains("securitytoken")
        || lower.contains("ststoken")
        || lower.contains("accesstoken")
        || lower.contains("refreshtoken")
        || lower.ends_with("oidctoken")
        || lower.contains("authkey")
        || lower.contains("secret")
        || lower.contains("password")
}

// Secrets (the BGP `AuthKey` above all) masked in any JSON: the walker model values use for what
// they do not type, and the renderers for everything else.
/// Replaces every secret field, at any depth, with `****` (or `""` when it is empty).
/// `null` stays `null`, so "no key set" and "a key set" remain distinguishable without the key.
pub fn mask_secrets(value: &mut Value) {
    match value {
        Value::Object(map) => mask_map(map),
        Value::Array(items) => items.iter_mut().for_each(mask_secrets),
        _ => {}
    }
}

/// [`mask_secrets`] over the fields of one object.
pub fn mask_map(map: &mut Map<String, Value>) {
    for (key, v) in map.iter_mut() {
        if is_secret_name(key) {
            mask_one(v);
        } else {
            mask_secrets(v);
        }
    }
}

fn mask_one(v: &mut Value) {
    *v = match v {
        Value::Null => Value::Null,
        Value::String(s) if s.is_empty() => Value::String(String::new()),
        _ => Value::String(MASK.to_string()),
    };
}

/// An AccessKey ID shown to people: the first 4 and last 3 characters, `LTAI****abc`.
pub fn mask_key_id(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() <= 8 {
        return format!("{}{MASK}", chars.iter().take(2).collect::<String>());
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 3..].iter().collect();
    format!("{head}{MASK}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn debug_and_display_mask_the_value() {
        let s = Secret::new("very-secret-value");
        assert_eq!(format!("{s:?}"), MASK);
        assert_eq!(format!("{s}"), MASK);
        assert_eq!(format!("{:?}", Some(&s)), format!("Some({MASK})"));
        assert_eq!(s.expose(), "very-secret-value");
    }

    #[test]
    fn key_ids_are_masked_in_the_middle() {
        assert_eq!(mask_key_id("LTAI5tFakeKeyId123"), "LTAI****123");
        assert_eq!(mask_key_id("short"), "sh****");
    }

    #[test]
    fn one_rule_names_every_secret_in_any_case() {
        for name in [
            "AuthKey",
            "authkey",
            "AccessKeySecret",
            "SecurityToken",
            "x-acs-security-token",
            "OIDCToken",
            "oidc_token",
            "Signature",
            "client_secret",
            "Password",
            "sts_token",
            "refresh_token",
            "oauth_access_token",
            "access_token",
            "Authorization",
        ] {
            assert!(is_secret_name(name), "{name}");
        }
        for name in [
            "BgpPeerId",
            "SignatureMethod",
            "SignatureNonce",
            "AccessKeyId",
            "Name",
            "ClientToken",
            "NextToken",
            "token_type",
            "OIDCProviderArn",
            "oidc_token_file",
        ] {
            assert!(!is_secret_name(name), "{name}");
        }
    }

    #[test]
    fn auth_keys_are_masked_at_every_depth() {
        let mut v = json!({
            "VbrId": "vbr-1",
            "AuthKey": "top-secret",
            "BgpGroups": [
                {"BgpGroupId": "bgpg-1", "AuthKey": "s3cret", "BgpPeers": [{"authkey": "x"}]},
                {"BgpGroupId": "bgpg-2", "AuthKey": ""},
                {"BgpGroupId": "bgpg-3", "AuthKey": null}
            ]
        });
        mask_secrets(&mut v);
        let text = v.to_string();
        assert!(
            !text.contains("top-secret") && !text.contains("s3cret"),
            "{text}"
        );
        assert_eq!(v["AuthKey"], "****");
        assert_eq!(v["BgpGroups"][0]["AuthKey"], "****");
        assert_eq!(v["BgpGroups"][0]["BgpPeers"][0]["authkey"], "****");
        assert_eq!(v["BgpGroups"][1]["AuthKey"], "");
        assert_eq!(v["BgpGroups"][2]["AuthKey"], Value::Null);
        assert_eq!(v["VbrId"], "vbr-1");
    }

    #[test]
    fn non_string_secrets_are_masked_too() {
        let mut v = json!({"AuthKey": 12345, "SecurityToken": {"a": 1}});
        mask_secrets(&mut v);
        assert_eq!(v, json!({"AuthKey": "****", "SecurityToken": "****"}));
    }
}
