//! The VPC BGP operations as typed requests and responses; pagination; waiting.

pub mod pagination;
