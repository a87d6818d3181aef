//! What live completion offers, and for which arguments: BGP groups, peers and VBRs of the region
//! and the regions, from the API's Describe calls (read-only), and the configured profiles, from
//! the config files (no call).
//!
//! Safety first, since a shell waits on this: the calls run on in-memory streams (nothing reaches
//! the terminal, no prompt can be answered), with one attempt, short timeouts and one deadline
//! over everything ([`DEADLINE`]); a credential source that would run a program of the user's or
//! spend an OAuth refresh token is not used (`credentials::resolves_quietly`). Any failure offers
//! nothing. Answers are cached briefly (`cache.rs`).

use serde::{Deserialize, Serialize};

use super::cache::Cache;
use super::line::{Line, DEADLINE};
use crate::api::group::GroupFilter;
use crate::api::peer::PeerFilter;
use crate::commands::context::{Host, Terminal};
use crate::commands::Context;
use crate::env::Env;

/// One value to offer, with its one-line description (empty: none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Candidate {
    pub value: String,
    pub help: String,
}

/// What an argument's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Groups,
    Peers,
    Vbrs,
    Regions,
    Profiles,
}

impl Kind {
    /// The kind of `arg`'s values, from how the command line names them: its value name
    /// (`BGP_GROUP_ID`, `BGP_PEER_ID`, `VBR_ID`, `REGION_ID`, `PROFILE`) or, for `--profile`
    /// and the profile of `configure switch|delete`, its id.
    pub fn of(arg: &clap::Arg) -> Option<Kind> {
        if arg.get_id() == "profile" {
            return Some(Kind::Profiles);
        }
        let names = arg.get_value_names().unwrap_or_default();
        names.iter().find_map(|name| match name.as_str() {
            "BGP_GROUP_ID" => Some(Kind::Groups),
            "BGP_PEER_ID" => Some(Kind::Peers),
            "VBR_ID" => Some(Kind::Vbrs),
            "REGION_ID" => Some(Kind::Regions),
            "PROFILE" => Some(Kind::Profiles),
            _ => None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Groups => "groups",
            Kind::Peers => "peers",
            Kind::Vbrs => "vbrs",
            Kind::Regions => "regions",
            Kind::Profiles => "profiles",
        }
    }
}

/// Every candidate of `kind` for this command line, sorted by value; nothing when anything fails
/// or takes longer than [`DEADLINE`].
pub(super) fn offer(kind: Kind, line: &Line, env: &Env) -> Vec<Candidate> {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return Vec::new();
    };
    let answer = runtime.block_on(async {
        let fetch = async {
            let ctx = quiet_context(line, env);
            match kind {
                Kind::Profiles => Ok(profiles(&ctx)),
                _ => live(&ctx, kind, line).await,
            }
        };
        tokio::time::timeout(DEADLINE.duration(), fetch).await
    });
    // Don't wait for what the deadline cut short (a blocking read, a lock).
    runtime.shutdown_background();
    let mut found = match answer {
        Ok(Ok(found)) => found,
        _ => Vec::new(),
    };
    found.sort_by(|a, b| a.value.cmp(&b.value));
    found.dedup_by(|a, b| a.value == b.value);
    found
}

/// A context for the command line's settings whose streams are in memory and not terminals.
fn quiet_context(line: &Line, env: &Env) -> Context {
    let not_a_terminal = Terminal {
        stdin: false,
        stdout: false,
        stderr: false,
    };
    let (host, _captured) = Host::in_memory(env.clone(), not_a_terminal, Vec::new());
    Context::on(line.globals(), host)
}

/// The configured profiles, as `configure list` shows them, and the built-in `emulator`.
fn profiles(ctx: &Context) -> Vec<Candidate> {
    let Ok(settings) = ctx.settings() else {
        return vec![Candidate {
            value: crate::settings::EMULATOR_PROFILE.to_string(),
            help: String::new(),
        }];
    };
    let bgpeer_file = crate::config::shown(&settings.config.path);
    super::super::configure::profile_rows(ctx, settings)
        .iter()
        .map(|row| {
            let text = |key: &str| row[key].as_str().unwrap_or_default().to_string();
            let mut help: Vec<String> = [text("Mode"), text("Region")]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            let origin = text("Origin");
            if origin != bgpeer_file && text("Mode") != "built-in" {
                help.push("aliyun CLI".to_string());
            }
            Candidate {
                value: text("Name"),
                help: help.join(", "),
            }
        })
        .collect()
}

/// The API's answer for `kind`, from the cache when it is fresh.
async fn live(ctx: &Context, kind: Kind, line: &Line) -> anyhow::Result<Vec<Candidate>> {
    let settings = ctx.settings()?;
    if !settings.live_completion.value
        || !crate::credentials::resolves_quietly(settings, &ctx.env, ctx.clock.now())
    {
        return Ok(Vec::new());
    }
    let region = settings.region.as_ref().map(|r| r.value.clone());
    let endpoint = match &settings.endpoint {
        Some(e) => e.value.clone(),
        // The built-in emulator's world is its state file.
        None if settings.is_emulator() => crate::config::emulator_state_path(&ctx.env)
            .display()
            .to_string(),
        None => String::new(),
    };
    // Only what narrows this kind is part of its question, so `peer show <TAB>` and `peer update
    // <TAB>` share an answer.
    let router_id = line.router_id.clone().filter(|id| !id.contains(','));
    let bgp_group_id = line.bgp_group_id.clone().filter(|id| !id.contains(','));
    let (router_id, bgp_group_id) = match kind {
        Kind::Groups => (router_id, None),
        Kind::Peers if bgp_group_id.is_some() => (None, bgp_group_id),
        Kind::Peers => (router_id, None),
        _ => (None, None),
    };
    let question = [
        settings.profile.value.as_str(),
        region.as_deref().unwrap_or(""),
        endpoint.as_str(),
        kind.name(),
        router_id.as_deref().unwrap_or(""),
        bgp_group_id.as_deref().unwrap_or(""),
    ];
    let cache = Cache::new(&ctx.env);
    if let Some(found) = cache.read(&question, ctx.clock.now()) {
        return Ok(found);
    }
    let found = match kind {
        Kind::Regions => {
            // DescribeRegions needs no region: without one, ask the central endpoint.
            let client = ctx.client_any_region("cn-hangzhou").await?;
            crate::api::region::list(client, "en-US")
                .await?
                .iter()
                .map(|r| Candidate {
                    value: text(&r.region_id),
                    help: text(&r.local_name),
                })
                .collect()
        }
        Kind::Vbrs => {
            let client = ctx.client().await?;
            crate::api::vbr::list(client, &ctx.region()?, &[], None)
                .await?
                .iter()
                .map(|v| Candidate {
                    value: text(&v.vbr_id),
                    help: described(&v.name, "VLAN", v.vlan_id.as_u64()),
                })
                .collect()
        }
        Kind::Groups => {
            let client = ctx.client().await?;
            let filter = GroupFilter {
                router_id: router_id.clone(),
                bgp_group_id: None,
            };
            crate::api::group::list(client, &ctx.region()?, &filter, None)
                .await?
                .iter()
                .map(|g| Candidate {
                    value: text(&g.bgp_group_id),
                    help: described(&g.name, "peer ASN", g.peer_asn.as_u64()),
                })
                .collect()
        }
        Kind::Peers => {
            let client = ctx.client().await?;
            let filter = PeerFilter {
                router_id: router_id.clone(),
                bgp_group_id: bgp_group_id.clone(),
                bgp_peer_id: None,
            };
            crate::api::peer::list(client, &ctx.region()?, &filter, None)
                .await?
                .iter()
                .map(|p| Candidate {
                    value: text(&p.bgp_peer_id),
                    help: joined(&[text(&p.peer_ip_address), text(&p.bgp_status)], " "),
                })
                .collect()
        }
        Kind::Profiles => Vec::new(),
    };
    let found: Vec<Candidate> = found.into_iter().filter(|c| !c.value.is_empty()).collect();
    cache.write(&question, ctx.clock.now(), &found);
    Ok(found)
}

fn text(field: &crate::api::model::Attr<String>) -> String {
    field.as_str().unwrap_or_default().to_string()
}

fn joined(parts: &[String], separator: &str) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(separator)
}

/// `name, LABEL N` (`demo-idc, peer ASN 65010`), either part left out when missing.
fn described(name: &crate::api::model::Attr<String>, label: &str, number: Option<u64>) -> String {
    joined(
        &[
            text(name),
            number.map(|n| format!("{label} {n}")).unwrap_or_default(),
        ],
        ", ",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every argument that gets live candidates, as `path --flag` or `path <VALUE>`: a renamed
    /// value name would silently lose its completion, so the list is pinned.
    #[test]
    fn the_arguments_with_live_candidates_are_these() {
        fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                if arg.is_global_set() && !path.is_empty() {
                    continue;
                }
                if let Some(kind) = Kind::of(arg) {
                    let shown = match arg.get_long() {
                        Some(long) => format!("--{long}"),
                        None => format!("<{}>", arg.get_id()),
                    };
                    out.push(
                        format!("{path} {shown}: {}", kind.name())
                            .trim()
                            .to_string(),
                    );
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, format!("{path} {}", sub.get_name()).trim(), out);
            }
        }
        let mut found = Vec::new();
        walk(&crate::cli::full_command(), "", &mut found);
        assert_eq!(
            found,
            [
                "--profile: profiles",
                "--region: regions",
                "group list --router-id: vbrs",
                "group list --bgp-group-id: groups",
                "group show <id>: groups",
                "group create --router-id: vbrs",
                "group update <id>: groups",
                "group delete <id>: groups",
                "peer list --bgp-group-id: groups",
                "peer list --router-id: vbrs",
                "peer list --bgp-peer-id: peers",
                "peer show <id>: peers",
                "peer create --bgp-group-id: groups",
                "peer update <id>: peers",
                "peer update --bgp-group-id: groups",
                "peer delete <id>: peers",
                "peer wait <id>: peers",
                "network list --router-id: vbrs",
                "network add --router-id: vbrs",
                "network delete --router-id: vbrs",
                "vbr list --vbr-id: vbrs",
                "vbr show <vbr_id>: vbrs",
                "vbr check <vbr_ids>: vbrs",
                "watch <vbr_ids>: vbrs",
                "export <vbr_ids>: vbrs",
                "configure set --sts-region: regions",
                "configure set --source-profile: profiles",
                "configure delete <profile>: profiles",
                "configure switch <profile>: profiles",
            ]
        );
    }

    #[test]
    fn descriptions_leave_out_what_is_missing() {
        let name = crate::api::model::Attr::from("demo-idc");
        assert_eq!(
            described(&name, "peer ASN", Some(65010)),
            "demo-idc, peer ASN 65010"
        );
        assert_eq!(described(&Default::default(), "VLAN", Some(7)), "VLAN 7");
        assert_eq!(described(&name, "VLAN", None), "demo-idc");
    }
}
