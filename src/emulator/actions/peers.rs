//! CreateBgpPeer, DescribeBgpPeers, ModifyBgpPeerAttribute, DeleteBgpPeer.

use std::net::{IpAddr, Ipv4Addr};

use serde_json::{json, Value};

use super::answer::{page_body, JsonObject};
use super::context::Ctx;
use super::errors::{
    cannot_operate, check_vbr_writable, illegal_ip_version, instance_not_found, invalid_group,
    ipv6_unsupported_region, pconn_traffic_not_enabled, EmuError,
};
use super::groups;
use super::params::{invalid, ip_version};
use crate::api::model;
use crate::emulator::faults::SessionRule;
use crate::emulator::world::{fnv1a, BgpGroup, BgpPeer, IpVersion, Lifecycle, Phase, Vbr, World};

/// BGP peers per VBR.
pub const PEERS_PER_VBR: usize = 8;
/// BFD hop count when BFD is enabled without one (the platform default).
pub const DEFAULT_BFD_MULTI_HOP: u32 = 255;

fn family(ip: IpAddr) -> IpVersion {
    match ip {
        IpAddr::V4(_) => IpVersion::IPv4,
        IpAddr::V6(_) => IpVersion::IPv6,
    }
}

fn usable_unicast(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v) => {
            !(v.is_unspecified()
                || v.is_broadcast()
                || v.is_multicast()
                || v.is_loopback()
                || v.octets()[0] >= 240)
        }
        IpAddr::V6(v) => !(v.is_unspecified() || v.is_multicast() || v.is_loopback()),
    }
}

fn duplicated_peer_ip() -> EmuError {
    EmuError::new(
        400,
        "DuplicatedParam.PeerIpAddress",
        "The param of PeerIpAddress is duplicated.",
    )
}

fn illegal_bfd_hop() -> EmuError {
    EmuError::new(400, "IllegalParam.BfdMultiHop", "BfdMultiHop is illegal.")
}

fn missing_enable_bfd() -> EmuError {
    EmuError::new(
        400,
        "MissingParam.EnableBfd",
        "The parameter EnableBfd is missing.",
    )
}

fn illegal_ip_address() -> EmuError {
    EmuError::new(
        400,
        "IllegalParam.IpAddress",
        "The specified IpAddress is illegal.",
    )
}

/// The VBR's IPv4 gateway: local and peer IP in one subnet of a contiguous mask.
fn check_gateway_v4(vbr: &Vbr) -> Result<(), EmuError> {
    let at = &vbr.attrs;
    if at.local_gateway_ip.is_empty() && at.peer_gateway_ip.is_empty() {
        return Ok(());
    }
    let ok = (|| {
        let local: Ipv4Addr = at.local_gateway_ip.parse().ok()?;
        let peer: Ipv4Addr = at.peer_gateway_ip.parse().ok()?;
        let mask = u32::from(at.peering_subnet_mask.parse::<Ipv4Addr>().ok()?);
        let prefix = mask.leading_ones();
        let contiguous = prefix + mask.trailing_zeros() == 32;
        let same_net = u32::from(local) & mask == u32::from(peer) & mask;
        Some(contiguous && (1..=31).contains(&prefix) && same_net && local != peer)
    })()
    .unwrap_or(false);
    if ok {
        Ok(())
    } else {
        Err(EmuError::new(
            400,
            "IllegalParam.LocalGatewayIpAndMask",
            "The LocalGatewayIpAndMask value is invalid.",
        ))
    }
}

/// The VBR's IPv6 peering subnet: a prefix that holds both gateway addresses.
fn check_gateway_v6(vbr: &Vbr) -> Result<(), EmuError> {
    let at = &vbr.attrs;
    let ok = (|| {
        let net: ipnet::Ipv6Net = at.peering_ipv6_subnet_mask.parse().ok()?;
        let inside = |s: &str| {
            s.is_empty()
                || s.parse::<std::net::Ipv6Addr>()
                    .is_ok_and(|ip| net.contains(&ip))
        };
        Some(
            net.prefix_len() <= 127
                && inside(&at.local_ipv6_gateway_ip)
                && inside(&at.peer_ipv6_gateway_ip),
        )
    })()
    .unwrap_or(false);
    if ok {
        Ok(())
    } else {
        Err(EmuError::new(
            400,
            "IllegalParam.PeeringIpv6SubnetMask",
            "The PeeringIpv6SubnetMask value is invalid.",
        ))
    }
}

/// A peer IP must not be the VBR's own address nor another peer's.
fn check_ip_conflicts(
    vbr: &Vbr,
    gi: usize,
    ip: IpAddr,
    except_peer: Option<&str>,
    cx: &Ctx,
) -> Result<(), EmuError> {
    let at = &vbr.attrs;
    let same = |s: &str| s.parse::<IpAddr>().is_ok_and(|x| x == ip);
    match ip {
        IpAddr::V4(_) => {
            let local_ips = std::iter::once(at.local_gateway_ip.as_str()).chain(
                at.associated_physical_connections
                    .associated_physical_connection
                    .iter()
                    .map(|c| c.local_gateway_ip.as_str()),
            );
            if local_ips.into_iter().any(same) {
                return Err(EmuError::new(
                    400,
                    "DuplicatedParam.LocalIpAddress",
                    "The LocalIpAddress already exists.",
                ));
            }
        }
        IpAddr::V6(_) => {
            if same(&at.local_ipv6_gateway_ip) {
                return Err(EmuError::new(
                    400,
                    "DuplicatedParam.LocalIpv6Address",
                    "The LocalIpv6Address already exists.",
                ));
            }
        }
    }
    for (i, g) in vbr.groups.iter().enumerate() {
        if g.lifecycle.phase(cx.now_ms, cx.settle_ms) == Phase::Gone {
            continue;
        }
        let clash = g.peers.iter().any(|p| {
            Some(p.id.as_str()) != except_peer
                && p.lifecycle.phase(cx.now_ms, cx.settle_ms) != Phase::Gone
                && same(&p.peer_ip)
        });
        if !clash {
            continue;
        }
        return Err(match (ip, i == gi) {
            (IpAddr::V6(_), _) => EmuError::new(
                400,
                "DuplicatedParam.PeerIpv6Address",
                "The PeerIpv6Address already exists.",
            ),
            (IpAddr::V4(_), true) => {
                EmuError::new(400, "BgpPeer.Already.Exists", "bgp peer already exists.")
            }
            (IpAddr::V4(_), false) => EmuError::new(
                400,
                "InvalidParams.PeerIpAddressInUse",
                "peer ip address in use ,cannot create bgp peer.",
            ),
        });
    }
    Ok(())
}

/// BFD needs a non-hosted VBR, room in the VBR's BFD quota and on its access device.
fn check_bfd(world: &World, vbr: &Vbr) -> Result<(), EmuError> {
    if vbr.traits.vpconn {
        return Err(EmuError::new(
            400,
            "UnsupportedFeature.Vpconn",
            "The feature of Vpconn is not supported.",
        ));
    }
    let on_vbr = vbr
        .groups
        .iter()
        .flat_map(|g| g.peers.iter())
        .filter(|p| p.enable_bfd)
        .count();
    if on_vbr >= vbr.traits.bfd_session_quota as usize {
        return Err(EmuError::new(
            400,
            "QuotaExceeded.BfdSession",
            "Your Bfd Session number reaches the upper limit.",
        ));
    }
    let device = world
        .access_devices
        .get(&vbr.traits.access_device_id)
        .ok_or_else(access_device_not_found)?;
    if world.bfd_sessions_on_device(&device.id) >= device.bfd_session_capacity {
        return Err(EmuError::new(
            400,
            "QuotaExceeded.BfdSession",
            "The Bfd Session on device reaches the upper limit.",
        ));
    }
    Ok(())
}

fn access_device_not_found() -> EmuError {
    EmuError::new(
        400,
        "InvalidAccessDeviceId.NotFound",
        "There is no Access_Device_Id in our records",
    )
}

/// Validates `BfdMultiHop` and its need for `EnableBfd`.
fn bfd_hop(
    hop: Option<i32>,
    enable_bfd: Option<bool>,
    bfd_already_on: bool,
) -> Result<Option<u32>, EmuError> {
    match hop {
        None => Ok(None),
        Some(h) if !(1..=255).contains(&h) => Err(illegal_bfd_hop()),
        Some(_) if enable_bfd.is_none() && !bfd_already_on => Err(missing_enable_bfd()),
        Some(h) => Ok(Some(h as u32)),
    }
}

pub(super) fn create(world: &mut World, cx: &Ctx) -> Result<Value, EmuError> {
    let a = &cx.args;
    a.required("BgpGroupId")?;
    let enable_bfd = a.bool("EnableBfd")?;
    let hop = a.int("BfdMultiHop")?;
    let region = cx.region(world)?;
    let group_id = cx.required("BgpGroupId")?;
    if a.count("PeerIpAddress") > 1 {
        return Err(duplicated_peer_ip());
    }
    let (vbr, gi) =
        groups::find(world, cx, &region.region_id, group_id).ok_or_else(invalid_group)?;
    let group = &vbr.groups[gi];
    let hop = bfd_hop(hop, enable_bfd, false)?;
    let version = match a.opt("IpVersion") {
        Some(v) => ip_version(v).ok_or_else(illegal_ip_version)?,
        None => group.ip_version,
    };

    check_vbr_writable(vbr)?;
    if group.lifecycle.phase(cx.now_ms, cx.settle_ms) != Phase::Available {
        return Err(cannot_operate());
    }
    if !world
        .access_devices
        .contains_key(&vbr.traits.access_device_id)
    {
        return Err(access_device_not_found());
    }
    if !vbr.traits.pconn_traffic_enabled {
        return Err(pconn_traffic_not_enabled());
    }
    if version == IpVersion::IPv6 {
        if !region.ipv6_supported {
            return Err(ipv6_unsupported_region());
        }
        if !vbr.attrs.enable_ipv6 {
            return Err(illegal_ip_version());
        }
    }
    if version != group.ip_version {
        return Err(illegal_ip_version());
    }

    let ip: IpAddr = match a.opt("PeerIpAddress") {
        Some(s) => {
            let ip: IpAddr = s
                .parse()
                .map_err(|_| EmuError::new(400, "InvalidIP.Malformed", "Ip malformed."))?;
            if family(ip) != version || !usable_unicast(ip) {
                return Err(EmuError::new(
                    400,
                    "IllegalParam.PeerIpAddress",
                    "The param of PeerIpAddress is illegal.",
                ));
            }
            ip
        }
        None => {
            let must_point_out = || {
                EmuError::new(
                    400,
                    "InvalidParams.PeerIpAddressMustPointOut",
                    "vbr has 0 or more than 1 subif ,point out peerIpAddress.",
                )
            };
            let pconns = vbr
                .attrs
                .associated_physical_connections
                .associated_physical_connection
                .len();
            if pconns > 1 {
                return Err(EmuError::new(
                    400,
                    "InvalidPeerIpAddress",
                    "multi pconn peer ip can not be null.",
                ));
            }
            if vbr.traits.sub_interfaces != 1 {
                return Err(must_point_out());
            }
            let gateway = match version {
                IpVersion::IPv4 => &vbr.attrs.peer_gateway_ip,
                IpVersion::IPv6 => &vbr.attrs.peer_ipv6_gateway_ip,
            };
            gateway.parse().map_err(|_| must_point_out())?
        }
    };
    match version {
        IpVersion::IPv4 => check_gateway_v4(vbr)?,
        IpVersion::IPv6 => check_gateway_v6(vbr)?,
    }
    check_ip_conflicts(vbr, gi, ip, None, cx)?;
    let peers_on_vbr: usize = vbr.groups.iter().map(|g| g.peers.len()).sum();
    if peers_on_vbr >= PEERS_PER_VBR {
        return Err(EmuError::new(
            400,
            "QuotaExceeded.Bgp",
            "bgp peer count per vbr quota exceed.",
        ));
    }
    if vbr.traits.nqa_used >= vbr.traits.nqa_quota {
        return Err(EmuError::new(
            400,
            "QuotaExceeded.Nqa",
            "nqa count per vbr quota exceed.",
        ));
    }
    let bfd = enable_bfd.unwrap_or(false);
    if bfd {
        check_bfd(world, vbr)?;
    }

    let region_id = region.region_id.clone();
    let vbr_id = vbr.attrs.vbr_id.clone();
    let group_id = group.id.clone();
    let id = world.new_id("bgp", &region_id);
    let peer = BgpPeer {
        id: id.clone(),
        peer_ip: ip.to_string(),
        enable_bfd: bfd,
        bfd_multi_hop: match (bfd, hop) {
            (_, Some(h)) => h,
            (true, None) => DEFAULT_BFD_MULTI_HOP,
            (false, None) => 0,
        },
        ip_version: version,
        lifecycle: Lifecycle::new(cx.now_ms),
    };
    world.peer_index.insert(id.clone(), group_id);
    if let Some(g) = world.vbr_mut(&vbr_id).and_then(|v| v.groups.get_mut(gi)) {
        g.peers.push(peer);
    }
    Ok(json!({ "BgpPeerId": id }))
}

/// The peer `BgpPeerId` names in the request's region, if it still exists.
fn find<'w>(
    world: &'w World,
    cx: &Ctx,
    region_id: &str,
    peer_id: &str,
) -> Option<(&'w Vbr, usize, usize)> {
    world.locate_peer(peer_id).filter(|(vbr, gi, pi)| {
        vbr.region_id == region_id
            && vbr.groups[*gi].peers[*pi]
                .lifecycle
                .phase(cx.now_ms, cx.settle_ms)
                != Phase::Gone
    })
}

pub(super) fn modify(world: &mut World, cx: &Ctx) -> Result<Value, EmuError> {
    let a = &cx.args;
    a.required("BgpPeerId")?;
    let enable_bfd = a.bool("EnableBfd")?;
    let hop = a.int("BfdMultiHop")?;
    let region = cx.region(world)?;
    let peer_id = cx.required("BgpPeerId")?;
    if a.count("PeerIpAddress") > 1 {
        return Err(duplicated_peer_ip());
    }
    let (vbr, gi, pi) =
        find(world, cx, &region.region_id, peer_id).ok_or_else(instance_not_found)?;
    let group = &vbr.groups[gi];
    let peer = &group.peers[pi];
    if let Some(gid) = a.opt("BgpGroupId") {
        if gid != group.id {
            groups::find(world, cx, &region.region_id, gid).ok_or_else(invalid_group)?;
            return Err(invalid("BgpGroupId"));
        }
    }
    let hop = bfd_hop(hop, enable_bfd, peer.enable_bfd)?;
    let ip: Option<IpAddr> = match a.opt("PeerIpAddress") {
        None => None,
        Some(s) => {
            let ip: IpAddr = s.parse().map_err(|_| illegal_ip_address())?;
            if family(ip) != peer.ip_version || !usable_unicast(ip) {
                return Err(illegal_ip_address());
            }
            Some(ip)
        }
    };

    check_vbr_writable(vbr)?;
    if peer.lifecycle.phase(cx.now_ms, cx.settle_ms) != Phase::Available {
        return Err(cannot_operate());
    }
    if let Some(ip) = ip {
        check_ip_conflicts(vbr, gi, ip, Some(&peer.id), cx)?;
    }
    let bfd = enable_bfd.unwrap_or(peer.enable_bfd);
    if bfd && !peer.enable_bfd {
        check_bfd(world, vbr)?;
    }
    let new_hop = match (hop, bfd, peer.bfd_multi_hop) {
        (Some(h), _, _) => h,
        (None, true, 0) => DEFAULT_BFD_MULTI_HOP,
        (None, _, old) => old,
    };

    let vbr_id = vbr.attrs.vbr_id.clone();
    let Some(p) = world
        .vbr_mut(&vbr_id)
        .and_then(|v| v.groups.get_mut(gi))
        .and_then(|g| g.peers.get_mut(pi))
    else {
        return Err(instance_not_found());
    };
    if let Some(ip) = ip {
        p.peer_ip = ip.to_string();
    }
    p.enable_bfd = bfd;
    p.bfd_multi_hop = new_hop;
    p.lifecycle.modified_ms = Some(cx.now_ms);
    Ok(json!({}))
}

pub(super) fn delete(world: &mut World, cx: &Ctx) -> Result<Value, EmuError> {
    cx.args.required("BgpPeerId")?;
    let region = cx.region(world)?;
    let peer_id = cx.required("BgpPeerId")?;
    let (vbr, gi, pi) =
        find(world, cx, &region.region_id, peer_id).ok_or_else(instance_not_found)?;
    check_vbr_writable(vbr)?;
    if vbr.groups[gi].peers[pi]
        .lifecycle
        .phase(cx.now_ms, cx.settle_ms)
        != Phase::Available
    {
        return Err(cannot_operate());
    }
    let vbr_id = vbr.attrs.vbr_id.clone();
    if let Some(p) = world
        .vbr_mut(&vbr_id)
        .and_then(|v| v.groups.get_mut(gi))
        .and_then(|g| g.peers.get_mut(pi))
    {
        p.lifecycle.deleting_ms = Some(cx.now_ms);
    }
    Ok(json!({}))
}

/// A peer as DescribeBgpPeers lists it: its VBR, group, itself and its phase.
type PeerRow<'w> = (&'w Vbr, &'w BgpGroup, &'w BgpPeer, Phase);

/// `BgpStatus`, `AdvertisedRouteCount`, `ReceivedRouteCount` of a peer at `now_ms`, under the
/// session faults in force: a `session_down` rule holds it down (before a flap is looked at), a
/// `session_flap` rule takes an Established session down for part of each cycle, and a
/// `route_growth` rule sets an Established session's received routes, never above RouteLimit.
fn session(
    (vbr, g, p, phase): PeerRow,
    rules: &[SessionRule],
    now_ms: i64,
    settle_ms: i64,
) -> (&'static str, u64, u64) {
    if phase != Phase::Available {
        return ("Idle", 0, 0);
    }
    let mut rules = rules.iter().filter(|r| r.applies_to(&p.id, &p.peer_ip));
    if let Some(state) = rules.clone().find_map(SessionRule::held_down) {
        return (state.as_str(), 0, 0);
    }
    let up_since = p.lifecycle.last_change_ms().saturating_add(settle_ms);
    let established = settle_ms <= 0 || now_ms.saturating_sub(up_since) >= settle_ms;
    if !established {
        return ("Connect", 0, 0);
    }
    if let Some(state) = rules.clone().find_map(|r| r.flapped_down(now_ms)) {
        return (state.as_str(), 0, 0);
    }
    let v6 = p.ip_version == IpVersion::IPv6;
    let advertised = vbr
        .networks
        .iter()
        .filter(|n| {
            n.dst_cidr_block.contains(':') == v6
                && n.lifecycle.phase(now_ms, settle_ms) == Phase::Available
        })
        .count() as u64;
    let received = match rules.find_map(|r| r.grown_routes(now_ms)) {
        // Routes beyond the group's RouteLimit are dropped.
        Some(grown) => grown.min(u64::from(g.route_limit)),
        None => (1 + fnv1a(&p.id) % 24).min(u64::from(g.route_limit.max(1))),
    };
    ("Established", advertised, received)
}

/// `yyyy-MM-ddTHH:mmZ`, UTC, of a time in ms (written by hand: chrono's strftime parses its
/// pattern on every call).
struct GmtModified(i64);

impl std::fmt::Display for GmtModified {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use chrono::{Datelike, Timelike};
        let t = chrono::DateTime::from_timestamp_millis(self.0).unwrap_or_default();
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}Z",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute()
        )
    }
}

/// One DescribeBgpPeers item, in the API's model, borrowing the world's text and `gmt_modified`
/// (the SDK's wire form is `model::Wire`).
fn peer_item<'w>(row: PeerRow<'w>, gmt_modified: &'w str, cx: &Ctx) -> model::BgpPeer<&'w str> {
    let (bgp_status, advertised, received) = session(row, cx.sessions, cx.now_ms, cx.settle_ms);
    let (vbr, g, p, phase) = row;
    model::BgpPeer {
        bgp_peer_id: p.id.as_str().into(),
        bgp_group_id: g.id.as_str().into(),
        name: g.name.as_str().into(),
        description: g.description.as_str().into(),
        peer_ip_address: p.peer_ip.as_str().into(),
        peer_asn: g.peer_asn.into(),
        local_asn: g.local_asn.into(),
        auth_key: g.auth_key.as_str().into(),
        is_fake: g.is_fake.into(),
        enable_bfd: p.enable_bfd.into(),
        bfd_multi_hop: u64::from(p.bfd_multi_hop).into(),
        hold: u64::from(g.hold).into(),
        keepalive: u64::from(g.keepalive).into(),
        route_limit: u64::from(g.route_limit).into(),
        ip_version: p.ip_version.as_str().into(),
        router_id: vbr.attrs.vbr_id.as_str().into(),
        region_id: vbr.region_id.as_str().into(),
        status: phase.as_str().into(),
        bgp_status: bgp_status.into(),
        advertised_route_count: advertised.into(),
        received_route_count: received.into(),
        gmt_modified: gmt_modified.into(),
        extra: Default::default(),
    }
}

pub(super) fn describe(world: &World, cx: &Ctx) -> Result<JsonObject, EmuError> {
    let a = &cx.args;
    let region = cx.region(world)?;
    let paging = a.paging()?;
    let is_default = a.bool("IsDefault")?;
    let router_id = a.opt("RouterId");
    let group_id = a.opt("BgpGroupId");
    let peer_id = a.opt("BgpPeerId");

    let mut rows: Vec<PeerRow> = Vec::new();
    let consider = |vbr: &'_ Vbr, g: &'_ BgpGroup, p: &'_ BgpPeer| -> Option<Phase> {
        let phase = p.lifecycle.phase(cx.now_ms, cx.settle_ms);
        let keep = phase != Phase::Gone
            && vbr.region_id == region.region_id
            && router_id.is_none_or(|r| r == vbr.attrs.vbr_id)
            && group_id.is_none_or(|id| id == g.id)
            && peer_id.is_none_or(|id| id == p.id)
            && is_default.is_none_or(|d| d == g.is_default);
        keep.then_some(phase)
    };
    if let Some(pid) = peer_id {
        if let Some((vbr, gi, pi)) = world.locate_peer(pid) {
            let (g, p) = (&vbr.groups[gi], &vbr.groups[gi].peers[pi]);
            if let Some(ph) = consider(vbr, g, p) {
                rows.push((vbr, g, p, ph));
            }
        }
    } else if let Some(gid) = group_id {
        if let Some((vbr, gi)) = world.locate_group(gid) {
            let g = &vbr.groups[gi];
            for p in &g.peers {
                if let Some(ph) = consider(vbr, g, p) {
                    rows.push((vbr, g, p, ph));
                }
            }
        }
    } else {
        let vbrs: Box<dyn Iterator<Item = &Vbr>> = match router_id {
            Some(r) => Box::new(world.vbr_in(&region.region_id, r).into_iter()),
            None => Box::new(world.vbrs_in(&region.region_id)),
        };
        for vbr in vbrs {
            for g in &vbr.groups {
                for p in &g.peers {
                    if let Some(ph) = consider(vbr, g, p) {
                        rows.push((vbr, g, p, ph));
                    }
                }
            }
        }
    }
    let total = rows.len();
    let rows = paging.slice(&rows);
    // Every GmtModified of the page in one string, which the items borrow from.
    let mut times = String::with_capacity(rows.len() * 17);
    let mut ends = Vec::with_capacity(rows.len());
    for (_, _, p, _) in rows {
        use std::fmt::Write as _;
        let _ = write!(times, "{}", GmtModified(p.lifecycle.last_change_ms()));
        ends.push(times.len());
    }
    let starts = std::iter::once(0).chain(ends.iter().copied());
    let items: Vec<model::BgpPeer<&str>> = rows
        .iter()
        .zip(starts.zip(&ends))
        .map(|(row, (start, &end))| peer_item(*row, &times[start..end], cx))
        .collect();
    page_body::<model::BgpPeer<&str>>(paging, total, items)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{assert_describe_snapshot, describe_text, world_in_every_phase};
    use super::*;

    #[test]
    fn describe_bgp_peers_answer_is_pinned() {
        let w = world_in_every_phase();
        let text = describe_text(
            &w,
            "DescribeBgpPeers",
            &[("RegionId", "cn-shanghai"), ("PageSize", "50")],
        );
        let doc = assert_describe_snapshot("describe_bgp_peers", &text);
        let rows = doc["BgpPeers"]["BgpPeer"].as_array().unwrap().len();
        assert!(rows >= 7, "{rows}");
    }

    // ---- session(): what the session faults make a peer show ----

    const T: i64 = 1_800_000_000_000;

    /// The seeded demo VBR, its group (RouteLimit `route_limit`) and its first peer
    /// (`bgp-bp1demo00000000000001` at 10.255.0.2), long settled.
    fn demo(route_limit: u32) -> (Vbr, BgpGroup, BgpPeer) {
        let w = World::seeded();
        let (vbr, gi, pi) = w.locate_peer("bgp-bp1demo00000000000001").unwrap();
        let mut g = vbr.groups[gi].clone();
        g.route_limit = route_limit;
        let p = g.peers[pi].clone();
        (vbr.clone(), g, p)
    }

    fn rule(flag: &str, since_ms: i64) -> SessionRule {
        SessionRule {
            fault: crate::emulator::faults::Fault::parse_flag(flag).unwrap(),
            since_ms,
        }
    }

    /// `session()` of the demo peer, Available, with settle time 0.
    fn shown(
        (vbr, g, p): &(Vbr, BgpGroup, BgpPeer),
        rules: &[SessionRule],
        now_ms: i64,
    ) -> (&'static str, u64, u64) {
        session((vbr, g, p, Phase::Available), rules, now_ms, 0)
    }

    #[test]
    fn without_rules_an_available_peer_is_established_with_its_routes() {
        let d = demo(110);
        let (status, advertised, received) = shown(&d, &[], T);
        assert_eq!((status, advertised), ("Established", 1));
        assert!((1..=24).contains(&received), "{received}");
        let (vbr, g, p) = &d;
        assert_eq!(
            session((vbr, g, p, Phase::Pending), &[], T, 0),
            ("Idle", 0, 0)
        );
    }

    #[test]
    fn a_flap_is_up_then_down_in_each_cycle_from_when_it_was_added() {
        let d = demo(110);
        let r = [rule("kind=session_flap,period_ms=1000", T)];
        let status = |at: i64| shown(&d, &r, at).0;
        // down_ms defaults to half the period; the state while down to Idle.
        for (at, want) in [
            (T - 5, "Established"),
            (T, "Established"),
            (T + 499, "Established"),
            (T + 500, "Idle"),
            (T + 999, "Idle"),
            (T + 1000, "Established"),
            (T + 1499, "Established"),
            (T + 1500, "Idle"),
            (T + 3_600_000 + 500, "Idle"),
        ] {
            assert_eq!(status(at), want, "at T{:+}", at - T);
        }
        // While down, no routes either way.
        assert_eq!(shown(&d, &r, T + 700), ("Idle", 0, 0));
        let r = [rule(
            "kind=session_flap,period_ms=1000,down_ms=100,state=Connect",
            T,
        )];
        assert_eq!(shown(&d, &r, T + 899).0, "Established");
        assert_eq!(shown(&d, &r, T + 900), ("Connect", 0, 0));
        assert_eq!(shown(&d, &r, T + 1000).0, "Established");
    }

    #[test]
    fn a_flap_only_takes_down_a_session_that_is_established() {
        let (vbr, g, mut p) = demo(110);
        let r = [rule("kind=session_flap,period_ms=1000", T)];
        p.lifecycle.modified_ms = Some(T);
        // Modified at T with a settle time of 1000: Connect until T+2000, whatever the flap.
        assert_eq!(
            session((&vbr, &g, &p, Phase::Available), &r, T + 1200, 1000).0,
            "Connect"
        );
        assert_eq!(
            session((&vbr, &g, &p, Phase::Modifying), &r, T + 300, 1000).0,
            "Idle"
        );
        assert_eq!(
            session((&vbr, &g, &p, Phase::Available), &r, T + 2100, 1000).0,
            "Established"
        );
        assert_eq!(
            session((&vbr, &g, &p, Phase::Available), &r, T + 2600, 1000).0,
            "Idle"
        );
    }

    #[test]
    fn route_growth_counts_from_from_and_stops_at_the_route_limit() {
        let d = demo(20);
        let r = [rule("kind=route_growth,per_second=50", T)];
        let received = |at: i64| shown(&d, &r, at).2;
        assert_eq!(received(T - 1000), 0);
        assert_eq!(received(T), 0);
        assert_eq!(received(T + 19), 0);
        assert_eq!(received(T + 20), 1);
        assert_eq!(received(T + 399), 19);
        assert_eq!(received(T + 400), 20);
        assert_eq!(received(T + 100_000_000), 20);
        let r = [rule("kind=route_growth,per_second=0.5,from=7", T)];
        assert_eq!(shown(&d, &r, T + 1999).2, 7);
        assert_eq!(shown(&d, &r, T + 2000).2, 8);
        // A start above the limit shows the limit; the largest rate for a year does not overflow.
        let r = [rule("kind=route_growth,per_second=1,from=500", T)];
        assert_eq!(shown(&d, &r, T).2, 20);
        let r = [rule(
            &format!("kind=route_growth,per_second=100000,from={}", u64::MAX),
            T,
        )];
        assert_eq!(shown(&d, &r, T + 31_536_000_000).2, 20);
    }

    #[test]
    fn session_down_wins_over_a_flap_and_a_down_session_has_no_routes() {
        let d = demo(110);
        let growth = rule("kind=route_growth,per_second=10", T);
        let flap = rule("kind=session_flap,period_ms=1000,state=Active", T);
        let down = rule("kind=session_down,state=Connect", T);
        // Listed before or after the flap, session_down holds the session down all the time.
        for rules in [
            [flap.clone(), down.clone(), growth.clone()],
            [down.clone(), flap.clone(), growth.clone()],
        ] {
            for at in [T, T + 200, T + 700, T + 5000] {
                assert_eq!(shown(&d, &rules, at), ("Connect", 0, 0), "at T+{}", at - T);
            }
        }
        // A flap with growth: the grown count while up, nothing while down.
        let rules = [flap.clone(), growth.clone()];
        assert_eq!(shown(&d, &rules, T + 2300), ("Established", 1, 23));
        assert_eq!(shown(&d, &rules, T + 2700), ("Active", 0, 0));
        // session_down's default state is Active, as before.
        assert_eq!(
            shown(&d, &[rule("kind=session_down", T)], T),
            ("Active", 0, 0)
        );
    }

    #[test]
    fn a_rule_chooses_its_peer_by_id_or_by_address_compared_parsed() {
        let (vbr, g, mut p) = demo(110);
        let down = |which: &str| [rule(&format!("kind=session_down,{which}"), T)];
        let status = |p: &BgpPeer, rules: &[SessionRule]| {
            session((&vbr, &g, p, Phase::Available), rules, T, 0).0
        };
        assert_eq!(
            status(&p, &down("peer_id=bgp-bp1demo00000000000001")),
            "Active"
        );
        assert_eq!(
            status(&p, &down("peer_id=bgp-bp1demo00000000000002")),
            "Established"
        );
        assert_eq!(status(&p, &down("peer_ip=10.255.0.2")), "Active");
        assert_eq!(status(&p, &down("peer_ip=10.255.0.6")), "Established");
        p.peer_ip = "2001:0db8:0:0::1".into();
        assert_eq!(status(&p, &down("peer_ip=2001:db8::1")), "Active");
        assert_eq!(status(&p, &down("peer_ip=2001:db8::2")), "Established");
        // Naming neither is every peer; growth follows the same choice.
        assert_eq!(status(&p, &[rule("kind=session_down", T)]), "Active");
        let grow = |which: &str| {
            [rule(
                &format!("kind=route_growth,per_second=1,from=99,{which}"),
                T,
            )]
        };
        let received =
            |rules: &[SessionRule]| session((&vbr, &g, &p, Phase::Available), rules, T, 0).2;
        assert_eq!(received(&grow("peer_id=bgp-bp1demo00000000000001")), 99);
        assert_ne!(received(&grow("peer_id=bgp-bp1demo00000000000002")), 99);
    }

    #[test]
    fn gmt_modified_is_minutes_in_utc() {
        assert_eq!(
            GmtModified(1_714_521_659_999).to_string(),
            "2024-05-01T00:00Z"
        );
    }
}
