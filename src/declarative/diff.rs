//! Comparing the desired set-up with the live one: natural keys, field by field.
//!
//! - A group is its name within its VBR (or the live group its `id` pins); a peer is its IP
//!   address within its group; a network is its CIDR block within its VBR.
//! - A field the file leaves out is not managed: it is never compared or changed.
//! - Fields the API cannot change in place force a replace (delete, then create): a group's
//!   `ip_version` or VBR, a peer's `ip_version` or group, a network's `vpc_id`.
//! - Live objects the file does not mention are unmanaged: kept, or deleted with `--prune`.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;

use serde_json::{json, Value};

use super::file::{canonical_cidr, Desired, DesiredGroup, DesiredPeer};
use super::keys::{Keys, WantedKey};
use super::live::{self, group_key, group_name, peer_ip, LiveVbr};
use super::plan::{Action, Change, FieldChange, Kind, Plan, Unmanaged};
use super::problem::{FileError, Problem};
use crate::api::model::{BgpGroup, BgpPeer};
use crate::api::validate::{IpVersion, Naming, Rule, Validator};
use crate::exit::Exit;

/// Computes the plan. `live[i]` is the live state of `desired.vbrs[i]`.
pub fn plan(
    file: &str,
    desired: &Desired,
    keys: &Keys,
    live: &[LiveVbr],
    prune: bool,
    skip: &[Rule],
) -> Result<Plan, FileError> {
    let mut d = Differ {
        changes: Vec::new(),
        unmanaged: Vec::new(),
        problems: Vec::new(),
        not_found: false,
        prune,
        v: Validator::new(skip, Naming::Keys),
        vbr_ips: HashSet::new(),
    };
    for (vi, (dv, lv)) in desired.vbrs.iter().zip(live).enumerate() {
        d.vbr(vi, dv, lv, keys, live);
    }
    if !d.problems.is_empty() {
        let mut e = FileError::new(file, d.problems);
        if d.not_found {
            e.exit = Exit::NotFound;
        }
        return Err(e);
    }
    let vbrs = desired
        .vbrs
        .iter()
        .map(|v| format!("{}/{}", v.region, v.vbr_id))
        .collect();
    Ok(Plan::new(
        live::fingerprint(live),
        vbrs,
        prune,
        d.changes,
        d.unmanaged,
    ))
}

struct Differ {
    changes: Vec<Change>,
    unmanaged: Vec<Unmanaged>,
    problems: Vec<Problem>,
    not_found: bool,
    prune: bool,
    v: Validator,
    /// The peer addresses the file lists in the VBR being compared.
    vbr_ips: HashSet<IpAddr>,
}

fn opt_json<T: serde::Serialize>(v: Option<T>) -> Option<Value> {
    v.map(|x| json!(x))
}

fn group_label(g: &BgpGroup) -> String {
    group_name(g)
        .map(str::to_string)
        .or_else(|| g.bgp_group_id.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn live_version(s: Option<&str>) -> Option<IpVersion> {
    s.and_then(IpVersion::parse)
}

impl Differ {
    fn change(&mut self, lv: &LiveVbr, action: Action, kind: Kind, key: String) -> &mut Change {
        self.changes.push(Change {
            action,
            kind,
            region: lv.region.clone(),
            vbr_id: lv.vbr_id.clone(),
            group: None,
            group_id: None,
            key,
            id: None,
            fields: Vec::new(),
            reason: None,
            drops_session: false,
        });
        self.changes.last_mut().expect("just pushed")
    }

    fn vbr(
        &mut self,
        vi: usize,
        dv: &super::file::DesiredVbr,
        lv: &LiveVbr,
        keys: &Keys,
        all: &[LiveVbr],
    ) {
        self.vbr_ips = dv
            .groups
            .iter()
            .flat_map(|g| g.peers.iter().map(|p| p.ip))
            .collect();
        let mut matched_groups: HashSet<String> = HashSet::new();
        let mut consumed_peers: HashSet<String> = HashSet::new();
        // First pass: which live group each desired group is.
        let mut matches: Vec<Option<&BgpGroup>> = Vec::new();
        let mut moved_from: Vec<Option<&BgpGroup>> = Vec::new();
        for dg in &dv.groups {
            let (m, moved) = self.match_group(dg, lv, all);
            if let Some(g) = m {
                matched_groups.insert(g.bgp_group_id.as_str().unwrap_or("").to_string());
            }
            matches.push(m);
            moved_from.push(moved);
        }
        // Peers by address across the VBR's live groups, to see peers that move between groups.
        let mut peer_home: HashMap<IpAddr, &BgpPeer> = HashMap::new();
        for g in lv.groups() {
            for p in lv.peers_of(g.bgp_group_id.as_str().unwrap_or("")) {
                if let Some(ip) = peer_ip(p) {
                    peer_home.entry(ip).or_insert(p);
                }
            }
        }
        // Peers that stay in a group the file keeps (so a move out of it is known).
        for (gi, dg) in dv.groups.iter().enumerate() {
            let wanted = keys.get(vi, gi);
            match (matches[gi], moved_from[gi]) {
                (Some(g), _) => {
                    self.group_matched(dg, g, wanted, lv, &peer_home, &mut consumed_peers)
                }
                (None, Some(old)) => {
                    // Pinned to a live group on another VBR: replace (delete there, create here).
                    let reason = format!(
                        "the group's VBR changes from {} to {}",
                        old.router_id.as_str().unwrap_or("?"),
                        lv.vbr_id
                    );
                    self.replace_group(
                        dg,
                        old,
                        wanted,
                        lv,
                        reason,
                        &peer_home,
                        &mut consumed_peers,
                        all,
                    );
                }
                (None, None) => self.create_group(dg, wanted, lv, &peer_home, &mut consumed_peers),
            }
        }
        // Live groups the file does not mention.
        for g in lv.groups() {
            let id = g.bgp_group_id.as_str().unwrap_or("").to_string();
            if matched_groups.contains(&id)
                || self
                    .changes
                    .iter()
                    .any(|c| c.kind == Kind::Group && c.id.as_deref() == Some(&id))
            {
                continue;
            }
            let peers: Vec<&BgpPeer> = lv
                .peers_of(&id)
                .filter(|p| !consumed_peers.contains(p.bgp_peer_id.as_str().unwrap_or("")))
                .collect();
            if self.prune {
                for p in &peers {
                    self.delete_peer(lv, g, p, "its group is not in the file (--prune)");
                }
                let c = self.change(lv, Action::Delete, Kind::Group, group_label(g));
                c.id = Some(id.clone());
                c.reason = Some("not in the file (--prune)".into());
                c.drops_session = !peers.is_empty();
            } else {
                self.unmanaged.push(Unmanaged {
                    kind: Kind::Group,
                    region: lv.region.clone(),
                    vbr_id: lv.vbr_id.clone(),
                    group: None,
                    key: group_label(g),
                    id: Some(id.clone()),
                });
                for p in &peers {
                    self.unmanaged.push(Unmanaged {
                        kind: Kind::Peer,
                        region: lv.region.clone(),
                        vbr_id: lv.vbr_id.clone(),
                        group: Some(group_label(g)),
                        key: p.peer_ip_address.as_str().unwrap_or("").to_string(),
                        id: p.bgp_peer_id.as_str().map(str::to_string),
                    });
                }
            }
        }
        self.networks(dv, lv);
    }

    /// The live group a desired one is: its pinned ID, or its name. Returns (match in this VBR,
    /// match on another VBR the file names).
    fn match_group<'a>(
        &mut self,
        dg: &DesiredGroup,
        lv: &'a LiveVbr,
        all: &'a [LiveVbr],
    ) -> (Option<&'a BgpGroup>, Option<&'a BgpGroup>) {
        if let Some(id) = &dg.id {
            if let Some(g) = lv.groups().find(|g| g.bgp_group_id.as_str() == Some(id)) {
                return (Some(g), None);
            }
            if let Some(g) = all
                .iter()
                .filter(|o| o.vbr_id != lv.vbr_id && o.region == lv.region)
                .flat_map(|o| o.groups())
                .find(|g| g.bgp_group_id.as_str() == Some(id))
            {
                return (None, Some(g));
            }
            self.not_found = true;
            self.problems.push(Problem::new(
                super::problem::At { path: format!("{}.id", dg.at.path), ..dg.at.clone() },
                format!("group {id} is pinned, but VBR {} has no such group", lv.vbr_id),
                format!("list the VBR's groups with `bgpeer group list --router-id {}`, and fix or remove the id", lv.vbr_id),
            ));
            return (None, None);
        }
        let Some(name) = &dg.name else {
            return (None, None);
        };
        let same: Vec<&BgpGroup> = lv
            .groups()
            .filter(|g| group_name(g) == Some(name))
            .collect();
        match same.as_slice() {
            [] => (None, None),
            [one] => (Some(one), None),
            many => {
                let ids: Vec<&str> = many
                    .iter()
                    .filter_map(|g| g.bgp_group_id.as_str())
                    .collect();
                self.problems.push(Problem::new(
                    super::problem::At { path: format!("{}.name", dg.at.path), ..dg.at.clone() },
                    format!("VBR {} has {} live groups named {name:?}: {}", lv.vbr_id, many.len(), ids.join(", ")),
                    format!("pin the one this entry is with `id: {}` (and describe the others as their own entries, or leave them unmanaged)", ids[0]),
                ));
                (None, None)
            }
        }
    }

    fn group_fields_for_create(
        &self,
        dg: &DesiredGroup,
        wanted: Option<&WantedKey>,
    ) -> Vec<FieldChange> {
        let mut f = Vec::new();
        let mut add = |name: &str, v: Option<Value>| {
            if let Some(v) = v {
                f.push(FieldChange::value(name, None, Some(v)));
            }
        };
        add("name", opt_json(dg.name.as_deref()));
        add("description", opt_json(dg.description.as_deref()));
        add("peer_asn", opt_json(dg.peer_asn));
        add("local_asn", opt_json(dg.local_asn));
        add("is_fake_asn", opt_json(dg.is_fake_asn));
        add("route_quota", opt_json(dg.route_quota));
        add("ip_version", opt_json(dg.ip_version.map(|v| v.as_str())));
        if let Some(WantedKey::Value(_)) = wanted {
            f.push(FieldChange::sensitive("auth_key", "set"));
        }
        f
    }

    fn create_group(
        &mut self,
        dg: &DesiredGroup,
        wanted: Option<&WantedKey>,
        lv: &LiveVbr,
        peer_home: &HashMap<IpAddr, &BgpPeer>,
        consumed: &mut HashSet<String>,
    ) {
        if dg.peer_asn.is_none() {
            self.problems.push(Problem::new(
                dg.at.clone(),
                format!("group {} does not exist on VBR {} and has no peer_asn to create it with", dg.key(), lv.vbr_id),
                "add `peer_asn: ASN` (the data centre's ASN), or fix the name to match the live group",
            ));
            return;
        }
        let fields = self.group_fields_for_create(dg, wanted);
        let c = self.change(lv, Action::Create, Kind::Group, dg.key());
        c.fields = fields;
        self.new_group_peers(dg, None, lv, peer_home, consumed, "");
    }

    /// The peers of a group that is created (or re-created): each one created, or replaced when
    /// it lives in another group now.
    fn new_group_peers(
        &mut self,
        dg: &DesiredGroup,
        replaced: Option<&BgpGroup>,
        lv: &LiveVbr,
        peer_home: &HashMap<IpAddr, &BgpPeer>,
        consumed: &mut HashSet<String>,
        why: &str,
    ) {
        let replaced_id = replaced.and_then(|g| g.bgp_group_id.as_str());
        for dp in &dg.peers {
            self.new_peer(
                &dg.key(),
                None,
                dp,
                replaced_id,
                lv,
                peer_home,
                consumed,
                why,
            );
        }
    }

    /// One peer new to its group (`group_id`: the live group's, when it stays): created, or
    /// replaced when its address lives in another group now (or in the group `replaced_id` that is
    /// re-created, `why`).
    #[allow(clippy::too_many_arguments)]
    fn new_peer(
        &mut self,
        group: &str,
        group_id: Option<&str>,
        dp: &DesiredPeer,
        replaced_id: Option<&str>,
        lv: &LiveVbr,
        peer_home: &HashMap<IpAddr, &BgpPeer>,
        consumed: &mut HashSet<String>,
        why: &str,
    ) {
        self.check_bfd(dp, None);
        let home = peer_home
            .get(&dp.ip)
            .filter(|p| !consumed.contains(p.bgp_peer_id.as_str().unwrap_or("")));
        let (action, id, reason) = match home {
            Some(old) => {
                consumed.insert(old.bgp_peer_id.as_str().unwrap_or("").to_string());
                let reason = if replaced_id.is_some() && old.bgp_group_id.as_str() == replaced_id {
                    format!("its group is replaced ({why})")
                } else {
                    let from = lv
                        .groups()
                        .find(|g| g.bgp_group_id.as_str() == old.bgp_group_id.as_str())
                        .map(group_label)
                        .unwrap_or_else(|| old.bgp_group_id.as_str().unwrap_or("?").to_string());
                    format!(
                        "the peer moves from group {from} (a peer's group cannot change in place)"
                    )
                };
                let id = old.bgp_peer_id.as_str().map(str::to_string);
                (Action::Replace, id, Some(reason))
            }
            None => (Action::Create, None, None),
        };
        let fields = peer_create_fields(dp);
        let c = self.change(lv, action, Kind::Peer, dp.peer_ip_address.clone());
        c.group = Some(group.to_string());
        c.group_id = group_id.map(str::to_string);
        c.id = id;
        c.fields = fields;
        c.drops_session = action == Action::Replace;
        c.reason = reason;
    }

    #[allow(clippy::too_many_arguments)]
    fn replace_group(
        &mut self,
        dg: &DesiredGroup,
        old: &BgpGroup,
        wanted: Option<&WantedKey>,
        lv: &LiveVbr,
        reason: String,
        peer_home: &HashMap<IpAddr, &BgpPeer>,
        consumed: &mut HashSet<String>,
        all: &[LiveVbr],
    ) {
        let old_id = old.bgp_group_id.as_str().unwrap_or("").to_string();
        let old_vbr = all
            .iter()
            .find(|v| {
                v.groups
                    .iter()
                    .any(|g| g.bgp_group_id.as_str() == Some(&old_id))
            })
            .unwrap_or(lv);
        let mut fields = self.group_fields_for_create(dg, wanted);
        if let (Some(want), Some(have)) = (dg.ip_version, live_version(old.ip_version.as_str())) {
            if want != have {
                if let Some(f) = fields.iter_mut().find(|f| f.field == "ip_version") {
                    f.old = Some(json!(have.as_str()));
                    f.forces_replace = true;
                }
            }
        }
        // The old group's peers go first; those the file lists again come back in the new group.
        let keep: HashSet<IpAddr> = dg.peers.iter().map(|p| p.ip).collect();
        let old_peers: Vec<&BgpPeer> = old_vbr.peers_of(&old_id).collect();
        for p in &old_peers {
            if peer_ip(p).is_some_and(|ip| keep.contains(&ip)) {
                continue; // replaced with the new group's peer below
            }
            if consumed.contains(p.bgp_peer_id.as_str().unwrap_or("")) || self.moves_elsewhere(p) {
                continue; // moves to another group of the file: that group's replace deletes it
            }
            consumed.insert(p.bgp_peer_id.as_str().unwrap_or("").to_string());
            self.delete_peer(lv, old, p, "its group is replaced");
        }
        let c = self.change(lv, Action::Replace, Kind::Group, dg.key());
        c.id = Some(old_id.clone());
        c.fields = fields;
        c.reason = Some(reason.clone());
        c.drops_session = !old_peers.is_empty();
        let mut home = peer_home.clone();
        for p in &old_peers {
            if let Some(ip) = peer_ip(p) {
                home.insert(ip, p);
            }
        }
        self.new_group_peers(dg, Some(old), lv, &home, consumed, &reason);
    }

    fn delete_peer(&mut self, lv: &LiveVbr, g: &BgpGroup, p: &BgpPeer, reason: &str) {
        let c = self.change(
            lv,
            Action::Delete,
            Kind::Peer,
            p.peer_ip_address.as_str().unwrap_or("").to_string(),
        );
        c.group = Some(group_label(g));
        c.group_id = g.bgp_group_id.as_str().map(str::to_string);
        c.id = p.bgp_peer_id.as_str().map(str::to_string);
        c.reason = Some(reason.into());
        c.drops_session = true;
    }

    fn group_matched(
        &mut self,
        dg: &DesiredGroup,
        g: &BgpGroup,
        wanted: Option<&WantedKey>,
        lv: &LiveVbr,
        peer_home: &HashMap<IpAddr, &BgpPeer>,
        consumed: &mut HashSet<String>,
    ) {
        let id = g.bgp_group_id.as_str().unwrap_or("").to_string();
        if let (Some(want), Some(have)) = (dg.ip_version, live_version(g.ip_version.as_str())) {
            if want != have {
                let reason = format!("ip_version changes from {have} to {want}, which the API cannot change in place");
                self.replace_group(dg, g, wanted, lv, reason, peer_home, consumed, &[]);
                return;
            }
        }
        let mut fields = Vec::new();
        let mut cmp = |name: &str, want: Option<Value>, have: Option<Value>| {
            if let Some(want) = want {
                if Some(&want) != have.as_ref() {
                    fields.push(FieldChange::value(name, have, Some(want)));
                }
            }
        };
        cmp(
            "name",
            opt_json(dg.name.as_deref()),
            opt_json(group_name(g)),
        );
        cmp(
            "description",
            opt_json(dg.description.as_deref()),
            opt_json(g.description.as_str().filter(|d| !d.is_empty())),
        );
        cmp(
            "peer_asn",
            opt_json(dg.peer_asn),
            opt_json(g.peer_asn.as_u64()),
        );
        cmp(
            "local_asn",
            opt_json(dg.local_asn),
            opt_json(g.local_asn.as_u64()),
        );
        cmp(
            "is_fake_asn",
            opt_json(dg.is_fake_asn),
            opt_json(g.is_fake.as_bool()),
        );
        cmp(
            "route_quota",
            opt_json(dg.route_quota),
            opt_json(g.route_limit.as_u64()),
        );
        match (wanted, group_key(g)) {
            (Some(WantedKey::None), Some(_)) => {
                fields.push(FieldChange::sensitive("auth_key", "cleared"))
            }
            (Some(WantedKey::Value(k)), None) if !k.is_empty() => {
                fields.push(FieldChange::sensitive("auth_key", "set"))
            }
            (Some(WantedKey::Value(k)), Some(have)) if k.expose() != have => {
                fields.push(FieldChange::sensitive("auth_key", "changed"))
            }
            _ => {}
        }
        if !fields.is_empty() {
            let c = self.change(lv, Action::Update, Kind::Group, dg.key());
            c.id = Some(id.clone());
            c.fields = fields;
        }
        // Its peers.
        let mut listed: HashSet<IpAddr> = HashSet::new();
        for dp in &dg.peers {
            listed.insert(dp.ip);
            let here = lv.peers_of(&id).find(|p| peer_ip(p) == Some(dp.ip));
            match here {
                Some(p) => {
                    consumed.insert(p.bgp_peer_id.as_str().unwrap_or("").to_string());
                    self.peer_matched(dg, dp, g, p, lv);
                }
                // New here: created, or moved from another group (a replace).
                None => self.new_peer(&dg.key(), Some(&id), dp, None, lv, peer_home, consumed, ""),
            }
        }
        // Live peers of this group the file does not list (and that do not move elsewhere).
        for p in lv.peers_of(&id) {
            let pid = p.bgp_peer_id.as_str().unwrap_or("").to_string();
            if peer_ip(p).is_some_and(|ip| listed.contains(&ip)) || consumed.contains(&pid) {
                continue;
            }
            if self.moves_elsewhere(p) {
                continue;
            }
            consumed.insert(pid.clone());
            if self.prune {
                self.delete_peer(lv, g, p, "not in the file (--prune)");
            } else {
                self.unmanaged.push(Unmanaged {
                    kind: Kind::Peer,
                    region: lv.region.clone(),
                    vbr_id: lv.vbr_id.clone(),
                    group: Some(dg.key()),
                    key: p.peer_ip_address.as_str().unwrap_or("").to_string(),
                    id: Some(pid),
                });
            }
        }
    }

    /// Whether a live peer is listed under another group of the file (its move is planned there).
    fn moves_elsewhere(&self, p: &BgpPeer) -> bool {
        peer_ip(p).is_some_and(|ip| self.vbr_ips.contains(&ip))
    }

    fn peer_matched(
        &mut self,
        dg: &DesiredGroup,
        dp: &DesiredPeer,
        g: &BgpGroup,
        p: &BgpPeer,
        lv: &LiveVbr,
    ) {
        let have_version = live_version(p.ip_version.as_str());
        self.check_bfd(dp, Some(p));
        if let (Some(want), Some(have)) = (dp.ip_version, have_version) {
            if want != have {
                let mut fields = peer_create_fields(dp);
                if let Some(f) = fields.iter_mut().find(|f| f.field == "ip_version") {
                    f.old = Some(json!(have.as_str()));
                    f.forces_replace = true;
                }
                let c = self.change(lv, Action::Replace, Kind::Peer, dp.peer_ip_address.clone());
                c.group = Some(dg.key());
                c.group_id = g.bgp_group_id.as_str().map(str::to_string);
                c.id = p.bgp_peer_id.as_str().map(str::to_string);
                c.fields = fields;
                c.reason = Some(format!("ip_version changes from {have} to {want}, which the API cannot change in place"));
                c.drops_session = true;
                return;
            }
        }
        let live_bfd = p.enable_bfd.as_bool();
        let mut fields = Vec::new();
        if let Some(want) = dp.enable_bfd {
            if Some(want) != live_bfd {
                fields.push(FieldChange::value(
                    "enable_bfd",
                    opt_json(live_bfd),
                    Some(json!(want)),
                ));
            }
        }
        let bfd_after = dp.enable_bfd.or(live_bfd).unwrap_or(false);
        if let Some(want) = dp.bfd_multi_hop {
            let have = p.bfd_multi_hop.get().and_then(|n| n.as_i64());
            if bfd_after && Some(want) != have {
                fields.push(FieldChange::value(
                    "bfd_multi_hop",
                    opt_json(have),
                    Some(json!(want)),
                ));
            }
        }
        if !fields.is_empty() {
            let c = self.change(lv, Action::Update, Kind::Peer, dp.peer_ip_address.clone());
            c.group = Some(dg.key());
            c.group_id = g.bgp_group_id.as_str().map(str::to_string);
            c.id = p.bgp_peer_id.as_str().map(str::to_string);
            c.fields = fields;
        }
    }

    /// `bfd_multi_hop` needs BFD on: with `enable_bfd` left out of the file, the live peer's says.
    fn check_bfd(&mut self, dp: &DesiredPeer, live: Option<&BgpPeer>) {
        if dp.enable_bfd.is_some() || dp.bfd_multi_hop.is_none() {
            return;
        }
        let on = live.and_then(|p| p.enable_bfd.as_bool()).unwrap_or(false);
        if let Err(e) = self.v.bfd(dp.bfd_multi_hop, on) {
            let (message, fix) = match e {
                crate::api::Error::Usage { message, hint } => (message, hint.unwrap_or_default()),
                other => (other.to_string(), String::new()),
            };
            self.problems.push(Problem::new(
                super::problem::At {
                    path: format!("{}.bfd_multi_hop", dp.at.path),
                    ..dp.at.clone()
                },
                format!("{message}; the peer has BFD off and the file does not set enable_bfd"),
                if fix.is_empty() {
                    "add `enable_bfd: true`".into()
                } else {
                    format!("add `enable_bfd: true`, or {fix}")
                },
            ));
        }
    }

    fn networks(&mut self, dv: &super::file::DesiredVbr, lv: &LiveVbr) {
        let mut seen: HashSet<String> = HashSet::new();
        for dn in &dv.networks {
            let key = canonical_cidr(&dn.dst_cidr_block);
            let here = lv
                .networks()
                .find(|n| n.dst_cidr_block.as_str().map(canonical_cidr).as_deref() == Some(&key));
            match here {
                Some(n) => {
                    seen.insert(key.clone());
                    let have_vpc = n.vpc_id.as_str().filter(|v| !v.is_empty());
                    if let Some(want) = &dn.vpc_id {
                        if Some(want.as_str()) != have_vpc {
                            let c = self.change(
                                lv,
                                Action::Replace,
                                Kind::Network,
                                dn.dst_cidr_block.clone(),
                            );
                            c.id = n.dst_cidr_block.as_str().map(str::to_string);
                            c.fields = vec![
                                FieldChange::value(
                                    "dst_cidr_block",
                                    None,
                                    Some(json!(dn.dst_cidr_block)),
                                ),
                                FieldChange {
                                    forces_replace: true,
                                    ..FieldChange::value(
                                        "vpc_id",
                                        opt_json(have_vpc),
                                        Some(json!(want)),
                                    )
                                },
                            ];
                            c.reason =
                                Some("vpc_id changes, which the API cannot change in place".into());
                        }
                    }
                }
                None => {
                    let mut fields = vec![FieldChange::value(
                        "dst_cidr_block",
                        None,
                        Some(json!(dn.dst_cidr_block)),
                    )];
                    if let Some(vpc) = &dn.vpc_id {
                        fields.push(FieldChange::value("vpc_id", None, Some(json!(vpc))));
                    }
                    let c =
                        self.change(lv, Action::Create, Kind::Network, dn.dst_cidr_block.clone());
                    c.fields = fields;
                }
            }
        }
        for n in lv.networks() {
            let cidr = n.dst_cidr_block.as_str().unwrap_or("").to_string();
            if seen.contains(&canonical_cidr(&cidr)) {
                continue;
            }
            if self.prune {
                let c = self.change(lv, Action::Delete, Kind::Network, cidr.clone());
                c.id = Some(cidr);
                c.reason = Some("not in the file (--prune)".into());
            } else {
                self.unmanaged.push(Unmanaged {
                    kind: Kind::Network,
                    region: lv.region.clone(),
                    vbr_id: lv.vbr_id.clone(),
                    group: None,
                    key: cidr.clone(),
                    id: None,
                });
            }
        }
    }
}

fn peer_create_fields(dp: &DesiredPeer) -> Vec<FieldChange> {
    let mut f = vec![FieldChange::value(
        "peer_ip_address",
        None,
        Some(json!(dp.peer_ip_address)),
    )];
    if let Some(v) = dp.ip_version {
        f.push(FieldChange::value(
            "ip_version",
            None,
            Some(json!(v.as_str())),
        ));
    }
    if let Some(b) = dp.enable_bfd {
        f.push(FieldChange::value("enable_bfd", None, Some(json!(b))));
    }
    if let Some(h) = dp.bfd_multi_hop {
        f.push(FieldChange::value("bfd_multi_hop", None, Some(json!(h))));
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::declarative::file::{self, ReadOptions};
    use serde_json::json;

    fn live() -> LiveVbr {
        let g = |id: &str, name: &str, v: &str| -> BgpGroup {
            serde_json::from_value(json!({"BgpGroupId": id, "Name": name, "PeerAsn": 65001,
                "IpVersion": v, "RouterId": "vbr-1", "Status": "Available"}))
            .unwrap()
        };
        let p = |id: &str, group: &str, ip: &str| -> BgpPeer {
            serde_json::from_value(
                json!({"BgpPeerId": id, "BgpGroupId": group, "PeerIpAddress": ip,
                "IpVersion": "IPv4", "EnableBfd": false, "Status": "Available"}),
            )
            .unwrap()
        };
        LiveVbr {
            region: "cn-shanghai".into(),
            vbr_id: "vbr-1".into(),
            groups: vec![g("bgpg-a", "core", "IPv4"), g("bgpg-b", "edge", "IPv4")],
            peers: vec![
                p("bgp-1", "bgpg-a", "10.0.0.1"),
                p("bgp-2", "bgpg-b", "10.0.0.2"),
            ],
            networks: vec![],
        }
    }

    fn plan_of(text: &str, prune: bool) -> Plan {
        let d = file::read("f.yaml", text, &ReadOptions::default()).unwrap();
        plan("f.yaml", &d, &Keys::default(), &[live()], prune, &[]).unwrap()
    }

    const HEAD: &str = "region: cn-shanghai\nvbrs:\n  - vbr_id: vbr-1\n    groups:\n";

    #[test]
    fn a_peer_that_moves_group_is_one_replace_whichever_group_comes_first() {
        for order in [
            "      - name: core\n        peers:\n          - peer_ip_address: 10.0.0.1\n          - peer_ip_address: 10.0.0.2\n      - name: edge\n",
            "      - name: edge\n      - name: core\n        peers:\n          - peer_ip_address: 10.0.0.1\n          - peer_ip_address: 10.0.0.2\n",
        ] {
            let p = plan_of(&format!("{HEAD}{order}"), true);
            let moves: Vec<&Change> = p.changes.iter().filter(|c| c.kind == Kind::Peer).collect();
            assert_eq!(moves.len(), 1, "{:#?}", p.changes);
            assert_eq!(moves[0].action, Action::Replace);
            assert_eq!(moves[0].id.as_deref(), Some("bgp-2"));
            assert_eq!(moves[0].group_id.as_deref(), Some("bgpg-a"));
            assert!(p.unmanaged.is_empty());
        }
    }

    #[test]
    fn unmentioned_objects_are_unmanaged_or_pruned_with_their_peers() {
        let text = format!(
            "{HEAD}      - name: core\n        peers:\n          - peer_ip_address: 10.0.0.1\n"
        );
        let kept = plan_of(&text, false);
        assert!(kept.changes.is_empty(), "{:#?}", kept.changes);
        assert_eq!(kept.unmanaged.len(), 2, "group b and its peer");
        let pruned = plan_of(&text, true);
        let what: Vec<(Action, Kind, Option<&str>)> = pruned
            .changes
            .iter()
            .map(|c| (c.action, c.kind, c.id.as_deref()))
            .collect();
        assert_eq!(
            what,
            [
                (Action::Delete, Kind::Peer, Some("bgp-2")),
                (Action::Delete, Kind::Group, Some("bgpg-b"))
            ]
        );
    }

    #[test]
    fn an_ip_version_change_replaces_the_group_and_its_peers() {
        let text = format!("{HEAD}      - name: core\n        ip_version: IPv6\n        peers:\n          - peer_ip_address: 2001:db8::1\n      - name: edge\n        peers:\n          - peer_ip_address: 10.0.0.2\n");
        let p = plan_of(&text, false);
        let what: Vec<(Action, Kind, &str)> = p
            .changes
            .iter()
            .map(|c| (c.action, c.kind, c.key.as_str()))
            .collect();
        assert_eq!(
            what,
            [
                (Action::Delete, Kind::Peer, "10.0.0.1"),
                (Action::Replace, Kind::Group, "core"),
                (Action::Create, Kind::Peer, "2001:db8::1"),
            ]
        );
        assert!(p.changes[1].drops_session);
        assert!(p.changes[1].field("ip_version").unwrap().forces_replace);
    }

    #[test]
    fn fields_left_out_are_not_compared() {
        let p = plan_of(
            &format!("{HEAD}      - name: core\n      - name: edge\n        peer_asn: 65002\n"),
            false,
        );
        assert_eq!(p.changes.len(), 1);
        assert_eq!(
            p.changes[0].fields,
            [FieldChange::value(
                "peer_asn",
                Some(json!(65001)),
                Some(json!(65002))
            )]
        );
    }
}
