//! Fault injection for testing clients: errors at a rate, a per-AccessKey request rate limit,
//! added latency, and "commit, then drop the connection"; and what the BGP sessions of peers
//! show: a session that never comes up, one that flaps, received routes that grow.
//!
//! A fault is one rule; rules are set at start (`--fault kind=error,code=ServiceUnavailable`)
//! and at run time through `/_emulator/faults`. Each request fault may name one `action`
//! (otherwise it applies to every action) and may carry `times`: it fires that many more times (an
//! error or drop whose rate draw hit, a refused request, a delayed request) and is then removed,
//! which makes a rule like "the next 2 CreateBgpPeer fail" deterministic. A session fault lasts
//! until it is removed; a rule remembers when it was added (`Rule::since_ms`), the time base of a
//! flap's cycle and of route growth, so its JSON stays what was given.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rand::Rng;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

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
    /// The BGP sessions of the peer at `peer_ip`, or of the peer `peer_id` (every peer when both
    /// are left out), never come up: their `BgpStatus` stays `state` (default `Active`, as when
    /// the far end does not answer).
    SessionDown {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        peer_ip: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        peer_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        state: Option<DownState>,
    },
    /// The Established sessions of the chosen peers (every peer when both are left out) go down
    /// for the last `down_ms` (default half) of every `period_ms`, counted from when the rule was
    /// added, showing `state` (default `Idle`) and no routes meanwhile.
    SessionFlap {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        peer_ip: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        peer_id: Option<String>,
        #[serde(deserialize_with = "period_ms")]
        period_ms: u64,
        #[serde(
            default,
            deserialize_with = "down_ms",
            skip_serializing_if = "Option::is_none"
        )]
        down_ms: Option<u64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        state: Option<DownState>,
    },
    /// The `ReceivedRouteCount` of the chosen Established peers (every peer when both are left
    /// out) is `from` (default 0) plus `per_second` for every second since the rule was added,
    /// never above the group's RouteLimit (routes beyond it are dropped).
    RouteGrowth {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        peer_ip: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        peer_id: Option<String>,
        #[serde(deserialize_with = "per_second")]
        per_second: f64,
        #[serde(
            default,
            deserialize_with = "from",
            skip_serializing_if = "Option::is_none"
        )]
        from: Option<u64>,
    },
}

/// What a session fault shows as `BgpStatus` while the session is down.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(try_from = "String")]
pub enum DownState {
    Idle,
    Connect,
    Active,
}

impl DownState {
    pub fn as_str(self) -> &'static str {
        match self {
            DownState::Idle => "Idle",
            DownState::Connect => "Connect",
            DownState::Active => "Active",
        }
    }
}

impl TryFrom<String> for DownState {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        match s.as_str() {
            "Idle" => Ok(DownState::Idle),
            "Connect" => Ok(DownState::Connect),
            "Active" => Ok(DownState::Active),
            _ => Err(format!(
                "state {s:?} is not a session state: use Idle, Connect or Active"
            )),
        }
    }
}

/// `session_flap`'s accepted `period_ms`.
pub const FLAP_PERIOD_MS: std::ops::RangeInclusive<u64> = 200..=3_600_000;
/// `route_growth`'s largest `per_second`.
pub const MAX_ROUTES_PER_SECOND: f64 = 100_000.0;

// The numbers of the session faults are read through these, so that a value of the wrong type
// is refused with the field's name and range: serde's own message ("expected u64") names
// neither, since the fields of an internally tagged enum have no path.

fn whole_number<'de, D: Deserializer<'de>>(d: D, name: &str, range: &str) -> Result<u64, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    v.as_u64()
        .ok_or_else(|| D::Error::custom(format!("{name} {v} is not a whole number: use {range}")))
}

fn period_ms<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    whole_number(d, "period_ms", "200 to 3600000")
}

fn down_ms<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    whole_number(d, "down_ms", "1 to period_ms - 1").map(Some)
}

fn from<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    whole_number(d, "from", "0 or more").map(Some)
}

fn per_second<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    v.as_f64().ok_or_else(|| {
        D::Error::custom(format!(
            "per_second {v} is not a number: use a number above 0, at most 100000"
        ))
    })
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
            Fault::SessionDown { .. } | Fault::SessionFlap { .. } | Fault::RouteGrowth { .. } => {
                None
            }
        }
    }

    /// How many more times it fires, when it is counted (a session rule lasts until removed).
    fn times_mut(&mut self) -> Option<&mut u64> {
        match self {
            Fault::Error { times, .. }
            | Fault::Throttle { times, .. }
            | Fault::Latency { times, .. }
            | Fault::Drop { times, .. } => times.as_mut(),
            Fault::SessionDown { .. } | Fault::SessionFlap { .. } | Fault::RouteGrowth { .. } => {
                None
            }
        }
    }

    /// The `peer_ip` and `peer_id` of a session fault (`None` for a request fault).
    fn peer(&self) -> Option<(Option<&str>, Option<&str>)> {
        match self {
            Fault::SessionDown {
                peer_ip, peer_id, ..
            }
            | Fault::SessionFlap {
                peer_ip, peer_id, ..
            }
            | Fault::RouteGrowth {
                peer_ip, peer_id, ..
            } => Some((peer_ip.as_deref(), peer_id.as_deref())),
            _ => None,
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
            Fault::SessionDown { .. } => {}
            Fault::SessionFlap {
                period_ms, down_ms, ..
            } => {
                if !FLAP_PERIOD_MS.contains(period_ms) {
                    return Err(format!(
                        "period_ms {period_ms} is out of range: use 200 to 3600000"
                    ));
                }
                if let Some(d) = down_ms {
                    if *d == 0 || d >= period_ms {
                        return Err(format!(
                            "down_ms {d} is out of range: use 1 to {} (below period_ms)",
                            period_ms - 1
                        ));
                    }
                }
            }
            Fault::RouteGrowth { per_second, .. } => {
                if !(per_second.is_finite()
                    && *per_second > 0.0
                    && *per_second <= MAX_ROUTES_PER_SECOND)
                {
                    return Err(format!(
                        "per_second {per_second} is out of range: use a number above 0, at most 100000"
                    ));
                }
            }
        }
        if let Some((peer_ip, peer_id)) = self.peer() {
            if peer_ip.is_some() && peer_id.is_some() {
                return Err("give one of peer_ip and peer_id, not both".into());
            }
            if let Some(ip) = peer_ip {
                if ip.parse::<std::net::IpAddr>().is_err() {
                    return Err(format!("peer_ip {ip:?} is not an IP address"));
                }
            }
            if let Some(id) = peer_id {
                let suffix = id.strip_prefix("bgp-").unwrap_or_default();
                if suffix.is_empty() || !suffix.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    return Err(format!(
                        "peer_id {id:?} is not a BGP peer ID: use one like bgp-bp1demo00000000000001"
                    ));
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

    /// Parses the flag form `kind=error,code=ServiceUnavailable,rate=0.5,action=CreateBgpPeer,times=2`
    /// (`kind=session_flap,peer_id=bgp-...,period_ms=1200`); numbers are converted by key.
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
                "period_ms" | "down_ms" | "from" => {
                    let range = match k {
                        "period_ms" => "200 to 3600000",
                        "down_ms" => "1 to period_ms - 1",
                        _ => "0 or more",
                    };
                    serde_json::Value::from(v.parse::<u64>().map_err(|_| {
                        format!("fault {k} {v:?} is not a whole number: use {range}")
                    })?)
                }
                "per_second" => serde_json::Value::from(
                    v.parse::<f64>()
                        .ok()
                        .filter(|x| x.is_finite())
                        .ok_or_else(|| {
                            format!("fault per_second {v:?} is not a number: use a number above 0, at most 100000")
                        })?,
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
    /// The session faults in force, in list order: what the peers' BGP sessions show.
    pub sessions: Vec<SessionRule>,
}

/// A session fault (`session_down`, `session_flap`, `route_growth`) in force, with the moment it
/// was added: what a peer's `BgpStatus` and route counts show is a function of these, the peer
/// and the time.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRule {
    pub fault: Fault,
    /// When the rule was added, in ms since the epoch (the wall clock requests are handled at):
    /// the start of a flap's first cycle and of route growth.
    pub since_ms: i64,
}

impl SessionRule {
    /// Whether it is about this peer: the one named by `peer_id`, the one at `peer_ip` (the
    /// addresses compared parsed, so `::1` is `0::1`), or every peer when it names neither.
    pub fn applies_to(&self, peer_id: &str, peer_ip: &str) -> bool {
        match self.fault.peer() {
            Some((Some(ip), _)) => match (
                ip.parse::<std::net::IpAddr>(),
                peer_ip.parse::<std::net::IpAddr>(),
            ) {
                (Ok(a), Ok(b)) => a == b,
                _ => false,
            },
            Some((None, Some(id))) => id == peer_id,
            Some((None, None)) => true,
            None => false,
        }
    }

    /// A `session_down` rule: the state it holds the session in.
    pub fn held_down(&self) -> Option<DownState> {
        match &self.fault {
            Fault::SessionDown { state, .. } => Some(state.unwrap_or(DownState::Active)),
            _ => None,
        }
    }

    /// A `session_flap` rule in the down part of its cycle at `now_ms`: the state it shows. Each
    /// cycle of `period_ms` from `since_ms` is up for `period_ms - down_ms`, then down.
    pub fn flapped_down(&self, now_ms: i64) -> Option<DownState> {
        let Fault::SessionFlap {
            period_ms,
            down_ms,
            state,
            ..
        } = &self.fault
        else {
            return None;
        };
        let period = (*period_ms).max(1);
        let down = down_ms.unwrap_or(period / 2).min(period);
        // A request whose clock was read just before the rule was added counts as its start.
        let elapsed = u64::try_from(now_ms.saturating_sub(self.since_ms)).unwrap_or(0);
        (elapsed % period >= period - down).then(|| state.unwrap_or(DownState::Idle))
    }

    /// A `route_growth` rule: the received routes at `now_ms`, before the group's RouteLimit
    /// caps them.
    pub fn grown_routes(&self, now_ms: i64) -> Option<u64> {
        let Fault::RouteGrowth {
            per_second, from, ..
        } = &self.fault
        else {
            return None;
        };
        let elapsed = u64::try_from(now_ms.saturating_sub(self.since_ms)).unwrap_or(0);
        // `as` saturates: a huge product is u64::MAX, capped by the RouteLimit anyway.
        let grown = (per_second * elapsed as f64 / 1000.0).floor() as u64;
        Some(from.unwrap_or(0).saturating_add(grown))
    }
}

/// Milliseconds since the epoch now, on the clock the server handles requests at.
fn wall_clock_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

struct Rule {
    fault: Fault,
    /// When it was added (ms since the epoch): the time base of a session rule.
    since_ms: i64,
    /// Token buckets per AccessKey (throttle rules only).
    buckets: HashMap<String, Bucket>,
}

impl Rule {
    fn new(fault: Fault, since_ms: i64) -> Rule {
        Rule {
            fault,
            since_ms,
            buckets: HashMap::new(),
        }
    }
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

    /// Replaces every rule; the new ones count as added now.
    pub fn replace(&self, faults: Vec<Fault>) {
        let since_ms = wall_clock_ms();
        let mut rules = self.rules.lock().unwrap_or_else(|e| e.into_inner());
        *rules = faults
            .into_iter()
            .map(|fault| Rule::new(fault, since_ms))
            .collect();
        self.any.store(!rules.is_empty(), Ordering::Release);
    }

    /// Adds a rule, added now.
    pub fn add(&self, fault: Fault) {
        let since_ms = wall_clock_ms();
        let mut rules = self.rules.lock().unwrap_or_else(|e| e.into_inner());
        rules.push(Rule::new(fault, since_ms));
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
                Fault::SessionDown { .. }
                | Fault::SessionFlap { .. }
                | Fault::RouteGrowth { .. } => {
                    verdict.sessions.push(SessionRule {
                        fault: rule.fault.clone(),
                        since_ms: rule.since_ms,
                    });
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
    fn session_faults_parse_from_the_flag_and_keep_their_json() {
        // session_down as before: the same JSON, the same flag.
        let down = Fault::parse_flag("kind=session_down,peer_ip=10.0.1.2").unwrap();
        assert_eq!(
            serde_json::to_value(&down).unwrap(),
            serde_json::json!({"kind": "session_down", "peer_ip": "10.0.1.2"})
        );
        assert_eq!(
            Fault::parse_flag("kind=session_down,peer_id=bgp-bp1demo00000000000001,state=Idle")
                .unwrap(),
            Fault::SessionDown {
                peer_ip: None,
                peer_id: Some("bgp-bp1demo00000000000001".into()),
                state: Some(DownState::Idle),
            }
        );
        assert_eq!(
            Fault::parse_flag("kind=session_flap,period_ms=1200,down_ms=300,state=Active").unwrap(),
            Fault::SessionFlap {
                peer_ip: None,
                peer_id: None,
                period_ms: 1200,
                down_ms: Some(300),
                state: Some(DownState::Active),
            }
        );
        assert_eq!(
            Fault::parse_flag("kind=route_growth,peer_ip=2001:db8::1,per_second=2.5,from=3")
                .unwrap(),
            Fault::RouteGrowth {
                peer_ip: Some("2001:db8::1".into()),
                peer_id: None,
                per_second: 2.5,
                from: Some(3),
            }
        );
        // What GET answers is what PUT takes: the time base is not in the JSON.
        for f in [
            r#"{"kind":"session_flap","peer_id":"bgp-x1","period_ms":1200}"#,
            r#"{"kind":"route_growth","per_second":50.0}"#,
            r#"{"kind":"session_down","state":"Connect"}"#,
        ] {
            let fault: Fault = serde_json::from_str(f).unwrap();
            fault.validate().unwrap();
            assert_eq!(serde_json::to_string(&fault).unwrap(), f);
        }
    }

    #[test]
    fn session_fault_errors_name_the_field_and_the_range() {
        let flag = |spec: &str| Fault::parse_flag(spec).unwrap_err();
        let json = |text: &str| match serde_json::from_str::<Fault>(text) {
            Ok(f) => f.validate().unwrap_err(),
            Err(e) => e.to_string(),
        };
        for (e, want) in [
            (
                flag("kind=session_down,peer_ip=10.0.0.1,peer_id=bgp-a1"),
                "give one of peer_ip and peer_id, not both",
            ),
            (
                flag("kind=session_down,peer_id=vbr-a1"),
                "peer_id \"vbr-a1\" is not a BGP peer ID",
            ),
            (
                flag("kind=session_down,state=Up"),
                "state \"Up\" is not a session state: use Idle, Connect or Active",
            ),
            (flag("kind=session_flap"), "missing field `period_ms`"),
            (
                flag("kind=session_flap,period_ms=199"),
                "period_ms 199 is out of range: use 200 to 3600000",
            ),
            (
                flag("kind=session_flap,period_ms=3600001"),
                "period_ms 3600001 is out of range",
            ),
            (
                flag("kind=session_flap,period_ms=1.5"),
                "fault period_ms \"1.5\" is not a whole number: use 200 to 3600000",
            ),
            (
                flag("kind=session_flap,period_ms=1000,down_ms=0"),
                "down_ms 0 is out of range: use 1 to 999 (below period_ms)",
            ),
            (
                flag("kind=session_flap,period_ms=1000,down_ms=1000"),
                "down_ms 1000 is out of range",
            ),
            (
                flag("kind=session_flap,period_ms=1000,down_ms=x"),
                "fault down_ms \"x\" is not a whole number",
            ),
            (
                flag("kind=session_flap,period_ms=1000,action=DescribeBgpPeers"),
                "unknown field `action`",
            ),
            (flag("kind=route_growth"), "missing field `per_second`"),
            (
                flag("kind=route_growth,per_second=0"),
                "per_second 0 is out of range: use a number above 0, at most 100000",
            ),
            (
                flag("kind=route_growth,per_second=100001"),
                "per_second 100001 is out of range",
            ),
            (
                flag("kind=route_growth,per_second=NaN"),
                "fault per_second \"NaN\" is not a number",
            ),
            (
                flag("kind=route_growth,per_second=1,from=-1"),
                "fault from \"-1\" is not a whole number: use 0 or more",
            ),
            (
                flag("kind=route_growth,per_second=1,times=2"),
                "unknown field `times`",
            ),
            (
                json(r#"{"kind":"session_flap","period_ms":"1200"}"#),
                "period_ms \"1200\" is not a whole number: use 200 to 3600000",
            ),
            (
                json(r#"{"kind":"session_flap","period_ms":1200,"down_ms":-5}"#),
                "down_ms -5 is not a whole number",
            ),
            (
                json(r#"{"kind":"route_growth","per_second":"fast"}"#),
                "per_second \"fast\" is not a number",
            ),
            (
                json(r#"{"kind":"route_growth","per_second":1e300}"#),
                "is out of range: use a number above 0, at most 100000",
            ),
            (
                json(r#"{"kind":"route_growth","per_second":1,"from":0.5}"#),
                "from 0.5 is not a whole number: use 0 or more",
            ),
            (
                json(r#"{"kind":"session_flap","period_ms":1200,"state":"idle"}"#),
                "state \"idle\" is not a session state",
            ),
        ] {
            assert!(e.contains(want), "{e:?} does not say {want:?}");
        }
    }

    #[test]
    fn decide_hands_the_session_rules_over_with_when_they_were_added() {
        let before = wall_clock_ms();
        let f = Faults::new(vec![
            Fault::parse_flag("kind=session_down,peer_ip=10.0.0.1").unwrap(),
            Fault::parse_flag("kind=latency,ms=0").unwrap(),
        ]);
        f.add(Fault::parse_flag("kind=route_growth,per_second=3").unwrap());
        let after = wall_clock_ms();
        let v = f.decide("DescribeBgpPeers", "ak");
        let kinds: Vec<bool> = v
            .sessions
            .iter()
            .map(|r| matches!(r.fault, Fault::SessionDown { .. }))
            .collect();
        assert_eq!(kinds, [true, false]);
        assert!(v
            .sessions
            .iter()
            .all(|r| (before..=after).contains(&r.since_ms)));
        // They last: every request gets them, whatever its action.
        assert_eq!(f.decide("CreateBgpPeer", "ak").sessions.len(), 2);
        assert_eq!(f.list().len(), 3);
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
