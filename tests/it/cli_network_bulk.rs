//! `bgpeer network ...` and bulk runs (`--from-file`) end to end: the real binary against a real
//! emulator process. Network lifecycle with its JSON shape, every page of a list merged, bulk
//! creates and deletes (validation of every item before sending, per-item results, partial
//! failures), and a throttled bulk run finishing with zero failed items.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

use crate::support::*;

const DEMO_VBR: &str = "vbr-bp1demo00000000000000";
const DEMO_VPC: &str = "vpc-bp1demo00000000000000";

/// The first cn-shanghai VBRs of the seeded world (empty, active; 8 peers each at most).
pub(crate) const SH_VBRS: &[&str] = &[
    "vbr-uf6014wmqjaionhqtfxnm",
    "vbr-uf608arvvbm1kv691t2nn",
    "vbr-uf60j8f09ezj2mmhew5bd",
    "vbr-uf60jze7qy7sy7p3fnr63",
    "vbr-uf60y72b3c0ni3cd8o93h",
    "vbr-uf61h6rvc66xrisojc072",
    "vbr-uf61p2zxrqg94gbccouq0",
    "vbr-uf628ynqcvbr27jk75jx4",
];

/// `bgpeer -o json ...` in cn-shanghai (the sandbox's region).
pub(crate) fn sh(sb: &Sandbox, emu: &Emulator) -> Command {
    let mut c = sb.cmd_at(emu);
    c.args(["-o", "json"]);
    c
}

fn hz(sb: &Sandbox, emu: &Emulator) -> Command {
    let mut c = sh(sb, emu);
    c.args(["--region", "cn-hangzhou"]);
    c
}

/// One group per listed VBR; returns their IDs.
pub(crate) fn groups_on(sb: &Sandbox, emu: &Emulator, vbrs: &[&str]) -> Vec<String> {
    vbrs.iter()
        .map(|vbr| {
            let g = ok_json(sh(sb, emu).args([
                "group",
                "create",
                "--router-id",
                vbr,
                "--peer-asn",
                "65001",
            ]));
            g["BgpGroupId"].as_str().unwrap().to_string()
        })
        .collect()
}

/// NDJSON peer items: `per_group` peers in each group.
pub(crate) fn peer_items(groups: &[String], per_group: usize) -> String {
    let mut out = String::new();
    for (gi, g) in groups.iter().enumerate() {
        for i in 0..per_group {
            out.push_str(
                &json!({"BgpGroupId": g, "PeerIpAddress": format!("10.{gi}.{i}.2")}).to_string(),
            );
            out.push('\n');
        }
    }
    out
}

/// `bgpeer -o json peer create --from-file F --concurrency N`, with `items` (NDJSON) written to F.
pub(crate) fn create_peers(
    sb: &Sandbox,
    emu: &Emulator,
    items: &str,
    concurrency: &str,
) -> Command {
    let file = sb.path("create-peers.ndjson");
    std::fs::write(&file, items).unwrap();
    let mut c = sh(sb, emu);
    c.args([
        "peer",
        "create",
        "--from-file",
        file.to_str().unwrap(),
        "--concurrency",
        concurrency,
    ]);
    c
}

#[test]
fn network_lifecycle_with_pinned_shape() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let added = ok_json(hz(&sb, &emu).args([
        "network",
        "add",
        "--vbr-id",
        DEMO_VBR,
        "--dst-cidr-block",
        "192.168.20.0/24",
        "--vpc-id",
        DEMO_VPC,
        "--wait",
        "--interval",
        "0.05",
    ]));
    assert_eq!(
        added,
        json!({"DstCidrBlock":"192.168.20.0/24","RouterId":DEMO_VBR,"VpcId":DEMO_VPC,"Status":"Available"})
    );
    let listed = ok_json(hz(&sb, &emu).args(["network", "list", "--router-id", DEMO_VBR]));
    assert_eq!(listed.as_array().unwrap().len(), 2);
    let one =
        ok_json(hz(&sb, &emu).args(["network", "list", "--dst-cidr-block", "192.168.20.0/24"]));
    assert_eq!(one, json!([added]));
    let by_vpc =
        ok_json(hz(&sb, &emu).args(["network", "list", "--vpc-id", DEMO_VPC, "--limit", "1"]));
    assert_eq!(by_vpc.as_array().unwrap().len(), 1);

    // Errors of the network operations, with their exit codes.
    let err = fails(
        hz(&sb, &emu).args([
            "network",
            "add",
            "--router-id",
            DEMO_VBR,
            "--dst-cidr-block",
            "192.168.20.0/24",
        ]),
        5,
    );
    assert!(err.contains("InvalidParams.AlreadyExists"), "{err}");
    let err = fails(
        hz(&sb, &emu).args([
            "network",
            "add",
            "--router-id",
            DEMO_VBR,
            "--dst-cidr-block",
            "192.168.20.0/25",
        ]),
        5,
    );
    assert!(err.contains("Duplicated.CidrBlock"), "{err}");
    let err = fails(
        hz(&sb, &emu).args([
            "network",
            "add",
            "--router-id",
            DEMO_VBR,
            "--dst-cidr-block",
            "224.1.0.0/16",
        ]),
        5,
    );
    assert!(err.contains("IllegalParam.ConflictWithDClass"), "{err}");
    let err = fails(
        hz(&sb, &emu).args([
            "network",
            "add",
            "--router-id",
            "vbr-bp1norouterif00000000",
            "--dst-cidr-block",
            "10.8.0.0/16",
        ]),
        5,
    );
    assert!(
        err.contains("OperationFailed.NoActiveRouterInterface"),
        "{err}"
    );
    let err = fails(
        hz(&sb, &emu).args([
            "network",
            "add",
            "--router-id",
            DEMO_VBR,
            "--dst-cidr-block",
            "10.9.0.0/16",
            "--vpc-id",
            "vpc-bp1nope000000000000000",
        ]),
        3,
    );
    assert!(err.contains("vpc instance not found"), "{err}");
    let err = fails(
        hz(&sb, &emu).args([
            "network",
            "list",
            "--router-id",
            "vbr-bp1nope000000000000000",
        ]),
        3,
    );
    assert!(err.contains("InvalidResource.NotFound"), "{err}");

    // Delete: refused without --yes, dry run sends nothing, then done.
    forget_requests(&emu);
    let del = [
        "network",
        "delete",
        "--router-id",
        DEMO_VBR,
        "--dst-cidr-block",
        "192.168.20.0/24",
    ];
    fails(hz(&sb, &emu).args(del), 2);
    let dry = ok_json(hz(&sb, &emu).args(del).arg("--dry-run"));
    assert_eq!(dry["Action"], "DeleteBgpNetwork");
    assert_eq!(dry["Parameters"]["DstCidrBlock"], "192.168.20.0/24");
    assert!(requests(&emu).is_empty(), "sent {:?}", actions(&emu));
    let done = ok_json(
        hz(&sb, &emu)
            .args(del)
            .args(["--yes", "--wait", "--interval", "0.05"]),
    );
    assert_eq!(done["DstCidrBlock"], "192.168.20.0/24");
    assert!(done["RequestId"].as_str().is_some());
    let err = fails(hz(&sb, &emu).args(del).arg("--yes"), 3);
    assert!(err.contains("InvalidParams.NotFound"), "{err}");
}

#[test]
fn lists_merge_every_page_and_limit_stops_early() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let groups = groups_on(&sb, &emu, SH_VBRS);
    let results = ok_json(&mut create_peers(&sb, &emu, &peer_items(&groups, 8), "8"));
    assert_eq!(results.as_array().unwrap().len(), 64);

    forget_requests(&emu);
    let all = ok_json(sh(&sb, &emu).args(["peer", "list"]));
    assert_eq!(all.as_array().unwrap().len(), 64);
    let pages: Vec<(String, String)> = requests(&emu)
        .iter()
        .map(|r| {
            (
                r["parameters"]["PageNumber"].as_str().unwrap().into(),
                r["parameters"]["PageSize"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        pages,
        [("1".into(), "50".into()), ("2".into(), "50".into())]
    );
    let mut ids: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["BgpPeerId"].as_str().unwrap())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 64, "duplicates across pages");

    forget_requests(&emu);
    let some = ok_json(sh(&sb, &emu).args(["peer", "list", "--limit", "5"]));
    assert_eq!(some.as_array().unwrap().len(), 5);
    assert_eq!(requests(&emu).len(), 1);
    let groups_listed = ok_json(sh(&sb, &emu).args(["group", "list"]));
    assert_eq!(groups_listed.as_array().unwrap().len(), 8);
}

#[test]
fn bulk_create_and_delete_report_one_result_per_item() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let groups = groups_on(&sb, &emu, &SH_VBRS[..2]);
    // A JSON array on stdin, with the field names of the JSON output (extra output fields ignored).
    let items = json!([
        {"BgpGroupId": groups[0], "PeerIpAddress": "10.0.0.2", "EnableBfd": true, "BfdMultiHop": 3, "Status": "Available"},
        {"BgpGroupId": groups[1], "PeerIpAddress": "10.1.0.2", "ClientToken": "bulk-tok-1"},
    ]);
    let out = sh(&sb, &emu)
        .args(["peer", "create", "--from-file", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child
                .stdin
                .take()
                .unwrap()
                .write_all(items.to_string().as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results = json(&String::from_utf8_lossy(&out.stdout));
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), 2);
    for (i, r) in results.iter().enumerate() {
        assert_eq!(r["Index"], i);
        assert_eq!(r["Ok"], true);
        assert!(r["Resource"]["BgpPeerId"]
            .as_str()
            .unwrap()
            .starts_with("bgp-"));
        assert_eq!(r["Resource"]["Status"], "Available");
    }
    assert_eq!(results[0]["Resource"]["EnableBfd"], true);
    assert_eq!(results[0]["Resource"]["BfdMultiHop"], 3);
    let tokens: Vec<String> = requests(&emu)
        .iter()
        .filter(|r| r["action"] == "CreateBgpPeer")
        .map(|r| r["parameters"]["ClientToken"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(tokens.len(), 2);
    assert!(tokens.contains(&"bulk-tok-1".to_string()));
    assert_ne!(tokens[0], tokens[1], "items share a ClientToken");

    // Feed `peer list -o ndjson` straight back into a bulk delete.
    let (code, listed, err) = run(sb.cmd_at(&emu).args(["-o", "ndjson", "peer", "list"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(listed.lines().count(), 2, "{listed}");
    std::fs::write(sb.path("all.ndjson"), &listed).unwrap();
    let file = sb.path("all.ndjson");
    let file = file.to_str().unwrap();
    forget_requests(&emu);
    fails(
        sh(&sb, &emu).args(["peer", "delete", "--from-file", file]),
        2,
    );
    let dry = ok_json(sh(&sb, &emu).args(["peer", "delete", "--from-file", file, "--dry-run"]));
    assert_eq!(dry.as_array().unwrap().len(), 2);
    assert!(requests(&emu).is_empty(), "sent {:?}", actions(&emu));
    let deleted = ok_json(sh(&sb, &emu).args(["peer", "delete", "--from-file", file, "--yes"]));
    assert!(
        deleted.as_array().unwrap().iter().all(|r| r["Ok"] == true),
        "{deleted}"
    );
    assert_eq!(ok_json(sh(&sb, &emu).args(["peer", "list"])), json!([]));
}

#[test]
fn bulk_validates_every_item_before_sending_any() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let lines = [
        r#"{"BgpGroupId":"bgpg-abc123","PeerIpAddress":"10.0.0.2"}"#,
        r#"{"BgpGroupId":"bgpg-abc123","PeerIpAdress":"10.0.0.3"}"#,
        r#"{"BgpGroupId":"bgpg-abc123","PeerIpAddress":"10.0.0.300"}"#,
        r#"{"BgpGroupId":"bgpg-abc123","PeerIpAddress":"10.0.0.4","BfdMultiHop":3}"#,
        r#"{"PeerIpAddress":"10.0.0.5"}"#,
        r#"{"BgpGroupId":"bgpg-abc123","PeerIpAddress":"10.0.0.6","RegionId":"cn-beijing"}"#,
    ];
    std::fs::write(sb.path("bad.ndjson"), lines.join("\n")).unwrap();
    let err = fails(
        sb.cmd_at(&emu).args([
            "--error-format",
            "text",
            "peer",
            "create",
            "--from-file",
            sb.path("bad.ndjson").to_str().unwrap(),
        ]),
        2,
    );
    for needle in [
        "5 of 6 items are invalid; nothing was sent",
        "item 1 (line 2): unknown field \"PeerIpAdress\" (did you mean \"PeerIpAddress\"?)",
        "item 2 (line 3): invalid PeerIpAddress \"10.0.0.300\"",
        "item 3 (line 4): invalid BfdMultiHop \"3\"",
        "(rule bfd-enabled)",
        "item 4 (line 5): BgpGroupId is required",
        "RegionId \"cn-beijing\" differs",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    std::fs::write(
        sb.path("garbage"),
        "{\"BgpGroupId\": \"bgpg-1\"}\nnot json\n",
    )
    .unwrap();
    let err = fails(
        sb.cmd_at(&emu).args([
            "--error-format",
            "text",
            "peer",
            "create",
            "--from-file",
            sb.path("garbage").to_str().unwrap(),
        ]),
        2,
    );
    assert!(err.contains("line 2 is not valid JSON"), "{err}");
    let err = fails(
        sb.cmd_at(&emu).args([
            "--error-format",
            "text",
            "network",
            "add",
            "--from-file",
            sb.path("missing.json").to_str().unwrap(),
        ]),
        2,
    );
    assert!(err.contains("cannot read --from-file"), "{err}");
    let dup = "{\"RouterId\":\"vbr-a1\",\"DstCidrBlock\":\"10.0.0.0/24\",\"ClientToken\":\"t\"}\n{\"RouterId\":\"vbr-a1\",\"DstCidrBlock\":\"10.1.0.0/24\",\"ClientToken\":\"t\"}\n";
    std::fs::write(sb.path("dup.ndjson"), dup).unwrap();
    let err = fails(
        sb.cmd_at(&emu).args([
            "--error-format",
            "text",
            "network",
            "add",
            "--from-file",
            sb.path("dup.ndjson").to_str().unwrap(),
        ]),
        2,
    );
    assert!(
        err.contains("ClientToken \"t\" is used by another item"),
        "{err}"
    );
    assert!(requests(&emu).is_empty(), "sent {:?}", actions(&emu));
}

#[test]
fn bulk_partial_failures_exit_non_zero_with_a_summary() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let groups = groups_on(&sb, &emu, &SH_VBRS[..1]);
    // 10 items on one VBR: the 9th and 10th exceed the 8-peer quota.
    std::fs::write(sb.path("ten.ndjson"), peer_items(&groups, 10)).unwrap();
    let file = sb.path("ten.ndjson");
    let (code, out, err) = run(sh(&sb, &emu).args([
        "peer",
        "create",
        "--from-file",
        file.to_str().unwrap(),
        "--concurrency",
        "1",
        "--continue-on-error",
    ]));
    assert_eq!(code, 5, "{err}");
    let results = json(&out);
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), 10);
    assert_eq!(results.iter().filter(|r| r["Ok"] == true).count(), 8);
    let failed: Vec<&Value> = results.iter().filter(|r| r["Ok"] == false).collect();
    assert_eq!(failed.len(), 2);
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&results[0]), ["Index", "Ok", "Resource"]);
    assert_eq!(keys(failed[0]), ["Index", "Ok", "Item", "Error"]);
    assert_eq!(
        keys(&failed[0]["Error"]),
        ["Kind", "Code", "Message", "RequestId", "HttpStatus", "Hint"]
    );
    for f in failed {
        assert_eq!(f["Error"]["Code"], "QuotaExceeded.Bgp");
        assert_eq!(f["Error"]["HttpStatus"], 400);
        assert_eq!(f["Error"]["Kind"], "api");
        assert!(f["Error"]["Hint"].as_str().is_some());
        assert!(f["Item"]["PeerIpAddress"].as_str().is_some());
    }
    assert!(
        err.contains("8 of 10 items created, 2 failed, 0 not sent"),
        "{err}"
    );
    assert!(err.contains("2 of 10 items failed"), "{err}");

    // Without --continue-on-error the run stops sending at the first failure.
    let groups = groups_on(&sb, &emu, &SH_VBRS[1..2]);
    let mut items = peer_items(&groups, 3);
    items.insert_str(
        0,
        "{\"BgpGroupId\":\"bgpg-bp1doesnotexist00000\",\"PeerIpAddress\":\"10.9.9.9\"}\n",
    );
    std::fs::write(sb.path("stop.ndjson"), items).unwrap();
    let (code, out, err) = run(sh(&sb, &emu).args([
        "peer",
        "create",
        "--from-file",
        sb.path("stop.ndjson").to_str().unwrap(),
        "--concurrency",
        "1",
    ]));
    assert_eq!(code, 3, "{err}");
    let results = json(&out);
    let kinds: Vec<&str> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["Error"]["Kind"].as_str().unwrap_or("ok"))
        .collect();
    assert_eq!(kinds, ["not_found", "skipped", "skipped", "skipped"]);
    assert!(
        err.contains("0 of 4 items created, 1 failed, 3 not sent"),
        "{err}"
    );
}

#[test]
fn throttled_bulk_run_finishes_with_zero_failed_items() {
    // At most 10 CreateBgpPeer per second per AccessKey; 40 items at concurrency 8 must be paced.
    let emu = Emulator::start_with(&[
        "--settle-ms",
        "0",
        "--fault",
        "kind=throttle,rps=10,action=CreateBgpPeer",
    ]);
    let sb = Sandbox::new();
    let groups = groups_on(&sb, &emu, &SH_VBRS[..5]);
    let (code, out, err) = run(&mut create_peers(&sb, &emu, &peer_items(&groups, 8), "8"));
    assert_eq!(code, 0, "{err}");
    let results = json(&out);
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), 40);
    assert!(
        results.iter().all(|r| r["Ok"] == true),
        "failed items: {out}"
    );
    let creates = requests(&emu)
        .into_iter()
        .filter(|r| r["action"] == "CreateBgpPeer")
        .collect::<Vec<_>>();
    let throttled = creates
        .iter()
        .filter(|r| r["code"] == "Throttling.User")
        .count();
    assert!(
        throttled > 0,
        "the fault never throttled: the test proves nothing"
    );
    assert_eq!(
        creates.len() - throttled,
        40,
        "each item created exactly once"
    );
    assert!(err.contains("throttled"), "no pacing notice: {err}");
    assert_eq!(
        ok_json(sh(&sb, &emu).args(["peer", "list"]))
            .as_array()
            .unwrap()
            .len(),
        40
    );
}

#[test]
fn bulk_networks_add_and_withdraw() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let mut lines = String::new();
    for i in 0..12 {
        lines.push_str(&json!({"RouterId": DEMO_VBR, "DstCidrBlock": format!("10.{i}.0.0/16"), "VpcId": if i % 2 == 0 { Value::from(DEMO_VPC) } else { Value::Null }}).to_string());
        lines.push('\n');
    }
    std::fs::write(sb.path("nets.ndjson"), &lines).unwrap();
    let file = sb.path("nets.ndjson");
    let added = ok_json(hz(&sb, &emu).args([
        "network",
        "add",
        "--from-file",
        file.to_str().unwrap(),
        "--concurrency",
        "4",
    ]));
    let added = added.as_array().unwrap();
    assert_eq!(added.len(), 12);
    assert!(
        added
            .iter()
            .all(|r| r["Ok"] == true && r["Resource"]["Status"] == "Available"),
        "{added:?}"
    );
    assert_eq!(added[0]["Resource"]["VpcId"], DEMO_VPC);
    assert_eq!(
        ok_json(hz(&sb, &emu).args(["network", "list", "--router-id", DEMO_VBR]))
            .as_array()
            .unwrap()
            .len(),
        13
    );
    // Fill the VBR to its 50 networks; the 51st is refused with the quota code.
    let more: String = (12..49)
        .map(|i| {
            json!({"RouterId": DEMO_VBR, "DstCidrBlock": format!("10.{i}.0.0/16")}).to_string()
                + "\n"
        })
        .collect();
    std::fs::write(sb.path("more.ndjson"), more).unwrap();
    let more_file = sb.path("more.ndjson");
    let filled =
        ok_json(hz(&sb, &emu).args(["network", "add", "--from-file", more_file.to_str().unwrap()]));
    assert_eq!(filled.as_array().unwrap().len(), 37);
    let err = fails(
        hz(&sb, &emu).args([
            "network",
            "add",
            "--router-id",
            DEMO_VBR,
            "--dst-cidr-block",
            "10.99.0.0/16",
        ]),
        5,
    );
    assert!(err.contains("QuotaExceeded.BgpNetwork"), "{err}");
    let gone = ok_json(hz(&sb, &emu).args([
        "network",
        "delete",
        "--from-file",
        more_file.to_str().unwrap(),
        "--yes",
    ]));
    assert_eq!(gone.as_array().unwrap().len(), 37);
    let err = fails(
        hz(&sb, &emu).args([
            "network",
            "add",
            "--from-file",
            file.to_str().unwrap(),
            "--wait",
        ]),
        2,
    );
    assert!(err.contains("--wait"), "{err}");
    let gone = ok_json(hz(&sb, &emu).args([
        "network",
        "delete",
        "--from-file",
        file.to_str().unwrap(),
        "--yes",
    ]));
    assert!(
        gone.as_array().unwrap().iter().all(|r| r["Ok"] == true),
        "{gone}"
    );
    assert_eq!(
        ok_json(hz(&sb, &emu).args(["network", "list", "--router-id", DEMO_VBR]))
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn bulk_rerun_with_the_same_client_token_creates_nothing_twice() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let groups = groups_on(&sb, &emu, &SH_VBRS[..1]);
    std::fs::write(sb.path("three.ndjson"), peer_items(&groups, 3)).unwrap();
    let file = sb.path("three.ndjson");
    let args = [
        "peer",
        "create",
        "--from-file",
        file.to_str().unwrap(),
        "--client-token",
        "run-7",
    ];
    let first = ok_json(sh(&sb, &emu).args(args));
    let again = ok_json(sh(&sb, &emu).args(args));
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r["Resource"]["BgpPeerId"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&first), ids(&again));
    let tokens: Vec<String> = requests(&emu)
        .iter()
        .filter(|r| r["action"] == "CreateBgpPeer")
        .map(|r| r["parameters"]["ClientToken"].as_str().unwrap().to_string())
        .collect();
    assert!(tokens.iter().all(|t| t.starts_with("run-7-")), "{tokens:?}");
    assert_eq!(
        ok_json(sh(&sb, &emu).args(["peer", "list"]))
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn a_list_of_many_pages_is_whole_in_order_and_fetches_each_page_once() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let vbrs = ok_json(sh(&sb, &emu).args(["vbr", "list"]));
    let vbrs: Vec<&str> = vbrs
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["Status"] == "active")
        .map(|v| v["VbrId"].as_str().unwrap())
        .take(17)
        .collect();
    assert_eq!(vbrs.len(), 17);
    let groups = groups_on(&sb, &emu, &vbrs);
    forget_requests(&emu);
    // 136 peers in 17 groups: the created peers are read back one list per group, several
    // groups at a time, and each result carries its whole resource.
    let results = ok_json(&mut create_peers(&sb, &emu, &peer_items(&groups, 8), "8"));
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), 136);
    for (i, r) in results.iter().enumerate() {
        assert_eq!(r["Index"], i, "{r}");
        assert_eq!(r["Resource"]["Status"], "Available", "{r}");
        assert!(r["Resource"]["PeerIpAddress"].is_string(), "{r}");
    }
    let read_back = requests(&emu)
        .iter()
        .filter(|r| r["action"] == "DescribeBgpPeers")
        .count();
    assert_eq!(read_back, 17, "one list per group");

    forget_requests(&emu);
    let all = ok_json(sh(&sb, &emu).args(["peer", "list"]));
    let listed: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["BgpPeerId"].as_str().unwrap())
        .collect();
    // Pages 2 and 3 travel together after page 1; each is asked for once.
    let mut pages: Vec<String> = requests(&emu)
        .iter()
        .map(|r| r["parameters"]["PageNumber"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(pages[0], "1");
    pages.sort();
    assert_eq!(pages, ["1", "2", "3"]);
    // The same peers, in the same order, as the API's own pages.
    let mut expected = Vec::new();
    for page in 1..=3 {
        let answer = ok_json(sh(&sb, &emu).args([
            "api",
            "DescribeBgpPeers",
            "--param",
            "PageSize=50",
            "--param",
            &format!("PageNumber={page}"),
        ]));
        for p in answer["BgpPeers"]["BgpPeer"].as_array().unwrap() {
            expected.push(p["BgpPeerId"].as_str().unwrap().to_string());
        }
    }
    assert_eq!(listed, expected);
}

#[test]
fn a_throttled_read_back_is_paced_too_and_every_result_is_whole() {
    // Every action (the read-back lists included) at most 8 per second per AccessKey.
    let emu = Emulator::start_with(&["--settle-ms", "0"]);
    let sb = Sandbox::new();
    let groups = groups_on(&sb, &emu, &SH_VBRS[..4]);
    admin(&emu, "POST", "faults", r#"{"kind": "throttle", "rps": 8}"#);
    let (code, out, err) = run(&mut create_peers(&sb, &emu, &peer_items(&groups, 4), "8"));
    assert_eq!(code, 0, "{err}");
    let results = json(&out);
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), 16);
    for r in results {
        assert_eq!(r["Ok"], true, "{r}");
        assert_eq!(r["Resource"]["Status"], "Available", "read back: {r}");
    }
    let throttled = requests(&emu)
        .iter()
        .filter(|r| r["code"] == "Throttling.User")
        .count();
    assert!(
        throttled > 0,
        "the fault never throttled: the test proves nothing"
    );
}

#[test]
fn ctrl_c_stops_a_bulk_run_gracefully_and_reports_every_item() {
    // Each create takes 300 ms, two at a time: the run is mid-way when Ctrl-C comes.
    let emu = Emulator::start_with(&[
        "--settle-ms",
        "0",
        "--fault",
        "kind=latency,ms=300,action=CreateBgpPeer",
    ]);
    let sb = Sandbox::new();
    let groups = groups_on(&sb, &emu, &SH_VBRS[..3]);
    forget_requests(&emu);
    let child = create_peers(&sb, &emu, &peer_items(&groups, 8), "2")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let started = std::time::Instant::now();
    while actions(&emu)
        .iter()
        .filter(|a| *a == "CreateBgpPeer")
        .count()
        < 2
    {
        assert!(started.elapsed().as_secs() < 30, "no create came through");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill -INT");
    assert!(kill.success());
    let out = child.wait_with_output().expect("wait");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "stderr: {stderr}");
    assert!(
        stderr.contains("stopping: no new items are sent"),
        "{stderr}"
    );
    // -o json: the error is JSON too.
    assert!(stderr.contains(r#""kind":"interrupted""#), "{stderr}");
    // Every item is reported: the ones created with their resource, the rest as not sent.
    let results = json(&stdout);
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), 24);
    let created: Vec<&Value> = results.iter().filter(|r| r["Ok"] == true).collect();
    assert!(created.len() >= 2 && created.len() < 24, "{stdout}");
    for r in results.iter().filter(|r| r["Ok"] == false) {
        assert_eq!(r["Error"]["Kind"], "skipped", "{r}");
        assert!(
            r["Error"]["Message"].as_str().unwrap().contains("Ctrl-C"),
            "{r}"
        );
        assert!(r["Item"]["ClientToken"].is_string(), "{r}");
    }
    // What the report says was created is exactly what exists.
    let listed = ok_json(sh(&sb, &emu).args(["peer", "list"]));
    let mut listed: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["BgpPeerId"].as_str().unwrap())
        .collect();
    let mut reported: Vec<&str> = created
        .iter()
        .map(|r| r["Resource"]["BgpPeerId"].as_str().unwrap())
        .collect();
    listed.sort();
    reported.sort();
    assert_eq!(listed, reported);
}

#[test]
fn an_empty_bulk_input_has_nothing_to_do_and_exits_0() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    // The pipeline of the README: delete everything listed, when nothing is listed.
    let (code, listed, err) = run(sb.cmd_at(&emu).args(["-o", "ndjson", "peer", "list"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(listed, "");
    std::fs::write(sb.path("none.ndjson"), &listed).unwrap();
    let file = sb.path("none.ndjson");
    let file = file.to_str().unwrap();
    forget_requests(&emu);
    for args in [
        vec!["peer", "delete", "--from-file", file, "--yes"],
        vec!["peer", "create", "--from-file", file],
        vec!["network", "add", "--from-file", file],
    ] {
        let (code, out, err) = run(sh(&sb, &emu).args(&args));
        assert_eq!(code, 0, "{args:?}: {err}");
        assert_eq!(json(&out), json!([]), "{args:?}");
        assert!(err.contains("0 of 0 items"), "{args:?}: {err}");
    }
    assert!(requests(&emu).is_empty(), "sent {:?}", actions(&emu));
}

#[test]
fn a_bulk_run_retries_a_transient_failure_up_to_max_attempts_tries_per_item() {
    let emu = Emulator::start_with(&[
        "--settle-ms",
        "0",
        "--fault",
        "kind=error,code=ServiceUnavailable,rate=1,action=CreateBgpPeer",
    ]);
    let sb = Sandbox::new();
    let groups = groups_on(&sb, &emu, &SH_VBRS[..1]);
    let items = peer_items(&groups, 2);
    for (max_attempts, tries) in [("3", 3), ("1", 1)] {
        forget_requests(&emu);
        let (code, out, err) =
            run(create_peers(&sb, &emu, &items, "2").args(["--max-attempts", max_attempts]));
        assert_ne!(code, 0, "{out}{err}");
        let creates: Vec<Value> = requests(&emu)
            .into_iter()
            .filter(|r| r["action"] == "CreateBgpPeer")
            .collect();
        assert_eq!(creates.len(), 2 * tries, "--max-attempts {max_attempts}");
        // Every try of one item carries the same ClientToken.
        let tokens: std::collections::HashSet<&str> = creates
            .iter()
            .map(|r| r["parameters"]["ClientToken"].as_str().unwrap())
            .collect();
        assert_eq!(tokens.len(), 2, "{creates:?}");
    }
}
