//! The items of a bulk run: NDJSON or a JSON array of objects with the API's field names, each
//! read with type checks and validated before anything is sent.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::super::{CliError, Context};
use crate::api::request::Request;
use crate::api::validate::{IpVersion, Validator};

/// One input item: its position, and its fields.
#[derive(Debug, Clone)]
pub struct InputItem {
    pub index: usize,
    /// 1-based line (NDJSON) or array position, for messages.
    pub line: usize,
    pub fields: Map<String, Value>,
}

impl InputItem {
    pub fn place(&self) -> String {
        format!("item {} (line {})", self.index, self.line)
    }
}

/// Parses NDJSON, or a JSON array of objects (an empty input is no items).
pub fn parse_items(text: &str) -> Result<Vec<InputItem>, CliError> {
    let trimmed = text.trim_start();
    let hint = || {
        Some("give NDJSON (one JSON object per line) or a JSON array of objects, with the API's field names".to_string())
    };
    let mut items = Vec::new();
    if trimmed.starts_with('[') {
        let values: Vec<Value> = serde_json::from_str(trimmed).map_err(|e| {
            CliError::usage(format!("the input is not a valid JSON array: {e}"), hint())
        })?;
        for (i, v) in values.into_iter().enumerate() {
            match v {
                Value::Object(fields) => items.push(InputItem {
                    index: i,
                    line: i + 1,
                    fields,
                }),
                other => {
                    return Err(CliError::usage(
                        format!("array element {i} is not an object: {}", kind_of(&other)),
                        hint(),
                    ))
                }
            }
        }
    } else {
        for (n, line) in text.lines().enumerate() {
            let line_trim = line.trim();
            if line_trim.is_empty() {
                continue;
            }
            let v: Value = serde_json::from_str(line_trim).map_err(|e| {
                CliError::usage(format!("line {} is not valid JSON: {e}", n + 1), hint())
            })?;
            match v {
                Value::Object(fields) => items.push(InputItem {
                    index: items.len(),
                    line: n + 1,
                    fields,
                }),
                other => {
                    return Err(CliError::usage(
                        format!("line {} is not a JSON object: {}", n + 1, kind_of(&other)),
                        hint(),
                    ))
                }
            }
        }
    }
    // No items is not an error: `bgpeer peer list -o ndjson | bgpeer peer delete --from-file -`
    // on an empty list has nothing to do, prints `[]` and exits 0.
    Ok(items)
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads one item's fields with type checks, naming the item and field in every error.
pub struct ItemReader<'a> {
    pub item: &'a InputItem,
    /// Fields the command uses.
    pub known: &'static [&'static str],
    /// Output-only fields that may be present (so `list -o ndjson` output can be fed back) and are ignored.
    pub ignored: &'static [&'static str],
}

impl ItemReader<'_> {
    fn err(&self, msg: String) -> CliError {
        CliError::usage(format!("{}: {msg}", self.item.place()), None)
    }

    /// Rejects fields that are neither used nor known output fields, with a did-you-mean.
    pub fn check_fields(&self, region: &str) -> Result<(), CliError> {
        for key in self.item.fields.keys() {
            if key == "RegionId" {
                let r = self.item.fields[key].as_str().unwrap_or("");
                if !r.is_empty() && r != region {
                    return Err(self.err(format!(
                        "RegionId {r:?} differs from the command's region {region:?}; run one file per region with --region"
                    )));
                }
                continue;
            }
            if self.known.contains(&key.as_str()) || self.ignored.contains(&key.as_str()) {
                continue;
            }
            let best = self
                .known
                .iter()
                .map(|k| (strsim::jaro_winkler(k, key), *k))
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .filter(|(score, _)| *score > 0.8);
            let mut msg = format!("unknown field {key:?}");
            if let Some((_, k)) = best {
                msg.push_str(&format!(" (did you mean {k:?}?)"));
            }
            msg.push_str(&format!("; fields used here: {}", self.known.join(", ")));
            return Err(self.err(msg));
        }
        Ok(())
    }

    pub fn opt_str(&self, name: &str) -> Result<Option<String>, CliError> {
        match self.item.fields.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => {
                Err(self.err(format!("{name} must be a string, not {}", kind_of(other))))
            }
        }
    }

    pub fn req_str(&self, name: &str) -> Result<String, CliError> {
        self.opt_str(name)?
            .filter(|s| !s.is_empty())
            .ok_or_else(|| self.err(format!("{name} is required")))
    }

    pub fn opt_bool(&self, name: &str) -> Result<Option<bool>, CliError> {
        match self.item.fields.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Ok(Some(true)),
            Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Ok(Some(false)),
            Some(other) => Err(self.err(format!("{name} must be true or false, not {other}"))),
        }
    }

    pub fn opt_int(&self, name: &str) -> Result<Option<i64>, CliError> {
        match self.item.fields.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) if n.as_i64().is_some() => Ok(n.as_i64()),
            Some(Value::String(s)) if s.trim().parse::<i64>().is_ok() => Ok(s.trim().parse().ok()),
            Some(other) => Err(self.err(format!("{name} must be an integer, not {other}"))),
        }
    }

    pub fn opt_ip_version(&self, name: &str) -> Result<Option<IpVersion>, CliError> {
        match self.opt_str(name)? {
            None => Ok(None),
            Some(s) => IpVersion::parse(&s)
                .map(Some)
                .ok_or_else(|| self.err(format!("{name} must be IPv4 or IPv6, not {s:?}"))),
        }
    }

    /// The item's ClientToken; else `<--client-token>-<index>` (so re-running the same file with
    /// the same --client-token creates nothing twice); else a new one.
    pub fn client_token(&self, v: &Validator, base: Option<&str>) -> Result<String, CliError> {
        let token = match (self.opt_str("ClientToken")?, base) {
            (Some(t), _) => t,
            (None, Some(base)) => {
                crate::client::derive_client_token(base, &self.item.index.to_string())
            }
            (None, None) => return Ok(crate::client::new_client_token()),
        };
        v.client_token(&token)
            .map_err(|e| self.err(e.to_string()))?;
        Ok(token)
    }

    /// Wraps a validation error with the item's place.
    pub fn place_err(&self, e: impl std::fmt::Display) -> CliError {
        self.err(e.to_string())
    }
}

/// One item ready to send.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub index: usize,
    pub request: Request,
    /// What identifies the item in results (its input fields without secrets).
    pub echo: Value,
}

/// Validates every item (all errors listed, nothing sent when any is invalid).
pub fn prepare_all<F>(items: &[InputItem], mut build: F) -> Result<Vec<Prepared>, CliError>
where
    F: FnMut(&InputItem) -> Result<Prepared, CliError>,
{
    let mut ok = Vec::new();
    let mut errors = Vec::new();
    for item in items {
        match build(item) {
            Ok(p) => ok.push(p),
            Err(e) => errors.push(e.to_string()),
        }
    }
    let mut tokens = HashSet::new();
    for p in &ok {
        if let Some(t) = p.request.get("ClientToken") {
            if !tokens.insert(t.to_string()) {
                errors.push(format!(
                    "item {}: ClientToken {t:?} is used by another item; each item needs its own",
                    p.index
                ));
            }
        }
    }
    if errors.is_empty() {
        return Ok(ok);
    }
    let shown: Vec<String> = errors.iter().take(20).cloned().collect();
    let more = errors.len().saturating_sub(shown.len());
    let mut message = format!(
        "{} of {} items are invalid; nothing was sent:\n  {}",
        errors.len(),
        items.len(),
        shown.join("\n  ")
    );
    if more > 0 {
        message.push_str(&format!("\n  ... and {more} more"));
    }
    Err(CliError::usage(
        message,
        Some(
            "fix the items; --no-validate RULE skips a rule you are sure the API accepts"
                .to_string(),
        ),
    ))
}

/// Reads and parses `--from-file`.
pub fn read_items(ctx: &Context, path: &str) -> anyhow::Result<Vec<InputItem>> {
    let text = super::super::files::read_text(ctx, path).map_err(|e| {
        CliError::usage(
            format!("cannot read --from-file {path}: {e}"),
            Some("give a readable NDJSON or JSON file, or '-' for stdin".to_string()),
        )
    })?;
    Ok(parse_items(&text)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ndjson_and_arrays_parse_alike() {
        let nd =
            parse_items("{\"BgpGroupId\":\"bgpg-1\"}\n\n{\"BgpGroupId\":\"bgpg-2\"}\n").unwrap();
        let arr = parse_items("[{\"BgpGroupId\":\"bgpg-1\"},{\"BgpGroupId\":\"bgpg-2\"}]").unwrap();
        assert_eq!(nd.len(), 2);
        assert_eq!(arr.len(), 2);
        assert_eq!(nd[1].line, 3);
        assert_eq!(nd[1].fields, arr[1].fields);
    }

    #[test]
    fn bad_input_names_the_line() {
        let e = parse_items("{\"a\":1}\nnot json\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2"), "{e}");
        let e = parse_items("[1]").unwrap_err().to_string();
        assert!(e.contains("element 0"), "{e}");
        assert!(parse_items("  \n").unwrap().is_empty());
        assert!(parse_items("[]").unwrap().is_empty());
    }

    #[test]
    fn unknown_fields_get_a_suggestion() {
        let items = parse_items("{\"PeerIpAdress\":\"10.0.0.1\"}").unwrap();
        let r = ItemReader {
            item: &items[0],
            known: &["BgpGroupId", "PeerIpAddress"],
            ignored: &["Status"],
        };
        let e = r.check_fields("cn-shanghai").unwrap_err().to_string();
        assert!(e.contains("did you mean \"PeerIpAddress\""), "{e}");
        let items = parse_items("{\"RegionId\":\"cn-beijing\"}").unwrap();
        let r = ItemReader {
            item: &items[0],
            ..r
        };
        assert!(r
            .check_fields("cn-shanghai")
            .unwrap_err()
            .to_string()
            .contains("cn-beijing"));
    }

    #[test]
    fn typed_fields() {
        let items = parse_items(
            "{\"EnableBfd\":\"True\",\"BfdMultiHop\":\"3\",\"IpVersion\":\"ipv6\",\"X\":5}",
        )
        .unwrap();
        let r = ItemReader {
            item: &items[0],
            known: &[],
            ignored: &[],
        };
        assert_eq!(r.opt_bool("EnableBfd").unwrap(), Some(true));
        assert_eq!(r.opt_int("BfdMultiHop").unwrap(), Some(3));
        assert_eq!(
            r.opt_ip_version("IpVersion").unwrap(),
            Some(IpVersion::IPv6)
        );
        assert!(r.opt_str("X").is_err());
        assert!(r
            .req_str("Missing")
            .unwrap_err()
            .to_string()
            .contains("Missing is required"));
    }
}
