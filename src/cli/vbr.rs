//! `bgpeer vbr ...`

use clap::{Args, Subcommand};

use crate::api::validate::Rule;

/// VBR states, as DescribeVirtualBorderRouters reports them.
pub const VBR_STATUSES: &[&str] = &[
    "unconfirmed",
    "active",
    "terminating",
    "terminated",
    "recovering",
    "deleting",
];

const VBR_EXAMPLES: &str = "\
Examples:
  # The VBRs of the region
  $ bgpeer --region cn-hangzhou vbr list

  # Everything BGP on one of them, as a tree
  $ bgpeer --region cn-hangzhou vbr show vbr-bp1demo00000000000000";

#[derive(Debug, Subcommand)]
#[command(after_long_help = VBR_EXAMPLES)]
pub enum VbrCommand {
    /// List the virtual border routers of the region (every page)
    #[command(long_about = LIST_LONG_ABOUT, after_long_help = LIST_EXAMPLES)]
    List(VbrListArgs),
    /// The whole BGP picture of one VBR: its groups, their peers, and its advertised networks
    #[command(long_about = SHOW_LONG_ABOUT, after_long_help = SHOW_EXAMPLES)]
    Show(VbrShowArgs),
    /// Find what is wrong with the BGP set-up of VBRs, each finding with its fix (exit 12 when found)
    #[command(long_about = super::health::CHECK_LONG_ABOUT, after_long_help = super::health::CHECK_EXAMPLES)]
    Check(super::health::VbrCheckArgs),
}

const LIST_LONG_ABOUT: &str = "\
List the virtual border routers (VBRs) of the region with DescribeVirtualBorderRouters, every page \
merged (PageSize 50, checked against TotalCount).

Filters map to the API's Filter.N.Key / Filter.N.Value.M parameters: a repeated filter flag (or \
comma-separated values) matches any of its values, different filter flags must all match. The \
VbrId column is the RouterId the group, peer and network commands take.";

const LIST_EXAMPLES: &str = "\
Examples:
  # Every active VBR of the region, as a table
  $ bgpeer --region cn-shanghai vbr list --status active

  # Just the IDs, one per line, for a shell loop
  $ for vbr in $(bgpeer vbr list -o value --fields VbrId); do bgpeer vbr show \"$vbr\"; done

  # Two VBRs by ID, as JSON
  $ bgpeer vbr list --vbr-id vbr-bp1demo00000000000000,vbr-bp1dualstack000000000 -o json";

const SHOW_LONG_ABOUT: &str = "\
Show the whole BGP picture of one VBR: the VBR itself (status, VLAN, IPv6, gateway IPs), its BGP \
groups (ASNs, route limit, AuthKey masked), each group's peers (address, Status, BgpStatus, BFD, \
advertised and received route counts) and the networks it advertises.

On a terminal this is a tree coloured by health: sessions Established in green, Connect or Active \
in yellow, Idle or Down in red. With -o json it is one nested object: the VBR's fields, plus \
BgpGroups[] (each with its BgpPeers[]) and BgpNetworks[]. A VBR that does not exist exits 3.

It reads DescribeVirtualBorderRouters, DescribeBgpGroups, DescribeBgpPeers and DescribeBgpNetworks, \
every page of each.";

const SHOW_EXAMPLES: &str = "\
Examples:
  # The tree, on a terminal
  $ bgpeer vbr show vbr-bp1demo00000000000000

  # Peers of the VBR whose session is not Established
  $ bgpeer vbr show vbr-bp1demo00000000000000 -o json \\
      | jq -r '.BgpGroups[].BgpPeers[] | select(.BgpStatus != \"Established\") | .BgpPeerId'

  # The VBR's own fields as tab-separated values
  $ bgpeer vbr show vbr-bp1demo00000000000000 -o tsv --fields VbrId,Status,VlanId";

#[derive(Debug, Args)]
pub struct VbrListArgs {
    /// Only these VBRs (API Filter Key=VbrId); repeatable or comma-separated [default: all]
    #[arg(
        long = "vbr-id",
        visible_alias = "router-id",
        value_delimiter = ',',
        value_name = "VBR_ID"
    )]
    pub vbr_ids: Vec<String>,

    /// Only VBRs in this state (API Filter Key=Status); repeatable or comma-separated [default: any state]
    #[arg(
        long = "status",
        value_delimiter = ',',
        value_name = "STATUS",
        value_parser = clap::builder::PossibleValuesParser::new(VBR_STATUSES)
    )]
    pub statuses: Vec<String>,

    /// Only VBRs with this exact name (API Filter Key=Name); repeatable [default: any name]
    #[arg(long = "name", value_name = "NAME")]
    pub names: Vec<String>,

    /// Only VBRs on this Express Connect circuit (API Filter Key=PhysicalConnectionId); repeatable or
    /// comma-separated [default: any]
    #[arg(
        long = "physical-connection-id",
        value_delimiter = ',',
        value_name = "PC_ID"
    )]
    pub physical_connection_ids: Vec<String>,

    /// Only VBRs at this access point (API Filter Key=AccessPointId); repeatable or comma-separated
    /// [default: any]
    #[arg(long = "access-point-id", value_delimiter = ',', value_name = "AP_ID")]
    pub access_point_ids: Vec<String>,

    /// Stop after N VBRs instead of fetching every page [default: no limit]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: Option<u64>,
}

#[derive(Debug, Args)]
pub struct VbrShowArgs {
    /// The VBR (the RouterId of the group, peer and network commands), e.g. vbr-bp1demo00000000000000
    #[arg(value_name = "VBR_ID")]
    pub vbr_id: String,

    /// Skip one validation rule before sending (here: id-prefix); repeatable [default: check all]
    #[arg(long = "no-validate", value_enum, value_name = "RULE")]
    pub no_validate: Vec<Rule>,
}
