//! `bgpeer configure ...`

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct ConfigureArgs {
    #[command(subcommand)]
    pub command: Option<ConfigureCommand>,
}

#[derive(Debug, Subcommand)]
pub enum ConfigureCommand {
    /// List profiles and where each effective setting comes from
    List,
}
