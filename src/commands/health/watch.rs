//! `bgpeer watch`: polls the set-up of VBRs and prints one event per change
//! (`crate::health::events`), until a condition holds, a count of events, a duration, a timeout or
//! Ctrl-C.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::check::interval_floor;
use super::{missing, read, Scope};
use crate::cli::health::WatchArgs;
use crate::commands::emit::{self, ListWriter};
use crate::commands::{report, Context};
use crate::exit::Exit;
use crate::health::events::{self, Event, Thresholds};
use crate::health::rules::span;
use crate::health::setup::VbrSetup;
use crate::output::{mask_owned, render_masked_list, OutputFormat, Query, Style};

/// The longest interval backing off reaches.
const MAX_INTERVAL: Duration = Duration::from_secs(60);

/// Default columns of tsv and value output.
pub const COLUMNS: &[&str] = &["Time", "Kind", "ObjectId", "Field", "Old", "New"];

/// How many events the live table keeps under the peers.
const LIVE_EVENTS: usize = 10;

/// What ends the watch with exit 0.
enum Until {
    Established,
    Available,
    Query(Query),
}

impl Until {
    fn parse(text: &str) -> anyhow::Result<Until> {
        Ok(match text.trim() {
            "established" => Until::Established,
            "available" => Until::Available,
            expr => Until::Query(Query::compile_for(
                expr,
                "--until",
                "--until takes established, available, or a JMESPath expression (https://jmespath.org) over the VBRs, e.g. --until \"length([].BgpGroups[]) > `1`\"; quote it for your shell",
            )?),
        })
    }

    fn holds(&self, setups: &[VbrSetup], style: &Style) -> anyhow::Result<bool> {
        Ok(match self {
            Until::Established => events::all_established(setups),
            Until::Available => events::all_available(setups),
            Until::Query(q) => {
                let views: Vec<Value> = setups
                    .iter()
                    .map(|s| {
                        crate::commands::vbr::assemble(
                            &s.vbr,
                            s.groups.clone(),
                            &s.peers,
                            &s.networks,
                        )
                    })
                    .collect();
                q.holds(&mask_owned(style, Value::Array(views)))?
            }
        })
    }
}

/// Why the watch ended.
enum End {
    Until,
    Count,
    Duration,
    Timeout,
    Interrupted,
}

pub async fn run(ctx: &Context, args: WatchArgs) -> anyhow::Result<()> {
    let base = interval_floor(args.interval.get(), "--interval")?;
    let until = args.until.as_deref().map(Until::parse).transpose()?;
    let scope = Scope::new(ctx, &args.vbr_ids, args.all, "watch")?;
    let thresholds = Thresholds {
        route_threshold_pct: args.route_threshold,
        route_delta: args.route_delta,
    };
    let style = emit::style(ctx);
    let client = ctx.client().await?;
    // The first Ctrl-C ends the watch with its summary (exit 0); a second one drops it.
    let _graceful = ctx.stop.graceful_quiet();
    let started = Instant::now();
    let mut current = read(&client.restarted(), &scope).await?;
    missing(&scope, &current)?;
    let mut out = Printer::new(ctx, &style, scope.ids.len().max(current.len()))?;
    let mut polls = 1u64;
    let mut seen: BTreeMap<&'static str, u64> = BTreeMap::new();
    let mut total = 0u64;
    let mut interval = base;
    out.redraw(&current)?;
    let end = loop {
        if let Some(u) = &until {
            if u.holds(&current, &style)? {
                break End::Until;
            }
        }
        if args.count.is_some_and(|n| total >= n) {
            break End::Count;
        }
        let deadline = |limit: Option<crate::seconds::Seconds>| {
            limit.map(|l| l.duration().saturating_sub(started.elapsed()))
        };
        let left = [
            deadline(args.timeout).map(|d| (d, End::Timeout)),
            deadline(args.duration).map(|d| (d, End::Duration)),
        ]
        .into_iter()
        .flatten()
        .min_by_key(|(d, _)| *d);
        let nap = left.as_ref().map_or(interval, |(d, _)| interval.min(*d));
        tokio::select! {
            _ = tokio::time::sleep(nap) => {}
            _ = ctx.stop.stopped() => break End::Interrupted,
        }
        if let Some((d, why)) = left {
            if d <= nap {
                break why;
            }
        }
        let poller = client.restarted();
        let poll = tokio::select! {
            r = read(&poller, &scope) => r,
            _ = ctx.stop.stopped() => break End::Interrupted,
        };
        polls += 1;
        match poll {
            Ok(next) => {
                interval = (interval / 2).max(base);
                let time = ctx
                    .clock
                    .now()
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
                for e in events::diff(&current, &next, &thresholds, &time) {
                    if args.count.is_some_and(|n| total >= n) {
                        break;
                    }
                    *seen.entry(e.kind).or_default() += 1;
                    total += 1;
                    out.event(e)?;
                }
                current = next;
                out.redraw(&current)?;
            }
            Err(err) => {
                let exit = report::build_report(&err).exit;
                if !matches!(exit, Exit::Throttled | Exit::Network) {
                    out.finish()?;
                    return Err(err);
                }
                interval = (interval * 2).min(MAX_INTERVAL.max(base));
                ctx.notice(&format!(
                    "warning: a poll failed ({}); the next one in {}",
                    err,
                    span(interval.as_millis() as i64)
                ));
            }
        }
    };
    out.finish()?;
    let summary = summary(&scope, &current, started.elapsed(), polls, total, &seen);
    ctx.notice(&summary);
    if let End::Timeout = end {
        let what = match (&args.until, args.count) {
            (Some(u), _) => format!("--until {u} did not hold"),
            (None, Some(n)) => format!("{total} of --count {n} events were seen"),
            (None, None) => "the watch reached --timeout".to_string(),
        };
        return Err(crate::api::Error::wait(
            format!(
                "{what} within --timeout {}",
                args.timeout.map(|t| t.to_string()).unwrap_or_default()
            ),
            Some("watch longer with a larger --timeout, or look at the set-up with `bgpeer vbr check`".to_string()),
        )
        .into());
    }
    Ok(())
}

/// `watched 2 VBRs for 1 min 5 s (14 polls): 3 events (2 session, 1 routes)`.
fn summary(
    scope: &Scope,
    current: &[VbrSetup],
    took: Duration,
    polls: u64,
    total: u64,
    seen: &BTreeMap<&'static str, u64>,
) -> String {
    let vbrs = if scope.all {
        current.len()
    } else {
        scope.ids.len()
    };
    let kinds: Vec<String> = events::KINDS
        .iter()
        .filter_map(|k| seen.get(k).map(|n| format!("{n} {k}")))
        .collect();
    format!(
        "watched {vbrs} VBR{} for {} ({polls} poll{}): {total} event{}{}",
        if vbrs == 1 { "" } else { "s" },
        span(took.as_millis() as i64),
        if polls == 1 { "" } else { "s" },
        if total == 1 { "" } else { "s" },
        if kinds.is_empty() {
            String::new()
        } else {
            format!(" ({})", kinds.join(", "))
        }
    )
}

/// Prints events as they come, in the chosen format; on a terminal with table output, redraws the
/// live table instead.
struct Printer<'c> {
    ctx: &'c Context,
    style: Style,
    mode: Mode<'c>,
}

enum Mode<'c> {
    /// json, ndjson (and any format with --query): the bulk runs' streaming list.
    List(Option<ListWriter<'c>>),
    /// tsv and value: one line per event (tsv: after one header line).
    Lines { header_done: bool },
    /// table, not on a terminal: one line of text per event.
    Text,
    /// table on a terminal: the peers and the latest events, redrawn in place.
    Live {
        drawn: usize,
        latest: Vec<Event>,
        vbrs: usize,
    },
}

impl<'c> Printer<'c> {
    fn new(ctx: &'c Context, style: &Style, vbrs: usize) -> anyhow::Result<Printer<'c>> {
        let mode = match style.format {
            _ if ctx.globals.query.is_some() => Mode::List(Some(ListWriter::new(ctx, COLUMNS)?)),
            OutputFormat::Json | OutputFormat::Ndjson => {
                Mode::List(Some(ListWriter::new(ctx, COLUMNS)?))
            }
            OutputFormat::Tsv | OutputFormat::Value => Mode::Lines { header_done: false },
            OutputFormat::Table if ctx.term.stdout => Mode::Live {
                drawn: 0,
                latest: Vec::new(),
                vbrs,
            },
            OutputFormat::Table => Mode::Text,
            OutputFormat::None => Mode::Lines { header_done: true },
        };
        Ok(Printer {
            ctx,
            style: style.clone(),
            mode,
        })
    }

    fn event(&mut self, e: Event) -> anyhow::Result<()> {
        let value = serde_json::to_value(&e)?;
        match &mut self.mode {
            Mode::List(w) => {
                if let Some(w) = w {
                    w.push(value)?;
                }
            }
            Mode::Lines { header_done } => {
                if self.style.format == OutputFormat::None {
                    return Ok(());
                }
                let text = render_masked_list(&self.style, vec![value], COLUMNS)?;
                let text = if self.style.format == OutputFormat::Tsv && *header_done {
                    text.split_once('\n')
                        .map_or(String::new(), |(_, rest)| rest.to_string())
                } else {
                    text
                };
                *header_done = true;
                self.ctx.write_stdout(text.as_bytes())?;
            }
            Mode::Text => {
                let line = format!("{}  {:<11}  {}  {}\n", e.time, e.kind, e.vbr_id, e.message);
                self.ctx.write_stdout(line.as_bytes())?;
            }
            Mode::Live { latest, .. } => {
                latest.push(e);
                if latest.len() > LIVE_EVENTS {
                    latest.remove(0);
                }
            }
        }
        Ok(())
    }

    /// Redraws the live table (only on a terminal with table output).
    fn redraw(&mut self, setups: &[VbrSetup]) -> anyhow::Result<()> {
        let Mode::Live {
            drawn,
            latest,
            vbrs,
        } = &mut self.mode
        else {
            return Ok(());
        };
        let rows: Vec<Value> = setups
            .iter()
            .flat_map(|s| {
                s.peers.iter().map(move |p| {
                    let limit = p
                        .route_limit
                        .as_u64()
                        .map(|l| l.to_string())
                        .unwrap_or_else(|| "?".into());
                    serde_json::json!({
                        "VbrId": s.id(),
                        "BgpPeerId": p.bgp_peer_id.as_str(),
                        "PeerIpAddress": p.peer_ip_address.as_str(),
                        "Status": p.status.as_str(),
                        "BgpStatus": p.bgp_status.as_str(),
                        "Received": format!("{}/{limit}", p.received_route_count.as_u64().unwrap_or(0)),
                        "Advertised": p.advertised_route_count.as_u64(),
                    })
                })
            })
            .collect();
        let now = self.ctx.clock.now().format("%H:%M:%S");
        let mut text = format!(
            "watching {vbrs} VBR{} at {now} (Ctrl-C to stop)\n",
            if *vbrs == 1 { "" } else { "s" }
        );
        if rows.is_empty() {
            text.push_str("no BGP peers\n");
        } else {
            let mut table_style = self.style.clone();
            table_style.fields = None;
            text.push_str(&render_masked_list(
                &table_style,
                rows,
                &[
                    "VbrId",
                    "BgpPeerId",
                    "PeerIpAddress",
                    "Status",
                    "BgpStatus",
                    "Received",
                    "Advertised",
                ],
            )?);
        }
        text.push_str("\nlatest events:\n");
        if latest.is_empty() {
            text.push_str("  none yet\n");
        }
        for e in latest.iter() {
            text.push_str(&format!(
                "  {}  {}\n",
                &e.time[11..19.min(e.time.len())],
                e.message
            ));
        }
        let mut frame = String::new();
        if *drawn > 0 {
            frame.push_str(&format!("\x1b[{}A\x1b[J", *drawn));
        }
        frame.push_str(&text);
        *drawn = text.lines().count();
        self.ctx.write_stdout(frame.as_bytes())?;
        Ok(())
    }

    /// Closes a json array, or prints what `--query` selected.
    fn finish(&mut self) -> anyhow::Result<()> {
        if let Mode::List(w) = &mut self.mode {
            if let Some(w) = w.take() {
                w.finish()?;
            }
        }
        Ok(())
    }
}
