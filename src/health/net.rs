//! Facts about addresses and AS numbers the rules judge by: a VBR's interconnect subnets, and
//! which AS numbers are reserved or for documentation.

use std::net::IpAddr;

use ipnet::{IpNet, Ipv4Net, Ipv6Net};

use crate::api::model::Vbr;

/// The address family of an IP version name (`IPv4`/`IPv6`, any case).
pub fn is_v6_version(version: Option<&str>) -> Option<bool> {
    match version?.to_ascii_lowercase().as_str() {
        "ipv4" => Some(false),
        "ipv6" => Some(true),
        _ => None,
    }
}

/// Where a peer's address sits on its VBR's interconnect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The VBR's customer-side gateway address (`PeerGatewayIp` / `PeerIpv6GatewayIp`).
    PeerGateway,
    /// Alibaba's side of the interconnect (`LocalGatewayIp` / `LocalIpv6GatewayIp`).
    LocalGateway,
    /// Another address of the interconnect subnet.
    InSubnet,
    /// Outside the interconnect subnet: a loopback or a multi-hop neighbour.
    Outside,
    /// The VBR has no interconnect addresses of this family to compare with.
    Unknown,
}

/// A VBR's interconnect of one family: the two gateway addresses and the subnet they share.
#[derive(Debug, Clone, Default)]
pub struct Interconnect {
    pub local: Option<IpAddr>,
    pub peer: Option<IpAddr>,
    pub subnet: Option<IpNet>,
}

impl Interconnect {
    /// The IPv4 or IPv6 interconnect of `vbr`.
    pub fn of(vbr: &Vbr, v6: bool) -> Interconnect {
        let ip = |s: Option<&str>| s.and_then(|s| s.trim().parse::<IpAddr>().ok());
        if v6 {
            let local = ip(vbr.local_ipv6_gateway_ip.as_str());
            let peer = ip(vbr.peer_ipv6_gateway_ip.as_str());
            let subnet = vbr
                .peering_ipv6_subnet_mask
                .as_str()
                .and_then(|m| v6_subnet(m, local.or(peer)));
            Interconnect {
                local,
                peer,
                subnet,
            }
        } else {
            let local = ip(vbr.local_gateway_ip.as_str());
            let peer = ip(vbr.peer_gateway_ip.as_str());
            let subnet = vbr
                .peering_subnet_mask
                .as_str()
                .and_then(|m| v4_subnet(m, local.or(peer)));
            Interconnect {
                local,
                peer,
                subnet,
            }
        }
    }

    pub fn place(&self, addr: IpAddr) -> Placement {
        if self.peer == Some(addr) {
            Placement::PeerGateway
        } else if self.local == Some(addr) {
            Placement::LocalGateway
        } else if let Some(net) = &self.subnet {
            if net.contains(&addr) {
                Placement::InSubnet
            } else {
                Placement::Outside
            }
        } else if self.peer.is_some() {
            Placement::Outside
        } else {
            Placement::Unknown
        }
    }
}

/// `255.255.255.252` (or a prefix length, `30`) around `addr`.
fn v4_subnet(mask: &str, addr: Option<IpAddr>) -> Option<IpNet> {
    let IpAddr::V4(addr) = addr? else {
        return None;
    };
    let mask = mask.trim();
    let len = match mask.parse::<std::net::Ipv4Addr>() {
        Ok(m) => ipnet::ipv4_mask_to_prefix(m).ok()?,
        Err(_) => mask.trim_start_matches('/').parse::<u8>().ok()?,
    };
    Ipv4Net::new(addr, len).ok().map(|n| IpNet::V4(n.trunc()))
}

/// `2408:4004:cc:400::/56` (a prefix: the API calls it a mask), or a bare length around `addr`.
fn v6_subnet(mask: &str, addr: Option<IpAddr>) -> Option<IpNet> {
    let mask = mask.trim();
    if let Ok(net) = mask.parse::<Ipv6Net>() {
        return Some(IpNet::V6(net.trunc()));
    }
    let IpAddr::V6(addr) = addr? else {
        return None;
    };
    let len = mask.trim_start_matches('/').parse::<u8>().ok()?;
    Ipv6Net::new(addr, len).ok().map(|n| IpNet::V6(n.trunc()))
}

/// What an AS number is, for the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsnClass {
    Ordinary,
    /// RFC 5398: 64496-64511 and 65536-65551, for documentation and examples.
    Documentation,
    /// 0 (RFC 7607), 23456 (AS_TRANS, RFC 6793), 65535 and 4294967295 (RFC 7300), 65552-131071
    /// (IANA reserved): never a real neighbour.
    Reserved,
}

pub fn classify_asn(asn: u64) -> AsnClass {
    match asn {
        0 | 23456 | 65535 | 4_294_967_295 | 65552..=131071 => AsnClass::Reserved,
        64496..=64511 | 65536..=65551 => AsnClass::Documentation,
        _ => AsnClass::Ordinary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vbr(v: serde_json::Value) -> Vbr {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn addresses_are_placed_on_the_interconnect() {
        let v = vbr(serde_json::json!({
            "LocalGatewayIp": "10.0.0.1", "PeerGatewayIp": "10.0.0.2",
            "PeeringSubnetMask": "255.255.255.252",
            "LocalIpv6GatewayIp": "2408:4005:3c0:1::1", "PeerIpv6GatewayIp": "2408:4005:3c0:1::2",
            "PeeringIpv6SubnetMask": "2408:4005:3c0:1::/64",
        }));
        let v4 = Interconnect::of(&v, false);
        let at = |i: &Interconnect, s: &str| i.place(s.parse().unwrap());
        assert_eq!(at(&v4, "10.0.0.2"), Placement::PeerGateway);
        assert_eq!(at(&v4, "10.0.0.1"), Placement::LocalGateway);
        assert_eq!(at(&v4, "10.0.0.3"), Placement::InSubnet);
        assert_eq!(at(&v4, "10.0.0.4"), Placement::Outside);
        let v6 = Interconnect::of(&v, true);
        assert_eq!(at(&v6, "2408:4005:3c0:1::2"), Placement::PeerGateway);
        assert_eq!(at(&v6, "2408:4005:3c0:1::9"), Placement::InSubnet);
        assert_eq!(at(&v6, "2001:db8::1"), Placement::Outside);
        let bare = Interconnect::of(&vbr(serde_json::json!({})), false);
        assert_eq!(at(&bare, "10.0.0.2"), Placement::Unknown);
    }

    #[test]
    fn a_prefix_length_is_a_mask_too() {
        let v =
            vbr(serde_json::json!({"LocalGatewayIp": "192.168.5.1", "PeeringSubnetMask": "29"}));
        let i = Interconnect::of(&v, false);
        assert_eq!(i.subnet.unwrap().to_string(), "192.168.5.0/29");
        assert_eq!(i.place("192.168.5.6".parse().unwrap()), Placement::InSubnet);
    }

    #[test]
    fn asns_are_classified_by_their_rfcs() {
        assert_eq!(classify_asn(65001), AsnClass::Ordinary);
        assert_eq!(classify_asn(45104), AsnClass::Ordinary);
        assert_eq!(classify_asn(4_200_000_000), AsnClass::Ordinary);
        assert_eq!(classify_asn(64500), AsnClass::Documentation);
        assert_eq!(classify_asn(65540), AsnClass::Documentation);
        for r in [0, 23456, 65535, 70000, 4_294_967_295] {
            assert_eq!(classify_asn(r), AsnClass::Reserved, "{r}");
        }
    }
}
