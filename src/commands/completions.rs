//! `bgpeer completions SHELL`: prints the completion script generated from the clap tree.

use clap::CommandFactory;

use crate::cli::Cli;
use crate::context::Context;

pub fn run(ctx: &Context, shell: clap_complete::Shell) -> anyhow::Result<()> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "bgpeer", &mut buf);
    ctx.write_stdout(&buf)?;
    Ok(())
}
