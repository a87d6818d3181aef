//! `export`, `plan` and `apply`: the BGP set-up of VBRs as a reviewed file.

use clap::Args;

use crate::api::validate::Rule;

pub const EXPORT_AFTER_HELP: &str = "\
Output: YAML (the default), or JSON with -o json: the same structure. AuthKeys are never written: a
group that has one gets `auth_key: {env: BGPEER_AUTH_KEY_<VBR>_<GROUP>}` and a comment on how to
supply it. Output-only fields (status, counts, times) are left out, and IDs too, except a group's
where its name cannot tell it apart.

Examples:
  $ bgpeer export vbr-bp1demo00000000000000 > bgp.yaml
  $ bgpeer export --all -o json > bgp.json";

pub const PLAN_AFTER_HELP: &str = "\
Exit status: 0 when the plan was made (with --detailed-exitcode: 0 no changes, 10 changes), 2 when
the file is wrong (each problem with its line, column, key path and fix; nothing is sent), 3 when a
VBR or pinned group does not exist, 4-7 as for every command.

Examples:
  $ bgpeer plan -f bgp.yaml
  $ bgpeer plan -f bgp.yaml --detailed-exitcode || echo \"drift (or an error)\"
  $ bgpeer plan -f bgp.yaml --out bgp.plan && bgpeer apply bgp.plan";

pub const APPLY_AFTER_HELP: &str = "\
Order: deletes first (networks, peers, groups), then groups (create, update), peers, networks;
a replace deletes, then creates. VBRs run concurrently through one adaptive pacer per region.
Every request carries a ClientToken derived from the plan and the item, so running apply again
after a crash, a lost answer or Ctrl-C never makes anything twice.

Exit status: 0 when every change was made (or there was nothing to do), 2 usage or file error,
5-7 when a change failed (the report says which), 8 when --wait-established timed out, 11 when a
saved plan no longer matches the live set-up, 130 on Ctrl-C (the report says what was done).

Examples:
  $ bgpeer apply -f bgp.yaml
  $ bgpeer apply -f bgp.yaml --yes --prune
  $ bgpeer apply bgp.plan --yes --wait-established 120 --rollback-on-failure";

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// The VBRs to export (VbrId), e.g. vbr-bp1demo00000000000000
    #[arg(
        value_name = "VBR_ID",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub vbr_ids: Vec<String>,

    /// Export every VBR of the region
    #[arg(long)]
    pub all: bool,
}

/// Reading the file and the live set-up.
#[derive(Debug, Clone, Args)]
pub struct SourceArgs {
    /// Delete live objects the file does not mention (only within the VBRs the file names)
    #[arg(long)]
    pub prune: bool,

    /// Skip one validation rule, repeatable or comma-separated, for values the API accepts but
    /// bgpeer's checks do not
    #[arg(
        long = "no-validate",
        value_enum,
        value_name = "RULE",
        value_delimiter = ','
    )]
    pub no_validate: Vec<Rule>,

    /// Most requests in flight at once per region; lowered automatically while the API throttles
    #[arg(long, value_name = "N", default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,
}

#[derive(Debug, Clone, Args)]
pub struct PlanArgs {
    /// The declarative file (YAML or JSON), or '-' for stdin
    #[arg(short = 'f', long = "file", value_name = "FILE|-", value_hint = clap::ValueHint::FilePath)]
    pub file: String,

    #[command(flatten)]
    pub source: SourceArgs,

    /// Exit 10 when the plan has changes (0 when it has none), so CI can gate on drift
    #[arg(long)]
    pub detailed_exitcode: bool,

    /// Save the plan, with a fingerprint of the live set-up it was made from, for `bgpeer apply PLAN`
    #[arg(long, value_name = "PLAN", value_hint = clap::ValueHint::FilePath)]
    pub out: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ApplyArgs {
    /// A plan saved by `bgpeer plan --out` (it is applied only if the live set-up has not changed)
    #[arg(value_name = "PLAN", required_unless_present = "file", conflicts_with = "file", value_hint = clap::ValueHint::FilePath)]
    pub plan: Option<String>,

    /// The declarative file (YAML or JSON), or '-' for stdin (then --yes is needed)
    #[arg(short = 'f', long = "file", value_name = "FILE|-", value_hint = clap::ValueHint::FilePath)]
    pub file: Option<String>,

    #[command(flatten)]
    pub source: SourceArgs,

    /// Allow changes that replace an object (delete, then create), which drops its BGP sessions;
    /// without it, a terminal asks, naming them, and a script is refused
    #[arg(long)]
    pub allow_replace: bool,

    /// After applying, wait up to SECS for every created or changed peer's session to be
    /// Established (exit 8 if it is not)
    #[arg(long, value_name = "SECS")]
    pub wait_established: Option<f64>,

    /// With --wait-established: if the sessions do not come up in time, undo what this apply did
    /// (restore updated fields, delete what it created, re-create what it deleted)
    #[arg(long, requires = "wait_established")]
    pub rollback_on_failure: bool,

    /// Give up waiting for an object to be Available or gone after SECS seconds (exit 8)
    #[arg(long, value_name = "SECS", default_value_t = 300.0)]
    pub timeout: f64,

    /// First polling interval of those waits, in seconds (later polls back off up to 5x)
    #[arg(long, value_name = "SECS", default_value_t = 1.0)]
    pub interval: f64,
}
