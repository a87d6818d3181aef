//! BGP groups: CreateBgpGroup, DescribeBgpGroups, ModifyBgpGroupAttribute, DeleteBgpGroup.

use serde_json::{Map, Value};

use super::model::BgpGroup;
use super::request::Request;
use super::resource::{self, Resource};
use super::validate::{self, IpVersion, Validator};
use super::wait::Observed;
use super::Error;
use crate::client::Client;
use crate::secret::Secret;

impl Resource for BgpGroup {
    const NOUN: &'static str = "group";
    const TITLE: &'static str = "BGP group";
    const ID_FIELD: &'static str = "BgpGroupId";
    const KEY_FIELDS: &'static [&'static str] = &["BgpGroupId"];
    const ID_PREFIX: &'static str = "bgpg-";
    /// Chosen to fit 80 columns; `--fields` or `-o json` show the rest.
    const COLUMNS: &'static [&'static str] =
        &["BgpGroupId", "Name", "PeerAsn", "LocalAsn", "Status"];

    type Key = String;

    fn get_request(region: &str, id: &String) -> Request {
        list_request(
            region,
            &GroupFilter {
                bgp_group_id: Some(id.clone()),
                ..Default::default()
            },
        )
    }

    fn is(&self, id: &String) -> bool {
        self.bgp_group_id.as_str() == Some(id)
    }

    fn delete_request(region: &str, id: &String, client_token: &str) -> Request {
        delete_request(region, id, client_token)
    }

    fn label(id: &String) -> String {
        format!("group {id}")
    }

    fn key_fields(id: &String) -> Map<String, Value> {
        Map::from_iter([(Self::ID_FIELD.to_string(), Value::from(id.as_str()))])
    }

    fn not_found_hint(id: &String) -> String {
        let mut hint = "list groups with `bgpeer group list`, and check --region".to_string();
        if !id.starts_with(Self::ID_PREFIX) {
            hint.push_str("; BGP group IDs start with bgpg-");
        }
        hint
    }
}

impl Observed for BgpGroup {
    fn status(&self) -> Option<&str> {
        self.status.as_str()
    }
}

/// DescribeBgpGroups filters.
#[derive(Debug, Clone, Default)]
pub struct GroupFilter {
    pub router_id: Option<String>,
    pub bgp_group_id: Option<String>,
}

fn list_request(region: &str, filter: &GroupFilter) -> Request {
    Request::new("DescribeBgpGroups")
        .param("RegionId", region)
        .opt("RouterId", filter.router_id.as_deref())
        .opt("BgpGroupId", filter.bgp_group_id.as_deref())
}

pub async fn list(
    client: &Client,
    region: &str,
    filter: &GroupFilter,
    limit: Option<usize>,
) -> anyhow::Result<Vec<BgpGroup>> {
    resource::list(client, &list_request(region, filter), limit).await
}

/// The group, or None when the API does not know it (it answers an empty list).
pub async fn get(client: &Client, region: &str, id: &str) -> anyhow::Result<Option<BgpGroup>> {
    resource::get(client, region, &id.to_string()).await
}

/// CreateBgpGroup.
#[derive(Debug, Clone)]
pub struct CreateGroup {
    pub router_id: String,
    pub peer_asn: u64,
    pub local_asn: Option<u64>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub auth_key: Option<Secret>,
    pub is_fake_asn: Option<bool>,
    pub route_quota: Option<u32>,
    pub ip_version: Option<IpVersion>,
}

impl CreateGroup {
    pub fn validate(&self, v: &Validator) -> Result<(), Error> {
        v.id(validate::ROUTER_ID, &self.router_id)?;
        v.peer_asn(self.peer_asn)?;
        if let Some(asn) = self.local_asn {
            v.local_asn(asn)?;
        }
        if let Some(name) = &self.name {
            v.name(name)?;
        }
        if let Some(d) = &self.description {
            v.description(d)?;
        }
        Ok(())
    }

    pub fn request(&self, region: &str, client_token: &str) -> Request {
        Request::new("CreateBgpGroup")
            .param("RegionId", region)
            .param("RouterId", &self.router_id)
            .param("PeerAsn", self.peer_asn)
            .opt("LocalAsn", self.local_asn)
            .opt("Name", self.name.as_deref())
            .opt("Description", self.description.as_deref())
            .secret("AuthKey", self.auth_key.as_ref())
            .opt("IsFakeAsn", self.is_fake_asn)
            .opt("RouteQuota", self.route_quota)
            .opt("IpVersion", self.ip_version)
            .param("ClientToken", client_token)
    }
}

/// ModifyBgpGroupAttribute.
#[derive(Debug, Clone, Default)]
pub struct ModifyGroup {
    pub bgp_group_id: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub peer_asn: Option<u64>,
    pub local_asn: Option<u64>,
    pub auth_key: Option<Secret>,
    pub clear_auth_key: bool,
    pub is_fake_asn: Option<bool>,
    pub route_quota: Option<u32>,
}

impl ModifyGroup {
    /// True when no attribute would change.
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.description.is_none()
            && self.peer_asn.is_none()
            && self.local_asn.is_none()
            && self.auth_key.is_none()
            && !self.clear_auth_key
            && self.is_fake_asn.is_none()
            && self.route_quota.is_none()
    }

    pub fn validate(&self, v: &Validator) -> Result<(), Error> {
        v.id(validate::BGP_GROUP_ID_ARG, &self.bgp_group_id)?;
        if let Some(asn) = self.peer_asn {
            v.peer_asn(asn)?;
        }
        if let Some(asn) = self.local_asn {
            v.local_asn(asn)?;
        }
        if let Some(name) = &self.name {
            v.name(name)?;
        }
        if let Some(d) = &self.description {
            v.description(d)?;
        }
        Ok(())
    }

    pub fn request(&self, region: &str, client_token: &str) -> Request {
        Request::new("ModifyBgpGroupAttribute")
            .param("RegionId", region)
            .param("BgpGroupId", &self.bgp_group_id)
            .opt("Name", self.name.as_deref())
            .opt("Description", self.description.as_deref())
            .opt("PeerAsn", self.peer_asn)
            .opt("LocalAsn", self.local_asn)
            .secret("AuthKey", self.auth_key.as_ref())
            .opt("ClearAuthKey", self.clear_auth_key.then_some(true))
            .opt("IsFakeAsn", self.is_fake_asn)
            .opt("RouteQuota", self.route_quota)
            .param("ClientToken", client_token)
    }
}

/// DeleteBgpGroup.
pub fn delete_request(region: &str, id: &str, client_token: &str) -> Request {
    Request::new("DeleteBgpGroup")
        .param("RegionId", region)
        .param("BgpGroupId", id)
        .param("ClientToken", client_token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_request_carries_exactly_the_given_parameters() {
        let c = CreateGroup {
            router_id: "vbr-1".into(),
            peer_asn: 65001,
            local_asn: None,
            name: Some("core".into()),
            description: None,
            auth_key: Some(Secret::new("k3y")),
            is_fake_asn: Some(false),
            route_quota: None,
            ip_version: Some(IpVersion::IPv6),
        };
        let r = c.request("cn-shanghai", "tok");
        let keys: Vec<String> = r.wire_params().into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            [
                "RegionId",
                "RouterId",
                "PeerAsn",
                "Name",
                "AuthKey",
                "IsFakeAsn",
                "IpVersion",
                "ClientToken"
            ]
        );
        assert_eq!(r.get("IpVersion"), Some("IPv6"));
        assert_eq!(r.get("IsFakeAsn"), Some("false"));
    }

    #[test]
    fn modify_knows_when_it_changes_nothing() {
        let m = ModifyGroup {
            bgp_group_id: "bgpg-1".into(),
            ..Default::default()
        };
        assert!(m.is_empty());
        let m = ModifyGroup {
            clear_auth_key: true,
            ..m
        };
        assert!(!m.is_empty());
        assert_eq!(m.request("r", "t").get("ClearAuthKey"), Some("true"));
    }
}
