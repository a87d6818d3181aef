//! `bgpeer apply`: running a plan in dependency order, with waits, idempotency tokens, a report
//! of every item, `--wait-established` and its rollback.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::Duration;

use serde_json::{json, Value};

use super::plan::{make_plan, SavedPlan, SAVED_PLAN_FORMAT};
use super::rollback::rollback_plan;
use super::status::Status;
use super::{load, load_text, Regions};
use crate::api::group::{self, CreateGroup, GroupFilter, ModifyGroup};
use crate::api::model::{BgpGroup, BgpNetwork, BgpPeer};
use crate::api::network::{self, AddNetwork, DeleteNetwork};
use crate::api::peer::{self, CreatePeer, ModifyPeer, PeerFilter};
use crate::api::request::Request;
use crate::api::validate::IpVersion;
use crate::cli::declarative::ApplyArgs;
use crate::commands::bulk::run::Pacer;
use crate::commands::{CliError, Context};
use crate::declarative::keys::WantedKey;
use crate::declarative::live::LiveVbr;
use crate::declarative::plan::{Action, Change, Kind, Plan};
use crate::exit::Exit;
use crate::seconds::Seconds;

pub async fn run(ctx: &Context, args: ApplyArgs) -> anyhow::Result<()> {
    let secs = |v: f64, flag: &str| -> Result<Duration, CliError> {
        Seconds::new(v)
            .map(Seconds::duration)
            .map_err(|e| CliError::usage(format!("invalid {flag} {v}: {e}"), None))
    };
    let waits = Waits {
        timeout: secs(args.timeout, "--timeout")?,
        interval: secs(args.interval, "--interval")?,
        progress: None,
    };
    let established = args
        .wait_established
        .map(|s| secs(s, "--wait-established"))
        .transpose()?;

    // The file (or the saved plan's), checked, its keys resolved: nothing sent yet.
    let (loaded, saved, skip, prune) = match (&args.plan, &args.file) {
        (Some(path), _) => {
            let saved = read_saved(path)?;
            let skip = saved.rules();
            let loaded = load_text(
                ctx,
                saved.file.clone(),
                saved.source.clone(),
                saved.base_dir.clone().into(),
                &skip,
            )?;
            let prune = saved.plan.prune;
            (loaded, Some(saved), skip, prune)
        }
        (None, Some(file)) => {
            let skip = args.source.no_validate.clone();
            (load(ctx, file, &skip)?, None, skip, args.source.prune)
        }
        (None, None) => unreachable!("clap requires PLAN or --file"),
    };
    let (plan, live, regions) = make_plan(
        ctx,
        &loaded,
        prune,
        &skip,
        usize::from(args.source.concurrency),
    )
    .await?;
    if let Some(saved) = &saved {
        if saved.plan.fingerprint != plan.fingerprint {
            return Err(CliError::StalePlan {
                message: "the live BGP set-up of the plan's VBRs changed since the plan was made (its fingerprint differs); nothing was sent".into(),
                hint: Some(format!(
                    "make and review a new plan: bgpeer plan -f {} --out PLAN",
                    saved.file
                )),
            }
            .into());
        }
        if saved.plan.changes != plan.changes {
            return Err(CliError::StalePlan {
                message: "the saved plan's changes differ from the ones its file gives now (an AuthKey variable or file changed?); nothing was sent".into(),
                hint: Some(format!("make and review a new plan: bgpeer plan -f {} --out PLAN", saved.file)),
            }
            .into());
        }
    }

    if !plan.has_changes() {
        ctx.notice(plan.render().trim());
        return emit_report(ctx, &[], &[]);
    }
    if !(ctx.globals.quiet && ctx.globals.yes) {
        ctx.write_stderr(&plan.render());
    }
    confirm(ctx, &plan, args.allow_replace)?;

    let keys = keys_by_group(&loaded);
    let run = Run::new(ctx, &plan, &regions, keys, &live, waits.clone());
    run.all().await;
    let mut statuses = run.into_statuses();
    let mut changes: Vec<Change> = plan.changes.clone();

    let mut outcome: Option<anyhow::Error> = None;
    if let (Some(limit), false) = (established, ctx.stop.requested()) {
        let targets = established_targets(&plan, &statuses);
        if !targets.is_empty() {
            let w = Waits {
                timeout: limit,
                ..waits.clone()
            };
            if let Err(why) = wait_established(ctx, &regions, &targets, &w).await {
                if args.rollback_on_failure {
                    ctx.notice(&format!("{why}; rolling back what this apply did"));
                    let (back, back_keys, unknown) = rollback_plan(&plan, &statuses, &live);
                    for u in &unknown {
                        ctx.notice(&format!("warning: {u}"));
                    }
                    let rb = Run::new(ctx, &back, &regions, back_keys, &live, waits.clone());
                    rb.all().await;
                    let rb_statuses = rb.into_statuses();
                    for (c, s) in back.changes.iter().zip(&rb_statuses) {
                        let mut c = c.clone();
                        c.reason = Some(format!(
                            "rollback{}",
                            c.reason
                                .as_deref()
                                .map(|r| format!(": {r}"))
                                .unwrap_or_default()
                        ));
                        changes.push(c);
                        statuses.push(s.clone());
                    }
                    outcome = Some(
                        CliError::wait(
                            format!("{why}; this apply was rolled back"),
                            Some("check the sessions with `bgpeer peer list`; the report lists every change and its rollback".to_string()),
                        )
                        .into(),
                    );
                } else {
                    outcome = Some(
                        CliError::wait(
                            why,
                            Some("the changes were made; check the sessions with `bgpeer peer list`, or apply with --rollback-on-failure to undo them when they do not come up".to_string()),
                        )
                        .into(),
                    );
                }
            }
        }
    }
    emit_report(ctx, &changes, &statuses)?;
    let done = statuses
        .iter()
        .filter(|s| matches!(s, Status::Done { .. }))
        .count();
    let failed: Vec<&Status> = statuses
        .iter()
        .filter(|s| matches!(s, Status::Failed { .. }))
        .collect();
    let not_done = statuses.len() - done;
    ctx.notice(&format!(
        "{done} of {} changes made, {} failed, {} not made",
        statuses.len(),
        failed.len(),
        not_done - failed.len()
    ));
    if ctx.stop.requested() {
        return Err(CliError::Interrupted.into());
    }
    if let Some(e) = outcome {
        return Err(e);
    }
    if not_done > 0 {
        let exit = failed
            .iter()
            .find_map(|s| match s {
                Status::Failed { exit, .. } => Some(*exit),
                _ => None,
            })
            .unwrap_or(Exit::Rejected);
        return Err(CliError::Partial {
            failed: not_done,
            total: statuses.len(),
            exit,
        }
        .into());
    }
    Ok(())
}

fn read_saved(path: &str) -> anyhow::Result<SavedPlan> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError::usage(
            format!("cannot read the plan {path}: {e}"),
            Some(
                "give a plan saved by `bgpeer plan --out`, or a declarative file with -f"
                    .to_string(),
            ),
        )
    })?;
    let saved: SavedPlan = serde_json::from_str(&text)
        .ok()
        .filter(|s: &SavedPlan| s.format == SAVED_PLAN_FORMAT)
        .ok_or_else(|| {
            CliError::usage(
                format!("{path} is not a plan saved by `bgpeer plan --out`"),
                Some(format!(
                    "to apply a declarative file, give it with -f: bgpeer apply -f {path}"
                )),
            )
        })?;
    Ok(saved)
}

/// Asks before changing anything: `--yes` for scripts, and replacements (which drop BGP
/// sessions) only with `--allow-replace` or a terminal answer that names them.
fn confirm(ctx: &Context, plan: &Plan, allow_replace: bool) -> anyhow::Result<()> {
    let replaced: Vec<String> = plan
        .replacements()
        .map(|c| format!("{} on {}", c.label(), c.vbr_id))
        .collect();
    let n = plan.changes.len();
    let what = format!("apply {n} change{}", if n == 1 { "" } else { "s" });
    if !replaced.is_empty() && !allow_replace {
        if ctx.globals.yes || !ctx.term.stdin {
            return Err(CliError::usage(
                format!(
                    "the plan replaces {} object{} (delete, then create, which drops their BGP sessions): {}; nothing was sent",
                    replaced.len(),
                    if replaced.len() == 1 { "" } else { "s" },
                    replaced.join(", ")
                ),
                Some("pass --allow-replace to allow it, or change the file so that nothing is replaced".to_string()),
            )
            .into());
        }
        return super::super::confirm::confirm(
            ctx,
            &format!(
                "{what}, REPLACING {} (their BGP sessions drop)",
                replaced.join(", ")
            ),
        );
    }
    super::super::confirm::confirm(ctx, &what)
}

/// The wanted AuthKey of each group key of the plan: (VBR ID, group key) → key.
fn keys_by_group(loaded: &super::Loaded) -> HashMap<(String, String), WantedKey> {
    let mut out = HashMap::new();
    for (vi, v) in loaded.desired.vbrs.iter().enumerate() {
        for (gi, g) in v.groups.iter().enumerate() {
            if let Some(k) = loaded.keys.get(vi, gi) {
                out.insert((v.vbr_id.clone(), g.key()), k.clone());
            }
        }
    }
    out
}

/// How long and how often apply's waits poll (the polling rule of every wait: `--interval`,
/// backing off 1.5x up to 5x, at most 30 s).
type Waits = crate::api::wait::WaitOptions;

/// One run of a plan's changes.
struct Run<'a> {
    ctx: &'a Context,
    plan: &'a Plan,
    regions: &'a Regions,
    keys: HashMap<(String, String), WantedKey>,
    live: &'a [LiveVbr],
    waits: Waits,
    status: Mutex<Vec<Status>>,
    /// Replaces whose delete step is done.
    deleted: Mutex<HashSet<usize>>,
    /// Groups this run created: (VBR ID, group key) → ID.
    created_groups: Mutex<HashMap<(String, String), String>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Create,
    Update,
    Delete,
}

impl Step {
    fn name(self) -> &'static str {
        match self {
            Step::Create => "create",
            Step::Update => "update",
            Step::Delete => "delete",
        }
    }
}

impl<'a> Run<'a> {
    fn new(
        ctx: &'a Context,
        plan: &'a Plan,
        regions: &'a Regions,
        keys: HashMap<(String, String), WantedKey>,
        live: &'a [LiveVbr],
        waits: Waits,
    ) -> Run<'a> {
        Run {
            ctx,
            plan,
            regions,
            keys,
            live,
            waits,
            status: Mutex::new(vec![Status::Pending; plan.changes.len()]),
            deleted: Mutex::new(HashSet::new()),
            created_groups: Mutex::new(HashMap::new()),
        }
    }

    fn into_statuses(self) -> Vec<Status> {
        self.status
            .into_inner()
            .expect("status")
            .into_iter()
            .map(|s| match s {
                Status::Pending => Status::NotSent,
                other => other,
            })
            .collect()
    }

    fn set(&self, i: usize, s: Status) {
        self.status.lock().expect("status")[i] = s;
    }

    fn get(&self, i: usize) -> Status {
        self.status.lock().expect("status")[i].clone()
    }

    fn is_failed(&self, i: usize) -> bool {
        matches!(
            self.get(i),
            Status::Failed { .. } | Status::Skipped(_) | Status::NotSent
        )
    }

    /// Every VBR at once; each VBR's changes in dependency order.
    async fn all(&self) {
        let mut vbrs: Vec<(&str, &str)> = Vec::new();
        for c in &self.plan.changes {
            if !vbrs.contains(&(&c.region, &c.vbr_id)) {
                vbrs.push((&c.region, &c.vbr_id));
            }
        }
        futures_util::future::join_all(vbrs.into_iter().map(|(r, v)| self.vbr(r, v))).await;
    }

    fn indices(&self, region: &str, vbr: &str, pick: impl Fn(&Change) -> bool) -> Vec<usize> {
        self.plan
            .changes
            .iter()
            .enumerate()
            .filter(|(_, c)| c.region == region && c.vbr_id == vbr && pick(c))
            .map(|(i, _)| i)
            .collect()
    }

    fn live_vbr(&self, vbr: &str) -> Option<&'a LiveVbr> {
        self.live.iter().find(|l| l.vbr_id == vbr)
    }

    async fn vbr(&self, region: &str, vbr: &str) {
        let is = |kind: Kind, actions: &'static [Action]| {
            move |c: &Change| c.kind == kind && actions.contains(&c.action)
        };
        const GONE: &[Action] = &[Action::Delete, Action::Replace];
        const MADE: &[Action] = &[Action::Create, Action::Replace];
        const CHANGED: &[Action] = &[Action::Update];

        // 1. Deletes, in reverse dependency order: networks, peers, groups.
        let net_del = self.indices(region, vbr, is(Kind::Network, GONE));
        self.steps(&net_del, Step::Delete).await;
        let peer_del = self.indices(region, vbr, is(Kind::Peer, GONE));
        self.steps(&peer_del, Step::Delete).await;
        let group_del = self.indices(region, vbr, is(Kind::Group, GONE));
        let peer_ids: Vec<String> = self.done_ids(&peer_del, true);
        if !peer_ids.is_empty() {
            // A group with peers cannot be deleted, and a peer's address is taken until it is gone.
            if let Err(why) = self.wait_peers_gone(region, vbr, &peer_ids).await {
                self.skip_all(&group_del, &why);
                self.skip_all(
                    &self.indices(region, vbr, |c| {
                        c.kind == Kind::Peer && c.action == Action::Replace
                    }),
                    &why,
                );
            }
        }
        let ready: Vec<usize> = group_del
            .iter()
            .copied()
            .filter(|&i| {
                let gid = self.plan.changes[i].id.clone();
                let blocked = peer_del.iter().any(|&p| {
                    self.is_failed(p) && self.plan.changes[p].group_id == gid && gid.is_some()
                });
                if blocked {
                    self.set(
                        i,
                        Status::Skipped("a peer of the group could not be deleted".into()),
                    );
                }
                !blocked && matches!(self.get(i), Status::Pending)
            })
            .collect();
        self.steps(&ready, Step::Delete).await;
        let nets_gone: Vec<String> = self.done_ids(&net_del, false);
        if net_del
            .iter()
            .any(|&i| self.plan.changes[i].action == Action::Replace)
            && !nets_gone.is_empty()
        {
            if let Err(why) = self.wait_networks_gone(region, vbr, &nets_gone).await {
                self.skip_all(
                    &self.indices(region, vbr, |c| {
                        c.kind == Kind::Network && c.action == Action::Replace
                    }),
                    &why,
                );
            }
        }

        // 2. Groups: create, update (waiting first for any that is not Available yet).
        let group_upd = self.indices(region, vbr, is(Kind::Group, CHANGED));
        self.settle_first(region, vbr, &group_upd, Kind::Group)
            .await;
        let group_new = self.indices(region, vbr, is(Kind::Group, MADE));
        self.steps(&group_new, Step::Create).await;
        self.steps(&group_upd, Step::Update).await;
        let peer_new = self.indices(region, vbr, is(Kind::Peer, MADE));
        let peer_upd = self.indices(region, vbr, is(Kind::Peer, CHANGED));
        if !peer_new.is_empty() || !peer_upd.is_empty() {
            let mut touched = self.done_ids(&group_new, false);
            touched.extend(self.done_ids(&group_upd, false));
            if !touched.is_empty() {
                if let Err(why) = self.wait_groups_available(region, vbr, &touched).await {
                    self.skip_all(&peer_new, &why);
                    self.skip_all(&peer_upd, &why);
                }
            }
        }

        // 3. Peers: create (in their group, old or new), update.
        self.settle_first(region, vbr, &peer_upd, Kind::Peer).await;
        self.steps(&peer_new, Step::Create).await;
        self.steps(&peer_upd, Step::Update).await;

        // 4. Networks.
        let net_new = self.indices(region, vbr, is(Kind::Network, MADE));
        self.steps(&net_new, Step::Create).await;
    }

    fn skip_all(&self, indices: &[usize], why: &str) {
        for &i in indices {
            if matches!(self.get(i), Status::Pending) {
                self.set(i, Status::Skipped(why.to_string()));
            }
        }
    }

    /// The IDs of the objects the done changes at `indices` made (`old`: the ones they deleted).
    fn done_ids(&self, indices: &[usize], old: bool) -> Vec<String> {
        indices
            .iter()
            .filter_map(|&i| {
                let c = &self.plan.changes[i];
                if old {
                    let deleted = matches!(self.get(i), Status::Done { .. })
                        || self.deleted.lock().expect("deleted").contains(&i);
                    deleted.then(|| c.id.clone()).flatten()
                } else {
                    match self.get(i) {
                        Status::Done { id, .. } => id.or_else(|| c.id.clone()),
                        _ if c.action == Action::Replace
                            && self.deleted.lock().expect("deleted").contains(&i) =>
                        {
                            c.id.clone()
                        }
                        _ => None,
                    }
                }
            })
            .collect()
    }

    /// Runs one step of each change at `indices`, all at once through the pacer.
    async fn steps(&self, indices: &[usize], step: Step) {
        let each = indices.iter().map(|&i| self.step(i, step));
        futures_util::future::join_all(each).await;
    }

    async fn step(&self, i: usize, step: Step) {
        let c = &self.plan.changes[i];
        if !matches!(self.get(i), Status::Pending) {
            return;
        }
        if self.ctx.stop.requested() {
            self.set(i, Status::NotSent);
            return;
        }
        if c.action == Action::Replace
            && step == Step::Create
            && !self.deleted.lock().expect("deleted").contains(&i)
        {
            return; // its delete step failed and said so
        }
        let token = self.plan.client_token(i, step.name());
        let request = match self.request(c, step, &token) {
            Ok(r) => r,
            Err(why) => {
                self.set(i, Status::Skipped(why));
                return;
            }
        };
        let pacer = self.regions.pacer(&c.region);
        let answer = pacer
            .call(|client| {
                let request = &request;
                async move { Ok(request.send(&client).await?) }
            })
            .await;
        match answer {
            Ok(v) => {
                let request_id = v
                    .get("RequestId")
                    .and_then(Value::as_str)
                    .map(str::to_string);
                let id = match c.kind {
                    Kind::Group => v.get("BgpGroupId"),
                    Kind::Peer => v.get("BgpPeerId"),
                    Kind::Network => None,
                }
                .and_then(Value::as_str)
                .map(str::to_string);
                if c.action == Action::Replace && step == Step::Delete {
                    self.deleted.lock().expect("deleted").insert(i);
                    return;
                }
                if c.kind == Kind::Group && step == Step::Create {
                    if let Some(id) = &id {
                        self.created_groups
                            .lock()
                            .expect("groups")
                            .insert((c.vbr_id.clone(), c.key.clone()), id.clone());
                    }
                }
                self.set(i, Status::Done { id, request_id });
            }
            Err(e) => self.set(i, Status::failed(&e)),
        }
    }

    /// The request of one step of a change.
    fn request(&self, c: &Change, step: Step, token: &str) -> Result<Request, String> {
        let region = c.region.as_str();
        let s = |f: &str| c.new_value(f).and_then(Value::as_str).map(str::to_string);
        let u = |f: &str| c.new_value(f).and_then(Value::as_u64);
        let b = |f: &str| c.new_value(f).and_then(Value::as_bool);
        let id = || c.id.clone().unwrap_or_default();
        Ok(match (c.kind, step) {
            (Kind::Group, Step::Delete) => group::delete_request(region, &id(), token),
            (Kind::Peer, Step::Delete) => peer::delete_request(region, &id(), token),
            (Kind::Network, Step::Delete) => DeleteNetwork {
                router_id: c.vbr_id.clone(),
                dst_cidr_block: id(),
            }
            .request(region, token),
            (Kind::Group, Step::Create) => CreateGroup {
                router_id: c.vbr_id.clone(),
                peer_asn: u("peer_asn").ok_or("no peer_asn to create the group with")?,
                local_asn: u("local_asn"),
                name: s("name"),
                description: s("description"),
                auth_key: match self.keys.get(&(c.vbr_id.clone(), c.key.clone())) {
                    Some(WantedKey::Value(k)) => Some(k.clone()),
                    _ => None,
                },
                is_fake_asn: b("is_fake_asn"),
                route_quota: u("route_quota").map(|q| q as u32),
                ip_version: s("ip_version").as_deref().and_then(IpVersion::parse),
            }
            .request(region, token),
            (Kind::Group, Step::Update) => {
                let mut m = ModifyGroup {
                    bgp_group_id: id(),
                    name: s("name"),
                    description: s("description"),
                    peer_asn: u("peer_asn"),
                    local_asn: u("local_asn"),
                    is_fake_asn: b("is_fake_asn"),
                    route_quota: u("route_quota").map(|q| q as u32),
                    ..Default::default()
                };
                if c.field("auth_key").is_some() {
                    match self.keys.get(&(c.vbr_id.clone(), c.key.clone())) {
                        Some(WantedKey::Value(k)) => m.auth_key = Some(k.clone()),
                        Some(WantedKey::None) | None => m.clear_auth_key = true,
                    }
                }
                m.request(region, token)
            }
            (Kind::Peer, Step::Create) => {
                let group_id = c
                    .group_id
                    .clone()
                    .or_else(|| {
                        let g = c.group.clone()?;
                        self.created_groups
                            .lock()
                            .expect("groups")
                            .get(&(c.vbr_id.clone(), g))
                            .cloned()
                    })
                    .ok_or_else(|| {
                        format!(
                            "its group {} was not created",
                            c.group.as_deref().unwrap_or("?")
                        )
                    })?;
                CreatePeer {
                    bgp_group_id: group_id,
                    peer_ip_address: s("peer_ip_address"),
                    enable_bfd: b("enable_bfd"),
                    bfd_multi_hop: c.new_value("bfd_multi_hop").and_then(Value::as_i64),
                    ip_version: s("ip_version").as_deref().and_then(IpVersion::parse),
                }
                .request(region, token)
            }
            (Kind::Peer, Step::Update) => {
                let current = self.live_vbr(&c.vbr_id).and_then(|l| {
                    l.peers
                        .iter()
                        .find(|p| p.bgp_peer_id.as_str() == c.id.as_deref())
                });
                ModifyPeer {
                    bgp_peer_id: id(),
                    enable_bfd: b("enable_bfd"),
                    bfd_multi_hop: c.new_value("bfd_multi_hop").and_then(Value::as_i64),
                    ..Default::default()
                }
                .request(region, token, current)
            }
            (Kind::Network, Step::Create) => AddNetwork {
                router_id: c.vbr_id.clone(),
                dst_cidr_block: s("dst_cidr_block").unwrap_or_else(|| c.key.clone()),
                vpc_id: s("vpc_id"),
            }
            .request(region, token),
            (Kind::Network, Step::Update) => return Err("a network has nothing to update".into()),
        })
    }

    /// Before updating objects the API is still creating or changing, waits for them.
    async fn settle_first(&self, region: &str, vbr: &str, indices: &[usize], kind: Kind) {
        let Some(l) = self.live_vbr(vbr) else { return };
        let busy: Vec<String> = indices
            .iter()
            .filter_map(|&i| self.plan.changes[i].id.clone())
            .filter(|id| match kind {
                Kind::Group => l.groups.iter().any(|g| {
                    g.bgp_group_id.as_str() == Some(id) && g.status.as_str() != Some("Available")
                }),
                _ => l.peers.iter().any(|p| {
                    p.bgp_peer_id.as_str() == Some(id) && p.status.as_str() != Some("Available")
                }),
            })
            .collect();
        if busy.is_empty() {
            return;
        }
        let result = match kind {
            Kind::Group => self.wait_groups_available(region, vbr, &busy).await,
            _ => self.wait_peers_available(region, vbr, &busy).await,
        };
        if let Err(why) = result {
            self.skip_all(indices, &why);
        }
    }

    async fn wait_peers_gone(&self, region: &str, vbr: &str, ids: &[String]) -> Result<(), String> {
        let pacer = self.regions.pacer(region);
        let what = format!("{} deleted peer(s) on {vbr} to be gone", ids.len());
        poll(self.ctx, &self.waits, &what, || async {
            let peers = vbr_peers(pacer, region, vbr).await?;
            let left = peers
                .iter()
                .filter(|p| {
                    p.bgp_peer_id
                        .as_str()
                        .is_some_and(|id| ids.iter().any(|x| x == id))
                })
                .count();
            Ok((left == 0, format!("{left} still there")))
        })
        .await
    }

    async fn wait_networks_gone(
        &self,
        region: &str,
        vbr: &str,
        cidrs: &[String],
    ) -> Result<(), String> {
        let pacer = self.regions.pacer(region);
        let what = format!("{} deleted network(s) on {vbr} to be gone", cidrs.len());
        poll(self.ctx, &self.waits, &what, || async {
            let nets: Vec<BgpNetwork> = pacer
                .call(|c| async move { network::list(&c, region, Some(vbr), None).await })
                .await?;
            let left = nets
                .iter()
                .filter(|n| {
                    n.dst_cidr_block
                        .as_str()
                        .is_some_and(|d| cidrs.iter().any(|x| network::same_cidr(x, d)))
                })
                .count();
            Ok((left == 0, format!("{left} still there")))
        })
        .await
    }

    async fn wait_groups_available(
        &self,
        region: &str,
        vbr: &str,
        ids: &[String],
    ) -> Result<(), String> {
        let pacer = self.regions.pacer(region);
        let what = format!("{} group(s) on {vbr} to be Available", ids.len());
        poll(self.ctx, &self.waits, &what, || async {
            let f = GroupFilter {
                router_id: Some(vbr.to_string()),
                ..Default::default()
            };
            let groups: Vec<BgpGroup> = pacer
                .call(|c| {
                    let f = f.clone();
                    async move { group::list(&c, region, &f, None).await }
                })
                .await?;
            let available = |id: &String| {
                groups.iter().any(|g| {
                    g.bgp_group_id.as_str() == Some(id.as_str())
                        && g.status.as_str() == Some("Available")
                })
            };
            let waiting: Vec<&str> = ids
                .iter()
                .filter(|id| !available(id))
                .map(String::as_str)
                .collect();
            Ok((
                waiting.is_empty(),
                format!("not yet: {}", waiting.join(", ")),
            ))
        })
        .await
    }

    async fn wait_peers_available(
        &self,
        region: &str,
        vbr: &str,
        ids: &[String],
    ) -> Result<(), String> {
        let pacer = self.regions.pacer(region);
        let what = format!("{} peer(s) on {vbr} to be Available", ids.len());
        poll(self.ctx, &self.waits, &what, || async {
            let peers = vbr_peers(pacer, region, vbr).await?;
            let waiting = not_yet(
                &peers,
                ids,
                |p| p.status.as_str() == Some("Available"),
                |p| p.status.as_str(),
            );
            Ok((
                waiting.is_empty(),
                format!("not yet: {}", waiting.join(", ")),
            ))
        })
        .await
    }
}

/// Every peer of one VBR, through the region's pacer.
async fn vbr_peers(pacer: &Pacer, region: &str, vbr: &str) -> anyhow::Result<Vec<BgpPeer>> {
    let f = PeerFilter {
        router_id: Some(vbr.to_string()),
        ..Default::default()
    };
    pacer
        .call(|c| {
            let f = f.clone();
            async move { peer::list(&c, region, &f, None).await }
        })
        .await
}

/// The peers of `ids` that have not `reached` a state, each as `ID STATE` (`gone` when not listed).
fn not_yet(
    peers: &[BgpPeer],
    ids: &[String],
    reached: impl Fn(&BgpPeer) -> bool,
    state: impl Fn(&BgpPeer) -> Option<&str>,
) -> Vec<String> {
    ids.iter()
        .filter_map(|id| {
            let p = peers
                .iter()
                .find(|p| p.bgp_peer_id.as_str() == Some(id.as_str()));
            match p {
                Some(p) if reached(p) => None,
                Some(p) => Some(format!("{id} {}", state(p).unwrap_or("?"))),
                None => Some(format!("{id} gone")),
            }
        })
        .collect()
}

/// Polls `check` (true: done) every interval, backing off 1.5x up to 5x, until the timeout or a
/// Ctrl-C. The error says what was waited for and the last state seen.
async fn poll<F, Fut>(ctx: &Context, w: &Waits, what: &str, mut check: F) -> Result<(), String>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<(bool, String)>>,
{
    let started = tokio::time::Instant::now();
    let deadline = started + w.timeout;
    let mut delay = w.interval;
    loop {
        if ctx.stop.requested() {
            return Err(format!("stopped while waiting for {what}"));
        }
        let last = match check().await {
            Ok((true, _)) => return Ok(()),
            Ok((false, state)) => state,
            Err(e) => crate::commands::report::build_report(&e).message,
        };
        let now = tokio::time::Instant::now();
        if now >= deadline {
            return Err(format!(
                "timed out after {}s waiting for {what} ({last})",
                w.timeout.as_secs_f64()
            ));
        }
        tokio::time::sleep(delay.min(deadline - now)).await;
        delay = w.next_delay(delay);
    }
}

/// The peers whose sessions `--wait-established` waits for: every peer this apply created or
/// changed, by VBR.
fn established_targets(plan: &Plan, statuses: &[Status]) -> Vec<(String, String, String)> {
    plan.changes
        .iter()
        .zip(statuses)
        .filter(|(c, _)| c.kind == Kind::Peer && c.action != Action::Delete)
        .filter_map(|(c, s)| match s {
            Status::Done { id, .. } => id
                .clone()
                .or_else(|| c.id.clone())
                .map(|id| (c.region.clone(), c.vbr_id.clone(), id)),
            _ => None,
        })
        .collect()
}

async fn wait_established(
    ctx: &Context,
    regions: &Regions,
    targets: &[(String, String, String)],
    w: &Waits,
) -> Result<(), String> {
    let mut by_vbr: HashMap<(String, String), Vec<String>> = HashMap::new();
    for (r, v, id) in targets {
        by_vbr
            .entry((r.clone(), v.clone()))
            .or_default()
            .push(id.clone());
    }
    let waits = by_vbr.iter().map(|((region, vbr), ids)| async move {
        let pacer = regions.pacer(region);
        let what = format!("{} BGP session(s) on {vbr} to be Established", ids.len());
        poll(ctx, w, &what, || async {
            let peers = vbr_peers(pacer, region, vbr).await?;
            let established = |p: &BgpPeer| p.bgp_status.as_str() == Some("Established");
            let down = not_yet(&peers, ids, established, |p| p.bgp_status.as_str());
            Ok((
                down.is_empty(),
                format!("not Established: {}", down.join(", ")),
            ))
        })
        .await
    });
    let results = futures_util::future::join_all(waits).await;
    let errors: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

/// Prints one result per change (done, failed with the API's code and request ID, skipped with
/// why, or not sent).
fn emit_report(ctx: &Context, changes: &[Change], statuses: &[Status]) -> anyhow::Result<()> {
    let results = changes.iter().zip(statuses).map(|(c, s)| {
        let mut r = json!({
            "action": c.action,
            "kind": c.kind,
            "region": c.region,
            "vbr_id": c.vbr_id,
            "key": c.key,
        });
        let o = r.as_object_mut().expect("object");
        if let Some(g) = &c.group {
            o.insert("group".into(), json!(g));
        }
        let mut id = c.id.clone();
        let result = match s {
            Status::Done { id: new, request_id } => {
                if new.is_some() {
                    id = new.clone();
                }
                o.insert("request_id".into(), json!(request_id));
                "done"
            }
            Status::Failed { code, message, request_id, .. } => {
                o.insert("error".into(), json!({"code": code, "message": message, "request_id": request_id}));
                "failed"
            }
            Status::Skipped(why) => {
                o.insert("error".into(), json!({"code": null, "message": format!("not sent: {why}"), "request_id": null}));
                "skipped"
            }
            Status::NotSent | Status::Pending => "not_sent",
        };
        if let Some(id) = id {
            o.insert("id".into(), json!(id));
        }
        o.insert("result".into(), json!(result));
        if let Some(reason) = &c.reason {
            o.insert("reason".into(), json!(reason));
        }
        r
    });
    crate::commands::emit::emit_list(
        ctx,
        results.collect::<Vec<_>>(),
        &["result", "action", "kind", "vbr_id", "key", "error.code"],
    )
}
