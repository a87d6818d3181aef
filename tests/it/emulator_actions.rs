//! The emulator's BGP semantics, called directly on `World::seeded()` (pure and fast): every
//! documented error code (one test per code, or one case of a table where a single request shows
//! it), the lifecycle, ClientToken, paging and filters, the SDK value types, and a property test
//! throwing hostile parameter sets at every action.

use std::time::Duration;

use bgpeer::emulator::actions::{self, ActionRequest, EmuError, Params};
use bgpeer::emulator::world::World;
use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use serde_json::Value;

const SH: &str = "cn-shanghai";
const HZ: &str = "cn-hangzhou";

fn special(word: &str) -> String {
    let mut body = format!("bp1{word}");
    while body.len() < 21 {
        body.push('0');
    }
    format!("vbr-{body}")
}

const DEMO_GROUP: &str = "bgpg-bp1demo00000000000000";
const DEMO_PEER: &str = "bgp-bp1demo00000000000001";
const NANJING_VBR: &str = "vbr-nj1noipv6region000000";

struct Emu {
    world: World,
    now: DateTime<Utc>,
    settle: Duration,
}

impl Emu {
    fn new() -> Emu {
        Emu {
            world: World::seeded(),
            now: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            settle: Duration::ZERO,
        }
    }

    fn with_settle(ms: u64) -> Emu {
        Emu {
            settle: Duration::from_millis(ms),
            ..Emu::new()
        }
    }

    fn advance(&mut self, ms: i64) {
        self.now += chrono::Duration::milliseconds(ms);
    }

    fn call(&mut self, action: &str, params: &[(&str, &str)]) -> Result<Value, EmuError> {
        let params = Params {
            pairs: params
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        };
        let req = ActionRequest {
            action,
            params: &params,
            now: self.now,
            settle: self.settle,
            request_id: "00000000-0000-0000-0000-000000000000",
            sessions: &[],
        };
        if actions::is_read_only(action) {
            actions::read(&self.world, &req)
        } else {
            actions::write(&mut self.world, &req)
        }
    }

    fn ok(&mut self, action: &str, params: &[(&str, &str)]) -> Value {
        match self.call(action, params) {
            Ok(v) => v,
            Err(e) => panic!("{action} {params:?} failed: {e:?}"),
        }
    }

    fn err(&mut self, action: &str, params: &[(&str, &str)]) -> EmuError {
        match self.call(action, params) {
            Ok(v) => panic!("{action} {params:?} succeeded: {v}"),
            Err(e) => e,
        }
    }

    /// A plain cn-shanghai pool VBR, IPv6-enabled or not.
    fn pool_vbr(&self, ipv6: bool, skip: usize) -> String {
        self.world
            .vbrs
            .values()
            .filter(|v| v.region_id == SH && v.attrs.enable_ipv6 == ipv6)
            .nth(skip)
            .map(|v| v.attrs.vbr_id.clone())
            .expect("pool VBR")
    }

    fn group(&mut self, region: &str, vbr: &str, extra: &[(&str, &str)]) -> String {
        let mut p = vec![
            ("RegionId", region),
            ("RouterId", vbr),
            ("PeerAsn", "65001"),
        ];
        p.extend_from_slice(extra);
        let body = self.ok("CreateBgpGroup", &p);
        body["BgpGroupId"].as_str().unwrap().to_string()
    }

    fn peer(&mut self, region: &str, group: &str, extra: &[(&str, &str)]) -> String {
        let mut p = vec![("RegionId", region), ("BgpGroupId", group)];
        p.extend_from_slice(extra);
        let body = self.ok("CreateBgpPeer", &p);
        body["BgpPeerId"].as_str().unwrap().to_string()
    }

    fn peer_err(&mut self, region: &str, group: &str, extra: &[(&str, &str)]) -> EmuError {
        let mut p = vec![("RegionId", region), ("BgpGroupId", group)];
        p.extend_from_slice(extra);
        self.err("CreateBgpPeer", &p)
    }
}

/// (action, parameters, what the answer names).
type Case<'a, P> = (&'a str, P, &'a str);

#[track_caller]
fn assert_err(e: &EmuError, status: u16, code: &str, message: &str) {
    assert_eq!(
        (e.status, e.code.as_str(), e.message.as_str()),
        (status, code, message),
        "{e:?}"
    );
}

// --- gateway-level parameter errors -----------------------------------------------------------

#[test]
fn missing_parameter() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let e = emu.err("CreateBgpGroup", &[("RegionId", SH), ("PeerAsn", "65001")]);
    assert_err(
        &e,
        400,
        "MissingRouterId",
        "RouterId is mandatory for this action.",
    );
    let e = emu.err(
        "CreateBgpGroup",
        &[("RouterId", &vbr), ("PeerAsn", "65001")],
    );
    assert_err(
        &e,
        400,
        "MissingRegionId",
        "RegionId is mandatory for this action.",
    );
    let e = emu.err("CreateBgpGroup", &[("RegionId", SH), ("RouterId", &vbr)]);
    assert_err(
        &e,
        400,
        "MissingPeerAsn",
        "PeerAsn is mandatory for this action.",
    );
    let e = emu.err("DescribeBgpPeers", &[]);
    assert_err(
        &e,
        400,
        "MissingRegionId",
        "RegionId is mandatory for this action.",
    );
    let e = emu.err("CreateBgpPeer", &[("RegionId", SH)]);
    assert_err(
        &e,
        400,
        "MissingBgpGroupId",
        "BgpGroupId is mandatory for this action.",
    );
    let e = emu.err("DeleteBgpPeer", &[("RegionId", SH)]);
    assert_err(
        &e,
        400,
        "MissingBgpPeerId",
        "BgpPeerId is mandatory for this action.",
    );
    let e = emu.err("AddBgpNetwork", &[("RegionId", SH), ("RouterId", &vbr)]);
    assert_err(
        &e,
        400,
        "MissingDstCidrBlock",
        "DstCidrBlock is mandatory for this action.",
    );
    assert!(emu.call("DescribeRegions", &[]).is_ok());
}

#[test]
fn invalid_parameter() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let cases: &[Case<Vec<(&str, &str)>>] = &[
        (
            "CreateBgpGroup",
            vec![("RegionId", SH), ("RouterId", &vbr), ("PeerAsn", "AS65001")],
            "PeerAsn",
        ),
        (
            "CreateBgpGroup",
            vec![
                ("RegionId", SH),
                ("RouterId", &vbr),
                ("PeerAsn", "99999999999999999999999"),
            ],
            "PeerAsn",
        ),
        (
            "CreateBgpGroup",
            vec![
                ("RegionId", SH),
                ("RouterId", &vbr),
                ("PeerAsn", "65001"),
                ("IsFakeAsn", "yes"),
            ],
            "IsFakeAsn",
        ),
        (
            "CreateBgpGroup",
            vec![
                ("RegionId", SH),
                ("RouterId", &vbr),
                ("PeerAsn", "65001"),
                ("RouteQuota", "0"),
            ],
            "RouteQuota",
        ),
        (
            "DescribeBgpPeers",
            vec![("RegionId", SH), ("PageSize", "51")],
            "PageSize",
        ),
        (
            "DescribeBgpPeers",
            vec![("RegionId", SH), ("PageSize", "0")],
            "PageSize",
        ),
        (
            "DescribeBgpGroups",
            vec![("RegionId", SH), ("PageNumber", "0")],
            "PageNumber",
        ),
        (
            "DescribeBgpNetworks",
            vec![("RegionId", SH), ("PageNumber", "-3")],
            "PageNumber",
        ),
        (
            "DescribeVirtualBorderRouters",
            vec![("RegionId", SH), ("Filter.1.Key", "Colour")],
            "Filter.1.Key",
        ),
    ];
    for (action, params, name) in cases {
        let e = emu.err(action, params);
        let message = format!("The specified parameter \"{name}\" is not valid.");
        assert_err(&e, 400, "InvalidParameter", &message);
    }
    let long_token = "t".repeat(65);
    let e = emu.err(
        "CreateBgpGroup",
        &[
            ("RegionId", SH),
            ("RouterId", &vbr),
            ("PeerAsn", "65001"),
            ("ClientToken", &long_token),
        ],
    );
    assert_err(
        &e,
        400,
        "InvalidParameter",
        "The specified parameter \"ClientToken\" is not valid.",
    );
}

#[test]
fn invalid_region_id_not_found() {
    let mut emu = Emu::new();
    let records = "The specified RegionId does not exist in our records.";
    let unsupported = "Specified value of \"regionId\" is not supported.";
    let cases: &[Case<&[(&str, &str)]>] = &[
        (
            "CreateBgpGroup",
            &[("RouterId", "vbr-x"), ("PeerAsn", "65001")],
            "The specified RegionId is not found.",
        ),
        ("DescribeBgpGroups", &[], records),
        (
            "ModifyBgpGroupAttribute",
            &[("BgpGroupId", DEMO_GROUP)],
            unsupported,
        ),
        ("DeleteBgpGroup", &[("BgpGroupId", DEMO_GROUP)], unsupported),
        ("CreateBgpPeer", &[("BgpGroupId", DEMO_GROUP)], unsupported),
        ("DescribeBgpPeers", &[], records),
        (
            "ModifyBgpPeerAttribute",
            &[("BgpPeerId", DEMO_PEER)],
            records,
        ),
        ("DeleteBgpPeer", &[("BgpPeerId", DEMO_PEER)], unsupported),
        (
            "AddBgpNetwork",
            &[("RouterId", "vbr-x"), ("DstCidrBlock", "10.0.0.0/24")],
            records,
        ),
        ("DescribeBgpNetworks", &[], records),
        (
            "DeleteBgpNetwork",
            &[("RouterId", "vbr-x"), ("DstCidrBlock", "10.0.0.0/24")],
            unsupported,
        ),
        ("DescribeVirtualBorderRouters", &[], records),
    ];
    for (action, params, message) in cases {
        for region in ["cn-atlantis", ""] {
            let mut p = vec![("RegionId", region)];
            p.extend_from_slice(params);
            let e = emu.err(action, &p);
            assert_err(&e, 404, "InvalidRegionId.NotFound", message);
        }
    }
}

#[test]
fn invalid_action_not_found() {
    let mut emu = Emu::new();
    let e = emu.err("DescribeBgpRoutes", &[("RegionId", SH)]);
    assert_err(
        &e,
        404,
        "InvalidAction.NotFound",
        "Specified api is not found, please check your url and method.",
    );
    let e = emu.err("ResetBgpPeer", &[("RegionId", SH)]);
    assert_eq!(e.code, "InvalidAction.NotFound");
    // read() never mutates: a write action there is not found either.
    let params = Params::default();
    let req = ActionRequest {
        action: "CreateBgpGroup",
        params: &params,
        now: emu.now,
        settle: Duration::ZERO,
        request_id: "r",
        sessions: &[],
    };
    assert_eq!(
        actions::read(&emu.world, &req).unwrap_err().code,
        "InvalidAction.NotFound"
    );
}

// --- quotas -------------------------------------------------------------------------------------

#[test]
fn quota_exceeded_bgp() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let group = emu.group(SH, &vbr, &[]);
    for i in 0..8 {
        let ip = format!("198.51.100.{}", i + 1);
        emu.peer(SH, &group, &[("PeerIpAddress", &ip)]);
    }
    let e = emu.peer_err(SH, &group, &[("PeerIpAddress", "198.51.100.99")]);
    assert_err(
        &e,
        400,
        "QuotaExceeded.Bgp",
        "bgp peer count per vbr quota exceed.",
    );

    let vbr2 = emu.pool_vbr(false, 1);
    for _ in 0..8 {
        emu.group(SH, &vbr2, &[]);
    }
    let e = emu.err(
        "CreateBgpGroup",
        &[("RegionId", SH), ("RouterId", &vbr2), ("PeerAsn", "65001")],
    );
    assert_err(
        &e,
        400,
        "QuotaExceeded.Bgp",
        "bgp group count per vbr quota exceed.",
    );
}

#[test]
fn quota_exceeded_bgp_network() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    for i in 0..50 {
        let cidr = format!("10.1.{i}.0/24");
        emu.ok(
            "AddBgpNetwork",
            &[
                ("RegionId", SH),
                ("RouterId", &vbr),
                ("DstCidrBlock", &cidr),
            ],
        );
    }
    let e = emu.err(
        "AddBgpNetwork",
        &[
            ("RegionId", SH),
            ("RouterId", &vbr),
            ("DstCidrBlock", "10.2.0.0/24"),
        ],
    );
    assert_err(
        &e,
        400,
        "QuotaExceeded.BgpNetwork",
        "bgp network count per vbr quota exceed.",
    );
}

#[test]
fn quota_exceeded_bfd_session() {
    let mut emu = Emu::new();
    let group = emu.group(HZ, &special("bfdquota"), &[]);
    let e = emu.peer_err(
        HZ,
        &group,
        &[("PeerIpAddress", "198.51.100.1"), ("EnableBfd", "true")],
    );
    assert_err(
        &e,
        400,
        "QuotaExceeded.BfdSession",
        "Your Bfd Session number reaches the upper limit.",
    );
    // Without BFD the same VBR takes the peer.
    emu.peer(HZ, &group, &[("PeerIpAddress", "198.51.100.1")]);

    let group = emu.group(HZ, &special("bfddevicefull"), &[]);
    let e = emu.peer_err(
        HZ,
        &group,
        &[("PeerIpAddress", "198.51.100.1"), ("EnableBfd", "true")],
    );
    assert_err(
        &e,
        400,
        "QuotaExceeded.BfdSession",
        "The Bfd Session on device reaches the upper limit.",
    );
}

// --- VBR traits -------------------------------------------------------------------------------

/// The error of a request that must fail; a success panics naming the case.
fn refused(emu: &mut Emu, case: &str, action: &str, params: &[(&str, &str)]) -> EmuError {
    match emu.call(action, params) {
        Ok(v) => panic!("{case}: {action} {params:?} succeeded: {v}"),
        Err(e) => e,
    }
}

#[track_caller]
fn assert_case_err(case: &str, e: &EmuError, status: u16, code: &str, message: &str) {
    assert_eq!(
        (e.status, e.code.as_str(), e.message.as_str()),
        (status, code, message),
        "{case}: {e:?}"
    );
}

/// Each seeded VBR with one of these traits takes a group and refuses its first peer with the
/// documented error (case names are the error codes).
#[test]
fn vbr_traits_refuse_the_first_peer() {
    type Row<'a> = (
        &'a str,
        &'a str,
        &'a [(&'a str, &'a str)],
        &'a str,
        &'a str,
        &'a str,
    );
    // (case, VBR trait, group parameters, PeerIpAddress, code, message)
    let cases: &[Row] = &[
        (
            "quota_exceeded_nqa",
            "nqafull",
            &[],
            "198.51.100.1",
            "QuotaExceeded.Nqa",
            "nqa count per vbr quota exceed.",
        ),
        (
            "invalid_access_device_id_not_found",
            "nodevice",
            &[],
            "198.51.100.1",
            "InvalidAccessDeviceId.NotFound",
            "There is no Access_Device_Id in our records",
        ),
        (
            "illegal_param_local_gateway_ip_and_mask",
            "badgateway",
            &[],
            "198.51.100.1",
            "IllegalParam.LocalGatewayIpAndMask",
            "The LocalGatewayIpAndMask value is invalid.",
        ),
        (
            "illegal_param_peering_ipv6_subnet_mask",
            "badipv6mask",
            &[("IpVersion", "IPv6")],
            "2001:db8::2",
            "IllegalParam.PeeringIpv6SubnetMask",
            "The PeeringIpv6SubnetMask value is invalid.",
        ),
    ];
    for &(case, word, group_params, peer_ip, code, message) in cases {
        let mut emu = Emu::new();
        let vbr = special(word);
        let mut p = vec![("RegionId", HZ), ("RouterId", &vbr), ("PeerAsn", "65001")];
        p.extend_from_slice(group_params);
        let group = emu
            .call("CreateBgpGroup", &p)
            .unwrap_or_else(|e| panic!("{case}: CreateBgpGroup {p:?} failed: {e:?}"));
        let group = group["BgpGroupId"].as_str().unwrap();
        let e = refused(
            &mut emu,
            case,
            "CreateBgpPeer",
            &[
                ("RegionId", HZ),
                ("BgpGroupId", group),
                ("PeerIpAddress", peer_ip),
            ],
        );
        assert_case_err(case, &e, 400, code, message);
    }
}

/// Single requests on the seeded world, each refused with its documented error (case names are
/// the error codes).
#[test]
fn single_requests_refused_with_their_documented_error() {
    let busy = special("busy");
    let norouterif = special("norouterif");
    let dualstack = special("dualstack");
    type Row<'a> = (
        &'a str,
        &'a str,
        Vec<(&'a str, &'a str)>,
        u16,
        &'a str,
        &'a str,
    );
    // (case, action, parameters, HTTP status, code, message)
    let cases: Vec<Row> = vec![
        (
            "operation_conflict",
            "CreateBgpGroup",
            vec![("RegionId", HZ), ("RouterId", &busy), ("PeerAsn", "65001")],
            400,
            "OperationConflict",
            "The operation conflicts with another operation in progress on the vbr, please try again later.",
        ),
        (
            "operation_failed_no_active_router_interface",
            "AddBgpNetwork",
            vec![
                ("RegionId", HZ),
                ("RouterId", &norouterif),
                ("DstCidrBlock", "10.9.0.0/24"),
            ],
            400,
            "OperationFailed.NoActiveRouterInterface",
            "there's not active routerInterface,cannot add bgp network.",
        ),
        (
            "invalid_ip_in_snat_pool",
            "AddBgpNetwork",
            vec![
                ("RegionId", HZ),
                ("RouterId", &dualstack),
                ("DstCidrBlock", "47.98.10.0/29"),
            ],
            400,
            "InvalidIP.IpInSnatPool",
            "Multi ip in snat pool cannot remove ip from bandwidth package.",
        ),
        (
            "invalid_resource_not_found",
            "DescribeBgpNetworks",
            vec![("RegionId", SH), ("RouterId", "vbr-uf6doesnotexist000000")],
            404,
            "InvalidResource.NotFound",
            "The specified resource is not found.",
        ),
        (
            "invalid_bgp_discription_malformed",
            "ModifyBgpGroupAttribute",
            vec![
                ("RegionId", HZ),
                ("BgpGroupId", DEMO_GROUP),
                ("Description", "https://evil"),
            ],
            400,
            "InvalidBgpDiscription.Malformed",
            "Specified Bgp Group description is not valid.",
        ),
    ];
    for (case, action, params, status, code, message) in &cases {
        let mut emu = Emu::new();
        let e = refused(&mut emu, case, action, params);
        assert_case_err(case, &e, *status, code, message);
    }
}

#[test]
fn invalid_peer_ip_address() {
    let mut emu = Emu::new();
    let group = emu.group(HZ, &special("multipconn"), &[]);
    let e = emu.peer_err(HZ, &group, &[]);
    assert_err(
        &e,
        400,
        "InvalidPeerIpAddress",
        "multi pconn peer ip can not be null.",
    );
    emu.peer(HZ, &group, &[("PeerIpAddress", "198.51.100.1")]);
}

#[test]
fn invalid_params_peer_ip_address_must_point_out() {
    let mut emu = Emu::new();
    for word in ["multisubif", "nosubif"] {
        let group = emu.group(HZ, &special(word), &[]);
        let e = emu.peer_err(HZ, &group, &[]);
        assert_err(
            &e,
            400,
            "InvalidParams.PeerIpAddressMustPointOut",
            "vbr has 0 or more than 1 subif ,point out peerIpAddress.",
        );
        emu.peer(HZ, &group, &[("PeerIpAddress", "198.51.100.1")]);
    }
}

#[test]
fn operation_failed_pconn_traffic_not_enable() {
    let mut emu = Emu::new();
    let vbr = special("nobilling");
    let msg = "The operation is failed because of PconnTrafficNotEnable.";
    let e = emu.err(
        "CreateBgpGroup",
        &[("RegionId", HZ), ("RouterId", &vbr), ("PeerAsn", "65001")],
    );
    assert_err(&e, 400, "OperationFailed.PconnTrafficNotEnable", msg);
    let e = emu.err(
        "AddBgpNetwork",
        &[
            ("RegionId", HZ),
            ("RouterId", &vbr),
            ("DstCidrBlock", "10.9.0.0/24"),
        ],
    );
    assert_err(&e, 400, "OperationFailed.PconnTrafficNotEnable", msg);
}

#[test]
fn operation_unsupport() {
    let mut emu = Emu::new();
    let vbr = special("fixedasn");
    let e = emu.err(
        "CreateBgpGroup",
        &[
            ("RegionId", HZ),
            ("RouterId", &vbr),
            ("PeerAsn", "65001"),
            ("LocalAsn", "64600"),
        ],
    );
    assert_err(
        &e,
        400,
        "OperationUnsupport",
        "Operation is unsupport, not in vbr support custom local asn white list.",
    );
    // The default ASN is fine there, and a modify to a custom one is refused the same way.
    let group = emu.group(HZ, &vbr, &[("LocalAsn", "45104")]);
    let e = emu.err(
        "ModifyBgpGroupAttribute",
        &[
            ("RegionId", HZ),
            ("BgpGroupId", &group),
            ("LocalAsn", "64600"),
        ],
    );
    assert_eq!(e.code, "OperationUnsupport");
}

#[test]
fn unsupported_feature_vpconn() {
    let mut emu = Emu::new();
    let group = emu.group(HZ, &special("vpconn"), &[]);
    let e = emu.peer_err(
        HZ,
        &group,
        &[
            ("PeerIpAddress", "198.51.100.1"),
            ("EnableBfd", "true"),
            ("BfdMultiHop", "1"),
        ],
    );
    assert_err(
        &e,
        400,
        "UnsupportedFeature.Vpconn",
        "The feature of Vpconn is not supported.",
    );
    let peer = emu.peer(HZ, &group, &[("PeerIpAddress", "198.51.100.1")]);
    let e = emu.err(
        "ModifyBgpPeerAttribute",
        &[
            ("RegionId", HZ),
            ("BgpPeerId", &peer),
            ("EnableBfd", "true"),
        ],
    );
    assert_eq!(e.code, "UnsupportedFeature.Vpconn");
}

#[test]
fn operation_unsupported_ipv6_for_this_region() {
    let mut emu = Emu::new();
    let e = emu.err(
        "CreateBgpGroup",
        &[
            ("RegionId", "cn-nanjing"),
            ("RouterId", NANJING_VBR),
            ("PeerAsn", "65001"),
            ("IpVersion", "IPv6"),
        ],
    );
    assert_err(
        &e,
        400,
        "OperationUnsupported.IPV6ForThisRegion",
        "This Region is unsupported IPV6.",
    );
    let group = emu.group("cn-nanjing", NANJING_VBR, &[]);
    let e = emu.peer_err(
        "cn-nanjing",
        &group,
        &[("PeerIpAddress", "2001:db8::2"), ("IpVersion", "ipv6")],
    );
    assert_err(
        &e,
        400,
        "OperationUnsupported.IPV6ForThisRegion",
        "This Region is unsupported IPV6.",
    );
}

// --- field validation -------------------------------------------------------------------------

#[test]
fn invalid_vbr_network() {
    let mut emu = Emu::new();
    let pool = emu.pool_vbr(false, 0);
    for (region, vbr) in [(SH, "vbr-uf6doesnotexist000000"), (HZ, pool.as_str())] {
        let e = emu.err(
            "CreateBgpGroup",
            &[
                ("RegionId", region),
                ("RouterId", vbr),
                ("PeerAsn", "65001"),
            ],
        );
        assert_err(&e, 400, "InvalidVbrNetwork", "vbr netowrk not exists");
        let e = emu.err(
            "AddBgpNetwork",
            &[
                ("RegionId", region),
                ("RouterId", vbr),
                ("DstCidrBlock", "10.0.0.0/24"),
            ],
        );
        assert_eq!(e.code, "InvalidVbrNetwork");
    }
}

#[test]
fn invalid_bgp_group() {
    let mut emu = Emu::new();
    let missing = "bgpg-uf6doesnotexist00000";
    let e = emu.peer_err(SH, missing, &[("PeerIpAddress", "198.51.100.1")]);
    assert_err(&e, 400, "InvalidBgpGroup", "bgp group not exists");
    for action in ["ModifyBgpGroupAttribute", "DeleteBgpGroup"] {
        let e = emu.err(action, &[("RegionId", SH), ("BgpGroupId", missing)]);
        assert_err(&e, 400, "InvalidBgpGroup", "bgp group not exists");
    }
    // A group of another region is not found either.
    let e = emu.peer_err(SH, DEMO_GROUP, &[("PeerIpAddress", "198.51.100.1")]);
    assert_eq!(e.code, "InvalidBgpGroup");
}

#[test]
fn invalid_bgp_name_malformed() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let long = "a".repeat(129);
    for name in [
        "1st-group",
        "a",
        long.as_str(),
        "bad name",
        "-dash",
        "tab\tname",
    ] {
        let e = emu.err(
            "CreateBgpGroup",
            &[
                ("RegionId", SH),
                ("RouterId", &vbr),
                ("PeerAsn", "65001"),
                ("Name", name),
            ],
        );
        assert_err(
            &e,
            400,
            "InvalidBgpName.Malformed",
            "Specified Bgp Group name is not valid.",
        );
    }
    for name in ["ok", "idc_1.core-a", "上海机房"] {
        emu.group(SH, &vbr, &[("Name", name)]);
    }
    let e = emu.err(
        "ModifyBgpGroupAttribute",
        &[
            ("RegionId", HZ),
            ("BgpGroupId", DEMO_GROUP),
            ("Name", "9lives"),
        ],
    );
    assert_eq!(e.code, "InvalidBgpName.Malformed");
}

#[test]
fn invalid_bgp_description_malformed() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let long = format!("a{}", "b".repeat(256));
    for d in [
        "http://example.com",
        "https://x",
        "1 leading digit",
        "x",
        long.as_str(),
        "new\nline",
    ] {
        let e = emu.err(
            "CreateBgpGroup",
            &[
                ("RegionId", SH),
                ("RouterId", &vbr),
                ("PeerAsn", "65001"),
                ("Description", d),
            ],
        );
        assert_err(
            &e,
            400,
            "InvalidBgpDescription.Malformed",
            "Specified Bgp Group description is not valid.",
        );
    }
}

#[test]
fn invalid_bgp_authkey_malformed() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let long = "k".repeat(65);
    for key in ["with space", long.as_str(), "clé"] {
        let e = emu.err(
            "CreateBgpGroup",
            &[
                ("RegionId", SH),
                ("RouterId", &vbr),
                ("PeerAsn", "65001"),
                ("AuthKey", key),
            ],
        );
        assert_err(
            &e,
            400,
            "InvalidBgpAuthkey.Malformed",
            "Specified Bgp Group authkey is not valid.",
        );
    }
    let e = emu.err(
        "ModifyBgpGroupAttribute",
        &[
            ("RegionId", HZ),
            ("BgpGroupId", DEMO_GROUP),
            ("AuthKey", "a b"),
        ],
    );
    assert_eq!(e.code, "InvalidBgpAuthkey.Malformed");
}

#[test]
fn invalid_ip_malformed() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let group = emu.group(SH, &vbr, &[]);
    for ip in ["10.0.0.300", "not-an-ip", "10.0.0.1/32"] {
        let e = emu.peer_err(SH, &group, &[("PeerIpAddress", ip)]);
        assert_err(&e, 400, "InvalidIP.Malformed", "Ip malformed.");
    }
}

#[test]
fn invalid_peer_asn_malformed() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let e = emu.err(
        "CreateBgpGroup",
        &[("RegionId", SH), ("RouterId", &vbr), ("PeerAsn", "45104")],
    );
    assert_err(
        &e,
        400,
        "InvalidPeerAsn.Malformed",
        "invalid peer asn cannot equals aliyun asn:45104",
    );
    let e = emu.err(
        "ModifyBgpGroupAttribute",
        &[
            ("RegionId", HZ),
            ("BgpGroupId", DEMO_GROUP),
            ("PeerAsn", "45104"),
        ],
    );
    assert_eq!(e.code, "InvalidPeerAsn.Malformed");
}

#[test]
fn illegal_param_peer_asn() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    for asn in ["0", "-1", "23456", "65535", "4294967295", "4294967296"] {
        let e = emu.err(
            "CreateBgpGroup",
            &[("RegionId", SH), ("RouterId", &vbr), ("PeerAsn", asn)],
        );
        assert_err(
            &e,
            400,
            "IllegalParam.PeerAsn",
            "The param of PeerAsn is illegal",
        );
    }
    let vbr = emu.pool_vbr(false, 2);
    for asn in ["1", "64512", "4200000000", "4294967294"] {
        emu.ok(
            "CreateBgpGroup",
            &[("RegionId", SH), ("RouterId", &vbr), ("PeerAsn", asn)],
        );
    }
    let g = emu.group(SH, &vbr, &[]);
    emu.ok(
        "ModifyBgpGroupAttribute",
        &[
            ("RegionId", SH),
            ("BgpGroupId", &g),
            ("PeerAsn", "4200000001"),
        ],
    );
}

#[test]
fn illegal_param_local_asn() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    for asn in ["0", "-5", "4294967296"] {
        let e = emu.err(
            "CreateBgpGroup",
            &[
                ("RegionId", SH),
                ("RouterId", &vbr),
                ("PeerAsn", "65001"),
                ("LocalAsn", asn),
            ],
        );
        assert_err(
            &e,
            400,
            "IllegalParam.LocalAsn",
            "The param of LocalAsn is illegal",
        );
    }
}

#[test]
fn invalid_bgp_group_local_asn_invalid() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    for asn in ["65025", "100", "65535", "64511", "4294967295", "4199999999"] {
        let e = emu.err(
            "CreateBgpGroup",
            &[
                ("RegionId", SH),
                ("RouterId", &vbr),
                ("PeerAsn", "65001"),
                ("LocalAsn", asn),
            ],
        );
        assert_err(
            &e,
            400,
            "InvalidBgpGroup.LocalAsnInvalid",
            "The specified BgpGroup LocalAsn is invalid, only support 64512 to 65534 or 4200000000 to 4294967294, but cannot be 65025.",
        );
    }
    for asn in ["45104", "64512", "65534", "4200000000", "4294967294"] {
        emu.group(SH, &vbr, &[("LocalAsn", asn)]);
    }
}

#[test]
fn illegal_param_route_limit() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let e = emu.err(
        "CreateBgpGroup",
        &[
            ("RegionId", SH),
            ("RouterId", &vbr),
            ("PeerAsn", "65001"),
            ("RouteQuota", "111"),
        ],
    );
    assert_err(
        &e,
        400,
        "IllegalParam.RouteLimit",
        "The operation is failed because of bgp group max route entry num quota exceed.",
    );
    let e = emu.err(
        "ModifyBgpGroupAttribute",
        &[
            ("RegionId", HZ),
            ("BgpGroupId", DEMO_GROUP),
            ("RouteQuota", "5000"),
        ],
    );
    assert_eq!(e.code, "IllegalParam.RouteLimit");
}

#[test]
fn invalid_params_not_null() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let e = emu.err(
        "CreateBgpGroup",
        &[("RegionId", SH), ("RouterId", ""), ("PeerAsn", "65001")],
    );
    assert_err(&e, 400, "InvalidParams.NotNull", "params must not null.");
    let e = emu.err(
        "CreateBgpGroup",
        &[("RegionId", SH), ("RouterId", &vbr), ("PeerAsn", "")],
    );
    assert_err(&e, 400, "InvalidParams.NotNull", "params must not null.");
    let e = emu.err("CreateBgpPeer", &[("RegionId", SH), ("BgpGroupId", " ")]);
    assert_err(
        &e,
        400,
        "InvalidParams.NotNull",
        "invalid peer asn cannot equals aliyun asn:45104",
    );
    let e = emu.err(
        "AddBgpNetwork",
        &[("RegionId", SH), ("RouterId", &vbr), ("DstCidrBlock", "")],
    );
    assert_err(&e, 400, "InvalidParams.NotNull", "parameter must not null.");
    let e = emu.err("DeleteBgpPeer", &[("RegionId", SH), ("BgpPeerId", "")]);
    assert_err(&e, 400, "InvalidParams.NotNull", "params must not null.");
}

#[test]
fn invalid_params_not_found() {
    let mut emu = Emu::new();
    let vbr = special("dualstack");
    let e = emu.err(
        "DeleteBgpPeer",
        &[("RegionId", HZ), ("BgpPeerId", "bgp-bp1doesnotexist000000")],
    );
    assert_err(&e, 400, "InvalidParams.NotFound", "instance not found");
    let e = emu.err(
        "ModifyBgpPeerAttribute",
        &[("RegionId", HZ), ("BgpPeerId", "bgp-bp1doesnotexist000000")],
    );
    assert_err(&e, 400, "InvalidParams.NotFound", "instance not found");
    let e = emu.err(
        "DeleteBgpNetwork",
        &[
            ("RegionId", HZ),
            ("RouterId", &vbr),
            ("DstCidrBlock", "10.77.0.0/16"),
        ],
    );
    assert_err(&e, 400, "InvalidParams.NotFound", "instance not found");
    let e = emu.err(
        "AddBgpNetwork",
        &[
            ("RegionId", HZ),
            ("RouterId", &vbr),
            ("DstCidrBlock", "10.77.0.0/16"),
            ("VpcId", "vpc-bp1nope0000000000000"),
        ],
    );
    assert_err(&e, 400, "InvalidParams.NotFound", "vpc instance not found");
    // A VPC of another region does not count.
    let e = emu.err(
        "AddBgpNetwork",
        &[
            ("RegionId", HZ),
            ("RouterId", &vbr),
            ("DstCidrBlock", "10.77.0.0/16"),
            ("VpcId", "vpc-uf6bench0000000000000"),
        ],
    );
    assert_err(&e, 400, "InvalidParams.NotFound", "vpc instance not found");
}

#[test]
fn invalid_params_already_exists() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let p = [
        ("RegionId", SH),
        ("RouterId", vbr.as_str()),
        ("DstCidrBlock", "172.16.8.0/24"),
    ];
    emu.ok("AddBgpNetwork", &p);
    let e = emu.err("AddBgpNetwork", &p);
    assert_err(
        &e,
        400,
        "InvalidParams.AlreadyExists",
        "bgp network already exists",
    );
}

#[test]
fn duplicated_cidr_block() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    emu.ok(
        "AddBgpNetwork",
        &[
            ("RegionId", SH),
            ("RouterId", &vbr),
            ("DstCidrBlock", "10.0.0.0/16"),
        ],
    );
    for cidr in ["10.0.1.0/24", "10.0.0.0/8"] {
        let e = emu.err(
            "AddBgpNetwork",
            &[("RegionId", SH), ("RouterId", &vbr), ("DstCidrBlock", cidr)],
        );
        assert_err(
            &e,
            400,
            "Duplicated.CidrBlock",
            "bgp network cidr already exists.",
        );
    }
}

#[test]
fn invalid_dest_cidr_block_malformed() {
    let mut emu = Emu::new();
    let vbr = special("dualstack");
    for cidr in [
        "10.0.0.1/24",
        "0.0.0.0/0",
        "127.0.0.0/8",
        "240.0.0.0/8",
        "ff00::/8",
        "2001:db8::1/64",
    ] {
        let e = emu.err(
            "AddBgpNetwork",
            &[("RegionId", HZ), ("RouterId", &vbr), ("DstCidrBlock", cidr)],
        );
        assert_err(
            &e,
            400,
            "InvalidDestCidrBlock.Malformed",
            "Specified dstCidrBlock is not valid.",
        );
    }
}

#[test]
fn illegal_param_conflict_with_d_class() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    for cidr in ["224.1.0.0/16", "239.255.255.255/32", "192.0.0.0/2"] {
        let e = emu.err(
            "AddBgpNetwork",
            &[("RegionId", SH), ("RouterId", &vbr), ("DstCidrBlock", cidr)],
        );
        assert_err(
            &e,
            400,
            "IllegalParam.ConflictWithDClass",
            "DClass IP can not support.",
        );
    }
}

#[test]
fn illegal_param_format_dst_cidr_block() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    for cidr in [
        "not-a-cidr",
        "10.0.0.0",
        "10.0.0.0/33",
        "10.0.0.0/ 8",
        "１０.0.0.0/8",
    ] {
        let e = emu.err(
            "AddBgpNetwork",
            &[("RegionId", SH), ("RouterId", &vbr), ("DstCidrBlock", cidr)],
        );
        assert_err(
            &e,
            400,
            "IllegalParamFormat.DstCidrBlock",
            "The format of the specified destination CIDR block is invalid.",
        );
    }
}

// --- peers: addresses, versions, BFD ---------------------------------------------------------

#[test]
fn invalid_params_peer_ip_address_in_use() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let g1 = emu.group(SH, &vbr, &[]);
    let g2 = emu.group(SH, &vbr, &[]);
    emu.peer(SH, &g1, &[("PeerIpAddress", "198.51.100.7")]);
    let e = emu.peer_err(SH, &g2, &[("PeerIpAddress", "198.51.100.7")]);
    assert_err(
        &e,
        400,
        "InvalidParams.PeerIpAddressInUse",
        "peer ip address in use ,cannot create bgp peer.",
    );
    let other = emu.peer(SH, &g2, &[("PeerIpAddress", "198.51.100.8")]);
    let e = emu.err(
        "ModifyBgpPeerAttribute",
        &[
            ("RegionId", SH),
            ("BgpPeerId", &other),
            ("PeerIpAddress", "198.51.100.7"),
        ],
    );
    assert_eq!(e.code, "InvalidParams.PeerIpAddressInUse");
}

#[test]
fn bgp_peer_already_exists() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let g = emu.group(SH, &vbr, &[]);
    emu.peer(SH, &g, &[("PeerIpAddress", "198.51.100.7")]);
    let e = emu.peer_err(SH, &g, &[("PeerIpAddress", "198.51.100.7")]);
    assert_err(
        &e,
        400,
        "BgpPeer.Already.Exists",
        "bgp peer already exists.",
    );
}

#[test]
fn duplicated_param_peer_ip_address() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let g = emu.group(SH, &vbr, &[]);
    let e = emu.peer_err(
        SH,
        &g,
        &[
            ("PeerIpAddress", "198.51.100.7"),
            ("PeerIpAddress", "198.51.100.8"),
        ],
    );
    assert_err(
        &e,
        400,
        "DuplicatedParam.PeerIpAddress",
        "The param of PeerIpAddress is duplicated.",
    );
}

#[test]
fn duplicated_param_local_ip_address() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let local = emu.world.vbrs[&vbr].attrs.local_gateway_ip.clone();
    let g = emu.group(SH, &vbr, &[]);
    let e = emu.peer_err(SH, &g, &[("PeerIpAddress", &local)]);
    assert_err(
        &e,
        400,
        "DuplicatedParam.LocalIpAddress",
        "The LocalIpAddress already exists.",
    );
}

#[test]
fn duplicated_param_peer_ipv6_address() {
    let mut emu = Emu::new();
    let vbr = special("dualstack");
    let g1 = emu.group(HZ, &vbr, &[("IpVersion", "IPv6")]);
    let g2 = emu.group(HZ, &vbr, &[("IpVersion", "ipv6")]);
    emu.peer(HZ, &g1, &[("PeerIpAddress", "2001:db8::7")]);
    for g in [&g1, &g2] {
        let e = emu.peer_err(HZ, g, &[("PeerIpAddress", "2001:0db8:0::7")]);
        assert_err(
            &e,
            400,
            "DuplicatedParam.PeerIpv6Address",
            "The PeerIpv6Address already exists.",
        );
    }
}

#[test]
fn duplicated_param_local_ipv6_address() {
    let mut emu = Emu::new();
    let vbr = special("dualstack");
    let local = emu.world.vbrs[&vbr].attrs.local_ipv6_gateway_ip.clone();
    let g = emu.group(HZ, &vbr, &[("IpVersion", "IPv6")]);
    let e = emu.peer_err(HZ, &g, &[("PeerIpAddress", &local)]);
    assert_err(
        &e,
        400,
        "DuplicatedParam.LocalIpv6Address",
        "The LocalIpv6Address already exists.",
    );
}

#[test]
fn illegal_param_ip_version() {
    let mut emu = Emu::new();
    let v4_vbr = emu.pool_vbr(false, 0);
    let msg = "The param of IPV6 is illegal.";
    let e = emu.err(
        "CreateBgpGroup",
        &[
            ("RegionId", SH),
            ("RouterId", &v4_vbr),
            ("PeerAsn", "65001"),
            ("IpVersion", "IPv6"),
        ],
    );
    assert_err(&e, 400, "IllegalParam.IpVersion", msg);
    let e = emu.err(
        "CreateBgpGroup",
        &[
            ("RegionId", SH),
            ("RouterId", &v4_vbr),
            ("PeerAsn", "65001"),
            ("IpVersion", "IPv5"),
        ],
    );
    assert_err(&e, 400, "IllegalParam.IpVersion", msg);
    let g = emu.group(SH, &v4_vbr, &[]);
    let e = emu.peer_err(
        SH,
        &g,
        &[("PeerIpAddress", "2001:db8::2"), ("IpVersion", "IPv6")],
    );
    assert_err(&e, 400, "IllegalParam.IpVersion", msg);
    // An IPv6 peer in an IPv4 group of a dual-stack VBR.
    let ds = special("dualstack");
    let g = emu.group(HZ, &ds, &[]);
    let e = emu.peer_err(
        HZ,
        &g,
        &[("PeerIpAddress", "2001:db8::2"), ("IpVersion", "IPv6")],
    );
    assert_err(&e, 400, "IllegalParam.IpVersion", msg);
    // AddBgpNetwork documents another message.
    let e = emu.err(
        "AddBgpNetwork",
        &[
            ("RegionId", SH),
            ("RouterId", &v4_vbr),
            ("DstCidrBlock", "2001:db8::/48"),
        ],
    );
    assert_err(
        &e,
        400,
        "IllegalParam.IpVersion",
        "The parameter of IpVersion is illegal.",
    );
}

#[test]
fn illegal_param_peer_ip_address() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let g = emu.group(SH, &vbr, &[]);
    for ip in [
        "2001:db8::2",
        "224.0.0.5",
        "0.0.0.0",
        "255.255.255.255",
        "127.0.0.1",
    ] {
        let e = emu.peer_err(SH, &g, &[("PeerIpAddress", ip)]);
        assert_err(
            &e,
            400,
            "IllegalParam.PeerIpAddress",
            "The param of PeerIpAddress is illegal.",
        );
    }
}

#[test]
fn illegal_param_ip_address() {
    let mut emu = Emu::new();
    for ip in ["10.0.0.256", "::1", "2001:db8::9"] {
        let e = emu.err(
            "ModifyBgpPeerAttribute",
            &[
                ("RegionId", HZ),
                ("BgpPeerId", DEMO_PEER),
                ("PeerIpAddress", ip),
            ],
        );
        assert_err(
            &e,
            400,
            "IllegalParam.IpAddress",
            "The specified IpAddress is illegal.",
        );
    }
}

#[test]
fn missing_param_enable_bfd() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let g = emu.group(SH, &vbr, &[]);
    let e = emu.peer_err(
        SH,
        &g,
        &[("PeerIpAddress", "198.51.100.1"), ("BfdMultiHop", "3")],
    );
    assert_err(
        &e,
        400,
        "MissingParam.EnableBfd",
        "The parameter EnableBfd is missing.",
    );
    // The demo's second peer has no BFD: a hop count alone is refused on modify too.
    let e = emu.err(
        "ModifyBgpPeerAttribute",
        &[
            ("RegionId", HZ),
            ("BgpPeerId", "bgp-bp1demo00000000000002"),
            ("BfdMultiHop", "3"),
        ],
    );
    assert_eq!(e.code, "MissingParam.EnableBfd");
    // The first has BFD on already: a hop count alone is a change of hop count.
    emu.ok(
        "ModifyBgpPeerAttribute",
        &[
            ("RegionId", HZ),
            ("BgpPeerId", DEMO_PEER),
            ("BfdMultiHop", "7"),
        ],
    );
}

#[test]
fn illegal_param_bfd_multi_hop() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let g = emu.group(SH, &vbr, &[]);
    for hop in ["0", "256", "-1", "100000"] {
        let e = emu.peer_err(
            SH,
            &g,
            &[
                ("PeerIpAddress", "198.51.100.1"),
                ("EnableBfd", "true"),
                ("BfdMultiHop", hop),
            ],
        );
        assert_err(
            &e,
            400,
            "IllegalParam.BfdMultiHop",
            "BfdMultiHop is illegal.",
        );
    }
    let e = emu.err(
        "ModifyBgpPeerAttribute",
        &[
            ("RegionId", HZ),
            ("BgpPeerId", DEMO_PEER),
            ("EnableBfd", "true"),
            ("BfdMultiHop", "300"),
        ],
    );
    assert_eq!(e.code, "IllegalParam.BfdMultiHop");
}

// --- status and dependencies -------------------------------------------------------------------

#[test]
fn invalid_status_cannot_operate() {
    let msg = "invalid status cannot operate";
    let mut emu = Emu::new();
    for word in ["unconfirmed", "terminated"] {
        let e = emu.err(
            "CreateBgpGroup",
            &[
                ("RegionId", HZ),
                ("RouterId", &special(word)),
                ("PeerAsn", "65001"),
            ],
        );
        assert_err(&e, 400, "InvalidStatus.CannotOperate", msg);
    }

    let mut emu = Emu::with_settle(3000);
    let vbr = emu.pool_vbr(false, 0);
    let g = emu.group(SH, &vbr, &[]);
    // The group is Pending: no peer yet, no modify, no delete.
    let e = emu.peer_err(SH, &g, &[("PeerIpAddress", "198.51.100.1")]);
    assert_err(&e, 400, "InvalidStatus.CannotOperate", msg);
    for action in ["ModifyBgpGroupAttribute", "DeleteBgpGroup"] {
        let e = emu.err(
            action,
            &[("RegionId", SH), ("BgpGroupId", &g), ("Name", "later")],
        );
        assert_err(&e, 400, "InvalidStatus.CannotOperate", msg);
    }
    emu.advance(3000);
    let p = emu.peer(SH, &g, &[("PeerIpAddress", "198.51.100.1")]);
    let e = emu.err("DeleteBgpPeer", &[("RegionId", SH), ("BgpPeerId", &p)]);
    assert_err(&e, 400, "InvalidStatus.CannotOperate", msg);
    emu.ok(
        "AddBgpNetwork",
        &[
            ("RegionId", SH),
            ("RouterId", &vbr),
            ("DstCidrBlock", "10.3.0.0/16"),
        ],
    );
    let e = emu.err(
        "DeleteBgpNetwork",
        &[
            ("RegionId", SH),
            ("RouterId", &vbr),
            ("DstCidrBlock", "10.3.0.0/16"),
        ],
    );
    assert_err(&e, 400, "InvalidStatus.CannotOperate", msg);
}

#[test]
fn dependency_violation_bgp_peer() {
    let mut emu = Emu::new();
    let e = emu.err(
        "DeleteBgpGroup",
        &[("RegionId", HZ), ("BgpGroupId", DEMO_GROUP)],
    );
    assert_err(
        &e,
        400,
        "DependencyViolation.BgpPeer",
        "bgp group has bgp peers, cannot delete bgp group.",
    );
    for p in [DEMO_PEER, "bgp-bp1demo00000000000002"] {
        emu.ok("DeleteBgpPeer", &[("RegionId", HZ), ("BgpPeerId", p)]);
    }
    emu.ok(
        "DeleteBgpGroup",
        &[("RegionId", HZ), ("BgpGroupId", DEMO_GROUP)],
    );
}

// --- behaviour ------------------------------------------------------------------------------------

#[test]
fn seeded_world_has_every_documented_vbr_with_every_field() {
    let mut emu = Emu::new();
    let mut all = Vec::new();
    for region in [SH, HZ, "cn-nanjing", "cn-beijing"] {
        let mut page = 1;
        loop {
            let n = page.to_string();
            let body = emu.ok(
                "DescribeVirtualBorderRouters",
                &[("RegionId", region), ("PageSize", "50"), ("PageNumber", &n)],
            );
            let rows = body["VirtualBorderRouterSet"]["VirtualBorderRouterType"]
                .as_array()
                .unwrap()
                .clone();
            if rows.is_empty() {
                break;
            }
            all.extend(rows);
            page += 1;
        }
    }
    let active_sh = all
        .iter()
        .filter(|v| v["VbrId"].as_str().unwrap().starts_with("vbr-uf6") && v["Status"] == "active")
        .count();
    assert!(active_sh >= 64, "{active_sh}");
    let ints = [
        "Bandwidth",
        "DetectMultiplier",
        "MinRxInterval",
        "MinTxInterval",
        "Mtu",
        "VlanId",
    ];
    let bools = ["EnableIpv6", "SitelinkEnable"];
    let objects = ["AssociatedCens", "AssociatedPhysicalConnections", "Tags"];
    for v in &all {
        let o = v.as_object().unwrap();
        assert_eq!(o.len(), 42, "{v}");
        for (k, val) in o {
            if ints.contains(&k.as_str()) {
                assert!(val.is_i64(), "{k} {val}");
            } else if bools.contains(&k.as_str()) {
                assert!(val.is_boolean(), "{k} {val}");
            } else if objects.contains(&k.as_str()) {
                assert!(val.is_object(), "{k} {val}");
            } else {
                assert!(val.is_string(), "{k} {val}");
            }
        }
        let id = v["VbrId"].as_str().unwrap();
        assert_eq!(id.len(), 25);
    }
    let ids: Vec<&str> = all.iter().map(|v| v["VbrId"].as_str().unwrap()).collect();
    for word in [
        "demo",
        "dualstack",
        "multisubif",
        "nosubif",
        "multipconn",
        "unconfirmed",
        "terminated",
        "vpconn",
        "nobilling",
        "nodevice",
        "bfdquota",
        "bfddevicefull",
        "nqafull",
        "fixedasn",
        "badgateway",
        "badipv6mask",
        "norouterif",
        "busy",
    ] {
        assert!(ids.contains(&special(word).as_str()), "{word}");
    }
    assert!(ids.contains(&NANJING_VBR));
    assert!(
        all.iter().any(|v| v["EnableIpv6"] == true) && all.iter().any(|v| v["EnableIpv6"] == false)
    );
    assert!(all.iter().any(|v| v["Type"] == "vpconn"));
}

#[test]
fn describe_regions_in_both_languages() {
    let mut emu = Emu::new();
    let zh = emu.ok("DescribeRegions", &[]);
    let en = emu.ok("DescribeRegions", &[("AcceptLanguage", "en-US")]);
    let zh = zh["Regions"]["Region"].as_array().unwrap();
    let en = en["Regions"]["Region"].as_array().unwrap();
    assert!(zh.len() >= 20);
    let sh = en.iter().find(|r| r["RegionId"] == SH).unwrap();
    assert_eq!(sh["LocalName"], "China (Shanghai)");
    assert_eq!(sh["RegionEndpoint"], "vpc.aliyuncs.com");
    let sh = zh.iter().find(|r| r["RegionId"] == SH).unwrap();
    assert_eq!(sh["LocalName"], "华东2（上海）");
    let fra = en.iter().find(|r| r["RegionId"] == "eu-central-1").unwrap();
    assert_eq!(fra["RegionEndpoint"], "vpc.eu-central-1.aliyuncs.com");
}

#[test]
fn vbr_paging_and_filters() {
    let mut emu = Emu::new();
    let page = |emu: &mut Emu, n: &str, size: &str| {
        emu.ok(
            "DescribeVirtualBorderRouters",
            &[("RegionId", SH), ("PageNumber", n), ("PageSize", size)],
        )
    };
    let first = page(&mut emu, "1", "50");
    let total = first["TotalCount"].as_u64().unwrap() as usize;
    assert_eq!(first["PageNumber"], 1);
    assert_eq!(first["PageSize"], 50);
    assert_eq!(
        first["VirtualBorderRouterSet"]["VirtualBorderRouterType"]
            .as_array()
            .unwrap()
            .len(),
        50
    );
    let second = page(&mut emu, "2", "50");
    assert_eq!(
        second["VirtualBorderRouterSet"]["VirtualBorderRouterType"]
            .as_array()
            .unwrap()
            .len(),
        total - 50
    );
    let past = page(&mut emu, "99999999999", "50");
    assert!(past["VirtualBorderRouterSet"]["VirtualBorderRouterType"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(past["TotalCount"], total);
    let default = emu.ok("DescribeVirtualBorderRouters", &[("RegionId", SH)]);
    assert_eq!(default["PageSize"], 10);
    assert_eq!(
        default["VirtualBorderRouterSet"]["VirtualBorderRouterType"]
            .as_array()
            .unwrap()
            .len(),
        10
    );

    let id = emu.pool_vbr(true, 3);
    let one = emu.ok(
        "DescribeVirtualBorderRouters",
        &[
            ("RegionId", SH),
            ("Filter.1.Key", "VbrId"),
            ("Filter.1.Value.1", &id),
        ],
    );
    assert_eq!(one["TotalCount"], 1);
    assert_eq!(
        one["VirtualBorderRouterSet"]["VirtualBorderRouterType"][0]["VbrId"],
        id.as_str()
    );
    let none = emu.ok(
        "DescribeVirtualBorderRouters",
        &[
            ("RegionId", HZ),
            ("Filter.1.Key", "Status"),
            ("Filter.1.Value.1", "unconfirmed"),
            ("Filter.1.Value.2", "terminated"),
        ],
    );
    assert_eq!(none["TotalCount"], 2);
    let bare = emu.ok(
        "DescribeVirtualBorderRouters",
        &[
            ("RegionId", SH),
            ("Filter.1.Key", "vbrid"),
            ("Filter.1.Value", &id),
        ],
    );
    assert_eq!(bare["TotalCount"], 1, "a bare Filter.N.Value is one value");
    let tagged = emu.ok(
        "DescribeVirtualBorderRouters",
        &[
            ("RegionId", SH),
            ("Tags.1.Key", "env"),
            ("Tags.1.Value", "prod"),
        ],
    );
    assert_eq!(tagged["TotalCount"], 8);
}

#[test]
fn groups_and_peers_have_the_sdk_types_and_inherit_group_fields() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let g = emu.group(
        SH,
        &vbr,
        &[
            ("Name", "idc-core"),
            ("Description", "core routers"),
            ("AuthKey", "md5-Key_1"),
            ("IsFakeAsn", "True"),
            ("RouteQuota", "90"),
            ("IpVersion", "ipv4"),
            ("LocalAsn", "64600"),
        ],
    );
    let body = emu.ok("DescribeBgpGroups", &[("RegionId", SH), ("BgpGroupId", &g)]);
    assert_eq!(body["TotalCount"], 1);
    let group = &body["BgpGroups"]["BgpGroup"][0];
    let expected = serde_json::json!({
        "BgpGroupId": g, "Name": "idc-core", "Description": "core routers", "RouterId": vbr,
        "RegionId": SH, "PeerAsn": "65001", "LocalAsn": "64600", "AuthKey": "md5-Key_1",
        "IsFake": "true", "Hold": "30", "Keepalive": "10", "RouteLimit": "90", "IpVersion": "IPv4",
        "Status": "Available",
    });
    assert_eq!(group, &expected);

    let gw = emu.world.vbrs[&vbr].attrs.peer_gateway_ip.clone();
    let p = emu.peer(SH, &g, &[("EnableBfd", "TRUE")]);
    let body = emu.ok("DescribeBgpPeers", &[("RegionId", SH), ("BgpPeerId", &p)]);
    let peer = body["BgpPeers"]["BgpPeer"][0].as_object().unwrap().clone();
    assert_eq!(
        peer["PeerIpAddress"],
        gw.as_str(),
        "defaults to the VBR's peer gateway"
    );
    assert_eq!(peer["IsFake"], true);
    assert_eq!(peer["EnableBfd"], true);
    assert_eq!(peer["BfdMultiHop"], 255);
    for (k, v) in [
        ("Name", "idc-core"),
        ("Description", "core routers"),
        ("PeerAsn", "65001"),
        ("LocalAsn", "64600"),
        ("AuthKey", "md5-Key_1"),
        ("Hold", "30"),
        ("Keepalive", "10"),
        ("RouteLimit", "90"),
        ("IpVersion", "IPv4"),
        ("RouterId", vbr.as_str()),
        ("RegionId", SH),
        ("BgpGroupId", g.as_str()),
        ("Status", "Available"),
        ("BgpStatus", "Established"),
    ] {
        assert_eq!(peer[k], v, "{k}");
    }
    assert!(peer["AdvertisedRouteCount"].is_u64() && peer["ReceivedRouteCount"].is_u64());
    assert!(peer["GmtModified"].as_str().unwrap().ends_with('Z'));
    assert_eq!(peer.len(), 22);

    // A modify of the group shows through the peer; ClearAuthKey empties the key.
    emu.ok(
        "ModifyBgpGroupAttribute",
        &[
            ("RegionId", SH),
            ("BgpGroupId", &g),
            ("PeerAsn", "65002"),
            ("ClearAuthKey", "true"),
            ("IsFakeAsn", "false"),
        ],
    );
    let body = emu.ok("DescribeBgpPeers", &[("RegionId", SH), ("BgpGroupId", &g)]);
    let peer = &body["BgpPeers"]["BgpPeer"][0];
    assert_eq!(
        (&peer["PeerAsn"], &peer["AuthKey"], &peer["IsFake"]),
        (&"65002".into(), &"".into(), &false.into())
    );
}

#[test]
fn ipv6_peers_on_a_dual_stack_vbr() {
    let mut emu = Emu::new();
    let vbr = special("dualstack");
    let g = emu.group(HZ, &vbr, &[("IpVersion", "IPV6")]);
    let p = emu.peer(HZ, &g, &[]);
    let body = emu.ok("DescribeBgpPeers", &[("RegionId", HZ), ("BgpPeerId", &p)]);
    let peer = &body["BgpPeers"]["BgpPeer"][0];
    assert_eq!(peer["IpVersion"], "IPv6");
    assert_eq!(
        peer["PeerIpAddress"],
        emu.world.vbrs[&vbr].attrs.peer_ipv6_gateway_ip.as_str()
    );
    let groups = emu.ok("DescribeBgpGroups", &[("RegionId", HZ), ("BgpGroupId", &g)]);
    assert_eq!(groups["BgpGroups"]["BgpGroup"][0]["IpVersion"], "IPv6");
}

#[test]
fn lifecycle_runs_on_the_clock() {
    let mut emu = Emu::with_settle(1000);
    let vbr = emu.pool_vbr(false, 0);
    let status = |emu: &mut Emu, g: &str| {
        let b = emu.ok("DescribeBgpGroups", &[("RegionId", SH), ("BgpGroupId", g)]);
        b["BgpGroups"]["BgpGroup"][0]["Status"]
            .as_str()
            .unwrap_or("<gone>")
            .to_string()
    };
    let peer_state = |emu: &mut Emu, p: &str| {
        let b = emu.ok("DescribeBgpPeers", &[("RegionId", SH), ("BgpPeerId", p)]);
        let x = &b["BgpPeers"]["BgpPeer"][0];
        if x.is_null() {
            return ("<gone>".to_string(), String::new(), 0);
        }
        (
            x["Status"].as_str().unwrap().to_string(),
            x["BgpStatus"].as_str().unwrap().to_string(),
            x["AdvertisedRouteCount"].as_u64().unwrap(),
        )
    };
    let g = emu.group(SH, &vbr, &[]);
    assert_eq!(status(&mut emu, &g), "Pending");
    emu.advance(1000);
    assert_eq!(status(&mut emu, &g), "Available");
    emu.ok(
        "ModifyBgpGroupAttribute",
        &[("RegionId", SH), ("BgpGroupId", &g), ("Name", "renamed")],
    );
    assert_eq!(status(&mut emu, &g), "Modifying");
    emu.advance(1000);
    assert_eq!(status(&mut emu, &g), "Available");

    emu.ok(
        "AddBgpNetwork",
        &[
            ("RegionId", SH),
            ("RouterId", &vbr),
            ("DstCidrBlock", "10.8.0.0/16"),
        ],
    );
    let p = emu.peer(SH, &g, &[("PeerIpAddress", "198.51.100.1")]);
    assert_eq!(
        peer_state(&mut emu, &p),
        ("Pending".into(), "Idle".into(), 0)
    );
    emu.advance(1000);
    assert_eq!(
        peer_state(&mut emu, &p),
        ("Available".into(), "Connect".into(), 0)
    );
    emu.advance(1000);
    assert_eq!(
        peer_state(&mut emu, &p),
        ("Available".into(), "Established".into(), 1)
    );

    emu.ok("DeleteBgpPeer", &[("RegionId", SH), ("BgpPeerId", &p)]);
    assert_eq!(peer_state(&mut emu, &p).0, "Deleting");
    // Still counted: the group can't go yet.
    assert_eq!(
        emu.err("DeleteBgpGroup", &[("RegionId", SH), ("BgpGroupId", &g)])
            .code,
        "DependencyViolation.BgpPeer"
    );
    emu.advance(1000);
    assert_eq!(peer_state(&mut emu, &p).0, "<gone>");
    emu.ok("DeleteBgpGroup", &[("RegionId", SH), ("BgpGroupId", &g)]);
    assert_eq!(status(&mut emu, &g), "Deleting");
    emu.advance(1000);
    assert_eq!(status(&mut emu, &g), "<gone>");
    // The next write purges both from the world.
    emu.ok(
        "AddBgpNetwork",
        &[
            ("RegionId", SH),
            ("RouterId", &vbr),
            ("DstCidrBlock", "10.9.0.0/16"),
        ],
    );
    assert!(!emu.world.group_index.contains_key(&g));
    assert!(!emu.world.peer_index.contains_key(&p));
}

#[test]
fn client_token_returns_the_first_answer_and_creates_nothing() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(false, 0);
    let p = [
        ("RegionId", SH),
        ("RouterId", vbr.as_str()),
        ("PeerAsn", "65001"),
        ("ClientToken", "tok-1"),
    ];
    let first = emu.ok("CreateBgpGroup", &p);
    let again = emu.ok("CreateBgpGroup", &p);
    assert_eq!(first, again);
    let different = emu.ok(
        "CreateBgpGroup",
        &[
            ("RegionId", SH),
            ("RouterId", vbr.as_str()),
            ("PeerAsn", "65009"),
            ("ClientToken", "tok-1"),
        ],
    );
    assert_eq!(first, different);
    let groups = emu.ok("DescribeBgpGroups", &[("RegionId", SH), ("RouterId", &vbr)]);
    assert_eq!(groups["TotalCount"], 1);
    // The same token on another action is another token.
    let g = first["BgpGroupId"].as_str().unwrap();
    let peer = emu.ok(
        "CreateBgpPeer",
        &[
            ("RegionId", SH),
            ("BgpGroupId", g),
            ("PeerIpAddress", "198.51.100.1"),
            ("ClientToken", "tok-1"),
        ],
    );
    assert!(peer["BgpPeerId"].as_str().unwrap().starts_with("bgp-"));
    // A failed call is not remembered: the retry is judged again.
    let bad = [
        ("RegionId", SH),
        ("BgpGroupId", g),
        ("PeerIpAddress", "198.51.100.1"),
        ("ClientToken", "tok-2"),
    ];
    assert_eq!(
        emu.err("CreateBgpPeer", &bad).code,
        "BgpPeer.Already.Exists"
    );
    // Idempotent deletes.
    let pid = peer["BgpPeerId"].as_str().unwrap();
    let del = [
        ("RegionId", SH),
        ("BgpPeerId", pid),
        ("ClientToken", "del-1"),
    ];
    emu.ok("DeleteBgpPeer", &del);
    emu.ok("DeleteBgpPeer", &del);
}

#[test]
fn describing_missing_ids_gives_empty_lists() {
    let mut emu = Emu::new();
    for (action, key, id, set, item) in [
        (
            "DescribeBgpGroups",
            "BgpGroupId",
            "bgpg-uf6gone0000000000000",
            "BgpGroups",
            "BgpGroup",
        ),
        (
            "DescribeBgpPeers",
            "BgpPeerId",
            "bgp-uf6gone0000000000000",
            "BgpPeers",
            "BgpPeer",
        ),
        (
            "DescribeBgpPeers",
            "BgpGroupId",
            "bgpg-uf6gone0000000000000",
            "BgpPeers",
            "BgpPeer",
        ),
        (
            "DescribeBgpPeers",
            "RouterId",
            "vbr-uf6gone0000000000000",
            "BgpPeers",
            "BgpPeer",
        ),
        (
            "DescribeBgpGroups",
            "BgpGroupId",
            DEMO_GROUP,
            "BgpGroups",
            "BgpGroup",
        ),
    ] {
        let body = emu.ok(action, &[("RegionId", SH), (key, id)]);
        assert_eq!(body["TotalCount"], 0, "{action} {key}");
        assert_eq!(body[set][item], serde_json::json!([]));
    }
}

#[test]
fn region_wide_listing_and_is_default() {
    let mut emu = Emu::new();
    let all = emu.ok("DescribeBgpPeers", &[("RegionId", HZ)]);
    assert_eq!(all["TotalCount"], 2);
    let defaults = emu.ok(
        "DescribeBgpGroups",
        &[("RegionId", HZ), ("IsDefault", "TRUE")],
    );
    assert_eq!(defaults["TotalCount"], 1);
    let others = emu.ok(
        "DescribeBgpPeers",
        &[("RegionId", HZ), ("IsDefault", "false")],
    );
    assert_eq!(others["TotalCount"], 0);
    let nets = emu.ok("DescribeBgpNetworks", &[("RegionId", HZ)]);
    assert_eq!(
        nets["BgpNetworks"]["BgpNetwork"][0],
        serde_json::json!({"DstCidrBlock": "192.168.10.0/24", "RouterId": special("demo"),
                           "VpcId": "vpc-bp1demo00000000000000", "Status": "Available"})
    );
    let page2 = emu.ok(
        "DescribeBgpPeers",
        &[("RegionId", HZ), ("PageSize", "1"), ("PageNumber", "2")],
    );
    assert_eq!(
        page2["BgpPeers"]["BgpPeer"][0]["BgpPeerId"],
        "bgp-bp1demo00000000000002"
    );
}

#[test]
fn world_survives_a_serde_round_trip() {
    let mut emu = Emu::new();
    let vbr = emu.pool_vbr(true, 0);
    let g = emu.group(SH, &vbr, &[("ClientToken", "x")]);
    let text = serde_json::to_string(&emu.world).unwrap();
    emu.world = serde_json::from_str(&text).unwrap();
    emu.peer(SH, &g, &[("PeerIpAddress", "198.51.100.1")]);
    let again = emu.ok(
        "CreateBgpGroup",
        &[
            ("RegionId", SH),
            ("RouterId", &vbr),
            ("PeerAsn", "65001"),
            ("ClientToken", "x"),
        ],
    );
    assert_eq!(again["BgpGroupId"], g.as_str());
}

// --- robustness ---------------------------------------------------------------------------------

fn hostile_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".to_string()),
        Just(SH.to_string()),
        Just(HZ.to_string()),
        Just(DEMO_GROUP.to_string()),
        Just(DEMO_PEER.to_string()),
        Just(special("demo")),
        Just(special("dualstack")),
        Just("true".to_string()),
        Just("TRUE".to_string()),
        Just("IPv6".to_string()),
        Just("65001".to_string()),
        Just("45104".to_string()),
        Just("-9223372036854775808".to_string()),
        Just("18446744073709551616".to_string()),
        Just("9223372036854775807".to_string()),
        Just("2147483648".to_string()),
        Just("10.0.0.0/8".to_string()),
        Just("198.51.100.1".to_string()),
        Just("2001:db8::1".to_string()),
        Just("0.0.0.0/0".to_string()),
        Just("::/0".to_string()),
        Just("\u{0}\u{7}\r\n\t".to_string()),
        Just("ｆｕｌｌｗｉｄｔｈ１２３".to_string()),
        Just("\u{202e}evil\u{200b}".to_string()),
        Just("x".repeat(100_000)),
        "\\PC{0,40}",
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u8>().prop_map(|n| n.to_string()),
    ]
}

fn hostile_key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("RegionId"),
        Just("RouterId"),
        Just("PeerAsn"),
        Just("LocalAsn"),
        Just("Name"),
        Just("Description"),
        Just("AuthKey"),
        Just("ClearAuthKey"),
        Just("IsFakeAsn"),
        Just("RouteQuota"),
        Just("IpVersion"),
        Just("ClientToken"),
        Just("BgpGroupId"),
        Just("BgpPeerId"),
        Just("PeerIpAddress"),
        Just("EnableBfd"),
        Just("BfdMultiHop"),
        Just("DstCidrBlock"),
        Just("VpcId"),
        Just("IsDefault"),
        Just("PageNumber"),
        Just("PageSize"),
        Just("AcceptLanguage"),
        Just("Filter.1.Key"),
        Just("Filter.1.Value.1"),
        Just("Filter.99999999999.Key"),
        Just("Filter.x.Value.y"),
        Just("Tags.1.Key"),
        Just("Tags.1.Value"),
        Just("IncludeCrossAccountVbr"),
        Just("ResourceGroupId"),
    ]
    .prop_map(str::to_string)
    .boxed()
    .prop_union("\\PC{0,12}".boxed())
}

fn hostile_request() -> impl Strategy<Value = (usize, Vec<(String, String)>)> {
    (
        0..actions::ACTIONS.len(),
        prop::collection::vec((hostile_key(), hostile_value()), 0..12),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn hostile_parameters_get_ok_or_a_4xx(requests in prop::collection::vec(hostile_request(), 1..6), settle in 0u64..3) {
        let mut emu = Emu::with_settle(settle * 1000);
        for (action, mut pairs) in requests {
            // Most requests get a valid region so the handlers' own checks are reached.
            if pairs.len() % 3 != 0 {
                pairs.insert(0, ("RegionId".to_string(), if pairs.len() % 2 == 0 { SH } else { HZ }.to_string()));
            }
            let action = actions::ACTIONS[action];
            let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            if let Err(e) = emu.call(action, &borrowed) {
                prop_assert!((400..500).contains(&e.status), "{action} {pairs:?} -> {e:?}");
                prop_assert!(!e.code.is_empty() && !e.message.is_empty());
            }
            emu.advance(700);
        }
    }
}
