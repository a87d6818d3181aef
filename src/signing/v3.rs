//! ACS3-HMAC-SHA256 (Alibaba's "V3" signature).
//!
//! CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n
//! HashedPayload; StringToSign = "ACS3-HMAC-SHA256\n" + hex(sha256(CanonicalRequest));
//! Signature = hex(HMAC-SHA256(secret, StringToSign)).

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::percent::percent_encode;
use super::SigningKey;

pub const ALGORITHM: &str = "ACS3-HMAC-SHA256";
pub const EMPTY_PAYLOAD_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Every intermediate value, so that tests and verifiers can say which stage differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stages {
    pub canonical_request: String,
    pub hashed_canonical_request: String,
    pub string_to_sign: String,
    pub signed_headers: String,
    pub signature: String,
}

/// A borrowed view of the request to sign. `headers` holds the headers to sign (any case);
/// values are trimmed; repeated names are sorted and comma-joined.
#[derive(Debug, Clone, Copy)]
pub struct RequestView<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub query: &'a [(String, String)],
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

pub fn hex_sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Each `/`-separated segment percent-encoded; an empty path is `/`.
pub fn canonical_uri(path: &str) -> String {
    if path.is_empty() {
        return "/".to_string();
    }
    path.split('/')
        .map(percent_encode)
        .collect::<Vec<_>>()
        .join("/")
}

/// Query parameters only, sorted by name (byte order, ties by value) and then encoded; an empty
/// value is `name=`. Sorting before encoding is what the doc's sample code and the official SDKs
/// do; it only differs from sorting the encoded text for non-ASCII names.
pub fn canonical_query(query: &[(String, String)]) -> String {
    let mut pairs: Vec<&(String, String)> = query.iter().collect();
    pairs.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()).then(a.1.cmp(&b.1)));
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Returns (canonical headers block, signed headers list).
pub fn canonical_headers(headers: &[(String, String)]) -> (String, String) {
    let mut by_name: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (name, value) in headers {
        by_name
            .entry(name.to_ascii_lowercase())
            .or_default()
            .push(value.trim().to_string());
    }
    let mut block = String::new();
    for (name, values) in by_name.iter_mut() {
        values.sort();
        block.push_str(name);
        block.push(':');
        block.push_str(&values.join(","));
        block.push('\n');
    }
    let signed = by_name.keys().cloned().collect::<Vec<_>>().join(";");
    (block, signed)
}

pub fn canonical_request(req: &RequestView<'_>) -> (String, String) {
    let (headers_block, signed_headers) = canonical_headers(req.headers);
    let canonical = format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        req.method.to_ascii_uppercase(),
        canonical_uri(req.path),
        canonical_query(req.query),
        headers_block,
        signed_headers,
        hex_sha256(req.body)
    );
    (canonical, signed_headers)
}

pub fn string_to_sign(canonical_request: &str) -> (String, String) {
    let hashed = hex_sha256(canonical_request.as_bytes());
    (format!("{ALGORITHM}\n{hashed}"), hashed)
}

pub fn signature(access_key_secret: &str, string_to_sign: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(access_key_secret.as_bytes())
        .expect("HMAC takes any key length");
    mac.update(string_to_sign.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

pub fn sign(req: &RequestView<'_>, access_key_secret: &str) -> Stages {
    let (canonical_request, signed_headers) = canonical_request(req);
    let (string_to_sign, hashed_canonical_request) = string_to_sign(&canonical_request);
    let signature = signature(access_key_secret, &string_to_sign);
    Stages {
        canonical_request,
        hashed_canonical_request,
        string_to_sign,
        signed_headers,
        signature,
    }
}

pub fn authorization(access_key_id: &str, signed_headers: &str, signature: &str) -> String {
    format!("{ALGORITHM} Credential={access_key_id},SignedHeaders={signed_headers},Signature={signature}")
}

/// The parts of an `Authorization: ACS3-HMAC-SHA256 ...` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    pub access_key_id: String,
    pub signed_headers: Vec<String>,
    pub signature: String,
}

/// Parses an Authorization header value; `None` when it is not a well-formed ACS3 header.
pub fn parse_authorization(value: &str) -> Option<Authorization> {
    let rest = value.trim().strip_prefix(ALGORITHM)?.trim_start();
    let (mut cred, mut signed, mut sig) = (None, None, None);
    for part in rest.split(',') {
        let (k, v) = part.trim().split_once('=')?;
        match k {
            "Credential" => cred = Some(v.to_string()),
            "SignedHeaders" => {
                signed = Some(v.split(';').map(|h| h.to_ascii_lowercase()).collect())
            }
            "Signature" => sig = Some(v.to_string()),
            _ => {}
        }
    }
    Some(Authorization {
        access_key_id: cred?,
        signed_headers: signed?,
        signature: sig?,
    })
}

/// What a client adds to an RPC request signed with V3: the `x-acs-*` headers, `host`,
/// `content-type` when there is a body, and `Authorization`.
#[derive(Debug, Clone)]
pub struct SignedRequestHeaders {
    /// Headers to send, including `authorization` (not itself signed).
    pub headers: Vec<(String, String)>,
    pub stages: Stages,
}

/// Inputs of an RPC call to sign with V3. `host` includes `:port` when non-default.
#[derive(Debug, Clone, Copy)]
pub struct RpcCall<'a> {
    pub method: &'a str,
    pub host: &'a str,
    pub action: &'a str,
    pub version: &'a str,
    pub query: &'a [(String, String)],
    /// Form body bytes; empty when every parameter is in the query.
    pub body: &'a [u8],
    pub content_type: Option<&'a str>,
    pub date: &'a str,
    pub nonce: &'a str,
}

pub fn sign_rpc(call: &RpcCall<'_>, key: &SigningKey<'_>) -> SignedRequestHeaders {
    let mut headers: Vec<(String, String)> = vec![
        ("host".into(), call.host.into()),
        ("x-acs-action".into(), call.action.into()),
        ("x-acs-version".into(), call.version.into()),
        ("x-acs-date".into(), call.date.into()),
        ("x-acs-signature-nonce".into(), call.nonce.into()),
        ("x-acs-content-sha256".into(), hex_sha256(call.body)),
    ];
    if let Some(token) = key.security_token {
        headers.push(("x-acs-accesskey-id".into(), key.access_key_id.into()));
        headers.push(("x-acs-security-token".into(), token.into()));
    }
    if let Some(ct) = call.content_type {
        headers.push(("content-type".into(), ct.into()));
    }
    let stages = sign(
        &RequestView {
            method: call.method,
            path: "/",
            query: call.query,
            headers: &headers,
            body: call.body,
        },
        key.access_key_secret,
    );
    headers.push((
        "authorization".into(),
        authorization(key.access_key_id, &stages.signed_headers, &stages.signature),
    ));
    SignedRequestHeaders { headers, stages }
}
