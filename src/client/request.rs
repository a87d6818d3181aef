//! Signing one attempt of a call: where the parameters travel (query or form body), the signed
//! headers or parameters, and the URL, as one [`SignedRequest`] ready to send.

use crate::secret;
use crate::signing::{self, SignatureVersion, SigningKey};

use super::Endpoint;

/// Above this many bytes of encoded parameters, they are sent in a form body instead of the URL.
pub const MAX_QUERY_BYTES: usize = 4096;
const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// What one attempt signs: everything but the key, the time and the nonce.
#[derive(Debug, Clone, Copy)]
pub struct Call<'a> {
    pub endpoint: &'a Endpoint,
    pub action: &'a str,
    /// The API version (`2016-04-28` for VPC, `2015-04-01` for STS).
    pub version: &'a str,
    pub signature_version: SignatureVersion,
    /// The API parameters (`ClientToken` included for a mutating call).
    pub params: &'a [(String, String)],
}

/// One signed POST, ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedRequest {
    /// The endpoint URL with the query, percent-encoded exactly as it was signed (reqwest's
    /// encoder differs).
    pub url: String,
    /// Headers to send besides `accept` (`host` is left to reqwest: it sets it from the URL,
    /// which is the exact value that was signed).
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Every parameter as it travels (V2's common parameters and signature included), in the
    /// query or in the form body: what `--debug` shows, redacted.
    pub params: Vec<(String, String)>,
    /// Whether the parameters travel in a form body rather than the URL.
    pub in_body: bool,
    /// bgpeer's string to sign, compared with the one a signature error quotes.
    pub string_to_sign: String,
}

/// Signs one attempt of `call` with `key` at `timestamp` with `nonce`.
///
/// Parameters go in the query as the SDKs send them, unless they would make an unwieldy URL:
/// then they travel in a form body, which both schemes sign too.
pub fn sign(call: &Call<'_>, key: &SigningKey<'_>, timestamp: &str, nonce: &str) -> SignedRequest {
    let params = call.params;
    let in_body = signing::percent::encode_pairs(params).len() > MAX_QUERY_BYTES;
    match call.signature_version {
        SignatureVersion::V3 => {
            let form_body: Vec<u8> = if in_body {
                signing::percent::encode_pairs(params).into_bytes()
            } else {
                Vec::new()
            };
            let no_query: [(String, String); 0] = [];
            let signed = signing::v3::sign_rpc(
                &signing::v3::RpcCall {
                    method: "POST",
                    host: &call.endpoint.host,
                    action: call.action,
                    version: call.version,
                    query: if in_body { &no_query } else { params },
                    body: &form_body,
                    content_type: in_body.then_some(FORM_CONTENT_TYPE),
                    date: timestamp,
                    nonce,
                },
                key,
            );
            let headers = signed
                .headers
                .into_iter()
                .filter(|(n, _)| n != "host")
                .collect();
            SignedRequest {
                url: url_with_query(call.endpoint, if in_body { &no_query } else { params }),
                headers,
                body: form_body,
                params: params.to_vec(),
                in_body,
                string_to_sign: signed.stages.string_to_sign,
            }
        }
        SignatureVersion::V2 => {
            let mut all =
                signing::v2::common_params(call.action, call.version, key, timestamp, nonce);
            all.extend(params.iter().cloned());
            let stages = signing::v2::sign("POST", &all, key.access_key_secret);
            all.push(("Signature".into(), stages.signature));
            let (url, headers, body) = if in_body {
                (
                    call.endpoint.url(),
                    vec![("content-type".to_string(), FORM_CONTENT_TYPE.to_string())],
                    signing::percent::encode_pairs(&all).into_bytes(),
                )
            } else {
                (url_with_query(call.endpoint, &all), Vec::new(), Vec::new())
            };
            SignedRequest {
                url,
                headers,
                body,
                params: all,
                in_body,
                string_to_sign: stages.string_to_sign,
            }
        }
    }
}

/// One attempt of `call` sent unsigned, at `timestamp`, as the official Go and Java credential
/// libraries send STS `AssumeRoleWithOIDC`: `Action`, `Format`, `Version` and `Timestamp` in the
/// query, the API parameters in a form body (a POST body keeps the OIDC token, a bearer
/// credential, out of URLs, which proxies and servers log, and has no length limit).
pub fn unsigned(call: &Call<'_>, timestamp: &str) -> SignedRequest {
    let query: Vec<(String, String)> = vec![
        ("Action".into(), call.action.into()),
        ("Format".into(), "JSON".into()),
        ("Version".into(), call.version.into()),
        ("Timestamp".into(), timestamp.into()),
    ];
    let mut params = query.clone();
    params.extend(call.params.iter().cloned());
    SignedRequest {
        url: url_with_query(call.endpoint, &query),
        headers: vec![("content-type".to_string(), FORM_CONTENT_TYPE.to_string())],
        body: signing::percent::encode_pairs(call.params).into_bytes(),
        params,
        in_body: true,
        string_to_sign: String::new(),
    }
}

/// The request URL as `--debug` prints it: secret parameter values replaced by the mask.
pub fn redacted_url(endpoint: &Endpoint, query: &[(String, String)]) -> String {
    let shown: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| {
            if secret::is_secret_name(k) {
                (k.clone(), secret::MASK.to_string())
            } else {
                (k.clone(), v.clone())
            }
        })
        .collect();
    url_with_query(endpoint, &shown)
}

/// `scheme://host/?query`, or `scheme://host/` when there are no parameters.
fn url_with_query(endpoint: &Endpoint, query: &[(String, String)]) -> String {
    if query.is_empty() {
        endpoint.url()
    } else {
        format!(
            "{}?{}",
            endpoint.url(),
            signing::percent::encode_pairs(query)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endpoint() -> Endpoint {
        Endpoint {
            scheme: "https".into(),
            host: "vpc.cn-shanghai.aliyuncs.com".into(),
        }
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    const KEY: SigningKey<'static> = SigningKey {
        access_key_id: "LTAI5tTestKey",
        access_key_secret: "test-secret",
        security_token: None,
    };

    fn sign_with(version: SignatureVersion, params: &[(String, String)]) -> SignedRequest {
        let endpoint = endpoint();
        sign(
            &Call {
                endpoint: &endpoint,
                action: "DescribeBgpGroups",
                version: "2016-04-28",
                signature_version: version,
                params,
            },
            &KEY,
            "2026-01-02T03:04:05Z",
            "nonce-1",
        )
    }

    #[test]
    fn v3_signs_headers_and_keeps_the_parameters_in_the_query() {
        let params = pairs(&[("RegionId", "cn-shanghai"), ("VbrId", "vbr-1")]);
        let r = sign_with(SignatureVersion::V3, &params);
        assert_eq!(
            r.url,
            "https://vpc.cn-shanghai.aliyuncs.com/?RegionId=cn-shanghai&VbrId=vbr-1"
        );
        assert!(!r.in_body);
        assert!(r.body.is_empty());
        assert_eq!(r.params, params);
        let header = |n: &str| r.headers.iter().find(|(k, _)| k == n).map(|(_, v)| v);
        assert!(header("host").is_none(), "reqwest sets host from the URL");
        assert_eq!(header("x-acs-action").unwrap(), "DescribeBgpGroups");
        assert_eq!(header("x-acs-signature-nonce").unwrap(), "nonce-1");
        assert!(header("authorization")
            .unwrap()
            .starts_with("ACS3-HMAC-SHA256 Credential=LTAI5tTestKey,"));
        assert!(r.string_to_sign.starts_with("ACS3-HMAC-SHA256\n"));
        // The same inputs sign the same request.
        assert_eq!(r, sign_with(SignatureVersion::V3, &params));
    }

    #[test]
    fn v2_puts_common_parameters_and_the_signature_in_the_query() {
        let params = pairs(&[("RegionId", "cn-shanghai")]);
        let r = sign_with(SignatureVersion::V2, &params);
        assert!(r.headers.is_empty());
        assert!(r.body.is_empty());
        assert!(r.url.contains("Action=DescribeBgpGroups"), "{}", r.url);
        assert!(r.url.contains("SignatureNonce=nonce-1"), "{}", r.url);
        assert_eq!(r.params.last().unwrap().0, "Signature");
        assert!(r.url.ends_with(&format!(
            "Signature={}",
            signing::percent_encode(&r.params.last().unwrap().1)
        )));
        assert!(r.string_to_sign.starts_with("POST&%2F&"));
    }

    #[test]
    fn long_parameter_lists_travel_in_a_signed_form_body() {
        let params = pairs(&[("Description", &"x".repeat(MAX_QUERY_BYTES + 1))]);
        for version in [SignatureVersion::V3, SignatureVersion::V2] {
            let r = sign_with(version, &params);
            assert!(r.in_body);
            assert_eq!(
                r.url, "https://vpc.cn-shanghai.aliyuncs.com/",
                "{version:?}"
            );
            let body = String::from_utf8(r.body.clone()).unwrap();
            assert!(body.contains("Description=xxx"), "{version:?}");
            assert_eq!(
                r.headers
                    .iter()
                    .find(|(k, _)| k == "content-type")
                    .map(|(_, v)| v.as_str()),
                Some(FORM_CONTENT_TYPE),
                "{version:?}"
            );
        }
    }

    #[test]
    fn an_unsigned_call_has_no_key_signature_or_nonce_and_its_parameters_in_the_body() {
        let endpoint = endpoint();
        let params = pairs(&[("RoleArn", "acs:ram::1:role/r"), ("OIDCToken", "a.b.c")]);
        let r = unsigned(
            &Call {
                endpoint: &endpoint,
                action: "AssumeRoleWithOIDC",
                version: "2015-04-01",
                signature_version: SignatureVersion::V3,
                params: &params,
            },
            "2026-01-02T03:04:05Z",
        );
        assert_eq!(
            r.url,
            "https://vpc.cn-shanghai.aliyuncs.com/?Action=AssumeRoleWithOIDC&Format=JSON&Version=2015-04-01&Timestamp=2026-01-02T03%3A04%3A05Z"
        );
        assert_eq!(
            String::from_utf8(r.body).unwrap(),
            "RoleArn=acs%3Aram%3A%3A1%3Arole%2Fr&OIDCToken=a.b.c"
        );
        assert_eq!(
            r.headers,
            vec![("content-type".to_string(), FORM_CONTENT_TYPE.to_string())]
        );
        for name in [
            "AccessKeyId",
            "Signature",
            "SignatureNonce",
            "SecurityToken",
        ] {
            assert!(!r.params.iter().any(|(k, _)| k == name), "{name}");
        }
        assert!(r.in_body);
        assert!(r.string_to_sign.is_empty());
        // --debug shows every parameter, the token masked.
        let shown = redacted_url(&endpoint, &r.params);
        assert!(shown.contains("OIDCToken=%2A%2A%2A%2A"), "{shown}");
        assert!(!shown.contains("a.b.c"), "{shown}");
    }

    #[test]
    fn debug_urls_mask_signature_token_and_auth_keys() {
        let query = pairs(&[
            ("Action", "CreateBgpGroup"),
            ("AuthKey", "bgp-md5-pass"),
            ("SecurityToken", "CAIS+token"),
            ("Signature", "abc+/="),
            ("AccessKeySecret", "sk"),
            ("ClientToken", "tok-1"),
        ]);
        let url = redacted_url(&endpoint(), &query);
        for secret in ["bgp-md5-pass", "CAIS", "abc", "=sk"] {
            assert!(!url.contains(secret), "{secret} leaked in {url}");
        }
        assert!(url.contains("AuthKey=%2A%2A%2A%2A"), "{url}");
        assert!(url.contains("Signature=%2A%2A%2A%2A"), "{url}");
        assert!(url.contains("ClientToken=tok-1"), "{url}");
        assert!(url.starts_with("https://vpc.cn-shanghai.aliyuncs.com/?Action=CreateBgpGroup&"));
    }
}
