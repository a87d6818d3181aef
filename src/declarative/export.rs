//! Writing the live set-up as a declarative file: stable order, no output-only fields, and every
//! AuthKey replaced by a reference (`{env: NAME}`) with a comment on how to supply it.
//!
//! The YAML is written here rather than by a serializer so that it can carry comments; every
//! string is written double-quoted with JSON's escapes (valid YAML), so no value can change
//! meaning (`"no"`, `"0x1"`, an IP) when it is read back.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use serde_json::{json, Map, Value};

use super::file::canonical_cidr;
use super::live::{group_key, group_name, peer_ip, LiveVbr};
use crate::api::model::{BgpGroup, BgpPeer};

/// The document, as JSON (the `-o json` form; the same structure as the YAML).
pub fn to_json(vbrs: &[LiveVbr]) -> Value {
    let doc = document(vbrs);
    let mut out = Map::new();
    if let Some(r) = &doc.region {
        out.insert("region".into(), json!(r));
    }
    let vbrs: Vec<Value> = doc
        .vbrs
        .iter()
        .map(|v| {
            let mut m = Map::new();
            m.insert("vbr_id".into(), json!(v.vbr_id));
            if let Some(r) = &v.region {
                m.insert("region".into(), json!(r));
            }
            let groups: Vec<Value> = v
                .groups
                .iter()
                .map(|g| {
                    let mut gm: Map<String, Value> = g.fields.iter().cloned().collect();
                    if let Some(env) = &g.key_env {
                        gm.insert("auth_key".into(), json!({ "env": env }));
                    }
                    let peers: Vec<Value> = g
                        .peers
                        .iter()
                        .map(|p| Value::Object(p.iter().cloned().collect()))
                        .collect();
                    gm.insert("peers".into(), Value::Array(peers));
                    Value::Object(gm)
                })
                .collect();
            m.insert("groups".into(), Value::Array(groups));
            let networks: Vec<Value> = v
                .networks
                .iter()
                .map(|n| Value::Object(n.iter().cloned().collect()))
                .collect();
            m.insert("networks".into(), Value::Array(networks));
            Value::Object(m)
        })
        .collect();
    out.insert("vbrs".into(), Value::Array(vbrs));
    Value::Object(out)
}

/// The document, as commented YAML.
pub fn to_yaml(vbrs: &[LiveVbr], header: &str) -> String {
    let doc = document(vbrs);
    let mut out = String::new();
    for line in header.lines() {
        let _ = writeln!(out, "# {line}");
    }
    if let Some(r) = &doc.region {
        let _ = writeln!(out, "region: {}", scalar(&json!(r)));
    }
    let _ = writeln!(out, "vbrs:");
    if doc.vbrs.is_empty() {
        out.truncate(out.len() - 1);
        out.push_str(" []\n");
    }
    for v in &doc.vbrs {
        let _ = writeln!(out, "  - vbr_id: {}", scalar(&json!(v.vbr_id)));
        if let Some(r) = &v.region {
            let _ = writeln!(out, "    region: {}", scalar(&json!(r)));
        }
        if v.groups.is_empty() {
            let _ = writeln!(out, "    groups: []");
        } else {
            let _ = writeln!(out, "    groups:");
        }
        for g in &v.groups {
            for c in &g.comments {
                let _ = writeln!(out, "      # {c}");
            }
            let mut first = true;
            for (k, val) in &g.fields {
                let lead = if first { "      - " } else { "        " };
                first = false;
                let _ = writeln!(out, "{lead}{k}: {}", scalar(val));
            }
            if let Some(env) = &g.key_env {
                let _ = writeln!(
                    out,
                    "        # The live group has an AuthKey; bgpeer never writes it. Supply it with"
                );
                let _ = writeln!(
                    out,
                    "        # `export {env}=...`, or write {{file: PATH}}; remove auth_key to leave it unmanaged."
                );
                let _ = writeln!(out, "        auth_key: {{env: {env}}}");
            }
            if g.peers.is_empty() {
                let _ = writeln!(out, "        peers: []");
            } else {
                let _ = writeln!(out, "        peers:");
            }
            for p in &g.peers {
                let mut first = true;
                for (k, val) in p {
                    let lead = if first {
                        "          - "
                    } else {
                        "            "
                    };
                    first = false;
                    let _ = writeln!(out, "{lead}{k}: {}", scalar(val));
                }
            }
            for c in &g.skipped {
                let _ = writeln!(out, "          # {c}");
            }
        }
        if v.networks.is_empty() {
            let _ = writeln!(out, "    networks: []");
        } else {
            let _ = writeln!(out, "    networks:");
        }
        for n in &v.networks {
            let mut first = true;
            for (k, val) in n {
                let lead = if first { "      - " } else { "        " };
                first = false;
                let _ = writeln!(out, "{lead}{k}: {}", scalar(val));
            }
        }
    }
    out
}

/// A scalar: numbers and booleans plain, strings double-quoted with JSON's escapes.
fn scalar(v: &Value) -> String {
    v.to_string()
}

struct Doc {
    region: Option<String>,
    vbrs: Vec<DocVbr>,
}

struct DocVbr {
    vbr_id: String,
    region: Option<String>,
    groups: Vec<DocGroup>,
    networks: Vec<Vec<(String, Value)>>,
}

struct DocGroup {
    comments: Vec<String>,
    fields: Vec<(String, Value)>,
    key_env: Option<String>,
    peers: Vec<Vec<(String, Value)>>,
    skipped: Vec<String>,
}

/// The region written at the top: the one most VBRs are in (the others say theirs).
fn top_region(vbrs: &[LiveVbr]) -> Option<String> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for v in vbrs {
        *count.entry(v.region.as_str()).or_default() += 1;
    }
    count
        .into_iter()
        .max_by_key(|(r, n)| (*n, std::cmp::Reverse(*r)))
        .map(|(r, _)| r.to_string())
}

/// `BGPEER_AUTH_KEY_` + the VBR's ID and the group's name (or ID), in upper case, with every
/// other character an underscore: a valid environment variable name, unique in the document.
pub fn key_variable(vbr_id: &str, group: &str) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect()
    };
    format!("BGPEER_AUTH_KEY_{}_{}", clean(vbr_id), clean(group))
}

fn document(vbrs: &[LiveVbr]) -> Doc {
    let region = top_region(vbrs);
    let mut sorted: Vec<&LiveVbr> = vbrs.iter().collect();
    sorted.sort_by(|a, b| (&a.region, &a.vbr_id).cmp(&(&b.region, &b.vbr_id)));
    let mut used_vars: HashSet<String> = HashSet::new();
    let vbrs = sorted
        .into_iter()
        .map(|v| DocVbr {
            vbr_id: v.vbr_id.clone(),
            region: (Some(&v.region) != region.as_ref()).then(|| v.region.clone()),
            groups: groups(v, &mut used_vars),
            networks: networks(v),
        })
        .collect();
    Doc { region, vbrs }
}

fn groups(v: &LiveVbr, used_vars: &mut HashSet<String>) -> Vec<DocGroup> {
    let mut live: Vec<&BgpGroup> = v.groups().collect();
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for g in &live {
        if let Some(n) = group_name(g) {
            *by_name.entry(n).or_default() += 1;
        }
    }
    live.sort_by(|a, b| {
        (group_name(a).unwrap_or(""), a.bgp_group_id.as_str())
            .cmp(&(group_name(b).unwrap_or(""), b.bgp_group_id.as_str()))
    });
    live.into_iter()
        .map(|g| {
            let id = g.bgp_group_id.as_str().unwrap_or("").to_string();
            let name = group_name(g);
            let mut comments = Vec::new();
            let mut fields: Vec<(String, Value)> = Vec::new();
            let pin = match name {
                None => {
                    comments.push(
                        "This live group has no name: its id pins it (add a name to give it one)."
                            .to_string(),
                    );
                    true
                }
                Some(n) if by_name.get(n).copied().unwrap_or(0) > 1 => {
                    comments.push(format!(
                        "The VBR has several groups named {n:?}: the id tells them apart."
                    ));
                    true
                }
                Some(_) => false,
            };
            if let Some(n) = name {
                fields.push(("name".into(), json!(n)));
            }
            if pin {
                fields.push(("id".into(), json!(id)));
            }
            fields.extend(group_fields(g));
            let key_env = group_key(g).map(|_| {
                let mut var = key_variable(&v.vbr_id, name.filter(|_| !pin).unwrap_or(&id));
                if !used_vars.insert(var.clone()) {
                    var = key_variable(&v.vbr_id, &id);
                    used_vars.insert(var.clone());
                }
                var
            });
            let mut peers: Vec<&BgpPeer> = v.peers_of(&id).collect();
            peers.sort_by_key(|p| (peer_ip(p).is_none(), peer_ip(p), p.bgp_peer_id.as_str()));
            let mut skipped = Vec::new();
            let peers = peers
                .into_iter()
                .filter_map(|p| {
                    let Some(ip) = p.peer_ip_address.as_str().filter(|s| !s.is_empty()) else {
                        skipped.push(format!(
                            "peer {} has no peer IP address, which is a peer's key in this file: it stays unmanaged",
                            p.bgp_peer_id.as_str().unwrap_or("?")
                        ));
                        return None;
                    };
                    let mut f: Vec<(String, Value)> = vec![("peer_ip_address".into(), json!(ip))];
                    f.extend(peer_fields(p));
                    Some(f)
                })
                .collect();
            DocGroup {
                comments,
                fields,
                key_env,
                peers,
                skipped,
            }
        })
        .collect()
}

/// A live group's managed fields as the file writes them, after its name (and `id`): every
/// one it has, except the AuthKey.
pub fn group_fields(g: &BgpGroup) -> Vec<(String, Value)> {
    let mut fields: Vec<(String, Value)> = Vec::new();
    let mut add = |k: &str, v: Option<Value>| {
        if let Some(v) = v {
            fields.push((k.to_string(), v));
        }
    };
    add(
        "description",
        g.description
            .as_str()
            .filter(|d| !d.is_empty())
            .map(|d| json!(d)),
    );
    add("peer_asn", g.peer_asn.as_u64().map(|a| json!(a)));
    add("local_asn", g.local_asn.as_u64().map(|a| json!(a)));
    add("is_fake_asn", g.is_fake.as_bool().map(|f| json!(f)));
    add("route_quota", g.route_limit.as_u64().map(|q| json!(q)));
    add("ip_version", g.ip_version.as_str().map(|v| json!(v)));
    fields
}

/// A live peer's managed fields as the file writes them, after its address: the hop count only
/// with BFD on.
pub fn peer_fields(p: &BgpPeer) -> Vec<(String, Value)> {
    let mut f: Vec<(String, Value)> = Vec::new();
    if let Some(ver) = p.ip_version.as_str() {
        f.push(("ip_version".into(), json!(ver)));
    }
    let bfd = p.enable_bfd.as_bool();
    if let Some(b) = bfd {
        f.push(("enable_bfd".into(), json!(b)));
    }
    if bfd == Some(true) {
        if let Some(h) = p.bfd_multi_hop.get().and_then(|n| n.as_i64()) {
            f.push(("bfd_multi_hop".into(), json!(h)));
        }
    }
    f
}

fn networks(v: &LiveVbr) -> Vec<Vec<(String, Value)>> {
    let mut live: Vec<(String, Option<&str>)> = v
        .networks()
        .filter_map(|n| {
            let cidr = n.dst_cidr_block.as_str()?;
            Some((
                cidr.to_string(),
                n.vpc_id.as_str().filter(|s| !s.is_empty()),
            ))
        })
        .collect();
    live.sort_by_key(|(c, _)| {
        let net = canonical_cidr(c).parse::<ipnet::IpNet>().ok();
        (net.is_none(), net, c.clone())
    });
    live.into_iter()
        .map(|(cidr, vpc)| {
            let mut f: Vec<(String, Value)> = vec![("dst_cidr_block".into(), json!(cidr))];
            if let Some(vpc) = vpc {
                f.push(("vpc_id".into(), json!(vpc)));
            }
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::declarative::file::{self, ReadOptions};

    fn live() -> LiveVbr {
        LiveVbr {
            region: "cn-hangzhou".into(),
            vbr_id: "vbr-1".into(),
            groups: vec![serde_json::from_value(json!({
                "BgpGroupId": "bgpg-1", "Name": "core", "Description": "say \"hi\": yes",
                "PeerAsn": 65001, "LocalAsn": 45104, "IsFake": false, "RouteLimit": 110,
                "IpVersion": "IPv4", "AuthKey": "s3cret", "Status": "Available"
            }))
            .unwrap()],
            peers: vec![
                serde_json::from_value(json!({"BgpPeerId": "bgp-2", "BgpGroupId": "bgpg-1", "PeerIpAddress": "10.0.0.10", "IpVersion": "IPv4", "EnableBfd": true, "BfdMultiHop": 3, "Status": "Available"})).unwrap(),
                serde_json::from_value(json!({"BgpPeerId": "bgp-1", "BgpGroupId": "bgpg-1", "PeerIpAddress": "10.0.0.9", "IpVersion": "IPv4", "EnableBfd": false, "BfdMultiHop": 255, "Status": "Available"})).unwrap(),
            ],
            networks: vec![serde_json::from_value(json!({"DstCidrBlock": "10.1.0.0/24", "RouterId": "vbr-1", "VpcId": "vpc-1", "Status": "Available"})).unwrap()],
        }
    }

    #[test]
    fn the_yaml_reads_back_with_keys_as_references_and_numeric_peer_order() {
        let text = to_yaml(&[live()], "made by a test");
        assert!(!text.contains("s3cret"), "{text}");
        assert!(
            text.contains("auth_key: {env: BGPEER_AUTH_KEY_VBR_1_CORE}"),
            "{text}"
        );
        let d = file::read("x.yaml", &text, &ReadOptions::default()).unwrap();
        let g = &d.vbrs[0].groups[0];
        assert_eq!(g.description.as_deref(), Some("say \"hi\": yes"));
        let ips: Vec<&str> = g.peers.iter().map(|p| p.peer_ip_address.as_str()).collect();
        assert_eq!(ips, ["10.0.0.9", "10.0.0.10"]);
        assert_eq!(g.peers[0].bfd_multi_hop, None);
        assert_eq!(g.peers[1].bfd_multi_hop, Some(3));
        let json = to_json(&[live()]);
        assert_eq!(
            json["vbrs"][0]["groups"][0]["auth_key"]["env"],
            "BGPEER_AUTH_KEY_VBR_1_CORE"
        );
    }
}
