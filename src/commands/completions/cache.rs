//! The answers of live completion, kept a few seconds so that repeated TABs ask the API once:
//! one file per (profile, region, endpoint, kind, narrowing IDs) in
//! `$XDG_CACHE_HOME/bgpeer/completion/`, named by a hash of those, written atomically with mode
//! 0600. A file holds candidates only (IDs, names, IPs, states, ASNs, VLANs, region names) and
//! the time they were fetched: never a key, a token or an AuthKey.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::Digest as _;

use crate::env::Env;

/// How long answers are kept, unless `BGPEER_COMPLETION_CACHE_SECS` says otherwise (0: never).
pub(super) const DEFAULT_TTL: Duration = Duration::from_secs(30);
pub(super) const TTL_VAR: &str = "BGPEER_COMPLETION_CACHE_SECS";

pub(super) struct Cache {
    dir: PathBuf,
    ttl: Duration,
}

/// One kept answer: the candidates `C` (a list) and when they were fetched.
#[derive(Serialize, Deserialize)]
struct Entry<C> {
    /// When the candidates were fetched, in milliseconds since the epoch.
    fetched_ms: i64,
    candidates: C,
}

impl Cache {
    pub fn new(env: &Env) -> Cache {
        let ttl = env
            .get_nonblank(TTL_VAR)
            .and_then(|s| s.trim().parse::<u64>().ok())
            .map(Duration::from_secs)
            .unwrap_or(DEFAULT_TTL);
        Cache {
            dir: crate::config::cache_dir(env).join("completion"),
            ttl,
        }
    }

    /// The file of one question; `parts` say what the answer depends on.
    fn file(&self, parts: &[&str]) -> PathBuf {
        let mut h = sha2::Sha256::new();
        for part in parts {
            h.update(part.as_bytes());
            h.update([0u8]);
        }
        let key = hex::encode(&h.finalize()[..16]);
        self.dir.join(format!("{key}.json"))
    }

    /// The answer to `parts`, when one was fetched less than the TTL before `now`.
    pub fn read<T: DeserializeOwned>(&self, parts: &[&str], now: DateTime<Utc>) -> Option<Vec<T>> {
        if self.ttl.is_zero() {
            return None;
        }
        let text = std::fs::read(self.file(parts)).ok()?;
        let entry: Entry<Vec<T>> = serde_json::from_slice(&text).ok()?;
        let age = now.timestamp_millis() - entry.fetched_ms;
        // A clock set back makes an entry from the future: stale.
        let fresh = (0..self.ttl.as_millis() as i64).contains(&age);
        fresh.then_some(entry.candidates)
    }

    /// Keeps the answer to `parts`. A cache that can't be written costs a call next time.
    pub fn write<T: Serialize>(&self, parts: &[&str], now: DateTime<Utc>, candidates: &[T]) {
        if self.ttl.is_zero() {
            return;
        }
        let entry = Entry {
            fetched_ms: now.timestamp_millis(),
            candidates,
        };
        if let Ok(bytes) = serde_json::to_vec(&entry) {
            let _ = crate::config::file::write_private(&self.file(parts), &bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache(dir: &std::path::Path, ttl: &str) -> Cache {
        Cache::new(&Env::from_pairs([
            ("XDG_CACHE_HOME".to_string(), dir.display().to_string()),
            (TTL_VAR.to_string(), ttl.to_string()),
        ]))
    }

    /// A candidate as the cache sees it: anything serde can write and read back.
    type Candidate = (String, String);

    fn peer() -> Vec<Candidate> {
        vec![("bgp-1".into(), "10.0.0.2 Established".into())]
    }

    #[test]
    fn an_answer_is_kept_for_the_ttl_per_question() {
        let dir = tempfile::tempdir().unwrap();
        let c = cache(dir.path(), "30");
        let t0 = Utc::now();
        let q = ["prod", "cn-hangzhou", "", "peers"];
        assert_eq!(c.read::<Candidate>(&q, t0), None);
        c.write(&q, t0, &peer());
        assert_eq!(c.read(&q, t0 + chrono::Duration::seconds(29)), Some(peer()));
        assert_eq!(
            c.read::<Candidate>(&q, t0 + chrono::Duration::seconds(30)),
            None
        );
        assert_eq!(
            c.read::<Candidate>(&q, t0 - chrono::Duration::seconds(1)),
            None
        );
        // Another region is another question.
        assert_eq!(
            c.read::<Candidate>(&["prod", "cn-beijing", "", "peers"], t0),
            None
        );
        let file = c.file(&q);
        assert!(file.starts_with(dir.path().join("bgpeer").join("completion")));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_ttl_of_zero_keeps_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let c = cache(dir.path(), "0");
        c.write(&["p"], Utc::now(), &peer());
        assert_eq!(c.read::<Candidate>(&["p"], Utc::now()), None);
        assert!(!dir.path().join("bgpeer").exists());
    }
}
