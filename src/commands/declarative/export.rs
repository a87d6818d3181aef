//! `bgpeer export`: the live BGP set-up of VBRs as a declarative file.

use super::{read_live, Regions};
use crate::api::vbr;
use crate::cli::declarative::ExportArgs;
use crate::commands::{CliError, Context};
use crate::declarative::export;
use crate::output::OutputFormat;

pub async fn run(ctx: &Context, args: ExportArgs) -> anyhow::Result<()> {
    let format = super::explicit_format(ctx);
    let query = crate::commands::emit::query(ctx)?;
    if query.is_none() && !matches!(format, OutputFormat::Table | OutputFormat::Json) {
        return Err(CliError::usage(
            format!(
                "export writes YAML, or JSON with -o json; -o {} is not a file format",
                format.name()
            ),
            Some("leave -o out for YAML, or give -o json".to_string()),
        )
        .into());
    }
    let region = ctx.region()?;
    let validator = crate::api::validate::Validator::new(&[], crate::api::validate::Naming::Flags);
    validator.region_id(&region)?;
    for id in &args.vbr_ids {
        validator.id(
            crate::api::validate::Field {
                flag: "VBR_ID",
                ..crate::api::validate::ROUTER_ID
            },
            id,
        )?;
    }
    let regions = Regions::new(ctx, std::slice::from_ref(&region), 16, 64).await?;
    let ids: Vec<String> = if args.all {
        let r = region.clone();
        let all = regions
            .pacer(&region)
            .call(|c| {
                let r = r.clone();
                async move { vbr::list(&c, &r, &[], None).await }
            })
            .await?;
        all.iter()
            .filter_map(|v| v.vbr_id.as_str().map(str::to_string))
            .collect()
    } else {
        args.vbr_ids.clone()
    };
    let pairs: Vec<(String, String)> = ids.iter().map(|v| (region.clone(), v.clone())).collect();
    let live = read_live(&regions, &pairs, None).await?;
    if let Some(query) = &query {
        // The query runs on the JSON form of the file; its result prints like any command's.
        return crate::commands::emit::emit_document(ctx, query, export::to_json(&live));
    }
    let text = if format == OutputFormat::Json {
        let mut s = serde_json::to_string_pretty(&export::to_json(&live))?;
        s.push('\n');
        s
    } else {
        export::to_yaml(
            &live,
            &format!(
                "BGP set-up of {} VBR{} in {region}, exported by bgpeer {}.\nCheck it with `bgpeer plan -f FILE`; change it, then `bgpeer apply -f FILE`.",
                live.len(),
                if live.len() == 1 { "" } else { "s" },
                env!("CARGO_PKG_VERSION")
            ),
        )
    };
    ctx.write_stdout(text.as_bytes())?;
    Ok(())
}
