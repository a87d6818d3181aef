//! `bgpeer vbr ...`: the VBR list, and the whole BGP picture of one VBR.

use serde_json::{Map, Value};

use super::CliError;
use super::Context;
use crate::api::pagination::list_all;
use crate::api::request::Request;
use crate::api::validate::{self, Naming, Validator};
use crate::api::{group, network, normalize, peer};
use crate::cli::vbr::{VbrCommand, VbrListArgs, VbrShowArgs};

/// Default columns of `vbr list` (fits 80 columns).
pub const COLUMNS: &[&str] = &["VbrId", "Name", "Status", "VlanId", "PeerGatewayIp"];

/// Default columns of `vbr show` for tsv and value (the table form is the tree).
pub const SHOW_COLUMNS: &[&str] = &["VbrId", "Name", "Status", "VlanId", "EnableIpv6"];

/// How `vbr show` names its argument in validation messages.
const VBR_ID_ARG: validate::Field = validate::Field {
    flag: "VBR_ID",
    param: "RouterId",
};

pub async fn run(ctx: &Context, cmd: VbrCommand) -> anyhow::Result<()> {
    match cmd {
        VbrCommand::List(args) => list(ctx, args).await,
        VbrCommand::Show(args) => show(ctx, args).await,
    }
}

/// One DescribeVirtualBorderRouters item with consistent types.
pub fn normalize(mut item: Value) -> Value {
    normalize::numbers(
        &mut item,
        &[
            "VlanId",
            "Bandwidth",
            "Mtu",
            "MinRxInterval",
            "MinTxInterval",
            "DetectMultiplier",
        ],
    );
    normalize::booleans(&mut item, &["EnableIpv6", "SitelinkEnable"]);
    item
}

/// `Filter.N.Key` / `Filter.N.Value.M` for each non-empty filter, in a stable order.
pub fn filter_params(filters: &[(&str, &[String])]) -> Vec<(String, String)> {
    let mut params = Vec::new();
    let mut n = 0;
    for (key, values) in filters {
        if values.is_empty() {
            continue;
        }
        n += 1;
        params.push((format!("Filter.{n}.Key"), key.to_string()));
        for (m, value) in values.iter().enumerate() {
            params.push((format!("Filter.{n}.Value.{}", m + 1), value.clone()));
        }
    }
    params
}

async fn describe_vbrs(
    ctx: &Context,
    filters: &[(&str, &[String])],
    limit: Option<usize>,
) -> anyhow::Result<Vec<Value>> {
    let region = ctx.region()?;
    Validator::new(&[], Naming::Flags).region_id(&region)?;
    let client = ctx.client().await?;
    let mut req = Request::new("DescribeVirtualBorderRouters").param("RegionId", &region);
    for (k, v) in filter_params(filters) {
        req = req.param(&k, v);
    }
    let items = list_all(client, req.action, &req.wire_params(), limit).await?;
    Ok(items.into_iter().map(normalize).collect())
}

async fn list(ctx: &Context, args: VbrListArgs) -> anyhow::Result<()> {
    let v = Validator::new(&[], Naming::Flags);
    for id in &args.vbr_ids {
        v.id(validate::ROUTER_ID, id)
            .map_err(|e| relabel(e, "--router-id", "--vbr-id"))?;
    }
    let filters: [(&str, &[String]); 5] = [
        ("VbrId", &args.vbr_ids),
        ("Status", &args.statuses),
        ("Name", &args.names),
        ("PhysicalConnectionId", &args.physical_connection_ids),
        ("AccessPointId", &args.access_point_ids),
    ];
    let vbrs = describe_vbrs(ctx, &filters, args.limit.map(|n| n as usize)).await?;
    super::emit::emit_list(ctx, vbrs, COLUMNS)
}

/// Validation names the flag the user typed.
fn relabel(e: crate::api::Error, from: &str, to: &str) -> crate::api::Error {
    match e {
        crate::api::Error::Usage { message, hint } => crate::api::Error::Usage {
            message: message.replacen(from, to, 1),
            hint,
        },
        other => other,
    }
}

async fn show(ctx: &Context, args: VbrShowArgs) -> anyhow::Result<()> {
    let id = args.vbr_id.trim().to_string();
    Validator::new(&args.no_validate, Naming::Flags).id(VBR_ID_ARG, &id)?;
    let ids = [id.clone()];
    let vbrs = describe_vbrs(ctx, &[("VbrId", &ids)], None).await?;
    let Some(vbr) = vbrs
        .into_iter()
        .find(|v| v.get("VbrId").and_then(Value::as_str) == Some(id.as_str()))
    else {
        return Err(CliError::not_found(
            format!("no VBR {id} in region {}", ctx.region()?),
            Some(
                "list the VBRs of the region with `bgpeer vbr list`, or pass --region".to_string(),
            ),
        )
        .into());
    };
    let region = ctx.region()?;
    let client = ctx.client().await?;
    let group_filter = group::GroupFilter {
        router_id: Some(id.clone()),
        ..Default::default()
    };
    let peer_filter = peer::PeerFilter {
        router_id: Some(id.clone()),
        ..Default::default()
    };
    let (groups, peers, networks) = tokio::try_join!(
        group::list(client, &region, &group_filter, None),
        peer::list(client, &region, &peer_filter, None),
        network::list(client, &region, Some(&id), None),
    )?;
    let view = assemble(vbr, groups, peers, networks);
    super::emit::emit_vbr_view(ctx, &view, SHOW_COLUMNS)
}

/// The nested view: the VBR's fields, `BgpGroups[]` each with its `BgpPeers[]`, and
/// `BgpNetworks[]`. Peers whose group is not in the list (a race with a delete) are dropped.
pub fn assemble(vbr: Value, groups: Vec<Value>, peers: Vec<Value>, networks: Vec<Value>) -> Value {
    let mut out: Map<String, Value> = match vbr {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    let groups: Vec<Value> = groups
        .into_iter()
        .map(|mut g| {
            let gid = g.get("BgpGroupId").cloned();
            let mine: Vec<Value> = peers
                .iter()
                .filter(|p| p.get("BgpGroupId") == gid.as_ref())
                .cloned()
                .collect();
            if let Value::Object(map) = &mut g {
                map.insert("BgpPeers".into(), Value::Array(mine));
            }
            g
        })
        .collect();
    out.insert("BgpGroups".into(), Value::Array(groups));
    out.insert("BgpNetworks".into(), Value::Array(networks));
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn filters_become_numbered_keys_and_values() {
        let ids = vec!["vbr-1".to_string(), "vbr-2".to_string()];
        let none: Vec<String> = vec![];
        let status = vec!["active".to_string()];
        let p = filter_params(&[("VbrId", &ids), ("Name", &none), ("Status", &status)]);
        let p: Vec<(&str, &str)> = p.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(
            p,
            [
                ("Filter.1.Key", "VbrId"),
                ("Filter.1.Value.1", "vbr-1"),
                ("Filter.1.Value.2", "vbr-2"),
                ("Filter.2.Key", "Status"),
                ("Filter.2.Value.1", "active"),
            ]
        );
    }

    #[test]
    fn peers_nest_under_their_group() {
        let view = assemble(
            json!({"VbrId": "vbr-1", "VlanId": 10}),
            vec![
                json!({"BgpGroupId": "bgpg-a"}),
                json!({"BgpGroupId": "bgpg-b"}),
            ],
            vec![
                json!({"BgpPeerId": "bgp-1", "BgpGroupId": "bgpg-a"}),
                json!({"BgpPeerId": "bgp-2", "BgpGroupId": "bgpg-a"}),
                json!({"BgpPeerId": "bgp-3", "BgpGroupId": "bgpg-gone"}),
            ],
            vec![json!({"DstCidrBlock": "10.0.0.0/24"})],
        );
        assert_eq!(view["VbrId"], "vbr-1");
        assert_eq!(
            view["BgpGroups"][0]["BgpPeers"].as_array().unwrap().len(),
            2
        );
        assert_eq!(view["BgpGroups"][1]["BgpPeers"], json!([]));
        assert_eq!(view["BgpNetworks"][0]["DstCidrBlock"], "10.0.0.0/24");
    }

    #[test]
    fn vbr_fields_get_consistent_types() {
        let v = normalize(json!({"VlanId": "100", "EnableIpv6": "true", "Name": "x"}));
        assert_eq!(v, json!({"VlanId": 100, "EnableIpv6": true, "Name": "x"}));
    }
}
