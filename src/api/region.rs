//! Regions: DescribeRegions.

use super::model::Region;
use super::request::Request;
use crate::client::Client;

/// Default columns of `region list`.
pub const COLUMNS: &[&str] = &["RegionId", "LocalName", "RegionEndpoint"];

/// Every region, names in `accept_language` (`zh-CN`, `en-US`).
pub async fn list(client: &Client, accept_language: &str) -> anyhow::Result<Vec<Region>> {
    let req = Request::new("DescribeRegions").param("AcceptLanguage", accept_language);
    super::pagination::list_all(client, req.action, &req.wire_params(), None).await
}
