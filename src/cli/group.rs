//! `bgpeer group ...`

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// List
    List,
}
