//! `--dry-run`: the exact requests that would be sent, secrets masked, and nothing sent.

use super::Context;
use crate::api::request::Request;

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
