//! Validation before sending. Every rule has a name; `--no-validate RULE` skips it. Each failure
//! names the flag (or the bulk-file field), the value and the rule, and nothing is sent (exit 2).

use std::net::IpAddr;

use super::Error;

/// The rules checked before a request is sent (`--no-validate RULE` skips one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// An IP address is IPv4 or IPv6 syntax
    IpAddress,
    /// An IP address's family matches --ip-version
    IpVersion,
    /// BfdMultiHop is 1-255
    BfdMultiHop,
    /// BfdMultiHop is only given with BFD enabled
    BfdEnabled,
    /// PeerAsn is 1-4294967295 and not 45104
    PeerAsn,
    /// LocalAsn is 45104, 64512-65534 or 4200000000-4294967294, and not 65025
    LocalAsn,
    /// A CIDR block is ADDRESS/PREFIX syntax
    Cidr,
    /// A CIDR block has its host bits zero
    CidrHostBits,
    /// ClientToken is ASCII and at most 64 characters
    ClientToken,
    /// Name: 2-128 characters, starts with a letter; letters, digits, '.', '_', '-'
    Name,
    /// Description: 2-256 characters, starts with a letter, not http:// or https://
    Description,
    /// IDs have their resource's prefix (bgpg-, bgp-, vbr-, vpc-)
    IdPrefix,
    /// RegionId looks like a region ID (cn-shanghai, ap-southeast-1)
    RegionId,
}

impl Rule {
    /// Every rule, in the order help lists them.
    pub const ALL: &'static [Rule] = &[
        Rule::IpAddress,
        Rule::IpVersion,
        Rule::BfdMultiHop,
        Rule::BfdEnabled,
        Rule::PeerAsn,
        Rule::LocalAsn,
        Rule::Cidr,
        Rule::CidrHostBits,
        Rule::ClientToken,
        Rule::Name,
        Rule::Description,
        Rule::IdPrefix,
        Rule::RegionId,
    ];

    /// What the rule checks, in one line (shown by `--help` and completions).
    pub fn describe(self) -> &'static str {
        match self {
            Rule::IpAddress => "An IP address is IPv4 or IPv6 syntax",
            Rule::IpVersion => "An IP address's family matches --ip-version",
            Rule::BfdMultiHop => "BfdMultiHop is 1-255",
            Rule::BfdEnabled => "BfdMultiHop is only given with BFD enabled",
            Rule::PeerAsn => "PeerAsn is 1-4294967295 and not 45104",
            Rule::LocalAsn => {
                "LocalAsn is 45104, 64512-65534 or 4200000000-4294967294, and not 65025"
            }
            Rule::Cidr => "A CIDR block is ADDRESS/PREFIX syntax",
            Rule::CidrHostBits => "A CIDR block has its host bits zero",
            Rule::ClientToken => "ClientToken is ASCII and at most 64 characters",
            Rule::Name => {
                "Name: 2-128 characters, starts with a letter; letters, digits, '.', '_', '-'"
            }
            Rule::Description => {
                "Description: 2-256 characters, starts with a letter, not http:// or https://"
            }
            Rule::IdPrefix => "IDs have their resource's prefix (bgpg-, bgp-, vbr-, vpc-)",
            Rule::RegionId => "RegionId looks like a region ID (cn-shanghai, ap-southeast-1)",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Rule::IpAddress => "ip-address",
            Rule::IpVersion => "ip-version",
            Rule::BfdMultiHop => "bfd-multi-hop",
            Rule::BfdEnabled => "bfd-enabled",
            Rule::PeerAsn => "peer-asn",
            Rule::LocalAsn => "local-asn",
            Rule::Cidr => "cidr",
            Rule::CidrHostBits => "cidr-host-bits",
            Rule::ClientToken => "client-token",
            Rule::Name => "name",
            Rule::Description => "description",
            Rule::IdPrefix => "id-prefix",
            Rule::RegionId => "region-id",
        }
    }
}

/// A request field: its command-line flag and its API parameter (the bulk-file field name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub flag: &'static str,
    pub param: &'static str,
    /// Its key in a declarative file (`peer_asn`): the flag in snake_case.
    pub key: &'static str,
}

macro_rules! fields {
    ($($id:ident = $flag:literal, $param:literal, $key:literal;)*) => {
        $(pub const $id: Field = Field { flag: $flag, param: $param, key: $key };)*
    };
}

fields! {
    REGION_ID = "--region", "RegionId", "region";
    ROUTER_ID = "--router-id", "RouterId", "router_id";
    BGP_GROUP_ID = "--bgp-group-id", "BgpGroupId", "bgp_group_id";
    BGP_PEER_ID = "--bgp-peer-id", "BgpPeerId", "bgp_peer_id";
    // IDs given positionally (`group update ID`, `peer delete ID`) are named by their placeholder.
    BGP_GROUP_ID_ARG = "BGP_GROUP_ID", "BgpGroupId", "bgp_group_id";
    BGP_PEER_ID_ARG = "BGP_PEER_ID", "BgpPeerId", "bgp_peer_id";
    VPC_ID = "--vpc-id", "VpcId", "vpc_id";
    PEER_ASN = "--peer-asn", "PeerAsn", "peer_asn";
    LOCAL_ASN = "--local-asn", "LocalAsn", "local_asn";
    NAME = "--name", "Name", "name";
    DESCRIPTION = "--description", "Description", "description";
    PEER_IP_ADDRESS = "--peer-ip-address", "PeerIpAddress", "peer_ip_address";
    ENABLE_BFD = "--enable-bfd", "EnableBfd", "enable_bfd";
    BFD_MULTI_HOP = "--bfd-multi-hop", "BfdMultiHop", "bfd_multi_hop";
    IP_VERSION = "--ip-version", "IpVersion", "ip_version";
    DST_CIDR_BLOCK = "--dst-cidr-block", "DstCidrBlock", "dst_cidr_block";
    CLIENT_TOKEN = "--client-token", "ClientToken", "client_token";
    ROUTE_QUOTA = "--route-quota", "RouteQuota", "route_quota";
}

/// Address family (`IpVersion`); the API takes it case-insensitively and echoes `IPv4`/`IPv6`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum IpVersion {
    IPv4,
    IPv6,
}

impl IpVersion {
    pub const ALL: &'static [IpVersion] = &[IpVersion::IPv4, IpVersion::IPv6];

    pub fn as_str(self) -> &'static str {
        match self {
            IpVersion::IPv4 => "IPv4",
            IpVersion::IPv6 => "IPv6",
        }
    }

    pub fn parse(s: &str) -> Option<IpVersion> {
        match s.to_ascii_lowercase().as_str() {
            "ipv4" => Some(IpVersion::IPv4),
            "ipv6" => Some(IpVersion::IPv6),
            _ => None,
        }
    }
}

impl std::fmt::Display for IpVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether messages name command-line flags or bulk-file fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    Flags,
    Params,
    /// The snake_case keys of a declarative file (`peer_asn`).
    Keys,
}

/// Checks values against the rules, minus the skipped ones.
#[derive(Debug, Clone)]
pub struct Validator {
    skip: Vec<Rule>,
    naming: Naming,
}

pub const ALIBABA_ASN: u64 = 45104;
pub const RESERVED_LOCAL_ASN: u64 = 65025;

impl Validator {
    pub fn new(skip: &[Rule], naming: Naming) -> Validator {
        Validator {
            skip: skip.to_vec(),
            naming,
        }
    }

    pub fn label(&self, field: Field) -> &'static str {
        match self.naming {
            Naming::Flags => field.flag,
            Naming::Params => field.param,
            Naming::Keys => field.key,
        }
    }

    fn check(
        &self,
        rule: Rule,
        ok: bool,
        field: Field,
        value: &str,
        why: &str,
    ) -> Result<(), Error> {
        if ok || self.skip.contains(&rule) {
            return Ok(());
        }
        Err(Error::usage(
            format!("invalid {} {value:?}: {why} (rule {})", self.label(field), rule.name()),
            Some(format!(
                "fix the value; if you are sure the API accepts it, skip this check with --no-validate {}",
                rule.name()
            )),
        ))
    }

    pub fn region_id(&self, region: &str) -> Result<(), Error> {
        let ok = region_id_syntax(region);
        self.check(
            Rule::RegionId,
            ok,
            REGION_ID,
            region,
            "a region ID is lower-case words and digits joined by '-', like cn-shanghai or ap-southeast-1 (see `bgpeer region list`)",
        )
    }

    pub fn id(&self, field: Field, value: &str) -> Result<(), Error> {
        let prefix = match field.param {
            "BgpGroupId" => "bgpg-",
            "BgpPeerId" => "bgp-",
            "RouterId" => "vbr-",
            "VpcId" => "vpc-",
            _ => "",
        };
        let rest = value.strip_prefix(prefix).unwrap_or("");
        let ok = value.starts_with(prefix)
            && !rest.is_empty()
            && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '*');
        let what = match field.param {
            "BgpGroupId" => "a BGP group ID",
            "BgpPeerId" => "a BGP peer ID",
            "RouterId" => "a VBR ID",
            _ => "a VPC ID",
        };
        self.check(
            Rule::IdPrefix,
            ok,
            field,
            value,
            &format!("{what} starts with {prefix:?} followed by letters and digits"),
        )
    }

    pub fn peer_asn(&self, asn: u64) -> Result<(), Error> {
        let v = asn.to_string();
        self.check(
            Rule::PeerAsn,
            (1..=4_294_967_295).contains(&asn),
            PEER_ASN,
            &v,
            "an ASN is 1-4294967295",
        )?;
        self.check(
            Rule::PeerAsn,
            asn != ALIBABA_ASN,
            PEER_ASN,
            &v,
            "45104 is Alibaba Cloud's own ASN and cannot be the peer's; use your device's ASN",
        )
    }

    pub fn local_asn(&self, asn: u64) -> Result<(), Error> {
        let ok = asn == ALIBABA_ASN
            || ((64512..=65534).contains(&asn) && asn != RESERVED_LOCAL_ASN)
            || (4_200_000_000..=4_294_967_294).contains(&asn);
        let why = if asn == RESERVED_LOCAL_ASN {
            "65025 is reserved by Alibaba Cloud"
        } else {
            "a custom local ASN must be 64512-65534 or 4200000000-4294967294 (45104, the default, is also accepted)"
        };
        self.check(Rule::LocalAsn, ok, LOCAL_ASN, &asn.to_string(), why)
    }

    /// An IP address, and its family against the IP version when one is known.
    pub fn ip_address(
        &self,
        field: Field,
        value: &str,
        version: Option<IpVersion>,
    ) -> Result<(), Error> {
        let parsed = value.parse::<IpAddr>();
        self.check(
            Rule::IpAddress,
            parsed.is_ok(),
            field,
            value,
            "not an IPv4 (10.0.0.2) or IPv6 (2001:db8::2) address",
        )?;
        if let (Ok(ip), Some(version)) = (parsed, version) {
            let family = if ip.is_ipv4() {
                IpVersion::IPv4
            } else {
                IpVersion::IPv6
            };
            self.check(
                Rule::IpVersion,
                family == version,
                field,
                value,
                &format!(
                    "an {family} address, but the IP version is {version} (set {} {family}, or give an {version} address)",
                    self.label(IP_VERSION)
                ),
            )?;
        }
        Ok(())
    }

    /// BfdMultiHop is 1-255 and only meaningful with BFD on (`bfd_on`: the value BFD will have).
    pub fn bfd(&self, multi_hop: Option<i64>, bfd_on: bool) -> Result<(), Error> {
        let Some(hop) = multi_hop else { return Ok(()) };
        let v = hop.to_string();
        self.check(
            Rule::BfdMultiHop,
            (1..=255).contains(&hop),
            BFD_MULTI_HOP,
            &v,
            "the BFD hop count is 1-255",
        )?;
        self.check(
            Rule::BfdEnabled,
            bfd_on,
            BFD_MULTI_HOP,
            &v,
            &format!(
                "a BFD hop count needs BFD enabled (add {})",
                self.label(ENABLE_BFD)
            ),
        )
    }

    pub fn cidr(&self, field: Field, value: &str) -> Result<(), Error> {
        let parsed = value.parse::<ipnet::IpNet>();
        self.check(
            Rule::Cidr,
            parsed.is_ok(),
            field,
            value,
            "not a CIDR block such as 192.168.0.0/24 or 2408:4000::/56",
        )?;
        if let Ok(net) = parsed {
            self.check(
                Rule::CidrHostBits,
                net.trunc() == net,
                field,
                value,
                &format!("host bits are set; did you mean {}?", net.trunc()),
            )?;
        }
        Ok(())
    }

    pub fn client_token(&self, token: &str) -> Result<(), Error> {
        let ok =
            !token.is_empty() && token.len() <= 64 && token.chars().all(|c| c.is_ascii_graphic());
        self.check(
            Rule::ClientToken,
            ok,
            CLIENT_TOKEN,
            token,
            "a client token is 1-64 printable ASCII characters",
        )
    }

    pub fn name(&self, name: &str) -> Result<(), Error> {
        let n = name.chars().count();
        let first_ok = name.chars().next().is_some_and(|c| c.is_alphabetic());
        let chars_ok = name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'));
        self.check(
            Rule::Name,
            (2..=128).contains(&n) && first_ok && chars_ok,
            NAME,
            name,
            "a name is 2-128 characters, starts with a letter, and holds only letters, digits, '.', '_' and '-'",
        )
    }

    pub fn description(&self, text: &str) -> Result<(), Error> {
        let n = text.chars().count();
        let first_ok = text.chars().next().is_some_and(|c| c.is_alphabetic());
        let lower = text.to_ascii_lowercase();
        let no_url = !lower.starts_with("http://") && !lower.starts_with("https://");
        self.check(
            Rule::Description,
            (2..=256).contains(&n) && first_ok && no_url,
            DESCRIPTION,
            text,
            "a description is 2-256 characters, starts with a letter, and does not start with http:// or https://",
        )
    }
}

fn region_id_syntax(region: &str) -> bool {
    let mut parts = region.split('-');
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    first.len() >= 2
        && first.chars().all(|c| c.is_ascii_lowercase())
        && !rest.is_empty()
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
        && region.len() <= 64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v() -> Validator {
        Validator::new(&[], Naming::Flags)
    }

    fn msg(r: Result<(), Error>) -> String {
        r.expect_err("should be rejected").to_string()
    }

    #[test]
    fn peer_asn_range_and_alibaba_asn() {
        assert!(v().peer_asn(65001).is_ok());
        assert!(v().peer_asn(4_294_967_295).is_ok());
        let m = msg(v().peer_asn(45104));
        assert!(
            m.contains("--peer-asn") && m.contains("45104") && m.contains("peer-asn"),
            "{m}"
        );
        assert!(msg(v().peer_asn(0)).contains("1-4294967295"));
        assert!(msg(v().peer_asn(4_294_967_296)).contains("1-4294967295"));
        assert!(Validator::new(&[Rule::PeerAsn], Naming::Flags)
            .peer_asn(45104)
            .is_ok());
    }

    #[test]
    fn local_asn_ranges() {
        for ok in [45104, 64512, 65534, 4_200_000_000, 4_294_967_294] {
            assert!(v().local_asn(ok).is_ok(), "{ok}");
        }
        for bad in [1, 64511, 65535, 4_294_967_295, 100_000] {
            assert!(v().local_asn(bad).is_err(), "{bad}");
        }
        assert!(msg(v().local_asn(65025)).contains("reserved"));
    }

    #[test]
    fn ip_syntax_and_family() {
        assert!(v()
            .ip_address(PEER_IP_ADDRESS, "10.0.0.2", Some(IpVersion::IPv4))
            .is_ok());
        assert!(v()
            .ip_address(PEER_IP_ADDRESS, "2001:db8::2", Some(IpVersion::IPv6))
            .is_ok());
        assert!(
            msg(v().ip_address(PEER_IP_ADDRESS, "10.0.0.300", None)).contains("rule ip-address")
        );
        let m = msg(v().ip_address(PEER_IP_ADDRESS, "2001:db8::2", Some(IpVersion::IPv4)));
        assert!(
            m.contains("rule ip-version") && m.contains("--ip-version IPv6"),
            "{m}"
        );
        let params = Validator::new(&[], Naming::Params);
        assert!(msg(params.ip_address(PEER_IP_ADDRESS, "x", None)).contains("PeerIpAddress"));
    }

    #[test]
    fn bfd_rules() {
        assert!(v().bfd(Some(1), true).is_ok());
        assert!(v().bfd(Some(255), true).is_ok());
        assert!(v().bfd(None, false).is_ok());
        assert!(msg(v().bfd(Some(0), true)).contains("rule bfd-multi-hop"));
        assert!(msg(v().bfd(Some(256), true)).contains("1-255"));
        assert!(msg(v().bfd(Some(3), false)).contains("rule bfd-enabled"));
    }

    #[test]
    fn cidr_rules() {
        assert!(v().cidr(DST_CIDR_BLOCK, "192.168.0.0/24").is_ok());
        assert!(v().cidr(DST_CIDR_BLOCK, "2408:4000::/56").is_ok());
        assert!(msg(v().cidr(DST_CIDR_BLOCK, "192.168.0.0")).contains("rule cidr"));
        let m = msg(v().cidr(DST_CIDR_BLOCK, "192.168.0.1/24"));
        assert!(
            m.contains("cidr-host-bits") && m.contains("192.168.0.0/24"),
            "{m}"
        );
    }

    #[test]
    fn tokens_names_descriptions_ids_regions() {
        assert!(v()
            .client_token("123e4567-e89b-12d3-a456-426655440000")
            .is_ok());
        assert!(v().client_token(&"a".repeat(65)).is_err());
        assert!(v().client_token("héllo").is_err());
        assert!(v().name("core-1.a_b").is_ok());
        assert!(v().name("1abc").is_err());
        assert!(v().name("a").is_err());
        assert!(v().name("ab cd").is_err());
        assert!(v().description("Uplink to DC1").is_ok());
        assert!(v().description("https://x").is_err());
        assert!(v().id(BGP_GROUP_ID, "bgpg-abc123").is_ok());
        assert!(v().id(BGP_GROUP_ID, "bgp-abc123").is_err());
        assert!(v().id(BGP_PEER_ID, "bgpg-abc").is_err());
        assert!(v().id(ROUTER_ID, "vbr-abc").is_ok());
        assert!(msg(v().id(ROUTER_ID, "vrt-abc")).contains("rule id-prefix"));
        assert!(v().region_id("cn-shanghai").is_ok());
        assert!(v().region_id("ap-southeast-1").is_ok());
        assert!(v().region_id("cn-shanghai-finance-1").is_ok());
        assert!(v().region_id("Shanghai").is_err());
        assert!(v().region_id("cn_shanghai").is_err());
    }

    #[test]
    fn ip_version_parses_any_case() {
        assert_eq!(IpVersion::parse("ipv4"), Some(IpVersion::IPv4));
        assert_eq!(IpVersion::parse("IPV6"), Some(IpVersion::IPv6));
        assert_eq!(IpVersion::parse("4"), None);
    }
}
