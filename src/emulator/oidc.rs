//! STS `AssumeRoleWithOIDC` (2015-04-01): an anonymous call (the gateway lets it through without a
//! signature) that trades an OIDC token for temporary credentials.
//!
//! The emulator cannot verify a JWT's signature against a real identity provider, so it accepts
//! the tokens it is told to accept (`app.tokens`, kind `oidc`: `bgpeer emulator --accept-token
//! oidc=TOKEN` or `POST /_emulator/tokens`), and answers the documented errors for the others.
//! Checks, in order: the role parameters as AssumeRole checks them (400); the provider ARN
//! (`AuthenticationFail.NoPermission`, 401); the token's form, a JWT of three base64url parts with
//! a JSON header naming an asymmetric `alg` and a JSON payload (`AuthenticationFail.OIDCToken.Invalid`);
//! its `exp` claim (`AuthenticationFail.OIDCToken.Expired`); whether it is accepted
//! (`AuthenticationFail.OIDCToken.InvalidSignature`); the accepted entry's `expires` (`Expired`).
//! Trailing whitespace on the token is ignored (the Python library sends a token file's final
//! newline).

use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;
use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use super::actions::{EmuError, Params};
use super::sts::{RoleRequest, Sts};
use super::tokens::{TokenKind, Tokens};

pub use crate::protocol::ASSUME_ROLE_WITH_OIDC as ACTION;

/// base64url, with or without padding (JWTs have none; some encoders add it).
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The signature algorithms an OIDC provider signs ID tokens with (asymmetric JWS algorithms).
const ALGORITHMS: &[&str] = &[
    "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
];

fn auth_fail(code: &str, message: &str) -> EmuError {
    EmuError::new(401, code, message)
}

fn invalid_token(why: &str) -> EmuError {
    auth_fail(
        "AuthenticationFail.OIDCToken.Invalid",
        &format!("The OIDC token is invalid: {why}."),
    )
}

fn expired() -> EmuError {
    auth_fail(
        "AuthenticationFail.OIDCToken.Expired",
        "This JsonWebToken is expired.",
    )
}

/// `acs:ram::<digits>:oidc-provider/<name>`.
fn is_provider_arn(arn: &str) -> bool {
    let Some((account, name)) = arn
        .strip_prefix("acs:ram::")
        .and_then(|rest| rest.split_once(":oidc-provider/"))
    else {
        return false;
    };
    !account.is_empty()
        && account.bytes().all(|b| b.is_ascii_digit())
        && !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

fn decode_json_object(part: &str, what: &str) -> Result<Map<String, Value>, EmuError> {
    let bytes = BASE64URL
        .decode(part)
        .map_err(|_| invalid_token(&format!("its {what} is not base64url")))?;
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(invalid_token(&format!("its {what} is not a JSON object"))),
    }
}

/// The claims of a well-formed JWT, or `AuthenticationFail.OIDCToken.Invalid` saying what is wrong.
fn claims(token: &str) -> Result<Map<String, Value>, EmuError> {
    if token.is_empty() {
        return Err(invalid_token("it is empty"));
    }
    let parts: Vec<&str> = token.split('.').collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty()) {
        return Err(invalid_token(
            "it must be a JWT, three base64url parts separated by dots",
        ));
    }
    let header = decode_json_object(parts[0], "header")?;
    match header.get("alg").and_then(Value::as_str) {
        Some(alg) if ALGORITHMS.contains(&alg) => {}
        Some(alg) => {
            return Err(invalid_token(&format!(
                "its alg {alg:?} is not one an OIDC provider signs with ({})",
                ALGORITHMS.join(", ")
            )))
        }
        None => return Err(invalid_token("its header has no alg")),
    }
    let payload = decode_json_object(parts[1], "payload")?;
    BASE64URL
        .decode(parts[2])
        .map_err(|_| invalid_token("its signature is not base64url"))?;
    Ok(payload)
}

fn time_claim(claims: &Map<String, Value>, name: &str) -> Option<DateTime<Utc>> {
    let seconds = claims.get(name)?.as_f64()?;
    DateTime::from_timestamp(seconds as i64, 0)
}

fn string_claim(claims: &Map<String, Value>, name: &str) -> String {
    match claims.get(name) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(","),
        _ => String::new(),
    }
}

/// Serves `AssumeRoleWithOIDC`; the response has no `RequestId` (the gateway adds it).
pub fn assume_role_with_oidc(
    sts: &Sts,
    tokens: &Tokens,
    params: &Params,
    now: DateTime<Utc>,
) -> Result<Value, EmuError> {
    let request = RoleRequest::parse(params)?;
    let provider = params
        .get("OIDCProviderArn")
        .filter(|v| !v.is_empty())
        .ok_or_else(|| {
            EmuError::new(
                400,
                "MissingOIDCProviderArn",
                "The input parameter \"OIDCProviderArn\" that is mandatory for processing this request is not supplied.",
            )
        })?;
    if !is_provider_arn(provider) {
        return Err(auth_fail(
            "AuthenticationFail.NoPermission",
            "No such OIDC Provider registered.",
        ));
    }
    let token = params.get("OIDCToken").unwrap_or("").trim_end();
    let claims = claims(token)?;
    let expires_at = time_claim(&claims, "exp");
    if expires_at.is_some_and(|exp| exp <= now) {
        return Err(expired());
    }
    let accepted = tokens.find_trimmed(TokenKind::Oidc, token).ok_or_else(|| {
        auth_fail(
            "AuthenticationFail.OIDCToken.InvalidSignature",
            "The signature of this JsonWebToken does not verify with the keys of the OIDC provider. (The bgpeer emulator accepts the OIDC tokens it is told to: `bgpeer emulator --accept-token oidc=TOKEN`, or POST /_emulator/tokens.)",
        )
    })?;
    if accepted.expires.is_some_and(|e| e <= now) {
        return Err(expired());
    }
    let time =
        |t: Option<DateTime<Utc>>| t.map(crate::signing::format_timestamp).unwrap_or_default();
    let mut out = sts.issue(&request, now);
    out["OIDCTokenInfo"] = json!({
        "Subject": string_claim(&claims, "sub"),
        "Issuer": string_claim(&claims, "iss"),
        "ClientIds": string_claim(&claims, "aud"),
        "VerificationInfo": "Success",
        "IssuanceTime": time(time_claim(&claims, "iat")),
        "ExpirationTime": time(expires_at),
    });
    out["SourceIdentity"] = Value::from("");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::sts::TokenCheck;
    use crate::emulator::tokens::Accepted;

    const ROLE: &str = "acs:ram::1234567890123456:role/pod-role";
    const PROVIDER: &str = "acs:ram::1234567890123456:oidc-provider/ack-rrsa-c1";

    fn jwt(header: &Value, payload: &Value) -> String {
        let part =
            |v: &Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
        format!("{}.{}.c2lnbmF0dXJl", part(header), part(payload))
    }

    fn token(exp: i64) -> String {
        jwt(
            &json!({"alg": "RS256", "kid": "k1"}),
            &json!({"sub": "system:serviceaccount:ns:sa", "iss": "https://oidc.example", "aud": ["sts.aliyuncs.com", "x"], "iat": 1_700_000_000, "exp": exp}),
        )
    }

    fn call(
        tokens: &Tokens,
        sts: &Sts,
        pairs: &[(&str, &str)],
        now: DateTime<Utc>,
    ) -> Result<Value, EmuError> {
        assume_role_with_oidc(sts, tokens, &Params::from_pairs(pairs), now)
    }

    fn accept(tokens: &Tokens, token: &str, expires: Option<DateTime<Utc>>) {
        tokens.accept(Accepted {
            kind: TokenKind::Oidc,
            token: token.to_string(),
            expires,
        });
    }

    fn code(r: Result<Value, EmuError>) -> (u16, String) {
        let e = r.unwrap_err();
        (e.status, e.code)
    }

    #[test]
    fn an_accepted_token_buys_credentials_that_sign_and_its_claims_are_echoed() {
        let (sts, tokens, now) = (Sts::default(), Tokens::default(), Utc::now());
        let t = token(now.timestamp() + 3600);
        accept(&tokens, &t, None);
        // The Python library's untrimmed token, with its file's newline.
        let with_newline = format!("{t}\n");
        let v = call(
            &tokens,
            &sts,
            &[
                ("RoleArn", ROLE),
                ("OIDCProviderArn", PROVIDER),
                ("OIDCToken", &with_newline),
                ("RoleSessionName", "pod"),
            ],
            now,
        )
        .unwrap();
        assert_eq!(v["AssumedRoleUser"]["Arn"], format!("{ROLE}/pod"));
        let info = &v["OIDCTokenInfo"];
        assert_eq!(info["Subject"], "system:serviceaccount:ns:sa");
        assert_eq!(info["Issuer"], "https://oidc.example");
        assert_eq!(info["ClientIds"], "sts.aliyuncs.com,x");
        assert_eq!(info["VerificationInfo"], "Success");
        assert_eq!(info["IssuanceTime"], "2023-11-14T22:13:20Z");
        let ak = v["Credentials"]["AccessKeyId"].as_str().unwrap();
        let st = v["Credentials"]["SecurityToken"].as_str().unwrap();
        assert!(matches!(sts.check(ak, st, now), TokenCheck::Valid(_)));
    }

    #[test]
    fn every_documented_refusal() {
        let (sts, tokens, now) = (Sts::default(), Tokens::default(), Utc::now());
        let good = token(now.timestamp() + 3600);
        accept(&tokens, &good, None);
        let with = |provider: &str, token: &str| {
            call(
                &tokens,
                &sts,
                &[
                    ("RoleArn", ROLE),
                    ("OIDCProviderArn", provider),
                    ("OIDCToken", token),
                    ("RoleSessionName", "pod"),
                ],
                now,
            )
        };
        let invalid = (401, "AuthenticationFail.OIDCToken.Invalid".to_string());
        for bad in [
            "",
            "not-a-jwt",
            "a.b",
            "a.b.c.d",
            "!!!.e30.c2ln",
            &jwt(&json!({"alg": "none"}), &json!({})),
            &jwt(&json!({"alg": "HS256"}), &json!({})),
            &format!("{}.bm90IGpzb24.c2ln", good.split('.').next().unwrap()),
        ] {
            assert_eq!(code(with(PROVIDER, bad)), invalid, "{bad:?}");
        }
        assert_eq!(
            code(with(PROVIDER, &token(now.timestamp() - 1))),
            (401, "AuthenticationFail.OIDCToken.Expired".to_string())
        );
        assert_eq!(
            code(with(PROVIDER, &token(now.timestamp() + 7200))),
            (
                401,
                "AuthenticationFail.OIDCToken.InvalidSignature".to_string()
            )
        );
        let lapsed = token(now.timestamp() + 100);
        accept(&tokens, &lapsed, Some(now - chrono::Duration::seconds(1)));
        assert_eq!(
            code(with(PROVIDER, &lapsed)),
            (401, "AuthenticationFail.OIDCToken.Expired".to_string())
        );
        for provider in [
            "acs:ram::12:role/x",
            "acs:ram::x1:oidc-provider/p",
            "acs:ram::1:oidc-provider/",
        ] {
            assert_eq!(
                code(with(provider, &good)),
                (401, "AuthenticationFail.NoPermission".to_string()),
                "{provider}"
            );
        }
        // Role parameters are checked as AssumeRole checks them.
        for (extra, expected) in [
            (("RoleSessionName", "p"), "InvalidParameter.RoleSessionName"),
            (
                ("DurationSeconds", "899"),
                "InvalidParameter.DurationSeconds",
            ),
            (("Policy", "{"), "InvalidParameter.PolicyGrammar"),
        ] {
            let mut params = vec![
                ("RoleArn", ROLE),
                ("OIDCProviderArn", PROVIDER),
                ("OIDCToken", good.as_str()),
                ("RoleSessionName", "pod"),
            ];
            params.retain(|(k, _)| *k != extra.0);
            params.push(extra);
            let e = call(&tokens, &sts, &params, now);
            assert_eq!(code(e), (400, expected.to_string()), "{extra:?}");
        }
        let e = call(
            &tokens,
            &sts,
            &[
                ("RoleArn", ROLE),
                ("OIDCToken", &good),
                ("RoleSessionName", "pod"),
            ],
            now,
        );
        assert_eq!(code(e), (400, "MissingOIDCProviderArn".to_string()));
    }
}
