//! `bgpeer peer ...`

use clap::{Args, Subcommand};

use super::mutation::{BulkArgs, MutationArgs, WaitArgs, WaitLimits};
use crate::api::validate::IpVersion;
use crate::api::wait::Target;

const PEER_EXAMPLES: &str = "\
Examples:
  # Every peer of the region whose session is not Established
  $ bgpeer peer list -o json | jq -r '.[] | select(.BgpStatus != \"Established\") | .BgpPeerId'

  # A peer, then wait for its session to come up
  $ bgpeer peer create --bgp-group-id bgpg-bp1demo00000000000000 --peer-ip 10.255.0.10
  $ bgpeer peer wait bgp-bp1demo00000000000001 --until established";

#[derive(Debug, Subcommand)]
#[command(after_long_help = PEER_EXAMPLES)]
pub enum PeerCommand {
    /// List BGP peers (every page), filtered by group, VBR or ID
    #[command(after_long_help = LIST_EXAMPLES)]
    List(PeerListArgs),
    /// Show one BGP peer (exit 3 when it does not exist)
    #[command(after_long_help = SHOW_EXAMPLES)]
    Show(PeerShowArgs),
    /// Add a BGP peer to a group and print it (CreateBgpPeer); --from-file adds many
    #[command(after_long_help = CREATE_EXAMPLES)]
    Create(PeerCreateArgs),
    /// Change a BGP peer and print it (ModifyBgpPeerAttribute)
    #[command(after_long_help = UPDATE_EXAMPLES)]
    Update(PeerUpdateArgs),
    /// Delete a BGP peer (DeleteBgpPeer); --from-file deletes many
    #[command(after_long_help = DELETE_EXAMPLES)]
    Delete(PeerDeleteArgs),
    /// Wait until a peer is Available, its BGP session Established, or it is gone
    #[command(after_long_help = WAIT_EXAMPLES)]
    Wait(PeerWaitArgs),
}

const LIST_EXAMPLES: &str = "\
Examples:
  bgpeer peer list --bgp-group-id bgpg-bp1demo00000000000000
  bgpeer peer list --router-id vbr-bp1demo00000000000000 -o table
  bgpeer peer list -o json | jq -r '.[] | select(.BgpStatus != \"Established\") | .BgpPeerId'";

const SHOW_EXAMPLES: &str = "\
Examples:
  bgpeer peer show bgp-bp1demo00000000000001
  bgpeer peer show bgp-bp1demo00000000000001 -o value --fields BgpStatus";

const CREATE_EXAMPLES: &str = "\
Examples:
  bgpeer peer create --bgp-group-id bgpg-bp1demo00000000000000 --peer-ip 10.0.0.2 --wait -o json | jq -r .BgpPeerId
  bgpeer peer create --bgp-group-id bgpg-bp1demo00000000000000 --peer-ip 10.0.0.2 --enable-bfd --bfd-multi-hop 1
  bgpeer peer create --from-file peers.ndjson --concurrency 8 --continue-on-error";

const UPDATE_EXAMPLES: &str = "\
Examples:
  bgpeer peer update bgp-bp1demo00000000000001 --enable-bfd --bfd-multi-hop 3 --wait
  bgpeer peer update bgp-bp1demo00000000000001 --enable-bfd=false
  bgpeer peer update bgp-bp1demo00000000000001 --peer-ip 10.0.0.6 --dry-run";

const DELETE_EXAMPLES: &str = "\
Examples:
  bgpeer peer delete bgp-bp1demo00000000000001 --yes --wait
  bgpeer peer list --bgp-group-id bgpg-bp1demo00000000000000 -o ndjson | bgpeer peer delete --from-file - --yes
  bgpeer peer delete bgp-bp1demo00000000000001 --dry-run";

const WAIT_EXAMPLES: &str = "\
Examples:
  bgpeer peer wait bgp-bp1demo00000000000001
  bgpeer peer wait bgp-bp1demo00000000000001 --until established --timeout 600
  bgpeer peer wait bgp-bp1demo00000000000001 --until deleted --interval 5";

#[derive(Debug, Args)]
pub struct PeerListArgs {
    /// Only the peers of this group (API parameter BgpGroupId, bgpg-...)
    #[arg(long, value_name = "BGP_GROUP_ID")]
    pub bgp_group_id: Option<String>,

    /// Only the peers on this VBR (API parameter RouterId, vbr-...)
    #[arg(long, visible_alias = "vbr-id", value_name = "VBR_ID")]
    pub router_id: Option<String>,

    /// Only this peer (API parameter BgpPeerId, bgp-...)
    #[arg(long, value_name = "BGP_PEER_ID")]
    pub bgp_peer_id: Option<String>,

    /// Stop after N peers [default: all pages]
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct PeerShowArgs {
    /// The peer ID (bgp-...)
    #[arg(value_name = "BGP_PEER_ID")]
    pub id: String,
}

#[derive(Debug, Args)]
pub struct PeerCreateArgs {
    /// The group to add the peer to (API parameter BgpGroupId, bgpg-...) [required without
    /// --from-file]
    #[arg(
        long,
        value_name = "BGP_GROUP_ID",
        required_unless_present = "from_file",
        conflicts_with = "from_file"
    )]
    pub bgp_group_id: Option<String>,

    /// The neighbour's address (API parameter PeerIpAddress): IPv4 or IPv6, of the group's family
    /// (checked against --ip-version when given); required when the VBR has no or several
    /// sub-interfaces [default: the VBR's peer gateway address]
    #[arg(
        long,
        visible_alias = "peer-ip",
        value_name = "IP",
        conflicts_with = "from_file"
    )]
    pub peer_ip_address: Option<String>,

    /// Enable BFD (API parameter EnableBfd): --enable-bfd or --enable-bfd=false [default: false]
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true", conflicts_with = "from_file")]
    pub enable_bfd: Option<bool>,

    /// BFD hop count (API parameter BfdMultiHop): 1-255, only with --enable-bfd [default: the
    /// API's, 255]
    #[arg(
        long,
        value_name = "N",
        allow_negative_numbers = true,
        conflicts_with = "from_file"
    )]
    pub bfd_multi_hop: Option<i64>,

    /// Address family (API parameter IpVersion): IPv4 or IPv6, any case [default: IPv4]
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        value_name = "VERSION",
        conflicts_with = "from_file"
    )]
    pub ip_version: Option<IpVersion>,

    #[command(flatten)]
    pub mutation: MutationArgs,

    #[command(flatten)]
    pub wait: WaitArgs,

    #[command(flatten)]
    pub bulk: BulkArgs,
}

#[derive(Debug, Args)]
pub struct PeerUpdateArgs {
    /// The peer ID (API parameter BgpPeerId, bgp-...)
    #[arg(value_name = "BGP_PEER_ID")]
    pub id: String,

    /// The peer's group (API parameter BgpGroupId, bgpg-...)
    #[arg(long, value_name = "BGP_GROUP_ID")]
    pub bgp_group_id: Option<String>,

    /// New neighbour address (API parameter PeerIpAddress), of the peer's IP version
    #[arg(long, visible_alias = "peer-ip", value_name = "IP")]
    pub peer_ip_address: Option<String>,

    /// BFD on or off (API parameter EnableBfd): --enable-bfd or --enable-bfd=false
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub enable_bfd: Option<bool>,

    /// BFD hop count (API parameter BfdMultiHop): 1-255, only with BFD enabled
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub bfd_multi_hop: Option<i64>,

    #[command(flatten)]
    pub mutation: MutationArgs,

    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Debug, Args)]
pub struct PeerDeleteArgs {
    /// The peer ID (API parameter BgpPeerId, bgp-...) [required without --from-file]
    #[arg(
        value_name = "BGP_PEER_ID",
        required_unless_present = "from_file",
        conflicts_with = "from_file"
    )]
    pub id: Option<String>,

    #[command(flatten)]
    pub mutation: MutationArgs,

    #[command(flatten)]
    pub wait: WaitArgs,

    #[command(flatten)]
    pub bulk: BulkArgs,
}

#[derive(Debug, Args)]
pub struct PeerWaitArgs {
    /// The peer ID (bgp-...)
    #[arg(value_name = "BGP_PEER_ID")]
    pub id: String,

    /// The state to wait for: available (Status), established (BgpStatus) or deleted
    #[arg(long, value_enum, default_value = "available", value_name = "STATE")]
    pub until: Target,

    #[command(flatten)]
    pub limits: WaitLimits,
}
