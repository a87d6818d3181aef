//! `bgpeer group ...`

use crate::cli::group::GroupCommand;
use crate::context::Context;

pub async fn run(_ctx: &Context, _cmd: GroupCommand) -> anyhow::Result<()> {
    anyhow::bail!("bgpeer group is not implemented yet")
}
