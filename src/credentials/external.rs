//! Mode External: a process that prints credentials JSON on stdout, as the aliyun CLI runs it.

use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;
use tokio::io::AsyncReadExt;

use crate::secret::Secret;

use super::{Credentials, CredentialsError};

const TIMEOUT: Duration = Duration::from_secs(60);

/// The most a credential process may print (credentials JSON is a few hundred bytes).
pub const MAX_OUTPUT_BYTES: usize = 1 << 20;

/// Set for the process: how many credential processes deep it runs. A process that runs bgpeer,
/// which runs the process again (`configure export-credentials` of its own profile), stops here.
const DEPTH_VAR: &str = "BGPEER_CREDENTIAL_PROCESS_DEPTH";
const MAX_DEPTH: u32 = 4;

/// The program name only: arguments may carry secrets.
fn program(command: &str) -> &str {
    command.split_whitespace().next().unwrap_or("")
}

/// Runs `command` through the shell; its stderr goes to ours, its stdout must be JSON:
/// `{"mode":"AK"|"StsToken","access_key_id":..,"access_key_secret":..,"sts_token":..}`
/// (the aliyun CLI's shape), or `{"AccessKeyId":..,"AccessKeySecret":..,"SecurityToken":..}`.
pub async fn run(
    command: &str,
    whence: &str,
    env: &crate::env::Env,
) -> Result<Credentials, CredentialsError> {
    let shown = program(command).to_string();
    let fail = |m: String| {
        CredentialsError::invalid(
            format!("external credential process `{shown}` ({whence}): {m}"),
            "run the process_command by hand to see what it prints".to_string(),
        )
    };
    let depth = env
        .get(DEPTH_VAR)
        .and_then(|d| d.trim().parse::<u32>().ok())
        .unwrap_or(0);
    if depth >= MAX_DEPTH {
        return Err(CredentialsError::invalid(
            format!("external credential process `{shown}` ({whence}) runs {MAX_DEPTH} deep: it asks for its own credentials again"),
            "a profile whose process_command runs `bgpeer configure export-credentials` must name another profile with --profile".to_string(),
        ));
    }
    let mut cmd = if cfg!(windows) {
        let mut c = tokio::process::Command::new("cmd");
        c.arg("/C").arg(command);
        c
    } else {
        let mut c = tokio::process::Command::new("sh");
        c.arg("-c").arg(command);
        c
    };
    cmd.env(DEPTH_VAR, (depth + 1).to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true);
    let mut child = cmd
        .spawn()
        .map_err(|e| fail(format!("cannot start it: {e}")))?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    // Read at most MAX_OUTPUT_BYTES (and one more, to tell): a process that prints without end is
    // killed (kill_on_drop), not read into memory until the timeout.
    let run = async {
        let mut out = Vec::new();
        (&mut stdout)
            .take(MAX_OUTPUT_BYTES as u64 + 1)
            .read_to_end(&mut out)
            .await?;
        if out.len() > MAX_OUTPUT_BYTES {
            return Ok(None);
        }
        let status = child.wait().await?;
        Ok::<_, std::io::Error>(Some((status, out)))
    };
    let (status, stdout) = tokio::time::timeout(TIMEOUT, run)
        .await
        .map_err(|_| fail(format!("no answer within {}s", TIMEOUT.as_secs())))?
        .map_err(|e| fail(e.to_string()))?
        .ok_or_else(|| {
            fail(format!(
                "it printed more than {}",
                crate::client::http::size_text(MAX_OUTPUT_BYTES)
            ))
        })?;
    if !status.success() {
        return Err(fail(format!("exited with {status}")));
    }
    let v: Value = serde_json::from_slice(&stdout)
        .map_err(|e| fail(format!("its output is not credentials JSON ({e})")))?;
    let field = |names: &[&str]| {
        names.iter().find_map(|n| {
            v.get(*n)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        })
    };
    if let Some(mode) = field(&["mode"]) {
        if !mode.eq_ignore_ascii_case("AK") && !mode.eq_ignore_ascii_case("StsToken") {
            return Err(fail(format!(
                "it printed mode {mode:?}; only AK and StsToken are accepted"
            )));
        }
    }
    let (Some(id), Some(secret)) = (
        field(&["access_key_id", "AccessKeyId"]),
        field(&["access_key_secret", "AccessKeySecret"]),
    ) else {
        return Err(fail(
            "its output has no access_key_id/access_key_secret".to_string(),
        ));
    };
    Ok(Credentials {
        access_key_id: id,
        access_key_secret: Secret::new(secret),
        security_token: field(&["sts_token", "SecurityToken", "security_token"]).map(Secret::new),
        expiration: field(&["expiration", "Expiration"])
            .as_deref()
            .and_then(Credentials::parse_expiration),
        source: String::new(),
    })
}
