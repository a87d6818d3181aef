//! The emulator's own admin API under `/_emulator/` (not Alibaba's): unsigned, loopback only.
//!
//! - `GET /_emulator/health`: `{"status":"ok", "url": "http(s)://IP:PORT", "state": FILE|null, "settleMs": N, "accessKeyIds": [...], "faults": N}`
//! - `GET /_emulator/faults`: `{"faults": [FAULT...]}`; `PUT` replaces them all (same shape);
//!   `POST` adds one (a FAULT object); `DELETE` removes them all.
//! - `GET /_emulator/requests[?action=A][&limit=N]`: the request log, oldest first, secrets masked,
//!   values longer than 256 characters cut;
//!   `DELETE` clears it.
//! - `POST /_emulator/reset`: restores the seeded world (persisted first).
//! - `GET /_emulator/tokens`: `{"tokens": [TOKEN...]}`, tokens masked; `POST` accepts one
//!   (`{"kind": "oidc"|"cloud_sso"|"oauth_refresh"|"oauth_access", "token": T, "expires"?: RFC 3339}`);
//!   `DELETE` forgets them all.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::app::App;
use super::faults::Fault;
use super::tokens::Accepted;

fn admin_error(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({"error": message}))).into_response()
}

/// The admin API answers loopback clients only, even when the server listens more widely: this
/// layer sits in front of every `/_emulator/` route (see `server::router`).
pub async fn loopback_only(
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    match refuse_remote(&peer) {
        Some(refusal) => refusal,
        None => next.run(req).await,
    }
}

/// `Some(refusal)` for a client that is not on loopback.
fn refuse_remote(peer: &SocketAddr) -> Option<Response> {
    (!peer.ip().is_loopback()).then(|| {
        admin_error(
            StatusCode::FORBIDDEN,
            "the emulator admin API only answers loopback clients",
        )
    })
}

pub async fn health(State(app): State<Arc<App>>) -> Response {
    let mut ids: Vec<&String> = app.gateway.keys.keys().collect();
    ids.sort();
    Json(json!({
        "status": "ok",
        "url": app.url,
        "state": app.store.path().map(|p| p.display().to_string()),
        "settleMs": app.settle.as_millis() as u64,
        "accessKeyIds": ids,
        "faults": app.faults.list().len(),
        "loggedRequests": app.log.len(),
    }))
    .into_response()
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FaultList {
    faults: Vec<Fault>,
}

/// Parses and validates a fault body; the error is the message of a 400 answer.
fn parse_faults<T: serde::de::DeserializeOwned>(
    body: &Bytes,
    faults: impl Fn(&T) -> &[Fault],
) -> Result<T, String> {
    let value: T = serde_json::from_slice(body).map_err(|e| {
        format!("invalid JSON body: {e} (docs/emulator.md, section Faults, has the format)")
    })?;
    for f in faults(&value) {
        f.validate()?;
    }
    Ok(value)
}

pub async fn get_faults(State(app): State<Arc<App>>) -> Response {
    Json(FaultList {
        faults: app.faults.list(),
    })
    .into_response()
}

pub async fn put_faults(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let list: FaultList = match parse_faults(&body, |l: &FaultList| &l.faults) {
        Ok(l) => l,
        Err(m) => return admin_error(StatusCode::BAD_REQUEST, &m),
    };
    app.faults.replace(list.faults);
    Json(FaultList {
        faults: app.faults.list(),
    })
    .into_response()
}

pub async fn add_fault(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let fault: Fault = match parse_faults(&body, std::slice::from_ref) {
        Ok(f) => f,
        Err(m) => return admin_error(StatusCode::BAD_REQUEST, &m),
    };
    app.faults.add(fault);
    (
        StatusCode::CREATED,
        Json(FaultList {
            faults: app.faults.list(),
        }),
    )
        .into_response()
}

pub async fn clear_faults(State(app): State<Arc<App>>) -> Response {
    app.faults.replace(Vec::new());
    Json(FaultList { faults: Vec::new() }).into_response()
}

pub async fn get_tokens(State(app): State<Arc<App>>) -> Response {
    Json(json!({ "tokens": app.tokens.list_masked() })).into_response()
}

pub async fn add_token(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let token: Accepted = match serde_json::from_slice(&body) {
        Ok(t) => t,
        Err(e) => {
            return admin_error(
                StatusCode::BAD_REQUEST,
                &format!("invalid JSON body: {e} (docs/emulator.md, section Identity tokens, has the format)"),
            )
        }
    };
    if let Err(m) = token.validate() {
        return admin_error(StatusCode::BAD_REQUEST, &m);
    }
    app.tokens.accept(token);
    (
        StatusCode::CREATED,
        Json(json!({ "tokens": app.tokens.list_masked() })),
    )
        .into_response()
}

pub async fn clear_tokens(State(app): State<Arc<App>>) -> Response {
    app.tokens.clear();
    Json(json!({ "tokens": [] })).into_response()
}

#[derive(Deserialize)]
pub struct RequestsQuery {
    action: Option<String>,
    limit: Option<usize>,
}

pub async fn requests(
    State(app): State<Arc<App>>,
    query: Result<Query<RequestsQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Query(q) = match query {
        Ok(q) => q,
        Err(e) => {
            return admin_error(
                StatusCode::BAD_REQUEST,
                &format!("invalid query: {e} (use ?action=NAME&limit=N)"),
            )
        }
    };
    Json(json!({ "requests": app.log.list(q.action.as_deref(), q.limit) })).into_response()
}

pub async fn clear_requests(State(app): State<Arc<App>>) -> Response {
    app.log.clear();
    Json(json!({ "requests": [] })).into_response()
}

pub async fn reset(State(app): State<Arc<App>>) -> Response {
    let store_app = app.clone();
    let result = tokio::task::spawn_blocking(move || store_app.store.reset()).await;
    match result {
        Ok(Ok(())) => Json(json!({"reset": true})).into_response(),
        Ok(Err(e)) => admin_error(StatusCode::INTERNAL_SERVER_ERROR, &e.message),
        Err(_) => admin_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the reset did not complete",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_clients_may_use_the_admin_api() {
        assert!(refuse_remote(&"127.0.0.1:5000".parse().unwrap()).is_none());
        assert!(refuse_remote(&"[::1]:5000".parse().unwrap()).is_none());
        let refused = refuse_remote(&"192.0.2.7:5000".parse().unwrap()).expect("refused");
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    }
}
