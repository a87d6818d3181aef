//! DescribeRegions and DescribeVirtualBorderRouters.

use super::answer::{page_body, unpaged_body, JsonObject};
use super::context::Ctx;
use super::errors::EmuError;
use super::params::invalid;
use crate::api::model;
use crate::emulator::world::{Vbr, VbrAttributes, World};

pub(super) fn describe_regions(world: &World, cx: &Ctx) -> Result<JsonObject, EmuError> {
    let english = cx
        .args
        .opt("AcceptLanguage")
        .is_some_and(|l| l.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("en")));
    let items: Vec<model::Region<&str>> = world
        .regions
        .iter()
        .map(|r| model::Region {
            region_id: r.region_id.as_str().into(),
            local_name: if english {
                &r.local_name_en
            } else {
                &r.local_name_zh
            }
            .as_str()
            .into(),
            region_endpoint: r.region_endpoint.as_str().into(),
            extra: Default::default(),
        })
        .collect();
    // Not paged: the set alone, without counts.
    unpaged_body::<model::Region<&str>>(items)
}

/// The VBR fields the documented filter keys match, in lower case.
#[derive(Debug, Clone, Copy)]
enum FilterKey {
    PhysicalConnectionId,
    VbrId,
    Status,
    Name,
    AccessPointId,
    EccId,
    Type,
}

impl FilterKey {
    fn parse(key: &str) -> Option<FilterKey> {
        Some(match key.to_ascii_lowercase().as_str() {
            "physicalconnectionid" => FilterKey::PhysicalConnectionId,
            "vbrid" => FilterKey::VbrId,
            "status" => FilterKey::Status,
            "name" => FilterKey::Name,
            "accesspointid" => FilterKey::AccessPointId,
            "eccid" => FilterKey::EccId,
            "type" => FilterKey::Type,
            _ => return None,
        })
    }

    fn field(self, vbr: &Vbr) -> &str {
        let at = &vbr.attrs;
        match self {
            FilterKey::PhysicalConnectionId => &at.physical_connection_id,
            FilterKey::VbrId => &at.vbr_id,
            FilterKey::Status => &at.status,
            FilterKey::Name => &at.name,
            FilterKey::AccessPointId => &at.access_point_id,
            FilterKey::EccId => &at.ecc_id,
            FilterKey::Type => &at.kind,
        }
    }
}

/// `Filter.N.Key` / `Filter.N.Value.M` as (key, values), at most 5 filters. A bare `Filter.N.Value`
/// counts as one value.
fn filters(cx: &Ctx) -> Result<Vec<(FilterKey, Vec<String>)>, EmuError> {
    let mut keys: Vec<(u32, FilterKey)> = Vec::new();
    let mut values: Vec<(u32, String)> = Vec::new();
    for (k, v) in cx.args.pairs() {
        let Some(rest) = k.strip_prefix("Filter.") else {
            continue;
        };
        let parsed = rest.split_once('.').and_then(|(n, tail)| {
            let n = n.parse::<u32>().ok()?;
            if tail == "Key" {
                Some((n, None))
            } else if tail == "Value" {
                Some((n, Some(())))
            } else {
                let m = tail.strip_prefix("Value.")?;
                m.parse::<u32>().ok()?;
                Some((n, Some(())))
            }
        });
        match parsed {
            None => return Err(invalid(k)),
            Some((n, None)) => {
                let key = FilterKey::parse(v).ok_or_else(|| invalid(k))?;
                if !keys.iter().any(|(m, _)| *m == n) {
                    keys.push((n, key));
                }
            }
            Some((n, Some(()))) => values.push((n, v.to_string())),
        }
    }
    if keys.len() > 5 {
        return Err(invalid("Filter"));
    }
    keys.sort_by_key(|(n, _)| *n);
    Ok(keys
        .into_iter()
        .map(|(n, key)| {
            let vals = values
                .iter()
                .filter(|(m, _)| *m == n)
                .map(|(_, v)| v.clone())
                .collect();
            (key, vals)
        })
        .collect())
}

/// `Tags.N.Key` / `Tags.N.Value` as (key, optional value).
fn tag_filters(cx: &Ctx) -> Vec<(String, Option<String>)> {
    let mut out: Vec<(u32, String, Option<String>)> = Vec::new();
    for (k, v) in cx.args.pairs() {
        let Some((n, tail)) = k.strip_prefix("Tags.").and_then(|r| r.split_once('.')) else {
            continue;
        };
        let Ok(n) = n.parse::<u32>() else { continue };
        if tail == "Key" && !v.is_empty() && !out.iter().any(|(m, _, _)| *m == n) {
            out.push((n, v.to_string(), None));
        }
    }
    for (k, v) in cx.args.pairs() {
        let Some((n, tail)) = k.strip_prefix("Tags.").and_then(|r| r.split_once('.')) else {
            continue;
        };
        if tail != "Value" || v.is_empty() {
            continue;
        }
        let Ok(n) = n.parse::<u32>() else { continue };
        if let Some(e) = out.iter_mut().find(|(m, _, _)| *m == n) {
            e.2.get_or_insert_with(|| v.to_string());
        }
    }
    out.into_iter().map(|(_, k, v)| (k, v)).collect()
}

pub(super) fn describe_vbrs(world: &World, cx: &Ctx) -> Result<JsonObject, EmuError> {
    let a = &cx.args;
    let region = cx.region(world)?;
    let paging = a.paging()?;
    a.bool("IncludeCrossAccountVbr")?;
    let filters = filters(cx)?;
    let tags = tag_filters(cx);
    let resource_group = a.opt("ResourceGroupId");
    let rows: Vec<&Vbr> = world
        .vbrs_in(&region.region_id)
        .filter(|v| {
            filters
                .iter()
                .all(|(key, values)| values.is_empty() || values.iter().any(|x| x == key.field(v)))
        })
        .filter(|v| {
            tags.iter().all(|(k, val)| {
                v.attrs
                    .tags
                    .tags
                    .iter()
                    .any(|t| &t.key == k && val.as_ref().is_none_or(|x| x == &t.value))
            })
        })
        .filter(|v| resource_group.is_none_or(|rg| rg == v.attrs.resource_group_id))
        .collect();
    let total = rows.len();
    let items: Vec<model::Vbr<&str>> = paging
        .slice(&rows)
        .iter()
        .map(|v| vbr_item(&v.attrs))
        .collect();
    page_body::<model::Vbr<&str>>(paging, total, items)
}

/// One DescribeVirtualBorderRouters item, in the API's model, borrowing the world's text. The
/// nested sets (CENs, physical connections, tags) are JSON the model does not type.
fn vbr_item(a: &VbrAttributes) -> model::Vbr<&str> {
    fn json(v: &impl serde::Serialize) -> serde_json::Value {
        serde_json::to_value(v).unwrap_or_default()
    }
    model::Vbr {
        access_point_id: a.access_point_id.as_str().into(),
        activation_time: a.activation_time.as_str().into(),
        associated_cens: json(&a.associated_cens).into(),
        associated_physical_connections: json(&a.associated_physical_connections).into(),
        bandwidth: i64::from(a.bandwidth).into(),
        circuit_code: a.circuit_code.as_str().into(),
        cloud_box_instance_id: a.cloud_box_instance_id.as_str().into(),
        creation_time: a.creation_time.as_str().into(),
        description: a.description.as_str().into(),
        detect_multiplier: a.detect_multiplier.into(),
        ecc_id: a.ecc_id.as_str().into(),
        ecr_attatch_status: a.ecr_attatch_status.as_str().into(),
        ecr_id: a.ecr_id.as_str().into(),
        ecr_owner_id: a.ecr_owner_id.as_str().into(),
        enable_ipv6: a.enable_ipv6.into(),
        local_gateway_ip: a.local_gateway_ip.as_str().into(),
        local_ipv6_gateway_ip: a.local_ipv6_gateway_ip.as_str().into(),
        min_rx_interval: a.min_rx_interval.into(),
        min_tx_interval: a.min_tx_interval.into(),
        mtu: i64::from(a.mtu).into(),
        name: a.name.as_str().into(),
        p_conn_vbr_charge_type: a.p_conn_vbr_charge_type.as_str().into(),
        p_conn_vbr_expire_time: a.p_conn_vbr_expire_time.as_str().into(),
        peer_gateway_ip: a.peer_gateway_ip.as_str().into(),
        peer_ipv6_gateway_ip: a.peer_ipv6_gateway_ip.as_str().into(),
        peering_ipv6_subnet_mask: a.peering_ipv6_subnet_mask.as_str().into(),
        peering_subnet_mask: a.peering_subnet_mask.as_str().into(),
        physical_connection_business_status: a.physical_connection_business_status.as_str().into(),
        physical_connection_id: a.physical_connection_id.as_str().into(),
        physical_connection_owner_uid: a.physical_connection_owner_uid.as_str().into(),
        physical_connection_status: a.physical_connection_status.as_str().into(),
        recovery_time: a.recovery_time.as_str().into(),
        resource_group_id: a.resource_group_id.as_str().into(),
        route_table_id: a.route_table_id.as_str().into(),
        sitelink_enable: a.sitelink_enable.into(),
        status: a.status.as_str().into(),
        tags: json(&a.tags).into(),
        termination_time: a.termination_time.as_str().into(),
        kind: a.kind.as_str().into(),
        vbr_id: a.vbr_id.as_str().into(),
        vlan_id: i64::from(a.vlan_id).into(),
        vlan_interface_id: a.vlan_interface_id.as_str().into(),
        extra: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{assert_describe_snapshot, describe_text, world_in_every_phase};

    #[test]
    fn describe_vbrs_answers_are_pinned() {
        let w = world_in_every_phase();
        for (region, page) in [
            ("cn-shanghai", "1"),
            ("cn-shanghai", "2"),
            ("cn-hangzhou", "1"),
        ] {
            let text = describe_text(
                &w,
                "DescribeVirtualBorderRouters",
                &[
                    ("RegionId", region),
                    ("PageNumber", page),
                    ("PageSize", "50"),
                ],
            );
            assert_describe_snapshot(&format!("describe_vbrs_{region}_page_{page}"), &text);
        }
    }
}
