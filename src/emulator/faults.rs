//! Fault injection for testing clients: errors at a rate, a per-AccessKey request rate limit,
//! added latency, and "commit, then drop the connection".
//!
//! A fault is one rule; rules are set at start (`--fault kind=error,code=ServiceUnavailable`)
//! and at run time through `/_emulator/faults`. Each rule may name one `action` (otherwise it
//! applies to every action) and may carry `times`: it fires that many more times (an error or drop
//! whose rate draw hit, a refused request, a delayed request) and is then removed, which makes a
//! rule like "the next 2 CreateBgpPeer fail" deterministic.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rand::Rng;
use serde::{Deserialize, Serialize};

/// The error codes an `error` fault may answer, with their documented status and message.
pub const FAULT_CODES: &[(&str, u16, &str)] = &[
    (
        "Throttling.User",
        400,
        "Request was denied due to user flow control.",
    ),
    (
        "Throttling",
        400,
        "Request was denied due to request throttling.",
    ),
    (
        "ServiceUnavailable",
        503,
        "The request has failed due to a temporary failure of the server.",
    ),
    (
        "InternalError",
        500,
        "The request processing has failed due to some unknown error, exception or failure.",
    ),
];

pub fn fault_code(code: &str) -> Option<(u16, &'static str)> {
    FAULT_CODES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, s, m)| (*s, *m))
}

/// One fault rule, as JSON (`{"kind": "error", "code": "ServiceUnavailable", ...}`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Fault {
    /// Answer `code` instead of running the action, with probability `rate` (default 1.0).
    Error {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        action: Option<String>,
        code: String,
        #[serde(default = "one")]
        rate: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        times: Option<u64>,
    },
    /// At most `rps` requests per second per AccessKey (fractions allowed: 0.01 is one per
    /// 100 s); beyond it `Throttling.User` with `x-acs-retry-after` in milliseconds.
    Throttle {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        action: Option<String>,
        rps: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        times: Option<u64>,
    },
    /// Wait `ms` milliseconds, plus a random 0 to `jitter_ms` (uniform), before handling the
    /// request.
    Latency {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        action: Option<String>,
        ms: u64,
        #[serde(default, skip_serializing_if = "is_zero")]
        jitter_ms: u64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        times: Option<u64>,
    },
    /// Handle the request normally (a mutation is committed), then close the connection
    /// without sending the response, with probability `rate` (default 1.0).
    Drop {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        action: Option<String>,
        #[serde(default = "one")]
        rate: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        times: Option<u64>,
    },
    /// The BGP sessions of peers at `peer_ip` (every peer when left out) never come up: their
    /// `BgpStatus` stays `Active`, as when the far end does not answer.
    SessionDown {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        peer_ip: Option<String>,
    },
}

fn one() -> f64 {
    1.0
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Fault {
    fn action(&self) -> Option<&str> {
        match self {
            Fault::Error { action, .. }
            | Fault::Throttle { action, .. }
            | Fault::Latency { action, .. }
            | Fault::Drop { action, .. } => action.as_deref(),
            Fault::SessionDown { .. } => None,
        }
    }

    /// How many more times it fires, when it is counted (a session-down rule lasts until removed).
    fn times_mut(&mut self) -> Option<&mut u64> {
        match self {
            Fault::Error { times, .. }
            | Fault::Throttle { times, .. }
            | Fault::Latency { times, .. }
            | Fault::Drop { times, .. } => times.as_mut(),
            Fault::SessionDown { .. } => None,
        }
    }

    fn matches(&self, action: &str) -> bool {
        self.action().is_none_or(|a| a == action)
    }

    /// Checks the values; the message names the field and the accepted range.
    pub fn validate(&self) -> Result<(), String> {
        let rate_ok = |r: f64| (0.0..=1.0).contains(&r);
        match self {
            Fault::Error { code, rate, .. } => {
                if fault_code(code).is_none() {
                    let known: Vec<&str> = FAULT_CODES.iter().map(|(c, _, _)| *c).collect();
                    return Err(format!(
                        "unknown fault code {code:?}: use one of {}",
                        known.join(", ")
                    ));
                }
                if !rate_ok(*rate) {
                    return Err(format!("rate {rate} is out of range: use 0.0 to 1.0"));
                }
            }
            Fault::Throttle { rps, .. } => {
                if !(rps.is_finite() && *rps > 0.0) {
                    return Err(format!(
                        "rps {rps} is out of range: use a number above 0 (0.01 is one request per 100 s)"
                    ));
                }
            }
            Fault::Latency { ms, jitter_ms, .. } => {
                if *ms > 600_000 {
                    return Err(format!("ms {ms} is out of range: use 0 to 600000"));
                }
                if *jitter_ms > 600_000 {
                    return Err(format!(
                        "jitter_ms {jitter_ms} is out of range: use 0 to 600000"
                    ));
                }
            }
            Fault::Drop { rate, .. } => {
                if !rate_ok(*rate) {
                    return Err(format!("rate {rate} is out of range: use 0.0 to 1.0"));
                }
            }
            Fault::SessionDown { peer_ip } => {
                if let Some(ip) = peer_ip {
                    if ip.parse::<std::net::IpAddr>().is_err() {
                        return Err(format!("peer_ip {ip:?} is not an IP address"));
                    }
                }
            }
        }
        if let Some(a) = self.action() {
            if a.is_empty() {
                return Err("action is empty: name an action or leave it out".into());
            }
        }
        Ok(())
    }

    /// Parses the flag form `kind=error,code=ServiceUnavailable,rate=0.5,action=CreateBgpPeer,times=2`.
    pub fn parse_flag(spec: &str) -> Result<Fault, String> {
        let mut map = serde_json::Map::new();
        for part in spec.split(',').filter(|p| !p.trim().is_empty()) {
            let (k, v) = part.split_once('=').ok_or_else(|| {
                format!("fault part {part:?} is not key=value (example: kind=error,code=ServiceUnavailable)")
            })?;
            let k = k.trim();
            let v = v.trim();
            let value = match k {
                "rate" | "rps" => serde_json::Value::from(
                    v.parse::<f64>()
                        .map_err(|_| format!("fault {k} {v:?} is not a number"))?,
                ),
                "ms" | "jitter_ms" | "times" => serde_json::Value::from(
                    v.parse::<u64>()
                        .map_err(|_| format!("fault {k} {v:?} is not a whole number"))?,
                ),
                _ => serde_json::Value::from(v),
            };
            map.insert(k.to_string(), value);
        }
        let fault: Fault = serde_json::from_value(serde_json::Value::Object(map))
            .map_err(|e| format!("invalid fault {spec:?}: {e}"))?;
        fault.validate()?;
        Ok(fault)
    }
}

/// What the faults decided for one request, before the action runs.
#[derive(Debug, Default)]
pub struct Verdict {
    pub delay: Duration,
    /// Answer this error instead: (status, code, message, retry-after ms).
    pub error: Option<(u16, &'static str, &'static str, Option<u64>)>,
    /// Drop the connection after handling the request.
    pub drop_connection: bool,
    /// The peer addresses whose BGP sessions stay down (`*`: every peer).
    pub sessions_down: Vec<String>,
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

struct Rule {
    fault: Fault,
    /// Token buckets per AccessKey (throttle rules only).
    buckets: HashMap<String, Bucket>,
}

/// The active rules. The request path checks one atomic flag when there are none.
#[derive(Default)]
pub struct Faults {
    any: AtomicBool,
    rules: Mutex<Vec<Rule>>,
}

impl Faults {
    pub fn new(initial: Vec<Fault>) -> Faults {
        let f = Faults::default();
        f.replace(initial);
        f
    }

    pub fn list(&self) -> Vec<Fault> {
        let rules = self.rules.lock().unwrap_or_else(|e| e.into_inner());
        rules.iter().map(|r| r.fault.clone()).collect()
    }

    pub fn replace(&self, faults: Vec<Fault>) {
        let mut rules = self.rules.lock().unwrap_or_else(|e| e.into_inner());
        *rules = faults
            .into_iter()
            .map(|fault| Rule {
                fault,
                buckets: HashMap::new(),
            })
            .collect();
        self.any.store(!rules.is_empty(), Ordering::Release);
    }

    pub fn add(&self, fault: Fault) {
        let mut rules = self.rules.lock().unwrap_or_else(|e| e.into_inner());
        rules.push(Rule {
            fault,
            buckets: HashMap::new(),
        });
        self.any.store(true, Ordering::Release);
    }

    /// Decides the faults of one request of `action` signed with `access_key_id`.
    pub fn decide(&self, action: &str, access_key_id: &str) -> Verdict {
        let mut verdict = Verdict::default();
        if !self.any.load(Ordering::Acquire) {
            return verdict;
        }
        let mut rules = self.rules.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let mut rng = rand::rng();
        // Drop rules come last, whatever their place in the list: a request answered with an
        // error has no answer of its own to drop, so a drop rule neither draws nor fires on it.
        let (drops, others): (Vec<&mut Rule>, Vec<&mut Rule>) = rules
            .iter_mut()
            .partition(|r| matches!(r.fault, Fault::Drop { .. }));
        for rule in others.into_iter().chain(drops) {
            if !rule.fault.matches(action) {
                continue;
            }
            let fired = match &rule.fault {
                Fault::Latency { ms, jitter_ms, .. } => {
                    let jitter = if *jitter_ms > 0 {
                        rng.random_range(0..=*jitter_ms)
                    } else {
                        0
                    };
                    verdict.delay += Duration::from_millis(ms + jitter);
                    true
                }
                Fault::Throttle { rps, .. } => {
                    if verdict.error.is_some() {
                        false
                    } else {
                        let rps = *rps;
                        let capacity = rps.max(1.0);
                        let b = rule
                            .buckets
                            .entry(access_key_id.to_string())
                            .or_insert(Bucket {
                                tokens: capacity,
                                at: now,
                            });
                        let elapsed = now.duration_since(b.at).as_secs_f64();
                        b.tokens = (b.tokens + elapsed * rps).min(capacity);
                        b.at = now;
                        if b.tokens >= 1.0 {
                            b.tokens -= 1.0;
                            false
                        } else {
                            let wait_ms = ((1.0 - b.tokens) / rps * 1000.0).ceil().max(1.0);
                            let (status, message) =
                                fault_code("Throttling.User").expect("listed code");
                            verdict.error = Some((
                                status,
                                "Throttling.User",
                                message,
                                Some(wait_ms.min(u64::MAX as f64) as u64),
                            ));
                            true
                        }
                    }
                }
                Fault::Error { code, rate, .. } => {
                    if verdict.error.is_none() && rng.random_bool(*rate) {
                        if let Some((c, s, m)) = FAULT_CODES.iter().find(|(c, _, _)| c == code) {
                            verdict.error = Some((*s, c, m, None));
                        }
                        true
                    } else {
                        false
                    }
                }
                Fault::Drop { rate, .. } => {
                    if verdict.error.is_none() && !verdict.drop_connection && rng.random_bool(*rate)
                    {
                        verdict.drop_connection = true;
                        true
                    } else {
                        false
                    }
                }
                Fault::SessionDown { peer_ip } => {
                    verdict
                        .sessions_down
                        .push(peer_ip.clone().unwrap_or_else(|| "*".into()));
                    false
                }
            };
            if fired {
                if let Some(t) = rule.fault.times_mut() {
                    *t = t.saturating_sub(1);
                }
            }
        }
        rules.retain(|r| {
            !matches!(
                r.fault,
                Fault::Error { times: Some(0), .. }
                    | Fault::Throttle { times: Some(0), .. }
                    | Fault::Latency { times: Some(0), .. }
                    | Fault::Drop { times: Some(0), .. }
            )
        });
        self.any.store(!rules.is_empty(), Ordering::Release);
        verdict
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_form_parses_every_kind() {
        assert_eq!(
            Fault::parse_flag("kind=error,code=ServiceUnavailable,action=CreateBgpPeer,times=2")
                .unwrap(),
            Fault::Error {
                action: Some("CreateBgpPeer".into()),
                code: "ServiceUnavailable".into(),
                rate: 1.0,
                times: Some(2)
            }
        );
        assert!(matches!(
            Fault::parse_flag("kind=throttle,rps=0.5").unwrap(),
            Fault::Throttle { rps, .. } if rps == 0.5
        ));
        assert!(matches!(
            Fault::parse_flag("kind=latency,ms=20").unwrap(),
            Fault::Latency {
                ms: 20,
                jitter_ms: 0,
                ..
            }
        ));
        assert!(matches!(
            Fault::parse_flag("kind=latency,ms=2,jitter_ms=30").unwrap(),
            Fault::Latency {
                ms: 2,
                jitter_ms: 30,
                ..
            }
        ));
        assert!(matches!(
            Fault::parse_flag("kind=drop").unwrap(),
            Fault::Drop { rate, .. } if rate == 1.0
        ));
    }

    #[test]
    fn flag_form_errors_name_the_problem() {
        let e = Fault::parse_flag("kind=error,code=Nope").unwrap_err();
        assert!(e.contains("unknown fault code \"Nope\""), "{e}");
        let e = Fault::parse_flag("kind=error,code=InternalError,rate=2").unwrap_err();
        assert!(e.contains("rate 2 is out of range"), "{e}");
        let e = Fault::parse_flag("kind=teleport").unwrap_err();
        assert!(e.contains("teleport"), "{e}");
        let e = Fault::parse_flag("kind=latency,ms=abc").unwrap_err();
        assert!(e.contains("not a whole number"), "{e}");
        let e = Fault::parse_flag("kind=error code=InternalError").unwrap_err();
        assert!(
            e.contains("invalid fault") || e.contains("not key=value"),
            "{e}"
        );
    }

    #[test]
    fn times_counts_down_and_removes_the_rule() {
        let f = Faults::new(vec![Fault::parse_flag(
            "kind=error,code=InternalError,action=CreateBgpPeer,times=2",
        )
        .unwrap()]);
        assert!(f.decide("DescribeBgpPeers", "ak").error.is_none());
        assert_eq!(
            f.decide("CreateBgpPeer", "ak").error.unwrap().1,
            "InternalError"
        );
        assert_eq!(
            f.decide("CreateBgpPeer", "ak").error.unwrap().1,
            "InternalError"
        );
        assert!(f.decide("CreateBgpPeer", "ak").error.is_none());
        assert!(f.list().is_empty());
    }

    #[test]
    fn a_drop_rule_is_not_spent_on_a_request_answered_with_an_error() {
        // Listed before or after the error, the drop waits for a request that is answered.
        for drop_first in [true, false] {
            let drop = Fault::parse_flag("kind=drop,times=1").unwrap();
            let error = Fault::parse_flag("kind=error,code=ServiceUnavailable,times=1").unwrap();
            let f = Faults::new(if drop_first {
                vec![drop, error]
            } else {
                vec![error, drop]
            });
            let v = f.decide("CreateBgpPeer", "ak");
            assert!(v.error.is_some() && !v.drop_connection, "{v:?}");
            assert_eq!(f.list().len(), 1, "the drop rule was spent: {:?}", f.list());
            let v = f.decide("CreateBgpPeer", "ak");
            assert!(v.error.is_none() && v.drop_connection, "{v:?}");
            assert!(f.list().is_empty());
        }
        // Nor on a request a throttle refused.
        let f = Faults::new(vec![Fault::parse_flag("kind=throttle,rps=0.01").unwrap()]);
        assert!(f.decide("CreateBgpPeer", "a").error.is_none());
        f.add(Fault::parse_flag("kind=drop,times=1").unwrap());
        let v = f.decide("CreateBgpPeer", "a");
        assert!(v.error.is_some() && !v.drop_connection, "{v:?}");
        assert_eq!(f.list().len(), 2, "the drop rule was spent");
        assert!(f.decide("CreateBgpPeer", "b").drop_connection);
    }

    #[test]
    fn latency_waits_ms_plus_a_random_jitter_within_its_bounds() {
        let f = Faults::new(vec![
            Fault::parse_flag("kind=latency,ms=5,jitter_ms=20").unwrap()
        ]);
        let delays: Vec<u128> = (0..400)
            .map(|_| f.decide("CreateBgpPeer", "ak").delay.as_millis())
            .collect();
        assert!(delays.iter().all(|d| (5..=25).contains(d)), "{delays:?}");
        // Random, not fixed: 400 uniform draws from 21 values cover both ends.
        assert!(delays.contains(&5) && delays.contains(&25), "{delays:?}");
        let e = Fault::parse_flag("kind=latency,ms=1,jitter_ms=600001").unwrap_err();
        assert!(e.contains("jitter_ms 600001 is out of range"), "{e}");
        // Without jitter the JSON form is unchanged.
        let plain = serde_json::to_value(Fault::parse_flag("kind=latency,ms=1").unwrap()).unwrap();
        assert_eq!(plain, serde_json::json!({"kind": "latency", "ms": 1}));
    }

    #[test]
    fn throttle_is_per_access_key_and_says_when_to_retry() {
        let f = Faults::new(vec![Fault::parse_flag("kind=throttle,rps=0.01").unwrap()]);
        assert!(f.decide("DescribeRegions", "a").error.is_none());
        let (status, code, _, retry) = f.decide("DescribeRegions", "a").error.unwrap();
        assert_eq!((status, code), (400, "Throttling.User"));
        assert!(retry.unwrap() > 1000, "{retry:?}");
        assert!(f.decide("DescribeRegions", "b").error.is_none());
    }
}
