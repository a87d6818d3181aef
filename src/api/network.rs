//! Advertised networks: AddBgpNetwork, DescribeBgpNetworks, DeleteBgpNetwork.
//! A network has no ID: it is the pair (RouterId, DstCidrBlock).

use serde_json::Value;

use super::pagination::list_all;
use super::request::Request;
use super::validate::{self, Validator};
use super::Error;
use crate::client::Client;

/// Default columns of tables and tsv.
pub const COLUMNS: &[&str] = &["RouterId", "DstCidrBlock", "VpcId", "Status"];

pub async fn list(
    client: &Client,
    region: &str,
    router_id: Option<&str>,
    limit: Option<usize>,
) -> anyhow::Result<Vec<Value>> {
    let req = Request::new("DescribeBgpNetworks")
        .param("RegionId", region)
        .opt("RouterId", router_id);
    list_all(client, req.action, &req.wire_params(), limit).await
}

/// Two CIDR strings name the same block (`10.0.0.0/8` and `10.000.0.0/8` do not parse alike,
/// but case and IPv6 spelling differences do).
pub fn same_cidr(a: &str, b: &str) -> bool {
    match (a.parse::<ipnet::IpNet>(), b.parse::<ipnet::IpNet>()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// The advertised network, or None.
pub async fn get(
    client: &Client,
    region: &str,
    router_id: &str,
    cidr: &str,
) -> anyhow::Result<Option<Value>> {
    let items = list(client, region, Some(router_id), None).await?;
    Ok(items.into_iter().find(|n| {
        n.get("RouterId").and_then(Value::as_str) == Some(router_id)
            && n.get("DstCidrBlock")
                .and_then(Value::as_str)
                .is_some_and(|c| same_cidr(c, cidr))
    }))
}

/// AddBgpNetwork.
#[derive(Debug, Clone, Default)]
pub struct AddNetwork {
    pub router_id: String,
    pub dst_cidr_block: String,
    pub vpc_id: Option<String>,
}

impl AddNetwork {
    pub fn validate(&self, v: &Validator) -> Result<(), Error> {
        v.id(validate::ROUTER_ID, &self.router_id)?;
        v.cidr(validate::DST_CIDR_BLOCK, &self.dst_cidr_block)?;
        if let Some(vpc) = &self.vpc_id {
            v.id(validate::VPC_ID, vpc)?;
        }
        Ok(())
    }

    pub fn request(&self, region: &str, client_token: &str) -> Request {
        Request::new("AddBgpNetwork")
            .param("RegionId", region)
            .param("RouterId", &self.router_id)
            .param("DstCidrBlock", &self.dst_cidr_block)
            .opt("VpcId", self.vpc_id.as_deref())
            .param("ClientToken", client_token)
    }
}

/// DeleteBgpNetwork.
#[derive(Debug, Clone, Default)]
pub struct DeleteNetwork {
    pub router_id: String,
    pub dst_cidr_block: String,
}

impl DeleteNetwork {
    pub fn validate(&self, v: &Validator) -> Result<(), Error> {
        v.id(validate::ROUTER_ID, &self.router_id)?;
        v.cidr(validate::DST_CIDR_BLOCK, &self.dst_cidr_block)
    }

    pub fn request(&self, region: &str, client_token: &str) -> Request {
        Request::new("DeleteBgpNetwork")
            .param("RegionId", region)
            .param("RouterId", &self.router_id)
            .param("DstCidrBlock", &self.dst_cidr_block)
            .param("ClientToken", client_token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidrs_compare_by_value() {
        assert!(same_cidr("2408:4000::/56", "2408:4000:0::/56"));
        assert!(!same_cidr("10.0.0.0/8", "10.0.0.0/16"));
    }
}
