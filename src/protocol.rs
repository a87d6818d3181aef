//! Facts of the Alibaba Cloud RPC protocol that the client and the emulator share, each once.

/// The VPC OpenAPI version bgpeer speaks (and the emulator serves).
pub const VPC_VERSION: &str = "2016-04-28";

/// The STS API version of AssumeRole (called by the credential chain, served by the emulator).
pub const STS_VERSION: &str = "2015-04-01";

/// The anonymous STS action that trades an OIDC token for temporary credentials (called by the
/// credential chain unsigned, let through unsigned by the emulator).
pub const ASSUME_ROLE_WITH_OIDC: &str = "AssumeRoleWithOIDC";
