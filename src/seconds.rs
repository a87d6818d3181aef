//! [`Seconds`]: the one type of every timeout, deadline and polling interval a user sets, by flag
//! (`--connect-timeout`, `--read-timeout`, `--deadline`, `--timeout`, `--interval`), environment
//! variable (`BGPEER_CONNECT_TIMEOUT`, ...) or profile key (`connect_timeout`, ...), with the one
//! rule they all follow: a number of seconds greater than 0 and at most a week.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

/// The longest timeout, deadline or interval bgpeer accepts: one week, in seconds.
pub const MAX: f64 = 7.0 * 24.0 * 3600.0;

/// The rule, as every error about a timeout states it.
pub const RULE: &str =
    "a number of seconds greater than 0 and at most 604800 (a week), e.g. 2.5 or 600";

/// A number of seconds that follows the rule; only [`Seconds::new`] and parsing make one.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Seconds(f64);

/// A value that breaks the rule. Its text is the rule, so clap's "invalid value" errors and ours
/// say the same thing.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("expected {RULE}")]
pub struct InvalidSeconds;

impl Seconds {
    pub fn new(value: f64) -> Result<Seconds, InvalidSeconds> {
        if value.is_finite() && value > 0.0 && value <= MAX {
            Ok(Seconds(value))
        } else {
            Err(InvalidSeconds)
        }
    }

    /// A built-in default, checked when it is compiled.
    pub const fn default_of(value: f64) -> Seconds {
        assert!(value > 0.0 && value <= MAX);
        Seconds(value)
    }

    pub fn get(self) -> f64 {
        self.0
    }

    pub fn duration(self) -> Duration {
        Duration::from_secs_f64(self.0)
    }
}

impl FromStr for Seconds {
    type Err = InvalidSeconds;

    fn from_str(s: &str) -> Result<Seconds, InvalidSeconds> {
        s.trim()
            .parse::<f64>()
            .map_err(|_| InvalidSeconds)
            .and_then(Seconds::new)
    }
}

impl fmt::Display for Seconds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rule_for_every_timeout() {
        for ok in ["0.001", "2.5", " 600 ", "604800"] {
            assert!(ok.parse::<Seconds>().is_ok(), "{ok}");
        }
        for bad in ["0", "-1", "604800.5", "NaN", "inf", "", "ten"] {
            assert_eq!(bad.parse::<Seconds>(), Err(InvalidSeconds), "{bad}");
        }
        assert_eq!(
            InvalidSeconds.to_string(),
            "expected a number of seconds greater than 0 and at most 604800 (a week), e.g. 2.5 or 600"
        );
        let s: Seconds = "2.5".parse().unwrap();
        assert_eq!(s.to_string(), "2.5");
        assert_eq!(Seconds::default_of(5.0).to_string(), "5");
        assert_eq!(s.duration(), Duration::from_millis(2500));
    }
}
