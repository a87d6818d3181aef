//! `bgpeer emulator ...`: serve the emulated API, or reset a state file.

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use super::CliError;
use super::Context;
use crate::cli::emulator::{EmulatorArgs, EmulatorCommand, ResetArgs, ServeArgs};
use crate::emulator::faults::Fault;
use crate::emulator::server::{self, ServerConfig, Tls};
use crate::emulator::store::{Store, StoreError};
use crate::emulator::tls;
use crate::emulator::tokens::{Accepted, TokenKind};
use crate::emulator::{world::World, TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET};

pub async fn run(ctx: &Context, args: EmulatorArgs) -> anyhow::Result<()> {
    match args.command {
        Some(EmulatorCommand::Reset(r)) => reset(ctx, r).await,
        Some(EmulatorCommand::Serve(s)) => serve(ctx, *s).await,
        None => serve(ctx, args.serve).await,
    }
}

fn store_error(e: StoreError) -> anyhow::Error {
    CliError::config(e.message, e.hint).into()
}

fn parse_listen(listen: &str, allow_remote: bool) -> anyhow::Result<SocketAddr> {
    let addr: SocketAddr = listen.trim().parse().map_err(|_| {
        CliError::usage(
            format!("invalid --listen address {listen:?}"),
            Some("use IP:PORT, e.g. --listen 127.0.0.1:8765 (port 0 picks a free one)".to_string()),
        )
    })?;
    if !addr.ip().is_loopback() && !allow_remote {
        return Err(CliError::usage(
            format!("--listen {addr} is not a loopback address"),
            Some("the emulator accepts a well-known test key; add --allow-remote to listen beyond this machine anyway".to_string()),
        )
        .into());
    }
    Ok(addr)
}

fn parse_keys(keys: &[String]) -> anyhow::Result<Vec<(String, String)>> {
    if keys.is_empty() {
        return Ok(vec![(
            TEST_ACCESS_KEY_ID.to_string(),
            TEST_ACCESS_KEY_SECRET.to_string(),
        )]);
    }
    keys.iter()
        .map(|k| match k.split_once(':') {
            Some((id, secret)) if !id.trim().is_empty() && !secret.is_empty() => {
                Ok((id.trim().to_string(), secret.to_string()))
            }
            // Never echo the value: it holds a secret.
            _ => Err(CliError::usage(
                "invalid --key value: expected ACCESS_KEY_ID:SECRET with both parts non-empty",
                Some("e.g. --key LTAIexample:examplesecret".to_string()),
            )
            .into()),
        })
        .collect()
}

fn parse_faults(specs: &[String]) -> anyhow::Result<Vec<Fault>> {
    specs
        .iter()
        .map(|s| {
            Fault::parse_flag(s).map_err(|m| {
                CliError::usage(
                    format!("invalid --fault: {m}"),
                    Some("e.g. --fault kind=error,code=ServiceUnavailable,rate=0.5,action=CreateBgpPeer".to_string()),
                )
                .into()
            })
        })
        .collect()
}

/// `--accept-token KIND=TOKEN` or `KIND=@FILE` (the file's trailing whitespace dropped). Errors
/// never echo a token.
fn parse_accept_tokens(specs: &[String]) -> anyhow::Result<Vec<Accepted>> {
    const KINDS: &str = "oidc, cloud_sso or oauth_refresh";
    let usage = |message: String| -> anyhow::Error {
        CliError::usage(
            message,
            Some(format!(
                "e.g. --accept-token oidc=@token.jwt (KIND is {KINDS})"
            )),
        )
        .into()
    };
    specs
        .iter()
        .map(|spec| {
            let Some((kind, value)) = spec.split_once('=') else {
                return Err(usage(
                    "invalid --accept-token: expected KIND=TOKEN or KIND=@FILE".into(),
                ));
            };
            let kind = match kind.trim() {
                "oidc" => TokenKind::Oidc,
                "cloud_sso" => TokenKind::CloudSso,
                "oauth_refresh" => TokenKind::OauthRefresh,
                other => {
                    return Err(usage(format!(
                        "invalid --accept-token kind {other:?}: use {KINDS}"
                    )))
                }
            };
            let token = match value.strip_prefix('@') {
                Some(file) => std::fs::read_to_string(file)
                    .map_err(|e| usage(format!("--accept-token: cannot read {file}: {e}")))?
                    .trim_end()
                    .to_string(),
                None => value.to_string(),
            };
            let accepted = Accepted {
                kind,
                token,
                expires: None,
            };
            accepted
                .validate()
                .map_err(|m| usage(format!("invalid --accept-token: {m}")))?;
            Ok(accepted)
        })
        .collect()
}

/// Writes `contents` to `path` atomically, so a reader never sees half of it.
fn write_atomically(path: &Path, contents: &str) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = std::path::PathBuf::from(tmp);
    std::fs::write(&tmp, contents)
        .and_then(|_| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
}

/// The ready file: the bound `IP:PORT`, or the `https://IP:PORT` URL with TLS, so that a
/// script cannot mistake an HTTPS server for a plain one.
fn write_ready_file(path: &Path, addr: SocketAddr, tls: bool) -> anyhow::Result<()> {
    let line = if tls {
        format!("https://{addr}\n")
    } else {
        format!("{addr}\n")
    };
    write_atomically(path, &line).map_err(|e| {
        CliError::usage(
            format!("cannot write the ready file {}: {e}", path.display()),
            None,
        )
        .into()
    })
}

/// The TLS set-up the flags ask for, made before the port is bound.
fn tls_from_flags(args: &ServeArgs) -> anyhow::Result<Option<Tls>> {
    let identity = match (&args.tls_cert, &args.tls_key, args.tls_self_signed) {
        (Some(cert), Some(key), _) => tls::from_files(cert, key)?,
        (_, _, true) => tls::self_signed()?,
        _ => return Ok(None),
    };
    if let (Some(out), Some(ca)) = (&args.tls_ca_out, &identity.ca_pem) {
        write_atomically(out, ca).map_err(|e| {
            CliError::usage(
                format!("cannot write the CA certificate to {}: {e}", out.display()),
                Some("check that the directory of --tls-ca-out exists and is writable".to_string()),
            )
        })?;
    }
    Ok(Some(Tls {
        identity,
        plain_http: !args.tls_only,
    }))
}

async fn serve(ctx: &Context, args: ServeArgs) -> anyhow::Result<()> {
    let listen = parse_listen(&args.listen, args.allow_remote)?;
    let keys = parse_keys(&args.keys)?;
    let faults = parse_faults(&args.faults)?;
    let tokens = parse_accept_tokens(&args.accept_tokens)?;
    let tls = tls_from_flags(&args)?;
    let serves_tls = tls.is_some();
    let store = match &args.state {
        Some(path) => {
            let path = path.clone();
            tokio::task::spawn_blocking(move || Store::open(&path))
                .await?
                .map_err(store_error)?
        }
        None => Store::in_memory(World::seeded()),
    };
    let first_key = keys[0].0.clone();
    let running = server::start(ServerConfig {
        listen,
        keys,
        settle: Duration::from_millis(args.settle_ms),
        faults,
        store,
        tokens,
        tls,
    })
    .await
    .map_err(|e| {
        CliError::config(
            format!("cannot listen on {listen}: {e}"),
            Some(
                "pick another port with --listen, or --listen 127.0.0.1:0 for a free one"
                    .to_string(),
            ),
        )
    })?;
    if let Some(ready) = &args.ready_file {
        write_ready_file(ready, running.addr, serves_tls)?;
    }
    let state = match &args.state {
        Some(p) => format!("state {}", p.display()),
        None => "state in memory".to_string(),
    };
    let tls_note = match (&args.tls_ca_out, args.tls_self_signed, args.tls_only) {
        (Some(out), _, only) => format!(
            ", CA certificate in {}{}",
            out.display(),
            if only { ", HTTPS only" } else { "" }
        ),
        (None, true, only) => format!(
            ", throw-away CA not written (add --tls-ca-out){}",
            if only { ", HTTPS only" } else { "" }
        ),
        (None, false, true) => ", HTTPS only".to_string(),
        (None, false, false) => String::new(),
    };
    // The one start line; printed even with --quiet, since it says where the server is.
    ctx.write_stderr(&format!(
        "bgpeer emulator listening on {} (access key id {first_key}, {state}{tls_note}); stop with Ctrl-C\n",
        running.url
    ));
    wait_for_stop_signal().await;
    running.shutdown(Duration::from_secs(5)).await;
    Ok(())
}

async fn wait_for_stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

async fn reset(ctx: &Context, args: ResetArgs) -> anyhow::Result<()> {
    let path = match args.state {
        Some(p) => p,
        None => crate::config::emulator_state_path(&ctx.env),
    };
    let p = path.clone();
    tokio::task::spawn_blocking(move || Store::reset_file(&p))
        .await?
        .map_err(store_error)?;
    ctx.notice(&format!(
        "reset the emulator state {} to the seeded world",
        path.display()
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn accepted_tokens_come_from_the_flag_or_a_file_and_errors_never_echo_them() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("token.jwt");
        std::fs::write(&file, "eyJ.from.file\n").unwrap();
        let parsed = parse_accept_tokens(&specs(&[
            "oidc=eyJ.inline.tok",
            &format!("cloud_sso=@{}", file.display()),
        ]))
        .unwrap();
        assert_eq!(parsed[0].kind, TokenKind::Oidc);
        assert_eq!(parsed[0].token, "eyJ.inline.tok");
        assert_eq!(parsed[1].kind, TokenKind::CloudSso);
        assert_eq!(parsed[1].token, "eyJ.from.file");
        for (bad, says) in [
            (
                "oauth_access=secret-one",
                "invalid --accept-token kind \"oauth_access\"",
            ),
            ("secret-two", "expected KIND=TOKEN"),
            ("oidc=", "the token is empty"),
            ("oidc=@/nonexistent/x", "cannot read /nonexistent/x"),
        ] {
            let e = parse_accept_tokens(&specs(&[bad])).unwrap_err().to_string();
            assert!(e.contains(says), "{bad}: {e}");
            assert!(!e.contains("secret-"), "{e}");
        }
    }
}
