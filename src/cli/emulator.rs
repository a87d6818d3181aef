//! `bgpeer emulator ...`

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct EmulatorArgs {
    #[command(subcommand)]
    pub command: Option<EmulatorCommand>,
}

#[derive(Debug, Subcommand)]
pub enum EmulatorCommand {
    /// Restore the seeded state
    Reset,
}
