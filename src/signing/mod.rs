//! Pure request signers for Alibaba Cloud RPC APIs: ACS3-HMAC-SHA256 (`v3`, the default) and
//! HMAC-SHA1 (`v2`, `SignatureVersion=1.0`). No I/O and no clock: time and nonce come in as arguments.
//!
//! Both schemes are pinned by the published vectors in `tests/it/signing_vectors.rs`.

pub mod percent;
pub mod v2;
pub mod v3;

use std::fmt;
use std::str::FromStr;

pub use percent::percent_encode;

/// The user-facing name of a signature scheme, as Alibaba's docs name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SignatureVersion {
    /// ACS3-HMAC-SHA256, headers-based.
    #[default]
    V3,
    /// RPC HMAC-SHA1 (`SignatureVersion=1.0`), parameters-based.
    V2,
}

impl SignatureVersion {
    pub fn as_str(self) -> &'static str {
        match self {
            SignatureVersion::V3 => "v3",
            SignatureVersion::V2 => "v2",
        }
    }
}

impl fmt::Display for SignatureVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown signature version {0:?}: use v3 (ACS3-HMAC-SHA256) or v2 (HMAC-SHA1)")]
pub struct UnknownSignatureVersion(pub String);

impl FromStr for SignatureVersion {
    type Err = UnknownSignatureVersion;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "v3" | "acs3-hmac-sha256" => Ok(SignatureVersion::V3),
            "v2" | "v1" | "hmac-sha1" => Ok(SignatureVersion::V2),
            _ => Err(UnknownSignatureVersion(s.to_string())),
        }
    }
}

/// The key material a signer needs, borrowed so that secrets are never copied around.
#[derive(Clone, Copy)]
pub struct SigningKey<'a> {
    pub access_key_id: &'a str,
    pub access_key_secret: &'a str,
    pub security_token: Option<&'a str>,
}

impl fmt::Debug for SigningKey<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKey")
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &"****")
            .field("security_token", &self.security_token.map(|_| "****"))
            .finish()
    }
}

/// `yyyy-MM-ddTHH:mm:ssZ` in UTC, the timestamp format of both schemes.
pub fn format_timestamp(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Parses `yyyy-MM-ddTHH:mm:ssZ` (UTC); `None` when malformed.
pub fn parse_timestamp(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%SZ")
        .ok()
        .map(|n| n.and_utc())
}
