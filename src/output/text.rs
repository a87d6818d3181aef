//! How one JSON value becomes text in a table cell, a TSV field or a bare `value` line.

use serde_json::Value;

/// The compact text of a value: strings bare, numbers and booleans as JSON writes them,
/// `null` empty, arrays of scalars comma-joined, anything else compact JSON.
pub fn compact(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) if items.iter().all(is_scalar) => {
            items.iter().map(compact).collect::<Vec<_>>().join(",")
        }
        other => other.to_string(),
    }
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Array(_) | Value::Object(_))
}

/// Escapes a field for one-record-per-line formats (tsv, value): backslash, tab, newline and
/// carriage return become `\\`, `\t`, `\n`, `\r`, so a record is always exactly one line.
pub fn escape_field(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// Text bound for a terminal: control characters (escape sequences included) become `?`,
/// tabs become a space, newlines stay (a table cell may span lines).
pub fn for_terminal(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\t' => ' ',
            c if c.is_control() => '?',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn compact_renders_each_json_type() {
        assert_eq!(compact(&json!(null)), "");
        assert_eq!(compact(&json!("bgp-1")), "bgp-1");
        assert_eq!(compact(&json!(65001)), "65001");
        assert_eq!(compact(&json!(true)), "true");
        assert_eq!(compact(&json!(["a", 1, false])), "a,1,false");
        assert_eq!(compact(&json!([])), "");
        assert_eq!(compact(&json!({"Key": "env"})), r#"{"Key":"env"}"#);
        assert_eq!(compact(&json!([{"A": 1}])), r#"[{"A":1}]"#);
    }

    #[test]
    fn escape_keeps_a_record_on_one_line() {
        assert_eq!(escape_field("a\tb\nc\rd\\e"), "a\\tb\\nc\\rd\\\\e");
        assert_eq!(escape_field("plain text"), "plain text");
    }

    #[test]
    fn terminal_text_has_no_escape_sequences() {
        assert_eq!(for_terminal("red\u{1b}[31m\tx\ny"), "red?[31m x\ny");
    }
}
