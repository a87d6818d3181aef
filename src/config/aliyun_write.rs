//! Writing values back into the aliyun CLI's config.json, as the official credential library does
//! after an OAuth token refresh: under an exclusive advisory lock on the file (the `flock` the
//! library takes too), re-read, only the named values of one profile changed (missing keys
//! appended), written to a temporary file in the same directory with the file's mode, renamed
//! over it. Every other byte stays: formatting (the aliyun CLI's tabs, the library's four
//! spaces), key order, keys bgpeer does not know and the other profiles.

use std::fs::{File, TryLockError};
use std::io::Read as _;
use std::path::{Path, PathBuf};

use jsonc_parser::cst::{CstInputValue, CstObject, CstRootNode};

use super::aliyun::{AliyunConfig, AliyunProfile};
use super::ConfigError;

/// A value to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AliyunValue {
    Text(String),
    /// Unix seconds.
    Seconds(i64),
}

/// The aliyun CLI's config.json, locked for writing: nobody else that locks it (another bgpeer,
/// the official Python library) reads-then-writes it until this is dropped.
pub struct LockedAliyun {
    /// The file itself (a symlink's target).
    path: PathBuf,
    /// Holds the lock; dropping it unlocks.
    _file: File,
    text: String,
    mode: Option<u32>,
    pub config: AliyunConfig,
}

/// Why [`LockedAliyun::try_open`] did not lock the file this time.
pub enum Busy {
    /// Another process holds the lock.
    Locked,
    /// The file was replaced between opening and locking it: try again.
    Replaced,
}

impl LockedAliyun {
    /// Opens `path` for writing and takes the lock without waiting, then reads and parses the file.
    pub fn try_open(path: &Path) -> Result<Result<LockedAliyun, Busy>, ConfigError> {
        let target = super::file::through_symlink(path);
        let io_error = |what: &str, e: std::io::Error| {
            ConfigError::invalid(
                format!("cannot {what} the aliyun CLI config {}: {e}", super::shown(path)),
                Some(
                    "bgpeer saves the rotated OAuth tokens there, as the aliyun CLI does: make the file and its directory writable for you"
                        .to_string(),
                ),
            )
        };
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&target)
            .map_err(|e| io_error("open for writing", e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Ok(Err(Busy::Locked)),
            Err(TryLockError::Error(e)) => return Err(io_error("lock", e)),
        }
        // A writer that held the lock before us renamed a new file into place: our lock is on the
        // old one, which nobody reads any more.
        let now_at_path = std::fs::metadata(&target).map_err(|e| io_error("read", e))?;
        let ours = file.metadata().map_err(|e| io_error("read", e))?;
        if !same_file(&ours, &now_at_path) {
            return Ok(Err(Busy::Replaced));
        }
        let mut text = String::new();
        file.read_to_string(&mut text)
            .map_err(|e| io_error("read", e))?;
        let config = super::aliyun::parse(path, &text)?;
        Ok(Ok(LockedAliyun {
            path: target,
            _file: file,
            text,
            mode: file_mode(&ours),
            config,
        }))
    }

    pub fn profile(&self, name: &str) -> Option<&AliyunProfile> {
        self.config.profiles.iter().find(|p| p.name == name)
    }

    /// Sets `values` in profile `name` and writes the file, unless nothing changed. Returns
    /// whether it wrote.
    pub fn update(
        &mut self,
        name: &str,
        values: &[(&str, AliyunValue)],
    ) -> Result<bool, ConfigError> {
        let shown = super::shown(&self.path);
        let edited = edit(&self.text, name, values).map_err(|m| {
            ConfigError::invalid(
                format!("cannot update profile {name} in the aliyun CLI config {shown}: {m}"),
                Some("check the file (`aliyun configure get --profile NAME` shows it)".to_string()),
            )
        })?;
        let Some(text) = edited else {
            return Ok(false);
        };
        super::file::replace_atomically(&self.path, text.as_bytes(), self.mode).map_err(|e| {
            ConfigError::invalid(
                format!("cannot write the aliyun CLI config {shown}: {e}"),
                Some(
                    "make the file's directory writable for you (bgpeer writes a temporary file next to it, then renames it)"
                        .to_string(),
                ),
            )
        })?;
        self.config = super::aliyun::parse(&self.path, &text)?;
        self.text = text;
        Ok(true)
    }
}

/// `text` with `values` set in profile `name`; `Ok(None)` when they are already so.
fn edit(text: &str, name: &str, values: &[(&str, AliyunValue)]) -> Result<Option<String>, String> {
    let root = CstRootNode::parse(text, &Default::default()).map_err(|e| e.to_string())?;
    let profile = root
        .object_value()
        .and_then(|o| o.array_value("profiles"))
        .and_then(|profiles| {
            profiles.elements().into_iter().find_map(|e| {
                let o = e.as_object()?;
                (string_of(&o, "name").as_deref() == Some(name)).then_some(o)
            })
        })
        .ok_or_else(|| format!("it has no profile {name} any more"))?;
    let mut changed = false;
    for (key, value) in values {
        let already = match value {
            AliyunValue::Text(t) => string_of(&profile, key).as_deref() == Some(t.as_str()),
            AliyunValue::Seconds(s) => profile
                .get(key)
                .and_then(|p| p.value())
                .and_then(|v| v.as_number_lit())
                .is_some_and(|n| n.to_string().trim().parse::<i64>().ok() == Some(*s)),
        };
        if already {
            continue;
        }
        let input = match value {
            AliyunValue::Text(t) => CstInputValue::String(t.clone()),
            AliyunValue::Seconds(s) => CstInputValue::Number(s.to_string()),
        };
        match profile.get(key) {
            Some(prop) => prop.set_value(input),
            // A single-line object becomes multi-line here; the aliyun CLI and the official
            // library never write one.
            None => {
                profile.append(key, input);
            }
        }
        changed = true;
    }
    Ok(changed.then(|| root.to_string()))
}

/// The decoded string value of `key`, when it is a string.
fn string_of(o: &CstObject, key: &str) -> Option<String> {
    o.get(key)?.value()?.as_string_lit()?.decoded_value().ok()
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_a: &std::fs::Metadata, _b: &std::fs::Metadata) -> bool {
    true
}

#[cfg(unix)]
fn file_mode(m: &std::fs::Metadata) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    Some(m.permissions().mode() & 0o7777)
}

#[cfg(not(unix))]
fn file_mode(_m: &std::fs::Metadata) -> Option<u32> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABS: &str = "{\n\t\"current\": \"oa\",\n\t\"profiles\": [\n\t\t{\n\t\t\t\"name\": \"ak\",\n\t\t\t\"mode\": \"AK\",\n\t\t\t\"oauth_access_token\": \"not-mine\"\n\t\t},\n\t\t{\n\t\t\t\"name\": \"oa\",\n\t\t\t\"mode\": \"OAuth\",\n\t\t\t\"oauth_access_token\": \"old \\\"quoted\\\"\",\n\t\t\t\"oauth_access_token_expire\": 1700000000,\n\t\t\t\"x_unknown\": [1, {\"a\": null}]\n\t\t}\n\t],\n\t\"meta_path\": \"\"\n}\n";

    #[test]
    fn only_the_named_values_of_the_profile_change_and_missing_keys_are_appended() {
        let out = edit(
            TABS,
            "oa",
            &[
                ("oauth_access_token", AliyunValue::Text("new".into())),
                (
                    "oauth_access_token_expire",
                    AliyunValue::Seconds(1800000000),
                ),
                ("sts_token", AliyunValue::Text("CAIS\n/+=".into())),
            ],
        )
        .unwrap()
        .unwrap();
        let expected = TABS
            .replace("\"old \\\"quoted\\\"\"", "\"new\"")
            .replace("1700000000", "1800000000")
            .replace(
                "[1, {\"a\": null}]\n",
                "[1, {\"a\": null}],\n\t\t\t\"sts_token\": \"CAIS\\n/+=\"\n",
            );
        assert_eq!(out, expected);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["profiles"][1]["sts_token"], "CAIS\n/+=");
        assert_eq!(v["profiles"][0]["oauth_access_token"], "not-mine");
    }

    #[test]
    fn values_already_set_are_not_rewritten_and_a_missing_profile_is_named() {
        let same = edit(
            TABS,
            "oa",
            &[(
                "oauth_access_token_expire",
                AliyunValue::Seconds(1700000000),
            )],
        )
        .unwrap();
        assert_eq!(same, None);
        let e = edit(TABS, "gone", &[("x", AliyunValue::Seconds(1))]).unwrap_err();
        assert_eq!(e, "it has no profile gone any more");
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_replaced_with_its_mode_kept_and_locked_while_open() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.json");
        std::fs::write(&path, TABS).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let Ok(Ok(mut locked)) = LockedAliyun::try_open(&path) else {
            panic!("not locked");
        };
        assert!(matches!(
            LockedAliyun::try_open(&path),
            Ok(Err(Busy::Locked))
        ));
        assert!(locked
            .update("oa", &[("sts_expiration", AliyunValue::Seconds(5))])
            .unwrap());
        assert_eq!(locked.profile("oa").unwrap().sts_expiration, 5);
        drop(locked);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert!(std::fs::read_to_string(&path)
            .unwrap()
            .contains("\t\t\t\"sts_expiration\": 5\n"));
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
        assert!(matches!(LockedAliyun::try_open(&path), Ok(Ok(_))));
    }
}
