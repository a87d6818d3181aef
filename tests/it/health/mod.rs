//! `bgpeer vbr check` and `bgpeer watch`, through the real binary against the emulator: every
//! check rule fires on a set-up made for it, and every kind of watch event is seen as it happens
//! (docs/health.md).

mod check;
mod watch;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::support::*;

/// The VBRs of cn-shanghai (80 ordinary, active VBRs with IPv6), first `n`.
fn shanghai_vbrs(sb: &Sandbox, emu: &Emulator, n: usize) -> Vec<String> {
    let (code, out, err) = run(sb
        .cmd_at(emu)
        .args(["vbr", "list", "-o", "value", "--fields", "VbrId", "--limit"])
        .arg(n.to_string()));
    assert_eq!(code, 0, "{err}");
    out.lines().map(str::to_string).collect()
}

/// One field of `vbr show VBR -o json`.
fn vbr_field(sb: &Sandbox, emu: &Emulator, vbr: &str, field: &str) -> String {
    let v = ok_json(sb.cmd_at(emu).args(["vbr", "show", vbr, "-o", "json"]));
    v[field].as_str().unwrap_or_default().to_string()
}

/// `group create` on `vbr` with extra flags (peer ASN 65001 unless they give one); returns the
/// group ID.
fn group(sb: &Sandbox, emu: &Emulator, vbr: &str, extra: &[&str]) -> String {
    let mut cmd = sb.cmd_at(emu);
    cmd.args(["group", "create", "--router-id", vbr, "-o", "json"])
        .args(extra);
    if !extra.contains(&"--peer-asn") {
        cmd.args(["--peer-asn", "65001"]);
    }
    let g = ok_json(&mut cmd);
    g["BgpGroupId"].as_str().expect("a group ID").to_string()
}

/// `peer create` in `group` at `ip` with extra flags; returns the peer ID.
fn peer(sb: &Sandbox, emu: &Emulator, group: &str, ip: &str, extra: &[&str]) -> String {
    let p = ok_json(
        sb.cmd_at(emu)
            .args([
                "peer",
                "create",
                "--bgp-group-id",
                group,
                "--peer-ip-address",
                ip,
            ])
            .args(["-o", "json"])
            .args(extra),
    );
    p["BgpPeerId"].as_str().expect("a peer ID").to_string()
}

/// A peer in `group` at `vbr`'s customer-side gateway address: where a healthy peer is.
fn gateway_peer(sb: &Sandbox, emu: &Emulator, vbr: &str, group: &str) -> String {
    peer(
        sb,
        emu,
        group,
        &vbr_field(sb, emu, vbr, "PeerGatewayIp"),
        &[],
    )
}

/// Changes the emulator's state file (what the API would refuse to create, but a live set-up can
/// come to hold: IPv6 turned off under an IPv6 group, a VBR terminated, ...), then restarts it.
fn edit_state(emu: &mut Emulator, state: &Path, edit: impl FnOnce(&mut Value)) {
    emu.kill_9();
    let mut file: Value = serde_json::from_str(&std::fs::read_to_string(state).unwrap()).unwrap();
    edit(&mut file["world"]);
    std::fs::write(state, serde_json::to_string(&file).unwrap()).unwrap();
    emu.restart();
}

/// The group `group_id` in a state file's world.
fn state_group<'a>(world: &'a mut Value, vbr: &str, group_id: &str) -> &'a mut Value {
    world["vbrs"][vbr]["groups"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|g| g["id"] == group_id)
        .unwrap_or_else(|| panic!("no group {group_id} on {vbr}"))
}

fn add_fault(emu: &Emulator, fault: Value) {
    let answer = admin(emu, "POST", "faults", &fault.to_string());
    assert!(answer.get("error").is_none(), "{answer}");
}

/// `kill -INT PID`.
fn interrupt(pid: u32) {
    let status = Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .expect("kill -INT");
    assert!(status.success());
}
