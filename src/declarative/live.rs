//! The live BGP set-up of the VBRs a file names, as read from the API (the reading itself is the
//! command's: it goes through the pacer), and its fingerprint.

use std::net::IpAddr;

use sha2::{Digest, Sha256};

use crate::api::model::{is_leaving, BgpGroup, BgpNetwork, BgpPeer};

/// One VBR's groups, peers and advertised networks.
#[derive(Debug, Clone, Default)]
pub struct LiveVbr {
    pub region: String,
    pub vbr_id: String,
    pub groups: Vec<BgpGroup>,
    pub peers: Vec<BgpPeer>,
    pub networks: Vec<BgpNetwork>,
}

impl LiveVbr {
    /// The live groups, minus those being deleted (they are gone for planning purposes).
    pub fn groups(&self) -> impl Iterator<Item = &BgpGroup> {
        self.groups
            .iter()
            .filter(|g| !is_leaving(g.status.as_str()))
    }

    /// The peers of one live group, minus those being deleted.
    pub fn peers_of<'a>(&'a self, group_id: &'a str) -> impl Iterator<Item = &'a BgpPeer> + 'a {
        self.peers.iter().filter(move |p| {
            p.bgp_group_id.as_str() == Some(group_id) && !is_leaving(p.status.as_str())
        })
    }

    pub fn networks(&self) -> impl Iterator<Item = &BgpNetwork> {
        self.networks
            .iter()
            .filter(|n| !is_leaving(n.status.as_str()))
    }
}

/// A peer's address, parsed (None when it has none or it is not an address).
pub fn peer_ip(p: &BgpPeer) -> Option<IpAddr> {
    p.peer_ip_address.as_str().and_then(|s| s.parse().ok())
}

/// A group's name, when it has one.
pub fn group_name(g: &BgpGroup) -> Option<&str> {
    g.name.as_str().filter(|n| !n.is_empty())
}

/// A group's AuthKey, when it has one.
pub fn group_key(g: &BgpGroup) -> Option<&str> {
    g.auth_key.as_str().filter(|k| !k.is_empty())
}

/// A digest of everything a plan depends on in `vbrs` (IDs and every compared field; the
/// AuthKey only as whether one is set, so that the digest says nothing about it; statuses not at
/// all, since a group turning Available changes no plan).
pub fn fingerprint(vbrs: &[LiveVbr]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for v in vbrs {
        lines.push(format!("vbr|{}|{}", v.region, v.vbr_id));
        for g in v.groups() {
            lines.push(format!(
                "group|{}|{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}",
                v.vbr_id,
                g.bgp_group_id.as_str().unwrap_or(""),
                g.name.as_str().unwrap_or(""),
                g.description.as_str(),
                g.peer_asn.as_u64(),
                g.local_asn.as_u64(),
                g.is_fake.as_bool(),
                g.route_limit.as_u64(),
                g.ip_version.as_str(),
                group_key(g).is_some(),
            ));
        }
        for p in v.peers.iter().filter(|p| !is_leaving(p.status.as_str())) {
            lines.push(format!(
                "peer|{}|{}|{}|{:?}|{:?}|{:?}|{:?}",
                v.vbr_id,
                p.bgp_peer_id.as_str().unwrap_or(""),
                p.bgp_group_id.as_str().unwrap_or(""),
                p.peer_ip_address.as_str(),
                p.ip_version.as_str(),
                p.enable_bfd.as_bool(),
                p.bfd_multi_hop.get().map(|n| n.to_string()),
            ));
        }
        for n in v.networks() {
            lines.push(format!(
                "network|{}|{:?}|{:?}",
                v.vbr_id,
                n.dst_cidr_block.as_str().map(super::file::canonical_cidr),
                n.vpc_id.as_str(),
            ));
        }
    }
    lines.sort();
    let mut h = Sha256::new();
    for l in &lines {
        h.update(l.as_bytes());
        h.update(b"\n");
    }
    format!("sha256:{}", hex::encode(h.finalize()))
}
