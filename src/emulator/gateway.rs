//! The API gateway in front of the handlers: reads the parameters (query and form body merged),
//! finds the product and action, verifies the signature (ACS3-HMAC-SHA256 or HMAC-SHA1) with
//! `crate::signing`, the timestamp, the nonce and any STS security token, and renders answers
//! (JSON, or XML for `Format=XML`) with the real gateway's error codes and texts. The one
//! anonymous action, STS `AssumeRoleWithOIDC`, is let through unsigned.

use std::collections::hash_map::RandomState;
use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::BuildHasher;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, Method};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::actions::{self, EmuError, Params};
use super::sts::{Sts, TokenCheck, STS_VERSION};
use crate::signing::{self, v2, v3, SignatureVersion};

use crate::protocol::ASSUME_ROLE_WITH_OIDC;
pub use crate::protocol::VPC_VERSION;

/// How far a request's timestamp may be from the server's clock, and how long nonces are kept.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

/// The product an authenticated request is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Product {
    Vpc,
    Sts,
}

impl Product {
    pub fn name(self) -> &'static str {
        match self {
            Product::Vpc => "Vpc",
            Product::Sts => "Sts",
        }
    }
}

/// What the gateway knows about a request, filled in as far as it got (for errors and the log).
#[derive(Debug, Default)]
pub struct Parsed {
    pub params: Params,
    pub action: Option<String>,
    pub version: Option<String>,
    pub product: Option<Product>,
    pub access_key_id: Option<String>,
    pub scheme: Option<SignatureVersion>,
    pub xml: bool,
}

/// A request the gateway let through.
#[derive(Debug)]
pub struct Authenticated {
    pub product: Product,
    pub action: String,
    /// Empty for an anonymous action.
    pub access_key_id: String,
}

/// Actions that take no signature: their own parameters authenticate the caller (the OIDC token
/// of `AssumeRoleWithOIDC`). Any signature parameters they carry are ignored.
fn is_anonymous(product: Product, action: &str) -> bool {
    product == Product::Sts && action == ASSUME_ROLE_WITH_OIDC
}

/// The raw request, borrowed.
pub struct RawRequest<'a> {
    pub method: &'a Method,
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub headers: &'a HeaderMap,
    pub body: &'a [u8],
}

fn missing_param(name: &str) -> EmuError {
    EmuError::new(
        400,
        &format!("Missing{name}"),
        &format!("The input parameter \"{name}\" that is mandatory for processing this request is not supplied."),
    )
}

fn missing_header(name: &str) -> EmuError {
    EmuError::new(
        400,
        "MissingParameter",
        &format!("The input parameter \"{name}\" that is mandatory for processing this request is not supplied."),
    )
}

fn incomplete(detail: &str) -> EmuError {
    EmuError::new(
        400,
        "IncompleteSignature",
        &format!("The request signature does not conform to Aliyun standards. {detail}"),
    )
}

/// Nonces seen in the last 15 minutes, per AccessKey (kept as 64-bit hashes).
pub struct NonceStore {
    inner: Mutex<NonceInner>,
    hasher: RandomState,
}

struct NonceInner {
    seen: HashSet<u64>,
    order: VecDeque<(Instant, u64)>,
}

impl Default for NonceStore {
    fn default() -> Self {
        NonceStore {
            inner: Mutex::new(NonceInner {
                seen: HashSet::new(),
                order: VecDeque::new(),
            }),
            hasher: RandomState::new(),
        }
    }
}

impl NonceStore {
    /// Records the nonce; false when it was used already within the window.
    pub fn first_use(&self, access_key_id: &str, nonce: &str) -> bool {
        let h = self.hasher.hash_one((access_key_id, nonce));
        let now = Instant::now();
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        while let Some(&(t, old)) = inner.order.front() {
            if now.duration_since(t) < WINDOW {
                break;
            }
            inner.order.pop_front();
            inner.seen.remove(&old);
        }
        if !inner.seen.insert(h) {
            return false;
        }
        inner.order.push_back((now, h));
        true
    }

    pub fn clear(&self) {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner.seen.clear();
        inner.order.clear();
    }
}

/// The gateway's key material: permanent keys, STS, nonces.
pub struct Gateway {
    pub keys: HashMap<String, String>,
    pub sts: Sts,
    pub nonces: NonceStore,
}

fn header_str<'h>(headers: &'h HeaderMap, name: &str) -> Result<Option<&'h str>, EmuError> {
    match headers.get(name) {
        None => Ok(None),
        Some(v) => v.to_str().map(Some).map_err(|_| {
            EmuError::new(
                400,
                "InvalidParameter",
                &format!("The specified parameter \"{name}\" is not valid: the header is not visible ASCII text."),
            )
        }),
    }
}

fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    signing::parse_timestamp(s).or_else(|| {
        DateTime::parse_from_rfc3339(s)
            .ok()
            .filter(|t| t.offset().local_minus_utc() == 0)
            .map(|t| t.with_timezone(&Utc))
    })
}

fn check_time(s: &str, now: DateTime<Utc>) -> Result<(), EmuError> {
    let t = parse_time(s).ok_or_else(|| {
        EmuError::new(
            400,
            "InvalidTimeStamp.Format",
            "Specified time stamp or date value is not well formatted.",
        )
    })?;
    let skew = (now - t).num_seconds().unsigned_abs();
    if skew > WINDOW.as_secs() {
        return Err(EmuError::new(
            400,
            "InvalidTimeStamp.Expired",
            "Specified time stamp or date value is expired.",
        ));
    }
    Ok(())
}

fn content_type_is_form(headers: &HeaderMap) -> bool {
    headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
        .unwrap_or(false)
}

impl Gateway {
    pub fn new(keys: HashMap<String, String>) -> Gateway {
        Gateway {
            keys,
            sts: Sts::default(),
            nonces: NonceStore::default(),
        }
    }

    /// Parses and authenticates one request. `parsed` is filled as far as the gateway got.
    pub fn authenticate(
        &self,
        req: &RawRequest<'_>,
        now: DateTime<Utc>,
        parsed: &mut Parsed,
    ) -> Result<Authenticated, EmuError> {
        let query: Vec<(String, String)> = req
            .query
            .map(signing::percent::decode_form)
            .unwrap_or_default();
        let mut all = query.clone();
        if content_type_is_form(req.headers) {
            all.extend(
                form_urlencoded::parse(req.body).map(|(k, v)| (k.into_owned(), v.into_owned())),
            );
        }
        parsed.params = Params { pairs: all };
        let authorization = header_str(req.headers, "authorization")?;
        // ACS3 requests name the API in headers; so does the Tea SDK's anonymous call, which has
        // no Authorization header and no Action parameter.
        let v3 = authorization.is_some()
            || (parsed.params.get("Action").is_none()
                && header_str(req.headers, "x-acs-action")?.is_some());
        parsed.scheme = Some(if v3 {
            SignatureVersion::V3
        } else {
            SignatureVersion::V2
        });
        if !v3 {
            parsed.xml = parsed
                .params
                .get("Format")
                .is_some_and(|f| f.eq_ignore_ascii_case("XML"));
        }

        // Which API: action and version (headers for V3, parameters for V2).
        let (action, version) = if v3 {
            let a = header_str(req.headers, "x-acs-action")?
                .ok_or_else(|| missing_header("x-acs-action"))?;
            let v = header_str(req.headers, "x-acs-version")?
                .ok_or_else(|| missing_header("x-acs-version"))?;
            (a.to_string(), v.to_string())
        } else {
            let a = parsed
                .params
                .get("Action")
                .ok_or_else(|| missing_param("Action"))?;
            let v = parsed
                .params
                .get("Version")
                .ok_or_else(|| missing_param("Version"))?;
            (a.to_string(), v.to_string())
        };
        parsed.action = Some(action.clone());
        parsed.version = Some(version.clone());
        let product = match version.as_str() {
            VPC_VERSION => Product::Vpc,
            STS_VERSION => Product::Sts,
            _ => {
                return Err(EmuError::new(
                    404,
                    "InvalidApi.NotFound",
                    &format!("Specified api is not found, please check your url and method. (Version {version:?} is not served here: use {VPC_VERSION} for Vpc or {STS_VERSION} for Sts.)"),
                ))
            }
        };
        parsed.product = Some(product);
        let known = match product {
            Product::Vpc => actions::is_known(&action),
            Product::Sts => action == "AssumeRole" || action == ASSUME_ROLE_WITH_OIDC,
        };
        if !known {
            return Err(EmuError::new(
                404,
                "InvalidAction.NotFound",
                &format!(
                    "Specified api is not found, please check your url and method. (Action {action:?} is not an action of {} {version}.)",
                    product.name()
                ),
            ));
        }

        if is_anonymous(product, &action) {
            parsed.scheme = None;
            return Ok(Authenticated {
                product,
                action,
                access_key_id: String::new(),
            });
        }
        let access_key_id = if let Some(authorization) = authorization {
            self.verify_v3(req, authorization, &query, now, parsed)?
        } else if v3 {
            return Err(missing_header("Authorization"));
        } else {
            self.verify_v2(req, now, parsed)?
        };
        Ok(Authenticated {
            product,
            action,
            access_key_id,
        })
    }

    /// The signing secret of `access_key_id`, checking the security token that came with it.
    fn secret_for(
        &self,
        access_key_id: &str,
        token: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<String, EmuError> {
        let not_found = || {
            EmuError::new(
                404,
                "InvalidAccessKeyId.NotFound",
                "Specified access key is not found.",
            )
        };
        if Sts::is_temporary(access_key_id) {
            if !self.sts.knows(access_key_id) {
                return Err(not_found());
            }
            let token = token.filter(|t| !t.is_empty()).ok_or_else(|| {
                EmuError::new(
                    400,
                    "MissingSecurityToken",
                    "The request is signed with a temporary (STS) access key but carries no SecurityToken.",
                )
            })?;
            return match self.sts.check(access_key_id, token, now) {
                TokenCheck::Valid(secret) => Ok(secret),
                TokenCheck::Error(e) => Err(e),
            };
        }
        let secret = self.keys.get(access_key_id).ok_or_else(not_found)?;
        if token.is_some_and(|t| !t.is_empty()) {
            return Err(EmuError::new(
                400,
                "InvalidSecurityToken.MismatchWithAccessKey",
                "The security token you provided does not match the access key id.",
            ));
        }
        Ok(secret.clone())
    }

    fn check_nonce(&self, access_key_id: &str, nonce: &str) -> Result<(), EmuError> {
        if self.nonces.first_use(access_key_id, nonce) {
            Ok(())
        } else {
            Err(EmuError::new(
                400,
                "SignatureNonceUsed",
                "Specified signature nonce was used already.",
            ))
        }
    }

    fn verify_v3(
        &self,
        req: &RawRequest<'_>,
        authorization: &str,
        query: &[(String, String)],
        now: DateTime<Utc>,
        parsed: &mut Parsed,
    ) -> Result<String, EmuError> {
        let auth = v3::parse_authorization(authorization).ok_or_else(|| {
            incomplete("The Authorization header must read `ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<names>,Signature=<hex>`.")
        })?;
        parsed.access_key_id = Some(auth.access_key_id.clone());
        let date =
            header_str(req.headers, "x-acs-date")?.ok_or_else(|| missing_header("x-acs-date"))?;
        let nonce = header_str(req.headers, "x-acs-signature-nonce")?
            .ok_or_else(|| missing_header("x-acs-signature-nonce"))?;
        if req.headers.get("host").is_none() {
            return Err(missing_header("host"));
        }
        // Every x-acs-* header, host, and a present content-type must be signed.
        for name in req.headers.keys() {
            let n = name.as_str();
            let must = n.starts_with("x-acs-") || n == "host" || n == "content-type";
            if must && !auth.signed_headers.iter().any(|s| s == n) {
                return Err(incomplete(&format!(
                    "The header \"{n}\" is not in SignedHeaders: sign host, every x-acs-* header and content-type."
                )));
            }
        }
        let mut signed: Vec<(String, String)> = Vec::with_capacity(auth.signed_headers.len());
        for name in &auth.signed_headers {
            let values = req.headers.get_all(name.as_str());
            let mut any = false;
            for v in values {
                any = true;
                let v = v.to_str().map_err(|_| {
                    incomplete(&format!(
                        "The signed header \"{name}\" is not visible ASCII text."
                    ))
                })?;
                signed.push((name.clone(), v.to_string()));
            }
            if !any {
                return Err(incomplete(&format!(
                    "The header \"{name}\" is listed in SignedHeaders but not sent."
                )));
            }
        }
        check_time(date, now)?;
        let token = header_str(req.headers, "x-acs-security-token")?;
        let secret = self.secret_for(&auth.access_key_id, token, now)?;
        let stages = v3::sign(
            &v3::RequestView {
                method: req.method.as_str(),
                path: req.path,
                query,
                headers: &signed,
                body: req.body,
            },
            &secret,
        );
        if !stages.signature.eq_ignore_ascii_case(&auth.signature) {
            return Err(EmuError::new(
                400,
                "SignatureDoesNotMatch",
                &format!(
                    "Specified signature does not match our calculation. server StringToSign is [{}]",
                    stages.string_to_sign
                ),
            ));
        }
        self.check_nonce(&auth.access_key_id, nonce)?;
        Ok(auth.access_key_id)
    }

    fn verify_v2(
        &self,
        req: &RawRequest<'_>,
        now: DateTime<Utc>,
        parsed: &mut Parsed,
    ) -> Result<String, EmuError> {
        let p = &parsed.params;
        let access_key_id = p
            .get("AccessKeyId")
            .ok_or_else(|| missing_param("AccessKeyId"))?
            .to_string();
        parsed.access_key_id = Some(access_key_id.clone());
        let p = &parsed.params;
        let signature = p
            .get("Signature")
            .ok_or_else(|| missing_param("Signature"))?;
        let method = p
            .get("SignatureMethod")
            .ok_or_else(|| missing_param("SignatureMethod"))?;
        if method != v2::SIGNATURE_METHOD {
            return Err(EmuError::new(
                400,
                "InvalidSignatureMethod",
                &format!(
                    "Specified signature method is not valid. (use {})",
                    v2::SIGNATURE_METHOD
                ),
            ));
        }
        if let Some(sv) = p.get("SignatureVersion") {
            if sv != v2::SIGNATURE_VERSION {
                return Err(EmuError::new(
                    400,
                    "InvalidSignatureVersion",
                    &format!(
                        "Specified signature version is not valid. (use {})",
                        v2::SIGNATURE_VERSION
                    ),
                ));
            }
        } else {
            return Err(missing_param("SignatureVersion"));
        }
        let nonce = p
            .get("SignatureNonce")
            .ok_or_else(|| missing_param("SignatureNonce"))?;
        let timestamp = p
            .get("Timestamp")
            .ok_or_else(|| missing_param("Timestamp"))?;
        check_time(timestamp, now)?;
        let secret = self.secret_for(&access_key_id, p.get("SecurityToken"), now)?;
        let stages = v2::sign(req.method.as_str(), &p.pairs, &secret);
        if stages.signature != signature {
            return Err(EmuError::new(
                400,
                "SignatureDoesNotMatch",
                &format!(
                    "Specified signature is not matched with our calculation. server string to sign is:{}",
                    stages.string_to_sign
                ),
            ));
        }
        self.check_nonce(&access_key_id, nonce)?;
        Ok(access_key_id)
    }
}

/// A new request ID in the real format (upper-case UUID).
pub fn new_request_id() -> String {
    let mut buf = [0u8; uuid::fmt::Hyphenated::LENGTH];
    uuid::Uuid::new_v4()
        .hyphenated()
        .encode_upper(&mut buf)
        .to_string()
}

/// The body of an error answer, fields in the real order.
pub fn error_body(
    err: &EmuError,
    request_id: &str,
    host_id: &str,
    product: Option<Product>,
) -> Value {
    let mut m = Map::new();
    m.insert("RequestId".into(), Value::from(request_id));
    m.insert("HostId".into(), Value::from(host_id));
    m.insert("Code".into(), Value::from(err.code.as_str()));
    m.insert("Message".into(), Value::from(err.message.as_str()));
    m.insert(
        "Recommend".into(),
        Value::from(format!(
            "https://api.aliyun.com/troubleshoot?q={}&product={}&requestId={request_id}",
            signing::percent_encode(&err.code),
            product.unwrap_or(Product::Vpc).name()
        )),
    );
    Value::Object(m)
}

/// A success body: `RequestId` first, then the handler's fields.
pub fn success_body(request_id: &str, value: Value) -> Value {
    let mut m = Map::new();
    m.insert("RequestId".into(), Value::from(request_id));
    match value {
        Value::Object(fields) => {
            for (k, v) in fields {
                if k != "RequestId" {
                    m.insert(k, v);
                }
            }
        }
        Value::Null => {}
        other => {
            m.insert("Result".into(), other);
        }
    }
    Value::Object(m)
}

/// The JSON bytes of a success answer already serialised: `{"RequestId":"...",` then its fields
/// (the same bytes as serialising [`success_body`] of it, without building a `Value`).
pub fn success_json(request_id: &str, object: &actions::JsonObject) -> Vec<u8> {
    let fields = &object.as_str()[1..];
    let mut out = Vec::with_capacity(request_id.len() + object.as_str().len() + 16);
    out.extend_from_slice(b"{\"RequestId\":");
    // A request ID is plain ASCII, but escape it as any string would be.
    let _ = serde_json::to_writer(&mut out, request_id);
    if fields != "}" {
        out.push(b',');
    }
    out.extend_from_slice(fields.as_bytes());
    out
}

/// Renders a JSON body as the XML the real API returns for `Format=XML`: arrays repeat their
/// element name, the root is `<ActionResponse>` (or `<Error>` for errors).
pub fn to_xml(root: &str, value: &Value) -> String {
    fn escape(s: &str, out: &mut String) {
        for c in s.chars() {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&apos;"),
                c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {
                    out.push_str(&format!("&#x{:X};", c as u32))
                }
                c => out.push(c),
            }
        }
    }
    fn element(name: &str, v: &Value, out: &mut String) {
        match v {
            Value::Array(items) => {
                for item in items {
                    element(name, item, out);
                }
            }
            _ => {
                out.push('<');
                out.push_str(name);
                out.push('>');
                match v {
                    Value::Object(m) => {
                        for (k, v) in m {
                            element(k, v, out);
                        }
                    }
                    Value::String(s) => escape(s, out),
                    Value::Null => {}
                    other => out.push_str(&other.to_string()),
                }
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
        }
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    element(root, value, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_serialised_answer_gets_request_id_spliced_in_front_as_success_body_renders_it() {
        let id = "R\"1";
        let page = json!({"TotalCount": 0, "PageNumber": 3, "PageSize": 7, "Set": {"Item": []}});
        let object = actions::JsonObject::of(&page).unwrap();
        let spliced = success_json(id, &object);
        assert_eq!(
            spliced,
            serde_json::to_vec(&success_body(id, page)).unwrap()
        );
        assert_eq!(
            spliced,
            br#"{"RequestId":"R\"1","TotalCount":0,"PageNumber":3,"PageSize":7,"Set":{"Item":[]}}"#
        );
        let empty_object = actions::JsonObject::of(&json!({})).unwrap();
        assert_eq!(success_json(id, &empty_object), br#"{"RequestId":"R\"1"}"#);
    }

    #[test]
    fn xml_repeats_array_elements_and_escapes() {
        let v = json!({"RequestId": "R", "Regions": {"Region": [{"RegionId": "a<b"}, {"RegionId": "c"}]}});
        assert_eq!(
            to_xml("DescribeRegionsResponse", &v),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeRegionsResponse><RequestId>R</RequestId><Regions><Region><RegionId>a&lt;b</RegionId></Region><Region><RegionId>c</RegionId></Region></Regions></DescribeRegionsResponse>"
        );
    }

    #[test]
    fn nonces_are_single_use_per_key() {
        let n = NonceStore::default();
        assert!(n.first_use("a", "1"));
        assert!(!n.first_use("a", "1"));
        assert!(n.first_use("b", "1"));
    }

    #[test]
    fn timestamps_are_checked_for_format_and_skew() {
        let now = Utc::now();
        let ok = signing::format_timestamp(now);
        assert!(check_time(&ok, now).is_ok());
        assert_eq!(
            check_time("yesterday", now).unwrap_err().code,
            "InvalidTimeStamp.Format"
        );
        let old = signing::format_timestamp(now - chrono::Duration::minutes(16));
        assert_eq!(
            check_time(&old, now).unwrap_err().code,
            "InvalidTimeStamp.Expired"
        );
        let ahead = signing::format_timestamp(now + chrono::Duration::minutes(16));
        assert_eq!(
            check_time(&ahead, now).unwrap_err().code,
            "InvalidTimeStamp.Expired"
        );
    }
}
