//! `bgpeer vbr show` on a terminal: the whole BGP picture of one VBR as a tree, coloured by health.
//!
//! Input is the nested object that `-o json` prints (VBR fields, `BgpGroups[]` each with
//! `BgpPeers[]`, and `BgpNetworks[]`), already masked. Pure over its input and the [`Style`].

use serde_json::Value;

use super::health::{self, Health};
use super::text::{compact, for_terminal};
use super::Style;

/// A piece of a line: its plain text (for width) and what is printed (maybe coloured).
struct Piece {
    plain: String,
    shown: String,
}

impl Piece {
    fn plain(text: impl Into<String>) -> Piece {
        let text = for_terminal(&text.into()).replace('\n', " ");
        Piece {
            shown: text.clone(),
            plain: text,
        }
    }

    fn painted(text: &str, health: Option<Health>, style: &Style) -> Piece {
        let text = for_terminal(text).replace('\n', " ");
        Piece {
            shown: health::paint(&text, health, style.color),
            plain: text,
        }
    }
}

/// Joins pieces with two spaces after `prefix`; when the width would be passed, continues on a
/// new line under `cont` (the same tree guides), so the tree stays readable at 80 columns.
fn line(out: &mut String, prefix: &str, cont: &str, pieces: Vec<Piece>, style: &Style) {
    let pieces: Vec<Piece> = pieces.into_iter().filter(|p| !p.plain.is_empty()).collect();
    let mut used = prefix.chars().count();
    out.push_str(prefix);
    for (i, p) in pieces.iter().enumerate() {
        let len = p.plain.chars().count();
        if i > 0 {
            let fits = style.width.is_none_or(|w| used + 2 + len <= w as usize);
            if fits {
                out.push_str("  ");
                used += 2;
            } else {
                out.push('\n');
                out.push_str(cont);
                used = cont.chars().count();
            }
        }
        out.push_str(&p.shown);
        used += len;
    }
    out.push('\n');
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).map(compact).unwrap_or_default()
}

fn or_dash(s: String) -> String {
    if s.is_empty() {
        "-".to_string()
    } else {
        s
    }
}

fn flag(v: &Value, key: &str) -> Option<bool> {
    match v.get(key)? {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
        Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn status_piece(v: &Value, key: &str, style: &Style) -> Piece {
    let s = text(v, key);
    let h = if key == "BgpStatus" {
        health::of_bgp_status(&s)
    } else {
        health::of_status(&s)
    };
    Piece::painted(&s, h, style)
}

fn gateway(v: &Value, family: &str, keys: [&str; 3]) -> Vec<Piece> {
    vec![
        Piece::plain(format!("{family} gateway")),
        Piece::plain(format!("local {}", or_dash(text(v, keys[0])))),
        Piece::plain(format!("peer {}", or_dash(text(v, keys[1])))),
        Piece::plain(format!("mask {}", or_dash(text(v, keys[2])))),
    ]
}

/// The tree. One block for the VBR, one for its groups and their peers, one for its networks.
pub fn render(vbr: &Value, style: &Style) -> String {
    let mut out = String::new();
    line(
        &mut out,
        "",
        "  ",
        vec![
            Piece::plain(or_dash(text(vbr, "VbrId"))),
            Piece::plain(text(vbr, "Name")),
            status_piece(vbr, "Status", style),
        ],
        style,
    );
    let ipv6 = flag(vbr, "EnableIpv6");
    line(
        &mut out,
        "  ",
        "  ",
        vec![
            Piece::plain(format!("VLAN {}", or_dash(text(vbr, "VlanId")))),
            Piece::plain(match ipv6 {
                Some(true) => "IPv6 enabled",
                Some(false) => "IPv6 disabled",
                None => "",
            }),
            Piece::plain(match text(vbr, "PhysicalConnectionId") {
                s if s.is_empty() => String::new(),
                s => format!("circuit {s}"),
            }),
        ],
        style,
    );
    line(
        &mut out,
        "  ",
        "    ",
        gateway(
            vbr,
            "IPv4",
            ["LocalGatewayIp", "PeerGatewayIp", "PeeringSubnetMask"],
        ),
        style,
    );
    if ipv6 == Some(true) || !text(vbr, "LocalIpv6GatewayIp").is_empty() {
        line(
            &mut out,
            "  ",
            "    ",
            gateway(
                vbr,
                "IPv6",
                [
                    "LocalIpv6GatewayIp",
                    "PeerIpv6GatewayIp",
                    "PeeringIpv6SubnetMask",
                ],
            ),
            style,
        );
    }

    let groups = list(vbr, "BgpGroups");
    out.push_str(&format!("BGP groups ({})\n", groups.len()));
    if groups.is_empty() {
        out.push_str("  (none)\n");
    }
    for (gi, group) in groups.iter().enumerate() {
        let last_group = gi + 1 == groups.len();
        let (branch, guide) = if last_group {
            ("└─ ", "   ")
        } else {
            ("├─ ", "│  ")
        };
        line(
            &mut out,
            branch,
            &format!("{guide}  "),
            vec![
                Piece::plain(or_dash(text(group, "BgpGroupId"))),
                Piece::plain(text(group, "Name")),
                status_piece(group, "Status", style),
            ],
            style,
        );
        let auth = match group.get("AuthKey") {
            None | Some(Value::Null) => "AuthKey (none)".to_string(),
            Some(v) if compact(v).is_empty() => "AuthKey (none)".to_string(),
            Some(v) => format!("AuthKey {}", compact(v)),
        };
        let peers = list(group, "BgpPeers");
        let detail_guide = if peers.is_empty() {
            format!("{guide}  ")
        } else {
            format!("{guide}│ ")
        };
        let mut details = vec![
            Piece::plain(format!("peer AS {}", or_dash(text(group, "PeerAsn")))),
            Piece::plain(format!("local AS {}", or_dash(text(group, "LocalAsn")))),
        ];
        if flag(group, "IsFake") == Some(true) {
            details.push(Piece::plain("fake ASN"));
        }
        details.push(Piece::plain(text(group, "IpVersion")));
        details.push(Piece::plain(format!(
            "route limit {}",
            or_dash(text(group, "RouteLimit"))
        )));
        details.push(Piece::plain(auth));
        line(&mut out, &detail_guide, &detail_guide, details, style);
        if peers.is_empty() {
            out.push_str(&format!("{guide}  (no peers)\n"));
        }
        for (pi, peer) in peers.iter().enumerate() {
            let last_peer = pi + 1 == peers.len();
            let (pbranch, pguide) = if last_peer {
                ("└─ ", "     ")
            } else {
                ("├─ ", "│    ")
            };
            line(
                &mut out,
                &format!("{guide}{pbranch}"),
                &format!("{guide}{pguide}"),
                vec![
                    Piece::plain(or_dash(text(peer, "BgpPeerId"))),
                    Piece::plain(or_dash(text(peer, "PeerIpAddress"))),
                    status_piece(peer, "BgpStatus", style),
                ],
                style,
            );
            let bfd = match flag(peer, "EnableBfd") {
                Some(true) => match text(peer, "BfdMultiHop") {
                    h if h.is_empty() || h == "0" => "BFD on".to_string(),
                    h => format!("BFD on, multi-hop {h}"),
                },
                Some(false) => "BFD off".to_string(),
                None => String::new(),
            };
            let cont = format!("{guide}{pguide}");
            line(
                &mut out,
                &cont,
                &cont,
                vec![
                    status_piece(peer, "Status", style),
                    Piece::plain(bfd),
                    Piece::plain(format!(
                        "routes advertised {}, received {}",
                        or_dash(text(peer, "AdvertisedRouteCount")),
                        or_dash(text(peer, "ReceivedRouteCount"))
                    )),
                ],
                style,
            );
        }
    }

    let networks = list(vbr, "BgpNetworks");
    out.push_str(&format!("BGP networks ({})\n", networks.len()));
    if networks.is_empty() {
        out.push_str("  (none)\n");
    }
    for (ni, net) in networks.iter().enumerate() {
        let (branch, cont) = if ni + 1 == networks.len() {
            ("└─ ", "     ")
        } else {
            ("├─ ", "│    ")
        };
        line(
            &mut out,
            branch,
            cont,
            vec![
                Piece::plain(or_dash(text(net, "DstCidrBlock"))),
                Piece::plain(text(net, "VpcId")),
                status_piece(net, "Status", style),
            ],
            style,
        );
    }
    out
}
