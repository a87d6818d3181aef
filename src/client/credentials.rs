//! The credentials a request is signed with, as the client takes them. Where they come from is
//! the `credentials` module's business (it sits above the client and uses it for STS calls).

use crate::secret::Secret;

/// Credentials ready to sign with.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub access_key_id: String,
    pub access_key_secret: Secret,
    pub security_token: Option<Secret>,
    /// When temporary credentials stop working (`None`: long-term, or not said).
    pub expiration: Option<chrono::DateTime<chrono::Utc>>,
    /// Where they came from, e.g. `env ALIBABA_CLOUD_ACCESS_KEY_ID` or `profile prod in ~/.config/bgpeer/config.toml`.
    pub source: String,
}

impl Credentials {
    /// Parses an `Expiration` as STS, the metadata service and credential processes write it
    /// (`2026-12-03T12:00:00Z`, any RFC 3339 time).
    pub fn parse_expiration(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
        chrono::DateTime::parse_from_rfc3339(text.trim())
            .ok()
            .map(|t| t.with_timezone(&chrono::Utc))
    }

    pub fn signing_key(&self) -> crate::signing::SigningKey<'_> {
        crate::signing::SigningKey {
            access_key_id: &self.access_key_id,
            access_key_secret: self.access_key_secret.expose(),
            security_token: self.security_token.as_ref().map(|t| t.expose()),
        }
    }
}
