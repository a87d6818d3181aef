//! `bgpeer region ...`

use clap::{Args, Subcommand, ValueEnum};

const REGION_EXAMPLES: &str = "\
Examples:
  # Every region the VPC API serves, with its endpoint
  $ bgpeer region list

  # Just the region IDs
  $ bgpeer region list -o value --fields RegionId";

#[derive(Debug, Subcommand)]
#[command(after_long_help = REGION_EXAMPLES)]
pub enum RegionCommand {
    /// List the regions the VPC API serves, with their endpoints
    #[command(long_about = LIST_LONG_ABOUT, after_long_help = LIST_EXAMPLES)]
    List(RegionListArgs),
}

const LIST_LONG_ABOUT: &str = "\
List the regions the VPC API serves (DescribeRegions): RegionId (what --region takes), LocalName \
(in the language of --accept-language) and RegionEndpoint (the API host of the region).

DescribeRegions takes no RegionId; bgpeer sends the call to the endpoint of the current region \
(--region, ALIBABA_CLOUD_REGION_ID or the profile) or to --endpoint.";

const LIST_EXAMPLES: &str = "\
Examples:
  # Every region, as a table
  $ bgpeer region list

  # Region names in Chinese
  $ bgpeer region list --accept-language zh-CN

  # Is cn-shanghai served? (exit status of grep)
  $ bgpeer region list -o value --fields RegionId | grep -qx cn-shanghai";

/// The languages DescribeRegions can name regions in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AcceptLanguage {
    /// Simplified Chinese (the API's own default)
    #[value(name = "zh-CN")]
    ZhCn,
    /// English
    #[value(name = "en-US")]
    EnUs,
}

impl AcceptLanguage {
    pub fn as_str(self) -> &'static str {
        match self {
            AcceptLanguage::ZhCn => "zh-CN",
            AcceptLanguage::EnUs => "en-US",
        }
    }
}

#[derive(Debug, Args)]
pub struct RegionListArgs {
    /// Language of LocalName (API parameter AcceptLanguage)
    #[arg(long, value_enum, value_name = "LANG", default_value = "en-US")]
    pub accept_language: AcceptLanguage,
}
