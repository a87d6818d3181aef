//! Facts of the Alibaba Cloud RPC protocol that the client and the emulator share, each once.

/// The VPC OpenAPI version bgpeer speaks (and the emulator serves).
pub const VPC_VERSION: &str = "2016-04-28";

/// The STS API version of AssumeRole (called by the credential chain, served by the emulator).
pub const STS_VERSION: &str = "2015-04-01";
