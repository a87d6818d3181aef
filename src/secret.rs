//! Secrets (AccessKey secret, security token, BGP AuthKey, tokens in URIs) live in [`Secret`],
//! whose `Debug` and `Display` print a mask, so they can't leak through logs or error messages.

use std::fmt;

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
/// (output, `--debug` logs, the emulator's request log)? The V2 `Signature` and the STS
/// `SecurityToken` (also as the `x-acs-security-token` header), BGP `AuthKey`s, and anything that
/// calls itself a secret or a password, in any case. The one rule: every masking place asks it.
pub fn is_secret_name(name: &str) -> bool {
    let lower: String = name
        .chars()
        .filter(|c| !matches!(c, '-' | '_'))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    lower == "signature"
        || lower.contains("securitytoken")
        || lower.contains("authkey")
        || lower.contains("secret")
        || lower.contains("password")
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
            "Signature",
            "client_secret",
            "Password",
        ] {
            assert!(is_secret_name(name), "{name}");
        }
        for name in [
            "BgpPeerId",
            "SignatureMethod",
            "SignatureNonce",
            "AccessKeyId",
            "Name",
        ] {
            assert!(!is_secret_name(name), "{name}");
        }
    }
}
