//! The log of API requests the admin API shows (`GET /_emulator/requests`): the newest
//! [`LOG_CAPACITY`] requests, parameters with secrets masked and long values cut.

use std::collections::VecDeque;
use std::sync::Mutex;

use serde::Serialize;
use serde_json::{Map, Value};

/// Longer parameter values are cut to this many characters in the log (and end with `…`).
pub const MAX_LOGGED_VALUE_CHARS: usize = 256;

/// How many requests the log keeps (the oldest are dropped).
pub const LOG_CAPACITY: usize = 2000;

/// One logged API request.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoggedRequest {
    pub time: String,
    pub request_id: String,
    pub method: String,
    pub action: Option<String>,
    pub version: Option<String>,
    pub access_key_id: Option<String>,
    pub signature_version: Option<String>,
    /// First value of each parameter, secrets masked.
    pub parameters: Map<String, Value>,
    pub status: u16,
    /// The error code, `null` on success.
    pub code: Option<String>,
    /// True when a drop fault closed the connection instead of answering.
    pub dropped: bool,
}

pub fn masked_parameters(pairs: &[(String, String)]) -> Map<String, Value> {
    let mut m = Map::new();
    for (k, v) in pairs {
        if m.contains_key(k) {
            continue;
        }
        let v = if crate::secret::is_secret_name(k) {
            crate::secret::MASK.to_string()
        } else if v.chars().count() > MAX_LOGGED_VALUE_CHARS {
            // Hostile or huge values must not turn the in-memory log into a memory sink.
            let mut short: String = v.chars().take(MAX_LOGGED_VALUE_CHARS).collect();
            short.push('…');
            short
        } else {
            v.clone()
        };
        m.insert(k.clone(), Value::from(v));
    }
    m
}

#[derive(Default)]
pub struct RequestLog {
    entries: Mutex<VecDeque<LoggedRequest>>,
}

impl RequestLog {
    pub fn push(&self, entry: LoggedRequest) {
        let mut e = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if e.len() >= LOG_CAPACITY {
            e.pop_front();
        }
        e.push_back(entry);
    }

    pub fn list(&self, action: Option<&str>, limit: Option<usize>) -> Vec<LoggedRequest> {
        let e = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let matching: Vec<&LoggedRequest> = e
            .iter()
            .filter(|r| action.is_none_or(|a| r.action.as_deref() == Some(a)))
            .collect();
        let skip = limit.map_or(0, |l| matching.len().saturating_sub(l));
        matching.into_iter().skip(skip).cloned().collect()
    }

    pub fn len(&self) -> usize {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn clear(&self) {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_masked_and_long_values_cut() {
        let pairs: Vec<(String, String)> = [
            ("AuthKey", "bgp-secret"),
            ("securitytoken", "CAIS"),
            ("Signature", "sig"),
            ("AccessKeySecret", "s"),
            ("Name", "first"),
            ("Name", "second"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .chain(std::iter::once((
            "Description".to_string(),
            "é".repeat(1000),
        )))
        .collect();
        let m = masked_parameters(&pairs);
        for k in ["AuthKey", "securitytoken", "Signature", "AccessKeySecret"] {
            assert_eq!(m[k], "****", "{k}");
        }
        assert_eq!(m["Name"], "first");
        let d = m["Description"].as_str().unwrap();
        assert_eq!(d.chars().count(), MAX_LOGGED_VALUE_CHARS + 1);
        assert!(d.ends_with('…'));
    }
}
