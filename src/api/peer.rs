//! BGP peers: CreateBgpPeer, DescribeBgpPeers, ModifyBgpPeerAttribute, DeleteBgpPeer.

use serde_json::{Map, Value};

use super::model::{BgpGroup, BgpPeer};
use super::request::Request;
use super::resource::{self, Resource};
use super::validate::{self, IpVersion, Validator};
use super::wait::Observed;
use super::Error;
use crate::client::Client;

impl Resource for BgpPeer {
    const NOUN: &'static str = "peer";
    const TITLE: &'static str = "BGP peer";
    const ID_FIELD: &'static str = "BgpPeerId";
    const KEY_FIELDS: &'static [&'static str] = &["BgpPeerId"];
    const ID_PREFIX: &'static str = "bgp-";
    /// Chosen to fit 80 columns with IPv4 addresses; `--fields` or `-o json` show the rest.
    const COLUMNS: &'static [&'static str] = &[
        "BgpPeerId",
        "PeerIpAddress",
        "Status",
        "BgpStatus",
        "EnableBfd",
    ];

    type Key = String;

    fn get_request(region: &str, id: &String) -> Request {
        list_request(
            region,
            &PeerFilter {
                bgp_peer_id: Some(id.clone()),
                ..Default::default()
            },
        )
    }

    fn is(&self, id: &String) -> bool {
        self.bgp_peer_id.as_str() == Some(id)
    }

    fn delete_request(region: &str, id: &String, client_token: &str) -> Request {
        delete_request(region, id, client_token)
    }

    fn label(id: &String) -> String {
        format!("peer {id}")
    }

    fn key_fields(id: &String) -> Map<String, Value> {
        Map::from_iter([(Self::ID_FIELD.to_string(), Value::from(id.as_str()))])
    }

    fn not_found_hint(id: &String) -> String {
        let mut hint = "list peers with `bgpeer peer list`, and check --region".to_string();
        if !id.starts_with(Self::ID_PREFIX) || id.starts_with(BgpGroup::ID_PREFIX) {
            hint.push_str("; BGP peer IDs start with bgp- (bgpg- is a group)");
        }
        hint
    }
}

impl Observed for BgpPeer {
    fn status(&self) -> Option<&str> {
        self.status.as_str()
    }
    fn bgp_status(&self) -> Option<&str> {
        self.bgp_status.as_str()
    }
}

/// DescribeBgpPeers filters.
#[derive(Debug, Clone, Default)]
pub struct PeerFilter {
    pub router_id: Option<String>,
    pub bgp_group_id: Option<String>,
    pub bgp_peer_id: Option<String>,
}

fn list_request(region: &str, filter: &PeerFilter) -> Request {
    Request::new("DescribeBgpPeers")
        .param("RegionId", region)
        .opt("RouterId", filter.router_id.as_deref())
        .opt("BgpGroupId", filter.bgp_group_id.as_deref())
        .opt("BgpPeerId", filter.bgp_peer_id.as_deref())
}

pub async fn list(
    client: &Client,
    region: &str,
    filter: &PeerFilter,
    limit: Option<usize>,
) -> anyhow::Result<Vec<BgpPeer>> {
    resource::list(client, &list_request(region, filter), limit).await
}

/// The peer, or None when the API does not know it (it answers an empty list).
pub async fn get(client: &Client, region: &str, id: &str) -> anyhow::Result<Option<BgpPeer>> {
    resource::get(client, region, &id.to_string()).await
}

/// CreateBgpPeer.
#[derive(Debug, Clone, Default)]
pub struct CreatePeer {
    pub bgp_group_id: String,
    pub peer_ip_address: Option<String>,
    pub enable_bfd: Option<bool>,
    pub bfd_multi_hop: Option<i64>,
    pub ip_version: Option<IpVersion>,
}

impl CreatePeer {
    pub fn validate(&self, v: &Validator) -> Result<(), Error> {
        v.id(validate::BGP_GROUP_ID, &self.bgp_group_id)?;
        if let Some(ip) = &self.peer_ip_address {
            // Without --ip-version the family follows the group's, which only the API knows.
            v.ip_address(validate::PEER_IP_ADDRESS, ip, self.ip_version)?;
        }
        v.bfd(self.bfd_multi_hop, self.enable_bfd == Some(true))
    }

    pub fn request(&self, region: &str, client_token: &str) -> Request {
        Request::new("CreateBgpPeer")
            .param("RegionId", region)
            .param("BgpGroupId", &self.bgp_group_id)
            .opt("PeerIpAddress", self.peer_ip_address.as_deref())
            .opt("EnableBfd", self.enable_bfd)
            .opt("BfdMultiHop", self.bfd_multi_hop)
            .opt("IpVersion", self.ip_version)
            .param("ClientToken", client_token)
    }
}

/// ModifyBgpPeerAttribute.
#[derive(Debug, Clone, Default)]
pub struct ModifyPeer {
    pub bgp_peer_id: String,
    pub bgp_group_id: Option<String>,
    pub peer_ip_address: Option<String>,
    pub enable_bfd: Option<bool>,
    pub bfd_multi_hop: Option<i64>,
}

impl ModifyPeer {
    pub fn is_empty(&self) -> bool {
        self.bgp_group_id.is_none()
            && self.peer_ip_address.is_none()
            && self.enable_bfd.is_none()
            && self.bfd_multi_hop.is_none()
    }

    /// The checks that need nothing but the request itself.
    pub fn validate(&self, v: &Validator) -> Result<(), Error> {
        v.id(validate::BGP_PEER_ID_ARG, &self.bgp_peer_id)?;
        if let Some(g) = &self.bgp_group_id {
            v.id(validate::BGP_GROUP_ID, g)?;
        }
        if let Some(ip) = &self.peer_ip_address {
            v.ip_address(validate::PEER_IP_ADDRESS, ip, None)?;
        }
        if let Some(hop) = self.bfd_multi_hop {
            // Range only here; "BFD enabled" depends on the peer's current state.
            v.bfd(Some(hop), true)?;
        }
        if self.enable_bfd == Some(false) {
            v.bfd(self.bfd_multi_hop, false)?;
        }
        Ok(())
    }

    /// The checks against the peer as it is now (its IpVersion and EnableBfd).
    pub fn validate_against(&self, v: &Validator, current: &BgpPeer) -> Result<(), Error> {
        let version = current.ip_version.as_str().and_then(IpVersion::parse);
        if let Some(ip) = &self.peer_ip_address {
            v.ip_address(validate::PEER_IP_ADDRESS, ip, version)?;
        }
        v.bfd(self.bfd_multi_hop, self.bfd_after(current))
    }

    /// Whether BFD will be on after this change.
    pub fn bfd_after(&self, current: &BgpPeer) -> bool {
        self.enable_bfd
            .unwrap_or_else(|| current.enable_bfd.as_bool().unwrap_or(false))
    }

    /// `current`: the peer as it is now. The API resets EnableBfd to false when it is absent, so
    /// a hop-count change on a BFD peer sends EnableBfd=true along with it.
    pub fn request(&self, region: &str, client_token: &str, current: Option<&BgpPeer>) -> Request {
        let enable_bfd = match (self.enable_bfd, self.bfd_multi_hop, current) {
            (Some(b), _, _) => Some(b),
            (None, Some(_), Some(cur)) if self.bfd_after(cur) => Some(true),
            _ => None,
        };
        Request::new("ModifyBgpPeerAttribute")
            .param("RegionId", region)
            .param("BgpPeerId", &self.bgp_peer_id)
            .opt("BgpGroupId", self.bgp_group_id.as_deref())
            .opt("PeerIpAddress", self.peer_ip_address.as_deref())
            .opt("EnableBfd", enable_bfd)
            .opt("BfdMultiHop", self.bfd_multi_hop)
            .param("ClientToken", client_token)
    }
}

/// DeleteBgpPeer.
pub fn delete_request(region: &str, id: &str, client_token: &str) -> Request {
    Request::new("DeleteBgpPeer")
        .param("RegionId", region)
        .param("BgpPeerId", id)
        .param("ClientToken", client_token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::validate::Naming;
    use serde_json::json;

    #[test]
    fn address_family_is_checked_against_the_given_version() {
        let v = Validator::new(&[], Naming::Flags);
        let mut c = CreatePeer {
            bgp_group_id: "bgpg-1".into(),
            peer_ip_address: Some("2001:db8::1".into()),
            ..Default::default()
        };
        assert!(c.validate(&v).is_ok());
        c.ip_version = Some(IpVersion::IPv4);
        assert!(c.validate(&v).is_err());
        c.ip_version = Some(IpVersion::IPv6);
        assert!(c.validate(&v).is_ok());
    }

    #[test]
    fn hop_change_on_a_bfd_peer_keeps_bfd_on() {
        let m = ModifyPeer {
            bgp_peer_id: "bgp-1".into(),
            bfd_multi_hop: Some(5),
            ..Default::default()
        };
        let peer = |bfd: bool| -> BgpPeer {
            serde_json::from_value(json!({"EnableBfd": bfd, "IpVersion": "IPv4"})).unwrap()
        };
        let (on, off) = (peer(true), peer(false));
        let v = Validator::new(&[], Naming::Flags);
        assert!(m.validate_against(&v, &on).is_ok());
        assert!(m.validate_against(&v, &off).is_err());
        assert_eq!(
            m.request("r", "t", Some(&on)).get("EnableBfd"),
            Some("true")
        );
    }
}
