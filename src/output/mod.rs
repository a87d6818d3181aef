//! Renderers (table, json, ndjson, tsv, value, none) and the output views.
//!
//! Commands build data (API-shaped `serde_json::Value` objects with the API's own field names)
//! and hand it to [`emit_list`] or [`emit_one`]; the renderer alone decides presentation.
//! Presentation decisions that depend on the terminal (width, colour) are taken once, in
//! [`Style::from_context`]; every `render_*` function is pure over its input and a [`Style`].
//! Secrets (`AuthKey`) are masked inside the renderers, so no format can forget it.

pub mod fields;
pub mod health;
pub mod mask;
mod table;
pub mod text;
pub mod vbr_tree;

use serde_json::Value;

use crate::cli::OutputFormat;
use crate::context::Context;
use crate::error::CliError;

pub use fields::Field;

/// Every presentation decision of one invocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    pub format: OutputFormat,
    /// `--fields`, as given.
    pub fields: Option<Vec<String>>,
    /// Table width in columns; `None` means no wrapping (not a terminal, no `COLUMNS`).
    pub width: Option<u16>,
    /// ANSI colour in tables and views.
    pub color: bool,
    /// `--show-secrets`: print `AuthKey` in clear.
    pub show_secrets: bool,
}

impl Style {
    /// A plain style: no colour, no width limit, secrets masked.
    pub fn plain(format: OutputFormat) -> Style {
        Style {
            format,
            fields: None,
            width: None,
            color: false,
            show_secrets: false,
        }
    }

    /// Decides width and colour once, from the flags, the environment and the terminal.
    pub fn from_context(ctx: &Context) -> Style {
        Style {
            format: ctx.output_format(),
            fields: ctx.globals.fields.clone(),
            width: terminal_width(ctx),
            color: use_color(ctx),
            show_secrets: ctx.globals.show_secrets,
        }
    }
}

/// `COLUMNS` when set to a number, else the terminal's width when stdout is one.
fn terminal_width(ctx: &Context) -> Option<u16> {
    if let Some(cols) = ctx.env.get_nonblank("COLUMNS") {
        if let Ok(n) = cols.trim().parse::<u16>() {
            if n > 0 {
                return Some(n);
            }
        }
    }
    if ctx.term.stdout {
        // comfy-table probes stdout only when nothing else decided the width. A terminal that
        // reports no size (a bare pseudo-terminal) must not squeeze tables to nothing.
        return comfy_table::Table::new().width().filter(|w| *w >= 20);
    }
    None
}

/// Colour only on a terminal, and never with `--no-color`, `NO_COLOR` (any non-empty value) or
/// `TERM=dumb`.
fn use_color(ctx: &Context) -> bool {
    ctx.term.stdout
        && !ctx.globals.no_color
        && ctx.env.get("NO_COLOR").is_none_or(str::is_empty)
        && ctx.env.get("TERM") != Some("dumb")
}

fn masked(style: &Style, value: &Value) -> Value {
    mask_owned(style, value.clone())
}

/// Masks secrets in place (unless `--show-secrets`): printing a list copies no item.
fn mask_owned(style: &Style, mut value: Value) -> Value {
    if !style.show_secrets {
        mask::mask_secrets(&mut value);
    }
    value
}

/// Writes items as one pretty JSON array, item by item as they come: byte for byte what
/// `serde_json::to_string_pretty` gives for the whole array (plus a newline).
fn write_json_array<W: std::io::Write>(
    out: &mut W,
    items: impl Iterator<Item = Value>,
) -> std::io::Result<()> {
    use serde::Serializer as _;
    serde_json::Serializer::pretty(&mut *out).collect_seq(items)?;
    out.write_all(b"\n")
}

/// Writes items as NDJSON, one line per item as it comes.
fn write_ndjson<W: std::io::Write>(
    out: &mut W,
    items: impl Iterator<Item = Value>,
) -> std::io::Result<()> {
    for item in items {
        serde_json::to_writer(&mut *out, &item)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn pretty_json(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
    text.push('\n');
    text
}

fn tsv_line(item: &Value, fields: &[Field]) -> String {
    let mut line = fields
        .iter()
        .map(|f| text::escape_field(&f.lookup(item).map(text::compact).unwrap_or_default()))
        .collect::<Vec<_>>()
        .join("\t");
    line.push('\n');
    line
}

fn tsv_header(fields: &[Field]) -> String {
    let mut line = fields
        .iter()
        .map(|f| text::escape_field(&f.name))
        .collect::<Vec<_>>()
        .join("\t");
    line.push('\n');
    line
}

/// Renders a list. Pure: the same items and style give the same text.
pub fn render_list(style: &Style, items: &[Value], columns: &[&str]) -> Result<String, CliError> {
    let items: Vec<Value> = items.iter().map(|i| masked(style, i)).collect();
    render_masked_list(style, items, columns)
}

/// Renders a list whose items are already masked.
fn render_masked_list(
    style: &Style,
    items: Vec<Value>,
    columns: &[&str],
) -> Result<String, CliError> {
    let fields = || fields::resolve(style.fields.as_deref(), columns, &items);
    Ok(match style.format {
        OutputFormat::Json => {
            let mut out = Vec::new();
            let _ = write_json_array(&mut out, items.into_iter());
            String::from_utf8(out).unwrap_or_default()
        }
        OutputFormat::Ndjson => items.iter().map(|i| format!("{i}\n")).collect(),
        OutputFormat::Table => {
            let fields = fields()?;
            if items.is_empty() {
                String::new()
            } else {
                table::rows(&items, &fields, style)
            }
        }
        OutputFormat::Tsv => {
            let fields = fields()?;
            let mut out = tsv_header(&fields);
            for item in &items {
                out.push_str(&tsv_line(item, &fields));
            }
            out
        }
        OutputFormat::Value => {
            let fields = fields::resolve(style.fields.as_deref(), value_columns(columns), &items)?;
            items.iter().map(|i| tsv_line(i, &fields)).collect()
        }
        OutputFormat::None => String::new(),
    })
}

/// Renders one resource. The table form lists every field (`columns` first) as `Field  value`
/// lines; tsv and value use `columns` (or `--fields`). Pure.
pub fn render_one(style: &Style, item: &Value, columns: &[&str]) -> Result<String, CliError> {
    render_one_with(style, item, columns, |item, style| {
        let fields = match &style.fields {
            Some(_) => {
                fields::resolve(style.fields.as_deref(), columns, std::slice::from_ref(item))?
            }
            None => fields::known_names(std::slice::from_ref(item), columns)
                .iter()
                .map(|n| Field::new(n))
                .collect(),
        };
        Ok(table::record(item, &fields, style))
    })
}

/// Renders one resource, with `table_view` drawing the table form (e.g. the `vbr show` tree).
/// `table_view` receives the item already masked.
pub fn render_one_with<F>(
    style: &Style,
    item: &Value,
    columns: &[&str],
    table_view: F,
) -> Result<String, CliError>
where
    F: FnOnce(&Value, &Style) -> Result<String, CliError>,
{
    let item = masked(style, item);
    let one = std::slice::from_ref(&item);
    Ok(match style.format {
        OutputFormat::Json => pretty_json(&item),
        OutputFormat::Ndjson => format!("{item}\n"),
        OutputFormat::Table => table_view(&item, style)?,
        OutputFormat::Tsv => {
            let fields = fields::resolve(style.fields.as_deref(), columns, one)?;
            tsv_header(&fields) + &tsv_line(&item, &fields)
        }
        OutputFormat::Value => {
            let fields = fields::resolve(style.fields.as_deref(), value_columns(columns), one)?;
            tsv_line(&item, &fields)
        }
        OutputFormat::None => String::new(),
    })
}

/// Without `--fields`, `value` prints only the first default column (the resource's ID), one
/// per line, so that `ID=$(bgpeer peer create ... -o value)` just works.
fn value_columns<'a>(columns: &'a [&'a str]) -> &'a [&'a str] {
    &columns[..columns.len().min(1)]
}

fn note_fields_ignored(ctx: &Context, style: &Style) {
    if style.fields.is_some() && matches!(style.format, OutputFormat::Json | OutputFormat::Ndjson) {
        ctx.notice(
            "note: --fields applies to table, tsv and value output; json prints whole objects",
        );
    }
}

/// Prints a list in the chosen format, masking each item in place. `columns` are the default
/// table/tsv/value columns; `--fields` overrides them.
///
/// json and ndjson are written item by item as the items come, so a long bulk run holds no
/// second copy of its results; table, tsv and value need every item first (column widths, the
/// `--fields` check against the data).
pub fn emit_list(
    ctx: &Context,
    items: impl IntoIterator<Item = Value>,
    columns: &[&str],
) -> anyhow::Result<()> {
    use std::io::Write as _;
    let style = Style::from_context(ctx);
    note_fields_ignored(ctx, &style);
    let items = items.into_iter().map(|i| mask_owned(&style, i));
    if matches!(style.format, OutputFormat::Json | OutputFormat::Ndjson) {
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
        match style.format {
            OutputFormat::Json => write_json_array(&mut out, items)?,
            _ => write_ndjson(&mut out, items)?,
        }
        out.flush()?;
        return Ok(());
    }
    let items: Vec<Value> = items.collect();
    let empty = items.is_empty();
    let text = render_masked_list(&style, items, columns)?;
    if empty && style.format == OutputFormat::Table {
        ctx.notice("no results");
    }
    ctx.write_stdout(text.as_bytes())?;
    Ok(())
}

/// Prints one resource in the chosen format.
pub fn emit_one(ctx: &Context, item: &Value, columns: &[&str]) -> anyhow::Result<()> {
    let style = Style::from_context(ctx);
    note_fields_ignored(ctx, &style);
    let text = render_one(&style, item, columns)?;
    ctx.write_stdout(text.as_bytes())?;
    Ok(())
}

/// Renders the whole BGP picture of one VBR: the tree as the table form (or, with `--fields`, the
/// `Field  value` lines of those VBR fields), the nested object in json. Pure.
pub fn render_vbr_view(style: &Style, vbr: &Value, columns: &[&str]) -> Result<String, CliError> {
    if style.fields.is_some() {
        return render_one(style, vbr, columns);
    }
    render_one_with(style, vbr, columns, |v, s| Ok(vbr_tree::render(v, s)))
}

/// Prints the whole BGP picture of one VBR (see [`render_vbr_view`]).
pub fn emit_vbr_view(ctx: &Context, vbr: &Value, columns: &[&str]) -> anyhow::Result<()> {
    let style = Style::from_context(ctx);
    note_fields_ignored(ctx, &style);
    let text = render_vbr_view(&style, vbr, columns)?;
    ctx.write_stdout(text.as_bytes())?;
    Ok(())
}

/// Prints a raw API answer (`bgpeer api`): JSON unless `-o` names another format explicitly.
pub fn emit_raw(ctx: &Context, answer: &Value) -> anyhow::Result<()> {
    let mut style = Style::from_context(ctx);
    if ctx.globals.output.is_none() {
        style.format = OutputFormat::Json;
    }
    note_fields_ignored(ctx, &style);
    let text = render_one(&style, answer, &[])?;
    ctx.write_stdout(text.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests;
