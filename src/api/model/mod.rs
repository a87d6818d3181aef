//! The one typed model of the wire: what DescribeBgpGroups, DescribeBgpPeers, DescribeBgpNetworks,
//! DescribeVirtualBorderRouters and DescribeRegions answer, item by item, and their page envelope.
//!
//! Decoding is lenient ([`Attr`]): string numbers become numbers, `"true"`/`"false"` (any case)
//! booleans, an empty number or flag null, and a value that fits no type is kept as it came.
//! Fields the model does not know are kept in `extra`, so our JSON still carries anything new the
//! API adds. Serialising a value gives our JSON output: the known fields in the order the API
//! sends them, then the unknown ones; [`Wire`] gives the SDK's wire form instead (numbers and
//! flags as strings where the SDK types them so), which is what the emulator answers.

mod attr;
mod page;

pub use attr::{Attr, Lenient};
pub use page::{Listed, Page};

use serde_json::{Map, Number, Value};

/// Unknown fields of an item, in the order they came.
pub type Extra = Map<String, Value>;

/// A model type's SDK wire form: `serde_json::to_string(&Wire(&peer))`.
pub struct Wire<'a, T>(pub &'a T);

/// What every model type has: its wire field names and secret masking.
pub trait Model: serde::Serialize + serde::de::DeserializeOwned + Default + Clone {
    /// The field names the model knows, in wire order.
    const FIELDS: &'static [&'static str];

    /// Replaces secrets (`AuthKey`, and any secret-named field nested anywhere) with `****`.
    fn mask_secrets(&mut self);

    /// Unknown fields, kept as they came.
    fn extra(&self) -> &Extra;
}

/// Defines a model struct: its fields (wire name, type, wire form) in wire order, the lenient
/// `Deserialize`, the `Serialize` of our JSON, the [`Wire`] form and [`Model`].
macro_rules! model {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $wire:literal $(as $kind:ident)?, )*
        }
    ) => {
        $(#[$meta])*
        ///
        /// `S` is the type of its text fields: `String` when decoded from an answer, `&str` where
        /// the emulator writes an answer from what its world holds, without copying it.
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct $name<S = String> {
            $( $(#[$fmeta])* pub $field: $crate::api::model::Attr<$ty>, )*
            /// Fields the model does not know, in the order they came.
            pub extra: $crate::api::model::Extra,
        }

        impl $crate::api::model::Model for $name {
            const FIELDS: &'static [&'static str] = &[$($wire),*];

            fn mask_secrets(&mut self) {
                $( self.$field.mask($crate::secret::is_secret_name($wire)); )*
                $crate::secret::mask_map(&mut self.extra);
            }

            fn extra(&self) -> &$crate::api::model::Extra {
                &self.extra
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Fields;
                impl<'de> serde::de::Visitor<'de> for Fields {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " object"))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$name, A::Error> {
                        let mut out = $name::default();
                        while let Some(key) = map.next_key::<String>()? {
                            let value: serde_json::Value = map.next_value()?;
                            match key.as_str() {
                                $( $wire => {
                                    out.$field = $crate::api::model::Lenient::decode(value)
                                } )*
                                _ => {
                                    out.extra.insert(key, value);
                                }
                            }
                        }
                        Ok(out)
                    }
                }
                d.deserialize_map(Fields)
            }
        }

        impl<S: serde::Serialize> serde::Serialize for $name<S> {
            fn serialize<W: serde::Serializer>(&self, s: W) -> Result<W::Ok, W::Error> {
                use serde::ser::SerializeMap as _;
                let mut m = s.serialize_map(None)?;
                $( if !self.$field.is_absent() {
                    m.serialize_entry($wire, &self.$field)?;
                } )*
                for (k, v) in &self.extra {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }

        impl<S: serde::Serialize> serde::Serialize for $crate::api::model::Wire<'_, $name<S>> {
            fn serialize<W: serde::Serializer>(&self, s: W) -> Result<W::Ok, W::Error> {
                use serde::ser::SerializeMap as _;
                let mut m = s.serialize_map(None)?;
                $( if !self.0.$field.is_absent() {
                    model!(@wire m, $wire, &self.0.$field $(, $kind)?);
                } )*
                for (k, v) in &self.0.extra {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
    };
    (@wire $m:ident, $wire:literal, $value:expr) => {
        $m.serialize_entry($wire, $value)?
    };
    (@wire $m:ident, $wire:literal, $value:expr, text) => {
        $m.serialize_entry($wire, &$crate::api::model::attr::AsText($value))?
    };
}

model! {
    /// One DescribeBgpGroups item. The SDK sends every field as a string.
    pub struct BgpGroup {
        bgp_group_id: S = "BgpGroupId",
        name: S = "Name",
        description: S = "Description",
        router_id: S = "RouterId",
        region_id: S = "RegionId",
        peer_asn: Number = "PeerAsn" as text,
        local_asn: Number = "LocalAsn" as text,
        auth_key: S = "AuthKey",
        is_fake: bool = "IsFake" as text,
        hold: Number = "Hold" as text,
        keepalive: Number = "Keepalive" as text,
        route_limit: Number = "RouteLimit" as text,
        ip_version: S = "IpVersion",
        status: S = "Status",
    }
}

model! {
    /// One DescribeBgpPeers item: the peer, with its group's settings.
    pub struct BgpPeer {
        bgp_peer_id: S = "BgpPeerId",
        bgp_group_id: S = "BgpGroupId",
        name: S = "Name",
        description: S = "Description",
        peer_ip_address: S = "PeerIpAddress",
        peer_asn: Number = "PeerAsn" as text,
        local_asn: Number = "LocalAsn" as text,
        auth_key: S = "AuthKey",
        is_fake: bool = "IsFake",
        enable_bfd: bool = "EnableBfd",
        bfd_multi_hop: Number = "BfdMultiHop",
        hold: Number = "Hold" as text,
        keepalive: Number = "Keepalive" as text,
        route_limit: Number = "RouteLimit" as text,
        ip_version: S = "IpVersion",
        router_id: S = "RouterId",
        region_id: S = "RegionId",
        status: S = "Status",
        bgp_status: S = "BgpStatus",
        advertised_route_count: Number = "AdvertisedRouteCount",
        received_route_count: Number = "ReceivedRouteCount",
        gmt_modified: S = "GmtModified",
    }
}

model! {
    /// One DescribeBgpNetworks item. A network has no ID: it is the pair (RouterId, DstCidrBlock).
    pub struct BgpNetwork {
        dst_cidr_block: S = "DstCidrBlock",
        router_id: S = "RouterId",
        vpc_id: S = "VpcId",
        status: S = "Status",
    }
}

model! {
    /// One DescribeVirtualBorderRouters item (`VirtualBorderRouterType`).
    pub struct Vbr {
        access_point_id: S = "AccessPointId",
        activation_time: S = "ActivationTime",
        associated_cens: Value = "AssociatedCens",
        associated_physical_connections: Value = "AssociatedPhysicalConnections",
        bandwidth: Number = "Bandwidth",
        circuit_code: S = "CircuitCode",
        cloud_box_instance_id: S = "CloudBoxInstanceId",
        creation_time: S = "CreationTime",
        description: S = "Description",
        detect_multiplier: Number = "DetectMultiplier",
        ecc_id: S = "EccId",
        ecr_attatch_status: S = "EcrAttatchStatus",
        ecr_id: S = "EcrId",
        ecr_owner_id: S = "EcrOwnerId",
        enable_ipv6: bool = "EnableIpv6",
        local_gateway_ip: S = "LocalGatewayIp",
        local_ipv6_gateway_ip: S = "LocalIpv6GatewayIp",
        min_rx_interval: Number = "MinRxInterval",
        min_tx_interval: Number = "MinTxInterval",
        mtu: Number = "Mtu",
        name: S = "Name",
        p_conn_vbr_charge_type: S = "PConnVbrChargeType",
        p_conn_vbr_expire_time: S = "PConnVbrExpireTime",
        peer_gateway_ip: S = "PeerGatewayIp",
        peer_ipv6_gateway_ip: S = "PeerIpv6GatewayIp",
        peering_ipv6_subnet_mask: S = "PeeringIpv6SubnetMask",
        peering_subnet_mask: S = "PeeringSubnetMask",
        physical_connection_business_status: S = "PhysicalConnectionBusinessStatus",
        physical_connection_id: S = "PhysicalConnectionId",
        physical_connection_owner_uid: S = "PhysicalConnectionOwnerUid",
        physical_connection_status: S = "PhysicalConnectionStatus",
        recovery_time: S = "RecoveryTime",
        resource_group_id: S = "ResourceGroupId",
        route_table_id: S = "RouteTableId",
        sitelink_enable: bool = "SitelinkEnable",
        status: S = "Status",
        tags: Value = "Tags",
        termination_time: S = "TerminationTime",
        kind: S = "Type",
        vbr_id: S = "VbrId",
        vlan_id: Number = "VlanId",
        vlan_interface_id: S = "VlanInterfaceId",
    }
}

model! {
    /// One DescribeRegions item.
    pub struct Region {
        region_id: S = "RegionId",
        local_name: S = "LocalName",
        region_endpoint: S = "RegionEndpoint",
    }
}

impl<S> Listed for BgpGroup<S> {
    const SET: &'static str = "BgpGroups";
    const ITEM: &'static str = "BgpGroup";
}

impl<S> Listed for BgpPeer<S> {
    const SET: &'static str = "BgpPeers";
    const ITEM: &'static str = "BgpPeer";
}

impl<S> Listed for BgpNetwork<S> {
    const SET: &'static str = "BgpNetworks";
    const ITEM: &'static str = "BgpNetwork";
}

impl<S> Listed for Vbr<S> {
    const SET: &'static str = "VirtualBorderRouterSet";
    const ITEM: &'static str = "VirtualBorderRouterType";
}

impl<S> Listed for Region<S> {
    const SET: &'static str = "Regions";
    const ITEM: &'static str = "Region";
}

/// A group, peer or network `Status` of one being deleted (`Deleting`) or gone (`Deleted`): the
/// object no longer counts in a set-up.
pub fn is_leaving(status: Option<&str>) -> bool {
    matches!(status, Some("Deleting") | Some("Deleted"))
}

/// A model value as a JSON value (our JSON form), for the renderers.
pub fn to_json<T: serde::Serialize>(item: &T) -> Value {
    serde_json::to_value(item).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests;
