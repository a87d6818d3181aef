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

/// Fetches every page of a Describe action (or the first `limit` items) and returns the items.
pub async fn list_all(
    client: &Client,
    action: &str,
    params: &[(String, String)],
    limit: Option<usize>,
) -> anyhow::Result<Vec<Value>> {
    let mut items = Vec::new();
    let mut page_number = 1u32;
    loop {
        let mut p = params.to_vec();
        p.push(("PageNumber".into(), page_number.to_string()));
        p.push(("PageSize".into(), MAX_PAGE_SIZE.to_string()));
        let mut page = client
            .call(action, &p, &CallOptions::default())
            .await
            .map_err(|e: ClientError| anyhow::Error::new(e))?;
        let batch = items_of(&mut page, action);
        let got = batch.len();
        items.extend(batch);
        if let Some(limit) = limit {
            if items.len() >= limit {
                items.truncate(limit);
                return Ok(items);
            }
        }
        let total = page.get("TotalCount").and_then(Value::as_u64);
        match total {
            // Not paged (DescribeRegions): one answer is everything.
            None => return Ok(items),
            Some(total) if items.len() as u64 >= total || got == 0 => {
                if items.len() as u64 != total {
                    return Err(CountMismatch {
                        action: action.to_string(),
                        fetched: items.len(),
                        total,
                    }
                    .into());
                }
                return Ok(items);
            }
            Some(_) => page_number += 1,
        }
    }
}

impl crate::error::Diagnose for CountMismatch {
    /// The list moved under us (or the server miscounted): like a server error, worth a retry.
    fn exit(&self) -> crate::error::Exit {
        crate::error::Exit::Network
    }
    fn hint(&self) -> Option<String> {
        Some(
            "objects were created or deleted while the pages were read; run the command again"
                .into(),
        )
    }
}
