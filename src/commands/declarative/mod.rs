//! `export`, `plan` and `apply`: reading the file and the live set-up, and running a plan.
//!
//! Every call goes through one adaptive pacer per region (the bulk runs' pacer), so reads and
//! writes share what the API's rate limit allows.

pub mod apply;
pub mod export;
pub mod plan;
mod rollback;
mod status;

use std::collections::{BTreeMap, HashMap, HashSet};

use super::bulk::run::Pacer;
use super::{CliError, Context};
use crate::api::group::{self, GroupFilter};
use crate::api::peer::{self, PeerFilter};
use crate::api::{network, vbr};
use crate::client::Client;
use crate::declarative::file::{self, Desired, ReadOptions};
use crate::declarative::keys::{self, Keys};
use crate::declarative::live::LiveVbr;
use crate::declarative::problem::{FileError, Problem};

/// Above this many VBRs in one region, the live set-up is read with region-wide lists (a few
/// pages, fetched in parallel) instead of three lists per VBR.
const PER_VBR_READS_UP_TO: usize = 3;

/// The pacers of a run, one per region (each over a client of that region's endpoint).
pub struct Regions {
    pacers: BTreeMap<String, Pacer>,
}

impl Regions {
    /// `max`: the most calls in flight per region; `items`: how many calls the run may make (the
    /// client's deadline grows with it).
    pub async fn new(
        ctx: &Context,
        regions: &[String],
        max: usize,
        items: usize,
    ) -> anyhow::Result<Regions> {
        let first = regions.first().map(String::as_str).unwrap_or("cn-hangzhou");
        let base = ctx.client_any_region(first).await?;
        let settings = ctx.settings()?;
        let mut pacers = BTreeMap::new();
        for region in regions {
            if pacers.contains_key(region) {
                continue;
            }
            let shared_endpoint = settings.endpoint.is_some()
                || settings.is_emulator()
                || settings.region.as_ref().map(|r| r.value.as_str()) == Some(region);
            let pacer = if shared_endpoint {
                Pacer::over(ctx, base, max, items)?
            } else {
                let mut config = base.config().clone();
                config.endpoint = crate::client::endpoint::resolve(
                    Some(region),
                    None,
                    ctx.globals.allow_insecure_endpoint,
                )?;
                Pacer::over(ctx, &Client::new(config)?, max, items)?
            };
            pacers.insert(region.clone(), pacer);
        }
        Ok(Regions { pacers })
    }

    pub fn pacer(&self, region: &str) -> &Pacer {
        self.pacers
            .get(region)
            .or_else(|| self.pacers.values().next())
            .expect("a pacer per region of the run")
    }
}

/// A declarative file, read and checked, with its AuthKeys resolved.
pub struct Loaded {
    pub name: String,
    pub text: String,
    pub desired: Desired,
    pub keys: Keys,
    /// Where relative `{file: PATH}` keys are read from.
    pub base_dir: std::path::PathBuf,
}

/// Reads `path` ('-': stdin) and checks it; every problem is reported before anything is sent.
pub fn load(
    ctx: &Context,
    path: &str,
    skip: &[crate::api::validate::Rule],
) -> anyhow::Result<Loaded> {
    let text = super::files::read_text(ctx, path).map_err(|e| {
        CliError::usage(
            format!("cannot read {path}: {e}"),
            Some("give the path of a declarative file (YAML or JSON), or - for stdin".to_string()),
        )
    })?;
    let name = if path == "-" {
        "<stdin>".to_string()
    } else {
        path.to_string()
    };
    let base_dir = if path == "-" {
        std::path::PathBuf::from(".")
    } else {
        std::path::Path::new(path)
            .parent()
            .map(|p| {
                if p.as_os_str().is_empty() {
                    std::path::Path::new(".")
                } else {
                    p
                }
            })
            .unwrap_or(std::path::Path::new("."))
            .to_path_buf()
    };
    load_text(ctx, name, text, base_dir, skip)
}

pub fn load_text(
    ctx: &Context,
    name: String,
    text: String,
    base_dir: std::path::PathBuf,
    skip: &[crate::api::validate::Rule],
) -> anyhow::Result<Loaded> {
    let default_region = ctx.settings()?.region.as_ref().map(|r| r.value.clone());
    let opts = ReadOptions {
        default_region,
        skip: skip.to_vec(),
    };
    let desired = file::read(&name, &text, &opts)?;
    let keys = keys::resolve(&name, &desired, &ctx.env, &base_dir)?;
    Ok(Loaded {
        name,
        text,
        desired,
        keys,
        base_dir,
    })
}

/// The output format asked for with -o (or the profile or BGPEER_OUTPUT), else `Table`: a file
/// or a plan is written for people unless JSON is asked for, even into a pipe.
pub fn explicit_format(ctx: &Context) -> crate::output::OutputFormat {
    ctx.globals
        .output
        .or_else(|| {
            ctx.settings()
                .ok()
                .and_then(|s| s.output.as_ref().map(|o| o.value))
        })
        .unwrap_or(crate::output::OutputFormat::Table)
}

/// The regions a file's VBRs are in, each once, in file order.
pub fn regions_of(desired: &Desired) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in &desired.vbrs {
        if !out.contains(&v.region) {
            out.push(v.region.clone());
        }
    }
    out
}

/// The live set-up of `vbrs` ((region, VBR ID) pairs), in their order. A VBR that does not
/// exist is an error (exit 3) naming where the file names it, when `desired` is given.
pub async fn read_live(
    regions: &Regions,
    vbrs: &[(String, String)],
    desired: Option<(&str, &Desired)>,
) -> anyhow::Result<Vec<LiveVbr>> {
    let mut by_region: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (r, v) in vbrs {
        by_region.entry(r.as_str()).or_default().push(v.as_str());
    }
    let reads = by_region
        .iter()
        .map(|(region, ids)| read_region(regions.pacer(region), region, ids));
    let results = futures_util::future::try_join_all(reads).await?;
    let mut found: HashMap<(String, String), LiveVbr> = HashMap::new();
    let mut missing: Vec<(String, String)> = Vec::new();
    for (region, (live, absent)) in by_region.keys().zip(results) {
        for l in live {
            found.insert((region.to_string(), l.vbr_id.clone()), l);
        }
        missing.extend(absent.into_iter().map(|v| (region.to_string(), v)));
    }
    if !missing.is_empty() {
        let problems: Vec<Problem> = missing
            .iter()
            .map(|(region, id)| {
                let at = desired
                    .and_then(|(_, d)| d.vbrs.iter().find(|v| &v.vbr_id == id && &v.region == region))
                    .map(|v| v.at.clone())
                    .unwrap_or_default();
                Problem::new(
                    at,
                    format!("VBR {id} does not exist in region {region}"),
                    format!("list the region's VBRs with `bgpeer vbr list --region {region}`, and fix the VBR ID or the region"),
                )
            })
            .collect();
        match desired {
            Some((name, _)) => {
                let mut e = FileError::new(name, problems);
                e.exit = crate::exit::Exit::NotFound;
                return Err(e.into());
            }
            None => {
                let p = &problems[0];
                return Err(CliError::not_found(p.message.clone(), Some(p.fix.clone())).into());
            }
        }
    }
    Ok(vbrs
        .iter()
        .map(|(r, v)| found.remove(&(r.clone(), v.clone())).unwrap_or_default())
        .collect())
}

/// One region's VBRs: which exist, and their groups, peers and networks.
async fn read_region(
    pacer: &Pacer,
    region: &str,
    ids: &[&str],
) -> anyhow::Result<(Vec<LiveVbr>, Vec<String>)> {
    let unique: Vec<String> = {
        let mut seen = HashSet::new();
        ids.iter()
            .filter(|i| seen.insert(**i))
            .map(|i| i.to_string())
            .collect()
    };
    let exists = async {
        let chunks = unique.chunks(vbr::IDS_PER_FILTER).map(|chunk| {
            let chunk = chunk.to_vec();
            pacer.call(move |client| {
                let chunk = chunk.clone();
                async move { vbr::list(&client, region, &[("VbrId", &chunk)], None).await }
            })
        });
        let pages = futures_util::future::try_join_all(chunks).await?;
        anyhow::Ok(
            pages
                .into_iter()
                .flatten()
                .filter_map(|v| v.vbr_id.as_str().map(str::to_string))
                .collect::<HashSet<String>>(),
        )
    };
    let contents = async {
        if unique.len() > PER_VBR_READS_UP_TO {
            let (groups, peers, networks) = futures_util::try_join!(
                pacer.call(|c| async move {
                    group::list(&c, region, &GroupFilter::default(), None).await
                }),
                pacer.call(|c| async move {
                    peer::list(&c, region, &PeerFilter::default(), None).await
                }),
                pacer.call(|c| async move { network::list(&c, region, None, None).await }),
            )?;
            let wanted: HashSet<&str> = unique.iter().map(String::as_str).collect();
            let mut out: HashMap<String, LiveVbr> = unique
                .iter()
                .map(|v| {
                    (
                        v.clone(),
                        LiveVbr {
                            region: region.to_string(),
                            vbr_id: v.clone(),
                            ..Default::default()
                        },
                    )
                })
                .collect();
            for g in groups {
                if let Some(l) = g
                    .router_id
                    .as_str()
                    .filter(|r| wanted.contains(r))
                    .and_then(|r| out.get_mut(r))
                {
                    l.groups.push(g);
                }
            }
            for p in peers {
                if let Some(l) = p
                    .router_id
                    .as_str()
                    .filter(|r| wanted.contains(r))
                    .and_then(|r| out.get_mut(r))
                {
                    l.peers.push(p);
                }
            }
            for n in networks {
                if let Some(l) = n
                    .router_id
                    .as_str()
                    .filter(|r| wanted.contains(r))
                    .and_then(|r| out.get_mut(r))
                {
                    l.networks.push(n);
                }
            }
            anyhow::Ok(
                unique
                    .iter()
                    .filter_map(|v| out.remove(v))
                    .collect::<Vec<_>>(),
            )
        } else {
            let per_vbr = unique.iter().map(|vbr_id| async move {
                let router = Some(vbr_id.clone());
                let (groups, peers, networks) = futures_util::try_join!(
                    pacer.call(|c| {
                        let f = GroupFilter {
                            router_id: router.clone(),
                            ..Default::default()
                        };
                        async move { group::list(&c, region, &f, None).await }
                    }),
                    pacer.call(|c| {
                        let f = PeerFilter {
                            router_id: router.clone(),
                            ..Default::default()
                        };
                        async move { peer::list(&c, region, &f, None).await }
                    }),
                    pacer.call(
                        |c| async move { network::list(&c, region, Some(vbr_id), None).await }
                    ),
                )?;
                anyhow::Ok(LiveVbr {
                    region: region.to_string(),
                    vbr_id: vbr_id.clone(),
                    groups,
                    peers,
                    networks,
                })
            });
            futures_util::future::try_join_all(per_vbr).await
        }
    };
    // Both at once (one round trip); a VBR that does not exist may fail its lists, so the
    // existence check is judged first.
    let (exists, contents) = futures_util::join!(exists, contents);
    let exists = exists?;
    if unique.iter().any(|v| !exists.contains(v)) {
        let missing = unique.into_iter().filter(|v| !exists.contains(v)).collect();
        return Ok((Vec::new(), missing));
    }
    let mut live = contents?;
    live.retain(|l| exists.contains(&l.vbr_id));
    let missing = unique.into_iter().filter(|v| !exists.contains(v)).collect();
    Ok((live, missing))
}
