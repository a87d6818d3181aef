//! bgpeer's own TOML config file: `current` and named profiles.
//!
//! Loading is strict (a syntax error names file, line and column; an unknown key gets a
//! did-you-mean), writing is atomic and leaves the file mode 0600.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::ConfigError;

/// The whole file.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// The profile used when none is named on the command line or in the environment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// One named profile: settings and, optionally, credentials by mode.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connect_timeout: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_timeout: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<u32>,
    /// Seconds; the backoff cap of the first retry (0: retry at once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_base_delay: Option<f64>,
    /// A PEM file of CA certificates to trust besides the system's store (`~/` and paths relative
    /// to this file's directory allowed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_bundle: Option<String>,
    /// `false`: shell completion offers no IDs from the API (commands, flags and values still
    /// complete), for slow links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub live_completion: Option<bool>,

    /// Credential mode: AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC, External, CredentialsURI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_key_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_key_secret: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_session_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sts_region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sts_endpoint: Option<String>,
    /// OIDC: the RAM OIDC identity provider, `acs:ram::<account>:oidc-provider/<name>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oidc_provider_arn: Option<String>,
    /// OIDC: the file holding the OIDC token (read again on every refresh).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oidc_token_file: Option<String>,
    /// OIDC: call STS at its VPC endpoint `sts-vpc.<sts_region>.aliyuncs.com`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_vpc: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_profile: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process_command: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credentials_uri: Option<String>,
}

/// The keys a profile may hold, for did-you-mean and `configure get`.
pub const PROFILE_KEYS: &[&str] = &[
    "region",
    "endpoint",
    "output",
    "signature_version",
    "connect_timeout",
    "read_timeout",
    "deadline",
    "max_attempts",
    "retry_base_delay",
    "ca_bundle",
    "live_completion",
    "mode",
    "access_key_id",
    "access_key_secret",
    "security_token",
    "role_arn",
    "role_session_name",
    "duration_seconds",
    "external_id",
    "policy",
    "sts_region",
    "sts_endpoint",
    "oidc_provider_arn",
    "oidc_token_file",
    "enable_vpc",
    "source_profile",
    "role_name",
    "process_command",
    "credentials_uri",
];

/// Keys whose values are secrets: never printed.
pub const SECRET_KEYS: &[&str] = &["access_key_secret", "security_token"];

const TOP_KEYS: &[&str] = &["current", "profiles"];

/// A loaded file and what the loader wants people to know about it.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub path: PathBuf,
    /// `None` when the file does not exist (that is normal).
    pub file: Option<ConfigFile>,
    pub warnings: Vec<String>,
}

impl Loaded {
    pub fn profile(&self, name: &str) -> Option<&Profile> {
        self.file.as_ref().and_then(|f| f.profiles.get(name))
    }
    pub fn current(&self) -> Option<&str> {
        self.file.as_ref().and_then(|f| f.current.as_deref())
    }
}

/// Reads and validates the file at `path`. A missing file is an empty, valid config.
pub fn load(path: &Path) -> Result<Loaded, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Loaded {
                path: path.to_path_buf(),
                file: None,
                warnings: Vec::new(),
            })
        }
        Err(e) => {
            return Err(ConfigError::Invalid {
                message: format!("cannot read config file {}: {e}", super::shown(path)),
                hint: Some("check the file's permissions, or point BGPEER_CONFIG elsewhere".into()),
            })
        }
    };
    let mut warnings = Vec::new();
    if let Some(w) = permission_warning(path) {
        warnings.push(w);
    }
    let file = parse(path, &text)?;
    Ok(Loaded {
        path: path.to_path_buf(),
        file: Some(file),
        warnings,
    })
}

/// Parses the text of a config file; errors name `path`, the line and the column.
pub fn parse(path: &Path, text: &str) -> Result<ConfigFile, ConfigError> {
    let syntax_error = |e: toml::de::Error| {
        let at = e
            .span()
            .map(|s| {
                let (line, col) = line_col(text, s.start);
                format!(" at line {line}, column {col}")
            })
            .unwrap_or_default();
        ConfigError::Invalid {
            message: format!(
                "invalid config file {}{at}: {}",
                super::shown(path),
                e.message().trim_end_matches('\n')
            ),
            hint: Some(
                "fix the file, or recreate it with `bgpeer configure set`; the format is documented in docs/configuration.md (The config file)"
                    .to_string(),
            ),
        }
    };
    let table: toml::Table = toml::from_str(text).map_err(syntax_error)?;
    for (key, value) in &table {
        if !TOP_KEYS.contains(&key.as_str()) {
            return Err(unknown_key(path, text, None, key, TOP_KEYS));
        }
        if key == "profiles" {
            let Some(profiles) = value.as_table() else {
                continue;
            };
            for (name, profile) in profiles {
                let Some(profile) = profile.as_table() else {
                    continue;
                };
                for k in profile.keys() {
                    if !PROFILE_KEYS.contains(&k.as_str()) {
                        return Err(unknown_key(path, text, Some(name), k, PROFILE_KEYS));
                    }
                }
            }
        }
    }
    toml::from_str(text).map_err(syntax_error)
}

fn unknown_key(
    path: &Path,
    text: &str,
    profile: Option<&str>,
    key: &str,
    known: &[&str],
) -> ConfigError {
    let at = find_key_line(text, profile, key)
        .map(|(line, col)| format!(" at line {line}, column {col}"))
        .unwrap_or_default();
    let within = profile
        .map(|p| format!(" in profile {p:?}"))
        .unwrap_or_default();
    let suggestion = did_you_mean(key, known);
    let hint = match suggestion {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("known keys: {}", known.join(", ")),
    };
    ConfigError::Invalid {
        message: format!(
            "invalid config file {}{at}: unknown key `{key}`{within}",
            super::shown(path)
        ),
        hint: Some(hint),
    }
}

/// The closest known name, if it is close enough to be a typo.
pub fn did_you_mean<'a>(input: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(input, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Finds where `key` is written, inside `[profiles.<profile>]` when a profile is given.
fn find_key_line(text: &str, profile: Option<&str>, key: &str) -> Option<(usize, usize)> {
    let mut in_section = profile.is_none();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_start();
        if line.starts_with('[') {
            let header: String = line
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '"' && *c != '\'')
                .collect();
            in_section = match profile {
                Some(p) => header == format!("profiles.{p}"),
                None => false,
            };
            continue;
        }
        if !in_section {
            continue;
        }
        let name = line.split('=').next().unwrap_or("").trim();
        let name = name.trim_matches(|c| c == '"' || c == '\'');
        if name == key {
            let col = raw.len() - line.len() + 1;
            return Some((i + 1, col));
        }
    }
    None
}

#[cfg(unix)]
fn permission_warning(path: &Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode();
    if mode & 0o077 != 0 {
        return Some(format!(
            "warning: config file {} is readable by group or others (mode {:o}); run `chmod 600 {}`",
            super::shown(path),
            mode & 0o777,
            super::shown(path)
        ));
    }
    None
}

#[cfg(not(unix))]
fn permission_warning(_path: &Path) -> Option<String> {
    None
}

/// Writes `file` to `path` atomically (temp file in the same directory, then rename), mode 0600.
pub fn save(path: &Path, file: &ConfigFile) -> Result<(), ConfigError> {
    let text = toml::to_string_pretty(file).map_err(|e| ConfigError::Invalid {
        message: format!("cannot serialise the config: {e}"),
        hint: None,
    })?;
    let header =
        "# bgpeer configuration; edit with `bgpeer configure`. Holds secrets: keep it mode 0600.\n";
    write_private(path, format!("{header}{text}").as_bytes())
}

/// Writes bytes to `path` atomically with mode 0600, creating the parent directory (0700).
/// A symlinked file (dotfile managers) is written through: the link stays, its target changes.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), ConfigError> {
    let path = through_symlink(path);
    let io_error = |what: &str, e: std::io::Error| ConfigError::Invalid {
        message: format!("cannot {what} {}: {e}", super::shown(&path)),
        hint: Some("check the directory's permissions, or point BGPEER_CONFIG elsewhere".into()),
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_private_dir(dir).map_err(|e| io_error("create the directory of", e))?;
    replace_atomically(&path, bytes, None).map_err(|e| io_error("write", e))
}

/// The file a path names: a symlink's target (so that replacing it keeps the link), else itself.
pub fn through_symlink(path: &Path) -> std::path::PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// Replaces `path` with `bytes` atomically: a temporary file in the same directory (created
/// 0600, then given `mode` when set), synced, renamed over `path`. The temporary file is removed
/// when anything fails, so readers see the old file or the new one, never a part.
pub fn replace_atomically(path: &Path, bytes: &[u8], mode: Option<u32>) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "config".into());
    let tmp = dir.join(format!(
        ".{file_name}.tmp-{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    ));
    let result = (|| {
        let mut f = open_private(&tmp)?;
        f.write_all(bytes)?;
        if let Some(mode) = mode {
            set_mode(&f, mode)?;
        }
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(unix)]
fn set_mode(f: &std::fs::File, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    f.set_permissions(std::fs::Permissions::from_mode(mode & 0o7777))
}

#[cfg(not(unix))]
fn set_mode(_f: &std::fs::File, _mode: u32) -> std::io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn open_private(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn open_private(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        match parse(Path::new("/x/config.toml"), text) {
            Err(ConfigError::Invalid { message, hint }) => {
                format!("{message} | {}", hint.unwrap_or_default())
            }
            Ok(f) => panic!("parsed: {f:?}"),
        }
    }

    #[test]
    fn syntax_errors_name_file_line_and_column() {
        let e = err("current = \"a\"\n[profiles.a]\nregion = cn-shanghai\n");
        assert!(
            e.starts_with("invalid config file /x/config.toml at line 3, column 10"),
            "{e}"
        );
    }

    #[test]
    fn unknown_keys_suggest_the_close_one() {
        let e = err("[profiles.a]\nmode = \"AK\"\nregoin = \"cn-shanghai\"\n");
        assert!(e.contains("at line 3, column 1"), "{e}");
        assert!(e.contains("unknown key `regoin` in profile \"a\""), "{e}");
        assert!(e.contains("did you mean `region`?"), "{e}");
        let e = err("curent = \"a\"\n");
        assert!(e.contains("did you mean `current`?"), "{e}");
    }

    #[test]
    fn wrong_types_are_located() {
        let e = err("[profiles.a]\nmax_attempts = \"three\"\n");
        assert!(e.contains("at line 2"), "{e}");
    }

    #[test]
    fn round_trip() {
        let mut f = ConfigFile {
            current: Some("prod".into()),
            ..Default::default()
        };
        f.profiles.insert(
            "prod".into(),
            Profile {
                region: Some("cn-shanghai".into()),
                mode: Some("AK".into()),
                access_key_id: Some("LTAIxxxx".into()),
                max_attempts: Some(3),
                ..Default::default()
            },
        );
        let text = toml::to_string_pretty(&f).unwrap();
        assert_eq!(parse(Path::new("x"), &text).unwrap(), f);
    }

    #[cfg(unix)]
    #[test]
    fn writing_through_a_symlink_keeps_the_link_and_changes_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.toml");
        let link = dir.path().join("link.toml");
        std::fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_private(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }
}
