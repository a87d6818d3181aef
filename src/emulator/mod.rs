//! The local emulator of the VPC BGP API (Vpc 2016-04-28) and of STS `AssumeRole` and
//! `AssumeRoleWithOIDC` (2015-04-01):
//! a real HTTP server that verifies real signatures, serves `bgpeer emulator` and the built-in
//! `emulator` profile.
//!
//! # Layers
//!
//! - [`server`]: axum router served connection by connection with hyper on tokio. `/` is the RPC
//!   API (GET and POST); `/_emulator/...` is the admin API ([`admin`]). Both share the running
//!   emulator's state ([`app`]) and the [`request_log`].
//! - [`gateway`]: query and `application/x-www-form-urlencoded` body merged (form decoding);
//!   ACS3-HMAC-SHA256 verified over the request's own `SignedHeaders` (every `x-acs-*` header,
//!   `host` and a present `content-type` must be in it; the body is hashed as received) and
//!   HMAC-SHA1 verified, both with `crate::signing`; timestamp (15 minutes either way), nonce
//!   (single use for 15 minutes per AccessKey), STS security tokens; JSON answers, XML for
//!   `Format=XML` (V2). Errors carry `RequestId`, `HostId`, `Code`, `Message`, `Recommend` and
//!   the `x-acs-request-id` header.
//! - [`faults`]: error rates, a per-AccessKey rate limit, latency, drop-after-commit; and the
//!   session faults (a session held down, one that flaps, received routes that grow), handed to
//!   the actions as `SessionRule`s.
//! - [`store`]: the world as an `Arc` snapshot for readers; one writer at a time persisting
//!   atomically before answering; a lock file for several processes sharing one state file.
//! - [`sts`]: `AssumeRole` and the temporary keys it issues; [`oidc`]: `AssumeRoleWithOIDC`,
//!   anonymous, for the OIDC tokens it is told to accept ([`tokens`]).
//! - [`sign_in`]: the CloudSSO (`/cloud-credentials`) and OAuth (`/v1/token`, `/v1/exchange`)
//!   sign-in services, which accept the [`tokens`] they are given and hand out STS keys.
//! - [`actions`] and [`world`]: the BGP semantics, pure over the world: one handler file per
//!   family of actions, and the world's model, lifecycle, ClientTokens, IDs and seed data.
//!
//! Arrows run one way: `server` -> `admin` -> `app` -> (`gateway`, `store`, `faults`,
//! `request_log`); `gateway` and `sts` -> `actions` -> (`world`, `faults`' `SessionRule`);
//! `oidc` -> (`sts`, `tokens`, `actions`); `store` -> `world`. Outside the emulator it uses only
//! `signing`, `secret`, `protocol`, `exit` and the `api` model, never `commands` or `cli`.
//!
//! # Behaviour
//!
//! What the gateway checks and in what order, what each action validates, every error code and
//! message, the lifecycle and the seeded world are described for users in
//! `docs/emulator-internals.md`, with every choice made where the reference is silent.

pub mod actions;
pub mod admin;
pub mod app;
pub mod faults;
pub mod gateway;
pub mod oidc;
pub mod request_log;
pub mod server;
pub mod sign_in;
pub mod store;
pub mod sts;
pub mod tls;
pub mod tokens;
pub mod world;

use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use crate::exit::{Diagnose, Exit};
use crate::secret::Secret;

/// The embedded emulator could not start: a bad setting, an unreadable state file, no port.
/// A configuration problem: exit 4.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct StartError {
    pub message: String,
    pub hint: Option<String>,
}

impl StartError {
    pub fn new(message: impl Into<String>, hint: Option<String>) -> Self {
        StartError {
            message: message.into(),
            hint,
        }
    }
}

impl Diagnose for StartError {
    fn exit(&self) -> Exit {
        Exit::Auth
    }
    fn hint(&self) -> Option<String> {
        self.hint.clone()
    }
}

/// The well-known test key pair the emulator accepts when no `--key` is given.
pub const TEST_ACCESS_KEY_ID: &str = "LTAI5tBgpeerEmulatorKey";
pub const TEST_ACCESS_KEY_SECRET: &str = "bgpeer-emulator-secret";

/// Default time new or changed objects stay Pending/Modifying/Deleting.
pub const DEFAULT_SETTLE: Duration = Duration::from_millis(3000);

/// A running in-process emulator (the built-in `emulator` profile).
pub struct Embedded {
    pub endpoint: String,
    pub access_key_id: String,
    pub access_key_secret: Secret,
    /// Keeps the server alive as long as the context holds this.
    _server: server::RunningServer,
}

/// The settle time of the embedded emulator: `BGPEER_EMULATOR_SETTLE_MS`, default 3000 ms.
fn embedded_settle(setting: Option<&str>) -> anyhow::Result<Duration> {
    match setting {
        None => Ok(DEFAULT_SETTLE),
        Some(v) if v.trim().is_empty() => Ok(DEFAULT_SETTLE),
        Some(v) => v
            .trim()
            .parse::<u64>()
            .map(Duration::from_millis)
            .map_err(|_| {
                StartError::new(
                    format!("invalid BGPEER_EMULATOR_SETTLE_MS {v:?}"),
                    Some(
                        "use a whole number of milliseconds, e.g. BGPEER_EMULATOR_SETTLE_MS=0"
                            .to_string(),
                    ),
                )
                .into()
            }),
    }
}

/// Starts the emulator in-process on an ephemeral loopback port with persistent state at
/// `state_path` (created with the seeded world when missing). `settle_ms` is the value of
/// `BGPEER_EMULATOR_SETTLE_MS`, if set.
pub async fn start_embedded(
    state_path: std::path::PathBuf,
    settle_ms: Option<&str>,
) -> anyhow::Result<Embedded> {
    let settle = embedded_settle(settle_ms)?;
    let open_path = state_path.clone();
    let store = tokio::task::spawn_blocking(move || store::Store::open(&open_path))
        .await
        .map_err(|e| anyhow::anyhow!("the emulator state could not be opened: {e}"))?
        .map_err(|e| StartError::new(e.message, e.hint))?;
    let running = server::start(server::ServerConfig {
        listen: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
        keys: vec![(
            TEST_ACCESS_KEY_ID.to_string(),
            TEST_ACCESS_KEY_SECRET.to_string(),
        )],
        settle,
        faults: Vec::new(),
        store,
        tokens: Vec::new(),
        // Plain HTTP on loopback: no certificate to make, nothing for the client to load.
        tls: None,
    })
    .await
    .map_err(|e| {
        StartError::new(
            format!("cannot start the embedded emulator on 127.0.0.1: {e}"),
            None,
        )
    })?;
    Ok(Embedded {
        endpoint: running.url.clone(),
        access_key_id: TEST_ACCESS_KEY_ID.to_string(),
        access_key_secret: Secret::new(TEST_ACCESS_KEY_SECRET),
        _server: running,
    })
}
