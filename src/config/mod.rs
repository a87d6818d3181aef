//! Paths, bgpeer's TOML profiles, the aliyun CLI config.json reader, and setting resolution.

use crate::error::{Diagnose, Exit};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{message}")]
    Invalid {
        message: String,
        hint: Option<String>,
    },
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

use crate::cli::{GlobalArgs, OutputFormat};
use crate::context::Env;
use crate::signing::SignatureVersion;

/// Where a setting came from, shown by `configure list` and in errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Env(String),
    Profile { name: String, path: String },
    BuiltIn,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::Env(var) => write!(f, "env {var}"),
            Source::Profile { name, path } => write!(f, "profile {name} in {path}"),
            Source::BuiltIn => f.write_str("built-in default"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Sourced<T> {
    pub fn new(value: T, source: Source) -> Self {
        Sourced { value, source }
    }
}

/// The built-in profile that runs the local emulator in-process.
pub const EMULATOR_PROFILE: &str = "emulator";

/// Every effective setting of this invocation, each with its source.
#[derive(Debug, Clone)]
pub struct Settings {
    pub profile: Sourced<String>,
    pub region: Option<Sourced<String>>,
    pub endpoint: Option<Sourced<String>>,
    pub output: Option<Sourced<OutputFormat>>,
    pub signature_version: Sourced<SignatureVersion>,
    pub connect_timeout_secs: Sourced<f64>,
    pub read_timeout_secs: Sourced<f64>,
    pub deadline_secs: Sourced<f64>,
    pub max_attempts: Sourced<u32>,
}

impl Settings {
    pub fn is_emulator(&self) -> bool {
        self.profile.value == EMULATOR_PROFILE
    }
}

fn pick<T: Clone>(
    flag: Option<T>,
    flag_name: &'static str,
    env: Option<(String, T)>,
) -> Option<Sourced<T>> {
    if let Some(v) = flag {
        return Some(Sourced::new(v, Source::Flag(flag_name)));
    }
    env.map(|(var, v)| Sourced::new(v, Source::Env(var)))
}

/// Resolves the effective settings: flag > environment > profile > built-in default.
pub fn resolve_settings(globals: &GlobalArgs, env: &Env) -> Result<Settings, ConfigError> {
    let env_str = |name: &str| env.get(name).map(|v| (name.to_string(), v.to_string()));
    let profile = pick(
        globals.profile.clone(),
        "--profile",
        env_str("BGPEER_PROFILE").or_else(|| env_str("ALIBABA_CLOUD_PROFILE")),
    )
    .unwrap_or_else(|| Sourced::new("default".to_string(), Source::BuiltIn));
    let mut region = pick(
        globals.region.clone(),
        "--region",
        env_str("ALIBABA_CLOUD_REGION_ID"),
    );
    if region.is_none() && profile.value == EMULATOR_PROFILE {
        region = Some(Sourced::new("cn-shanghai".to_string(), Source::BuiltIn));
    }
    let output = match globals.output {
        Some(o) => Some(Sourced::new(o, Source::Flag("--output"))),
        None => match env.get("BGPEER_OUTPUT") {
            Some(v) => Some(Sourced::new(
                <OutputFormat as clap::ValueEnum>::from_str(v, true).map_err(|_| {
                    ConfigError::Invalid {
                        message: format!("invalid BGPEER_OUTPUT {v:?}"),
                        hint: Some("use one of table, json, ndjson, tsv, value, none".into()),
                    }
                })?,
                Source::Env("BGPEER_OUTPUT".into()),
            )),
            None => None,
        },
    };
    let num = |flag: Option<f64>, name: &'static str, default: f64| {
        pick(flag, name, None).unwrap_or_else(|| Sourced::new(default, Source::BuiltIn))
    };
    Ok(Settings {
        profile,
        region,
        endpoint: pick(
            globals.endpoint.clone(),
            "--endpoint",
            env_str("ALIBABA_CLOUD_ENDPOINT"),
        ),
        output,
        signature_version: pick(globals.signature_version, "--signature-version", None)
            .unwrap_or_else(|| Sourced::new(SignatureVersion::V3, Source::BuiltIn)),
        connect_timeout_secs: num(globals.connect_timeout, "--connect-timeout", 5.0),
        read_timeout_secs: num(globals.read_timeout, "--read-timeout", 30.0),
        deadline_secs: num(globals.deadline, "--deadline", 300.0),
        max_attempts: pick(globals.max_attempts, "--max-attempts", None)
            .unwrap_or_else(|| Sourced::new(5, Source::BuiltIn)),
    })
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
