//! Remembered ClientToken answers: a successful mutating call with a `ClientToken` is answered
//! again, unchanged, when the same token comes back on the same action within a day.

use std::sync::Arc;

use imbl::{OrdMap, OrdSet};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// At most this many ClientToken answers are remembered (the oldest are forgotten first).
pub const MAX_CLIENT_TOKENS: usize = 10_000;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RememberedAnswer {
    /// Shared, so that the copy-on-write world clones a remembered answer for the price of a
    /// reference count (a long bulk run keeps thousands of them).
    pub body: Arc<serde_json::Value>,
    pub at_ms: i64,
}

const DAY_MS: i64 = 24 * 3600 * 1000;

/// Remembered ClientToken answers by `"<Action>\n<ClientToken>"`, and the same keys in age order,
/// so that forgetting the oldest walks from the front instead of sorting every age on every write.
/// Serialised as the map alone (the state file keeps its format); the age order is rebuilt on reading.
#[derive(Debug, Clone, Default)]
pub struct ClientTokens {
    by_key: OrdMap<String, RememberedAnswer>,
    /// `(at_ms, key)` of every entry of `by_key`. Answers arrive with nearly non-decreasing
    /// `at_ms` (a request's clock is read before it waits for the writer), so an ordered set keeps
    /// the order exact at the price of a tree insert.
    by_age: OrdSet<(i64, String)>,
}

impl ClientTokens {
    pub fn get(&self, key: &str) -> Option<&RememberedAnswer> {
        self.by_key.get(key)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.by_key.contains_key(key)
    }

    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// Remembers `answer` under `key` (replacing an older answer of the same key).
    pub fn insert(&mut self, key: String, answer: RememberedAnswer) {
        let at_ms = answer.at_ms;
        if let Some(old) = self.by_key.insert(key.clone(), answer) {
            self.by_age.remove(&(old.at_ms, key.clone()));
        }
        self.by_age.insert((at_ms, key));
    }

    /// Forgets answers older than a day, then the oldest beyond the newest [`MAX_CLIENT_TOKENS`].
    pub fn forget_old(&mut self, now_ms: i64) {
        while let Some((at_ms, _)) = self.by_age.get_min() {
            let expired = now_ms.saturating_sub(*at_ms) >= DAY_MS;
            if !expired && self.by_key.len() <= MAX_CLIENT_TOKENS {
                break;
            }
            if let Some((_, key)) = self.by_age.remove_min() {
                self.by_key.remove(&key);
            }
        }
    }
}

impl Serialize for ClientTokens {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.by_key.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ClientTokens {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let by_key = OrdMap::<String, RememberedAnswer>::deserialize(deserializer)?;
        let by_age = by_key
            .iter()
            .map(|(key, answer)| (answer.at_ms, key.clone()))
            .collect();
        Ok(ClientTokens { by_key, by_age })
    }
}
