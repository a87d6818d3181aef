//! The credential chain and one provider per source.

use crate::error::{Diagnose, Exit};
use crate::secret::Secret;

/// Credentials ready to sign with.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub access_key_id: String,
    pub access_key_secret: Secret,
    pub security_token: Option<Secret>,
    /// Where they came from, e.g. `env ALIBABA_CLOUD_ACCESS_KEY_ID` or `profile prod in ~/.config/bgpeer/config.toml`.
    pub source: String,
}

impl Credentials {
    pub fn signing_key(&self) -> crate::signing::SigningKey<'_> {
        crate::signing::SigningKey {
            access_key_id: &self.access_key_id,
            access_key_secret: self.access_key_secret.expose(),
            security_token: self.security_token.as_ref().map(|t| t.expose()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CredentialsError {
    #[error("no credentials found")]
    NotFound { tried: Vec<String> },
}

impl Diagnose for CredentialsError {
    fn exit(&self) -> Exit {
        Exit::Auth
    }
    fn hint(&self) -> Option<String> {
        match self {
            CredentialsError::NotFound { tried } => Some(format!(
                "tried, in order: {}; run `bgpeer configure` or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (or use --profile emulator)",
                tried.join("; ")
            )),
        }
    }
}

use crate::config::Settings;
use crate::context::Env;

/// Walks the credential chain for the resolved settings.
pub async fn resolve(_settings: &Settings, env: &Env) -> Result<Credentials, CredentialsError> {
    let id = env.get_nonblank("ALIBABA_CLOUD_ACCESS_KEY_ID");
    let secret = env.get_nonblank("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
    if let (Some(id), Some(secret)) = (id, secret) {
        return Ok(Credentials {
            access_key_id: id.to_string(),
            access_key_secret: Secret::new(secret),
            security_token: env
                .get_nonblank("ALIBABA_CLOUD_SECURITY_TOKEN")
                .map(Secret::new),
            source: "env ALIBABA_CLOUD_ACCESS_KEY_ID".into(),
        });
    }
    Err(CredentialsError::NotFound {
        tried: vec!["env ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET: not set".into()],
    })
}
