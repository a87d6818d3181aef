//! Renderers (table, json, ndjson, tsv, value, none) and the output views.
//!
//! Commands build data (API-shaped `serde_json::Value` objects with the API's own field names)
//! and hand it to [`emit_list`] or [`emit_one`]; the renderer alone decides presentation.

use serde_json::Value;

use crate::context::Context;

/// Prints a list (every page already merged) in the chosen format.
/// `columns` are the default table/tsv/value columns; `--fields` overrides them.
pub fn emit_list(ctx: &Context, items: &[Value], columns: &[&str]) -> anyhow::Result<()> {
    let _ = columns;
    let mut text = serde_json::to_string_pretty(items)?;
    text.push('\n');
    ctx.write_stdout(text.as_bytes())?;
    Ok(())
}

/// Prints one resource in the chosen format.
pub fn emit_one(ctx: &Context, item: &Value, columns: &[&str]) -> anyhow::Result<()> {
    let _ = columns;
    let mut text = serde_json::to_string_pretty(item)?;
    text.push('\n');
    ctx.write_stdout(text.as_bytes())?;
    Ok(())
}
