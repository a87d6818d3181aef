//! The exit codes and the trait every typed error implements to say which one it means.
//!
//! A leaf: every layer's error type implements [`Diagnose`]; the top (`commands::report`) walks
//! an error chain, finds the first `Diagnose`, and prints it.

use std::process::ExitCode;

/// The documented, stable exit codes (README "Exit codes").
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Exit {
    Success,
    /// 1: unexpected failure (a bug).
    Bug,
    /// 2: usage error or invalid input; nothing was sent.
    Usage,
    /// 3: the named resource does not exist.
    NotFound,
    /// 4: credentials, authentication, authorisation or configuration problem.
    Auth,
    /// 5: the API rejected the request (quota, state, conflict, other 4xx).
    Rejected,
    /// 6: still throttled after all retries.
    Throttled,
    /// 7: network failure or server error after all retries.
    Network,
    /// 8: a wait timed out or the resource reached a failure state.
    Wait,
    /// 10: `plan --detailed-exitcode` (and `apply --dry-run`): success, and the plan has changes.
    Changes,
    /// 11: `apply PLAN`: the live set-up changed since the saved plan was made; nothing was sent.
    StalePlan,
    /// 12: `vbr check`: the check ran, and found something at or above `--fail-on`.
    Findings,
    /// 130: interrupted (Ctrl-C).
    Interrupted,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Bug => 1,
            Exit::Usage => 2,
            Exit::NotFound => 3,
            Exit::Auth => 4,
            Exit::Rejected => 5,
            Exit::Throttled => 6,
            Exit::Network => 7,
            Exit::Wait => 8,
            Exit::Changes => 10,
            Exit::StalePlan => 11,
            Exit::Findings => 12,
            Exit::Interrupted => 130,
        }
    }

    /// The `kind` field of JSON errors.
    pub fn kind(self) -> &'static str {
        match self {
            Exit::Success => "success",
            Exit::Bug => "internal",
            Exit::Usage => "usage",
            Exit::NotFound => "not_found",
            Exit::Auth => "auth",
            Exit::Rejected => "api",
            Exit::Throttled => "throttled",
            Exit::Network => "network",
            Exit::Wait => "wait",
            Exit::Changes => "changes",
            Exit::StalePlan => "stale_plan",
            Exit::Findings => "findings",
            Exit::Interrupted => "interrupted",
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(e.code())
    }
}

/// What a typed error tells the reporter about itself.
pub trait Diagnose: std::error::Error {
    fn exit(&self) -> Exit;
    /// The `kind` of JSON errors when it is finer than the exit code's (e.g. `undecodable`
    /// and `transport` both exit 7).
    fn kind(&self) -> Option<&'static str> {
        None
    }
    /// The API's error `Code`, when there is one.
    fn code(&self) -> Option<&str> {
        None
    }
    fn request_id(&self) -> Option<&str> {
        None
    }
    fn http_status(&self) -> Option<u16> {
        None
    }
    /// What to do about it, in plain words.
    fn hint(&self) -> Option<String> {
        None
    }
    /// Where the API says to read more (its `Recommend` URL).
    fn recommend(&self) -> Option<&str> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_stable() {
        let table = [
            (Exit::Success, 0),
            (Exit::Bug, 1),
            (Exit::Usage, 2),
            (Exit::NotFound, 3),
            (Exit::Auth, 4),
            (Exit::Rejected, 5),
            (Exit::Throttled, 6),
            (Exit::Network, 7),
            (Exit::Wait, 8),
            (Exit::Changes, 10),
            (Exit::StalePlan, 11),
            (Exit::Findings, 12),
            (Exit::Interrupted, 130),
        ];
        for (exit, code) in table {
            assert_eq!(exit.code(), code, "{exit:?}");
        }
    }
}
