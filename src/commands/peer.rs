//! `bgpeer peer ...`

use std::sync::Arc;

use anyhow::Context as _;
use serde_json::Value;

use super::bulk::{self, BulkRemoval, ItemReader, Outcome, Prepared};
use super::dry_run::print_dry_run;
use super::emit::ListWriter;
use super::resource::{self, client_token, fetch, prepare, read_region, Removal};
use super::CliError;
use super::Context;
use crate::api::model::{to_json, BgpGroup, BgpPeer, Model};
use crate::api::peer::{self as api, CreatePeer, ModifyPeer, PeerFilter};
use crate::api::resource::Resource;
use crate::api::validate::{self, Naming};
use crate::api::wait::{self, Target};
use crate::cli::peer::{
    PeerCommand, PeerCreateArgs, PeerDeleteArgs, PeerListArgs, PeerShowArgs, PeerUpdateArgs,
    PeerWaitArgs,
};
use crate::client::Client;

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

async fn list(ctx: &Context, a: PeerListArgs) -> anyhow::Result<()> {
    let region = read_region(ctx)?;
    let client = ctx.client().await?;
    let filter = PeerFilter {
        router_id: a.router_id,
        bgp_group_id: a.bgp_group_id,
        bgp_peer_id: a.bgp_peer_id,
    };
    let items = api::list(client, &region, &filter, a.limit)
        .await
        .context("cannot list BGP peers")?;
    resource::emit_list(ctx, items)
}

async fn show(ctx: &Context, a: PeerShowArgs) -> anyhow::Result<()> {
    resource::show::<BgpPeer>(ctx, &a.id).await
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
    let request = op.request(&region, &client_token(&a.mutation));
    if a.mutation.dry_run {
        return print_dry_run(ctx, &[request]);
    }
    let client = ctx.client().await?;
    let answer = request
        .send(client)
        .await
        .with_context(|| format!("cannot create a BGP peer in group {}", op.bgp_group_id))?;
    let id = answer
        .get(BgpPeer::ID_FIELD)
        .and_then(Value::as_str)
        .ok_or_else(|| anyhow::anyhow!("CreateBgpPeer answered without a BgpPeerId: {answer}"))?;
    resource::print_by_id::<BgpPeer>(ctx, &region, id, &a.wait).await
}

async fn create_bulk(ctx: &Context, a: &PeerCreateArgs, path: &str) -> anyhow::Result<()> {
    let (region, _) = prepare(ctx, &a.mutation, Naming::Params)?;
    let v = bulk::item_validator(&a.mutation);
    let items = bulk::read_items(ctx, path)?;
    let prepared = bulk::prepare_all(&items, |item| {
        let r = ItemReader {
            item,
            known: &[
                BgpGroup::ID_FIELD,
                "PeerIpAddress",
                "EnableBfd",
                "BfdMultiHop",
                "IpVersion",
                "ClientToken",
            ],
            ignored: BgpPeer::FIELDS,
        };
        r.check_fields(&region)?;
        let op = CreatePeer {
            bgp_group_id: r.req_str(BgpGroup::ID_FIELD)?,
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
            echo: {
                let mut echo = to_json(&BgpPeer {
                    bgp_group_id: op.bgp_group_id.clone().into(),
                    peer_ip_address: op.peer_ip_address.clone().into(),
                    ..Default::default()
                });
                echo["ClientToken"] = token.into();
                echo
            },
        })
    })?;
    if a.mutation.dry_run {
        return print_dry_run(ctx, prepared.iter().map(|p| &p.request));
    }
    let mut out = ListWriter::new(
        ctx,
        &[
            "Index",
            "Ok",
            "Resource.BgpPeerId",
            "Resource.PeerIpAddress",
            "Resource.Status",
            "Error.Code",
            "Error.Message",
        ],
    )?;
    let pacer = bulk::Pacer::new(ctx, prepared.len(), &a.bulk).await?;
    let region = &region;
    // The created peers are read back with one list per group, once the group's items are done.
    let reporting = bulk::Reporting {
        key_of: |p: &Prepared| p.request.get(BgpGroup::ID_FIELD).map(str::to_string),
        read: |client: Arc<Client>, group: String| async move {
            let filter = PeerFilter {
                bgp_group_id: Some(group),
                ..Default::default()
            };
            api::list(&client, region, &filter, None).await
        },
        build: |p: &Prepared, o: &Outcome, listed: Option<&Vec<BgpPeer>>| match o {
            Outcome::Sent(answer) => {
                let id = answer
                    .get(BgpPeer::ID_FIELD)
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                let resource = listed
                    .and_then(|peers| {
                        peers
                            .iter()
                            .find(|peer| peer.bgp_peer_id.as_str() == Some(id))
                    })
                    .map(to_json)
                    .unwrap_or_else(|| to_json(&BgpPeer::named(&id.to_string())));
                bulk::result_object(p.index, &p.echo, Ok(resource))
            }
            other => bulk::result_object(p.index, &p.echo, Err(other)),
        },
    };
    let outcomes = bulk::send_and_report(
        ctx,
        &pacer,
        &prepared,
        &a.bulk,
        "creating peers",
        reporting,
        &mut out,
    )
    .await?;
    bulk::finish(ctx, out, &outcomes, "created")
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
    let token = client_token(&a.mutation);
    // IP family and BFD checks depend on the peer as it is; a dry run without those reads what
    // it can: only static checks, and the request as given.
    if a.mutation.dry_run {
        return print_dry_run(ctx, &[op.request(&region, &token, None)]);
    }
    let current: BgpPeer = fetch(ctx, &region, &op.bgp_peer_id).await?;
    op.validate_against(&v, &current)?;
    let client = ctx.client().await?;
    op.request(&region, &token, Some(&current))
        .send(client)
        .await
        .with_context(|| format!("cannot update BGP peer {}", op.bgp_peer_id))?;
    resource::print_by_id::<BgpPeer>(ctx, &region, &op.bgp_peer_id, &a.wait).await
}

async fn delete(ctx: &Context, a: PeerDeleteArgs) -> anyhow::Result<()> {
    if let Some(path) = &a.bulk.from_file {
        bulk::reject_wait(a.wait.wait)?;
        return bulk::delete_all::<BgpPeer, _>(
            ctx,
            &a.mutation,
            &a.bulk,
            path,
            BulkRemoval {
                verb: "delete",
                what: "BGP peer",
                progress: "deleting peers",
                done: "deleted",
                known: &[BgpPeer::ID_FIELD, "ClientToken"],
            },
            |r, v| {
                let id = r.req_str(BgpPeer::ID_FIELD)?;
                v.id(validate::BGP_PEER_ID, &id)
                    .map_err(|e| r.place_err(e))?;
                Ok(id)
            },
        )
        .await;
    }
    let (region, v) = prepare(ctx, &a.mutation, Naming::Flags)?;
    let id = a.id.clone().unwrap_or_default();
    v.id(validate::BGP_PEER_ID_ARG, &id)?;
    let what = format!("delete BGP peer {id}");
    let failed = format!("cannot delete BGP peer {id}");
    let says = Removal {
        what: &what,
        failed: &failed,
    };
    resource::delete::<BgpPeer>(ctx, &region, &id, &a.mutation, &a.wait, says).await
}

async fn wait_cmd(ctx: &Context, a: PeerWaitArgs) -> anyhow::Result<()> {
    let region = read_region(ctx)?;
    let opts = super::wait::wait_options(ctx, &a.limits)?;
    // A peer that never existed is a lookup error (exit 3), not something to wait for.
    let first = fetch_or_gone(ctx, &region, &a.id, a.until).await?;
    let poller = super::wait::wait_client(ctx, &opts, 1).await?;
    let client = &poller;
    let mut first = Some(first);
    let last = wait::wait_for(&BgpPeer::label(&a.id), a.until, &opts, || {
        let cached = first.take();
        let id = a.id.clone();
        let region = region.clone();
        async move {
            match cached {
                Some(v) => Ok(v),
                None => crate::api::resource::get::<BgpPeer>(client, &region, &id).await,
            }
        }
    })
    .await?;
    let peer = last.unwrap_or_else(|| BgpPeer {
        status: "Deleted".into(),
        ..BgpPeer::named(&a.id)
    });
    resource::emit_one(ctx, &peer)
}

/// The peer's first state; absent is fine only when waiting for deletion.
async fn fetch_or_gone(
    ctx: &Context,
    region: &str,
    id: &str,
    until: Target,
) -> anyhow::Result<Option<BgpPeer>> {
    if until == Target::Deleted {
        let client = ctx.client().await?;
        return crate::api::resource::get::<BgpPeer>(client, region, &id.to_string()).await;
    }
    Ok(Some(fetch(ctx, region, &id.to_string()).await?))
}
