//! The aliyun CLI's `~/.aliyun/config.json`, read as it is (never written).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::ConfigError;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct AliyunConfig {
    #[serde(default)]
    pub current: String,
    #[serde(default)]
    pub profiles: Vec<AliyunProfile>,
}

/// The fields bgpeer uses; the CLI's other fields are ignored.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AliyunProfile {
    pub name: String,
    pub mode: String,
    pub access_key_id: String,
    pub access_key_secret: String,
    pub sts_token: String,
    pub sts_region: String,
    pub ram_role_name: String,
    pub ram_role_arn: String,
    pub ram_session_name: String,
    pub expired_seconds: u32,
    pub external_id: String,
    pub source_profile: String,
    pub process_command: String,
    pub credentials_uri: String,
    pub region_id: String,
}

impl AliyunProfile {
    /// The mode as written, or inferred from the fields as the CLI does when it is empty.
    pub fn effective_mode(&self) -> String {
        if !self.mode.is_empty() {
            return self.mode.clone();
        }
        let inferred = if !self.ram_role_arn.is_empty() && !self.source_profile.is_empty() {
            "ChainableRamRoleArn"
        } else if !self.ram_role_arn.is_empty() {
            "RamRoleArn"
        } else if !self.sts_token.is_empty() {
            "StsToken"
        } else if !self.access_key_id.is_empty() {
            "AK"
        } else if !self.ram_role_name.is_empty() {
            "EcsRamRole"
        } else if !self.process_command.is_empty() {
            "External"
        } else if !self.credentials_uri.is_empty() {
            "CredentialsURI"
        } else {
            ""
        };
        inferred.to_string()
    }
}

#[derive(Debug, Clone)]
pub struct LoadedAliyun {
    pub path: PathBuf,
    pub config: AliyunConfig,
}

impl LoadedAliyun {
    pub fn profile(&self, name: &str) -> Option<&AliyunProfile> {
        self.config.profiles.iter().find(|p| p.name == name)
    }
    pub fn current(&self) -> Option<&str> {
        Some(self.config.current.as_str()).filter(|c| !c.is_empty())
    }
}

/// Reads the file; `Ok(None)` when it does not exist.
pub fn load(path: &Path) -> Result<Option<LoadedAliyun>, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(ConfigError::Invalid {
                message: format!("cannot read aliyun CLI config {}: {e}", super::shown(path)),
                hint: Some(
                    "check the file's permissions, or set ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true to skip it"
                        .into(),
                ),
            })
        }
    };
    let config: AliyunConfig = serde_json::from_str(&text).map_err(|e| ConfigError::Invalid {
        message: format!(
            "invalid aliyun CLI config {} at line {}, column {}: {}",
            super::shown(path),
            e.line(),
            e.column(),
            strip_position(&e.to_string())
        ),
        hint: Some(
            "fix the file (or run `aliyun configure`), or set ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true to skip it"
                .into(),
        ),
    })?;
    Ok(Some(LoadedAliyun {
        path: path.to_path_buf(),
        config,
    }))
}

/// serde_json appends " at line L column C"; we say it ourselves.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}
