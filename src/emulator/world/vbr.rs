//! A VBR: its DescribeVirtualBorderRouters attributes (the SDK's wire names and JSON types), the
//! hidden facts that decide what BGP operations on it may do, and the BGP objects it owns.

use serde::{Deserialize, Serialize};

use super::model::{BgpGroup, BgpNetwork};

/// A VBR: what DescribeVirtualBorderRouters shows (`attrs`), hidden facts of the emulation (`traits`),
/// and the BGP objects it owns.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Vbr {
    pub region_id: String,
    pub attrs: VbrAttributes,
    pub traits: VbrTraits,
    /// In creation order.
    pub groups: Vec<BgpGroup>,
    /// In creation order.
    pub networks: Vec<BgpNetwork>,
}

/// Facts about a VBR that the real API does not show but that decide what BGP operations may do.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct VbrTraits {
    /// Number of sub-interfaces; a peer IP may be omitted only when there is exactly one.
    pub sub_interfaces: u32,
    /// Hosted connection: BFD is not available.
    pub vpconn: bool,
    /// Outbound data transfer billing of the circuit enabled.
    pub pconn_traffic_enabled: bool,
    /// The access device the VBR terminates on (must exist in `World::access_devices`).
    pub access_device_id: String,
    /// BFD-enabled peers allowed on this VBR.
    pub bfd_session_quota: u32,
    pub nqa_quota: u32,
    pub nqa_used: u32,
    /// On the allow-list for a custom LocalAsn.
    pub custom_local_asn_allowed: bool,
    /// Has an active router interface to a VPC (needed to advertise networks).
    pub active_router_interface: bool,
    /// Another (VBR-level) operation is in progress: writes answer `OperationConflict`.
    pub busy: bool,
}

/// The DescribeVirtualBorderRouters fields of one VBR, with the SDK's wire names and JSON types.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct VbrAttributes {
    pub access_point_id: String,
    pub activation_time: String,
    pub associated_cens: AssociatedCens,
    pub associated_physical_connections: AssociatedPhysicalConnections,
    pub bandwidth: i32,
    pub circuit_code: String,
    pub cloud_box_instance_id: String,
    pub creation_time: String,
    pub description: String,
    pub detect_multiplier: i64,
    pub ecc_id: String,
    pub ecr_attatch_status: String,
    pub ecr_id: String,
    pub ecr_owner_id: String,
    pub enable_ipv6: bool,
    pub local_gateway_ip: String,
    pub local_ipv6_gateway_ip: String,
    pub min_rx_interval: i64,
    pub min_tx_interval: i64,
    pub mtu: i32,
    pub name: String,
    pub p_conn_vbr_charge_type: String,
    pub p_conn_vbr_expire_time: String,
    pub peer_gateway_ip: String,
    pub peer_ipv6_gateway_ip: String,
    pub peering_ipv6_subnet_mask: String,
    pub peering_subnet_mask: String,
    pub physical_connection_business_status: String,
    pub physical_connection_id: String,
    pub physical_connection_owner_uid: String,
    pub physical_connection_status: String,
    pub recovery_time: String,
    pub resource_group_id: String,
    pub route_table_id: String,
    pub sitelink_enable: bool,
    pub status: String,
    pub tags: VbrTags,
    pub termination_time: String,
    #[serde(rename = "Type")]
    pub kind: String,
    pub vbr_id: String,
    pub vlan_id: i32,
    pub vlan_interface_id: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AssociatedCens {
    pub associated_cen: Vec<AssociatedCen>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AssociatedCen {
    pub cen_id: String,
    pub cen_owner_id: i64,
    pub cen_status: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AssociatedPhysicalConnections {
    pub associated_physical_connection: Vec<AssociatedPhysicalConnection>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AssociatedPhysicalConnection {
    pub circuit_code: String,
    pub enable_ipv6: bool,
    pub local_gateway_ip: String,
    pub local_ipv6_gateway_ip: String,
    pub peer_gateway_ip: String,
    pub peer_ipv6_gateway_ip: String,
    pub peering_ipv6_subnet_mask: String,
    pub peering_subnet_mask: String,
    pub physical_connection_business_status: String,
    pub physical_connection_id: String,
    pub physical_connection_owner_uid: String,
    pub physical_connection_status: String,
    pub status: String,
    /// A string here, unlike the VBR's own `VlanId` (SDK model).
    pub vlan_id: String,
    pub vlan_interface_id: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct VbrTags {
    pub tags: Vec<VbrTag>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct VbrTag {
    pub key: String,
    pub value: String,
}
