//! The emulator server through the real binary over real HTTP: start/stop, the gateway's
//! signature checks and errors, STS, persistence and durability, faults, the admin API,
//! hostile requests, and the embedded `emulator` profile.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bgpeer::signing::{self, v2, v3};
use serde_json::Value;

use crate::support::*;

const VPC: &str = "2016-04-28";
const STS: &str = "2015-04-01";
const ROLE: &str = "acs:ram::1234567890123456:role/vpc-admin";

/// One signed call, with every knob a test may want to turn.
#[derive(Clone)]
pub(crate) struct Call {
    pub(crate) method: &'static str,
    pub(crate) action: String,
    pub(crate) version: String,
    pub(crate) params: Vec<(String, String)>,
    pub(crate) key_id: String,
    pub(crate) secret: String,
    pub(crate) token: Option<String>,
    pub(crate) date: Option<String>,
    pub(crate) nonce: Option<String>,
    /// Send the parameters as a form body instead of the query.
    pub(crate) in_body: bool,
}

impl Call {
    pub(crate) fn new(action: &str, params: &[(&str, &str)]) -> Call {
        Call {
            method: "POST",
            action: action.to_string(),
            version: if action == "AssumeRole" { STS } else { VPC }.to_string(),
            params: params
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            key_id: TEST_KEY_ID.to_string(),
            secret: TEST_KEY_SECRET.to_string(),
            token: None,
            date: None,
            nonce: None,
            in_body: false,
        }
    }

    pub(crate) fn key(mut self, id: &str, secret: &str, token: Option<&str>) -> Call {
        self.key_id = id.to_string();
        self.secret = secret.to_string();
        self.token = token.map(str::to_string);
        self
    }
}

struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Value,
    text: String,
}

impl Answer {
    fn code(&self) -> &str {
        self.body.get("Code").and_then(Value::as_str).unwrap_or("")
    }

    fn message(&self) -> &str {
        self.body
            .get("Message")
            .and_then(Value::as_str)
            .unwrap_or("")
    }
}

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

async fn answer(resp: reqwest::Response) -> Answer {
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let text = resp.text().await.unwrap_or_default();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    Answer {
        status,
        headers,
        body,
        text,
    }
}

fn now_stamp() -> String {
    signing::format_timestamp(chrono::Utc::now())
}

fn nonce() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

fn v3_request(emu: &Emulator, c: &Call) -> reqwest::RequestBuilder {
    v3_request_with(&emu.http_client(), &emu.endpoint, &emu.addr, c)
}

/// `endpoint` is `http://IP:PORT`, `addr` the `IP:PORT` signed as `host`.
fn v3_request_to(endpoint: &str, addr: &str, c: &Call) -> reqwest::RequestBuilder {
    v3_request_with(&http(), endpoint, addr, c)
}

pub(crate) fn v3_request_with(
    client: &reqwest::Client,
    endpoint: &str,
    addr: &str,
    c: &Call,
) -> reqwest::RequestBuilder {
    let date = c.date.clone().unwrap_or_else(now_stamp);
    let n = c.nonce.clone().unwrap_or_else(nonce);
    let (query, body, ct): (Vec<(String, String)>, Vec<u8>, Option<&str>) = if c.in_body {
        (
            Vec::new(),
            signing::percent::encode_pairs(&c.params).into_bytes(),
            Some("application/x-www-form-urlencoded"),
        )
    } else {
        (c.params.clone(), Vec::new(), None)
    };
    let signed = v3::sign_rpc(
        &v3::RpcCall {
            method: c.method,
            host: addr,
            action: &c.action,
            version: &c.version,
            query: &query,
            body: &body,
            content_type: ct,
            date: &date,
            nonce: &n,
        },
        &signing::SigningKey {
            access_key_id: &c.key_id,
            access_key_secret: &c.secret,
            security_token: c.token.as_deref(),
        },
    );
    let url = format!("{endpoint}/?{}", signing::percent::encode_pairs(&query));
    let mut req = client.request(c.method.parse().unwrap(), url);
    for (k, v) in signed.headers {
        if k != "host" {
            req = req.header(k, v);
        }
    }
    req.body(body)
}

pub(crate) fn v2_params(c: &Call) -> Vec<(String, String)> {
    let date = c.date.clone().unwrap_or_else(now_stamp);
    let n = c.nonce.clone().unwrap_or_else(nonce);
    let key = signing::SigningKey {
        access_key_id: &c.key_id,
        access_key_secret: &c.secret,
        security_token: c.token.as_deref(),
    };
    let mut all = v2::common_params(&c.action, &c.version, &key, &date, &n);
    all.extend(c.params.iter().cloned());
    let stages = v2::sign(c.method, &all, &c.secret);
    all.push(("Signature".into(), stages.signature));
    all
}

fn v2_request(emu: &Emulator, c: &Call) -> reqwest::RequestBuilder {
    let all = v2_params(c);
    let url = format!("{}/?{}", emu.endpoint, signing::percent::encode_pairs(&all));
    emu.http_client().request(c.method.parse().unwrap(), url)
}

async fn v3(emu: &Emulator, c: &Call) -> Answer {
    answer(v3_request(emu, c).send().await.expect("send")).await
}

async fn v2(emu: &Emulator, c: &Call) -> Answer {
    answer(v2_request(emu, c).send().await.expect("send")).await
}

async fn admin_get(emu: &Emulator, path: &str) -> Value {
    let r = emu
        .http_client()
        .get(emu.admin_url(path))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200, "GET {path}");
    serde_json::from_str(&r.text().await.unwrap()).unwrap()
}

fn assert_error_shape(a: &Answer, status: u16, code: &str) {
    assert_eq!(a.status, status, "status of {code}: {}", a.text);
    assert_eq!(a.code(), code, "{}", a.text);
    let rid = a.body["RequestId"].as_str().expect("RequestId");
    assert!(!rid.is_empty());
    assert!(a.body["HostId"].as_str().is_some(), "{}", a.text);
    assert!(!a.message().is_empty(), "{}", a.text);
    let recommend = a.body["Recommend"].as_str().expect("Recommend");
    assert!(recommend.contains(code), "{recommend}");
    assert_eq!(
        a.headers
            .get("x-acs-request-id")
            .and_then(|v| v.to_str().ok()),
        Some(rid),
        "x-acs-request-id header"
    );
}

async fn assume_role(emu: &Emulator) -> (String, String, String) {
    let a = v2(
        emu,
        &Call {
            method: "GET",
            ..Call::new(
                "AssumeRole",
                &[("RoleArn", ROLE), ("RoleSessionName", "tests")],
            )
        },
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text);
    let c = &a.body["Credentials"];
    (
        c["AccessKeyId"].as_str().unwrap().to_string(),
        c["AccessKeySecret"].as_str().unwrap().to_string(),
        c["SecurityToken"].as_str().unwrap().to_string(),
    )
}

// ---------------------------------------------------------------------------------------------
// Start and stop

#[test]
fn serve_writes_the_ready_file_says_where_it_listens_and_stops_on_sigterm() {
    let sb = Sandbox::new();
    let ready = sb.path("ready");
    let child = sb
        .cmd()
        .args(["emulator", "--listen", "127.0.0.1:0", "--ready-file"])
        .arg(&ready)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let addr = loop {
        if let Ok(s) = std::fs::read_to_string(&ready) {
            if !s.trim().is_empty() {
                break s.trim().to_string();
            }
        }
        assert!(Instant::now() < deadline, "no ready file");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");
    let health = exchange(
        &addr,
        b"GET /_emulator/health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
    );
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.contains("\"status\":\"ok\""), "{health}");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "clean exit on SIGTERM");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "one line on stderr: {stderr}");
    assert!(stderr.contains(&format!("http://{addr}")), "{stderr}");
    assert!(stderr.contains(TEST_KEY_ID), "{stderr}");
    assert!(!stderr.contains(TEST_KEY_SECRET), "{stderr}");
}

#[test]
fn a_non_loopback_listen_address_needs_allow_remote() {
    let sb = Sandbox::new();
    let (code, _, err) = run(sb.cmd().args(["emulator", "--listen", "0.0.0.0:0"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a loopback address"), "{err}");
    assert!(err.contains("--allow-remote"), "{err}");
    let (code, _, err) = run(sb.cmd().args(["emulator", "--listen", "nowhere"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("invalid --listen address"), "{err}");
}

#[test]
fn bad_key_and_fault_flags_are_usage_errors_that_never_echo_the_secret() {
    let sb = Sandbox::new();
    let (code, _, err) = run(sb.cmd().args(["emulator", "--key", "justsecretvalue"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("ACCESS_KEY_ID:SECRET"), "{err}");
    assert!(!err.contains("justsecretvalue"), "{err}");
    let (code, _, err) = run(sb
        .cmd()
        .args(["emulator", "--fault", "kind=error,code=Nope"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("unknown fault code"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Gateway: accepted requests

#[tokio::test(flavor = "multi_thread")]
async fn v3_and_v2_signed_requests_are_accepted_by_get_and_post_query_and_body() {
    let emu = Emulator::start();
    let base = Call::new("DescribeRegions", &[]);
    for c in [
        base.clone(),
        Call {
            method: "GET",
            ..base.clone()
        },
        Call {
            in_body: true,
            params: vec![("AcceptLanguage".into(), "en-US".into())],
            ..base.clone()
        },
    ] {
        let a = v3(&emu, &c).await;
        assert_eq!(a.status, 200, "v3 {}: {}", c.method, a.text);
        assert!(a.body["RequestId"].is_string());
        assert!(a.body["Regions"]["Region"].is_array(), "{}", a.text);
        let a = v2(&emu, &c).await;
        assert_eq!(a.status, 200, "v2 {}: {}", c.method, a.text);
    }
    // V2 with its parameters in a form body.
    let all = v2_params(&base);
    let r = http()
        .post(format!("{}/", emu.endpoint))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(signing::percent::encode_pairs(&all))
        .send()
        .await
        .unwrap();
    let a = answer(r).await;
    assert_eq!(a.status, 200, "v2 form body: {}", a.text);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sdk_quirks_are_accepted_plus_spaces_and_python_booleans() {
    let emu = Emulator::start();
    // Tea SDK builds its query with `+` for spaces: the gateway decodes with form semantics.
    let c = Call::new(
        "AssumeRole",
        &[
            ("RoleArn", ROLE),
            ("RoleSessionName", "a.b"),
            ("Policy", "{\"Statement\": []}"),
        ],
    );
    let all = v2_params(&c);
    let query: String = all
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                k,
                form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()
            )
        })
        .collect::<Vec<_>>()
        .join("&");
    assert!(query.contains('+'), "{query}");
    let r = http()
        .post(format!("{}/?{query}", emu.endpoint))
        .send()
        .await
        .unwrap();
    let a = answer(r).await;
    assert_eq!(a.status, 200, "{}", a.text);
}

#[tokio::test(flavor = "multi_thread")]
async fn format_xml_answers_xml_for_success_and_errors() {
    let emu = Emulator::start();
    let mut c = Call::new(
        "AssumeRole",
        &[("RoleArn", ROLE), ("RoleSessionName", "xml")],
    );
    let mut all = v2_params(&c);
    for (k, v) in all.iter_mut() {
        if k == "Format" {
            *v = "XML".into();
        }
    }
    all.retain(|(k, _)| k != "Signature");
    let sig = v2::sign("POST", &all, TEST_KEY_SECRET).signature;
    all.push(("Signature".into(), sig));
    let r = http()
        .post(format!(
            "{}/?{}",
            emu.endpoint,
            signing::percent::encode_pairs(&all)
        ))
        .send()
        .await
        .unwrap();
    let a = answer(r).await;
    assert_eq!(a.status, 200, "{}", a.text);
    assert!(a.text.contains("<AssumeRoleResponse>"), "{}", a.text);
    assert!(a.text.contains("<AccessKeyId>STS."), "{}", a.text);
    c.secret = "wrong".into();
    let mut all = v2_params(&c);
    for (k, v) in all.iter_mut() {
        if k == "Format" {
            *v = "xml".into();
        }
    }
    let r = http()
        .post(format!(
            "{}/?{}",
            emu.endpoint,
            signing::percent::encode_pairs(&all)
        ))
        .send()
        .await
        .unwrap();
    let a = answer(r).await;
    assert_eq!(a.status, 400, "{}", a.text);
    assert!(a.text.contains("<Error><RequestId>"), "{}", a.text);
    assert!(
        a.text.contains("<Code>SignatureDoesNotMatch</Code>"),
        "{}",
        a.text
    );
}

// ---------------------------------------------------------------------------------------------
// Gateway errors

#[tokio::test(flavor = "multi_thread")]
async fn unknown_access_key_is_404_for_both_schemes() {
    let emu = Emulator::start();
    let c = Call::new("DescribeRegions", &[]).key("LTAInobody", "x", None);
    assert_error_shape(&v3(&emu, &c).await, 404, "InvalidAccessKeyId.NotFound");
    assert_error_shape(&v2(&emu, &c).await, 404, "InvalidAccessKeyId.NotFound");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_secret_is_signature_does_not_match_with_the_server_string_to_sign() {
    let emu = Emulator::start();
    let c = Call::new("DescribeRegions", &[]).key(TEST_KEY_ID, "wrong-secret", None);
    let a = v3(&emu, &c).await;
    assert_error_shape(&a, 400, "SignatureDoesNotMatch");
    assert!(
        a.message()
            .contains("server StringToSign is [ACS3-HMAC-SHA256\n"),
        "{}",
        a.message()
    );
    let date = now_stamp();
    let c2 = Call {
        date: Some(date.clone()),
        ..c.clone()
    };
    let a = v2(&emu, &c2).await;
    assert_error_shape(&a, 400, "SignatureDoesNotMatch");
    // The server's string to sign is exactly what a correct client computes.
    let mut mine = v2_params(&Call {
        secret: TEST_KEY_SECRET.into(),
        ..c2.clone()
    });
    mine.retain(|(k, _)| k != "Signature");
    let expected = v2::sign("POST", &mine, TEST_KEY_SECRET).string_to_sign;
    let nonce_in_msg = a
        .message()
        .split("server string to sign is:")
        .nth(1)
        .unwrap();
    // Nonces differ between the two computations; compare everything else.
    let strip = |s: &str| {
        s.split("%26")
            .filter(|p| !p.starts_with("SignatureNonce"))
            .collect::<Vec<_>>()
            .join("%26")
    };
    assert_eq!(strip(nonce_in_msg), strip(&expected));
}

#[tokio::test(flavor = "multi_thread")]
async fn tampering_with_a_signed_request_is_detected() {
    let emu = Emulator::start();
    // Change the method after signing.
    let c = Call::new("DescribeRegions", &[]);
    let all = v2_params(&c);
    let r = http()
        .get(format!(
            "{}/?{}",
            emu.endpoint,
            signing::percent::encode_pairs(&all)
        ))
        .send()
        .await
        .unwrap();
    assert_error_shape(&answer(r).await, 400, "SignatureDoesNotMatch");
    // Add a query parameter after signing (V3).
    let r = v3_request(&emu, &c)
        .query(&[("RegionId", "cn-beijing")])
        .send()
        .await
        .unwrap();
    assert_error_shape(&answer(r).await, 400, "SignatureDoesNotMatch");
    // Change the body after signing (V3 hashes the body as received).
    let c = Call {
        in_body: true,
        params: vec![("AcceptLanguage".into(), "en-US".into())],
        ..c
    };
    let mut signed = v3_request(&emu, &c).build().unwrap();
    *signed.body_mut() = Some("AcceptLanguage=zh-CN".into());
    let r = http().execute(signed).await.unwrap();
    assert_error_shape(&answer(r).await, 400, "SignatureDoesNotMatch");
}

#[tokio::test(flavor = "multi_thread")]
async fn timestamps_too_far_off_or_malformed_are_rejected() {
    let emu = Emulator::start();
    let old = signing::format_timestamp(chrono::Utc::now() - chrono::Duration::minutes(16));
    let future = signing::format_timestamp(chrono::Utc::now() + chrono::Duration::minutes(16));
    for date in [old, future] {
        let c = Call {
            date: Some(date),
            ..Call::new("DescribeRegions", &[])
        };
        assert_error_shape(&v3(&emu, &c).await, 400, "InvalidTimeStamp.Expired");
        assert_error_shape(&v2(&emu, &c).await, 400, "InvalidTimeStamp.Expired");
    }
    let c = Call {
        date: Some("2024-13-45 25:61".into()),
        ..Call::new("DescribeRegions", &[])
    };
    assert_error_shape(&v3(&emu, &c).await, 400, "InvalidTimeStamp.Format");
    assert_error_shape(&v2(&emu, &c).await, 400, "InvalidTimeStamp.Format");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reused_nonce_is_rejected() {
    let emu = Emulator::start();
    for scheme in ["v3", "v2"] {
        let c = Call {
            nonce: Some(nonce()),
            ..Call::new(
                "AssumeRole",
                &[("RoleArn", ROLE), ("RoleSessionName", "n1")],
            )
        };
        let send = |c: Call| {
            let emu = &emu;
            async move {
                if scheme == "v3" {
                    v3(emu, &c).await
                } else {
                    v2(emu, &c).await
                }
            }
        };
        let first = send(c.clone()).await;
        assert_eq!(first.status, 200, "{scheme}: {}", first.text);
        assert_error_shape(&send(c.clone()).await, 400, "SignatureNonceUsed");
    }
    // A request whose signature failed does not spend its nonce.
    let n = nonce();
    let bad = Call {
        nonce: Some(n.clone()),
        ..Call::new("DescribeRegions", &[]).key(TEST_KEY_ID, "wrong", None)
    };
    assert_error_shape(&v3(&emu, &bad).await, 400, "SignatureDoesNotMatch");
    let good = Call {
        nonce: Some(n),
        ..Call::new("DescribeRegions", &[])
    };
    assert_eq!(v3(&emu, &good).await.status, 200);
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_action_and_wrong_version_are_404() {
    let emu = Emulator::start();
    let c = Call::new("DescribeEverything", &[]);
    let a = v3(&emu, &c).await;
    assert_error_shape(&a, 404, "InvalidAction.NotFound");
    assert!(
        a.message().contains("DescribeEverything"),
        "{}",
        a.message()
    );
    assert_error_shape(&v2(&emu, &c).await, 404, "InvalidAction.NotFound");
    let c = Call {
        version: "2014-05-26".into(),
        ..Call::new("DescribeRegions", &[])
    };
    let a = v3(&emu, &c).await;
    assert_error_shape(&a, 404, "InvalidApi.NotFound");
    assert!(a.message().contains("2016-04-28"), "{}", a.message());
    // STS serves AssumeRole only.
    let c = Call {
        version: STS.into(),
        ..Call::new("GetCallerIdentity", &[])
    };
    assert_error_shape(&v2(&emu, &c).await, 404, "InvalidAction.NotFound");
}

#[tokio::test(flavor = "multi_thread")]
async fn missing_signature_parts_are_named() {
    let emu = Emulator::start();
    // V2: drop each required common parameter in turn.
    let c = Call::new("DescribeRegions", &[]);
    for (name, code) in [
        ("Signature", "MissingSignature"),
        ("AccessKeyId", "MissingAccessKeyId"),
        ("SignatureNonce", "MissingSignatureNonce"),
        ("Timestamp", "MissingTimestamp"),
        ("SignatureMethod", "MissingSignatureMethod"),
        ("Action", "MissingAction"),
        ("Version", "MissingVersion"),
    ] {
        let mut all = v2_params(&c);
        all.retain(|(k, _)| k != name);
        let r = http()
            .post(format!(
                "{}/?{}",
                emu.endpoint,
                signing::percent::encode_pairs(&all)
            ))
            .send()
            .await
            .unwrap();
        let a = answer(r).await;
        assert_error_shape(&a, 400, code);
        assert!(a.message().contains(name), "{}", a.message());
    }
    // V2: a signature method other than HMAC-SHA1.
    let mut all = v2_params(&c);
    for (k, v) in all.iter_mut() {
        if k == "SignatureMethod" {
            *v = "HMAC-MD5".into();
        }
    }
    let r = http()
        .post(format!(
            "{}/?{}",
            emu.endpoint,
            signing::percent::encode_pairs(&all)
        ))
        .send()
        .await
        .unwrap();
    assert_error_shape(&answer(r).await, 400, "InvalidSignatureMethod");

    // V3: a required header left out, or present but not signed.
    for header in ["x-acs-date", "x-acs-signature-nonce", "x-acs-action"] {
        let mut req = v3_request(&emu, &c).build().unwrap();
        req.headers_mut().remove(header);
        let a = answer(http().execute(req).await.unwrap()).await;
        assert!(
            a.code() == "MissingParameter" || a.code() == "IncompleteSignature",
            "{header}: {}",
            a.text
        );
        assert_eq!(a.status, 400, "{}", a.text);
        assert!(a.message().contains(header), "{}", a.message());
    }
    let req = v3_request(&emu, &c)
        .header("x-acs-extra", "unsigned")
        .build()
        .unwrap();
    let a = answer(http().execute(req).await.unwrap()).await;
    assert_error_shape(&a, 400, "IncompleteSignature");
    assert!(a.message().contains("x-acs-extra"), "{}", a.message());
    let req = v3_request(&emu, &c)
        .header("content-type", "text/plain")
        .build()
        .unwrap();
    let a = answer(http().execute(req).await.unwrap()).await;
    assert_error_shape(&a, 400, "IncompleteSignature");
    assert!(a.message().contains("content-type"), "{}", a.message());
    // Garbage Authorization.
    let mut req = v3_request(&emu, &c).build().unwrap();
    req.headers_mut()
        .insert("authorization", "Bearer nonsense".parse().unwrap());
    let a = answer(http().execute(req).await.unwrap()).await;
    assert_error_shape(&a, 400, "IncompleteSignature");
}

// ---------------------------------------------------------------------------------------------
// STS

#[tokio::test(flavor = "multi_thread")]
async fn assume_role_then_call_with_the_temporary_credentials() {
    let emu = Emulator::start();
    let (ak, secret, token) = assume_role(&emu).await;
    assert!(ak.starts_with("STS."));
    // V3 (token in x-acs-security-token) and V2 (SecurityToken parameter).
    let c = Call::new("DescribeRegions", &[]).key(&ak, &secret, Some(&token));
    let a = v3(&emu, &c).await;
    assert_eq!(a.status, 200, "{}", a.text);
    let a = v2(&emu, &c).await;
    assert_eq!(a.status, 200, "{}", a.text);
    // Role chaining: temporary credentials may assume a role too.
    let chained = Call::new(
        "AssumeRole",
        &[("RoleArn", ROLE), ("RoleSessionName", "chain")],
    )
    .key(&ak, &secret, Some(&token));
    let a = v3(&emu, &chained).await;
    assert_eq!(a.status, 200, "{}", a.text);
    assert!(a.body["AssumedRoleUser"]["Arn"]
        .as_str()
        .unwrap()
        .ends_with("role/vpc-admin/chain"));
    assert!(a.body["Credentials"]["Expiration"]
        .as_str()
        .unwrap()
        .ends_with('Z'));

    // Token problems.
    let wrong = Call::new("DescribeRegions", &[]).key(&ak, &secret, Some("CAISforged"));
    assert_error_shape(
        &v3(&emu, &wrong).await,
        400,
        "InvalidSecurityToken.MismatchWithAccessKey",
    );
    let none = Call::new("DescribeRegions", &[]).key(&ak, &secret, None);
    assert_error_shape(&v3(&emu, &none).await, 400, "MissingSecurityToken");
    let perm = Call::new("DescribeRegions", &[]).key(TEST_KEY_ID, TEST_KEY_SECRET, Some(&token));
    assert_error_shape(
        &v2(&emu, &perm).await,
        400,
        "InvalidSecurityToken.MismatchWithAccessKey",
    );
    let unknown = Call::new("DescribeRegions", &[]).key("STS.unknown", "x", Some("CAISx"));
    assert_error_shape(
        &v3(&emu, &unknown).await,
        404,
        "InvalidAccessKeyId.NotFound",
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn assume_role_validates_its_parameters() {
    let emu = Emulator::start();
    for (params, code) in [
        (vec![("RoleSessionName", "s1")], "MissingRoleArn"),
        (vec![("RoleArn", ROLE)], "MissingRoleSessionName"),
        (
            vec![
                ("RoleArn", "acs:ram::abc:user/x"),
                ("RoleSessionName", "s1"),
            ],
            "InvalidParameter.RoleArn",
        ),
        (
            vec![
                ("RoleArn", ROLE),
                ("RoleSessionName", "s1"),
                ("DurationSeconds", "60"),
            ],
            "InvalidParameter.DurationSeconds",
        ),
    ] {
        let a = v2(&emu, &Call::new("AssumeRole", &params)).await;
        assert_eq!(a.status, 400, "{}", a.text);
        assert_eq!(a.code(), code, "{}", a.text);
        assert!(a.body["Recommend"]
            .as_str()
            .unwrap()
            .contains("product=Sts"));
    }
}

// ---------------------------------------------------------------------------------------------
// Admin API and request log

#[tokio::test(flavor = "multi_thread")]
async fn admin_health_faults_requests_and_secrets_masked_in_the_log() {
    let emu = Emulator::start();
    let h = admin_get(&emu, "health").await;
    assert_eq!(h["status"], "ok");
    assert_eq!(h["accessKeyIds"][0], TEST_KEY_ID);
    assert_eq!(h["state"], Value::Null);

    // A request carrying every kind of secret.
    let (ak, secret, token) = assume_role(&emu).await;
    let c = Call::new(
        "DescribeBgpGroups",
        &[("RegionId", "cn-hangzhou"), ("AuthKey", "bgp-auth-secret")],
    )
    .key(&ak, &secret, Some(&token));
    v2(&emu, &c).await;
    let log = admin_get(&emu, "requests?action=DescribeBgpGroups").await;
    let entries = log["requests"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{log}");
    let e = &entries[0];
    assert_eq!(e["action"], "DescribeBgpGroups");
    assert_eq!(e["accessKeyId"], ak.as_str());
    assert_eq!(e["signatureVersion"], "v2");
    assert_eq!(e["parameters"]["AuthKey"], "****");
    assert_eq!(e["parameters"]["SecurityToken"], "****");
    assert_eq!(e["parameters"]["Signature"], "****");
    assert_eq!(e["parameters"]["RegionId"], "cn-hangzhou");
    assert!(e["status"].is_u64());
    let whole = serde_json::to_string(&admin_get(&emu, "requests").await).unwrap();
    assert!(!whole.contains("bgp-auth-secret"));
    assert!(!whole.contains(&token));
    assert!(
        !whole.contains(&secret),
        "AssumeRole's answer is not logged"
    );
    let limited = admin_get(&emu, "requests?limit=1").await;
    assert_eq!(limited["requests"].as_array().unwrap().len(), 1);

    // Faults: PUT replaces, POST adds, GET lists, DELETE clears; bad input is a 400 naming it.
    let r = http()
        .put(emu.admin_url("faults"))
        .body(r#"{"faults":[{"kind":"latency","ms":1},{"kind":"error","code":"InternalError","action":"CreateBgpPeer","times":3}]}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let r = http()
        .post(emu.admin_url("faults"))
        .body(r#"{"kind":"throttle","rps":5}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let f = admin_get(&emu, "faults").await;
    assert_eq!(f["faults"].as_array().unwrap().len(), 3, "{f}");
    assert_eq!(f["faults"][1]["times"], 3);
    for bad in [
        r#"{"faults":[{"kind":"error","code":"Nope"}]}"#,
        r#"{"faults":[{"kind":"error","code":"InternalError","rate":1.5}]}"#,
        r#"{"faults":[{"kind":"teleport"}]}"#,
        r#"not json"#,
    ] {
        let r = http()
            .put(emu.admin_url("faults"))
            .body(bad)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 400, "{bad}");
        let v: Value = serde_json::from_str(&r.text().await.unwrap()).unwrap();
        assert!(v["error"].as_str().unwrap().len() > 5, "{v}");
    }
    let r = http().delete(emu.admin_url("faults")).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(
        admin_get(&emu, "faults").await["faults"],
        serde_json::json!([])
    );
    let r = http()
        .delete(emu.admin_url("requests"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(
        admin_get(&emu, "requests").await["requests"],
        serde_json::json!([])
    );
}

// ---------------------------------------------------------------------------------------------
// Faults

#[tokio::test(flavor = "multi_thread")]
async fn error_faults_from_the_flag_answer_the_chosen_code_with_its_status() {
    let emu = Emulator::start_with(&[
        "--settle-ms",
        "0",
        "--fault",
        "kind=error,code=ServiceUnavailable,action=AssumeRole",
        "--fault",
        "kind=error,code=InternalError,action=DescribeVirtualBorderRouters,times=1",
    ]);
    let a = v2(
        &emu,
        &Call::new(
            "AssumeRole",
            &[("RoleArn", ROLE), ("RoleSessionName", "f1")],
        ),
    )
    .await;
    assert_error_shape(&a, 503, "ServiceUnavailable");
    let d = Call::new(
        "DescribeVirtualBorderRouters",
        &[("RegionId", "cn-hangzhou")],
    );
    assert_error_shape(&v3(&emu, &d).await, 500, "InternalError");
    let a = v3(&emu, &d).await;
    assert_eq!(a.status, 200, "times=1 is used up: {}", a.text);
    // Unrelated actions are untouched.
    assert_eq!(
        v3(&emu, &Call::new("DescribeRegions", &[])).await.status,
        200
    );
    // Throttling.User at run time, through the admin API.
    let r = http()
        .put(emu.admin_url("faults"))
        .body(r#"{"faults":[{"kind":"error","code":"Throttling.User"}]}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_error_shape(
        &v3(&emu, &Call::new("DescribeRegions", &[])).await,
        400,
        "Throttling.User",
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rate_limit_per_access_key_answers_throttling_with_retry_after() {
    let emu = Emulator::start_with(&["--settle-ms", "0", "--fault", "kind=throttle,rps=0.01"]);
    let c = Call::new("DescribeRegions", &[]);
    assert_eq!(v3(&emu, &c).await.status, 200);
    let a = v3(&emu, &c).await;
    assert_error_shape(&a, 400, "Throttling.User");
    let retry: u64 = a.headers["x-acs-retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 1000 && retry <= 100_000, "{retry}");
    // Another AccessKey has its own budget.
    let (ak, secret, token) = {
        // AssumeRole with the throttled key is throttled too: lift the fault for it.
        http().delete(emu.admin_url("faults")).send().await.unwrap();
        let t = assume_role(&emu).await;
        http()
            .put(emu.admin_url("faults"))
            .body(r#"{"faults":[{"kind":"throttle","rps":0.01}]}"#)
            .send()
            .await
            .unwrap();
        t
    };
    let other = Call::new("DescribeRegions", &[]).key(&ak, &secret, Some(&token));
    assert_eq!(v3(&emu, &other).await.status, 200);
    assert_error_shape(&v3(&emu, &other).await, 400, "Throttling.User");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_client_retries_throttling_and_reports_it_through_the_binary() {
    let emu = Emulator::start_with(&[
        "--settle-ms",
        "0",
        "--fault",
        "kind=error,code=Throttling.User,action=DescribeRegions,times=2",
    ]);
    let sb = Sandbox::new();
    let (code, out, err) = run(sb.cmd_at(&emu).args(["api", "DescribeRegions"]));
    assert_eq!(code, 0, "two throttled attempts then success: {err}");
    assert!(json(&out)["Regions"].is_object(), "{out}");
    let log = admin_get(&emu, "requests?action=DescribeRegions").await;
    let codes: Vec<Value> = log["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].clone())
        .collect();
    assert_eq!(
        codes,
        vec![
            Value::from("Throttling.User"),
            Value::from("Throttling.User"),
            Value::Null
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn latency_delays_the_answer() {
    let emu = Emulator::start_with(&[
        "--settle-ms",
        "0",
        "--fault",
        "kind=latency,ms=400,action=DescribeRegions",
    ]);
    let started = Instant::now();
    let a = v3(&emu, &Call::new("DescribeRegions", &[])).await;
    assert_eq!(a.status, 200);
    // A lower bound only: a slow machine can't make this fail.
    assert!(started.elapsed() >= Duration::from_millis(400));
}

#[tokio::test(flavor = "multi_thread")]
async fn drop_commits_then_closes_the_connection_without_an_answer() {
    let emu = Emulator::start();
    let vbr = first_active_vbr(&emu, "cn-shanghai").await;
    let r = http()
        .post(emu.admin_url("faults"))
        .body(r#"{"kind":"drop","action":"CreateBgpGroup","times":1}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let create = Call::new(
        "CreateBgpGroup",
        &[
            ("RegionId", "cn-shanghai"),
            ("RouterId", &vbr),
            ("PeerAsn", "65010"),
            ("Name", "dropped"),
            ("ClientToken", "drop-token-1"),
        ],
    );
    let sent = v3_request(&emu, &create).send().await;
    assert!(
        sent.is_err(),
        "no answer expected, got {:?}",
        sent.map(|r| r.status())
    );
    // The mutation was committed: the log says so, and the group exists.
    let log = admin_get(&emu, "requests?action=CreateBgpGroup").await;
    assert_eq!(log["requests"][0]["dropped"], true, "{log}");
    assert_eq!(log["requests"][0]["status"], 200, "{log}");
    let a = v3(
        &emu,
        &Call::new(
            "DescribeBgpGroups",
            &[("RegionId", "cn-shanghai"), ("RouterId", &vbr)],
        ),
    )
    .await;
    let names: Vec<&str> = a.body["BgpGroups"]["BgpGroup"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|g| g["Name"].as_str())
        .collect();
    assert!(names.contains(&"dropped"), "{}", a.text);
    // A client retry with the same ClientToken gets the committed group, not a second one.
    let retry = v3(&emu, &create).await;
    assert_eq!(retry.status, 200, "{}", retry.text);
    let again = v3(
        &emu,
        &Call::new(
            "DescribeBgpGroups",
            &[("RegionId", "cn-shanghai"), ("RouterId", &vbr)],
        ),
    )
    .await;
    assert_eq!(
        again.body["TotalCount"], a.body["TotalCount"],
        "idempotent retry: {}",
        again.text
    );
}

// ---------------------------------------------------------------------------------------------
// State: persistence, durability, corruption, reset, concurrency

async fn first_active_vbr(emu: &Emulator, region: &str) -> String {
    active_vbrs(emu, region).await.remove(0)
}

async fn active_vbrs(emu: &Emulator, region: &str) -> Vec<String> {
    let a = v3(
        emu,
        &Call::new(
            "DescribeVirtualBorderRouters",
            &[("RegionId", region), ("PageSize", "50")],
        ),
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text);
    a.body["VirtualBorderRouterSet"]["VirtualBorderRouterType"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["Status"] == "active")
        .filter_map(|v| v["VbrId"].as_str().map(str::to_string))
        .collect()
}

async fn create_group(emu: &Emulator, region: &str, vbr: &str, name: &str) -> Answer {
    v3(
        emu,
        &Call::new(
            "CreateBgpGroup",
            &[
                ("RegionId", region),
                ("RouterId", vbr),
                ("PeerAsn", "65001"),
                ("Name", name),
            ],
        ),
    )
    .await
}

async fn group_exists(emu: &Emulator, region: &str, id: &str) -> bool {
    let a = v3(
        emu,
        &Call::new(
            "DescribeBgpGroups",
            &[("RegionId", region), ("BgpGroupId", id)],
        ),
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text);
    a.body["TotalCount"].as_u64() == Some(1)
}

#[tokio::test(flavor = "multi_thread")]
async fn state_survives_a_restart_and_a_missing_file_is_created() {
    let sb = Sandbox::new();
    let state = sb.path("nested/dir/state.json");
    let state_s = state.to_str().unwrap();
    let id = {
        let emu = Emulator::start_with(&["--settle-ms", "0", "--state", state_s]);
        assert!(state.exists(), "created with the seeded world");
        let h = admin_get(&emu, "health").await;
        assert_eq!(h["state"], state_s);
        let vbr = first_active_vbr(&emu, "cn-shanghai").await;
        let a = create_group(&emu, "cn-shanghai", &vbr, "persisted").await;
        assert_eq!(a.status, 200, "{}", a.text);
        a.body["BgpGroupId"].as_str().unwrap().to_string()
    };
    let emu = Emulator::start_with(&["--settle-ms", "0", "--state", state_s]);
    assert!(group_exists(&emu, "cn-shanghai", &id).await);
    // POST /_emulator/reset restores the seeded world, on disk too.
    let r = http().post(emu.admin_url("reset")).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(!group_exists(&emu, "cn-shanghai", &id).await);
    drop(emu);
    let emu = Emulator::start_with(&["--settle-ms", "0", "--state", state_s]);
    assert!(!group_exists(&emu, "cn-shanghai", &id).await);
}

#[tokio::test(flavor = "multi_thread")]
async fn kill_9_keeps_every_acknowledged_mutation() {
    let sb = Sandbox::new();
    let state = sb.path("state.json");
    let state_s = state.to_str().unwrap().to_string();
    let mut emu = Emulator::start_with(&["--settle-ms", "0", "--state", &state_s]);
    let vbrs = active_vbrs(&emu, "cn-shanghai").await;
    assert!(vbrs.len() >= 8);
    let acked = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let endpoint = emu.endpoint.clone();
    let addr = emu.addr.clone();
    let mut tasks = Vec::new();
    for (i, vbr) in vbrs.iter().take(8).enumerate() {
        let acked = acked.clone();
        let vbr = vbr.clone();
        let (endpoint, addr) = (endpoint.clone(), addr.clone());
        tasks.push(tokio::spawn(async move {
            for n in 0..8 {
                let c = Call::new(
                    "CreateBgpGroup",
                    &[
                        ("RegionId", "cn-shanghai"),
                        ("RouterId", &vbr),
                        ("PeerAsn", "65001"),
                        ("Name", &format!("k{i}n{n}")),
                    ],
                );
                let Ok(resp) = v3_request_to(&endpoint, &addr, &c).send().await else {
                    return;
                };
                let a = answer(resp).await;
                if a.status == 200 {
                    acked
                        .lock()
                        .unwrap()
                        .push(a.body["BgpGroupId"].as_str().unwrap().to_string());
                }
            }
        }));
    }
    // Kill while writes are in flight, once some have been acknowledged.
    let deadline = Instant::now() + Duration::from_secs(120);
    while acked.lock().unwrap().len() < 10 {
        assert!(Instant::now() < deadline, "no progress");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    emu.child.kill().unwrap();
    emu.child.wait().unwrap();
    for t in tasks {
        let _ = t.await;
    }
    let acked = acked.lock().unwrap().clone();
    drop(emu);
    let emu = Emulator::start_with(&["--settle-ms", "0", "--state", &state_s]);
    for id in &acked {
        assert!(
            group_exists(&emu, "cn-shanghai", id).await,
            "acknowledged {id} lost"
        );
    }
}

#[test]
fn a_corrupt_state_file_is_a_clear_error_and_reset_repairs_it() {
    let sb = Sandbox::new();
    let state = sb.path("state.json");
    std::fs::write(&state, b"{\"format\": \"bgpeer-emulator-state\", trunc").unwrap();
    let (code, _, err) = run(sb
        .cmd()
        .args(["emulator", "--listen", "127.0.0.1:0", "--state"])
        .arg(&state));
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("state.json"), "{err}");
    assert!(err.contains("not a valid bgpeer emulator state"), "{err}");
    assert!(err.contains("bgpeer emulator reset --state"), "{err}");
    assert_eq!(
        std::fs::read(&state).unwrap(),
        b"{\"format\": \"bgpeer-emulator-state\", trunc",
        "never silently reset"
    );
    let (code, _, err) = run(sb.cmd().args(["emulator", "reset", "--state"]).arg(&state));
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    assert_eq!(v["format"], "bgpeer-emulator-state");
    // Without --state, reset targets the embedded profile's file (BGPEER_EMULATOR_STATE).
    let (code, _, err) = run(sb.cmd().args(["emulator", "reset"]));
    assert_eq!(code, 0, "{err}");
    assert!(sb.path("emulator-state.json").exists());
}

#[tokio::test(flavor = "multi_thread")]
async fn fifty_parallel_peer_creates_on_one_vbr_give_8_peers_and_42_quota_errors() {
    let emu = Emulator::start();
    let vbr = first_active_vbr(&emu, "cn-shanghai").await;
    let g = create_group(&emu, "cn-shanghai", &vbr, "quota").await;
    assert_eq!(g.status, 200, "{}", g.text);
    let group = g.body["BgpGroupId"].as_str().unwrap().to_string();
    let mut tasks = Vec::new();
    for i in 0..50 {
        let c = Call::new(
            "CreateBgpPeer",
            &[
                ("RegionId", "cn-shanghai"),
                ("BgpGroupId", &group),
                ("PeerIpAddress", &format!("198.51.100.{}", i + 10)),
            ],
        );
        let req = v3_request(&emu, &c);
        tasks.push(tokio::spawn(async move {
            answer(req.send().await.unwrap()).await
        }));
    }
    let mut ok = 0;
    let mut quota = 0;
    for t in tasks {
        let a = t.await.unwrap();
        match (a.status, a.code()) {
            (200, _) => ok += 1,
            (_, "QuotaExceeded.Bgp") => quota += 1,
            _ => panic!("unexpected answer: {}", a.text),
        }
    }
    assert_eq!((ok, quota), (8, 42));
    let a = v3(
        &emu,
        &Call::new(
            "DescribeBgpPeers",
            &[
                ("RegionId", "cn-shanghai"),
                ("RouterId", &vbr),
                ("PageSize", "50"),
            ],
        ),
    )
    .await;
    assert_eq!(a.body["TotalCount"], 8, "{}", a.text);
}

// ---------------------------------------------------------------------------------------------
// Robustness: hostile HTTP never panics the server nor gets a 5xx

fn raw_status(addr: &str, request: &[u8]) -> Option<u16> {
    let mut s = std::net::TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    s.write_all(request).ok()?;
    // End of request: a server waiting for a promised body sees EOF instead of hanging.
    let _ = s.shutdown(std::net::Shutdown::Write);
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf);
    text.split_whitespace().nth(1)?.parse().ok()
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_requests_get_4xx_and_the_server_keeps_serving() {
    let emu = Emulator::start();
    let addr = emu.addr.clone();
    let huge = "A".repeat(300_000);
    let raw: Vec<Vec<u8>> = vec![
        b"GET /?Action=%FF%FE&Version=%C3%28 HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".to_vec(),
        b"GET /?Action=DescribeRegions&Action=Other&Version=2016-04-28&Version=x&AccessKeyId=a&AccessKeyId=b HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".to_vec(),
        format!("GET /?q={huge} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n").into_bytes(),
        b"POST / HTTP/1.1\r\nhost: x\r\nauthorization: \xff\xfe\r\nconnection: close\r\ncontent-length: 0\r\n\r\n".to_vec(),
        b"POST / HTTP/1.1\r\nhost: x\r\nauthorization: ACS3-HMAC-SHA256 Credential=,SignedHeaders=,Signature=\r\nx-acs-action: DescribeRegions\r\nx-acs-version: 2016-04-28\r\nconnection: close\r\ncontent-length: 0\r\n\r\n".to_vec(),
        b"POST / HTTP/1.1\r\nhost: x\r\nauthorization: ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host;x-acs-action;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=00\r\nx-acs-action: DescribeRegions\r\nx-acs-version: 2016-04-28\r\nx-acs-date: \x01\x02\r\nx-acs-signature-nonce: n\r\nconnection: close\r\ncontent-length: 0\r\n\r\n".to_vec(),
        b"POST / HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-www-form-urlencoded\r\ncontent-length: 12\r\nconnection: close\r\n\r\n%ZZ=%&&==\xff\xfe".to_vec(),
        b"POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 5000000\r\nconnection: close\r\n\r\nshort".to_vec(),
        b"DELETE / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".to_vec(),
        b"PATCH /?Action=DescribeRegions HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".to_vec(),
        b"GET /some/other/path HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".to_vec(),
        b"GET / HTTP/1.1\r\nconnection: close\r\n\r\n".to_vec(),
        b"BREW /pot HTCPCP/1.0\r\n\r\n".to_vec(),
        b"GET /?\x00\x01 HTTP/1.1\r\nhost: x\r\n\r\n".to_vec(),
        b"GET /_emulator/faults HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".to_vec(),
        b"PUT /_emulator/faults HTTP/1.1\r\nhost: x\r\ncontent-length: 3\r\nconnection: close\r\n\r\n[1]".to_vec(),
        b"GET /_emulator/requests?limit=-1 HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".to_vec(),
        b"GET /_emulator/nothing HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".to_vec(),
    ];
    for (i, req) in raw.iter().enumerate() {
        let addr = addr.clone();
        let req = req.clone();
        let status = tokio::task::spawn_blocking(move || raw_status(&addr, &req))
            .await
            .unwrap();
        // A closed connection without an answer is acceptable for unparseable HTTP; a 5xx is not.
        if let Some(s) = status {
            assert!(
                (200..500).contains(&s) && (i == 14 || s >= 400),
                "request #{i}: status {s}"
            );
        }
    }
    // Signed requests with hostile parameter values, for every action, are answered below 500.
    let hostile = [
        "x".repeat(3_000),
        "\u{0}\u{1}\u{7f}".to_string(),
        "💥🚀 unicode ✓".to_string(),
        "-1".to_string(),
        "99999999999999999999999".to_string(),
        "true".to_string(),
        "".to_string(),
        "<script>".to_string(),
    ];
    for action in bgpeer::emulator::actions::ACTIONS {
        for value in &hostile {
            let params: Vec<(&str, &str)> = [
                "RegionId",
                "RouterId",
                "BgpGroupId",
                "BgpPeerId",
                "PeerAsn",
                "PeerIpAddress",
                "DstCidrBlock",
                "PageSize",
                "PageNumber",
                "EnableBfd",
                "BfdMultiHop",
                "Name",
                "IpVersion",
                "ClientToken",
            ]
            .iter()
            .map(|k| (*k, value.as_str()))
            .collect();
            let mut c = Call::new(action, &params);
            // Duplicated keys too.
            c.params.push(("RegionId".into(), "cn-shanghai".into()));
            let a = v3(&emu, &c).await;
            assert!(
                a.status < 500,
                "{action} with {:?}: {}",
                &value[..value.len().min(20)],
                a.text
            );
        }
    }
    // Still alive and well.
    assert_eq!(
        v3(&emu, &Call::new("DescribeRegions", &[])).await.status,
        200
    );
}

// ---------------------------------------------------------------------------------------------
// The embedded default profile

#[test]
fn the_emulator_profile_runs_in_process_and_keeps_state_between_invocations() {
    let sb = Sandbox::new();
    let state = sb.path("embedded/state.json");
    let cmd = || {
        let mut c = sb.cmd();
        c.env("BGPEER_EMULATOR_STATE", &state)
            .env("BGPEER_EMULATOR_SETTLE_MS", "0")
            .args(["--profile", "emulator"]);
        c
    };
    let (code, out, err) = run(cmd().args(["api", "DescribeRegions"]));
    assert_eq!(code, 0, "{err}");
    assert!(json(&out)["Regions"]["Region"].is_array(), "{out}");
    assert!(state.exists());
    let (code, out, err) = run(cmd().args([
        "api",
        "DescribeVirtualBorderRouters",
        "--param",
        "RegionId=cn-shanghai",
    ]));
    assert_eq!(code, 0, "{err}");
    let vbr = json(&out)["VirtualBorderRouterSet"]["VirtualBorderRouterType"][0]["VbrId"]
        .as_str()
        .unwrap()
        .to_string();
    let (code, out, err) = run(cmd().args([
        "api",
        "CreateBgpGroup",
        "--param",
        "RegionId=cn-shanghai",
        "--param",
        &format!("RouterId={vbr}"),
        "--param",
        "PeerAsn=65001",
    ]));
    assert_eq!(code, 0, "{err}");
    let group = json(&out)["BgpGroupId"].as_str().unwrap().to_string();
    // A later invocation (a new process, a new in-process server) sees it.
    let (code, out, err) = run(cmd().args([
        "api",
        "DescribeBgpGroups",
        "--param",
        "RegionId=cn-shanghai",
        "--param",
        &format!("BgpGroupId={group}"),
    ]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(json(&out)["TotalCount"], 1, "{out}");

    // Several processes at once neither corrupt nor lose state.
    let children: Vec<_> = (0..4)
        .map(|i| {
            cmd()
                .args([
                    "api",
                    "CreateBgpGroup",
                    "--param",
                    "RegionId=cn-shanghai",
                    "--param",
                    &format!("RouterId={vbr}"),
                    "--param",
                    "PeerAsn=65001",
                    "--param",
                    &format!("Name=parallel{i}"),
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut ids = Vec::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        ids.push(
            json(&String::from_utf8_lossy(&out.stdout))["BgpGroupId"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    let (code, out, err) = run(cmd().args([
        "api",
        "DescribeBgpGroups",
        "--param",
        "RegionId=cn-shanghai",
        "--param",
        &format!("RouterId={vbr}"),
        "--param",
        "PageSize=50",
    ]));
    assert_eq!(code, 0, "{err}");
    let listed: Vec<String> = json(&out)["BgpGroups"]["BgpGroup"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["BgpGroupId"].as_str().unwrap().to_string())
        .collect();
    for id in ids.iter().chain(std::iter::once(&group)) {
        assert!(listed.contains(id), "{id} lost: {listed:?}");
    }
    // A corrupt embedded state is an error, never a silent reset.
    std::fs::write(&state, b"garbage").unwrap();
    let (code, _, err) = run(cmd().args(["api", "DescribeRegions"]));
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("not a valid bgpeer emulator state"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Robustness: random signed parameters at every action (property test)

#[test]
fn random_signed_parameters_at_every_action_never_get_a_5xx() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};

    const NAMES: &[&str] = &[
        "RegionId",
        "RouterId",
        "BgpGroupId",
        "BgpPeerId",
        "PeerAsn",
        "LocalAsn",
        "PeerIpAddress",
        "DstCidrBlock",
        "PageSize",
        "PageNumber",
        "EnableBfd",
        "BfdMultiHop",
        "Name",
        "Description",
        "AuthKey",
        "IpVersion",
        "IsFake",
        "RouteQuota",
        "ClientToken",
        "VpcId",
        "IsDefault",
        "ClearAuthKey",
        "Filter.1.Key",
        "Filter.1.Value.1",
        "AcceptLanguage",
    ];
    let value = prop_oneof![
        any::<String>(),
        "\\PC{0,40}",
        "-?[0-9]{1,25}",
        "[0-9a-f:.]{1,40}(/[0-9]{1,3})?",
        prop::sample::select(vec![
            "True",
            "false",
            "",
            "cn-shanghai",
            "cn-hangzhou",
            "vbr-bp1demo00000000000000",
            "bgpg-bp1demo0000000000000",
            "bgp-bp1demo0000000000001",
            "192.168.10.0/24",
            "45104",
            "IPv6",
        ])
        .prop_map(str::to_string),
    ];
    let strategy = (
        0..bgpeer::emulator::actions::ACTIONS.len(),
        prop::collection::vec((prop::sample::select(NAMES), value), 0..10),
        any::<bool>(),
    );
    let emu = Emulator::start();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut runner = TestRunner::new(Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&strategy, |(a, params, use_v2)| {
            let action = bgpeer::emulator::actions::ACTIONS[a];
            let pairs: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let c = Call::new(action, &pairs);
            let ans = rt.block_on(async {
                if use_v2 {
                    v2(&emu, &c).await
                } else {
                    v3(&emu, &c).await
                }
            });
            prop_assert!(ans.status < 500, "{action} {params:?}: {}", ans.text);
            prop_assert!(
                ans.status == 200 || !ans.code().is_empty(),
                "{action}: an error without a Code: {}",
                ans.text
            );
            Ok(())
        })
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reset_of_the_state_file_while_serving_is_picked_up() {
    let sb = Sandbox::new();
    let state = sb.path("state.json");
    let emu = Emulator::start_with(&["--settle-ms", "0", "--state", state.to_str().unwrap()]);
    let vbr = first_active_vbr(&emu, "cn-shanghai").await;
    let a = create_group(&emu, "cn-shanghai", &vbr, "before-reset").await;
    assert_eq!(a.status, 200, "{}", a.text);
    let id = a.body["BgpGroupId"].as_str().unwrap().to_string();
    assert!(group_exists(&emu, "cn-shanghai", &id).await);
    let (code, _, err) = run(sb.cmd().args(["emulator", "reset", "--state"]).arg(&state));
    assert_eq!(code, 0, "{err}");
    // The running server reloads the file another process replaced.
    assert!(!group_exists(&emu, "cn-shanghai", &id).await);
    let a = create_group(&emu, "cn-shanghai", &vbr, "after-reset").await;
    assert_eq!(a.status, 200, "{}", a.text);
}

#[tokio::test(flavor = "multi_thread")]
async fn after_a_dropped_answer_the_client_retry_with_its_client_token_creates_nothing_new() {
    let emu = Emulator::start_with(&[
        "--settle-ms",
        "0",
        "--fault",
        "kind=drop,action=CreateBgpGroup,times=1",
    ]);
    let vbr = first_active_vbr(&emu, "cn-shanghai").await;
    let count = |emu: &Emulator| {
        let c = Call::new(
            "DescribeBgpGroups",
            &[("RegionId", "cn-shanghai"), ("RouterId", &vbr)],
        );
        let req = v3_request(emu, &c);
        async move { answer(req.send().await.unwrap()).await.body["TotalCount"].clone() }
    };
    let before = count(&emu).await;
    let sb = Sandbox::new();
    let (code, out, err) = run(sb.cmd_at(&emu).args([
        "api",
        "CreateBgpGroup",
        "--param",
        &format!("RouterId={vbr}"),
        "--param",
        "PeerAsn=65001",
    ]));
    assert_eq!(code, 0, "the client retries a lost answer: {err}");
    assert!(json(&out)["BgpGroupId"].is_string(), "{out}");
    let log = admin_get(&emu, "requests?action=CreateBgpGroup").await;
    let entries = log["requests"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{log}");
    assert_eq!(entries[0]["dropped"], true);
    assert_eq!(
        entries[0]["parameters"]["ClientToken"], entries[1]["parameters"]["ClientToken"],
        "the retry reuses the token"
    );
    assert_eq!(
        count(&emu).await.as_u64().unwrap(),
        before.as_u64().unwrap() + 1,
        "exactly one group was created"
    );
}

// ---------------------------------------------------------------------------------------------
// HTTPS: the same API and admin API over TLS, plain HTTP on the same port unless --tls-only

/// Waits for the ready file of an emulator started by hand; returns its contents.
fn wait_for_ready_file(ready: &std::path::Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(s) = std::fs::read_to_string(ready) {
            if !s.trim().is_empty() {
                return s.trim().to_string();
            }
        }
        assert!(Instant::now() < deadline, "no ready file");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn https_client(ca_pem: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .add_root_certificate(reqwest::Certificate::from_pem(ca_pem.as_bytes()).unwrap())
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

fn sigterm(child: &std::process::Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[tokio::test(flavor = "multi_thread")]
async fn tls_self_signed_serves_https_says_so_everywhere_and_answers_plain_http_on_the_same_port() {
    let sb = Sandbox::new();
    let ready = sb.path("ready");
    let ca_out = sb.path("ca.pem");
    let child = sb
        .cmd()
        .args(["emulator", "--listen", "127.0.0.1:0", "--settle-ms", "0"])
        .arg("--ready-file")
        .arg(&ready)
        .arg("--tls-self-signed")
        .arg("--tls-ca-out")
        .arg(&ca_out)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let url = wait_for_ready_file(&ready);
    let addr = url
        .strip_prefix("https://127.0.0.1:")
        .map(|port| format!("127.0.0.1:{port}"))
        .unwrap_or_else(|| panic!("the ready file holds the https URL: {url}"));
    let port = addr.rsplit(':').next().unwrap().to_string();
    let ca = std::fs::read_to_string(&ca_out).unwrap();
    let client = https_client(&ca);

    // The certificate is valid for both names of this machine; the API answers as over HTTP.
    for host in ["127.0.0.1", "localhost"] {
        let endpoint = format!("https://{host}:{port}");
        let health: Value = client
            .get(format!("{endpoint}/_emulator/health"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .map(|t| serde_json::from_str(&t).unwrap())
            .unwrap();
        assert_eq!(health["url"], url.as_str(), "{health}");
        let a = answer(
            v3_request_with(
                &client,
                &endpoint,
                &format!("{host}:{port}"),
                &Call::new("DescribeRegions", &[]),
            )
            .send()
            .await
            .unwrap(),
        )
        .await;
        assert_eq!(a.status, 200, "{}", a.text);
        assert!(a.body["Regions"]["Region"].is_array(), "{}", a.text);
    }
    // A wrong signature is refused over TLS exactly as over HTTP.
    let wrong = Call::new("DescribeRegions", &[]).key(TEST_KEY_ID, "wrong", None);
    let a = answer(
        v3_request_with(&client, &url, &addr, &wrong)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error_shape(&a, 400, "SignatureDoesNotMatch");

    // Plain HTTP on the same port: the first byte tells them apart.
    let plain = raw_status(
        &addr,
        b"GET /_emulator/health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
    );
    assert_eq!(plain, Some(200));
    let a = answer(
        v3_request_to(
            &format!("http://{addr}"),
            &addr,
            &Call::new("DescribeRegions", &[]),
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text);

    sigterm(&child);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "clean exit on SIGTERM");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "one line on stderr: {stderr}");
    assert!(stderr.contains(&format!("listening on {url} ")), "{stderr}");
    assert!(
        stderr.contains(&format!("CA certificate in {}", ca_out.display())),
        "{stderr}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn tls_only_answers_plain_http_with_need_ssl_and_serves_the_api_and_admin_over_tls() {
    let emu = Emulator::start_https_with(&["--settle-ms", "0", "--tls-only"]);
    let plain = exchange(
        &emu.addr,
        b"GET /?Action=DescribeRegions HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
    );
    assert!(plain.starts_with("HTTP/1.1 404"), "{plain}");
    let (_, body) = plain.split_once("\r\n\r\n").unwrap();
    let body: Value = serde_json::from_str(body).unwrap();
    assert_eq!(body["Code"], "InvalidProtocol.NeedSsl", "{body}");
    assert!(body["RequestId"].is_string(), "{body}");
    // Plain HTTP reaches neither the API nor the admin API.
    assert_eq!(
        raw_status(
            &emu.addr,
            b"GET /_emulator/health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n"
        ),
        Some(404)
    );

    // By name too: the certificate is for localhost.
    let by_name = v3_request_with(
        &emu.http_client(),
        &emu.endpoint_at("localhost"),
        &format!("localhost:{}", emu.port()),
        &Call::new("DescribeRegions", &[]),
    );
    let a = answer(by_name.send().await.unwrap()).await;
    assert_eq!(a.status, 200, "{}", a.text);
    // The support helpers speak TLS to it: the admin API works, the log has the one API call.
    assert_eq!(
        admin(&emu, "GET", "health", "")["url"],
        emu.endpoint.as_str()
    );
    assert_eq!(actions(&emu), vec!["DescribeRegions"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_that_does_not_trust_the_ca_is_refused_and_the_server_keeps_serving() {
    let emu = Emulator::start_https();
    let err = http()
        .get(emu.admin_url("health"))
        .send()
        .await
        .expect_err("an untrusted certificate");
    let chain = format!("{:?}", anyhow::Error::from(err));
    assert!(chain.contains("UnknownIssuer"), "{chain}");
    // Garbage that starts like a handshake ends that connection only.
    assert_eq!(raw_status(&emu.addr, b"\x16\x03\x01\x00\x05hello"), None);
    assert!(admin_get(&emu, "health").await["status"] == "ok");
}

#[tokio::test(flavor = "multi_thread")]
async fn drop_faults_and_graceful_shutdown_work_over_tls() {
    let mut emu = Emulator::start_https_with(&[
        "--settle-ms",
        "0",
        "--fault",
        "kind=drop,action=DescribeRegions,times=1",
        "--fault",
        "kind=latency,ms=1500,action=DescribeVirtualBorderRouters",
    ]);
    let sent = v3_request(&emu, &Call::new("DescribeRegions", &[]))
        .send()
        .await;
    assert!(
        sent.is_err(),
        "no answer expected, got {:?}",
        sent.map(|r| r.status())
    );
    let log = admin_get(&emu, "requests?action=DescribeRegions").await;
    assert_eq!(log["requests"][0]["dropped"], true, "{log}");

    // A request in flight when SIGTERM comes is answered before the server exits.
    let slow = tokio::spawn(
        v3_request(
            &emu,
            &Call::new(
                "DescribeVirtualBorderRouters",
                &[("RegionId", "cn-shanghai")],
            ),
        )
        .send(),
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    sigterm(&emu.child);
    let r = slow.await.unwrap().expect("answered while shutting down");
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(emu.child.wait().unwrap().code(), Some(0));
}

#[test]
fn tls_cert_and_key_files_are_served_and_unusable_ones_are_config_errors() {
    let sb = Sandbox::new();
    let made = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let cert = sb.path("cert.pem");
    let key = sb.path("key.pem");
    std::fs::write(&cert, made.cert.pem()).unwrap();
    std::fs::write(&key, made.signing_key.serialize_pem()).unwrap();
    let ready = sb.path("ready");
    let mut child = sb
        .cmd()
        .args(["emulator", "--listen", "127.0.0.1:0", "--ready-file"])
        .arg(&ready)
        .arg("--tls-cert")
        .arg(&cert)
        .arg("--tls-key")
        .arg(&key)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let url = wait_for_ready_file(&ready);
    let port = url.rsplit(':').next().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let health: Value = rt.block_on(async {
        https_client(&made.cert.pem())
            .get(format!("https://localhost:{port}/_emulator/health"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .map(|t| serde_json::from_str(&t).unwrap())
            .unwrap()
    });
    assert_eq!(health["url"], url.as_str());
    let _ = child.kill();
    let _ = child.wait();

    let missing = sb.path("missing.pem");
    let err = fails(
        sb.cmd()
            .args([
                "--error-format",
                "text",
                "emulator",
                "--listen",
                "127.0.0.1:0",
            ])
            .arg("--tls-cert")
            .arg(&missing)
            .arg("--tls-key")
            .arg(&key),
        4,
    );
    assert!(
        err.contains(&format!(
            "the certificate {} (from --tls-cert) is unusable: cannot read it",
            missing.display()
        )),
        "{err}"
    );
    let other_key = sb.path("other-key.pem");
    std::fs::write(
        &other_key,
        rcgen::KeyPair::generate().unwrap().serialize_pem(),
    )
    .unwrap();
    let err = fails(
        sb.cmd()
            .args([
                "--error-format",
                "text",
                "emulator",
                "--listen",
                "127.0.0.1:0",
            ])
            .arg("--tls-cert")
            .arg(&cert)
            .arg("--tls-key")
            .arg(&other_key),
        4,
    );
    assert!(
        err.contains("hint: --tls-key must be the private key"),
        "{err}"
    );

    // Flags that make no sense alone are usage errors.
    for args in [
        &["--tls-cert", "c.pem"][..],
        &["--tls-only"][..],
        &["--tls-ca-out", "ca.pem"][..],
        &[
            "--tls-self-signed",
            "--tls-cert",
            "c.pem",
            "--tls-key",
            "k.pem",
        ][..],
    ] {
        let err = fails(sb.cmd().arg("emulator").args(args), 2);
        assert!(err.contains("--tls"), "{args:?}: {err}");
    }
}
