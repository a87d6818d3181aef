//! Test fixtures of the action handlers: a world holding groups, peers and networks in every phase,
//! and the Describe answers of that world pinned as snapshots (`snapshots/`), so that any change to
//! a byte of a Describe answer is a deliberate diff.

use chrono::DateTime;
use serde_json::Value;

use super::{read_answer, write, ActionRequest, Answer, EmuError, Params};
use crate::emulator::world::World;

pub(crate) const NOW_MS: i64 = 1_800_000_000_000;
pub(crate) const SETTLE: std::time::Duration = std::time::Duration::from_millis(1000);
const REQUEST_ID: &str = "5C2A3F1E-0000-4000-8000-00000000ABCD";

fn request<'a>(action: &'a str, params: &'a Params, now_ms: i64) -> ActionRequest<'a> {
    ActionRequest {
        action,
        params,
        now: DateTime::from_timestamp_millis(now_ms).unwrap(),
        settle: SETTLE,
        request_id: REQUEST_ID,
        sessions: &[],
    }
}

/// Runs `action` at `now_ms` and returns the answer, or the error.
pub(crate) fn call(
    w: &mut World,
    now_ms: i64,
    action: &str,
    pairs: &[(&str, &str)],
) -> Result<Value, EmuError> {
    let params = Params::from_pairs(pairs);
    write(w, &request(action, &params, now_ms))
}

/// The text of a successful Describe answer at `NOW_MS`, as the handler serialised it (the server
/// sends it with `RequestId` spliced in front: see `gateway::success_json`).
pub(crate) fn describe_text(w: &World, action: &str, pairs: &[(&str, &str)]) -> String {
    let params = Params::from_pairs(pairs);
    match read_answer(w, &request(action, &params, NOW_MS)).unwrap() {
        Answer::Object(o) => o.as_str().to_string(),
        Answer::Value(_) => panic!("{action} is not answered from the model"),
    }
}

/// Pins the bytes of a Describe answer: they are serde_json's compact rendering of a JSON
/// document (so no duplicate keys, the usual escapes, fields in their written order), and that
/// document is the snapshot `name` (pretty-printed, to be readable in a diff).
pub(crate) fn assert_describe_snapshot(name: &str, text: &str) -> Value {
    let doc: Value = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::to_string(&doc).unwrap(), text, "{name}");
    insta::assert_snapshot!(name, serde_json::to_string_pretty(&doc).unwrap());
    doc
}

/// The seeded world plus, in cn-shanghai, groups, peers and networks that at `NOW_MS` (settle
/// `SETTLE`) are Pending, Available (Connect and Established), Modifying, Deleting and Gone,
/// IPv4 and IPv6, with BFD, a fake ASN, and names and keys that need escaping.
pub(crate) fn world_in_every_phase() -> World {
    let mut w = World::seeded();
    let v4: Vec<String> = w
        .vbrs_in("cn-shanghai")
        .filter(|v| !v.attrs.enable_ipv6)
        .take(3)
        .map(|v| v.attrs.vbr_id.clone())
        .collect();
    let v6 = w
        .vbrs_in("cn-shanghai")
        .find(|v| v.attrs.enable_ipv6)
        .map(|v| v.attrs.vbr_id.clone())
        .unwrap();
    fn ok(w: &mut World, ago: i64, action: &str, pairs: &[(&str, &str)]) -> Value {
        let mut all = vec![("RegionId", "cn-shanghai")];
        all.extend_from_slice(pairs);
        call(w, NOW_MS - ago, action, &all).unwrap_or_else(|e| panic!("{action} {pairs:?}: {e:?}"))
    }
    fn group(w: &mut World, ago: i64, vbr: &str, extra: &[(&str, &str)]) -> String {
        let mut p = vec![("RouterId", vbr), ("PeerAsn", "65001")];
        p.extend_from_slice(extra);
        ok(w, ago, "CreateBgpGroup", &p)["BgpGroupId"]
            .as_str()
            .unwrap()
            .to_string()
    }
    fn peer(w: &mut World, ago: i64, group: &str, extra: &[(&str, &str)]) -> String {
        let mut p = vec![("BgpGroupId", group)];
        p.extend_from_slice(extra);
        ok(w, ago, "CreateBgpPeer", &p)["BgpPeerId"]
            .as_str()
            .unwrap()
            .to_string()
    }
    let ga = group(
        &mut w,
        20_000,
        &v4[0],
        &[
            ("Name", "测试组-a.b_c"),
            ("Description", "a \"quoted\" group \\ with </xml> & ünïcode"),
            ("AuthKey", "k\"e\\y<&>"),
            ("IsFakeAsn", "true"),
            ("LocalAsn", "65000"),
            ("RouteQuota", "5"),
        ],
    );
    let gb = group(&mut w, 20_000, &v6, &[("IpVersion", "IPv6")]);
    let gc = group(&mut w, 20_000, &v4[1], &[("Name", "to-modify")]);
    let gd = group(&mut w, 20_000, &v4[1], &[]);
    let gg = group(&mut w, 20_000, &v4[1], &[]);
    for (ago, vbr, cidr) in [
        (20_000, &v4[0], "10.1.0.0/24"),
        (20_000, &v4[0], "10.2.0.0/24"),
        (20_000, &v6, "2408:4005:3c1::/48"),
        (100, &v4[0], "10.3.0.0/24"),
    ] {
        ok(
            &mut w,
            ago,
            "AddBgpNetwork",
            &[
                ("RouterId", vbr),
                ("DstCidrBlock", cidr),
                ("VpcId", "vpc-uf6bench0000000000000"),
            ],
        );
    }
    peer(
        &mut w,
        15_000,
        &ga,
        &[
            ("PeerIpAddress", "10.9.0.1"),
            ("EnableBfd", "true"),
            ("BfdMultiHop", "3"),
        ],
    );
    let modified = peer(&mut w, 15_000, &ga, &[("PeerIpAddress", "10.9.0.2")]);
    let deleting = peer(&mut w, 15_000, &ga, &[("PeerIpAddress", "10.9.0.3")]);
    let gone = peer(&mut w, 15_000, &ga, &[("PeerIpAddress", "10.9.0.4")]);
    peer(&mut w, 15_000, &gb, &[]);
    peer(&mut w, 15_000, &gc, &[("PeerIpAddress", "10.9.1.1")]);
    peer(&mut w, 1_500, &ga, &[("PeerIpAddress", "10.9.0.5")]);
    ok(&mut w, 1_100, "DeleteBgpPeer", &[("BgpPeerId", &gone)]);
    ok(&mut w, 1_100, "DeleteBgpGroup", &[("BgpGroupId", &gg)]);
    ok(&mut w, 300, "DeleteBgpPeer", &[("BgpPeerId", &deleting)]);
    ok(&mut w, 300, "DeleteBgpGroup", &[("BgpGroupId", &gd)]);
    ok(
        &mut w,
        300,
        "DeleteBgpNetwork",
        &[("RouterId", &v4[0]), ("DstCidrBlock", "10.2.0.0/24")],
    );
    ok(
        &mut w,
        200,
        "ModifyBgpPeerAttribute",
        &[("BgpPeerId", &modified), ("PeerIpAddress", "10.9.0.9")],
    );
    ok(
        &mut w,
        200,
        "ModifyBgpGroupAttribute",
        &[("BgpGroupId", &gc), ("Name", "renamed")],
    );
    peer(&mut w, 100, &ga, &[("PeerIpAddress", "10.9.0.6")]);
    group(&mut w, 100, &v4[2], &[]);
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::model;
    use crate::emulator::actions::read;

    #[test]
    fn the_world_of_every_phase_has_every_phase() {
        let w = world_in_every_phase();
        let params = Params {
            pairs: vec![
                ("RegionId".to_string(), "cn-shanghai".to_string()),
                ("PageSize".to_string(), "50".to_string()),
            ],
        };
        let req = ActionRequest {
            action: "DescribeBgpPeers",
            params: &params,
            now: DateTime::from_timestamp_millis(NOW_MS).unwrap(),
            settle: SETTLE,
            request_id: "R",
            sessions: &[],
        };
        let peers = read(&w, &req).unwrap();
        let seen = |field: &str| -> std::collections::BTreeSet<String> {
            peers["BgpPeers"]["BgpPeer"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p[field].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(
            seen("Status"),
            ["Available", "Deleting", "Modifying", "Pending"]
                .map(String::from)
                .into()
        );
        assert_eq!(
            seen("BgpStatus"),
            ["Connect", "Established", "Idle"].map(String::from).into()
        );
        assert_eq!(seen("IpVersion"), ["IPv4", "IPv6"].map(String::from).into());
    }

    /// A Describe answer of the emulator decoded into the API's model and written in its wire
    /// form again: the same bytes, so the model knows every field the emulator sends, with its type.
    fn rewired<T: model::Model + model::Listed>(answer: &str) -> String
    where
        for<'a> model::Wire<'a, T>: serde::Serialize,
    {
        let page: model::Page<T> = serde_json::from_str(answer).unwrap();
        assert!(!page.items.is_empty(), "{answer}");
        serde_json::to_string(&model::Wire(&page)).unwrap()
    }

    #[test]
    fn the_models_wire_form_is_what_the_emulator_answers() {
        let w = world_in_every_phase();
        let page = [("RegionId", "cn-shanghai"), ("PageSize", "50")];
        for action in [
            "DescribeBgpGroups",
            "DescribeBgpPeers",
            "DescribeBgpNetworks",
            "DescribeVirtualBorderRouters",
            "DescribeRegions",
        ] {
            let answer = describe_text(&w, action, &page);
            let again = match action {
                "DescribeBgpGroups" => rewired::<model::BgpGroup>(&answer),
                "DescribeBgpPeers" => rewired::<model::BgpPeer>(&answer),
                "DescribeBgpNetworks" => rewired::<model::BgpNetwork>(&answer),
                "DescribeRegions" => rewired::<model::Region>(&answer),
                _ => rewired::<model::Vbr>(&answer),
            };
            assert_eq!(again, answer, "{action}");
        }
    }
}
