//! Every list fetches every page (PageSize 50) and checks the count against TotalCount.

use serde::de::DeserializeOwned;

use super::model::{Listed, Page};
use crate::client::{CallOptions, Client, ClientError};

/// The largest page the API serves.
pub const MAX_PAGE_SIZE: u32 = 50;

/// The pages did not add up: the API's TotalCount disagrees with what was fetched.
#[derive(Debug, thiserror::Error)]
#[error("{action}: fetched {fetched} items but the API reported TotalCount {total}; the list changed while it was read, retry")]
pub struct CountMismatch {
    pub action: String,
    pub fetched: usize,
    pub total: u64,
}

/// How many pages after the first are fetched at once: enough to hide the round trips, few
/// enough to stay well inside the API's per-second limits.
const PAGES_IN_FLIGHT: usize = 4;

/// One page: its items and the API's `TotalCount` (None when the action is not paged).
async fn fetch_page<T: Listed + DeserializeOwned>(
    client: &Client,
    action: &str,
    params: &[(String, String)],
    page_number: u64,
) -> anyhow::Result<(Vec<T>, Option<u64>)> {
    let mut p = params.to_vec();
    p.push(("PageNumber".into(), page_number.to_string()));
    p.push(("PageSize".into(), MAX_PAGE_SIZE.to_string()));
    let page: Page<T> = client
        .call_as(action, &p, &CallOptions::default())
        .await
        .map_err(|e: ClientError| anyhow::Error::new(e))?;
    Ok((page.items, page.total_count))
}

/// Fetches every page of a Describe action (or the first `limit` items) and returns the items,
/// decoded into the model.
///
/// The first page tells how many there are; the pages still needed are then fetched a few at a
/// time, in parallel, and joined in order. Every page must report the same `TotalCount`, and the
/// items must add up to it: a list that changed while it was read is an error, never a silently
/// short or doubled list.
pub async fn list_all<T: Listed + DeserializeOwned>(
    client: &Client,
    action: &str,
    params: &[(String, String)],
    limit: Option<usize>,
) -> anyhow::Result<Vec<T>> {
    use futures_util::{StreamExt, TryStreamExt};

    let (mut items, total) = fetch_page::<T>(client, action, params, 1).await?;
    let Some(total) = total else {
        // Not paged (DescribeRegions): one answer is everything.
        if let Some(limit) = limit {
            items.truncate(limit);
        }
        return Ok(items);
    };
    let wanted = limit.map_or(total, |l| total.min(l as u64));
    let size = u64::from(MAX_PAGE_SIZE);
    let pages = wanted.div_ceil(size).max(1);
    let mismatch = |fetched: usize, total: u64| CountMismatch {
        action: action.to_string(),
        fetched,
        total,
    };
    if !items.is_empty() && pages > 1 {
        let mut rest = futures_util::stream::iter(2..=pages)
            .map(|n| fetch_page(client, action, params, n))
            .buffered(PAGES_IN_FLIGHT);
        while let Some((batch, page_total)) = rest.try_next().await? {
            if page_total != Some(total) {
                return Err(mismatch(items.len(), page_total.unwrap_or(total)).into());
            }
            items.extend(batch);
        }
    }
    // A server that serves shorter pages than asked: go on, one page at a time.
    let mut next = pages + 1;
    while !items.is_empty() && (items.len() as u64) < wanted {
        let (batch, page_total) = fetch_page(client, action, params, next).await?;
        if page_total != Some(total) {
            return Err(mismatch(items.len(), page_total.unwrap_or(total)).into());
        }
        if batch.is_empty() {
            break;
        }
        items.extend(batch);
        next += 1;
    }
    if let Some(limit) = limit {
        if items.len() >= limit {
            items.truncate(limit);
            return Ok(items);
        }
    }
    if items.len() as u64 != total {
        return Err(mismatch(items.len(), total).into());
    }
    Ok(items)
}

impl crate::exit::Diagnose for CountMismatch {
    /// The list moved under us (or the server miscounted): like a server error, worth a retry.
    fn exit(&self) -> crate::exit::Exit {
        crate::exit::Exit::Network
    }
    fn hint(&self) -> Option<String> {
        Some(
            "objects were created or deleted while the pages were read; run the command again"
                .into(),
        )
    }
}
