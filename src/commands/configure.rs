//! `bgpeer configure ...`

use crate::cli::configure::ConfigureArgs;
use crate::context::Context;

pub async fn run(_ctx: &Context, _args: ConfigureArgs) -> anyhow::Result<()> {
    anyhow::bail!("bgpeer configure is not implemented yet")
}
