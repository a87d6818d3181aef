//! Retrying: which failures are worth another attempt, and the one backoff formula.
//!
//! **What is retried.** A throttling answer (any code containing `Throttling`),
//! `ServiceUnavailable`, any HTTP 5xx (even when its body is not the API's JSON), and transport
//! failures (no connection, a timeout, an answer that broke off). Nothing else: a 4xx answer, a
//! 2xx answer that cannot be decoded and a configuration error fail at once. A call makes at most
//! [`RetryPolicy::max_attempts`] attempts (first try included) and stops early when the
//! command's overall deadline would pass before the next attempt could start. Every attempt is
//! signed afresh; a mutating call keeps its `ClientToken` on every attempt, so a retry never
//! doubles a mutation.
//!
//! **How long to wait** before attempt `n + 1`, after attempt `n` failed ([`backoff`]):
//!
//! ```text
//! cap(n)   = min(max_delay, base_delay * 2^(n-1))
//! delay(n) = max(uniform(0 ..= cap(n)), x-acs-retry-after)
//! ```
//!
//! Exponential backoff with full jitter (callers that fail together spread out), in whole
//! milliseconds; the server's `x-acs-retry-after` (milliseconds, as the Tea SDK reads it) is a
//! floor, never shortened. The base delay is a user setting (`retry_base_delay`, default 0.2 s,
//! from 0 to [`MAX_DELAY`]): 0 retries at once unless the server asked for a wait.
//!
//! The bulk pacer (`api::pacing`) pauses every worker after a throttling answer with this same
//! formula, with its own base and cap.

use std::time::Duration;

use rand::Rng;

use super::answer::AttemptFailure;
use super::{ApiError, ClientError};

/// The default base delay (`retry_base_delay`).
pub const DEFAULT_BASE_DELAY: Duration = Duration::from_millis(200);
/// The longest backoff between two attempts (the server's `x-acs-retry-after` may ask for more);
/// also the largest base delay accepted.
pub const MAX_DELAY: Duration = Duration::from_secs(20);
/// The default number of attempts per call (`max_attempts`).
pub const DEFAULT_MAX_ATTEMPTS: u32 = 5;

/// How one call is retried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts per call, first try included (at least 1).
    pub max_attempts: u32,
    /// The backoff cap of the first retry; doubles with every further one. Zero: retry at once.
    pub base_delay: Duration,
    /// The backoff cap never grows past this.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            base_delay: DEFAULT_BASE_DELAY,
            max_delay: MAX_DELAY,
        }
    }
}

impl RetryPolicy {
    /// The wait before the attempt after failed attempt `attempt` (1-based), given the server's
    /// `x-acs-retry-after` in milliseconds: see [`backoff`].
    pub fn delay(&self, attempt: u32, retry_after_ms: Option<u64>) -> Duration {
        backoff_delay(self, attempt, retry_after_ms, &mut rand::rng())
    }
}

/// [`RetryPolicy::delay`] with the random source as a parameter (so that bounds can be tested).
pub fn backoff_delay(
    policy: &RetryPolicy,
    attempt: u32,
    retry_after_ms: Option<u64>,
    rng: &mut impl Rng,
) -> Duration {
    backoff(
        policy.base_delay,
        policy.max_delay,
        attempt,
        retry_after_ms.map(Duration::from_millis),
        rng,
    )
}

/// The one backoff formula (see the module documentation): a random wait in
/// `[0, min(max, base * 2^(attempt-1))]` milliseconds, at least `retry_after`.
pub fn backoff(
    base: Duration,
    max: Duration,
    attempt: u32,
    retry_after: Option<Duration>,
    rng: &mut impl Rng,
) -> Duration {
    let cap = base
        .saturating_mul(1u32 << (attempt.max(1) - 1).min(16))
        .min(max);
    let jitter = Duration::from_millis(rng.random_range(0..=cap.as_millis() as u64));
    jitter.max(retry_after.unwrap_or(Duration::ZERO))
}

impl ApiError {
    /// Worth another attempt: throttling, ServiceUnavailable, any 5xx.
    pub fn is_retryable(&self) -> bool {
        self.is_throttling() || self.code == "ServiceUnavailable" || self.http_status >= 500
    }
}

impl ClientError {
    /// Whether the failure a call ended with is of a kind the client retries (see the module
    /// documentation): for callers that retry whole calls themselves.
    pub fn is_retryable(&self) -> bool {
        match self {
            ClientError::Api(e) => e.is_retryable(),
            ClientError::Throttled { .. } | ClientError::Transport { .. } => true,
            ClientError::Undecodable { http_status, .. } => *http_status >= 500,
            ClientError::Deadline { .. } | ClientError::Config { .. } => false,
        }
    }
}

impl AttemptFailure {
    /// Throttling, ServiceUnavailable, 5xx (even with an undecodable body), network errors, timeouts.
    pub(super) fn is_retryable(&self) -> bool {
        match self {
            AttemptFailure::Api(e) => e.is_retryable(),
            AttemptFailure::Transport(_) => true,
            AttemptFailure::Undecodable { http_status, .. } => *http_status >= 500,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn policy(base_ms: u64, max_ms: u64) -> RetryPolicy {
        RetryPolicy {
            max_attempts: 10,
            base_delay: Duration::from_millis(base_ms),
            max_delay: Duration::from_millis(max_ms),
        }
    }

    #[test]
    fn backoff_is_full_jitter_under_an_exponential_cap_with_retry_after_as_floor() {
        let policy = policy(100, 1000);
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for (attempt, cap) in [
            (1, 100),
            (2, 200),
            (3, 400),
            (4, 800),
            (5, 1000),
            (30, 1000),
        ] {
            let mut seen_low = false;
            let mut seen_high = false;
            for _ in 0..200 {
                let d = backoff_delay(&policy, attempt, None, &mut rng).as_millis() as u64;
                assert!(d <= cap, "attempt {attempt}: {d}ms above the cap {cap}ms");
                seen_low |= d < cap / 2;
                seen_high |= d > cap / 2;
            }
            assert!(seen_low, "attempt {attempt}: no jitter below half the cap");
            assert!(seen_high, "attempt {attempt}: no jitter above half the cap");
        }
        for _ in 0..50 {
            let d = backoff_delay(&policy, 1, Some(1500), &mut rng);
            assert_eq!(d, Duration::from_millis(1500), "retry-after is a floor");
        }
        // A floor, never a ceiling: a short retry-after does not shorten the backoff's range.
        let longest = (0..200)
            .map(|_| backoff_delay(&policy, 4, Some(10), &mut rng))
            .max()
            .unwrap();
        assert!(longest > Duration::from_millis(400), "{longest:?}");
    }

    #[test]
    fn a_zero_base_delay_retries_at_once_unless_the_server_asks_for_a_wait() {
        let policy = policy(0, 20_000);
        let mut rng = rand::rngs::StdRng::seed_from_u64(1);
        for attempt in [1, 2, 5, 40] {
            assert_eq!(
                backoff_delay(&policy, attempt, None, &mut rng),
                Duration::ZERO
            );
        }
        assert_eq!(
            backoff_delay(&policy, 1, Some(300), &mut rng),
            Duration::from_millis(300)
        );
    }

    #[test]
    fn huge_attempt_numbers_and_bases_do_not_overflow() {
        let policy = RetryPolicy {
            max_attempts: u32::MAX,
            base_delay: MAX_DELAY,
            max_delay: MAX_DELAY,
        };
        let d = policy.delay(u32::MAX, Some(u64::MAX / 2));
        assert_eq!(d, Duration::from_millis(u64::MAX / 2));
        assert!(policy.delay(u32::MAX, None) <= MAX_DELAY);
    }

    #[test]
    fn defaults_are_the_documented_ones() {
        let p = RetryPolicy::default();
        assert_eq!(p.max_attempts, 5);
        assert_eq!(p.base_delay, Duration::from_millis(200));
        assert_eq!(p.max_delay, Duration::from_secs(20));
    }

    #[test]
    fn which_final_errors_are_retryable() {
        let api = |status: u16, code: &str| ApiError {
            http_status: status,
            code: code.to_string(),
            message: String::new(),
            request_id: None,
            host_id: None,
            recommend: None,
            retry_after_ms: None,
            string_to_sign_matches: None,
        };
        assert!(ClientError::Api(Box::new(api(503, "ServiceUnavailable"))).is_retryable());
        assert!(!ClientError::Api(Box::new(api(400, "InvalidParameter"))).is_retryable());
        assert!(ClientError::Throttled {
            attempts: 3,
            last: Box::new(api(400, "Throttling.User"))
        }
        .is_retryable());
        assert!(ClientError::Transport {
            endpoint: "https://h/".into(),
            attempts: 1,
            message: "timed out".into()
        }
        .is_retryable());
        let undecodable = |http_status| ClientError::Undecodable {
            endpoint: "https://h/".into(),
            http_status,
            content_type: "text/html".into(),
            excerpt: "<html>".into(),
            request_id: None,
            attempts: 1,
        };
        assert!(undecodable(502).is_retryable());
        assert!(!undecodable(200).is_retryable());
        assert!(!ClientError::Deadline {
            secs: 1.0,
            attempts: 1,
            last: None
        }
        .is_retryable());
    }
}
