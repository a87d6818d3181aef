//! The emulated account: regions, VBRs (with their BGP groups, peers and advertised networks), VPCs,
//! access devices, and remembered ClientTokens. Serialisable as a whole; the store persists it, so
//! the field names and order of every type here are the state file's format.
//!
//! BGP objects live inside the VBR that owns them (`Vbr::groups[*].peers`, `Vbr::networks`), so per-VBR
//! quotas and `RouterId` filters are direct; `group_index` and `peer_index` map IDs to their owners so a
//! Describe filtered by ID is a map lookup, not a scan.
//!
//! - [`model`]: regions, access devices, VPCs and the BGP objects; [`vbr`]: a VBR, its wire
//!   attributes and its hidden traits;
//! - [`lifecycle`]: when an object was created, changed and deleted, and the phase that gives;
//! - [`client_tokens`]: remembered ClientToken answers;
//! - [`ids`]: deterministic resource IDs;
//! - `seed`: the seeded world ([`World::seeded`]), described for users in
//!   `docs/emulator-internals.md`.

pub mod client_tokens;
pub mod ids;
pub mod lifecycle;
pub mod model;
mod seed;
pub mod vbr;

use std::sync::Arc;

use imbl::OrdMap;
use serde::{Deserialize, Serialize};

pub use client_tokens::{ClientTokens, RememberedAnswer, MAX_CLIENT_TOKENS};
pub(crate) use ids::fnv1a;
pub use ids::region_code;
pub use lifecycle::{Lifecycle, Phase};
pub use model::{AccessDevice, BgpGroup, BgpNetwork, BgpPeer, IpVersion, Region, Vpc};
pub use vbr::{
    AssociatedCen, AssociatedCens, AssociatedPhysicalConnection, AssociatedPhysicalConnections,
    Vbr, VbrAttributes, VbrTag, VbrTags, VbrTraits,
};

/// The account UID the emulated resources belong to.
pub const ACCOUNT_UID: &str = "1688000000000001";

/// The store clones the world on every write (copy-on-write snapshots), so everything of a size
/// that grows is a persistent map (`imbl`, structural sharing: a clone is a reference count, a change
/// copies one path of the tree) and each VBR sits behind an `Arc` (a change copies that VBR only).
/// The maps serialise as the plain JSON objects they were before.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct World {
    pub regions: Arc<Vec<Region>>,
    /// By VbrId. Change one through [`World::vbr_mut`].
    pub vbrs: OrdMap<String, Arc<Vbr>>,
    /// By access device ID.
    pub access_devices: OrdMap<String, AccessDevice>,
    /// By VpcId.
    pub vpcs: OrdMap<String, Vpc>,
    /// BgpGroupId -> VbrId of its owner.
    pub group_index: OrdMap<String, String>,
    /// BgpPeerId -> BgpGroupId of its owner.
    pub peer_index: OrdMap<String, String>,
    /// `"<Action>\n<ClientToken>"` -> the first successful answer (without RequestId).
    pub client_tokens: ClientTokens,
    /// Feeds the deterministic ID generator.
    pub next_serial: u64,
}

impl World {
    pub fn region(&self, region_id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.region_id == region_id)
    }

    /// The VBR `vbr_id` if it is in `region_id`.
    pub fn vbr_in(&self, region_id: &str, vbr_id: &str) -> Option<&Vbr> {
        self.vbrs
            .get(vbr_id)
            .map(|v| &**v)
            .filter(|v| v.region_id == region_id)
    }

    /// The VBRs of `region_id`, in VbrId order.
    pub fn vbrs_in<'w>(&'w self, region_id: &'w str) -> impl Iterator<Item = &'w Vbr> + 'w {
        self.vbrs
            .values()
            .map(|v| &**v)
            .filter(move |v| v.region_id == region_id)
    }

    /// The VBR `vbr_id`, to change: copied first if a snapshot still shares it.
    pub fn vbr_mut(&mut self, vbr_id: &str) -> Option<&mut Vbr> {
        self.vbrs.get_mut(vbr_id).map(Arc::make_mut)
    }

    /// The VBR owning group `group_id`, and the group's position in it.
    pub fn locate_group(&self, group_id: &str) -> Option<(&Vbr, usize)> {
        let vbr = self.vbrs.get(self.group_index.get(group_id)?)?;
        let gi = vbr.groups.iter().position(|g| g.id == group_id)?;
        Some((vbr, gi))
    }

    /// The VBR owning peer `peer_id`, the group position and the peer position.
    pub fn locate_peer(&self, peer_id: &str) -> Option<(&Vbr, usize, usize)> {
        let (vbr, gi) = self.locate_group(self.peer_index.get(peer_id)?)?;
        let pi = vbr.groups[gi].peers.iter().position(|p| p.id == peer_id)?;
        Some((vbr, gi, pi))
    }

    /// A new, unused resource ID: `<prefix>-` + region code + 18 deterministic characters.
    pub fn new_id(&mut self, prefix: &str, region_id: &str) -> String {
        let code = ids::region_code(region_id);
        loop {
            self.next_serial += 1;
            let seed = ids::mix64(self.next_serial ^ ids::fnv1a(prefix).rotate_left(17));
            let id = format!(
                "{prefix}-{code}{}",
                ids::random_chars(seed, 21 - code.len())
            );
            let taken = self.group_index.contains_key(&id)
                || self.peer_index.contains_key(&id)
                || self.vbrs.contains_key(&id);
            if !taken {
                return id;
            }
        }
    }

    /// Forgets objects whose deletion has settled, and ClientTokens older than a day (or beyond
    /// the newest [`MAX_CLIENT_TOKENS`]).
    pub fn purge(&mut self, now_ms: i64, settle_ms: i64) {
        let gone = |l: &Lifecycle| l.phase(now_ms, settle_ms) == Phase::Gone;
        // Find the VBRs with something to forget without changing anything: a mutable walk would
        // copy every VBR and every node of the map away from the snapshot readers hold.
        let dirty: Vec<String> = self
            .vbrs
            .iter()
            .filter(|(_, v)| {
                v.networks.iter().any(|n| gone(&n.lifecycle))
                    || v.groups
                        .iter()
                        .any(|g| gone(&g.lifecycle) || g.peers.iter().any(|p| gone(&p.lifecycle)))
            })
            .map(|(id, _)| id.clone())
            .collect();
        let mut gone_groups = Vec::new();
        let mut gone_peers = Vec::new();
        for id in dirty {
            let Some(vbr) = self.vbr_mut(&id) else {
                continue;
            };
            vbr.networks.retain(|n| !gone(&n.lifecycle));
            for g in vbr.groups.iter_mut() {
                g.peers.retain(|p| {
                    let keep = !gone(&p.lifecycle);
                    if !keep {
                        gone_peers.push(p.id.clone());
                    }
                    keep
                });
            }
            vbr.groups.retain(|g| {
                let keep = !gone(&g.lifecycle);
                if !keep {
                    gone_groups.push(g.id.clone());
                    gone_peers.extend(g.peers.iter().map(|p| p.id.clone()));
                }
                keep
            });
        }
        for id in gone_groups {
            self.group_index.remove(&id);
        }
        for id in gone_peers {
            self.peer_index.remove(&id);
        }
        self.client_tokens.forget_old(now_ms);
    }

    /// BFD sessions in use on an access device: other tenants' plus our BFD-enabled peers on it.
    pub fn bfd_sessions_on_device(&self, device_id: &str) -> u32 {
        let ours = self
            .vbrs
            .values()
            .filter(|v| v.traits.access_device_id == device_id)
            .flat_map(|v| v.groups.iter().flat_map(|g| g.peers.iter()))
            .filter(|p| p.enable_bfd)
            .count() as u32;
        let elsewhere = self
            .access_devices
            .get(device_id)
            .map_or(0, |d| d.bfd_sessions_used_elsewhere);
        ours.saturating_add(elsewhere)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_client_tokens_are_capped_oldest_first() {
        let answer = |at_ms: i64| RememberedAnswer {
            body: Arc::new(serde_json::Value::Null),
            at_ms,
        };
        let mut w = World::default();
        for i in 0..MAX_CLIENT_TOKENS + 5 {
            w.client_tokens.insert(format!("k{i}"), answer(i as i64));
        }
        w.purge(MAX_CLIENT_TOKENS as i64, 0);
        assert_eq!(w.client_tokens.len(), MAX_CLIENT_TOKENS);
        assert!(!w.client_tokens.contains_key("k4"));
        assert!(w.client_tokens.contains_key("k5"));

        // A state file holds the map only: the age order is rebuilt when it is read.
        let json = serde_json::to_string(&w).unwrap();
        let mut read: World = serde_json::from_str(&json).unwrap();
        assert_eq!(serde_json::to_string(&read).unwrap(), json);
        // Out of order by a little (a request's clock is read before it waits for the writer).
        read.client_tokens.insert("late".to_string(), answer(2));
        read.purge(MAX_CLIENT_TOKENS as i64, 0);
        assert!(
            !read.client_tokens.contains_key("late"),
            "the oldest goes first"
        );
        assert!(read.client_tokens.contains_key("k5"));
        assert_eq!(read.client_tokens.len(), MAX_CLIENT_TOKENS);

        w.purge(MAX_CLIENT_TOKENS as i64 + 24 * 3600 * 1000 + 6, 0);
        assert!(w.client_tokens.is_empty());
    }

    #[test]
    fn remembered_client_tokens_expire_after_a_day_in_age_order() {
        let mut w = World::default();
        for (key, at_ms) in [("b", 1_000), ("a", 2_000), ("c", 3_000)] {
            let answer = RememberedAnswer {
                body: Arc::new(serde_json::Value::Null),
                at_ms,
            };
            w.client_tokens.insert(key.to_string(), answer);
        }
        w.purge(2_000 + 24 * 3600 * 1000, 0);
        assert!(!w.client_tokens.contains_key("b"));
        assert!(!w.client_tokens.contains_key("a"));
        assert!(w.client_tokens.contains_key("c"));
        assert_eq!(w.client_tokens.len(), 1);
    }

    #[test]
    fn purge_copies_only_the_vbrs_it_changes() {
        let mut w = World::seeded();
        let before = w.clone();
        let demo = "vbr-bp1demo00000000000000".to_string();
        let vbr = w.vbr_mut(&demo).unwrap();
        let seeded_ms = vbr.groups[0].peers[1].lifecycle.created_ms;
        vbr.groups[0].peers[1].lifecycle.deleting_ms = Some(seeded_ms);
        w.purge(seeded_ms + 1, 0);
        assert_eq!(w.vbrs[&demo].groups[0].peers.len(), 1);
        assert!(!w.peer_index.contains_key("bgp-bp1demo00000000000002"));
        assert!(before.peer_index.contains_key("bgp-bp1demo00000000000002"));
        assert_eq!(before.vbrs[&demo].groups[0].peers.len(), 2);
        for (id, v) in w.vbrs.iter().filter(|(id, _)| **id != demo) {
            assert!(Arc::ptr_eq(v, &before.vbrs[id]), "{id} was copied");
        }
    }
}
