//! Confirming destructive commands: `Really <what>? [y/N]` on a terminal, `--yes` in scripts.

use super::CliError;
use super::Context;

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
    ctx.write_stderr(&format!("{what}? [y/N] "));
    let answer = ctx.read_line()?.unwrap_or_default();
    if matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
        Ok(())
    } else {
        Err(CliError::usage(format!("not confirmed: did not {what}"), None).into())
    }
}
