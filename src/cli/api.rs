//! `bgpeer api ACTION --param Key=Value ...`

use clap::Args;

#[derive(Debug, Args)]
pub struct ApiArgs {
    /// The VPC action, e.g. DescribeBgpPeers
    pub action: String,
    /// An API parameter, repeatable
    #[arg(long = "param", value_name = "KEY=VALUE")]
    pub params: Vec<String>,
}
