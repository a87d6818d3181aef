//! `bgpeer network ...`

use std::sync::Arc;

use anyhow::Context as _;
use serde_json::{json, Value};

use super::bulk::{self, BulkRemoval, ItemReader, Outcome, Prepared};
use super::dry_run::print_dry_run;
use super::emit::ListWriter;
use super::resource::{self, client_token, prepare, read_region, Removal};
use super::Context;
use crate::api::model::{to_json, BgpNetwork, Model};
use crate::api::network::{self as api, same_cidr, AddNetwork, DeleteNetwork};
use crate::api::validate::Naming;
use crate::cli::network::{NetworkAddArgs, NetworkCommand, NetworkDeleteArgs, NetworkListArgs};
use crate::client::Client;

pub async fn run(ctx: &Context, cmd: NetworkCommand) -> anyhow::Result<()> {
    match cmd {
        NetworkCommand::List(a) => list(ctx, a).await,
        NetworkCommand::Add(a) => add(ctx, a).await,
        NetworkCommand::Delete(a) => delete(ctx, a).await,
    }
}

async fn list(ctx: &Context, a: NetworkListArgs) -> anyhow::Result<()> {
    let region = read_region(ctx)?;
    let client = ctx.client().await?;
    let client_side = a.dst_cidr_block.is_some() || a.vpc_id.is_some();
    // Client-side filters need every page before --limit applies.
    let fetch_limit = if client_side { None } else { a.limit };
    let mut items = api::list(client, &region, a.router_id.as_deref(), fetch_limit)
        .await
        .context("cannot list BGP networks")?;
    if let Some(cidr) = &a.dst_cidr_block {
        items.retain(|n| {
            n.dst_cidr_block
                .as_str()
                .is_some_and(|c| same_cidr(c, cidr))
        });
    }
    if let Some(vpc) = &a.vpc_id {
        items.retain(|n| n.vpc_id.as_str() == Some(vpc.as_str()));
    }
    if let Some(limit) = a.limit {
        items.truncate(limit);
    }
    resource::emit_list(ctx, items)
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
    let request = op.request(&region, &client_token(&a.mutation));
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
    resource::read_back::<BgpNetwork>(
        ctx,
        &region,
        &op.key(),
        a.wait.wait.then_some(&a.wait.limits),
        "warning: the network is not listed yet; printing what was sent",
        || sent(&op),
    )
    .await
}

/// What was sent to add a network: printed when it is not listed yet.
fn sent(op: &AddNetwork) -> Value {
    json!({"RouterId": op.router_id, "DstCidrBlock": op.dst_cidr_block, "VpcId": op.vpc_id})
}

async fn add_bulk(ctx: &Context, a: &NetworkAddArgs, path: &str) -> anyhow::Result<()> {
    let (region, _) = prepare(ctx, &a.mutation, Naming::Params)?;
    let v = bulk::item_validator(&a.mutation);
    let items = bulk::read_items(ctx, path)?;
    let prepared = bulk::prepare_all(&items, |item| {
        let r = ItemReader {
            item,
            known: &["RouterId", "DstCidrBlock", "VpcId", "ClientToken"],
            ignored: BgpNetwork::FIELDS,
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
            echo: {
                let mut echo = sent(&op);
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
            "Resource.RouterId",
            "Resource.DstCidrBlock",
            "Resource.Status",
            "Error.Code",
            "Error.Message",
        ],
    )?;
    let pacer = bulk::Pacer::new(ctx, prepared.len(), &a.bulk).await?;
    let region = &region;
    // The added networks are read back with one list per VBR, once the VBR's items are done.
    let reporting = bulk::Reporting {
        key_of: |p: &Prepared| p.request.get("RouterId").map(str::to_string),
        read: |client: Arc<Client>, router: String| async move {
            api::list(&client, region, Some(&router), None).await
        },
        build: |p: &Prepared, o: &Outcome, listed: Option<&Vec<BgpNetwork>>| match o {
            Outcome::Sent(_) => {
                let cidr = p.request.get("DstCidrBlock").unwrap_or_default();
                let resource = listed
                    .and_then(|list| {
                        list.iter().find(|n| {
                            n.dst_cidr_block
                                .as_str()
                                .is_some_and(|c| same_cidr(c, cidr))
                        })
                    })
                    .map(to_json)
                    .unwrap_or_else(|| p.echo.clone());
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
        "adding networks",
        reporting,
        &mut out,
    )
    .await?;
    bulk::finish(ctx, out, &outcomes, "added")
}

async fn delete(ctx: &Context, a: NetworkDeleteArgs) -> anyhow::Result<()> {
    if let Some(path) = &a.bulk.from_file {
        bulk::reject_wait(a.wait.wait)?;
        return bulk::delete_all::<BgpNetwork, _>(
            ctx,
            &a.mutation,
            &a.bulk,
            path,
            BulkRemoval {
                verb: "withdraw",
                what: "network",
                progress: "withdrawing networks",
                done: "withdrawn",
                known: &["RouterId", "DstCidrBlock", "ClientToken"],
            },
            |r, v| {
                let op = DeleteNetwork {
                    router_id: r.req_str("RouterId")?,
                    dst_cidr_block: r.req_str("DstCidrBlock")?,
                };
                op.validate(v).map_err(|e| r.place_err(e))?;
                Ok(op.key())
            },
        )
        .await;
    }
    let (region, v) = prepare(ctx, &a.mutation, Naming::Flags)?;
    let op = DeleteNetwork {
        router_id: a.router_id.clone().unwrap_or_default(),
        dst_cidr_block: a.dst_cidr_block.clone().unwrap_or_default(),
    };
    op.validate(&v)?;
    let what = format!(
        "withdraw network {} from VBR {}",
        op.dst_cidr_block, op.router_id
    );
    let failed = format!(
        "cannot withdraw {} from VBR {}",
        op.dst_cidr_block, op.router_id
    );
    let says = Removal {
        what: &what,
        failed: &failed,
    };
    resource::delete::<BgpNetwork>(ctx, &region, &op.key(), &a.mutation, &a.wait, says).await
}
