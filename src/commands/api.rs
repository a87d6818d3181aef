//! `bgpeer api ACTION --param Key=Value ...`: a signed call to any VPC action, raw JSON out.
//!
//! Parameter values are never echoed: errors name the parameter by its key or its position.

use anyhow::Context as _;

use super::CliError;
use super::Context;
use crate::api::validate::{Naming, Validator};
use crate::cli::api::ApiArgs;
use crate::client::{self, CallOptions, ClientError};

/// Parameters the client sets itself (signing and protocol); a user value would be ignored or
/// would break the signature.
const RESERVED: &[&str] = &[
    "Action",
    "Version",
    "Format",
    "AccessKeyId",
    "Signature",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "SignatureType",
    "Timestamp",
    "SecurityToken",
];

/// Actions that take no RegionId.
const REGIONLESS: &[&str] = &["DescribeRegions"];

/// VPC actions bgpeer knows by name besides the ones it models, for "did you mean" hints.
const OTHER_KNOWN_ACTIONS: &[&str] = &["CheckVpnBgpEnabled"];

fn known_actions() -> impl Iterator<Item = &'static str> {
    crate::api::ACTIONS
        .iter()
        .chain(OTHER_KNOWN_ACTIONS)
        .copied()
}

pub async fn run(ctx: &Context, args: ApiArgs) -> anyhow::Result<()> {
    let action = check_action(&args.action)?;
    let mut params = parse_params(&args.params)?;
    let mutating = client::is_mutating(&action);
    let client_token = match (args.client_token.clone(), take(&mut params, "ClientToken")) {
        (Some(_), Some(_)) => {
            return Err(CliError::usage(
                "ClientToken given twice, with --client-token and with --param ClientToken=...",
                Some("keep one of them".to_string()),
            )
            .into())
        }
        (Some(t), None) | (None, Some(t)) => Some(t),
        (None, None) if mutating => Some(client::new_client_token()),
        (None, None) => None,
    };
    if let Some(token) = &client_token {
        Validator::new(&[], Naming::Flags).client_token(token)?;
        params.push(("ClientToken".to_string(), token.clone()));
    }
    if !params.iter().any(|(k, _)| k == "RegionId") && !REGIONLESS.contains(&action.as_str()) {
        let region = ctx.region().context(format!(
            "{action} needs a RegionId: pass --region or --param RegionId=..."
        ))?;
        params.push(("RegionId".to_string(), region));
    }
    let client = ctx.client().await?;
    let opts = CallOptions {
        client_token: client_token.clone(),
    };
    let answer = match client.call(&action, &params, &opts).await {
        Ok(answer) => answer,
        Err(e) => {
            // Only when the outcome is unknown is a retry with the same token worth suggesting.
            let unknown_outcome = match &e {
                ClientError::Transport { .. }
                | ClientError::Deadline { .. }
                | ClientError::Throttled { .. } => true,
                ClientError::Api(api) => api.http_status >= 500,
                _ => false,
            };
            let token = client_token
                .as_deref()
                .filter(|_| mutating && unknown_outcome);
            return Err(anyhow::Error::new(e).context(describe_failure(&action, token)));
        }
    };
    super::emit::emit_raw(ctx, &answer)
}

/// The context line of a failed call: the action, a suggestion when the name looks mistyped,
/// and, when a mutating call's outcome is unknown, the token that makes a retry safe.
fn describe_failure(action: &str, retry_token: Option<&str>) -> String {
    let mut msg = format!("calling {action}");
    if let Some(known) = suggest(action) {
        msg.push_str(&format!(" (did you mean {known}?)"));
    }
    if let Some(token) = retry_token {
        msg.push_str(&format!(
            "; to retry without risking a duplicate, pass --client-token {token}"
        ));
    }
    msg
}

fn suggest(action: &str) -> Option<&'static str> {
    if known_actions().any(|k| k == action) {
        return None;
    }
    known_actions()
        .map(|k| (strsim::jaro_winkler(k, action), k))
        .filter(|(score, _)| *score > 0.9)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// `describe-bgp-peers` -> `DescribeBgpPeers`.
fn camel_case(s: &str) -> String {
    s.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// An action is CamelCase ASCII letters and digits, starting with a capital.
pub fn check_action(raw: &str) -> Result<String, CliError> {
    let action = raw.trim();
    let ok = action
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase())
        && action.chars().all(|c| c.is_ascii_alphanumeric());
    if ok {
        return Ok(action.to_string());
    }
    let hint = if action.is_empty() {
        "name a VPC action, e.g. DescribeBgpPeers".to_string()
    } else {
        let camel = camel_case(action);
        let fixed = known_actions()
            .find(|k| k.eq_ignore_ascii_case(&camel))
            .map(|k| k.to_string())
            .unwrap_or(camel);
        format!("actions are written in the API's CamelCase; did you mean {fixed}?")
    };
    Err(CliError::usage(
        format!("invalid action {action:?}: an action is CamelCase letters and digits"),
        Some(hint),
    ))
}

/// Removes `key` from `params`, returning its value.
fn take(params: &mut Vec<(String, String)>, key: &str) -> Option<String> {
    let at = params.iter().position(|(k, _)| k == key)?;
    Some(params.remove(at).1)
}

fn key_ok(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-')
        && !key.starts_with('.')
        && !key.ends_with('.')
        && !key.contains("..")
}

/// Parses `--param KEY=VALUE` arguments. A key given more than once is a list: its values become
/// `KEY.1`, `KEY.2`, ... in order. Errors name the argument by key or position, never by value.
pub fn parse_params(raw: &[String]) -> Result<Vec<(String, String)>, CliError> {
    let mut pairs: Vec<(String, String)> = Vec::with_capacity(raw.len());
    for (i, p) in raw.iter().enumerate() {
        let n = i + 1;
        let Some((key, value)) = p.split_once('=') else {
            return Err(CliError::usage(
                format!("--param number {n} has no '=': expected KEY=VALUE"),
                Some(
                    "write each parameter as --param Key=Value, e.g. --param BgpGroupId=bgpg-xxx"
                        .to_string(),
                ),
            ));
        };
        let key = key.trim();
        if !key_ok(key) {
            return Err(CliError::usage(
                format!("--param number {n} has an invalid key: a key is letters, digits and '.', like BgpGroupId or Filter.1.Key"),
                Some("write each parameter as --param Key=Value".to_string()),
            ));
        }
        if let Some(r) = RESERVED.iter().find(|r| r.eq_ignore_ascii_case(key)) {
            return Err(CliError::usage(
                format!("--param {r} is set by bgpeer itself"),
                Some(format!(
                    "remove --param {r}=...; bgpeer signs and versions every request"
                )),
            ));
        }
        pairs.push((key.to_string(), value.to_string()));
    }
    let mut out: Vec<(String, String)> = Vec::with_capacity(pairs.len());
    let mut seen: std::collections::HashMap<&str, usize> = Default::default();
    for (key, value) in &pairs {
        let count = pairs.iter().filter(|(k, _)| k == key).count();
        if count == 1 {
            out.push((key.clone(), value.clone()));
            continue;
        }
        let index = seen.entry(key.as_str()).or_insert(0);
        *index += 1;
        out.push((format!("{key}.{index}"), value.clone()));
    }
    for (i, (key, _)) in out.iter().enumerate() {
        if out[..i].iter().any(|(k, _)| k == key) {
            return Err(CliError::usage(
                format!("--param {key} is given twice (once directly, once from a repeated key)"),
                Some(
                    "number list items yourself (Key.1, Key.2) or repeat the bare key, not both"
                        .to_string(),
                ),
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(raw: &[&str]) -> Result<Vec<(String, String)>, CliError> {
        parse_params(&raw.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn values_may_contain_equals_signs_and_be_empty() {
        let p = params(&["Description=a=b", "Name="]).unwrap();
        assert_eq!(
            p,
            [
                ("Description".to_string(), "a=b".to_string()),
                ("Name".to_string(), String::new())
            ]
        );
    }

    #[test]
    fn repeated_keys_become_a_numbered_list() {
        let p = params(&[
            "Filter.1.Key=Status",
            "Filter.1.Value=active",
            "Filter.1.Value=unconfirmed",
        ])
        .unwrap();
        let keys: Vec<&str> = p.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            ["Filter.1.Key", "Filter.1.Value.1", "Filter.1.Value.2"]
        );
        assert_eq!(p[2].1, "unconfirmed");
    }

    #[test]
    fn a_repeated_key_colliding_with_an_explicit_one_is_an_error() {
        let err = params(&["Tag=a", "Tag=b", "Tag.1=c"]).unwrap_err();
        assert!(err.to_string().contains("Tag.1 is given twice"), "{err}");
    }

    #[test]
    fn errors_never_echo_the_value() {
        let err = params(&["BgpGroupId=bgpg-1", "AuthKey-hunter2"]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "--param number 2 has no '=': expected KEY=VALUE"
        );
        let err = params(&["Auth Key=hunter2"]).unwrap_err();
        assert!(!err.to_string().contains("hunter2"));
        assert!(err
            .to_string()
            .starts_with("--param number 1 has an invalid key"));
    }

    #[test]
    fn signing_parameters_are_reserved() {
        let err = params(&["signature=abc"]).unwrap_err();
        assert_eq!(err.to_string(), "--param Signature is set by bgpeer itself");
    }

    #[test]
    fn actions_must_be_camel_case_with_a_suggestion() {
        assert_eq!(
            check_action("DescribeBgpPeers").unwrap(),
            "DescribeBgpPeers"
        );
        let err = check_action("describe-bgp-peers").unwrap_err();
        assert!(crate::exit::Diagnose::hint(&err)
            .unwrap()
            .ends_with("did you mean DescribeBgpPeers?"));
        let err = check_action("describeregions").unwrap_err();
        assert!(crate::exit::Diagnose::hint(&err)
            .unwrap()
            .ends_with("did you mean DescribeRegions?"));
        assert!(check_action("").is_err());
    }

    #[test]
    fn near_misses_of_known_actions_are_suggested() {
        assert_eq!(suggest("DescribeBgpPeer"), Some("DescribeBgpPeers"));
        assert_eq!(suggest("DescribeBgpPeers"), None);
        assert_eq!(suggest("DescribeVpcs"), None);
    }
}
