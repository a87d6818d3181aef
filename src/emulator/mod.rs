//! The local emulator of the VPC BGP API: server, state store, per-action handlers, faults.

pub mod actions;
pub mod world;

use crate::secret::Secret;

/// The well-known test key pair the emulator accepts when no `--key` is given.
pub const TEST_ACCESS_KEY_ID: &str = "LTAI5tBgpeerEmulatorKey";
pub const TEST_ACCESS_KEY_SECRET: &str = "bgpeer-emulator-secret";

/// A running in-process emulator (the built-in `emulator` profile).
pub struct Embedded {
    pub endpoint: String,
    pub access_key_id: String,
    pub access_key_secret: Secret,
}

/// Starts the emulator in-process on an ephemeral loopback port with persistent state at `state_path`.
pub async fn start_embedded(state_path: std::path::PathBuf) -> anyhow::Result<Embedded> {
    anyhow::bail!(
        "the embedded emulator is not available yet (state {})",
        state_path.display()
    )
}
