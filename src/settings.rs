//! Every effective setting of one invocation: flags > environment > profile > built-in default,
//! each with the source it came from (shown by `configure list` and in errors). The pattern of
//! uv's `settings.rs`: the flags arrive as plain [`Overrides`], so nothing here knows clap, and
//! `config/` below knows nothing of flags.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::client::{self, RetryPolicy};
use crate::config::{self, file, ConfigError};
use crate::env::Env;
use crate::output::OutputFormat;
use crate::seconds::{self, Seconds};
use crate::signing::SignatureVersion;
use crate::tls;

/// The settings given as flags on the command line (`None`: not given).
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub endpoint: Option<String>,
    pub output: Option<OutputFormat>,
    pub signature_version: Option<SignatureVersion>,
    pub connect_timeout: Option<Seconds>,
    pub read_timeout: Option<Seconds>,
    pub deadline: Option<Seconds>,
    pub max_attempts: Option<u32>,
    pub ca_bundle: Option<PathBuf>,
}

/// Where a setting came from, shown by `configure list` and in errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Env(String),
    Profile {
        name: String,
        path: String,
    },
    /// A file's `current` key (bgpeer's config or the aliyun CLI's).
    Current {
        path: String,
    },
    BuiltIn,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::Env(var) => write!(f, "env {var}"),
            Source::Profile { name, path } => write!(f, "profile {name} in {path}"),
            Source::Current { path } => write!(f, "current in {path}"),
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

pub use crate::config::profile::EMULATOR_PROFILE;

/// Every effective setting of this invocation, each with its source.
#[derive(Debug, Clone)]
pub struct Settings {
    pub profile: Sourced<String>,
    pub region: Option<Sourced<String>>,
    pub endpoint: Option<Sourced<String>>,
    pub output: Option<Sourced<OutputFormat>>,
    pub signature_version: Sourced<SignatureVersion>,
    pub connect_timeout_secs: Sourced<Seconds>,
    pub read_timeout_secs: Sourced<Seconds>,
    pub deadline_secs: Sourced<Seconds>,
    pub max_attempts: Sourced<u32>,
    /// Seconds, from 0 to [`client::retry::MAX_DELAY`]: the backoff cap of the first retry.
    pub retry_base_delay_secs: Sourced<f64>,
    /// A PEM file of CA certificates every HTTPS call trusts besides the built-in roots and the
    /// system's store; its certificates are in `trust`.
    pub ca_bundle: Option<Sourced<PathBuf>>,
    trust: client::http::Trust,
    /// Whether shell completion asks the API for IDs (groups, peers, VBRs, regions).
    pub live_completion: Sourced<bool>,
    /// bgpeer's config file as loaded (path, contents, warnings).
    pub config: file::Loaded,
}

impl Settings {
    pub fn is_emulator(&self) -> bool {
        self.profile.value == EMULATOR_PROFILE
    }

    /// The selected profile's entry in bgpeer's config file, if there is one.
    pub fn bgpeer_profile(&self) -> Option<&file::Profile> {
        self.config.profile(&self.profile.value)
    }

    /// The retry policy of API calls: `max_attempts` and `retry_base_delay`.
    pub fn retry_policy(&self) -> RetryPolicy {
        RetryPolicy {
            max_attempts: self.max_attempts.value,
            base_delay: self.retry_base_delay(),
            ..RetryPolicy::default()
        }
    }

    /// `retry_base_delay` as a duration.
    pub fn retry_base_delay(&self) -> Duration {
        Duration::try_from_secs_f64(self.retry_base_delay_secs.value).unwrap_or(Duration::ZERO)
    }

    /// The CA certificates every HTTPS call trusts besides the built-in roots and the system's
    /// store: those of the CA bundle, read and checked when the settings were resolved.
    pub fn trust(&self) -> client::http::Trust {
        self.trust.clone()
    }

    /// Was the profile named on the command line? Then it brings its own credentials.
    pub fn profile_from_flag(&self) -> bool {
        matches!(self.profile.source, Source::Flag(_))
    }
}

fn env_sourced(env: &Env, names: &[&str]) -> Option<Sourced<String>> {
    names.iter().find_map(|n| {
        env.get_nonblank(n)
            .map(|v| Sourced::new(v.trim().to_string(), Source::Env((*n).to_string())))
    })
}

fn parse_env<T: std::str::FromStr>(
    env: &Env,
    name: &str,
    expected: &str,
) -> Result<Option<Sourced<T>>, ConfigError> {
    let Some(raw) = env.get_nonblank(name) else {
        return Ok(None);
    };
    raw.trim()
        .parse::<T>()
        .map(|v| Some(Sourced::new(v, Source::Env(name.to_string()))))
        .map_err(|_| {
            ConfigError::invalid(
                format!("invalid {name} {raw:?}: expected {expected}"),
                Some(format!("fix or unset {name}")),
            )
        })
}

const OUTPUT_CHOICES: &str = "table, json, ndjson, tsv, value or none";

/// Resolves the effective settings: flag > environment > profile > built-in default.
pub fn resolve_settings(flags: &Overrides, env: &Env) -> Result<Settings, ConfigError> {
    let loaded = file::load(&config::config_path(env))?;
    resolve_with(flags, env, loaded)
}

/// Like [`resolve_settings`] with an already loaded config file.
pub fn resolve_with(
    flags: &Overrides,
    env: &Env,
    loaded: file::Loaded,
) -> Result<Settings, ConfigError> {
    let config_display = config::shown(&loaded.path);
    // Profile: --profile > BGPEER_PROFILE > ALIBABA_CLOUD_PROFILE > bgpeer current > aliyun current > default.
    let profile = if let Some(p) = flags.profile.as_ref().filter(|p| !p.trim().is_empty()) {
        Sourced::new(p.trim().to_string(), Source::Flag("--profile"))
    } else if let Some(p) = env_sourced(
        env,
        &[
            "BGPEER_PROFILE",
            "ALIBABA_CLOUD_PROFILE",
            "ALIBABACLOUD_PROFILE",
            "ALICLOUD_PROFILE",
        ],
    ) {
        p
    } else if let Some(c) = loaded.current() {
        Sourced::new(
            c.to_string(),
            Source::Current {
                path: config_display.clone(),
            },
        )
    } else if let Some((c, path)) = config::load_aliyun(env)?
        .and_then(|a| a.current().map(|c| (c.to_string(), config::shown(&a.path))))
    {
        Sourced::new(c, Source::Current { path })
    } else {
        Sourced::new("default".to_string(), Source::BuiltIn)
    };
    let name = profile.value.clone();
    let emulator = name == EMULATOR_PROFILE;
    let entry = if emulator {
        None
    } else {
        loaded.profile(&name).cloned()
    };
    let from_profile = || Source::Profile {
        name: name.clone(),
        path: config_display.clone(),
    };
    let entry_ref = entry.as_ref();

    let flag = |v: Option<String>, f: &'static str| {
        v.filter(|s| !s.trim().is_empty())
            .map(|s| Sourced::new(s, Source::Flag(f)))
    };
    let prof_str = |get: fn(&file::Profile) -> Option<&String>| {
        entry_ref
            .and_then(get)
            .filter(|s| !s.trim().is_empty())
            .map(|s| Sourced::new(s.trim().to_string(), from_profile()))
    };

    let mut region = flag(flags.region.clone(), "--region")
        .or_else(|| env_sourced(env, &["ALIBABA_CLOUD_REGION_ID", "BGPEER_REGION"]))
        .or_else(|| prof_str(|p| p.region.as_ref()));
    if region.is_none() && emulator {
        region = Some(Sourced::new("cn-shanghai".to_string(), Source::BuiltIn));
    }
    if region.is_none() && entry.is_none() {
        // Zero set-up: the same-named aliyun CLI profile's region.
        if let Some(a) = config::load_aliyun(env)? {
            if let Some(p) = a.profile(&name).filter(|p| !p.region_id.is_empty()) {
                region = Some(Sourced::new(
                    p.region_id.clone(),
                    Source::Profile {
                        name: name.clone(),
                        path: config::shown(&a.path),
                    },
                ));
            }
        }
    }

    let endpoint = flag(flags.endpoint.clone(), "--endpoint")
        .or_else(|| env_sourced(env, &["ALIBABA_CLOUD_ENDPOINT", "BGPEER_ENDPOINT"]))
        .or_else(|| prof_str(|p| p.endpoint.as_ref()));

    let output = match flags.output {
        Some(o) => Some(Sourced::new(o, Source::Flag("--output"))),
        None => match env.get_nonblank("BGPEER_OUTPUT") {
            Some(v) => Some(Sourced::new(
                OutputFormat::parse(v).ok_or_else(|| {
                    ConfigError::invalid(
                        format!("invalid BGPEER_OUTPUT {v:?}"),
                        Some(format!("use one of {OUTPUT_CHOICES}")),
                    )
                })?,
                Source::Env("BGPEER_OUTPUT".into()),
            )),
            None => match entry_ref.and_then(|p| p.output.as_deref()) {
                Some(v) => Some(Sourced::new(
                    OutputFormat::parse(v).ok_or_else(|| {
                        ConfigError::invalid(
                            format!("invalid output {v:?} in profile {name} in {config_display}"),
                            Some(format!("use one of {OUTPUT_CHOICES}")),
                        )
                    })?,
                    from_profile(),
                )),
                None => None,
            },
        },
    };

    let signature_version = match flags.signature_version {
        Some(v) => Sourced::new(v, Source::Flag("--signature-version")),
        None => match parse_env::<SignatureVersion>(env, "BGPEER_SIGNATURE_VERSION", "v3 or v2")? {
            Some(v) => v,
            None => match entry_ref.and_then(|p| p.signature_version.as_deref()) {
                Some(v) => Sourced::new(
                    v.parse().map_err(|_| {
                        ConfigError::invalid(
                            format!(
                                "invalid signature_version {v:?} in profile {name} in {config_display}"
                            ),
                            Some("use v3 (ACS3-HMAC-SHA256) or v2 (HMAC-SHA1)".to_string()),
                        )
                    })?,
                    from_profile(),
                ),
                None => Sourced::new(SignatureVersion::V3, Source::BuiltIn),
            },
        },
    };

    // Every timeout follows the one rule of `Seconds`, whichever way it is given (flags are
    // checked by clap with the same rule).
    let secs = |flag_v: Option<Seconds>,
                flag_name: &'static str,
                var: &str,
                prof: Option<f64>,
                key: &str,
                default: Seconds|
     -> Result<Sourced<Seconds>, ConfigError> {
        if let Some(v) = flag_v {
            return Ok(Sourced::new(v, Source::Flag(flag_name)));
        }
        if let Some(raw) = env.get_nonblank(var) {
            let v = raw.trim().parse::<Seconds>().map_err(|_| {
                ConfigError::invalid(
                    format!("invalid {var} {}: expected {}", raw.trim(), seconds::RULE),
                    Some(format!("fix or unset {var}")),
                )
            })?;
            return Ok(Sourced::new(v, Source::Env(var.to_string())));
        }
        if let Some(v) = prof {
            let v = Seconds::new(v).map_err(|_| {
                ConfigError::invalid(
                    format!(
                        "invalid {key} {v} in profile {name} in {config_display}: expected {}",
                        seconds::RULE
                    ),
                    None,
                )
            })?;
            return Ok(Sourced::new(v, from_profile()));
        }
        Ok(Sourced::new(default, Source::BuiltIn))
    };
    let connect_timeout_secs = secs(
        flags.connect_timeout,
        "--connect-timeout",
        "BGPEER_CONNECT_TIMEOUT",
        entry_ref.and_then(|p| p.connect_timeout),
        "connect_timeout",
        Seconds::default_of(5.0),
    )?;
    let read_timeout_secs = secs(
        flags.read_timeout,
        "--read-timeout",
        "BGPEER_READ_TIMEOUT",
        entry_ref.and_then(|p| p.read_timeout),
        "read_timeout",
        Seconds::default_of(30.0),
    )?;
    let deadline_secs = secs(
        flags.deadline,
        "--deadline",
        "BGPEER_DEADLINE",
        entry_ref.and_then(|p| p.deadline),
        "deadline",
        Seconds::default_of(300.0),
    )?;
    let max_attempts = match flags.max_attempts {
        Some(v) => Sourced::new(v, Source::Flag("--max-attempts")),
        None => match parse_env::<u32>(env, "BGPEER_MAX_ATTEMPTS", "a whole number")? {
            Some(v) => v,
            None => match entry_ref.and_then(|p| p.max_attempts) {
                Some(v) => Sourced::new(v, from_profile()),
                None => Sourced::new(5, Source::BuiltIn),
            },
        },
    };
    if max_attempts.value == 0 {
        return Err(ConfigError::invalid(
            format!("invalid max attempts 0 (from {})", max_attempts.source),
            Some("use 1 or more (1 means no retries)".to_string()),
        ));
    }
    let retry_base_delay_secs =
        match parse_env::<f64>(env, "BGPEER_RETRY_BASE_DELAY", "a number of seconds")? {
            Some(v) => v,
            None => match entry_ref.and_then(|p| p.retry_base_delay) {
                Some(v) => Sourced::new(v, from_profile()),
                None => Sourced::new(
                    client::retry::DEFAULT_BASE_DELAY.as_secs_f64(),
                    Source::BuiltIn,
                ),
            },
        };
    let max_base_delay = client::retry::MAX_DELAY.as_secs_f64();
    if !(retry_base_delay_secs.value >= 0.0 && retry_base_delay_secs.value <= max_base_delay) {
        return Err(ConfigError::invalid(
            format!(
                "invalid retry base delay {} (from {})",
                retry_base_delay_secs.value, retry_base_delay_secs.source
            ),
            Some(format!(
                "use a number of seconds from 0 (retry at once) to {max_base_delay}"
            )),
        ));
    }

    let ca_bundle = match flags
        .ca_bundle
        .as_ref()
        .filter(|p| !p.as_os_str().is_empty())
    {
        Some(path) => Some(Sourced::new(path.clone(), Source::Flag("--ca-bundle"))),
        None => env_sourced(env, CA_BUNDLE_VARS)
            .map(|s| Sourced::new(PathBuf::from(s.value), s.source))
            .or_else(|| {
                prof_str(|p| p.ca_bundle.as_ref())
                    .map(|s| Sourced::new(profile_path(&s.value, &loaded.path, env), s.source))
            }),
    };
    let trust = match &ca_bundle {
        Some(bundle) => client::http::Trust {
            extra_roots: read_ca_bundle(bundle)?,
        },
        None => client::http::Trust::default(),
    };

    let live_completion = match env.get_nonblank(LIVE_COMPLETION_VAR) {
        Some(raw) => Sourced::new(
            parse_switch(raw).ok_or_else(|| {
                ConfigError::invalid(
                    format!("invalid {LIVE_COMPLETION_VAR} {raw:?}: expected 1 or 0"),
                    Some(format!(
                        "use 0 (or false, no, off) to turn live completion off, or unset {LIVE_COMPLETION_VAR}"
                    )),
                )
            })?,
            Source::Env(LIVE_COMPLETION_VAR.to_string()),
        ),
        None => match entry_ref.and_then(|p| p.live_completion) {
            Some(v) => Sourced::new(v, from_profile()),
            None => Sourced::new(true, Source::BuiltIn),
        },
    };

    Ok(Settings {
        profile,
        region,
        endpoint,
        output,
        signature_version,
        connect_timeout_secs,
        read_timeout_secs,
        deadline_secs,
        max_attempts,
        retry_base_delay_secs,
        ca_bundle,
        trust,
        live_completion,
        config: loaded,
    })
}

/// Turns live shell completion off (`0`) or on (`1`), over the profile's `live_completion`.
pub const LIVE_COMPLETION_VAR: &str = "BGPEER_LIVE_COMPLETION";

/// An on/off switch written in an environment variable: 1/true/yes/on or 0/false/no/off, in any
/// case.
fn parse_switch(raw: &str) -> Option<bool> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// The environment variables that name a CA bundle, in order: bgpeer's own, then the one the
/// classic Alibaba Cloud Python SDK (aliyun-python-sdk-core) reads.
pub const CA_BUNDLE_VARS: &[&str] = &["BGPEER_CA_BUNDLE", "ALIBABA_CLOUD_CA_BUNDLE"];

/// A path written in the profile: `~/` is the home directory, and a relative path is relative to
/// the config file's directory (not to wherever bgpeer happens to run).
fn profile_path(value: &str, config_path: &Path, env: &Env) -> PathBuf {
    if let (Some(rest), Some(home)) = (value.strip_prefix("~/"), env.get_nonblank("HOME")) {
        return Path::new(home).join(rest);
    }
    let path = PathBuf::from(value);
    match config_path.parent() {
        Some(dir) if path.is_relative() => dir.join(path),
        _ => path,
    }
}

/// The certificates of the CA bundle, or an error naming the file and where it was set.
fn read_ca_bundle(
    bundle: &Sourced<PathBuf>,
) -> Result<Vec<rustls_pki_types::CertificateDer<'static>>, ConfigError> {
    tls::read_certificates(&bundle.value).map_err(|e| {
        ConfigError::invalid(
            format!(
                "the CA bundle {} (from {}) is unusable: {e}",
                bundle.value.display(),
                bundle.source
            ),
            Some(format!(
                "{}; or remove the setting to trust only the system's CA store and the built-in roots",
                e.remedy()
            )),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    fn loaded(text: &str) -> file::Loaded {
        file::Loaded {
            path: PathBuf::from("/cfg/config.toml"),
            file: Some(file::parse(Path::new("/cfg/config.toml"), text).unwrap()),
            warnings: Vec::new(),
        }
    }

    fn env(pairs: &[(&str, &str)]) -> Env {
        let mut all = vec![("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true")];
        all.extend_from_slice(pairs);
        Env::from_pairs(all.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    const FILE: &str = "current = \"p\"\n[profiles.p]\nregion = \"cn-beijing\"\nmax_attempts = 2\nconnect_timeout = 1.5\noutput = \"tsv\"\n";

    #[test]
    fn the_profile_fills_what_flags_and_env_leave_open() {
        let s = resolve_with(&Overrides::default(), &env(&[]), loaded(FILE)).unwrap();
        assert_eq!(s.profile.value, "p");
        assert_eq!(
            s.profile.source,
            Source::Current {
                path: "/cfg/config.toml".into()
            }
        );
        assert_eq!(s.region.as_ref().unwrap().value, "cn-beijing");
        assert_eq!(s.max_attempts.value, 2);
        assert_eq!(s.connect_timeout_secs.value.get(), 1.5);
        assert_eq!(s.output.as_ref().unwrap().value, OutputFormat::Tsv);
        assert_eq!(s.read_timeout_secs.source, Source::BuiltIn);
    }

    #[test]
    fn flags_beat_env_and_env_beats_the_profile() {
        let globals = Overrides {
            max_attempts: Some(7),
            ..Default::default()
        };
        let e = env(&[
            ("BGPEER_MAX_ATTEMPTS", "4"),
            ("ALIBABA_CLOUD_REGION_ID", "cn-qingdao"),
        ]);
        let s = resolve_with(&globals, &e, loaded(FILE)).unwrap();
        assert_eq!(s.max_attempts.value, 7);
        assert_eq!(s.max_attempts.source, Source::Flag("--max-attempts"));
        assert_eq!(s.region.as_ref().unwrap().value, "cn-qingdao");
        let s = resolve_with(&Overrides::default(), &e, loaded(FILE)).unwrap();
        assert_eq!(s.max_attempts.value, 4);
    }

    #[test]
    fn the_retry_base_delay_comes_from_env_profile_or_default_and_may_be_zero() {
        let s = resolve_with(&Overrides::default(), &env(&[]), loaded(FILE)).unwrap();
        assert_eq!(s.retry_base_delay_secs.value, 0.2);
        assert_eq!(s.retry_base_delay_secs.source, Source::BuiltIn);
        assert_eq!(
            s.retry_policy(),
            RetryPolicy {
                max_attempts: 2,
                ..RetryPolicy::default()
            }
        );

        let in_profile = format!("{FILE}retry_base_delay = 1.5\n");
        let s = resolve_with(&Overrides::default(), &env(&[]), loaded(&in_profile)).unwrap();
        assert_eq!(s.retry_base_delay(), Duration::from_millis(1500));
        assert_eq!(
            s.retry_base_delay_secs.source,
            Source::Profile {
                name: "p".into(),
                path: "/cfg/config.toml".into()
            }
        );

        let e = env(&[("BGPEER_RETRY_BASE_DELAY", "0")]);
        let s = resolve_with(&Overrides::default(), &e, loaded(&in_profile)).unwrap();
        assert_eq!(s.retry_base_delay(), Duration::ZERO);
        assert_eq!(
            s.retry_base_delay_secs.source,
            Source::Env("BGPEER_RETRY_BASE_DELAY".into())
        );
        assert_eq!(s.retry_policy().base_delay, Duration::ZERO);
    }

    #[test]
    fn live_completion_is_on_unless_the_env_or_the_profile_turns_it_off() {
        let s = resolve_with(&Overrides::default(), &env(&[]), loaded(FILE)).unwrap();
        assert_eq!(s.live_completion, Sourced::new(true, Source::BuiltIn));

        let off = format!("{FILE}live_completion = false\n");
        let s = resolve_with(&Overrides::default(), &env(&[]), loaded(&off)).unwrap();
        assert!(!s.live_completion.value);
        assert!(matches!(s.live_completion.source, Source::Profile { .. }));

        // The variable wins over the profile, both ways.
        for (raw, value) in [("1", true), ("On", true), ("0", false), ("false", false)] {
            let e = env(&[(LIVE_COMPLETION_VAR, raw)]);
            let s = resolve_with(&Overrides::default(), &e, loaded(&off)).unwrap();
            assert_eq!(s.live_completion.value, value, "{raw}");
            assert_eq!(
                s.live_completion.source,
                Source::Env(LIVE_COMPLETION_VAR.into())
            );
        }
        let e = env(&[(LIVE_COMPLETION_VAR, "maybe")]);
        let err = resolve_with(&Overrides::default(), &e, loaded(FILE)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid BGPEER_LIVE_COMPLETION \"maybe\": expected 1 or 0"
        );
    }

    #[test]
    fn a_bad_retry_base_delay_names_its_source_and_the_range() {
        let error = |pairs: &[(&str, &str)], text: &str| {
            resolve_with(&Overrides::default(), &env(pairs), loaded(text))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            error(&[("BGPEER_RETRY_BASE_DELAY", "soon")], FILE),
            "invalid BGPEER_RETRY_BASE_DELAY \"soon\": expected a number of seconds"
        );
        assert_eq!(
            error(&[("BGPEER_RETRY_BASE_DELAY", "-1")], FILE),
            "invalid retry base delay -1 (from env BGPEER_RETRY_BASE_DELAY)"
        );
        assert_eq!(
            error(&[("BGPEER_RETRY_BASE_DELAY", "NaN")], FILE),
            "invalid retry base delay NaN (from env BGPEER_RETRY_BASE_DELAY)"
        );
        assert_eq!(
            error(&[], &format!("{FILE}retry_base_delay = 21\n")),
            "invalid retry base delay 21 (from profile p in /cfg/config.toml)"
        );
        let ok = resolve_with(
            &Overrides::default(),
            &env(&[("BGPEER_RETRY_BASE_DELAY", "20")]),
            loaded(FILE),
        )
        .unwrap();
        assert_eq!(ok.retry_base_delay(), Duration::from_secs(20));
    }

    #[test]
    fn the_ca_bundle_comes_from_flag_env_or_profile_and_is_read_when_settings_resolve() {
        let dir = tempfile::tempdir().unwrap();
        let key = rcgen::KeyPair::generate().unwrap();
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        let ca = dir.path().join("ca.pem");
        std::fs::write(&ca, params.self_signed(&key).unwrap().pem()).unwrap();
        let config = dir.path().join("config.toml");
        let text = "current = \"p\"\n[profiles.p]\nca_bundle = \"ca.pem\"\n";
        let with_bundle = || file::Loaded {
            path: config.clone(),
            file: Some(file::parse(&config, text).unwrap()),
            warnings: Vec::new(),
        };

        // None set: no extra roots.
        let s = resolve_with(&Overrides::default(), &env(&[]), loaded(FILE)).unwrap();
        assert!(s.ca_bundle.is_none());
        assert!(s.trust().extra_roots.is_empty());
        // The profile's relative path is relative to the config file's directory.
        let s = resolve_with(&Overrides::default(), &env(&[]), with_bundle()).unwrap();
        assert_eq!(s.ca_bundle.as_ref().unwrap().value, ca);
        assert_eq!(s.trust().extra_roots.len(), 1);
        // `~/` is the home directory.
        assert_eq!(
            profile_path("~/x.pem", &config, &env(&[("HOME", "/home/u")])),
            PathBuf::from("/home/u/x.pem")
        );
        // The environment beats the profile (bgpeer's variable first), the flag beats both.
        let missing = dir.path().join("missing.pem");
        let e = env(&[
            ("BGPEER_CA_BUNDLE", missing.to_str().unwrap()),
            ("ALIBABA_CLOUD_CA_BUNDLE", ca.to_str().unwrap()),
        ]);
        let err = resolve_with(&Overrides::default(), &e, with_bundle())
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(&format!(
                "the CA bundle {} (from env BGPEER_CA_BUNDLE) is unusable: cannot read it",
                missing.display()
            )),
            "{err}"
        );
        let flag = Overrides {
            ca_bundle: Some(ca.clone()),
            ..Default::default()
        };
        let s = resolve_with(&flag, &e, with_bundle()).unwrap();
        assert_eq!(s.ca_bundle.unwrap().source, Source::Flag("--ca-bundle"));
    }

    #[test]
    fn bad_values_name_where_they_came_from() {
        let e = resolve_with(
            &Overrides::default(),
            &env(&[]),
            loaded("current = \"p\"\n[profiles.p]\noutput = \"yaml\"\n"),
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            e,
            "invalid output \"yaml\" in profile p in /cfg/config.toml"
        );
        let e = resolve_with(
            &Overrides::default(),
            &env(&[("BGPEER_CONNECT_TIMEOUT", "-1")]),
            loaded(FILE),
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("invalid BGPEER_CONNECT_TIMEOUT -1"), "{e}");
    }
}
