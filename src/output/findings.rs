//! `vbr check`'s table: the findings grouped by VBR, each VBR under a heading that counts them.

use serde_json::Value;

use super::{render_masked_list, OutputError, Style};

/// The columns of a finding in the table (and the default tsv/value columns are the command's).
pub const TABLE_COLUMNS: &[&str] = &["Severity", "Code", "ObjectId", "Message", "Fix"];

/// `vbrs`: each checked VBR's ID and name, in order; `findings`: `vbr check`'s JSON objects.
/// A VBR with no findings says so in one line.
pub fn render_findings(
    style: &Style,
    vbrs: &[(String, String)],
    findings: &[Value],
) -> Result<String, OutputError> {
    let mut out = String::new();
    for (i, (id, name)) in vbrs.iter().enumerate() {
        let mine: Vec<Value> = findings
            .iter()
            .filter(|f| f["VbrId"].as_str() == Some(id.as_str()))
            .cloned()
            .collect();
        if i > 0 {
            out.push('\n');
        }
        let named = if name.is_empty() {
            id.clone()
        } else {
            format!("{id} ({name})")
        };
        out.push_str(&format!("{named}: {}\n", counts(&mine)));
        if !mine.is_empty() {
            out.push_str(&render_masked_list(style, mine, TABLE_COLUMNS)?);
        }
    }
    Ok(out)
}

/// `1 error, 2 warnings, 0 notices`, or `no findings`.
pub fn counts(findings: &[Value]) -> String {
    if findings.is_empty() {
        return "no findings".to_string();
    }
    let n = |s: &str| findings.iter().filter(|f| f["Severity"] == s).count();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {}, {}",
        plural(n("error"), "error", "errors"),
        plural(n("warning"), "warning", "warnings"),
        plural(n("info"), "notice", "notices")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::OutputFormat;
    use serde_json::json;

    #[test]
    fn findings_are_grouped_under_their_vbr() {
        let f = vec![
            json!({"Severity": "error", "Code": "vbr-not-active", "VbrId": "vbr-2", "ObjectId": "vbr-2", "Message": "m", "Fix": null}),
        ];
        let vbrs = vec![
            ("vbr-1".to_string(), "one".to_string()),
            ("vbr-2".to_string(), String::new()),
        ];
        let text = render_findings(&Style::plain(OutputFormat::Table), &vbrs, &f).unwrap();
        assert!(
            text.starts_with("vbr-1 (one): no findings\n\nvbr-2: 1 error, 0 warnings, 0 notices\n"),
            "{text}"
        );
        assert!(text.contains("vbr-not-active"));
    }
}
