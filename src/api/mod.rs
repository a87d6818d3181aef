//! The VPC BGP operations as typed requests and responses; pagination; validation; waiting;
//! pacing of bulk runs.

pub mod group;
pub mod network;
pub mod normalize;
pub mod pacing;
pub mod pagination;
pub mod peer;
pub mod request;
pub mod validate;
pub mod wait;
