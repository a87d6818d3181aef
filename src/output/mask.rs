//! Secrets in API answers (the BGP `AuthKey` above all) are masked before any renderer sees them.

use serde_json::Value;

use crate::secret::{is_secret_name, MASK};

/// Replaces every secret field, at any depth, with `****` (or `""` when it is empty).
/// `null` stays `null`, so "no key set" and "a key set" remain distinguishable without the key.
pub fn mask_secrets(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if is_secret_name(key) {
                    mask_one(v);
                } else {
                    mask_secrets(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(mask_secrets),
        _ => {}
    }
}

fn mask_one(v: &mut Value) {
    *v = match v {
        Value::Null => Value::Null,
        Value::String(s) if s.is_empty() => Value::String(String::new()),
        _ => Value::String(MASK.to_string()),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn auth_keys_are_masked_at_every_depth() {
        let mut v = json!({
            "VbrId": "vbr-1",
            "AuthKey": "top-secret",
            "BgpGroups": [
                {"BgpGroupId": "bgpg-1", "AuthKey": "s3cret", "BgpPeers": [{"authkey": "x"}]},
                {"BgpGroupId": "bgpg-2", "AuthKey": ""},
                {"BgpGroupId": "bgpg-3", "AuthKey": null}
            ]
        });
        mask_secrets(&mut v);
        let text = v.to_string();
        assert!(
            !text.contains("top-secret") && !text.contains("s3cret"),
            "{text}"
        );
        assert_eq!(v["AuthKey"], "****");
        assert_eq!(v["BgpGroups"][0]["AuthKey"], "****");
        assert_eq!(v["BgpGroups"][0]["BgpPeers"][0]["authkey"], "****");
        assert_eq!(v["BgpGroups"][1]["AuthKey"], "");
        assert_eq!(v["BgpGroups"][2]["AuthKey"], Value::Null);
        assert_eq!(v["VbrId"], "vbr-1");
    }

    #[test]
    fn non_string_secrets_are_masked_too() {
        let mut v = json!({"AuthKey": 12345, "SecurityToken": {"a": 1}});
        mask_secrets(&mut v);
        assert_eq!(v, json!({"AuthKey": "****", "SecurityToken": "****"}));
    }
}
