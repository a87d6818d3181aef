//! `bgpeer group ...`

use anyhow::Context as _;
use serde_json::{json, Value};

use super::CliError;
use super::Context;
use crate::api::group::{self as api, CreateGroup, GroupFilter, ModifyGroup};
use crate::api::peer::{self as peer_api, PeerFilter};
use crate::api::validate::{self, Naming};
use crate::api::wait::{self, Target};
use crate::cli::group::{
    GroupCommand, GroupCreateArgs, GroupDeleteArgs, GroupListArgs, GroupShowArgs, GroupUpdateArgs,
};

use super::mutation::{self, confirm, prepare, print_dry_run};

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
    let region = mutation::read_region(ctx)?;
    let client = ctx.client().await?;
    let filter = GroupFilter {
        router_id: a.router_id,
        bgp_group_id: a.bgp_group_id,
    };
    let items = api::list(client, &region, &filter, a.limit)
        .await
        .context("cannot list BGP groups")?;
    super::emit::emit_list(ctx, items, api::COLUMNS)
}

/// The group, or exit 3 naming it.
pub async fn fetch(ctx: &Context, region: &str, id: &str) -> anyhow::Result<Value> {
    let client = ctx.client().await?;
    api::get(client, region, id)
        .await
        .with_context(|| format!("cannot read BGP group {id}"))?
        .ok_or_else(|| {
            let mut hint = "list groups with `bgpeer group list`, and check --region".to_string();
            if !id.starts_with("bgpg-") {
                hint.push_str("; BGP group IDs start with bgpg-");
            }
            CliError::not_found(format!("no BGP group {id} in region {region}"), Some(hint)).into()
        })
}

async fn show(ctx: &Context, a: GroupShowArgs) -> anyhow::Result<()> {
    let region = mutation::read_region(ctx)?;
    let group = fetch(ctx, &region, &a.id).await?;
    super::emit::emit_one(ctx, &group, api::COLUMNS)
}

/// What `read_back` reads: a BGP group.
struct Group;

impl mutation::ReadBack for Group {
    const NOUN: &'static str = "group";
    const ID_FIELD: &'static str = "BgpGroupId";
    fn get<'a>(
        client: &'a crate::client::Client,
        region: &'a str,
        id: &'a str,
    ) -> impl std::future::Future<Output = anyhow::Result<Option<Value>>> + 'a {
        api::get(client, region, id)
    }
}

async fn create(ctx: &Context, a: GroupCreateArgs) -> anyhow::Result<()> {
    let (region, v) = prepare(ctx, &a.mutation, Naming::Flags)?;
    let auth_key = mutation::read_auth_key(ctx, &a.auth_key, true, false)?;
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
    let request = op.request(&region, &mutation::client_token(&a.mutation));
    if a.mutation.dry_run {
        return print_dry_run(ctx, &[request]);
    }
    let client = ctx.client().await?;
    let answer = request
        .send(client)
        .await
        .with_context(|| format!("cannot create a BGP group on VBR {}", op.router_id))?;
    let id = answer
        .get("BgpGroupId")
        .and_then(Value::as_str)
        .ok_or_else(|| anyhow::anyhow!("CreateBgpGroup answered without a BgpGroupId: {answer}"))?
        .to_string();
    let group =
        mutation::read_back::<Group>(ctx, &region, &id, a.wait.wait.then_some(&a.wait.limits))
            .await?;
    super::emit::emit_one(ctx, &group, api::COLUMNS)
}

async fn update(ctx: &Context, a: GroupUpdateArgs) -> anyhow::Result<()> {
    let (region, v) = prepare(ctx, &a.mutation, Naming::Flags)?;
    let auth_key =
        mutation::read_auth_key(ctx, &a.auth_key, a.auth_key_from_env, a.auth_key_from_env)?;
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
    let request = op.request(&region, &mutation::client_token(&a.mutation));
    if a.mutation.dry_run {
        return print_dry_run(ctx, &[request]);
    }
    let client = ctx.client().await?;
    request
        .send(client)
        .await
        .with_context(|| format!("cannot update BGP group {}", op.bgp_group_id))?;
    let group = mutation::read_back::<Group>(
        ctx,
        &region,
        &op.bgp_group_id,
        a.wait.wait.then_some(&a.wait.limits),
    )
    .await?;
    super::emit::emit_one(ctx, &group, api::COLUMNS)
}

async fn delete(ctx: &Context, a: GroupDeleteArgs) -> anyhow::Result<()> {
    let (region, v) = prepare(ctx, &a.mutation, Naming::Flags)?;
    v.id(validate::BGP_GROUP_ID_ARG, &a.id)?;
    let token = mutation::client_token(&a.mutation);
    let what = if a.cascade {
        format!("delete BGP group {} and all its peers", a.id)
    } else {
        format!("delete BGP group {}", a.id)
    };
    if !a.mutation.dry_run {
        mutation::require_confirmation_possible(ctx, &what)?;
    }
    let opts = mutation::wait_options(ctx, &a.wait.limits)?;
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
        .filter_map(|p| {
            p.get("BgpPeerId")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .collect();
    if a.mutation.dry_run {
        let mut requests: Vec<_> = peer_ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                peer_api::delete_request(
                    &region,
                    id,
                    &crate::client::derive_client_token(&token, &format!("p{i}")),
                )
            })
            .collect();
        requests.push(api::delete_request(&region, &a.id, &token));
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
    let poller = mutation::wait_client(ctx, &opts, waits).await?;
    let client = &poller;
    for (i, peer) in peers.iter().enumerate() {
        let pid = peer_ids[i].as_str();
        let status = peer.get("Status").and_then(Value::as_str).unwrap_or("");
        if status != "Deleting" {
            if status != "Available" {
                // The API refuses to delete a peer that is not stable.
                wait::wait_for(&format!("peer {pid}"), Target::Available, &opts, || {
                    peer_api::get(client, &region, pid)
                })
                .await?;
            }
            // Derived tokens keep a retried cascade idempotent when --client-token is given.
            peer_api::delete_request(
                &region,
                pid,
                &crate::client::derive_client_token(&token, &format!("p{i}")),
            )
            .send(client)
            .await
            .with_context(|| format!("cannot delete peer {pid} of BGP group {}", a.id))?;
        }
        wait::wait_for(&format!("peer {pid}"), Target::Deleted, &opts, || {
            peer_api::get(client, &region, pid)
        })
        .await?;
        ctx.notice(&format!("deleted peer {pid}"));
    }
    if a.cascade {
        let group = api::get(client, &region, &a.id).await?;
        if group
            .as_ref()
            .and_then(|g| g.get("Status"))
            .and_then(Value::as_str)
            != Some("Available")
            && group.is_some()
        {
            wait::wait_for(&format!("group {}", a.id), Target::Available, &opts, || {
                api::get(client, &region, &a.id)
            })
            .await?;
        }
    }
    let answer = api::delete_request(&region, &a.id, &token)
        .send(client)
        .await
        .with_context(|| format!("cannot delete BGP group {}", a.id))?;
    if a.wait.wait {
        wait::wait_for(&format!("group {}", a.id), Target::Deleted, &opts, || {
            api::get(client, &region, &a.id)
        })
        .await?;
    }
    let mut result = json!({
        "BgpGroupId": a.id,
        "RequestId": answer.get("RequestId").cloned().unwrap_or(Value::Null),
    });
    if a.cascade {
        result["DeletedBgpPeerIds"] = json!(peer_ids);
    }
    super::emit::emit_one(ctx, &result, &["BgpGroupId", "RequestId"])
}
