//! `bgpeer watch`.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::*;
use crate::support::*;

/// `bgpeer watch` started with its stdout and stderr piped.
fn spawn(cmd: &mut Command) -> Child {
    cmd.stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start bgpeer watch")
}

/// A running `bgpeer watch -o ndjson`, its events read line by line as they are printed.
struct Watching {
    child: Child,
    events: Receiver<Value>,
    seen: Vec<Value>,
}

impl Watching {
    fn start(cmd: &mut Command) -> Watching {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start bgpeer watch");
        let stdout = child.stdout.take().unwrap();
        let (tx, events) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let event: Value = serde_json::from_str(&line)
                    .unwrap_or_else(|e| panic!("not one JSON event per line ({e}): {line}"));
                if tx.send(event).is_err() {
                    break;
                }
            }
        });
        Watching {
            child,
            events,
            seen: Vec::new(),
        }
    }

    /// The next event that `wanted` matches (within 20 s), keeping every event read.
    fn until(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.events.recv_timeout(left) {
                Ok(e) => {
                    self.seen.push(e.clone());
                    if wanted(&e) {
                        return e;
                    }
                }
                Err(_) => panic!(
                    "no {what} event within 20 s; seen: {}",
                    serde_json::to_string_pretty(&self.seen).unwrap()
                ),
            }
        }
    }

    /// Ctrl-C; the exit code and stderr.
    fn interrupt(self) -> (i32, String) {
        interrupt(self.child.id());
        let out = self.child.wait_with_output().expect("wait");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

fn is(e: &Value, kind: &str, object: &str) -> bool {
    e["Kind"] == kind && e["ObjectId"] == object
}

#[test]
fn every_kind_of_event_as_it_happens_then_ctrl_c_sums_up() {
    let emu = Emulator::start_with(&["--settle-ms", "1500"]);
    let sb = Sandbox::new();
    let v = shanghai_vbrs(&sb, &emu, 1);
    let gw = vbr_field(&sb, &emu, &v[0], "PeerGatewayIp");
    let mut w = Watching::start(sb.cmd_at(&emu).args([
        "watch",
        &v[0],
        "--interval",
        "1",
        "--route-delta",
        "5",
        "-o",
        "ndjson",
    ]));
    std::thread::sleep(Duration::from_millis(1500));

    // A group appears, Pending, then becomes Available.
    let g = group(
        &sb,
        &emu,
        &v[0],
        &["--auth-key", "k", "--route-quota", "40", "--wait"],
    );
    let e = w.until("appeared", |e| is(e, "appeared", &g));
    assert_eq!(
        (e["ObjectType"].clone(), e["VbrId"].clone()),
        (json!("BgpGroup"), json!(v[0]))
    );
    assert_eq!(e["Field"], Value::Null);
    let e = w.until("status", |e| is(e, "status", &g));
    assert_eq!(
        (e["Old"].clone(), e["New"].clone()),
        (json!("Pending"), json!("Available"))
    );

    // A peer appears, and its session comes up.
    let p = peer(&sb, &emu, &g, &gw, &[]);
    w.until("appeared", |e| is(e, "appeared", &p));
    let e = w.until("session up", |e| {
        is(e, "session", &p) && e["New"] == "Established"
    });
    assert!(
        e["Message"].as_str().unwrap().starts_with("session up: "),
        "{e}"
    );
    assert_eq!(e["Field"], "BgpStatus");

    // Routes grow towards the limit (40): steps of 5 or more, then 80%, then the limit.
    add_fault(
        &emu,
        json!({"kind": "route_growth", "peer_id": p, "per_second": 12}),
    );
    let e = w.until("routes", |e| {
        is(e, "routes", &p) && e["Field"] == "ReceivedRouteCount"
    });
    assert!(e["New"].as_u64() > e["Old"].as_u64(), "{e}");
    let e = w.until("routes at the limit", |e| {
        is(e, "routes", &p)
            && e["Message"]
                .as_str()
                .unwrap()
                .contains("reached the RouteLimit 40")
    });
    assert_eq!(e["New"], 40);
    assert!(
        w.seen.iter().any(|e| is(e, "routes", &p)
            && e["Message"]
                .as_str()
                .unwrap()
                .contains("crossed 80% of the RouteLimit 40")),
        "{:?}",
        w.seen
    );
    admin(&emu, "DELETE", "faults", "");

    // The session flaps: down, then up.
    add_fault(
        &emu,
        json!({"kind": "session_flap", "peer_id": p, "period_ms": 4000, "down_ms": 2000}),
    );
    let e = w.until("session down", |e| {
        is(e, "session", &p) && e["Old"] == "Established"
    });
    assert!(
        e["Message"].as_str().unwrap().starts_with("session down: "),
        "{e}"
    );
    w.until("session up again", |e| {
        is(e, "session", &p) && e["New"] == "Established"
    });
    admin(&emu, "DELETE", "faults", "");

    // The peer is deleted: Deleting, then gone.
    let (code, _, err) = run(sb.cmd_at(&emu).args(["peer", "delete", &p, "--yes"]));
    assert_eq!(code, 0, "{err}");
    w.until("disappeared", |e| is(e, "disappeared", &p));

    // Every event has its time and the documented fields.
    for e in &w.seen {
        let keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "Time",
                "Kind",
                "VbrId",
                "ObjectType",
                "ObjectId",
                "Field",
                "Old",
                "New",
                "Message"
            ]
        );
        assert!(e["Time"].as_str().unwrap().ends_with('Z'), "{e}");
    }
    let n = w.seen.len();
    let (code, err) = w.interrupt();
    assert_eq!(code, 0, "Ctrl-C ends a watch with exit 0: {err}");
    let summary = err.lines().last().unwrap_or_default();
    assert!(summary.starts_with("watched 1 VBR for "), "{err}");
    assert!(
        summary.contains(&format!(": {n} events (")) || summary.contains(": "),
        "{summary}"
    );
    for kind in ["session", "status", "routes", "appeared", "disappeared"] {
        assert!(summary.contains(&format!(" {kind}")), "{kind} in {summary}");
    }
}

#[test]
fn until_established_ends_with_exit_0_and_timeout_with_exit_8() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let v = shanghai_vbrs(&sb, &emu, 1);
    let g = group(&sb, &emu, &v[0], &["--auth-key", "k"]);
    let p = gateway_peer(&sb, &emu, &v[0], &g);
    add_fault(&emu, json!({"kind": "session_down", "peer_id": p}));

    // Never up: --timeout ends it as a wait does.
    let (code, out, err) = run(sb.cmd_at(&emu).args([
        "watch",
        &v[0],
        "--until",
        "established",
        "--timeout",
        "2",
        "--interval",
        "1",
        "-o",
        "json",
    ]));
    assert_eq!(code, 8, "{err}");
    assert_eq!(json(&out), json!([]), "the JSON array is closed");
    assert!(
        err.contains("--until established did not hold within --timeout 2"),
        "{err}"
    );

    // Comes up once the fault is gone.
    let mut child = spawn(sb.cmd_at(&emu).args([
        "watch",
        &v[0],
        "--until",
        "established",
        "--timeout",
        "30",
        "--interval",
        "1",
        "-o",
        "ndjson",
    ]));
    std::thread::sleep(Duration::from_millis(2500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "still waiting while the session is down"
    );
    admin(&emu, "DELETE", "faults", "");
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(json)
        .collect();
    assert!(
        events
            .iter()
            .any(|e| is(e, "session", &p) && e["New"] == "Established"),
        "{events:?}"
    );

    // Already true: exit 0 at once, no event.
    let (code, out, _) =
        run(sb
            .cmd_at(&emu)
            .args(["watch", &v[0], "--until", "established", "-o", "ndjson"]));
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn until_a_jmespath_condition_and_count() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let v = shanghai_vbrs(&sb, &emu, 1);
    let mut child = spawn(sb.cmd_at(&emu).args([
        "watch",
        &v[0],
        "--interval",
        "1",
        "--until",
        "length([].BgpGroups[]) > `1`",
        "-o",
        "ndjson",
    ]));
    std::thread::sleep(Duration::from_millis(1500));
    group(&sb, &emu, &v[0], &["--auth-key", "k"]);
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "one group is not more than one"
    );
    group(&sb, &emu, &v[0], &["--auth-key", "k"]);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let n = String::from_utf8_lossy(&out.stdout).lines().count();
    assert_eq!(n, 2, "two groups appeared");

    // --count stops after N events, even when one poll sees more.
    let child = spawn(sb.cmd_at(&emu).args([
        "watch",
        &v[0],
        "--interval",
        "1",
        "--count",
        "1",
        "-o",
        "ndjson",
    ]));
    std::thread::sleep(Duration::from_millis(1500));
    group(&sb, &emu, &v[0], &["--auth-key", "k"]);
    group(&sb, &emu, &v[0], &["--auth-key", "k"]);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);

    // A bad expression is a usage error before anything is sent.
    forget_requests(&emu);
    let err = fails(
        sb.cmd_at(&emu)
            .args(["watch", &v[0], "--until", "length(("]),
        2,
    );
    assert!(
        err.contains("invalid --until") && err.contains("length(("),
        "{err}"
    );
    let err = fails(
        sb.cmd_at(&emu).args(["watch", &v[0], "--interval", "0.2"]),
        2,
    );
    assert!(
        err.contains("--interval 0.2 is below the floor of 1 s"),
        "{err}"
    );
    let err = fails(sb.cmd_at(&emu).args(["watch"]), 2);
    assert!(err.contains("--all"), "{err}");
    assert_eq!(actions(&emu), Vec::<String>::new());
}

#[test]
fn polling_is_one_list_per_kind_per_interval_and_backs_off_when_throttled() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let v = shanghai_vbrs(&sb, &emu, 2);
    forget_requests(&emu);
    let (code, out, err) = run(sb.cmd_at(&emu).args([
        "watch",
        &v[0],
        &v[1],
        "--interval",
        "1",
        "--duration",
        "3.5",
        "-o",
        "ndjson",
    ]));
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert!(
        err.contains("watched 2 VBRs for 4 s (4 polls): 0 events"),
        "{err}"
    );
    let acts = actions(&emu);
    for action in [
        "DescribeVirtualBorderRouters",
        "DescribeBgpGroups",
        "DescribeBgpPeers",
        "DescribeBgpNetworks",
    ] {
        let n = acts.iter().filter(|a| *a == action).count();
        assert_eq!(n, 4, "{action}: one list per poll ({acts:?})");
    }

    // Throttled beyond its retries: the poll is skipped, the interval doubles, the watch goes on.
    add_fault(
        &emu,
        json!({"kind": "throttle", "action": "DescribeBgpGroups", "rps": 0.01}),
    );
    let (code, _, err) = run(sb.cmd_at(&emu).args([
        "--max-attempts",
        "1",
        "watch",
        &v[0],
        "--interval",
        "1",
        "--duration",
        "6.5",
        "-o",
        "ndjson",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("a poll failed") && err.contains("the next one in 2 s"),
        "{err}"
    );
    assert!(err.contains("the next one in 4 s"), "{err}");
}

#[test]
fn on_a_terminal_the_table_is_redrawn_in_place() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let quoted = format!(
        "'{}' --endpoint '{}' --region cn-hangzhou watch vbr-bp1demo00000000000000 --interval 1 --duration 2.5",
        bin_path().display(),
        emu.endpoint
    );
    let mut c = Command::new("script");
    c.args(["-qec", &quoted, "/dev/null"])
        .env_clear()
        .env("HOME", sb.home())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("COLUMNS", "120")
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .env("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", TEST_KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", TEST_KEY_SECRET)
        .stdin(Stdio::null());
    let (code, out, err) = run(&mut c);
    assert_eq!(code, 0, "{out}{err}");
    let frames = out.matches("watching 1 VBR at ").count();
    assert!(frames >= 3, "a frame per poll: {out:?}");
    assert!(
        out.contains("\x1b[J"),
        "each frame replaces the last: {out:?}"
    );
    assert!(out.contains("bgp-bp1demo00000000000001"), "{out:?}");
    assert!(out.contains("latest events:"), "{out:?}");
}
