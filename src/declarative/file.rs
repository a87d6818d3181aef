//! The declarative file: its YAML/JSON form, read with positions, and every check that needs
//! nothing but the file (types, unknown keys, duplicate natural keys, the validation rules).
//!
//! YAML is read with serde-saphyr (safe code, budgets against hostile input, a line and column on
//! every error); JSON is read by the same parser, since JSON is YAML's flow style, so both forms
//! give the same positions and messages. Booleans are YAML 1.2's (`true`/`false` only: `yes` is
//! an error, not a silent `true`), duplicate keys are errors.

use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::problem::{At, FileError, Problem};
use crate::api::validate::{self, IpVersion, Naming, Rule, Validator};

/// The most bytes a declarative file may have (a file of thousands of VBRs is far smaller).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

// ---- the file as written -------------------------------------------------------------------

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDoc {
    region: Option<Spanned<String>>,
    #[serde(default)]
    vbrs: Vec<Spanned<RawVbr>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVbr {
    vbr_id: Spanned<String>,
    region: Option<Spanned<String>>,
    #[serde(default)]
    groups: Vec<Spanned<RawGroup>>,
    #[serde(default)]
    networks: Vec<Spanned<RawNetwork>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    name: Option<Spanned<String>>,
    id: Option<Spanned<String>>,
    description: Option<Spanned<String>>,
    peer_asn: Option<Spanned<u64>>,
    local_asn: Option<Spanned<u64>>,
    is_fake_asn: Option<bool>,
    route_quota: Option<Spanned<u32>>,
    ip_version: Option<Spanned<IpVersion>>,
    auth_key: Option<Spanned<KeySource>>,
    #[serde(default)]
    peers: Vec<Spanned<RawPeer>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeer {
    peer_ip_address: Spanned<String>,
    ip_version: Option<Spanned<IpVersion>>,
    enable_bfd: Option<bool>,
    bfd_multi_hop: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNetwork {
    dst_cidr_block: Spanned<String>,
    vpc_id: Option<Spanned<String>>,
}

/// Where a group's AuthKey comes from. Absent from the file: unmanaged.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeySource {
    /// `auth_key: {env: NAME}`: the value of an environment variable.
    Env(String),
    /// `auth_key: {file: PATH}`: the contents of a file (one trailing newline dropped).
    File(String),
    /// `auth_key: none`: the group must have no key (ClearAuthKey).
    None,
}

impl<'de> Deserialize<'de> for KeySource {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = KeySource;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("`none`, `{env: NAME}` or `{file: PATH}`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeySource, E> {
                if v == "none" {
                    Ok(KeySource::None)
                } else {
                    Err(E::custom(
                        "auth_key is never written in clear: use `{env: NAME}` (an environment variable), `{file: PATH}` (a file) or `none` (no key)",
                    ))
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeySource, A::Error> {
                let Some(key) = map.next_key::<String>()? else {
                    return Err(de::Error::custom(
                        "auth_key needs `env: NAME` or `file: PATH`",
                    ));
                };
                let value: String = map.next_value()?;
                let source = match key.as_str() {
                    "env" => KeySource::Env(value),
                    "file" => KeySource::File(value),
                    other => return Err(de::Error::unknown_field(other, &["env", "file"])),
                };
                if map.next_key::<String>()?.is_some() {
                    return Err(de::Error::custom(
                        "auth_key takes one of `env` and `file`, not both",
                    ));
                }
                Ok(source)
            }
        }
        d.deserialize_any(V)
    }
}

// ---- the file as checked -------------------------------------------------------------------

/// The desired set-up: what the file says, checked, with where each thing was written.
#[derive(Debug, Clone, Default)]
pub struct Desired {
    pub vbrs: Vec<DesiredVbr>,
}

#[derive(Debug, Clone)]
pub struct DesiredVbr {
    pub vbr_id: String,
    pub region: String,
    pub groups: Vec<DesiredGroup>,
    pub networks: Vec<DesiredNetwork>,
    pub at: At,
}

#[derive(Debug, Clone)]
pub struct DesiredGroup {
    pub name: Option<String>,
    pub id: Option<String>,
    pub description: Option<String>,
    pub peer_asn: Option<u64>,
    pub local_asn: Option<u64>,
    pub is_fake_asn: Option<bool>,
    pub route_quota: Option<u32>,
    pub ip_version: Option<IpVersion>,
    pub auth_key: Option<KeySource>,
    /// Where `auth_key` is written (the group's place when it is not).
    pub auth_key_at: At,
    pub peers: Vec<DesiredPeer>,
    pub at: At,
}

impl DesiredGroup {
    /// How the plan names it: its name, else its pinned ID.
    pub fn key(&self) -> String {
        self.name
            .clone()
            .or_else(|| self.id.clone())
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone)]
pub struct DesiredPeer {
    pub peer_ip_address: String,
    pub ip: IpAddr,
    pub ip_version: Option<IpVersion>,
    pub enable_bfd: Option<bool>,
    pub bfd_multi_hop: Option<i64>,
    pub at: At,
}

#[derive(Debug, Clone)]
pub struct DesiredNetwork {
    pub dst_cidr_block: String,
    pub vpc_id: Option<String>,
    pub at: At,
}

/// Options of reading a file: the region when neither the file nor a VBR names one, and the
/// validation rules to skip (`--no-validate`).
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub default_region: Option<String>,
    pub skip: Vec<Rule>,
}

fn saphyr_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
    }
}

/// Reads and checks a declarative file (`name` is how messages name it). Every problem the
/// file has is reported at once, each with its line, column, key path and fix.
pub fn read(name: &str, text: &str, opts: &ReadOptions) -> Result<Desired, FileError> {
    let fail = |p: Problem| FileError::new(name, vec![p]);
    if text.len() > MAX_FILE_BYTES {
        return Err(fail(Problem::new(
            At::start(),
            format!(
                "the file is {} bytes, more than the {MAX_FILE_BYTES} a declarative file may have",
                text.len()
            ),
            "split the set-up into several files, one per group of VBRs",
        )));
    }
    let raw = parse(text).map_err(fail)?;
    check(raw, opts).map_err(|problems| FileError::new(name, problems))
}

fn parse(text: &str) -> Result<RawDoc, Problem> {
    if text.trim().is_empty() {
        return Err(Problem::new(
            At::start(),
            "the file is empty".into(),
            "write a document with `region:` and `vbrs:` (see `bgpeer export --help` for one made from the live set-up)",
        ));
    }
    let mut path = String::new();
    let parsed =
        serde_saphyr::with_deserializer_from_str_with_options(text, saphyr_options(), |de| {
            serde_path_to_error::deserialize(de).map_err(|e| {
                path = e.path().to_string();
                e.into_inner()
            })
        });
    parsed.map_err(|e| {
        let (line, column) = e
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((0, 0));
        let message = strip_location(&e.to_string());
        let path = clean_path(&path);
        let fix = fix_for(&message);
        Problem::new(At { line, column, path }, message, fix)
    })
}

/// serde-saphyr says `error: line 6 column 19: invalid u64`; the position is shown apart.
fn strip_location(message: &str) -> String {
    let m = message.trim();
    let m = m.strip_prefix("error: ").unwrap_or(m);
    let m = match m.strip_prefix("line ") {
        Some(rest) => match rest.find(": ") {
            Some(i) if rest[..i].contains("column") => &rest[i + 2..],
            _ => m,
        },
        None => m,
    };
    let m = m.lines().next().unwrap_or(m).trim();
    // A custom error of ours gets ` at line 6, column 19` appended: the position is shown apart.
    match m.rfind(" at line ") {
        Some(i) if m[i..].contains(", column ") => m[..i].to_string(),
        _ => m.to_string(),
    }
}

/// `vbrs[0].groups[0].peer_asn.value` → `vbrs[0].groups[0].peer_asn` (Spanned's inner field);
/// an unknown position (`?`) is left out.
fn clean_path(path: &str) -> String {
    let p = path.replace(".value", "");
    let p = p.trim_end_matches(".?").trim_end_matches('?').to_string();
    if p == "." {
        String::new()
    } else {
        p
    }
}

fn fix_for(message: &str) -> &'static str {
    if message.contains("unknown field") {
        "check the key's spelling: the keys are the API's field names in snake_case (see docs/bgp-as-code.md)"
    } else if message.contains("duplicate mapping key") {
        "write each key once"
    } else if message.contains("invalid boolean") {
        "write true or false"
    } else if message.contains("missing field") {
        "add the key: it is required here"
    } else if message.contains("auth_key") {
        "set auth_key to {env: NAME}, {file: PATH} or none, or leave it out to leave the key as it is"
    } else if message.contains("unknown variant") {
        "use one of the values the message lists (e.g. IPv4 or IPv6)"
    } else if message.contains("recursion")
        || message.contains("budget")
        || message.contains("limit")
    {
        "the file is nested too deeply or has too many aliases; write it out plainly"
    } else {
        "fix the value's type or the YAML syntax at this position (see docs/bgp-as-code.md for the format)"
    }
}

fn at<T>(s: &Spanned<T>, path: String) -> At {
    At {
        line: s.referenced.line(),
        column: s.referenced.column(),
        path,
    }
}

/// Runs `check` on a validator that names the file's keys; its error becomes a problem at `at`.
fn rule(problems: &mut Vec<Problem>, at: At, result: Result<(), crate::api::Error>) {
    if let Err(e) = result {
        let (message, fix) = match &e {
            crate::api::Error::Usage { message, hint } => (message.clone(), hint.clone()),
            other => (other.to_string(), None),
        };
        let fix = fix.unwrap_or_else(|| "fix the value".into());
        problems.push(Problem::new(at, message, fix));
    }
}

fn check(raw: RawDoc, opts: &ReadOptions) -> Result<Desired, Vec<Problem>> {
    let v = Validator::new(&opts.skip, Naming::Keys);
    let mut problems = Vec::new();
    let top_region = raw.region.as_ref().map(|r| r.value.clone());
    if let Some(r) = &raw.region {
        rule(&mut problems, at(r, "region".into()), v.region_id(&r.value));
    }
    if raw.vbrs.is_empty() {
        problems.push(Problem::new(
            At {
                path: "vbrs".into(),
                ..At::start()
            },
            "the file names no VBR".into(),
            "add `vbrs:` with at least one `- vbr_id: vbr-...` (bgpeer export VBR_ID writes one)",
        ));
    }
    let mut seen_vbrs: HashMap<(String, String), At> = HashMap::new();
    let mut vbrs = Vec::new();
    for (vi, rv) in raw.vbrs.iter().enumerate() {
        let base = format!("vbrs[{vi}]");
        let vbr_at = at(&rv.value.vbr_id, format!("{base}.vbr_id"));
        let rv_val = &rv.value;
        let region = match (&rv_val.region, &top_region, &opts.default_region) {
            (Some(r), _, _) => {
                rule(
                    &mut problems,
                    at(r, format!("{base}.region")),
                    v.region_id(&r.value),
                );
                r.value.clone()
            }
            (None, Some(r), _) => r.clone(),
            (None, None, Some(r)) => r.clone(),
            (None, None, None) => {
                problems.push(Problem::new(
                    vbr_at.clone(),
                    format!("no region for VBR {}", rv_val.vbr_id.value),
                    "add `region: REGION` at the top of the file (or to this VBR), or give --region",
                ));
                String::new()
            }
        };
        rule(
            &mut problems,
            vbr_at.clone(),
            v.id(
                validate::Field {
                    key: "vbr_id",
                    ..validate::ROUTER_ID
                },
                &rv_val.vbr_id.value,
            ),
        );
        if let Some(first) = seen_vbrs.insert(
            (region.clone(), rv_val.vbr_id.value.clone()),
            vbr_at.clone(),
        ) {
            problems.push(Problem::new(
                vbr_at.clone(),
                format!(
                    "VBR {} is named twice (first at line {})",
                    rv_val.vbr_id.value, first.line
                ),
                "describe each VBR once: merge the two entries",
            ));
        }
        let mut names: HashMap<String, usize> = HashMap::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut peer_ips: HashMap<IpAddr, usize> = HashMap::new();
        let mut groups = Vec::new();
        for (gi, rg) in rv_val.groups.iter().enumerate() {
            let gbase = format!("{base}.groups[{gi}]");
            let g = &rg.value;
            let gat = at(rg, gbase.clone());
            if g.name.is_none() && g.id.is_none() {
                problems.push(Problem::new(
                    gat.clone(),
                    "a group needs a `name` (its natural key), or an `id` to adopt a live group that has none".into(),
                    "add `name: NAME`",
                ));
            }
            if let Some(n) = &g.name {
                let nat = at(n, format!("{gbase}.name"));
                rule(&mut problems, nat.clone(), v.name(&n.value));
                // A pinned group is matched by its id: its name may repeat another's.
                let unpinned = g.id.is_none();
                if let Some(first) = unpinned
                    .then(|| names.insert(n.value.clone(), n.referenced.line() as usize))
                    .flatten()
                {
                    problems.push(Problem::new(
                        nat,
                        format!(
                            "group name {:?} is used twice in VBR {} (first at line {first})",
                            n.value, rv_val.vbr_id.value
                        ),
                        "group names are the groups' keys: make them unique within the VBR",
                    ));
                }
            }
            if let Some(id) = &g.id {
                let iat = at(id, format!("{gbase}.id"));
                rule(
                    &mut problems,
                    iat.clone(),
                    v.id(validate::BGP_GROUP_ID, &id.value),
                );
                if let Some(first) = ids.insert(id.value.clone(), id.referenced.line() as usize) {
                    problems.push(Problem::new(
                        iat,
                        format!(
                            "group id {} is pinned twice (first at line {first})",
                            id.value
                        ),
                        "pin each live group once",
                    ));
                }
            }
            if let Some(d) = &g.description {
                rule(
                    &mut problems,
                    at(d, format!("{gbase}.description")),
                    v.description(&d.value),
                );
            }
            if let Some(a) = &g.peer_asn {
                rule(
                    &mut problems,
                    at(a, format!("{gbase}.peer_asn")),
                    v.peer_asn(a.value),
                );
            }
            if let Some(a) = &g.local_asn {
                rule(
                    &mut problems,
                    at(a, format!("{gbase}.local_asn")),
                    v.local_asn(a.value),
                );
            }
            if let Some(q) = &g.route_quota {
                if q.value == 0 {
                    problems.push(Problem::new(
                        at(q, format!("{gbase}.route_quota")),
                        "route_quota 0 would accept no route".into(),
                        "give the most routes the group may learn (1 or more), or leave route_quota out",
                    ));
                }
            }
            if let Some(KeySource::Env(name)) | Some(KeySource::File(name)) =
                g.auth_key.as_ref().map(|k| &k.value)
            {
                if name.trim().is_empty() {
                    problems.push(Problem::new(
                        at(g.auth_key.as_ref().expect("checked"), format!("{gbase}.auth_key")),
                        "auth_key names an empty variable or path".into(),
                        "write {env: NAME} with a variable's name, or {file: PATH} with a file's path",
                    ));
                }
            }
            let group_version = g.ip_version.as_ref().map(|s| s.value);
            let mut peers = Vec::new();
            for (pi, rp) in g.peers.iter().enumerate() {
                let pbase = format!("{gbase}.peers[{pi}]");
                let p = &rp.value;
                let ipat = at(&p.peer_ip_address, format!("{pbase}.peer_ip_address"));
                let version = p.ip_version.as_ref().map(|s| s.value).or(group_version);
                rule(
                    &mut problems,
                    ipat.clone(),
                    v.ip_address(validate::PEER_IP_ADDRESS, &p.peer_ip_address.value, version),
                );
                if let (Some(pv), Some(gv)) = (&p.ip_version, group_version) {
                    if pv.value != gv {
                        problems.push(Problem::new(
                            at(pv, format!("{pbase}.ip_version")),
                            format!("peer ip_version {} differs from its group's {gv}", pv.value),
                            "a peer has its group's address family: fix one of them",
                        ));
                    }
                }
                if let Some(h) = &p.bfd_multi_hop {
                    // With enable_bfd left out, BFD's live state decides; plan checks it then.
                    rule(
                        &mut problems,
                        at(h, format!("{pbase}.bfd_multi_hop")),
                        v.bfd(Some(h.value), p.enable_bfd.unwrap_or(true)),
                    );
                }
                let Ok(ip) = p.peer_ip_address.value.parse::<IpAddr>() else {
                    if !opts.skip.contains(&Rule::IpAddress) {
                        continue;
                    }
                    problems.push(Problem::new(
                        ipat,
                        format!(
                            "peer_ip_address {:?} is not an IP address",
                            p.peer_ip_address.value
                        ),
                        "a peer's IP address is its key in the file: write an IPv4 or IPv6 address",
                    ));
                    continue;
                };
                if let Some(first) = peer_ips.insert(ip, ipat.line as usize) {
                    problems.push(Problem::new(
                        ipat.clone(),
                        format!("peer {ip} is listed twice in VBR {} (first at line {first})", rv_val.vbr_id.value),
                        "a VBR has one BGP peer per address: list each peer once, in the group it belongs to",
                    ));
                }
                peers.push(DesiredPeer {
                    peer_ip_address: p.peer_ip_address.value.clone(),
                    ip,
                    ip_version: p.ip_version.as_ref().map(|s| s.value),
                    enable_bfd: p.enable_bfd,
                    bfd_multi_hop: p.bfd_multi_hop.as_ref().map(|s| s.value),
                    at: at(rp, pbase),
                });
            }
            groups.push(DesiredGroup {
                name: g.name.as_ref().map(|s| s.value.clone()),
                id: g.id.as_ref().map(|s| s.value.clone()),
                description: g.description.as_ref().map(|s| s.value.clone()),
                peer_asn: g.peer_asn.as_ref().map(|s| s.value),
                local_asn: g.local_asn.as_ref().map(|s| s.value),
                is_fake_asn: g.is_fake_asn,
                route_quota: g.route_quota.as_ref().map(|s| s.value),
                ip_version: group_version,
                auth_key: g.auth_key.as_ref().map(|s| s.value.clone()),
                auth_key_at: g
                    .auth_key
                    .as_ref()
                    .map(|k| at(k, format!("{gbase}.auth_key")))
                    .unwrap_or_else(|| gat.clone()),
                peers,
                at: gat,
            });
        }
        let mut cidrs: BTreeMap<String, usize> = BTreeMap::new();
        let mut networks = Vec::new();
        for (ni, rn) in rv_val.networks.iter().enumerate() {
            let nbase = format!("{base}.networks[{ni}]");
            let n = &rn.value;
            let cat = at(&n.dst_cidr_block, format!("{nbase}.dst_cidr_block"));
            rule(
                &mut problems,
                cat.clone(),
                v.cidr(validate::DST_CIDR_BLOCK, &n.dst_cidr_block.value),
            );
            if let Some(vpc) = &n.vpc_id {
                rule(
                    &mut problems,
                    at(vpc, format!("{nbase}.vpc_id")),
                    v.id(validate::VPC_ID, &vpc.value),
                );
            }
            let canonical = canonical_cidr(&n.dst_cidr_block.value);
            if let Some(first) = cidrs.insert(canonical, cat.line as usize) {
                problems.push(Problem::new(
                    cat,
                    format!(
                        "network {} is listed twice in VBR {} (first at line {first})",
                        n.dst_cidr_block.value, rv_val.vbr_id.value
                    ),
                    "list each advertised network once",
                ));
            }
            networks.push(DesiredNetwork {
                dst_cidr_block: n.dst_cidr_block.value.clone(),
                vpc_id: n.vpc_id.as_ref().map(|s| s.value.clone()),
                at: at(rn, nbase),
            });
        }
        vbrs.push(DesiredVbr {
            vbr_id: rv_val.vbr_id.value.clone(),
            region,
            groups,
            networks,
            at: vbr_at,
        });
    }
    if problems.is_empty() {
        Ok(Desired { vbrs })
    } else {
        problems.sort_by_key(|p| (p.at.line, p.at.column));
        Err(problems)
    }
}

/// A CIDR block in one spelling (`10.0.0.0/24`, `2001:db8::/32`), so keys compare as the API does.
pub fn canonical_cidr(cidr: &str) -> String {
    cidr.parse::<ipnet::IpNet>()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| cidr.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> Result<Desired, FileError> {
        read("bgp.yaml", text, &ReadOptions::default())
    }

    #[test]
    fn a_full_file_reads_with_every_field() {
        let d = read_str(
            "region: cn-hangzhou
vbrs:
  - vbr_id: vbr-1
    groups:
      - name: core
        peer_asn: 65001
        local_asn: 64512
        is_fake_asn: false
        route_quota: 100
        ip_version: IPv4
        description: Core routers
        auth_key: {env: CORE_KEY}
        peers:
          - peer_ip_address: 10.0.0.2
            enable_bfd: true
            bfd_multi_hop: 3
    networks:
      - dst_cidr_block: 192.168.0.0/24
        vpc_id: vpc-1
",
        )
        .unwrap();
        let v = &d.vbrs[0];
        assert_eq!(v.region, "cn-hangzhou");
        let g = &v.groups[0];
        assert_eq!(g.auth_key, Some(KeySource::Env("CORE_KEY".into())));
        assert_eq!(g.peers[0].bfd_multi_hop, Some(3));
        assert_eq!(g.peers[0].at.line, 14);
        assert_eq!(v.networks[0].vpc_id.as_deref(), Some("vpc-1"));
    }

    #[test]
    fn json_is_the_same_structure() {
        let d = read_str(
            r#"{"region": "cn-hangzhou", "vbrs": [{"vbr_id": "vbr-1", "groups": [{"name": "core", "peer_asn": 65001, "auth_key": "none"}]}]}"#,
        )
        .unwrap();
        assert_eq!(d.vbrs[0].groups[0].auth_key, Some(KeySource::None));
    }

    #[test]
    fn type_errors_unknown_keys_and_yes_have_positions_and_paths() {
        let e = read_str("region: cn-hangzhou\nvbrs:\n  - vbr_id: vbr-1\n    groups:\n      - name: a\n        peer_asn: 12x\n").unwrap_err();
        let p = &e.problems[0];
        assert_eq!((p.at.line, p.at.column), (6, 19));
        assert_eq!(p.at.path, "vbrs[0].groups[0].peer_asn");
        let e =
            read_str("region: cn-hangzhou\nvbrs:\n  - vbr_id: vbr-1\n    grups: []\n").unwrap_err();
        assert!(
            e.problems[0].message.contains("unknown field `grups`"),
            "{e}"
        );
        assert_eq!(e.problems[0].at.line, 4);
        let e = read_str("region: cn-hangzhou\nvbrs:\n  - vbr_id: vbr-1\n    groups:\n      - name: a\n        peer_asn: 1\n        peers:\n          - peer_ip_address: 10.0.0.1\n            enable_bfd: yes\n").unwrap_err();
        assert_eq!(
            e.problems[0].at.path,
            "vbrs[0].groups[0].peers[0].enable_bfd"
        );
    }

    #[test]
    fn a_clear_auth_key_is_refused() {
        let e = read_str("region: cn-hangzhou\nvbrs:\n  - vbr_id: vbr-1\n    groups:\n      - name: a\n        auth_key: s3cret\n").unwrap_err();
        let text = e.to_string();
        assert!(text.contains("never written in clear"), "{text}");
        assert!(!text.contains("s3cret"), "{text}");
    }

    #[test]
    fn duplicate_natural_keys_and_rule_violations_are_all_reported() {
        let e = read_str(
            "region: cn-hangzhou
vbrs:
  - vbr_id: vbr-1
    groups:
      - name: core
        peer_asn: 45104
        peers:
          - peer_ip_address: 10.0.0.2
      - name: core
        peers:
          - peer_ip_address: 10.0.0.2
    networks:
      - dst_cidr_block: 10.1.0.0/24
      - dst_cidr_block: 10.1.0.0/24
",
        )
        .unwrap_err();
        let lines: Vec<(u64, &str)> = e
            .problems
            .iter()
            .map(|p| (p.at.line, p.at.path.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (6, "vbrs[0].groups[0].peer_asn"),
                (9, "vbrs[0].groups[1].name"),
                (11, "vbrs[0].groups[1].peers[0].peer_ip_address"),
                (14, "vbrs[0].networks[1].dst_cidr_block"),
            ]
        );
        assert!(e.problems[0].message.contains("rule peer-asn"), "{e}");
        assert!(e.problems[0].fix.contains("--no-validate peer-asn"), "{e}");
    }

    #[test]
    fn a_skipped_rule_is_not_reported() {
        let opts = ReadOptions {
            skip: vec![Rule::PeerAsn],
            ..Default::default()
        };
        assert!(read(
            "f",
            "region: cn-hangzhou\nvbrs:\n  - vbr_id: vbr-1\n    groups:\n      - name: core\n        peer_asn: 45104\n",
            &opts
        )
        .is_ok());
    }

    #[test]
    fn hostile_input_is_refused_without_panicking() {
        let deep = "[".repeat(5000);
        assert!(read_str(&deep).is_err());
        let laughs = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n";
        assert!(read_str(laughs).is_err());
        assert!(read_str("").is_err());
    }
}
