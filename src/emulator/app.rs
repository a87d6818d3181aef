//! What a running emulator holds, shared by the API endpoint (`server`) and the admin API
//! (`admin`).

use std::time::Duration;

use super::faults::Faults;
use super::gateway::Gateway;
use super::request_log::RequestLog;
use super::store::Store;
use super::tokens::Tokens;

/// Everything a running emulator holds.
pub struct App {
    /// Where it is served: `http://IP:PORT`, or `https://IP:PORT` with TLS.
    pub url: String,
    pub gateway: Gateway,
    pub store: Store,
    pub faults: Faults,
    pub log: RequestLog,
    pub settle: Duration,
    /// The OIDC, CloudSSO and OAuth tokens the identity services accept.
    pub tokens: Tokens,
}
