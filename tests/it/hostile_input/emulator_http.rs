//! The emulator's HTTP request handling, in process (its axum router, called with
//! `tower::ServiceExt::oneshot`, as hyper calls it for each request) and, for the bytes hyper
//! parses before the router, over a real loopback connection to the standalone server.
//!
//! Invariant: every request gets a well-formed answer within bounded time: a documented status,
//! and for the API a JSON (or XML) error body with a documented `Code`; the router never panics,
//! and the server still answers `/_emulator/health` afterwards.

use std::collections::{BTreeSet, HashMap};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderName, HeaderValue, Request};
use bgpeer::emulator::actions::ACTIONS;
use bgpeer::emulator::app::App;
use bgpeer::emulator::faults::Faults;
use bgpeer::emulator::gateway::Gateway;
use bgpeer::emulator::request_log::RequestLog;
use bgpeer::emulator::server::{router, MAX_BODY_BYTES};
use bgpeer::emulator::store::Store;
use bgpeer::emulator::world::World;
use bgpeer::signing::{self, v2, v3};
use proptest::prelude::*;
use serde_json::Value;
use tower::ServiceExt;

use super::*;
use crate::support::{admin, Emulator, TEST_KEY_ID, TEST_KEY_SECRET};

const HOST: &str = "127.0.0.1:8765";

/// A fresh emulator state behind the router: the seeded world in memory, the test key.
fn app() -> Arc<App> {
    Arc::new(App {
        url: format!("http://{HOST}"),
        gateway: Gateway::new(HashMap::from([(
            TEST_KEY_ID.to_string(),
            TEST_KEY_SECRET.to_string(),
        )])),
        store: Store::in_memory(World::seeded()),
        faults: Faults::new(Vec::new()),
        log: RequestLog::default(),
        settle: Duration::ZERO,
        tokens: Default::default(),
    })
}

/// What came back for one request.
#[derive(Debug)]
struct Answer {
    status: u16,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `req` through the router from a loopback client, as the server does for each request.
async fn send(app: &Arc<App>, mut req: Request<Body>) -> Answer {
    let client: SocketAddr = "127.0.0.1:40000".parse().unwrap();
    req.extensions_mut().insert(ConnectInfo(client));
    let response = tokio::time::timeout(PER_CASE, router(app.clone()).oneshot(req))
        .await
        .expect("the router answers in bounded time")
        .expect("infallible");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), 64 << 20)
        .await
        .expect("a readable answer body")
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

/// The error codes the emulator's documents name (the gateway table, the OIDC table, the codes
/// of every action, the faults), read from docs/emulator.md and docs/emulator-internals.md.
fn documented_codes() -> BTreeSet<String> {
    let mut codes = BTreeSet::new();
    for doc in ["docs/emulator.md", "docs/emulator-internals.md"] {
        let text = std::fs::read_to_string(format!("{}/{doc}", env!("CARGO_MANIFEST_DIR")))
            .expect("the emulator's docs");
        for (i, piece) in text.split('`').enumerate() {
            let code_like = !piece.is_empty()
                && piece.starts_with(|c: char| c.is_ascii_uppercase())
                && piece.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
            if i % 2 == 1 && code_like {
                codes.insert(piece.to_string());
            }
        }
    }
    codes
}

/// `Missing<Name>` is documented as a pattern (a missing V2 parameter).
fn is_documented(code: &str, documented: &BTreeSet<String>) -> bool {
    documented.contains(code) || code.starts_with("Missing") && code.len() > "Missing".len()
}

/// The shape every API error has: 4xx (5xx only for a fault), a JSON or XML body with `RequestId`,
/// `HostId`, `Code`, `Message` and `Recommend`, the code documented, and the
/// `x-acs-request-id` header equal to the body's `RequestId`.
fn check_api_error(a: &Answer, documented: &BTreeSet<String>, what: &str) -> TestCaseResult {
    prop_assert!(
        (400..500).contains(&a.status),
        "{what}: status {} {}",
        a.status,
        a.text()
    );
    let header_id = a
        .headers
        .get("x-acs-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    prop_assert!(!header_id.is_empty(), "{what}: no x-acs-request-id");
    let content_type = a
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let (code, request_id) = if content_type.starts_with("text/xml") {
        let text = a.text();
        let field = |name: &str| {
            text.split_once(&format!("<{name}>"))
                .and_then(|(_, rest)| rest.split_once(&format!("</{name}>")))
                .map(|(v, _)| v.to_string())
                .unwrap_or_default()
        };
        for name in ["HostId", "Message", "Recommend"] {
            prop_assert!(
                text.contains(&format!("<{name}>")),
                "{what}: no {name}: {text}"
            );
        }
        (field("Code"), field("RequestId"))
    } else {
        let body = a.json();
        prop_assert!(
            body.as_ref().is_some_and(Value::is_object),
            "{what}: not a JSON object: {}",
            a.text()
        );
        let body = body.unwrap();
        for name in ["HostId", "Message", "Recommend"] {
            prop_assert!(body[name].is_string(), "{what}: no {name}: {body}");
        }
        let field = |name: &str| body[name].as_str().unwrap_or_default().to_string();
        (field("Code"), field("RequestId"))
    };
    prop_assert!(
        is_documented(&code, documented),
        "{what}: code {code:?} is not in docs/emulator.md or docs/emulator-internals.md"
    );
    prop_assert_eq!(request_id, header_id, "{}: RequestId", what);
    Ok(())
}

/// The health endpoint still answers.
async fn healthy(app: &Arc<App>) -> TestCaseResult {
    let health = send(
        app,
        Request::get("/_emulator/health")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    prop_assert_eq!(health.status, 200);
    prop_assert_eq!(&health.json().unwrap()["status"], "ok");
    Ok(())
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

// ---- any request ---------------------------------------------------------------------------

/// The names a request may carry, the gateway's own first.
const PARAMS: &[&str] = &[
    "Action",
    "Version",
    "AccessKeyId",
    "Signature",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "Format",
    "SecurityToken",
    "RegionId",
    "RouterId",
    "BgpGroupId",
    "PeerIpAddress",
    "RoleArn",
    "RoleSessionName",
    "DurationSeconds",
    "OIDCProviderArn",
    "OIDCToken",
    "Policy",
    "grant_type",
    "refresh_token",
    "client_id",
];

fn param_value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => odd_string(),
        2 => prop::sample::select(ACTIONS).prop_map(str::to_string),
        1 => Just("AssumeRoleWithOIDC".to_string()),
        1 => Just("AssumeRole".to_string()),
        2 => prop::sample::select(vec!["2016-04-28", "2015-04-01", "2014-05-26", ""])
            .prop_map(str::to_string),
        1 => Just(TEST_KEY_ID.to_string()),
        1 => Just("STS.NotIssuedByThisEmulator0".to_string()),
        1 => prop::sample::select(vec!["HMAC-SHA1", "HMAC-SHA256", "hmac-sha1"]).prop_map(str::to_string),
        1 => Just(signing::format_timestamp(chrono::Utc::now())),
        1 => prop::sample::select(vec!["2019-01-01T00:00:00Z", "2026-13-45T99:99:99Z", "yesterday"])
            .prop_map(str::to_string),
        1 => prop::sample::select(vec!["XML", "xml", "JSON"]).prop_map(str::to_string),
        1 => Just("acs:ram::1234567890123456:role/r".to_string()),
        1 => Just("acs:ram::1234567890123456:oidc-provider/p".to_string()),
        1 => Just("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln".to_string()),
        1 => Just("refresh_token".to_string()),
    ]
}

/// Query text: encoded pairs, with raw percent escapes (broken and non-UTF-8 ones) mixed in.
fn query() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => (prop::sample::select(PARAMS), param_value()).prop_map(|(k, v)| {
            format!("{}={}", signing::percent::percent_encode(k), signing::percent::percent_encode(&v))
        }),
        1 => prop::sample::select(vec![
            "%", "%2", "%zz", "%FF", "%C3%28", "%00", "=", "==", "&&", "a=b=c", "+", "%2B",
            "Action", "Action=", "=x", ";",
        ])
        .prop_map(str::to_string),
        1 => "[A-Za-z0-9%=&+._~!$'()*,;:@/?-]{0,30}",
    ];
    prop::collection::vec(piece, 0..14).prop_map(|pieces| pieces.join("&"))
}

/// An `Authorization` header value: mostly the ACS3 shape with parts missing, repeated or odd.
fn authorization() -> impl Strategy<Value = Vec<u8>> {
    let part = prop_oneof![
        (odd_string()).prop_map(|v| format!("Credential={v}")),
        Just(format!("Credential={TEST_KEY_ID}")),
        prop::sample::select(vec![
            "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version",
            "SignedHeaders=",
            "SignedHeaders=;;;",
            "SignedHeaders=host",
            "SignedHeaders=HOST;X-ACS-DATE",
            "SignedHeaders=x-acs-date;host",
            "SignedHeaders=content-type;host;x-acs-action;x-acs-date",
        ])
        .prop_map(str::to_string),
        "[0-9a-f]{0,70}".prop_map(|s| format!("Signature={s}")),
        odd_string().prop_map(|s| format!("Signature={s}")),
        odd_string(),
    ];
    let algorithm = prop::sample::select(vec![
        "ACS3-HMAC-SHA256 ",
        "ACS3-HMAC-SHA256",
        "acs3-hmac-sha256 ",
        "HMAC-SHA1 ",
        "ACS3-HMAC-SM3 ",
        "",
    ]);
    prop_oneof![
        4 => (algorithm, prop::collection::vec(part, 0..5), prop::sample::select(vec![",", ", ", ",,", " "]))
            .prop_map(|(a, parts, sep)| format!("{a}{}", parts.join(sep)).into_bytes()),
        1 => prop::collection::vec(any::<u8>(), 0..60),
    ]
}

fn header() -> impl Strategy<Value = (String, Vec<u8>)> {
    let name = prop::sample::select(vec![
        "x-acs-action",
        "x-acs-version",
        "x-acs-date",
        "x-acs-signature-nonce",
        "x-acs-content-sha256",
        "x-acs-security-token",
        "x-acs-other",
        "content-type",
        "host",
        "accept",
        "user-agent",
        "x-forwarded-for",
    ]);
    let value = prop_oneof![
        3 => param_value().prop_map(String::into_bytes),
        1 => prop::sample::select(vec![
            "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=utf-8",
            "APPLICATION/X-WWW-FORM-URLENCODED",
            "application/json",
            "text/plain",
            ";",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 0..40),
    ];
    (name.prop_map(str::to_string), value)
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => Just(Vec::new()),
        3 => query().prop_map(String::into_bytes),
        1 => json_value().prop_map(|v| v.to_string().into_bytes()),
        1 => prop::collection::vec(any::<u8>(), 0..200),
    ]
}

#[derive(Debug, Clone)]
struct AnyRequest {
    method: &'static str,
    path: &'static str,
    query: String,
    authorization: Option<Vec<u8>>,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
    /// The body is replaced by one a byte over the limit (refused before any parsing).
    over_limit: bool,
}

fn any_request() -> impl Strategy<Value = AnyRequest> {
    let method = prop::sample::select(vec![
        "GET", "GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
        "BREW",
    ]);
    let path = prop::sample::select(vec![
        "/",
        "/",
        "/",
        "/",
        "//",
        "/index.html",
        "/%2F",
        "/_emulator/health",
        "/_emulator/faults",
        "/_emulator/tokens",
        "/_emulator/requests",
        "/_emulator/nothing",
        "/cloud-credentials",
        "/v1/token",
        "/v1/exchange",
    ]);
    (
        method,
        path,
        query(),
        prop::option::weighted(0.5, authorization()),
        prop::collection::vec(header(), 0..6),
        body(),
        prop::bool::weighted(0.05),
    )
        .prop_map(
            |(method, path, query, authorization, headers, body, over_limit)| AnyRequest {
                method,
                path,
                query,
                authorization,
                headers,
                body,
                over_limit,
            },
        )
}

impl AnyRequest {
    /// The request, or `None` when its parts are not valid HTTP (hyper refuses those itself:
    /// the raw-bytes property below sends them).
    fn build(&self) -> Option<Request<Body>> {
        let uri = if self.query.is_empty() {
            self.path.to_string()
        } else {
            format!("{}?{}", self.path, self.query)
        };
        let body = if self.over_limit {
            vec![b'a'; MAX_BODY_BYTES + 1]
        } else {
            self.body.clone()
        };
        let mut req = Request::builder()
            .method(self.method)
            .uri(uri)
            .body(Body::from(body))
            .ok()?;
        let h = req.headers_mut();
        h.insert("host", HeaderValue::from_static(HOST));
        if let Some(a) = &self.authorization {
            h.append("authorization", HeaderValue::from_bytes(a).ok()?);
        }
        for (name, value) in &self.headers {
            h.append(
                HeaderName::from_bytes(name.as_bytes()).ok()?,
                HeaderValue::from_bytes(value).ok()?,
            );
        }
        Some(req)
    }

    fn is_admin(&self) -> bool {
        self.path.starts_with("/_emulator/") && self.path != "/_emulator/nothing"
    }

    fn is_sign_in(&self) -> bool {
        matches!(
            self.path,
            "/cloud-credentials" | "/v1/token" | "/v1/exchange"
        )
    }
}

#[test]
fn every_generated_request_gets_a_documented_answer_and_the_router_never_panics() {
    let documented = documented_codes();
    let rt = runtime();
    let app = app();
    let sent = Arc::new(AtomicUsize::new(0));
    let counter = sent.clone();
    check(EMULATOR_REQUESTS, any_request, move |r| {
        let Some(req) = r.build() else {
            return Ok(());
        };
        counter.fetch_add(1, Ordering::Relaxed);
        let what = format!("{} {} ?{}", r.method, r.path, r.query);
        rt.block_on(async {
            let a = send(&app, req).await;
            if r.is_admin() || r.is_sign_in() {
                // The admin API and the sign-in services answer JSON (or axum's empty 405 to a
                // method the route does not serve); never a server error.
                prop_assert!(a.status < 500, "{what}: {} {}", a.status, a.text());
                prop_assert!(
                    a.body.is_empty() && (a.status == 405 || r.method == "HEAD")
                        || a.json().is_some(),
                    "{what}: {} {}",
                    a.status,
                    a.text()
                );
            } else if r.method == "HEAD" {
                // A HEAD answer has no body: its status and request id say it all.
                prop_assert!(matches!(a.status, 404 | 405 | 413), "{what}: {}", a.status);
                prop_assert!(a.body.is_empty() && a.headers.contains_key("x-acs-request-id"));
            } else if a.status != 200 {
                check_api_error(&a, &documented, &what)?;
            }
            healthy(&app).await
        })
    });
    // Most generated requests are valid HTTP: the property did not skip its way to a pass.
    let sent = sent.load(Ordering::Relaxed) as u32;
    eprintln!("{EMULATOR_REQUESTS}: {sent} requests sent (the rest were not valid HTTP)");
    assert!(
        sent > cases(EMULATOR_REQUESTS) / 2,
        "only {sent} requests were valid HTTP"
    );
}

// ---- signed requests, mutated ----------------------------------------------------------------

/// One signed request, as the wire carries it.
#[derive(Debug, Clone)]
struct Wire {
    method: &'static str,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Wire {
    /// The parameters as the gateway reads them: the query, and a form body (sorted).
    fn parameters(&self) -> Vec<(String, String)> {
        let mut all = self.query.clone();
        let form = self.headers.iter().any(|(n, v)| {
            n.eq_ignore_ascii_case("content-type")
                && v.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
        if form {
            all.extend(
                form_urlencoded::parse(&self.body).map(|(k, v)| (k.into_owned(), v.into_owned())),
            );
        }
        all.sort();
        all
    }

    fn request(&self) -> Request<Body> {
        let uri = if self.query.is_empty() {
            "/".to_string()
        } else {
            format!("/?{}", signing::percent::encode_pairs(&self.query))
        };
        let mut req = Request::builder()
            .method(self.method)
            .uri(uri)
            .body(Body::from(self.body.clone()))
            .unwrap();
        let h = req.headers_mut();
        for (name, value) in &self.headers {
            h.append(
                HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_bytes(value.as_bytes()).unwrap(),
            );
        }
        req
    }
}

#[derive(Debug, Clone)]
struct Signed {
    action: &'static str,
    v3: bool,
    in_body: bool,
    get: bool,
}

fn signed() -> impl Strategy<Value = Signed> {
    (
        prop::sample::select(vec![
            "DescribeRegions",
            "DescribeVirtualBorderRouters",
            "DescribeBgpGroups",
            "DescribeBgpPeers",
            "DescribeBgpNetworks",
        ]),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(action, v3, in_body, get)| Signed {
            action,
            v3,
            // A GET has no body.
            in_body: in_body && !get,
            get,
        })
}

/// A correctly signed request for `s`, with a fresh nonce.
fn sign(s: &Signed) -> Wire {
    let params = vec![("RegionId".to_string(), "cn-shanghai".to_string())];
    let date = signing::format_timestamp(chrono::Utc::now());
    let nonce = uuid::Uuid::new_v4().simple().to_string();
    let method = if s.get { "GET" } else { "POST" };
    let key = signing::SigningKey {
        access_key_id: TEST_KEY_ID,
        access_key_secret: TEST_KEY_SECRET,
        security_token: None,
    };
    let form = "application/x-www-form-urlencoded";
    if s.v3 {
        let (query, body) = if s.in_body {
            (
                Vec::new(),
                signing::percent::encode_pairs(&params).into_bytes(),
            )
        } else {
            (params, Vec::new())
        };
        let signed = v3::sign_rpc(
            &v3::RpcCall {
                method,
                host: HOST,
                action: s.action,
                version: bgpeer::protocol::VPC_VERSION,
                query: &query,
                body: &body,
                content_type: s.in_body.then_some(form),
                date: &date,
                nonce: &nonce,
            },
            &key,
        );
        Wire {
            method,
            query,
            headers: signed.headers,
            body,
        }
    } else {
        let mut all =
            v2::common_params(s.action, bgpeer::protocol::VPC_VERSION, &key, &date, &nonce);
        all.extend(params);
        let stages = v2::sign(method, &all, TEST_KEY_SECRET);
        all.push(("Signature".into(), stages.signature));
        let mut headers = vec![("host".to_string(), HOST.to_string())];
        if s.in_body {
            headers.push(("content-type".into(), form.into()));
            Wire {
                method,
                query: Vec::new(),
                headers,
                body: signing::percent::encode_pairs(&all).into_bytes(),
            }
        } else {
            Wire {
                method,
                query: all,
                headers,
                body: Vec::new(),
            }
        }
    }
}

/// One change to a signed request, in the part an attacker or a broken proxy would touch.
#[derive(Debug, Clone)]
enum Tamper {
    /// A header's value (by index), its bytes mutated.
    HeaderValue(usize, Vec<Mutation>),
    DropHeader(usize),
    AddHeader(&'static str, String),
    /// A parameter's value (by index), replaced.
    ParamValue(usize, String),
    DropParam(usize),
    AddParam(&'static str, String),
    DuplicateParam(usize),
    /// The body's bytes, mutated (when there is a body).
    Body(Vec<Mutation>),
    Method,
}

fn tamper() -> impl Strategy<Value = Tamper> {
    prop_oneof![
        4 => (any::<usize>(), mutations()).prop_map(|(i, m)| Tamper::HeaderValue(i, m)),
        1 => any::<usize>().prop_map(Tamper::DropHeader),
        1 => (prop::sample::select(vec!["x-acs-extra", "x-acs-security-token", "content-type", "authorization"]), param_value())
            .prop_map(|(n, v)| Tamper::AddHeader(n, v)),
        3 => (any::<usize>(), param_value()).prop_map(|(i, v)| Tamper::ParamValue(i, v)),
        1 => any::<usize>().prop_map(Tamper::DropParam),
        1 => (prop::sample::select(PARAMS), param_value()).prop_map(|(k, v)| Tamper::AddParam(k, v)),
        1 => any::<usize>().prop_map(Tamper::DuplicateParam),
        2 => mutations().prop_map(Tamper::Body),
        1 => Just(Tamper::Method),
    ]
}

/// `wire` with `t` applied; `None` when the change is not valid HTTP (a header value with a
/// line break, say: hyper never delivers those).
fn apply(wire: &Wire, t: &Tamper) -> Option<Wire> {
    let mut w = wire.clone();
    // In a form body the parameters travel in the body: tamper with them there.
    let in_body = !w.body.is_empty() && w.query.is_empty();
    let mut params: Vec<(String, String)> = if in_body {
        signing::percent::decode_form(std::str::from_utf8(&w.body).ok()?)
    } else {
        w.query.clone()
    };
    let n = params.len().max(1);
    match t {
        Tamper::HeaderValue(..) | Tamper::DropHeader(_) if w.headers.is_empty() => {}
        Tamper::HeaderValue(i, m) => {
            let i = i % w.headers.len();
            let v = mutate(w.headers[i].1.as_bytes(), m);
            HeaderValue::from_bytes(&v).ok()?;
            w.headers[i].1 = String::from_utf8(v).ok()?;
        }
        Tamper::DropHeader(i) => {
            let i = i % w.headers.len();
            w.headers.remove(i);
        }
        Tamper::AddHeader(name, value) => {
            HeaderValue::from_str(value).ok()?;
            w.headers.push((name.to_string(), value.clone()));
        }
        Tamper::ParamValue(i, v) if !params.is_empty() => params[i % n].1 = v.clone(),
        Tamper::DropParam(i) if !params.is_empty() => {
            params.remove(i % n);
        }
        Tamper::DuplicateParam(i) if !params.is_empty() => {
            let p = params[i % n].clone();
            params.push(p);
        }
        Tamper::AddParam(k, v) => params.push((k.to_string(), v.clone())),
        Tamper::ParamValue(..) | Tamper::DropParam(_) | Tamper::DuplicateParam(_) => {}
        Tamper::Body(m) => w.body = mutate(&w.body, m),
        Tamper::Method => w.method = if w.method == "GET" { "POST" } else { "GET" },
    }
    if !matches!(t, Tamper::Body(_)) {
        if in_body {
            w.body = signing::percent::encode_pairs(&params).into_bytes();
        } else {
            w.query = params;
        }
    }
    Some(w)
}

#[test]
fn signed_requests_tampered_with_are_refused_with_a_documented_code_or_still_verify() {
    let documented = documented_codes();
    let rt = runtime();
    let app = app();
    let outcomes = Arc::new(std::sync::Mutex::new((0u32, 0u32)));
    let tally = outcomes.clone();
    let strategy = || (signed(), prop::collection::vec(tamper(), 1..4));
    check(SIGNED_MUTATIONS, strategy, move |(s, tampers)| {
        rt.block_on(async {
            // The untouched request verifies: the tampering below is what any refusal is about.
            let control = send(&app, sign(&s).request()).await;
            prop_assert_eq!(control.status, 200, "{:?}: {}", s, control.text());
            let signed = sign(&s);
            let mut wire = signed.clone();
            for t in &tampers {
                match apply(&wire, t) {
                    Some(w) => wire = w,
                    None => return Ok(()),
                }
            }
            let what = format!("{s:?} {tampers:?}");
            let a = send(&app, wire.request()).await;
            if a.status == 200 {
                // Still verifies: the change touched nothing signed, or nothing at all (an
                // unsigned header, the signature's hex case, a parameter set to its own value).
                // Every parameter and the method are signed: those must not have changed (but
                // for V2's `Signature` itself, which is no API parameter: an extra one after the
                // first, which is the one checked, changes nothing the request asks for).
                let asked = |w: &Wire| {
                    let mut p = w.parameters();
                    if !s.v3 {
                        p.retain(|(k, _)| k != "Signature");
                    }
                    p
                };
                prop_assert_eq!(asked(&wire), asked(&signed), "{}", what);
                prop_assert_eq!(wire.method, signed.method, "{}", what);
                tally.lock().unwrap_or_else(|e| e.into_inner()).0 += 1;
            } else {
                tally.lock().unwrap_or_else(|e| e.into_inner()).1 += 1;
                check_api_error(&a, &documented, &what)?;
            }
            healthy(&app).await
        })
    });
    let (accepted, refused) = *outcomes.lock().unwrap_or_else(|e| e.into_inner());
    eprintln!("{SIGNED_MUTATIONS}: {refused} refused, {accepted} still verified");
    // Nearly every change is to something signed: refusals are the rule, not the exception.
    assert!(
        refused > 3 * accepted,
        "{refused} tampered requests refused, {accepted} accepted"
    );
}

// ---- the admin API's JSON ------------------------------------------------------------------------

const FAULT_KEYS: &[&str] = &[
    "kind",
    "action",
    "code",
    "rate",
    "rps",
    "ms",
    "times",
    "peer_ip",
    "peer_id",
    "state",
    "period_ms",
    "down_ms",
    "per_second",
    "from",
];
const TOKEN_KEYS: &[&str] = &["kind", "token", "expires"];

fn fault_value(key: &str) -> BoxedStrategy<Value> {
    match key {
        "kind" => prop::sample::select(vec![
            "error",
            "throttle",
            "latency",
            "drop",
            "session_down",
            "session_flap",
            "route_growth",
            "Error",
            "teleport",
        ])
        .prop_map(Value::from)
        .boxed(),
        "code" => prop::sample::select(vec![
            "Throttling.User",
            "Throttling",
            "ServiceUnavailable",
            "InternalError",
            "Nope",
        ])
        .prop_map(Value::from)
        .boxed(),
        "action" => prop::sample::select(ACTIONS).prop_map(Value::from).boxed(),
        "rate" | "rps" => prop::sample::select(vec![0.0f64, 0.5, 1.0, 1.5, -1.0, 1e-300, 1e300])
            .prop_map(Value::from)
            .boxed(),
        "ms" => prop::sample::select(vec![0u64, 1, 600_000, 600_001, u64::MAX])
            .prop_map(Value::from)
            .boxed(),
        "times" => prop::sample::select(vec![0u64, 1, 2, u64::MAX])
            .prop_map(Value::from)
            .boxed(),
        "peer_ip" => prop::sample::select(vec!["10.0.0.1", "2001:db8::1", "999.1.1.1", ""])
            .prop_map(Value::from)
            .boxed(),
        "peer_id" => prop::sample::select(vec![
            "bgp-bp1demo00000000000001",
            "bgp-uf6x9",
            "bgp-",
            "bgpg-bp1demo00000000000000",
            "",
        ])
        .prop_map(Value::from)
        .boxed(),
        "state" => prop::sample::select(vec!["Idle", "Connect", "Active", "Established", "idle"])
            .prop_map(Value::from)
            .boxed(),
        // Whole numbers in and out of range, and values of the wrong type.
        "period_ms" | "down_ms" | "from" => prop_oneof![
            4 => prop::sample::select(vec![
                0u64, 1, 199, 200, 600, 1199, 1200, 3_600_000, 3_600_001, u64::MAX
            ])
            .prop_map(Value::from),
            1 => prop::sample::select(vec![
                Value::from(-1),
                Value::from(1.5),
                Value::from("1200"),
                Value::Null,
            ]),
        ]
        .boxed(),
        "per_second" => prop_oneof![
            4 => prop::sample::select(vec![
                0.0f64, 1e-9, 0.5, 50.0, 100_000.0, 100_000.5, -1.0, 1e300
            ])
            .prop_map(Value::from),
            1 => prop::sample::select(vec![Value::from(3), Value::from("fast"), Value::Null]),
        ]
        .boxed(),
        "token" => prop_oneof![
            Just(Value::from("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")),
            odd_string().prop_map(Value::from),
        ]
        .boxed(),
        "expires" => prop::sample::select(vec![
            "2100-01-01T00:00:00Z",
            "2000-01-01T00:00:00Z",
            "tomorrow",
            "2100-01-01",
        ])
        .prop_map(Value::from)
        .boxed(),
        _ => json_leaf().boxed(),
    }
}

fn token_value(key: &str) -> BoxedStrategy<Value> {
    match key {
        "kind" => prop::sample::select(vec![
            "oidc",
            "cloud_sso",
            "oauth_refresh",
            "oauth_access",
            "saml",
        ])
        .prop_map(Value::from)
        .boxed(),
        other => fault_value(other),
    }
}

/// A fault of one kind with that kind's fields (values in and out of range), sometimes a stray one.
fn fault() -> impl Strategy<Value = Value> {
    let kind = prop::sample::select(vec![
        "error",
        "throttle",
        "latency",
        "drop",
        "session_down",
        "session_flap",
        "route_growth",
    ]);
    let request = (
        fault_value("code"),
        fault_value("rate"),
        fault_value("rps"),
        fault_value("ms"),
    );
    let peer = (
        prop::option::of(fault_value("peer_ip")),
        prop::option::weighted(0.4, fault_value("peer_id")),
        prop::option::of(fault_value("state")),
    );
    let session = (
        fault_value("period_ms"),
        prop::option::of(fault_value("down_ms")),
        fault_value("per_second"),
        prop::option::of(fault_value("from")),
    );
    (
        (
            kind,
            prop::option::of(fault_value("action")),
            prop::option::of(fault_value("times")),
            prop::option::weighted(0.1, (prop::sample::select(FAULT_KEYS), json_leaf())),
        ),
        request,
        peer,
        session,
    )
        .prop_map(
            |(
                (kind, action, times, stray),
                (code, rate, rps, ms),
                (peer_ip, peer_id, state),
                (period_ms, down_ms, per_second, from),
            )| {
                let mut f = serde_json::Map::new();
                f.insert("kind".into(), kind.into());
                let mut put = |k: &str, v: Option<Value>| {
                    if let Some(v) = v {
                        f.insert(k.to_string(), v);
                    }
                };
                let session_kind = matches!(kind, "session_down" | "session_flap" | "route_growth");
                if !session_kind {
                    put("action", action);
                    put("times", times);
                } else {
                    put("peer_ip", peer_ip);
                    put("peer_id", peer_id);
                }
                match kind {
                    "error" => {
                        put("code", Some(code));
                        put("rate", Some(rate));
                    }
                    "throttle" => put("rps", Some(rps)),
                    "latency" => put("ms", Some(ms)),
                    "drop" => put("rate", Some(rate)),
                    "session_flap" => {
                        put("period_ms", Some(period_ms));
                        put("down_ms", down_ms);
                        put("state", state);
                    }
                    "route_growth" => {
                        put("per_second", Some(per_second));
                        put("from", from);
                    }
                    _ => put("state", state),
                }
                if let Some((k, v)) = stray {
                    put(k, Some(v));
                }
                Value::Object(f)
            },
        )
}

#[derive(Debug, Clone)]
enum AdminCall {
    PutFaults(Vec<u8>),
    AddFault(Vec<u8>),
    AddToken(Vec<u8>),
    Requests(String),
}

fn admin_call() -> impl Strategy<Value = AdminCall> {
    let faults = prop::collection::vec(
        prop_oneof![3 => fault(), 1 => json_object_of(FAULT_KEYS, fault_value).prop_map(Value::Object)],
        0..4,
    );
    let body_of = |v: Value| v.to_string().into_bytes();
    prop_oneof![
        3 => faults.prop_map(move |f| AdminCall::PutFaults(body_of(serde_json::json!({"faults": f})))),
        2 => fault().prop_map(move |f| AdminCall::AddFault(body_of(f))),
        1 => json_value().prop_map(move |v| AdminCall::PutFaults(body_of(serde_json::json!({"faults": v})))),
        3 => json_object_of(FAULT_KEYS, fault_value).prop_map(move |f| AdminCall::AddFault(body_of(Value::Object(f)))),
        2 => json_object_of(TOKEN_KEYS, token_value).prop_map(move |t| AdminCall::AddToken(body_of(Value::Object(t)))),
        1 => (mutations(), any::<u8>()).prop_map(|(m, which)| {
            let seed = br#"{"faults":[{"kind":"error","code":"ServiceUnavailable","rate":0.5,"action":"DescribeRegions","times":2}]}"#;
            let bytes = mutate(seed, &m);
            match which % 3 {
                0 => AdminCall::PutFaults(bytes),
                1 => AdminCall::AddFault(bytes),
                _ => AdminCall::AddToken(bytes),
            }
        }),
        1 => query().prop_map(AdminCall::Requests),
    ]
}

#[test]
fn admin_json_is_accepted_whole_or_refused_with_a_400_that_names_the_problem() {
    let rt = runtime();
    let app = app();
    let counts = Arc::new(std::sync::Mutex::new((0u32, 0u32)));
    let tally = counts.clone();
    check(ADMIN_JSON, admin_call, move |call| {
        rt.block_on(async {
            let get = |path: &str| Request::get(path.to_string()).body(Body::empty()).unwrap();
            let before = send(&app, get("/_emulator/faults")).await.json().unwrap();
            let (method, path, body, created) = match &call {
                AdminCall::PutFaults(b) => ("PUT", "/_emulator/faults", b.clone(), 200),
                AdminCall::AddFault(b) => ("POST", "/_emulator/faults", b.clone(), 201),
                AdminCall::AddToken(b) => ("POST", "/_emulator/tokens", b.clone(), 201),
                AdminCall::Requests(q) => {
                    let Ok(req) =
                        Request::get(format!("/_emulator/requests?{q}")).body(Body::empty())
                    else {
                        return Ok(());
                    };
                    let a = send(&app, req).await;
                    prop_assert!(
                        matches!(a.status, 200 | 400),
                        "{q}: {} {}",
                        a.status,
                        a.text()
                    );
                    let body = a.json().unwrap();
                    prop_assert!(
                        body["requests"].is_array()
                            || body["error"].as_str().is_some_and(|e| !e.is_empty()),
                        "{body}"
                    );
                    return healthy(&app).await;
                }
            };
            let req = Request::builder()
                .method(method)
                .uri(path)
                .header("content-type", "application/json")
                .body(Body::from(body.clone()))
                .unwrap();
            let a = send(&app, req).await;
            let answer = a.json();
            prop_assert!(answer.is_some(), "{call:?}: not JSON: {}", a.text());
            let answer = answer.unwrap();
            let after = send(&app, get("/_emulator/faults")).await.json().unwrap();
            if a.status == created {
                tally.lock().unwrap_or_else(|e| e.into_inner()).0 += 1;
                // What was accepted is what is in force, and the answer says so.
                if path == "/_emulator/faults" {
                    prop_assert_eq!(&answer["faults"], &after["faults"]);
                }
            } else {
                tally.lock().unwrap_or_else(|e| e.into_inner()).1 += 1;
                prop_assert_eq!(a.status, 400, "{:?}: {}", call, answer);
                let message = answer["error"].as_str().unwrap_or_default();
                prop_assert!(!message.is_empty(), "{answer}");
                // A refused body changes nothing.
                prop_assert_eq!(&before, &after, "{:?}", call);
            }
            // Whatever faults are now in force, a signed call is still answered (unless a
            // latency fault would hold it, for up to 10 minutes: then it is not sent).
            let mut faults_now: Vec<Value> =
                after["faults"].as_array().cloned().unwrap_or_default();
            faults_now.retain(|f| f["kind"] == "latency");
            if faults_now.is_empty() {
                let a = send(
                    &app,
                    sign(&Signed {
                        action: "DescribeRegions",
                        v3: true,
                        in_body: false,
                        get: false,
                    })
                    .request(),
                )
                .await;
                prop_assert!(
                    a.status == 200 || a.status == 503 || a.status == 500 || a.status == 400,
                    "{} {}",
                    a.status,
                    a.text()
                );
            }
            // Start the next case from no faults.
            send(
                &app,
                Request::delete("/_emulator/faults")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
            healthy(&app).await
        })
    });
    let (accepted, refused) = *counts.lock().unwrap_or_else(|e| e.into_inner());
    eprintln!("{ADMIN_JSON}: {accepted} accepted, {refused} refused");
    assert!(
        accepted > 0 && refused > 0,
        "accepted {accepted}, refused {refused}"
    );
}

// ---- raw bytes, through hyper, on a real connection --------------------------------------------

/// A valid request to start from; its bytes are then mutated.
fn raw_seed(kind: u8) -> Vec<u8> {
    match kind % 4 {
        0 => format!("GET /_emulator/health HTTP/1.1\r\nHost: {HOST}\r\n\r\n").into_bytes(),
        1 => format!(
            "POST /?Action=DescribeRegions&Version=2016-04-28 HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 21\r\n\r\nRegionId=cn-shanghai"
        )
        .into_bytes(),
        2 => format!(
            "POST / HTTP/1.1\r\nHost: {HOST}\r\nTransfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n8\r\nAction=D\r\n0\r\n\r\n"
        )
        .into_bytes(),
        _ => format!(
            "PUT /_emulator/faults HTTP/1.1\r\nHost: {HOST}\r\nContent-Length: 13\r\n\r\n{{\"faults\":[]}}"
        )
        .into_bytes(),
    }
}

/// Whole requests hyper must refuse or survive: huge heads, bad lengths, other protocols.
fn raw_oddity() -> impl Strategy<Value = Vec<u8>> {
    prop::sample::select(vec![
        format!("GET / HTTP/1.1\r\nHost: {HOST}\r\nX-Big: {}\r\n\r\n", "a".repeat(300_000)),
        format!("GET /?{} HTTP/1.1\r\nHost: {HOST}\r\n\r\n", "a=b&".repeat(20_000)),
        format!("POST / HTTP/1.1\r\nHost: {HOST}\r\nContent-Length: -1\r\n\r\n"),
        format!("POST / HTTP/1.1\r\nHost: {HOST}\r\nContent-Length: 99999999999999999999\r\n\r\n"),
        format!("POST / HTTP/1.1\r\nHost: {HOST}\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello"),
        format!("POST / HTTP/1.1\r\nHost: {HOST}\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
        format!("POST / HTTP/1.1\r\nHost: {HOST}\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n"),
        format!("GET / HTTP/9.9\r\nHost: {HOST}\r\n\r\n"),
        "GET /\r\n\r\n".to_string(),
        "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".to_string(),
        "\u{16}\u{3}\u{1}\u{0}\u{5}hello".to_string(),
        "\r\n\r\n\r\n".to_string(),
        format!("GET / HTTP/1.1\r\n{}\r\n", "X-H: v\r\n".repeat(500)),
    ])
    .prop_map(String::into_bytes)
}

/// Sends `bytes` on a new connection, half-closes it, and reads until the server closes: the
/// status line, or `None` when the server closed without answering.
fn exchange(addr: &str, bytes: &[u8]) -> Option<String> {
    let mut tcp = TcpStream::connect(addr).expect("connect to the emulator");
    tcp.set_read_timeout(Some(PER_CASE)).unwrap();
    tcp.set_write_timeout(Some(PER_CASE)).unwrap();
    // The server may refuse and close before reading everything: a failed write is an answer.
    let _ = tcp.write_all(bytes);
    let _ = tcp.shutdown(std::net::Shutdown::Write);
    let mut response = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        match tcp.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => response.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break,
            Err(e) => panic!("no answer and no close within {PER_CASE:?}: {e}"),
        }
    }
    let text = String::from_utf8_lossy(&response).into_owned();
    text.lines().next().map(str::to_string)
}

#[test]
fn raw_bytes_on_a_connection_get_an_http_answer_or_a_close_and_the_server_lives_on() {
    let mut emu = Emulator::start();
    let addr = emu.addr.clone();
    let input = || {
        prop_oneof![
            3 => (any::<u8>(), mutations()).prop_map(|(kind, m)| mutate(&raw_seed(kind), &m)),
            1 => raw_oddity(),
        ]
        .prop_map(Bytes)
    };
    check(RAW_CONNECTIONS, input, move |Bytes(bytes)| {
        if let Some(status_line) = exchange(&addr, &bytes) {
            // hyper's own refusals (400, 413, 414, 431, 505) or the router's answers; an
            // HTTP/1.0 request is answered in HTTP/1.0.
            let status: Option<u16> = status_line
                .strip_prefix("HTTP/1.1 ")
                .or_else(|| status_line.strip_prefix("HTTP/1.0 "))
                .and_then(|s| s.get(..3))
                .and_then(|s| s.parse().ok());
            prop_assert!(status.is_some(), "not an HTTP answer: {status_line:?}");
            let status = status.unwrap();
            prop_assert!(status < 500 || status == 505, "{status_line}");
        }
        Ok(())
    });
    assert!(
        emu.child.try_wait().unwrap().is_none(),
        "the emulator process died"
    );
    assert_eq!(admin(&emu, "GET", "health", "")["status"], "ok");
}

#[test]
fn the_documented_codes_are_read_from_the_docs() {
    let codes = documented_codes();
    for code in [
        "SignatureDoesNotMatch",
        "InvalidTimeStamp.Format",
        "InvalidBgpGroup",
        "AuthenticationFail.OIDCToken.Invalid",
        "RequestEntityTooLarge",
    ] {
        assert!(codes.contains(code), "{code} not found in {codes:?}");
    }
    assert!(is_documented("MissingSignatureNonce", &codes));
    assert!(!is_documented("Missing", &codes));
    assert!(!is_documented("NoSuchCode", &codes));
}
