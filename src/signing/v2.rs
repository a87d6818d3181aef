//! RPC HMAC-SHA1 (Alibaba's "V2" signature method, `SignatureVersion=1.0`).
//!
//! The signed set is every parameter of the query string and the form body, minus `Signature`,
//! sorted by name in byte order, encoded once into the canonicalised query string and a second
//! time into the string to sign. The HMAC key is the secret followed by `&`.

use base64::Engine;
use hmac::{Hmac, Mac};
use sha1::Sha1;

use super::percent::percent_encode;
use super::SigningKey;

pub const SIGNATURE_METHOD: &str = "HMAC-SHA1";
pub const SIGNATURE_VERSION: &str = "1.0";

/// Every intermediate value, so that tests and verifiers can say which stage differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stages {
    pub canonical_query: String,
    pub string_to_sign: String,
    pub signature: String,
}

/// `pct(name)=pct(value)` joined by `&`, sorted by name (ties by value), `Signature` left out.
pub fn canonical_query(params: &[(String, String)]) -> String {
    let mut raw: Vec<&(String, String)> = params.iter().filter(|(k, _)| k != "Signature").collect();
    raw.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()).then(a.1.cmp(&b.1)));
    raw.iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// `METHOD&%2F&pct(canonical_query)`.
pub fn string_to_sign(method: &str, canonical_query: &str) -> String {
    format!(
        "{}&{}&{}",
        method.to_ascii_uppercase(),
        percent_encode("/"),
        percent_encode(canonical_query)
    )
}

/// Base64(HMAC-SHA1(secret + "&", string_to_sign)).
pub fn signature(access_key_secret: &str, string_to_sign: &str) -> String {
    let key = format!("{access_key_secret}&");
    let mut mac = Hmac::<Sha1>::new_from_slice(key.as_bytes()).expect("HMAC takes any key length");
    mac.update(string_to_sign.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Signs the complete parameter set (common + API parameters, from query and form body).
pub fn sign(method: &str, params: &[(String, String)], access_key_secret: &str) -> Stages {
    let canonical_query = canonical_query(params);
    let string_to_sign = string_to_sign(method, &canonical_query);
    let signature = signature(access_key_secret, &string_to_sign);
    Stages {
        canonical_query,
        string_to_sign,
        signature,
    }
}

/// The common parameters a V2 request carries besides the API's own (not `Signature`).
pub fn common_params(
    action: &str,
    version: &str,
    key: &SigningKey<'_>,
    timestamp: &str,
    nonce: &str,
) -> Vec<(String, String)> {
    let mut p = vec![
        ("Action".to_string(), action.to_string()),
        ("Version".to_string(), version.to_string()),
        ("Format".to_string(), "JSON".to_string()),
        ("AccessKeyId".to_string(), key.access_key_id.to_string()),
        ("SignatureMethod".to_string(), SIGNATURE_METHOD.to_string()),
        (
            "SignatureVersion".to_string(),
            SIGNATURE_VERSION.to_string(),
        ),
        ("SignatureNonce".to_string(), nonce.to_string()),
        ("Timestamp".to_string(), timestamp.to_string()),
    ];
    if let Some(token) = key.security_token {
        p.push(("SecurityToken".to_string(), token.to_string()));
    }
    p
}
