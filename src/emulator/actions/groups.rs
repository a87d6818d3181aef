//! CreateBgpGroup, DescribeBgpGroups, ModifyBgpGroupAttribute, DeleteBgpGroup, and the group field rules.

use serde_json::{json, Value};

use super::answer::{page_body, JsonObject};
use super::context::Ctx;
use super::errors::{
    cannot_operate, check_vbr_writable, illegal_ip_version, invalid_group, invalid_vbr,
    ipv6_unsupported_region, pconn_traffic_not_enabled, EmuError,
};
use super::params::{invalid, ip_version};
use crate::api::model;
use crate::emulator::world::{BgpGroup, IpVersion, Lifecycle, Phase, Vbr, World};

/// BGP groups per VBR.
pub const GROUPS_PER_VBR: usize = 8;
/// The largest RouteQuota (the account's default route-entry quota).
pub const MAX_ROUTE_QUOTA: i32 = 110;
/// Alibaba Cloud's side of every BGP session unless LocalAsn says otherwise.
pub const ALIYUN_ASN: i64 = 45104;

fn valid_name(s: &str) -> bool {
    let n = s.chars().count();
    let mut chars = s.chars();
    (2..=128).contains(&n)
        && chars.next().is_some_and(char::is_alphabetic)
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

fn valid_description(s: &str) -> bool {
    let n = s.chars().count();
    (2..=256).contains(&n)
        && s.chars().next().is_some_and(char::is_alphabetic)
        && !s.chars().any(char::is_control)
        && !s.starts_with("http://")
        && !s.starts_with("https://")
}

fn valid_auth_key(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|b| (0x21..=0x7e).contains(&b))
}

pub(super) fn check_name(name: Option<&str>) -> Result<(), EmuError> {
    match name {
        Some(n) if !valid_name(n) => Err(EmuError::new(
            400,
            "InvalidBgpName.Malformed",
            "Specified Bgp Group name is not valid.",
        )),
        _ => Ok(()),
    }
}

fn check_description(description: Option<&str>, create: bool) -> Result<(), EmuError> {
    match description {
        Some(d) if !valid_description(d) => Err(if create {
            EmuError::new(
                400,
                "InvalidBgpDescription.Malformed",
                "Specified Bgp Group description is not valid.",
            )
        } else {
            EmuError::new(
                400,
                "InvalidBgpDiscription.Malformed",
                "Specified Bgp Group description is not valid.",
            )
        }),
        _ => Ok(()),
    }
}

fn check_auth_key(key: Option<&str>) -> Result<(), EmuError> {
    match key {
        Some(k) if !valid_auth_key(k) => Err(EmuError::new(
            400,
            "InvalidBgpAuthkey.Malformed",
            "Specified Bgp Group authkey is not valid.",
        )),
        _ => Ok(()),
    }
}

fn check_peer_asn(asn: i64) -> Result<u64, EmuError> {
    if asn == ALIYUN_ASN {
        return Err(EmuError::new(
            400,
            "InvalidPeerAsn.Malformed",
            "invalid peer asn cannot equals aliyun asn:45104",
        ));
    }
    if !(1..=4_294_967_295).contains(&asn) || matches!(asn, 23456 | 65535 | 4_294_967_295) {
        return Err(EmuError::new(
            400,
            "IllegalParam.PeerAsn",
            "The param of PeerAsn is illegal",
        ));
    }
    Ok(asn as u64)
}

fn check_local_asn(asn: i64) -> Result<u64, EmuError> {
    if !(1..=4_294_967_295).contains(&asn) {
        return Err(EmuError::new(
            400,
            "IllegalParam.LocalAsn",
            "The param of LocalAsn is illegal",
        ));
    }
    let allowed = asn == ALIYUN_ASN
        || ((64512..=65534).contains(&asn) && asn != 65025)
        || (4_200_000_000..=4_294_967_294).contains(&asn);
    if !allowed {
        return Err(EmuError::new(
            400,
            "InvalidBgpGroup.LocalAsnInvalid",
            "The specified BgpGroup LocalAsn is invalid, only support 64512 to 65534 or 4200000000 to 4294967294, but cannot be 65025.",
        ));
    }
    Ok(asn as u64)
}

fn check_custom_asn_allowed(vbr: &Vbr, local_asn: u64) -> Result<(), EmuError> {
    if local_asn != ALIYUN_ASN as u64 && !vbr.traits.custom_local_asn_allowed {
        return Err(EmuError::new(
            400,
            "OperationUnsupport",
            "Operation is unsupport, not in vbr support custom local asn white list.",
        ));
    }
    Ok(())
}

fn check_route_quota(quota: i32) -> Result<u32, EmuError> {
    if quota < 1 {
        return Err(invalid("RouteQuota"));
    }
    if quota > MAX_ROUTE_QUOTA {
        return Err(EmuError::new(
            400,
            "IllegalParam.RouteLimit",
            "The operation is failed because of bgp group max route entry num quota exceed.",
        ));
    }
    Ok(quota as u32)
}

pub(super) fn create(world: &mut World, cx: &Ctx) -> Result<Value, EmuError> {
    let a = &cx.args;
    a.required("RouterId")?;
    a.required("PeerAsn")?;
    let peer_asn = a.long("PeerAsn")?;
    let local_asn = a.long("LocalAsn")?;
    let is_fake = a.bool("IsFakeAsn")?.unwrap_or(false);
    let route_quota = a.int("RouteQuota")?;
    let region = cx.region(world)?;
    let router_id = cx.required("RouterId")?;
    let peer_asn = peer_asn.ok_or_else(|| cx.not_null())?;
    let vbr = world
        .vbr_in(&region.region_id, router_id)
        .ok_or_else(invalid_vbr)?;

    let name = a.opt("Name");
    let description = a.opt("Description");
    let auth_key = a.opt("AuthKey");
    check_name(name)?;
    check_description(description, true)?;
    check_auth_key(auth_key)?;
    let peer_asn = check_peer_asn(peer_asn)?;
    let local_asn = match local_asn {
        Some(l) => check_local_asn(l)?,
        None => ALIYUN_ASN as u64,
    };
    let route_limit = match route_quota {
        Some(q) => check_route_quota(q)?,
        None => MAX_ROUTE_QUOTA as u32,
    };
    let version = match a.opt("IpVersion") {
        Some(v) => ip_version(v).ok_or_else(illegal_ip_version)?,
        None => IpVersion::IPv4,
    };

    check_vbr_writable(vbr)?;
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
    check_custom_asn_allowed(vbr, local_asn)?;
    if vbr.groups.len() >= GROUPS_PER_VBR {
        return Err(EmuError::new(
            400,
            "QuotaExceeded.Bgp",
            "bgp group count per vbr quota exceed.",
        ));
    }

    let region_id = region.region_id.clone();
    let vbr_id = vbr.attrs.vbr_id.clone();
    let id = world.new_id("bgpg", &region_id);
    let group = BgpGroup {
        id: id.clone(),
        name: name.unwrap_or_default().to_string(),
        description: description.unwrap_or_default().to_string(),
        peer_asn,
        local_asn,
        auth_key: auth_key.unwrap_or_default().to_string(),
        is_fake,
        route_limit,
        ip_version: version,
        is_default: false,
        hold: 30,
        keepalive: 10,
        lifecycle: Lifecycle::new(cx.now_ms),
        peers: Vec::new(),
    };
    world.group_index.insert(id.clone(), vbr_id.clone());
    if let Some(vbr) = world.vbr_mut(&vbr_id) {
        vbr.groups.push(group);
    }
    Ok(json!({ "BgpGroupId": id }))
}

/// The group `BgpGroupId` names in the request's region, if it still exists.
pub(super) fn find<'w>(
    world: &'w World,
    cx: &Ctx,
    region_id: &str,
    group_id: &str,
) -> Option<(&'w Vbr, usize)> {
    world.locate_group(group_id).filter(|(vbr, gi)| {
        vbr.region_id == region_id
            && vbr.groups[*gi].lifecycle.phase(cx.now_ms, cx.settle_ms) != Phase::Gone
    })
}

/// One DescribeBgpGroups item, in the API's model, borrowing the world's text (the SDK's wire form
/// is `model::Wire`).
fn group_item<'w>(vbr: &'w Vbr, g: &'w BgpGroup, status: Phase) -> model::BgpGroup<&'w str> {
    model::BgpGroup {
        bgp_group_id: g.id.as_str().into(),
        name: g.name.as_str().into(),
        description: g.description.as_str().into(),
        router_id: vbr.attrs.vbr_id.as_str().into(),
        region_id: vbr.region_id.as_str().into(),
        peer_asn: g.peer_asn.into(),
        local_asn: g.local_asn.into(),
        auth_key: g.auth_key.as_str().into(),
        is_fake: g.is_fake.into(),
        hold: u64::from(g.hold).into(),
        keepalive: u64::from(g.keepalive).into(),
        route_limit: u64::from(g.route_limit).into(),
        ip_version: g.ip_version.as_str().into(),
        status: status.as_str().into(),
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

    let mut rows: Vec<(&Vbr, &BgpGroup, Phase)> = Vec::new();
    let consider = |vbr: &Vbr, g: &BgpGroup| -> Option<Phase> {
        let phase = g.lifecycle.phase(cx.now_ms, cx.settle_ms);
        let keep = phase != Phase::Gone
            && router_id.is_none_or(|r| r == vbr.attrs.vbr_id)
            && is_default.is_none_or(|d| d == g.is_default);
        keep.then_some(phase)
    };
    if let Some(gid) = group_id {
        if let Some((vbr, gi)) = world.locate_group(gid) {
            let g = &vbr.groups[gi];
            if vbr.region_id == region.region_id {
                if let Some(p) = consider(vbr, g) {
                    rows.push((vbr, g, p));
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
                if let Some(p) = consider(vbr, g) {
                    rows.push((vbr, g, p));
                }
            }
        }
    }
    let total = rows.len();
    let items: Vec<model::BgpGroup<&str>> = paging
        .slice(&rows)
        .iter()
        .map(|(vbr, g, p)| group_item(vbr, g, *p))
        .collect();
    page_body::<model::BgpGroup<&str>>(paging, total, items)
}

pub(super) fn modify(world: &mut World, cx: &Ctx) -> Result<Value, EmuError> {
    let a = &cx.args;
    a.required("BgpGroupId")?;
    let peer_asn = a.long("PeerAsn")?;
    let local_asn = a.long("LocalAsn")?;
    let is_fake = a.bool("IsFakeAsn")?;
    let clear_auth_key = a.bool("ClearAuthKey")?.unwrap_or(false);
    let route_quota = a.int("RouteQuota")?;
    let region = cx.region(world)?;
    let group_id = cx.required("BgpGroupId")?;
    let (vbr, gi) = find(world, cx, &region.region_id, group_id).ok_or_else(invalid_group)?;

    let name = a.opt("Name");
    let description = a.opt("Description");
    let auth_key = a.opt("AuthKey");
    check_name(name)?;
    check_description(description, false)?;
    check_auth_key(auth_key)?;
    let peer_asn = peer_asn.map(check_peer_asn).transpose()?;
    let local_asn = local_asn.map(check_local_asn).transpose()?;
    let route_limit = route_quota.map(check_route_quota).transpose()?;

    check_vbr_writable(vbr)?;
    if vbr.groups[gi].lifecycle.phase(cx.now_ms, cx.settle_ms) != Phase::Available {
        return Err(cannot_operate());
    }
    if let Some(l) = local_asn {
        check_custom_asn_allowed(vbr, l)?;
    }

    let vbr_id = vbr.attrs.vbr_id.clone();
    let Some(g) = world.vbr_mut(&vbr_id).and_then(|v| v.groups.get_mut(gi)) else {
        return Err(invalid_group());
    };
    if let Some(n) = name {
        g.name = n.to_string();
    }
    if let Some(d) = description {
        g.description = d.to_string();
    }
    if clear_auth_key {
        g.auth_key.clear();
    } else if let Some(k) = auth_key {
        g.auth_key = k.to_string();
    }
    if let Some(p) = peer_asn {
        g.peer_asn = p;
    }
    if let Some(l) = local_asn {
        g.local_asn = l;
    }
    if let Some(f) = is_fake {
        g.is_fake = f;
    }
    if let Some(r) = route_limit {
        g.route_limit = r;
    }
    g.lifecycle.modified_ms = Some(cx.now_ms);
    Ok(json!({}))
}

pub(super) fn delete(world: &mut World, cx: &Ctx) -> Result<Value, EmuError> {
    cx.args.required("BgpGroupId")?;
    let region = cx.region(world)?;
    let group_id = cx.required("BgpGroupId")?;
    let (vbr, gi) = find(world, cx, &region.region_id, group_id).ok_or_else(invalid_group)?;
    check_vbr_writable(vbr)?;
    let group = &vbr.groups[gi];
    if group.lifecycle.phase(cx.now_ms, cx.settle_ms) != Phase::Available {
        return Err(cannot_operate());
    }
    if !group.peers.is_empty() {
        return Err(EmuError::new(
            400,
            "DependencyViolation.BgpPeer",
            "bgp group has bgp peers, cannot delete bgp group.",
        ));
    }
    let vbr_id = vbr.attrs.vbr_id.clone();
    if let Some(g) = world.vbr_mut(&vbr_id).and_then(|v| v.groups.get_mut(gi)) {
        g.lifecycle.deleting_ms = Some(cx.now_ms);
    }
    Ok(json!({}))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{assert_describe_snapshot, describe_text, world_in_every_phase};

    #[test]
    fn describe_bgp_groups_answer_is_pinned() {
        let w = world_in_every_phase();
        let text = describe_text(
            &w,
            "DescribeBgpGroups",
            &[("RegionId", "cn-shanghai"), ("PageSize", "50")],
        );
        let doc = assert_describe_snapshot("describe_bgp_groups", &text);
        let statuses: std::collections::BTreeSet<&str> = doc["BgpGroups"]["BgpGroup"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["Status"].as_str().unwrap())
            .collect();
        assert_eq!(
            statuses,
            ["Available", "Deleting", "Modifying", "Pending"].into()
        );
    }
}
