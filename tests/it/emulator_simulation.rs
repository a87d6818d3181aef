//! The emulator's session faults through the real binary and real HTTP: a flapping session, route
//! counts that grow to the group's RouteLimit, a session held down from the start by peer ID, and
//! the errors of bad values (docs/emulator.md, section Faults). What `bgpeer vbr check` and
//! `bgpeer watch` are for.

use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::cli_network_bulk::SH_VBRS;
use crate::emulator_server::{v3_request_with, Call};
use crate::support::*;

const DEMO_PEER: &str = "bgp-bp1demo00000000000001";
const OTHER_DEMO_PEER: &str = "bgp-bp1demo00000000000002";

/// The longest a test polls for what a fault makes a peer show (a hang detector, not a timing).
const POLL_BOUND: Duration = Duration::from_secs(10);

/// `bgpeer -o json ...` against the emulator (cn-shanghai unless ARGS name a region).
fn bgpeer(sb: &Sandbox, emu: &Emulator) -> Command {
    let mut c = sb.cmd_at(emu);
    c.args(["-o", "json"]);
    c
}

/// A group on the first cn-shanghai VBR (with `extra` flags) and a peer in it; the peer's ID.
fn group_and_peer(sb: &Sandbox, emu: &Emulator, extra: &[&str]) -> String {
    let mut args = vec![
        "group",
        "create",
        "--router-id",
        SH_VBRS[0],
        "--peer-asn",
        "65001",
    ];
    args.extend_from_slice(extra);
    let g = ok_json(bgpeer(sb, emu).args(&args));
    let group = g["BgpGroupId"].as_str().expect("BgpGroupId");
    let p = ok_json(bgpeer(sb, emu).args([
        "peer",
        "create",
        "--bgp-group-id",
        group,
        "--peer-ip-address",
        "10.0.1.2",
    ]));
    p["BgpPeerId"].as_str().expect("BgpPeerId").to_string()
}

/// `bgpeer peer show ID -o json`.
fn peer_show(sb: &Sandbox, emu: &Emulator, region: &str, id: &str) -> Value {
    ok_json(bgpeer(sb, emu).args(["--region", region, "peer", "show", id]))
}

/// Sends one admin request; its status and JSON answer.
async fn admin_call(emu: &Emulator, method: &str, path: &str, body: &str) -> (u16, Value) {
    let r = emu
        .http_client()
        .request(method.parse().unwrap(), emu.admin_url(path))
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}: {text}"));
    (status, json)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_flapping_session_goes_established_idle_established() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let id = group_and_peer(&sb, &emu, &[]);
    assert_eq!(
        peer_show(&sb, &emu, "cn-shanghai", &id)["BgpStatus"],
        "Established"
    );
    let body = format!(r#"{{"kind":"session_flap","peer_id":"{id}","period_ms":1200}}"#);
    let (status, answer) = admin_call(&emu, "POST", "faults", &body).await;
    assert_eq!(status, 201, "{answer}");
    // The time base is not in the JSON: GET answers what was given.
    assert_eq!(
        answer["faults"],
        serde_json::json!([{"kind": "session_flap", "peer_id": id, "period_ms": 1200}])
    );

    // Each BgpStatus seen, in order, without repeats; until Established, Idle, Established.
    let mut seen: Vec<String> = Vec::new();
    let start = Instant::now();
    while seen
        .windows(3)
        .all(|w| w != ["Established", "Idle", "Established"])
    {
        assert!(
            start.elapsed() < POLL_BOUND,
            "no Established, Idle, Established within {POLL_BOUND:?}: {seen:?}"
        );
        let p = peer_show(&sb, &emu, "cn-shanghai", &id);
        let status = p["BgpStatus"].as_str().unwrap().to_string();
        if status != "Established" {
            assert_eq!(status, "Idle", "{p}");
            assert_eq!(
                (&p["AdvertisedRouteCount"], &p["ReceivedRouteCount"]),
                (&Value::from(0), &Value::from(0)),
                "a session that is down has no routes: {p}"
            );
        }
        assert_eq!(p["Status"], "Available", "{p}");
        if seen.last() != Some(&status) {
            seen.push(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn received_routes_grow_and_stop_at_the_route_limit() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let id = group_and_peer(&sb, &emu, &["--route-quota", "20"]);
    let body = format!(r#"{{"kind":"route_growth","peer_id":"{id}","per_second":50}}"#);
    let (status, answer) = admin_call(&emu, "POST", "faults", &body).await;
    assert_eq!(status, 201, "{answer}");

    // At once (a signed call, not a process start): the count has only just begun to grow.
    let call = Call::new(
        "DescribeBgpPeers",
        &[("RegionId", "cn-shanghai"), ("BgpPeerId", &id)],
    );
    let r = v3_request_with(&emu.http_client(), &emu.endpoint, &emu.addr, &call)
        .send()
        .await
        .unwrap();
    let page: Value = serde_json::from_str(&r.text().await.unwrap()).unwrap();
    let first = page["BgpPeers"]["BgpPeer"][0]["ReceivedRouteCount"]
        .as_u64()
        .unwrap_or_else(|| panic!("{page}"));
    assert!(first < 20, "{page}");

    // Through the binary: it rises, never above the RouteLimit, and stays at exactly 20.
    let mut counts = vec![first];
    let start = Instant::now();
    let mut at_limit = 0;
    while at_limit < 5 {
        assert!(
            start.elapsed() < POLL_BOUND,
            "the count did not stay at 20 within {POLL_BOUND:?}: {counts:?}"
        );
        let p = peer_show(&sb, &emu, "cn-shanghai", &id);
        assert_eq!(p["BgpStatus"], "Established", "{p}");
        assert_eq!(p["RouteLimit"], 20, "{p}");
        let n = p["ReceivedRouteCount"].as_u64().unwrap();
        assert!(n <= 20, "above the RouteLimit: {counts:?} then {n}");
        assert!(n >= *counts.last().unwrap(), "fell: {counts:?} then {n}");
        counts.push(n);
        if n == 20 {
            at_limit += 1;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_session_held_down_by_peer_id_from_the_start_shows_the_state_given() {
    let flag = format!("kind=session_down,peer_id={DEMO_PEER},state=Idle");
    let emu = Emulator::start_with(&["--settle-ms", "0", "--fault", &flag]);
    let sb = Sandbox::new();
    let (_, faults) = admin_call(&emu, "GET", "faults", "").await;
    assert_eq!(
        faults["faults"],
        serde_json::json!([{"kind": "session_down", "peer_id": DEMO_PEER, "state": "Idle"}])
    );
    let held = peer_show(&sb, &emu, "cn-hangzhou", DEMO_PEER);
    assert_eq!(held["Status"], "Available", "{held}");
    assert_eq!(held["BgpStatus"], "Idle", "{held}");
    assert_eq!(held["AdvertisedRouteCount"], 0, "{held}");
    assert_eq!(held["ReceivedRouteCount"], 0, "{held}");
    // Its neighbour on the same VBR and group is not touched.
    let other = peer_show(&sb, &emu, "cn-hangzhou", OTHER_DEMO_PEER);
    assert_eq!(other["BgpStatus"], "Established", "{other}");
    // The rule lasts until it is removed.
    let (status, _) = admin_call(&emu, "DELETE", "faults", "").await;
    assert_eq!(status, 200);
    let released = peer_show(&sb, &emu, "cn-hangzhou", DEMO_PEER);
    assert_eq!(released["BgpStatus"], "Established", "{released}");
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_session_faults_are_a_400_or_exit_2_naming_the_field() {
    let emu = Emulator::start();
    for (body, says) in [
        (
            r#"{"kind":"session_flap","period_ms":100}"#,
            "period_ms 100 is out of range: use 200 to 3600000",
        ),
        (
            r#"{"kind":"session_flap","period_ms":1200,"down_ms":1200}"#,
            "down_ms 1200 is out of range: use 1 to 1199",
        ),
        (
            r#"{"kind":"session_flap","period_ms":"fast"}"#,
            "period_ms \"fast\" is not a whole number",
        ),
        (
            r#"{"kind":"session_flap","period_ms":1200,"state":"Established"}"#,
            "state \"Established\" is not a session state: use Idle, Connect or Active",
        ),
        (
            r#"{"kind":"route_growth","per_second":0}"#,
            "per_second 0 is out of range: use a number above 0, at most 100000",
        ),
        (
            r#"{"kind":"route_growth","per_second":1,"from":-3}"#,
            "from -3 is not a whole number: use 0 or more",
        ),
        (
            r#"{"kind":"session_down","peer_ip":"10.0.0.1","peer_id":"bgp-bp1demo00000000000001"}"#,
            "give one of peer_ip and peer_id, not both",
        ),
        (
            r#"{"kind":"session_down","peer_id":"bgpg-bp1demo00000000000000"}"#,
            "peer_id \"bgpg-bp1demo00000000000000\" is not a BGP peer ID",
        ),
        (
            r#"{"kind":"route_growth","per_second":5,"action":"DescribeBgpPeers"}"#,
            "unknown field `action`",
        ),
        (
            r#"{"kind":"session_flap","period_ms":1200,"times":1}"#,
            "unknown field `times`",
        ),
    ] {
        let (status, answer) = admin_call(&emu, "POST", "faults", body).await;
        assert_eq!(status, 400, "{body}: {answer}");
        let error = answer["error"].as_str().unwrap_or_default();
        assert!(error.contains(says), "{body}: {error}");
    }
    let (_, faults) = admin_call(&emu, "GET", "faults", "").await;
    assert_eq!(faults["faults"], serde_json::json!([]), "nothing was added");

    let sb = Sandbox::new();
    for (flag, says) in [
        (
            "kind=session_flap,period_ms=100",
            "period_ms 100 is out of range: use 200 to 3600000",
        ),
        (
            "kind=session_flap,period_ms=1.2s",
            "fault period_ms \"1.2s\" is not a whole number: use 200 to 3600000",
        ),
        (
            "kind=route_growth,per_second=lots",
            "fault per_second \"lots\" is not a number",
        ),
        (
            "kind=session_down,peer_id=bgp-bp1demo00000000000001,state=Down",
            "state \"Down\" is not a session state",
        ),
    ] {
        let (code, _, err) = run(sb
            .cmd()
            .args(["emulator", "--listen", "127.0.0.1:0", "--fault", flag])
            .args(["--error-format", "text"]));
        assert_eq!(code, 2, "{flag}: {err}");
        assert!(
            err.contains("invalid --fault") && err.contains(says),
            "{flag}: {err}"
        );
    }
}
