//! `watch`'s events: what changed between two reads of a BGP set-up, one event per change, each
//! with the object, the field, the old and the new value.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::setup::VbrSetup;

/// The kinds of event, as `Kind` prints them.
pub const KINDS: &[&str] = &["session", "status", "routes", "appeared", "disappeared"];

/// One change, as `-o json`/`ndjson` print it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Event {
    /// When the read that saw it was made (RFC 3339, UTC).
    pub time: String,
    /// `session` (BgpStatus), `status` (Status), `routes` (a route count), `appeared`,
    /// `disappeared`.
    pub kind: &'static str,
    pub vbr_id: String,
    /// `Vbr`, `BgpGroup`, `BgpPeer` or `BgpNetwork`.
    pub object_type: &'static str,
    /// The object's ID (a network's DstCidrBlock).
    pub object_id: String,
    /// The field that changed (null for appeared and disappeared).
    pub field: Option<&'static str>,
    pub old: Value,
    pub new: Value,
    pub message: String,
}

/// When a route count change is an event.
#[derive(Debug, Clone)]
pub struct Thresholds {
    /// Crossing this share of RouteLimit (percent), either way.
    pub route_threshold_pct: u64,
    /// A change by at least this many routes.
    pub route_delta: u64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            route_threshold_pct: 80,
            route_delta: 10,
        }
    }
}

/// What watch follows of one object.
#[derive(Debug, Clone, PartialEq)]
struct Tracked {
    vbr_id: String,
    object_type: &'static str,
    id: String,
    status: Option<String>,
    bgp_status: Option<String>,
    received: Option<u64>,
    advertised: Option<u64>,
    route_limit: Option<u64>,
}

fn tracked(setups: &[VbrSetup]) -> BTreeMap<(String, &'static str, String), Tracked> {
    let mut out = BTreeMap::new();
    let s = |v: &crate::api::model::Attr<String>| v.as_str().map(str::to_string);
    for setup in setups {
        let vbr_id = setup.id().to_string();
        let mut add = |t: Tracked| {
            out.insert((t.vbr_id.clone(), t.object_type, t.id.clone()), t);
        };
        let base = |object_type, id: String, status| Tracked {
            vbr_id: vbr_id.clone(),
            object_type,
            id,
            status,
            bgp_status: None,
            received: None,
            advertised: None,
            route_limit: None,
        };
        add(base("Vbr", vbr_id.clone(), s(&setup.vbr.status)));
        for g in &setup.groups {
            add(base(
                "BgpGroup",
                s(&g.bgp_group_id).unwrap_or_default(),
                s(&g.status),
            ));
        }
        for p in &setup.peers {
            let limit = p.route_limit.as_u64().or_else(|| {
                p.bgp_group_id
                    .as_str()
                    .and_then(|g| setup.group(g))
                    .and_then(|g| g.route_limit.as_u64())
            });
            add(Tracked {
                bgp_status: s(&p.bgp_status),
                received: p.received_route_count.as_u64(),
                advertised: p.advertised_route_count.as_u64(),
                route_limit: limit,
                ..base(
                    "BgpPeer",
                    s(&p.bgp_peer_id).unwrap_or_default(),
                    s(&p.status),
                )
            });
        }
        for n in &setup.networks {
            add(base(
                "BgpNetwork",
                s(&n.dst_cidr_block).unwrap_or_default(),
                s(&n.status),
            ));
        }
    }
    out
}

fn opt_str(v: &Option<String>) -> Value {
    v.as_ref().map_or(Value::Null, |s| Value::String(s.clone()))
}

fn opt_num(v: Option<u64>) -> Value {
    v.map_or(Value::Null, Value::from)
}

fn label(t: &Tracked) -> &'static str {
    match t.object_type {
        "Vbr" => "VBR",
        "BgpGroup" => "group",
        "BgpPeer" => "peer",
        _ => "network",
    }
}

/// The events between the read `old` and the read `new` (made at `time`), in object order.
pub fn diff(old: &[VbrSetup], new: &[VbrSetup], th: &Thresholds, time: &str) -> Vec<Event> {
    let before = tracked(old);
    let after = tracked(new);
    let mut events = Vec::new();
    let event = |t: &Tracked, kind, field, old: Value, new: Value, message: String| Event {
        time: time.to_string(),
        kind,
        vbr_id: t.vbr_id.clone(),
        object_type: t.object_type,
        object_id: t.id.clone(),
        field,
        old,
        new,
        message,
    };
    for (key, t) in &before {
        if !after.contains_key(key) {
            events.push(event(
                t,
                "disappeared",
                None,
                opt_str(&t.status),
                Value::Null,
                format!("{} {} is gone", label(t), t.id),
            ));
        }
    }
    for (key, n) in &after {
        let Some(o) = before.get(key) else {
            events.push(event(
                n,
                "appeared",
                None,
                Value::Null,
                opt_str(&n.status),
                format!(
                    "{} {} appeared ({})",
                    label(n),
                    n.id,
                    n.status.as_deref().unwrap_or("no status")
                ),
            ));
            continue;
        };
        if o.status != n.status {
            events.push(event(
                n,
                "status",
                Some("Status"),
                opt_str(&o.status),
                opt_str(&n.status),
                format!(
                    "{} {} Status {} -> {}",
                    label(n),
                    n.id,
                    o.status.as_deref().unwrap_or("none"),
                    n.status.as_deref().unwrap_or("none")
                ),
            ));
        }
        if o.bgp_status != n.bgp_status {
            let up = |s: &Option<String>| {
                s.as_deref()
                    .is_some_and(|s| s.eq_ignore_ascii_case("established"))
            };
            let what = match (up(&o.bgp_status), up(&n.bgp_status)) {
                (false, true) => "session up",
                (true, false) => "session down",
                _ => "session state",
            };
            events.push(event(
                n,
                "session",
                Some("BgpStatus"),
                opt_str(&o.bgp_status),
                opt_str(&n.bgp_status),
                format!(
                    "{what}: peer {} BgpStatus {} -> {}",
                    n.id,
                    o.bgp_status.as_deref().unwrap_or("none"),
                    n.bgp_status.as_deref().unwrap_or("none")
                ),
            ));
        }
        for (field, was, is) in [
            ("ReceivedRouteCount", o.received, n.received),
            ("AdvertisedRouteCount", o.advertised, n.advertised),
        ] {
            if was == is {
                continue;
            }
            let limit = if field == "ReceivedRouteCount" {
                n.route_limit
            } else {
                None
            };
            if let Some(why) = route_change(was.unwrap_or(0), is.unwrap_or(0), limit, th) {
                events.push(event(
                    n,
                    "routes",
                    Some(field),
                    opt_num(was),
                    opt_num(is),
                    format!(
                        "peer {} {field} {} -> {} ({why})",
                        n.id,
                        was.unwrap_or(0),
                        is.unwrap_or(0)
                    ),
                ));
            }
        }
    }
    events
}

/// Why a route count change from `was` to `is` is an event, or None when it is not one.
fn route_change(was: u64, is: u64, limit: Option<u64>, th: &Thresholds) -> Option<String> {
    if let Some(limit) = limit.filter(|l| *l > 0) {
        let at = |n: u64| n >= limit;
        if at(was) != at(is) {
            return Some(if at(is) {
                format!("reached the RouteLimit {limit}: routes beyond it are dropped")
            } else {
                format!("back below the RouteLimit {limit}")
            });
        }
        let near = |n: u64| n * 100 >= limit * th.route_threshold_pct;
        if near(was) != near(is) {
            return Some(if near(is) {
                format!(
                    "crossed {}% of the RouteLimit {limit}",
                    th.route_threshold_pct
                )
            } else {
                format!(
                    "back below {}% of the RouteLimit {limit}",
                    th.route_threshold_pct
                )
            });
        }
    }
    let delta = was.abs_diff(is);
    (th.route_delta > 0 && delta >= th.route_delta).then(|| {
        format!(
            "changed by {delta}, at least --route-delta {}",
            th.route_delta
        )
    })
}

/// Every peer of `setups` is Established (and there is at least one).
pub fn all_established(setups: &[VbrSetup]) -> bool {
    let mut peers = setups.iter().flat_map(|s| s.live_peers()).peekable();
    peers.peek().is_some()
        && peers.all(|p| {
            p.bgp_status
                .as_str()
                .is_some_and(|s| s.eq_ignore_ascii_case("established"))
        })
}

/// Every VBR is active and every group, peer and network is Available.
pub fn all_available(setups: &[VbrSetup]) -> bool {
    let ok = |s: Option<&str>| s.is_some_and(|s| s.eq_ignore_ascii_case("available"));
    setups.iter().all(|s| {
        s.vbr
            .status
            .as_str()
            .is_some_and(|v| v.eq_ignore_ascii_case("active"))
            && s.groups.iter().all(|g| ok(g.status.as_str()))
            && s.peers.iter().all(|p| ok(p.status.as_str()))
            && s.networks.iter().all(|n| ok(n.status.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn setup(peers: Value, networks: Value) -> Vec<VbrSetup> {
        vec![VbrSetup {
            vbr: serde_json::from_value(json!({"VbrId": "vbr-1", "Status": "active"})).unwrap(),
            groups: serde_json::from_value(
                json!([{"BgpGroupId": "bgpg-1", "RouterId": "vbr-1", "RouteLimit": "100", "Status": "Available"}]),
            )
            .unwrap(),
            peers: serde_json::from_value(peers).unwrap(),
            networks: serde_json::from_value(networks).unwrap(),
        }]
    }

    fn peer(status: &str, bgp: &str, received: u64) -> Value {
        json!({"BgpPeerId": "bgp-1", "BgpGroupId": "bgpg-1", "Status": status, "BgpStatus": bgp,
               "ReceivedRouteCount": received, "AdvertisedRouteCount": 1, "RouteLimit": "100"})
    }

    fn kinds(events: &[Event]) -> Vec<(&str, Option<&str>)> {
        events.iter().map(|e| (e.kind, e.field)).collect()
    }

    #[test]
    fn a_session_going_down_and_up_is_one_event_each() {
        let th = Thresholds::default();
        let up = setup(json!([peer("Available", "Established", 5)]), json!([]));
        let down = setup(json!([peer("Available", "Idle", 0)]), json!([]));
        let e = diff(&up, &down, &th, "t");
        assert_eq!(kinds(&e), [("session", Some("BgpStatus"))]);
        assert_eq!(e[0].old, "Established");
        assert_eq!(e[0].new, "Idle");
        assert!(e[0].message.starts_with("session down"), "{}", e[0].message);
        let e = diff(&down, &up, &th, "t");
        assert!(e[0].message.starts_with("session up"));
        assert!(diff(&up, &up, &th, "t").is_empty());
    }

    #[test]
    fn route_counts_are_events_at_thresholds_and_big_steps_only() {
        let th = Thresholds::default();
        let at = |n| setup(json!([peer("Available", "Established", n)]), json!([]));
        assert!(diff(&at(10), &at(15), &th, "t").is_empty(), "a small step");
        let e = diff(&at(10), &at(20), &th, "t");
        assert_eq!(kinds(&e), [("routes", Some("ReceivedRouteCount"))]);
        assert!(e[0].message.contains("changed by 10"), "{}", e[0].message);
        let e = diff(&at(75), &at(81), &th, "t");
        assert!(
            e[0].message.contains("crossed 80% of the RouteLimit 100"),
            "{}",
            e[0].message
        );
        let e = diff(&at(95), &at(100), &th, "t");
        assert!(
            e[0].message.contains("reached the RouteLimit 100"),
            "{}",
            e[0].message
        );
        let e = diff(&at(100), &at(79), &th, "t");
        assert!(
            e[0].message.contains("back below the RouteLimit"),
            "{}",
            e[0].message
        );
    }

    #[test]
    fn objects_appearing_disappearing_and_changing_status() {
        let th = Thresholds::default();
        let none = setup(json!([]), json!([]));
        let one = setup(
            json!([peer("Pending", "Idle", 0)]),
            json!([{"DstCidrBlock": "10.0.0.0/24", "RouterId": "vbr-1", "Status": "Available"}]),
        );
        let e = diff(&none, &one, &th, "t");
        assert_eq!(kinds(&e), [("appeared", None), ("appeared", None)]);
        let e = diff(&one, &none, &th, "t");
        assert_eq!(kinds(&e), [("disappeared", None), ("disappeared", None)]);
        let ready = setup(
            json!([peer("Available", "Idle", 0)]),
            json!([{"DstCidrBlock": "10.0.0.0/24", "RouterId": "vbr-1", "Status": "Available"}]),
        );
        let e = diff(&one, &ready, &th, "t");
        assert_eq!(kinds(&e), [("status", Some("Status"))]);
        assert_eq!(e[0].object_id, "bgp-1");
    }

    #[test]
    fn conditions_hold_when_every_object_is_there() {
        let up = setup(json!([peer("Available", "Established", 1)]), json!([]));
        let down = setup(json!([peer("Available", "Connect", 0)]), json!([]));
        let none = setup(json!([]), json!([]));
        assert!(all_established(&up));
        assert!(!all_established(&down));
        assert!(!all_established(&none), "no peer is not every peer up");
        assert!(all_available(&up));
        let pending = setup(json!([peer("Pending", "Idle", 0)]), json!([]));
        assert!(!all_available(&pending));
    }
}
