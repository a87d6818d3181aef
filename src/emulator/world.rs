//! The emulated account: regions, VBRs (with their BGP groups, peers and advertised networks), VPCs,
//! access devices, and remembered ClientTokens. Serialisable as a whole; the store persists it.
//!
//! BGP objects live inside the VBR that owns them (`Vbr::groups[*].peers`, `Vbr::networks`), so per-VBR
//! quotas and `RouterId` filters are direct; `group_index` and `peer_index` map IDs to their owners so a
//! Describe filtered by ID is a map lookup, not a scan.
//!
//! # The seeded world ([`World::seeded`])
//!
//! Deterministic: the same on every machine and every run. Regions: the public DescribeRegions list.
//! VBRs:
//!
//! * **cn-shanghai**: 80 ordinary `active` VBRs (`vbr-uf6…`, room for 640 peers at 8 per VBR), every
//!   second one IPv6-enabled, none with any trap; they start empty. Use them for benchmarks and bulk runs.
//! * **cn-hangzhou**: one VBR per special behaviour, with memorable IDs (table below), plus a demo VBR that
//!   already holds a BGP group (flagged default), two peers and an advertised network.
//! * **cn-nanjing** (a local region without IPv6 support): one active IPv4 VBR.
//! * a few ordinary VBRs in cn-beijing, cn-shenzhen, cn-hongkong, ap-southeast-1, us-west-1 and
//!   eu-central-1, some of them in non-active states (`terminating`, `recovering`, `deleting`).
//!
//! | VBR ID | Region | What is special | Reached error |
//! |---|---|---|---|
//! | `vbr-bp1demo00000000000000` | cn-hangzhou | holds group `bgpg-bp1demo00000000000000` (default), peers `bgp-bp1demo00000000000001` and `…02`, network `192.168.10.0/24` | `DependencyViolation.BgpPeer` on deleting the group |
//! | `vbr-bp1dualstack000000000` | cn-hangzhou | IPv6 enabled, one sub-interface | (IPv6 happy path) |
//! | `vbr-bp1multisubif00000000` | cn-hangzhou | three sub-interfaces | `InvalidParams.PeerIpAddressMustPointOut` |
//! | `vbr-bp1nosubif00000000000` | cn-hangzhou | no sub-interface (no gateway IPs) | `InvalidParams.PeerIpAddressMustPointOut` |
//! | `vbr-bp1multipconn00000000` | cn-hangzhou | two associated physical connections | `InvalidPeerIpAddress` |
//! | `vbr-bp1unconfirmed0000000` | cn-hangzhou | status `unconfirmed` | `InvalidStatus.CannotOperate` |
//! | `vbr-bp1terminated00000000` | cn-hangzhou | status `terminated` | `InvalidStatus.CannotOperate` |
//! | `vbr-bp1vpconn000000000000` | cn-hangzhou | hosted (Vpconn) connection | `UnsupportedFeature.Vpconn` (BFD) |
//! | `vbr-bp1nobilling000000000` | cn-hangzhou | outbound data transfer billing disabled | `OperationFailed.PconnTrafficNotEnable` |
//! | `vbr-bp1nodevice0000000000` | cn-hangzhou | its access device is gone | `InvalidAccessDeviceId.NotFound` |
//! | `vbr-bp1bfdquota0000000000` | cn-hangzhou | BFD session quota of the VBR used up | `QuotaExceeded.BfdSession` (yours) |
//! | `vbr-bp1bfddevicefull00000` | cn-hangzhou | its access device has no BFD session left | `QuotaExceeded.BfdSession` (device) |
//! | `vbr-bp1nqafull00000000000` | cn-hangzhou | NQA quota used up | `QuotaExceeded.Nqa` |
//! | `vbr-bp1fixedasn0000000000` | cn-hangzhou | not on the custom-LocalAsn allow-list | `OperationUnsupport` |
//! | `vbr-bp1badgateway00000000` | cn-hangzhou | LocalGatewayIp/PeeringSubnetMask inconsistent (/32) | `IllegalParam.LocalGatewayIpAndMask` |
//! | `vbr-bp1badipv6mask0000000` | cn-hangzhou | IPv6 enabled, PeeringIpv6SubnetMask a /128 | `IllegalParam.PeeringIpv6SubnetMask` |
//! | `vbr-bp1norouterif00000000` | cn-hangzhou | no active router interface | `OperationFailed.NoActiveRouterInterface` |
//! | `vbr-bp1busy00000000000000` | cn-hangzhou | another operation in progress on it | `OperationConflict` |
//! | `vbr-nj1noipv6region000000` | cn-nanjing | region without IPv6 | `OperationUnsupported.IPV6ForThisRegion` |
//!
//! VPCs: `vpc-bp1demo00000000000000` (cn-hangzhou, 192.168.0.0/16) and `vpc-bp1snatpool0000000000`
//! (cn-hangzhou, 172.16.0.0/12, SNAT pool `47.98.10.0/28`: advertising an overlapping CIDR gives
//! `InvalidIP.IpInSnatPool`), `vpc-uf6bench0000000000000` (cn-shanghai, 10.0.0.0/8).

use std::sync::Arc;

use imbl::{OrdMap, OrdSet};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The account UID the emulated resources belong to.
pub const ACCOUNT_UID: &str = "1688000000000001";

/// At most this many ClientToken answers are remembered (the oldest are forgotten first).
pub const MAX_CLIENT_TOKENS: usize = 10_000;

/// Milliseconds since the epoch of the seeded objects' creation (2024-05-01T00:00:00Z).
const SEED_EPOCH_MS: i64 = 1_714_521_600_000;

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
pub struct RememberedAnswer {
    /// Shared, so that the copy-on-write world clones a remembered answer for the price of a
    /// reference count (a long bulk run keeps thousands of them).
    pub body: Arc<serde_json::Value>,
    pub at_ms: i64,
}

const DAY_MS: i64 = 24 * 3600 * 1000;

/// Remembered ClientToken answers by `"<Action>\n<ClientToken>"`, and the same keys in age order,
/// so that forgetting the oldest walks from the front instead of sorting every age on every write.
/// Serialised as the map alone (the state file keeps its format); the age order is rebuilt on reading.
#[derive(Debug, Clone, Default)]
pub struct ClientTokens {
    by_key: OrdMap<String, RememberedAnswer>,
    /// `(at_ms, key)` of every entry of `by_key`. Answers arrive with nearly non-decreasing
    /// `at_ms` (a request's clock is read before it waits for the writer), so an ordered set keeps
    /// the order exact at the price of a tree insert.
    by_age: OrdSet<(i64, String)>,
}

impl ClientTokens {
    pub fn get(&self, key: &str) -> Option<&RememberedAnswer> {
        self.by_key.get(key)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.by_key.contains_key(key)
    }

    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// Remembers `answer` under `key` (replacing an older answer of the same key).
    pub fn insert(&mut self, key: String, answer: RememberedAnswer) {
        let at_ms = answer.at_ms;
        if let Some(old) = self.by_key.insert(key.clone(), answer) {
            self.by_age.remove(&(old.at_ms, key.clone()));
        }
        self.by_age.insert((at_ms, key));
    }

    /// Forgets answers older than a day, then the oldest beyond the newest [`MAX_CLIENT_TOKENS`].
    pub fn forget_old(&mut self, now_ms: i64) {
        while let Some((at_ms, _)) = self.by_age.get_min() {
            let expired = now_ms.saturating_sub(*at_ms) >= DAY_MS;
            if !expired && self.by_key.len() <= MAX_CLIENT_TOKENS {
                break;
            }
            if let Some((_, key)) = self.by_age.remove_min() {
                self.by_key.remove(&key);
            }
        }
    }
}

impl Serialize for ClientTokens {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.by_key.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ClientTokens {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let by_key = OrdMap::<String, RememberedAnswer>::deserialize(deserializer)?;
        let by_age = by_key
            .iter()
            .map(|(key, answer)| (answer.at_ms, key.clone()))
            .collect();
        Ok(ClientTokens { by_key, by_age })
    }
}

/// A VBR: what DescribeVirtualBorderRouters shows (`attrs`), hidden facts of the emulation (`traits`),
/// and the BGP objects it owns.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Vbr {
    pub region_id: String,
    pub attrs: VbrAttributes,
    pub traits: VbrTraits,
    /// In creation order.
    pub groups: Vec<BgpGroup>,
    /// In creation order.
    pub networks: Vec<BgpNetwork>,
}

/// Facts about a VBR that the real API does not show but that decide what BGP operations may do.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct VbrTraits {
    /// Number of sub-interfaces; a peer IP may be omitted only when there is exactly one.
    pub sub_interfaces: u32,
    /// Hosted connection: BFD is not available.
    pub vpconn: bool,
    /// Outbound data transfer billing of the circuit enabled.
    pub pconn_traffic_enabled: bool,
    /// The access device the VBR terminates on (must exist in `World::access_devices`).
    pub access_device_id: String,
    /// BFD-enabled peers allowed on this VBR.
    pub bfd_session_quota: u32,
    pub nqa_quota: u32,
    pub nqa_used: u32,
    /// On the allow-list for a custom LocalAsn.
    pub custom_local_asn_allowed: bool,
    /// Has an active router interface to a VPC (needed to advertise networks).
    pub active_router_interface: bool,
    /// Another (VBR-level) operation is in progress: writes answer `OperationConflict`.
    pub busy: bool,
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

/// When an object was created, last modified and asked to be deleted (ms since the epoch). Its status
/// is computed from these and the settle time at read time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lifecycle {
    pub created_ms: i64,
    pub modified_ms: Option<i64>,
    pub deleting_ms: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Pending,
    Available,
    Modifying,
    Deleting,
    /// Deleted and settled: invisible, purged on the next write.
    Gone,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Pending => "Pending",
            Phase::Available => "Available",
            Phase::Modifying => "Modifying",
            Phase::Deleting => "Deleting",
            Phase::Gone => "Deleted",
        }
    }
}

fn settled(since_ms: i64, now_ms: i64, settle_ms: i64) -> bool {
    settle_ms <= 0 || now_ms.saturating_sub(since_ms) >= settle_ms
}

impl Lifecycle {
    pub fn new(now_ms: i64) -> Lifecycle {
        Lifecycle {
            created_ms: now_ms,
            modified_ms: None,
            deleting_ms: None,
        }
    }

    pub fn phase(&self, now_ms: i64, settle_ms: i64) -> Phase {
        if let Some(d) = self.deleting_ms {
            return if settled(d, now_ms, settle_ms) {
                Phase::Gone
            } else {
                Phase::Deleting
            };
        }
        if !settled(self.created_ms, now_ms, settle_ms) {
            return Phase::Pending;
        }
        match self.modified_ms {
            Some(m) if !settled(m, now_ms, settle_ms) => Phase::Modifying,
            _ => Phase::Available,
        }
    }

    pub fn last_change_ms(&self) -> i64 {
        self.modified_ms.unwrap_or(self.created_ms)
    }
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

/// The DescribeVirtualBorderRouters fields of one VBR, with the SDK's wire names and JSON types.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct VbrAttributes {
    pub access_point_id: String,
    pub activation_time: String,
    pub associated_cens: AssociatedCens,
    pub associated_physical_connections: AssociatedPhysicalConnections,
    pub bandwidth: i32,
    pub circuit_code: String,
    pub cloud_box_instance_id: String,
    pub creation_time: String,
    pub description: String,
    pub detect_multiplier: i64,
    pub ecc_id: String,
    pub ecr_attatch_status: String,
    pub ecr_id: String,
    pub ecr_owner_id: String,
    pub enable_ipv6: bool,
    pub local_gateway_ip: String,
    pub local_ipv6_gateway_ip: String,
    pub min_rx_interval: i64,
    pub min_tx_interval: i64,
    pub mtu: i32,
    pub name: String,
    pub p_conn_vbr_charge_type: String,
    pub p_conn_vbr_expire_time: String,
    pub peer_gateway_ip: String,
    pub peer_ipv6_gateway_ip: String,
    pub peering_ipv6_subnet_mask: String,
    pub peering_subnet_mask: String,
    pub physical_connection_business_status: String,
    pub physical_connection_id: String,
    pub physical_connection_owner_uid: String,
    pub physical_connection_status: String,
    pub recovery_time: String,
    pub resource_group_id: String,
    pub route_table_id: String,
    pub sitelink_enable: bool,
    pub status: String,
    pub tags: VbrTags,
    pub termination_time: String,
    #[serde(rename = "Type")]
    pub kind: String,
    pub vbr_id: String,
    pub vlan_id: i32,
    pub vlan_interface_id: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AssociatedCens {
    pub associated_cen: Vec<AssociatedCen>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AssociatedCen {
    pub cen_id: String,
    pub cen_owner_id: i64,
    pub cen_status: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AssociatedPhysicalConnections {
    pub associated_physical_connection: Vec<AssociatedPhysicalConnection>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AssociatedPhysicalConnection {
    pub circuit_code: String,
    pub enable_ipv6: bool,
    pub local_gateway_ip: String,
    pub local_ipv6_gateway_ip: String,
    pub peer_gateway_ip: String,
    pub peer_ipv6_gateway_ip: String,
    pub peering_ipv6_subnet_mask: String,
    pub peering_subnet_mask: String,
    pub physical_connection_business_status: String,
    pub physical_connection_id: String,
    pub physical_connection_owner_uid: String,
    pub physical_connection_status: String,
    pub status: String,
    /// A string here, unlike the VBR's own `VlanId` (SDK model).
    pub vlan_id: String,
    pub vlan_interface_id: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct VbrTags {
    pub tags: Vec<VbrTag>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct VbrTag {
    pub key: String,
    pub value: String,
}

/// A deterministic 64-bit mix (splitmix64), for IDs and plausible route counts.
pub(crate) fn mix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

pub(crate) fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

const ID_ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";

fn random_chars(seed: u64, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut state = seed;
    while out.len() < len {
        state = mix64(state);
        let mut v = state;
        for _ in 0..8 {
            if out.len() == len {
                break;
            }
            out.push(ID_ALPHABET[(v % 36) as usize] as char);
            v /= 36;
        }
    }
    out
}

/// The three-character zone prefix Alibaba puts at the start of resource IDs in a region.
pub fn region_code(region_id: &str) -> String {
    let known = match region_id {
        "cn-qingdao" => "m5e",
        "cn-beijing" => "2ze",
        "cn-zhangjiakou" => "8vb",
        "cn-huhehaote" => "hp3",
        "cn-wulanchabu" => "0jl",
        "cn-hangzhou" => "bp1",
        "cn-shanghai" => "uf6",
        "cn-nanjing" => "nj1",
        "cn-shenzhen" => "wz9",
        "cn-heyuan" => "f8z",
        "cn-guangzhou" => "7xv",
        "cn-chengdu" => "2vc",
        "cn-hongkong" => "j6c",
        "ap-northeast-1" => "6we",
        "ap-southeast-1" => "t4n",
        "ap-southeast-3" => "8ps",
        "ap-southeast-5" => "k1a",
        "eu-central-1" => "gw8",
        "eu-west-1" => "d7o",
        "us-east-1" => "0xi",
        "us-west-1" => "rj9",
        "me-east-1" => "eb3",
        _ => "",
    };
    if known.is_empty() {
        random_chars(fnv1a(region_id), 3)
    } else {
        known.to_string()
    }
}

/// `<prefix>-<region code><word>` padded with `0` to 21 characters after the dash.
fn memorable_id(prefix: &str, code: &str, word: &str) -> String {
    let mut body = format!("{code}{word}");
    while body.len() < 21 {
        body.push('0');
    }
    body.truncate(21);
    format!("{prefix}-{body}")
}

fn fmt_ms(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

impl World {
    /// A fresh, realistic world (see the module docs for what it holds).
    pub fn seeded() -> World {
        let mut w = World {
            regions: Arc::new(seeded_regions()),
            ..World::default()
        };
        seed_devices(&mut w);
        seed_vpcs(&mut w);
        seed_vbrs(&mut w);
        seed_demo_bgp(&mut w);
        w
    }

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
        let code = region_code(region_id);
        loop {
            self.next_serial += 1;
            let seed = mix64(self.next_serial ^ fnv1a(prefix).rotate_left(17));
            let id = format!("{prefix}-{code}{}", random_chars(seed, 21 - code.len()));
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

fn seeded_regions() -> Vec<Region> {
    // (id, zh, en). Local regions and Dubai have no IPv6 BGP in the emulation.
    const REGIONS: &[(&str, &str, &str)] = &[
        ("cn-qingdao", "华北1（青岛）", "China (Qingdao)"),
        ("cn-beijing", "华北2（北京）", "China (Beijing)"),
        ("cn-zhangjiakou", "华北3（张家口）", "China (Zhangjiakou)"),
        ("cn-huhehaote", "华北5（呼和浩特）", "China (Hohhot)"),
        ("cn-wulanchabu", "华北6（乌兰察布）", "China (Ulanqab)"),
        ("cn-hangzhou", "华东1（杭州）", "China (Hangzhou)"),
        ("cn-shanghai", "华东2（上海）", "China (Shanghai)"),
        (
            "cn-nanjing",
            "华东5（南京-本地地域）",
            "China (Nanjing - Local Region)",
        ),
        (
            "cn-fuzhou",
            "华东6（福州-本地地域）",
            "China (Fuzhou - Local Region)",
        ),
        (
            "cn-wuhan-lr",
            "华中1（武汉-本地地域）",
            "China (Wuhan - Local Region)",
        ),
        ("cn-shenzhen", "华南1（深圳）", "China (Shenzhen)"),
        ("cn-heyuan", "华南2（河源）", "China (Heyuan)"),
        ("cn-guangzhou", "华南3（广州）", "China (Guangzhou)"),
        ("cn-chengdu", "西南1（成都）", "China (Chengdu)"),
        ("cn-hongkong", "中国香港", "China (Hong Kong)"),
        ("ap-northeast-1", "日本（东京）", "Japan (Tokyo)"),
        ("ap-northeast-2", "韩国（首尔）", "South Korea (Seoul)"),
        ("ap-southeast-1", "新加坡", "Singapore"),
        (
            "ap-southeast-3",
            "马来西亚（吉隆坡）",
            "Malaysia (Kuala Lumpur)",
        ),
        (
            "ap-southeast-5",
            "印度尼西亚（雅加达）",
            "Indonesia (Jakarta)",
        ),
        ("ap-southeast-6", "菲律宾（马尼拉）", "Philippines (Manila)"),
        ("ap-southeast-7", "泰国（曼谷）", "Thailand (Bangkok)"),
        ("eu-central-1", "德国（法兰克福）", "Germany (Frankfurt)"),
        ("eu-west-1", "英国（伦敦）", "UK (London)"),
        ("us-east-1", "美国（弗吉尼亚）", "US (Virginia)"),
        ("us-west-1", "美国（硅谷）", "US (Silicon Valley)"),
        ("me-east-1", "阿联酋（迪拜）", "UAE (Dubai)"),
        ("me-central-1", "沙特（利雅得）", "Saudi Arabia (Riyadh)"),
    ];
    // Regions the legacy endpoint list sends to the central endpoint.
    const CENTRAL: &[&str] = &[
        "cn-qingdao",
        "cn-beijing",
        "cn-hangzhou",
        "cn-shanghai",
        "cn-shenzhen",
        "cn-hongkong",
        "ap-southeast-1",
        "us-west-1",
        "us-east-1",
    ];
    const NO_IPV6: &[&str] = &["cn-nanjing", "cn-fuzhou", "cn-wuhan-lr", "me-east-1"];
    REGIONS
        .iter()
        .map(|(id, zh, en)| Region {
            region_id: id.to_string(),
            local_name_zh: zh.to_string(),
            local_name_en: en.to_string(),
            region_endpoint: if CENTRAL.contains(id) {
                "vpc.aliyuncs.com".to_string()
            } else {
                format!("vpc.{id}.aliyuncs.com")
            },
            ipv6_supported: !NO_IPV6.contains(id),
        })
        .collect()
}

fn seed_devices(w: &mut World) {
    let devices = [
        ("dev-cn-shanghai-jq-01", 2048, 300),
        ("dev-cn-shanghai-jq-02", 2048, 120),
        ("dev-cn-hangzhou-xx-01", 2048, 410),
        ("dev-cn-hangzhou-xx-full", 512, 512),
        ("dev-cn-nanjing-lr-01", 1024, 12),
        ("dev-generic-01", 2048, 64),
    ];
    for (id, cap, used) in devices {
        w.access_devices.insert(
            id.to_string(),
            AccessDevice {
                id: id.to_string(),
                bfd_session_capacity: cap,
                bfd_sessions_used_elsewhere: used,
            },
        );
    }
}

fn seed_vpcs(w: &mut World) {
    let vpcs = [
        (
            "vpc-bp1demo00000000000000",
            "cn-hangzhou",
            "192.168.0.0/16",
            vec![],
        ),
        (
            "vpc-bp1snatpool0000000000",
            "cn-hangzhou",
            "172.16.0.0/12",
            vec!["47.98.10.0/28".to_string()],
        ),
        (
            "vpc-uf6bench0000000000000",
            "cn-shanghai",
            "10.0.0.0/8",
            vec![],
        ),
        (
            "vpc-2zedemo00000000000000",
            "cn-beijing",
            "172.20.0.0/16",
            vec![],
        ),
    ];
    for (id, region, cidr, snat) in vpcs {
        w.vpcs.insert(
            id.to_string(),
            Vpc {
                vpc_id: id.to_string(),
                region_id: region.to_string(),
                cidr_block: cidr.to_string(),
                snat_pool: snat,
            },
        );
    }
}

/// An ordinary active, IPv4-only VBR with one sub-interface; `n` makes addresses and VLAN unique.
fn ordinary_vbr(region_id: &str, vbr_id: &str, n: u32, device: &str) -> Vbr {
    let code = region_code(region_id);
    let seed = fnv1a(vbr_id);
    let (a, b) = (64 + n / 256, n % 256);
    let created = SEED_EPOCH_MS - i64::from(n) * 86_400_000 - 3_600_000;
    let access_point = match region_id {
        "cn-shanghai" => "ap-cn-shanghai-jq-a",
        "cn-hangzhou" => "ap-cn-hangzhou-xx-a",
        "cn-beijing" => "ap-cn-beijing-ft-a",
        "cn-shenzhen" => "ap-cn-shenzhen-bt-a",
        "cn-nanjing" => "ap-cn-nanjing-lr-a",
        _ => "ap-generic-a",
    };
    Vbr {
        region_id: region_id.to_string(),
        attrs: VbrAttributes {
            access_point_id: access_point.to_string(),
            activation_time: fmt_ms(created + 600_000),
            associated_cens: AssociatedCens::default(),
            associated_physical_connections: AssociatedPhysicalConnections::default(),
            bandwidth: 1000,
            circuit_code: format!("longtel{:03}", n % 1000),
            cloud_box_instance_id: String::new(),
            creation_time: fmt_ms(created),
            description: String::new(),
            detect_multiplier: 3,
            ecc_id: String::new(),
            ecr_attatch_status: String::new(),
            ecr_id: String::new(),
            ecr_owner_id: String::new(),
            enable_ipv6: false,
            local_gateway_ip: format!("10.{a}.{b}.1"),
            local_ipv6_gateway_ip: String::new(),
            min_rx_interval: 300,
            min_tx_interval: 300,
            mtu: 1500,
            name: format!("vbr-{region_id}-{n:03}"),
            p_conn_vbr_charge_type: String::new(),
            p_conn_vbr_expire_time: String::new(),
            peer_gateway_ip: format!("10.{a}.{b}.2"),
            peer_ipv6_gateway_ip: String::new(),
            peering_ipv6_subnet_mask: String::new(),
            peering_subnet_mask: "255.255.255.252".to_string(),
            physical_connection_business_status: "Normal".to_string(),
            physical_connection_id: format!("pc-{code}{}", random_chars(seed ^ 1, 18)),
            physical_connection_owner_uid: ACCOUNT_UID.to_string(),
            physical_connection_status: "Enabled".to_string(),
            recovery_time: String::new(),
            resource_group_id: "rg-acfmxazb4ph6aiy".to_string(),
            route_table_id: format!("vtb-{code}{}", random_chars(seed ^ 2, 18)),
            sitelink_enable: false,
            status: "active".to_string(),
            tags: VbrTags::default(),
            termination_time: String::new(),
            kind: "pconn".to_string(),
            vbr_id: vbr_id.to_string(),
            vlan_id: 100 + n as i32,
            vlan_interface_id: format!("ri-{code}{}", random_chars(seed ^ 3, 18)),
        },
        traits: VbrTraits {
            sub_interfaces: 1,
            vpconn: false,
            pconn_traffic_enabled: true,
            access_device_id: device.to_string(),
            bfd_session_quota: 8,
            nqa_quota: 16,
            nqa_used: 0,
            custom_local_asn_allowed: true,
            active_router_interface: true,
            busy: false,
        },
        groups: Vec::new(),
        networks: Vec::new(),
    }
}

fn enable_ipv6(v: &mut Vbr, n: u32) {
    v.attrs.enable_ipv6 = true;
    v.attrs.local_ipv6_gateway_ip = format!("2408:4005:3c0:{n:x}::1");
    v.attrs.peer_ipv6_gateway_ip = format!("2408:4005:3c0:{n:x}::2");
    v.attrs.peering_ipv6_subnet_mask = format!("2408:4005:3c0:{n:x}::/64");
}

fn seed_vbrs(w: &mut World) {
    let mut n: u32 = 0;
    let add = |w: &mut World, v: Vbr| {
        w.vbrs.insert(v.attrs.vbr_id.clone(), Arc::new(v));
    };

    // cn-shanghai: the bench pool.
    for i in 0..80u32 {
        n += 1;
        let id = format!(
            "vbr-uf6{}",
            random_chars(mix64(0x5eed_0000 + u64::from(i)), 18)
        );
        let device = if i % 2 == 0 {
            "dev-cn-shanghai-jq-01"
        } else {
            "dev-cn-shanghai-jq-02"
        };
        let mut v = ordinary_vbr("cn-shanghai", &id, n, device);
        v.attrs.name = format!("sh-idc-{:02}", i + 1);
        v.attrs.description = "shanghai data centre uplink".to_string();
        if i % 2 == 0 {
            enable_ipv6(&mut v, n);
        }
        if i % 10 == 0 {
            v.attrs.tags.tags.push(VbrTag {
                key: "env".to_string(),
                value: "prod".to_string(),
            });
        }
        add(w, v);
    }

    // cn-hangzhou: one VBR per special behaviour.
    let hz = |word: &str| memorable_id("vbr", "bp1", word);
    let specials: Vec<(&str, &str)> = vec![
        ("demo", "demo VBR with a BGP group, two peers and a network"),
        ("dualstack", "IPv6-enabled VBR with one sub-interface"),
        (
            "multisubif",
            "VBR with three sub-interfaces: name the peer IP",
        ),
        ("nosubif", "VBR without a sub-interface: name the peer IP"),
        (
            "multipconn",
            "VBR on two physical connections: name the peer IP",
        ),
        ("unconfirmed", "VBR waiting for confirmation"),
        ("terminated", "terminated VBR"),
        ("vpconn", "VBR on a hosted connection: no BFD"),
        ("nobilling", "outbound data transfer billing disabled"),
        ("nodevice", "access device decommissioned"),
        ("bfdquota", "BFD session quota of this VBR used up"),
        ("bfddevicefull", "access device out of BFD sessions"),
        ("nqafull", "NQA quota used up"),
        ("fixedasn", "not on the custom LocalAsn allow-list"),
        (
            "badgateway",
            "inconsistent LocalGatewayIp and PeeringSubnetMask",
        ),
        ("badipv6mask", "invalid PeeringIpv6SubnetMask"),
        ("norouterif", "no active router interface"),
        ("busy", "another operation is in progress"),
    ];
    for (word, description) in specials {
        n += 1;
        let id = hz(word);
        let mut v = ordinary_vbr("cn-hangzhou", &id, n, "dev-cn-hangzhou-xx-01");
        v.attrs.name = format!("emu-{word}");
        v.attrs.description = description.to_string();
        match word {
            "dualstack" | "demo" => enable_ipv6(&mut v, n),
            "multisubif" => v.traits.sub_interfaces = 3,
            "nosubif" => {
                v.traits.sub_interfaces = 0;
                v.attrs.local_gateway_ip.clear();
                v.attrs.peer_gateway_ip.clear();
                v.attrs.peering_subnet_mask.clear();
            }
            "multipconn" => {
                let base = v.attrs.clone();
                for k in 0..2u32 {
                    let (a, b) = (200 + k, n % 256);
                    v.attrs
                        .associated_physical_connections
                        .associated_physical_connection
                        .push(AssociatedPhysicalConnection {
                            circuit_code: format!("longtel9{k}"),
                            enable_ipv6: false,
                            local_gateway_ip: format!("10.{a}.{b}.1"),
                            local_ipv6_gateway_ip: String::new(),
                            peer_gateway_ip: format!("10.{a}.{b}.2"),
                            peer_ipv6_gateway_ip: String::new(),
                            peering_ipv6_subnet_mask: String::new(),
                            peering_subnet_mask: "255.255.255.252".to_string(),
                            physical_connection_business_status: "Normal".to_string(),
                            physical_connection_id: format!("pc-bp1multipconn{k}00000"),
                            physical_connection_owner_uid: ACCOUNT_UID.to_string(),
                            physical_connection_status: "Enabled".to_string(),
                            status: "active".to_string(),
                            vlan_id: (base.vlan_id + k as i32).to_string(),
                            vlan_interface_id: format!("ri-bp1multipconn{k}00000"),
                        });
                }
            }
            "unconfirmed" => {
                v.attrs.status = "unconfirmed".to_string();
                v.attrs.activation_time.clear();
            }
            "terminated" => {
                v.attrs.status = "terminated".to_string();
                v.attrs.termination_time = fmt_ms(SEED_EPOCH_MS - 86_400_000);
            }
            "vpconn" => {
                v.traits.vpconn = true;
                v.attrs.kind = "vpconn".to_string();
                v.attrs.physical_connection_owner_uid = "1688000000009999".to_string();
                v.attrs.p_conn_vbr_charge_type = "PrePaid".to_string();
                v.attrs.p_conn_vbr_expire_time = fmt_ms(SEED_EPOCH_MS + 365 * 86_400_000);
                v.attrs.bandwidth = 100;
            }
            "nobilling" => v.traits.pconn_traffic_enabled = false,
            "nodevice" => v.traits.access_device_id = "dev-cn-hangzhou-xx-retired".to_string(),
            "bfdquota" => v.traits.bfd_session_quota = 0,
            "bfddevicefull" => v.traits.access_device_id = "dev-cn-hangzhou-xx-full".to_string(),
            "nqafull" => v.traits.nqa_used = v.traits.nqa_quota,
            "fixedasn" => v.traits.custom_local_asn_allowed = false,
            "badgateway" => v.attrs.peering_subnet_mask = "255.255.255.255".to_string(),
            "badipv6mask" => {
                enable_ipv6(&mut v, n);
                v.attrs.peering_ipv6_subnet_mask = format!("2408:4005:3c0:{n:x}::/128");
            }
            "norouterif" => v.traits.active_router_interface = false,
            "busy" => v.traits.busy = true,
            _ => {}
        }
        add(w, v);
    }

    // cn-nanjing: a local region without IPv6.
    n += 1;
    let mut v = ordinary_vbr(
        "cn-nanjing",
        &memorable_id("vbr", "nj1", "noipv6region"),
        n,
        "dev-cn-nanjing-lr-01",
    );
    v.attrs.name = "emu-noipv6region".to_string();
    v.attrs.description = "VBR in a region without IPv6 support".to_string();
    add(w, v);

    // A few ordinary VBRs elsewhere, some in non-active states.
    let others: &[(&str, &str)] = &[
        ("cn-beijing", "active"),
        ("cn-beijing", "active"),
        ("cn-beijing", "terminating"),
        ("cn-shenzhen", "active"),
        ("cn-shenzhen", "recovering"),
        ("cn-hongkong", "active"),
        ("cn-hongkong", "deleting"),
        ("ap-southeast-1", "active"),
        ("us-west-1", "active"),
        ("eu-central-1", "active"),
    ];
    for (i, (region, status)) in others.iter().enumerate() {
        n += 1;
        let code = region_code(region);
        let id = format!(
            "vbr-{code}{}",
            random_chars(mix64(0x07e4_0000 + i as u64), 21 - code.len())
        );
        let mut v = ordinary_vbr(region, &id, n, "dev-generic-01");
        v.attrs.status = status.to_string();
        match *status {
            "terminating" => v.attrs.termination_time = fmt_ms(SEED_EPOCH_MS - 7_200_000),
            "recovering" => v.attrs.recovery_time = fmt_ms(SEED_EPOCH_MS - 3_600_000),
            _ => {}
        }
        if i % 3 == 0 {
            enable_ipv6(&mut v, n);
        }
        add(w, v);
    }
}

fn seed_demo_bgp(w: &mut World) {
    let vbr_id = memorable_id("vbr", "bp1", "demo");
    let group_id = memorable_id("bgpg", "bp1", "demo");
    let lifecycle = Lifecycle::new(SEED_EPOCH_MS);
    let peers = ["10.255.0.2", "10.255.0.6"]
        .iter()
        .enumerate()
        .map(|(i, ip)| BgpPeer {
            id: format!("bgp-bp1demo{:014}", i + 1),
            peer_ip: ip.to_string(),
            enable_bfd: i == 0,
            bfd_multi_hop: if i == 0 { 3 } else { 0 },
            ip_version: IpVersion::IPv4,
            lifecycle: lifecycle.clone(),
        })
        .collect::<Vec<_>>();
    for p in &peers {
        w.peer_index.insert(p.id.clone(), group_id.clone());
    }
    let group = BgpGroup {
        id: group_id.clone(),
        name: "demo-idc".to_string(),
        description: "demo group of the seeded world".to_string(),
        peer_asn: 65010,
        local_asn: 45104,
        auth_key: String::new(),
        is_fake: false,
        route_limit: 110,
        ip_version: IpVersion::IPv4,
        is_default: true,
        hold: 30,
        keepalive: 10,
        lifecycle: lifecycle.clone(),
        peers,
    };
    w.group_index.insert(group_id, vbr_id.clone());
    if let Some(vbr) = w.vbr_mut(&vbr_id) {
        vbr.groups.push(group);
        vbr.networks.push(BgpNetwork {
            dst_cidr_block: "192.168.10.0/24".to_string(),
            vpc_id: "vpc-bp1demo00000000000000".to_string(),
            lifecycle,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_world_is_deterministic_and_ids_have_the_real_shape() {
        let a = serde_json::to_string(&World::seeded()).unwrap();
        let b = serde_json::to_string(&World::seeded()).unwrap();
        assert_eq!(a, b);
        let w = World::seeded();
        for id in w.vbrs.keys() {
            let body = id.strip_prefix("vbr-").unwrap();
            assert_eq!(body.len(), 21, "{id}");
            assert!(
                body.bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()),
                "{id}"
            );
        }
        for id in w.group_index.keys().chain(w.peer_index.keys()) {
            let body = id.split_once('-').unwrap().1;
            assert_eq!(body.len(), 21, "{id}");
        }
        let active_sh = w
            .vbrs
            .values()
            .filter(|v| v.region_id == "cn-shanghai" && v.attrs.status == "active")
            .count();
        assert!(active_sh >= 64);
    }

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
        let demo = memorable_id("vbr", "bp1", "demo");
        let vbr = w.vbr_mut(&demo).unwrap();
        vbr.groups[0].peers[1].lifecycle.deleting_ms = Some(SEED_EPOCH_MS);
        w.purge(SEED_EPOCH_MS + 1, 0);
        assert_eq!(w.vbrs[&demo].groups[0].peers.len(), 1);
        assert!(!w.peer_index.contains_key("bgp-bp1demo00000000000002"));
        assert!(before.peer_index.contains_key("bgp-bp1demo00000000000002"));
        assert_eq!(before.vbrs[&demo].groups[0].peers.len(), 2);
        for (id, v) in w.vbrs.iter().filter(|(id, _)| **id != demo) {
            assert!(Arc::ptr_eq(v, &before.vbrs[id]), "{id} was copied");
        }
    }

    #[test]
    fn lifecycle_phases_follow_the_settle_time() {
        let mut l = Lifecycle::new(1000);
        assert_eq!(l.phase(1000, 0), Phase::Available);
        assert_eq!(l.phase(1500, 1000), Phase::Pending);
        assert_eq!(l.phase(2000, 1000), Phase::Available);
        l.modified_ms = Some(3000);
        assert_eq!(l.phase(3500, 1000), Phase::Modifying);
        l.deleting_ms = Some(5000);
        assert_eq!(l.phase(5500, 1000), Phase::Deleting);
        assert_eq!(l.phase(6000, 1000), Phase::Gone);
    }
}
