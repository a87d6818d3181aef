//! The signed client through the real binary (`bgpeer api ACTION --param K=V`) against a scripted
//! fault server on loopback (and the real emulator where the server side matters): retries,
//! backoff hints, idempotency tokens, typed errors and exit codes, timeouts, proxies, masking in
//! `--debug`, the JSON error format, a closed stdout and Ctrl-C.

use std::io::Read;
use std::process::{Command, Stdio};

use serde_json::json;

use crate::support::fault_server::{FaultServer, Reply};
use crate::support::{self, run, Emulator, RefusedPort, Sandbox, TEST_KEY_ID, TEST_KEY_SECRET};

/// `bgpeer` with the test key, region cn-shanghai, pointed at `endpoint`.
pub(crate) fn cmd_at(sb: &Sandbox, endpoint: &str) -> Command {
    let mut c = sb.cmd();
    c.env("ALIBABA_CLOUD_ACCESS_KEY_ID", TEST_KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", TEST_KEY_SECRET)
        .env("ALIBABA_CLOUD_REGION_ID", "cn-shanghai")
        .args(["--endpoint", endpoint]);
    c
}

/// The same, with errors in the human format (they would be JSON: stdout is not a terminal, so
/// the output format is json).
pub(crate) fn cmd_text(sb: &Sandbox, endpoint: &str) -> Command {
    let mut c = cmd_at(sb, endpoint);
    c.args(["--error-format", "text"]);
    c
}

pub(crate) fn regions_ok(request_id: &str) -> Reply {
    Reply::ok(json!({
        "RequestId": request_id,
        "Regions": {"Region": [{"RegionId": "cn-shanghai", "LocalName": "Shanghai", "RegionEndpoint": "vpc.cn-shanghai.aliyuncs.com"}]}
    }))
}

pub(crate) fn unreachable() -> Reply {
    Reply::api_error(
        500,
        "TestScriptExhausted",
        "no reply was scripted for this request",
        "none",
    )
}

// --- retries ------------------------------------------------------------------------------------

#[test]
fn service_unavailable_then_success_takes_two_fresh_attempts() {
    let server = FaultServer::start(
        vec![
            Reply::api_error(
                503,
                "ServiceUnavailable",
                "The request has failed due to a temporary failure of the server.",
                "R-503",
            ),
            regions_ok("R-OK"),
        ],
        unreachable(),
    );
    let sb = Sandbox::new();
    let (code, stdout, stderr) =
        run(cmd_text(&sb, &server.endpoint).args(["api", "DescribeRegions"]));
    assert_eq!(code, 0, "stderr: {stderr}");
    assert_eq!(support::json(&stdout)["RequestId"], "R-OK");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2, "two attempts");
    for r in &reqs {
        assert_eq!(r.method, "POST");
        assert_eq!(
            r.header("user-agent"),
            Some(concat!("bgpeer/", env!("CARGO_PKG_VERSION")))
        );
        assert_eq!(r.header("x-acs-action"), Some("DescribeRegions"));
        assert!(r
            .header("authorization")
            .is_some_and(|a| a.starts_with("ACS3-HMAC-SHA256 Credential=")));
    }
    // Each attempt is signed afresh.
    assert_ne!(
        reqs[0].header("x-acs-signature-nonce"),
        reqs[1].header("x-acs-signature-nonce")
    );
    assert_ne!(
        reqs[0].header("authorization"),
        reqs[1].header("authorization")
    );
}

#[test]
fn throttling_honours_x_acs_retry_after() {
    let server = FaultServer::start(
        vec![
            Reply::api_error(
                400,
                "Throttling.User",
                "Request was denied due to user flow control.",
                "R-T",
            )
            .with_header("x-acs-retry-after", "1500"),
            regions_ok("R-OK"),
        ],
        unreachable(),
    );
    let sb = Sandbox::new();
    let (code, _, stderr) =
        run(cmd_text(&sb, &server.endpoint).args(["--debug", "api", "DescribeRegions"]));
    assert_eq!(code, 0, "stderr: {stderr}");
    assert_eq!(server.requests().len(), 2);
    let line = stderr
        .lines()
        .find(|l| l.contains("retrying after"))
        .unwrap_or_else(|| panic!("no retry line in:\n{stderr}"));
    assert!(
        line.contains("x-acs-retry-after=1500ms"),
        "the server's retry-after is not reported: {line}"
    );
    let planned: u64 = line
        .split("retrying after ")
        .nth(1)
        .and_then(|rest| rest.split("ms").next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no planned delay in: {line}"));
    assert!(
        planned >= 1500,
        "planned delay {planned}ms ignores the 1500ms floor"
    );
    // And it is waited for: the retry reaches the server no sooner.
    let reqs = server.requests();
    let gap = reqs[1].at - reqs[0].at;
    assert!(
        gap >= std::time::Duration::from_millis(planned),
        "the retry came {gap:?} after the throttled attempt, before the planned {planned}ms"
    );
}

#[test]
fn throttled_on_every_attempt_exits_6() {
    let server = FaultServer::start(
        vec![],
        Reply::api_error(
            400,
            "Throttling",
            "Request was denied due to request throttling.",
            "R-THR",
        ),
    );
    let sb = Sandbox::new();
    let (code, _, stderr) = run(cmd_text(&sb, &server.endpoint).args([
        "--max-attempts",
        "3",
        "api",
        "DescribeRegions",
    ]));
    assert_eq!(code, 6, "stderr: {stderr}");
    assert_eq!(server.requests().len(), 3, "max attempts is 3");
    assert!(
        stderr.contains("still throttled after 3 attempts"),
        "{stderr}"
    );
    assert!(stderr.contains("request id: R-THR"), "{stderr}");
    assert!(stderr.contains("hint: "), "{stderr}");
}

#[test]
fn client_errors_are_never_retried() {
    let cases = [
        (
            400,
            "QuotaExceeded.Bgp",
            "bgp group count per vbr quota exceed.",
            5,
        ),
        (
            404,
            "InvalidAccessKeyId.NotFound",
            "Specified access key is not found.",
            4,
        ),
        (400, "InvalidBgpGroup", "bgp group not exists", 3),
        (
            400,
            "InvalidStatus.CannotOperate",
            "invalid status cannot operate",
            5,
        ),
    ];
    for (status, code_name, message, want_exit) in cases {
        let server = FaultServer::start(
            vec![],
            Reply::api_error(status, code_name, message, "R-4XX"),
        );
        let sb = Sandbox::new();
        let (code, _, stderr) = run(cmd_text(&sb, &server.endpoint).args([
            "api",
            "DescribeBgpGroups",
            "--param",
            "RouterId=vbr-x",
        ]));
        assert_eq!(code, want_exit, "{code_name}: stderr: {stderr}");
        assert_eq!(server.requests().len(), 1, "{code_name} was retried");
        assert!(stderr.contains(code_name), "{stderr}");
        assert!(stderr.contains(message), "{stderr}");
        assert!(stderr.contains("request id: R-4XX"), "{stderr}");
    }
}

#[test]
fn server_errors_after_all_retries_exit_7() {
    let server = FaultServer::start(
        vec![],
        Reply::api_error(
            500,
            "InternalError",
            "The request processing has failed due to some unknown error.",
            "R-500",
        ),
    );
    let sb = Sandbox::new();
    let (code, _, stderr) = run(cmd_text(&sb, &server.endpoint).args(["api", "DescribeRegions"]));
    assert_eq!(code, 7, "stderr: {stderr}");
    assert_eq!(server.requests().len(), 5, "default max attempts is 5");
    assert!(stderr.contains("InternalError"), "{stderr}");
    assert!(stderr.contains("request id: R-500"), "{stderr}");
}

// --- idempotency --------------------------------------------------------------------------------

#[test]
fn a_retried_create_reuses_its_client_token_with_v3() {
    let server = FaultServer::start(
        vec![
            Reply::Drop,
            Reply::api_error(503, "ServiceUnavailable", "try again", "R-1"),
            Reply::ok(json!({"RequestId": "R-2", "BgpGroupId": "bgpg-1"})),
        ],
        unreachable(),
    );
    let sb = Sandbox::new();
    let (code, stdout, stderr) = run(cmd_text(&sb, &server.endpoint).args([
        "api",
        "CreateBgpGroup",
        "--param",
        "RouterId=vbr-x",
        "--param",
        "PeerAsn=65001",
    ]));
    assert_eq!(code, 0, "stderr: {stderr}");
    assert_eq!(support::json(&stdout)["BgpGroupId"], "bgpg-1");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 3);
    let token = reqs[0]
        .param("ClientToken")
        .expect("a ClientToken was sent");
    assert!(!token.is_empty());
    for r in &reqs[1..] {
        assert_eq!(r.param("ClientToken").as_deref(), Some(token.as_str()));
    }
    let nonces: std::collections::HashSet<_> = reqs
        .iter()
        .map(|r| r.header("x-acs-signature-nonce").map(str::to_string))
        .collect();
    assert_eq!(nonces.len(), 3, "every attempt has its own nonce");
}

#[test]
fn a_retried_create_reuses_its_client_token_with_v2() {
    let server = FaultServer::start(
        vec![
            Reply::Drop,
            Reply::ok(json!({"RequestId": "R-2", "BgpPeerId": "bgp-1"})),
        ],
        unreachable(),
    );
    let sb = Sandbox::new();
    let (code, _, stderr) = run(cmd_text(&sb, &server.endpoint).args([
        "--signature-version",
        "v2",
        "api",
        "CreateBgpPeer",
        "--param",
        "BgpGroupId=bgpg-1",
    ]));
    assert_eq!(code, 0, "stderr: {stderr}");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert!(reqs[0].param("ClientToken").is_some());
    assert_eq!(reqs[0].param("ClientToken"), reqs[1].param("ClientToken"));
    assert_ne!(
        reqs[0].param("SignatureNonce"),
        reqs[1].param("SignatureNonce")
    );
    assert_ne!(reqs[0].param("Signature"), reqs[1].param("Signature"));
    assert_eq!(
        reqs[0].param("SignatureMethod").as_deref(),
        Some("HMAC-SHA1")
    );
}

#[test]
fn a_given_client_token_is_kept_and_reads_get_none() {
    let server = FaultServer::start(
        vec![
            Reply::ok(json!({"RequestId": "R-1", "BgpGroupId": "bgpg-1"})),
            regions_ok("R-2"),
        ],
        unreachable(),
    );
    let sb = Sandbox::new();
    let (code, _, stderr) = run(cmd_text(&sb, &server.endpoint).args([
        "api",
        "DeleteBgpGroup",
        "--param",
        "BgpGroupId=bgpg-1",
        "--param",
        "ClientToken=my-token-1",
    ]));
    assert_eq!(code, 0, "stderr: {stderr}");
    let (code, _, stderr) = run(cmd_text(&sb, &server.endpoint).args(["api", "DescribeRegions"]));
    assert_eq!(code, 0, "stderr: {stderr}");
    let reqs = server.requests();
    let tokens: Vec<_> = reqs[0]
        .query()
        .into_iter()
        .filter(|(k, _)| k == "ClientToken")
        .collect();
    assert_eq!(
        tokens,
        vec![("ClientToken".to_string(), "my-token-1".to_string())]
    );
    assert_eq!(
        reqs[1].param("ClientToken"),
        None,
        "reads carry no ClientToken"
    );
}

/// The create reaches the emulator and commits, the answer is lost on the way back, the client
/// retries with the same ClientToken, and the emulator returns the same group: exactly one exists.
#[test]
fn a_create_whose_answer_was_lost_leaves_exactly_one_resource() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    // A VBR of the seeded emulator world to create the group on.
    let (code, stdout, stderr) = run(sb
        .cmd_at(&emu)
        .args(["api", "DescribeVirtualBorderRouters"]));
    assert_eq!(code, 0, "stderr: {stderr}");
    let vbrs = support::json(&stdout);
    let vbr = vbrs["VirtualBorderRouterSet"]["VirtualBorderRouterType"][0]["VbrId"]
        .as_str()
        .unwrap_or_else(|| panic!("no VBR in the emulator: {vbrs}"))
        .to_string();
    let count_groups = || {
        let (code, stdout, stderr) = run(sb.cmd_at(&emu).args([
            "api",
            "DescribeBgpGroups",
            "--param",
            &format!("RouterId={vbr}"),
            "--param",
            "PageSize=50",
        ]));
        assert_eq!(code, 0, "stderr: {stderr}");
        let v = support::json(&stdout);
        v["BgpGroups"]["BgpGroup"]
            .as_array()
            .map(|a| a.iter().filter(|g| g["Name"] == "lost-answer-test").count())
            .unwrap_or(0)
    };
    assert_eq!(count_groups(), 0);

    let server = FaultServer::start(
        vec![
            Reply::Forward {
                upstream: emu.addr.clone(),
                lose_answer: true,
            },
            Reply::Forward {
                upstream: emu.addr.clone(),
                lose_answer: false,
            },
        ],
        unreachable(),
    );
    let (code, stdout, stderr) = run(cmd_text(&sb, &server.endpoint).args([
        "api",
        "CreateBgpGroup",
        "--param",
        &format!("RouterId={vbr}"),
        "--param",
        "PeerAsn=65001",
        "--param",
        "Name=lost-answer-test",
    ]));
    assert_eq!(code, 0, "stderr: {stderr}");
    assert!(support::json(&stdout)["BgpGroupId"].is_string(), "{stdout}");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2, "one lost answer, one retry");
    assert_eq!(reqs[0].param("ClientToken"), reqs[1].param("ClientToken"));
    assert_eq!(count_groups(), 1, "the retry created a second group");
}

// --- undecodable answers ------------------------------------------------------------------------

#[test]
fn an_html_page_from_a_proxy_exits_7_with_a_clear_message() {
    let page = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><h1>Bad Gateway</h1><p>The proxy server received an invalid response.</p></body></html>";
    let server = FaultServer::start(vec![], Reply::raw(502, "text/html", page));
    let sb = Sandbox::new();
    let (code, stdout, stderr) = run(cmd_text(&sb, &server.endpoint).args([
        "--max-attempts",
        "2",
        "api",
        "DescribeRegions",
    ]));
    assert_eq!(code, 7, "stderr: {stderr}");
    assert!(stdout.is_empty());
    assert_eq!(server.requests().len(), 2, "a 5xx page is retried");
    assert!(
        stderr.contains("did not answer with the API's JSON"),
        "{stderr}"
    );
    assert!(stderr.contains("HTTP 502"), "{stderr}");
    assert!(stderr.contains("text/html"), "{stderr}");
    assert!(
        stderr.contains("<title>502 Bad Gateway</title>"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_captive_portal_page_with_200_is_not_retried_and_exits_7() {
    let server = FaultServer::start(
        vec![],
        Reply::raw(
            200,
            "text/html",
            "<html><body>Please log in to the hotel wifi</body></html>",
        ),
    );
    let sb = Sandbox::new();
    let (code, _, stderr) = run(cmd_text(&sb, &server.endpoint).args(["api", "DescribeRegions"]));
    assert_eq!(code, 7, "stderr: {stderr}");
    assert_eq!(server.requests().len(), 1);
    assert!(stderr.contains("hotel wifi"), "{stderr}");
}

#[test]
fn truncated_json_exits_7_with_an_excerpt() {
    let server = FaultServer::start(
        vec![],
        Reply::raw(
            200,
            "application/json",
            r#"{"RequestId":"R-TR","BgpGroups":{"BgpGroup":[{"Bgp"#,
        ),
    );
    let sb = Sandbox::new();
    let (code, _, stderr) = run(cmd_text(&sb, &server.endpoint).args(["api", "DescribeRegions"]));
    assert_eq!(code, 7, "stderr: {stderr}");
    assert!(
        stderr.contains(r#"{"RequestId":"R-TR","BgpGroups""#),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    // In JSON, an undecodable answer has a kind of its own (the exit code stays 7).
    let (code, _, stderr) = run(cmd_at(&sb, &server.endpoint).args([
        "--error-format",
        "json",
        "api",
        "DescribeRegions",
    ]));
    assert_eq!(code, 7, "stderr: {stderr}");
    let v: serde_json::Value = serde_json::from_str(&stderr).expect("stderr is JSON");
    assert_eq!(v["error"]["kind"], "undecodable", "{v}");
    assert_eq!(v["error"]["http_status"], 200, "{v}");
}

#[test]
fn a_body_cut_short_by_the_connection_is_a_network_failure_and_retried() {
    let server = FaultServer::start(
        vec![Reply::Truncated {
            status: 200,
            declared_len: 500,
            body: br#"{"RequestId":"R-"#.to_vec(),
        }],
        regions_ok("R-OK"),
    );
    let sb = Sandbox::new();
    let (code, stdout, stderr) =
        run(cmd_text(&sb, &server.endpoint).args(["api", "DescribeRegions"]));
    assert_eq!(code, 0, "stderr: {stderr}");
    assert_eq!(support::json(&stdout)["RequestId"], "R-OK");
    assert_eq!(server.requests().len(), 2);
}

// --- authentication -----------------------------------------------------------------------------

#[test]
fn a_wrong_secret_exits_4_against_the_emulator() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    for version in ["v3", "v2"] {
        let (code, _, stderr) = run(sb
            .cmd_at(&emu)
            .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "not-the-secret")
            .args([
                "--error-format",
                "text",
                "--signature-version",
                version,
                "api",
                "DescribeRegions",
            ]));
        assert_eq!(code, 4, "{version}: stderr: {stderr}");
        assert!(
            stderr.contains("SignatureDoesNotMatch") || stderr.contains("IncompleteSignature"),
            "{version}: {stderr}"
        );
        assert!(stderr.contains("request id: "), "{version}: {stderr}");
        // The emulator quotes its string to sign; it equals bgpeer's, so the secret is to blame.
        assert!(
            stderr.contains("the request arrived intact and the AccessKey secret is wrong"),
            "{version}: {stderr}"
        );
        assert!(
            !stderr.contains("not-the-secret"),
            "{version}: the secret leaked: {stderr}"
        );
    }
    // And the right secret works, so the 4 above is about the secret.
    let (code, _, stderr) = run(sb.cmd_at(&emu).args(["api", "DescribeRegions"]));
    assert_eq!(code, 0, "stderr: {stderr}");
}

#[test]
fn a_request_altered_on_the_way_is_told_apart_from_a_wrong_secret() {
    let server = FaultServer::start(
        vec![],
        Reply::api_error(
            400,
            "SignatureDoesNotMatch",
            "Specified signature does not match our calculation. server StringToSign is [ACS3-HMAC-SHA256\n0000000000000000000000000000000000000000000000000000000000000000]",
            "R-SIG",
        ),
    );
    let sb = Sandbox::new();
    let (code, _, stderr) = run(cmd_text(&sb, &server.endpoint).args(["api", "DescribeRegions"]));
    assert_eq!(code, 4, "stderr: {stderr}");
    assert_eq!(
        server.requests().len(),
        1,
        "signature errors are not retried"
    );
    assert!(
        stderr.contains("something on the way (a proxy?) changed it"),
        "{stderr}"
    );
}

// --- network failures and time limits -----------------------------------------------------------

#[test]
fn connection_refused_exits_7_after_every_attempt() {
    // A port held by this test, with no listener.
    let refused = RefusedPort::new();
    let port = refused.port();
    let sb = Sandbox::new();
    let (code, _, stderr) = run(cmd_text(&sb, &format!("http://127.0.0.1:{port}")).args([
        "--max-attempts",
        "3",
        "api",
        "DescribeRegions",
    ]));
    assert_eq!(code, 7, "stderr: {stderr}");
    assert!(stderr.contains("network failure"), "{stderr}");
    assert!(stderr.contains("after 3 attempt(s)"), "{stderr}");
    assert!(stderr.contains("connection failed"), "{stderr}");
    assert!(stderr.contains("hint: "), "{stderr}");
}

#[test]
fn the_overall_deadline_stops_a_hanging_call() {
    let server = FaultServer::start(vec![], Reply::Hang);
    let sb = Sandbox::new();
    let (code, _, stderr) =
        run(cmd_text(&sb, &server.endpoint).args(["--deadline", "1", "api", "DescribeRegions"]));
    assert_eq!(code, 7, "stderr: {stderr}");
    assert!(stderr.contains("deadline of 1.0s exceeded"), "{stderr}");
    assert!(stderr.contains("--deadline"), "{stderr}");
}

/// A retry-after beyond the deadline ends the call at once (were it to wait, this test would hang
/// for a day: the test switch that skips delays is off here).
#[test]
fn a_retry_after_beyond_the_deadline_fails_at_once() {
    let server = FaultServer::start(
        vec![],
        Reply::api_error(503, "ServiceUnavailable", "come back tomorrow", "R-LATER")
            .with_header("x-acs-retry-after", "86400000"),
    );
    let sb = Sandbox::new();
    let (code, _, stderr) = run(cmd_text(&sb, &server.endpoint)
        .env_remove("BGPEER_RETRY_BASE_DELAY")
        .args(["--deadline", "3600", "api", "DescribeRegions"]));
    assert_eq!(code, 7, "stderr: {stderr}");
    assert_eq!(server.requests().len(), 1);
    assert!(
        stderr.contains(
            "deadline of 3600.0s exceeded after 1 attempt(s); last failure: HTTP 503 ServiceUnavailable"
        ),
        "{stderr}"
    );
}

#[test]
fn a_read_timeout_is_retried_then_reported() {
    let server = FaultServer::start(vec![], Reply::Hang);
    let sb = Sandbox::new();
    let (code, _, stderr) = run(cmd_text(&sb, &server.endpoint).args([
        "--read-timeout",
        "0.3",
        "--max-attempts",
        "2",
        "api",
        "DescribeRegions",
    ]));
    assert_eq!(code, 7, "stderr: {stderr}");
    assert_eq!(server.requests().len(), 2, "the timeout was retried once");
    assert!(stderr.contains("timed out"), "{stderr}");
    assert!(!stderr.contains("connect timed out"), "{stderr}");
    assert!(stderr.contains("after 2 attempt(s)"), "{stderr}");
}

/// A self-signed certificate is refused: verification is always on, there is no switch.
/// Needs the `openssl` command (for the certificate and `s_server`).
#[test]
fn https_certificates_are_always_verified() {
    let dir = tempfile::tempdir().unwrap();
    let (key, cert) = (dir.path().join("key.pem"), dir.path().join("cert.pem"));
    let made = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args([
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ])
        .args(["-addext", "basicConstraints=critical,CA:FALSE"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the openssl command is needed for this test");
    assert!(made.success(), "openssl req failed");
    // Port 0: s_server binds a free port itself and says which (`ACCEPT 127.0.0.1:PORT`).
    let mut tls_server = Command::new("openssl")
        .args(["s_server", "-www", "-accept", "127.0.0.1:0"])
        .arg("-cert")
        .arg(&cert)
        .arg("-key")
        .arg(&key)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("openssl s_server");
    let stdout = tls_server.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        // Read to the end, so s_server never blocks on a full pipe.
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if let Some(addr) = line.strip_prefix("ACCEPT ") {
                let _ = tx.send(addr.rsplit(':').next().unwrap_or("").to_string());
            }
        }
    });
    let port = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("s_server did not start");
    let sb = Sandbox::new();
    let (code, _, stderr) = run(cmd_text(&sb, &format!("https://127.0.0.1:{port}")).args([
        "--max-attempts",
        "1",
        "api",
        "DescribeRegions",
    ]));
    let _ = tls_server.kill();
    let _ = tls_server.wait();
    assert_eq!(code, 7, "stderr: {stderr}");
    assert!(stderr.contains("invalid peer certificate"), "{stderr}");
    assert!(stderr.contains("always verifies certificates"), "{stderr}");
}

// --- proxies ------------------------------------------------------------------------------------

#[test]
fn http_proxy_is_used_for_a_named_http_endpoint() {
    let proxy = FaultServer::start(vec![], regions_ok("R-PROXY"));
    let sb = Sandbox::new();
    // Nothing listens on port 9 of localhost: only the proxy can have answered.
    let (code, stdout, stderr) = run(cmd_text(&sb, "http://localhost:9")
        .env("HTTP_PROXY", &proxy.endpoint)
        .args(["api", "DescribeRegions"]));
    assert_eq!(code, 0, "stderr: {stderr}");
    assert_eq!(support::json(&stdout)["RequestId"], "R-PROXY");
    let reqs = proxy.requests();
    assert_eq!(reqs.len(), 1);
    assert!(
        reqs[0].target.starts_with("http://localhost:9/"),
        "not an absolute-form proxy request: {}",
        reqs[0].target
    );
    assert_eq!(reqs[0].header("x-acs-action"), Some("DescribeRegions"));
}

#[test]
fn no_proxy_sends_that_host_direct() {
    let proxy = FaultServer::start(vec![], unreachable());
    let direct = FaultServer::start(vec![], regions_ok("R-DIRECT"));
    let port = direct.addr.rsplit(':').next().unwrap();
    let sb = Sandbox::new();
    let (code, stdout, stderr) = run(cmd_text(&sb, &format!("http://localhost:{port}"))
        .env("HTTP_PROXY", &proxy.endpoint)
        .env("NO_PROXY", "localhost")
        .args(["api", "DescribeRegions"]));
    assert_eq!(code, 0, "stderr: {stderr}");
    assert_eq!(support::json(&stdout)["RequestId"], "R-DIRECT");
    assert_eq!(
        proxy.requests().len(),
        0,
        "the proxy was used despite NO_PROXY"
    );
}

#[test]
fn a_loopback_ip_endpoint_never_uses_a_proxy() {
    let proxy = FaultServer::start(vec![], unreachable());
    let direct = FaultServer::start(vec![], regions_ok("R-DIRECT"));
    let sb = Sandbox::new();
    let (code, stdout, stderr) = run(cmd_text(&sb, &direct.endpoint)
        .env("HTTP_PROXY", &proxy.endpoint)
        .env("HTTPS_PROXY", &proxy.endpoint)
        .env("ALL_PROXY", &proxy.endpoint)
        .args(["api", "DescribeRegions"]));
    assert_eq!(code, 0, "stderr: {stderr}");
    assert_eq!(support::json(&stdout)["RequestId"], "R-DIRECT");
    assert_eq!(proxy.requests().len(), 0);
}

#[test]
fn the_embedded_emulator_never_goes_through_a_proxy() {
    let proxy = FaultServer::start(vec![], unreachable());
    let sb = Sandbox::new();
    let (code, stdout, stderr) = run(sb
        .cmd()
        .env("HTTP_PROXY", &proxy.endpoint)
        .env("HTTPS_PROXY", &proxy.endpoint)
        .env("ALL_PROXY", &proxy.endpoint)
        .args(["--profile", "emulator", "api", "DescribeRegions"]));
    assert_eq!(code, 0, "stderr: {stderr}");
    assert!(support::json(&stdout)["Regions"].is_object(), "{stdout}");
    assert_eq!(
        proxy.requests().len(),
        0,
        "the emulator was reached through the proxy"
    );
}

#[test]
fn https_proxy_tunnels_https_endpoints() {
    // The proxy records the CONNECT and hangs up: nothing leaves loopback.
    let proxy = FaultServer::start(vec![], Reply::Drop);
    let sb = Sandbox::new();
    let (code, _, stderr) = run(cmd_text(&sb, "https://vpc.cn-shanghai.aliyuncs.com")
        .env("HTTPS_PROXY", &proxy.endpoint)
        .args(["--max-attempts", "1", "api", "DescribeRegions"]));
    assert_eq!(code, 7, "stderr: {stderr}");
    let reqs = proxy.requests();
    assert_eq!(reqs.len(), 1, "the proxy was not asked");
    assert_eq!(reqs[0].method, "CONNECT");
    assert_eq!(reqs[0].target, "vpc.cn-shanghai.aliyuncs.com:443");
}

// --- --debug and secrets ------------------------------------------------------------------------

#[test]
fn debug_logs_every_attempt_with_secrets_masked() {
    let token = "CAIS+sts-token/very=secret";
    let auth_key = "bgp-md5-password-1";
    for version in ["v2", "v3"] {
        let server = FaultServer::start(
            vec![
                Reply::api_error(503, "ServiceUnavailable", "try again", "R-D1"),
                Reply::ok(json!({"RequestId": "R-D2", "BgpGroupId": "bgpg-1"})),
            ],
            unreachable(),
        );
        let sb = Sandbox::new();
        let (code, _, stderr) = run(cmd_text(&sb, &server.endpoint)
            .env("ALIBABA_CLOUD_SECURITY_TOKEN", token)
            .args([
                "--debug",
                "--signature-version",
                version,
                "api",
                "CreateBgpGroup",
                "--param",
                "RouterId=vbr-x",
                "--param",
                "PeerAsn=65001",
                "--param",
                &format!("AuthKey={auth_key}"),
            ]));
        assert_eq!(code, 0, "{version}: stderr: {stderr}");
        for want in [
            "attempt 1/5 POST",
            "attempt 2/5 POST",
            "status=503 request_id=R-D1",
            "status=200 request_id=R-D2",
            "action=CreateBgpGroup",
            "elapsed=",
            "AuthKey=%2A%2A%2A%2A",
        ] {
            assert!(
                stderr.contains(want),
                "{version}: no {want:?} in:\n{stderr}"
            );
        }
        if version == "v2" {
            assert!(stderr.contains("Signature=%2A%2A%2A%2A"), "{stderr}");
            assert!(stderr.contains("SecurityToken=%2A%2A%2A%2A"), "{stderr}");
        }
        // What was really sent must not show up anywhere on stderr, in any encoding.
        let mut secrets = vec![
            TEST_KEY_SECRET.to_string(),
            token.to_string(),
            bgpeer::signing::percent_encode(token),
            auth_key.to_string(),
            "sts-token".to_string(),
        ];
        let reqs = server.requests();
        assert_eq!(reqs.len(), 2);
        for r in &reqs {
            if let Some(sig) = r.param("Signature") {
                secrets.push(bgpeer::signing::percent_encode(&sig));
                secrets.push(sig);
            }
            if let Some(auth) = r.header("authorization") {
                secrets.push(auth.rsplit("Signature=").next().unwrap().to_string());
            }
        }
        for s in &secrets {
            assert!(
                !stderr.contains(s.as_str()),
                "{version}: {s:?} leaked:\n{stderr}"
            );
        }
    }
}

// --- error formats ------------------------------------------------------------------------------

fn quota_error_server() -> FaultServer {
    FaultServer::start(
        vec![],
        Reply::api_error(
            400,
            "QuotaExceeded.Bgp",
            "bgp peer count per vbr quota exceed.",
            "R-Q",
        ),
    )
}

#[test]
fn error_format_json_prints_one_object() {
    let server = quota_error_server();
    let sb = Sandbox::new();
    let (code, stdout, stderr) = run(cmd_at(&sb, &server.endpoint).args([
        "--error-format",
        "json",
        "api",
        "CreateBgpPeer",
        "--param",
        "BgpGroupId=bgpg-1",
    ]));
    assert_eq!(code, 5);
    assert!(stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    let v: serde_json::Value = serde_json::from_str(&stderr).expect("stderr is JSON");
    let e = &v["error"];
    assert_eq!(e["kind"], "api");
    assert_eq!(e["code"], "QuotaExceeded.Bgp");
    assert_eq!(e["request_id"], "R-Q");
    assert_eq!(e["http_status"], 400);
    assert!(e["message"].as_str().unwrap().contains("quota exceed"));
    assert!(e["hint"].is_string());
    let keys: Vec<_> = e.as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        [
            "kind",
            "code",
            "message",
            "request_id",
            "http_status",
            "hint"
        ],
        "the documented fields, in order"
    );
}

#[test]
fn json_output_without_a_terminal_gives_json_errors_unless_text_is_asked() {
    let server = quota_error_server();
    let sb = Sandbox::new();
    let (code, _, stderr) =
        run(cmd_at(&sb, &server.endpoint).args(["-o", "json", "api", "DescribeRegions"]));
    assert_eq!(code, 5);
    let v: serde_json::Value = serde_json::from_str(&stderr).expect("stderr is JSON");
    assert_eq!(v["error"]["code"], "QuotaExceeded.Bgp");

    let (code, _, stderr) = run(cmd_at(&sb, &server.endpoint).args([
        "-o",
        "json",
        "--error-format",
        "text",
        "api",
        "DescribeRegions",
    ]));
    assert_eq!(code, 5);
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.contains("request id: R-Q"), "{stderr}");
    assert!(stderr.contains("hint: "), "{stderr}");
}

#[test]
fn network_errors_in_json_have_kind_transport_and_null_api_fields() {
    let refused = RefusedPort::new();
    let port = refused.port();
    let sb = Sandbox::new();
    let (code, _, stderr) = run(cmd_at(&sb, &format!("http://127.0.0.1:{port}")).args([
        "--error-format",
        "json",
        "--max-attempts",
        "1",
        "api",
        "DescribeRegions",
    ]));
    assert_eq!(code, 7);
    let v: serde_json::Value = serde_json::from_str(&stderr).expect("stderr is JSON");
    assert_eq!(v["error"]["kind"], "transport");
    assert!(v["error"]["code"].is_null());
    assert!(v["error"]["request_id"].is_null());
    assert!(v["error"]["http_status"].is_null());
}

// --- closed pipes and Ctrl-C --------------------------------------------------------------------

#[test]
fn a_closed_stdout_exits_quietly() {
    // A big answer, held back until the reader has gone away.
    let big: Vec<_> = (0..2000)
        .map(|i| json!({"RegionId": format!("region-{i}"), "LocalName": "x".repeat(50)}))
        .collect();
    let server = FaultServer::start(
        vec![Reply::Gated(Box::new(Reply::ok(
            json!({"RequestId": "R-BIG", "Regions": {"Region": big}}),
        )))],
        unreachable(),
    );
    let sb = Sandbox::new();
    let mut child = cmd_text(&sb, &server.endpoint)
        .args(["api", "DescribeRegions"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    server.wait_for_requests(1);
    drop(child.stdout.take()); // like `| head -0`
    server.release();
    let status = child.wait().expect("wait");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
    assert!(stderr.is_empty(), "a closed pipe is not an error: {stderr}");
}

#[test]
fn ctrl_c_cancels_the_request_and_exits_130() {
    let server = FaultServer::start(vec![], Reply::Hang);
    let sb = Sandbox::new();
    let mut child = cmd_text(&sb, &server.endpoint)
        .args(["api", "DescribeRegions"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // The request is in flight (and the signal handler installed) once the server has it.
    server.wait_for_requests(1);
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill -INT");
    assert!(kill.success());
    let status = child.wait().expect("wait");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(130), "stderr: {stderr}");
    assert!(stderr.contains("error: interrupted"), "{stderr}");
    assert_eq!(server.requests().len(), 1, "no retry after Ctrl-C");
}

/// Parameters too large for a sane URL travel in a signed form body: the emulator verifies the
/// signature and answers with its own validation error (exit 5), for both signature versions.
#[test]
fn huge_parameters_travel_in_a_signed_form_body() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let name = "a".repeat(100_000);
    for version in ["v3", "v2"] {
        let (code, _, stderr) = run(sb.cmd_at(&emu).args([
            "--signature-version",
            version,
            "--region",
            "cn-hangzhou",
            "api",
            "CreateBgpGroup",
            "--param",
            "RouterId=vbr-bp1multisubif00000000",
            "--param",
            "PeerAsn=65001",
            "--param",
            &format!("Name={name}"),
        ]));
        assert_eq!(
            code,
            5,
            "{version}: stderr: {}",
            &stderr[..stderr.len().min(500)]
        );
        assert!(stderr.contains("InvalidBgpName.Malformed"), "{version}");
    }
    // A valid request with a large description is accepted from the body too.
    let description = format!("d{}", "x".repeat(200));
    let long_vpc = format!("vpc-{}", "z".repeat(5000));
    let (code, _, stderr) = run(sb.cmd_at(&emu).args([
        "--region",
        "cn-hangzhou",
        "api",
        "DescribeBgpGroups",
        "--param",
        &format!("BgpGroupId=bgpg-{long_vpc}"),
        "--param",
        &format!("Description={description}"),
    ]));
    assert_eq!(code, 0, "stderr: {stderr}");
}

// --- lists --------------------------------------------------------------------------------------

fn vbr_page(total: u64, first: usize, count: usize) -> Reply {
    let vbrs: Vec<serde_json::Value> = (first..first + count)
        .map(|i| json!({"VbrId": format!("vbr-uf6test{i:016}"), "Status": "active"}))
        .collect();
    Reply::ok(json!({
        "RequestId": format!("R-PAGE-{first}"),
        "TotalCount": total,
        "PageNumber": first / 50 + 1,
        "PageSize": 50,
        "VirtualBorderRouterSet": {"VirtualBorderRouterType": vbrs},
    }))
}

#[test]
fn a_list_that_changes_between_pages_is_an_error_not_a_short_list() {
    // Page 1 says 60; by page 2 one VBR is gone and the API says 59.
    let server = FaultServer::start(
        vec![vbr_page(60, 0, 50), vbr_page(59, 50, 9)],
        unreachable(),
    );
    let sb = Sandbox::new();
    let (code, out, stderr) = run(cmd_text(&sb, &server.endpoint).args(["vbr", "list"]));
    assert_eq!(code, 7, "stderr: {stderr}");
    assert!(out.is_empty(), "printed a partial list: {out}");
    assert!(stderr.contains("changed while it was read"), "{stderr}");
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_server_with_short_pages_is_read_to_the_end() {
    // Asked for 50 a page, this server serves 20: bgpeer goes on until TotalCount is reached.
    let server = FaultServer::start(
        vec![
            vbr_page(55, 0, 20),
            vbr_page(55, 20, 20),
            vbr_page(55, 40, 15),
        ],
        unreachable(),
    );
    let sb = Sandbox::new();
    let (code, out, stderr) = run(cmd_text(&sb, &server.endpoint).args(["vbr", "list"]));
    assert_eq!(code, 0, "stderr: {stderr}");
    let ids: Vec<String> = serde_json::from_str::<serde_json::Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["VbrId"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..55).map(|i| format!("vbr-uf6test{i:016}")).collect();
    assert_eq!(ids, expected);
}

/// What keeps a stalled listener stalled: the listener, the connections that fill its queue, and
/// the runtime the listener was made on (dropped last).
pub(crate) type Stalled = (
    tokio::net::TcpListener,
    Vec<std::net::TcpStream>,
    tokio::runtime::Runtime,
);

/// A loopback listener whose accept queue is full: the kernel drops further SYNs, so a new
/// connection hangs in its handshake, as behind a firewall that drops packets.
pub(crate) fn stalled_listener() -> (String, Stalled) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let listener = rt.block_on(async {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
        socket.listen(1).unwrap()
    });
    let addr = listener.local_addr().unwrap();
    // Never accepted: a backlog of 1 holds two finished handshakes, then SYNs are dropped.
    let fillers = (0..4)
        .filter_map(|_| {
            std::net::TcpStream::connect_timeout(&addr, std::time::Duration::from_millis(300)).ok()
        })
        .collect();
    (format!("http://{addr}"), (listener, fillers, rt))
}

#[test]
fn connect_timeout_bounds_a_handshake_that_never_completes() {
    let (endpoint, _keep) = stalled_listener();
    let sb = Sandbox::new();
    let started = std::time::Instant::now();
    let (code, _, stderr) = run(cmd_text(&sb, &endpoint).args([
        "--connect-timeout",
        "0.3",
        "--max-attempts",
        "2",
        "api",
        "DescribeRegions",
    ]));
    let took = started.elapsed();
    assert_eq!(code, 7, "stderr: {stderr}");
    assert!(stderr.contains("after 2 attempt(s)"), "{stderr}");
    assert!(stderr.contains("connect timed out"), "{stderr}");
    // Two attempts of 0.3 s each, not the 30 s read timeout (a generous bound: machines are noisy).
    assert!(took < std::time::Duration::from_secs(20), "took {took:?}");
}
