//! `bgpeer peer ...`

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum PeerCommand {
    /// List
    List,
}
