//! `bgpeer peer ...`

use std::collections::{BTreeMap, HashMap};

use anyhow::Context as _;
use serde_json::{json, Value};

use super::CliError;
use super::Context;
use crate::api::peer::{self as api, CreatePeer, ModifyPeer, PeerFilter};
use crate::api::validate::{self, Naming};
use crate::api::wait::{self, Target};
use crate::cli::peer::{
    PeerCommand, PeerCreateArgs, PeerDeleteArgs, PeerListArgs, PeerShowArgs, PeerUpdateArgs,
    PeerWaitArgs,
};

use super::bulk::{self, ItemReader, Outcome, Prepared};
use super::mutation::{self, confirm, prepare, print_dry_run};

pub async fn run(ctx: &Context, cmd: PeerCommand) -> anyhow::Result<()> {
    match cmd {
        PeerCommand::List(a) => list(ctx, a).await,
        PeerCommand::Show(a) => show(ctx, a).await,
        PeerCommand::Create(a) => create(ctx, a).await,
        PeerCommand::Update(a) => update(ctx, a).await,
        PeerCommand::Delete(a) => delete(ctx, a).await,
        PeerCommand::Wait(a) => wait_cmd(ctx, a).await,
    }
}

/// Output-only fields of a peer: accepted (and ignored) in bulk files so list output can be fed back.
const PEER_OUTPUT_FIELDS: &[&str] = &[
    "BgpPeerId",
    "BgpGroupId",
    "Name",
    "Description",
    "PeerIpAddress",
    "PeerAsn",
    "LocalAsn",
    "AuthKey",
    "IsFake",
    "EnableBfd",
    "BfdMultiHop",
    "Hold",
    "Keepalive",
    "RouteLimit",
    "IpVersion",
    "RouterId",
    "Status",
    "BgpStatus",
    "AdvertisedRouteCount",
    "ReceivedRouteCount",
    "GmtModified",
];

async fn list(ctx: &Context, a: PeerListArgs) -> anyhow::Result<()> {
    let region = mutation::read_region(ctx)?;
    let client = ctx.client().await?;
    let filter = PeerFilter {
        router_id: a.router_id,
        bgp_group_id: a.bgp_group_id,
        bgp_peer_id: a.bgp_peer_id,
    };
    let items = api::list(client, &region, &filter, a.limit)
        .await
        .context("cannot list BGP peers")?;
    super::emit::emit_list(ctx, items, api::COLUMNS)
}

/// The peer, or exit 3 naming it.
async fn fetch(ctx: &Context, region: &str, id: &str) -> anyhow::Result<Value> {
    let client = ctx.client().await?;
    api::get(client, region, id)
        .await
        .with_context(|| format!("cannot read BGP peer {id}"))?
        .ok_or_else(|| {
            let mut hint = "list peers with `bgpeer peer list`, and check --region".to_string();
            if !id.starts_with("bgp-") || id.starts_with("bgpg-") {
                hint.push_str("; BGP peer IDs start with bgp- (bgpg- is a group)");
            }
            CliError::not_found(format!("no BGP peer {id} in region {region}"), Some(hint)).into()
        })
}

async fn show(ctx: &Context, a: PeerShowArgs) -> anyhow::Result<()> {
    let region = mutation::read_region(ctx)?;
    let peer = fetch(ctx, &region, &a.id).await?;
    super::emit::emit_one(ctx, &peer, api::COLUMNS)
}

/// What `read_back` reads: a BGP peer.
struct Peer;

impl mutation::ReadBack for Peer {
    const NOUN: &'static str = "peer";
    const ID_FIELD: &'static str = "BgpPeerId";
    fn get<'a>(
        client: &'a crate::client::Client,
        region: &'a str,
        id: &'a str,
    ) -> impl std::future::Future<Output = anyhow::Result<Option<Value>>> + 'a {
        api::get(client, region, id)
    }
}

async fn create(ctx: &Context, a: PeerCreateArgs) -> anyhow::Result<()> {
    if let Some(path) = &a.bulk.from_file {
        bulk::reject_wait(a.wait.wait)?;
        return create_bulk(ctx, &a, path).await;
    }
    let (region, v) = prepare(ctx, &a.mutation, Naming::Flags)?;
    let op = CreatePeer {
        bgp_group_id: a.bgp_group_id.clone().unwrap_or_default(),
        peer_ip_address: a.peer_ip_address,
        enable_bfd: a.enable_bfd,
        bfd_multi_hop: a.bfd_multi_hop,
        ip_version: a.ip_version,
    };
    op.validate(&v)?;
    let request = op.request(&region, &mutation::client_token(&a.mutation));
    if a.mutation.dry_run {
        return print_dry_run(ctx, &[request]);
    }
    let client = ctx.client().await?;
    let answer = request
        .send(client)
        .await
        .with_context(|| format!("cannot create a BGP peer in group {}", op.bgp_group_id))?;
    let id = answer
        .get("BgpPeerId")
        .and_then(Value::as_str)
        .ok_or_else(|| anyhow::anyhow!("CreateBgpPeer answered without a BgpPeerId: {answer}"))?
        .to_string();
    let peer =
        mutation::read_back::<Peer>(ctx, &region, &id, a.wait.wait.then_some(&a.wait.limits))
            .await?;
    super::emit::emit_one(ctx, &peer, api::COLUMNS)
}

async fn create_bulk(ctx: &Context, a: &PeerCreateArgs, path: &str) -> anyhow::Result<()> {
    let (region, _) = prepare(ctx, &a.mutation, Naming::Params)?;
    let v = bulk::item_validator(&a.mutation);
    let items = bulk::read_items(path)?;
    let prepared = bulk::prepare_all(&items, |item| {
        let r = ItemReader {
            item,
            known: &[
                "BgpGroupId",
                "PeerIpAddress",
                "EnableBfd",
                "BfdMultiHop",
                "IpVersion",
                "ClientToken",
            ],
            ignored: PEER_OUTPUT_FIELDS,
        };
        r.check_fields(&region)?;
        let op = CreatePeer {
            bgp_group_id: r.req_str("BgpGroupId")?,
            peer_ip_address: r.opt_str("PeerIpAddress")?,
            enable_bfd: r.opt_bool("EnableBfd")?,
            bfd_multi_hop: r.opt_int("BfdMultiHop")?,
            ip_version: r.opt_ip_version("IpVersion")?,
        };
        op.validate(&v).map_err(|e| r.place_err(e))?;
        let token = r.client_token(&v, a.mutation.client_token.as_deref())?;
        Ok(Prepared {
            index: item.index,
            request: op.request(&region, &token),
            echo: json!({
                "BgpGroupId": op.bgp_group_id,
                "PeerIpAddress": op.peer_ip_address,
                "ClientToken": token,
            }),
        })
    })?;
    if a.mutation.dry_run {
        return print_dry_run(ctx, prepared.iter().map(|p| &p.request));
    }
    let pacer = bulk::Pacer::new(ctx, prepared.len(), &a.bulk).await?;
    let outcomes = bulk::send_all(ctx, &pacer, &prepared, &a.bulk, "creating peers").await?;
    // Read the created peers back with one list per group instead of one call per peer.
    let mut by_group: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (p, o) in prepared.iter().zip(&outcomes) {
        if let Outcome::Sent(answer) = o {
            if let Some(id) = answer.get("BgpPeerId").and_then(Value::as_str) {
                let group = p.request.get("BgpGroupId").unwrap_or_default().to_string();
                by_group.entry(group).or_default().push(id.to_string());
            }
        }
    }
    let lists = bulk::read_back(ctx, &pacer, by_group.into_keys(), |client, group| {
        let filter = PeerFilter {
            bgp_group_id: Some(group),
            ..Default::default()
        };
        let region = &region;
        async move { api::list(&client, region, &filter, None).await }
    })
    .await;
    let mut found: HashMap<String, Value> = HashMap::new();
    for p in lists.into_iter().flatten() {
        if let Some(id) = p.get("BgpPeerId").and_then(Value::as_str) {
            found.insert(id.to_string(), p);
        }
    }
    // Each resource is moved into its result, and each result printed as it is built.
    let results = prepared.iter().zip(&outcomes).map(|(p, o)| match o {
        Outcome::Sent(answer) => {
            let id = answer
                .get("BgpPeerId")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let resource = found
                .remove(id)
                .unwrap_or_else(|| json!({ "BgpPeerId": id }));
            bulk::result_object(p.index, &p.echo, Ok(resource))
        }
        other => bulk::result_object(p.index, &p.echo, Err(other)),
    });
    bulk::finish(
        ctx,
        results,
        &outcomes,
        "created",
        &[
            "Index",
            "Ok",
            "Resource.BgpPeerId",
            "Resource.PeerIpAddress",
            "Resource.Status",
            "Error.Code",
            "Error.Message",
        ],
    )
}

async fn update(ctx: &Context, a: PeerUpdateArgs) -> anyhow::Result<()> {
    let (region, v) = prepare(ctx, &a.mutation, Naming::Flags)?;
    let op = ModifyPeer {
        bgp_peer_id: a.id,
        bgp_group_id: a.bgp_group_id,
        peer_ip_address: a.peer_ip_address,
        enable_bfd: a.enable_bfd,
        bfd_multi_hop: a.bfd_multi_hop,
    };
    op.validate(&v)?;
    if op.is_empty() {
        return Err(CliError::usage(
            "nothing to change",
            Some("give at least one of --bgp-group-id, --peer-ip-address, --enable-bfd, --bfd-multi-hop".to_string()),
        )
        .into());
    }
    let token = mutation::client_token(&a.mutation);
    // IP family and BFD checks depend on the peer as it is; a dry run without those reads what
    // it can: only static checks, and the request as given.
    if a.mutation.dry_run {
        return print_dry_run(ctx, &[op.request(&region, &token, None)]);
    }
    let current = fetch(ctx, &region, &op.bgp_peer_id).await?;
    op.validate_against(&v, &current)?;
    let client = ctx.client().await?;
    op.request(&region, &token, Some(&current))
        .send(client)
        .await
        .with_context(|| format!("cannot update BGP peer {}", op.bgp_peer_id))?;
    let peer = mutation::read_back::<Peer>(
        ctx,
        &region,
        &op.bgp_peer_id,
        a.wait.wait.then_some(&a.wait.limits),
    )
    .await?;
    super::emit::emit_one(ctx, &peer, api::COLUMNS)
}

async fn delete(ctx: &Context, a: PeerDeleteArgs) -> anyhow::Result<()> {
    if let Some(path) = &a.bulk.from_file {
        bulk::reject_wait(a.wait.wait)?;
        return delete_bulk(ctx, &a, path).await;
    }
    let (region, v) = prepare(ctx, &a.mutation, Naming::Flags)?;
    let id = a.id.clone().unwrap_or_default();
    v.id(validate::BGP_PEER_ID_ARG, &id)?;
    let request = api::delete_request(&region, &id, &mutation::client_token(&a.mutation));
    if a.mutation.dry_run {
        return print_dry_run(ctx, &[request]);
    }
    confirm(ctx, &format!("delete BGP peer {id}"))?;
    let client = ctx.client().await?;
    let answer = request
        .send(client)
        .await
        .with_context(|| format!("cannot delete BGP peer {id}"))?;
    if a.wait.wait {
        let opts = mutation::wait_options(ctx, &a.wait.limits)?;
        let poller = mutation::wait_client(ctx, &opts, 1).await?;
        wait::wait_for(&format!("peer {id}"), Target::Deleted, &opts, || {
            api::get(&poller, &region, &id)
        })
        .await?;
    }
    let result = json!({
        "BgpPeerId": id,
        "RequestId": answer.get("RequestId").cloned().unwrap_or(Value::Null),
    });
    super::emit::emit_one(ctx, &result, &["BgpPeerId", "RequestId"])
}

async fn delete_bulk(ctx: &Context, a: &PeerDeleteArgs, path: &str) -> anyhow::Result<()> {
    let (region, _) = prepare(ctx, &a.mutation, Naming::Params)?;
    let v = bulk::item_validator(&a.mutation);
    if !a.mutation.dry_run {
        mutation::require_confirmation_possible(
            ctx,
            &format!("delete the BGP peers listed in {path}"),
        )?;
    }
    let items = bulk::read_items(path)?;
    let prepared = bulk::prepare_all(&items, |item| {
        let r = ItemReader {
            item,
            known: &["BgpPeerId", "ClientToken"],
            ignored: PEER_OUTPUT_FIELDS,
        };
        r.check_fields(&region)?;
        let id = r.req_str("BgpPeerId")?;
        v.id(validate::BGP_PEER_ID, &id)
            .map_err(|e| r.place_err(e))?;
        let token = r.client_token(&v, a.mutation.client_token.as_deref())?;
        Ok(Prepared {
            index: item.index,
            request: api::delete_request(&region, &id, &token),
            echo: json!({ "BgpPeerId": id, "ClientToken": token }),
        })
    })?;
    if a.mutation.dry_run {
        return print_dry_run(ctx, prepared.iter().map(|p| &p.request));
    }
    confirm(
        ctx,
        &format!("delete {} BGP peer(s) listed in {path}", prepared.len()),
    )?;
    let pacer = bulk::Pacer::new(ctx, prepared.len(), &a.bulk).await?;
    let outcomes = bulk::send_all(ctx, &pacer, &prepared, &a.bulk, "deleting peers").await?;
    bulk::finish_removal(ctx, &prepared, &outcomes, &["BgpPeerId"], "deleted")
}

async fn wait_cmd(ctx: &Context, a: PeerWaitArgs) -> anyhow::Result<()> {
    let region = mutation::read_region(ctx)?;
    let opts = mutation::wait_options(ctx, &a.limits)?;
    // A peer that never existed is a lookup error (exit 3), not something to wait for.
    let first = fetch_or_gone(ctx, &region, &a.id, a.until).await?;
    let poller = mutation::wait_client(ctx, &opts, 1).await?;
    let client = &poller;
    let mut first = Some(first);
    let last = wait::wait_for(&format!("peer {}", a.id), a.until, &opts, || {
        let cached = first.take();
        let id = a.id.clone();
        let region = region.clone();
        async move {
            match cached {
                Some(v) => Ok(v),
                None => api::get(client, &region, &id).await,
            }
        }
    })
    .await?;
    match last {
        Some(peer) => super::emit::emit_one(ctx, &peer, api::COLUMNS),
        None => super::emit::emit_one(
            ctx,
            &json!({ "BgpPeerId": a.id, "Status": "Deleted" }),
            api::COLUMNS,
        ),
    }
}

/// The peer's first state; absent is fine only when waiting for deletion.
async fn fetch_or_gone(
    ctx: &Context,
    region: &str,
    id: &str,
    until: Target,
) -> anyhow::Result<Option<Value>> {
    if until == Target::Deleted {
        let client = ctx.client().await?;
        return api::get(client, region, id).await;
    }
    Ok(Some(fetch(ctx, region, id).await?))
}
