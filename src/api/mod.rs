//! The VPC BGP operations: the typed model of the wire, typed requests, the resource
//! abstraction, pagination, validation, waiting, pacing of bulk runs.

mod error;
pub mod group;
pub mod model;
pub mod network;
pub mod pacing;
pub mod pagination;
pub mod peer;
pub mod region;
pub mod request;
pub mod resource;
pub mod validate;
pub mod vbr;
pub mod wait;

pub use error::Error;

/// The BGP actions of Vpc 2016-04-28 bgpeer models, plus the two it reads VBRs and regions with.
/// The emulator serves exactly these.
pub const ACTIONS: &[&str] = &[
    "CreateBgpGroup",
    "DescribeBgpGroups",
    "ModifyBgpGroupAttribute",
    "DeleteBgpGroup",
    "CreateBgpPeer",
    "DescribeBgpPeers",
    "ModifyBgpPeerAttribute",
    "DeleteBgpPeer",
    "AddBgpNetwork",
    "DescribeBgpNetworks",
    "DeleteBgpNetwork",
    "DescribeRegions",
    "DescribeVirtualBorderRouters",
];
