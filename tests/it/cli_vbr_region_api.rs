//! `region list`, `vbr list`, `vbr show` and `api` end to end: the real binary against a real
//! emulator process, plus the output contract (formats, --fields, masking, stdout/stderr, pipes).

use std::process::Stdio;

use serde_json::Value;

use crate::support::*;

const DEMO_VBR: &str = "vbr-bp1demo00000000000000";
const DEMO_GROUP: &str = "bgpg-bp1demo00000000000000";

/// A plain HTTP/1.1 request to the emulator's unsigned admin API; returns the JSON body.
fn admin(emu: &Emulator, method: &str, path: &str) -> Value {
    let response = exchange(
        &emu.addr,
        format!(
            "{method} /_emulator/{path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
            emu.addr
        )
        .as_bytes(),
    );
    let (head, body) = response.split_once("\r\n\r\n").expect("an HTTP response");
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_string()
    };
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("admin {path}: {e}: {body}"))
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        body = &rest[n + 2..];
    }
    out
}

/// The API requests the emulator received (admin calls are not logged).
fn requests(emu: &Emulator) -> Vec<Value> {
    admin(emu, "GET", "requests")["requests"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn hangzhou(sb: &Sandbox, emu: &Emulator) -> std::process::Command {
    let mut c = sb.cmd_at(emu);
    c.args(["--region", "cn-hangzhou"]);
    c
}

/// Errors as people read them (stderr is not a terminal here, so json would be the default).
fn text_errors(mut c: std::process::Command) -> std::process::Command {
    c.args(["--error-format", "text"]);
    c
}

// ---------------------------------------------------------------------------------------------
// region list

#[test]
fn region_list_json_is_one_array_of_regions() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(sb.cmd_at(&emu).args(["region", "list", "-o", "json"]));
    assert_eq!(code, 0, "{err}");
    let regions = json(&out);
    let regions = regions.as_array().expect("an array");
    assert!(regions.len() > 5);
    let sh = regions
        .iter()
        .find(|r| r["RegionId"] == "cn-shanghai")
        .expect("cn-shanghai listed");
    assert!(sh["RegionEndpoint"].is_string() && sh["LocalName"].is_string());
    let log = requests(&emu);
    assert_eq!(log.len(), 1);
    assert_eq!(log[0]["action"], "DescribeRegions");
    assert_eq!(log[0]["parameters"]["AcceptLanguage"], "en-US");
}

#[test]
fn region_list_sends_the_accept_language_asked_for() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, _, err) =
        run(sb
            .cmd_at(&emu)
            .args(["region", "list", "--accept-language", "zh-CN"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(requests(&emu)[0]["parameters"]["AcceptLanguage"], "zh-CN");
    let (code, _, err) =
        run(sb
            .cmd_at(&emu)
            .args(["region", "list", "--accept-language", "fr-FR"]));
    assert_eq!(code, 2);
    assert!(err.contains("zh-CN") && err.contains("en-US"), "{err}");
}

#[test]
fn value_output_is_bare_lines_for_shell_variables() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(sb
        .cmd_at(&emu)
        .args(["region", "list", "-o", "value", "--fields", "RegionId"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().any(|l| l == "cn-hangzhou"), "{out}");
    assert!(!out.contains('"'));
    let (_, out, _) = run(sb.cmd_at(&emu).args([
        "region",
        "list",
        "-o",
        "value",
        "--fields",
        "regionid,RegionEndpoint",
    ]));
    let line = out.lines().next().unwrap();
    assert_eq!(line.split('\t').count(), 2, "{line}");
}

#[test]
fn tsv_has_a_header_line_and_bgpeer_output_selects_the_format() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(sb
        .cmd_at(&emu)
        .env("BGPEER_OUTPUT", "tsv")
        .args(["region", "list"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.lines().next().unwrap(),
        "RegionId\tLocalName\tRegionEndpoint"
    );
    // The flag beats the environment.
    let (_, out, _) = run(sb
        .cmd_at(&emu)
        .env("BGPEER_OUTPUT", "tsv")
        .args(["region", "list", "-o", "ndjson"]));
    for line in out.lines() {
        assert!(serde_json::from_str::<Value>(line).unwrap().is_object());
    }
}

#[test]
fn unknown_fields_exit_2_naming_the_valid_ones_and_print_nothing() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(sb.cmd_at(&emu).args([
        "region",
        "list",
        "-o",
        "table",
        "--fields",
        "RegionId,Endpoint",
    ]));
    assert_eq!(code, 2, "{err}");
    assert_eq!(out, "");
    assert!(
        err.contains("unknown field \"Endpoint\" in --fields"),
        "{err}"
    );
    assert!(
        err.contains("valid fields: RegionId, LocalName, RegionEndpoint"),
        "{err}"
    );
}

#[test]
fn tables_fit_80_columns_and_carry_no_colour_off_a_terminal() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(hangzhou(&sb, &emu).args(["vbr", "list", "-o", "table"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("VbrId"), "{out}");
    assert!(out.contains(DEMO_VBR));
    assert!(!out.contains('\x1b'));
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
}

#[test]
fn notices_go_to_stderr_and_quiet_silences_them() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(sb
        .cmd_at(&emu)
        .args(["region", "list", "-o", "json", "--fields", "RegionId"]));
    assert_eq!(code, 0);
    json(&out);
    assert!(
        err.contains("--fields applies to table, tsv and value"),
        "{err}"
    );
    let (code, out, err) = run(sb.cmd_at(&emu).args([
        "region", "list", "-o", "json", "--fields", "RegionId", "--quiet",
    ]));
    assert_eq!(code, 0);
    json(&out);
    assert_eq!(err, "");
}

#[test]
fn an_empty_table_says_so_on_stderr_only() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) =
        run(hangzhou(&sb, &emu).args(["vbr", "list", "--name", "no-such-vbr", "-o", "table"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "");
    assert_eq!(err.trim(), "no results");
    let (_, out, _) = run(hangzhou(&sb, &emu).args(["vbr", "list", "--name", "no-such-vbr"]));
    assert_eq!(out.trim(), "[]");
}

#[test]
fn a_closed_pipe_exits_0_quietly() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    // The reader goes away before bgpeer writes a byte: the write fails with EPIPE.
    let mut child = sb
        .cmd_at(&emu)
        .args(["region", "list", "-o", "ndjson"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn piping_into_head_keeps_the_first_line_and_exits_0() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let script = format!(
        "{} region list -o ndjson | head -1; echo \"status=${{PIPESTATUS[0]}}\"",
        bin_path().display()
    );
    let mut bash = std::process::Command::new("bash");
    bash.arg("-c")
        .arg(script)
        .env_clear()
        .env("HOME", sb.home())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", TEST_KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", TEST_KEY_SECRET)
        .env("ALIBABA_CLOUD_REGION_ID", "cn-shanghai")
        .env("ALIBABA_CLOUD_ENDPOINT", &emu.endpoint)
        .env("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    let (code, out, err) = run(&mut bash);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(serde_json::from_str::<Value>(lines[0]).unwrap()["RegionId"].is_string());
    assert_eq!(lines[1], "status=0");
    assert_eq!(err, "");
}

// ---------------------------------------------------------------------------------------------
// vbr list

#[test]
fn vbr_list_fetches_every_page() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    // cn-shanghai holds 80 VBRs: two pages of 50.
    let (code, out, err) = run(sb.cmd_at(&emu).args(["vbr", "list"]));
    assert_eq!(code, 0, "{err}");
    let vbrs = json(&out);
    let vbrs = vbrs.as_array().unwrap();
    assert_eq!(vbrs.len(), 80);
    let mut ids: Vec<&str> = vbrs.iter().map(|v| v["VbrId"].as_str().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 80);
    assert!(vbrs.iter().all(|v| v["VlanId"].is_number()));
    assert!(vbrs.iter().all(|v| v["EnableIpv6"].is_boolean()));
    let pages: Vec<Value> = requests(&emu)
        .iter()
        .map(|r| r["parameters"]["PageNumber"].clone())
        .collect();
    assert_eq!(pages, [Value::from("1"), Value::from("2")]);
}

#[test]
fn vbr_list_limit_stops_early() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(sb.cmd_at(&emu).args(["vbr", "list", "--limit", "3"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(json(&out).as_array().unwrap().len(), 3);
    assert_eq!(requests(&emu).len(), 1);
}

#[test]
fn vbr_list_filters_map_to_filter_keys_and_values() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(hangzhou(&sb, &emu).args([
        "vbr",
        "list",
        "--status",
        "unconfirmed,terminated",
        "--vbr-id",
        "vbr-bp1unconfirmed0000000",
        "--vbr-id",
        DEMO_VBR,
    ]));
    assert_eq!(code, 0, "{err}");
    let vbrs = json(&out);
    let ids: Vec<&str> = vbrs
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["VbrId"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["vbr-bp1unconfirmed0000000"]);
    let p = &requests(&emu)[0]["parameters"];
    assert_eq!(p["Filter.1.Key"], "VbrId");
    assert_eq!(p["Filter.1.Value.1"], "vbr-bp1unconfirmed0000000");
    assert_eq!(p["Filter.1.Value.2"], DEMO_VBR);
    assert_eq!(p["Filter.2.Key"], "Status");
    assert_eq!(p["Filter.2.Value.1"], "unconfirmed");
    assert_eq!(p["Filter.2.Value.2"], "terminated");
    assert_eq!(p["RegionId"], "cn-hangzhou");
}

#[test]
fn vbr_list_rejects_bad_input_before_sending() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, _, err) = run(sb.cmd_at(&emu).args(["vbr", "list", "--status", "up"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("active") && err.contains("unconfirmed"),
        "{err}"
    );
    let (code, _, err) =
        run(text_errors(sb.cmd_at(&emu)).args(["vbr", "list", "--vbr-id", "bgpg-123"]));
    assert_eq!(code, 2);
    assert!(err.contains("invalid --vbr-id \"bgpg-123\""), "{err}");
    let (code, _, err) = run(sb.cmd_at(&emu).args(["vbr", "list", "--limit", "0"]));
    assert_eq!(code, 2, "{err}");
    assert!(requests(&emu).is_empty());
}

// ---------------------------------------------------------------------------------------------
// vbr show

#[test]
fn vbr_show_json_is_the_nested_bgp_picture_with_keys_masked() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(hangzhou(&sb, &emu).args([
        "api",
        "ModifyBgpGroupAttribute",
        "--param",
        &format!("BgpGroupId={DEMO_GROUP}"),
        "--param",
        "AuthKey=hunter2-secret",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("hunter2") && !err.contains("hunter2"));

    let (code, out, err) = run(hangzhou(&sb, &emu).args(["vbr", "show", DEMO_VBR, "-o", "json"]));
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("hunter2"), "{out}");
    let v = json(&out);
    assert_eq!(v["VbrId"], DEMO_VBR);
    assert!(v["VlanId"].is_number());
    let group = &v["BgpGroups"][0];
    assert_eq!(group["BgpGroupId"], DEMO_GROUP);
    assert_eq!(group["AuthKey"], "****");
    assert!(group["PeerAsn"].is_number() && group["RouteLimit"].is_number());
    let peers = group["BgpPeers"].as_array().unwrap();
    assert_eq!(peers.len(), 2);
    for p in peers {
        assert_eq!(p["BgpGroupId"], DEMO_GROUP);
        assert!(p["EnableBfd"].is_boolean());
        assert!(p["AdvertisedRouteCount"].is_number());
        assert_ne!(p["AuthKey"], "hunter2-secret");
    }
    assert_eq!(v["BgpNetworks"][0]["DstCidrBlock"], "192.168.10.0/24");

    let (code, out, _) =
        run(hangzhou(&sb, &emu).args(["vbr", "show", DEMO_VBR, "-o", "json", "--show-secrets"]));
    assert_eq!(code, 0);
    assert_eq!(json(&out)["BgpGroups"][0]["AuthKey"], "hunter2-secret");
}

#[test]
fn vbr_show_table_is_the_tree() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(hangzhou(&sb, &emu).args(["vbr", "show", DEMO_VBR, "-o", "table"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with(DEMO_VBR), "{out}");
    assert!(out.contains(&format!("└─ {DEMO_GROUP}")), "{out}");
    assert!(out.contains("bgp-bp1demo00000000000001"), "{out}");
    assert!(out.contains("BGP networks (1)"), "{out}");
    assert!(out.contains("192.168.10.0/24"), "{out}");
    assert!(!out.contains('\x1b'));
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
}

#[test]
fn vbr_show_value_and_tsv_use_the_vbr_fields() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) =
        run(hangzhou(&sb, &emu)
            .args(["vbr", "show", DEMO_VBR, "-o", "value", "--fields", "Status"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "active\n");
    let (code, out, _) = run(hangzhou(&sb, &emu).args(["vbr", "show", DEMO_VBR, "-o", "tsv"]));
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().next().unwrap(),
        "VbrId\tName\tStatus\tVlanId\tEnableIpv6"
    );
}

#[test]
fn vbr_show_of_a_missing_vbr_exits_3() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) =
        run(text_errors(hangzhou(&sb, &emu)).args(["vbr", "show", "vbr-bp1nosuchvbr00000000"]));
    assert_eq!(code, 3, "{err}");
    assert_eq!(out, "");
    assert!(
        err.contains("error: no VBR vbr-bp1nosuchvbr00000000 in region cn-hangzhou"),
        "{err}"
    );
    assert!(err.contains("bgpeer vbr list"), "{err}");
}

#[test]
fn vbr_show_checks_the_id_before_sending() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, _, err) =
        run(text_errors(hangzhou(&sb, &emu)).args(["vbr", "show", "bgpg-bp1demo0000000000000"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("invalid VBR_ID \"bgpg-bp1demo0000000000000\""),
        "{err}"
    );
    assert!(err.contains("--no-validate id-prefix"), "{err}");
    assert!(requests(&emu).is_empty());
    // Skipping the rule sends it; the API knows no such VBR.
    let (code, _, _) = run(hangzhou(&sb, &emu).args([
        "vbr",
        "show",
        "bgpg-bp1demo0000000000000",
        "--no-validate",
        "id-prefix",
    ]));
    assert_eq!(code, 3);
}

// ---------------------------------------------------------------------------------------------
// api

#[test]
fn api_prints_the_raw_answer_as_json() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(hangzhou(&sb, &emu).args([
        "api",
        "DescribeBgpPeers",
        "--param",
        &format!("BgpGroupId={DEMO_GROUP}"),
    ]));
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert!(v["RequestId"].is_string());
    assert_eq!(v["TotalCount"], 2);
    assert_eq!(v["BgpPeers"]["BgpPeer"].as_array().unwrap().len(), 2);
    let p = &requests(&emu)[0]["parameters"];
    assert_eq!(p["BgpGroupId"], DEMO_GROUP);
    assert_eq!(p["RegionId"], "cn-hangzhou");
}

#[test]
fn api_value_output_picks_a_field_of_the_answer() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(hangzhou(&sb, &emu).args([
        "api",
        "DescribeBgpGroups",
        "--param",
        &format!("RouterId={DEMO_VBR}"),
        "-o",
        "value",
        "--fields",
        "TotalCount",
    ]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "1\n");
}

#[test]
fn api_repeated_keys_become_a_list() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(hangzhou(&sb, &emu).args([
        "api",
        "DescribeVirtualBorderRouters",
        "--param",
        "Filter.1.Key=VbrId",
        "--param",
        &format!("Filter.1.Value={DEMO_VBR}"),
        "--param",
        "Filter.1.Value=vbr-bp1dualstack000000000",
    ]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(json(&out)["TotalCount"], 2);
    let p = &requests(&emu)[0]["parameters"];
    assert_eq!(p["Filter.1.Value.1"], DEMO_VBR);
    assert_eq!(p["Filter.1.Value.2"], "vbr-bp1dualstack000000000");
}

#[test]
fn api_client_token_makes_a_create_idempotent() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let create = |sb: &Sandbox| {
        run(hangzhou(sb, &emu).args([
            "api",
            "CreateBgpGroup",
            "--client-token",
            "bgpeer-test-token-1",
            "--param",
            "RouterId=vbr-bp1dualstack000000000",
            "--param",
            "PeerAsn=65010",
        ]))
    };
    let (code, first, err) = create(&sb);
    assert_eq!(code, 0, "{err}");
    let (code, second, err) = create(&sb);
    assert_eq!(code, 0, "{err}");
    let id = json(&first)["BgpGroupId"].as_str().unwrap().to_string();
    assert!(id.starts_with("bgpg-"));
    assert_eq!(json(&second)["BgpGroupId"], id.as_str());
    for r in requests(&emu) {
        assert_eq!(r["parameters"]["ClientToken"], "bgpeer-test-token-1");
    }
}

#[test]
fn api_mutating_calls_get_a_client_token() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, _, err) = run(hangzhou(&sb, &emu).args([
        "api",
        "CreateBgpGroup",
        "--param",
        "RouterId=vbr-bp1dualstack000000000",
        "--param",
        "PeerAsn=65011",
    ]));
    assert_eq!(code, 0, "{err}");
    let token = requests(&emu)[0]["parameters"]["ClientToken"].clone();
    assert!(token.as_str().is_some_and(|t| t.len() == 36), "{token}");
}

#[test]
fn api_errors_are_helpful_and_never_echo_values() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let cases: &[(&[&str], &str)] = &[
        (
            &["api", "describe-bgp-peers"],
            "did you mean DescribeBgpPeers?",
        ),
        (
            &["api", "DescribeBgpPeers", "--param", "AuthKeyhunter2"],
            "--param number 1 has no '='",
        ),
        (
            &["api", "DescribeBgpPeers", "--param", "Version=2014-01-01"],
            "--param Version is set by bgpeer itself",
        ),
        (
            &[
                "api",
                "CreateBgpPeer",
                "--client-token",
                "a",
                "--param",
                "ClientToken=b",
            ],
            "ClientToken given twice",
        ),
        (
            &["api", "CreateBgpPeer", "--client-token", "ünïcode"],
            "invalid --client-token",
        ),
    ];
    for (args, needle) in cases {
        let (code, out, err) = run(sb.cmd_at(&emu).args(*args));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert_eq!(out, "");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!err.contains("hunter2"), "{err}");
    }
    assert!(requests(&emu).is_empty());
}

#[test]
fn api_without_a_region_says_how_to_give_one() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, _, err) = run(sb
        .cmd_at(&emu)
        .env_remove("ALIBABA_CLOUD_REGION_ID")
        .args(["api", "DescribeBgpGroups"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("DescribeBgpGroups needs a RegionId"), "{err}");
    assert!(err.contains("--region"), "{err}");
    // DescribeRegions needs none.
    let (code, out, err) = run(sb
        .cmd_at(&emu)
        .env_remove("ALIBABA_CLOUD_REGION_ID")
        .args(["api", "DescribeRegions"]));
    assert_eq!(code, 0, "{err}");
    assert!(json(&out)["Regions"]["Region"].is_array());
    let log = requests(&emu);
    assert!(log[0]["parameters"].get("RegionId").is_none());
}

#[test]
fn api_errors_from_the_service_keep_their_code_and_exit() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(text_errors(hangzhou(&sb, &emu)).args([
        "api",
        "DeleteBgpGroup",
        "--param",
        &format!("BgpGroupId={DEMO_GROUP}"),
    ]));
    assert_ne!(code, 0);
    assert_eq!(out, "");
    assert!(err.contains("calling DeleteBgpGroup"), "{err}");
    assert!(err.contains("DependencyViolation.BgpPeer"), "{err}");
    // The API answered: nothing is unknown, so no retry advice.
    assert!(!err.contains("--client-token"), "{err}");
    let (code, _, err) = run(text_errors(hangzhou(&sb, &emu)).args(["api", "DescribeBgpPeer"]));
    assert_ne!(code, 0);
    assert!(err.contains("did you mean DescribeBgpPeers?"), "{err}");
}

#[test]
fn api_secrets_stay_out_of_debug_logs_and_output() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(hangzhou(&sb, &emu).args([
        "--debug",
        "api",
        "CreateBgpGroup",
        "--param",
        "RouterId=vbr-bp1dualstack000000000",
        "--param",
        "PeerAsn=65012",
        "--param",
        "AuthKey=hunter2-secret",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("debug:"), "{err}");
    assert!(!out.contains("hunter2") && !err.contains("hunter2"));
    let id = json(&out)["BgpGroupId"].as_str().unwrap().to_string();
    let (code, out, err) = run(hangzhou(&sb, &emu).args([
        "api",
        "DescribeBgpGroups",
        "--param",
        &format!("BgpGroupId={id}"),
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("hunter2"), "{out}");
    assert_eq!(json(&out)["BgpGroups"]["BgpGroup"][0]["AuthKey"], "****");
}

#[test]
fn api_suggests_the_client_token_when_a_create_may_or_may_not_have_happened() {
    let emu = Emulator::start_with(&[
        "--settle-ms",
        "0",
        "--fault",
        "kind=error,code=ServiceUnavailable,action=CreateBgpGroup",
    ]);
    let sb = Sandbox::new();
    let (code, out, err) = run(text_errors(hangzhou(&sb, &emu)).args([
        "--max-attempts",
        "2",
        "api",
        "CreateBgpGroup",
        "--param",
        "RouterId=vbr-bp1dualstack000000000",
        "--param",
        "PeerAsn=65013",
    ]));
    assert_eq!(code, 7, "{err}");
    assert_eq!(out, "");
    let log = requests(&emu);
    assert_eq!(log.len(), 2);
    let token = log[0]["parameters"]["ClientToken"].as_str().unwrap();
    assert_eq!(log[1]["parameters"]["ClientToken"], token);
    assert!(
        err.contains(&format!("pass --client-token {token}")),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// On a real terminal (a pseudo-terminal from util-linux `script`)

/// Runs bgpeer with stdout on a pseudo-terminal; returns what the terminal showed (`\r` removed).
fn on_terminal(emu: &Emulator, sb: &Sandbox, args: &[&str], env: &[(&str, &str)]) -> String {
    let quoted: Vec<String> = std::iter::once(bin_path().display().to_string())
        .chain(args.iter().map(|a| a.to_string()))
        .map(|a| format!("'{}'", a.replace('\'', r"'\''")))
        .collect();
    let mut c = std::process::Command::new("script");
    c.args(["-qec", &quoted.join(" "), "/dev/null"])
        .env_clear()
        .env("HOME", sb.home())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("COLUMNS", "80")
        .env("TERM", "xterm-256color")
        .env("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", TEST_KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", TEST_KEY_SECRET)
        .env("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou")
        .env("ALIBABA_CLOUD_ENDPOINT", &emu.endpoint)
        .stdin(Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    let (code, out, err) = run(&mut c);
    assert_eq!(code, 0, "{out}{err}");
    out.replace('\r', "")
}

#[test]
fn on_a_terminal_the_default_is_a_coloured_table() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let out = on_terminal(&emu, &sb, &["vbr", "show", DEMO_VBR], &[]);
    assert!(
        out.starts_with(&format!("{DEMO_VBR}  emu-demo  \x1b[32mactive\x1b[0m\n")),
        "{out:?}"
    );
    assert!(
        out.contains("10.255.0.2  \x1b[32mEstablished\x1b[0m"),
        "{out:?}"
    );
    let out = on_terminal(&emu, &sb, &["vbr", "list", "--limit", "2"], &[]);
    assert!(out.contains("\x1b[1mVbrId\x1b[0m"), "{out:?}");
    assert!(out.contains("\x1b[38;5;10mactive\x1b[39m"), "{out:?}");
    for line in out.lines() {
        let visible = line
            .replace("\x1b[1m", "")
            .replace("\x1b[0m", "")
            .replace("\x1b[39m", "")
            .replace("\x1b[38;5;10m", "");
        assert!(visible.chars().count() <= 80, "{line:?}");
    }
}

#[test]
fn no_color_and_the_flag_turn_colour_off_on_a_terminal() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let out = on_terminal(&emu, &sb, &["vbr", "show", DEMO_VBR], &[("NO_COLOR", "1")]);
    assert!(out.starts_with(DEMO_VBR), "{out:?}");
    assert!(!out.contains('\x1b'), "{out:?}");
    let out = on_terminal(&emu, &sb, &["vbr", "list", "--no-color"], &[]);
    assert!(out.starts_with("VbrId "), "{out:?}");
    assert!(!out.contains('\x1b'), "{out:?}");
    // The format can still be asked for: json on a terminal is plain JSON.
    let out = on_terminal(&emu, &sb, &["region", "list", "-o", "json"], &[]);
    assert!(!out.contains('\x1b'));
    assert!(serde_json::from_str::<Value>(&out).unwrap().is_array());
}

#[test]
fn value_without_fields_prints_one_id_per_line() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let (code, out, err) = run(sb.cmd_at(&emu).args(["region", "list", "-o", "value"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().count() > 5, "{out}");
    for line in out.lines() {
        assert!(!line.contains('\t') && !line.contains(' '), "{line:?}");
    }
    assert!(out.lines().any(|l| l == "cn-shanghai"), "{out}");
}
