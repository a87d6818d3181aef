//! `bgpeer vbr ...`

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum VbrCommand {
    /// List
    List,
}
