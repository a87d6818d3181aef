//! `--wait` and `peer wait`: polling a resource until it reaches a state, with a spinner on a
//! terminal and a client whose deadline covers the wait.

use std::time::Duration;

use super::CliError;
use super::Context;
use crate::api::resource::{self, Resource};
use crate::api::wait::{self, Target, WaitOptions};
use crate::cli::mutation::WaitLimits;
use crate::client::Client;
use crate::seconds::Seconds;
use crate::settings::Source;

/// Wait options from --timeout/--interval, with a spinner when stderr is a terminal.
pub fn wait_options(ctx: &Context, limits: &WaitLimits) -> anyhow::Result<WaitOptions> {
    // Checked here, not by clap, so that a bad value is a JSON error with `-o json` like every
    // other usage error of a command; the rule is the one of every timeout (`seconds.rs`).
    let secs = |v: f64, flag: &str| -> Result<Duration, CliError> {
        Seconds::new(v)
            .map(Seconds::duration)
            .map_err(|e| CliError::usage(format!("invalid {flag} {v}: {e}"), None))
    };
    Ok(WaitOptions {
        timeout: secs(limits.timeout, "--timeout")?,
        interval: secs(limits.interval, "--interval")?,
        progress: (ctx.term.stderr && !ctx.globals.quiet)
            .then(|| std::sync::Arc::new(super::progress::Spinner::default()) as _),
    })
}

/// A client whose overall deadline covers `waits` waits of --timeout each (plus a minute), unless
/// --deadline was given: a long --timeout must end as a wait (exit 8), not as a deadline (exit 7).
pub async fn wait_client(ctx: &Context, opts: &WaitOptions, waits: u32) -> anyhow::Result<Client> {
    let mut config = ctx.client().await?.config().clone();
    if matches!(ctx.settings()?.deadline_secs.source, Source::BuiltIn) {
        let needed = opts.timeout.saturating_mul(waits.max(1)) + Duration::from_secs(60);
        config.timeouts.deadline = config.timeouts.deadline.max(needed);
    }
    Ok(Client::new(config)?)
}

/// Polls the resource `key` names through `client` until it reaches `target`; returns the last
/// state seen (None: gone).
pub async fn poll<R: Resource>(
    client: &Client,
    region: &str,
    key: &R::Key,
    target: Target,
    opts: &WaitOptions,
) -> anyhow::Result<Option<R>> {
    wait::wait_for(&R::label(key), target, opts, || {
        resource::get::<R>(client, region, key)
    })
    .await
}

/// Waits once for the resource `key` names, with its own --wait client.
pub async fn wait_until<R: Resource>(
    ctx: &Context,
    region: &str,
    key: &R::Key,
    target: Target,
    limits: &WaitLimits,
) -> anyhow::Result<Option<R>> {
    let opts = wait_options(ctx, limits)?;
    let poller = wait_client(ctx, &opts, 1).await?;
    poll(&poller, region, key, target, &opts).await
}

#[cfg(test)]
mod tests {
    //! docs/bulk-and-waiting.md: "the command's overall --deadline grows to cover it unless you
    //! give one" (a wait longer than the default 300 s deadline is too slow to show end to end).

    use super::*;
    use crate::commands::context::test_context as ctx;

    async fn deadline_of(ctx: &Context, timeout_secs: u64, waits: u32) -> Duration {
        let opts = WaitOptions {
            timeout: Duration::from_secs(timeout_secs),
            interval: Duration::from_secs(2),
            progress: None,
        };
        let client = wait_client(ctx, &opts, waits).await.unwrap();
        client.config().timeouts.deadline
    }

    #[tokio::test]
    async fn a_wait_grows_the_built_in_deadline_to_cover_it_but_never_a_given_one() {
        let secs = Duration::from_secs;
        // Built in (300 s): grown to the waits plus a minute when they need more.
        assert_eq!(deadline_of(&ctx(None, &[]), 10, 1).await, secs(300));
        assert_eq!(deadline_of(&ctx(None, &[]), 600, 1).await, secs(660));
        assert_eq!(deadline_of(&ctx(None, &[]), 200, 3).await, secs(660));
        // Given by flag, environment or profile: kept, however long the wait.
        assert_eq!(deadline_of(&ctx(Some(5.0), &[]), 600, 1).await, secs(5));
        let env = [("BGPEER_DEADLINE", "7")];
        assert_eq!(deadline_of(&ctx(None, &env), 600, 1).await, secs(7));
    }
}
