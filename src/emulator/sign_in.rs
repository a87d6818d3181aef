//! The sign-in services of the aliyun CLI's CloudSSO and OAuth modes, on the emulator's own
//! address (routed by path; never by the Host header, which the official Python library sends
//! without the port):
//!
//! - `POST /cloud-credentials` (CloudSSO): `Authorization: Bearer <access token>` (a `cloud_sso`
//!   token accepted through `/_emulator/tokens`), JSON `{"AccountId", "AccessConfigurationId"}`
//!   -> `{"RequestId", "CloudCredential": {AccessKeyId, AccessKeySecret, SecurityToken,
//!   Expiration}}`; errors `{"ErrorCode", "ErrorMessage", "RequestId"}`.
//! - `POST /v1/token` (OAuth refresh): form `grant_type=refresh_token`, `refresh_token` (an
//!   `oauth_refresh` token), `client_id` (the CN or INTL one), optional `Timestamp` ->
//!   `{"access_token", "refresh_token", "expires_in", "token_type"}`. The refresh token rotates:
//!   the old one stops working, the new refresh and access tokens are accepted from then on.
//!   Errors: 400 `{"error", "error_description"}` (`invalid_grant`, ...).
//! - `POST /v1/exchange` (OAuth): `Authorization: Bearer <access token>` (an `oauth_access`
//!   token) -> `{"RequestId", "AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"}`;
//!   401 `{"error": "invalid_token" | "expired_token", ...}`.
//!
//! The STS credentials come from the emulator's STS, so they sign VPC calls. Every call is in the
//! request log, its `action` being the path, tokens masked.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::app::App;
use super::request_log::{masked_parameters, LoggedRequest};
use super::tokens::{Accepted, TokenKind};

/// How long issued STS credentials and OAuth access tokens last.
const LIFETIME_SECS: i64 = 3600;

/// The OAuth client ids of the aliyun CLI's two sites (CN, INTL).
pub const OAUTH_CLIENT_IDS: [&str; 2] = ["4038181954557748008", "4103531455503354461"];

/// One call as it is logged and answered.
struct Call<'a> {
    app: &'a App,
    now: DateTime<Utc>,
    request_id: String,
    path: &'static str,
    parameters: Vec<(String, String)>,
}

impl Call<'_> {
    fn new<'a>(app: &'a App, path: &'static str, headers: &HeaderMap) -> Call<'a> {
        let mut parameters = Vec::new();
        if let Some(auth) = headers.get(header::AUTHORIZATION) {
            parameters.push((
                "Authorization".to_string(),
                String::from_utf8_lossy(auth.as_bytes()).into_owned(),
            ));
        }
        Call {
            app,
            now: Utc::now(),
            request_id: super::gateway::new_request_id(),
            path,
            parameters,
        }
    }

    fn answer(&self, status: StatusCode, code: Option<&str>, body: Value) -> Response {
        self.app.log.push(LoggedRequest {
            time: crate::signing::format_timestamp(self.now),
            request_id: self.request_id.clone(),
            method: Method::POST.to_string(),
            action: Some(self.path.to_string()),
            version: None,
            access_key_id: None,
            signature_version: None,
            parameters: masked_parameters(&self.parameters),
            status: status.as_u16(),
            code: code.map(str::to_string),
            dropped: false,
        });
        (status, Json(body)).into_response()
    }

    /// CloudSSO's error shape.
    fn sso_error(&self, status: StatusCode, code: &str, message: &str) -> Response {
        self.answer(
            status,
            Some(code),
            json!({"ErrorCode": code, "ErrorMessage": message, "RequestId": self.request_id}),
        )
    }

    /// OAuth's error shape.
    fn oauth_error(&self, status: StatusCode, error: &str, description: &str) -> Response {
        self.answer(
            status,
            Some(error),
            json!({"error": error, "error_description": description, "requestId": self.request_id}),
        )
    }

    /// The token `kind` presented as a Bearer token: `Ok` when accepted and not expired, else
    /// `Err((error code, message))`: "missing", "invalid" or "expired".
    fn bearer(
        &self,
        headers: &HeaderMap,
        kind: TokenKind,
    ) -> Result<(), (&'static str, &'static str)> {
        let token = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                let (scheme, token) = v.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
            })
            .filter(|t| !t.is_empty())
            .ok_or((
                "missing",
                "The request has no Authorization: Bearer access token.",
            ))?;
        let accepted = self
            .app
            .tokens
            .find(kind, token)
            .ok_or(("invalid", "The access token is invalid."))?;
        match accepted.expires {
            Some(e) if e <= self.now => Err(("expired", "The access token is expired.")),
            _ => Ok(()),
        }
    }

    /// STS credentials from the emulator's STS, as the sign-in services name their fields.
    fn issue(&self) -> Value {
        let (id, t) = self
            .app
            .gateway
            .sts
            .issue_keys(chrono::Duration::seconds(LIFETIME_SECS), self.now);
        json!({
            "AccessKeyId": id,
            "AccessKeySecret": t.secret,
            "SecurityToken": t.token,
            "Expiration": crate::signing::format_timestamp(t.expiration),
        })
    }
}

/// `POST /cloud-credentials`
pub async fn cloud_credentials(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut call = Call::new(&app, "/cloud-credentials", &headers);
    let request: Option<serde_json::Map<String, Value>> = serde_json::from_slice(&body).ok();
    let text = |k: &str| {
        request
            .as_ref()
            .and_then(|r| r.get(k))
            .and_then(|v| match v {
                Value::String(s) if !s.is_empty() => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
    };
    let (account, access_config) = (text("AccountId"), text("AccessConfigurationId"));
    for (k, v) in [
        ("AccountId", &account),
        ("AccessConfigurationId", &access_config),
    ] {
        if let Some(v) = v {
            call.parameters.push((k.to_string(), v.clone()));
        }
    }
    if let Err((kind, message)) = call.bearer(&headers, TokenKind::CloudSso) {
        let code = match kind {
            "missing" => "MissingAccessToken",
            "expired" => "AccessTokenExpired",
            _ => "InvalidAccessToken",
        };
        return call.sso_error(StatusCode::UNAUTHORIZED, code, message);
    }
    if request.is_none() {
        return call.sso_error(
            StatusCode::BAD_REQUEST,
            "InvalidParameter",
            "The request body must be a JSON object with AccountId and AccessConfigurationId.",
        );
    }
    for (name, value) in [
        ("AccountId", &account),
        ("AccessConfigurationId", &access_config),
    ] {
        if value.is_none() {
            return call.sso_error(
                StatusCode::BAD_REQUEST,
                &format!("MissingParameter.{name}"),
                &format!("The parameter {name} is mandatory for this request."),
            );
        }
    }
    let credential = call.issue();
    call.answer(
        StatusCode::OK,
        None,
        json!({"RequestId": call.request_id, "CloudCredential": credential}),
    )
}

/// `POST /v1/token`
pub async fn oauth_token(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Response {
    let mut call = Call::new(&app, "/v1/token", &headers);
    call.parameters = form_urlencoded::parse(&body).into_owned().collect();
    let get = |k: &str| {
        call.parameters
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
    };
    if get("grant_type").as_deref() != Some("refresh_token") {
        return call.oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "The emulator supports grant_type=refresh_token only.",
        );
    }
    if !get("client_id").is_some_and(|c| OAUTH_CLIENT_IDS.contains(&c.as_str())) {
        return call.oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_client",
            "The client_id is not one of the aliyun CLI's (CN or INTL).",
        );
    }
    let Some(refresh_token) = get("refresh_token") else {
        return call.oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The parameter refresh_token is missing.",
        );
    };
    let usable = app
        .tokens
        .find(TokenKind::OauthRefresh, &refresh_token)
        .is_some_and(|t| t.expires.is_none_or(|e| e > call.now));
    // Revoking is the check that counts: of two concurrent refreshes with one token, one wins.
    if !usable || !app.tokens.revoke(TokenKind::OauthRefresh, &refresh_token) {
        return call.oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "The refresh token is invalid, expired or already used.",
        );
    }
    let access_token = format!("AT-{}", uuid::Uuid::new_v4().simple());
    let new_refresh_token = format!("RT-{}", uuid::Uuid::new_v4().simple());
    app.tokens.accept(Accepted {
        kind: TokenKind::OauthAccess,
        token: access_token.clone(),
        expires: Some(call.now + chrono::Duration::seconds(LIFETIME_SECS)),
    });
    app.tokens.accept(Accepted {
        kind: TokenKind::OauthRefresh,
        token: new_refresh_token.clone(),
        expires: None,
    });
    call.answer(
        StatusCode::OK,
        None,
        json!({
            "access_token": access_token,
            "refresh_token": new_refresh_token,
            "expires_in": LIFETIME_SECS,
            "token_type": "Bearer",
        }),
    )
}

/// `POST /v1/exchange`
pub async fn oauth_exchange(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    let call = Call::new(&app, "/v1/exchange", &headers);
    if let Err((kind, message)) = call.bearer(&headers, TokenKind::OauthAccess) {
        let error = if kind == "expired" {
            "expired_token"
        } else {
            "invalid_token"
        };
        return call.oauth_error(StatusCode::UNAUTHORIZED, error, message);
    }
    let mut answer = json!({"RequestId": call.request_id});
    if let (Some(out), Value::Object(credential)) = (answer.as_object_mut(), call.issue()) {
        out.extend(credential);
    }
    call.answer(StatusCode::OK, None, answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::server::router;
    use tower::ServiceExt;

    fn app() -> Arc<App> {
        Arc::new(App {
            gateway: super::super::gateway::Gateway::new(Default::default()),
            store: super::super::store::Store::in_memory(super::super::world::World::seeded()),
            faults: super::super::faults::Faults::new(Vec::new()),
            log: Default::default(),
            settle: std::time::Duration::ZERO,
            tokens: Default::default(),
            url: "http://127.0.0.1:0".to_string(),
        })
    }

    async fn post(app: &Arc<App>, path: &str, auth: Option<&str>, body: &str) -> (u16, Value) {
        let mut req = axum::extract::Request::builder()
            .method("POST")
            .uri(path)
            // As the official library sends it: the host without the port.
            .header("host", "127.0.0.1");
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        let mut req = req.body(axum::body::Body::from(body.to_string())).unwrap();
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
                [127, 0, 0, 1],
                5000,
            ))));
        let r = router(app.clone()).oneshot(req).await.unwrap();
        let status = r.status().as_u16();
        let bytes = axum::body::to_bytes(r.into_body(), 1 << 20).await.unwrap();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    fn accept(app: &App, kind: TokenKind, token: &str, expires: Option<DateTime<Utc>>) {
        app.tokens.accept(Accepted {
            kind,
            token: token.into(),
            expires,
        });
    }

    #[tokio::test]
    async fn cloud_credentials_issue_sts_for_an_accepted_token_only() {
        let app = app();
        let body = r#"{"AccountId": "1234567890", "AccessConfigurationId": "ac-abc"}"#;
        let (s, v) = post(&app, "/cloud-credentials", Some("Bearer AT-1"), body).await;
        assert_eq!(
            (s, v["ErrorCode"].as_str()),
            (401, Some("InvalidAccessToken"))
        );
        accept(&app, TokenKind::CloudSso, "AT-1", None);
        accept(&app, TokenKind::CloudSso, "AT-old", Some(Utc::now()));
        let (s, v) = post(&app, "/cloud-credentials", Some("Bearer AT-old"), body).await;
        assert_eq!(
            (s, v["ErrorCode"].as_str()),
            (401, Some("AccessTokenExpired"))
        );
        let (s, v) = post(
            &app,
            "/cloud-credentials",
            Some("Bearer AT-1"),
            r#"{"AccountId":"1"}"#,
        )
        .await;
        assert_eq!(
            (s, v["ErrorCode"].as_str()),
            (400, Some("MissingParameter.AccessConfigurationId"))
        );
        let (s, v) = post(&app, "/cloud-credentials", Some("Bearer AT-1"), body).await;
        assert_eq!(s, 200, "{v}");
        let c = &v["CloudCredential"];
        let id = c["AccessKeyId"].as_str().unwrap();
        assert!(id.starts_with("STS."));
        assert!(app.gateway.sts.knows(id));
        assert!(crate::signing::parse_timestamp(c["Expiration"].as_str().unwrap()).is_some());
        let logged = app.log.list(Some("/cloud-credentials"), None);
        assert_eq!(logged.len(), 4);
        assert_eq!(logged[3].parameters["Authorization"], "****");
        assert_eq!(logged[3].parameters["AccountId"], "1234567890");
    }

    #[tokio::test]
    async fn the_refresh_token_rotates_and_the_new_access_token_is_exchanged() {
        let app = app();
        accept(&app, TokenKind::OauthRefresh, "RT-1", None);
        let form = "grant_type=refresh_token&refresh_token=RT-1&client_id=4038181954557748008&Timestamp=2026-12-02T18%3A02%3A14Z";
        let (s, v) = post(&app, "/v1/token", None, &form.replace("4038", "9999")).await;
        assert_eq!((s, v["error"].as_str()), (400, Some("invalid_client")));
        let (s, v) = post(&app, "/v1/token", None, form).await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["token_type"], "Bearer");
        assert_eq!(v["expires_in"], 3600);
        let (access, refresh) = (
            v["access_token"].as_str().unwrap(),
            v["refresh_token"].as_str().unwrap(),
        );
        let (s, v) = post(&app, "/v1/token", None, form).await;
        assert_eq!(
            (s, v["error"].as_str()),
            (400, Some("invalid_grant")),
            "the old one is spent"
        );
        let (s, _) = post(&app, "/v1/token", None, &form.replace("RT-1", refresh)).await;
        assert_eq!(s, 200, "the new one works");
        let (s, v) = post(&app, "/v1/exchange", Some(&format!("Bearer {access}")), "").await;
        assert_eq!(s, 200, "{v}");
        assert!(v["AccessKeyId"].as_str().unwrap().starts_with("STS."));
        assert!(
            v["RequestId"].is_string()
                && v["SecurityToken"].is_string()
                && v["Expiration"].is_string()
        );
        let (s, v) = post(&app, "/v1/exchange", Some("Bearer AT-unknown"), "").await;
        assert_eq!((s, v["error"].as_str()), (401, Some("invalid_token")));
        accept(&app, TokenKind::OauthAccess, "AT-old", Some(Utc::now()));
        let (s, v) = post(&app, "/v1/exchange", Some("Bearer AT-old"), "").await;
        assert_eq!((s, v["error"].as_str()), (401, Some("expired_token")));
        let logged = app.log.list(Some("/v1/token"), None);
        assert_eq!(logged[0].parameters["refresh_token"], "****");
        assert_eq!(logged[0].parameters["grant_type"], "refresh_token");
    }
}
