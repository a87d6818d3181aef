//! What the BGP resources (groups, peers, networks) have in common, so that reading one back,
//! waiting for it and deleting it are written once.

use serde_json::{Map, Value};

use super::model::{Listed, Model};
use super::pagination::list_all;
use super::request::Request;
use super::wait::Observed;
use crate::client::Client;

/// A BGP resource: how it is named, listed, read by key and deleted.
pub trait Resource: Model + Listed + Observed + Send + Sync + 'static {
    /// Its noun in commands and messages: `group`, `peer`, `network`.
    const NOUN: &'static str;
    /// Its name in sentences: `BGP group`.
    const TITLE: &'static str;
    /// The field that names one (`BgpGroupId`); a network, which has no ID, names its router.
    const ID_FIELD: &'static str;
    /// The fields that name one in results: its ID field, or a network's RouterId and
    /// DstCidrBlock.
    const KEY_FIELDS: &'static [&'static str];
    /// How its IDs start (`bgpg-`); empty when it has none.
    const ID_PREFIX: &'static str;
    /// Default columns of tables and tsv.
    const COLUMNS: &'static [&'static str];

    /// What names one: an ID, or a network's (RouterId, DstCidrBlock).
    type Key: Send + Sync;

    /// The Describe request that lists the resource `key` names (and maybe others).
    fn get_request(region: &str, key: &Self::Key) -> Request;

    /// Whether this item is the one `key` names.
    fn is(&self, key: &Self::Key) -> bool;

    /// The request that deletes it.
    fn delete_request(region: &str, key: &Self::Key, client_token: &str) -> Request;

    /// How waits and messages name it: `group bgpg-1`, `network 10.0.0.0/24 on vbr-1`.
    fn label(key: &Self::Key) -> String;

    /// The resource with nothing but the fields that name it (printed for one not listed yet).
    fn named(key: &Self::Key) -> Self {
        serde_json::from_value(Value::Object(Self::key_fields(key))).unwrap_or_default()
    }

    /// The fields that name it in results (`{"BgpPeerId": ...}`), in output order.
    fn key_fields(key: &Self::Key) -> Map<String, Value>;

    /// What to try when it is not found.
    fn not_found_hint(key: &Self::Key) -> String;
}

/// The resource `key` names, or None when the API does not list it.
pub async fn get<R: Resource>(
    client: &Client,
    region: &str,
    key: &R::Key,
) -> anyhow::Result<Option<R>> {
    let req = R::get_request(region, key);
    let items: Vec<R> = list_all(client, req.action, &req.wire_params(), None).await?;
    Ok(items.into_iter().find(|item| item.is(key)))
}

/// Every resource a Describe request lists (or the first `limit`).
pub async fn list<R: Resource>(
    client: &Client,
    request: &Request,
    limit: Option<usize>,
) -> anyhow::Result<Vec<R>> {
    list_all(client, request.action, &request.wire_params(), limit).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::model::{BgpGroup, BgpNetwork, BgpPeer};
    use crate::api::network::NetworkKey;

    #[test]
    fn a_named_resource_holds_its_key_fields_and_nothing_else() {
        let peer = BgpPeer::named(&"bgp-1".to_string());
        assert_eq!(
            serde_json::to_string(&peer).unwrap(),
            r#"{"BgpPeerId":"bgp-1"}"#
        );
        assert!(peer.is(&"bgp-1".to_string()));
        let group = BgpGroup::named(&"bgpg-1".to_string());
        assert_eq!(group.bgp_group_id.as_str(), Some("bgpg-1"));
        let key = NetworkKey {
            router_id: "vbr-1".into(),
            dst_cidr_block: "10.0.0.0/24".into(),
        };
        let network = BgpNetwork::named(&key);
        assert_eq!(
            serde_json::to_string(&network).unwrap(),
            r#"{"DstCidrBlock":"10.0.0.0/24","RouterId":"vbr-1"}"#
        );
        assert!(network.is(&key));
    }
}
