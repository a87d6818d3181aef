//! Virtual border routers: DescribeVirtualBorderRouters.

use super::model::Vbr;
use super::request::Request;
use crate::client::Client;

/// Default columns of `vbr list` (fits 80 columns).
pub const COLUMNS: &[&str] = &["VbrId", "Name", "Status", "VlanId", "PeerGatewayIp"];

/// Default columns of `vbr show` for tsv and value (the table form is the tree).
pub const SHOW_COLUMNS: &[&str] = &["VbrId", "Name", "Status", "VlanId", "EnableIpv6"];

/// How many VBR IDs one DescribeVirtualBorderRouters filter carries.
pub const IDS_PER_FILTER: usize = 20;

/// `Filter.N.Key` / `Filter.N.Value.M` for each non-empty filter, in a stable order.
pub fn filter_params(filters: &[(&str, &[String])]) -> Vec<(String, String)> {
    let mut params = Vec::new();
    let mut n = 0;
    for (key, values) in filters {
        if values.is_empty() {
            continue;
        }
        n += 1;
        params.push((format!("Filter.{n}.Key"), key.to_string()));
        for (m, value) in values.iter().enumerate() {
            params.push((format!("Filter.{n}.Value.{}", m + 1), value.clone()));
        }
    }
    params
}

/// The VBRs matching every non-empty filter (or the first `limit`).
pub async fn list(
    client: &Client,
    region: &str,
    filters: &[(&str, &[String])],
    limit: Option<usize>,
) -> anyhow::Result<Vec<Vbr>> {
    let mut req = Request::new("DescribeVirtualBorderRouters").param("RegionId", region);
    for (k, v) in filter_params(filters) {
        req = req.param(&k, v);
    }
    super::pagination::list_all(client, req.action, &req.wire_params(), limit).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_become_numbered_keys_and_values() {
        let ids = vec!["vbr-1".to_string(), "vbr-2".to_string()];
        let none: Vec<String> = vec![];
        let status = vec!["active".to_string()];
        let p = filter_params(&[("VbrId", &ids), ("Name", &none), ("Status", &status)]);
        let p: Vec<(&str, &str)> = p.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(
            p,
            [
                ("Filter.1.Key", "VbrId"),
                ("Filter.1.Value.1", "vbr-1"),
                ("Filter.1.Value.2", "vbr-2"),
                ("Filter.2.Key", "Status"),
                ("Filter.2.Value.1", "active"),
            ]
        );
    }
}
