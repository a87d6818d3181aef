//! `bgpeer whoami`

use crate::context::Context;

pub async fn run(_ctx: &Context) -> anyhow::Result<()> {
    anyhow::bail!("bgpeer whoami is not implemented yet")
}
