//! Bulk runs (`--from-file`): read NDJSON or a JSON array of items ([`input`]), validate them
//! all before sending any, send them with AIMD pacing, each with its own ClientToken ([`run`]),
//! and report one result per item ([`report`]).

pub mod input;
pub mod report;
pub mod run;

pub use input::{parse_items, prepare_all, read_items, InputItem, ItemReader, Prepared};
pub use report::{finish, removal_columns, removal_result, result_object};
pub use run::{send_and_report, without_read_back, Outcome, Pacer, Reporting};

use super::confirm::{confirm, require_confirmation_possible};
use super::dry_run::print_dry_run;
use super::emit::ListWriter;
use super::resource::prepare;
use super::{CliError, Context};
use crate::api::resource::Resource;
use crate::api::validate::{Naming, Validator};
use crate::cli::mutation::{BulkArgs, MutationArgs};

/// --wait is not part of bulk runs.
pub fn reject_wait(wait: bool) -> Result<(), CliError> {
    if wait {
        return Err(CliError::usage(
            "--wait does not apply to --from-file runs",
            Some(
                "run the batch, then wait per resource (`bgpeer peer wait ID`) or list them"
                    .to_string(),
            ),
        ));
    }
    Ok(())
}

/// Validator for bulk items (messages name the API fields).
pub fn item_validator(m: &MutationArgs) -> Validator {
    Validator::new(&m.no_validate, Naming::Params)
}

/// What a bulk delete says, e.g. for peers: `delete`, `BGP peer`, `deleting peers`, `deleted`.
pub struct BulkRemoval {
    /// `delete`, `withdraw`.
    pub verb: &'static str,
    /// `BGP peer`, `network`.
    pub what: &'static str,
    /// The progress bar's label.
    pub progress: &'static str,
    /// The summary's `N of M items <done>`.
    pub done: &'static str,
    /// The item fields used besides ClientToken.
    pub known: &'static [&'static str],
}

/// Deletes every resource a file lists (`--from-file`), written once over [`Resource`]:
/// `key_of` reads and validates one item's key; every item is checked before any is sent.
pub async fn delete_all<R, F>(
    ctx: &Context,
    m: &MutationArgs,
    args: &BulkArgs,
    path: &str,
    says: BulkRemoval,
    key_of: F,
) -> anyhow::Result<()>
where
    R: Resource,
    F: Fn(&ItemReader, &Validator) -> Result<R::Key, CliError>,
{
    let (region, _) = prepare(ctx, m, Naming::Params)?;
    let v = item_validator(m);
    if !m.dry_run {
        require_confirmation_possible(
            ctx,
            &format!("{} the {}s listed in {path}", says.verb, says.what),
        )?;
    }
    let items = read_items(ctx, path)?;
    let prepared = prepare_all(&items, |item| {
        let r = ItemReader {
            item,
            known: says.known,
            ignored: R::FIELDS,
        };
        r.check_fields(&region)?;
        let key = key_of(&r, &v)?;
        let token = r.client_token(&v, m.client_token.as_deref())?;
        let mut echo = R::key_fields(&key);
        echo.insert("ClientToken".into(), token.clone().into());
        Ok(Prepared {
            index: item.index,
            request: R::delete_request(&region, &key, &token),
            echo: echo.into(),
        })
    })?;
    if m.dry_run {
        return print_dry_run(ctx, prepared.iter().map(|p| &p.request));
    }
    confirm(
        ctx,
        &format!(
            "{} {} {}(s) listed in {path}",
            says.verb,
            prepared.len(),
            says.what
        ),
    )?;
    let columns = removal_columns(R::KEY_FIELDS);
    let mut out = ListWriter::new(ctx, &columns.iter().map(String::as_str).collect::<Vec<_>>())?;
    let pacer = Pacer::new(ctx, prepared.len(), args).await?;
    let outcomes = send_and_report(
        ctx,
        &pacer,
        &prepared,
        args,
        says.progress,
        without_read_back(|p, o, _| removal_result(p, o, R::KEY_FIELDS)),
        &mut out,
    )
    .await?;
    finish(ctx, out, &outcomes, says.done)
}
