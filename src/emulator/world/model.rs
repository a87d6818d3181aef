//! What the world stores besides VBRs: regions, access devices, VPCs, and the BGP objects a VBR
//! owns (groups with their peers, advertised networks).

use serde::{Deserialize, Serialize};

use super::lifecycle::Lifecycle;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Region {
    pub region_id: String,
    pub local_name_zh: String,
    pub local_name_en: String,
    pub region_endpoint: String,
    /// Whether BGP over IPv6 is available in this region.
    pub ipv6_supported: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessDevice {
    pub id: String,
    pub bfd_session_capacity: u32,
    /// Sessions used by other tenants on this device.
    pub bfd_sessions_used_elsewhere: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Vpc {
    pub vpc_id: String,
    pub region_id: String,
    pub cidr_block: String,
    /// CIDRs of the SNAT pools of the VPC's NAT gateways.
    pub snat_pool: Vec<String>,
}

/// The address family, the same type the CLI validates with (stored as `"IPv4"`/`"IPv6"`).
pub use crate::api::validate::IpVersion;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BgpGroup {
    pub id: String,
    pub name: String,
    pub description: String,
    pub peer_asn: u64,
    pub local_asn: u64,
    pub auth_key: String,
    pub is_fake: bool,
    pub route_limit: u32,
    pub ip_version: IpVersion,
    pub is_default: bool,
    pub hold: u32,
    pub keepalive: u32,
    pub lifecycle: Lifecycle,
    /// In creation order.
    pub peers: Vec<BgpPeer>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BgpPeer {
    pub id: String,
    pub peer_ip: String,
    pub enable_bfd: bool,
    /// 0 when never set.
    pub bfd_multi_hop: u32,
    pub ip_version: IpVersion,
    pub lifecycle: Lifecycle,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BgpNetwork {
    /// Normalised CIDR text (the key, with the VBR).
    pub dst_cidr_block: String,
    pub vpc_id: String,
    pub lifecycle: Lifecycle,
}
