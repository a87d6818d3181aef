//! `bgpeer api ACTION --param Key=Value ...`: a signed call to any VPC action, raw JSON out.

use crate::cli::api::ApiArgs;
use crate::context::Context;
use crate::error::CliError;

pub async fn run(ctx: &Context, args: ApiArgs) -> anyhow::Result<()> {
    let mut params = Vec::new();
    for p in &args.params {
        let (k, v) = p.split_once('=').ok_or_else(|| {
            CliError::usage(
                format!("invalid --param {p:?}: expected KEY=VALUE"),
                Some("e.g. --param BgpGroupId=bgpg-xxx".to_string()),
            )
        })?;
        params.push((k.to_string(), v.to_string()));
    }
    if !params.iter().any(|(k, _)| k == "RegionId") && args.action != "DescribeRegions" {
        params.push(("RegionId".to_string(), ctx.region()?));
    }
    let client = ctx.client().await?;
    let value = client
        .call(&args.action, &params, &Default::default())
        .await?;
    let mut text = serde_json::to_string_pretty(&value)?;
    text.push('\n');
    ctx.write_stdout(text.as_bytes())?;
    Ok(())
}
