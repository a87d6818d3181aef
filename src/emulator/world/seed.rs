//! The seeded world ([`World::seeded`]): deterministic, the same on every machine and every run.
//! What it holds (regions, the cn-shanghai bench pool, one cn-hangzhou VBR per special behaviour,
//! the demo BGP objects, VPCs) and the error each special VBR reaches are described for users in
//! `docs/emulator-internals.md` ("The seeded world"); keep that chapter true when changing this file.

use std::sync::Arc;

use super::ids::{fnv1a, memorable_id, mix64, random_chars, region_code};
use super::lifecycle::Lifecycle;
use super::model::{AccessDevice, BgpGroup, BgpNetwork, BgpPeer, IpVersion, Region, Vpc};
use super::vbr::{
    AssociatedCens, AssociatedPhysicalConnection, AssociatedPhysicalConnections, Vbr,
    VbrAttributes, VbrTag, VbrTags, VbrTraits,
};
use super::{World, ACCOUNT_UID};

/// Milliseconds since the epoch of the seeded objects' creation (2024-05-01T00:00:00Z).
const SEED_EPOCH_MS: i64 = 1_714_521_600_000;

fn fmt_ms(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

impl World {
    /// A fresh, realistic world (`docs/emulator-internals.md` says what it holds).
    pub fn seeded() -> World {
        let mut w = World {
            regions: Arc::new(seeded_regions()),
            ..World::default()
        };
        seed_devices(&mut w);
        seed_vpcs(&mut w);
        seed_vbrs(&mut w);
        seed_demo_bgp(&mut w);
        w
    }
}

fn seeded_regions() -> Vec<Region> {
    // (id, zh, en). Local regions and Dubai have no IPv6 BGP in the emulation.
    const REGIONS: &[(&str, &str, &str)] = &[
        ("cn-qingdao", "华北1（青岛）", "China (Qingdao)"),
        ("cn-beijing", "华北2（北京）", "China (Beijing)"),
        ("cn-zhangjiakou", "华北3（张家口）", "China (Zhangjiakou)"),
        ("cn-huhehaote", "华北5（呼和浩特）", "China (Hohhot)"),
        ("cn-wulanchabu", "华北6（乌兰察布）", "China (Ulanqab)"),
        ("cn-hangzhou", "华东1（杭州）", "China (Hangzhou)"),
        ("cn-shanghai", "华东2（上海）", "China (Shanghai)"),
        (
            "cn-nanjing",
            "华东5（南京-本地地域）",
            "China (Nanjing - Local Region)",
        ),
        (
            "cn-fuzhou",
            "华东6（福州-本地地域）",
            "China (Fuzhou - Local Region)",
        ),
        (
            "cn-wuhan-lr",
            "华中1（武汉-本地地域）",
            "China (Wuhan - Local Region)",
        ),
        ("cn-shenzhen", "华南1（深圳）", "China (Shenzhen)"),
        ("cn-heyuan", "华南2（河源）", "China (Heyuan)"),
        ("cn-guangzhou", "华南3（广州）", "China (Guangzhou)"),
        ("cn-chengdu", "西南1（成都）", "China (Chengdu)"),
        ("cn-hongkong", "中国香港", "China (Hong Kong)"),
        ("ap-northeast-1", "日本（东京）", "Japan (Tokyo)"),
        ("ap-northeast-2", "韩国（首尔）", "South Korea (Seoul)"),
        ("ap-southeast-1", "新加坡", "Singapore"),
        (
            "ap-southeast-3",
            "马来西亚（吉隆坡）",
            "Malaysia (Kuala Lumpur)",
        ),
        (
            "ap-southeast-5",
            "印度尼西亚（雅加达）",
            "Indonesia (Jakarta)",
        ),
        ("ap-southeast-6", "菲律宾（马尼拉）", "Philippines (Manila)"),
        ("ap-southeast-7", "泰国（曼谷）", "Thailand (Bangkok)"),
        ("eu-central-1", "德国（法兰克福）", "Germany (Frankfurt)"),
        ("eu-west-1", "英国（伦敦）", "UK (London)"),
        ("us-east-1", "美国（弗吉尼亚）", "US (Virginia)"),
        ("us-west-1", "美国（硅谷）", "US (Silicon Valley)"),
        ("me-east-1", "阿联酋（迪拜）", "UAE (Dubai)"),
        ("me-central-1", "沙特（利雅得）", "Saudi Arabia (Riyadh)"),
    ];
    // Regions the legacy endpoint list sends to the central endpoint.
    const CENTRAL: &[&str] = &[
        "cn-qingdao",
        "cn-beijing",
        "cn-hangzhou",
        "cn-shanghai",
        "cn-shenzhen",
        "cn-hongkong",
        "ap-southeast-1",
        "us-west-1",
        "us-east-1",
    ];
    const NO_IPV6: &[&str] = &["cn-nanjing", "cn-fuzhou", "cn-wuhan-lr", "me-east-1"];
    REGIONS
        .iter()
        .map(|(id, zh, en)| Region {
            region_id: id.to_string(),
            local_name_zh: zh.to_string(),
            local_name_en: en.to_string(),
            region_endpoint: if CENTRAL.contains(id) {
                "vpc.aliyuncs.com".to_string()
            } else {
                format!("vpc.{id}.aliyuncs.com")
            },
            ipv6_supported: !NO_IPV6.contains(id),
        })
        .collect()
}

fn seed_devices(w: &mut World) {
    let devices = [
        ("dev-cn-shanghai-jq-01", 2048, 300),
        ("dev-cn-shanghai-jq-02", 2048, 120),
        ("dev-cn-hangzhou-xx-01", 2048, 410),
        ("dev-cn-hangzhou-xx-full", 512, 512),
        ("dev-cn-nanjing-lr-01", 1024, 12),
        ("dev-generic-01", 2048, 64),
    ];
    for (id, cap, used) in devices {
        w.access_devices.insert(
            id.to_string(),
            AccessDevice {
                id: id.to_string(),
                bfd_session_capacity: cap,
                bfd_sessions_used_elsewhere: used,
            },
        );
    }
}

fn seed_vpcs(w: &mut World) {
    let vpcs = [
        (
            "vpc-bp1demo00000000000000",
            "cn-hangzhou",
            "192.168.0.0/16",
            vec![],
        ),
        (
            "vpc-bp1snatpool0000000000",
            "cn-hangzhou",
            "172.16.0.0/12",
            vec!["47.98.10.0/28".to_string()],
        ),
        (
            "vpc-uf6bench0000000000000",
            "cn-shanghai",
            "10.0.0.0/8",
            vec![],
        ),
        (
            "vpc-2zedemo00000000000000",
            "cn-beijing",
            "172.20.0.0/16",
            vec![],
        ),
    ];
    for (id, region, cidr, snat) in vpcs {
        w.vpcs.insert(
            id.to_string(),
            Vpc {
                vpc_id: id.to_string(),
                region_id: region.to_string(),
                cidr_block: cidr.to_string(),
                snat_pool: snat,
            },
        );
    }
}

/// An ordinary active, IPv4-only VBR with one sub-interface; `n` makes addresses and VLAN unique.
fn ordinary_vbr(region_id: &str, vbr_id: &str, n: u32, device: &str) -> Vbr {
    let code = region_code(region_id);
    let seed = fnv1a(vbr_id);
    let (a, b) = (64 + n / 256, n % 256);
    let created = SEED_EPOCH_MS - i64::from(n) * 86_400_000 - 3_600_000;
    let access_point = match region_id {
        "cn-shanghai" => "ap-cn-shanghai-jq-a",
        "cn-hangzhou" => "ap-cn-hangzhou-xx-a",
        "cn-beijing" => "ap-cn-beijing-ft-a",
        "cn-shenzhen" => "ap-cn-shenzhen-bt-a",
        "cn-nanjing" => "ap-cn-nanjing-lr-a",
        _ => "ap-generic-a",
    };
    Vbr {
        region_id: region_id.to_string(),
        attrs: VbrAttributes {
            access_point_id: access_point.to_string(),
            activation_time: fmt_ms(created + 600_000),
            associated_cens: AssociatedCens::default(),
            associated_physical_connections: AssociatedPhysicalConnections::default(),
            bandwidth: 1000,
            circuit_code: format!("longtel{:03}", n % 1000),
            cloud_box_instance_id: String::new(),
            creation_time: fmt_ms(created),
            description: String::new(),
            detect_multiplier: 3,
            ecc_id: String::new(),
            ecr_attatch_status: String::new(),
            ecr_id: String::new(),
            ecr_owner_id: String::new(),
            enable_ipv6: false,
            local_gateway_ip: format!("10.{a}.{b}.1"),
            local_ipv6_gateway_ip: String::new(),
            min_rx_interval: 300,
            min_tx_interval: 300,
            mtu: 1500,
            name: format!("vbr-{region_id}-{n:03}"),
            p_conn_vbr_charge_type: String::new(),
            p_conn_vbr_expire_time: String::new(),
            peer_gateway_ip: format!("10.{a}.{b}.2"),
            peer_ipv6_gateway_ip: String::new(),
            peering_ipv6_subnet_mask: String::new(),
            peering_subnet_mask: "255.255.255.252".to_string(),
            physical_connection_business_status: "Normal".to_string(),
            physical_connection_id: format!("pc-{code}{}", random_chars(seed ^ 1, 18)),
            physical_connection_owner_uid: ACCOUNT_UID.to_string(),
            physical_connection_status: "Enabled".to_string(),
            recovery_time: String::new(),
            resource_group_id: "rg-acfmxazb4ph6aiy".to_string(),
            route_table_id: format!("vtb-{code}{}", random_chars(seed ^ 2, 18)),
            sitelink_enable: false,
            status: "active".to_string(),
            tags: VbrTags::default(),
            termination_time: String::new(),
            kind: "pconn".to_string(),
            vbr_id: vbr_id.to_string(),
            vlan_id: 100 + n as i32,
            vlan_interface_id: format!("ri-{code}{}", random_chars(seed ^ 3, 18)),
        },
        traits: VbrTraits {
            sub_interfaces: 1,
            vpconn: false,
            pconn_traffic_enabled: true,
            access_device_id: device.to_string(),
            bfd_session_quota: 8,
            nqa_quota: 16,
            nqa_used: 0,
            custom_local_asn_allowed: true,
            active_router_interface: true,
            busy: false,
        },
        groups: Vec::new(),
        networks: Vec::new(),
    }
}

fn enable_ipv6(v: &mut Vbr, n: u32) {
    v.attrs.enable_ipv6 = true;
    v.attrs.local_ipv6_gateway_ip = format!("2408:4005:3c0:{n:x}::1");
    v.attrs.peer_ipv6_gateway_ip = format!("2408:4005:3c0:{n:x}::2");
    v.attrs.peering_ipv6_subnet_mask = format!("2408:4005:3c0:{n:x}::/64");
}

fn seed_vbrs(w: &mut World) {
    let mut n: u32 = 0;
    let add = |w: &mut World, v: Vbr| {
        w.vbrs.insert(v.attrs.vbr_id.clone(), Arc::new(v));
    };

    // cn-shanghai: the bench pool.
    for i in 0..80u32 {
        n += 1;
        let id = format!(
            "vbr-uf6{}",
            random_chars(mix64(0x5eed_0000 + u64::from(i)), 18)
        );
        let device = if i % 2 == 0 {
            "dev-cn-shanghai-jq-01"
        } else {
            "dev-cn-shanghai-jq-02"
        };
        let mut v = ordinary_vbr("cn-shanghai", &id, n, device);
        v.attrs.name = format!("sh-idc-{:02}", i + 1);
        v.attrs.description = "shanghai data centre uplink".to_string();
        if i % 2 == 0 {
            enable_ipv6(&mut v, n);
        }
        if i % 10 == 0 {
            v.attrs.tags.tags.push(VbrTag {
                key: "env".to_string(),
                value: "prod".to_string(),
            });
        }
        add(w, v);
    }

    // cn-hangzhou: one VBR per special behaviour.
    let hz = |word: &str| memorable_id("vbr", "bp1", word);
    let specials: Vec<(&str, &str)> = vec![
        ("demo", "demo VBR with a BGP group, two peers and a network"),
        ("dualstack", "IPv6-enabled VBR with one sub-interface"),
        (
            "multisubif",
            "VBR with three sub-interfaces: name the peer IP",
        ),
        ("nosubif", "VBR without a sub-interface: name the peer IP"),
        (
            "multipconn",
            "VBR on two physical connections: name the peer IP",
        ),
        ("unconfirmed", "VBR waiting for confirmation"),
        ("terminated", "terminated VBR"),
        ("vpconn", "VBR on a hosted connection: no BFD"),
        ("nobilling", "outbound data transfer billing disabled"),
        ("nodevice", "access device decommissioned"),
        ("bfdquota", "BFD session quota of this VBR used up"),
        ("bfddevicefull", "access device out of BFD sessions"),
        ("nqafull", "NQA quota used up"),
        ("fixedasn", "not on the custom LocalAsn allow-list"),
        (
            "badgateway",
            "inconsistent LocalGatewayIp and PeeringSubnetMask",
        ),
        ("badipv6mask", "invalid PeeringIpv6SubnetMask"),
        ("norouterif", "no active router interface"),
        ("busy", "another operation is in progress"),
    ];
    for (word, description) in specials {
        n += 1;
        let id = hz(word);
        let mut v = ordinary_vbr("cn-hangzhou", &id, n, "dev-cn-hangzhou-xx-01");
        v.attrs.name = format!("emu-{word}");
        v.attrs.description = description.to_string();
        match word {
            "dualstack" | "demo" => enable_ipv6(&mut v, n),
            "multisubif" => v.traits.sub_interfaces = 3,
            "nosubif" => {
                v.traits.sub_interfaces = 0;
                v.attrs.local_gateway_ip.clear();
                v.attrs.peer_gateway_ip.clear();
                v.attrs.peering_subnet_mask.clear();
            }
            "multipconn" => {
                let base = v.attrs.clone();
                for k in 0..2u32 {
                    let (a, b) = (200 + k, n % 256);
                    v.attrs
                        .associated_physical_connections
                        .associated_physical_connection
                        .push(AssociatedPhysicalConnection {
                            circuit_code: format!("longtel9{k}"),
                            enable_ipv6: false,
                            local_gateway_ip: format!("10.{a}.{b}.1"),
                            local_ipv6_gateway_ip: String::new(),
                            peer_gateway_ip: format!("10.{a}.{b}.2"),
                            peer_ipv6_gateway_ip: String::new(),
                            peering_ipv6_subnet_mask: String::new(),
                            peering_subnet_mask: "255.255.255.252".to_string(),
                            physical_connection_business_status: "Normal".to_string(),
                            physical_connection_id: format!("pc-bp1multipconn{k}00000"),
                            physical_connection_owner_uid: ACCOUNT_UID.to_string(),
                            physical_connection_status: "Enabled".to_string(),
                            status: "active".to_string(),
                            vlan_id: (base.vlan_id + k as i32).to_string(),
                            vlan_interface_id: format!("ri-bp1multipconn{k}00000"),
                        });
                }
            }
            "unconfirmed" => {
                v.attrs.status = "unconfirmed".to_string();
                v.attrs.activation_time.clear();
            }
            "terminated" => {
                v.attrs.status = "terminated".to_string();
                v.attrs.termination_time = fmt_ms(SEED_EPOCH_MS - 86_400_000);
            }
            "vpconn" => {
                v.traits.vpconn = true;
                v.attrs.kind = "vpconn".to_string();
                v.attrs.physical_connection_owner_uid = "1688000000009999".to_string();
                v.attrs.p_conn_vbr_charge_type = "PrePaid".to_string();
                v.attrs.p_conn_vbr_expire_time = fmt_ms(SEED_EPOCH_MS + 365 * 86_400_000);
                v.attrs.bandwidth = 100;
            }
            "nobilling" => v.traits.pconn_traffic_enabled = false,
            "nodevice" => v.traits.access_device_id = "dev-cn-hangzhou-xx-retired".to_string(),
            "bfdquota" => v.traits.bfd_session_quota = 0,
            "bfddevicefull" => v.traits.access_device_id = "dev-cn-hangzhou-xx-full".to_string(),
            "nqafull" => v.traits.nqa_used = v.traits.nqa_quota,
            "fixedasn" => v.traits.custom_local_asn_allowed = false,
            "badgateway" => v.attrs.peering_subnet_mask = "255.255.255.255".to_string(),
            "badipv6mask" => {
                enable_ipv6(&mut v, n);
                v.attrs.peering_ipv6_subnet_mask = format!("2408:4005:3c0:{n:x}::/128");
            }
            "norouterif" => v.traits.active_router_interface = false,
            "busy" => v.traits.busy = true,
            _ => {}
        }
        add(w, v);
    }

    // cn-nanjing: a local region without IPv6.
    n += 1;
    let mut v = ordinary_vbr(
        "cn-nanjing",
        &memorable_id("vbr", "nj1", "noipv6region"),
        n,
        "dev-cn-nanjing-lr-01",
    );
    v.attrs.name = "emu-noipv6region".to_string();
    v.attrs.description = "VBR in a region without IPv6 support".to_string();
    add(w, v);

    // A few ordinary VBRs elsewhere, some in non-active states.
    let others: &[(&str, &str)] = &[
        ("cn-beijing", "active"),
        ("cn-beijing", "active"),
        ("cn-beijing", "terminating"),
        ("cn-shenzhen", "active"),
        ("cn-shenzhen", "recovering"),
        ("cn-hongkong", "active"),
        ("cn-hongkong", "deleting"),
        ("ap-southeast-1", "active"),
        ("us-west-1", "active"),
        ("eu-central-1", "active"),
    ];
    for (i, (region, status)) in others.iter().enumerate() {
        n += 1;
        let code = region_code(region);
        let id = format!(
            "vbr-{code}{}",
            random_chars(mix64(0x07e4_0000 + i as u64), 21 - code.len())
        );
        let mut v = ordinary_vbr(region, &id, n, "dev-generic-01");
        v.attrs.status = status.to_string();
        match *status {
            "terminating" => v.attrs.termination_time = fmt_ms(SEED_EPOCH_MS - 7_200_000),
            "recovering" => v.attrs.recovery_time = fmt_ms(SEED_EPOCH_MS - 3_600_000),
            _ => {}
        }
        if i % 3 == 0 {
            enable_ipv6(&mut v, n);
        }
        add(w, v);
    }
}

fn seed_demo_bgp(w: &mut World) {
    let vbr_id = memorable_id("vbr", "bp1", "demo");
    let group_id = memorable_id("bgpg", "bp1", "demo");
    let lifecycle = Lifecycle::new(SEED_EPOCH_MS);
    let peers = ["10.255.0.2", "10.255.0.6"]
        .iter()
        .enumerate()
        .map(|(i, ip)| BgpPeer {
            id: format!("bgp-bp1demo{:014}", i + 1),
            peer_ip: ip.to_string(),
            enable_bfd: i == 0,
            bfd_multi_hop: if i == 0 { 3 } else { 0 },
            ip_version: IpVersion::IPv4,
            lifecycle: lifecycle.clone(),
        })
        .collect::<Vec<_>>();
    for p in &peers {
        w.peer_index.insert(p.id.clone(), group_id.clone());
    }
    let group = BgpGroup {
        id: group_id.clone(),
        name: "demo-idc".to_string(),
        description: "demo group of the seeded world".to_string(),
        peer_asn: 65010,
        local_asn: 45104,
        auth_key: String::new(),
        is_fake: false,
        route_limit: 110,
        ip_version: IpVersion::IPv4,
        is_default: true,
        hold: 30,
        keepalive: 10,
        lifecycle: lifecycle.clone(),
        peers,
    };
    w.group_index.insert(group_id, vbr_id.clone());
    if let Some(vbr) = w.vbr_mut(&vbr_id) {
        vbr.groups.push(group);
        vbr.networks.push(BgpNetwork {
            dst_cidr_block: "192.168.10.0/24".to_string(),
            vpc_id: "vpc-bp1demo00000000000000".to_string(),
            lifecycle,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_world_is_deterministic_and_ids_have_the_real_shape() {
        let a = serde_json::to_string(&World::seeded()).unwrap();
        let b = serde_json::to_string(&World::seeded()).unwrap();
        assert_eq!(a, b);
        let w = World::seeded();
        for id in w.vbrs.keys() {
            let body = id.strip_prefix("vbr-").unwrap();
            assert_eq!(body.len(), 21, "{id}");
            assert!(
                body.bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()),
                "{id}"
            );
        }
        for id in w.group_index.keys().chain(w.peer_index.keys()) {
            let body = id.split_once('-').unwrap().1;
            assert_eq!(body.len(), 21, "{id}");
        }
        let active_sh = w
            .vbrs
            .values()
            .filter(|v| v.region_id == "cn-shanghai" && v.attrs.status == "active")
            .count();
        assert!(active_sh >= 64);
    }
}
