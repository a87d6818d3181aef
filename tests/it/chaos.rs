//! The chaos soak: bgpeer's promises held at volume, under every fault at once.
//!
//! - 1,024 peers created and deleted by bulk runs (two waves of 512: the seeded world has room
//!   for 640 peers in cn-shanghai) and a 16-VBR `apply`, against an emulator that throttles,
//!   answers `ServiceUnavailable` to 5 % of requests, commits and then drops the answer of
//!   another 5 %, and waits a random 0-20 ms before each answer;
//! - the emulator killed with SIGKILL in the middle of a bulk create and of a bulk delete,
//!   restarted on the same state file, and the same file run again with the same tokens.
//!
//! Each run is checked against its input exactly: every item exists once, nothing else does,
//! every attempt of an item carried the item's one ClientToken (the emulator's request log shows
//! each attempt), and the printed report says what the state holds. The figures (operations,
//! faults by kind, retries, duplicates, lost) go to the CI log: see [`figures`].

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::cli_network_bulk::sh;
use crate::support::*;

/// The emulator counts a fault's `times` down each time it fires; this many never runs out, so
/// what is left says how often each fault fired.
const FIRES: u64 = 1_000_000_000;

/// The throttles: a bulk run of 512 items at concurrency 16 goes faster than this, an apply
/// (which waits for its groups to settle) faster than that.
const BULK_RPS: u32 = 150;
const APPLY_RPS: u32 = 30;

/// The request log keeps this many requests: each checked run must make fewer.
const LOG_CAPACITY: usize = 2000;

/// Every fault at once, in a fixed order (the counts of [`fired`] follow it), with a throttle
/// of `rps` requests per second: low enough that the run is throttled, high enough to keep the
/// soak short.
fn chaos_faults(rps: u32) -> String {
    json!({"faults": [
        {"kind": "throttle", "rps": rps, "times": FIRES},
        {"kind": "error", "code": "ServiceUnavailable", "rate": 0.05, "times": FIRES},
        {"kind": "drop", "rate": 0.05, "times": FIRES},
        {"kind": "latency", "ms": 0, "jitter_ms": 20, "times": FIRES},
    ]})
    .to_string()
}

/// How often each fault fired since it was set, by the emulator's own count.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Faults {
    throttled: usize,
    unavailable: usize,
    dropped: usize,
    delayed: usize,
}

impl Faults {
    fn add(&mut self, o: Faults) {
        self.throttled += o.throttled;
        self.unavailable += o.unavailable;
        self.dropped += o.dropped;
        self.delayed += o.delayed;
    }
}

/// Reads the faults' counts, then removes the faults (the checks after a run read unfaulted).
fn fired(emu: &Emulator) -> Faults {
    let set = admin(emu, "GET", "faults", "");
    let left: Vec<u64> = set["faults"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["times"].as_u64().unwrap())
        .collect();
    assert_eq!(left.len(), 4, "{set}");
    admin(emu, "DELETE", "faults", "");
    let n = |i: usize| (FIRES - left[i]) as usize;
    Faults {
        throttled: n(0),
        unavailable: n(1),
        dropped: n(2),
        delayed: n(3),
    }
}

/// The same counts from the request log, which records each attempt's answer.
fn logged_faults(log: &[Value]) -> Faults {
    let count = |f: &dyn Fn(&Value) -> bool| log.iter().filter(|r| f(r)).count();
    Faults {
        throttled: count(&|r| r["code"] == "Throttling.User"),
        unavailable: count(&|r| r["code"] == "ServiceUnavailable"),
        dropped: count(&|r| r["dropped"] == true),
        // The latency fault delays every request.
        delayed: log.len(),
    }
}

/// Prints a line of figures where the CI log shows it: straight to the process's stderr, which
/// the test harness does not capture (it captures `print!` and `eprint!` only).
fn figures(line: &str) {
    let _ = writeln!(std::io::stderr(), "chaos figures: {line}");
}

/// The request log of the last run, then cleared; fails if the log may have dropped some.
fn take_log(emu: &Emulator) -> Vec<Value> {
    let log = requests(emu);
    forget_requests(emu);
    assert!(
        log.len() < LOG_CAPACITY,
        "the run made {} requests or more: the log keeps the last {LOG_CAPACITY} only, so the checks would miss some",
        log.len()
    );
    log
}

/// The attempts of one action in a run's log, checked: each carries a ClientToken, each item
/// (named by the values of `key`) was sent with one token only and each token names one item,
/// and each item's last attempt was answered (200, not dropped). Returns the attempts per item.
fn attempts_per_item(log: &[Value], action: &str, key: &[&str]) -> BTreeMap<String, usize> {
    let mut token_of: BTreeMap<String, String> = BTreeMap::new();
    let mut item_of: BTreeMap<String, String> = BTreeMap::new();
    let mut attempts: BTreeMap<String, usize> = BTreeMap::new();
    let mut last: BTreeMap<String, &Value> = BTreeMap::new();
    for r in log.iter().filter(|r| r["action"] == action) {
        let p = &r["parameters"];
        let token = p["ClientToken"]
            .as_str()
            .unwrap_or_else(|| panic!("{action} without a ClientToken: {r}"))
            .to_string();
        let item = key
            .iter()
            .map(|k| p[*k].as_str().unwrap_or_else(|| panic!("no {k}: {r}")))
            .collect::<Vec<_>>()
            .join(" ");
        let t = token_of
            .entry(item.clone())
            .or_insert_with(|| token.clone());
        assert_eq!(*t, token, "{action} {item} was retried with another token");
        let i = item_of.entry(token.clone()).or_insert_with(|| item.clone());
        assert_eq!(*i, item, "{action}: token {token} was sent for two items");
        *attempts.entry(item.clone()).or_default() += 1;
        last.insert(item, r);
    }
    for (item, r) in &last {
        assert!(
            r["status"] == 200 && r["dropped"] == false,
            "{action} {item}: the last attempt was not answered, yet the run ended: {r}"
        );
    }
    attempts
}

/// `bgpeer -o json --max-attempts 10 ...`: one item in ten meets a 503 or a dropped answer, so
/// ten tries per item make a run that fails on faults one time in billions.
fn chaos_cmd(sb: &Sandbox, emu: &Emulator) -> Command {
    let mut c = sh(sb, emu);
    c.args(["--max-attempts", "10"]);
    c
}

/// The active cn-shanghai VBRs of the seeded world, `n` of them.
pub(crate) fn vbrs(sb: &Sandbox, emu: &Emulator, n: usize) -> Vec<String> {
    let all = ok_json(sh(sb, emu).args(["vbr", "list"]));
    let ids: Vec<String> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["Status"] == "active")
        .map(|v| v["VbrId"].as_str().unwrap().to_string())
        .take(n)
        .collect();
    assert_eq!(ids.len(), n, "the seeded world has fewer active VBRs");
    ids
}

/// One group on each VBR (in parallel, four processes at a time); their IDs in VBR order.
fn groups_on(sb: &Sandbox, emu: &Emulator, vbrs: &[String]) -> Vec<String> {
    let vbrs: Vec<&str> = vbrs.iter().map(String::as_str).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = vbrs
            .chunks(vbrs.len().div_ceil(4))
            .map(|chunk| s.spawn(move || crate::cli_network_bulk::groups_on(sb, emu, chunk)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

/// The peer items of a wave: `per_group` in each group, addresses unique to the wave.
fn peer_items(groups: &[String], per_group: usize, wave: usize) -> Vec<(String, String)> {
    let mut items = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        for i in 0..per_group {
            items.push((g.clone(), format!("10.{gi}.{}.2", wave * per_group + i)));
        }
    }
    items
}

fn ndjson(lines: impl IntoIterator<Item = Value>) -> String {
    lines.into_iter().map(|l| l.to_string() + "\n").collect()
}

/// Every peer of the region, listed without faults: (group, address) -> IDs.
fn live_peers(sb: &Sandbox, emu: &Emulator) -> BTreeMap<(String, String), Vec<String>> {
    let mut live: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for p in ok_json(sh(sb, emu).args(["peer", "list"]))
        .as_array()
        .unwrap()
    {
        live.entry((
            p["BgpGroupId"].as_str().unwrap().to_string(),
            p["PeerIpAddress"].as_str().unwrap().to_string(),
        ))
        .or_default()
        .push(p["BgpPeerId"].as_str().unwrap().to_string());
    }
    live
}

/// Duplicates (an item that exists more than once) and lost items (one that does not exist) of
/// `items` in `live`, and whether anything else exists.
fn compare(
    items: &[(String, String)],
    live: &BTreeMap<(String, String), Vec<String>>,
) -> (usize, usize, usize) {
    let wanted: BTreeSet<&(String, String)> = items.iter().collect();
    let duplicates = live.values().map(|ids| ids.len().saturating_sub(1)).sum();
    let lost = items.iter().filter(|i| !live.contains_key(*i)).count();
    let extra = live.keys().filter(|k| !wanted.contains(k)).count();
    (duplicates, lost, extra)
}

/// A bulk run's stdout, checked: one result per item, in input order, every one Ok.
fn all_ok(out: &str, n: usize) -> Vec<Value> {
    let results = json(out);
    let results = results.as_array().unwrap().clone();
    assert_eq!(results.len(), n);
    for (i, r) in results.iter().enumerate() {
        assert_eq!(r["Index"], i, "{r}");
        assert_eq!(r["Ok"], true, "{r}");
    }
    results
}

#[derive(Default)]
struct Tally {
    operations: usize,
    requests: usize,
    retries: usize,
    faults: Faults,
    duplicates: usize,
    lost: usize,
}

impl Tally {
    /// Adds a run: its log, its faults (checked against the log), and the attempts of its items.
    fn run(&mut self, log: &[Value], faults: Faults, attempts: &BTreeMap<String, usize>) {
        assert_eq!(
            faults,
            logged_faults(log),
            "the faults' own counts and the request log disagree"
        );
        self.operations += attempts.len();
        self.requests += log.len();
        self.retries += attempts.values().map(|a| a - 1).sum::<usize>();
        self.faults.add(faults);
    }

    fn line(&self, what: &str, took: Duration) -> String {
        let f = &self.faults;
        format!(
            "{what}: {} operations in {} requests ({:.1} s): {} throttled, {} ServiceUnavailable, {} answers dropped after the commit, {} delayed 0-20 ms; {} retries; {} duplicates, {} lost",
            self.operations,
            self.requests,
            took.as_secs_f64(),
            f.throttled,
            f.unavailable,
            f.dropped,
            f.delayed,
            self.retries,
            self.duplicates,
            self.lost
        )
    }
}

/// 1,024 peers created and deleted, in two waves of 512 on 64 VBRs (the seeded world holds 640
/// in cn-shanghai), by bulk runs under every fault at once; after each run the state is the
/// input exactly and the report says so.
#[test]
fn a_thousand_peers_created_and_deleted_under_every_fault_exactly_once() {
    const GROUPS: usize = 64;
    const PER_GROUP: usize = 8;
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let groups = groups_on(&sb, &emu, &vbrs(&sb, &emu, GROUPS));
    let started = Instant::now();
    let mut tally = Tally::default();
    for wave in 0..2 {
        let items = peer_items(&groups, PER_GROUP, wave);
        let n = items.len();
        std::fs::write(
            sb.path("peers.ndjson"),
            ndjson(
                items
                    .iter()
                    .map(|(g, ip)| json!({"BgpGroupId": g, "PeerIpAddress": ip})),
            ),
        )
        .unwrap();

        // Create.
        forget_requests(&emu);
        admin(&emu, "PUT", "faults", &chaos_faults(BULK_RPS));
        let (code, out, err) = run(chaos_cmd(&sb, &emu).args([
            "peer",
            "create",
            "--from-file",
            sb.path("peers.ndjson").to_str().unwrap(),
            "--concurrency",
            "16",
        ]));
        let faults = fired(&emu);
        let log = take_log(&emu);
        let attempts = attempts_per_item(&log, "CreateBgpPeer", &["BgpGroupId", "PeerIpAddress"]);
        assert_eq!(code, 0, "stderr: {err}");
        assert!(
            err.contains(&format!("{n} of {n} items created, 0 failed, 0 not sent")),
            "{err}"
        );
        assert_eq!(attempts.len(), n, "items sent");
        tally.run(&log, faults, &attempts);
        // The report is the state: each item once, with the ID and the fields it was made with.
        let results = all_ok(&out, n);
        let live = live_peers(&sb, &emu);
        let (duplicates, lost, extra) = compare(&items, &live);
        tally.duplicates += duplicates;
        tally.lost += lost;
        assert_eq!(
            (duplicates, lost, extra),
            (0, 0, 0),
            "duplicates, lost, extra"
        );
        let mut ids = Vec::new();
        for (r, (g, ip)) in results.iter().zip(&items) {
            let p = &r["Resource"];
            assert_eq!(
                (&p["BgpGroupId"], &p["PeerIpAddress"]),
                (&json!(g), &json!(ip))
            );
            assert_eq!(p["Status"], "Available", "{r}");
            let id = p["BgpPeerId"].as_str().unwrap().to_string();
            assert_eq!(
                live[&(g.clone(), ip.clone())],
                std::slice::from_ref(&id),
                "{r}"
            );
            ids.push(id);
        }

        // Delete what was made, named by the report's IDs.
        std::fs::write(
            sb.path("delete.ndjson"),
            ndjson(ids.iter().map(|id| json!({"BgpPeerId": id}))),
        )
        .unwrap();
        forget_requests(&emu);
        admin(&emu, "PUT", "faults", &chaos_faults(BULK_RPS));
        let (code, out, err) = run(chaos_cmd(&sb, &emu).args([
            "peer",
            "delete",
            "--from-file",
            sb.path("delete.ndjson").to_str().unwrap(),
            "--yes",
            "--concurrency",
            "16",
        ]));
        let faults = fired(&emu);
        let log = take_log(&emu);
        let attempts = attempts_per_item(&log, "DeleteBgpPeer", &["BgpPeerId"]);
        assert_eq!(code, 0, "stderr: {err}");
        assert!(
            err.contains(&format!("{n} of {n} items deleted, 0 failed, 0 not sent")),
            "{err}"
        );
        assert_eq!(attempts.len(), n, "items sent");
        tally.run(&log, faults, &attempts);
        for (r, id) in all_ok(&out, n).iter().zip(&ids) {
            assert_eq!(r["Resource"]["BgpPeerId"], json!(id), "{r}");
        }
        let live = live_peers(&sb, &emu);
        assert!(live.is_empty(), "left after the delete: {live:?}");
    }
    // Every kind of fault happened, or the soak proves less than it says.
    let f = tally.faults;
    assert!(
        f.throttled > 0 && f.unavailable > 0 && f.dropped > 0 && f.delayed > 0,
        "{f:?}"
    );
    assert_eq!(tally.operations, 2048);
    figures(&tally.line("bulk create + delete of 1,024 peers", started.elapsed()));
}

/// Runs `cmd` (a bulk run of `n` items of `action`) and kills the emulator with SIGKILL once a
/// quarter of the items are acknowledged, while the rest are in flight or waiting; returns what
/// the run printed.
fn run_killed(
    emu: &mut Emulator,
    cmd: &mut Command,
    action: &str,
    n: usize,
) -> (i32, String, String) {
    forget_requests(emu);
    let child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn bgpeer");
    let until = Instant::now() + Duration::from_secs(120);
    loop {
        let acked = requests(emu)
            .iter()
            .filter(|r| r["action"] == action && r["status"] == 200 && r["dropped"] == false)
            .count();
        if acked >= n / 4 {
            break;
        }
        assert!(Instant::now() < until, "the run made no progress");
        std::thread::sleep(Duration::from_millis(5));
    }
    emu.kill_9();
    let out = child.wait_with_output().expect("wait for bgpeer");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// What a run cut short by the kill reported: (index, result) of the items reported done, after
/// checking that the others failed or were not sent, each with the token `base-INDEX`.
fn cut_short(out: &str, n: usize, base: &str) -> BTreeMap<usize, Value> {
    let results = json(out);
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), n, "one result per item");
    let mut done = BTreeMap::new();
    for (i, r) in results.iter().enumerate() {
        assert_eq!(r["Index"], i, "{r}");
        if r["Ok"] == true {
            done.insert(i, r["Resource"].clone());
        } else {
            assert!(
                ["transport", "skipped"].contains(&r["Error"]["Kind"].as_str().unwrap()),
                "{r}"
            );
            assert_eq!(r["Item"]["ClientToken"], format!("{base}-{i}"), "{r}");
        }
    }
    assert!(
        !done.is_empty() && done.len() < n,
        "the kill did not land in the middle of the run: {} of {n} done",
        done.len()
    );
    done
}

/// kill -9 in the middle of a bulk create, and again of a bulk delete: after a restart on the
/// same state file every acknowledged change is there, and the same file run again with the same
/// `--client-token` ends with every item exactly once, each with the same ID as before the kill.
#[test]
fn kill_9_mid_bulk_run_then_the_same_run_again_does_everything_exactly_once() {
    // Every change is written to the state file (and fsynced) before it is answered, one at a
    // time: 128 items keep the run short.
    const GROUPS: usize = 16;
    const PER_GROUP: usize = 8;
    let sb = Sandbox::new();
    let state = sb.path("state.json");
    let mut emu = Emulator::start_with(&[
        "--settle-ms",
        "0",
        "--state",
        state.to_str().unwrap(),
        "--fault",
        "kind=latency,ms=5,jitter_ms=10",
    ]);
    let started = Instant::now();
    let groups = groups_on(&sb, &emu, &vbrs(&sb, &emu, GROUPS));
    let items = peer_items(&groups, PER_GROUP, 0);
    let n = items.len();
    let file = sb.path("peers.ndjson");
    std::fs::write(
        &file,
        ndjson(
            items
                .iter()
                .map(|(g, ip)| json!({"BgpGroupId": g, "PeerIpAddress": ip})),
        ),
    )
    .unwrap();
    let create = |emu: &Emulator| {
        let mut c = sh(&sb, emu);
        c.args(["peer", "create", "--from-file"]).arg(&file).args([
            "--client-token",
            "soak",
            "--concurrency",
            "8",
        ]);
        c
    };

    // Create, killed in the middle.
    let mut cmd = create(&emu);
    let (code, out, err) = run_killed(&mut emu, &mut cmd, "CreateBgpPeer", n);
    assert_eq!(code, 7, "a network failure: {err}");
    let acked = cut_short(&out, n, "soak");
    emu.restart();
    let live = live_peers(&sb, &emu);
    for (i, p) in &acked {
        assert_eq!(
            live.get(&items[*i]),
            Some(&vec![p["BgpPeerId"].as_str().unwrap().to_string()]),
            "acknowledged item {i} lost by the kill"
        );
    }
    let unanswered = live.len() - acked.len();

    // The same run again: every item once, the acknowledged ones with the IDs they had.
    forget_requests(&emu);
    let (code, out, err) = run(&mut create(&emu));
    assert_eq!(code, 0, "stderr: {err}");
    let results = all_ok(&out, n);
    let log = take_log(&emu);
    let attempts = attempts_per_item(&log, "CreateBgpPeer", &["BgpGroupId", "PeerIpAddress"]);
    assert_eq!(attempts.len(), n);
    for r in log.iter().filter(|r| r["action"] == "CreateBgpPeer") {
        let p = &r["parameters"];
        let i = items
            .iter()
            .position(|(g, ip)| p["BgpGroupId"] == *g && p["PeerIpAddress"] == *ip)
            .unwrap();
        assert_eq!(
            p["ClientToken"],
            format!("soak-{i}"),
            "the same token as before"
        );
    }
    for (i, p) in &acked {
        assert_eq!(
            results[*i]["Resource"]["BgpPeerId"], p["BgpPeerId"],
            "item {i}"
        );
    }
    let live = live_peers(&sb, &emu);
    assert_eq!(compare(&items, &live), (0, 0, 0), "duplicates, lost, extra");
    let ids: Vec<String> = results
        .iter()
        .map(|r| r["Resource"]["BgpPeerId"].as_str().unwrap().to_string())
        .collect();
    for (id, item) in ids.iter().zip(&items) {
        assert_eq!(live[item], std::slice::from_ref(id));
    }
    let create_figures = format!(
        "create {n}: {} acknowledged before the kill, {unanswered} committed without an answer",
        acked.len()
    );

    // Delete, killed in the middle.
    let del_file = sb.path("delete.ndjson");
    std::fs::write(
        &del_file,
        ndjson(ids.iter().map(|id| json!({"BgpPeerId": id}))),
    )
    .unwrap();
    let delete = |emu: &Emulator| {
        let mut c = sh(&sb, emu);
        c.args(["peer", "delete", "--from-file"])
            .arg(&del_file)
            .args(["--yes", "--client-token", "unsoak", "--concurrency", "8"]);
        c
    };
    let mut cmd = delete(&emu);
    let (code, out, err) = run_killed(&mut emu, &mut cmd, "DeleteBgpPeer", n);
    assert_eq!(code, 7, "a network failure: {err}");
    let acked = cut_short(&out, n, "unsoak");
    emu.restart();
    let live = live_peers(&sb, &emu);
    let live_ids: BTreeSet<&String> = live.values().flatten().collect();
    for i in acked.keys() {
        assert!(
            !live_ids.contains(&ids[*i]),
            "acknowledged delete of item {i} undone by the kill"
        );
    }
    let unanswered = n - live.len() - acked.len();

    // The same run again: deletes already done are answered from the tokens the state kept.
    let (code, out, err) = run(&mut delete(&emu));
    assert_eq!(code, 0, "stderr: {err}");
    for (r, id) in all_ok(&out, n).iter().zip(&ids) {
        assert_eq!(r["Resource"]["BgpPeerId"], json!(id), "{r}");
    }
    let log = take_log(&emu);
    assert_eq!(
        attempts_per_item(&log, "DeleteBgpPeer", &["BgpPeerId"]).len(),
        n
    );
    let live = live_peers(&sb, &emu);
    assert!(live.is_empty(), "left after the delete: {live:?}");
    figures(&format!(
        "kill -9 mid bulk run, restart on the same state file, same run again: {create_figures}; delete {n}: {} acknowledged before the kill, {unanswered} committed without an answer; after the reruns 0 duplicates, 0 lost ({:.1} s)",
        acked.len(),
        started.elapsed().as_secs_f64()
    ));
}

/// `bgpeer apply` of a 16-VBR file (32 groups, 112 peers, 32 networks) under every fault at
/// once: every object of the file exists once and nothing else, every create's attempts carried
/// one token, the report's IDs are the live objects', and a plan afterwards has nothing to do.
#[test]
fn a_16_vbr_apply_under_every_fault_makes_the_file_exactly_once() {
    const VBRS: usize = 16;
    const CORE_PEERS: usize = 6;
    let emu = Emulator::start_with(&["--settle-ms", "200"]);
    let sb = Sandbox::new();
    let vbrs = vbrs(&sb, &emu, VBRS);
    let vbr_refs: Vec<&str> = vbrs.iter().map(String::as_str).collect();
    let file = sb.path("bgp.yaml");
    std::fs::write(&file, crate::declarative::set_up(&vbr_refs, CORE_PEERS)).unwrap();
    // What the file asks for (see `set_up`): per VBR a group `core` with CORE_PEERS peers and a
    // group `edge` with one, and two networks.
    let mut groups_wanted = BTreeSet::new();
    let mut peers_wanted = BTreeSet::new();
    let mut nets_wanted = BTreeSet::new();
    for (vi, v) in vbrs.iter().enumerate() {
        groups_wanted.insert((v.clone(), "core".to_string()));
        groups_wanted.insert((v.clone(), "edge".to_string()));
        for p in 0..CORE_PEERS {
            peers_wanted.insert((v.clone(), "core".to_string(), format!("10.{vi}.{p}.2")));
        }
        peers_wanted.insert((v.clone(), "edge".to_string(), format!("10.{vi}.200.2")));
        nets_wanted.insert((v.clone(), format!("192.168.{vi}.0/24")));
        nets_wanted.insert((v.clone(), format!("172.16.{vi}.0/24")));
    }
    let changes = groups_wanted.len() + peers_wanted.len() + nets_wanted.len();

    let started = Instant::now();
    forget_requests(&emu);
    admin(&emu, "PUT", "faults", &chaos_faults(APPLY_RPS));
    let (code, out, err) = run(crate::declarative::sh(&sb, &emu)
        .args(["--max-attempts", "10", "-o", "json", "apply", "-f"])
        .arg(&file)
        .arg("--yes"));
    let took = started.elapsed();
    let faults = fired(&emu);
    assert_eq!(code, 0, "stdout: {out}\nstderr: {err}");
    let log = take_log(&emu);
    let mut tally = Tally::default();
    let mut attempts = attempts_per_item(&log, "CreateBgpGroup", &["RouterId", "Name"]);
    assert_eq!(attempts.len(), groups_wanted.len());
    let peer_attempts = attempts_per_item(&log, "CreateBgpPeer", &["BgpGroupId", "PeerIpAddress"]);
    assert_eq!(peer_attempts.len(), peers_wanted.len());
    let net_attempts = attempts_per_item(&log, "AddBgpNetwork", &["RouterId", "DstCidrBlock"]);
    assert_eq!(net_attempts.len(), nets_wanted.len());
    attempts.extend(
        peer_attempts
            .into_iter()
            .map(|(k, v)| (format!("peer {k}"), v)),
    );
    attempts.extend(
        net_attempts
            .into_iter()
            .map(|(k, v)| (format!("net {k}"), v)),
    );
    tally.run(&log, faults, &attempts);
    assert_eq!(tally.operations, changes);

    // The live set-up, read without faults.
    let groups = ok_json(sh(&sb, &emu).args(["group", "list"]));
    let mut group_names = BTreeMap::new();
    let mut groups_live = Vec::new();
    for g in groups.as_array().unwrap() {
        let id = g["BgpGroupId"].as_str().unwrap().to_string();
        let key = (
            g["RouterId"].as_str().unwrap().to_string(),
            g["Name"].as_str().unwrap().to_string(),
        );
        group_names.insert(id.clone(), key.clone());
        groups_live.push((key, id));
    }
    let mut peers_live = Vec::new();
    for p in ok_json(sh(&sb, &emu).args(["peer", "list"]))
        .as_array()
        .unwrap()
    {
        let (vbr, name) = group_names[p["BgpGroupId"].as_str().unwrap()].clone();
        peers_live.push((
            (vbr, name, p["PeerIpAddress"].as_str().unwrap().to_string()),
            p["BgpPeerId"].as_str().unwrap().to_string(),
        ));
    }
    let mut nets_live = Vec::new();
    for n in ok_json(sh(&sb, &emu).args(["network", "list"]))
        .as_array()
        .unwrap()
    {
        nets_live.push((
            n["RouterId"].as_str().unwrap().to_string(),
            n["DstCidrBlock"].as_str().unwrap().to_string(),
        ));
    }
    // Exactly the file, each object once.
    let live_keys: Vec<String> = groups_live
        .iter()
        .map(|(k, _)| format!("{k:?}"))
        .chain(peers_live.iter().map(|(k, _)| format!("{k:?}")))
        .chain(nets_live.iter().map(|k| format!("{k:?}")))
        .collect();
    let wanted_keys: BTreeSet<String> = groups_wanted
        .iter()
        .map(|k| format!("{k:?}"))
        .chain(peers_wanted.iter().map(|k| format!("{k:?}")))
        .chain(nets_wanted.iter().map(|k| format!("{k:?}")))
        .collect();
    let unique: BTreeSet<&String> = live_keys.iter().collect();
    tally.duplicates = live_keys.len() - unique.len();
    tally.lost = wanted_keys.iter().filter(|k| !unique.contains(k)).count();
    let once = |live: Vec<String>, wanted: usize, what: &str| {
        let unique: BTreeSet<&String> = live.iter().collect();
        assert_eq!(unique.len(), live.len(), "a duplicate {what}: {live:?}");
        assert_eq!(live.len(), wanted, "{what}s: {live:?}");
    };
    let gk: BTreeSet<_> = groups_live.iter().map(|(k, _)| k.clone()).collect();
    assert_eq!(gk, groups_wanted);
    once(
        groups_live.iter().map(|(k, _)| format!("{k:?}")).collect(),
        groups_wanted.len(),
        "group",
    );
    let pk: BTreeSet<_> = peers_live.iter().map(|(k, _)| k.clone()).collect();
    assert_eq!(pk, peers_wanted);
    once(
        peers_live.iter().map(|(k, _)| format!("{k:?}")).collect(),
        peers_wanted.len(),
        "peer",
    );
    let nk: BTreeSet<_> = nets_live.iter().cloned().collect();
    assert_eq!(nk, nets_wanted);
    once(
        nets_live.iter().map(|k| format!("{k:?}")).collect(),
        nets_wanted.len(),
        "network",
    );
    // The report: one done change per object, with the live object's ID.
    let report = json(&out);
    let report = report.as_array().unwrap();
    assert_eq!(report.len(), changes, "{out}");
    let live_ids: BTreeSet<String> = groups_live
        .iter()
        .map(|(_, id)| id.clone())
        .chain(peers_live.iter().map(|(_, id)| id.clone()))
        .collect();
    let mut reported_ids = BTreeSet::new();
    for r in report {
        assert_eq!(
            (&r["action"], &r["result"]),
            (&json!("create"), &json!("done")),
            "{r}"
        );
        if r["kind"] != "network" {
            reported_ids.insert(r["id"].as_str().unwrap().to_string());
        }
    }
    assert_eq!(
        reported_ids, live_ids,
        "the report's IDs are the live objects'"
    );
    // Nothing left to do.
    let (code, plan, err) = run(crate::declarative::sh(&sb, &emu)
        .args(["plan", "--detailed-exitcode", "-f"])
        .arg(&file));
    assert_eq!(code, 0, "{plan}{err}");
    let f = tally.faults;
    assert!(
        f.throttled > 0 && f.unavailable > 0 && f.dropped > 0 && f.delayed > 0,
        "{f:?}"
    );
    figures(&tally.line(&format!("apply of {VBRS} VBRs ({changes} changes)"), took));
}
