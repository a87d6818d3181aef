//! The per-action handlers of the emulated VPC BGP API. Pure over the world: no I/O, no clock
//! (the time comes in the request), so the same request against the same world gives the same answer.
//!
//! [`read`] serves the five Describe actions against a shared `&World` (nothing is cloned; only the
//! requested page is rendered); [`write`] serves the eight mutating actions (and, for convenience, the
//! reads too).
//!
//! One file per family of actions: `regions` (DescribeRegions, DescribeVirtualBorderRouters),
//! `groups`, `peers`, `networks`. Every Describe answer is a page of the API's model items
//! (`crate::api::model`, borrowing the world's text) written in the SDK's wire form. Shared by
//! them: `request` (what a call carries), `params` (the gateway's wire typing and paging), `context`
//! (`Ctx`), `errors` (`EmuError` and the shared error answers), `answer` (answers and the Describe
//! page envelope).
//!
//! What each action validates, the error code and message of every mistake, the lifecycle, and the
//! choices made where Alibaba's reference is silent are written for users (people testing scripts
//! against the emulator) in `docs/emulator-internals.md`; keep that chapter true when changing a
//! handler. The Describe answers of a world in every phase are pinned by the snapshots in
//! `snapshots/` (see `fixtures`).

mod answer;
mod context;
mod errors;
#[cfg(test)]
mod fixtures;
mod groups;
mod networks;
mod params;
mod peers;
mod regions;
mod request;

use std::sync::Arc;

use serde_json::Value;

use super::world::{RememberedAnswer, World};
use context::Ctx;
use errors::unknown_action;

pub use answer::{Answer, JsonObject};
pub(crate) use errors::internal_error;
pub use errors::EmuError;
pub use request::{ActionRequest, Params};

/// The actions of Vpc 2016-04-28 the emulator serves: the ones bgpeer models.
pub use crate::api::ACTIONS;

pub fn is_known(action: &str) -> bool {
    ACTIONS.contains(&action)
}

/// Read-only actions run against a shared snapshot and never wait for disk writes.
pub fn is_read_only(action: &str) -> bool {
    action.starts_with("Describe")
}

/// Serves a read-only action. The returned object has no `RequestId`; the server adds it.
/// Anything else answers 404 `InvalidAction.NotFound`.
pub fn read(world: &World, req: &ActionRequest<'_>) -> Result<Value, EmuError> {
    read_answer(world, req).map(Answer::into_value)
}

/// [`read`], with the Describe pages as serialised JSON (what the server sends).
pub fn read_answer(world: &World, req: &ActionRequest<'_>) -> Result<Answer, EmuError> {
    let cx = Ctx::new(req);
    if is_known(req.action) && is_read_only(req.action) && req.action != "DescribeRegions" {
        cx.args.required("RegionId")?;
    }
    match req.action {
        "DescribeRegions" => regions::describe_regions(world, &cx).map(Answer::Object),
        "DescribeVirtualBorderRouters" => regions::describe_vbrs(world, &cx).map(Answer::Object),
        "DescribeBgpGroups" => groups::describe(world, &cx).map(Answer::Object),
        "DescribeBgpPeers" => peers::describe(world, &cx).map(Answer::Object),
        "DescribeBgpNetworks" => networks::describe(world, &cx).map(Answer::Object),
        _ => Err(unknown_action()),
    }
}

/// Serves a mutating action (ClientToken idempotency included). Read-only actions are served too.
pub fn write(world: &mut World, req: &ActionRequest<'_>) -> Result<Value, EmuError> {
    if is_read_only(req.action) {
        return read(world, req);
    }
    if !is_known(req.action) {
        return Err(unknown_action());
    }
    let cx = Ctx::new(req);
    cx.args.required("RegionId")?;
    world.purge(cx.now_ms, cx.settle_ms);
    let key = cx
        .args
        .client_token()?
        .map(|t| format!("{}\n{}", req.action, t));
    if let Some(remembered) = key.as_ref().and_then(|k| world.client_tokens.get(k)) {
        return Ok((*remembered.body).clone());
    }
    let body = match req.action {
        "CreateBgpGroup" => groups::create(world, &cx),
        "ModifyBgpGroupAttribute" => groups::modify(world, &cx),
        "DeleteBgpGroup" => groups::delete(world, &cx),
        "CreateBgpPeer" => peers::create(world, &cx),
        "ModifyBgpPeerAttribute" => peers::modify(world, &cx),
        "DeleteBgpPeer" => peers::delete(world, &cx),
        "AddBgpNetwork" => networks::add(world, &cx),
        "DeleteBgpNetwork" => networks::delete(world, &cx),
        _ => Err(unknown_action()),
    }?;
    if let Some(k) = key {
        world.client_tokens.insert(
            k,
            RememberedAnswer {
                body: Arc::new(body.clone()),
                at_ms: cx.now_ms,
            },
        );
    }
    Ok(body)
}
