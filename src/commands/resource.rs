//! What the group, peer and network commands do the same way, written once over
//! [`Resource`]: the region and token of a change, showing one, reading one back after a change,
//! deleting one.

use anyhow::Context as _;
use serde_json::Value;

use super::confirm::confirm;
use super::dry_run::print_dry_run;
use super::CliError;
use super::Context;
use crate::api::model::to_json;
use crate::api::resource::{self, Resource};
use crate::api::validate::{Naming, Validator};
use crate::api::wait::Target;
use crate::cli::mutation::{MutationArgs, WaitArgs, WaitLimits};

/// The region (validated) and the validator of this invocation.
pub fn prepare(
    ctx: &Context,
    m: &MutationArgs,
    naming: Naming,
) -> anyhow::Result<(String, Validator)> {
    let validator = Validator::new(&m.no_validate, naming);
    let region = ctx.region()?;
    validator.region_id(&region)?;
    if let Some(token) = &m.client_token {
        Validator::new(&m.no_validate, Naming::Flags).client_token(token)?;
    }
    Ok((region, validator))
}

/// The region of a read-only command (validated without skips: reads have no --no-validate).
pub fn read_region(ctx: &Context) -> anyhow::Result<String> {
    let region = ctx.region()?;
    Validator::new(&[], Naming::Flags).region_id(&region)?;
    Ok(region)
}

/// `--client-token`, or a new UUID for this operation.
pub fn client_token(m: &MutationArgs) -> String {
    m.client_token
        .clone()
        .unwrap_or_else(crate::client::new_client_token)
}

/// The resource `key` names, or exit 3 naming it.
pub async fn fetch<R: Resource>(ctx: &Context, region: &str, key: &R::Key) -> anyhow::Result<R>
where
    R::Key: std::fmt::Display,
{
    let client = ctx.client().await?;
    resource::get::<R>(client, region, key)
        .await
        .with_context(|| format!("cannot read {} {key}", R::TITLE))?
        .ok_or_else(|| {
            CliError::not_found(
                format!("no {} {key} in region {region}", R::TITLE),
                Some(R::not_found_hint(key)),
            )
            .into()
        })
}

/// `show`: the resource, or exit 3.
pub async fn show<R: Resource>(ctx: &Context, key: &R::Key) -> anyhow::Result<()>
where
    R::Key: std::fmt::Display,
{
    let region = read_region(ctx)?;
    let item: R = fetch(ctx, &region, key).await?;
    emit_one(ctx, &item)
}

/// Prints one resource with its default columns.
pub fn emit_one<R: Resource>(ctx: &Context, item: &R) -> anyhow::Result<()> {
    super::emit::emit_one(ctx, &to_json(item), R::COLUMNS)
}

/// Prints resources with their default columns.
pub fn emit_list<R: Resource>(ctx: &Context, items: Vec<R>) -> anyhow::Result<()> {
    super::emit::emit_list(ctx, items.iter().map(to_json), R::COLUMNS)
}

/// Reads `R` back after a change, waiting for Available when asked. One not listed yet is
/// printed as `placeholder`, with the warning `not_listed`.
pub async fn read_back<R: Resource>(
    ctx: &Context,
    region: &str,
    key: &R::Key,
    wait_for: Option<&WaitLimits>,
    not_listed: &str,
    placeholder: impl FnOnce() -> Value,
) -> anyhow::Result<()> {
    let current = match wait_for {
        Some(limits) => {
            super::wait::wait_until::<R>(ctx, region, key, Target::Available, limits).await?
        }
        None => resource::get::<R>(ctx.client().await?, region, key).await?,
    };
    let item = match current {
        Some(item) => to_json(&item),
        None => {
            ctx.notice(not_listed);
            placeholder()
        }
    };
    super::emit::emit_one(ctx, &item, R::COLUMNS)
}

/// Reads back a group or peer by ID after a change and prints it; one not listed yet is printed
/// as its ID alone, with a warning.
pub async fn print_by_id<R: Resource<Key = String>>(
    ctx: &Context,
    region: &str,
    id: &str,
    wait: &WaitArgs,
) -> anyhow::Result<()> {
    let id = id.to_string();
    let warning = format!(
        "warning: BGP {} {id} is not listed yet; printing its ID only",
        R::NOUN
    );
    read_back::<R>(
        ctx,
        region,
        &id,
        wait.wait.then_some(&wait.limits),
        &warning,
        || Value::Object(R::key_fields(&id)),
    )
    .await
}

/// What a delete says: the confirmation question and the context of a failure.
pub struct Removal<'a> {
    /// `delete BGP peer bgp-1`: asked as `delete BGP peer bgp-1? [y/N]`.
    pub what: &'a str,
    /// `cannot delete BGP peer bgp-1`.
    pub failed: &'a str,
}

/// Deletes one resource (already validated): dry run, confirmation, the call, the optional wait
/// until it is gone, then its key fields and the RequestId.
pub async fn delete<R: Resource>(
    ctx: &Context,
    region: &str,
    key: &R::Key,
    m: &MutationArgs,
    wait: &WaitArgs,
    says: Removal<'_>,
) -> anyhow::Result<()> {
    let request = R::delete_request(region, key, &client_token(m));
    if m.dry_run {
        return print_dry_run(ctx, &[request]);
    }
    confirm(ctx, says.what)?;
    let client = ctx.client().await?;
    let answer = request
        .send(client)
        .await
        .with_context(|| says.failed.to_string())?;
    if wait.wait {
        super::wait::wait_until::<R>(ctx, region, key, Target::Deleted, &wait.limits).await?;
    }
    let mut result = R::key_fields(key);
    let columns: Vec<String> = result
        .keys()
        .cloned()
        .chain(["RequestId".to_string()])
        .collect();
    result.insert(
        "RequestId".into(),
        answer.get("RequestId").cloned().unwrap_or(Value::Null),
    );
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    super::emit::emit_one(ctx, &Value::Object(result), &columns)
}
