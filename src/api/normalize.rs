//! The SDK types many Describe fields as strings (`"PeerAsn":"65001"`, `"IsFake":"true"`).
//! Our JSON has one type per field: numbers for ASNs, counts and limits, booleans for flags.

use serde_json::{Number, Value};

/// Turns string-typed numbers into numbers; an empty string becomes null.
pub fn numbers(item: &mut Value, keys: &[&str]) {
    let Some(obj) = item.as_object_mut() else {
        return;
    };
    // One pass over the fields (comparing names is cheaper than hashing them for lookups).
    for (key, v) in obj.iter_mut() {
        if !keys.contains(&key.as_str()) {
            continue;
        }
        if let Value::String(s) = v {
            let s = s.trim();
            *v = if s.is_empty() {
                Value::Null
            } else if let Ok(n) = s.parse::<u64>() {
                Value::Number(n.into())
            } else if let Ok(n) = s.parse::<i64>() {
                Value::Number(n.into())
            } else if let Some(n) = s.parse::<f64>().ok().and_then(Number::from_f64) {
                Value::Number(n)
            } else {
                continue;
            };
        }
    }
}

/// Turns `"true"`/`"false"` (any case) into booleans; an empty string becomes null.
pub fn booleans(item: &mut Value, keys: &[&str]) {
    let Some(obj) = item.as_object_mut() else {
        return;
    };
    for (key, v) in obj.iter_mut() {
        if !keys.contains(&key.as_str()) {
            continue;
        }
        if let Value::String(s) = v {
            let s = s.trim();
            *v = if s.eq_ignore_ascii_case("true") {
                Value::Bool(true)
            } else if s.eq_ignore_ascii_case("false") {
                Value::Bool(false)
            } else if s.is_empty() {
                Value::Null
            } else {
                continue;
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strings_become_numbers_and_booleans() {
        let mut v = json!({"PeerAsn":"65001","LocalAsn":45104,"Hold":"","IsFake":"True","Name":"x","RouteLimit":"n/a"});
        numbers(
            &mut v,
            &["PeerAsn", "LocalAsn", "Hold", "RouteLimit", "Missing"],
        );
        booleans(&mut v, &["IsFake"]);
        assert_eq!(
            v,
            json!({"PeerAsn":65001,"LocalAsn":45104,"Hold":null,"IsFake":true,"Name":"x","RouteLimit":"n/a"})
        );
    }
}
