//! What every mutating group/peer/network command does the same way: region and token checks,
//! dry-run printing, confirmation of deletes, AuthKey sources, wait options, input files.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::time::Duration;

use super::CliError;
use super::Context;
use crate::api::request::Request;
use crate::api::validate::{Naming, Validator};
use crate::api::wait::WaitOptions;
use crate::cli::group::AuthKeyArgs;
use crate::cli::mutation::{MutationArgs, WaitLimits};
use crate::client::Client;
use crate::secret::Secret;
use crate::settings::Source;

/// The environment variable that can hold the BGP AuthKey.
pub const AUTH_KEY_ENV: &str = "BGPEER_AUTH_KEY";

/// The region (validated) and the validator of this invocation.
pub fn prepare(
    ctx: &Context,
    m: &MutationArgs,
    naming: Naming,
) -> anyhow::Result<(String, Validator)> {
    let validator = Validator::new(&m.no_validate, naming);
    let region = ctx.region()?;
    validator.region_id(&region)?;
    if let Some(token) = &m.client_token {
        Validator::new(&m.no_validate, Naming::Flags).client_token(token)?;
    }
    Ok((region, validator))
}

/// The region of a read-only command (validated without skips: reads have no --no-validate).
pub fn read_region(ctx: &Context) -> anyhow::Result<String> {
    let region = ctx.region()?;
    Validator::new(&[], Naming::Flags).region_id(&region)?;
    Ok(region)
}

/// `--client-token`, or a new UUID for this operation.
pub fn client_token(m: &MutationArgs) -> String {
    m.client_token
        .clone()
        .unwrap_or_else(crate::client::new_client_token)
}

/// Where requests would go, for dry runs; resolved without credentials or network.
pub fn endpoint_for_display(ctx: &Context) -> anyhow::Result<String> {
    let settings = ctx.settings()?;
    if settings.is_emulator() && settings.endpoint.is_none() {
        return Ok("http://127.0.0.1:<ephemeral>/ (the embedded emulator)".to_string());
    }
    let endpoint = crate::client::endpoint::resolve(
        settings.region.as_ref().map(|r| r.value.as_str()),
        settings.endpoint.as_ref().map(|e| e.value.as_str()),
        ctx.globals.allow_insecure_endpoint,
    )?;
    Ok(endpoint.url())
}

/// Prints what would be sent (one object, or an array for several requests) and sends nothing.
pub fn print_dry_run<'r>(
    ctx: &Context,
    requests: impl IntoIterator<Item = &'r Request>,
) -> anyhow::Result<()> {
    let endpoint = endpoint_for_display(ctx)?;
    let views: Vec<_> = requests
        .into_iter()
        .map(|r| r.dry_run_view(&endpoint, ctx.globals.show_secrets))
        .collect();
    let columns = ["Action", "Endpoint", "Parameters"];
    if views.len() == 1 {
        super::emit::emit_one(ctx, &views[0], &columns)?;
    } else {
        super::emit::emit_list(ctx, views, &columns)?;
    }
    ctx.notice("dry run: nothing was sent");
    Ok(())
}

/// Refuses when stdin is not a terminal and --yes was not given (before anything is sent).
pub fn require_confirmation_possible(ctx: &Context, what: &str) -> anyhow::Result<()> {
    if ctx.globals.yes || ctx.term.stdin {
        return Ok(());
    }
    Err(CliError::usage(
        format!("refusing to {what} without confirmation: stdin is not a terminal"),
        Some(
            "pass --yes (-y) to confirm in scripts, or --dry-run to see what would be sent"
                .to_string(),
        ),
    )
    .into())
}

/// Asks `Really <what>? [y/N]` on a terminal; --yes answers for the user.
pub fn confirm(ctx: &Context, what: &str) -> anyhow::Result<()> {
    require_confirmation_possible(ctx, what)?;
    if ctx.globals.yes {
        return Ok(());
    }
    let mut stderr = std::io::stderr();
    write!(stderr, "{what}? [y/N] ")?;
    stderr.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    if matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
        Ok(())
    } else {
        Err(CliError::usage(format!("not confirmed: did not {what}"), None).into())
    }
}

/// The AuthKey from `--auth-key`, `--auth-key-file FILE|-`, or (when `from_env`) BGPEER_AUTH_KEY.
pub fn read_auth_key(
    ctx: &Context,
    args: &AuthKeyArgs,
    from_env: bool,
    env_required: bool,
) -> anyhow::Result<Option<Secret>> {
    if let Some(k) = &args.auth_key {
        return Ok(Some(non_empty_key(k.clone(), "--auth-key")?));
    }
    if let Some(path) = &args.auth_key_file {
        let text = read_text(path).map_err(|e| {
            CliError::usage(
                format!("cannot read --auth-key-file {path}: {e}"),
                Some(
                    "give a readable file holding only the key, or '-' to read it from stdin"
                        .to_string(),
                ),
            )
        })?;
        let key = text.trim_end_matches(['\n', '\r']).to_string();
        return Ok(Some(non_empty_key(key, "--auth-key-file")?));
    }
    if from_env {
        match ctx.env.get_nonblank(AUTH_KEY_ENV) {
            Some(k) => return Ok(Some(Secret::new(k))),
            None if env_required => {
                return Err(CliError::usage(
                    format!("--auth-key-from-env was given but {AUTH_KEY_ENV} is not set"),
                    Some(format!("export {AUTH_KEY_ENV}=... first")),
                )
                .into())
            }
            None => {}
        }
    }
    Ok(None)
}

fn non_empty_key(key: String, source: &str) -> Result<Secret, CliError> {
    if key.is_empty() {
        return Err(CliError::usage(
            format!("the AuthKey from {source} is empty"),
            Some(
                "to remove a group's key use `bgpeer group update ID --clear-auth-key`".to_string(),
            ),
        ));
    }
    Ok(Secret::new(key))
}

/// Reads a whole file, or stdin for `-`.
pub fn read_text(path: &str) -> std::io::Result<String> {
    if path == "-" {
        let mut s = String::new();
        if std::io::stdin().is_terminal() {
            eprintln!("reading from stdin; end with Ctrl-D");
        }
        std::io::stdin().lock().read_to_string(&mut s)?;
        Ok(s)
    } else {
        std::fs::read_to_string(path)
    }
}

/// Wait options from --timeout/--interval, with a spinner when stderr is a terminal.
pub fn wait_options(ctx: &Context, limits: &WaitLimits) -> anyhow::Result<WaitOptions> {
    let secs = |v: f64, flag: &str| -> Result<Duration, CliError> {
        if v.is_finite() && v > 0.0 && v <= 86_400.0 {
            Ok(Duration::from_secs_f64(v))
        } else {
            Err(CliError::usage(
                format!("invalid {flag} {v}: give a number of seconds above 0 and at most 86400"),
                None,
            ))
        }
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

/// A resource a command reads back by ID after changing it, to print it whole.
pub trait ReadBack {
    /// The resource's noun in messages (`group`, `peer`).
    const NOUN: &'static str;
    /// Its ID field (`BgpGroupId`).
    const ID_FIELD: &'static str;
    /// The resource as the API lists it, or None when it is not listed.
    fn get<'a>(
        client: &'a Client,
        region: &'a str,
        id: &'a str,
    ) -> impl std::future::Future<Output = anyhow::Result<Option<serde_json::Value>>> + 'a;
}

/// Reads `R` back after a change, waiting for Available when asked. A resource not listed yet is
/// printed as its ID alone, with a warning.
pub async fn read_back<R: ReadBack>(
    ctx: &Context,
    region: &str,
    id: &str,
    wait_for: Option<&WaitLimits>,
) -> anyhow::Result<serde_json::Value> {
    let current = match wait_for {
        Some(limits) => {
            let opts = wait_options(ctx, limits)?;
            let poller = wait_client(ctx, &opts, 1).await?;
            let what = format!("{} {id}", R::NOUN);
            crate::api::wait::wait_for(&what, crate::api::wait::Target::Available, &opts, || {
                R::get(&poller, region, id)
            })
            .await?
        }
        None => R::get(ctx.client().await?, region, id).await?,
    };
    Ok(current.unwrap_or_else(|| {
        ctx.notice(&format!(
            "warning: BGP {} {id} is not listed yet; printing its ID only",
            R::NOUN
        ));
        serde_json::json!({ R::ID_FIELD: id })
    }))
}
