//! AIMD pacing for bulk runs: additive increase of the concurrency window on success,
//! multiplicative decrease and a shared pause on throttling, so a batch settles near the API's
//! rate limit instead of failing items.
//!
//! The pause follows the client's one backoff formula ([`crate::client::retry::backoff`]: full
//! jitter under an exponential cap, the server's `x-acs-retry-after` as a floor), counted in
//! consecutive throttles, with the pacer's own base (the first pause's cap) and a cap of
//! 64 × base, at most [`MAX_PAUSE`].

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::Notify;
use tokio::time::Instant;

/// The longest shared pause after a throttling answer without `x-acs-retry-after`.
pub const MAX_PAUSE: Duration = Duration::from_secs(5);

#[derive(Debug)]
struct State {
    /// Allowed requests in flight (fractional for the additive increase).
    window: f64,
    max: f64,
    in_flight: usize,
    /// Nobody sends before this instant (set by throttling answers).
    pause_until: Option<Instant>,
    /// The last decrease; throttles from requests sent before it don't shrink the window again.
    last_decrease: Option<Instant>,
    /// Consecutive throttles, for the pause's exponential backoff.
    throttle_streak: u32,
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
                throttled: 0,
                min_window_seen: max,
            })),
            notify: Arc::new(Notify::new()),
            base_pause,
        }
    }

    /// Waits for a free slot in the window (and for any throttling pause to pass).
    pub async fn acquire(&self) -> Slot {
        loop {
            let notified = self.notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let pause = {
                let mut s = self.state.lock().expect("pacing lock");
                let now = Instant::now();
                match s.pause_until {
                    Some(until) if until > now => Some(until),
                    _ => {
                        if (s.in_flight as f64) < s.window.floor().max(1.0) {
                            s.in_flight += 1;
                            return Slot {
                                aimd: self.clone(),
                                sent_at: now,
                                done: false,
                            };
                        }
                        None
                    }
                }
            };
            match pause {
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

    /// The request in `slot` succeeded: grow the window by 1/window (one slot per full window).
    pub fn success(&self, mut slot: Slot) {
        slot.done = true;
        {
            let mut s = self.state.lock().expect("pacing lock");
            s.in_flight = s.in_flight.saturating_sub(1);
            s.window = (s.window + 1.0 / s.window.max(1.0)).min(s.max);
            s.throttle_streak = 0;
        }
        self.notify.notify_waiters();
    }

    /// The request in `slot` was throttled: halve the window (once per round trip) and pause
    /// everyone for the backoff of the current throttle streak, at least `retry_after`.
    pub fn throttled(&self, mut slot: Slot, retry_after: Option<Duration>) {
        slot.done = true;
        {
            let mut s = self.state.lock().expect("pacing lock");
            s.in_flight = s.in_flight.saturating_sub(1);
            s.throttled += 1;
            let now = Instant::now();
            if s.last_decrease.is_none_or(|t| slot.sent_at >= t) {
                s.window = (s.window / 2.0).max(1.0);
                s.min_window_seen = s.min_window_seen.min(s.window);
                s.last_decrease = Some(now);
            }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn window_halves_on_throttling_and_climbs_back() {
        let aimd = Aimd::new(8, Duration::from_millis(1));
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
        assert_eq!(aimd.throttled_count(), 3);
        assert_eq!(aimd.min_window(), 2);
    }

    /// The pause is real and bounded by the formula: at least the server's retry-after, and
    /// without one at most the streak's cap (generous slack: machines are noisy).
    #[tokio::test]
    async fn a_throttle_pauses_everyone_within_the_formula_bounds() {
        let slack = Duration::from_secs(2);
        let aimd = Aimd::new(4, Duration::from_millis(40));
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
}
