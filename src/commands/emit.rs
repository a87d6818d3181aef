//! The one place commands print data: decides the [`Style`] from the context (flags, environment,
//! terminal) and hands the data to the pure renderers of [`crate::output`].

use serde_json::Value;

use super::context::Context;
use super::CliError;
use crate::cli::configure::ConfigureCommand;
use crate::cli::Command;
use crate::output::{
    mask_owned, render_masked_list, render_one, render_queried, render_vbr_view, write_json_array,
    write_ndjson, OutputFormat, Query, Style,
};

/// Decides width and colour once, from the flags, the environment and the terminal.
pub fn style(ctx: &Context) -> Style {
    Style {
        format: ctx.output_format(),
        fields: ctx.globals.fields.clone(),
        width: terminal_width(ctx),
        color: use_color(ctx),
        show_secrets: ctx.globals.show_secrets,
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

fn note_fields_ignored(ctx: &Context, style: &Style) {
    if style.fields.is_some() && matches!(style.format, OutputFormat::Json | OutputFormat::Ndjson) {
        ctx.notice(
            "note: --fields applies to table, tsv and value output; json prints whole objects",
        );
    }
}

/// Checks `--query` before anything runs: its syntax (exit 2 with a caret under the fault), and
/// that the command prints a result to query.
pub fn check_query(ctx: &Context, command: &Command) -> anyhow::Result<()> {
    let Some(text) = &ctx.globals.query else {
        return Ok(());
    };
    let none = match command {
        Command::Emulator(_) => Some("emulator"),
        Command::Completions { .. } => Some("completions"),
        Command::Configure(a) => match &a.command {
            Some(ConfigureCommand::List | ConfigureCommand::Get { .. }) => None,
            Some(ConfigureCommand::ExportCredentials(_)) => Some("configure export-credentials"),
            Some(ConfigureCommand::Set(_)) => Some("configure set"),
            None => Some("configure"),
            Some(ConfigureCommand::Delete { .. }) => Some("configure delete"),
            Some(ConfigureCommand::Switch { .. }) => Some("configure switch"),
        },
        _ => None,
    };
    if let Some(name) = none {
        return Err(CliError::usage(
            format!("--query does not apply to `bgpeer {name}`: it prints no result to query"),
            Some("leave --query out".to_string()),
        )
        .into());
    }
    Query::compile(text)?;
    Ok(())
}

/// The `--query` of this invocation, compiled (its syntax was checked before the command ran).
pub fn query(ctx: &Context) -> anyhow::Result<Option<Query>> {
    Ok(match &ctx.globals.query {
        Some(text) => Some(Query::compile(text)?),
        None => None,
    })
}

/// Masks `data` (unless `--show-secrets`), applies the query to it once and prints the result:
/// a query can never reveal a masked secret.
fn emit_queried(
    ctx: &Context,
    style: &Style,
    query: &Query,
    data: Value,
    columns: &[&str],
) -> anyhow::Result<()> {
    let result = query.apply(&mask_owned(style, data))?;
    if style.format == OutputFormat::Table
        && (result.is_null() || result.as_array().is_some_and(Vec::is_empty))
    {
        ctx.notice("no results: the query selected nothing");
    }
    let text = render_queried(style, result, columns)?;
    ctx.write_stdout(text.as_bytes())?;
    Ok(())
}

/// Prints a whole document through `--query` in the chosen format (`export`, `plan` and
/// `configure list` with a query).
pub fn emit_document(ctx: &Context, query: &Query, document: Value) -> anyhow::Result<()> {
    let style = style(ctx);
    note_fields_ignored(ctx, &style);
    emit_queried(ctx, &style, query, document, &[])
}

/// Prints a list in the chosen format, masking each item in place. `columns` are the default
/// table/tsv/value columns; `--fields` overrides them.
///
/// json and ndjson are written item by item as the iterator yields them, so a long list holds no
/// second copy of its items; table, tsv and value need every item first (column widths, the
/// `--fields` check against the data). [`ListWriter`] prints items that become ready over time.
pub fn emit_list(
    ctx: &Context,
    items: impl IntoIterator<Item = Value>,
    columns: &[&str],
) -> anyhow::Result<()> {
    use std::io::Write as _;
    let style = style(ctx);
    note_fields_ignored(ctx, &style);
    if let Some(query) = query(ctx)? {
        let all = Value::Array(items.into_iter().collect());
        return emit_queried(ctx, &style, &query, all, columns);
    }
    let items = items.into_iter().map(|i| mask_owned(&style, i));
    if matches!(style.format, OutputFormat::Json | OutputFormat::Ndjson) {
        let mut stdout = ctx.streams.stdout();
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, &mut *stdout);
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

/// A list printed item by item as each becomes ready (a bulk run's results, while the run goes
/// on): json and ndjson write and flush each item at once, exactly as [`emit_list`] would have
/// printed the whole list; table, tsv and value (and `--query`) need every item first, so they
/// keep the items and print them at [`ListWriter::finish`].
pub struct ListWriter<'c> {
    ctx: &'c Context,
    style: Style,
    columns: Vec<String>,
    /// The items kept for the end; `None` when they stream.
    kept: Option<Vec<Value>>,
    written: usize,
}

impl<'c> ListWriter<'c> {
    pub fn new(ctx: &'c Context, columns: &[&str]) -> anyhow::Result<ListWriter<'c>> {
        let style = style(ctx);
        let streams = query(ctx)?.is_none()
            && matches!(style.format, OutputFormat::Json | OutputFormat::Ndjson);
        if streams {
            note_fields_ignored(ctx, &style);
        }
        Ok(ListWriter {
            ctx,
            style,
            columns: columns.iter().map(|c| c.to_string()).collect(),
            kept: (!streams).then(Vec::new),
            written: 0,
        })
    }

    /// Prints `item` now (json, ndjson), or keeps it for the end.
    pub fn push(&mut self, item: Value) -> anyhow::Result<()> {
        use std::io::Write as _;
        let Some(kept) = &mut self.kept else {
            let item = mask_owned(&self.style, item);
            let text = match self.style.format {
                OutputFormat::Json => {
                    // Inside a pretty array, as serde_json prints one: each line indented by two.
                    let lead = if self.written == 0 { "[\n" } else { ",\n" };
                    let pretty = serde_json::to_string_pretty(&item)?;
                    let mut text = String::from(lead);
                    for (i, line) in pretty.lines().enumerate() {
                        if i > 0 {
                            text.push('\n');
                        }
                        text.push_str("  ");
                        text.push_str(line);
                    }
                    text
                }
                _ => serde_json::to_string(&item)? + "\n",
            };
            let mut stdout = self.ctx.streams.stdout();
            stdout.write_all(text.as_bytes())?;
            stdout.flush()?;
            self.written += 1;
            return Ok(());
        };
        kept.push(item);
        Ok(())
    }

    /// Ends the list: closes a json array, or prints the kept items.
    pub fn finish(self) -> anyhow::Result<()> {
        let columns: Vec<&str> = self.columns.iter().map(String::as_str).collect();
        match self.kept {
            Some(items) => emit_list(self.ctx, items, &columns),
            None if self.style.format == OutputFormat::Json => {
                let end: &[u8] = if self.written == 0 { b"[]\n" } else { b"\n]\n" };
                self.ctx.write_stdout(end)?;
                Ok(())
            }
            None => Ok(()),
        }
    }
}

/// Prints one resource in the chosen format.
pub fn emit_one(ctx: &Context, item: &Value, columns: &[&str]) -> anyhow::Result<()> {
    let style = style(ctx);
    note_fields_ignored(ctx, &style);
    if let Some(query) = query(ctx)? {
        return emit_queried(ctx, &style, &query, item.clone(), columns);
    }
    let text = render_one(&style, item, columns)?;
    ctx.write_stdout(text.as_bytes())?;
    Ok(())
}

/// Prints the whole BGP picture of one VBR (see [`render_vbr_view`]).
pub fn emit_vbr_view(ctx: &Context, vbr: &Value, columns: &[&str]) -> anyhow::Result<()> {
    let style = style(ctx);
    note_fields_ignored(ctx, &style);
    if let Some(query) = query(ctx)? {
        return emit_queried(ctx, &style, &query, vbr.clone(), columns);
    }
    let text = render_vbr_view(&style, vbr, columns)?;
    ctx.write_stdout(text.as_bytes())?;
    Ok(())
}

/// Prints a raw API answer (`bgpeer api`): JSON unless `-o` names another format explicitly.
pub fn emit_raw(ctx: &Context, answer: &Value) -> anyhow::Result<()> {
    let mut style = style(ctx);
    if ctx.globals.output.is_none() {
        style.format = OutputFormat::Json;
    }
    note_fields_ignored(ctx, &style);
    if let Some(query) = query(ctx)? {
        return emit_queried(ctx, &style, &query, answer.clone(), &[]);
    }
    let text = render_one(&style, answer, &[])?;
    ctx.write_stdout(text.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    //! Width and colour are decided once from the flags, the environment and the terminal.

    use super::style;
    use crate::cli::{GlobalArgs, OutputFormat};
    use crate::commands::context::{Context, Terminal};
    use crate::env::Env;

    fn ctx(stdout_tty: bool, env: &[(&str, &str)], globals: GlobalArgs) -> Context {
        Context::new(
            globals,
            Env::from_pairs(env.iter().map(|(k, v)| (k.to_string(), v.to_string()))),
            Terminal {
                stdin: false,
                stdout: stdout_tty,
                stderr: false,
            },
        )
    }

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        let on = |tty, env: &[(&str, &str)], no_color| {
            let g = GlobalArgs {
                no_color,
                ..Default::default()
            };
            style(&ctx(tty, env, g)).color
        };
        assert!(on(true, &[("COLUMNS", "80")], false));
        assert!(!on(false, &[], false));
        assert!(!on(true, &[("COLUMNS", "80"), ("NO_COLOR", "1")], false));
        assert!(!on(true, &[("COLUMNS", "80")], true));
        assert!(!on(true, &[("COLUMNS", "80"), ("TERM", "dumb")], false));
        // NO_COLOR only counts when it is not empty (no-color.org).
        assert!(on(true, &[("COLUMNS", "80"), ("NO_COLOR", "")], false));
    }

    #[test]
    fn width_comes_from_columns_and_is_unlimited_off_a_terminal() {
        let width = |tty, env: &[(&str, &str)]| style(&ctx(tty, env, GlobalArgs::default())).width;
        assert_eq!(width(false, &[("COLUMNS", "80")]), Some(80));
        assert_eq!(width(true, &[("COLUMNS", "120")]), Some(120));
        assert_eq!(width(false, &[]), None);
        assert_eq!(width(false, &[("COLUMNS", "wide")]), None);
        assert_eq!(width(false, &[("COLUMNS", "0")]), None);
    }

    #[test]
    fn format_fields_and_secrets_come_from_the_flags() {
        let g = GlobalArgs {
            output: Some(OutputFormat::Tsv),
            fields: Some(vec!["BgpPeerId".into()]),
            show_secrets: true,
            ..Default::default()
        };
        let s = style(&ctx(false, &[], g));
        assert_eq!(s.format, OutputFormat::Tsv);
        assert_eq!(s.fields, Some(vec!["BgpPeerId".to_string()]));
        assert!(s.show_secrets);
        let s = style(&ctx(false, &[], GlobalArgs::default()));
        assert_eq!(s.format, OutputFormat::Json);
        assert!(!s.show_secrets);
    }

    /// A bulk run's results printed one by one as they become ready are byte for byte the list
    /// printed at once (masking included).
    #[test]
    fn a_list_written_item_by_item_is_the_list_printed_at_once() {
        use super::{emit_list, ListWriter};
        use crate::commands::context::Host;
        use serde_json::json;
        let lists = [
            vec![],
            vec![
                json!({"Index": 0, "Ok": true, "Resource": {"AuthKey": "s3cret", "Ids": [1, 2], "Name": "a\nb é"}}),
            ],
            vec![json!({"a": 1}), json!([]), json!({"b": {}}), json!("x")],
        ];
        for format in [OutputFormat::Json, OutputFormat::Ndjson] {
            for items in &lists {
                let printed = |one_by_one: bool| {
                    let terminal = Terminal {
                        stdin: false,
                        stdout: false,
                        stderr: false,
                    };
                    let (host, captured) = Host::in_memory(Env::from_pairs([]), terminal, "");
                    let globals = GlobalArgs {
                        output: Some(format),
                        ..Default::default()
                    };
                    let ctx = Context::on(globals, host);
                    if one_by_one {
                        let mut out = ListWriter::new(&ctx, &[]).unwrap();
                        for item in items {
                            out.push(item.clone()).unwrap();
                        }
                        out.finish().unwrap();
                    } else {
                        emit_list(&ctx, items.clone(), &[]).unwrap();
                    }
                    captured.stdout()
                };
                let streamed = printed(true);
                assert!(!streamed.contains("s3cret"), "{streamed}");
                assert_eq!(streamed, printed(false), "{format:?} {items:?}");
            }
        }
    }
}
