//! `bgpeer vbr check`.

use std::time::Instant;

use serde_json::{json, Value};

use super::*;
use crate::support::*;

const DEMO_VBR: &str = "vbr-bp1demo00000000000000";

/// The AuthKey of the groups of the rules test: never printed.
const KEY: &str = "s3cret-bgp-key";

fn findings(out: &str) -> Vec<Value> {
    json(out).as_array().expect("an array of findings").clone()
}

/// The finding of `code` on `object`, with the whole list in the panic message when missing.
fn finding<'a>(all: &'a [Value], code: &str, object: &str) -> &'a Value {
    all.iter()
        .find(|f| f["Code"] == code && f["ObjectId"] == object)
        .unwrap_or_else(|| {
            panic!(
                "no {code} on {object} in:\n{}",
                serde_json::to_string_pretty(all).unwrap()
            )
        })
}

#[test]
fn every_rule_fires_on_a_set_up_made_for_it() {
    let sb = Sandbox::new();
    let state = sb.path("state.json");
    let mut emu = Emulator::start_with(&["--settle-ms", "0", "--state", state.to_str().unwrap()]);
    let v = shanghai_vbrs(&sb, &emu, 12);
    let gw = |i: usize| vbr_field(&sb, &emu, &v[i], "PeerGatewayIp");
    let local = |i: usize| vbr_field(&sb, &emu, &v[i], "LocalGatewayIp");
    let key = ["--auth-key", KEY];

    // v0: an IPv6 group whose VBR later loses IPv6; v1: the VBR is terminated.
    let g6 = group(
        &sb,
        &emu,
        &v[0],
        &["--auth-key", KEY, "--ip-version", "IPv6"],
    );
    group(&sb, &emu, &v[1], &key);
    // v2: peers off the interconnect (BFD off), at the local gateway (edited), with a duplicate
    // address and of the wrong family (edited).
    let g2 = group(&sb, &emu, &v[2], &key);
    let off = peer(&sb, &emu, &g2, "172.16.9.9", &[]);
    let at_local = peer(&sb, &emu, &g2, &gw(2), &[]);
    let dup_a = peer(&sb, &emu, &g2, "172.16.9.10", &[]);
    let dup_b = peer(&sb, &emu, &g2, "172.16.9.11", &[]);
    let wrong_family = peer(&sb, &emu, &g2, "172.16.9.12", &[]);
    // v3: BFD on one peer (255 hops, on the interconnect) and off on another; one off the
    // interconnect with one hop.
    let g3 = group(&sb, &emu, &v[3], &key);
    let bfd_direct = peer(
        &sb,
        &emu,
        &g3,
        &gw(3),
        &["--enable-bfd", "--bfd-multi-hop", "255"],
    );
    let bfd_low = peer(
        &sb,
        &emu,
        &g3,
        "172.16.3.3",
        &["--enable-bfd", "--bfd-multi-hop", "1"],
    );
    let bfd_off = peer(&sb, &emu, &g3, "172.16.3.4", &[]);
    // v4: route limits; a session that stays down.
    let g_full = group(&sb, &emu, &v[4], &["--auth-key", KEY, "--route-quota", "1"]);
    let full = peer(&sb, &emu, &g_full, &gw(4), &[]);
    let g_near = group(
        &sb,
        &emu,
        &v[5],
        &["--auth-key", KEY, "--route-quota", "10"],
    );
    let near = peer(&sb, &emu, &g_near, &gw(5), &[]);
    let g_down = group(&sb, &emu, &v[6], &key);
    let down = peer(&sb, &emu, &g_down, &gw(6), &[]);
    // v7: groups without peers, without a key, of a documentation ASN, and (edited) iBGP and a
    // reserved ASN.
    let g_empty = group(&sb, &emu, &v[7], &key);
    let g_nokey = group(&sb, &emu, &v[8], &[]);
    peer(&sb, &emu, &g_nokey, &gw(8), &[]);
    let g_doc = group(
        &sb,
        &emu,
        &v[9],
        &["--auth-key", KEY, "--peer-asn", "64500"],
    );
    peer(&sb, &emu, &g_doc, &gw(9), &[]);
    let g_ibgp = group(&sb, &emu, &v[10], &key);
    let g_reserved = group(&sb, &emu, &v[11], &key);
    // v6 gets a network: its peer is down, so no-network-advertised must not fire there; v4's
    // session is up and it has none, so it must.
    ok_json(sb.cmd_at(&emu).args([
        "network",
        "add",
        "--router-id",
        &v[6],
        "--dst-cidr-block",
        "192.168.66.0/24",
        "--vpc-id",
        "vpc-uf6bench0000000000000",
        "-o",
        "json",
    ]));

    let (local2, v0, v1, v2, v10, v11) = (local(2), &v[0], &v[1], &v[2], &v[10], &v[11]);
    edit_state(&mut emu, &state, |w| {
        w["vbrs"][v0]["attrs"]["EnableIpv6"] = json!(false);
        w["vbrs"][v1]["attrs"]["Status"] = json!("terminated");
        let g = state_group(w, v2, &g2);
        for p in g["peers"].as_array_mut().unwrap() {
            if p["id"] == at_local {
                p["peer_ip"] = json!(local2);
            } else if p["id"] == dup_b {
                p["peer_ip"] = json!("172.16.9.10");
            } else if p["id"] == wrong_family {
                p["peer_ip"] = json!("2001:db8::12");
            }
        }
        state_group(w, v10, &g_ibgp)["peer_asn"] = json!(45104);
        state_group(w, v11, &g_reserved)["peer_asn"] = json!(23456);
    });
    add_fault(&emu, json!({"kind": "session_down", "peer_id": down}));
    add_fault(
        &emu,
        json!({"kind": "route_growth", "peer_id": near, "per_second": 0.001, "from": 9}),
    );

    let (code, out, err) = run(sb
        .cmd_at(&emu)
        .args(["vbr", "check", "--all", "-o", "json"]));
    assert_eq!(code, 12, "errors were found: exit 12\n{err}");
    assert!(err.contains("checked 80 VBRs: "), "{err}");
    let all = findings(&out);
    let expect = |code: &str, object: &str, severity: &str, words: &str| {
        let f = finding(&all, code, object);
        assert_eq!(f["Severity"], severity, "{f}");
        assert!(
            f["Message"].as_str().unwrap().contains(words),
            "{code}: {f}"
        );
    };
    expect("ipv6-not-enabled", &g6, "error", "without IPv6 enabled");
    expect("vbr-not-active", v1, "error", "terminated");
    expect(
        "peer-ip-off-interconnect",
        &off,
        "warning",
        "neither the VBR's PeerGatewayIp",
    );
    expect("peer-ip-is-local-gateway", &at_local, "error", &local2);
    expect("duplicate-peer-ip", &dup_b, "error", &dup_a);
    expect(
        "peer-ip-family-mismatch",
        &wrong_family,
        "error",
        "is IPv6 but the group's IpVersion is IPv4",
    );
    expect(
        "bfd-multihop-direct",
        &bfd_direct,
        "warning",
        "BFD hop count 255",
    );
    expect("bfd-multihop-too-low", &bfd_low, "error", "hop count 1");
    expect(
        "bfd-inconsistent",
        &v[3],
        "warning",
        &format!("off for {bfd_off}"),
    );
    expect(
        "route-limit-reached",
        &full,
        "error",
        "at the group's RouteLimit 1",
    );
    expect(
        "route-limit-near",
        &near,
        "warning",
        "receives 9 routes, 90% of the group's RouteLimit 10",
    );
    expect(
        "peer-not-established",
        &down,
        "error",
        "BgpStatus Active when read",
    );
    expect("group-without-peers", &g_empty, "warning", "no peers");
    expect("group-without-auth-key", &g_nokey, "warning", "no AuthKey");
    expect("asn-documentation", &g_doc, "warning", "PeerAsn 64500");
    expect(
        "ibgp-not-supported",
        &g_ibgp,
        "error",
        "PeerAsn 45104 equals LocalAsn 45104",
    );
    expect("asn-reserved", &g_reserved, "error", "PeerAsn 23456");
    expect(
        "no-network-advertised",
        &v[4],
        "warning",
        "advertises no BGP network",
    );
    assert!(
        !all.iter()
            .any(|f| f["Code"] == "no-network-advertised" && f["VbrId"] == v[6]),
        "v6 advertises a network"
    );
    // The fix is a bgpeer command, with the object's ID.
    assert_eq!(
        finding(&all, "bfd-multihop-direct", &bfd_direct)["Fix"],
        format!("bgpeer peer update {bfd_direct} --enable-bfd --bfd-multi-hop 1")
    );
    // Each documented shape, and never the key.
    for f in &all {
        let keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "Severity",
                "Code",
                "VbrId",
                "ObjectType",
                "ObjectId",
                "Message",
                "Fix"
            ]
        );
    }
    assert!(!out.contains("s3cret") && !err.contains("s3cret"));
    // Every rule of --list-rules fired, bar the two that need time (session-flapping,
    // peer-not-available: below).
    let rules = ok_json(
        sb.cmd_at(&emu)
            .args(["vbr", "check", "--list-rules", "-o", "json"]),
    );
    for r in rules.as_array().unwrap() {
        let code = r["Code"].as_str().unwrap();
        if code == "session-flapping" || code == "peer-not-available" {
            continue;
        }
        assert!(all.iter().any(|f| f["Code"] == code), "{code} never fired");
    }

    // --skip drops rules; --fail-on decides the exit.
    let (code, out, _) = run(sb.cmd_at(&emu).args([
        "vbr",
        "check",
        &v[7],
        &v[8],
        "--skip",
        "group-without-peers,no-network-advertised",
        "-o",
        "json",
    ]));
    assert_eq!(code, 0, "only warnings, and errors fail");
    let codes: Vec<Value> = findings(&out).iter().map(|f| f["Code"].clone()).collect();
    assert_eq!(codes, [json!("group-without-auth-key")]);
    let (code, _, _) =
        run(sb
            .cmd_at(&emu)
            .args(["vbr", "check", &v[7], &v[8], "--fail-on", "warning"]));
    assert_eq!(code, 12);
}

#[test]
fn the_seeded_demo_vbr_as_a_table_grouped_by_vbr() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(sb.cmd_at(&emu).args([
        "--region",
        "cn-hangzhou",
        "vbr",
        "check",
        DEMO_VBR,
        "vbr-bp1terminated00000000",
        "-o",
        "table",
    ]));
    assert_eq!(code, 12, "{err}");
    assert!(
        out.starts_with(&format!(
            "{DEMO_VBR} (emu-demo): 0 errors, 3 warnings, 1 notice\n"
        )),
        "{out}"
    );
    assert!(out.contains("\nvbr-bp1terminated00000000 ("), "{out}");
    assert!(out.contains("1 error, 0 warnings, 0 notices"), "{out}");
    assert!(
        err.contains(
            "checked 2 VBRs: 1 error, 3 warnings, 1 notice (exit 12: at or above --fail-on error)"
        ),
        "{err}"
    );
    // tsv: one row per finding with the default columns.
    let (code, out, _) = run(sb.cmd_at(&emu).args([
        "--region",
        "cn-hangzhou",
        "vbr",
        "check",
        DEMO_VBR,
        "-o",
        "tsv",
    ]));
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("VbrId\tSeverity\tCode\tObjectId\tMessage")
    );
    assert_eq!(lines.count(), 4);
    // --query sees the findings array.
    let (code, out, _) = run(sb.cmd_at(&emu).args([
        "--region",
        "cn-hangzhou",
        "vbr",
        "check",
        DEMO_VBR,
        "--query",
        "[?Severity=='info'].ObjectId",
        "-o",
        "value",
    ]));
    assert_eq!(code, 0);
    assert_eq!(out, "bgp-bp1demo00000000000001\n");
}

#[test]
fn bad_input_is_refused_before_anything_is_sent() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    forget_requests(&emu);
    let err = fails(sb.cmd_at(&emu).args(["vbr", "check"]), 2);
    assert!(err.contains("--all"), "{err}");
    let err = fails(
        sb.cmd_at(&emu)
            .args(["vbr", "check", "--all", "--skip", "no-such-rule"]),
        2,
    );
    assert!(
        err.contains("no-such-rule") && err.contains("group-without-auth-key"),
        "{err}"
    );
    let err = fails(sb.cmd_at(&emu).args(["vbr", "check", "bgp-123"]), 2);
    assert!(err.contains("vbr-"), "{err}");
    let err = fails(
        sb.cmd_at(&emu).args([
            "vbr",
            "check",
            "--all",
            "--observe",
            "5",
            "--interval",
            "0.5",
        ]),
        2,
    );
    assert!(err.contains("below the floor of 1 s"), "{err}");
    assert_eq!(actions(&emu), Vec::<String>::new());
    // A VBR that does not exist: exit 3, naming it.
    let err = fails(
        sb.cmd_at(&emu)
            .args(["vbr", "check", "vbr-uf6doesnotexist0000000"]),
        3,
    );
    assert!(
        err.contains("no VBR vbr-uf6doesnotexist0000000 in region cn-shanghai"),
        "{err}"
    );
}

#[test]
fn observing_says_how_long_a_session_was_down_and_catches_flapping() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let v = shanghai_vbrs(&sb, &emu, 2);
    let g = group(&sb, &emu, &v[0], &["--auth-key", "k"]);
    let down = gateway_peer(&sb, &emu, &v[0], &g);
    let g = group(&sb, &emu, &v[1], &["--auth-key", "k"]);
    let flapping = gateway_peer(&sb, &emu, &v[1], &g);
    add_fault(
        &emu,
        json!({"kind": "session_down", "peer_id": down, "state": "Idle"}),
    );
    add_fault(
        &emu,
        json!({"kind": "session_flap", "peer_id": flapping, "period_ms": 2000, "down_ms": 1000}),
    );
    forget_requests(&emu);
    let started = Instant::now();
    let (code, out, err) = run(sb.cmd_at(&emu).args([
        "vbr",
        "check",
        &v[0],
        &v[1],
        "--observe",
        "4",
        "--interval",
        "1",
        "--skip",
        "no-network-advertised",
        "-o",
        "json",
    ]));
    assert_eq!(code, 12, "{err}");
    assert!(
        started.elapsed().as_secs_f64() >= 4.0,
        "it observed for --observe"
    );
    assert!(
        err.contains("observing the sessions for 4 s: a read every 1 s"),
        "{err}"
    );
    let all = findings(&out);
    let f = finding(&all, "peer-not-established", &down);
    assert!(
        f["Message"]
            .as_str()
            .unwrap()
            .contains("BgpStatus Idle in every read for 4 s (5 reads)"),
        "{f}"
    );
    let f = finding(&all, "session-flapping", &flapping);
    assert!(
        f["Message"]
            .as_str()
            .unwrap()
            .contains("Established -> Idle"),
        "{f}"
    );
    // One full read, then the peers only, once per interval.
    let peers_reads = actions(&emu)
        .iter()
        .filter(|a| *a == "DescribeBgpPeers")
        .count();
    assert_eq!(peers_reads, 5, "{:?}", actions(&emu));
}

#[test]
fn a_peer_in_transition_is_a_warning_with_its_last_change() {
    let sb = Sandbox::new();
    let state = sb.path("state.json");
    let state = state.to_str().unwrap();
    let mut emu = Emulator::start_with(&["--settle-ms", "0", "--state", state]);
    let v = shanghai_vbrs(&sb, &emu, 1);
    let g = group(&sb, &emu, &v[0], &["--auth-key", "k"]);
    let p = gateway_peer(&sb, &emu, &v[0], &g);
    // The same state, with ten minutes for a change to settle: the new peer is Pending again.
    emu.kill_9();
    let emu = Emulator::start_with(&["--settle-ms", "600000", "--state", state]);
    let (code, out, err) = run(sb.cmd_at(&emu).args(["vbr", "check", &v[0], "-o", "json"]));
    assert_eq!(code, 0, "a warning does not fail by default: {err}");
    let all = findings(&out);
    let f = finding(&all, "peer-not-available", &p);
    assert_eq!(f["Severity"], "warning");
    assert!(
        f["Message"]
            .as_str()
            .unwrap()
            .starts_with("Status Pending (last modified 20"),
        "{f}"
    );
    assert_eq!(f["Fix"], format!("bgpeer peer wait {p} --until available"));
}
