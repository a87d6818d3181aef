//! `bgpeer completions SHELL`: prints the completion script generated from the clap tree.
//!
//! The same function produces the checked-in `completions/` files (see `tests/generated_files.rs`),
//! so what the command prints and what the repository ships can't differ. bgpeer never writes to
//! the user's rc files: installing the script is the user's call (see `bgpeer completions --help`).

use clap::CommandFactory;
use clap_complete::{Generator, Shell};

use crate::cli::Cli;
use crate::context::Context;

/// The name the scripts complete: the installed binary's name, whatever argv[0] was.
pub const BIN_NAME: &str = "bgpeer";

/// The completion script for `shell`, generated from the clap tree.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), BIN_NAME, &mut buf);
    buf
}

/// clap_complete's default file name for `shell` (`bgpeer.bash`, `_bgpeer`, `bgpeer.fish`,
/// `_bgpeer.ps1`, `bgpeer.elv`).
pub fn file_name(shell: Shell) -> String {
    shell.file_name(BIN_NAME)
}

pub fn run(ctx: &Context, shell: Shell) -> anyhow::Result<()> {
    ctx.write_stdout(&script(shell))?;
    Ok(())
}
