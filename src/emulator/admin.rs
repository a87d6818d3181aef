//! The emulator's own admin API under `/_emulator/` (not Alibaba's): unsigned, loopback only.
//!
//! - `GET /_emulator/health`: `{"status":"ok", "state": FILE|null, "settleMs": N, "accessKeyIds": [...], "faults": N}`
//! - `GET /_emulator/faults`: `{"faults": [FAULT...]}`; `PUT` replaces them all (same shape);
//!   `POST` adds one (a FAULT object); `DELETE` removes them all.
//! - `GET /_emulator/requests[?action=A][&limit=N]`: the request log, oldest first, secrets masked,
//!   values longer than 256 characters cut;
//!   `DELETE` clears it.
//! - `POST /_emulator/reset`: restores the seeded world (persisted first).

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::faults::Fault;
use super::server::App;

/// Longer parameter values are cut to this many characters in the log (and end with `…`).
pub const MAX_LOGGED_VALUE_CHARS: usize = 256;

/// How many requests the log keeps (the oldest are dropped).
pub const LOG_CAPACITY: usize = 2000;

/// One logged API request.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoggedRequest {
    pub time: String,
    pub request_id: String,
    pub method: String,
    pub action: Option<String>,
    pub version: Option<String>,
    pub access_key_id: Option<String>,
    pub signature_version: Option<String>,
    /// First value of each parameter, secrets masked.
    pub parameters: Map<String, Value>,
    pub status: u16,
    /// The error code, `null` on success.
    pub code: Option<String>,
    /// True when a drop fault closed the connection instead of answering.
    pub dropped: bool,
}

pub fn masked_parameters(pairs: &[(String, String)]) -> Map<String, Value> {
    let mut m = Map::new();
    for (k, v) in pairs {
        if m.contains_key(k) {
            continue;
        }
        let v = if crate::secret::is_secret_name(k) {
            crate::secret::MASK.to_string()
        } else if v.chars().count() > MAX_LOGGED_VALUE_CHARS {
            // Hostile or huge values must not turn the in-memory log into a memory sink.
            let mut short: String = v.chars().take(MAX_LOGGED_VALUE_CHARS).collect();
            short.push('…');
            short
        } else {
            v.clone()
        };
        m.insert(k.clone(), Value::from(v));
    }
    m
}

#[derive(Default)]
pub struct RequestLog {
    entries: Mutex<VecDeque<LoggedRequest>>,
}

impl RequestLog {
    pub fn push(&self, entry: LoggedRequest) {
        let mut e = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if e.len() >= LOG_CAPACITY {
            e.pop_front();
        }
        e.push_back(entry);
    }

    pub fn list(&self, action: Option<&str>, limit: Option<usize>) -> Vec<LoggedRequest> {
        let e = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let matching: Vec<&LoggedRequest> = e
            .iter()
            .filter(|r| action.is_none_or(|a| r.action.as_deref() == Some(a)))
            .collect();
        let skip = limit.map_or(0, |l| matching.len().saturating_sub(l));
        matching.into_iter().skip(skip).cloned().collect()
    }

    pub fn len(&self) -> usize {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn clear(&self) {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

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
        format!("invalid JSON body: {e} (see the README's section on faults for the format)")
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

    #[test]
    fn secrets_are_masked_and_long_values_cut() {
        let pairs: Vec<(String, String)> = [
            ("AuthKey", "bgp-secret"),
            ("securitytoken", "CAIS"),
            ("Signature", "sig"),
            ("AccessKeySecret", "s"),
            ("Name", "first"),
            ("Name", "second"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .chain(std::iter::once((
            "Description".to_string(),
            "é".repeat(1000),
        )))
        .collect();
        let m = masked_parameters(&pairs);
        for k in ["AuthKey", "securitytoken", "Signature", "AccessKeySecret"] {
            assert_eq!(m[k], "****", "{k}");
        }
        assert_eq!(m["Name"], "first");
        let d = m["Description"].as_str().unwrap();
        assert_eq!(d.chars().count(), MAX_LOGGED_VALUE_CHARS + 1);
        assert!(d.ends_with('…'));
    }
}
