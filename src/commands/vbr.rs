//! `bgpeer vbr ...`: the VBR list, and the whole BGP picture of one VBR.

use serde_json::{Map, Value};

use super::resource::read_region;
use super::CliError;
use super::Context;
use crate::api::model::{to_json, BgpGroup, BgpNetwork, BgpPeer, Vbr};
use crate::api::validate::{self, Naming, Validator};
use crate::api::vbr::{self as api, COLUMNS, SHOW_COLUMNS};
use crate::api::{group, network, peer};
use crate::cli::vbr::{VbrCommand, VbrListArgs, VbrShowArgs};

/// How `vbr show`, `vbr check` and `watch` name their VBR argument in validation messages.
pub(crate) const VBR_ID_ARG: validate::Field = validate::Field {
    flag: "VBR_ID",
    param: "RouterId",
    key: "vbr_id",
};

pub async fn run(ctx: &Context, cmd: VbrCommand) -> anyhow::Result<()> {
    match cmd {
        VbrCommand::List(args) => list(ctx, args).await,
        VbrCommand::Show(args) => show(ctx, args).await,
        VbrCommand::Check(args) => super::health::check::run(ctx, args).await,
    }
}

async fn describe_vbrs(
    ctx: &Context,
    filters: &[(&str, &[String])],
    limit: Option<usize>,
) -> anyhow::Result<Vec<Vbr>> {
    let region = read_region(ctx)?;
    let client = ctx.client().await?;
    api::list(client, &region, filters, limit).await
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
    super::emit::emit_list(ctx, vbrs.iter().map(to_json), COLUMNS)
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
        .find(|v| v.vbr_id.as_str() == Some(id.as_str()))
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
    let view = assemble(&vbr, groups, &peers, &networks);
    super::emit::emit_vbr_view(ctx, &view, SHOW_COLUMNS)
}

/// The nested view: the VBR's fields, `BgpGroups[]` each with its `BgpPeers[]`, and
/// `BgpNetworks[]`. Peers whose group is not in the list (a race with a delete) are dropped.
pub fn assemble(
    vbr: &Vbr,
    groups: Vec<BgpGroup>,
    peers: &[BgpPeer],
    networks: &[BgpNetwork],
) -> Value {
    let mut out: Map<String, Value> = match to_json(vbr) {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    let groups: Vec<Value> = groups
        .into_iter()
        .map(|g| {
            let mine: Vec<Value> = peers
                .iter()
                .filter(|p| p.bgp_group_id == g.bgp_group_id)
                .map(to_json)
                .collect();
            let mut g = to_json(&g);
            if let Value::Object(map) = &mut g {
                map.insert("BgpPeers".into(), Value::Array(mine));
            }
            g
        })
        .collect();
    out.insert("BgpGroups".into(), Value::Array(groups));
    out.insert(
        "BgpNetworks".into(),
        Value::Array(networks.iter().map(to_json).collect()),
    );
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn decode<T: serde::de::DeserializeOwned>(v: Value) -> T {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn peers_nest_under_their_group() {
        let view = assemble(
            &decode(json!({"VbrId": "vbr-1", "VlanId": 10})),
            vec![
                decode(json!({"BgpGroupId": "bgpg-a"})),
                decode(json!({"BgpGroupId": "bgpg-b"})),
            ],
            &[
                decode(json!({"BgpPeerId": "bgp-1", "BgpGroupId": "bgpg-a"})),
                decode(json!({"BgpPeerId": "bgp-2", "BgpGroupId": "bgpg-a"})),
                decode(json!({"BgpPeerId": "bgp-3", "BgpGroupId": "bgpg-gone"})),
            ],
            &[decode(json!({"DstCidrBlock": "10.0.0.0/24"}))],
        );
        assert_eq!(view["VbrId"], "vbr-1");
        assert_eq!(
            view["BgpGroups"][0]["BgpPeers"].as_array().unwrap().len(),
            2
        );
        assert_eq!(view["BgpGroups"][1]["BgpPeers"], json!([]));
        assert_eq!(view["BgpNetworks"][0]["DstCidrBlock"], "10.0.0.0/24");
    }
}
