//! `bgpeer network ...`

use clap::{Args, Subcommand};

use super::mutation::{BulkArgs, MutationArgs, WaitArgs};

const NETWORK_EXAMPLES: &str = "\
Examples:
  # What a VBR advertises
  $ bgpeer network list --router-id vbr-bp1demo00000000000000

  # Advertise a VPC CIDR, then withdraw it
  $ bgpeer network add --router-id vbr-bp1demo00000000000000 --dst-cidr-block 192.168.50.0/24
  $ bgpeer network delete --router-id vbr-bp1demo00000000000000 --dst-cidr-block 192.168.50.0/24 --yes";

#[derive(Debug, Subcommand)]
#[command(after_long_help = NETWORK_EXAMPLES)]
pub enum NetworkCommand {
    /// List advertised networks (every page), optionally of one VBR
    #[command(after_long_help = LIST_EXAMPLES)]
    List(NetworkListArgs),
    /// Advertise a CIDR block over BGP from a VBR and print it (AddBgpNetwork); --from-file adds many
    #[command(after_long_help = ADD_EXAMPLES)]
    Add(NetworkAddArgs),
    /// Withdraw an advertised network (DeleteBgpNetwork); --from-file withdraws many
    #[command(after_long_help = DELETE_EXAMPLES)]
    Delete(NetworkDeleteArgs),
}

const LIST_EXAMPLES: &str = "\
Examples:
  bgpeer network list --router-id vbr-bp1demo00000000000000
  bgpeer network list -o tsv --fields RouterId,DstCidrBlock
  bgpeer network list --vpc-id vpc-bp1demo00000000000000 -o value --fields DstCidrBlock";

const ADD_EXAMPLES: &str = "\
Examples:
  bgpeer network add --router-id vbr-bp1demo00000000000000 --dst-cidr-block 192.168.10.0/24 --wait
  bgpeer network add --vbr-id vbr-bp1demo00000000000000 --dst-cidr-block 10.1.0.0/16 --vpc-id vpc-bp1demo00000000000000
  bgpeer network add --from-file networks.json --concurrency 8";

const DELETE_EXAMPLES: &str = "\
Examples:
  bgpeer network delete --router-id vbr-bp1demo00000000000000 --dst-cidr-block 192.168.10.0/24 --yes
  bgpeer network list --router-id vbr-bp1demo00000000000000 -o ndjson | bgpeer network delete --from-file - --yes
  bgpeer network delete --router-id vbr-bp1demo00000000000000 --dst-cidr-block 10.1.0.0/16 --dry-run";

#[derive(Debug, Args)]
pub struct NetworkListArgs {
    /// Only the networks of this VBR (API parameter RouterId, vbr-...)
    #[arg(long, visible_alias = "vbr-id", value_name = "VBR_ID")]
    pub router_id: Option<String>,

    /// Only this CIDR block (filtered by bgpeer: the API has no such filter)
    #[arg(long, value_name = "CIDR")]
    pub dst_cidr_block: Option<String>,

    /// Only the networks of this VPC (filtered by bgpeer: the API has no such filter)
    #[arg(long, value_name = "VPC_ID")]
    pub vpc_id: Option<String>,

    /// Stop after N networks [default: all pages]
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct NetworkAddArgs {
    /// The VBR that advertises the network (API parameter RouterId, vbr-...) [required without
    /// --from-file]
    #[arg(
        long,
        visible_alias = "vbr-id",
        value_name = "VBR_ID",
        required_unless_present = "from_file",
        conflicts_with = "from_file"
    )]
    pub router_id: Option<String>,

    /// The CIDR block to advertise (API parameter DstCidrBlock), host bits zero, e.g.
    /// 192.168.0.0/24 [required without --from-file]
    #[arg(
        long,
        value_name = "CIDR",
        required_unless_present = "from_file",
        conflicts_with = "from_file"
    )]
    pub dst_cidr_block: Option<String>,

    /// The VPC that owns the CIDR block (API parameter VpcId, vpc-...) [default: none]
    #[arg(long, value_name = "VPC_ID", conflicts_with = "from_file")]
    pub vpc_id: Option<String>,

    #[command(flatten)]
    pub mutation: MutationArgs,

    #[command(flatten)]
    pub wait: WaitArgs,

    #[command(flatten)]
    pub bulk: BulkArgs,
}

#[derive(Debug, Args)]
pub struct NetworkDeleteArgs {
    /// The VBR (API parameter RouterId, vbr-...) [required without --from-file]
    #[arg(
        long,
        visible_alias = "vbr-id",
        value_name = "VBR_ID",
        required_unless_present = "from_file",
        conflicts_with = "from_file"
    )]
    pub router_id: Option<String>,

    /// The advertised CIDR block (API parameter DstCidrBlock) [required without --from-file]
    #[arg(
        long,
        value_name = "CIDR",
        required_unless_present = "from_file",
        conflicts_with = "from_file"
    )]
    pub dst_cidr_block: Option<String>,

    #[command(flatten)]
    pub mutation: MutationArgs,

    #[command(flatten)]
    pub wait: WaitArgs,

    #[command(flatten)]
    pub bulk: BulkArgs,
}
