//! `--query EXPR`: a JMESPath expression (the `jmespath` crate, the language the AWS CLI's
//! `--query` and the aliyun CLI's `--cli-query` speak) applied once to a command's whole result.
//!
//! The crate keeps objects in sorted maps, so a result would lose the API's field order. It is put
//! back: keys a multi-select hash names (`{ip: PeerIpAddress, id: BgpPeerId}`) come in the order
//! the expression writes them, every other key in the order the data first has it.

use std::collections::HashMap;

use jmespath::ast::Ast;
use serde_json::Value;

use super::OutputError;

/// A compiled `--query`, with the key order its results are printed in.
pub struct Query {
    expression: jmespath::Expression<'static>,
    /// Keys of the expression's multi-select hashes, in the order they are written.
    hash_keys: Vec<String>,
    /// The flag that gave it (`--query`, or `watch --until`), as errors name it.
    flag: &'static str,
}

impl std::fmt::Debug for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Query")
            .field(&self.expression.as_str())
            .finish()
    }
}

impl Query {
    /// Compiles `--query`'s `text`, or says where and why it is not JMESPath (exit 2).
    pub fn compile(text: &str) -> Result<Query, OutputError> {
        Query::compile_for(
            text,
            "--query",
            "--query takes a JMESPath expression (https://jmespath.org), e.g. --query \"[?BgpStatus!='Established'].BgpPeerId\"; quote it for your shell",
        )
    }

    /// Compiles the JMESPath `text` another `flag` took; a syntax error names that flag and gives
    /// its `hint`.
    pub fn compile_for(text: &str, flag: &'static str, hint: &str) -> Result<Query, OutputError> {
        let expression = jmespath::compile(text).map_err(|e| {
            let reason = match &e.reason {
                jmespath::ErrorReason::Parse(m) => m.clone(),
                other => other.to_string(),
            };
            syntax_error(flag, hint, text, e.offset, &reason)
        })?;
        let mut walk = Walk::default();
        walk.visit(expression.as_ast());
        if let Some((offset, name)) = walk.unknown_functions.first() {
            // The parser places a call at its `(`: point at the name instead.
            let before: String = text.chars().take(*offset).collect();
            let at = if before.ends_with(name.as_str()) {
                offset - name.chars().count()
            } else {
                *offset
            };
            return Err(syntax_error(
                flag,
                hint,
                text,
                at,
                &format!("there is no function {name}()"),
            ));
        }
        Ok(Query {
            expression,
            hash_keys: walk.hash_keys,
            flag,
        })
    }

    /// The expression as given.
    pub fn text(&self) -> &str {
        self.expression.as_str()
    }

    /// The expression's result on `data`, its objects' keys in the data's order. A query that
    /// selects nothing gives `null`.
    pub fn apply(&self, data: &Value) -> Result<Value, OutputError> {
        let found = self.expression.search(data).map_err(|e| {
            OutputError::usage(
                format!("{} failed on the result: {}", self.flag, runtime_reason(&e.reason)),
                Some(
                    "the command itself finished; fix the expression (`-o json` without --query shows the data it runs on)"
                        .to_string(),
                ),
            )
        })?;
        let mut result = serde_json::to_value(&*found).map_err(|e| {
            OutputError::usage(format!("--query gave a result that is not JSON: {e}"), None)
        })?;
        let mut rank: HashMap<String, usize> = HashMap::new();
        for key in &self.hash_keys {
            let next = rank.len();
            rank.entry(key.clone()).or_insert(next);
        }
        rank_keys(data, &mut rank);
        reorder(&mut result, &rank);
        Ok(result)
    }

    /// Whether the expression's result on `data` is true as JMESPath judges it: not false, null,
    /// or an empty string, array or object.
    pub fn holds(&self, data: &Value) -> Result<bool, OutputError> {
        self.expression
            .search(data)
            .map(|found| found.is_truthy())
            .map_err(|e| {
                OutputError::usage(
                    format!("{} failed: {}", self.flag, runtime_reason(&e.reason)),
                    None,
                )
            })
    }
}

fn runtime_reason(reason: &jmespath::ErrorReason) -> String {
    match reason {
        jmespath::ErrorReason::Runtime(r) => r.to_string(),
        other => other.to_string(),
    }
}

/// The expression, a caret under the character at `offset` (counted in characters, as the crate
/// does) and the parser's reason.
fn syntax_error(flag: &str, hint: &str, text: &str, offset: usize, reason: &str) -> OutputError {
    // One line, so the caret lines up: a newline or tab in the expression shows as a space.
    let shown: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let column = offset.min(shown.chars().count());
    OutputError::usage(
        format!("invalid {flag}: {reason}\n{shown}\n{}^", " ".repeat(column)),
        Some(hint.to_string()),
    )
}

/// What compiling learns from the expression's tree.
#[derive(Default)]
struct Walk {
    hash_keys: Vec<String>,
    unknown_functions: Vec<(usize, String)>,
}

impl Walk {
    fn visit(&mut self, ast: &Ast) {
        match ast {
            Ast::MultiHash { elements, .. } => {
                for kv in elements {
                    if !self.hash_keys.contains(&kv.key) {
                        self.hash_keys.push(kv.key.clone());
                    }
                    self.visit(&kv.value);
                }
            }
            Ast::Function { offset, name, args } => {
                if jmespath::DEFAULT_RUNTIME.get_function(name).is_none() {
                    self.unknown_functions.push((*offset, name.clone()));
                }
                args.iter().for_each(|a| self.visit(a));
            }
            Ast::MultiList { elements, .. } => elements.iter().for_each(|a| self.visit(a)),
            Ast::Comparison { lhs, rhs, .. }
            | Ast::Projection { lhs, rhs, .. }
            | Ast::And { lhs, rhs, .. }
            | Ast::Or { lhs, rhs, .. }
            | Ast::Subexpr { lhs, rhs, .. } => {
                self.visit(lhs);
                self.visit(rhs);
            }
            Ast::Condition {
                predicate, then, ..
            } => {
                self.visit(predicate);
                self.visit(then);
            }
            Ast::Expref { ast, .. } => self.visit(ast),
            Ast::Flatten { node, .. } | Ast::Not { node, .. } | Ast::ObjectValues { node, .. } => {
                self.visit(node)
            }
            Ast::Identity { .. }
            | Ast::Field { .. }
            | Ast::Index { .. }
            | Ast::Literal { .. }
            | Ast::Slice { .. } => {}
        }
    }
}

/// Gives every key of `data` a rank, in the order the data first has it (depth first).
fn rank_keys(data: &Value, rank: &mut HashMap<String, usize>) {
    match data {
        Value::Object(map) => {
            for (key, value) in map {
                if !rank.contains_key(key) {
                    let next = rank.len();
                    rank.insert(key.clone(), next);
                }
                rank_keys(value, rank);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| rank_keys(i, rank)),
        _ => {}
    }
}

/// Sorts every object's keys by rank; keys without one keep their (sorted) order, at the end.
/// A whole number the crate computed as a float (`sum`, `avg`, `abs`...) is printed as one: 11,
/// not 11.0, as JMESPath's reference implementation prints it.
fn reorder(value: &mut Value, rank: &HashMap<String, usize>) {
    match value {
        Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64() {
                if f.fract() == 0.0 && f.abs() < 9.0e15 {
                    *value = Value::from(f as i64);
                }
            }
        }
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
            entries.sort_by_key(|(k, _)| rank.get(k).copied().unwrap_or(usize::MAX));
            for (key, mut v) in entries {
                reorder(&mut v, rank);
                map.insert(key, v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| reorder(i, rank)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn peers() -> Value {
        json!([
            {"BgpPeerId": "bgp-1", "BgpGroupId": "bgpg-1", "PeerIpAddress": "10.0.0.2", "BgpStatus": "Established", "EnableBfd": true},
            {"BgpPeerId": "bgp-2", "BgpGroupId": "bgpg-1", "PeerIpAddress": "10.0.0.6", "BgpStatus": "Idle", "EnableBfd": false},
        ])
    }

    fn query(text: &str, data: &Value) -> Value {
        Query::compile(text).unwrap().apply(data).unwrap()
    }

    #[test]
    fn results_keep_the_data_order_and_the_expression_order() {
        let first = query("[0]", &peers());
        let keys: Vec<&String> = first.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "BgpPeerId",
                "BgpGroupId",
                "PeerIpAddress",
                "BgpStatus",
                "EnableBfd"
            ]
        );
        let picked = query("[].{ip: PeerIpAddress, id: BgpPeerId}", &peers());
        assert_eq!(
            serde_json::to_string(&picked).unwrap(),
            r#"[{"ip":"10.0.0.2","id":"bgp-1"},{"ip":"10.0.0.6","id":"bgp-2"}]"#
        );
    }

    #[test]
    fn filters_projections_and_functions() {
        assert_eq!(
            query("[?BgpStatus!='Established'].BgpPeerId", &peers()),
            json!(["bgp-2"])
        );
        assert_eq!(query("length([?EnableBfd])", &peers()), json!(1));
        assert_eq!(query("[?BgpStatus=='Active']", &peers()), json!([]));
        assert_eq!(query("[0].NoSuchField", &peers()), Value::Null);
    }

    #[test]
    fn a_syntax_error_shows_the_expression_and_a_caret() {
        let err = Query::compile("[?BgpStatus=='Idle'.BgpPeerId").unwrap_err();
        let lines: Vec<&str> = err.message.lines().collect();
        assert!(lines[0].starts_with("invalid --query: "), "{}", err.message);
        assert_eq!(lines[1], "[?BgpStatus=='Idle'.BgpPeerId");
        assert!(
            lines[2].ends_with('^') && lines[2].trim() == "^",
            "{lines:?}"
        );
        let err = Query::compile("[].foo(BgpPeerId)").unwrap_err();
        assert!(err.message.contains("no function foo()"), "{}", err.message);
        assert_eq!(err.message.lines().nth(2), Some("   ^"), "{}", err.message);
    }

    #[test]
    fn a_type_error_is_reported_when_the_query_runs() {
        let q = Query::compile("length(`1`)").unwrap();
        let err = q.apply(&peers()).unwrap_err();
        assert!(
            err.message.starts_with("--query failed on the result:"),
            "{}",
            err.message
        );
    }
}
