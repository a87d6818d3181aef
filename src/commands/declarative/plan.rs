//! `bgpeer plan`: what `apply` would change, and saved plans.

use serde::{Deserialize, Serialize};

use super::{explicit_format, load, read_live, regions_of, Loaded, Regions};
use crate::api::validate::Rule;
use crate::cli::declarative::PlanArgs;
use crate::commands::{CliError, Context};
use crate::declarative::diff;
use crate::declarative::live::LiveVbr;
use crate::declarative::plan::Plan;
use crate::exit::Exit;
use crate::output::OutputFormat;

/// The format tag of a saved plan.
pub const SAVED_PLAN_FORMAT: &str = "bgpeer-plan/1";

/// A plan saved by `plan --out`: the file it was made from (AuthKeys as references only), the
/// options it was made with, and the plan with its live fingerprint.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SavedPlan {
    pub format: String,
    pub file: String,
    /// Where the file's relative `{file: PATH}` keys are read from.
    pub base_dir: String,
    pub source: String,
    pub no_validate: Vec<String>,
    pub plan: Plan,
}

impl SavedPlan {
    pub fn rules(&self) -> Vec<Rule> {
        self.no_validate
            .iter()
            .filter_map(|n| Rule::ALL.iter().copied().find(|r| r.name() == n))
            .collect()
    }
}

pub async fn run(ctx: &Context, args: PlanArgs) -> anyhow::Result<()> {
    let skip = args.source.no_validate.clone();
    let loaded = load(ctx, &args.file, &skip)?;
    let (plan, _, _) = make_plan(
        ctx,
        &loaded,
        args.source.prune,
        &skip,
        usize::from(args.source.concurrency),
    )
    .await?;
    if let Some(query) = crate::commands::emit::query(ctx)? {
        crate::commands::emit::emit_document(ctx, &query, serde_json::to_value(&plan)?)?;
    } else {
        match explicit_format(ctx) {
            OutputFormat::Json | OutputFormat::Ndjson => {
                let mut s = serde_json::to_string_pretty(&plan)?;
                s.push('\n');
                ctx.write_stdout(s.as_bytes())?;
            }
            OutputFormat::None => {}
            _ => ctx.write_stdout(plan.render().as_bytes())?,
        }
    }
    if let Some(out) = &args.out {
        let saved = SavedPlan {
            format: SAVED_PLAN_FORMAT.into(),
            file: loaded.name.clone(),
            base_dir: std::fs::canonicalize(&loaded.base_dir)
                .unwrap_or(loaded.base_dir.clone())
                .display()
                .to_string(),
            source: loaded.text.clone(),
            no_validate: skip.iter().map(|r| r.name().to_string()).collect(),
            plan: plan.clone(),
        };
        write_atomically(out, &serde_json::to_vec_pretty(&saved)?).map_err(|e| {
            CliError::usage(
                format!("cannot write the plan to {out}: {e}"),
                Some("give a writable path to --out".to_string()),
            )
        })?;
        ctx.notice(&format!(
            "saved the plan to {out}; `bgpeer apply {out}` applies it if the live set-up has not changed"
        ));
    }
    if args.detailed_exitcode && plan.has_changes() {
        return Err(CliError::Quiet(Exit::Changes).into());
    }
    Ok(())
}

/// Reads the live set-up of the file's VBRs and compares. Returns the plan, the live set-up and
/// the run's pacers (for apply to go on with).
pub async fn make_plan(
    ctx: &Context,
    loaded: &Loaded,
    prune: bool,
    skip: &[Rule],
    concurrency: usize,
) -> anyhow::Result<(Plan, Vec<LiveVbr>, Regions)> {
    let regions_list = regions_of(&loaded.desired);
    let objects: usize = loaded
        .desired
        .vbrs
        .iter()
        .map(|v| 1 + v.networks.len() + v.groups.iter().map(|g| 1 + g.peers.len()).sum::<usize>())
        .sum();
    // Reads, then up to two calls per object (a replace) and the waits' polls.
    let calls = 3 * loaded.desired.vbrs.len() + 4 * objects;
    let regions = Regions::new(ctx, &regions_list, concurrency, calls.max(1)).await?;
    let pairs: Vec<(String, String)> = loaded
        .desired
        .vbrs
        .iter()
        .map(|v| (v.region.clone(), v.vbr_id.clone()))
        .collect();
    let live = read_live(&regions, &pairs, Some((&loaded.name, &loaded.desired))).await?;
    let plan = diff::plan(
        &loaded.name,
        &loaded.desired,
        &loaded.keys,
        &live,
        prune,
        skip,
    )?;
    Ok((plan, live, regions))
}

/// Writes `bytes` to `path` through a temporary file beside it and a rename, so a reader never
/// sees half a plan.
fn write_atomically(path: &str, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = format!("{path}.tmp-{}", uuid::Uuid::new_v4().simple());
    let result = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
