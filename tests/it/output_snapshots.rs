//! Snapshots of the renderers (tables at 80 columns, the `vbr show` tree) on fixed data, and of the
//! JSON and tables of `region list`, `vbr list`, `vbr show` and `api` through the real binary
//! against the emulator. A change to any of them is a deliberate diff here.

use bgpeer::cli::OutputFormat;
use bgpeer::output::{render_list, render_one, render_vbr_view, Style};
use serde_json::{json, Value};

use crate::support::*;

fn at_80(format: OutputFormat) -> Style {
    Style {
        width: Some(80),
        ..Style::plain(format)
    }
}

fn groups() -> Vec<Value> {
    vec![
        json!({"BgpGroupId": "bgpg-bp1k25cyp26cllath0001", "Name": "core-dc1", "RouterId": "vbr-bp1ctxy813985gkuk0001",
               "PeerAsn": 65001, "LocalAsn": 45104, "IpVersion": "IPv4", "RouteLimit": 110, "Status": "Available",
               "AuthKey": "s3cret", "Description": "primary uplink to the Hangzhou data centre, cage 4, rack 12"}),
        json!({"BgpGroupId": "bgpg-bp1k25cyp26cllath0002", "Name": "backup", "RouterId": "vbr-bp1ctxy813985gkuk0001",
               "PeerAsn": 4200000001_u64, "LocalAsn": 4200000002_u64, "IpVersion": "IPv6", "RouteLimit": 110,
               "Status": "Pending", "AuthKey": "", "Description": ""}),
    ]
}

const GROUP_COLUMNS: &[&str] = &[
    "BgpGroupId",
    "Name",
    "RouterId",
    "PeerAsn",
    "LocalAsn",
    "IpVersion",
    "RouteLimit",
    "Status",
];

#[test]
fn group_table_too_wide_for_80_columns_is_expanded() {
    let out = render_list(&at_80(OutputFormat::Table), &groups(), GROUP_COLUMNS).unwrap();
    insta::assert_snapshot!(out);
}

fn peers() -> Vec<Value> {
    let peer = |n: u32, ip: &str, status: &str, bgp: &str, bfd: bool| {
        json!({"BgpPeerId": format!("bgp-m5eoyp2mwegk8ce9v000{n}"), "PeerIpAddress": ip, "Status": status,
               "BgpStatus": bgp, "EnableBfd": bfd, "AuthKey": "s3cret",
               "Description": "the long description of the group this peer belongs to, wrapped to fit"})
    };
    vec![
        peer(1, "10.0.0.2", "Available", "Established", true),
        peer(2, "10.0.0.6", "Modifying", "Connect", false),
        peer(3, "10.0.0.10", "Available", "Idle", true),
    ]
}

#[test]
fn peer_table_at_80_columns_fits_as_a_table() {
    let columns = &[
        "BgpPeerId",
        "PeerIpAddress",
        "Status",
        "BgpStatus",
        "EnableBfd",
    ];
    let out = render_list(&at_80(OutputFormat::Table), &peers(), columns).unwrap();
    insta::assert_snapshot!(out);
}

#[test]
fn peer_table_at_80_columns_wraps_text_not_ids() {
    let s = Style {
        fields: Some(vec![
            "BgpPeerId".into(),
            "Description".into(),
            "BgpStatus".into(),
        ]),
        ..at_80(OutputFormat::Table)
    };
    let out = render_list(&s, &peers(), &[]).unwrap();
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "wider than 80: {line}");
    }
    insta::assert_snapshot!(out);
}

#[test]
fn group_show_table_at_80_columns() {
    let out = render_one(&at_80(OutputFormat::Table), &groups()[0], GROUP_COLUMNS).unwrap();
    insta::assert_snapshot!(out);
}

#[test]
fn group_tsv_and_value() {
    let tsv = render_list(&Style::plain(OutputFormat::Tsv), &groups(), GROUP_COLUMNS).unwrap();
    let value = render_list(
        &Style {
            fields: Some(vec!["BgpGroupId".into(), "AuthKey".into()]),
            ..Style::plain(OutputFormat::Value)
        },
        &groups(),
        GROUP_COLUMNS,
    )
    .unwrap();
    insta::assert_snapshot!(format!("--- tsv\n{tsv}--- value\n{value}"));
}

fn vbr_view() -> Value {
    json!({
        "VbrId": "vbr-bp1ctxy813985gkuk0001", "Name": "office-dc", "Status": "active",
        "EnableIpv6": true, "VlanId": 100, "PhysicalConnectionId": "pc-bp1a2b3c4d5e6f0001",
        "LocalGatewayIp": "10.0.0.1", "PeerGatewayIp": "10.0.0.2", "PeeringSubnetMask": "255.255.255.252",
        "LocalIpv6GatewayIp": "2408:4004:cc:400::1", "PeerIpv6GatewayIp": "2408:4004:cc:400::2",
        "PeeringIpv6SubnetMask": "2408:4004:cc:400::/56",
        "BgpGroups": [
            {"BgpGroupId": "bgpg-bp1k25cyp26cllath0001", "Name": "core-dc1", "Status": "Available",
             "PeerAsn": 65001, "LocalAsn": 45104, "RouteLimit": 110, "AuthKey": "s3cret", "IpVersion": "IPv4",
             "IsFake": false,
             "BgpPeers": [
                {"BgpPeerId": "bgp-m5eoyp2mwegk8ce9v0001", "PeerIpAddress": "10.0.0.2", "Status": "Available",
                 "BgpStatus": "Established", "EnableBfd": true, "BfdMultiHop": 3, "AdvertisedRouteCount": 3,
                 "ReceivedRouteCount": 12},
                {"BgpPeerId": "bgp-m5eoyp2mwegk8ce9v0002", "PeerIpAddress": "10.0.0.6", "Status": "Modifying",
                 "BgpStatus": "Active", "EnableBfd": false, "BfdMultiHop": 0, "AdvertisedRouteCount": 0,
                 "ReceivedRouteCount": 0}
             ]},
            {"BgpGroupId": "bgpg-bp1k25cyp26cllath0002", "Name": "backup-v6", "Status": "Available",
             "PeerAsn": 4200000001_u64, "LocalAsn": 4200000002_u64, "RouteLimit": 110, "AuthKey": "",
             "IpVersion": "IPv6", "IsFake": true,
             "BgpPeers": [
                {"BgpPeerId": "bgp-m5eoyp2mwegk8ce9v0003", "PeerIpAddress": "2408:4004:cc:400::2",
                 "Status": "Available", "BgpStatus": "Idle", "EnableBfd": true, "BfdMultiHop": 255,
                 "AdvertisedRouteCount": 0, "ReceivedRouteCount": 0}
             ]},
            {"BgpGroupId": "bgpg-bp1k25cyp26cllath0003", "Name": "", "Status": "Pending",
             "PeerAsn": 65010, "LocalAsn": 45104, "RouteLimit": 50, "AuthKey": "x", "IpVersion": "IPv4",
             "BgpPeers": []}
        ],
        "BgpNetworks": [
            {"DstCidrBlock": "192.168.0.0/24", "VpcId": "vpc-bp1vpc0000000000001", "Status": "Available"},
            {"DstCidrBlock": "10.1.0.0/16", "VpcId": "", "Status": "Pending"}
        ]
    })
}

#[test]
fn vbr_show_tree_at_80_columns() {
    let out = render_vbr_view(&at_80(OutputFormat::Table), &vbr_view(), &["VbrId"]).unwrap();
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "wider than 80: {line}");
    }
    insta::assert_snapshot!(out);
}

#[test]
fn vbr_show_tree_of_an_empty_vbr() {
    let bare = json!({"VbrId": "vbr-bp1empty000000000001", "Status": "unconfirmed", "VlanId": 7,
                      "EnableIpv6": false, "BgpGroups": [], "BgpNetworks": []});
    let out = render_vbr_view(&at_80(OutputFormat::Table), &bare, &["VbrId"]).unwrap();
    insta::assert_snapshot!(out);
}

// ---------------------------------------------------------------------------------------------
// The commands, through the real binary against the emulator's seeded world.

const DEMO_VBR: &str = "vbr-bp1demo00000000000000";

/// Runs bgpeer in cn-hangzhou against `emu`; asserts success and returns stdout.
fn stdout_of(emu: &Emulator, args: &[&str]) -> String {
    let sb = Sandbox::new();
    let (code, out, err) = run(sb.cmd_at(emu).args(["--region", "cn-hangzhou"]).args(args));
    assert_eq!(code, 0, "bgpeer {args:?} failed:\n{err}");
    out
}

/// What changes from run to run: request IDs and modification times.
macro_rules! assert_stable_snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({filters => vec![
            (r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}", "[request-id]"),
            (r#""GmtModified": "[^"]*""#, r#""GmtModified": "[time]""#),
        ]}, {
            insta::assert_snapshot!($name, $value);
        });
    };
}

#[test]
fn command_region_list_json_and_table() {
    let emu = Emulator::start();
    assert_stable_snapshot!(
        "region_list_json",
        stdout_of(&emu, &["region", "list", "-o", "json"])
    );
    assert_stable_snapshot!(
        "region_list_table",
        stdout_of(&emu, &["region", "list", "-o", "table"])
    );
}

#[test]
fn command_vbr_list_json_and_table() {
    let emu = Emulator::start();
    assert_stable_snapshot!(
        "vbr_list_json",
        stdout_of(&emu, &["vbr", "list", "--vbr-id", DEMO_VBR, "-o", "json"])
    );
    assert_stable_snapshot!(
        "vbr_list_table",
        stdout_of(&emu, &["vbr", "list", "-o", "table"])
    );
}

#[test]
fn command_vbr_show_json_and_tree() {
    let emu = Emulator::start();
    assert_stable_snapshot!(
        "vbr_show_json",
        stdout_of(&emu, &["vbr", "show", DEMO_VBR, "-o", "json"])
    );
    assert_stable_snapshot!(
        "vbr_show_tree",
        stdout_of(&emu, &["vbr", "show", DEMO_VBR, "-o", "table"])
    );
}

#[test]
fn command_api_json() {
    let emu = Emulator::start();
    assert_stable_snapshot!(
        "api_describe_bgp_groups_json",
        stdout_of(
            &emu,
            &[
                "api",
                "DescribeBgpGroups",
                "--param",
                &format!("RouterId={DEMO_VBR}")
            ]
        )
    );
}
