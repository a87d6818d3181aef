use serde_json::{json, Value};

use super::*;

/// A healthy VBR: active, IPv4 interconnect 10.0.0.0/30, one group with a key and one peer at
/// the peer gateway, BFD on with hop count 1, a network advertised.
fn healthy() -> Value {
    json!({
        "vbr": {"VbrId": "vbr-1", "Status": "active", "EnableIpv6": false,
                "LocalGatewayIp": "10.0.0.1", "PeerGatewayIp": "10.0.0.2",
                "PeeringSubnetMask": "255.255.255.252"},
        "groups": [{"BgpGroupId": "bgpg-1", "RouterId": "vbr-1", "PeerAsn": "65001",
                    "LocalAsn": "45104", "AuthKey": "k", "RouteLimit": "100",
                    "IpVersion": "IPv4", "Status": "Available"}],
        "peers": [peer("bgp-1", "10.0.0.2")],
        "networks": [{"DstCidrBlock": "192.168.0.0/24", "RouterId": "vbr-1", "Status": "Available"}],
    })
}

fn peer(id: &str, ip: &str) -> Value {
    json!({"BgpPeerId": id, "BgpGroupId": "bgpg-1", "RouterId": "vbr-1", "PeerIpAddress": ip,
           "EnableBfd": true, "BfdMultiHop": 1, "RouteLimit": "100", "IpVersion": "IPv4",
           "Status": "Available", "BgpStatus": "Established", "ReceivedRouteCount": 10,
           "AdvertisedRouteCount": 1, "GmtModified": "2026-12-03T10:00Z"})
}

fn setup(v: &Value) -> VbrSetup {
    fn d<T: serde::de::DeserializeOwned>(v: &Value, k: &str) -> T {
        serde_json::from_value(v[k].clone()).unwrap()
    }
    VbrSetup {
        vbr: d(v, "vbr"),
        groups: d(v, "groups"),
        peers: d(v, "peers"),
        networks: d(v, "networks"),
    }
}

fn run(v: &Value) -> Vec<Finding> {
    check(&[setup(v)], &Observed::default(), &Options::default())
}

fn codes(v: &Value) -> Vec<(&'static str, Severity)> {
    run(v).iter().map(|f| (f.code, f.severity)).collect()
}

#[test]
fn a_healthy_vbr_has_no_findings() {
    assert_eq!(run(&healthy()), []);
}

#[test]
fn every_rule_is_listed_once() {
    let mut names: Vec<&str> = RULES.iter().map(|r| r.0).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), RULES.len());
}

#[test]
fn vbr_and_ipv6_rules() {
    let mut v = healthy();
    v["vbr"]["Status"] = json!("terminated");
    assert_eq!(codes(&v), [(VBR_NOT_ACTIVE, Severity::Error)]);

    let mut v = healthy();
    v["groups"][0]["IpVersion"] = json!("IPv6");
    v["peers"] = json!([]);
    let c = codes(&v);
    assert!(c.contains(&(IPV6_NOT_ENABLED, Severity::Error)), "{c:?}");
}

#[test]
fn peer_address_rules() {
    let with_ip = |ip: &str| {
        let mut v = healthy();
        v["peers"][0]["PeerIpAddress"] = json!(ip);
        v
    };
    assert_eq!(codes(&with_ip("10.0.0.3")), [], "in the subnet");
    assert_eq!(
        codes(&with_ip("10.0.0.1")),
        [(PEER_IP_IS_LOCAL_GATEWAY, Severity::Error)]
    );
    let mut v = with_ip("172.16.0.9");
    v["peers"][0]["EnableBfd"] = json!(false);
    let off = run(&v);
    assert_eq!(off[0].code, PEER_IP_OFF_INTERCONNECT);
    assert_eq!(off[0].severity, Severity::Warning);
    assert!(off[0].message.contains("10.0.0.0/30"), "{}", off[0].message);
    assert_eq!(
        off[0].fix.as_deref(),
        Some("bgpeer peer update bgp-1 --peer-ip-address 10.0.0.2")
    );
    // BFD multi-hop suggests a loopback neighbour: a notice only.
    v["peers"][0]["EnableBfd"] = json!(true);
    v["peers"][0]["BfdMultiHop"] = json!(3);
    assert_eq!(codes(&v), [(PEER_IP_OFF_INTERCONNECT, Severity::Info)]);
    assert_eq!(
        codes(&with_ip("2001:db8::2")),
        [(PEER_IP_FAMILY_MISMATCH, Severity::Error)]
    );
    let mut v = healthy();
    v["peers"] = json!([peer("bgp-1", "10.0.0.2"), peer("bgp-2", "10.0.0.2")]);
    let f = run(&v);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].code, f[0].object_id.as_str()),
        (DUPLICATE_PEER_IP, "bgp-2")
    );
}

#[test]
fn ipv6_peers_are_judged_against_the_ipv6_interconnect() {
    let mut v = healthy();
    v["vbr"]["EnableIpv6"] = json!(true);
    v["vbr"]["PeerIpv6GatewayIp"] = json!("2408:4005:3c0:1::2");
    v["vbr"]["LocalIpv6GatewayIp"] = json!("2408:4005:3c0:1::1");
    v["vbr"]["PeeringIpv6SubnetMask"] = json!("2408:4005:3c0:1::/64");
    v["groups"][0]["IpVersion"] = json!("IPv6");
    v["peers"][0]["PeerIpAddress"] = json!("2408:4005:3c0:1::2");
    v["peers"][0]["IpVersion"] = json!("IPv6");
    assert_eq!(codes(&v), []);
    v["peers"][0]["PeerIpAddress"] = json!("2408:4005:3c0:2::2");
    v["peers"][0]["EnableBfd"] = json!(false);
    assert_eq!(codes(&v), [(PEER_IP_OFF_INTERCONNECT, Severity::Warning)]);
}

#[test]
fn session_and_status_rules() {
    let mut v = healthy();
    v["peers"][0]["BgpStatus"] = json!("Active");
    let f = run(&v);
    assert_eq!(f[0].code, PEER_NOT_ESTABLISHED);
    assert!(
        f[0].message.contains("BgpStatus Active when read"),
        "{}",
        f[0].message
    );

    let mut v = healthy();
    v["peers"][0]["Status"] = json!("Modifying");
    let f = run(&v);
    assert_eq!(
        (f[0].code, f[0].severity),
        (PEER_NOT_AVAILABLE, Severity::Warning)
    );
    assert!(f[0].message.contains("last modified 2026-12-03T10:00Z"));
}

#[test]
fn observed_sessions_say_how_long_or_that_they_flap() {
    let mut v = healthy();
    v["peers"][0]["BgpStatus"] = json!("Idle");
    let obs = |states: &[&str]| Observed {
        reads: states.len(),
        span_ms: 30_000,
        history: [(
            "bgp-1".to_string(),
            states
                .iter()
                .map(|s| ("Available".to_string(), s.to_string()))
                .collect(),
        )]
        .into(),
    };
    let f = check(
        &[setup(&v)],
        &obs(&["Idle", "Idle", "Idle"]),
        &Options::default(),
    );
    assert!(
        f[0].message.contains("in every read for 30 s (3 reads)"),
        "{}",
        f[0].message
    );
    let f = check(
        &[setup(&v)],
        &obs(&["Established", "Idle", "Established", "Idle"]),
        &Options::default(),
    );
    assert_eq!(f[0].code, SESSION_FLAPPING);
    assert!(
        f[0].message
            .contains("changed 3 times in 30 s: Established -> Idle -> Established -> Idle"),
        "{}",
        f[0].message
    );
    let f = check(
        &[setup(&v)],
        &obs(&["Established", "Idle"]),
        &Options::default(),
    );
    assert_eq!(f[0].code, PEER_NOT_ESTABLISHED);
    assert!(
        f[0].message.contains("went down during the check"),
        "{}",
        f[0].message
    );
}

#[test]
fn bfd_rules() {
    let mut v = healthy();
    v["peers"][0]["BfdMultiHop"] = json!(255);
    assert_eq!(codes(&v), [(BFD_MULTIHOP_DIRECT, Severity::Warning)]);
    v["peers"][0]["BfdMultiHop"] = json!(0);
    let f = run(&v);
    assert!(
        f[0].message.contains("255 (not set: the platform default)"),
        "{}",
        f[0].message
    );

    let mut v = healthy();
    v["peers"][0]["PeerIpAddress"] = json!("172.16.0.9");
    let c = codes(&v);
    assert!(
        c.contains(&(BFD_MULTIHOP_TOO_LOW, Severity::Error)),
        "{c:?}"
    );

    let mut v = healthy();
    let mut off = peer("bgp-2", "10.0.0.3");
    off["EnableBfd"] = json!(false);
    v["peers"] = json!([peer("bgp-1", "10.0.0.2"), off]);
    let f = run(&v);
    assert_eq!((f[0].code, f[0].object_type), (BFD_INCONSISTENT, "Vbr"));
    assert!(f[0].message.contains("on for bgp-1 and off for bgp-2"));
}

#[test]
fn route_limit_rules() {
    let with = |n: u64| {
        let mut v = healthy();
        v["peers"][0]["ReceivedRouteCount"] = json!(n);
        v
    };
    assert_eq!(codes(&with(79)), []);
    let f = run(&with(80));
    assert_eq!(
        (f[0].code, f[0].severity),
        (ROUTE_LIMIT_NEAR, Severity::Warning)
    );
    assert!(
        f[0].message
            .contains("80 routes, 80% of the group's RouteLimit 100"),
        "{}",
        f[0].message
    );
    assert_eq!(codes(&with(100)), [(ROUTE_LIMIT_REACHED, Severity::Error)]);
    let f = check(
        &[setup(&with(80))],
        &Observed::default(),
        &Options {
            route_threshold_pct: 90,
        },
    );
    assert_eq!(f, []);
}

#[test]
fn group_rules() {
    let mut v = healthy();
    v["groups"][0]["AuthKey"] = json!("");
    assert_eq!(codes(&v), [(GROUP_WITHOUT_AUTH_KEY, Severity::Warning)]);

    let mut v = healthy();
    v["groups"][0]["PeerAsn"] = json!("45104");
    assert_eq!(codes(&v), [(IBGP_NOT_SUPPORTED, Severity::Error)]);

    let mut v = healthy();
    v["groups"][0]["PeerAsn"] = json!("23456");
    assert_eq!(codes(&v), [(ASN_RESERVED, Severity::Error)]);
    v["groups"][0]["PeerAsn"] = json!("64500");
    assert_eq!(codes(&v), [(ASN_DOCUMENTATION, Severity::Warning)]);

    let mut v = healthy();
    v["groups"].as_array_mut().unwrap().push(json!({"BgpGroupId": "bgpg-2", "RouterId": "vbr-1",
        "PeerAsn": "65002", "LocalAsn": "45104", "AuthKey": "k", "IpVersion": "IPv4", "Status": "Available"}));
    let f = run(&v);
    assert_eq!(
        (f[0].code, f[0].object_id.as_str()),
        (GROUP_WITHOUT_PEERS, "bgpg-2")
    );
}

#[test]
fn no_network_while_sessions_are_up() {
    let mut v = healthy();
    v["networks"] = json!([]);
    let f = run(&v);
    assert_eq!(f[0].code, NO_NETWORK_ADVERTISED);
    assert!(f[0].message.starts_with("1 session is Established"));
    v["peers"][0]["BgpStatus"] = json!("Idle");
    let c = codes(&v);
    assert!(!c.iter().any(|(c, _)| *c == NO_NETWORK_ADVERTISED), "{c:?}");
}

#[test]
fn findings_are_most_severe_first_and_never_show_the_key() {
    let mut v = healthy();
    v["groups"][0]["AuthKey"] = json!("s3cret-key");
    v["groups"][0]["PeerAsn"] = json!("45104");
    v["peers"][0]["BfdMultiHop"] = json!(255);
    let f = run(&v);
    assert_eq!(f[0].severity, Severity::Error);
    let text = serde_json::to_string(&f).unwrap();
    assert!(!text.contains("s3cret"));
}

#[test]
fn every_rule_is_documented_with_why_and_how_to_fix() {
    let doc = include_str!("../../../docs/health.md");
    let rows: Vec<&str> = doc.lines().filter(|l| l.starts_with("| `")).collect();
    for (code, severity, _) in RULES {
        let row = rows
            .iter()
            .find(|r| r.starts_with(&format!("| `{code}` |")))
            .unwrap_or_else(|| panic!("{code} has no row in docs/health.md"));
        assert!(row.contains(severity.as_str()), "{code}: {row}");
        assert_eq!(row.matches(" | ").count(), 4, "{code}: five columns: {row}");
    }
    let section = doc
        .split("### The rules")
        .nth(1)
        .and_then(|rest| rest.split("\n### ").next())
        .expect("docs/health.md has a section The rules");
    let mut documented: Vec<&str> = section
        .lines()
        .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
        .collect();
    let mut codes: Vec<&str> = RULES.iter().map(|r| r.0).collect();
    documented.sort();
    codes.sort();
    assert_eq!(documented, codes, "the rules table lists exactly the rules");
}
