//! `bgpeer region ...`

use super::Context;
use crate::api::model::to_json;
use crate::api::region::{self as api, COLUMNS};
use crate::cli::region::{RegionCommand, RegionListArgs};

pub async fn run(ctx: &Context, cmd: RegionCommand) -> anyhow::Result<()> {
    match cmd {
        RegionCommand::List(args) => list(ctx, args).await,
    }
}

async fn list(ctx: &Context, args: RegionListArgs) -> anyhow::Result<()> {
    // DescribeRegions needs no region: without one, ask the central endpoint (vpc.aliyuncs.com).
    let client = ctx.client_any_region("cn-hangzhou").await?;
    let regions = api::list(client, args.accept_language.as_str()).await?;
    super::emit::emit_list(ctx, regions.iter().map(to_json), COLUMNS)
}
