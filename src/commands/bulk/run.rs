//! Sending the items of a bulk run: one AIMD pacer for every call of the run, the client's retry
//! policy for transient failures, a graceful stop on Ctrl-C, and the read-back of what was made.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

use super::super::emit::ListWriter;
use super::super::Context;
use super::input::Prepared;
use crate::api::pacing::Aimd;
use crate::api::request::Request;
use crate::cli::mutation::BulkArgs;
use crate::client::{Client, ClientError, RetryPolicy};
use crate::settings::Source;

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
/// the first Ctrl-C stops the run gracefully (see [`crate::commands::context::Stop`]), so every item is
/// reported.
pub struct Pacer {
    client: Arc<Client>,
    aimd: Aimd,
    max: usize,
    /// The client's retry policy: the backoff between retries of a transient failure.
    retry: RetryPolicy,
    _graceful: super::super::context::GracefulStop,
}

impl Pacer {
    pub async fn new(ctx: &Context, items: usize, args: &BulkArgs) -> anyhow::Result<Pacer> {
        let base = ctx.client().await?;
        Pacer::over(ctx, base, usize::from(args.concurrency), items)
    }

    /// A pacer of the calls `base` would make (its own copy, without retries inside): at most
    /// `max` in flight, and a deadline that covers `items` calls.
    pub fn over(ctx: &Context, base: &Client, max: usize, items: usize) -> anyhow::Result<Pacer> {
        let max = max.min(items).max(1);
        Ok(Pacer {
            client: Arc::new(bulk_client(ctx, base, items)?),
            aimd: Aimd::new(max, Duration::from_millis(25)),
            max,
            retry: base.config().retry.clone(),
            _graceful: ctx.stop.graceful(),
        })
    }

    /// The most calls in flight (`--concurrency`, or fewer when there are fewer items).
    pub fn max(&self) -> usize {
        self.max
    }

    /// One logical call (`call` may make several requests, e.g. the pages of a list): throttling
    /// answers go to the pacer and the call is made again until the deadline; transient failures
    /// (5xx, network) are retried with backoff, up to `--max-attempts` tries in all. A request keeps its ClientToken
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
            } else if is_transient(client_err) && transient + 1 < self.retry.max_attempts.max(1) {
                drop(slot);
                transient += 1;
                let delay =
                    crate::client::backoff_delay(&self.retry, transient, None, &mut rand::rng());
                tokio::time::sleep(delay).await;
            } else {
                return Err(err);
            }
        }
    }
}

/// How a bulk command reports its items: the key an item's result is read back by (a group, a
/// VBR; `None`: its result needs no read), how one key is read back, and how a result is built
/// from the item, its outcome and what was read back for its key (`None`: nothing, or the read
/// failed).
pub struct Reporting<KeyOf, Read, Build> {
    pub key_of: KeyOf,
    pub read: Read,
    pub build: Build,
}

/// How a run without read-back (deletes, withdrawals) reports: its `build` alone.
pub type WithoutReadBack<Build> = Reporting<
    fn(&Prepared) -> Option<String>,
    fn(Arc<Client>, String) -> std::future::Ready<anyhow::Result<()>>,
    Build,
>;

/// Results of a run without read-back (deletes, withdrawals).
pub fn without_read_back<Build>(build: Build) -> WithoutReadBack<Build>
where
    Build: Fn(&Prepared, &Outcome, Option<&()>) -> Value,
{
    Reporting {
        key_of: |_| None,
        read: |_, _| std::future::ready(Ok(())),
        build,
    }
}

/// Sends every request through the pacer, and prints each item's result (through `out`) in input
/// order as soon as it can be built: once the item and those before it are done and, when its
/// result needs a read-back, once every item of its key is done and the key has been read back
/// (one call per key, through the same pacer). Returns one outcome per request, in input order.
///
/// A Ctrl-C stops it gracefully (see [`crate::commands::context::Stop`]): no new item is sent,
/// the ones in flight finish, and the rest are reported as not sent. A key that cannot be read
/// back is warned about: its items are still reported, with what the API answered when each was
/// sent, never lost.
pub async fn send_and_report<K, R, KeyOf, Read, Fut, Build>(
    ctx: &Context,
    pacer: &Pacer,
    prepared: &[Prepared],
    args: &BulkArgs,
    verb: &str,
    reporting: Reporting<KeyOf, Read, Build>,
    out: &mut ListWriter<'_>,
) -> anyhow::Result<Vec<Outcome>>
where
    K: Clone + Eq + std::hash::Hash + std::fmt::Display,
    KeyOf: Fn(&Prepared) -> Option<K>,
    Read: Fn(Arc<Client>, K) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<R>>,
    Build: Fn(&Prepared, &Outcome, Option<&R>) -> Value,
{
    let queue: Mutex<VecDeque<(usize, &Request)>> = Mutex::new(
        prepared
            .iter()
            .enumerate()
            .map(|(i, p)| (i, &p.request))
            .collect(),
    );
    let results: Mutex<Vec<Option<Outcome>>> =
        Mutex::new((0..prepared.len()).map(|_| None).collect());
    // Wakes the reporter when an item is done, and when the workers are.
    let progressed = tokio::sync::Notify::new();
    let workers_done = AtomicBool::new(false);
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
    let keys: Vec<Option<K>> = prepared.iter().map(&reporting.key_of).collect();
    let mut members: HashMap<K, Vec<usize>> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        if let Some(k) = key {
            members.entry(k.clone()).or_default().push(i);
        }
    }
    // Items of each key not done yet, and what each key's read-back got (`None`: nothing sent,
    // or the read failed).
    let unfinished: Mutex<HashMap<K, usize>> = Mutex::new(
        members
            .iter()
            .map(|(k, items)| (k.clone(), items.len()))
            .collect(),
    );
    let read_back: Mutex<HashMap<K, Option<R>>> = Mutex::new(HashMap::new());
    let read_key = |key: K| {
        let (members, results, read_back, read) = (&members, &results, &read_back, &reporting.read);
        async move {
            let any_sent = {
                let results = results.lock().expect("results");
                members[&key]
                    .iter()
                    .any(|&i| matches!(results[i], Some(Outcome::Sent(_))))
            };
            let got = if any_sent {
                match pacer.call(|client| read(client, key.clone())).await {
                    Ok(v) => Some(v),
                    Err(e) => {
                        let r = crate::commands::report::build_report(&e);
                        ctx.notice(&format!(
                            "warning: cannot read {key} back to print what was made ({}); its results show what the API answered when each item was sent",
                            r.message
                        ));
                        None
                    }
                }
            } else {
                None
            };
            read_back.lock().expect("read-back").insert(key, got);
        }
    };
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
            progressed.notify_one();
            if let Some(pb) = &progress {
                pb.inc(1);
                pb.set_message(format!(
                    "{verb} (window {}, throttled {})",
                    pacer.aimd.window(),
                    pacer.aimd.throttled_count()
                ));
            }
            // The last item of its key: this worker reads the key back (in its own turn, so the
            // read-back never waits behind the rest of the run).
            if let Some(key) = &keys[i] {
                let last = {
                    let mut unfinished = unfinished.lock().expect("unfinished");
                    let left = unfinished.get_mut(key).expect("a known key");
                    *left -= 1;
                    *left == 0
                };
                if last {
                    read_key(key.clone()).await;
                    progressed.notify_one();
                }
            }
        }
    };
    let send = async {
        futures_util::future::join_all((0..pacer.max).map(|_| worker())).await;
        workers_done.store(true, Ordering::SeqCst);
        progressed.notify_one();
    };
    let report = async {
        let mut next = 0;
        while next < prepared.len() {
            let done = workers_done.load(Ordering::SeqCst);
            let ready = {
                let mut results = results.lock().expect("results");
                // Not sent by the time the workers stopped: skipped, or stopped by Ctrl-C.
                if done && results[next].is_none() {
                    results[next] = Some(if ctx.stop.requested() {
                        Outcome::Interrupted
                    } else {
                        Outcome::Skipped
                    });
                }
                results[next].is_some()
            };
            if !ready {
                progressed.notified().await;
                continue;
            }
            if let Some(key) = &keys[next] {
                let known = read_back.lock().expect("read-back").contains_key(key);
                if !known {
                    if !done {
                        progressed.notified().await;
                        continue;
                    }
                    // Some items of the key were never sent: the key is read now.
                    read_key(key.clone()).await;
                }
            }
            let result = {
                let results = results.lock().expect("results");
                let outcome = results[next].as_ref().expect("a final outcome");
                let mut read_back = read_back.lock().expect("read-back");
                let result = {
                    let got = keys[next]
                        .as_ref()
                        .and_then(|k| read_back.get(k))
                        .and_then(Option::as_ref);
                    (reporting.build)(&prepared[next], outcome, got)
                };
                // A key's read-back is kept only until its last item is printed.
                if let Some(k) = &keys[next] {
                    if members[k].last() == Some(&next) {
                        read_back.remove(k);
                    }
                }
                result
            };
            out.push(result)?;
            next += 1;
        }
        anyhow::Ok(())
    };
    // Every item is sent even when printing fails (a closed pipe): the run's outcome stands.
    let ((), printed) = tokio::join!(send, report);
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    if pacer.aimd.throttled_count() > 0 {
        let pace = pacer
            .aimd
            .paced_rate()
            .map(|r| format!("the run paced itself to {r:.1} requests/s from then on, and "))
            .unwrap_or_default();
        ctx.notice(&format!(
            "note: the API throttled {} of {} requests; {pace}concurrency went down to {} (max {})",
            pacer.aimd.throttled_count(),
            pacer.aimd.sent_count(),
            pacer.aimd.min_window(),
            pacer.max
        ));
    }
    printed?;
    Ok(results
        .into_inner()
        .expect("results")
        .into_iter()
        .map(|o| o.expect("every item reported"))
        .collect())
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

#[cfg(test)]
mod tests {
    //! docs/bulk-and-waiting.md: a bulk run's deadline grows with its size unless one is given
    //! (a run longer than the default 300 s deadline is too slow to show end to end).

    use super::*;
    use crate::commands::context::test_context as ctx;

    async fn bulk_deadline(ctx: &Context, items: usize) -> Duration {
        let base = ctx.client().await.unwrap();
        let bulk = bulk_client(ctx, base, items).unwrap();
        assert_eq!(bulk.config().retry.max_attempts, 1, "the pacer retries");
        bulk.config().timeouts.deadline
    }

    #[tokio::test]
    async fn a_bulk_run_scales_the_built_in_deadline_but_never_a_given_one() {
        let secs = Duration::from_secs;
        // Built in (300 s): 60 s plus 2 s an item, when that is more.
        assert_eq!(bulk_deadline(&ctx(None, &[]), 100).await, secs(300));
        assert_eq!(bulk_deadline(&ctx(None, &[]), 500).await, secs(1060));
        assert_eq!(bulk_deadline(&ctx(Some(5.0), &[]), 500).await, secs(5));
        let env = [("BGPEER_DEADLINE", "7")];
        assert_eq!(bulk_deadline(&ctx(None, &env), 500).await, secs(7));
    }
}
