//! `bgpeer emulator ...`

use crate::cli::emulator::EmulatorArgs;
use crate::context::Context;

pub async fn run(_ctx: &Context, _args: EmulatorArgs) -> anyhow::Result<()> {
    anyhow::bail!("bgpeer emulator is not implemented yet")
}
