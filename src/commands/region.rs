//! `bgpeer region ...`

use crate::cli::region::RegionCommand;
use crate::context::Context;

pub async fn run(_ctx: &Context, _cmd: RegionCommand) -> anyhow::Result<()> {
    anyhow::bail!("bgpeer region is not implemented yet")
}
