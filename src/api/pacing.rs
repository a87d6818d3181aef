//! Pacing for bulk runs: a concurrency window and an adaptive send rate, shared by every call of
//! a run, so a batch settles at the API's rate limit instead of failing items or hammering it.
//!
//! - The window (AIMD): at most `window` requests in flight; one more slot per full window of
//!   successes, half as many on throttling (once per round trip).
//! - The send rate: a client-side token bucket in the manner of the AWS SDKs' "adaptive" retry
//!   mode (botocore `retries/adaptive.py`, `bucket.py`, `throttling.py`). It is off until the
//!   first throttle, so an API that never throttles is never slowed. On a throttle the fill rate
//!   becomes `BETA` × the measured rate, and a CUBIC curve brings it back to that rate and then
//!   probes beyond it. Two changes from the SDKs, both because a bulk run sends one burst of
//!   concurrent requests: a throttle of a request sent before the last decrease doesn't decrease
//!   again (the SDKs cut the rate once per throttled answer, so 16 answers to one burst would cut
//!   it to 0.7^16 of itself), and the bucket is emptied on a decrease (the API has no capacity
//!   left just then, so banked tokens would only buy more throttles).
//! - The pause: after a throttle nobody sends for the client's one backoff formula
//!   ([`crate::client::retry::backoff`]: full jitter under an exponential cap, the server's
//!   `x-acs-retry-after` as a floor), counted in consecutive throttles, with the pacer's own base
//!   (the first pause's cap) and a cap of 64 × base, at most [`MAX_PAUSE`].
//!
//! [`Aimd::acquire`] waits for all three: the pause to pass, a slot in the window, a token.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::Notify;
use tokio::time::Instant;

/// The longest shared pause after a throttling answer without `x-acs-retry-after`.
pub const MAX_PAUSE: Duration = Duration::from_secs(5);

/// On a throttle the send rate drops to this share of the rate measured (CUBIC's beta, as the
/// AWS SDKs).
const BETA: f64 = 0.7;
/// CUBIC's scale constant (requests/s per s³): with it, a rate of 20/s cut to 14/s is back at
/// 20/s after 2.5 s.
const CUBIC_SCALE: f64 = 0.4;
/// The slowest the bucket ever fills, in requests per second.
const MIN_RATE: f64 = 0.5;
/// The rate never grows past this multiple of the measured rate: a run held back by something
/// else (latency, the window, a long pause) must not bank a rate it never tried.
const MAX_RATE_OVER_MEASURED: f64 = 2.0;
/// The measured rate is the count of answers in the last second. The AWS SDKs smooth it over
/// half-second buckets, which reads 0 when the first throttle comes within the first half
/// second; an API's limit is per second, so a burst of 20 answers in 5 ms is 20 requests in the
/// last second, not 4000 per second.
const MEASURED_OVER: Duration = Duration::from_secs(1);

/// The adaptive send rate: a token bucket whose fill rate follows CUBIC. Pure state; every
/// method takes the time, so it is tested without a clock.
#[derive(Debug)]
struct SendRate {
    /// Off (every request gets a token at once) until the first throttle.
    enabled: bool,
    /// Tokens per second.
    fill_rate: f64,
    /// The most tokens banked: one second's worth, at least one.
    capacity: f64,
    tokens: f64,
    filled_at: Instant,
    /// CUBIC: the rate at the last decrease, when it was, and how long the curve takes to climb
    /// back to that rate.
    w_max: f64,
    decreased_at: Instant,
    k: f64,
    /// When each answer of the last second came.
    answers: VecDeque<Instant>,
    /// Requests sent since the first throttle, and when the latest went (for
    /// [`Aimd::paced_rate`]).
    first_throttle: Option<Instant>,
    paced_sends: u64,
    last_send: Option<Instant>,
}

impl SendRate {
    fn new(now: Instant) -> SendRate {
        SendRate {
            enabled: false,
            fill_rate: MIN_RATE,
            capacity: 1.0,
            tokens: 0.0,
            filled_at: now,
            w_max: 0.0,
            decreased_at: now,
            k: 0.0,
            answers: VecDeque::new(),
            first_throttle: None,
            paced_sends: 0,
            last_send: None,
        }
    }

    /// Counts an answer that came at `now`; returns the measured rate (answers in the last
    /// second, this one included).
    fn record(&mut self, now: Instant) -> f64 {
        self.answers.push_back(now);
        while self
            .answers
            .front()
            .is_some_and(|&t| now.saturating_duration_since(t) >= MEASURED_OVER)
        {
            self.answers.pop_front();
        }
        self.answers.len() as f64
    }

    /// A success: once enabled, the rate follows the CUBIC curve from the last decrease.
    fn success(&mut self, now: Instant) {
        let measured = self.record(now);
        if self.enabled {
            let t = now
                .saturating_duration_since(self.decreased_at)
                .as_secs_f64();
            let cubic = CUBIC_SCALE * (t - self.k).powi(3) + self.w_max;
            self.set_fill_rate(cubic.min(MAX_RATE_OVER_MEASURED * measured), now);
        }
    }

    /// A throttle. `decrease` is false for a request sent before the last decrease: its answer
    /// says nothing the decrease didn't already act on.
    fn throttled(&mut self, now: Instant, decrease: bool) {
        self.first_throttle.get_or_insert(now);
        let measured = self.record(now);
        if !decrease {
            return;
        }
        // The rate the API refused: what was measured, or the bucket's rate if that was lower.
        let refused = if self.enabled {
            measured.min(self.fill_rate)
        } else {
            measured
        };
        self.enabled = true;
        self.w_max = refused;
        self.k = (refused * (1.0 - BETA) / CUBIC_SCALE).cbrt();
        self.decreased_at = now;
        self.set_fill_rate(refused * BETA, now);
        self.tokens = 0.0;
    }

    fn set_fill_rate(&mut self, rate: f64, now: Instant) {
        // Tokens earned so far are earned at the old rate.
        self.refill(now);
        self.fill_rate = rate.max(MIN_RATE);
        self.capacity = rate.max(1.0);
        self.tokens = self.tokens.min(self.capacity);
    }

    fn refill(&mut self, now: Instant) {
        let secs = now.saturating_duration_since(self.filled_at).as_secs_f64();
        self.tokens = (self.tokens + secs * self.fill_rate).min(self.capacity);
        self.filled_at = now;
    }

    /// Takes a token, or says when the next one will be there.
    fn take(&mut self, now: Instant) -> Result<(), Instant> {
        if !self.enabled {
            return Ok(());
        }
        self.refill(now);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            self.paced_sends += 1;
            self.last_send = Some(now);
            Ok(())
        } else {
            // At least a microsecond, so a rounding error can't make a wait of 0 that earns
            // no token.
            let wait = Duration::from_secs_f64((1.0 - self.tokens) / self.fill_rate);
            Err(now + wait.max(Duration::from_micros(1)))
        }
    }

    /// Requests sent per second since the first throttle; `None` before one, or before a send.
    fn paced_rate(&self) -> Option<f64> {
        let secs = self
            .last_send?
            .saturating_duration_since(self.first_throttle?)
            .as_secs_f64();
        (secs > 0.0).then(|| self.paced_sends as f64 / secs)
    }
}

#[derive(Debug)]
struct State {
    /// Allowed requests in flight (fractional for the additive increase).
    window: f64,
    max: f64,
    in_flight: usize,
    /// Nobody sends before this instant (set by throttling answers).
    pause_until: Option<Instant>,
    /// The last decrease; throttles from requests sent before it don't shrink the window (or
    /// the rate) again.
    last_decrease: Option<Instant>,
    /// Consecutive throttles, for the pause's exponential backoff.
    throttle_streak: u32,
    rate: SendRate,
    sent: u64,
    throttled: u64,
    min_window_seen: f64,
}

/// Shared by every worker of one bulk run.
#[derive(Debug, Clone)]
pub struct Aimd {
    state: Arc<Mutex<State>>,
    notify: Arc<Notify>,
    base_pause: Duration,
}

/// A slot in the window; give it back with [`Aimd::success`] or [`Aimd::throttled`] (or drop it).
#[derive(Debug)]
pub struct Slot {
    aimd: Aimd,
    sent_at: Instant,
    done: bool,
}

impl Drop for Slot {
    fn drop(&mut self) {
        if !self.done {
            self.aimd.release();
        }
    }
}

impl Aimd {
    /// `max`: the largest window (`--concurrency`); `base_pause`: the cap of the first pause after
    /// a throttle (doubling with each further throttle in a row).
    pub fn new(max: usize, base_pause: Duration) -> Aimd {
        let max = max.max(1) as f64;
        Aimd {
            state: Arc::new(Mutex::new(State {
                window: max,
                max,
                in_flight: 0,
                pause_until: None,
                last_decrease: None,
                throttle_streak: 0,
                rate: SendRate::new(Instant::now()),
                sent: 0,
                throttled: 0,
                min_window_seen: max,
            })),
            notify: Arc::new(Notify::new()),
            base_pause,
        }
    }

    /// Waits for any throttling pause to pass, a free slot in the window and (once the API has
    /// throttled) a token of the send rate; takes the slot and the token together.
    pub async fn acquire(&self) -> Slot {
        loop {
            let notified = self.notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            // Some(instant): sleep until then; None: wait for a slot to be given back.
            let wait = {
                let mut s = self.state.lock().expect("pacing lock");
                let now = Instant::now();
                match s.pause_until {
                    Some(until) if until > now => Some(until),
                    _ if (s.in_flight as f64) >= s.window.floor().max(1.0) => None,
                    _ => match s.rate.take(now) {
                        Ok(()) => {
                            s.in_flight += 1;
                            s.sent += 1;
                            return Slot {
                                aimd: self.clone(),
                                sent_at: now,
                                done: false,
                            };
                        }
                        Err(next_token) => Some(next_token),
                    },
                }
            };
            match wait {
                Some(until) => tokio::time::sleep_until(until).await,
                None => notified.await,
            }
        }
    }

    fn release(&self) {
        {
            let mut s = self.state.lock().expect("pacing lock");
            s.in_flight = s.in_flight.saturating_sub(1);
        }
        self.notify.notify_waiters();
    }

    /// The request in `slot` succeeded: grow the window by 1/window (one slot per full window)
    /// and let the send rate climb its curve.
    pub fn success(&self, mut slot: Slot) {
        slot.done = true;
        {
            let mut s = self.state.lock().expect("pacing lock");
            s.in_flight = s.in_flight.saturating_sub(1);
            s.window = (s.window + 1.0 / s.window.max(1.0)).min(s.max);
            s.throttle_streak = 0;
            s.rate.success(Instant::now());
        }
        self.notify.notify_waiters();
    }

    /// The request in `slot` was throttled: halve the window and cut the send rate (once per
    /// round trip), and pause everyone for the backoff of the current throttle streak, at least
    /// `retry_after`.
    pub fn throttled(&self, mut slot: Slot, retry_after: Option<Duration>) {
        slot.done = true;
        {
            let mut s = self.state.lock().expect("pacing lock");
            s.in_flight = s.in_flight.saturating_sub(1);
            s.throttled += 1;
            let now = Instant::now();
            let decrease = s.last_decrease.is_none_or(|t| slot.sent_at >= t);
            if decrease {
                s.window = (s.window / 2.0).max(1.0);
                s.min_window_seen = s.min_window_seen.min(s.window);
                s.last_decrease = Some(now);
            }
            s.rate.throttled(now, decrease);
            s.throttle_streak = s.throttle_streak.saturating_add(1);
            let pause = crate::client::retry::backoff(
                self.base_pause,
                self.base_pause.saturating_mul(64).min(MAX_PAUSE),
                s.throttle_streak,
                retry_after,
                &mut rand::rng(),
            )
            .max(Duration::from_millis(1));
            let until = now + pause;
            if s.pause_until.is_none_or(|p| p < until) {
                s.pause_until = Some(until);
            }
        }
        self.notify.notify_waiters();
    }

    /// The current window (for progress messages).
    pub fn window(&self) -> usize {
        self.state.lock().expect("pacing lock").window.floor() as usize
    }

    /// How many requests were sent (slots taken).
    pub fn sent_count(&self) -> u64 {
        self.state.lock().expect("pacing lock").sent
    }

    /// How many throttling answers were seen.
    pub fn throttled_count(&self) -> u64 {
        self.state.lock().expect("pacing lock").throttled
    }

    /// The smallest window reached.
    pub fn min_window(&self) -> usize {
        self.state
            .lock()
            .expect("pacing lock")
            .min_window_seen
            .floor() as usize
    }

    /// Requests sent per second since the API first throttled (the pace the send rate settled
    /// at); `None` if it never did.
    pub fn paced_rate(&self) -> Option<f64> {
        self.state.lock().expect("pacing lock").rate.paced_rate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pacer that has had a thousand answers in the last second: the send rate a throttle
    /// turns on (700/s) is then too fast to slow the window's tests.
    async fn primed(max: usize, base_pause: Duration) -> Aimd {
        let aimd = Aimd::new(max, base_pause);
        for _ in 0..1000 {
            let slot = aimd.acquire().await;
            aimd.success(slot);
        }
        aimd
    }

    #[tokio::test]
    async fn window_halves_on_throttling_and_climbs_back() {
        let aimd = primed(8, Duration::from_millis(1)).await;
        assert_eq!(aimd.window(), 8);
        let slot = aimd.acquire().await;
        aimd.throttled(slot, Some(Duration::from_millis(1)));
        assert_eq!(aimd.window(), 4);
        // A second throttle from a request sent before the decrease does not halve again.
        let a = aimd.acquire().await;
        let b = aimd.acquire().await;
        aimd.throttled(a, Some(Duration::from_millis(1)));
        assert_eq!(aimd.window(), 2);
        aimd.throttled(b, Some(Duration::from_millis(1)));
        assert_eq!(aimd.window(), 2);
        for _ in 0..40 {
            let s = aimd.acquire().await;
            aimd.success(s);
        }
        assert_eq!(aimd.window(), 8);
        assert_eq!(aimd.sent_count(), 1043);
        assert_eq!(aimd.throttled_count(), 3);
        assert_eq!(aimd.min_window(), 2);
    }

    /// The pause is real and bounded by the formula: at least the server's retry-after, and
    /// without one at most the streak's cap (generous slack: machines are noisy).
    #[tokio::test]
    async fn a_throttle_pauses_everyone_within_the_formula_bounds() {
        let slack = Duration::from_secs(2);
        let aimd = primed(4, Duration::from_millis(40)).await;
        let slot = aimd.acquire().await;
        let started = Instant::now();
        aimd.throttled(slot, Some(Duration::from_millis(150)));
        drop(aimd.acquire().await);
        let waited = started.elapsed();
        assert!(waited >= Duration::from_millis(150), "{waited:?}");
        assert!(waited <= Duration::from_millis(150) + slack, "{waited:?}");
        // Second throttle in a row, no retry-after: at most 2 x 40 ms.
        let slot = aimd.acquire().await;
        let started = Instant::now();
        aimd.throttled(slot, None);
        drop(aimd.acquire().await);
        let waited = started.elapsed();
        assert!(waited <= Duration::from_millis(80) + slack, "{waited:?}");
    }

    #[tokio::test]
    async fn never_more_in_flight_than_the_window() {
        let aimd = Aimd::new(2, Duration::from_millis(1));
        let a = aimd.acquire().await;
        let _b = aimd.acquire().await;
        let third = tokio::time::timeout(Duration::from_millis(20), aimd.acquire()).await;
        assert!(
            third.is_err(),
            "a third slot was granted with a window of 2"
        );
        drop(a);
        let c = tokio::time::timeout(Duration::from_secs(10), aimd.acquire()).await;
        assert!(c.is_ok());
    }

    /// Once the API has throttled, `acquire` waits for a token as well as a slot: 10 answers
    /// in the last second and a throttle make 7 tokens a second, so 4 slots take over half a
    /// second though the window has room (a lower bound only; slack above).
    #[tokio::test]
    async fn once_throttled_acquire_waits_for_a_token() {
        let aimd = Aimd::new(4, Duration::from_millis(1));
        for _ in 0..10 {
            let slot = aimd.acquire().await;
            aimd.success(slot);
        }
        let slot = aimd.acquire().await;
        let started = Instant::now();
        aimd.throttled(slot, Some(Duration::from_millis(1)));
        for _ in 0..4 {
            drop(aimd.acquire().await);
        }
        let waited = started.elapsed();
        // 11 answers in the last second x 0.7 = 7.7 tokens/s; the 4th token after 4 / 7.7 s.
        assert!(waited >= Duration::from_millis(500), "{waited:?}");
        assert!(
            waited <= Duration::from_millis(520) + Duration::from_secs(2),
            "{waited:?}"
        );
        let paced = aimd.paced_rate().expect("throttled");
        assert!(paced < 8.0, "{paced}");
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    /// A sender that always has work, from `from` to `until`: takes every token as soon as it is
    /// there, and each request succeeds at once.
    fn send_greedily(rate: &mut SendRate, from: Instant, until: Instant) {
        let mut now = from;
        while now < until {
            match rate.take(now) {
                Ok(()) => rate.success(now),
                Err(next) => now = next,
            }
        }
    }

    #[test]
    fn no_rate_limit_before_a_throttle() {
        let t0 = Instant::now();
        let mut rate = SendRate::new(t0);
        for i in 0..10_000 {
            let now = t0 + Duration::from_micros(i);
            assert_eq!(rate.take(now), Ok(()), "request {i} waited");
            rate.success(now);
        }
        assert!(!rate.enabled);
        assert_eq!(rate.paced_rate(), None);
    }

    #[test]
    fn a_throttle_cuts_the_rate_to_beta_times_the_measured_rate() {
        let t0 = Instant::now();
        let mut rate = SendRate::new(t0);
        // A burst of 20 in 100 ms, then a throttle: 21 answers in the last second.
        for i in 0..20 {
            rate.success(t0 + ms(5 * i));
        }
        let t1 = t0 + ms(100);
        rate.throttled(t1, true);
        assert!(
            (rate.fill_rate - 0.7 * 21.0).abs() < 1e-9,
            "{}",
            rate.fill_rate
        );
        // The bucket starts empty: the next token comes 1/14.7 s later, then one at a time.
        let next = rate.take(t1).expect_err("a token right after a throttle");
        assert_eq!((next - t1).as_millis(), 68);
        assert_eq!(rate.take(next), Ok(()));
        assert!(rate.take(next).is_err(), "two tokens at once");
        // Answers to requests sent before the decrease don't cut it again.
        for i in 1..=15 {
            rate.throttled(next + ms(i), false);
        }
        assert!((rate.fill_rate - 14.7).abs() < 1e-9, "{}", rate.fill_rate);
        // A throttle after the decrease does: from the rate the bucket allowed (14.7, not the
        // 37 answers of the last second), times 0.7.
        rate.throttled(next + ms(20), true);
        assert!(
            (rate.fill_rate - 0.7 * 14.7).abs() < 1e-9,
            "{}",
            rate.fill_rate
        );
    }

    #[test]
    fn the_rate_climbs_back_along_the_cubic_curve_and_probes_beyond() {
        let t0 = Instant::now();
        let mut rate = SendRate::new(t0);
        for i in 0..20 {
            rate.success(t0 + ms(5 * i));
        }
        let t1 = t0 + ms(100);
        rate.throttled(t1, true);
        // CUBIC is back at the refused rate (21/s) after K = cbrt(21 x 0.3 / 0.4) = 2.5 s.
        let k = (21.0f64 * 0.3 / 0.4).cbrt();
        let (mut from, mut seen) = (t1, Vec::new());
        for at in [ms(1000), Duration::from_secs_f64(k), ms(4000)] {
            send_greedily(&mut rate, from, t1 + at);
            from = t1 + at;
            seen.push(rate.fill_rate);
        }
        assert!(seen[0] > 14.7 && seen[0] < 21.0, "{seen:?}");
        assert!((seen[1] - 21.0).abs() < 0.5, "{seen:?}");
        assert!(seen[2] > 21.0, "{seen:?}");
        // Sent on average a little under the refused rate since the throttle.
        let paced = rate.paced_rate().expect("throttled");
        assert!(paced > 15.0 && paced < 21.0, "{paced}");
    }

    #[test]
    fn the_rate_never_outgrows_twice_the_measured_rate() {
        let t0 = Instant::now();
        let mut rate = SendRate::new(t0);
        for i in 0..20 {
            rate.success(t0 + ms(5 * i));
        }
        rate.throttled(t0 + ms(100), true);
        // One answer a second for a minute (the run is held back by something else): the
        // curve would be far above 21/s by then, the bucket is at 2 x 1.
        for s in 1..=60 {
            rate.success(t0 + ms(100 + 1000 * s));
        }
        assert!((rate.fill_rate - 2.0).abs() < 1e-9, "{}", rate.fill_rate);
    }
}
