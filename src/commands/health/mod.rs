//! `bgpeer vbr check` and `bgpeer watch`: reading the BGP set-up of VBRs (this module), judging it
//! ([`check`]) and following its changes ([`watch`]). The rules and events are `crate::health`'s.

pub mod check;
pub mod watch;

use std::collections::HashSet;

use super::{CliError, Context};
use crate::api::group::{self, GroupFilter};
use crate::api::model::{BgpPeer, Vbr};
use crate::api::peer::{self, PeerFilter};
use crate::api::validate::{Naming, Validator};
use crate::api::{network, vbr};
use crate::client::Client;
use crate::health::setup::{assemble, VbrSetup};

/// Which VBRs a check or a watch reads.
#[derive(Debug, Clone)]
pub struct Scope {
    pub region: String,
    /// Empty with `all`.
    pub ids: Vec<String>,
    pub all: bool,
}

impl Scope {
    /// The VBR IDs of the command line (checked before anything is sent), or every VBR; `verb`
    /// says what the command does to them (`check`, `watch`).
    pub fn new(ctx: &Context, ids: &[String], all: bool, verb: &str) -> anyhow::Result<Scope> {
        if ids.is_empty() && !all {
            return Err(CliError::usage(
                format!("no VBR to {verb}"),
                Some(format!(
                    "name the VBRs (bgpeer {} vbr-...), or pass --all for every VBR of the region",
                    if verb == "check" { "vbr check" } else { verb }
                )),
            )
            .into());
        }
        let v = Validator::new(&[], Naming::Flags);
        let mut seen = HashSet::new();
        let mut unique = Vec::new();
        for id in ids {
            let id = id.trim().to_string();
            v.id(super::vbr::VBR_ID_ARG, &id)?;
            if seen.insert(id.clone()) {
                unique.push(id);
            }
        }
        Ok(Scope {
            region: ctx.region()?,
            ids: unique,
            all,
        })
    }

    /// The RouterId filter of the group, peer and network lists: one VBR is read with its own
    /// filter; several, or all, with region-wide lists sorted out here.
    fn router(&self) -> Option<String> {
        match (&self.ids[..], self.all) {
            ([one], false) => Some(one.clone()),
            _ => None,
        }
    }
}

/// The VBRs of the scope: every VBR of the region, or those named (in the order named; IDs that do
/// not exist are left out: see [`missing`]).
async fn read_vbrs(client: &Client, scope: &Scope) -> anyhow::Result<Vec<Vbr>> {
    let region = scope.region.as_str();
    if scope.all {
        return vbr::list(client, region, &[], None).await;
    }
    let chunks = scope
        .ids
        .chunks(vbr::IDS_PER_FILTER)
        .map(|chunk| async move {
            match vbr::list(client, region, &[("VbrId", chunk)], None).await {
                // The API answers a filter naming a VBR it does not have with NotFound: find out
                // which of the chunk's VBRs exist, one by one.
                Err(e) if is_not_found(&e) => {
                    let mut found = Vec::new();
                    for id in chunk {
                        let one = std::slice::from_ref(id);
                        match vbr::list(client, region, &[("VbrId", one)], None).await {
                            Ok(v) => found.extend(v),
                            Err(e) if is_not_found(&e) => {}
                            Err(e) => return Err(e),
                        }
                    }
                    Ok(found)
                }
                other => other,
            }
        });
    let found: Vec<Vbr> = futures_util::future::try_join_all(chunks)
        .await?
        .into_iter()
        .flatten()
        .collect();
    Ok(scope
        .ids
        .iter()
        .filter_map(|id| {
            found
                .iter()
                .find(|v| v.vbr_id.as_str() == Some(id))
                .cloned()
        })
        .collect())
}

fn is_not_found(e: &anyhow::Error) -> bool {
    super::report::build_report(e).exit == crate::exit::Exit::NotFound
}

/// The peers of the scope (one list, every page).
pub async fn read_peers(client: &Client, scope: &Scope) -> anyhow::Result<Vec<BgpPeer>> {
    let filter = PeerFilter {
        router_id: scope.router(),
        ..Default::default()
    };
    peer::list(client, &scope.region, &filter, None).await
}

/// The whole set-up of the scope: one list per resource kind (VBRs, groups, peers, networks),
/// every page, all four in parallel.
pub async fn read(client: &Client, scope: &Scope) -> anyhow::Result<Vec<VbrSetup>> {
    let region = scope.region.as_str();
    let router = scope.router();
    let group_filter = GroupFilter {
        router_id: router.clone(),
        ..Default::default()
    };
    let read = tokio::try_join!(
        read_vbrs(client, scope),
        group::list(client, region, &group_filter, None),
        read_peers(client, scope),
        network::list(client, region, router.as_deref(), None),
    );
    match read {
        Ok((vbrs, groups, peers, networks)) => Ok(assemble(vbrs, groups, peers, networks)),
        // A list filtered by a VBR that does not exist is NotFound: say which VBR.
        Err(e) if is_not_found(&e) && !scope.all => {
            let vbrs = read_vbrs(client, scope).await?;
            missing(scope, &assemble(vbrs, vec![], vec![], vec![]))?;
            Err(e)
        }
        Err(e) => Err(e),
    }
}

/// A "not found" error (exit 3) for named VBRs the first read did not find.
pub fn missing(scope: &Scope, setups: &[VbrSetup]) -> anyhow::Result<()> {
    let found: HashSet<&str> = setups.iter().map(VbrSetup::id).collect();
    let absent: Vec<&str> = scope
        .ids
        .iter()
        .map(String::as_str)
        .filter(|id| !found.contains(id))
        .collect();
    if absent.is_empty() {
        return Ok(());
    }
    Err(CliError::not_found(
        format!("no VBR {} in region {}", absent.join(", "), scope.region),
        Some("list the VBRs of the region with `bgpeer vbr list`, or pass --region".to_string()),
    )
    .into())
}
