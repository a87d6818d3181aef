//! AddBgpNetwork, DescribeBgpNetworks, DeleteBgpNetwork. A network has no ID: it is keyed by
//! (RouterId, DstCidrBlock), the CIDR normalised as `address/prefix`.

use ipnet::IpNet;
use serde_json::{json, Value};

use super::answer::{page_body, JsonObject};
use super::context::Ctx;
use super::errors::{
    cannot_operate, check_vbr_writable, instance_not_found, invalid_vbr, pconn_traffic_not_enabled,
    EmuError,
};
use crate::api::model;
use crate::emulator::world::{BgpNetwork, Lifecycle, Phase, Vbr, World};

/// Advertised networks per VBR.
pub const NETWORKS_PER_VBR: usize = 50;

fn format_error() -> EmuError {
    EmuError::new(
        400,
        "IllegalParamFormat.DstCidrBlock",
        "The format of the specified destination CIDR block is invalid.",
    )
}

fn malformed() -> EmuError {
    EmuError::new(
        400,
        "InvalidDestCidrBlock.Malformed",
        "Specified dstCidrBlock is not valid.",
    )
}

/// Parses `DstCidrBlock`: the format first, then what the backend refuses to advertise.
fn parse_cidr(s: &str) -> Result<IpNet, EmuError> {
    let net: IpNet = s.parse().map_err(|_| format_error())?;
    if net.trunc() != net || net.prefix_len() == 0 {
        return Err(malformed());
    }
    match net {
        IpNet::V4(v4) => {
            let class_d: IpNet = "224.0.0.0/4".parse().map_err(|_| format_error())?;
            if overlaps(&class_d, &net) {
                return Err(EmuError::new(
                    400,
                    "IllegalParam.ConflictWithDClass",
                    "DClass IP can not support.",
                ));
            }
            let first = v4.network();
            if first.is_loopback() || first.octets()[0] >= 240 {
                return Err(malformed());
            }
        }
        IpNet::V6(v6) => {
            if v6.network().is_multicast() || v6.network().is_loopback() {
                return Err(malformed());
            }
        }
    }
    Ok(net)
}

pub(super) fn add(world: &mut World, cx: &Ctx) -> Result<Value, EmuError> {
    let a = &cx.args;
    a.required("RouterId")?;
    a.required("DstCidrBlock")?;
    let region = cx.region(world)?;
    let router_id = cx.required("RouterId")?;
    let cidr_text = cx.required("DstCidrBlock")?;
    let vbr = world
        .vbr_in(&region.region_id, router_id)
        .ok_or_else(invalid_vbr)?;
    let net = parse_cidr(cidr_text)?;
    let vpc_id = a.opt("VpcId");
    if let Some(v) = vpc_id {
        if world
            .vpcs
            .get(v)
            .is_none_or(|vpc| vpc.region_id != region.region_id)
        {
            return Err(EmuError::new(
                400,
                "InvalidParams.NotFound",
                "vpc instance not found",
            ));
        }
    }

    check_vbr_writable(vbr)?;
    if !vbr.traits.pconn_traffic_enabled {
        return Err(pconn_traffic_not_enabled());
    }
    if !vbr.traits.active_router_interface {
        return Err(EmuError::new(
            400,
            "OperationFailed.NoActiveRouterInterface",
            "there's not active routerInterface,cannot add bgp network.",
        ));
    }
    if matches!(net, IpNet::V6(_)) && !vbr.attrs.enable_ipv6 {
        return Err(EmuError::new(
            400,
            "IllegalParam.IpVersion",
            "The parameter of IpVersion is illegal.",
        ));
    }
    let in_snat_pool = world
        .vpcs
        .values()
        .filter(|v| v.region_id == region.region_id)
        .flat_map(|v| v.snat_pool.iter())
        .filter_map(|p| p.parse::<IpNet>().ok())
        .any(|pool| overlaps(&pool, &net));
    if in_snat_pool {
        return Err(EmuError::new(
            400,
            "InvalidIP.IpInSnatPool",
            "Multi ip in snat pool cannot remove ip from bandwidth package.",
        ));
    }
    let key = net.to_string();
    let present = vbr
        .networks
        .iter()
        .filter(|n| n.lifecycle.phase(cx.now_ms, cx.settle_ms) != Phase::Gone);
    for n in present {
        if n.dst_cidr_block == key {
            return Err(EmuError::new(
                400,
                "InvalidParams.AlreadyExists",
                "bgp network already exists",
            ));
        }
        if n.dst_cidr_block
            .parse::<IpNet>()
            .is_ok_and(|other| overlaps(&other, &net))
        {
            return Err(EmuError::new(
                400,
                "Duplicated.CidrBlock",
                "bgp network cidr already exists.",
            ));
        }
    }
    if vbr.networks.len() >= NETWORKS_PER_VBR {
        return Err(EmuError::new(
            400,
            "QuotaExceeded.BgpNetwork",
            "bgp network count per vbr quota exceed.",
        ));
    }

    let vbr_id = vbr.attrs.vbr_id.clone();
    if let Some(vbr) = world.vbr_mut(&vbr_id) {
        vbr.networks.push(BgpNetwork {
            dst_cidr_block: key,
            vpc_id: vpc_id.unwrap_or_default().to_string(),
            lifecycle: Lifecycle::new(cx.now_ms),
        });
    }
    Ok(json!({}))
}

fn overlaps(a: &IpNet, b: &IpNet) -> bool {
    a.contains(b) || b.contains(a)
}

pub(super) fn delete(world: &mut World, cx: &Ctx) -> Result<Value, EmuError> {
    let a = &cx.args;
    a.required("RouterId")?;
    a.required("DstCidrBlock")?;
    let region = cx.region(world)?;
    let router_id = cx.required("RouterId")?;
    let cidr_text = cx.required("DstCidrBlock")?;
    let vbr = world
        .vbr_in(&region.region_id, router_id)
        .ok_or_else(invalid_vbr)?;
    let key = cidr_text
        .parse::<IpNet>()
        .map_err(|_| format_error())?
        .to_string();
    let index = vbr
        .networks
        .iter()
        .position(|n| {
            n.dst_cidr_block == key && n.lifecycle.phase(cx.now_ms, cx.settle_ms) != Phase::Gone
        })
        .ok_or_else(instance_not_found)?;
    check_vbr_writable(vbr)?;
    if vbr.networks[index].lifecycle.phase(cx.now_ms, cx.settle_ms) != Phase::Available {
        return Err(cannot_operate());
    }
    let vbr_id = vbr.attrs.vbr_id.clone();
    if let Some(n) = world
        .vbr_mut(&vbr_id)
        .and_then(|v| v.networks.get_mut(index))
    {
        n.lifecycle.deleting_ms = Some(cx.now_ms);
    }
    Ok(json!({}))
}

pub(super) fn describe(world: &World, cx: &Ctx) -> Result<JsonObject, EmuError> {
    let a = &cx.args;
    let region = cx.region(world)?;
    let paging = a.paging()?;
    let vbrs: Vec<&Vbr> = match a.opt("RouterId") {
        Some(r) => vec![world.vbr_in(&region.region_id, r).ok_or_else(|| {
            EmuError::new(
                404,
                "InvalidResource.NotFound",
                "The specified resource is not found.",
            )
        })?],
        None => world.vbrs_in(&region.region_id).collect(),
    };
    let rows: Vec<(&Vbr, &BgpNetwork, Phase)> = vbrs
        .into_iter()
        .flat_map(|vbr| {
            vbr.networks.iter().filter_map(move |n| {
                let phase = n.lifecycle.phase(cx.now_ms, cx.settle_ms);
                (phase != Phase::Gone).then_some((vbr, n, phase))
            })
        })
        .collect();
    let total = rows.len();
    let items: Vec<model::BgpNetwork<&str>> = paging
        .slice(&rows)
        .iter()
        .map(|(vbr, n, phase)| model::BgpNetwork {
            dst_cidr_block: n.dst_cidr_block.as_str().into(),
            router_id: vbr.attrs.vbr_id.as_str().into(),
            vpc_id: n.vpc_id.as_str().into(),
            status: phase.as_str().into(),
            extra: Default::default(),
        })
        .collect();
    page_body::<model::BgpNetwork<&str>>(paging, total, items)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{assert_describe_snapshot, describe_text, world_in_every_phase};

    #[test]
    fn describe_bgp_networks_answer_is_pinned() {
        let w = world_in_every_phase();
        let text = describe_text(
            &w,
            "DescribeBgpNetworks",
            &[("RegionId", "cn-shanghai"), ("PageSize", "50")],
        );
        let doc = assert_describe_snapshot("describe_bgp_networks", &text);
        assert_eq!(
            doc["BgpNetworks"]["BgpNetwork"].as_array().unwrap().len(),
            4
        );
    }
}
