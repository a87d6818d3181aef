//! What happened to each change of an apply run: what `apply` reports and what the rollback
//! plan is made from.

use crate::exit::Exit;

/// What happened to one change.
#[derive(Debug, Clone)]
pub(super) enum Status {
    Pending,
    Done {
        id: Option<String>,
        request_id: Option<String>,
    },
    Failed {
        exit: Exit,
        code: Option<String>,
        message: String,
        request_id: Option<String>,
    },
    /// Not sent: something it depends on failed.
    Skipped(String),
    /// Not sent: the run was stopped (Ctrl-C).
    NotSent,
}

impl Status {
    pub(super) fn failed(err: &anyhow::Error) -> Status {
        let r = crate::commands::report::build_report(err);
        Status::Failed {
            exit: r.exit,
            code: r.code,
            message: r.message,
            request_id: r.request_id,
        }
    }
}
