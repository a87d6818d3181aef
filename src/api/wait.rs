//! Waiting for a resource to reach a state: polling with backoff, failure states, a deadline,
//! and the current state reported to a [`WaitProgress`] (commands draw it as a spinner).

use std::future::Future;
use std::time::Duration;

use serde_json::Value;
use tokio::time::Instant;

use super::Error;

/// What to wait for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Status Available
    Available,
    /// BgpStatus Established (peers only)
    Established,
    /// The resource is gone
    Deleted,
}

impl Target {
    pub const ALL: &'static [Target] = &[Target::Available, Target::Established, Target::Deleted];

    /// The name `--until` takes.
    pub fn name(self) -> &'static str {
        match self {
            Target::Available => "available",
            Target::Established => "established",
            Target::Deleted => "deleted",
        }
    }

    /// What it waits for, in one line (shown by `--help` and completions).
    pub fn help(self) -> &'static str {
        match self {
            Target::Available => "Status Available",
            Target::Established => "BgpStatus Established (peers only)",
            Target::Deleted => "The resource is gone",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Target::Available => "Available",
            Target::Established => "Established",
            Target::Deleted => "deleted",
        }
    }
}

/// Told how a wait stands while it polls (commands draw a spinner on a terminal).
pub trait WaitProgress: Send + Sync {
    /// The wait goes on: `message` says what it waits for and the state now.
    fn update(&self, message: &str);
    /// The wait is over, one way or the other.
    fn finish(&self);
}

#[derive(Clone)]
pub struct WaitOptions {
    pub timeout: Duration,
    /// First polling interval; later ones back off up to `max_interval()`.
    pub interval: Duration,
    /// Where the state goes while waiting, if anywhere.
    pub progress: Option<std::sync::Arc<dyn WaitProgress>>,
}

impl std::fmt::Debug for WaitOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WaitOptions")
            .field("timeout", &self.timeout)
            .field("interval", &self.interval)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

impl WaitOptions {
    /// Backoff cap: five times the first interval, at most 30 s (never below the interval).
    pub fn max_interval(&self) -> Duration {
        (self.interval * 5)
            .min(Duration::from_secs(30))
            .max(self.interval)
    }

    /// Polling backs off by half each time, up to the cap.
    pub fn next_delay(&self, delay: Duration) -> Duration {
        delay.mul_f64(1.5).min(self.max_interval())
    }
}

/// What a wait watches: a resource's `Status` and, for peers, `BgpStatus`.
pub trait Observed {
    fn status(&self) -> Option<&str>;
    fn bgp_status(&self) -> Option<&str> {
        None
    }
}

/// A resource as plain JSON.
impl Observed for Value {
    fn status(&self) -> Option<&str> {
        self.get("Status").and_then(Value::as_str)
    }
    fn bgp_status(&self) -> Option<&str> {
        self.get("BgpStatus").and_then(Value::as_str)
    }
}

/// Where a poll stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Assessment {
    Done,
    Pending(String),
    Failed(String),
}

/// `Status=Pending BgpStatus=Idle`, or `gone`.
pub fn state_of<T: Observed>(current: Option<&T>) -> String {
    let Some(v) = current else {
        return "gone (no longer listed)".to_string();
    };
    let mut s = format!(
        "Status={}",
        v.status().filter(|s| !s.is_empty()).unwrap_or("?")
    );
    if let Some(b) = v.bgp_status().filter(|s| !s.is_empty()) {
        s.push_str(&format!(" BgpStatus={b}"));
    }
    s
}

pub fn assess<T: Observed>(target: Target, current: Option<&T>) -> Assessment {
    let state = state_of(current);
    let status = current.and_then(T::status).unwrap_or("");
    let bgp_status = current.and_then(T::bgp_status).unwrap_or("");
    let going = matches!(status, "Deleting" | "Deleted");
    match target {
        Target::Deleted => {
            if current.is_none() || status == "Deleted" {
                Assessment::Done
            } else {
                Assessment::Pending(state)
            }
        }
        Target::Available => {
            if current.is_none() || going {
                Assessment::Failed(state)
            } else if status == "Available" {
                Assessment::Done
            } else {
                Assessment::Pending(state)
            }
        }
        Target::Established => {
            if current.is_none() || going || bgp_status == "Down" {
                Assessment::Failed(state)
            } else if bgp_status == "Established" {
                Assessment::Done
            } else {
                Assessment::Pending(state)
            }
        }
    }
}

/// Polls `fetch` (None: the resource is gone) until `target` is reached. Returns the last state
/// seen. A failure state or the timeout is a wait error (exit 8) naming the state.
pub async fn wait_for<T, F, Fut>(
    what: &str,
    target: Target,
    opts: &WaitOptions,
    mut fetch: F,
) -> anyhow::Result<Option<T>>
where
    T: Observed,
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<Option<T>>>,
{
    let started = Instant::now();
    let deadline = started + opts.timeout;
    let progress = opts.progress.as_deref();
    let mut delay = opts.interval;
    let result = loop {
        let current = fetch().await?;
        match assess(target, current.as_ref()) {
            Assessment::Done => break Ok(current),
            Assessment::Failed(state) => {
                break Err(Error::wait(
                    format!(
                        "{what} reached a failure state while waiting for {}: {state}",
                        target.describe()
                    ),
                    Some(format!(
                        "check it with `bgpeer {} show`",
                        resource_word(what)
                    )),
                ))
            }
            Assessment::Pending(state) => {
                if let Some(p) = progress {
                    p.update(&format!(
                        "waiting for {what} to be {}: {state} ({}s)",
                        target.describe(),
                        started.elapsed().as_secs()
                    ));
                }
                let now = Instant::now();
                if now >= deadline {
                    break Err(Error::wait(
                        format!(
                            "timed out after {}s waiting for {what} to be {}; last state: {state}",
                            opts.timeout.as_secs_f64(),
                            target.describe()
                        ),
                        Some("raise --timeout, or check on it later".into()),
                    ));
                }
                tokio::time::sleep(delay.min(deadline - now)).await;
                delay = opts.next_delay(delay);
            }
        }
    };
    if let Some(p) = progress {
        p.finish();
    }
    result.map_err(anyhow::Error::new)
}

fn resource_word(what: &str) -> &str {
    if what.starts_with("group") {
        "group"
    } else if what.starts_with("network") {
        "network"
    } else {
        "peer"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn assessments() {
        let pending = json!({"Status":"Pending","BgpStatus":"Idle"});
        let avail = json!({"Status":"Available","BgpStatus":"Connect"});
        let est = json!({"Status":"Available","BgpStatus":"Established"});
        let deleting = json!({"Status":"Deleting"});
        assert_eq!(assess(Target::Available, Some(&avail)), Assessment::Done);
        assert_eq!(
            assess(Target::Available, Some(&pending)),
            Assessment::Pending("Status=Pending BgpStatus=Idle".into())
        );
        assert!(matches!(
            assess(Target::Available, Some(&deleting)),
            Assessment::Failed(_)
        ));
        assert!(matches!(
            assess::<Value>(Target::Available, None),
            Assessment::Failed(_)
        ));
        assert_eq!(assess(Target::Established, Some(&est)), Assessment::Done);
        assert!(matches!(
            assess(Target::Established, Some(&avail)),
            Assessment::Pending(_)
        ));
        assert!(matches!(
            assess(
                Target::Established,
                Some(&json!({"Status":"Available","BgpStatus":"Down"}))
            ),
            Assessment::Failed(_)
        ));
        assert_eq!(assess::<Value>(Target::Deleted, None), Assessment::Done);
        assert!(matches!(
            assess(Target::Deleted, Some(&deleting)),
            Assessment::Pending(_)
        ));
    }

    #[test]
    fn polling_backs_off_to_a_cap() {
        let opts = WaitOptions {
            timeout: Duration::from_secs(60),
            interval: Duration::from_secs(2),
            progress: None,
        };
        let mut d = opts.interval;
        let mut seen = vec![];
        for _ in 0..6 {
            seen.push(d.as_millis());
            d = opts.next_delay(d);
        }
        assert_eq!(seen, [2000, 3000, 4500, 6750, 10000, 10000]);
    }

    #[tokio::test]
    async fn times_out_naming_the_last_state() {
        let opts = WaitOptions {
            timeout: Duration::from_millis(30),
            interval: Duration::from_millis(5),
            progress: None,
        };
        let err = wait_for("peer bgp-x", Target::Available, &opts, || async {
            Ok(Some(json!({"Status":"Pending"})))
        })
        .await
        .unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("timed out") && msg.contains("Status=Pending"),
            "{msg}"
        );
        assert!(err.downcast_ref::<Error>().is_some());
    }

    #[tokio::test]
    async fn finishes_when_the_state_is_reached() {
        let opts = WaitOptions {
            timeout: Duration::from_secs(600),
            interval: Duration::from_millis(1),
            progress: None,
        };
        let mut n = 0;
        let last = wait_for("peer bgp-x", Target::Deleted, &opts, || {
            n += 1;
            let v = (n < 3).then(|| json!({"Status":"Deleting"}));
            async move { Ok(v) }
        })
        .await
        .unwrap();
        assert!(last.is_none());
        assert_eq!(n, 3);
    }
}
