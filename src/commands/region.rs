//! `bgpeer region ...`

use super::Context;
use crate::api::pagination::list_all;
use crate::api::request::Request;
use crate::cli::region::{RegionCommand, RegionListArgs};

/// Default columns of `region list`.
pub const COLUMNS: &[&str] = &["RegionId", "LocalName", "RegionEndpoint"];

pub async fn run(ctx: &Context, cmd: RegionCommand) -> anyhow::Result<()> {
    match cmd {
        RegionCommand::List(args) => list(ctx, args).await,
    }
}

async fn list(ctx: &Context, args: RegionListArgs) -> anyhow::Result<()> {
    // DescribeRegions needs no region: without one, ask the central endpoint (vpc.aliyuncs.com).
    let client = ctx.client_any_region("cn-hangzhou").await?;
    let req =
        Request::new("DescribeRegions").param("AcceptLanguage", args.accept_language.as_str());
    let regions = list_all(client, req.action, &req.wire_params(), None).await?;
    super::emit::emit_list(ctx, regions, COLUMNS)
}
