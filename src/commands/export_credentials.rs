//! `bgpeer configure export-credentials`: the active credentials, resolved through the whole
//! chain, printed for another tool (as the AWS CLI's `configure export-credentials`). The one
//! command that prints secrets, and only when asked to.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Map, Value};

use super::Context;
use crate::cli::configure::CredentialsFormat;
use crate::client::Credentials;

/// The variables the official SDKs and the aliyun CLI read.
const ID: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
const SECRET: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
const TOKEN: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";

pub async fn run(ctx: &Context, format: CredentialsFormat) -> anyhow::Result<()> {
    let creds = ctx.credentials().await?;
    if ctx.term.stdout {
        ctx.notice(
            "warning: the output holds secret credentials; anyone who sees this screen can use them (pipe it instead, e.g. eval \"$(bgpeer configure export-credentials --format env)\")",
        );
    }
    ctx.write_stdout(render(&creds, format).as_bytes())?;
    Ok(())
}

/// `2026-12-03T12:00:00Z`, the form every official credential library parses.
fn timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The text printed for `creds` in `format`, newline-terminated (LF on every platform).
pub fn render(creds: &Credentials, format: CredentialsFormat) -> String {
    let id = creds.access_key_id.as_str();
    let secret = creds.access_key_secret.expose();
    let token = creds.security_token.as_ref().map(|t| t.expose());
    let expiration = creds.expiration.map(timestamp);
    let mut vars = vec![(ID, id), (SECRET, secret)];
    if let Some(t) = token {
        vars.push((TOKEN, t));
    }
    let lines = |line: &dyn Fn(&str, &str) -> String| -> String {
        vars.iter().map(|(k, v)| line(k, v) + "\n").collect()
    };
    match format {
        CredentialsFormat::Process => {
            // The shape the aliyun CLI's External mode and the official libraries' external
            // providers all accept.
            let mut m = Map::new();
            m.insert(
                "mode".into(),
                Value::from(if token.is_some() { "StsToken" } else { "AK" }),
            );
            m.insert("access_key_id".into(), Value::from(id));
            m.insert("access_key_secret".into(), Value::from(secret));
            if let Some(t) = token {
                m.insert("sts_token".into(), Value::from(t));
            }
            if let Some(e) = &expiration {
                m.insert("expiration".into(), Value::from(e.as_str()));
            }
            pretty(&Value::Object(m))
        }
        CredentialsFormat::Json => {
            let mut v = json!({"AccessKeyId": id, "AccessKeySecret": secret});
            if let Some(t) = token {
                v["SecurityToken"] = Value::from(t);
            }
            if let Some(e) = &expiration {
                v["Expiration"] = Value::from(e.as_str());
            }
            pretty(&v)
        }
        CredentialsFormat::Env => lines(&|k, v| format!("export {k}={}", sh_quote(v))),
        CredentialsFormat::EnvNoExport => lines(&|k, v| format!("{k}={}", sh_quote(v))),
        CredentialsFormat::Powershell => lines(&|k, v| {
            format!(
                "$Env:{k}=\"{}\"",
                v.replace('`', "``").replace('"', "`\"").replace('$', "`$")
            )
        }),
        CredentialsFormat::Fish => lines(&|k, v| {
            format!(
                "set -gx {k} '{}'",
                v.replace('\\', "\\\\").replace('\'', "\\'")
            )
        }),
        CredentialsFormat::WindowsCmd => lines(&|k, v| format!("set {k}={v}")),
    }
}

fn pretty(v: &Value) -> String {
    let mut text = serde_json::to_string_pretty(v).unwrap_or_default();
    text.push('\n');
    text
}

/// A value as one shell word: bare when it is made only of characters no shell treats
/// specially (keys and STS tokens are), else single-quoted.
fn sh_quote(v: &str) -> String {
    let plain = !v.is_empty()
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || "+/=_-.:@%,".contains(c));
    if plain {
        v.to_string()
    } else {
        format!("'{}'", v.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    fn temporary() -> Credentials {
        Credentials {
            access_key_id: "STS.NUgYrLnoC37mZZCNnAbez2EN".into(),
            access_key_secret: Secret::new("sec/ret+x="),
            security_token: Some(Secret::new("CAIS+t0k/en=")),
            expiration: Credentials::parse_expiration("2026-12-03T12:00:00Z"),
            source: "test".into(),
        }
    }

    #[test]
    fn process_output_is_what_credential_processes_print() {
        let v: Value =
            serde_json::from_str(&render(&temporary(), CredentialsFormat::Process)).unwrap();
        assert_eq!(
            v,
            json!({"mode": "StsToken", "access_key_id": "STS.NUgYrLnoC37mZZCNnAbez2EN",
                   "access_key_secret": "sec/ret+x=", "sts_token": "CAIS+t0k/en=",
                   "expiration": "2026-12-03T12:00:00Z"})
        );
        let long_term = Credentials {
            security_token: None,
            expiration: None,
            access_key_id: "LTAI5tExample".into(),
            ..temporary()
        };
        let v: Value =
            serde_json::from_str(&render(&long_term, CredentialsFormat::Process)).unwrap();
        assert_eq!(v["mode"], "AK");
        assert!(v.get("sts_token").is_none() && v.get("expiration").is_none());
    }

    #[test]
    fn shell_formats_quote_only_what_needs_it() {
        let text = render(&temporary(), CredentialsFormat::Env);
        assert_eq!(
            text,
            "export ALIBABA_CLOUD_ACCESS_KEY_ID=STS.NUgYrLnoC37mZZCNnAbez2EN\n\
             export ALIBABA_CLOUD_ACCESS_KEY_SECRET=sec/ret+x=\n\
             export ALIBABA_CLOUD_SECURITY_TOKEN=CAIS+t0k/en=\n"
        );
        assert_eq!(sh_quote("a b'c"), r"'a b'\''c'");
        let ps = render(
            &Credentials {
                access_key_secret: Secret::new("a$b\"c"),
                ..temporary()
            },
            CredentialsFormat::Powershell,
        );
        assert!(
            ps.contains("$Env:ALIBABA_CLOUD_ACCESS_KEY_SECRET=\"a`$b`\"c\"\n"),
            "{ps}"
        );
        let json: Value =
            serde_json::from_str(&render(&temporary(), CredentialsFormat::Json)).unwrap();
        assert_eq!(json["Expiration"], "2026-12-03T12:00:00Z");
        assert_eq!(json["SecurityToken"], "CAIS+t0k/en=");
    }
}
