//! The BGP set-up a check or a watch judges: each VBR with its groups, peers and networks, as read
//! at one moment.

use std::collections::HashMap;

use crate::api::model::{is_leaving, BgpGroup, BgpNetwork, BgpPeer, Vbr};

/// One VBR and the BGP objects on it.
#[derive(Debug, Clone, Default)]
pub struct VbrSetup {
    pub vbr: Vbr,
    pub groups: Vec<BgpGroup>,
    pub peers: Vec<BgpPeer>,
    pub networks: Vec<BgpNetwork>,
}

impl VbrSetup {
    pub fn id(&self) -> &str {
        self.vbr.vbr_id.as_str().unwrap_or("")
    }

    /// The groups, minus those being deleted.
    pub fn live_groups(&self) -> impl Iterator<Item = &BgpGroup> {
        self.groups
            .iter()
            .filter(|g| !is_leaving(g.status.as_str()))
    }

    /// The peers, minus those being deleted.
    pub fn live_peers(&self) -> impl Iterator<Item = &BgpPeer> {
        self.peers.iter().filter(|p| !is_leaving(p.status.as_str()))
    }

    /// The networks, minus those being deleted.
    pub fn live_networks(&self) -> impl Iterator<Item = &BgpNetwork> {
        self.networks
            .iter()
            .filter(|n| !is_leaving(n.status.as_str()))
    }

    pub fn group(&self, id: &str) -> Option<&BgpGroup> {
        self.groups
            .iter()
            .find(|g| g.bgp_group_id.as_str() == Some(id))
    }
}

/// Sorts the objects read region-wide onto their VBRs (by `RouterId`), in the order of `vbrs`.
/// Objects of other VBRs are dropped.
pub fn assemble(
    vbrs: Vec<Vbr>,
    groups: Vec<BgpGroup>,
    peers: Vec<BgpPeer>,
    networks: Vec<BgpNetwork>,
) -> Vec<VbrSetup> {
    let mut out: Vec<VbrSetup> = vbrs
        .into_iter()
        .map(|vbr| VbrSetup {
            vbr,
            ..Default::default()
        })
        .collect();
    let at: HashMap<String, usize> = out
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id().to_string(), i))
        .collect();
    let slot = |router: Option<&str>| router.and_then(|r| at.get(r).copied());
    for g in groups {
        if let Some(i) = slot(g.router_id.as_str()) {
            out[i].groups.push(g);
        }
    }
    for p in peers {
        if let Some(i) = slot(p.router_id.as_str()) {
            out[i].peers.push(p);
        }
    }
    for n in networks {
        if let Some(i) = slot(n.router_id.as_str()) {
            out[i].networks.push(n);
        }
    }
    out
}
