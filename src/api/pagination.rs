//! Every list fetches every page (PageSize 50) and checks the count against TotalCount.

use serde_json::Value;

use crate::client::{CallOptions, Client, ClientError};

/// The largest page the API serves.
pub const MAX_PAGE_SIZE: u32 = 50;

/// Where a Describe action keeps its items, e.g. `BgpPeers.BgpPeer`.
pub fn item_path(action: &str) -> Option<(&'static str, &'static str)> {
    Some(match action {
        "DescribeBgpGroups" => ("BgpGroups", "BgpGroup"),
        "DescribeBgpPeers" => ("BgpPeers", "BgpPeer"),
        "DescribeBgpNetworks" => ("BgpNetworks", "BgpNetwork"),
        "DescribeVirtualBorderRouters" => ("VirtualBorderRouterSet", "VirtualBorderRouterType"),
        "DescribeRegions" => ("Regions", "Region"),
        _ => return None,
    })
}

/// Takes the items out of a page (no copy).
fn items_of(page: &mut Value, action: &str) -> Vec<Value> {
    let Some((outer, inner)) = item_path(action) else {
        return Vec::new();
    };
    page.get_mut(outer)
        .and_then(|o| o.get_mut(inner))
        .and_then(Value::as_array_mut)
        .map(std::mem::take)
        .unwrap_or_default()
}

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
async fn fetch_page(
    client: &Client,
    action: &str,
    params: &[(String, String)],
    page_number: u64,
) -> anyhow::Result<(Vec<Value>, Option<u64>)> {
    let mut p = params.to_vec();
    p.push(("PageNumber".into(), page_number.to_string()));
    p.push(("PageSize".into(), MAX_PAGE_SIZE.to_string()));
    let mut page = client
        .call(action, &p, &CallOptions::default())
        .await
        .map_err(|e: ClientError| anyhow::Error::new(e))?;
    let total = page.get("TotalCount").and_then(Value::as_u64);
    Ok((items_of(&mut page, action), total))
}

/// Fetches every page of a Describe action (or the first `limit` items) and returns the items.
///
/// The first page tells how many there are; the pages still needed are then fetched a few at a
/// time, in parallel, and joined in order. Every page must report the same `TotalCount`, and the
/// items must add up to it: a list that changed while it was read is an error, never a silently
/// short or doubled list.
pub async fn list_all(
    client: &Client,
    action: &str,
    params: &[(String, String)],
    limit: Option<usize>,
) -> anyhow::Result<Vec<Value>> {
    use futures_util::{StreamExt, TryStreamExt};

    let (mut items, total) = fetch_page(client, action, params, 1).await?;
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
