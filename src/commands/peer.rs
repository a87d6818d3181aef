//! `bgpeer peer ...`

use crate::cli::peer::PeerCommand;
use crate::context::Context;

pub async fn run(_ctx: &Context, _cmd: PeerCommand) -> anyhow::Result<()> {
    anyhow::bail!("bgpeer peer is not implemented yet")
}
