//! `bgpeer export`, `plan` and `apply` end to end: the real binary against a real emulator
//! process, with faults. File errors before anything is sent; export → plan shows no changes;
//! apply converges under throttling, dropped answers, 5xx and latency with no duplicate, and a
//! second apply is a no-op; the export/reset/apply/export round trip; replaces, prune, saved
//! plans, ambiguous names, --wait-established with its rollback, and Ctrl-C.

use std::process::{Command, Stdio};

use serde_json::Value;

use crate::support::*;

/// The first cn-shanghai VBRs of the seeded world (empty, active; 8 peers each at most).
const SH_VBRS: &[&str] = &[
    "vbr-uf6014wmqjaionhqtfxnm",
    "vbr-uf608arvvbm1kv691t2nn",
    "vbr-uf60j8f09ezj2mmhew5bd",
    "vbr-uf60jze7qy7sy7p3fnr63",
    "vbr-uf60y72b3c0ni3cd8o93h",
];
const SH_VPC: &str = "vpc-uf6bench0000000000000";
const KEY_VAR: &str = "CORE_KEY";
const KEY: &str = "k3y-never-printed";

/// `bgpeer ...` at the emulator in cn-shanghai, with the core groups' AuthKey in the environment.
pub(crate) fn sh(sb: &Sandbox, emu: &Emulator) -> Command {
    let mut c = sb.cmd_at(emu);
    c.env(KEY_VAR, KEY);
    c
}

/// A file for `vbrs`: per VBR a group `core` (keyed) with `peers` peers and a group `edge`
/// with one, and two networks.
pub(crate) fn set_up(vbrs: &[&str], peers: usize) -> String {
    let mut s = String::from("region: cn-shanghai\nvbrs:\n");
    for (vi, v) in vbrs.iter().enumerate() {
        s.push_str(&format!("  - vbr_id: {v}\n    groups:\n"));
        s.push_str(&format!(
            "      - name: core\n        peer_asn: 65001\n        description: Core routers\n        auth_key: {{env: {KEY_VAR}}}\n        peers:\n"
        ));
        for p in 0..peers {
            s.push_str(&format!(
                "          - peer_ip_address: 10.{vi}.{p}.2\n            enable_bfd: true\n            bfd_multi_hop: 3\n"
            ));
        }
        s.push_str(&format!(
            "      - name: edge\n        peer_asn: 65002\n        peers:\n          - peer_ip_address: 10.{vi}.200.2\n"
        ));
        s.push_str(&format!(
            "    networks:\n      - dst_cidr_block: 192.168.{vi}.0/24\n        vpc_id: {SH_VPC}\n      - dst_cidr_block: 172.16.{vi}.0/24\n"
        ));
    }
    s
}

fn write(sb: &Sandbox, name: &str, text: &str) -> String {
    let p = sb.path(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn mutations(emu: &Emulator) -> Vec<String> {
    actions(emu)
        .into_iter()
        .filter(|a| !a.starts_with("Describe"))
        .collect()
}

/// Every peer of the region as (VBR, group name, IP), sorted; and the same for networks.
/// Peers as (VBR, group name, IP) and networks as (VBR, CIDR).
type State = (Vec<(String, String, String)>, Vec<(String, String)>);

fn state(sb: &Sandbox, emu: &Emulator) -> State {
    let groups = ok_json(sh(sb, emu).args(["-o", "json", "group", "list"]));
    let name_of = |id: &str| -> String {
        groups
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["BgpGroupId"] == id)
            .map(|g| g["Name"].as_str().unwrap_or("").to_string())
            .unwrap_or_default()
    };
    let peers = ok_json(sh(sb, emu).args(["-o", "json", "peer", "list"]));
    let mut p: Vec<(String, String, String)> = peers
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["RouterId"].as_str().unwrap().to_string(),
                name_of(p["BgpGroupId"].as_str().unwrap()),
                p["PeerIpAddress"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    p.sort();
    let mut n: Vec<(String, String)> = Vec::new();
    for v in SH_VBRS {
        let nets = ok_json(sh(sb, emu).args(["-o", "json", "network", "list", "--router-id", v]));
        for net in nets.as_array().unwrap() {
            n.push((
                v.to_string(),
                net["DstCidrBlock"].as_str().unwrap().to_string(),
            ));
        }
    }
    n.sort();
    (p, n)
}

#[test]
fn file_errors_name_line_column_key_path_and_fix_and_nothing_is_sent() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let file = write(
        &sb,
        "bgp.yaml",
        "region: cn-shanghai
vbrs:
  - vbr_id: vbr-uf6014wmqjaionhqtfxnm
    groups:
      - name: core
        peer_asn: 45104
        peers:
          - peer_ip_address: 10.0.0.2
            bfd_multi_hop: 300
      - name: core
        peers:
          - peer_ip_address: 10.0.0.2
",
    );
    forget_requests(&emu);
    let err = fails(sh(&sb, &emu).args(["plan", "-f", &file]), 2);
    for expected in [
        "has 4 problems",
        &format!("{file}:6:19: vbrs[0].groups[0].peer_asn"),
        &format!("{file}:9:28: vbrs[0].groups[0].peers[0].bfd_multi_hop"),
        &format!("{file}:10:15: vbrs[0].groups[1].name"),
        &format!("{file}:12:30: vbrs[0].groups[1].peers[0].peer_ip_address"),
        "--no-validate peer-asn",
        "fix: ",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    // A wrong type and an unknown key: the parser's position and the key path.
    let file = write(&sb, "bad.yaml", "region: cn-shanghai\nvbrs:\n  - vbr_id: vbr-uf6014wmqjaionhqtfxnm\n    groups:\n      - name: core\n        peer_asn: 65001\n        enable_bfd: yes\n");
    let err = fails(sh(&sb, &emu).args(["apply", "-f", &file, "--yes"]), 2);
    assert!(
        err.contains(&format!(
            "{file}:7:9: vbrs[0].groups[0].enable_bfd: unknown field"
        )),
        "{err}"
    );
    // An AuthKey in clear is refused without echoing it.
    let file = write(&sb, "clear.yaml", "region: cn-shanghai\nvbrs:\n  - vbr_id: vbr-uf6014wmqjaionhqtfxnm\n    groups:\n      - name: core\n        peer_asn: 65001\n        auth_key: hunter2\n");
    let err = fails(sh(&sb, &emu).args(["plan", "-f", &file]), 2);
    assert!(
        err.contains("never written in clear") && !err.contains("hunter2"),
        "{err}"
    );
    // A key variable that is not set.
    let file = write(&sb, "unset.yaml", "region: cn-shanghai\nvbrs:\n  - vbr_id: vbr-uf6014wmqjaionhqtfxnm\n    groups:\n      - name: core\n        peer_asn: 65001\n        auth_key: {env: NOT_SET_ANYWHERE}\n");
    let err = fails(sh(&sb, &emu).args(["plan", "-f", &file]), 2);
    assert!(
        err.contains(":7:19: vbrs[0].groups[0].auth_key") && err.contains("NOT_SET_ANYWHERE"),
        "{err}"
    );
    // A VBR that does not exist: exit 3 at its line.
    let file = write(
        &sb,
        "novbr.yaml",
        "region: cn-shanghai\nvbrs:\n  - vbr_id: vbr-uf6nosuchvbr00000000000\n",
    );
    let err = fails(sh(&sb, &emu).args(["plan", "-f", &file]), 3);
    assert!(
        err.contains(":3:13: vbrs[0].vbr_id: VBR vbr-uf6nosuchvbr00000000000 does not exist"),
        "{err}"
    );
    assert!(mutations(&emu).is_empty(), "{:?}", mutations(&emu));
}

#[test]
fn apply_makes_the_set_up_then_export_and_plan_show_no_changes() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let file = write(&sb, "bgp.yaml", &set_up(&SH_VBRS[..2], 3));
    let plan = ok_json(sh(&sb, &emu).args(["-o", "json", "plan", "-f", &file]));
    assert_eq!(plan["summary"]["create"], 2 * (2 + 4 + 2));
    let report = ok_json(sh(&sb, &emu).args(["-o", "json", "apply", "-f", &file, "--yes"]));
    let report = report.as_array().unwrap();
    assert_eq!(report.len(), 16);
    assert!(report.iter().all(|r| r["result"] == "done"), "{report:?}");
    let (peers, nets) = state(&sb, &emu);
    assert_eq!(peers.len(), 8);
    assert_eq!(nets.len(), 4);
    // A second apply is a no-op: exit 0, nothing sent but reads.
    forget_requests(&emu);
    let (code, out, err) = run(sh(&sb, &emu).args(["apply", "-f", &file, "--yes"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("No changes"), "{err}");
    assert_eq!(json(&out), serde_json::json!([]));
    assert!(mutations(&emu).is_empty(), "{:?}", mutations(&emu));
    // plan --detailed-exitcode: 0 without changes.
    let (code, out, _) = run(sh(&sb, &emu).args(["plan", "-f", &file, "--detailed-exitcode"]));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("No changes."), "{out}");
    // export then plan of the export: no changes, once the exported key variables are set.
    let (code, exported, err) = run(sh(&sb, &emu).args(["export", SH_VBRS[0], SH_VBRS[1]]));
    assert_eq!(code, 0, "{err}");
    assert!(!exported.contains(KEY), "{exported}");
    assert!(
        !exported.contains("Status") && !exported.contains("bgp-"),
        "{exported}"
    );
    let exp = write(&sb, "exported.yaml", &exported);
    let var0 = "BGPEER_AUTH_KEY_VBR_UF6014WMQJAIONHQTFXNM_CORE";
    let var1 = "BGPEER_AUTH_KEY_VBR_UF608ARVVBM1KV691T2NN_CORE";
    assert!(
        exported.contains(&format!("auth_key: {{env: {var0}}}")),
        "{exported}"
    );
    let (code, out, err) = run(sh(&sb, &emu).env(var0, KEY).env(var1, KEY).args([
        "plan",
        "-f",
        &exp,
        "--detailed-exitcode",
    ]));
    assert_eq!(code, 0, "{out}{err}");
    // A drifted key shows as a sensitive change, exit 10 with --detailed-exitcode.
    let (code, out, _) = run(sh(&sb, &emu).env(var0, "another-key").env(var1, KEY).args([
        "plan",
        "-f",
        &exp,
        "--detailed-exitcode",
    ]));
    assert_eq!(code, 10, "{out}");
    assert!(out.contains("auth_key: (sensitive) changed"), "{out}");
    assert!(!out.contains("another-key") && !out.contains(KEY), "{out}");
    // The JSON export is the same structure.
    let j = ok_json(sh(&sb, &emu).args(["-o", "json", "export", SH_VBRS[0]]));
    assert_eq!(j["vbrs"][0]["groups"][0]["auth_key"]["env"], var0);
    assert_eq!(
        j["vbrs"][0]["groups"][0]["peers"].as_array().unwrap().len(),
        3
    );
}

#[test]
fn apply_converges_under_faults_with_no_duplicate_and_a_second_apply_is_a_no_op() {
    let emu = Emulator::start_with(&[
        "--settle-ms",
        "300",
        "--fault",
        "kind=throttle,rps=25",
        "--fault",
        "kind=drop,rate=0.15,action=CreateBgpPeer",
        "--fault",
        "kind=drop,rate=0.15,action=CreateBgpGroup",
        "--fault",
        "kind=error,code=ServiceUnavailable,rate=0.1",
        "--fault",
        "kind=latency,ms=15",
    ]);
    let sb = Sandbox::new();
    let file = write(&sb, "bgp.yaml", &set_up(SH_VBRS, 4));
    // One create in four fails (a 503 or a connection dropped after the commit): ten tries per
    // item make a run that still fails one in millions.
    let (code, out, err) = run(sh(&sb, &emu).args([
        "--max-attempts",
        "10",
        "-o",
        "json",
        "apply",
        "-f",
        &file,
        "--yes",
    ]));
    assert_eq!(code, 0, "stdout: {out}\nstderr: {err}");
    let report = json(&out);
    assert!(
        report
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["result"] == "done"),
        "{out}"
    );
    let log = requests(&emu);
    let count = |f: &dyn Fn(&Value) -> bool| log.iter().filter(|r| f(r)).count();
    let dropped: Vec<&Value> = log.iter().filter(|r| r["dropped"] == true).collect();
    assert!(
        count(&|r| r["code"] == "Throttling.User") > 0,
        "never throttled: the test proves less"
    );
    assert!(
        count(&|r| r["code"] == "ServiceUnavailable") > 0,
        "no 5xx: the test proves less"
    );
    assert!(
        !dropped.is_empty(),
        "no answer was dropped: the test proves less"
    );
    // A mutation whose answer was lost is sent again with the same ClientToken.
    for d in &dropped {
        let token = d["parameters"]["ClientToken"].as_str().expect("a token");
        let again = log
            .iter()
            .filter(|r| r["parameters"]["ClientToken"] == token)
            .count();
        assert!(
            again >= 2,
            "the lost {} was not retried with its token",
            d["action"]
        );
    }
    // Exactly the file's objects, once each.
    let (peers, nets) = state(&sb, &emu);
    assert_eq!(peers.len(), 5 * 5, "{peers:?}");
    let unique: std::collections::BTreeSet<_> = peers.iter().collect();
    assert_eq!(unique.len(), peers.len(), "a duplicate peer: {peers:?}");
    assert_eq!(nets.len(), 10);
    let groups = ok_json(sh(&sb, &emu).args(["-o", "json", "group", "list"]));
    assert_eq!(groups.as_array().unwrap().len(), 10, "{groups}");
    // The second apply, under the same faults, has nothing to do.
    forget_requests(&emu);
    let (code, _, err) = run(sh(&sb, &emu).args(["apply", "-f", &file, "--yes"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("No changes"), "{err}");
    assert!(mutations(&emu).is_empty());
}

#[test]
fn export_reset_apply_export_is_identical() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let file = write(&sb, "bgp.yaml", &set_up(&SH_VBRS[..3], 2));
    ok_json(sh(&sb, &emu).args(["-o", "json", "apply", "-f", &file, "--yes"]));
    let vbrs = &SH_VBRS[..3];
    let export = |sb: &Sandbox| {
        let (code, out, err) = run(sh(sb, &emu).arg("export").args(vbrs));
        assert_eq!(code, 0, "{err}");
        out
    };
    let before = export(&sb);
    let exp = write(&sb, "exported.yaml", &before);
    admin(&emu, "POST", "reset", "");
    assert!(state(&sb, &emu).0.is_empty());
    let mut apply = sh(&sb, &emu);
    for v in vbrs {
        apply.env(
            format!(
                "BGPEER_AUTH_KEY_{}_CORE",
                v.to_uppercase().replace('-', "_")
            ),
            KEY,
        );
    }
    let report = ok_json(apply.args(["-o", "json", "apply", "-f", &exp, "--yes"]));
    assert!(report
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["result"] == "done"));
    assert_eq!(export(&sb), before);
    // The keys came back too: the original file plans no change.
    let (code, out, _) = run(sh(&sb, &emu).args(["plan", "-f", &file, "--detailed-exitcode"]));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn replaces_need_allow_replace_and_prune_stays_inside_the_files_vbrs() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let file = write(&sb, "bgp.yaml", &set_up(&SH_VBRS[..2], 2));
    ok_json(sh(&sb, &emu).args(["-o", "json", "apply", "-f", &file, "--yes"]));
    // Only the first VBR in the new file; its edge group becomes IPv6 (a replace); a core peer
    // and a network go.
    let new = "region: cn-shanghai
vbrs:
  - vbr_id: vbr-uf6014wmqjaionhqtfxnm
    groups:
      - name: core
        peer_asn: 65001
        peers:
          - peer_ip_address: 10.0.0.2
      - name: edge
        peer_asn: 65002
        ip_version: IPv6
    networks:
      - dst_cidr_block: 192.168.0.0/24
";
    let new = write(&sb, "new.yaml", new);
    forget_requests(&emu);
    let err = fails(
        sh(&sb, &emu).args(["apply", "-f", &new, "--yes", "--prune"]),
        2,
    );
    assert!(
        err.contains("--allow-replace") && err.contains("group edge"),
        "{err}"
    );
    assert!(mutations(&emu).is_empty());
    let plan = ok_json(sh(&sb, &emu).args(["-o", "json", "plan", "-f", &new]));
    // Without --prune the only delete is the replaced group's peer the file no longer lists
    // (it cannot outlive its group); the core peer and the network it dropped are unmanaged.
    assert_eq!(plan["summary"]["delete"], 1, "{plan}");
    let deleted = plan["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["action"] == "delete")
        .unwrap();
    assert_eq!(deleted["key"], "10.0.200.2", "{plan}");
    assert_eq!(deleted["reason"], "its group is replaced", "{plan}");
    assert_eq!(plan["summary"]["unmanaged"], 2, "{plan}");
    let report = ok_json(sh(&sb, &emu).args([
        "-o",
        "json",
        "apply",
        "-f",
        &new,
        "--yes",
        "--prune",
        "--allow-replace",
    ]));
    let report = report.as_array().unwrap();
    assert!(report.iter().all(|r| r["result"] == "done"), "{report:?}");
    let replaced = report
        .iter()
        .find(|r| r["action"] == "replace")
        .expect("a replace");
    assert_eq!(replaced["key"], "edge");
    let (peers, nets) = state(&sb, &emu);
    let on = |v: &str| peers.iter().filter(|p| p.0 == v).count();
    assert_eq!(on(SH_VBRS[0]), 1, "{peers:?}");
    assert_eq!(
        on(SH_VBRS[1]),
        3,
        "the VBR the file does not name is untouched: {peers:?}"
    );
    assert_eq!(nets.iter().filter(|n| n.0 == SH_VBRS[0]).count(), 1);
    assert_eq!(nets.iter().filter(|n| n.0 == SH_VBRS[1]).count(), 2);
    let groups =
        ok_json(sh(&sb, &emu).args(["-o", "json", "group", "list", "--router-id", SH_VBRS[0]]));
    let edge = groups
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["Name"] == "edge")
        .unwrap();
    assert_eq!(edge["IpVersion"], "IPv6");
}

#[test]
fn a_saved_plan_is_refused_once_the_live_set_up_changed() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let file = write(&sb, "bgp.yaml", &set_up(&SH_VBRS[..1], 2));
    let plan_file = sb.path("bgp.plan").display().to_string();
    let (code, _, err) = run(sh(&sb, &emu).args(["plan", "-f", &file, "--out", &plan_file]));
    assert_eq!(code, 0, "{err}");
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&plan_file).unwrap()).unwrap();
    assert!(saved["plan"]["fingerprint"]
        .as_str()
        .unwrap()
        .starts_with("sha256:"));
    assert!(!saved.to_string().contains(KEY));
    // Someone adds a group by hand: the plan is stale, exit 11, nothing sent.
    ok_json(sh(&sb, &emu).args([
        "-o",
        "json",
        "group",
        "create",
        "--router-id",
        SH_VBRS[0],
        "--peer-asn",
        "65009",
    ]));
    forget_requests(&emu);
    let err = fails(sh(&sb, &emu).args(["apply", &plan_file, "--yes"]), 11);
    assert!(err.contains("changed since the plan was made"), "{err}");
    assert!(mutations(&emu).is_empty());
    // A fresh plan applies.
    let (code, _, err) = run(sh(&sb, &emu).args(["plan", "-f", &file, "--out", &plan_file]));
    assert_eq!(code, 0, "{err}");
    let report = ok_json(sh(&sb, &emu).args(["-o", "json", "apply", &plan_file, "--yes"]));
    assert_eq!(report.as_array().unwrap().len(), 7);
    // Not a plan: a clear message.
    let err = fails(sh(&sb, &emu).args(["apply", &file, "--yes"]), 2);
    assert!(
        err.contains("not a plan saved by") && err.contains("-f"),
        "{err}"
    );
}

#[test]
fn two_live_groups_with_one_name_must_be_pinned() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let mut ids = Vec::new();
    for _ in 0..2 {
        let g = ok_json(sh(&sb, &emu).args([
            "-o",
            "json",
            "group",
            "create",
            "--router-id",
            SH_VBRS[0],
            "--peer-asn",
            "65001",
            "--name",
            "twin",
        ]));
        ids.push(g["BgpGroupId"].as_str().unwrap().to_string());
    }
    let file = write(&sb, "bgp.yaml", &format!("region: cn-shanghai\nvbrs:\n  - vbr_id: {}\n    groups:\n      - name: twin\n        peer_asn: 65002\n", SH_VBRS[0]));
    let err = fails(sh(&sb, &emu).args(["plan", "-f", &file]), 2);
    assert!(
        err.contains(&ids[0]) && err.contains(&ids[1]) && err.contains("id: "),
        "{err}"
    );
    let pinned = write(&sb, "pinned.yaml", &format!("region: cn-shanghai\nvbrs:\n  - vbr_id: {}\n    groups:\n      - name: twin\n        id: {}\n        peer_asn: 65002\n", SH_VBRS[0], ids[1]));
    let plan = ok_json(sh(&sb, &emu).args(["-o", "json", "plan", "-f", &pinned]));
    assert_eq!(plan["changes"][0]["id"], ids[1].as_str());
    assert_eq!(plan["changes"][0]["action"], "update");
    // The export pins both, and plans no change.
    let (_, exported, _) = run(sh(&sb, &emu).args(["export", SH_VBRS[0]]));
    assert_eq!(exported.matches("id: \"bgpg-").count(), 2, "{exported}");
    let exp = write(&sb, "exp.yaml", &exported);
    let (code, out, err) = run(sh(&sb, &emu).args(["plan", "-f", &exp, "--detailed-exitcode"]));
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn sessions_that_do_not_come_up_are_rolled_back() {
    let emu = Emulator::start_with(&[
        "--settle-ms",
        "100",
        "--fault",
        "kind=session_down,peer_ip=10.0.1.2",
    ]);
    let sb = Sandbox::new();
    let first = write(&sb, "bgp.yaml", &set_up(&SH_VBRS[..1], 1));
    ok_json(sh(&sb, &emu).args([
        "-o",
        "json",
        "apply",
        "-f",
        &first,
        "--yes",
        "--wait-established",
        "30",
    ]));
    let before = run(sh(&sb, &emu).args(["export", SH_VBRS[0]])).1;
    // A second core peer (its session stays down), a changed description and BFD hop count,
    // and the edge group gone.
    let next = set_up(&SH_VBRS[..1], 2)
        .replace("Core routers", "Core routers v2")
        .replace("bfd_multi_hop: 3", "bfd_multi_hop: 4");
    let next = next.split("      - name: edge").next().unwrap().to_string()
        + "    networks:\n      - dst_cidr_block: 192.168.0.0/24\n        vpc_id: vpc-uf6bench0000000000000\n      - dst_cidr_block: 172.16.0.0/24\n";
    let next = write(&sb, "next.yaml", &next);
    let (code, out, err) = run(sh(&sb, &emu).args([
        "-o",
        "json",
        "apply",
        "-f",
        &next,
        "--yes",
        "--prune",
        "--wait-established",
        "3",
        "--rollback-on-failure",
    ]));
    assert_eq!(code, 8, "stdout: {out}\nstderr: {err}");
    assert!(err.contains("rolled back"), "{err}");
    let report = json(&out);
    let rollback: Vec<&Value> = report
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            r["reason"]
                .as_str()
                .is_some_and(|s| s.starts_with("rollback"))
        })
        .collect();
    assert!(
        !rollback.is_empty() && rollback.iter().all(|r| r["result"] == "done"),
        "{out}"
    );
    // Everything is as before, the deleted group's key included.
    let after = run(sh(&sb, &emu).args(["export", SH_VBRS[0]])).1;
    assert_eq!(after, before);
    let (code, out, _) = run(sh(&sb, &emu).args(["plan", "-f", &first, "--detailed-exitcode"]));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn ctrl_c_stops_apply_reports_every_change_and_the_next_apply_finishes() {
    let emu = Emulator::start_with(&[
        "--settle-ms",
        "0",
        "--fault",
        "kind=latency,ms=300,action=CreateBgpPeer",
    ]);
    let sb = Sandbox::new();
    let file = write(&sb, "bgp.yaml", &set_up(&SH_VBRS[..1], 6));
    forget_requests(&emu);
    let child = sh(&sb, &emu)
        .args([
            "-o",
            "json",
            "apply",
            "-f",
            &file,
            "--yes",
            "--concurrency",
            "1",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let started = std::time::Instant::now();
    while !actions(&emu).iter().any(|a| a == "CreateBgpPeer") {
        assert!(
            started.elapsed().as_secs() < 30,
            "no peer create came through"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    let report = json(&stdout);
    let report = report.as_array().unwrap();
    assert_eq!(report.len(), 11, "{stdout}");
    let done = report.iter().filter(|r| r["result"] == "done").count();
    let not_sent = report.iter().filter(|r| r["result"] == "not_sent").count();
    assert!(
        done >= 2 && not_sent >= 1 && done + not_sent == 11,
        "{stdout}"
    );
    let (code, out, err) = run(sh(&sb, &emu).args(["-o", "json", "apply", "-f", &file, "--yes"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(json(&out).as_array().unwrap().len(), not_sent, "{out}");
    assert_eq!(state(&sb, &emu).0.len(), 7);
}
