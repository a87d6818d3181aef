//! Renderers (table, json, ndjson, tsv, value, none) and the output views.
//!
//! Commands build data (API-shaped `serde_json::Value` objects with the API's own field names)
//! and hand it to `commands::emit`, which decides the [`Style`] once (width and colour depend on
//! the terminal) and calls the renderers here; every `render_*` function is pure over its input
//! and a [`Style`].
//! Secrets (`AuthKey`) are masked inside the renderers, so no format can forget it.

mod error;
pub mod fields;
pub mod findings;
mod format;
pub mod health;
pub mod query;
mod table;
pub mod text;
pub mod vbr_tree;

use serde_json::Value;

pub use error::OutputError;
pub use fields::Field;
pub use format::{ErrorFormat, OutputFormat};
pub use query::Query;

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
}

pub fn masked(style: &Style, value: &Value) -> Value {
    mask_owned(style, value.clone())
}

/// Masks secrets in place (unless `--show-secrets`): printing a list copies no item.
pub fn mask_owned(style: &Style, mut value: Value) -> Value {
    if !style.show_secrets {
        crate::secret::mask_secrets(&mut value);
    }
    value
}

/// Writes items as one pretty JSON array, item by item as they come: byte for byte what
/// `serde_json::to_string_pretty` gives for the whole array (plus a newline).
pub fn write_json_array<W: std::io::Write>(
    out: &mut W,
    items: impl Iterator<Item = Value>,
) -> std::io::Result<()> {
    use serde::Serializer as _;
    serde_json::Serializer::pretty(&mut *out).collect_seq(items)?;
    out.write_all(b"\n")
}

/// Writes items as NDJSON, one line per item as it comes.
pub fn write_ndjson<W: std::io::Write>(
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
pub fn render_list(
    style: &Style,
    items: &[Value],
    columns: &[&str],
) -> Result<String, OutputError> {
    let items: Vec<Value> = items.iter().map(|i| masked(style, i)).collect();
    render_masked_list(style, items, columns)
}

/// Renders a list whose items are already masked.
pub fn render_masked_list(
    style: &Style,
    items: Vec<Value>,
    columns: &[&str],
) -> Result<String, OutputError> {
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
pub fn render_one(style: &Style, item: &Value, columns: &[&str]) -> Result<String, OutputError> {
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
) -> Result<String, OutputError>
where
    F: FnOnce(&Value, &Style) -> Result<String, OutputError>,
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

/// Renders the whole BGP picture of one VBR: the tree as the table form (or, with `--fields`, the
/// `Field  value` lines of those VBR fields), the nested object in json. Pure.
pub fn render_vbr_view(
    style: &Style,
    vbr: &Value,
    columns: &[&str],
) -> Result<String, OutputError> {
    if style.fields.is_some() {
        return render_one(style, vbr, columns);
    }
    render_one_with(style, vbr, columns, |v, s| Ok(vbr_tree::render(v, s)))
}

/// Renders the result of `--query` (already masked): json and ndjson print it as it is;
/// table, tsv and value show an array of objects as rows, an array of values as one column (an
/// array of arrays as tab-separated rows), an object as one record and a single value bare.
/// Objects that still have the command's default `columns` are shown with them (so `value` still
/// prints IDs); other objects with their own keys. `--fields` then picks columns. `null` (the
/// query selected nothing) prints `null` in json and nothing otherwise. Pure.
pub fn render_queried(
    style: &Style,
    result: Value,
    columns: &[&str],
) -> Result<String, OutputError> {
    match style.format {
        OutputFormat::Json => return Ok(pretty_json(&result)),
        OutputFormat::Ndjson => {
            return Ok(match result {
                Value::Null => String::new(),
                Value::Array(items) => items.iter().map(|i| format!("{i}\n")).collect(),
                other => format!("{other}\n"),
            })
        }
        OutputFormat::None => return Ok(String::new()),
        OutputFormat::Table | OutputFormat::Tsv | OutputFormat::Value => {}
    }
    let line = |v: &Value| -> String {
        let text = match v {
            Value::Array(cells) => cells
                .iter()
                .map(|c| text::escape_field(&text::compact(c)))
                .collect::<Vec<_>>()
                .join("\t"),
            other => text::escape_field(&text::compact(other)),
        };
        format!("{text}\n")
    };
    match result {
        Value::Null => Ok(String::new()),
        Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_object) => {
            let style = with_own_columns(style, &items, columns);
            render_masked_list(&style, items, columns)
        }
        Value::Array(items) => Ok(items.iter().map(line).collect()),
        Value::Object(_) => {
            let style = with_own_columns(style, std::slice::from_ref(&result), columns);
            render_one(&style, &result, columns)
        }
        scalar => Ok(line(&scalar)),
    }
}

/// The style to show `items` with: as is when they have every default column, else with
/// `--fields` (when given) or the items' own keys as the columns.
fn with_own_columns(style: &Style, items: &[Value], columns: &[&str]) -> Style {
    let has_defaults = !columns.is_empty()
        && columns.iter().all(|c| {
            let head = c.split('.').next().unwrap_or(c);
            items.iter().all(|i| i.get(head).is_some())
        });
    let mut style = style.clone();
    if !has_defaults && style.fields.is_none() {
        style.fields = Some(fields::known_names(items, &[]));
    }
    style
}

#[cfg(test)]
mod tests;
