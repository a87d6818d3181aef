//! `bgpeer network ...`

use crate::cli::network::NetworkCommand;
use crate::context::Context;

pub async fn run(_ctx: &Context, _cmd: NetworkCommand) -> anyhow::Result<()> {
    anyhow::bail!("bgpeer network is not implemented yet")
}
