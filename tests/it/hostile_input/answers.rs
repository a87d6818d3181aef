//! What bgpeer reads from other programs: the API's answers (decoded by the client), the answers
//! of a credentials URI and of the instance metadata service, and the output of an external
//! credential process. Generated answers are served from a local scripted server
//! ([`FaultServer`]); the library's own functions read them, in process.
//!
//! Invariant: an answer is decoded, or refused with the typed error of its layer and its
//! documented exit code (3-7 for the API's, 4 for credentials), in bounded time; a huge or
//! endless answer is cut off at a fixed size (memory stays bounded), not read to the end.

use std::time::{Duration, Instant};

use bgpeer::api::peer::{self, PeerFilter};
use bgpeer::client::{
    http::Trust, CallOptions, Client, ClientConfig, Credentials, DebugLog, Endpoint, RetryPolicy,
    Timeouts,
};
use bgpeer::clock::Clock;
use bgpeer::commands::report::build_report;
use bgpeer::credentials::{external, remote, sign_in};
use bgpeer::env::Env;
use bgpeer::exit::{Diagnose, Exit};
use bgpeer::secret::Secret;
use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;
use crate::support::fault_server::{FaultServer, Reply};
use crate::support::Sandbox;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// A valid-looking HTTP header value (the server writes it into its head as it is).
fn header_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,40}",
        prop::sample::select(vec![
            "1500",
            "0",
            "-1",
            "abc",
            "99999999999999999999",
            " 10 ",
            "1e3"
        ])
        .prop_map(str::to_string),
    ]
}

/// An HTTP answer that is not well-formed: a broken head, a short body, a bad chunk, nothing.
fn raw_reply() -> impl Strategy<Value = Reply> {
    prop::sample::select(vec![
        &b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 50\r\n\r\n{\"RequestId\":"[..],
        b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n{}\r\n",
        b"HTTP/1.1 200 OK\r\ncontent-length: -1\r\n\r\n{}",
        b"HTTP/1.1 999 Whatever\r\ncontent-length: 2\r\n\r\n{}",
        b"HTTP/1.1 OK\r\n\r\n",
        b"NOT HTTP AT ALL\r\n\r\n",
        b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\n{}",
        b"HTTP/1.1 200 OK\r\nbad header line\r\ncontent-length: 2\r\n\r\n{}",
        b"",
        b"\x16\x03\x01\x00\x05hello",
    ])
    .prop_map(|b| Reply::Raw(b.to_vec()))
}

// ---- API answers -----------------------------------------------------------------------------

const PEER_FIELDS: &[&str] = &[
    "BgpPeerId",
    "BgpGroupId",
    "PeerIpAddress",
    "PeerAsn",
    "IsFake",
    "EnableBfd",
    "BfdMultiHop",
    "Hold",
    "IpVersion",
    "Status",
    "BgpStatus",
    "AdvertisedRouteCount",
];

fn peer_value(field: &str) -> BoxedStrategy<Value> {
    let pick = |v: Vec<Value>| prop::sample::select(v).boxed();
    match field {
        "BgpPeerId" => pick(vec![json!("bgp-bp1demo0000000000001"), json!("")]),
        "PeerAsn" | "Hold" => pick(vec![json!("65001"), json!(65001), json!("n/a")]),
        "IsFake" | "EnableBfd" => pick(vec![json!(true), json!("true"), json!("maybe")]),
        "Status" => pick(vec![json!("Available"), json!("Pending")]),
        _ => odd_string().prop_map(Value::from).boxed(),
    }
}

/// A DescribeBgpPeers page that says what it holds: `TotalCount` is the number of items.
fn clean_page() -> impl Strategy<Value = Value> {
    prop::collection::vec(
        json_object_of(PEER_FIELDS, peer_value).prop_map(Value::Object),
        0..5,
    )
    .prop_map(|peers| {
        json!({
            "RequestId": "0C9B5F4E-2E5A-4B7C-9D1E-000000000001",
            "TotalCount": peers.len(),
            "PageNumber": 1,
            "PageSize": 50,
            "BgpPeers": {"BgpPeer": peers},
        })
    })
}

/// A page with one value of the wrong type at a random place (the page's own fields or the set).
fn page_with_a_hole() -> impl Strategy<Value = Value> {
    (
        clean_page(),
        prop::sample::select(vec![
            "TotalCount",
            "PageNumber",
            "PageSize",
            "BgpPeers",
            "RequestId",
        ]),
        prop_oneof![json_leaf(), json_value()],
    )
        .prop_map(|(mut page, key, value)| {
            page[key] = value;
            page
        })
}

fn error_body() -> impl Strategy<Value = Value> {
    const KEYS: &[&str] = &["RequestId", "Code", "Message", "HostId", "Recommend"];
    fn value(key: &str) -> BoxedStrategy<Value> {
        match key {
            "Code" => prop::sample::select(vec![
                "Throttling.User",
                "ServiceUnavailable",
                "InvalidAccessKeyId.NotFound",
                "SignatureDoesNotMatch",
                "InvalidBgpGroup",
                "InvalidParams.NotFound",
                "OperationConflict",
                "InternalError",
                "",
            ])
            .prop_map(Value::from)
            .boxed(),
            _ => odd_string().prop_map(Value::from).boxed(),
        }
    }
    json_object_of(KEYS, value).prop_map(Value::Object)
}

/// What the generated answer is: the oracle needs to know a clean page.
#[derive(Debug, Clone)]
struct ApiAnswer {
    reply: Reply,
    /// The items of a clean 200 page, which must decode as they are.
    clean_items: Option<usize>,
}

fn api_answer() -> impl Strategy<Value = ApiAnswer> {
    let status = prop::sample::select(vec![
        200u16, 200, 200, 201, 204, 301, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504,
    ]);
    let content_type = prop::sample::select(vec![
        "application/json;charset=utf-8",
        "application/json",
        "text/html",
        "text/xml",
        "",
    ]);
    let headers = prop::collection::vec(
        (
            prop::sample::select(vec!["x-acs-request-id", "x-acs-retry-after", "x-other"]),
            header_text(),
        ),
        0..3,
    );
    let body = prop_oneof![
        2 => page_with_a_hole().prop_map(|v| v.to_string().into_bytes()),
        2 => error_body().prop_map(|v| v.to_string().into_bytes()),
        1 => json_value().prop_map(|v| v.to_string().into_bytes()),
        1 => (clean_page(), any::<usize>()).prop_map(|(p, cut)| {
            let text = p.to_string();
            text.as_bytes()[..cut % text.len()].to_vec()
        }),
        1 => (clean_page(), mutations()).prop_map(|(p, m)| mutate(p.to_string().as_bytes(), &m)),
        1 => prop::sample::select(vec![
            &b"<html><body>502 Bad Gateway</body></html>"[..],
            b"",
            b"\xff\xfe{}",
            b"null",
            b"[]",
        ])
        .prop_map(<[u8]>::to_vec),
        // Large but under the cut-off: one long string.
        1 => (1usize..3).prop_map(|mb| {
            json!({"RequestId": "R", "TotalCount": 0, "BgpPeers": {"BgpPeer": []}, "Padding": "x".repeat(mb << 20)})
                .to_string()
                .into_bytes()
        }),
    ];
    prop_oneof![
        8 => (status, content_type, headers, body).prop_map(|(status, content_type, headers, body)| ApiAnswer {
            reply: Reply::Http { status, content_type: content_type.into(), headers: headers.into_iter().map(|(n, v)| (n.to_string(), v)).collect(), body },
            clean_items: None,
        }),
        2 => clean_page().prop_map(|page| ApiAnswer {
            clean_items: Some(page["BgpPeers"]["BgpPeer"].as_array().unwrap().len()),
            reply: Reply::json(200, page),
        }),
        1 => raw_reply().prop_map(|reply| ApiAnswer { reply, clean_items: None }),
        1 => Just(ApiAnswer { reply: Reply::Drop, clean_items: None }),
    ]
}

/// A client of `endpoint` (`http://127.0.0.1:PORT`) with the test key, `attempts` tries per
/// call and no wait between them.
fn api_client(endpoint: &str, attempts: u32) -> Client {
    Client::new(ClientConfig {
        endpoint: Endpoint {
            scheme: "http".into(),
            host: endpoint.trim_start_matches("http://").to_string(),
        },
        version: bgpeer::client::VPC_VERSION.to_string(),
        signature_version: bgpeer::signing::SignatureVersion::V3,
        credentials: Some(Credentials {
            access_key_id: crate::support::TEST_KEY_ID.into(),
            access_key_secret: Secret::new(crate::support::TEST_KEY_SECRET.to_string()),
            security_token: None,
            expiration: None,
            source: "test".into(),
        }),
        timeouts: Timeouts {
            connect: Duration::from_secs(5),
            request: Duration::from_secs(10),
            deadline: Duration::from_secs(15),
        },
        retry: RetryPolicy {
            max_attempts: attempts,
            base_delay: Duration::ZERO,
            max_delay: Duration::ZERO,
        },
        debug: DebugLog::off(),
        clock: Clock::system(),
        trust: Trust::default(),
    })
    .unwrap()
}

/// An empty page that says so: what every request after the scripted one gets.
fn empty_page() -> Reply {
    Reply::json(
        200,
        json!({"RequestId": "R-EMPTY", "TotalCount": 0, "PageNumber": 2, "PageSize": 50, "BgpPeers": {"BgpPeer": []}, "Regions": {"Region": []}}),
    )
}

#[test]
fn api_answers_are_decoded_or_refused_with_their_documented_exit_code() {
    let server = FaultServer::start(Vec::new(), empty_page());
    let client = api_client(&server.endpoint, 2);
    let rt = runtime();
    let tally = Tally::<2>::new();
    let counts = tally.clone();
    check(
        API_ANSWERS,
        || (api_answer(), any::<bool>()),
        move |(answer, typed)| {
            server.set_script(vec![answer.reply.clone()]);
            let status = match &answer.reply {
                Reply::Http { status, .. } => Some(*status),
                _ => None,
            };
            let outcome: anyhow::Result<usize> = rt.block_on(async {
                if typed {
                    peer::list(&client, "cn-shanghai", &PeerFilter::default(), None)
                        .await
                        .map(|peers| peers.len())
                } else {
                    client
                        .call("DescribeRegions", &[], &CallOptions::default())
                        .await
                        .map(|_| 0)
                        .map_err(anyhow::Error::new)
                }
            });
            let what = format!("{:?} typed={typed}", answer.reply);
            counts.result(&outcome);
            match outcome {
                Ok(n) => {
                    if typed {
                        if let Some(items) = answer.clean_items {
                            prop_assert_eq!(n, items, "{}", what);
                        }
                    }
                }
                Err(err) => {
                    prop_assert!(
                        answer.clean_items.is_none(),
                        "{what}: a clean page refused: {err:#}"
                    );
                    let report = build_report(&err);
                    prop_assert!(
                        matches!(
                            report.exit,
                            Exit::NotFound
                                | Exit::Auth
                                | Exit::Rejected
                                | Exit::Throttled
                                | Exit::Network
                        ),
                        "{what}: exit {:?}: {err:#}",
                        report.exit
                    );
                    if status.is_some_and(|s| (200..300).contains(&s)) {
                        // A 2xx answer that is not the API's JSON (or a page list that does not
                        // add up): exit 7.
                        prop_assert_eq!(report.exit, Exit::Network, "{}: {:#}", what, err);
                    }
                    if let Some(client_error) = err.downcast_ref::<bgpeer::client::ClientError>() {
                        if client_error.kind() == Some("undecodable") {
                            // An excerpt, not the body: bounded whatever came.
                            prop_assert!(client_error.to_string().len() < 2048, "{client_error}");
                        }
                    }
                }
            }
            Ok(())
        },
    );
    tally.both(API_ANSWERS, "decoded", "refused");
}

/// A body without end is cut off at 32 MiB (and one announced as 50 MB is refused at once): an
/// undecodable answer, exit 7, with a message that says so, instead of memory without bound.
#[test]
fn an_api_answer_over_32_mib_or_without_end_is_cut_off_with_exit_7() {
    let endless = |declared_len| Reply::Endless {
        status: 200,
        content_type: "application/json".into(),
        declared_len,
        filler: br#"{"RequestId":"R","Padding":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},"#.to_vec(),
    };
    let server = FaultServer::start(vec![endless(None), endless(Some(50_000_000))], empty_page());
    let client = api_client(&server.endpoint, 1);
    let rt = runtime();
    for _ in 0..2 {
        let started = Instant::now();
        let err = rt
            .block_on(client.call("DescribeRegions", &[], &CallOptions::default()))
            .unwrap_err();
        assert!(started.elapsed() < PER_CASE, "took {:?}", started.elapsed());
        assert_eq!(err.exit(), Exit::Network, "{err}");
        assert_eq!(err.kind(), Some("undecodable"), "{err}");
        let message = err.to_string();
        assert!(
            message.contains("(more than 32 MiB: not read to the end)"),
            "{message}"
        );
        assert!(message.len() < 1024, "{message}");
    }
    // Through the binary: the same, as the user sees it.
    let server = FaultServer::start(Vec::new(), endless(None));
    let sb = Sandbox::new();
    let out = sb
        .cmd()
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", crate::support::TEST_KEY_ID)
        .env(
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
            crate::support::TEST_KEY_SECRET,
        )
        .args(["--error-format", "text", "--endpoint", &server.endpoint])
        .args(["--region", "cn-shanghai", "--max-attempts", "1"])
        .args(["api", "DescribeRegions"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(stderr.contains("more than 32 MiB"), "{stderr}");
}

// ---- credentials answers -------------------------------------------------------------------------

const CREDENTIAL_FIELDS: &[&str] = &[
    "Code",
    "AccessKeyId",
    "AccessKeySecret",
    "SecurityToken",
    "Expiration",
    "LastUpdated",
];

fn credential_value(field: &str) -> BoxedStrategy<Value> {
    let pick = |v: Vec<Value>| prop::sample::select(v).boxed();
    match field {
        "Code" => pick(vec![
            json!("Success"),
            json!("Failed"),
            json!("success"),
            json!(200),
        ]),
        "AccessKeyId" => pick(vec![
            json!("STS.NUgYrLnoC37mZZCNnAbez2x"),
            json!(""),
            json!(" "),
        ]),
        "AccessKeySecret" => pick(vec![json!("secret"), json!("")]),
        "SecurityToken" => pick(vec![json!("CAIS-token"), json!("")]),
        "Expiration" => pick(vec![
            json!("2100-01-01T00:00:00Z"),
            json!("2000-01-01T00:00:00Z"),
            json!("2100-01-01T00:00:00+08:00"),
            json!("tomorrow"),
            json!(4_102_444_800u64),
        ]),
        _ => json_leaf().boxed(),
    }
}

/// A credentials answer's body: the metadata service's shape with any values, or not JSON.
/// `complete`, its fields then overwritten (or added) by those of `changes`.
fn overwritten(complete: Value, changes: serde_json::Map<String, Value>) -> Value {
    let mut v = complete;
    for (k, x) in changes {
        v[k] = x;
    }
    v
}

fn credentials_body() -> impl Strategy<Value = Bytes> {
    let complete = json!({
        "Code": "Success",
        "AccessKeyId": "STS.NUgYrLnoC37mZZCNnAbez2x",
        "AccessKeySecret": "secret",
        "SecurityToken": "CAIS-token",
        "Expiration": "2100-01-01T00:00:00Z",
    });
    let body = prop_oneof![
        3 => json_object_of(CREDENTIAL_FIELDS, credential_value).prop_map(|o| Value::Object(o).to_string().into_bytes()),
        3 => prop::collection::vec((prop::sample::select(CREDENTIAL_FIELDS), json_leaf()), 0..2)
            .prop_map(move |changes| overwritten(complete.clone(), changes.into_iter().map(|(k, v)| (k.to_string(), v)).collect()).to_string().into_bytes()),
        1 => json_value().prop_map(|v| v.to_string().into_bytes()),
        1 => mutations().prop_map(|m| mutate(br#"{"Code":"Success","AccessKeyId":"STS.a","AccessKeySecret":"s","SecurityToken":"t","Expiration":"2100-01-01T00:00:00Z"}"#, &m)),
        1 => prop::sample::select(vec![&b""[..], b"<html>login</html>", b"\xff\xfe", b"null"]).prop_map(<[u8]>::to_vec),
    ];
    body.prop_map(Bytes)
}

/// Whether a body holds credentials bgpeer must accept: a JSON object, `Code` absent or
/// `Success`, a non-blank `AccessKeyId` and `AccessKeySecret` (as strings).
fn holds_credentials(body: &[u8]) -> Option<(String, Option<String>)> {
    let v: Value = serde_json::from_str(&String::from_utf8_lossy(body)).ok()?;
    let field = |k: &str| v.get(k).and_then(Value::as_str);
    if field("Code").is_some_and(|c| c != "Success") {
        return None;
    }
    let id = field("AccessKeyId").filter(|s| !s.trim().is_empty())?;
    field("AccessKeySecret").filter(|s| !s.trim().is_empty())?;
    let token = field("SecurityToken")
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    Some((id.to_string(), token))
}

#[derive(Debug, Clone)]
struct CredentialsAnswer {
    status: u16,
    body: Bytes,
    raw: Option<Reply>,
}

fn credentials_answer() -> impl Strategy<Value = CredentialsAnswer> {
    prop_oneof![
        8 => (prop::sample::select(vec![200u16, 200, 200, 200, 201, 204, 302, 403, 404, 500]), credentials_body())
            .prop_map(|(status, body)| CredentialsAnswer { status, body, raw: None }),
        1 => raw_reply().prop_map(|r| CredentialsAnswer { status: 0, body: Bytes(Vec::new()), raw: Some(r) }),
    ]
}

impl CredentialsAnswer {
    fn reply(&self) -> Reply {
        self.raw.clone().unwrap_or_else(|| Reply::Http {
            status: self.status,
            content_type: "application/json".into(),
            headers: Vec::new(),
            body: self.body.0.clone(),
        })
    }
}

#[test]
fn credentials_uri_answers_give_credentials_exactly_when_they_hold_them_else_exit_4() {
    let server = FaultServer::start(Vec::new(), Reply::Drop);
    let uri = format!("{}/creds?token=t0ps3cret", server.endpoint);
    let rt = runtime();
    let tally = Tally::<2>::new();
    let counts = tally.clone();
    check(CREDENTIALS_URI, credentials_answer, move |answer| {
        server.set_script(vec![answer.reply()]);
        let outcome = rt.block_on(remote::credentials_uri(&uri, &Trust::default()));
        counts.result(&outcome);
        let expected = (answer.raw.is_none() && answer.status == 200)
            .then(|| holds_credentials(&answer.body.0))
            .flatten();
        match (outcome, expected) {
            (Ok(creds), Some((id, token))) => {
                prop_assert_eq!(creds.access_key_id, id);
                prop_assert_eq!(creds.security_token.map(|t| t.expose().to_string()), token);
            }
            (Err(e), None) => {
                prop_assert_eq!(e.exit(), Exit::Auth);
                let message = e.to_string();
                // Named, with the query (a token, perhaps) masked.
                prop_assert!(
                    message.starts_with("credentials URI http://127.0.0.1:"),
                    "{message}"
                );
                prop_assert!(!message.contains("t0ps3cret"), "{message}");
            }
            (Ok(creds), None) => {
                return Err(TestCaseError::fail(format!(
                    "{answer:?}: accepted {}",
                    creds.access_key_id
                )))
            }
            (Err(e), Some(_)) => {
                return Err(TestCaseError::fail(format!("{answer:?}: refused: {e}")))
            }
        }
        Ok(())
    });
    tally.both(CREDENTIALS_URI, "gave credentials", "refused");
}

/// One run of the metadata service: the IMDSv2 token answer, the role list (when no role is
/// named), the credentials of the role.
#[derive(Debug, Clone)]
struct MetadataRun {
    v1_disabled: bool,
    role_named: bool,
    token: (u16, String),
    token_dropped: bool,
    roles: (u16, String),
    credentials: (u16, Bytes),
}

fn metadata_run() -> impl Strategy<Value = MetadataRun> {
    let token_text = prop_oneof![
        3 => "[A-Za-z0-9_=-]{1,40}",
        1 => Just(String::new()),
        1 => Just("  \n".to_string()),
    ];
    let role_list = prop_oneof![
        5 => Just("my-ecs-role\n".to_string()),
        1 => Just("\n\n  role-a  \nrole-b\n".to_string()),
        1 => Just(String::new()),
        1 => Just("   \n".to_string()),
    ];
    (
        any::<bool>(),
        any::<bool>(),
        (
            prop::sample::select(vec![200u16, 200, 200, 200, 200, 403, 404, 500]),
            token_text,
        ),
        prop::bool::weighted(0.1),
        (
            prop::sample::select(vec![200u16, 200, 200, 200, 200, 404, 500]),
            role_list,
        ),
        (
            prop::sample::select(vec![200u16, 200, 200, 200, 200, 200, 404, 500]),
            credentials_body(),
        ),
    )
        .prop_map(
            |(v1_disabled, role_named, token, token_dropped, roles, credentials)| MetadataRun {
                v1_disabled,
                role_named,
                token,
                token_dropped,
                roles,
                credentials,
            },
        )
}

impl MetadataRun {
    fn script(&self) -> Vec<Reply> {
        let text = |status: u16, body: &[u8]| Reply::Http {
            status,
            content_type: "text/plain".into(),
            headers: Vec::new(),
            body: body.to_vec(),
        };
        let mut script = vec![if self.token_dropped {
            Reply::Drop
        } else {
            text(self.token.0, self.token.1.as_bytes())
        }];
        if !self.role_named {
            script.push(text(self.roles.0, self.roles.1.as_bytes()));
        }
        script.push(text(self.credentials.0, &self.credentials.1 .0));
        script
    }

    /// The IMDSv2 token the later requests must carry, if one was issued.
    fn token(&self) -> Option<String> {
        let (status, text) = &self.token;
        (!self.token_dropped && (200..300).contains(status) && !text.trim().is_empty())
            .then(|| text.trim().to_string())
    }

    /// The AccessKeyId the run must give, or `None` when it must fail.
    fn expected(&self) -> Option<String> {
        let token_refused = self.token_dropped || !(200..300).contains(&self.token.0);
        if token_refused && self.v1_disabled {
            return None;
        }
        if !self.role_named {
            let (status, list) = &self.roles;
            if !(200..300).contains(status) || list.trim().is_empty() {
                return None;
            }
        }
        let (status, body) = &self.credentials;
        if !(200..300).contains(status) {
            return None;
        }
        holds_credentials(&body.0).map(|(id, _)| id)
    }
}

#[test]
fn metadata_answers_give_credentials_exactly_when_every_step_holds() {
    let server = FaultServer::start(Vec::new(), Reply::Drop);
    let rt = runtime();
    let tally = Tally::<2>::new();
    let counts = tally.clone();
    check(METADATA, metadata_run, move |run| {
        server.set_script(run.script());
        let before = server.requests().len();
        let mut env = vec![("BGPEER_IMDS_ENDPOINT".to_string(), server.endpoint.clone())];
        if run.v1_disabled {
            env.push(("ALIBABA_CLOUD_IMDSV1_DISABLED".into(), "true".into()));
        }
        let env = Env::from_pairs(env);
        let role = run.role_named.then_some("named-role");
        let outcome = rt.block_on(remote::imds(&env, role));
        counts.result(&outcome);
        match (&outcome, run.expected()) {
            (Ok(creds), Some(id)) => prop_assert_eq!(&creds.access_key_id, &id),
            (Err(remote::ImdsFailure::Failed(m)), None) => prop_assert!(!m.is_empty()),
            (other, expected) => {
                return Err(TestCaseError::fail(format!(
                    "{run:?}: got {other:?}, expected {expected:?}"
                )))
            }
        }
        // With a token, every later request carried it; the role asked for is the one listed.
        let requests = server.requests();
        let later = &requests[before..];
        if let Some(token) = run.token() {
            for r in later.iter().skip(1) {
                prop_assert_eq!(
                    r.header("X-aliyun-ecs-metadata-token"),
                    Some(token.as_str())
                );
            }
        }
        if outcome.is_ok() {
            let wanted = if run.role_named {
                "named-role".to_string()
            } else {
                run.roles
                    .1
                    .lines()
                    .map(str::trim)
                    .find(|l| !l.is_empty())
                    .unwrap()
                    .to_string()
            };
            let last = later.last().unwrap();
            prop_assert_eq!(
                last.target.clone(),
                format!("/latest/meta-data/ram/security-credentials/{wanted}")
            );
        }
        Ok(())
    });
    tally.both(METADATA, "gave credentials", "failed");
}

/// Answers without end (or of 3 MB) from a credentials URI, the metadata service and a sign-in
/// service are cut off at 1 MiB: an error, not memory without bound.
#[test]
fn credentials_answers_without_end_are_cut_off_at_1_mib() {
    let endless = || Reply::Endless {
        status: 200,
        content_type: "application/json".into(),
        declared_len: None,
        filler: b"{\"AccessKeyId\":\"x\"}".to_vec(),
    };
    let rt = runtime();
    // Without end, then 3 MB announced and sent.
    let three_mb = Reply::Endless {
        status: 200,
        content_type: "application/json".into(),
        declared_len: Some(3_000_000),
        filler: b"{\"AccessKeyId\":\"x\"}".to_vec(),
    };
    let server = FaultServer::start(vec![endless(), three_mb], endless());
    for _ in 0..2 {
        let started = Instant::now();
        let err = rt
            .block_on(remote::credentials_uri(
                &format!("{}/creds", server.endpoint),
                &Trust::default(),
            ))
            .unwrap_err();
        assert!(started.elapsed() < PER_CASE);
        assert_eq!(err.exit(), Exit::Auth);
        assert!(
            err.to_string().contains("the answer is larger than 1 MiB"),
            "{err}"
        );
    }

    let env = Env::from_pairs([("BGPEER_IMDS_ENDPOINT".to_string(), server.endpoint.clone())]);
    match rt.block_on(remote::imds(&env, Some("role"))) {
        Err(remote::ImdsFailure::Failed(m)) => {
            assert!(m.contains("the answer is larger than 1 MiB"), "{m}")
        }
        other => panic!("{other:?}"),
    }

    // A CloudSSO or OAuth sign-in service: exit 7, as when it cannot be reached.
    let service =
        sign_in::Service::new(&server.endpoint, "cloud_sso_sign_in_url", &Trust::default())
            .unwrap();
    let Err(err) = rt.block_on(service.send(
        service.post("/cloud-credentials"),
        "the CloudSSO service",
        "hint",
    )) else {
        panic!("an endless answer was taken")
    };
    assert_eq!(err.exit(), Exit::Network);
    assert!(
        err.message.contains("answered with more than 1 MiB"),
        "{}",
        err.message
    );
}

// ---- the external credential process -----------------------------------------------------------

const PROCESS_FIELDS: &[&str] = &[
    "mode",
    "access_key_id",
    "access_key_secret",
    "sts_token",
    "AccessKeyId",
    "AccessKeySecret",
    "SecurityToken",
    "expiration",
];

fn process_value(field: &str) -> BoxedStrategy<Value> {
    let pick = |v: Vec<Value>| prop::sample::select(v).boxed();
    match field {
        "mode" => pick(vec![
            json!("AK"),
            json!("StsToken"),
            json!("ststoken"),
            json!("RamRoleArn"),
            json!(""),
            json!(1),
        ]),
        "access_key_id" | "AccessKeyId" => {
            pick(vec![json!("LTAI5tProcessKey"), json!(""), json!(null)])
        }
        "access_key_secret" | "AccessKeySecret" => pick(vec![json!("process-secret"), json!("")]),
        _ => credential_value(field),
    }
}

/// What the process prints: its JSON shapes with any values, or not JSON.
fn process_output() -> impl Strategy<Value = Bytes> {
    let complete = prop::sample::select(vec![
        json!({"mode": "AK", "access_key_id": "LTAI5tProcessKey", "access_key_secret": "process-secret"}),
        json!({"mode": "StsToken", "access_key_id": "STS.ProcessKey", "access_key_secret": "s", "sts_token": "t"}),
        json!({"AccessKeyId": "LTAI5tProcessKey", "AccessKeySecret": "process-secret", "Expiration": "2100-01-01T00:00:00Z"}),
    ]);
    prop_oneof![
        3 => json_object_of(PROCESS_FIELDS, process_value).prop_map(|o| Bytes(Value::Object(o).to_string().into_bytes())),
        3 => (
            complete,
            prop::option::weighted(0.4, prop::sample::select(vec!["RamRoleArn", "EcsRamRole", "ak", "STSTOKEN", "", "External"])),
            json_object_of(PROCESS_FIELDS, process_value),
        )
            .prop_map(|(c, mode, changes)| {
                // Overwrite at most one field and perhaps the mode: the rest stays complete.
                let mut changes: serde_json::Map<String, Value> = changes.into_iter().take(1).collect();
                if let Some(m) = mode {
                    changes.insert("mode".into(), json!(m));
                }
                Bytes(overwritten(c, changes).to_string().into_bytes())
            }),
        1 => credentials_body(),
        1 => mutations().prop_map(|m| Bytes(mutate(br#"{"mode":"AK","access_key_id":"LTAI5tProcessKey","access_key_secret":"process-secret"}"#, &m))),
    ]
}

/// The AccessKeyId the process's output must give (run as the aliyun CLI's process output is
/// read), or `None` when it must be refused.
fn process_credentials(out: &[u8]) -> Option<String> {
    let v: Value = serde_json::from_slice(out).ok()?;
    let field = |names: &[&str]| {
        names.iter().find_map(|n| {
            v.get(*n)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        })
    };
    if let Some(mode) = field(&["mode"]) {
        if !mode.eq_ignore_ascii_case("AK") && !mode.eq_ignore_ascii_case("StsToken") {
            return None;
        }
    }
    field(&["access_key_secret", "AccessKeySecret"])?;
    field(&["access_key_id", "AccessKeyId"])
}

#[test]
fn a_credential_process_output_gives_credentials_exactly_when_it_holds_them_else_exit_4() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out.json");
    let env = Env::default();
    let rt = runtime();
    let tally = Tally::<2>::new();
    let counts = tally.clone();
    let strategy = || {
        (
            process_output(),
            prop::sample::select(vec![0u8, 0, 0, 0, 1, 3]),
        )
    };
    check(
        CREDENTIAL_PROCESS,
        strategy,
        move |(Bytes(output), exit)| {
            std::fs::write(&out_path, &output).unwrap();
            let command = format!("cat '{}'; exit {exit}", out_path.display());
            let outcome = rt.block_on(external::run(&command, "profile p", &env));
            counts.result(&outcome);
            let expected = (exit == 0).then(|| process_credentials(&output)).flatten();
            match (outcome, expected) {
                (Ok(creds), Some(id)) => prop_assert_eq!(creds.access_key_id, id),
                (Err(e), None) => {
                    prop_assert_eq!(e.exit(), Exit::Auth);
                    // Named by its program only: the arguments may carry secrets.
                    prop_assert!(
                        e.to_string()
                            .starts_with("external credential process `cat` (profile p): "),
                        "{e}"
                    );
                }
                (other, expected) => {
                    return Err(TestCaseError::fail(format!(
                        "exit {exit}, output {:?}: got {other:?}, expected {expected:?}",
                        String::from_utf8_lossy(&output)
                    )))
                }
            }
            Ok(())
        },
    );
    tally.both(CREDENTIAL_PROCESS, "gave credentials", "refused");
}

/// A process that prints without end is stopped after 1 MiB, not read until its timeout; one
/// that prints 3 MB and exits is refused the same way.
#[test]
fn a_credential_process_printing_without_end_is_stopped_at_1_mib() {
    let rt = runtime();
    for command in ["yes", "head -c 3000000 /dev/zero"] {
        let started = Instant::now();
        let err = rt
            .block_on(external::run(command, "profile p", &Env::default()))
            .unwrap_err();
        assert!(
            started.elapsed() < PER_CASE,
            "{command}: took {:?}",
            started.elapsed()
        );
        assert_eq!(err.exit(), Exit::Auth);
        assert!(
            err.to_string().contains("it printed more than 1 MiB"),
            "{command}: {err}"
        );
    }
}
