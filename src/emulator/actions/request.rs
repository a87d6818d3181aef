//! One API call as a handler sees it: the merged parameters, the action, the clock and the
//! settle time.

use chrono::{DateTime, Utc};

use crate::emulator::faults::SessionRule;

/// The merged query + form parameters of one request, in arrival order (duplicates kept).
#[derive(Debug, Clone, Default)]
pub struct Params {
    pub pairs: Vec<(String, String)>,
}

impl Params {
    /// Parameters from `(name, value)` pairs, in order (for tests and tools).
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Params {
        Params {
            pairs: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// The first value of `name` (names are case-sensitive, as the real gateway's are).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One API call as a handler sees it, after the gateway checked its signature.
#[derive(Debug, Clone)]
pub struct ActionRequest<'a> {
    pub action: &'a str,
    pub params: &'a Params,
    pub now: DateTime<Utc>,
    /// How long new or changed objects stay Pending/Modifying/Deleting.
    pub settle: std::time::Duration,
    pub request_id: &'a str,
    /// The session faults in force: what the peers' BGP sessions show (`session_down`,
    /// `session_flap`, `route_growth`).
    pub sessions: &'a [SessionRule],
}
