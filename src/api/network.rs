//! Advertised networks: AddBgpNetwork, DescribeBgpNetworks, DeleteBgpNetwork.
//! A network has no ID: it is the pair (RouterId, DstCidrBlock).

use serde_json::{Map, Value};

use super::model::BgpNetwork;
use super::request::Request;
use super::resource::{self, Resource};
use super::validate::{self, Validator};
use super::wait::Observed;
use super::Error;
use crate::client::Client;

/// What names a network: the VBR it is advertised on, and its block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkKey {
    pub router_id: String,
    pub dst_cidr_block: String,
}

impl Resource for BgpNetwork {
    const NOUN: &'static str = "network";
    const TITLE: &'static str = "network";
    /// A network has no ID of its own: its VBR's ID and its block name it.
    const ID_FIELD: &'static str = "RouterId";
    const KEY_FIELDS: &'static [&'static str] = &["RouterId", "DstCidrBlock"];
    const ID_PREFIX: &'static str = "";
    const COLUMNS: &'static [&'static str] = &["RouterId", "DstCidrBlock", "VpcId", "Status"];

    type Key = NetworkKey;

    fn get_request(region: &str, key: &NetworkKey) -> Request {
        list_request(region, Some(&key.router_id))
    }

    fn is(&self, key: &NetworkKey) -> bool {
        self.router_id.as_str() == Some(key.router_id.as_str())
            && self
                .dst_cidr_block
                .as_str()
                .is_some_and(|c| same_cidr(c, &key.dst_cidr_block))
    }

    fn delete_request(region: &str, key: &NetworkKey, client_token: &str) -> Request {
        DeleteNetwork {
            router_id: key.router_id.clone(),
            dst_cidr_block: key.dst_cidr_block.clone(),
        }
        .request(region, client_token)
    }

    fn label(key: &NetworkKey) -> String {
        format!("network {} on {}", key.dst_cidr_block, key.router_id)
    }

    fn key_fields(key: &NetworkKey) -> Map<String, Value> {
        Map::from_iter([
            ("RouterId".to_string(), Value::from(key.router_id.as_str())),
            (
                "DstCidrBlock".to_string(),
                Value::from(key.dst_cidr_block.as_str()),
            ),
        ])
    }

    fn not_found_hint(key: &NetworkKey) -> String {
        format!(
            "list the networks of the VBR with `bgpeer network list --router-id {}`, and check --region",
            key.router_id
        )
    }
}

impl Observed for BgpNetwork {
    fn status(&self) -> Option<&str> {
        self.status.as_str()
    }
}

fn list_request(region: &str, router_id: Option<&str>) -> Request {
    Request::new("DescribeBgpNetworks")
        .param("RegionId", region)
        .opt("RouterId", router_id)
}

pub async fn list(
    client: &Client,
    region: &str,
    router_id: Option<&str>,
    limit: Option<usize>,
) -> anyhow::Result<Vec<BgpNetwork>> {
    resource::list(client, &list_request(region, router_id), limit).await
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
) -> anyhow::Result<Option<BgpNetwork>> {
    let key = NetworkKey {
        router_id: router_id.to_string(),
        dst_cidr_block: cidr.to_string(),
    };
    resource::get(client, region, &key).await
}

/// AddBgpNetwork.
#[derive(Debug, Clone, Default)]
pub struct AddNetwork {
    pub router_id: String,
    pub dst_cidr_block: String,
    pub vpc_id: Option<String>,
}

impl AddNetwork {
    pub fn key(&self) -> NetworkKey {
        NetworkKey {
            router_id: self.router_id.clone(),
            dst_cidr_block: self.dst_cidr_block.clone(),
        }
    }

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
    pub fn key(&self) -> NetworkKey {
        NetworkKey {
            router_id: self.router_id.clone(),
            dst_cidr_block: self.dst_cidr_block.clone(),
        }
    }

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
