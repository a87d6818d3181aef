//! One API call as data: the action and its parameters in the order they are sent. Typed
//! requests build it; the client sends it; dry runs print it with secrets masked.

use serde_json::{Map, Value};

use crate::client::{CallOptions, Client, ClientError};
use crate::secret::Secret;

#[derive(Debug, Clone)]
enum ParamValue {
    Plain(String),
    Secret(Secret),
}

/// An API call: `Action` plus parameters (`RegionId` and `ClientToken` included when they apply).
#[derive(Debug, Clone)]
pub struct Request {
    pub action: &'static str,
    params: Vec<(String, ParamValue)>,
}

impl Request {
    pub fn new(action: &'static str) -> Request {
        Request {
            action,
            params: Vec::new(),
        }
    }

    pub fn param(mut self, name: &str, value: impl ToString) -> Request {
        self.params
            .push((name.to_string(), ParamValue::Plain(value.to_string())));
        self
    }

    pub fn opt<T: ToString>(self, name: &str, value: Option<T>) -> Request {
        match value {
            Some(v) => self.param(name, v),
            None => self,
        }
    }

    /// A parameter whose value is a secret (the BGP `AuthKey`): masked whenever printed.
    pub fn secret(mut self, name: &str, value: Option<&Secret>) -> Request {
        if let Some(v) = value {
            self.params
                .push((name.to_string(), ParamValue::Secret(v.clone())));
        }
        self
    }

    /// A plain parameter's value.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params.iter().find_map(|(k, v)| match v {
            ParamValue::Plain(s) if k == name => Some(s.as_str()),
            _ => None,
        })
    }

    /// The parameters as sent on the wire (secrets in clear). Only for the client.
    pub fn wire_params(&self) -> Vec<(String, String)> {
        self.params
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    ParamValue::Plain(s) => s.clone(),
                    ParamValue::Secret(s) => s.expose().to_string(),
                };
                (k.clone(), value)
            })
            .collect()
    }

    /// The parameters for people: secrets masked unless `show_secrets`.
    pub fn printable_params(&self, show_secrets: bool) -> Map<String, Value> {
        self.params
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    ParamValue::Plain(s) => s.clone(),
                    ParamValue::Secret(s) if show_secrets => s.expose().to_string(),
                    ParamValue::Secret(_) => crate::secret::MASK.to_string(),
                };
                (k.clone(), Value::String(value))
            })
            .collect()
    }

    /// What `--dry-run` prints: the exact request that would be sent, secrets masked.
    pub fn dry_run_view(&self, endpoint: &str, show_secrets: bool) -> Value {
        serde_json::json!({
            "DryRun": true,
            "Method": "POST",
            "Endpoint": endpoint,
            "Action": self.action,
            "Version": crate::client::VPC_VERSION,
            "Parameters": Value::Object(self.printable_params(show_secrets)),
        })
    }

    /// Sends the request (one logical call: the client retries with the same ClientToken).
    pub async fn send(&self, client: &Client) -> Result<Value, ClientError> {
        let opts = CallOptions {
            client_token: self.get("ClientToken").map(str::to_string),
        };
        client.call(self.action, &self.wire_params(), &opts).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_masked_when_printed_and_clear_on_the_wire() {
        let key = Secret::new("s3cret-key");
        let r = Request::new("CreateBgpGroup")
            .param("RegionId", "cn-shanghai")
            .secret("AuthKey", Some(&key))
            .opt::<u32>("RouteQuota", None);
        let printed = r.printable_params(false);
        assert_eq!(printed["AuthKey"], crate::secret::MASK);
        assert!(!format!("{r:?}").contains("s3cret-key"));
        assert!(!r
            .dry_run_view("x", false)
            .to_string()
            .contains("s3cret-key"));
        let wire = r.wire_params();
        assert_eq!(wire[1], ("AuthKey".to_string(), "s3cret-key".to_string()));
        assert_eq!(wire.len(), 2);
        assert_eq!(r.get("RegionId"), Some("cn-shanghai"));
        assert_eq!(r.get("AuthKey"), None);
    }
}
