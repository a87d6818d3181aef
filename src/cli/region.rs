//! `bgpeer region ...`

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum RegionCommand {
    /// List
    List,
}
