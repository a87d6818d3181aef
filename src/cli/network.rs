//! `bgpeer network ...`

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum NetworkCommand {
    /// List
    List,
}
