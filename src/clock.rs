//! Wall-clock time, injectable: requests are signed with [`Clock::now`] and cached STS credentials
//! are judged fresh by it, so a test can run bgpeer at any moment (a stale clock, an expired cache)
//! without waiting for it. The command context owns one; `lib` starts with the system clock.

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, Utc};

#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>);

impl Clock {
    /// The machine's clock.
    pub fn system() -> Clock {
        Clock(Arc::new(Utc::now))
    }

    /// A clock stopped at `at`.
    pub fn fixed(at: DateTime<Utc>) -> Clock {
        Clock(Arc::new(move || at))
    }

    /// The machine's clock moved by `offset` (negative: in the past).
    pub fn offset(offset: chrono::Duration) -> Clock {
        Clock(Arc::new(move || Utc::now() + offset))
    }

    /// Time from any source (a test's own).
    pub fn from_fn(now: impl Fn() -> DateTime<Utc> + Send + Sync + 'static) -> Clock {
        Clock(Arc::new(now))
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.0)()
    }
}

impl Default for Clock {
    fn default() -> Clock {
        Clock::system()
    }
}

impl fmt::Debug for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Clock({})", self.now().to_rfc3339())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_and_offset_clocks_say_what_they_were_given() {
        let at = DateTime::parse_from_rfc3339("2020-01-02T03:04:05Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(Clock::fixed(at).now(), at);
        let behind = Clock::offset(chrono::Duration::hours(-1)).now();
        let lag = Utc::now() - behind;
        assert!(lag >= chrono::Duration::minutes(59) && lag <= chrono::Duration::minutes(61));
    }
}
