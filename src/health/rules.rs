//! `vbr check`'s rules: what is wrong with a BGP set-up, each finding with its severity, a stable
//! code, the object, one line of explanation and the command that fixes it.
//!
//! Every rule is a pure function of what was read (and of what repeated reads of the peers saw,
//! with `--observe`); `docs/health.md` documents each code, and a test keeps the two in step.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use serde::Serialize;

use super::net::{classify_asn, is_v6_version, AsnClass, Interconnect, Placement};
use super::setup::VbrSetup;
use crate::api::model::{BgpGroup, BgpPeer};

/// How bad a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The rules, by their stable codes (`--skip CODE`), with their highest severity and one line of
/// what they look for. The order is the order of the documentation.
pub const RULES: &[(&str, Severity, &str)] = &[
    (VBR_NOT_ACTIVE, Severity::Error, "the VBR is not active"),
    (
        IPV6_NOT_ENABLED,
        Severity::Error,
        "an IPv6 group on a VBR without IPv6",
    ),
    (
        PEER_IP_FAMILY_MISMATCH,
        Severity::Error,
        "a peer address of the other family than its group's IpVersion",
    ),
    (
        PEER_IP_IS_LOCAL_GATEWAY,
        Severity::Error,
        "a peer address that is Alibaba's own side of the interconnect",
    ),
    (
        PEER_IP_OFF_INTERCONNECT,
        Severity::Warning,
        "a peer address neither the VBR's peer gateway nor in its interconnect subnet",
    ),
    (
        DUPLICATE_PEER_IP,
        Severity::Error,
        "two peers of one VBR with the same address",
    ),
    (
        PEER_NOT_AVAILABLE,
        Severity::Error,
        "a peer whose Status is not Available",
    ),
    (
        PEER_NOT_ESTABLISHED,
        Severity::Error,
        "a peer whose BGP session is not Established",
    ),
    (
        SESSION_FLAPPING,
        Severity::Error,
        "a session that went up and down while the check watched",
    ),
    (
        BFD_INCONSISTENT,
        Severity::Warning,
        "BFD on for some peers of a VBR and off for others",
    ),
    (
        BFD_MULTIHOP_DIRECT,
        Severity::Warning,
        "BFD with a hop count above 1 to a neighbour on the interconnect",
    ),
    (
        BFD_MULTIHOP_TOO_LOW,
        Severity::Error,
        "BFD with hop count 1 to a neighbour off the interconnect",
    ),
    (
        ROUTE_LIMIT_REACHED,
        Severity::Error,
        "received routes at the group's RouteLimit",
    ),
    (
        ROUTE_LIMIT_NEAR,
        Severity::Warning,
        "received routes near the group's RouteLimit",
    ),
    (
        GROUP_WITHOUT_PEERS,
        Severity::Warning,
        "a BGP group with no peers",
    ),
    (
        GROUP_WITHOUT_AUTH_KEY,
        Severity::Warning,
        "a BGP group without an AuthKey",
    ),
    (
        IBGP_NOT_SUPPORTED,
        Severity::Error,
        "a group whose PeerAsn equals its LocalAsn (iBGP)",
    ),
    (ASN_RESERVED, Severity::Error, "a reserved AS number"),
    (
        ASN_DOCUMENTATION,
        Severity::Warning,
        "an AS number reserved for documentation",
    ),
    (
        NO_NETWORK_ADVERTISED,
        Severity::Warning,
        "sessions up but no BGP network advertised",
    ),
];

pub const VBR_NOT_ACTIVE: &str = "vbr-not-active";
pub const IPV6_NOT_ENABLED: &str = "ipv6-not-enabled";
pub const PEER_IP_FAMILY_MISMATCH: &str = "peer-ip-family-mismatch";
pub const PEER_IP_IS_LOCAL_GATEWAY: &str = "peer-ip-is-local-gateway";
pub const PEER_IP_OFF_INTERCONNECT: &str = "peer-ip-off-interconnect";
pub const DUPLICATE_PEER_IP: &str = "duplicate-peer-ip";
pub const PEER_NOT_AVAILABLE: &str = "peer-not-available";
pub const PEER_NOT_ESTABLISHED: &str = "peer-not-established";
pub const SESSION_FLAPPING: &str = "session-flapping";
pub const BFD_INCONSISTENT: &str = "bfd-inconsistent";
pub const BFD_MULTIHOP_DIRECT: &str = "bfd-multihop-direct";
pub const BFD_MULTIHOP_TOO_LOW: &str = "bfd-multihop-too-low";
pub const ROUTE_LIMIT_REACHED: &str = "route-limit-reached";
pub const ROUTE_LIMIT_NEAR: &str = "route-limit-near";
pub const GROUP_WITHOUT_PEERS: &str = "group-without-peers";
pub const GROUP_WITHOUT_AUTH_KEY: &str = "group-without-auth-key";
pub const IBGP_NOT_SUPPORTED: &str = "ibgp-not-supported";
pub const ASN_RESERVED: &str = "asn-reserved";
pub const ASN_DOCUMENTATION: &str = "asn-documentation";
pub const NO_NETWORK_ADVERTISED: &str = "no-network-advertised";

/// The BFD hop count the platform uses when none was set (the API shows 0).
pub const PLATFORM_BFD_MULTI_HOP: u64 = 255;

/// One thing found wrong, as `-o json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Finding {
    pub severity: Severity,
    pub code: &'static str,
    pub vbr_id: String,
    /// `Vbr`, `BgpGroup`, `BgpPeer` or `BgpNetwork`.
    pub object_type: &'static str,
    pub object_id: String,
    pub message: String,
    /// The bgpeer command that fixes it, where one exists.
    pub fix: Option<String>,
}

/// What the check was asked to judge by.
#[derive(Debug, Clone)]
pub struct Options {
    /// `route-limit-near` from this share of RouteLimit (percent).
    pub route_threshold_pct: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            route_threshold_pct: 80,
        }
    }
}

/// What repeated reads of the peers saw (`--observe`): each peer's BgpStatus in every read, and
/// how long the reads spanned.
#[derive(Debug, Clone, Default)]
pub struct Observed {
    pub reads: usize,
    pub span_ms: i64,
    /// BgpPeerId -> its (Status, BgpStatus) in each read that saw it, oldest first.
    pub history: HashMap<String, Vec<(String, String)>>,
}

/// Every finding on `vbrs`, VBR by VBR, most severe first within a VBR.
pub fn check(vbrs: &[VbrSetup], observed: &Observed, opts: &Options) -> Vec<Finding> {
    let mut out = Vec::new();
    for setup in vbrs {
        let mut found = Vec::new();
        check_vbr(setup, observed, opts, &mut found);
        found.sort_by_key(|f| std::cmp::Reverse(f.severity));
        out.extend(found);
    }
    out
}

struct Sink<'a> {
    vbr_id: &'a str,
    out: &'a mut Vec<Finding>,
}

impl Sink<'_> {
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        object: (&'static str, &str),
        message: String,
        fix: Option<String>,
    ) {
        self.out.push(Finding {
            severity,
            code,
            vbr_id: self.vbr_id.to_string(),
            object_type: object.0,
            object_id: object.1.to_string(),
            message,
            fix,
        });
    }
}

fn text(s: Option<&str>) -> &str {
    s.unwrap_or("")
}

fn peer_id(p: &BgpPeer) -> &str {
    text(p.bgp_peer_id.as_str())
}

fn group_id(g: &BgpGroup) -> &str {
    text(g.bgp_group_id.as_str())
}

fn check_vbr(setup: &VbrSetup, observed: &Observed, opts: &Options, out: &mut Vec<Finding>) {
    let vbr_id = setup.id().to_string();
    let mut sink = Sink {
        vbr_id: &vbr_id,
        out,
    };
    let vbr = &setup.vbr;
    let vbr_obj = ("Vbr", vbr_id.as_str());

    // The VBR itself.
    let status = text(vbr.status.as_str());
    if !status.eq_ignore_ascii_case("active") {
        sink.push(
            Severity::Error,
            VBR_NOT_ACTIVE,
            vbr_obj,
            format!(
                "the VBR is {}, not active: its BGP sessions cannot carry traffic",
                if status.is_empty() {
                    "of unknown status"
                } else {
                    status
                }
            ),
            None,
        );
    }
    let ipv6_on = vbr.enable_ipv6.as_bool().unwrap_or(false);

    // Groups.
    for g in setup.live_groups() {
        let gid = group_id(g);
        let obj = ("BgpGroup", gid);
        let v6 = is_v6_version(g.ip_version.as_str()).unwrap_or(false);
        if v6 && !ipv6_on {
            sink.push(
                Severity::Error,
                IPV6_NOT_ENABLED,
                obj,
                "an IPv6 group on a VBR without IPv6 enabled: its sessions cannot come up".into(),
                Some(format!("enable IPv6 on {vbr_id} (console or ModifyVirtualBorderRouterAttribute EnableIpv6=true), or delete the group: bgpeer group delete {gid} --cascade")),
            );
        }
        let peers = setup
            .live_peers()
            .filter(|p| p.bgp_group_id.as_str() == Some(gid))
            .count();
        if peers == 0 {
            sink.push(
                Severity::Warning,
                GROUP_WITHOUT_PEERS,
                obj,
                "the group has no peers: no session uses its ASN and key".into(),
                Some(format!("bgpeer peer create --bgp-group-id {gid} --peer-ip-address IP, or bgpeer group delete {gid}")),
            );
        }
        if g.auth_key.as_str().is_none_or(str::is_empty) {
            sink.push(
                Severity::Warning,
                GROUP_WITHOUT_AUTH_KEY,
                obj,
                "the group has no AuthKey: its sessions run without TCP MD5 authentication".into(),
                Some(format!(
                    "bgpeer group update {gid} --auth-key-file FILE (the same key on your router)"
                )),
            );
        }
        let peer_asn = g.peer_asn.as_u64();
        let local_asn = g.local_asn.as_u64();
        if let (Some(p), Some(l)) = (peer_asn, local_asn) {
            if p == l {
                sink.push(
                    Severity::Error,
                    IBGP_NOT_SUPPORTED,
                    obj,
                    format!(
                        "PeerAsn {p} equals LocalAsn {l}: that is iBGP, which VBRs do not support"
                    ),
                    Some(format!(
                        "bgpeer group update {gid} --peer-asn ASN (your router's ASN)"
                    )),
                );
            }
        }
        for (which, asn, flag) in [
            ("PeerAsn", peer_asn, "--peer-asn"),
            ("LocalAsn", local_asn, "--local-asn"),
        ] {
            let Some(asn) = asn else { continue };
            match classify_asn(asn) {
                AsnClass::Reserved => sink.push(
                    Severity::Error,
                    ASN_RESERVED,
                    obj,
                    format!("{which} {asn} is a reserved AS number, never a real neighbour's"),
                    Some(format!("bgpeer group update {gid} {flag} ASN")),
                ),
                AsnClass::Documentation => sink.push(
                    Severity::Warning,
                    ASN_DOCUMENTATION,
                    obj,
                    format!(
                        "{which} {asn} is reserved for documentation (RFC 5398): a copied example?"
                    ),
                    Some(format!("bgpeer group update {gid} {flag} ASN")),
                ),
                AsnClass::Ordinary => {}
            }
        }
    }

    // Peers. The VBR's two interconnects (IPv4, IPv6), read once.
    let interconnects = [Interconnect::of(vbr, false), Interconnect::of(vbr, true)];
    let mut by_ip: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut bfd_on: Vec<&str> = Vec::new();
    let mut bfd_off: Vec<&str> = Vec::new();
    let mut established = 0usize;
    for p in setup.live_peers() {
        let pid = peer_id(p);
        let obj = ("BgpPeer", pid);
        let group = p.bgp_group_id.as_str().and_then(|g| setup.group(g));
        let group_v6 = group
            .and_then(|g| is_v6_version(g.ip_version.as_str()))
            .or_else(|| is_v6_version(p.ip_version.as_str()));
        let addr = p
            .peer_ip_address
            .as_str()
            .and_then(|s| s.trim().parse::<std::net::IpAddr>().ok());
        let bfd = p.enable_bfd.as_bool().unwrap_or(false);
        let hops = p
            .bfd_multi_hop
            .as_u64()
            .filter(|h| *h > 0)
            .unwrap_or(PLATFORM_BFD_MULTI_HOP);
        if bfd {
            bfd_on.push(pid);
        } else {
            bfd_off.push(pid);
        }
        if let Some(addr) = addr {
            by_ip.entry(addr.to_string()).or_default().push(pid);
            let v6 = addr.is_ipv6();
            let mut family_ok = true;
            if let Some(gv6) = group_v6 {
                if gv6 != v6 {
                    family_ok = false;
                    let fam = |v6: bool| if v6 { "IPv6" } else { "IPv4" };
                    sink.push(
                        Severity::Error,
                        PEER_IP_FAMILY_MISMATCH,
                        obj,
                        format!("PeerIpAddress {addr} is {} but the group's IpVersion is {}", fam(v6), fam(gv6)),
                        Some(format!("bgpeer peer update {pid} --peer-ip-address IP (an {} address), or create the peer in an {} group", fam(gv6), fam(v6))),
                    );
                }
            }
            if family_ok {
                let ic = &interconnects[usize::from(v6)];
                let gw = if v6 {
                    "PeerIpv6GatewayIp"
                } else {
                    "PeerGatewayIp"
                };
                let placement = ic.place(addr);
                match placement {
                    Placement::LocalGateway => sink.push(
                        Severity::Error,
                        PEER_IP_IS_LOCAL_GATEWAY,
                        obj,
                        format!("PeerIpAddress {addr} is the VBR's own (Alibaba-side) gateway address: the session would peer with itself"),
                        Some(peer_ip_fix(pid, ic.peer)),
                    ),
                    Placement::Outside => {
                        let subnet = ic.subnet.map(|s| s.to_string()).unwrap_or_else(|| "unknown".into());
                        let peer_gw = ic.peer.map(|a| a.to_string()).unwrap_or_default();
                        if bfd && hops > 1 {
                            sink.push(
                                Severity::Info,
                                PEER_IP_OFF_INTERCONNECT,
                                obj,
                                format!("PeerIpAddress {addr} is outside the interconnect subnet {subnet} ({gw} {peer_gw}); BFD multi-hop ({hops}) suggests a loopback neighbour: make sure your router reaches it"),
                                None,
                            );
                        } else {
                            sink.push(
                                Severity::Warning,
                                PEER_IP_OFF_INTERCONNECT,
                                obj,
                                format!("PeerIpAddress {addr} is neither the VBR's {gw} {peer_gw} nor in its interconnect subnet {subnet}: the session is unlikely to come up"),
                                Some(peer_ip_fix(pid, ic.peer)),
                            );
                        }
                    }
                    _ => {}
                }
                if bfd {
                    let direct = matches!(placement, Placement::PeerGateway | Placement::InSubnet);
                    let set = p.bfd_multi_hop.as_u64().filter(|h| *h > 0).map_or_else(
                        || format!("{hops} (not set: the platform default)"),
                        |h| h.to_string(),
                    );
                    if direct && hops > 1 {
                        sink.push(
                            Severity::Warning,
                            BFD_MULTIHOP_DIRECT,
                            obj,
                            format!("BFD hop count {set} to a neighbour on the interconnect subnet, one hop away: BfdMultiHop is how many devices BFD packets may cross; the docs advise 1 for a direct link"),
                            Some(format!("bgpeer peer update {pid} --enable-bfd --bfd-multi-hop 1")),
                        );
                    } else if placement == Placement::Outside && hops == 1 {
                        sink.push(
                            Severity::Error,
                            BFD_MULTIHOP_TOO_LOW,
                            obj,
                            "BFD hop count 1 to a neighbour outside the interconnect subnet, at least two hops away: its BFD packets cross more devices than BfdMultiHop allows, so BFD cannot come up".into(),
                            Some(format!("bgpeer peer update {pid} --enable-bfd --bfd-multi-hop N (the hops to the neighbour)")),
                        );
                    }
                }
            }
        }

        // Status and session.
        let status = text(p.status.as_str());
        let bgp = text(p.bgp_status.as_str());
        let history: &[(String, String)] = observed.history.get(pid).map_or(&[], Vec::as_slice);
        if !status.eq_ignore_ascii_case("available") {
            let severity = if matches!(status, "Pending" | "Modifying") {
                Severity::Warning
            } else {
                Severity::Error
            };
            let since = p
                .gmt_modified
                .as_str()
                .map(|t| format!(" (last modified {t})"))
                .unwrap_or_default();
            let throughout = history.iter().all(|(s, _)| s == status);
            sink.push(
                severity,
                PEER_NOT_AVAILABLE,
                obj,
                format!(
                    "Status {}{since}{}",
                    if status.is_empty() { "unknown" } else { status },
                    seen_for(observed, throughout)
                ),
                Some(format!("bgpeer peer wait {pid} --until available")),
            );
            continue;
        }
        let sessions: Vec<&str> = history
            .iter()
            .filter(|(s, _)| s.eq_ignore_ascii_case("available"))
            .map(|(_, b)| b.as_str())
            .collect();
        let flips = changes(&sessions);
        let up = bgp.eq_ignore_ascii_case("established");
        if flips >= 2 {
            sink.push(
                Severity::Error,
                SESSION_FLAPPING,
                obj,
                format!(
                    "BgpStatus changed {flips} times in {}: {}",
                    span(observed.span_ms),
                    summarise(&sessions)
                ),
                Some("check the link and your router's BGP and BFD logs (bgpeer watch shows each change as it happens)".into()),
            );
        } else if !up {
            let seen = if flips == 1 {
                format!(
                    " since it went down during the check ({})",
                    summarise(&sessions)
                )
            } else {
                seen_for(observed, true)
            };
            sink.push(
                Severity::Error,
                PEER_NOT_ESTABLISHED,
                obj,
                format!(
                    "BgpStatus {}{seen}",
                    if bgp.is_empty() { "unknown" } else { bgp }
                ),
                Some(format!("check your router's neighbour {} (ASN, AuthKey, address), then: bgpeer peer wait {pid} --until established", text(p.peer_ip_address.as_str()))),
            );
        }
        if bgp.eq_ignore_ascii_case("established") {
            established += 1;
            let limit = p
                .route_limit
                .as_u64()
                .or_else(|| group.and_then(|g| g.route_limit.as_u64()));
            if let (Some(limit), Some(received)) = (limit, p.received_route_count.as_u64()) {
                let gid = text(p.bgp_group_id.as_str());
                let fix = Some(format!("bgpeer group update {gid} --route-quota N, or advertise fewer (aggregated) routes from your router"));
                if limit > 0 && received >= limit {
                    sink.push(
                        Severity::Error,
                        ROUTE_LIMIT_REACHED,
                        obj,
                        format!("receives {received} routes, at the group's RouteLimit {limit}: routes beyond the limit are dropped"),
                        fix,
                    );
                } else if limit > 0 && received * 100 >= limit * opts.route_threshold_pct {
                    sink.push(
                        Severity::Warning,
                        ROUTE_LIMIT_NEAR,
                        obj,
                        format!("receives {received} routes, {}% of the group's RouteLimit {limit} (warning from {}%)", received * 100 / limit, opts.route_threshold_pct),
                        fix,
                    );
                }
            }
        }
    }
    for (ip, peers) in &by_ip {
        if peers.len() > 1 {
            for pid in &peers[1..] {
                sink.push(
                    Severity::Error,
                    DUPLICATE_PEER_IP,
                    ("BgpPeer", pid),
                    format!(
                        "PeerIpAddress {ip} is also the address of {}: one neighbour, two sessions",
                        peers[0]
                    ),
                    Some(format!("bgpeer peer delete {pid}")),
                );
            }
        }
    }
    if !bfd_on.is_empty() && !bfd_off.is_empty() {
        sink.push(
            Severity::Warning,
            BFD_INCONSISTENT,
            vbr_obj,
            format!(
                "BFD is on for {} and off for {}: a failure is detected in milliseconds on some sessions and only at the hold timer on others",
                bfd_on.join(", "),
                bfd_off.join(", ")
            ),
            Some(format!("bgpeer peer update {} --enable-bfd --bfd-multi-hop 1 (for each)", bfd_off[0])),
        );
    }
    if established > 0 && setup.live_networks().next().is_none() {
        sink.push(
            Severity::Warning,
            NO_NETWORK_ADVERTISED,
            vbr_obj,
            format!("{established} session{} Established but the VBR advertises no BGP network: your data centre learns no cloud routes", if established == 1 { " is" } else { "s are" }),
            Some(format!("bgpeer network add --router-id {vbr_id} --dst-cidr-block CIDR")),
        );
    }
}

fn peer_ip_fix(pid: &str, gateway: Option<std::net::IpAddr>) -> String {
    match gateway {
        Some(gw) => format!("bgpeer peer update {pid} --peer-ip-address {gw}"),
        None => format!("bgpeer peer update {pid} --peer-ip-address IP"),
    }
}

/// How many times the state changed along a history.
fn changes(h: &[&str]) -> usize {
    h.windows(2).filter(|w| w[0] != w[1]).count()
}

/// `Established -> Idle -> Established`, each run of one state once.
fn summarise(h: &[&str]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for s in h {
        if out.last() != Some(s) {
            out.push(s);
        }
    }
    out.join(" -> ")
}

/// How long the check saw a state: " in every read for 30 s (7 reads)", " when last read", or
/// " when read (one read; --observe SECS watches longer)".
fn seen_for(observed: &Observed, throughout: bool) -> String {
    if observed.reads > 1 && throughout {
        format!(
            " in every read for {} ({} reads)",
            span(observed.span_ms),
            observed.reads
        )
    } else if observed.reads > 1 {
        " when last read".into()
    } else {
        " when read (one read; --observe SECS watches longer)".into()
    }
}

/// `30 s`, `2 min 5 s`.
pub fn span(ms: i64) -> String {
    let s = (ms.max(0) + 500) / 1000;
    let mut out = String::new();
    if s >= 60 {
        let _ = write!(out, "{} min ", s / 60);
    }
    let _ = write!(out, "{} s", s % 60);
    out
}

#[cfg(test)]
mod tests;
