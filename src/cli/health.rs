//! `bgpeer vbr check` and `bgpeer watch`: what is wrong with a BGP set-up, and what changes in it.

use clap::Args;

use crate::health::rules::{Severity, RULES};
use crate::seconds::Seconds;

/// The codes `--skip` takes, for clap's checking, help and completion.
fn rule_codes() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        RULES
            .iter()
            .map(|(code, _, what)| clap::builder::PossibleValue::new(*code).help(*what)),
    )
}

pub const CHECK_LONG_ABOUT: &str = "\
Check the BGP set-up of VBRs and list what is wrong, each finding with a severity (error, warning, \
info), a stable code, the object (VBR, group, peer or network), one line of explanation and the \
bgpeer command that fixes it where one exists.

It reads DescribeVirtualBorderRouters, DescribeBgpGroups, DescribeBgpPeers and DescribeBgpNetworks \
(every page, in parallel) and judges: peer addresses against the VBR's interconnect (gateway \
addresses, subnet, IPv6), sessions not Established or peers not Available, BFD settings, received \
routes against RouteLimit, groups without peers or AuthKey (never shown), iBGP and reserved AS \
numbers, VBRs with sessions up but no network advertised, and VBRs that are not active. \
--list-rules prints every rule; docs/health.md explains each one and its fix.

Exit status: 0 when nothing at or above --fail-on was found, 12 when something was (so CI can gate \
on it), and the usual error codes (2 usage, 3 a VBR that does not exist, 4 credentials, 7 network) \
when the check could not run.";

pub const CHECK_EXAMPLES: &str = "\
Examples:
  # One VBR, as a table grouped by VBR
  $ bgpeer vbr check vbr-bp1demo00000000000000

  # Every VBR of the region; fail on warnings too (CI)
  $ bgpeer vbr check --all --fail-on warning -o json > findings.json

  # Watch the sessions for 30 s before judging them (catches flapping)
  $ bgpeer vbr check vbr-bp1demo00000000000000 --observe 30

  # Every rule but two
  $ bgpeer vbr check --all --skip group-without-auth-key,no-network-advertised";

#[derive(Debug, Args)]
pub struct VbrCheckArgs {
    /// The VBRs to check (vbr-...); or --all
    #[arg(value_name = "VBR_ID")]
    pub vbr_ids: Vec<String>,

    /// Check every VBR of the region
    #[arg(long, conflicts_with = "vbr_ids")]
    pub all: bool,

    /// Exit 12 when a finding of this severity or worse is found
    #[arg(long, value_enum, value_name = "SEVERITY", default_value = "error")]
    pub fail_on: Severity,

    /// Skip a rule by its code; repeatable or comma-separated [default: none]
    #[arg(long, value_delimiter = ',', value_name = "CODE", value_parser = rule_codes())]
    pub skip: Vec<String>,

    /// Warn when a peer receives this share of its RouteLimit or more, in percent (1-100)
    #[arg(long, value_name = "PERCENT", default_value_t = 80, value_parser = clap::value_parser!(u64).range(1..=100))]
    pub route_threshold: u64,

    /// Read the peers repeatedly for SECS seconds before judging sessions: says how long a session
    /// was seen down, and catches flapping [default: one read]
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(Seconds))]
    pub observe: Option<Seconds>,

    /// Seconds between reads with --observe (at least 1)
    #[arg(long, value_name = "SECS", default_value = "5", value_parser = clap::value_parser!(Seconds))]
    pub interval: Seconds,

    /// Print every rule (code, severity, what it looks for) and exit
    #[arg(long)]
    pub list_rules: bool,
}

pub const WATCH_LONG_ABOUT: &str = "\
Watch the BGP set-up of VBRs and print one event per change: a session going Established or \
leaving it (kind session), a Status change (status), a route count crossing a threshold or \
changing by --route-delta or more (routes), objects appearing or disappearing (appeared, \
disappeared). Each event has a time, the VBR, the object, the field, the old and the new value.

On a terminal the table is redrawn in place: the peers with their session state and routes, and \
the latest events below. -o ndjson prints one event per line, flushed at once, for pipes; -o json \
a JSON array closed when the watch ends; tsv and value one line per event.

Every --interval (at least 1 s) it makes one list per resource kind (VBRs, groups, peers, \
networks; every page). When the API throttles or a poll fails on the network, the interval \
doubles (up to 60 s) and comes back down once polls succeed; each poll has the whole --deadline.

It ends: with --until when the condition holds (exit 0); with --count after N events (exit 0); \
with --duration after that long (exit 0); at --timeout before --until or --count was met (exit 8, \
as a wait); on Ctrl-C, after a one-line summary of the events seen (exit 0).";

pub const WATCH_EXAMPLES: &str = "\
Examples:
  # A live table of one VBR's sessions (Ctrl-C to stop)
  $ bgpeer watch vbr-bp1demo00000000000000

  # Events as NDJSON, one per line, into another tool
  $ bgpeer watch --all -o ndjson | jq -c 'select(.Kind == \"session\")'

  # Wait until every peer of the VBR is Established, at most 10 minutes
  $ bgpeer watch vbr-bp1demo00000000000000 --until established --timeout 600

  # Until a JMESPath condition over the VBRs (each as `vbr show -o json` prints it) holds
  $ bgpeer watch vbr-bp1demo00000000000000 --until \"length([].BgpGroups[].BgpPeers[?ReceivedRouteCount > \\`50\\`][]) > \\`0\\`\"";

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The VBRs to watch (vbr-...); or --all
    #[arg(value_name = "VBR_ID")]
    pub vbr_ids: Vec<String>,

    /// Watch every VBR of the region
    #[arg(long, conflicts_with = "vbr_ids")]
    pub all: bool,

    /// Seconds between polls (at least 1)
    #[arg(long, value_name = "SECS", default_value = "5", value_parser = clap::value_parser!(Seconds))]
    pub interval: Seconds,

    /// End with exit 0 when this holds: `established` (every peer Established), `available`
    /// (every object Available, every VBR active), or a JMESPath expression over the VBRs (each as
    /// `vbr show -o json` prints it) whose result is not false, null or empty
    #[arg(long, value_name = "CONDITION")]
    pub until: Option<String>,

    /// Give up after SECS seconds when --until or --count was not met (exit 8)
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(Seconds))]
    pub timeout: Option<Seconds>,

    /// Watch for SECS seconds, then end with exit 0
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(Seconds))]
    pub duration: Option<Seconds>,

    /// End with exit 0 after N events
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub count: Option<u64>,

    /// A received route count crossing this share of RouteLimit, in percent, is an event (1-100)
    #[arg(long, value_name = "PERCENT", default_value_t = 80, value_parser = clap::value_parser!(u64).range(1..=100))]
    pub route_threshold: u64,

    /// A route count changing by at least N is an event (0: only thresholds)
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub route_delta: u64,
}
