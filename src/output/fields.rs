//! `--fields A,B,...`: which columns table, tsv and value output show, checked against the data.

use serde_json::Value;

use super::OutputError;

/// One output column: a top-level field of the API object, or a dotted path into it
/// (`Tags.Tag`, `BgpGroups.0.BgpGroupId`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The column header: the field's canonical name (as the API spells it).
    pub name: String,
    path: Vec<String>,
}

impl Field {
    pub fn new(name: &str) -> Field {
        Field {
            name: name.to_string(),
            path: name.split('.').map(str::to_string).collect(),
        }
    }

    /// The last path segment (`Status` of `Foo.Status`): decides the colour of a cell.
    pub fn leaf(&self) -> &str {
        self.path.last().map(String::as_str).unwrap_or("")
    }

    /// The value of this field in `item`, if it has one.
    pub fn lookup<'a>(&self, item: &'a Value) -> Option<&'a Value> {
        let mut current = item;
        for segment in &self.path {
            current = match current {
                Value::Object(map) => map.get(segment)?,
                Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(current)
    }
}

/// The field names the data knows: the default columns, then every key of every item, in order.
pub fn known_names(items: &[Value], defaults: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut add = |name: &str| {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    };
    for d in defaults {
        add(d.split('.').next().unwrap_or(d));
    }
    for item in items {
        if let Value::Object(map) = item {
            for key in map.keys() {
                add(key);
            }
        }
    }
    names
}

/// The columns to show: `requested` (from `--fields`) checked against the data, else `defaults`,
/// else every field of the data.
///
/// Names match exactly or, failing that, case-insensitively (`bgpstatus` is `BgpStatus`). An empty
/// list has nothing to check against, so any name is accepted for it.
pub fn resolve(
    requested: Option<&[String]>,
    defaults: &[&str],
    items: &[Value],
) -> Result<Vec<Field>, OutputError> {
    let known = known_names(items, defaults);
    let Some(requested) = requested else {
        return Ok(if defaults.is_empty() {
            known.iter().map(|n| Field::new(n)).collect()
        } else {
            defaults.iter().map(|n| Field::new(n)).collect()
        });
    };
    let mut fields = Vec::with_capacity(requested.len());
    for raw in requested {
        let name = raw.trim();
        if name.is_empty() {
            return Err(OutputError::usage(
                "empty field name in --fields",
                Some(format!(
                    "give comma-separated names, e.g. --fields {}",
                    example(&known)
                )),
            ));
        }
        let (head, rest) = match name.split_once('.') {
            Some((h, r)) => (h, Some(r)),
            None => (name, None),
        };
        let canonical = if known.iter().any(|k| k == head) {
            head.to_string()
        } else if let Some(k) = known.iter().find(|k| k.eq_ignore_ascii_case(head)) {
            k.clone()
        } else if items.is_empty() {
            head.to_string()
        } else {
            return Err(unknown_field(name, head, &known));
        };
        let full = match rest {
            Some(r) => format!("{canonical}.{r}"),
            None => canonical,
        };
        fields.push(Field::new(&full));
    }
    Ok(fields)
}

fn example(known: &[String]) -> String {
    known.iter().take(2).cloned().collect::<Vec<_>>().join(",")
}

fn unknown_field(name: &str, head: &str, known: &[String]) -> OutputError {
    let suggestion = known
        .iter()
        .map(|k| {
            (
                strsim::jaro_winkler(&k.to_lowercase(), &head.to_lowercase()),
                k,
            )
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| format!("did you mean {k}? "))
        .unwrap_or_default();
    OutputError::usage(
        format!("unknown field {name:?} in --fields"),
        Some(format!("{suggestion}valid fields: {}", known.join(", "))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exit::Diagnose;
    use serde_json::json;

    fn items() -> Vec<Value> {
        vec![
            json!({"BgpPeerId": "bgp-1", "PeerIpAddress": "10.0.0.2", "BgpStatus": "Idle", "Tags": {"Tag": [{"Key": "env"}]}}),
            json!({"BgpPeerId": "bgp-2", "GmtModified": "2026-01-01T00:00Z"}),
        ]
    }

    #[test]
    fn defaults_apply_without_fields_and_all_keys_without_defaults() {
        let f = resolve(None, &["BgpPeerId", "BgpStatus"], &items()).unwrap();
        assert_eq!(f, vec![Field::new("BgpPeerId"), Field::new("BgpStatus")]);
        let all = resolve(None, &[], &items()).unwrap();
        let names: Vec<_> = all.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "BgpPeerId",
                "PeerIpAddress",
                "BgpStatus",
                "Tags",
                "GmtModified"
            ]
        );
    }

    #[test]
    fn requested_fields_match_case_insensitively_and_keep_api_spelling() {
        let req = vec!["peeripaddress".to_string(), " GmtModified".to_string()];
        let f = resolve(Some(&req), &["BgpPeerId"], &items()).unwrap();
        assert_eq!(
            f,
            vec![Field::new("PeerIpAddress"), Field::new("GmtModified")]
        );
    }

    #[test]
    fn unknown_field_is_a_usage_error_listing_valid_names() {
        let req = vec!["BgpStatuss".to_string()];
        let err = resolve(Some(&req), &["BgpPeerId"], &items()).unwrap_err();
        assert_eq!(err.exit(), crate::exit::Exit::Usage);
        assert_eq!(err.to_string(), "unknown field \"BgpStatuss\" in --fields");
        let hint = err.hint().unwrap();
        assert!(hint.starts_with("did you mean BgpStatus? "), "{hint}");
        assert!(
            hint.contains("valid fields: BgpPeerId, PeerIpAddress, BgpStatus, Tags, GmtModified")
        );
    }

    #[test]
    fn empty_names_are_rejected() {
        let req = vec!["BgpPeerId".to_string(), "".to_string()];
        let err = resolve(Some(&req), &[], &items()).unwrap_err();
        assert_eq!(err.to_string(), "empty field name in --fields");
    }

    #[test]
    fn dotted_paths_reach_into_nested_values() {
        let req = vec!["tags.Tag.0.Key".to_string()];
        let f = resolve(Some(&req), &[], &items()).unwrap();
        assert_eq!(f[0].name, "Tags.Tag.0.Key");
        assert_eq!(f[0].lookup(&items()[0]), Some(&json!("env")));
        assert_eq!(f[0].lookup(&items()[1]), None);
        assert_eq!(f[0].leaf(), "Key");
    }

    #[test]
    fn an_empty_list_accepts_any_field() {
        let req = vec!["Anything".to_string()];
        let f = resolve(Some(&req), &["BgpPeerId"], &[]).unwrap();
        assert_eq!(f, vec![Field::new("Anything")]);
    }
}
