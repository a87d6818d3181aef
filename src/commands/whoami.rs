//! `bgpeer whoami`: the active profile, where the credentials come from, the masked key id, and
//! whether the credentials work (a cheap signed call: DescribeRegions).

use serde_json::{json, Value};

use super::Context;
use crate::secret::mask_key_id;

/// DescribeRegions works in every region; without one, the central endpoint answers it.
const FALLBACK_REGION: &str = "cn-hangzhou";

pub async fn run(ctx: &Context) -> anyhow::Result<()> {
    let settings = ctx.settings()?;
    let client = ctx.client_any_region(FALLBACK_REGION).await?;
    let config = client.config();
    let credentials = config.credentials.as_ref();
    let key_id = credentials.map_or("", |c| c.access_key_id.as_str());
    let mut report = json!({
        "Profile": settings.profile.value,
        "ProfileSource": settings.profile.source.to_string(),
        "CredentialSource": credentials.map(|c| c.source.as_str()),
        "AccessKeyId": credentials.map(|c| mask_key_id(&c.access_key_id)),
        "Region": settings.region.as_ref().map(|r| r.value.clone()),
        "Endpoint": config.endpoint.url(),
        "Verified": false,
    });
    let mut params = Vec::new();
    if let Some(r) = &settings.region {
        params.push(("RegionId".to_string(), r.value.clone()));
    }
    let result = client
        .call("DescribeRegions", &params, &Default::default())
        .await;
    let columns = [
        "Profile",
        "ProfileSource",
        "CredentialSource",
        "AccessKeyId",
        "Region",
        "Verified",
    ];
    match result {
        Ok(answer) => {
            report["Verified"] = Value::Bool(true);
            report["RequestId"] = answer.get("RequestId").cloned().unwrap_or(Value::Null);
            super::emit::emit_one(ctx, &report, &columns)
        }
        Err(e) => {
            super::emit::emit_one(ctx, &report, &columns)?;
            let rejected_temporary = key_id.starts_with("STS.")
                && e.api().is_some_and(|a| {
                    a.code.starts_with("InvalidAccessKeyId")
                        || a.code.starts_with("InvalidSecurityToken")
                });
            if rejected_temporary && crate::credentials::sts::forget_cached(&ctx.env) {
                ctx.notice("note: removed the cached temporary credentials; the next command assumes the role again");
            }
            Err(anyhow::Error::new(e)
                .context("cannot verify the credentials: DescribeRegions failed"))
        }
    }
}
