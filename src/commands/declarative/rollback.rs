//! Undoing an apply (`--rollback-on-failure`): the plan that deletes what it created, restores
//! what it updated and re-creates what it deleted, with the values read before the run.

use std::collections::HashMap;

use serde_json::{json, Value};

use super::status::Status;
use crate::api::model::{BgpGroup, BgpPeer};
use crate::api::network;
use crate::declarative::export::{group_fields, peer_fields};
use crate::declarative::keys::WantedKey;
use crate::declarative::live::{group_key, group_name, LiveVbr};
use crate::declarative::plan::{Action, Change, FieldChange, Kind, Plan};
use crate::secret::Secret;

/// The plan that undoes what a run did: delete what it created, restore what it updated,
/// re-create what it deleted (with the values and AuthKeys read before the run). Returns it, the
/// AuthKeys it sets, and what it cannot restore.
pub(super) fn rollback_plan(
    plan: &Plan,
    statuses: &[Status],
    live: &[LiveVbr],
) -> (Plan, HashMap<(String, String), WantedKey>, Vec<String>) {
    let mut changes: Vec<Change> = Vec::new();
    let mut keys: HashMap<(String, String), WantedKey> = HashMap::new();
    let mut unknown = Vec::new();
    let live_group = |id: &str| -> Option<(&LiveVbr, &BgpGroup)> {
        live.iter().find_map(|l| {
            l.groups
                .iter()
                .find(|g| g.bgp_group_id.as_str() == Some(id))
                .map(|g| (l, g))
        })
    };
    let live_peer = |id: &str| -> Option<&BgpPeer> {
        live.iter()
            .find_map(|l| l.peers.iter().find(|p| p.bgp_peer_id.as_str() == Some(id)))
    };
    for (c, s) in plan.changes.iter().zip(statuses) {
        let Status::Done { id: new_id, .. } = s else {
            continue;
        };
        let base = Change {
            fields: Vec::new(),
            reason: None,
            drops_session: false,
            ..c.clone()
        };
        // What the run made goes.
        if matches!(c.action, Action::Create | Action::Replace) {
            let id = match c.kind {
                Kind::Network => Some(c.key.clone()),
                _ => new_id.clone(),
            };
            changes.push(Change {
                action: Action::Delete,
                id,
                reason: Some(format!(
                    "undo: {} {}",
                    if c.action == Action::Create {
                        "created"
                    } else {
                        "re-created"
                    },
                    c.label()
                )),
                ..base.clone()
            });
        }
        // What it changed comes back.
        if c.action == Action::Update {
            let mut fields: Vec<FieldChange> = Vec::new();
            for f in &c.fields {
                if f.sensitive {
                    let old =
                        c.id.as_deref()
                            .and_then(live_group)
                            .and_then(|(_, g)| group_key(g));
                    let key = (c.vbr_id.clone(), format!("rollback:{}", c.key));
                    match old {
                        Some(k) => {
                            keys.insert(key, WantedKey::Value(Secret::new(k)));
                            fields.push(FieldChange::sensitive("auth_key", "changed"));
                        }
                        None => {
                            keys.insert(key, WantedKey::None);
                            fields.push(FieldChange::sensitive("auth_key", "cleared"));
                        }
                    }
                } else if let Some(old) = &f.old {
                    fields.push(FieldChange::value(
                        &f.field,
                        f.new.clone(),
                        Some(old.clone()),
                    ));
                }
            }
            changes.push(Change {
                action: Action::Update,
                key: format!("rollback:{}", c.key),
                fields,
                reason: Some(format!("undo: updated {}", c.label())),
                ..base.clone()
            });
        }
        // What it deleted comes back.
        if matches!(c.action, Action::Delete | Action::Replace) {
            let recreated = || {
                format!(
                    "undo: deleted {} ({}); it comes back with a new ID",
                    c.label(),
                    c.id.as_deref().unwrap_or("")
                )
            };
            let not_read = || {
                format!(
                    "cannot re-create {}: it was not read before the run",
                    c.label()
                )
            };
            match c.kind {
                Kind::Group => {
                    if let Some((l, g)) = c.id.as_deref().and_then(live_group) {
                        let key = group_name(g)
                            .map(str::to_string)
                            .unwrap_or_else(|| format!("restored-{}", c.key));
                        let name = group_name(g).map(|n| ("name".to_string(), json!(n)));
                        let mut fields = created(name.into_iter().chain(group_fields(g)));
                        if let Some(k) = group_key(g) {
                            keys.insert(
                                (l.vbr_id.clone(), key.clone()),
                                WantedKey::Value(Secret::new(k)),
                            );
                            fields.push(FieldChange::sensitive("auth_key", "set"));
                        }
                        changes.push(Change {
                            action: Action::Create,
                            vbr_id: l.vbr_id.clone(),
                            key,
                            id: None,
                            fields,
                            reason: Some(recreated()),
                            ..base.clone()
                        });
                    } else {
                        unknown.push(not_read());
                    }
                }
                Kind::Peer => {
                    if let Some(p) = c.id.as_deref().and_then(live_peer) {
                        let old_group = p.bgp_group_id.as_str().map(str::to_string);
                        let group_deleted = plan.changes.iter().zip(statuses).any(|(o, os)| {
                            o.kind == Kind::Group
                                && o.id == old_group
                                && matches!(os, Status::Done { .. })
                                && o.action != Action::Update
                        });
                        let (group, group_id) = if group_deleted {
                            let g = old_group
                                .as_deref()
                                .and_then(live_group)
                                .and_then(|(_, g)| group_name(g).map(str::to_string));
                            (g.or_else(|| c.group.clone()), None)
                        } else {
                            (c.group.clone(), old_group)
                        };
                        let ip = p
                            .peer_ip_address
                            .as_str()
                            .map(|ip| ("peer_ip_address".to_string(), json!(ip)));
                        let fields = created(ip.into_iter().chain(peer_fields(p)));
                        changes.push(Change {
                            action: Action::Create,
                            group,
                            group_id,
                            id: None,
                            fields,
                            reason: Some(recreated()),
                            ..base.clone()
                        });
                    } else {
                        unknown.push(not_read());
                    }
                }
                Kind::Network => {
                    let vpc = live
                        .iter()
                        .flat_map(|l| l.networks.iter())
                        .find(|n| {
                            n.router_id.as_str() == Some(c.vbr_id.as_str())
                                && n.dst_cidr_block.as_str().is_some_and(|d| {
                                    network::same_cidr(d, c.id.as_deref().unwrap_or(&c.key))
                                })
                        })
                        .and_then(|n| {
                            n.vpc_id
                                .as_str()
                                .filter(|v| !v.is_empty())
                                .map(str::to_string)
                        });
                    let mut fields = vec![FieldChange::value(
                        "dst_cidr_block",
                        None,
                        Some(json!(c.id.clone().unwrap_or(c.key.clone()))),
                    )];
                    if let Some(v) = vpc {
                        fields.push(FieldChange::value("vpc_id", None, Some(json!(v))));
                    }
                    changes.push(Change {
                        action: Action::Create,
                        id: None,
                        fields,
                        reason: Some(format!("undo: deleted {}", c.label())),
                        ..base.clone()
                    });
                }
            }
        }
    }
    // Rollback updates name their keys "rollback:KEY"; creates use the group's key as usual.
    let vbrs = plan.vbrs.clone();
    let back = Plan::new(
        format!("rollback:{}", plan.digest()),
        vbrs,
        false,
        changes,
        vec![],
    );
    (back, keys, unknown)
}

/// Fields as a create sets them: no old value.
fn created(fields: impl Iterator<Item = (String, Value)>) -> Vec<FieldChange> {
    fields
        .map(|(k, v)| FieldChange::value(&k, None, Some(v)))
        .collect()
}
