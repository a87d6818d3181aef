//! The lifecycle of a BGP group, peer or network: its status is computed at read time from when it
//! was created, changed and deleted, and the settle time (no background task).

use serde::{Deserialize, Serialize};

/// When an object was created, last modified and asked to be deleted (ms since the epoch). Its status
/// is computed from these and the settle time at read time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lifecycle {
    pub created_ms: i64,
    pub modified_ms: Option<i64>,
    pub deleting_ms: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Pending,
    Available,
    Modifying,
    Deleting,
    /// Deleted and settled: invisible, purged on the next write.
    Gone,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Pending => "Pending",
            Phase::Available => "Available",
            Phase::Modifying => "Modifying",
            Phase::Deleting => "Deleting",
            Phase::Gone => "Deleted",
        }
    }
}

fn settled(since_ms: i64, now_ms: i64, settle_ms: i64) -> bool {
    settle_ms <= 0 || now_ms.saturating_sub(since_ms) >= settle_ms
}

impl Lifecycle {
    pub fn new(now_ms: i64) -> Lifecycle {
        Lifecycle {
            created_ms: now_ms,
            modified_ms: None,
            deleting_ms: None,
        }
    }

    pub fn phase(&self, now_ms: i64, settle_ms: i64) -> Phase {
        if let Some(d) = self.deleting_ms {
            return if settled(d, now_ms, settle_ms) {
                Phase::Gone
            } else {
                Phase::Deleting
            };
        }
        if !settled(self.created_ms, now_ms, settle_ms) {
            return Phase::Pending;
        }
        match self.modified_ms {
            Some(m) if !settled(m, now_ms, settle_ms) => Phase::Modifying,
            _ => Phase::Available,
        }
    }

    pub fn last_change_ms(&self) -> i64 {
        self.modified_ms.unwrap_or(self.created_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifecycle_phases_follow_the_settle_time() {
        let mut l = Lifecycle::new(1000);
        assert_eq!(l.phase(1000, 0), Phase::Available);
        assert_eq!(l.phase(1500, 1000), Phase::Pending);
        assert_eq!(l.phase(2000, 1000), Phase::Available);
        l.modified_ms = Some(3000);
        assert_eq!(l.phase(3500, 1000), Phase::Modifying);
        l.deleting_ms = Some(5000);
        assert_eq!(l.phase(5500, 1000), Phase::Deleting);
        assert_eq!(l.phase(6000, 1000), Phase::Gone);
    }
}
