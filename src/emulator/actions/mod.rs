//! The per-action handlers of the emulated VPC BGP API. Pure over the world: no I/O, no clock
//! (the time comes in the request), so the same request against the same world gives the same answer.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::world::World;

/// The merged query + form parameters of one request, in arrival order (duplicates kept).
#[derive(Debug, Clone, Default)]
pub struct Params {
    pub pairs: Vec<(String, String)>,
}

impl Params {
    /// The first value of `name` (names are case-sensitive, as the real gateway's are).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One API call as a handler sees it, after the gateway checked its signature.
#[derive(Debug, Clone)]
pub struct ActionRequest<'a> {
    pub action: &'a str,
    pub params: &'a Params,
    pub now: DateTime<Utc>,
    /// How long new or changed objects stay Pending/Modifying/Deleting.
    pub settle: std::time::Duration,
    pub request_id: &'a str,
}

/// An error answer: HTTP status, `Code`, `Message` (the server adds RequestId, HostId, Recommend).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmuError {
    pub status: u16,
    pub code: String,
    pub message: String,
}

impl EmuError {
    pub fn new(status: u16, code: &str, message: &str) -> Self {
        EmuError {
            status,
            code: code.to_string(),
            message: message.to_string(),
        }
    }
}

/// The actions of Vpc 2016-04-28 the emulator serves.
pub const ACTIONS: &[&str] = &[
    "CreateBgpGroup",
    "DescribeBgpGroups",
    "ModifyBgpGroupAttribute",
    "DeleteBgpGroup",
    "CreateBgpPeer",
    "DescribeBgpPeers",
    "ModifyBgpPeerAttribute",
    "DeleteBgpPeer",
    "AddBgpNetwork",
    "DescribeBgpNetworks",
    "DeleteBgpNetwork",
    "DescribeRegions",
    "DescribeVirtualBorderRouters",
];

pub fn is_known(action: &str) -> bool {
    ACTIONS.contains(&action)
}

/// Read-only actions run against a shared snapshot and never wait for disk writes.
pub fn is_read_only(action: &str) -> bool {
    action.starts_with("Describe")
}

/// Serves a read-only action. The returned object has no `RequestId`; the server adds it.
pub fn read(world: &World, req: &ActionRequest<'_>) -> Result<Value, EmuError> {
    let _ = (world, req);
    Err(EmuError::new(500, "InternalError", "not implemented yet"))
}

/// Serves a mutating action (ClientToken idempotency included).
pub fn write(world: &mut World, req: &ActionRequest<'_>) -> Result<Value, EmuError> {
    let _ = (world, req);
    Err(EmuError::new(500, "InternalError", "not implemented yet"))
}
