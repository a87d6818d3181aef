//! `bgpeer vbr ...`

use crate::cli::vbr::VbrCommand;
use crate::context::Context;

pub async fn run(_ctx: &Context, _cmd: VbrCommand) -> anyhow::Result<()> {
    anyhow::bail!("bgpeer vbr is not implemented yet")
}
