//! Unit tests of every renderer on fixed data.

use serde_json::{json, Value};

use super::*;

fn peers() -> Vec<Value> {
    vec![
        json!({"BgpPeerId": "bgp-m5eoyp2mwegk8ce9v0001", "BgpGroupId": "bgpg-1", "PeerIpAddress": "10.0.0.2",
               "Status": "Available", "BgpStatus": "Established", "AuthKey": "s3cret", "EnableBfd": true,
               "BfdMultiHop": 3, "Description": "line one\nline\ttwo"}),
        json!({"BgpPeerId": "bgp-m5eoyp2mwegk8ce9v0002", "BgpGroupId": "bgpg-1", "PeerIpAddress": "10.0.0.6",
               "Status": "Pending", "BgpStatus": "Idle", "AuthKey": "", "EnableBfd": false,
               "BfdMultiHop": 0, "Description": ""}),
    ]
}

const COLUMNS: &[&str] = &["BgpPeerId", "PeerIpAddress", "Status", "BgpStatus"];

fn style(format: OutputFormat) -> Style {
    Style::plain(format)
}

fn with_fields(format: OutputFormat, fields: &[&str]) -> Style {
    Style {
        fields: Some(fields.iter().map(|s| s.to_string()).collect()),
        ..Style::plain(format)
    }
}

#[test]
fn json_list_is_one_pretty_array_with_the_api_names_and_masked_keys() {
    let out = render_list(&style(OutputFormat::Json), &peers(), COLUMNS).unwrap();
    assert!(out.starts_with("[\n  {\n    \"BgpPeerId\""), "{out}");
    assert!(out.ends_with("]\n"));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["AuthKey"], "****");
    assert_eq!(v[1]["AuthKey"], "");
    assert_eq!(v[0]["BfdMultiHop"], 3);
    assert_eq!(v[0]["EnableBfd"], true);
    assert!(!out.contains("s3cret"));
}

#[test]
fn show_secrets_prints_the_auth_key() {
    let s = Style {
        show_secrets: true,
        ..style(OutputFormat::Json)
    };
    let out = render_list(&s, &peers(), COLUMNS).unwrap();
    assert!(out.contains("\"AuthKey\": \"s3cret\""), "{out}");
}

#[test]
fn auth_key_is_masked_in_every_format() {
    for format in [
        OutputFormat::Table,
        OutputFormat::Json,
        OutputFormat::Ndjson,
        OutputFormat::Tsv,
        OutputFormat::Value,
    ] {
        let s = with_fields(format, &["BgpPeerId", "AuthKey"]);
        let list = render_list(&s, &peers(), COLUMNS).unwrap();
        let one = render_one(&s, &peers()[0], COLUMNS).unwrap();
        for out in [&list, &one] {
            assert!(!out.contains("s3cret"), "{format:?}: {out}");
            assert!(out.contains("****"), "{format:?}: {out}");
        }
    }
}

#[test]
fn ndjson_prints_one_compact_object_per_line() {
    let out = render_list(&style(OutputFormat::Ndjson), &peers(), COLUMNS).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    for (line, id) in lines.iter().zip(["0001", "0002"]) {
        let v: Value = serde_json::from_str(line).unwrap();
        assert!(v["BgpPeerId"].as_str().unwrap().ends_with(id));
    }
    let one = render_one(&style(OutputFormat::Ndjson), &peers()[0], COLUMNS).unwrap();
    assert_eq!(one.lines().count(), 1);
}

#[test]
fn tsv_has_a_header_and_escapes_tabs_and_newlines() {
    let s = with_fields(
        OutputFormat::Tsv,
        &["BgpPeerId", "Description", "EnableBfd"],
    );
    let out = render_list(&s, &peers(), COLUMNS).unwrap();
    assert_eq!(
        out,
        "BgpPeerId\tDescription\tEnableBfd\n\
         bgp-m5eoyp2mwegk8ce9v0001\tline one\\nline\\ttwo\ttrue\n\
         bgp-m5eoyp2mwegk8ce9v0002\t\tfalse\n"
    );
}

#[test]
fn tsv_uses_the_default_columns() {
    let out = render_list(&style(OutputFormat::Tsv), &peers(), COLUMNS).unwrap();
    assert_eq!(
        out.lines().next().unwrap(),
        "BgpPeerId\tPeerIpAddress\tStatus\tBgpStatus"
    );
    assert_eq!(out.lines().count(), 3);
}

#[test]
fn value_prints_bare_values_one_per_line() {
    let s = with_fields(OutputFormat::Value, &["BgpPeerId"]);
    let out = render_list(&s, &peers(), COLUMNS).unwrap();
    assert_eq!(
        out,
        "bgp-m5eoyp2mwegk8ce9v0001\nbgp-m5eoyp2mwegk8ce9v0002\n"
    );
    let one = render_one(
        &with_fields(OutputFormat::Value, &["bfdmultihop"]),
        &peers()[0],
        COLUMNS,
    )
    .unwrap();
    assert_eq!(one, "3\n");
}

#[test]
fn value_with_several_fields_is_tab_separated_per_item() {
    let s = with_fields(
        OutputFormat::Value,
        &["PeerIpAddress", "BgpStatus", "Description"],
    );
    let out = render_list(&s, &peers(), COLUMNS).unwrap();
    assert_eq!(
        out,
        "10.0.0.2\tEstablished\tline one\\nline\\ttwo\n10.0.0.6\tIdle\t\n"
    );
}

#[test]
fn unknown_fields_are_rejected_in_table_tsv_and_value() {
    for format in [OutputFormat::Table, OutputFormat::Tsv, OutputFormat::Value] {
        let s = with_fields(format, &["BgpPeerId", "PeerIp"]);
        let err = render_list(&s, &peers(), COLUMNS).unwrap_err();
        assert_eq!(err.to_string(), "unknown field \"PeerIp\" in --fields");
        let err = render_one(&s, &peers()[0], COLUMNS).unwrap_err();
        assert!(crate::exit::Diagnose::hint(&err)
            .unwrap()
            .contains("PeerIpAddress"));
    }
}

#[test]
fn none_prints_nothing() {
    let s = with_fields(OutputFormat::None, &["Nope"]);
    assert_eq!(render_list(&s, &peers(), COLUMNS).unwrap(), "");
    assert_eq!(render_one(&s, &peers()[0], COLUMNS).unwrap(), "");
}

#[test]
fn empty_lists_render_per_format() {
    assert_eq!(
        render_list(&style(OutputFormat::Json), &[], COLUMNS).unwrap(),
        "[]\n"
    );
    assert_eq!(
        render_list(&style(OutputFormat::Ndjson), &[], COLUMNS).unwrap(),
        ""
    );
    assert_eq!(
        render_list(&style(OutputFormat::Table), &[], COLUMNS).unwrap(),
        ""
    );
    assert_eq!(
        render_list(&style(OutputFormat::Value), &[], COLUMNS).unwrap(),
        ""
    );
    assert_eq!(
        render_list(&style(OutputFormat::Tsv), &[], COLUMNS).unwrap(),
        "BgpPeerId\tPeerIpAddress\tStatus\tBgpStatus\n"
    );
}

#[test]
fn tables_fit_the_width_they_are_given() {
    let long = json!({"BgpPeerId": "bgp-1", "Description": "word ".repeat(60), "PeerIpAddress": "2408:4004:1000:2000:3000:4000:5000:6000", "Status": "Available"});
    let s = Style {
        width: Some(80),
        fields: Some(vec![
            "BgpPeerId".into(),
            "PeerIpAddress".into(),
            "Description".into(),
            "Status".into(),
        ]),
        ..style(OutputFormat::Table)
    };
    let out = render_list(&s, std::slice::from_ref(&long), COLUMNS).unwrap();
    assert!(
        out.lines().count() > 3,
        "the description should wrap:\n{out}"
    );
    for line in out.lines() {
        assert!(
            line.chars().count() <= 80,
            "{} chars: {line}",
            line.chars().count()
        );
    }
    let out = render_one(&Style { fields: None, ..s }, &long, COLUMNS).unwrap();
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
}

#[test]
fn tables_are_coloured_only_when_asked() {
    let plain = render_list(&style(OutputFormat::Table), &peers(), COLUMNS).unwrap();
    assert!(!plain.contains('\x1b'), "{plain}");
    let s = Style {
        color: true,
        ..style(OutputFormat::Table)
    };
    let coloured = render_list(&s, &peers(), COLUMNS).unwrap();
    assert!(
        coloured.contains("\x1b[38;5;10mEstablished\x1b[39m"),
        "{coloured:?}"
    );
    assert!(coloured.contains("\x1b[38;5;9mIdle\x1b[39m"));
    // Colour never changes the layout: without the escapes it is the plain table.
    let stripped = coloured
        .replace("\x1b[1m", "")
        .replace("\x1b[0m", "")
        .replace("\x1b[39m", "")
        .replace("\x1b[38;5;10m", "")
        .replace("\x1b[38;5;11m", "")
        .replace("\x1b[38;5;9m", "");
    assert_eq!(stripped, plain);
}

#[test]
fn table_show_lists_every_field_defaults_first() {
    let out = render_one(&style(OutputFormat::Table), &peers()[0], &["PeerIpAddress"]).unwrap();
    let first: Vec<&str> = out
        .lines()
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    assert_eq!(first[0], "PeerIpAddress");
    assert!(first.contains(&"GmtModified") || first.contains(&"BfdMultiHop"));
    assert!(out.contains("AuthKey        ****"), "{out}");
}

#[test]
fn table_cells_cannot_carry_escape_sequences() {
    let evil = json!({"Name": "x\u{1b}[2Jy"});
    let out = render_list(&style(OutputFormat::Table), &[evil], &["Name"]).unwrap();
    assert!(!out.contains('\x1b'), "{out:?}");
}

fn vbr() -> Value {
    json!({
        "VbrId": "vbr-bp1ctxy813985gkuk0001", "Name": "office-dc", "Status": "active",
        "EnableIpv6": true, "VlanId": 100, "PhysicalConnectionId": "pc-bp1a2b3c4d5e6f0001",
        "LocalGatewayIp": "10.0.0.1", "PeerGatewayIp": "10.0.0.2", "PeeringSubnetMask": "255.255.255.252",
        "LocalIpv6GatewayIp": "2408:4004::1", "PeerIpv6GatewayIp": "2408:4004::2", "PeeringIpv6SubnetMask": "2408:4004::/126",
        "BgpGroups": [
            {"BgpGroupId": "bgpg-bp1k25cyp26cllath0001", "Name": "core", "Status": "Available",
             "PeerAsn": 65001, "LocalAsn": 45104, "RouteLimit": 110, "AuthKey": "s3cret", "IpVersion": "IPv4", "IsFake": false,
             "BgpPeers": [
                {"BgpPeerId": "bgp-m5eoyp2mwegk8ce9v0001", "PeerIpAddress": "10.0.0.2", "Status": "Available",
                 "BgpStatus": "Established", "EnableBfd": true, "BfdMultiHop": 3, "AdvertisedRouteCount": 3,
                 "ReceivedRouteCount": 12, "AuthKey": "s3cret"},
                {"BgpPeerId": "bgp-m5eoyp2mwegk8ce9v0002", "PeerIpAddress": "10.0.0.6", "Status": "Available",
                 "BgpStatus": "Idle", "EnableBfd": false, "BfdMultiHop": 0, "AdvertisedRouteCount": 0,
                 "ReceivedRouteCount": 0, "AuthKey": "s3cret"}
             ]},
            {"BgpGroupId": "bgpg-bp1k25cyp26cllath0002", "Name": "", "Status": "Pending",
             "PeerAsn": 4200000001_u64, "LocalAsn": 4200000002_u64, "RouteLimit": 110, "AuthKey": "", "IpVersion": "IPv6",
             "IsFake": true, "BgpPeers": []}
        ],
        "BgpNetworks": [
            {"DstCidrBlock": "192.168.0.0/24", "VpcId": "vpc-bp1vpc0001", "Status": "Available", "RouterId": "vbr-bp1ctxy813985gkuk0001"},
            {"DstCidrBlock": "10.1.0.0/16", "VpcId": "", "Status": "Pending", "RouterId": "vbr-bp1ctxy813985gkuk0001"}
        ]
    })
}

fn vbr_tree(s: &Style) -> String {
    render_vbr_view(s, &vbr(), &["VbrId"]).unwrap()
}

#[test]
fn vbr_view_with_fields_shows_those_vbr_fields() {
    let s = with_fields(OutputFormat::Table, &["VbrId", "vlanid"]);
    assert_eq!(
        vbr_tree(&s),
        "VbrId   vbr-bp1ctxy813985gkuk0001\nVlanId  100\n"
    );
    let err =
        render_vbr_view(&with_fields(OutputFormat::Table, &["Vlan"]), &vbr(), &[]).unwrap_err();
    assert!(err.to_string().contains("unknown field"));
}

#[test]
fn vbr_tree_shows_groups_peers_and_networks_with_keys_masked() {
    let s = Style {
        width: Some(80),
        ..style(OutputFormat::Table)
    };
    let out = vbr_tree(&s);
    assert!(!out.contains("s3cret"), "{out}");
    assert!(!out.contains('\x1b'));
    for needle in [
        "vbr-bp1ctxy813985gkuk0001  office-dc  active",
        "VLAN 100  IPv6 enabled",
        "IPv4 gateway  local 10.0.0.1  peer 10.0.0.2  mask 255.255.255.252",
        "├─ bgpg-bp1k25cyp26cllath0001  core  Available",
        "peer AS 65001  local AS 45104  IPv4  route limit 110  AuthKey ****",
        "│  ├─ bgp-m5eoyp2mwegk8ce9v0001  10.0.0.2  Established",
        "Available  BFD on, multi-hop 3  routes advertised 3, received 12",
        "│  └─ bgp-m5eoyp2mwegk8ce9v0002  10.0.0.6  Idle",
        "BFD off  routes advertised 0, received 0",
        "└─ bgpg-bp1k25cyp26cllath0002  Pending",
        "fake ASN",
        "AuthKey (none)",
        "(no peers)",
        "BGP networks (2)",
        "├─ 192.168.0.0/24  vpc-bp1vpc0001  Available",
        "└─ 10.1.0.0/16  Pending",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
}

#[test]
fn vbr_tree_wraps_under_narrow_widths() {
    let s = Style {
        width: Some(40),
        ..style(OutputFormat::Table)
    };
    let out = vbr_tree(&s);
    for line in out.lines() {
        assert!(line.chars().count() <= 40, "too wide: {line}");
    }
}

#[test]
fn vbr_tree_colours_sessions_by_health() {
    let s = Style {
        color: true,
        ..style(OutputFormat::Table)
    };
    let out = vbr_tree(&s);
    assert!(out.contains("\x1b[32mEstablished\x1b[0m"), "{out:?}");
    assert!(out.contains("\x1b[31mIdle\x1b[0m"));
    assert!(out.contains("\x1b[33mPending\x1b[0m"));
}

#[test]
fn vbr_view_json_is_the_nested_object_masked() {
    let out = vbr_tree(&style(OutputFormat::Json));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["BgpGroups"][0]["AuthKey"], "****");
    assert_eq!(v["BgpGroups"][0]["BgpPeers"][1]["AuthKey"], "****");
    assert_eq!(v["BgpGroups"][1]["AuthKey"], "");
    assert_eq!(v["BgpNetworks"].as_array().unwrap().len(), 2);
}

#[test]
fn streamed_json_arrays_are_byte_for_byte_serde_pretty_arrays() {
    let items = [
        json!({"A": "line\none", "Nested": {"Empty": {}, "List": [1, [], {"K": null}]}, "E": []}),
        json!("a bare string"),
        json!({}),
        json!([{"X": 1.5}, "y"]),
    ];
    for n in 0..=items.len() {
        let slice = items[..n].to_vec();
        let mut out = Vec::new();
        write_json_array(&mut out, slice.clone().into_iter()).unwrap();
        let expected = serde_json::to_string_pretty(&Value::Array(slice)).unwrap() + "\n";
        assert_eq!(String::from_utf8(out).unwrap(), expected, "{n} items");
    }
}
