//! What a bulk run prints: one result object per item, a summary on stderr, and the exit code of
//! a partial failure.

use serde_json::{json, Map, Value};

use super::super::emit::ListWriter;
use super::super::CliError;
use super::super::Context;
use super::input::Prepared;
use super::run::Outcome;
use crate::exit::Exit;

/// The result object of one item: `{"Index","Ok","Resource"}` or `{"Index","Ok","Item","Error"}`.
pub fn result_object(index: usize, echo: &Value, outcome: Result<Value, &Outcome>) -> Value {
    match outcome {
        Ok(resource) => json!({"Index": index, "Ok": true, "Resource": resource}),
        Err(Outcome::Failed(e)) => {
            let r = crate::commands::report::build_report(e);
            let message = std::iter::once(r.message.clone())
                .chain(r.causes.iter().filter(|c| **c != r.message).cloned())
                .collect::<Vec<_>>()
                .join(": ");
            json!({
                "Index": index,
                "Ok": false,
                "Item": echo,
                "Error": {
                    "Kind": r.kind,
                    "Code": r.code,
                    "Message": message,
                    "RequestId": r.request_id,
                    "HttpStatus": r.http_status,
                    "Hint": r.hint,
                }
            })
        }
        Err(o) => json!({
            "Index": index,
            "Ok": false,
            "Item": echo,
            "Error": {
                "Kind": "skipped",
                "Code": null,
                "Message": if matches!(o, Outcome::Interrupted) {
                    "not sent: the run was stopped (Ctrl-C)"
                } else {
                    "not sent: an earlier item failed (use --continue-on-error to send every item)"
                },
                "RequestId": null,
                "HttpStatus": null,
                "Hint": null,
            }
        }),
    }
}

/// Ends the printed results (see [`ListWriter`]), prints a summary on stderr, and fails with
/// `Partial` when any item failed, or `Interrupted` after a Ctrl-C.
pub fn finish(
    ctx: &Context,
    out: ListWriter<'_>,
    outcomes: &[Outcome],
    verb_done: &str,
) -> anyhow::Result<()> {
    out.finish()?;
    let total = outcomes.len();
    let failed: Vec<&anyhow::Error> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Failed(e) => Some(e),
            _ => None,
        })
        .collect();
    let skipped = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Skipped | Outcome::Interrupted))
        .count();
    let ok = total - failed.len() - skipped;
    ctx.notice(&format!(
        "{ok} of {total} items {verb_done}, {} failed, {skipped} not sent",
        failed.len()
    ));
    if ctx.stop.requested() {
        return Err(CliError::Interrupted.into());
    }
    if failed.is_empty() && skipped == 0 {
        return Ok(());
    }
    let exit = failed
        .first()
        .map(|e| crate::commands::report::build_report(e).exit)
        .unwrap_or(Exit::Rejected);
    Err(CliError::Partial {
        failed: failed.len() + skipped,
        total,
        exit,
    }
    .into())
}

/// The result of one item of a bulk delete (or withdrawal): the request's `keys` (the resource's
/// identity) and the RequestId of the answer.
pub fn removal_result(p: &Prepared, outcome: &Outcome, keys: &[&str]) -> Value {
    match outcome {
        Outcome::Sent(answer) => {
            let mut resource: Map<String, Value> = keys
                .iter()
                .map(|k| (k.to_string(), json!(p.request.get(k))))
                .collect();
            resource.insert(
                "RequestId".into(),
                answer.get("RequestId").cloned().unwrap_or(Value::Null),
            );
            result_object(p.index, &p.echo, Ok(Value::Object(resource)))
        }
        other => result_object(p.index, &p.echo, Err(other)),
    }
}

/// The default columns of a bulk delete's results.
pub fn removal_columns(keys: &[&str]) -> Vec<String> {
    ["Index", "Ok"]
        .into_iter()
        .map(str::to_string)
        .chain(keys.iter().map(|k| format!("Resource.{k}")))
        .chain(["Error.Code".to_string(), "Error.Message".to_string()])
        .collect()
}
