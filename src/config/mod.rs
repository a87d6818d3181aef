//! Config files and where they live: bgpeer's TOML profiles, the aliyun CLI's config.json (and
//! the OAuth tokens written back into it), the cache and emulator state paths. Knows nothing of
//! flags: `settings` combines these with them.

pub mod aliyun;
pub mod aliyun_write;
pub mod file;
pub mod profile;

use std::path::{Path, PathBuf};

use crate::env::Env;
use crate::exit::{Diagnose, Exit};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{message}")]
    Invalid {
        message: String,
        hint: Option<String>,
    },
}

impl ConfigError {
    pub fn invalid(message: impl Into<String>, hint: impl Into<Option<String>>) -> Self {
        ConfigError::Invalid {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl Diagnose for ConfigError {
    fn exit(&self) -> Exit {
        Exit::Auth
    }
    fn hint(&self) -> Option<String> {
        match self {
            ConfigError::Invalid { hint, .. } => hint.clone(),
        }
    }
}

/// bgpeer's config file: `$BGPEER_CONFIG`, else `$XDG_CONFIG_HOME/bgpeer/config.toml` (on every
/// OS), else the platform config directory.
pub fn config_path(env: &Env) -> PathBuf {
    if let Some(p) = env.get_nonblank("BGPEER_CONFIG") {
        return PathBuf::from(p);
    }
    let base = env
        .get_nonblank("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(dirs::config_dir)
        .unwrap_or_else(|| home_dir(env).join(".config"));
    base.join("bgpeer").join("config.toml")
}

/// HOME from the environment snapshot, else the platform's idea of it.
pub fn home_dir(env: &Env) -> PathBuf {
    env.get_nonblank("HOME")
        .map(PathBuf::from)
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The aliyun CLI's config.json: `$ALIBABA_CLOUD_CONFIG_FILE` (as the official Go credentials
/// chain allows), else `~/.aliyun/config.json`.
pub fn aliyun_config_path(env: &Env) -> PathBuf {
    if let Some(p) = env.get_nonblank("ALIBABA_CLOUD_CONFIG_FILE") {
        return PathBuf::from(p);
    }
    home_dir(env).join(".aliyun").join("config.json")
}

/// Is reading the aliyun CLI's config switched off (`ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true`)?
pub fn aliyun_disabled(env: &Env) -> bool {
    env.is_true("ALIBABA_CLOUD_CLI_PROFILE_DISABLED")
}

/// Loads the aliyun CLI's config, unless disabled or missing.
pub fn load_aliyun(env: &Env) -> Result<Option<aliyun::LoadedAliyun>, ConfigError> {
    if aliyun_disabled(env) {
        return Ok(None);
    }
    aliyun::load(&aliyun_config_path(env))
}

/// Where cached temporary credentials live: `$XDG_CACHE_HOME/bgpeer`, else the platform cache dir.
pub fn cache_dir(env: &Env) -> PathBuf {
    env.get_nonblank("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(dirs::cache_dir)
        .unwrap_or_else(|| home_dir(env).join(".cache"))
        .join("bgpeer")
}

/// Where the embedded emulator keeps its state between invocations.
pub fn emulator_state_path(env: &Env) -> std::path::PathBuf {
    if let Some(p) = env.get("BGPEER_EMULATOR_STATE") {
        return std::path::PathBuf::from(p);
    }
    let base = env
        .get("XDG_DATA_HOME")
        .map(std::path::PathBuf::from)
        .or_else(dirs::data_dir)
        .unwrap_or_else(std::env::temp_dir);
    base.join("bgpeer").join("emulator-state.json")
}

/// A path as people see it in messages: the home directory shortened to `~`.
pub fn shown(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    match dirs::home_dir() {
        Some(home) if !home.as_os_str().is_empty() => match path.strip_prefix(&home) {
            Ok(rest) => format!("~/{}", rest.display()),
            Err(_) => path.display().to_string(),
        },
        _ => path.display().to_string(),
    }
}
