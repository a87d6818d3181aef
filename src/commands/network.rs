//! `bgpeer network ...`

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Context as _;
use serde_json::{json, Value};

use super::Context;
use crate::api::network::{self as api, same_cidr, AddNetwork, DeleteNetwork};
use crate::api::validate::Naming;
use crate::api::wait::{self, Target};
use crate::cli::network::{NetworkAddArgs, NetworkCommand, NetworkDeleteArgs, NetworkListArgs};

use super::bulk::{self, ItemReader, Outcome, Prepared};
use super::mutation::{self, confirm, prepare, print_dry_run};

pub async fn run(ctx: &Context, cmd: NetworkCommand) -> anyhow::Result<()> {
    match cmd {
        NetworkCommand::List(a) => list(ctx, a).await,
        NetworkCommand::Add(a) => add(ctx, a).await,
        NetworkCommand::Delete(a) => delete(ctx, a).await,
    }
}

const NETWORK_FIELDS: &[&str] = &["RouterId", "DstCidrBlock", "VpcId", "Status"];

async fn list(ctx: &Context, a: NetworkListArgs) -> anyhow::Result<()> {
    let region = mutation::read_region(ctx)?;
    let client = ctx.client().await?;
    let client_side = a.dst_cidr_block.is_some() || a.vpc_id.is_some();
    // Client-side filters need every page before --limit applies.
    let fetch_limit = if client_side { None } else { a.limit };
    let mut items = api::list(client, &region, a.router_id.as_deref(), fetch_limit)
        .await
        .context("cannot list BGP networks")?;
    if let Some(cidr) = &a.dst_cidr_block {
        items.retain(|n| {
            n.get("DstCidrBlock")
                .and_then(Value::as_str)
                .is_some_and(|c| same_cidr(c, cidr))
        });
    }
    if let Some(vpc) = &a.vpc_id {
        items.retain(|n| n.get("VpcId").and_then(Value::as_str) == Some(vpc.as_str()));
    }
    if let Some(limit) = a.limit {
        items.truncate(limit);
    }
    super::emit::emit_list(ctx, items, api::COLUMNS)
}

async fn add(ctx: &Context, a: NetworkAddArgs) -> anyhow::Result<()> {
    if let Some(path) = &a.bulk.from_file {
        bulk::reject_wait(a.wait.wait)?;
        return add_bulk(ctx, &a, path).await;
    }
    let (region, v) = prepare(ctx, &a.mutation, Naming::Flags)?;
    let op = AddNetwork {
        router_id: a.router_id.clone().unwrap_or_default(),
        dst_cidr_block: a.dst_cidr_block.clone().unwrap_or_default(),
        vpc_id: a.vpc_id.clone(),
    };
    op.validate(&v)?;
    let request = op.request(&region, &mutation::client_token(&a.mutation));
    if a.mutation.dry_run {
        return print_dry_run(ctx, &[request]);
    }
    let client = ctx.client().await?;
    request.send(client).await.with_context(|| {
        format!(
            "cannot advertise {} on VBR {}",
            op.dst_cidr_block, op.router_id
        )
    })?;
    let current = if a.wait.wait {
        let opts = mutation::wait_options(ctx, &a.wait.limits)?;
        let poller = mutation::wait_client(ctx, &opts, 1).await?;
        let what = format!("network {} on {}", op.dst_cidr_block, op.router_id);
        wait::wait_for(&what, Target::Available, &opts, || {
            api::get(&poller, &region, &op.router_id, &op.dst_cidr_block)
        })
        .await?
    } else {
        api::get(client, &region, &op.router_id, &op.dst_cidr_block).await?
    };
    let network = current.unwrap_or_else(|| {
        ctx.notice("warning: the network is not listed yet; printing what was sent");
        json!({"RouterId": op.router_id, "DstCidrBlock": op.dst_cidr_block, "VpcId": op.vpc_id})
    });
    super::emit::emit_one(ctx, &network, api::COLUMNS)
}

async fn add_bulk(ctx: &Context, a: &NetworkAddArgs, path: &str) -> anyhow::Result<()> {
    let (region, _) = prepare(ctx, &a.mutation, Naming::Params)?;
    let v = bulk::item_validator(&a.mutation);
    let items = bulk::read_items(path)?;
    let prepared = bulk::prepare_all(&items, |item| {
        let r = ItemReader {
            item,
            known: &["RouterId", "DstCidrBlock", "VpcId", "ClientToken"],
            ignored: NETWORK_FIELDS,
        };
        r.check_fields(&region)?;
        let op = AddNetwork {
            router_id: r.req_str("RouterId")?,
            dst_cidr_block: r.req_str("DstCidrBlock")?,
            vpc_id: r.opt_str("VpcId")?.filter(|s| !s.is_empty()),
        };
        op.validate(&v).map_err(|e| r.place_err(e))?;
        let token = r.client_token(&v, a.mutation.client_token.as_deref())?;
        Ok(Prepared {
            index: item.index,
            request: op.request(&region, &token),
            echo: json!({"RouterId": op.router_id, "DstCidrBlock": op.dst_cidr_block, "VpcId": op.vpc_id, "ClientToken": token}),
        })
    })?;
    if a.mutation.dry_run {
        return print_dry_run(ctx, prepared.iter().map(|p| &p.request));
    }
    let pacer = bulk::Pacer::new(ctx, prepared.len(), &a.bulk).await?;
    let outcomes = bulk::send_all(ctx, &pacer, &prepared, &a.bulk, "adding networks").await?;
    let routers: BTreeSet<String> = prepared
        .iter()
        .zip(&outcomes)
        .filter(|(_, o)| matches!(o, Outcome::Sent(_)))
        .map(|(p, _)| p.request.get("RouterId").unwrap_or_default().to_string())
        .collect();
    let by_router: BTreeMap<String, Vec<Value>> =
        bulk::read_back(ctx, &pacer, routers, |client, router| {
            let region = &region;
            async move {
                let list = api::list(&client, region, Some(&router), None).await?;
                Ok((router, list))
            }
        })
        .await
        .into_iter()
        .collect();
    let results = prepared.iter().zip(&outcomes).map(|(p, o)| match o {
        Outcome::Sent(_) => {
            let router = p.request.get("RouterId").unwrap_or_default();
            let cidr = p.request.get("DstCidrBlock").unwrap_or_default();
            let resource = by_router
                .get(router)
                .and_then(|list| {
                    list.iter().find(|n| {
                        n.get("DstCidrBlock")
                            .and_then(Value::as_str)
                            .is_some_and(|c| same_cidr(c, cidr))
                    })
                })
                .cloned()
                .unwrap_or_else(|| p.echo.clone());
            bulk::result_object(p.index, &p.echo, Ok(resource))
        }
        other => bulk::result_object(p.index, &p.echo, Err(other)),
    });
    bulk::finish(
        ctx,
        results,
        &outcomes,
        "added",
        &[
            "Index",
            "Ok",
            "Resource.RouterId",
            "Resource.DstCidrBlock",
            "Resource.Status",
            "Error.Code",
            "Error.Message",
        ],
    )
}

async fn delete(ctx: &Context, a: NetworkDeleteArgs) -> anyhow::Result<()> {
    if let Some(path) = &a.bulk.from_file {
        bulk::reject_wait(a.wait.wait)?;
        return delete_bulk(ctx, &a, path).await;
    }
    let (region, v) = prepare(ctx, &a.mutation, Naming::Flags)?;
    let op = DeleteNetwork {
        router_id: a.router_id.clone().unwrap_or_default(),
        dst_cidr_block: a.dst_cidr_block.clone().unwrap_or_default(),
    };
    op.validate(&v)?;
    let request = op.request(&region, &mutation::client_token(&a.mutation));
    if a.mutation.dry_run {
        return print_dry_run(ctx, &[request]);
    }
    confirm(
        ctx,
        &format!(
            "withdraw network {} from VBR {}",
            op.dst_cidr_block, op.router_id
        ),
    )?;
    let client = ctx.client().await?;
    let answer = request.send(client).await.with_context(|| {
        format!(
            "cannot withdraw {} from VBR {}",
            op.dst_cidr_block, op.router_id
        )
    })?;
    if a.wait.wait {
        let opts = mutation::wait_options(ctx, &a.wait.limits)?;
        let poller = mutation::wait_client(ctx, &opts, 1).await?;
        let what = format!("network {} on {}", op.dst_cidr_block, op.router_id);
        wait::wait_for(&what, Target::Deleted, &opts, || {
            api::get(&poller, &region, &op.router_id, &op.dst_cidr_block)
        })
        .await?;
    }
    let result = json!({
        "RouterId": op.router_id,
        "DstCidrBlock": op.dst_cidr_block,
        "RequestId": answer.get("RequestId").cloned().unwrap_or(Value::Null),
    });
    super::emit::emit_one(ctx, &result, &["RouterId", "DstCidrBlock", "RequestId"])
}

async fn delete_bulk(ctx: &Context, a: &NetworkDeleteArgs, path: &str) -> anyhow::Result<()> {
    let (region, _) = prepare(ctx, &a.mutation, Naming::Params)?;
    let v = bulk::item_validator(&a.mutation);
    if !a.mutation.dry_run {
        mutation::require_confirmation_possible(
            ctx,
            &format!("withdraw the networks listed in {path}"),
        )?;
    }
    let items = bulk::read_items(path)?;
    let prepared = bulk::prepare_all(&items, |item| {
        let r = ItemReader {
            item,
            known: &["RouterId", "DstCidrBlock", "ClientToken"],
            ignored: NETWORK_FIELDS,
        };
        r.check_fields(&region)?;
        let op = DeleteNetwork {
            router_id: r.req_str("RouterId")?,
            dst_cidr_block: r.req_str("DstCidrBlock")?,
        };
        op.validate(&v).map_err(|e| r.place_err(e))?;
        let token = r.client_token(&v, a.mutation.client_token.as_deref())?;
        Ok(Prepared {
            index: item.index,
            request: op.request(&region, &token),
            echo: json!({"RouterId": op.router_id, "DstCidrBlock": op.dst_cidr_block, "ClientToken": token}),
        })
    })?;
    if a.mutation.dry_run {
        return print_dry_run(ctx, prepared.iter().map(|p| &p.request));
    }
    confirm(
        ctx,
        &format!("withdraw {} network(s) listed in {path}", prepared.len()),
    )?;
    let pacer = bulk::Pacer::new(ctx, prepared.len(), &a.bulk).await?;
    let outcomes = bulk::send_all(ctx, &pacer, &prepared, &a.bulk, "withdrawing networks").await?;
    bulk::finish_removal(
        ctx,
        &prepared,
        &outcomes,
        &["RouterId", "DstCidrBlock"],
        "withdrawn",
    )
}
