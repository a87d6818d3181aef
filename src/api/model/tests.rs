use serde_json::{json, Value};

use super::*;

fn decode<T: Model>(v: Value) -> T {
    serde_json::from_value(v).unwrap()
}

/// Our JSON of an item decoded from `wire`.
fn ours<T: Model>(wire: &str) -> String {
    serde_json::to_string(&serde_json::from_str::<T>(wire).unwrap()).unwrap()
}

#[test]
fn strings_become_numbers_and_booleans_and_the_rest_stays() {
    let p: BgpPeer = decode(json!({
        "PeerAsn": "65001", "LocalAsn": 45104, "Hold": "", "IsFake": "True", "Name": "x",
        "RouteLimit": "n/a", "EnableBfd": " false ", "BfdMultiHop": "-3", "Keepalive": "1.5",
        "AdvertisedRouteCount": true, "Description": 7
    }));
    assert_eq!(p.peer_asn, Attr::Set(65001u64.into()));
    assert_eq!(p.local_asn.as_u64(), Some(45104));
    assert_eq!(p.hold, Attr::Null);
    assert_eq!(p.is_fake.as_bool(), Some(true));
    assert_eq!(p.enable_bfd.as_bool(), Some(false));
    assert_eq!(p.route_limit, Attr::Other(Box::new(json!("n/a"))));
    assert_eq!(to_json(&p)["BfdMultiHop"], json!(-3));
    assert_eq!(to_json(&p)["Keepalive"], json!(1.5));
    assert_eq!(p.advertised_route_count, Attr::Other(Box::new(json!(true))));
    assert_eq!(p.description, Attr::Other(Box::new(json!(7))));
    assert_eq!(p.name.as_str(), Some("x"));
    assert!(p.bgp_peer_id.is_absent());
}

#[test]
fn group_and_vbr_fields_get_consistent_types() {
    let g: BgpGroup = decode(
        json!({"BgpGroupId":"bgpg-1","PeerAsn":"65001","LocalAsn":"45104",
        "IsFake":"false","Hold":"30","Keepalive":"10","RouteLimit":"110","AuthKey":"k"}),
    );
    assert_eq!(
        to_json(&g),
        json!({"BgpGroupId":"bgpg-1","PeerAsn":65001,"LocalAsn":45104,"AuthKey":"k",
            "IsFake":false,"Hold":30,"Keepalive":10,"RouteLimit":110})
    );
    let v: Vbr = decode(json!({"VlanId": "100", "EnableIpv6": "true", "Name": "x"}));
    assert_eq!(
        to_json(&v),
        json!({"EnableIpv6": true, "Name": "x", "VlanId": 100})
    );
}

#[test]
fn our_json_keeps_nulls_empty_strings_and_unknown_fields() {
    let wire = r#"{"BgpPeerId":"bgp-1","Name":"","Description":null,"PeerAsn":"","Brand":"new","Tags":{"Tag":[]}}"#;
    assert_eq!(
        ours::<BgpPeer>(wire),
        r#"{"BgpPeerId":"bgp-1","Name":"","Description":null,"PeerAsn":null,"Brand":"new","Tags":{"Tag":[]}}"#
    );
    let n: BgpNetwork =
        serde_json::from_str(r#"{"DstCidrBlock":"10.0.0.0/24","Extra":1}"#).unwrap();
    assert_eq!(n.extra()["Extra"], 1);
    assert_eq!(
        serde_json::to_string(&n).unwrap(),
        r#"{"DstCidrBlock":"10.0.0.0/24","Extra":1}"#
    );
}

#[test]
fn secrets_are_masked_in_known_and_unknown_fields() {
    let mut g: BgpGroup = decode(json!({"BgpGroupId":"bgpg-1","AuthKey":"s3cret",
        "Nested":{"authkey":"x","Ok":1},"Tags":[{"SecurityToken":5}]}));
    g.mask_secrets();
    let text = serde_json::to_string(&g).unwrap();
    assert_eq!(
        text,
        r#"{"BgpGroupId":"bgpg-1","AuthKey":"****","Nested":{"authkey":"****","Ok":1},"Tags":[{"SecurityToken":"****"}]}"#
    );
    for (key, masked) in [
        (json!(""), json!("")),
        (json!(null), json!(null)),
        (json!(3), json!("****")),
    ] {
        let mut p: BgpPeer = decode(json!({ "AuthKey": key }));
        p.mask_secrets();
        assert_eq!(to_json(&p)["AuthKey"], masked);
    }
    let mut v: Vbr = decode(json!({"Tags":{"Tag":[{"Key":"AuthKey","Value":"v","AuthKey":"z"}]}}));
    v.mask_secrets();
    assert_eq!(to_json(&v)["Tags"]["Tag"][0]["AuthKey"], "****");
}

#[test]
fn pages_take_their_items_and_counts() {
    let page: Page<BgpPeer> = serde_json::from_str(
        r#"{"RequestId":"r","TotalCount":2,"PageNumber":1,"PageSize":50,"BgpPeers":{"BgpPeer":[{"BgpPeerId":"bgp-1"},{"BgpPeerId":"bgp-2"}]}}"#,
    )
    .unwrap();
    assert_eq!(page.total_count, Some(2));
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.items[1].bgp_peer_id.as_str(), Some("bgp-2"));
    let regions: Page<Region> =
        serde_json::from_str(r#"{"Regions":{"Region":[{"RegionId":"cn-shanghai"}]}}"#).unwrap();
    assert_eq!(regions.total_count, None);
    assert_eq!(regions.items.len(), 1);
    let odd: Page<BgpGroup> =
        serde_json::from_str(r#"{"TotalCount":"3","BgpGroups":{"BgpGroup":null}}"#).unwrap();
    assert_eq!((odd.total_count, odd.items.len()), (None, 0));
    let none: Page<BgpGroup> = serde_json::from_str(r#"{"TotalCount":0}"#).unwrap();
    assert!(none.items.is_empty());
}

#[test]
fn the_wire_form_of_a_peer_types_fields_as_the_sdk_does() {
    let p: BgpPeer = decode(
        json!({"BgpPeerId":"bgp-1","PeerAsn":"65001","IsFake":"true",
        "EnableBfd":true,"BfdMultiHop":"3","Hold":"30","AdvertisedRouteCount":"2"}),
    );
    assert_eq!(
        serde_json::to_string(&p).unwrap(),
        r#"{"BgpPeerId":"bgp-1","PeerAsn":65001,"IsFake":true,"EnableBfd":true,"BfdMultiHop":3,"Hold":30,"AdvertisedRouteCount":2}"#
    );
    assert_eq!(
        serde_json::to_string(&Wire(&p)).unwrap(),
        r#"{"BgpPeerId":"bgp-1","PeerAsn":"65001","IsFake":true,"EnableBfd":true,"BfdMultiHop":3,"Hold":"30","AdvertisedRouteCount":2}"#
    );
    let g: BgpGroup = decode(json!({"IsFake":false,"LocalAsn":45104}));
    assert_eq!(
        serde_json::to_string(&Wire(&g)).unwrap(),
        r#"{"LocalAsn":"45104","IsFake":"false"}"#
    );
}
