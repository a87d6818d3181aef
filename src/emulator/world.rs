//! The emulated account: regions, VBRs, BGP groups, peers, networks, and remembered ClientTokens.
//! Serialisable as a whole; the store persists it.

#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct World {}

impl World {
    /// A fresh, realistic world (see the module docs of `emulator` for what it holds).
    pub fn seeded() -> World {
        World {}
    }
}
