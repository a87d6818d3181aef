//! `bgpeer group ...` and `bgpeer peer ...` end to end: the real binary against a real emulator
//! process. Happy paths with the JSON shape pinned, every validation rule (nothing sent), dry
//! runs, waits (success, timeout, failure state), confirmation of deletes, and each documented API
//! error surfacing with its exit code, code and plain-words hint.

use std::io::Write;
use std::process::Command;

use serde_json::Value;

use crate::support::*;

const DEMO_VBR: &str = "vbr-bp1demo00000000000000";
const DEMO_GROUP: &str = "bgpg-bp1demo00000000000000";
const DEMO_PEER: &str = "bgp-bp1demo00000000000001";
const DUAL_VBR: &str = "vbr-bp1dualstack000000000";

/// The JSON error object printed on stderr (`-o json` with stderr not a terminal).
fn error_json(stderr: &str) -> Value {
    let line = stderr
        .lines()
        .rev()
        .find(|l| l.starts_with("{\"error\""))
        .unwrap_or_else(|| panic!("no JSON error on stderr:\n{stderr}"));
    serde_json::from_str::<Value>(line).unwrap()["error"].clone()
}

/// `bgpeer --region cn-hangzhou -o json ...` against the emulator.
fn hz(sb: &Sandbox, emu: &Emulator) -> Command {
    let mut c = sb.cmd_at(emu);
    c.args(["--region", "cn-hangzhou", "-o", "json"]);
    c
}

/// `bgpeer -o json ARGS` in cn-hangzhou unless ARGS name a region.
fn cmd_in<S: AsRef<std::ffi::OsStr>>(sb: &Sandbox, emu: &Emulator, args: &[S]) -> Command {
    if args.iter().any(|a| a.as_ref() == "--region") {
        let mut c = sb.cmd_at(emu);
        c.args(["-o", "json"]).args(args);
        c
    } else {
        let mut c = hz(sb, emu);
        c.args(args);
        c
    }
}

fn create_group(sb: &Sandbox, emu: &Emulator, vbr: &str, extra: &[&str]) -> String {
    let args = [
        &["group", "create", "--router-id", vbr, "--peer-asn", "65001"],
        extra,
    ]
    .concat();
    let g = ok_json(&mut cmd_in(sb, emu, &args));
    g["BgpGroupId"].as_str().expect("BgpGroupId").to_string()
}

fn create_peer(sb: &Sandbox, emu: &Emulator, group: &str, ip: &str) -> String {
    let p = ok_json(hz(sb, emu).args(["peer", "create", "--bgp-group-id", group, "--peer-ip", ip]));
    p["BgpPeerId"].as_str().expect("BgpPeerId").to_string()
}

/// Checks an object has exactly these keys, each of the given JSON type.
fn assert_shape(v: &Value, shape: &[(&str, &str)]) {
    let obj = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"));
    let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    let want: Vec<&str> = shape.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, want, "field set or order changed: {v}");
    for (k, ty) in shape {
        let actual = match &obj[*k] {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        assert_eq!(actual, *ty, "{k} has type {actual}, expected {ty}: {v}");
    }
}

const GROUP_SHAPE: &[(&str, &str)] = &[
    ("BgpGroupId", "string"),
    ("Name", "string"),
    ("Description", "string"),
    ("RouterId", "string"),
    ("RegionId", "string"),
    ("PeerAsn", "number"),
    ("LocalAsn", "number"),
    ("AuthKey", "string"),
    ("IsFake", "bool"),
    ("Hold", "number"),
    ("Keepalive", "number"),
    ("RouteLimit", "number"),
    ("IpVersion", "string"),
    ("Status", "string"),
];

const PEER_SHAPE: &[(&str, &str)] = &[
    ("BgpPeerId", "string"),
    ("BgpGroupId", "string"),
    ("Name", "string"),
    ("Description", "string"),
    ("PeerIpAddress", "string"),
    ("PeerAsn", "number"),
    ("LocalAsn", "number"),
    ("AuthKey", "string"),
    ("IsFake", "bool"),
    ("EnableBfd", "bool"),
    ("BfdMultiHop", "number"),
    ("Hold", "number"),
    ("Keepalive", "number"),
    ("RouteLimit", "number"),
    ("IpVersion", "string"),
    ("RouterId", "string"),
    ("RegionId", "string"),
    ("Status", "string"),
    ("BgpStatus", "string"),
    ("AdvertisedRouteCount", "number"),
    ("ReceivedRouteCount", "number"),
    ("GmtModified", "string"),
];

#[test]
fn group_lifecycle_prints_the_resource_with_consistent_types() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let created = ok_json(hz(&sb, &emu).args([
        "group",
        "create",
        "--vbr-id",
        DUAL_VBR,
        "--peer-asn",
        "65001",
        "--local-asn",
        "64512",
        "--name",
        "dc1-core",
        "--description",
        "Uplink to DC1",
        "--route-quota",
        "100",
        "--is-fake-asn",
        "--ip-version",
        "ipv6",
        "--wait",
        "--interval",
        "0.05",
    ]));
    assert_shape(&created, GROUP_SHAPE);
    assert_eq!(created["PeerAsn"], 65001);
    assert_eq!(created["LocalAsn"], 64512);
    assert_eq!(created["RouteLimit"], 100);
    assert_eq!(created["IsFake"], true);
    assert_eq!(created["IpVersion"], "IPv6");
    assert_eq!(created["Status"], "Available");
    assert_eq!(created["Name"], "dc1-core");
    let id = created["BgpGroupId"].as_str().unwrap();
    assert!(id.starts_with("bgpg-"));

    // The create call carried exactly the flags' API parameters.
    let create = requests(&emu)
        .into_iter()
        .find(|r| r["action"] == "CreateBgpGroup")
        .unwrap();
    let p = &create["parameters"];
    assert_eq!(p["RouterId"], DUAL_VBR);
    assert_eq!(p["IsFakeAsn"], "true");
    assert_eq!(p["IpVersion"], "IPv6");
    assert_eq!(p["RouteQuota"], "100");
    assert!(p["ClientToken"].as_str().is_some_and(|t| !t.is_empty()));

    let shown = ok_json(hz(&sb, &emu).args(["group", "show", id]));
    assert_eq!(shown, created);
    let listed = ok_json(hz(&sb, &emu).args(["group", "list", "--router-id", DUAL_VBR]));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_shape(&listed[0], GROUP_SHAPE);

    let updated = ok_json(hz(&sb, &emu).args([
        "group",
        "update",
        id,
        "--name",
        "dc1-edge",
        "--route-quota",
        "50",
        "--is-fake-asn=false",
        "--wait",
        "--interval",
        "0.05",
    ]));
    assert_eq!(updated["Name"], "dc1-edge");
    assert_eq!(updated["RouteLimit"], 50);
    assert_eq!(updated["IsFake"], false);

    let deleted = ok_json(hz(&sb, &emu).args([
        "group",
        "delete",
        id,
        "--yes",
        "--wait",
        "--interval",
        "0.05",
    ]));
    assert_shape(
        &deleted,
        &[("BgpGroupId", "string"), ("RequestId", "string")],
    );
    let err = fails(hz(&sb, &emu).args(["group", "show", id]), 3);
    let e = error_json(&err);
    assert_eq!(e["kind"], "not_found");
    assert!(e["message"].as_str().unwrap().contains(id), "{e}");
}

#[test]
fn peer_lifecycle_and_jq_friendly_create() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let group = create_group(&sb, &emu, DUAL_VBR, &[]);
    let created = ok_json(hz(&sb, &emu).args([
        "peer",
        "create",
        "--bgp-group-id",
        &group,
        "--peer-ip-address",
        "10.0.0.9",
        "--enable-bfd",
        "--bfd-multi-hop",
        "2",
        "--wait",
        "--interval",
        "0.05",
    ]));
    assert_shape(&created, PEER_SHAPE);
    assert_eq!(created["EnableBfd"], true);
    assert_eq!(created["BfdMultiHop"], 2);
    assert_eq!(created["PeerAsn"], 65001);
    assert_eq!(created["Status"], "Available");
    let id = created["BgpPeerId"].as_str().unwrap().to_string();

    // `-o value --fields BgpPeerId` style scripting: the ID alone through jq-free JSON access.
    let shown = ok_json(hz(&sb, &emu).args(["peer", "show", &id]));
    assert_eq!(shown["BgpPeerId"], id.as_str());
    let listed = ok_json(hz(&sb, &emu).args(["peer", "list", "--bgp-group-id", &group]));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let by_id = ok_json(hz(&sb, &emu).args(["peer", "list", "--bgp-peer-id", &id]));
    assert_eq!(by_id[0]["BgpPeerId"], id.as_str());
    let by_vbr = ok_json(hz(&sb, &emu).args(["peer", "list", "--router-id", DUAL_VBR]));
    assert_eq!(by_vbr.as_array().unwrap().len(), 1);

    // A hop-count change alone keeps BFD on (EnableBfd=true is sent along with it).
    forget_requests(&emu);
    let hop = ok_json(hz(&sb, &emu).args(["peer", "update", &id, "--bfd-multi-hop", "5"]));
    assert_eq!(hop["BfdMultiHop"], 5);
    assert_eq!(hop["EnableBfd"], true);
    let modify = requests(&emu)
        .into_iter()
        .find(|r| r["action"] == "ModifyBgpPeerAttribute")
        .unwrap();
    assert_eq!(modify["parameters"]["EnableBfd"], "true");
    let off = ok_json(hz(&sb, &emu).args([
        "peer",
        "update",
        &id,
        "--enable-bfd=false",
        "--wait",
        "--interval",
        "0.05",
    ]));
    assert_eq!(off["EnableBfd"], false);

    let established = ok_json(hz(&sb, &emu).args([
        "peer",
        "wait",
        &id,
        "--until",
        "established",
        "--interval",
        "0.05",
    ]));
    assert_eq!(established["BgpStatus"], "Established");

    let deleted = ok_json(hz(&sb, &emu).args([
        "peer",
        "delete",
        &id,
        "--yes",
        "--wait",
        "--interval",
        "0.05",
    ]));
    assert_eq!(deleted["BgpPeerId"], id.as_str());
    let gone = ok_json(hz(&sb, &emu).args(["peer", "wait", &id, "--until", "deleted"]));
    assert_eq!(gone["BgpPeerId"], id.as_str());
    fails(hz(&sb, &emu).args(["peer", "show", &id]), 3);
    fails(hz(&sb, &emu).args(["peer", "wait", &id]), 3);
}

#[test]
fn same_client_token_creates_one_peer() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let group = create_group(&sb, &emu, DUAL_VBR, &[]);
    let args = [
        "peer",
        "create",
        "--bgp-group-id",
        &group,
        "--peer-ip",
        "10.0.0.7",
        "--client-token",
        "tok-123",
    ];
    let a = ok_json(hz(&sb, &emu).args(args));
    let b = ok_json(hz(&sb, &emu).args(args));
    assert_eq!(a["BgpPeerId"], b["BgpPeerId"]);
    let listed = ok_json(hz(&sb, &emu).args(["peer", "list", "--bgp-group-id", &group]));
    assert_eq!(listed.as_array().unwrap().len(), 1);
}

#[test]
fn cascade_deletes_the_peers_first() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let group = create_group(&sb, &emu, DUAL_VBR, &[]);
    let p1 = create_peer(&sb, &emu, &group, "10.0.0.2");
    let p2 = create_peer(&sb, &emu, &group, "10.0.0.3");
    // Without --cascade the API's DependencyViolation.BgpPeer surfaces with its hint.
    let err = error_json(&fails(
        hz(&sb, &emu).args(["group", "delete", &group, "--yes"]),
        5,
    ));
    assert_eq!(err["code"], "DependencyViolation.BgpPeer");
    assert!(err["hint"].as_str().unwrap().contains("--cascade"));

    forget_requests(&emu);
    let out = ok_json(hz(&sb, &emu).args([
        "group",
        "delete",
        &group,
        "--cascade",
        "--yes",
        "--interval",
        "0.05",
        // The longest token the API takes: the peers' derived tokens must stay within 64 too.
        "--client-token",
        &"t".repeat(64),
    ]));
    assert_eq!(out["DeletedBgpPeerIds"], serde_json::json!([p1, p2]));
    let deletes: Vec<String> = requests(&emu)
        .iter()
        .filter(|r| r["action"].as_str().unwrap().starts_with("Delete"))
        .map(|r| format!("{} {}", r["action"].as_str().unwrap(), r["status"]))
        .collect();
    assert_eq!(
        deletes,
        [
            "DeleteBgpPeer 200",
            "DeleteBgpPeer 200",
            "DeleteBgpGroup 200"
        ]
    );
    fails(hz(&sb, &emu).args(["group", "show", &group]), 3);
}

#[test]
fn deletes_refuse_without_yes_when_stdin_is_not_a_terminal() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    for args in [
        vec!["group", "delete", DEMO_GROUP],
        vec!["group", "delete", DEMO_GROUP, "--cascade"],
        vec!["peer", "delete", DEMO_PEER],
    ] {
        let err = error_json(&fails(hz(&sb, &emu).args(&args), 2));
        assert!(
            err["message"]
                .as_str()
                .unwrap()
                .contains("without confirmation"),
            "{err}"
        );
        assert!(err["hint"].as_str().unwrap().contains("--yes"), "{err}");
    }
    assert!(
        requests(&emu).is_empty(),
        "something was sent: {:?}",
        actions(&emu)
    );
}

#[test]
fn dry_runs_print_the_request_and_send_nothing() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    std::fs::write(sb.path("key"), "file-s3cret\n").unwrap();
    let v = ok_json(hz(&sb, &emu).args([
        "group",
        "create",
        "--router-id",
        DEMO_VBR,
        "--peer-asn",
        "65001",
        "--auth-key-file",
        sb.path("key").to_str().unwrap(),
        "--client-token",
        "t-1",
        "--dry-run",
    ]));
    assert_eq!(v["Action"], "CreateBgpGroup");
    assert_eq!(v["Method"], "POST");
    assert_eq!(v["Endpoint"], format!("{}/", emu.endpoint));
    assert_eq!(v["Version"], "2016-04-28");
    assert_eq!(
        v["Parameters"],
        serde_json::json!({"RegionId":"cn-hangzhou","RouterId":DEMO_VBR,"PeerAsn":"65001","AuthKey":"****","ClientToken":"t-1"})
    );
    let mut cmds: Vec<Vec<&str>> = vec![
        vec![
            "group",
            "update",
            DEMO_GROUP,
            "--auth-key",
            "argv-s3cret",
            "--dry-run",
        ],
        vec!["group", "delete", DEMO_GROUP, "--dry-run"],
        vec![
            "peer",
            "create",
            "--bgp-group-id",
            DEMO_GROUP,
            "--peer-ip",
            "10.1.1.1",
            "--dry-run",
        ],
        vec![
            "peer",
            "update",
            DEMO_PEER,
            "--enable-bfd=false",
            "--dry-run",
        ],
        vec!["peer", "delete", DEMO_PEER, "--dry-run"],
    ];
    for args in cmds.drain(..) {
        let (code, out, err) = run(hz(&sb, &emu).args(&args));
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(
            !out.contains("s3cret") && !err.contains("s3cret"),
            "secret printed: {out}"
        );
        let v = json(&out);
        assert!(v["Action"].as_str().is_some(), "{args:?}: {v}");
        assert!(err.contains("nothing was sent"), "{err}");
    }
    // The env form of the AuthKey, masked too.
    let (code, out, _) = run(hz(&sb, &emu).env("BGPEER_AUTH_KEY", "env-s3cret").args([
        "group",
        "create",
        "--router-id",
        DEMO_VBR,
        "--peer-asn",
        "65001",
        "--dry-run",
    ]));
    assert_eq!(code, 0);
    assert_eq!(json(&out)["Parameters"]["AuthKey"], "****");
    assert!(
        requests(&emu).is_empty(),
        "a dry run sent {:?}",
        actions(&emu)
    );
}

#[test]
fn auth_key_sources_reach_the_api() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    std::fs::write(sb.path("key"), "file-key-1\n").unwrap();
    let g = create_group(
        &sb,
        &emu,
        DUAL_VBR,
        &["--auth-key-file", sb.path("key").to_str().unwrap()],
    );
    let shown = ok_json(hz(&sb, &emu).args(["--show-secrets", "group", "show", &g]));
    assert_eq!(shown["AuthKey"], "file-key-1");
    let masked = run(hz(&sb, &emu).args(["group", "show", &g])).1;
    assert!(
        !masked.contains("file-key-1"),
        "AuthKey in default output: {masked}"
    );

    // Update takes the env only when asked; a plain update leaves the key alone.
    ok_json(
        hz(&sb, &emu)
            .env("BGPEER_AUTH_KEY", "env-key-2")
            .args(["group", "update", &g, "--name", "renamed"]),
    );
    let shown = ok_json(hz(&sb, &emu).args(["--show-secrets", "group", "show", &g]));
    assert_eq!(shown["AuthKey"], "file-key-1");
    ok_json(hz(&sb, &emu).env("BGPEER_AUTH_KEY", "env-key-2").args([
        "group",
        "update",
        &g,
        "--auth-key-from-env",
    ]));
    let shown = ok_json(hz(&sb, &emu).args(["--show-secrets", "group", "show", &g]));
    assert_eq!(shown["AuthKey"], "env-key-2");
    ok_json(hz(&sb, &emu).args(["group", "update", &g, "--clear-auth-key"]));
    let shown = ok_json(hz(&sb, &emu).args(["--show-secrets", "group", "show", &g]));
    assert_eq!(shown["AuthKey"], "");
    // Create reads BGPEER_AUTH_KEY by itself.
    let g2 = ok_json(hz(&sb, &emu).env("BGPEER_AUTH_KEY", "env-key-3").args([
        "--show-secrets",
        "group",
        "create",
        "--router-id",
        DUAL_VBR,
        "--peer-asn",
        "65002",
    ]));
    assert_eq!(g2["AuthKey"], "env-key-3");
    // The emulator's log masks it; nothing of ours printed it.
    for r in requests(&emu) {
        assert!(
            !r.to_string().contains("key-"),
            "AuthKey in the request log: {r}"
        );
    }
}

/// Every validation rule rejects before anything is sent; `--no-validate RULE` lets the value through.
#[test]
fn every_validation_rule_rejects_before_sending() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let g = ["group", "create", "--router-id", DEMO_VBR];
    let p = ["peer", "create", "--bgp-group-id", DEMO_GROUP];
    let long_token = "x".repeat(65);
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (
            [&g[..], &["--peer-asn", "45104"]].concat(),
            "peer-asn",
            "--peer-asn",
        ),
        (
            [&g[..], &["--peer-asn", "0"]].concat(),
            "peer-asn",
            "--peer-asn",
        ),
        (
            [&g[..], &["--peer-asn", "4294967296"]].concat(),
            "peer-asn",
            "--peer-asn",
        ),
        (
            [&g[..], &["--peer-asn", "65001", "--local-asn", "65025"]].concat(),
            "local-asn",
            "--local-asn",
        ),
        (
            [&g[..], &["--peer-asn", "65001", "--local-asn", "100"]].concat(),
            "local-asn",
            "--local-asn",
        ),
        (
            [&g[..], &["--peer-asn", "65001", "--name", "1bad"]].concat(),
            "name",
            "--name",
        ),
        (
            [
                &g[..],
                &["--peer-asn", "65001", "--description", "https://x.example"],
            ]
            .concat(),
            "description",
            "--description",
        ),
        (
            [
                &g[..],
                &["--peer-asn", "65001", "--client-token", &long_token],
            ]
            .concat(),
            "client-token",
            "--client-token",
        ),
        (
            vec![
                "group",
                "create",
                "--router-id",
                "vrt-abc123",
                "--peer-asn",
                "65001",
            ],
            "id-prefix",
            "--router-id",
        ),
        (
            vec!["group", "update", "bgp-abc123", "--name", "abc"],
            "id-prefix",
            "BGP_GROUP_ID",
        ),
        (
            vec![
                "--region",
                "Shanghai",
                "group",
                "create",
                "--router-id",
                DEMO_VBR,
                "--peer-asn",
                "65001",
            ],
            "region-id",
            "--region",
        ),
        (
            [&p[..], &["--peer-ip", "10.0.0.300"]].concat(),
            "ip-address",
            "--peer-ip-address",
        ),
        (
            [
                &p[..],
                &["--peer-ip", "2001:db8::1", "--ip-version", "IPv4"],
            ]
            .concat(),
            "ip-version",
            "--peer-ip-address",
        ),
        (
            [
                &p[..],
                &[
                    "--peer-ip",
                    "10.0.0.5",
                    "--enable-bfd",
                    "--bfd-multi-hop",
                    "0",
                ],
            ]
            .concat(),
            "bfd-multi-hop",
            "--bfd-multi-hop",
        ),
        (
            [
                &p[..],
                &[
                    "--peer-ip",
                    "10.0.0.5",
                    "--enable-bfd",
                    "--bfd-multi-hop",
                    "256",
                ],
            ]
            .concat(),
            "bfd-multi-hop",
            "--bfd-multi-hop",
        ),
        (
            [&p[..], &["--peer-ip", "10.0.0.5", "--bfd-multi-hop", "3"]].concat(),
            "bfd-enabled",
            "--bfd-multi-hop",
        ),
        (
            vec![
                "peer",
                "update",
                DEMO_PEER,
                "--enable-bfd=false",
                "--bfd-multi-hop",
                "3",
            ],
            "bfd-enabled",
            "--bfd-multi-hop",
        ),
        (
            vec!["peer", "delete", "bgpg-abc123", "--yes"],
            "id-prefix",
            "BGP_PEER_ID",
        ),
        (
            vec!["peer", "create", "--bgp-group-id", "vbr-abc123"],
            "id-prefix",
            "--bgp-group-id",
        ),
        (
            vec![
                "network",
                "add",
                "--router-id",
                DEMO_VBR,
                "--dst-cidr-block",
                "10.0.0.0",
            ],
            "cidr",
            "--dst-cidr-block",
        ),
        (
            vec![
                "network",
                "add",
                "--router-id",
                DEMO_VBR,
                "--dst-cidr-block",
                "10.0.0.1/24",
            ],
            "cidr-host-bits",
            "--dst-cidr-block",
        ),
        (
            vec![
                "network",
                "add",
                "--router-id",
                DEMO_VBR,
                "--dst-cidr-block",
                "10.9.0.0/24",
                "--vpc-id",
                "vpn-1",
            ],
            "id-prefix",
            "--vpc-id",
        ),
    ];
    for (args, rule, flag) in &cases {
        let mut cmd = sb.cmd_at(&emu);
        if !args.contains(&"--region") {
            cmd.args(["--region", "cn-hangzhou"]);
        }
        let err = error_json(&fails(cmd.args(["-o", "json"]).args(args), 2));
        let msg = err["message"].as_str().unwrap();
        assert!(msg.contains(&format!("(rule {rule})")), "{args:?}: {msg}");
        assert!(
            msg.contains(flag),
            "{args:?}: message does not name {flag}: {msg}"
        );
        assert!(err["hint"]
            .as_str()
            .unwrap()
            .contains(&format!("--no-validate {rule}")));
        assert!(
            requests(&emu).is_empty(),
            "{args:?} sent {:?}",
            actions(&emu)
        );
    }
    // Skipping the rule sends the request; the API's own answer then decides.
    let err = error_json(&fails(
        hz(&sb, &emu).args(
            [
                &g[..],
                &["--peer-asn", "45104", "--no-validate", "peer-asn"],
            ]
            .concat(),
        ),
        5,
    ));
    assert_eq!(err["code"], "InvalidPeerAsn.Malformed");
    let err = error_json(&fails(
        hz(&sb, &emu).args([
            "network",
            "add",
            "--router-id",
            DEMO_VBR,
            "--dst-cidr-block",
            "10.0.0.1/24",
            "--no-validate",
            "cidr-host-bits",
        ]),
        5,
    ));
    assert_eq!(err["code"], "InvalidDestCidrBlock.Malformed");
}

#[test]
fn waits_time_out_or_fail_naming_the_state() {
    // Objects stay Pending/Deleting for a minute: long enough for every wait below to end first.
    let emu = Emulator::start_with(&["--settle-ms", "60000"]);
    let sb = Sandbox::new();
    let err = error_json(&fails(
        hz(&sb, &emu).args([
            "group",
            "create",
            "--router-id",
            DUAL_VBR,
            "--peer-asn",
            "65001",
            "--wait",
            "--timeout",
            "0.5",
            "--interval",
            "0.1",
        ]),
        8,
    ));
    assert_eq!(err["kind"], "wait");
    let msg = err["message"].as_str().unwrap();
    assert!(
        msg.contains("timed out") && msg.contains("Status=Pending"),
        "{msg}"
    );

    // The seeded peer is Available; deleting it leaves it Deleting for the settle time.
    ok_json(hz(&sb, &emu).args(["peer", "delete", DEMO_PEER, "--yes"]));
    let err = error_json(&fails(
        hz(&sb, &emu).args(["peer", "wait", DEMO_PEER, "--timeout", "30"]),
        8,
    ));
    let msg = err["message"].as_str().unwrap();
    assert!(
        msg.contains("failure state") && msg.contains("Status=Deleting"),
        "{msg}"
    );
    let err = error_json(&fails(
        hz(&sb, &emu).args([
            "peer",
            "wait",
            DEMO_PEER,
            "--until",
            "deleted",
            "--timeout",
            "0.3",
            "--interval",
            "0.1",
        ]),
        8,
    ));
    assert!(
        err["message"].as_str().unwrap().contains("Status=Deleting"),
        "{err}"
    );
    // Writes on a busy object surface the API's status error with its hint.
    let err = error_json(&fails(
        hz(&sb, &emu).args(["peer", "update", DEMO_PEER, "--enable-bfd=false"]),
        5,
    ));
    assert_eq!(err["code"], "InvalidStatus.CannotOperate");
    assert!(err["hint"].as_str().unwrap().contains("--wait"));
}

/// Each documented error of the group and peer operations: exit code, code, and a plain-words hint.
#[test]
fn api_errors_surface_with_code_exit_and_explanation() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let multisubif = create_group(&sb, &emu, "vbr-bp1multisubif00000000", &[]);
    let multipconn = create_group(&sb, &emu, "vbr-bp1multipconn00000000", &[]);
    let vpconn = create_group(&sb, &emu, "vbr-bp1vpconn000000000000", &[]);
    let bfdquota = create_group(&sb, &emu, "vbr-bp1bfdquota0000000000", &[]);
    let nqa = create_group(&sb, &emu, "vbr-bp1nqafull00000000000", &[]);
    let nodevice = create_group(&sb, &emu, "vbr-bp1nodevice0000000000", &[]);
    let badgw = create_group(&sb, &emu, "vbr-bp1badgateway00000000", &[]);
    let dual = create_group(&sb, &emu, DUAL_VBR, &[]);
    let other = create_group(&sb, &emu, DUAL_VBR, &[]);
    create_peer(&sb, &emu, &dual, "10.0.0.2");
    let pc = |g: &str| {
        vec![
            "peer".to_string(),
            "create".into(),
            "--bgp-group-id".into(),
            g.to_string(),
        ]
    };
    let gc = |vbr: &str| {
        vec![
            "group".to_string(),
            "create".into(),
            "--router-id".into(),
            vbr.to_string(),
            "--peer-asn".into(),
            "65001".into(),
        ]
    };
    let with = |mut base: Vec<String>, extra: &[&str]| {
        base.extend(extra.iter().map(|s| s.to_string()));
        base
    };
    let cases: Vec<(Vec<String>, &str, i32)> = vec![
        (
            gc("vbr-bp1nobilling000000000"),
            "OperationFailed.PconnTrafficNotEnable",
            5,
        ),
        (
            gc("vbr-bp1unconfirmed0000000"),
            "InvalidStatus.CannotOperate",
            5,
        ),
        (gc("vbr-bp1busy00000000000000"), "OperationConflict", 5),
        (gc("vbr-bp1doesnotexist000000"), "InvalidVbrNetwork", 3),
        (
            with(gc("vbr-bp1fixedasn0000000000"), &["--local-asn", "64600"]),
            "OperationUnsupport",
            5,
        ),
        (
            with(gc(DEMO_VBR), &["--route-quota", "500"]),
            "IllegalParam.RouteLimit",
            5,
        ),
        (
            with(
                gc("vbr-uf60jze7qy7sy7p3fnr63"),
                &["--region", "cn-shanghai", "--ip-version", "IPv6"],
            ),
            "IllegalParam.IpVersion",
            5,
        ),
        (
            with(gc(DEMO_VBR), &["--auth-key", "has space"]),
            "InvalidBgpAuthkey.Malformed",
            5,
        ),
        (
            vec![
                "group".into(),
                "create".into(),
                "--router-id".into(),
                DEMO_VBR.into(),
                "--peer-asn".into(),
                "23456".into(),
            ],
            "IllegalParam.PeerAsn",
            5,
        ),
        (
            with(
                gc("vbr-nj1noipv6region000000"),
                &["--region", "cn-nanjing", "--ip-version", "IPv6"],
            ),
            "OperationUnsupported.IPV6ForThisRegion",
            5,
        ),
        (
            with(gc(DEMO_VBR), &["--region", "xx-nowhere-1"]),
            "InvalidRegionId.NotFound",
            3,
        ),
        (pc("bgpg-bp1doesnotexist00000"), "InvalidBgpGroup", 3),
        (
            pc(&multisubif),
            "InvalidParams.PeerIpAddressMustPointOut",
            5,
        ),
        (pc(&multipconn), "InvalidPeerIpAddress", 5),
        (
            with(pc(&vpconn), &["--peer-ip", "10.3.0.2", "--enable-bfd"]),
            "UnsupportedFeature.Vpconn",
            5,
        ),
        (
            with(pc(&bfdquota), &["--peer-ip", "10.3.0.2", "--enable-bfd"]),
            "QuotaExceeded.BfdSession",
            5,
        ),
        (
            with(pc(&nqa), &["--peer-ip", "10.3.0.2"]),
            "QuotaExceeded.Nqa",
            5,
        ),
        (
            with(pc(&nodevice), &["--peer-ip", "10.3.0.2"]),
            "InvalidAccessDeviceId.NotFound",
            3,
        ),
        (
            with(pc(&badgw), &["--peer-ip", "10.3.0.2"]),
            "IllegalParam.LocalGatewayIpAndMask",
            5,
        ),
        (
            with(pc(&dual), &["--peer-ip", "10.0.0.2"]),
            "BgpPeer.Already.Exists",
            5,
        ),
        (
            with(pc(&other), &["--peer-ip", "10.0.0.2"]),
            "InvalidParams.PeerIpAddressInUse",
            5,
        ),
        (
            with(pc(&dual), &["--peer-ip", "127.0.0.1"]),
            "IllegalParam.PeerIpAddress",
            5,
        ),
        (
            vec![
                "peer".into(),
                "update".into(),
                "bgp-bp1doesnotexist00000".into(),
                "--enable-bfd".into(),
            ],
            "",
            3,
        ),
        (
            vec![
                "group".into(),
                "update".into(),
                "bgpg-bp1doesnotexist00000".into(),
                "--name".into(),
                "abc".into(),
            ],
            "InvalidBgpGroup",
            3,
        ),
        (
            vec![
                "peer".into(),
                "delete".into(),
                "bgp-bp1doesnotexist00000".into(),
                "--yes".into(),
            ],
            "InvalidParams.NotFound",
            3,
        ),
    ];
    for (args, code, exit) in &cases {
        let err = error_json(&fails(&mut cmd_in(&sb, &emu, args), *exit));
        if code.is_empty() {
            assert_eq!(err["kind"], "not_found", "{args:?}: {err}");
            continue;
        }
        assert_eq!(err["code"], *code, "{args:?}: {err}");
        assert!(
            err["request_id"].as_str().is_some_and(|r| !r.is_empty()),
            "{args:?}: {err}"
        );
        let hint = err["hint"]
            .as_str()
            .unwrap_or_else(|| panic!("{args:?}: no hint: {err}"));
        assert!(
            hint.contains("; "),
            "{args:?}: hint lacks meaning or action: {hint}"
        );
    }
    // The 9th group on a VBR: QuotaExceeded.Bgp.
    for _ in 0..8 {
        create_group(
            &sb,
            &emu,
            "vbr-uf6014wmqjaionhqtfxnm",
            &["--region", "cn-shanghai"],
        );
    }
    let err = error_json(&fails(
        &mut cmd_in(
            &sb,
            &emu,
            &[
                "--region",
                "cn-shanghai",
                "group",
                "create",
                "--router-id",
                "vbr-uf6014wmqjaionhqtfxnm",
                "--peer-asn",
                "65001",
            ],
        ),
        5,
    ));
    assert_eq!(err["code"], "QuotaExceeded.Bgp");
    assert!(err["hint"].as_str().unwrap().contains("8"));
}

#[test]
fn usage_errors_name_what_is_missing() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let err = error_json(&fails(
        hz(&sb, &emu).args(["group", "update", DEMO_GROUP]),
        2,
    ));
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains("nothing to change"));
    let err = error_json(&fails(hz(&sb, &emu).args(["peer", "update", DEMO_PEER]), 2));
    assert!(err["hint"].as_str().unwrap().contains("--enable-bfd"));
    let (code, _, err) = run(hz(&sb, &emu).args(["peer", "create", "--peer-ip", "10.0.0.1"]));
    assert_eq!(code, 2);
    assert!(err.contains("--bgp-group-id"), "{err}");
    let (code, _, err) = run(hz(&sb, &emu).args([
        "group",
        "update",
        DEMO_GROUP,
        "--auth-key",
        "a",
        "--clear-auth-key",
    ]));
    assert_eq!(code, 2, "{err}");
    let err = error_json(&fails(
        hz(&sb, &emu).args(["group", "update", DEMO_GROUP, "--auth-key-from-env"]),
        2,
    ));
    assert!(err["message"].as_str().unwrap().contains("BGPEER_AUTH_KEY"));
    let err = error_json(&fails(
        hz(&sb, &emu).args(["peer", "wait", DEMO_PEER, "--timeout", "0"]),
        2,
    ));
    assert!(err["message"].as_str().unwrap().contains("--timeout"));
    // The waits follow the one rule of every timeout: above 0, at most a week.
    let err = error_json(&fails(
        hz(&sb, &emu).args(["peer", "wait", DEMO_PEER, "--interval", "604801"]),
        2,
    ));
    let msg = err["message"].as_str().unwrap();
    assert!(
        msg.contains("--interval") && msg.contains("604800"),
        "{msg}"
    );
    assert!(requests(&emu).is_empty(), "sent {:?}", actions(&emu));
    // A week is allowed (the seeded peer is Available, so the wait ends at once).
    let peer = ok_json(hz(&sb, &emu).args([
        "peer",
        "wait",
        DEMO_PEER,
        "--timeout",
        "604800",
        "--interval",
        "100000",
    ]));
    assert_eq!(peer["Status"], "Available");
}

#[test]
fn help_names_values_defaults_parameters_and_examples() {
    let sb = Sandbox::new();
    let (code, out, _) = run(sb.cmd().args(["peer", "create", "--help"]));
    assert_eq!(code, 0);
    for needle in [
        "API parameter BgpGroupId",
        "API parameter PeerIpAddress",
        "API parameter EnableBfd",
        "1-255",
        "[default: 4]",
        "--no-validate",
        "bfd-multi-hop",
        "Examples:",
        "--peer-ip",
    ] {
        assert!(
            out.contains(needle),
            "peer create --help lacks {needle:?}:\n{out}"
        );
    }
    let (_, out, _) = run(sb.cmd().args(["group", "create", "--help"]));
    for needle in [
        "API parameter LocalAsn",
        "65025",
        "[default: 45104]",
        "BGPEER_AUTH_KEY",
        "--vbr-id",
    ] {
        assert!(
            out.contains(needle),
            "group create --help lacks {needle:?}:\n{out}"
        );
    }
}

/// Runs bgpeer inside a pseudo-terminal (util-linux `script`), typing `answer` at the prompt.
fn in_terminal(sb: &Sandbox, emu: &Emulator, args: &str, answer: &str) -> (i32, String) {
    let command = format!(
        "{} --endpoint {} --region cn-hangzhou -o json {args}",
        bin_path().display(),
        emu.endpoint
    );
    let mut child = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_clear()
        .env("HOME", sb.home())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("NO_COLOR", "1")
        .env("TERM", "dumb")
        .env("BGPEER_RETRY_BASE_DELAY", "0")
        .env("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", TEST_KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", TEST_KEY_SECRET)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("util-linux `script` runs commands in a pseudo-terminal");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{answer}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn deletes_ask_on_a_terminal() {
    let emu = Emulator::start_with(&["--settle-ms", "300"]);
    let sb = Sandbox::new();
    let (code, screen) = in_terminal(&sb, &emu, &format!("peer delete {DEMO_PEER}"), "n");
    assert_eq!(code, 2, "{screen}");
    assert!(
        screen.contains(&format!("delete BGP peer {DEMO_PEER}? [y/N]")),
        "{screen}"
    );
    assert!(screen.contains("not confirmed"), "{screen}");
    assert!(!actions(&emu).iter().any(|a| a.starts_with("Delete")));
    // Yes: deleted (the wait shows a spinner on the terminal; its drawing is timing-bound, not asserted).
    let (code, screen) = in_terminal(
        &sb,
        &emu,
        &format!("peer delete {DEMO_PEER} --wait --interval 0.05"),
        "y",
    );
    assert_eq!(code, 0, "{screen}");
    assert_eq!(
        actions(&emu)
            .iter()
            .filter(|a| *a == "DeleteBgpPeer")
            .count(),
        1
    );
}

#[test]
fn cascade_waits_for_busy_peers_and_group() {
    // Every change keeps its object busy (Pending, Modifying, Deleting) for 1.5 s, much longer
    // than a process start between making it busy and the cascade's first look at it. The cascade
    // must wait instead of failing with IncorrectStatus, and the request log must show that it
    // waited, so the test cannot pass without meeting the busy states it is named for.
    let emu = Emulator::start_with(&["--settle-ms", "1500"]);
    let sb = Sandbox::new();
    let wait = ["--wait", "--interval", "0.05"];
    // A group whose peers are busy, and a busy group (without peers: a peer's delete takes the
    // settle time, after which the group would be Available again).
    let with_busy_peers = create_group(&sb, &emu, DUAL_VBR, &[]);
    let busy_group = create_group(&sb, &emu, DUAL_VBR, &wait);
    let mut peers = Vec::new();
    for (ip, extra) in [("10.0.0.2", &[][..]), ("10.0.0.3", &wait[..])] {
        let p = ok_json(
            hz(&sb, &emu)
                .args([
                    "peer",
                    "create",
                    "--bgp-group-id",
                    &with_busy_peers,
                    "--peer-ip",
                    ip,
                ])
                .args(extra),
        );
        peers.push(p["BgpPeerId"].as_str().unwrap().to_string());
    }
    // The second peer and the peerless group Modifying; both cascades start at once.
    ok_json(hz(&sb, &emu).args(["peer", "update", &peers[1], "--enable-bfd"]));
    ok_json(hz(&sb, &emu).args(["group", "update", &busy_group, "--route-quota", "90"]));
    forget_requests(&emu);
    let cascade = |group: &str| {
        hz(&sb, &emu)
            .args(["group", "delete", group, "--cascade", "--yes"])
            .args(wait)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn")
    };
    let (first, second) = (cascade(&with_busy_peers), cascade(&busy_group));
    for (child, deleted) in [
        (first, serde_json::json!(peers)),
        (second, serde_json::json!([])),
    ] {
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(json(&stdout)["DeletedBgpPeerIds"], deleted);
    }
    let log = requests(&emu);
    let failed: Vec<&Value> = log
        .iter()
        .filter(|r| r["action"].as_str().unwrap().starts_with("Delete") && r["status"] != 200)
        .collect();
    assert!(failed.is_empty(), "deletes failed: {failed:?}");
    // Reads naming `id` (in `field`) with `action` before the first delete of `id`.
    let looks_before_delete = |action: &str, field: &str, id: &str| {
        log.iter()
            .take_while(|r| {
                !(r["action"].as_str().unwrap().starts_with("Delete")
                    && r["parameters"][field] == id)
            })
            .filter(|r| r["action"] == action && r["parameters"][field] == id)
            .count()
    };
    // The busy peer was polled until Available before its delete; the idle one was not.
    assert!(
        looks_before_delete("DescribeBgpPeers", "BgpPeerId", &peers[1]) >= 1,
        "the cascade never met the busy peer"
    );
    assert_eq!(
        looks_before_delete("DescribeBgpPeers", "BgpPeerId", &peers[0]),
        0
    );
    // The busy group was read, then polled until Available; the other only read.
    assert!(
        looks_before_delete("DescribeBgpGroups", "BgpGroupId", &busy_group) >= 2,
        "the cascade never met the busy group"
    );
    assert_eq!(
        looks_before_delete("DescribeBgpGroups", "BgpGroupId", &with_busy_peers),
        1
    );
    for group in [&with_busy_peers, &busy_group] {
        fails(hz(&sb, &emu).args(["group", "show", group]), 3);
    }
}

/// The API's own checks behind each skipped rule, and the remaining documented codes: each
/// surfaces with its code, exit 5 and a plain-words hint.
#[test]
fn api_checks_behind_skipped_rules_and_address_conflicts() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let dual = create_group(&sb, &emu, DUAL_VBR, &[]);
    let dual6 = create_group(&sb, &emu, DUAL_VBR, &["--ip-version", "IPv6"]);
    let mask6 = create_group(
        &sb,
        &emu,
        "vbr-bp1badipv6mask0000000",
        &["--ip-version", "IPv6"],
    );
    let peer = create_peer(&sb, &emu, &dual, "10.0.0.2");
    ok_json(hz(&sb, &emu).args([
        "peer",
        "create",
        "--bgp-group-id",
        &dual6,
        "--peer-ip",
        "2408:4005:3c0:52::9",
    ]));
    let g = |extra: &[&str]| {
        [
            "group",
            "create",
            "--router-id",
            DEMO_VBR,
            "--peer-asn",
            "65001",
        ]
        .iter()
        .chain(extra)
        .map(|s| s.to_string())
        .collect::<Vec<String>>()
    };
    let p = |group: &str, extra: &[&str]| {
        [&["peer", "create", "--bgp-group-id", group], extra]
            .concat()
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<String>>()
    };
    let to_strings = |v: Vec<&str>| v.iter().map(|s| s.to_string()).collect::<Vec<String>>();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            (g(&["--name", "1bad", "--no-validate", "name"])),
            "InvalidBgpName.Malformed",
        ),
        (
            (g(&[
                "--description",
                "https://x.example",
                "--no-validate",
                "description",
            ])),
            "InvalidBgpDescription.Malformed",
        ),
        (
            (g(&["--local-asn", "65025", "--no-validate", "local-asn"])),
            "InvalidBgpGroup.LocalAsnInvalid",
        ),
        (
            p(
                &dual,
                &["--peer-ip", "10.0.0.300", "--no-validate", "ip-address"],
            ),
            "InvalidIP.Malformed",
        ),
        (
            p(
                &dual,
                &[
                    "--peer-ip",
                    "10.0.0.5",
                    "--enable-bfd",
                    "--bfd-multi-hop",
                    "300",
                    "--no-validate",
                    "bfd-multi-hop",
                ],
            ),
            "IllegalParam.BfdMultiHop",
        ),
        (
            vec![
                "peer".into(),
                "update".into(),
                peer.clone(),
                "--bfd-multi-hop".into(),
                "3".into(),
                "--no-validate".into(),
                "bfd-enabled".into(),
            ],
            "MissingParam.EnableBfd",
        ),
        (
            vec![
                "peer".into(),
                "update".into(),
                peer.clone(),
                "--peer-ip".into(),
                "127.0.0.1".into(),
            ],
            "IllegalParam.IpAddress",
        ),
        (
            p(&dual, &["--peer-ip", "10.64.82.1"]),
            "DuplicatedParam.LocalIpAddress",
        ),
        (
            p(&dual6, &["--peer-ip", "2408:4005:3c0:52::1"]),
            "DuplicatedParam.LocalIpv6Address",
        ),
        (
            p(&dual6, &["--peer-ip", "2408:4005:3c0:52::9"]),
            "DuplicatedParam.PeerIpv6Address",
        ),
        (
            p(&mask6, &["--peer-ip", "2408:4005:3c0:60::9"]),
            "IllegalParam.PeeringIpv6SubnetMask",
        ),
        (
            to_strings(vec![
                "network",
                "add",
                "--router-id",
                DEMO_VBR,
                "--dst-cidr-block",
                "10.0.0.0",
                "--no-validate",
                "cidr",
            ]),
            "IllegalParamFormat.DstCidrBlock",
        ),
        (
            to_strings(vec![
                "network",
                "add",
                "--router-id",
                DEMO_VBR,
                "--dst-cidr-block",
                "47.98.10.0/29",
            ]),
            "InvalidIP.IpInSnatPool",
        ),
    ];
    for (args, code) in &cases {
        let err = error_json(&fails(&mut cmd_in(&sb, &emu, args), 5));
        assert_eq!(err["code"], *code, "{args:?}: {err}");
        let hint = err["hint"]
            .as_str()
            .unwrap_or_else(|| panic!("{args:?}: no hint: {err}"));
        assert!(hint.contains("; "), "{args:?}: {hint}");
    }
}
