//! The aliyun CLI's `~/.aliyun/config.json`, read as it is. bgpeer writes to it only to save
//! rotated OAuth tokens, as the official credential library does (`aliyun_write.rs`).

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
    #[serde(deserialize_with = "null_as_empty")]
    pub access_key_id: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub access_key_secret: String,
    #[serde(deserialize_with = "null_as_empty")]
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
    /// OIDC keys: as the aliyun CLI writes them (`oidc_provider_arn`, `oidc_token_file`,
    /// `sts_endpoint`, and `ram_role_arn`, `ram_session_name`, `sts_region` above), and as the
    /// Python credentials library also reads them (`role_session_name`, `policy`, `enable_vpc`).
    #[serde(deserialize_with = "null_as_empty")]
    pub oidc_provider_arn: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub oidc_token_file: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub sts_endpoint: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub role_session_name: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub policy: String,
    /// `true`/`false` (a JSON boolean, or the same words as a string).
    pub enable_vpc: Option<serde_json::Value>,
    // CloudSSO and OAuth, as `aliyun configure --mode CloudSSO|OAuth` writes them. Numbers are
    // Unix seconds; `null` or a missing key reads as 0 ("no time"), as the official library
    // treats them. `sts_expiration` is when the cached STS credentials above expire.
    #[serde(deserialize_with = "unix_seconds")]
    pub sts_expiration: i64,
    #[serde(deserialize_with = "null_as_empty")]
    pub cloud_sso_sign_in_url: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub cloud_sso_account_id: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub cloud_sso_access_config: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub access_token: String,
    #[serde(deserialize_with = "unix_seconds")]
    pub cloud_sso_access_token_expire: i64,
    #[serde(deserialize_with = "null_as_empty")]
    pub oauth_site_type: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub oauth_access_token: String,
    #[serde(deserialize_with = "unix_seconds")]
    pub oauth_access_token_expire: i64,
    #[serde(deserialize_with = "null_as_empty")]
    pub oauth_refresh_token: String,
}

/// A string that may be written as `null` (the official library writes `"sts_token": null`).
fn null_as_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

/// Unix seconds: a number (an integer, or a float as some writers produce), a string of digits,
/// or `null`.
fn unix_seconds<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    use serde::de::Error;
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::Null => Ok(0),
        serde_json::Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f as i64))
            .ok_or_else(|| D::Error::custom(format!("{n} is not Unix seconds"))),
        serde_json::Value::String(s) if s.trim().is_empty() => Ok(0),
        serde_json::Value::String(s) => s
            .trim()
            .parse::<i64>()
            .map_err(|_| D::Error::custom(format!("{s:?} is not Unix seconds"))),
        other => Err(D::Error::custom(format!("{other} is not Unix seconds"))),
    }
}

impl AliyunProfile {
    /// The mode as written, or inferred from the fields as the CLI does when it is empty.
    pub fn effective_mode(&self) -> String {
        if !self.mode.is_empty() {
            return self.mode.clone();
        }
        // The aliyun CLI infers OIDC from its three keys when nothing else names a mode.
        let oidc = !self.oidc_provider_arn.is_empty()
            && !self.oidc_token_file.is_empty()
            && !self.ram_role_arn.is_empty()
            && self.access_key_id.is_empty()
            && self.source_profile.is_empty()
            && self.ram_role_name.is_empty()
            && self.process_command.is_empty();
        let inferred = if oidc {
            "OIDC"
        } else if !self.ram_role_arn.is_empty() && !self.source_profile.is_empty() {
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

    /// `enable_vpc`: unset, or `true`/`false` (a boolean, or a string in any case); the error
    /// names what else was found.
    pub fn enable_vpc(&self) -> Result<Option<bool>, String> {
        use serde_json::Value;
        match &self.enable_vpc {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(Value::String(s)) if s.trim().eq_ignore_ascii_case("true") => Ok(Some(true)),
            Some(Value::String(s)) if s.trim().eq_ignore_ascii_case("false") => Ok(Some(false)),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(other) => Err(format!("enable_vpc is {other}, not true or false")),
        }
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
    Ok(Some(LoadedAliyun {
        path: path.to_path_buf(),
        config: parse(path, &text)?,
    }))
}

/// Parses the text of the file at `path` (named in the error).
pub(super) fn parse(path: &Path, text: &str) -> Result<AliyunConfig, ConfigError> {
    serde_json::from_str(text).map_err(|e| ConfigError::Invalid {
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
    })
}

/// serde_json appends " at line L column C"; we say it ourselves.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(json: &str) -> AliyunProfile {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn oidc_is_inferred_from_its_three_keys_as_the_aliyun_cli_does() {
        let oidc = r#"{"name":"p","ram_role_arn":"acs:ram::1:role/r","oidc_provider_arn":"acs:ram::1:oidc-provider/p","oidc_token_file":"/t"}"#;
        assert_eq!(profile(oidc).effective_mode(), "OIDC");
        // Without the token file it is an ordinary role profile; with a key pair, too.
        let no_file = r#"{"ram_role_arn":"acs:ram::1:role/r","oidc_provider_arn":"acs:ram::1:oidc-provider/p"}"#;
        assert_eq!(profile(no_file).effective_mode(), "RamRoleArn");
        let with_key = r#"{"access_key_id":"LTAI","ram_role_arn":"acs:ram::1:role/r","oidc_provider_arn":"x","oidc_token_file":"/t"}"#;
        assert_eq!(profile(with_key).effective_mode(), "RamRoleArn");
        // A mode that is written wins.
        let written =
            r#"{"mode":"AK","ram_role_arn":"r","oidc_provider_arn":"x","oidc_token_file":"/t"}"#;
        assert_eq!(profile(written).effective_mode(), "AK");
    }

    #[test]
    fn enable_vpc_is_a_boolean_or_its_word() {
        assert_eq!(profile(r#"{}"#).enable_vpc(), Ok(None));
        assert_eq!(
            profile(r#"{"enable_vpc":true}"#).enable_vpc(),
            Ok(Some(true))
        );
        assert_eq!(
            profile(r#"{"enable_vpc":"FALSE"}"#).enable_vpc(),
            Ok(Some(false))
        );
        assert_eq!(profile(r#"{"enable_vpc":null}"#).enable_vpc(), Ok(None));
        assert_eq!(
            profile(r#"{"enable_vpc":1}"#).enable_vpc(),
            Err("enable_vpc is 1, not true or false".to_string())
        );
    }
}
