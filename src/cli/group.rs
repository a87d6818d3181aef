//! `bgpeer group ...`

use clap::{Args, Subcommand};

use super::mutation::{MutationArgs, WaitArgs};
use crate::api::validate::IpVersion;

const GROUP_EXAMPLES: &str = "\
Examples:
  # The groups of a VBR, as a table
  $ bgpeer group list --router-id vbr-bp1demo00000000000000 -o table

  # A group for an on-premises router in AS 65001, waiting until it is Available
  $ bgpeer group create --router-id vbr-bp1demo00000000000000 --peer-asn 65001 --name dc1 --wait";

#[derive(Debug, Subcommand)]
#[command(after_long_help = GROUP_EXAMPLES)]
pub enum GroupCommand {
    /// List BGP groups (every page), optionally of one VBR
    #[command(after_long_help = LIST_EXAMPLES)]
    List(GroupListArgs),
    /// Show one BGP group (exit 3 when it does not exist)
    #[command(after_long_help = SHOW_EXAMPLES)]
    Show(GroupShowArgs),
    /// Create a BGP group on a VBR and print it (CreateBgpGroup)
    #[command(after_long_help = CREATE_EXAMPLES)]
    Create(GroupCreateArgs),
    /// Change a BGP group and print it (ModifyBgpGroupAttribute)
    #[command(after_long_help = UPDATE_EXAMPLES)]
    Update(GroupUpdateArgs),
    /// Delete a BGP group (DeleteBgpGroup); --cascade deletes its peers first
    #[command(after_long_help = DELETE_EXAMPLES)]
    Delete(GroupDeleteArgs),
}

const LIST_EXAMPLES: &str = "\
Examples:
  bgpeer group list
  bgpeer group list --router-id vbr-bp1demo00000000000000 -o table
  bgpeer group list -o value --fields BgpGroupId";

const SHOW_EXAMPLES: &str = "\
Examples:
  bgpeer group show bgpg-bp1demo00000000000000
  bgpeer group show bgpg-bp1demo00000000000000 -o json | jq .RouteLimit";

const CREATE_EXAMPLES: &str = "\
Examples:
  bgpeer group create --router-id vbr-bp1demo00000000000000 --peer-asn 65001 --name dc1-core --wait
  BGPEER_AUTH_KEY=s3cret bgpeer group create --vbr-id vbr-bp1demo00000000000000 --peer-asn 65001
  bgpeer group create --router-id vbr-bp1demo00000000000000 --peer-asn 65001 --local-asn 64512 --dry-run";

const UPDATE_EXAMPLES: &str = "\
Examples:
  bgpeer group update bgpg-bp1demo00000000000000 --route-quota 200 --wait
  bgpeer group update bgpg-bp1demo00000000000000 --auth-key-file ./bgp.key
  bgpeer group update bgpg-bp1demo00000000000000 --clear-auth-key --is-fake-asn=false";

const DELETE_EXAMPLES: &str = "\
Examples:
  bgpeer group delete bgpg-bp1demo00000000000000 --yes --wait
  bgpeer group delete bgpg-bp1demo00000000000000 --cascade --yes
  bgpeer group delete bgpg-bp1demo00000000000000 --dry-run";

#[derive(Debug, Args)]
pub struct GroupListArgs {
    /// Only the groups of this VBR (API parameter RouterId, e.g. vbr-...)
    #[arg(long, visible_alias = "vbr-id", value_name = "VBR_ID")]
    pub router_id: Option<String>,

    /// Only this group (API parameter BgpGroupId, e.g. bgpg-...)
    #[arg(long, value_name = "BGP_GROUP_ID")]
    pub bgp_group_id: Option<String>,

    /// Stop after N groups [default: all pages]
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct GroupShowArgs {
    /// The group ID (bgpg-...)
    #[arg(value_name = "BGP_GROUP_ID")]
    pub id: String,
}

/// Where the BGP AuthKey comes from (kept out of shell history by the file and environment forms).
#[derive(Debug, Clone, Args)]
pub struct AuthKeyArgs {
    /// BGP authentication key (API parameter AuthKey); visible in shell history and `ps`, so prefer
    /// --auth-key-file or BGPEER_AUTH_KEY [default: none]
    #[arg(long, value_name = "KEY", conflicts_with = "auth_key_file")]
    pub auth_key: Option<String>,

    /// Read the AuthKey from FILE, or from stdin with '-' (trailing newline removed)
    #[arg(long, value_name = "FILE|-", value_hint = clap::ValueHint::FilePath)]
    pub auth_key_file: Option<String>,
}

#[derive(Debug, Args)]
pub struct GroupCreateArgs {
    /// The VBR that owns the group (API parameter RouterId, vbr-...) [required]
    #[arg(long, visible_alias = "vbr-id", value_name = "VBR_ID")]
    pub router_id: String,

    /// ASN of your device (API parameter PeerAsn): 1-4294967295, not 45104 [required]
    #[arg(long, value_name = "ASN")]
    pub peer_asn: u64,

    /// Alibaba Cloud side ASN (API parameter LocalAsn): 64512-65534 or 4200000000-4294967294, not
    /// 65025 [default: 45104]
    #[arg(long, value_name = "ASN")]
    pub local_asn: Option<u64>,

    /// Group name (API parameter Name): 2-128 characters, starting with a letter; letters, digits,
    /// '.', '_', '-' [default: none]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Description (API parameter Description): 2-256 characters, starting with a letter, not
    /// http:// or https:// [default: none]
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    #[command(flatten)]
    pub auth_key: AuthKeyArgs,

    /// Use a fake ASN, for AS migrations (API parameter IsFakeAsn): true or false [default: false]
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub is_fake_asn: Option<bool>,

    /// Most routes each peer of the group may advertise (API parameter RouteQuota) [default: 110]
    #[arg(long, value_name = "N")]
    pub route_quota: Option<u32>,

    /// Address family (API parameter IpVersion): IPv4 or IPv6 (the VBR must have IPv6 enabled), any
    /// case [default: IPv4]
    #[arg(long, value_enum, ignore_case = true, value_name = "VERSION")]
    pub ip_version: Option<IpVersion>,

    #[command(flatten)]
    pub mutation: MutationArgs,

    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Debug, Args)]
pub struct GroupUpdateArgs {
    /// The group ID (API parameter BgpGroupId, bgpg-...)
    #[arg(value_name = "BGP_GROUP_ID")]
    pub id: String,

    /// New name (API parameter Name): 2-128 characters, starting with a letter; letters, digits,
    /// '.', '_', '-'
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// New description (API parameter Description): 2-256 characters, starting with a letter
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    /// New ASN of your device (API parameter PeerAsn): 1-4294967295, not 45104
    #[arg(long, value_name = "ASN")]
    pub peer_asn: Option<u64>,

    /// New Alibaba Cloud side ASN (API parameter LocalAsn): 64512-65534 or 4200000000-4294967294,
    /// not 65025
    #[arg(long, value_name = "ASN")]
    pub local_asn: Option<u64>,

    #[command(flatten)]
    pub auth_key: AuthKeyArgs,

    /// Take the new AuthKey from the environment variable BGPEER_AUTH_KEY (never implicit on
    /// update, so a key in your environment can't change a group by accident)
    #[arg(long, conflicts_with_all = ["auth_key", "auth_key_file"])]
    pub auth_key_from_env: bool,

    /// Remove the group's AuthKey (API parameter ClearAuthKey=true)
    #[arg(long, conflicts_with_all = ["auth_key", "auth_key_file", "auth_key_from_env"])]
    pub clear_auth_key: bool,

    /// Fake ASN on or off (API parameter IsFakeAsn): true or false
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub is_fake_asn: Option<bool>,

    /// Most routes each peer may advertise (API parameter RouteQuota)
    #[arg(long, value_name = "N")]
    pub route_quota: Option<u32>,

    #[command(flatten)]
    pub mutation: MutationArgs,

    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Debug, Args)]
pub struct GroupDeleteArgs {
    /// The group ID (API parameter BgpGroupId, bgpg-...)
    #[arg(value_name = "BGP_GROUP_ID")]
    pub id: String,

    /// Delete the group's peers first, one by one, waiting for each to be gone
    #[arg(long)]
    pub cascade: bool,

    #[command(flatten)]
    pub mutation: MutationArgs,

    #[command(flatten)]
    pub wait: WaitArgs,
}
