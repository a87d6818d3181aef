//! `--query EXPR` end to end: the real binary against a real emulator process. The query runs once
//! on the whole result (every page merged), after secrets are masked, and every output format
//! renders its result; a bad expression is exit 2 before anything is sent.

use serde_json::{json, Value};

use crate::cli_network_bulk::{groups_on, peer_items, sh, SH_VBRS};
use crate::support::*;

const DEMO_VBR: &str = "vbr-bp1demo00000000000000";
const DEMO_GROUP: &str = "bgpg-bp1demo00000000000000";

/// `bgpeer --region cn-hangzhou ARGS --query QUERY` (json unless ARGS say otherwise): stdout.
fn queried(sb: &Sandbox, emu: &Emulator, args: &[&str], query: &str) -> String {
    let mut c = sb.cmd_at(emu);
    c.args(["--region", "cn-hangzhou"]);
    if !args.contains(&"-o") {
        c.args(["-o", "json"]);
    }
    c.args(args).args(["--query", query]);
    let (code, stdout, stderr) = run(&mut c);
    assert_eq!(code, 0, "{args:?} --query {query}: {stderr}");
    stdout
}

#[test]
fn realistic_queries_give_the_expected_json() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let cases: &[(&[&str], &str, Value)] = &[
        (
            &["peer", "list"],
            "[?BgpStatus=='Established'].{id: BgpPeerId, ip: PeerIpAddress, bfd: EnableBfd}",
            json!([
                {"id": "bgp-bp1demo00000000000001", "ip": "10.255.0.2", "bfd": true},
                {"id": "bgp-bp1demo00000000000002", "ip": "10.255.0.6", "bfd": false},
            ]),
        ),
        (
            &["peer", "list"],
            "[?!EnableBfd].BgpPeerId",
            json!(["bgp-bp1demo00000000000002"]),
        ),
        (
            &["peer", "list", "--bgp-group-id", DEMO_GROUP],
            "sum([].ReceivedRouteCount)",
            json!(11),
        ),
        (
            &["group", "show", DEMO_GROUP],
            "{name: Name, asn: PeerAsn, local: LocalAsn}",
            json!({"name": "demo-idc", "asn": 65010, "local": 45104}),
        ),
        (
            &["vbr", "show", DEMO_VBR],
            "BgpGroups[].BgpPeers[].[BgpPeerId, BgpStatus]",
            json!([
                ["bgp-bp1demo00000000000001", "Established"],
                ["bgp-bp1demo00000000000002", "Established"],
            ]),
        ),
        (
            &["vbr", "show", DEMO_VBR],
            "BgpNetworks[].DstCidrBlock",
            json!(["192.168.10.0/24"]),
        ),
        (
            &["network", "list", "--router-id", DEMO_VBR],
            "[0].{cidr: DstCidrBlock, vpc: VpcId}",
            json!({"cidr": "192.168.10.0/24", "vpc": "vpc-bp1demo00000000000000"}),
        ),
        (
            &[
                "api",
                "DescribeBgpGroups",
                "--param",
                &format!("RouterId={DEMO_VBR}"),
            ],
            "BgpGroups.BgpGroup[].[BgpGroupId, PeerAsn]",
            json!([[DEMO_GROUP, "65010"]]),
        ),
        (
            &["whoami"],
            "{profile: Profile, verified: Verified}",
            json!({"profile": "default", "verified": true}),
        ),
        (
            &["export", DEMO_VBR],
            "vbrs[].groups[].peers[].peer_ip_address",
            json!(["10.255.0.2", "10.255.0.6"]),
        ),
        (
            &["region", "list"],
            "[?RegionId=='cn-hangzhou'].RegionId | [0]",
            json!("cn-hangzhou"),
        ),
        // Selects nothing: null, exit 0 (as the AWS CLI does).
        (&["peer", "list"], "[?BgpStatus=='Idle'] | [0]", Value::Null),
        (&["peer", "list"], "[?BgpStatus=='Idle']", json!([])),
    ];
    let mut problems = Vec::new();
    for (args, query, expected) in cases {
        let out = queried(&sb, &emu, args, query);
        let got: Value = serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("{args:?} --query {query}: not JSON ({e}): {out}"));
        if &got != expected {
            problems.push(format!(
                "{args:?} --query {query}:\n  got      {got}\n  expected {expected}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_query_runs_once_on_every_page_merged_and_on_bulk_results() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let groups = groups_on(&sb, &emu, SH_VBRS);
    // A bulk run's result array is queried whole, too.
    let items = sb.path("peers.ndjson");
    std::fs::write(&items, peer_items(&groups, 8)).unwrap();
    let created = run(sh(&sb, &emu)
        .args(["peer", "create", "--concurrency", "8", "--from-file"])
        .arg(&items)
        .args(["--query", "[?Ok] | length(@)"]));
    assert_eq!(created.0, 0, "{}", created.2);
    assert_eq!(created.1.trim(), "64");

    forget_requests(&emu);
    // 64 peers come in two pages (PageSize 50); the AWS CLI's text output would query each page.
    let out = run(sh(&sb, &emu).args(["peer", "list", "--query", "length(@)"])).1;
    assert_eq!(out.trim(), "64");
    let pages = requests(&emu)
        .iter()
        .filter(|r| r["action"] == "DescribeBgpPeers")
        .count();
    assert_eq!(pages, 2, "one request per page");
    let last = run(sh(&sb, &emu).args([
        "peer",
        "list",
        "--query",
        "[-1:].PeerIpAddress",
        "-o",
        "value",
    ]))
    .1;
    let all = ok_json(sh(&sb, &emu).args(["peer", "list"]));
    let expected_last = all.as_array().unwrap().last().unwrap()["PeerIpAddress"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(last, format!("{expected_last}\n"));
    let in_group = run(sh(&sb, &emu).args([
        "peer",
        "list",
        "--query",
        &format!("[?BgpGroupId=='{}'].BgpPeerId", groups[7]),
        "-o",
        "value",
    ]))
    .1;
    assert_eq!(in_group.lines().count(), 8, "{in_group}");
}

#[test]
fn every_output_format_renders_the_result() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let q = |format: &str, query: &str, extra: &[&str]| {
        let mut args = vec!["peer", "list", "-o", format];
        args.extend(extra);
        queried(&sb, &emu, &args, query)
    };
    // An array of values: one per line, for shell loops.
    assert_eq!(
        q("value", "[?BgpStatus=='Established'].BgpPeerId", &[]),
        "bgp-bp1demo00000000000001\nbgp-bp1demo00000000000002\n"
    );
    // Objects the query made: their own keys, in the expression's order.
    assert_eq!(
        q("tsv", "[].{ip: PeerIpAddress, id: BgpPeerId}", &[]),
        "ip\tid\n10.255.0.2\tbgp-bp1demo00000000000001\n10.255.0.6\tbgp-bp1demo00000000000002\n"
    );
    assert_eq!(
        q("value", "[].{ip: PeerIpAddress, id: BgpPeerId}", &[]),
        "10.255.0.2\tbgp-bp1demo00000000000001\n10.255.0.6\tbgp-bp1demo00000000000002\n"
    );
    // Peers the query kept whole: the command's own columns, so value still prints IDs...
    assert_eq!(
        q("value", "[?EnableBfd]", &[]),
        "bgp-bp1demo00000000000001\n"
    );
    let table = q("table", "[?EnableBfd]", &[]);
    assert!(table.starts_with("BgpPeerId"), "{table}");
    assert!(
        table.contains("10.255.0.2") && !table.contains("10.255.0.6"),
        "{table}"
    );
    // ... and --fields picks columns of the query's result.
    assert_eq!(
        q(
            "tsv",
            "[?EnableBfd]",
            &["--fields", "PeerIpAddress,BgpStatus"]
        ),
        "PeerIpAddress\tBgpStatus\n10.255.0.2\tEstablished\n"
    );
    assert_eq!(
        q(
            "tsv",
            "[].{ip: PeerIpAddress, id: BgpPeerId}",
            &["--fields", "id"]
        ),
        "id\nbgp-bp1demo00000000000001\nbgp-bp1demo00000000000002\n"
    );
    // Rows of values (a multi-select list) are tab-separated.
    assert_eq!(
        q("value", "[].[BgpPeerId, PeerIpAddress]", &[]),
        "bgp-bp1demo00000000000001\t10.255.0.2\nbgp-bp1demo00000000000002\t10.255.0.6\n"
    );
    // One object: a record; one value: bare.
    let record = q("table", "[0].{ip: PeerIpAddress, status: BgpStatus}", &[]);
    assert!(
        record.contains("ip") && record.contains("10.255.0.2"),
        "{record}"
    );
    assert!(
        record.contains("status") && record.contains("Established"),
        "{record}"
    );
    assert_eq!(q("table", "length(@)", &[]), "2\n");
    assert_eq!(q("value", "[0].PeerIpAddress", &[]), "10.255.0.2\n");
    // ndjson: one line per element.
    assert_eq!(
        q("ndjson", "[].{id: BgpPeerId}", &[]),
        "{\"id\":\"bgp-bp1demo00000000000001\"}\n{\"id\":\"bgp-bp1demo00000000000002\"}\n"
    );
    // Nothing selected: `null` in json, nothing elsewhere; exit 0 all the same.
    assert_eq!(q("json", "[0].NoSuchField", &[]), "null\n");
    for format in ["table", "tsv", "value", "ndjson", "none"] {
        assert_eq!(q(format, "[0].NoSuchField", &[]), "", "{format}");
    }
}

#[test]
fn a_query_never_reveals_a_masked_auth_key() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let secret = "s3cret-Key-1";
    let group = ok_json(
        sb.cmd_at(&emu)
            .args(["--region", "cn-hangzhou", "-o", "json", "group", "create"])
            .args(["--router-id", DEMO_VBR, "--peer-asn", "65001"])
            .env("BGPEER_AUTH_KEY", secret),
    );
    let id = group["BgpGroupId"].as_str().unwrap();
    for query in [
        "AuthKey",
        "length(AuthKey)",
        "contains(AuthKey, 's3cret')",
        "starts_with(AuthKey, 's')",
        "@",
        "to_string(@)",
        "values(@)",
    ] {
        let out = queried(&sb, &emu, &["group", "show", id], query);
        assert!(
            !out.contains(secret),
            "--query {query} revealed the key: {out}"
        );
        if query == "AuthKey" {
            assert_eq!(out, "\"****\"\n");
        }
        if query.starts_with("contains") || query.starts_with("starts_with") {
            assert_eq!(out, "false\n", "--query {query}");
        }
    }
    let vbr = queried(&sb, &emu, &["vbr", "show", DEMO_VBR], "BgpGroups[].AuthKey");
    assert!(!vbr.contains(secret), "{vbr}");
    // Only --show-secrets shows it.
    let shown = queried(
        &sb,
        &emu,
        &["group", "show", id, "--show-secrets"],
        "AuthKey",
    );
    assert_eq!(shown, format!("\"{secret}\"\n"));
}

#[test]
fn a_bad_query_is_exit_2_before_anything_is_sent() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    forget_requests(&emu);
    let bad = |query: &str, args: &[&str]| -> String {
        let mut c = sb.cmd_at(&emu);
        c.args(["--region", "cn-hangzhou", "--error-format", "text"])
            .args(args)
            .args(["--query", query]);
        fails(&mut c, 2)
    };
    let err = bad("[?BgpStatus=='Established'", &["peer", "list"]);
    assert!(err.contains("error: invalid --query: "), "{err}");
    // The expression, then a caret under the place the parser stopped.
    let lines: Vec<&str> = err.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim() == "[?BgpStatus=='Established'")
        .unwrap_or_else(|| panic!("expression not shown: {err}"));
    let caret = lines[at + 1];
    assert_eq!(caret.trim(), "^", "{err}");
    assert_eq!(caret.find('^'), Some(lines[at].len()), "{err}");
    assert!(
        err.contains("hint: --query takes a JMESPath expression"),
        "{err}"
    );

    let err = bad("[].{id: BgpPeerId", &["peer", "list"]);
    assert!(err.contains("invalid --query"), "{err}");
    let err = bad("sort_by_ip(@)", &["peer", "list"]);
    assert!(err.contains("there is no function sort_by_ip()"), "{err}");
    // Even a command that changes something sends nothing.
    let err = bad(
        "[",
        &[
            "peer",
            "create",
            "--bgp-group-id",
            DEMO_GROUP,
            "--peer-ip",
            "10.255.0.10",
        ],
    );
    assert!(err.contains("invalid --query"), "{err}");
    // A command with no result to query says so.
    let err = bad("@", &["emulator", "reset"]);
    assert!(
        err.contains("--query does not apply to `bgpeer emulator`"),
        "{err}"
    );
    let err = bad("@", &["completions", "bash"]);
    assert!(err.contains("--query does not apply"), "{err}");
    assert!(requests(&emu).is_empty(), "sent {:?}", actions(&emu));

    // In JSON, the error keeps its caret lines in the message.
    let mut c = sb.cmd_at(&emu);
    c.args([
        "--region",
        "cn-hangzhou",
        "-o",
        "json",
        "peer",
        "list",
        "--query",
        "[?",
    ]);
    let (code, _, stderr) = run(&mut c);
    assert_eq!(code, 2);
    let err: Value = serde_json::from_str(stderr.trim()).unwrap();
    assert_eq!(err["error"]["kind"], "usage");
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .ends_with("\n[?\n  ^"),
        "{err}"
    );
}

#[test]
fn a_query_that_fails_on_the_data_is_exit_2_and_says_the_command_ran() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let mut c = sb.cmd_at(&emu);
    c.args([
        "--region",
        "cn-hangzhou",
        "--error-format",
        "text",
        "peer",
        "list",
    ])
    .args(["--query", "sum([].PeerIpAddress)"]);
    let err = fails(&mut c, 2);
    assert!(err.contains("--query failed on the result"), "{err}");
    assert!(err.contains("the command itself finished"), "{err}");
}

#[test]
fn plan_and_configure_list_are_queried_whole() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let file = sb.path("bgp.yaml");
    let export = run(sb
        .cmd_at(&emu)
        .args(["--region", "cn-hangzhou", "export", DEMO_VBR]))
    .1;
    // One change: the second peer turns BFD on.
    let changed = export.replacen("enable_bfd: false", "enable_bfd: true", 1);
    assert_ne!(changed, export);
    std::fs::write(&file, &changed).unwrap();
    let plan = queried(
        &sb,
        &emu,
        &["plan", "-f", file.to_str().unwrap()],
        "[changes[].id, summary.update]",
    );
    let full: Value = serde_json::from_str(
        &run(sb
            .cmd_at(&emu)
            .args(["--region", "cn-hangzhou", "-o", "json", "plan", "-f"])
            .arg(&file))
        .1,
    )
    .unwrap();
    let plan: Value = serde_json::from_str(&plan).unwrap();
    assert_eq!(plan, json!([["bgp-bp1demo00000000000002"], 1]));
    assert_eq!(full["summary"]["update"], 1);
    let profiles = queried(&sb, &emu, &["configure", "list"], "Profiles[].Name");
    let names: Value = serde_json::from_str(&profiles).unwrap();
    assert!(
        names.as_array().unwrap().iter().any(|n| n == "emulator"),
        "{names}"
    );
}
