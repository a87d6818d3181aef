//! Bulk runs (`--from-file`): read NDJSON or a JSON array of items, validate them all before
//! sending any, send them with AIMD pacing (each with its own ClientToken), and report one result
//! per item.

use std::collections::{HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Map, Value};

use super::CliError;
use super::Context;
use crate::api::pacing::Aimd;
use crate::api::request::Request;
use crate::api::validate::{IpVersion, Naming, Validator};
use crate::cli::mutation::{BulkArgs, MutationArgs};
use crate::client::{Client, ClientError};
use crate::exit::Exit;
use crate::settings::Source;

/// One input item: its position, and its fields.
#[derive(Debug, Clone)]
pub struct InputItem {
    pub index: usize,
    /// 1-based line (NDJSON) or array position, for messages.
    pub line: usize,
    pub fields: Map<String, Value>,
}

impl InputItem {
    pub fn place(&self) -> String {
        format!("item {} (line {})", self.index, self.line)
    }
}

/// Parses NDJSON, or a JSON array of objects (an empty input is no items).
pub fn parse_items(text: &str) -> Result<Vec<InputItem>, CliError> {
    let trimmed = text.trim_start();
    let hint = || {
        Some("give NDJSON (one JSON object per line) or a JSON array of objects, with the API's field names".to_string())
    };
    let mut items = Vec::new();
    if trimmed.starts_with('[') {
        let values: Vec<Value> = serde_json::from_str(trimmed).map_err(|e| {
            CliError::usage(format!("the input is not a valid JSON array: {e}"), hint())
        })?;
        for (i, v) in values.into_iter().enumerate() {
            match v {
                Value::Object(fields) => items.push(InputItem {
                    index: i,
                    line: i + 1,
                    fields,
                }),
                other => {
                    return Err(CliError::usage(
                        format!("array element {i} is not an object: {}", kind_of(&other)),
                        hint(),
                    ))
                }
            }
        }
    } else {
        for (n, line) in text.lines().enumerate() {
            let line_trim = line.trim();
            if line_trim.is_empty() {
                continue;
            }
            let v: Value = serde_json::from_str(line_trim).map_err(|e| {
                CliError::usage(format!("line {} is not valid JSON: {e}", n + 1), hint())
            })?;
            match v {
                Value::Object(fields) => items.push(InputItem {
                    index: items.len(),
                    line: n + 1,
                    fields,
                }),
                other => {
                    return Err(CliError::usage(
                        format!("line {} is not a JSON object: {}", n + 1, kind_of(&other)),
                        hint(),
                    ))
                }
            }
        }
    }
    // No items is not an error: `bgpeer peer list -o ndjson | bgpeer peer delete --from-file -`
    // on an empty list has nothing to do, prints `[]` and exits 0.
    Ok(items)
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads one item's fields with type checks, naming the item and field in every error.
pub struct ItemReader<'a> {
    pub item: &'a InputItem,
    /// Fields the command uses.
    pub known: &'static [&'static str],
    /// Output-only fields that may be present (so `list -o ndjson` output can be fed back) and are ignored.
    pub ignored: &'static [&'static str],
}

impl ItemReader<'_> {
    fn err(&self, msg: String) -> CliError {
        CliError::usage(format!("{}: {msg}", self.item.place()), None)
    }

    /// Rejects fields that are neither used nor known output fields, with a did-you-mean.
    pub fn check_fields(&self, region: &str) -> Result<(), CliError> {
        for key in self.item.fields.keys() {
            if key == "RegionId" {
                let r = self.item.fields[key].as_str().unwrap_or("");
                if !r.is_empty() && r != region {
                    return Err(self.err(format!(
                        "RegionId {r:?} differs from the command's region {region:?}; run one file per region with --region"
                    )));
                }
                continue;
            }
            if self.known.contains(&key.as_str()) || self.ignored.contains(&key.as_str()) {
                continue;
            }
            let best = self
                .known
                .iter()
                .map(|k| (strsim::jaro_winkler(k, key), *k))
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .filter(|(score, _)| *score > 0.8);
            let mut msg = format!("unknown field {key:?}");
            if let Some((_, k)) = best {
                msg.push_str(&format!(" (did you mean {k:?}?)"));
            }
            msg.push_str(&format!("; fields used here: {}", self.known.join(", ")));
            return Err(self.err(msg));
        }
        Ok(())
    }

    pub fn opt_str(&self, name: &str) -> Result<Option<String>, CliError> {
        match self.item.fields.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => {
                Err(self.err(format!("{name} must be a string, not {}", kind_of(other))))
            }
        }
    }

    pub fn req_str(&self, name: &str) -> Result<String, CliError> {
        self.opt_str(name)?
            .filter(|s| !s.is_empty())
            .ok_or_else(|| self.err(format!("{name} is required")))
    }

    pub fn opt_bool(&self, name: &str) -> Result<Option<bool>, CliError> {
        match self.item.fields.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Ok(Some(true)),
            Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Ok(Some(false)),
            Some(other) => Err(self.err(format!("{name} must be true or false, not {other}"))),
        }
    }

    pub fn opt_int(&self, name: &str) -> Result<Option<i64>, CliError> {
        match self.item.fields.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) if n.as_i64().is_some() => Ok(n.as_i64()),
            Some(Value::String(s)) if s.trim().parse::<i64>().is_ok() => Ok(s.trim().parse().ok()),
            Some(other) => Err(self.err(format!("{name} must be an integer, not {other}"))),
        }
    }

    pub fn opt_ip_version(&self, name: &str) -> Result<Option<IpVersion>, CliError> {
        match self.opt_str(name)? {
            None => Ok(None),
            Some(s) => IpVersion::parse(&s)
                .map(Some)
                .ok_or_else(|| self.err(format!("{name} must be IPv4 or IPv6, not {s:?}"))),
        }
    }

    /// The item's ClientToken; else `<--client-token>-<index>` (so re-running the same file with
    /// the same --client-token creates nothing twice); else a new one.
    pub fn client_token(&self, v: &Validator, base: Option<&str>) -> Result<String, CliError> {
        let token = match (self.opt_str("ClientToken")?, base) {
            (Some(t), _) => t,
            (None, Some(base)) => {
                crate::client::derive_client_token(base, &self.item.index.to_string())
            }
            (None, None) => return Ok(crate::client::new_client_token()),
        };
        v.client_token(&token)
            .map_err(|e| self.err(e.to_string()))?;
        Ok(token)
    }

    /// Wraps a validation error with the item's place.
    pub fn place_err(&self, e: impl std::fmt::Display) -> CliError {
        self.err(e.to_string())
    }
}

/// One item ready to send.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub index: usize,
    pub request: Request,
    /// What identifies the item in results (its input fields without secrets).
    pub echo: Value,
}

/// Validates every item (all errors listed, nothing sent when any is invalid).
pub fn prepare_all<F>(items: &[InputItem], mut build: F) -> Result<Vec<Prepared>, CliError>
where
    F: FnMut(&InputItem) -> Result<Prepared, CliError>,
{
    let mut ok = Vec::new();
    let mut errors = Vec::new();
    for item in items {
        match build(item) {
            Ok(p) => ok.push(p),
            Err(e) => errors.push(e.to_string()),
        }
    }
    let mut tokens = HashSet::new();
    for p in &ok {
        if let Some(t) = p.request.get("ClientToken") {
            if !tokens.insert(t.to_string()) {
                errors.push(format!(
                    "item {}: ClientToken {t:?} is used by another item; each item needs its own",
                    p.index
                ));
            }
        }
    }
    if errors.is_empty() {
        return Ok(ok);
    }
    let shown: Vec<String> = errors.iter().take(20).cloned().collect();
    let more = errors.len().saturating_sub(shown.len());
    let mut message = format!(
        "{} of {} items are invalid; nothing was sent:\n  {}",
        errors.len(),
        items.len(),
        shown.join("\n  ")
    );
    if more > 0 {
        message.push_str(&format!("\n  ... and {more} more"));
    }
    Err(CliError::usage(
        message,
        Some(
            "fix the items; --no-validate RULE skips a rule you are sure the API accepts"
                .to_string(),
        ),
    ))
}

/// What happened to one item.
#[derive(Debug)]
pub enum Outcome {
    /// The API's answer.
    Sent(Value),
    Failed(anyhow::Error),
    /// Not sent: an earlier item failed and --continue-on-error was not given.
    Skipped,
    /// Not sent: the run was stopped with Ctrl-C.
    Interrupted,
}

/// The calls of one bulk run (its items, then the read-back of what they made) share one
/// AIMD pacer: at most `--concurrency` in flight, fewer while the API throttles. While it lives,
/// the first Ctrl-C stops the run gracefully (see [`super::context::Stop`]), so every item is
/// reported.
pub struct Pacer {
    client: Arc<Client>,
    aimd: Aimd,
    max: usize,
    no_delay: bool,
    _graceful: super::context::GracefulStop,
}

impl Pacer {
    pub async fn new(ctx: &Context, items: usize, args: &BulkArgs) -> anyhow::Result<Pacer> {
        let base = ctx.client().await?;
        let max = usize::from(args.concurrency).min(items).max(1);
        Ok(Pacer {
            client: Arc::new(bulk_client(ctx, base, items)?),
            aimd: Aimd::new(max, Duration::from_millis(25)),
            max,
            no_delay: base.config().retry.base_delay.is_zero(),
            _graceful: ctx.stop.graceful(),
        })
    }

    /// The most calls in flight (`--concurrency`, or fewer when there are fewer items).
    pub fn max(&self) -> usize {
        self.max
    }

    /// One logical call (`call` may make several requests, e.g. the pages of a list): throttling
    /// answers go to the pacer and the call is made again until the deadline; transient failures
    /// (5xx, network) are retried a few times with backoff. A request keeps its ClientToken
    /// throughout, so a retry never doubles a mutation.
    pub async fn call<T, F, Fut>(&self, call: F) -> anyhow::Result<T>
    where
        F: Fn(Arc<Client>) -> Fut,
        Fut: std::future::Future<Output = anyhow::Result<T>>,
    {
        let mut transient = 0u32;
        loop {
            let slot = self.aimd.acquire().await;
            let err = match call(self.client.clone()).await {
                Ok(v) => {
                    self.aimd.success(slot);
                    return Ok(v);
                }
                Err(e) => e,
            };
            let Some(client_err) = err.chain().find_map(|c| c.downcast_ref::<ClientError>()) else {
                return Err(err);
            };
            // The client reports a throttling answer as Api or Throttled depending on its attempts.
            if let Some(api) = client_err.api().filter(|a| a.is_throttling()) {
                let retry_after = api.retry_after_ms.map(Duration::from_millis);
                self.aimd.throttled(slot, retry_after);
            } else if is_transient(client_err) && transient < 4 {
                drop(slot);
                transient += 1;
                if !self.no_delay {
                    let cap = 200u64 << transient;
                    let jitter = rand::Rng::random_range(&mut rand::rng(), cap / 2..=cap);
                    tokio::time::sleep(Duration::from_millis(jitter)).await;
                }
            } else {
                return Err(err);
            }
        }
    }
}

/// Sends every request through the pacer; returns one outcome per request, in input order.
/// A Ctrl-C stops it gracefully (see [`super::context::Stop`]): no new item is sent, the ones in
/// flight finish, and the rest are reported as not sent.
pub async fn send_all(
    ctx: &Context,
    pacer: &Pacer,
    prepared: &[Prepared],
    args: &BulkArgs,
    verb: &str,
) -> anyhow::Result<Vec<Outcome>> {
    let queue: Mutex<VecDeque<(usize, &Request)>> = Mutex::new(
        prepared
            .iter()
            .enumerate()
            .map(|(i, p)| (i, &p.request))
            .collect(),
    );
    let results: Mutex<Vec<Option<Outcome>>> =
        Mutex::new((0..prepared.len()).map(|_| None).collect());
    let failed = AtomicBool::new(false);
    let progress = (ctx.term.stderr && !ctx.globals.quiet).then(|| {
        let pb = indicatif::ProgressBar::new(prepared.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} {msg} [{bar:30}] {pos}/{len} ({elapsed})",
        ) {
            pb.set_style(style.progress_chars("=> "));
        }
        pb.set_message(verb.to_string());
        pb.enable_steady_tick(Duration::from_millis(120));
        pb
    });
    let worker = || async {
        loop {
            if ctx.stop.requested() || (failed.load(Ordering::SeqCst) && !args.continue_on_error) {
                break;
            }
            let Some((i, request)) = queue.lock().expect("queue").pop_front() else {
                break;
            };
            let outcome = match pacer
                .call(|client| async move { Ok(request.send(&client).await?) })
                .await
            {
                Ok(v) => Outcome::Sent(v),
                Err(e) => {
                    failed.store(true, Ordering::SeqCst);
                    Outcome::Failed(e)
                }
            };
            results.lock().expect("results")[i] = Some(outcome);
            if let Some(pb) = &progress {
                pb.inc(1);
                pb.set_message(format!(
                    "{verb} (window {}, throttled {})",
                    pacer.aimd.window(),
                    pacer.aimd.throttled_count()
                ));
            }
        }
    };
    futures_util::future::join_all((0..pacer.max).map(|_| worker())).await;
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    if pacer.aimd.throttled_count() > 0 {
        ctx.notice(&format!(
            "note: the API throttled {} requests; concurrency went down to {} and back up (max {})",
            pacer.aimd.throttled_count(),
            pacer.aimd.min_window(),
            pacer.max
        ));
    }
    let interrupted = ctx.stop.requested();
    Ok(results
        .into_inner()
        .expect("results")
        .into_iter()
        .map(|o| match o {
            Some(o) => o,
            None if interrupted => Outcome::Interrupted,
            None => Outcome::Skipped,
        })
        .collect())
}

/// Reads back what a bulk run made, one call per key (a group, a VBR), through the run's pacer,
/// up to `--concurrency` at a time, in no particular order. A key that cannot be read is warned
/// about and left out: its items are still reported, with what the API answered when they were
/// sent, never lost.
pub async fn read_back<K, T, F, Fut>(
    ctx: &Context,
    pacer: &Pacer,
    keys: impl IntoIterator<Item = K>,
    read: F,
) -> Vec<T>
where
    K: Clone + std::fmt::Display,
    F: Fn(Arc<Client>, K) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<T>>,
{
    use futures_util::StreamExt;
    let read = &read;
    futures_util::stream::iter(keys)
        .map(|key| async move {
            let got = pacer.call(|client| read(client, key.clone())).await;
            got.map_err(|e| {
                let r = super::report::build_report(&e);
                ctx.notice(&format!(
                    "warning: cannot read {key} back to print what was made ({}); its results show what the API answered when each item was sent",
                    r.message
                ));
            })
            .ok()
        })
        .buffer_unordered(pacer.max)
        .filter_map(std::future::ready)
        .collect()
        .await
}

/// The bulk run's own client: no retries inside (the pacer sees every throttling answer and
/// retries itself), and a deadline that grows with the batch unless --deadline was given.
fn bulk_client(ctx: &Context, base: &Client, items: usize) -> anyhow::Result<Client> {
    let mut config = base.config().clone();
    config.retry.max_attempts = 1;
    let settings = ctx.settings()?;
    if matches!(settings.deadline_secs.source, Source::BuiltIn) {
        let scaled = Duration::from_secs(60 + 2 * items as u64);
        config.timeouts.deadline = config.timeouts.deadline.max(scaled);
    }
    Ok(Client::new(config)?)
}

fn is_transient(e: &ClientError) -> bool {
    match e {
        ClientError::Api(api) => api.is_retryable(),
        ClientError::Transport { .. } => true,
        _ => false,
    }
}

/// The result object of one item: `{"Index","Ok","Resource"}` or `{"Index","Ok","Item","Error"}`.
pub fn result_object(index: usize, echo: &Value, outcome: Result<Value, &Outcome>) -> Value {
    match outcome {
        Ok(resource) => json!({"Index": index, "Ok": true, "Resource": resource}),
        Err(Outcome::Failed(e)) => {
            let r = super::report::build_report(e);
            let message = std::iter::once(r.message.clone())
                .chain(r.causes.iter().filter(|c| **c != r.message).cloned())
                .collect::<Vec<_>>()
                .join(": ");
            json!({
                "Index": index,
                "Ok": false,
                "Item": echo,
                "Error": {
                    "Kind": r.kind,
                    "Code": r.code,
                    "Message": message,
                    "RequestId": r.request_id,
                    "HttpStatus": r.http_status,
                    "Hint": r.hint,
                }
            })
        }
        Err(o) => json!({
            "Index": index,
            "Ok": false,
            "Item": echo,
            "Error": {
                "Kind": "skipped",
                "Code": null,
                "Message": if matches!(o, Outcome::Interrupted) {
                    "not sent: the run was stopped (Ctrl-C)"
                } else {
                    "not sent: an earlier item failed (use --continue-on-error to send every item)"
                },
                "RequestId": null,
                "HttpStatus": null,
                "Hint": null,
            }
        }),
    }
}

/// Prints the results (built as they are printed, see [`super::emit::emit_list`]), a summary on
/// stderr, and fails with `Partial` when any item failed, or `Interrupted` after a Ctrl-C.
/// `columns`: the default table columns (dotted paths into `Resource` and `Error`).
pub fn finish(
    ctx: &Context,
    results: impl IntoIterator<Item = Value>,
    outcomes: &[Outcome],
    verb_done: &str,
    columns: &[&str],
) -> anyhow::Result<()> {
    super::emit::emit_list(ctx, results, columns)?;
    let total = outcomes.len();
    let failed: Vec<&anyhow::Error> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Failed(e) => Some(e),
            _ => None,
        })
        .collect();
    let skipped = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Skipped | Outcome::Interrupted))
        .count();
    let ok = total - failed.len() - skipped;
    ctx.notice(&format!(
        "{ok} of {total} items {verb_done}, {} failed, {skipped} not sent",
        failed.len()
    ));
    if ctx.stop.requested() {
        return Err(CliError::Interrupted.into());
    }
    if failed.is_empty() && skipped == 0 {
        return Ok(());
    }
    let exit = failed
        .first()
        .map(|e| super::report::build_report(e).exit)
        .unwrap_or(Exit::Rejected);
    Err(CliError::Partial {
        failed: failed.len() + skipped,
        total,
        exit,
    }
    .into())
}

/// Reports a bulk delete (or withdrawal): per item, the request's `keys` (the resource's
/// identity) and the RequestId of the answer.
pub fn finish_removal(
    ctx: &Context,
    prepared: &[Prepared],
    outcomes: &[Outcome],
    keys: &[&str],
    verb_done: &str,
) -> anyhow::Result<()> {
    let results = prepared.iter().zip(outcomes).map(|(p, o)| match o {
        Outcome::Sent(answer) => {
            let mut resource: Map<String, Value> = keys
                .iter()
                .map(|k| (k.to_string(), json!(p.request.get(k))))
                .collect();
            resource.insert(
                "RequestId".into(),
                answer.get("RequestId").cloned().unwrap_or(Value::Null),
            );
            result_object(p.index, &p.echo, Ok(Value::Object(resource)))
        }
        other => result_object(p.index, &p.echo, Err(other)),
    });
    let columns: Vec<String> = ["Index", "Ok"]
        .into_iter()
        .map(str::to_string)
        .chain(keys.iter().map(|k| format!("Resource.{k}")))
        .chain(["Error.Code".to_string(), "Error.Message".to_string()])
        .collect();
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    finish(ctx, results, outcomes, verb_done, &columns)
}

/// Reads and parses `--from-file`.
pub fn read_items(path: &str) -> anyhow::Result<Vec<InputItem>> {
    let text = super::mutation::read_text(path).map_err(|e| {
        CliError::usage(
            format!("cannot read --from-file {path}: {e}"),
            Some("give a readable NDJSON or JSON file, or '-' for stdin".to_string()),
        )
    })?;
    Ok(parse_items(&text)?)
}

/// --wait is not part of bulk runs.
pub fn reject_wait(wait: bool) -> Result<(), CliError> {
    if wait {
        return Err(CliError::usage(
            "--wait does not apply to --from-file runs",
            Some(
                "run the batch, then wait per resource (`bgpeer peer wait ID`) or list them"
                    .to_string(),
            ),
        ));
    }
    Ok(())
}

/// Validator for bulk items (messages name the API fields).
pub fn item_validator(m: &MutationArgs) -> Validator {
    Validator::new(&m.no_validate, Naming::Params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ndjson_and_arrays_parse_alike() {
        let nd =
            parse_items("{\"BgpGroupId\":\"bgpg-1\"}\n\n{\"BgpGroupId\":\"bgpg-2\"}\n").unwrap();
        let arr = parse_items("[{\"BgpGroupId\":\"bgpg-1\"},{\"BgpGroupId\":\"bgpg-2\"}]").unwrap();
        assert_eq!(nd.len(), 2);
        assert_eq!(arr.len(), 2);
        assert_eq!(nd[1].line, 3);
        assert_eq!(nd[1].fields, arr[1].fields);
    }

    #[test]
    fn bad_input_names_the_line() {
        let e = parse_items("{\"a\":1}\nnot json\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2"), "{e}");
        let e = parse_items("[1]").unwrap_err().to_string();
        assert!(e.contains("element 0"), "{e}");
        assert!(parse_items("  \n").unwrap().is_empty());
        assert!(parse_items("[]").unwrap().is_empty());
    }

    #[test]
    fn unknown_fields_get_a_suggestion() {
        let items = parse_items("{\"PeerIpAdress\":\"10.0.0.1\"}").unwrap();
        let r = ItemReader {
            item: &items[0],
            known: &["BgpGroupId", "PeerIpAddress"],
            ignored: &["Status"],
        };
        let e = r.check_fields("cn-shanghai").unwrap_err().to_string();
        assert!(e.contains("did you mean \"PeerIpAddress\""), "{e}");
        let items = parse_items("{\"RegionId\":\"cn-beijing\"}").unwrap();
        let r = ItemReader {
            item: &items[0],
            ..r
        };
        assert!(r
            .check_fields("cn-shanghai")
            .unwrap_err()
            .to_string()
            .contains("cn-beijing"));
    }

    #[test]
    fn typed_fields() {
        let items = parse_items(
            "{\"EnableBfd\":\"True\",\"BfdMultiHop\":\"3\",\"IpVersion\":\"ipv6\",\"X\":5}",
        )
        .unwrap();
        let r = ItemReader {
            item: &items[0],
            known: &[],
            ignored: &[],
        };
        assert_eq!(r.opt_bool("EnableBfd").unwrap(), Some(true));
        assert_eq!(r.opt_int("BfdMultiHop").unwrap(), Some(3));
        assert_eq!(
            r.opt_ip_version("IpVersion").unwrap(),
            Some(IpVersion::IPv6)
        );
        assert!(r.opt_str("X").is_err());
        assert!(r
            .req_str("Missing")
            .unwrap_err()
            .to_string()
            .contains("Missing is required"));
    }
}
