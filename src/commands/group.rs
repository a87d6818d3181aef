//! `bgpeer group ...`

use anyhow::Context as _;
use serde_json::{json, Value};

use super::confirm::{confirm, require_confirmation_possible};
use super::dry_run::print_dry_run;
use super::resource::{self, client_token, prepare, read_region};
use super::wait::{poll, wait_client, wait_options};
use super::CliError;
use super::Context;
use crate::api::group::{self as api, CreateGroup, GroupFilter, ModifyGroup};
use crate::api::model::{BgpGroup, BgpPeer};
use crate::api::peer::{self as peer_api, PeerFilter};
use crate::api::resource::Resource;
use crate::api::validate::{self, Naming};
use crate::api::wait::Target;
use crate::cli::group::{
    GroupCommand, GroupCreateArgs, GroupDeleteArgs, GroupListArgs, GroupShowArgs, GroupUpdateArgs,
};

pub async fn run(ctx: &Context, cmd: GroupCommand) -> anyhow::Result<()> {
    match cmd {
        GroupCommand::List(a) => list(ctx, a).await,
        GroupCommand::Show(a) => show(ctx, a).await,
        GroupCommand::Create(a) => create(ctx, a).await,
        GroupCommand::Update(a) => update(ctx, a).await,
        GroupCommand::Delete(a) => delete(ctx, a).await,
    }
}

async fn list(ctx: &Context, a: GroupListArgs) -> anyhow::Result<()> {
    let region = read_region(ctx)?;
    let client = ctx.client().await?;
    let filter = GroupFilter {
        router_id: a.router_id,
        bgp_group_id: a.bgp_group_id,
    };
    let items = api::list(client, &region, &filter, a.limit)
        .await
        .context("cannot list BGP groups")?;
    resource::emit_list(ctx, items)
}

async fn show(ctx: &Context, a: GroupShowArgs) -> anyhow::Result<()> {
    resource::show::<BgpGroup>(ctx, &a.id).await
}

async fn create(ctx: &Context, a: GroupCreateArgs) -> anyhow::Result<()> {
    let (region, v) = prepare(ctx, &a.mutation, Naming::Flags)?;
    let auth_key = super::auth_key::read_auth_key(ctx, &a.auth_key, true, false)?;
    let op = CreateGroup {
        router_id: a.router_id,
        peer_asn: a.peer_asn,
        local_asn: a.local_asn,
        name: a.name,
        description: a.description,
        auth_key,
        is_fake_asn: a.is_fake_asn,
        route_quota: a.route_quota,
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
        .with_context(|| format!("cannot create a BGP group on VBR {}", op.router_id))?;
    let id = answer
        .get(BgpGroup::ID_FIELD)
        .and_then(Value::as_str)
        .ok_or_else(|| anyhow::anyhow!("CreateBgpGroup answered without a BgpGroupId: {answer}"))?;
    resource::print_by_id::<BgpGroup>(ctx, &region, id, &a.wait).await
}

async fn update(ctx: &Context, a: GroupUpdateArgs) -> anyhow::Result<()> {
    let (region, v) = prepare(ctx, &a.mutation, Naming::Flags)?;
    let auth_key =
        super::auth_key::read_auth_key(ctx, &a.auth_key, a.auth_key_from_env, a.auth_key_from_env)?;
    let op = ModifyGroup {
        bgp_group_id: a.id,
        name: a.name,
        description: a.description,
        peer_asn: a.peer_asn,
        local_asn: a.local_asn,
        auth_key,
        clear_auth_key: a.clear_auth_key,
        is_fake_asn: a.is_fake_asn,
        route_quota: a.route_quota,
    };
    op.validate(&v)?;
    if op.is_empty() {
        return Err(CliError::usage(
            "nothing to change",
            Some("give at least one of --name, --description, --peer-asn, --local-asn, --auth-key(-file), --clear-auth-key, --is-fake-asn, --route-quota".to_string()),
        )
        .into());
    }
    let request = op.request(&region, &client_token(&a.mutation));
    if a.mutation.dry_run {
        return print_dry_run(ctx, &[request]);
    }
    let client = ctx.client().await?;
    request
        .send(client)
        .await
        .with_context(|| format!("cannot update BGP group {}", op.bgp_group_id))?;
    resource::print_by_id::<BgpGroup>(ctx, &region, &op.bgp_group_id, &a.wait).await
}

/// `group delete`, with `--cascade` deleting the group's peers first (each waited for).
async fn delete(ctx: &Context, a: GroupDeleteArgs) -> anyhow::Result<()> {
    let (region, v) = prepare(ctx, &a.mutation, Naming::Flags)?;
    v.id(validate::BGP_GROUP_ID_ARG, &a.id)?;
    let token = client_token(&a.mutation);
    let what = if a.cascade {
        format!("delete BGP group {} and all its peers", a.id)
    } else {
        format!("delete BGP group {}", a.id)
    };
    if !a.mutation.dry_run {
        require_confirmation_possible(ctx, &what)?;
    }
    let opts = wait_options(ctx, &a.wait.limits)?;
    let peers = if a.cascade {
        let client = ctx.client().await?;
        let filter = PeerFilter {
            bgp_group_id: Some(a.id.clone()),
            ..Default::default()
        };
        peer_api::list(client, &region, &filter, None)
            .await
            .with_context(|| format!("cannot list the peers of BGP group {}", a.id))?
    } else {
        Vec::new()
    };
    let peer_ids: Vec<String> = peers
        .iter()
        .filter_map(|p| p.bgp_peer_id.as_str().map(str::to_string))
        .collect();
    // Derived tokens keep a retried cascade idempotent when --client-token is given.
    let peer_token = |i: usize| crate::client::derive_client_token(&token, &format!("p{i}"));
    if a.mutation.dry_run {
        let mut requests: Vec<_> = peer_ids
            .iter()
            .enumerate()
            .map(|(i, id)| BgpPeer::delete_request(&region, id, &peer_token(i)))
            .collect();
        requests.push(BgpGroup::delete_request(&region, &a.id, &token));
        return print_dry_run(ctx, &requests);
    }
    let prompt = if a.cascade {
        format!(
            "delete BGP group {} and its {} peer(s)",
            a.id,
            peer_ids.len()
        )
    } else {
        what
    };
    confirm(ctx, &prompt)?;
    // Up to two waits per peer and two for the group.
    let waits = u32::try_from(peers.len() * 2 + 2).unwrap_or(u32::MAX);
    let poller = wait_client(ctx, &opts, waits).await?;
    let client = &poller;
    for (i, peer) in peers.iter().enumerate() {
        let pid = &peer_ids[i];
        let status = peer.status.as_str().unwrap_or("");
        if status != "Deleting" {
            if status != "Available" {
                // The API refuses to delete a peer that is not stable.
                poll::<BgpPeer>(client, &region, pid, Target::Available, &opts).await?;
            }
            BgpPeer::delete_request(&region, pid, &peer_token(i))
                .send(client)
                .await
                .with_context(|| format!("cannot delete peer {pid} of BGP group {}", a.id))?;
        }
        poll::<BgpPeer>(client, &region, pid, Target::Deleted, &opts).await?;
        ctx.notice(&format!("deleted peer {pid}"));
    }
    if a.cascade {
        let group = api::get(client, &region, &a.id).await?;
        if group.as_ref().and_then(|g| g.status.as_str()) != Some("Available") && group.is_some() {
            poll::<BgpGroup>(client, &region, &a.id, Target::Available, &opts).await?;
        }
    }
    let answer = BgpGroup::delete_request(&region, &a.id, &token)
        .send(client)
        .await
        .with_context(|| format!("cannot delete BGP group {}", a.id))?;
    if a.wait.wait {
        poll::<BgpGroup>(client, &region, &a.id, Target::Deleted, &opts).await?;
    }
    let mut result = json!({
        BgpGroup::ID_FIELD: a.id,
        "RequestId": answer.get("RequestId").cloned().unwrap_or(Value::Null),
    });
    if a.cascade {
        result["DeletedBgpPeerIds"] = json!(peer_ids);
    }
    super::emit::emit_one(ctx, &result, &[BgpGroup::ID_FIELD, "RequestId"])
}
