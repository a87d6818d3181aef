//! `bgpeer vbr check`: reads the set-up (and, with `--observe`, the peers again and again), judges
//! it with `crate::health::rules` and prints the findings; exit 12 when any is at or above
//! `--fail-on`.

use std::time::{Duration, Instant};

use serde_json::Value;

use super::{missing, read, read_peers, Scope};
use crate::cli::health::VbrCheckArgs;
use crate::commands::{emit, CliError, Context};
use crate::exit::Exit;
use crate::health::rules::{self, Observed, Options, RULES};
use crate::health::setup::VbrSetup;
use crate::output::findings::{counts, render_findings};
use crate::output::OutputFormat;

/// Default columns of tsv and value output (the table groups by VBR).
pub const COLUMNS: &[&str] = &["VbrId", "Severity", "Code", "ObjectId", "Message"];

/// The shortest time between reads of a watch or an observed check.
pub const MIN_INTERVAL_SECS: f64 = 1.0;

pub async fn run(ctx: &Context, args: VbrCheckArgs) -> anyhow::Result<()> {
    if args.list_rules {
        let rules = RULES.iter().map(|(code, severity, what)| {
            serde_json::json!({"Code": code, "Severity": severity.as_str(), "Checks": what})
        });
        return emit::emit_list(ctx, rules, &["Code", "Severity", "Checks"]);
    }
    let interval = interval_floor(args.interval.get(), "--interval")?;
    let scope = Scope::new(ctx, &args.vbr_ids, args.all, "check")?;
    let client = ctx.client().await?;
    let mut setups = read(client, &scope).await?;
    missing(&scope, &setups)?;
    let observed = match args.observe {
        Some(secs) => observe(ctx, &scope, &mut setups, secs.duration(), interval).await?,
        None => Observed {
            reads: 1,
            ..Default::default()
        },
    };
    let opts = Options {
        route_threshold_pct: args.route_threshold,
    };
    let findings: Vec<rules::Finding> = rules::check(&setups, &observed, &opts)
        .into_iter()
        .filter(|f| !args.skip.iter().any(|s| s == f.code))
        .collect();
    let failing = findings.iter().any(|f| f.severity >= args.fail_on);
    let values: Vec<Value> = findings
        .iter()
        .map(|f| serde_json::to_value(f).unwrap_or(Value::Null))
        .collect();
    print(ctx, &setups, values.clone())?;
    ctx.notice(&format!(
        "checked {} VBR{}: {}{}",
        setups.len(),
        if setups.len() == 1 { "" } else { "s" },
        counts(&values),
        if failing {
            format!(
                " (exit 12: at or above --fail-on {})",
                args.fail_on.as_str()
            )
        } else {
            String::new()
        }
    ));
    if failing {
        return Err(CliError::Quiet(Exit::Findings).into());
    }
    Ok(())
}

/// `--interval` in seconds, refused below the floor.
pub fn interval_floor(secs: f64, flag: &str) -> anyhow::Result<Duration> {
    if secs < MIN_INTERVAL_SECS {
        return Err(CliError::usage(
            format!("{flag} {secs} is below the floor of {MIN_INTERVAL_SECS} s between reads"),
            Some(format!(
                "use {flag} 1 or more: polling faster only spends the API's rate limit"
            )),
        )
        .into());
    }
    Ok(Duration::from_secs_f64(secs))
}

/// Reads the peers every `interval` for `span` (the first full read counts as the first), keeps
/// each peer's states, and leaves the last read's peers in `setups`.
async fn observe(
    ctx: &Context,
    scope: &Scope,
    setups: &mut [VbrSetup],
    span: Duration,
    interval: Duration,
) -> anyhow::Result<Observed> {
    let client = ctx.client().await?;
    let started = Instant::now();
    let mut observed = Observed::default();
    let note = |setups: &[VbrSetup], observed: &mut Observed| {
        observed.reads += 1;
        for p in setups.iter().flat_map(|s| s.peers.iter()) {
            if let Some(id) = p.bgp_peer_id.as_str() {
                observed.history.entry(id.to_string()).or_default().push((
                    p.status.as_str().unwrap_or("").to_string(),
                    p.bgp_status.as_str().unwrap_or("").to_string(),
                ));
            }
        }
    };
    note(setups, &mut observed);
    ctx.notice(&format!(
        "observing the sessions for {}: a read every {}",
        rules::span(span.as_millis() as i64),
        rules::span(interval.as_millis() as i64)
    ));
    while started.elapsed() + interval <= span + Duration::from_millis(50) {
        tokio::time::sleep(interval).await;
        let peers = read_peers(client, scope).await?;
        for s in setups.iter_mut() {
            let id = s.id().to_string();
            s.peers = peers
                .iter()
                .filter(|p| p.router_id.as_str() == Some(id.as_str()))
                .cloned()
                .collect();
        }
        note(setups, &mut observed);
    }
    observed.span_ms = started.elapsed().as_millis() as i64;
    Ok(observed)
}

/// The findings in the chosen format: grouped by VBR in a table (`--fields` picks its columns), a
/// list otherwise.
fn print(ctx: &Context, setups: &[VbrSetup], findings: Vec<Value>) -> anyhow::Result<()> {
    let style = emit::style(ctx);
    if style.format != OutputFormat::Table || ctx.globals.query.is_some() {
        return emit::emit_list(ctx, findings, COLUMNS);
    }
    let vbrs: Vec<(String, String)> = setups
        .iter()
        .map(|s| {
            (
                s.id().to_string(),
                s.vbr.name.as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let text = render_findings(&style, &vbrs, &findings)?;
    ctx.write_stdout(text.as_bytes())?;
    Ok(())
}
