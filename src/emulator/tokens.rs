//! The tokens the emulator's identity services accept, as it is told: OIDC tokens for STS
//! `AssumeRoleWithOIDC`, CloudSSO access tokens for `/cloud-credentials`, OAuth refresh and
//! access tokens for `/v1/token` and `/v1/exchange`. Tests and users add them through the admin
//! API (`/_emulator/tokens`); the OAuth service adds the tokens it issues itself.

use std::sync::RwLock;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Which service a token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Oidc,
    CloudSso,
    OauthRefresh,
    OauthAccess,
}

/// One accepted token; `expires` (RFC 3339), when set, is when the service starts refusing it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    pub kind: TokenKind,
    pub token: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<DateTime<Utc>>,
}

impl Accepted {
    pub fn validate(&self) -> Result<(), String> {
        if self.token.is_empty() {
            return Err("the token is empty".to_string());
        }
        Ok(())
    }
}

#[derive(Default)]
pub struct Tokens {
    accepted: RwLock<Vec<Accepted>>,
}

impl Tokens {
    /// Accepts `token` from now on (replacing an earlier entry for the same kind and token).
    pub fn accept(&self, token: Accepted) {
        let mut all = self.accepted.write().unwrap_or_else(|e| e.into_inner());
        all.retain(|a| !(a.kind == token.kind && a.token == token.token));
        all.push(token);
    }

    /// The entry for `token`, if it is accepted for `kind` (expired or not: the caller answers
    /// the right error).
    pub fn find(&self, kind: TokenKind, token: &str) -> Option<Accepted> {
        self.accepted
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .find(|a| a.kind == kind && a.token == token)
            .cloned()
    }

    /// [`Tokens::find`], ignoring trailing whitespace on both sides (a token read from a file
    /// often ends with a newline, and some clients send it so).
    pub fn find_trimmed(&self, kind: TokenKind, token: &str) -> Option<Accepted> {
        let token = token.trim_end();
        self.accepted
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .find(|a| a.kind == kind && a.token.trim_end() == token)
            .cloned()
    }

    /// Stops accepting `token` for `kind`; whether it was accepted.
    pub fn revoke(&self, kind: TokenKind, token: &str) -> bool {
        let mut all = self.accepted.write().unwrap_or_else(|e| e.into_inner());
        let before = all.len();
        all.retain(|a| !(a.kind == kind && a.token == token));
        all.len() != before
    }

    pub fn clear(&self) {
        self.accepted
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// Every entry, tokens masked (the admin API's `GET`).
    pub fn list_masked(&self) -> Vec<Accepted> {
        self.accepted
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|a| Accepted {
                token: crate::secret::mask_key_id(&a.token),
                ..a.clone()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_accepted_per_kind_and_can_be_revoked() {
        let t = Tokens::default();
        t.accept(Accepted {
            kind: TokenKind::CloudSso,
            token: "AT-1".into(),
            expires: None,
        });
        assert!(t.find(TokenKind::CloudSso, "AT-1").is_some());
        assert!(t.find(TokenKind::Oidc, "AT-1").is_none());
        assert!(t.find_trimmed(TokenKind::CloudSso, "AT-1\n").is_some());
        t.accept(Accepted {
            kind: TokenKind::Oidc,
            token: "a.b.c\n".into(),
            expires: None,
        });
        assert!(t.find(TokenKind::Oidc, "a.b.c").is_none());
        assert!(t.find_trimmed(TokenKind::Oidc, "a.b.c").is_some());
        assert!(t.revoke(TokenKind::CloudSso, "AT-1"));
        assert!(t.find(TokenKind::CloudSso, "AT-1").is_none());
    }
}
