//! Flags shared by the group, peer and network commands: dry runs, idempotency tokens,
//! validation switches, waiting, and bulk files.

use clap::Args;

use crate::api::validate::Rule;

/// Flags of every command that changes something.
#[derive(Debug, Clone, Args)]
pub struct MutationArgs {
    /// Validate, print the exact request that would be sent (action, endpoint, parameters; secrets
    /// masked) and send nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying
    /// with the same token never makes a second resource; with --from-file, item N without its own
    /// ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]
    #[arg(long, value_name = "TOKEN")]
    pub client_token: Option<String>,

    /// Skip one validation rule, repeatable or comma-separated, for values the API accepts but
    /// bgpeer's checks do not
    #[arg(
        long = "no-validate",
        value_enum,
        value_name = "RULE",
        value_delimiter = ','
    )]
    pub no_validate: Vec<Rule>,
}

/// `--wait` and its limits.
#[derive(Debug, Clone, Args)]
pub struct WaitArgs {
    /// Wait until the resource is Available (after create/update) or gone (after delete); a
    /// failure state or the timeout exits 8
    #[arg(long)]
    pub wait: bool,

    #[command(flatten)]
    pub limits: WaitLimits,
}

/// How long and how often to poll.
#[derive(Debug, Clone, Args)]
pub struct WaitLimits {
    /// Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless
    /// --deadline is given
    #[arg(long, value_name = "SECS", default_value_t = 300.0)]
    pub timeout: f64,

    /// First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s
    #[arg(long, value_name = "SECS", default_value_t = 2.0)]
    pub interval: f64,
}

/// Bulk mode: many items from a file, paced against the API's rate limit.
#[derive(Debug, Clone, Args)]
pub struct BulkArgs {
    /// Read items from FILE (or '-' for stdin): NDJSON or a JSON array of objects with the API's
    /// field names, as the JSON output prints them; each item gets its own ClientToken
    #[arg(long, value_name = "FILE|-", value_hint = clap::ValueHint::FilePath)]
    pub from_file: Option<String>,

    /// Most requests in flight at once; lowered automatically while the API throttles, then raised
    /// again (AIMD)
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,

    /// Keep going after an item fails (default: stop sending new items at the first failure)
    #[arg(long)]
    pub continue_on_error: bool,
}
