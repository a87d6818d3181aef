//! Resolving the AuthKeys a file refers to (`{env: NAME}`, `{file: PATH}`), before anything is
//! read or sent. The values live in [`Secret`]s: they are never printed, logged or saved.

use std::collections::HashMap;

use super::file::{Desired, KeySource};
use super::problem::{FileError, Problem};
use crate::env::Env;
use crate::secret::Secret;

/// The most bytes an AuthKey file may have (a BGP MD5 key is at most 80 characters).
const MAX_KEY_FILE_BYTES: u64 = 4096;

/// What a group's key must be: cleared (`none`) or this value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WantedKey {
    None,
    Value(Secret),
}

/// The wanted key of each group that manages one, by (VBR index, group index) in the file.
#[derive(Debug, Clone, Default)]
pub struct Keys(HashMap<(usize, usize), WantedKey>);

impl Keys {
    pub fn get(&self, vbr: usize, group: usize) -> Option<&WantedKey> {
        self.0.get(&(vbr, group))
    }
}

/// Reads every key the file refers to; every missing variable or unreadable file is reported.
/// `base`: the directory relative `{file: PATH}`s are read from (the file's own).
pub fn resolve(
    name: &str,
    desired: &Desired,
    env: &Env,
    base: &std::path::Path,
) -> Result<Keys, FileError> {
    let mut keys = HashMap::new();
    let mut problems = Vec::new();
    for (vi, v) in desired.vbrs.iter().enumerate() {
        for (gi, g) in v.groups.iter().enumerate() {
            let at = g.auth_key_at.clone();
            let wanted = match &g.auth_key {
                None => continue,
                Some(KeySource::None) => WantedKey::None,
                Some(KeySource::Env(var)) => match env.get(var) {
                    Some(value) if !value.is_empty() => WantedKey::Value(Secret::new(value)),
                    _ => {
                        problems.push(Problem::new(
                            at,
                            format!("the AuthKey of group {} is read from the environment variable {var}, which is not set", g.key()),
                            format!("export {var}=... with the group's key, or remove auth_key to leave the key as it is"),
                        ));
                        continue;
                    }
                },
                Some(KeySource::File(path)) => {
                    let full = base.join(path);
                    match read_key_file(&full) {
                        Ok(value) => WantedKey::Value(Secret::new(value)),
                        Err(why) => {
                            problems.push(Problem::new(
                                at,
                                format!("cannot read the AuthKey of group {} from {}: {why}", g.key(), full.display()),
                                "give the path of a readable file holding the key (relative paths are read from the declarative file's directory)",
                            ));
                            continue;
                        }
                    }
                }
            };
            keys.insert((vi, gi), wanted);
        }
    }
    if problems.is_empty() {
        Ok(Keys(keys))
    } else {
        Err(FileError::new(name, problems))
    }
}

fn read_key_file(path: &std::path::Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a file".into());
    }
    if meta.len() > MAX_KEY_FILE_BYTES {
        return Err(format!("{} bytes is too long for a key", meta.len()));
    }
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let value = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(&text);
    if value.is_empty() {
        return Err("the file is empty".into());
    }
    Ok(value.to_string())
}
