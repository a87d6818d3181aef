//! Profiles, the config file, precedence and the credential chain, end to end through the real
//! binary in a sealed HOME, against the emulator (VPC and STS) and small loopback fakes of the
//! instance metadata service and a credentials URI.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use serde_json::Value;

use crate::support::{self, *};

// ---------------------------------------------------------------------------------------------
// Helpers

/// One request as a fake server saw it.
#[derive(Debug, Clone)]
pub(crate) struct Seen {
    pub(crate) method: String,
    pub(crate) path: String,
    headers: Vec<(String, String)>,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A tiny HTTP/1.1 server on 127.0.0.1: `route(method, path)` gives (status, body).
pub(crate) struct FakeServer {
    url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl FakeServer {
    pub(crate) fn start<F>(route: F) -> FakeServer
    where
        F: Fn(&str, &str) -> (u16, String) + Send + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let url = format!("http://{}", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut chunk) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => buf.extend_from_slice(&chunk[..n]),
                    }
                }
                let text = String::from_utf8_lossy(&buf).into_owned();
                let mut lines = text.split("\r\n");
                let mut first = lines.next().unwrap_or("").split_whitespace();
                let method = first.next().unwrap_or("").to_string();
                let path = first.next().unwrap_or("").to_string();
                let headers = lines
                    .take_while(|l| !l.is_empty())
                    .filter_map(|l| l.split_once(':'))
                    .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
                    .collect();
                let (status, body) = route(&method, &path);
                log.lock().unwrap().push(Seen {
                    method,
                    path,
                    headers,
                });
                let reply = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(reply.as_bytes());
            }
        });
        FakeServer { url, seen }
    }

    pub(crate) fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

/// Temporary credentials as the metadata service and credentials URIs serve them.
pub(crate) fn creds_json(id: &str, secret: &str, token: &str) -> String {
    serde_json::json!({
        "Code": "Success",
        "AccessKeyId": id,
        "AccessKeySecret": secret,
        "SecurityToken": token,
        "Expiration": "2099-01-01T00:00:00Z",
        "LastUpdated": "2026-01-01T00:00:00Z",
    })
    .to_string()
}

/// `bgpeer` with errors printed for people (stdout is not a terminal, so they'd be JSON).
pub(crate) fn tcmd(sb: &Sandbox) -> std::process::Command {
    let mut c = sb.cmd();
    c.args(["--error-format", "text"]);
    c
}

pub(crate) fn config_toml(sb: &Sandbox) -> std::path::PathBuf {
    sb.path(".config/bgpeer/config.toml")
}

fn aliyun_json(sb: &Sandbox) -> std::path::PathBuf {
    sb.path(".aliyun/config.json")
}

pub(crate) const ROLE_ARN: &str = "acs:ram::1234567890123456:role/vpc-admin";

/// `whoami -o json` with the given command; returns (code, parsed stdout or Null, stderr).
pub(crate) fn whoami(mut cmd: std::process::Command) -> (i32, Value, String) {
    let (code, out, err) = run(cmd.args(["whoami", "-o", "json"]));
    let v = serde_json::from_str(&out).unwrap_or(Value::Null);
    (code, v, err)
}

/// Real temporary credentials from the emulator's STS, via a RamRoleArn profile and bgpeer's cache.
pub(crate) fn temporary_credentials(emu: &Emulator) -> (String, String, String) {
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        &format!(
            "[profiles.role]\nmode = \"RamRoleArn\"\naccess_key_id = \"{TEST_KEY_ID}\"\naccess_key_secret = \"{TEST_KEY_SECRET}\"\nrole_arn = \"{ROLE_ARN}\"\nsts_endpoint = \"{}\"\n",
            emu.endpoint
        ),
    );
    let mut c = sb.cmd();
    c.args(["--profile", "role", "--endpoint", &emu.endpoint]);
    let (code, v, err) = whoami(c);
    assert_eq!(code, 0, "{v} {err}");
    let dir = sb.path(".cache/bgpeer/sts");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .expect("a cached credentials file")
        .unwrap()
        .path();
    let c: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let s = |k: &str| c[k].as_str().unwrap().to_string();
    (s("AccessKeyId"), s("AccessKeySecret"), s("SecurityToken"))
}

// ---------------------------------------------------------------------------------------------
// The config file

#[test]
fn a_missing_config_file_is_normal() {
    let sb = Sandbox::new();
    let (code, out, err) = run(sb.cmd().args(["configure", "list", "-o", "json"]));
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert_eq!(v["ActiveProfile"], "default");
    assert!(v["Profiles"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["Name"] == "emulator"));
}

#[test]
fn malformed_toml_names_file_line_and_column_and_exits_4() {
    let sb = Sandbox::new();
    let path = config_toml(&sb);
    write(
        &path,
        "current = \"a\"\n[profiles.a]\nregion = cn-shanghai\n",
    );
    let (code, _, err) = run(tcmd(&sb).args(["configure", "get", "region"]));
    assert_eq!(code, 4, "{err}");
    // Paths under HOME are shown with `~`.
    let expected = "error: invalid config file ~/.config/bgpeer/config.toml at line 3, column 10";
    assert!(err.starts_with(expected), "{err}");
}

#[test]
fn an_unknown_key_gets_a_did_you_mean() {
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        "[profiles.a]\nmode = \"AK\"\nregoin = \"cn-shanghai\"\n",
    );
    let (code, _, err) = run(tcmd(&sb).args(["configure", "list"]));
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("at line 3, column 1: unknown key `regoin` in profile \"a\""),
        "{err}"
    );
    assert!(err.contains("hint: did you mean `region`?"), "{err}");
}

#[test]
fn bgpeer_config_and_xdg_config_home_choose_the_file() {
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        "[profiles.default]\nregion = \"cn-beijing\"\n",
    );
    let other = sb.path("elsewhere/bgpeer.toml");
    write(&other, "[profiles.default]\nregion = \"eu-central-1\"\n");
    let (_, out, err) = run(sb.cmd().args(["configure", "get", "region"]));
    assert_eq!(out, "cn-beijing\n", "{err}");
    let (_, out, err) =
        run(sb
            .cmd()
            .env("BGPEER_CONFIG", &other)
            .args(["configure", "get", "region"]));
    assert_eq!(out, "eu-central-1\n", "{err}");
}

#[cfg(unix)]
#[test]
fn a_group_readable_file_warns_but_works() {
    let sb = Sandbox::new();
    let path = config_toml(&sb);
    write(&path, "[profiles.default]\nregion = \"cn-beijing\"\n");
    set_mode(&path, 0o644);
    let (code, out, err) = run(sb.cmd().args(["configure", "get", "region"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "cn-beijing\n");
    assert!(
        err.contains(&format!(
            "warning: config file {} is readable by group or others (mode 644); run `chmod 600",
            "~/.config/bgpeer/config.toml"
        )),
        "{err}"
    );
    let (_, _, err) = run(sb.cmd().args(["-q", "configure", "get", "region"]));
    assert_eq!(err, "");
}

#[cfg(unix)]
#[test]
fn configure_set_writes_atomically_with_mode_0600() {
    let sb = Sandbox::new();
    let (code, _, err) = run(sb.cmd().env("MY_SECRET", "set-secret-value-1").args([
        "configure",
        "set",
        "--profile",
        "prod",
        "--mode",
        "AK",
        "--region",
        "cn-beijing",
        "--access-key-id",
        "LTAI5tProdKeyId0001",
        "--access-key-secret-from",
        "env:MY_SECRET",
        "--max-attempts",
        "3",
    ]));
    assert_eq!(code, 0, "{err}");
    let path = config_toml(&sb);
    assert_eq!(mode_of(&path), 0o600);
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != "config.toml")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("current = \"prod\""), "{text}");
    assert!(text.contains("[profiles.prod]"), "{text}");
    assert!(text.contains("max_attempts = 3"), "{text}");
    assert!(text.contains("access_key_secret = \"set-secret-value-1\""));
    // A second write keeps the mode and the other profiles.
    let (code, _, err) = run(sb.cmd().args([
        "configure",
        "set",
        "--profile",
        "dev",
        "--region",
        "cn-shanghai",
    ]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(mode_of(&path), 0o600);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("[profiles.prod]") && text.contains("[profiles.dev]"));
}

#[test]
fn configure_set_refuses_secrets_it_cannot_read_safely() {
    let sb = Sandbox::new();
    // No secret source and no terminal: a usage error, nothing saved.
    let (code, _, err) = run(sb.cmd().args([
        "configure",
        "set",
        "--profile",
        "p",
        "--mode",
        "AK",
        "--access-key-id",
        "LTAI5tSomeKeyId0001",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("mode AK needs an AccessKey secret"), "{err}");
    assert!(!config_toml(&sb).exists());
    // There is no flag that takes a secret on the command line.
    let (code, _, err) = run(sb.cmd().args([
        "configure",
        "set",
        "--profile",
        "p",
        "--mode",
        "AK",
        "--access-key-secret",
        "x",
    ]));
    assert_eq!(code, 2, "{err}");
    // A bad mode is named.
    let (code, _, err) =
        run(sb
            .cmd()
            .args(["configure", "set", "--profile", "p", "--mode", "RsaKeyPair"]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("credential mode RsaKeyPair (--mode) is not supported by bgpeer"),
        "{err}"
    );
}

#[test]
fn configure_set_reads_the_secret_from_stdin() {
    let sb = Sandbox::new();
    let mut cmd = sb.cmd();
    cmd.args([
        "configure",
        "set",
        "--profile",
        "p",
        "--mode",
        "AK",
        "--access-key-id",
        "LTAI5tStdinKeyId001",
        "--access-key-secret-from",
        "stdin",
    ]);
    let out = cmd
        .write_stdin_then_output("stdin-secret-value\n")
        .expect("run");
    assert_eq!(out.0, 0, "{}", out.2);
    let text = std::fs::read_to_string(config_toml(&sb)).unwrap();
    assert!(
        text.contains("access_key_secret = \"stdin-secret-value\""),
        "{text}"
    );
}

/// Feeds stdin to a command (Sandbox::cmd sets stdin to null).
trait StdinExt {
    fn write_stdin_then_output(&mut self, input: &str) -> std::io::Result<(i32, String, String)>;
}

impl StdinExt for std::process::Command {
    fn write_stdin_then_output(&mut self, input: &str) -> std::io::Result<(i32, String, String)> {
        let mut child = self
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()?;
        child.stdin.take().unwrap().write_all(input.as_bytes())?;
        let out = child.wait_with_output()?;
        Ok((
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ))
    }
}

#[test]
fn switch_delete_and_get() {
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        "current = \"a\"\n[profiles.a]\nregion = \"cn-beijing\"\n[profiles.b]\nregion = \"cn-qingdao\"\nmode = \"AK\"\naccess_key_id = \"LTAI5tProfileBKey01\"\naccess_key_secret = \"b-secret-value\"\n",
    );
    let (code, out, _) = run(sb.cmd().args(["configure", "get", "region"]));
    assert_eq!((code, out.as_str()), (0, "cn-beijing\n"));
    let (code, _, err) = run(sb.cmd().args(["configure", "switch", "b"]));
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = run(sb.cmd().args(["configure", "get", "region", "-o", "json"]));
    let v = json(&out);
    assert_eq!(v["Value"], "cn-qingdao");
    assert!(
        v["Source"].as_str().unwrap().starts_with("profile b in "),
        "{v}"
    );
    let (_, out, _) = run(sb.cmd().args(["configure", "get", "access_key_id"]));
    assert_eq!(out, "LTAI****y01\n");
    let (code, out, err) = run(sb.cmd().args(["configure", "get", "access_key_secret"]));
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(err.contains("access_key_secret is a secret and bgpeer never prints secrets"));
    let (code, _, err) = run(sb.cmd().args(["configure", "get", "regoin"]));
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `region`?"), "{err}");
    let (code, _, err) = run(sb.cmd().args(["configure", "switch", "c"]));
    assert_eq!(code, 3, "{err}");
    // Deleting needs --yes without a terminal.
    let (code, _, err) = run(sb.cmd().args(["configure", "delete", "b"]));
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(sb.cmd().args(["configure", "delete", "b", "--yes"]));
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = run(sb.cmd().args(["configure", "get", "profile"]));
    assert_eq!(out, "default\n");
    let (code, _, _) = run(sb.cmd().args(["configure", "delete", "b", "--yes"]));
    assert_eq!(code, 3);
}

#[test]
fn the_wizard_needs_a_terminal() {
    let sb = Sandbox::new();
    let (code, _, err) = run(sb.cmd().args(["configure"]));
    assert_eq!(code, 2);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(err.contains("bgpeer configure set"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Precedence

fn profile_of(cmd: &mut std::process::Command) -> (String, String) {
    let (code, out, err) = run(cmd.args(["configure", "get", "profile", "-o", "json"]));
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    (
        v["Value"].as_str().unwrap().to_string(),
        v["Source"].as_str().unwrap().to_string(),
    )
}

#[test]
fn profile_selection_follows_the_documented_order() {
    let sb = Sandbox::new();
    // Nothing anywhere: default.
    assert_eq!(
        profile_of(&mut sb.cmd()),
        ("default".into(), "built-in default".into())
    );
    // The aliyun CLI's current.
    write(
        &aliyun_json(&sb),
        r#"{"current":"from-aliyun","profiles":[]}"#,
    );
    let (p, s) = profile_of(&mut sb.cmd());
    assert_eq!(p, "from-aliyun");
    assert!(
        s.starts_with("current in ") && s.ends_with(".aliyun/config.json"),
        "{s}"
    );
    // bgpeer's current beats it.
    write(&config_toml(&sb), "current = \"from-bgpeer\"\n");
    let (p, s) = profile_of(&mut sb.cmd());
    assert_eq!(p, "from-bgpeer");
    assert!(s.ends_with("bgpeer/config.toml"), "{s}");
    // ALIBABA_CLOUD_PROFILE beats the files.
    let (p, s) = profile_of(sb.cmd().env("ALIBABA_CLOUD_PROFILE", "from-alibaba-env"));
    assert_eq!(
        (p.as_str(), s.as_str()),
        ("from-alibaba-env", "env ALIBABA_CLOUD_PROFILE")
    );
    // BGPEER_PROFILE beats ALIBABA_CLOUD_PROFILE.
    let (p, s) = profile_of(
        sb.cmd()
            .env("ALIBABA_CLOUD_PROFILE", "from-alibaba-env")
            .env("BGPEER_PROFILE", "from-bgpeer-env"),
    );
    assert_eq!(
        (p.as_str(), s.as_str()),
        ("from-bgpeer-env", "env BGPEER_PROFILE")
    );
    // --profile beats everything.
    let (p, s) = profile_of(
        sb.cmd()
            .env("BGPEER_PROFILE", "from-bgpeer-env")
            .args(["--profile", "from-flag"]),
    );
    assert_eq!((p.as_str(), s.as_str()), ("from-flag", "flag --profile"));
}

#[test]
fn each_setting_is_flag_then_env_then_profile_then_default() {
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        "current = \"p\"\n[profiles.p]\nregion = \"cn-beijing\"\noutput = \"tsv\"\nsignature_version = \"v2\"\nread_timeout = 12.5\n",
    );
    let get = |cmd: &mut std::process::Command, key: &str| {
        let (code, out, err) = run(cmd.args(["configure", "get", key, "-o", "json"]));
        assert_eq!(code, 0, "{err}");
        let v = json(&out);
        (
            v["Value"].as_str().unwrap().to_string(),
            v["Source"].as_str().unwrap().to_string(),
        )
    };
    let (v, s) = get(&mut sb.cmd(), "region");
    assert_eq!(v, "cn-beijing");
    assert!(s.starts_with("profile p in "), "{s}");
    let (v, s) = get(
        sb.cmd().env("ALIBABA_CLOUD_REGION_ID", "cn-qingdao"),
        "region",
    );
    assert_eq!(
        (v.as_str(), s.as_str()),
        ("cn-qingdao", "env ALIBABA_CLOUD_REGION_ID")
    );
    let (v, s) = get(
        sb.cmd()
            .env("ALIBABA_CLOUD_REGION_ID", "cn-qingdao")
            .args(["--region", "cn-shenzhen"]),
        "region",
    );
    assert_eq!((v.as_str(), s.as_str()), ("cn-shenzhen", "flag --region"));
    let (v, s) = get(&mut sb.cmd(), "signature_version");
    assert!(v == "v2" && s.starts_with("profile p"), "{v} {s}");
    let (v, s) = get(
        sb.cmd().env("BGPEER_SIGNATURE_VERSION", "v3"),
        "signature_version",
    );
    assert_eq!(
        (v.as_str(), s.as_str()),
        ("v3", "env BGPEER_SIGNATURE_VERSION")
    );
    let (v, s) = get(&mut sb.cmd(), "read_timeout");
    assert!(v == "12.5" && s.starts_with("profile p"), "{v} {s}");
    let (v, s) = get(&mut sb.cmd(), "connect_timeout");
    assert_eq!((v.as_str(), s.as_str()), ("5", "built-in default"));
    // (get -o json would make --output the source: read it from the list instead.)
    let (code, out, err) = run(sb
        .cmd()
        .env("BGPEER_OUTPUT", "json")
        .args(["configure", "list"]));
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    let row = v["Settings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["Setting"] == "output")
        .unwrap()
        .clone();
    assert_eq!(row["Value"], "json");
    assert_eq!(row["Source"], "env BGPEER_OUTPUT");
    let (code, _, err) = run(tcmd(&sb)
        .env("BGPEER_MAX_ATTEMPTS", "lots")
        .args(["configure", "list"]));
    assert_eq!(code, 4);
    assert!(
        err.contains("invalid BGPEER_MAX_ATTEMPTS \"lots\""),
        "{err}"
    );
}

#[test]
fn configure_list_shows_profiles_masked_keys_and_sources() {
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        "current = \"prod\"\n[profiles.prod]\nregion = \"cn-beijing\"\nmode = \"AK\"\naccess_key_id = \"LTAI5tListedKeyId01\"\naccess_key_secret = \"listed-secret\"\n",
    );
    write(
        &aliyun_json(&sb),
        r#"{"current":"x","profiles":[{"name":"ali","mode":"StsToken","access_key_id":"STS.aliyunKeyId0001","access_key_secret":"s","sts_token":"t","region_id":"cn-hangzhou"}]}"#,
    );
    let (code, out, err) = run(sb.cmd().args(["configure", "list", "-o", "json"]));
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert_eq!(v["ActiveProfile"], "prod");
    let profiles = v["Profiles"].as_array().unwrap();
    let prod = profiles.iter().find(|p| p["Name"] == "prod").unwrap();
    assert_eq!(prod["Active"], true);
    assert_eq!(prod["Mode"], "AK");
    assert_eq!(prod["AccessKeyId"], "LTAI****d01");
    let ali = profiles.iter().find(|p| p["Name"] == "ali").unwrap();
    assert_eq!(ali["Mode"], "StsToken");
    assert_eq!(ali["AccessKeyId"], "STS.****001");
    let settings = v["Settings"].as_array().unwrap();
    let row = |name: &str| {
        settings
            .iter()
            .find(|r| r["Setting"] == name)
            .unwrap()
            .clone()
    };
    assert!(row("region")["Source"]
        .as_str()
        .unwrap()
        .starts_with("profile prod in "));
    assert!(row("credentials")["Source"]
        .as_str()
        .unwrap()
        .contains("(AK)"));
    assert_eq!(row("max_attempts")["Source"], "built-in default");
    assert!(!out.contains("listed-secret"));
}

// ---------------------------------------------------------------------------------------------
// Credentials precedence, against the emulator

#[test]
fn env_credentials_come_before_the_current_profile() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        "current = \"p\"\n[profiles.p]\nmode = \"AK\"\naccess_key_id = \"LTAI5tWrongKeyId001\"\naccess_key_secret = \"wrong\"\n",
    );
    let (code, v, err) = whoami(sb.cmd_at(&emu));
    assert_eq!(code, 0, "{err}");
    assert_eq!(v["CredentialSource"], "env ALIBABA_CLOUD_ACCESS_KEY_ID");
    assert_eq!(v["Verified"], true);
    assert_eq!(v["Profile"], "p");
}

#[test]
fn a_profile_named_with_the_flag_uses_its_own_credentials_over_env() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        &format!("[profiles.p]\nmode = \"AK\"\naccess_key_id = \"{TEST_KEY_ID}\"\naccess_key_secret = \"{TEST_KEY_SECRET}\"\n"),
    );
    let mut c = sb.cmd();
    c.env("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnvWrongKey01")
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-wrong-secret")
        .args(["--profile", "p", "--endpoint", &emu.endpoint]);
    let (code, v, err) = whoami(c);
    assert_eq!(code, 0, "{err}");
    assert!(
        v["CredentialSource"]
            .as_str()
            .unwrap()
            .starts_with("profile p in "),
        "{v}"
    );
    assert_eq!(v["Verified"], true);
    // Without the flag the environment wins, and those keys are rejected: exit 4.
    let mut c = sb.cmd();
    c.env("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnvWrongKey01")
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-wrong-secret")
        .env("BGPEER_PROFILE", "p")
        .args(["--endpoint", &emu.endpoint]);
    let (code, v, err) = whoami(c);
    assert_eq!(code, 4, "{err}");
    assert_eq!(v["Verified"], false);
    assert_eq!(v["CredentialSource"], "env ALIBABA_CLOUD_ACCESS_KEY_ID");
}

#[test]
fn a_blank_env_variable_counts_as_unset() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        &format!("[profiles.default]\nmode = \"AK\"\naccess_key_id = \"{TEST_KEY_ID}\"\naccess_key_secret = \"{TEST_KEY_SECRET}\"\n"),
    );
    let mut c = sb.cmd();
    c.env("ALIBABA_CLOUD_ACCESS_KEY_ID", "  ")
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "")
        .args(["--endpoint", &emu.endpoint]);
    let (code, v, err) = whoami(c);
    assert_eq!(code, 0, "{err}");
    assert!(v["CredentialSource"]
        .as_str()
        .unwrap()
        .starts_with("profile default in "));
}

#[test]
fn half_a_key_pair_in_the_environment_is_an_error_not_a_fallback() {
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        &format!("[profiles.default]\nmode = \"AK\"\naccess_key_id = \"{TEST_KEY_ID}\"\naccess_key_secret = \"{TEST_KEY_SECRET}\"\n"),
    );
    let mut c = sb.cmd();
    c.env("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tSomeOtherAccount")
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", " ")
        .args([
            "--error-format",
            "text",
            "--region",
            "cn-hangzhou",
            "region",
            "list",
        ]);
    let (code, _, err) = support::run(&mut c);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains(
            "ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not"
        ),
        "{err}"
    );
}

#[test]
fn bgpeer_profile_beats_the_aliyun_profile_of_the_same_name() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        &format!("[profiles.p]\nmode = \"AK\"\naccess_key_id = \"{TEST_KEY_ID}\"\naccess_key_secret = \"{TEST_KEY_SECRET}\"\n"),
    );
    write(
        &aliyun_json(&sb),
        r#"{"current":"p","profiles":[{"name":"p","mode":"AK","access_key_id":"LTAI5tAliyunWrong01","access_key_secret":"x"}]}"#,
    );
    let mut c = sb.cmd();
    c.args(["--endpoint", &emu.endpoint]);
    let (code, v, err) = whoami(c);
    assert_eq!(code, 0, "{err}");
    assert!(
        v["CredentialSource"]
            .as_str()
            .unwrap()
            .contains("bgpeer/config.toml"),
        "{v}"
    );
}

#[test]
fn no_credentials_lists_every_source_in_order_and_exits_4() {
    let sb = Sandbox::new();
    let (code, out, err) = run(tcmd(&sb).args(["whoami", "--region", "cn-shanghai"]));
    assert_eq!(code, 4, "{err}");
    assert_eq!(out, "");
    let order = [
        "no credentials found; tried, in order:",
        "1. env ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET: not set",
        "2. env ALIBABA_CLOUD_ROLE_ARN/_OIDC_PROVIDER_ARN/_OIDC_TOKEN_FILE: not set",
        "3. bgpeer config ",
        "4. aliyun CLI config ",
        "5. credentials file ",
        "6. ECS instance RAM role: skipped (ALIBABA_CLOUD_ECS_METADATA_DISABLED)",
        "7. env ALIBABA_CLOUD_CREDENTIALS_URI: not set",
        "hint: run `bgpeer configure`",
    ];
    let mut at = 0;
    for part in order {
        let i = err[at..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} not in order in:\n{err}"));
        at += i + part.len();
    }
}

#[test]
fn a_named_profile_that_does_not_exist_stops_the_chain() {
    let sb = Sandbox::new();
    let (code, _, err) = run(tcmd(&sb)
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnvKeyIgnored1")
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ignored")
        .args(["--profile", "nope", "whoami", "--region", "cn-shanghai"]));
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("skipped, --profile nope brings its own credentials"),
        "{err}"
    );
    assert!(err.contains("5. credentials file "), "{err}");
    assert!(!err.contains("ECS instance RAM role"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Every mode, in bgpeer's TOML and in the aliyun CLI's JSON

/// Runs whoami with `--profile p` against the emulator and checks the credentials work.
fn assert_works(sb: &Sandbox, emu: &Emulator, expect_source: &str) -> Value {
    let mut c = sb.cmd();
    c.args(["--profile", "p", "--endpoint", &emu.endpoint]);
    let (code, v, err) = whoami(c);
    assert_eq!(code, 0, "{v} {err}");
    assert_eq!(v["Verified"], true, "{v}");
    let src = v["CredentialSource"].as_str().unwrap();
    assert!(
        src.contains(expect_source),
        "{src:?} lacks {expect_source:?}"
    );
    v
}

#[test]
fn mode_ak_in_both_formats() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        &format!("[profiles.p]\nmode = \"AK\"\naccess_key_id = \"{TEST_KEY_ID}\"\naccess_key_secret = \"{TEST_KEY_SECRET}\"\n"),
    );
    let v = assert_works(&sb, &emu, "bgpeer/config.toml (AK)");
    assert_eq!(v["AccessKeyId"], "LTAI****Key");
    let sb = Sandbox::new();
    write(
        &aliyun_json(&sb),
        &format!(
            r#"{{"current":"p","profiles":[{{"name":"p","mode":"AK","access_key_id":"{TEST_KEY_ID}","access_key_secret":"{TEST_KEY_SECRET}","region_id":"cn-shanghai","output_format":"json","language":"en"}}],"meta_path":""}}"#
        ),
    );
    assert_works(&sb, &emu, ".aliyun/config.json (AK)");
}

#[test]
fn mode_ststoken_in_both_formats() {
    let emu = Emulator::start();
    let (id, secret, token) = temporary_credentials(&emu);
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        &format!("[profiles.p]\nmode = \"StsToken\"\naccess_key_id = \"{id}\"\naccess_key_secret = \"{secret}\"\nsecurity_token = \"{token}\"\n"),
    );
    assert_works(&sb, &emu, "(StsToken)");
    let sb = Sandbox::new();
    write(
        &aliyun_json(&sb),
        &format!(
            r#"{{"profiles":[{{"name":"p","mode":"StsToken","access_key_id":"{id}","access_key_secret":"{secret}","sts_token":"{token}"}}]}}"#
        ),
    );
    assert_works(&sb, &emu, ".aliyun/config.json (StsToken)");
}

#[cfg(unix)]
#[test]
fn mode_ramrolearn_in_both_formats_assumes_the_role_and_caches_it() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        &format!("[profiles.p]\nmode = \"RamRoleArn\"\naccess_key_id = \"{TEST_KEY_ID}\"\naccess_key_secret = \"{TEST_KEY_SECRET}\"\nrole_arn = \"{ROLE_ARN}\"\nrole_session_name = \"bgpeer-test\"\nsts_endpoint = \"{}\"\n", emu.endpoint),
    );
    let v = assert_works(&sb, &emu, "(RamRoleArn)");
    assert!(
        v["AccessKeyId"].as_str().unwrap().starts_with("STS."),
        "{v}"
    );
    let dir = sb.path(".cache/bgpeer/sts");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(mode_of(&files[0]), 0o600);
    let before = std::fs::read_to_string(&files[0]).unwrap();
    // The second run reuses the cached credentials (no new AssumeRole, same key).
    let v2 = assert_works(&sb, &emu, "(RamRoleArn)");
    assert_eq!(v2["AccessKeyId"], v["AccessKeyId"]);
    assert_eq!(std::fs::read_to_string(&files[0]).unwrap(), before);
    // An expired cache entry is refreshed.
    let mut cached: Value = serde_json::from_str(&before).unwrap();
    cached["Expiration"] = Value::from("2020-01-01T00:00:00Z");
    std::fs::write(&files[0], cached.to_string()).unwrap();
    assert_works(&sb, &emu, "(RamRoleArn)");
    let after: Value = serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    assert_ne!(after["AccessKeyId"], cached["AccessKeyId"]);
    // Cached credentials the API rejects (revoked, or from a restarted emulator): whoami says so,
    // exits 4 and forgets them, and the next run assumes the role again.
    let mut revoked = after.clone();
    revoked["SecurityToken"] = Value::from("CAISrevoked");
    std::fs::write(&files[0], revoked.to_string()).unwrap();
    let mut c = tcmd(&sb);
    c.args(["--profile", "p", "--endpoint", &emu.endpoint, "whoami"]);
    let (code, _, err) = run(&mut c);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("InvalidSecurityToken"), "{err}");
    assert!(
        err.contains("removed the cached temporary credentials"),
        "{err}"
    );
    assert!(!dir.exists());
    assert_works(&sb, &emu, "(RamRoleArn)");

    // The aliyun CLI's spelling, with the STS endpoint from the environment.
    let sb = Sandbox::new();
    write(
        &aliyun_json(&sb),
        &format!(
            r#"{{"profiles":[{{"name":"p","mode":"RamRoleArn","access_key_id":"{TEST_KEY_ID}","access_key_secret":"{TEST_KEY_SECRET}","ram_role_arn":"{ROLE_ARN}","ram_session_name":"rust-cli","expired_seconds":900,"sts_region":"cn-shanghai"}}]}}"#
        ),
    );
    let mut c = sb.cmd();
    c.env("BGPEER_STS_ENDPOINT", &emu.endpoint).args([
        "--profile",
        "p",
        "--endpoint",
        &emu.endpoint,
    ]);
    let (code, v, err) = whoami(c);
    assert_eq!(code, 0, "{v} {err}");
    assert!(v["CredentialSource"]
        .as_str()
        .unwrap()
        .ends_with("(RamRoleArn)"));
}

#[test]
fn a_refused_assume_role_exits_4_with_the_sts_error() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        &format!("[profiles.p]\nmode = \"RamRoleArn\"\naccess_key_id = \"{TEST_KEY_ID}\"\naccess_key_secret = \"{TEST_KEY_SECRET}\"\nrole_arn = \"acs:ram::12:role/bad role\"\nsts_endpoint = \"{}\"\n", emu.endpoint),
    );
    let (code, _, err) =
        run(tcmd(&sb).args(["--profile", "p", "--endpoint", &emu.endpoint, "whoami"]));
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("error: cannot assume role acs:ram::12:role/bad role"),
        "{err}"
    );
    assert!(err.contains("InvalidParameter.RoleArn"), "{err}");
}

#[test]
fn mode_chainable_ramrolearn_in_both_formats() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        &format!("[profiles.base]\nmode = \"AK\"\naccess_key_id = \"{TEST_KEY_ID}\"\naccess_key_secret = \"{TEST_KEY_SECRET}\"\n\n[profiles.mid]\nmode = \"ChainableRamRoleArn\"\nsource_profile = \"base\"\nrole_arn = \"acs:ram::1234567890123456:role/first\"\nsts_endpoint = \"{0}\"\n\n[profiles.p]\nmode = \"ChainableRamRoleArn\"\nsource_profile = \"mid\"\nrole_arn = \"{ROLE_ARN}\"\nsts_endpoint = \"{0}\"\n", emu.endpoint),
    );
    assert_works(&sb, &emu, "(ChainableRamRoleArn)");
    let sb = Sandbox::new();
    write(
        &aliyun_json(&sb),
        &format!(
            r#"{{"profiles":[{{"name":"base","mode":"AK","access_key_id":"{TEST_KEY_ID}","access_key_secret":"{TEST_KEY_SECRET}"}},{{"name":"p","mode":"ChainableRamRoleArn","source_profile":"base","ram_role_arn":"{ROLE_ARN}","ram_session_name":"chain"}}]}}"#
        ),
    );
    let mut c = sb.cmd();
    c.env("BGPEER_STS_ENDPOINT", &emu.endpoint).args([
        "--profile",
        "p",
        "--endpoint",
        &emu.endpoint,
    ]);
    let (code, v, err) = whoami(c);
    assert_eq!(code, 0, "{v} {err}");
    // A loop is named.
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        &format!("[profiles.a]\nmode = \"ChainableRamRoleArn\"\nsource_profile = \"p\"\nrole_arn = \"{ROLE_ARN}\"\n[profiles.p]\nmode = \"ChainableRamRoleArn\"\nsource_profile = \"a\"\nrole_arn = \"{ROLE_ARN}\"\n"),
    );
    let (code, _, err) =
        run(tcmd(&sb).args(["--profile", "p", "--region", "cn-shanghai", "whoami"]));
    assert_eq!(code, 4);
    assert!(err.contains("source_profile loop: p -> a -> p"), "{err}");
}

/// A fake metadata service serving `creds` for role `vpc-role`; `v2` decides whether it hands
/// out IMDSv2 tokens or refuses them (then bgpeer must fall back to IMDSv1).
pub(crate) fn fake_imds(v2: bool, creds: String) -> FakeServer {
    FakeServer::start(move |method, path| match (method, path) {
        ("PUT", "/latest/api/token") if v2 => (200, "imds-token-123".into()),
        ("PUT", "/latest/api/token") => (403, "forbidden".into()),
        ("GET", "/latest/meta-data/ram/security-credentials/") => (200, "vpc-role".into()),
        ("GET", "/latest/meta-data/ram/security-credentials/vpc-role") => (200, creds.clone()),
        _ => (404, "not found".into()),
    })
}

pub(crate) fn imds_cmd(sb: &Sandbox, imds: &FakeServer, emu: &Emulator) -> std::process::Command {
    let mut c = sb.cmd();
    c.env("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "false")
        .env("BGPEER_IMDS_ENDPOINT", &imds.url)
        .args(["--region", "cn-shanghai", "--endpoint", &emu.endpoint]);
    c
}

#[test]
fn the_instance_role_in_the_chain_uses_imdsv2_then_falls_back_to_v1() {
    let emu = Emulator::start();
    let (id, secret, token) = temporary_credentials(&emu);
    let imds = fake_imds(true, creds_json(&id, &secret, &token));
    let sb = Sandbox::new();
    let (code, v, err) = whoami(imds_cmd(&sb, &imds, &emu));
    assert_eq!(code, 0, "{v} {err}");
    assert_eq!(
        v["CredentialSource"],
        "ECS instance RAM role vpc-role (IMDSv2)"
    );
    let seen = imds.seen();
    assert_eq!(seen[0].method, "PUT");
    assert_eq!(
        seen[0].header("X-aliyun-ecs-metadata-token-ttl-seconds"),
        Some("21600")
    );
    assert!(seen[1..]
        .iter()
        .all(|s| s.header("X-aliyun-ecs-metadata-token") == Some("imds-token-123")));

    let imds = fake_imds(false, creds_json(&id, &secret, &token));
    let (code, v, err) = whoami(imds_cmd(&sb, &imds, &emu));
    assert_eq!(code, 0, "{v} {err}");
    assert_eq!(
        v["CredentialSource"],
        "ECS instance RAM role vpc-role (IMDSv1)"
    );
    assert!(imds.seen()[1..]
        .iter()
        .all(|s| s.header("X-aliyun-ecs-metadata-token").is_none()));
}

/// The metadata service is plain HTTP and never goes through a proxy, even when it is reached by a
/// name that would otherwise follow HTTP_PROXY.
#[test]
fn the_instance_metadata_service_never_goes_through_a_proxy() {
    let emu = Emulator::start();
    let (id, secret, token) = temporary_credentials(&emu);
    let imds = fake_imds(true, creds_json(&id, &secret, &token));
    let proxy = ConnectProxy::start();
    let sb = Sandbox::new();
    let mut c = imds_cmd(&sb, &imds, &emu);
    c.env(
        "BGPEER_IMDS_ENDPOINT",
        imds.url.replace("127.0.0.1", "localhost"),
    );
    for var in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy"] {
        c.env(var, proxy.url());
    }
    let (code, v, err) = whoami(c);
    assert_eq!(code, 0, "{v} {err}");
    assert_eq!(
        v["CredentialSource"],
        "ECS instance RAM role vpc-role (IMDSv2)"
    );
    assert!(proxy.refused().is_empty(), "{:?}", proxy.refused());
    assert_eq!(proxy.tunnels(), 0);
    assert!(
        !imds.seen().is_empty(),
        "the metadata service was asked directly"
    );
}

#[test]
fn mode_ecsramrole_in_both_formats() {
    let emu = Emulator::start();
    let (id, secret, token) = temporary_credentials(&emu);
    let imds = fake_imds(true, creds_json(&id, &secret, &token));
    for (file, text) in [
        (
            ".config/bgpeer/config.toml",
            "[profiles.p]\nmode = \"EcsRamRole\"\nrole_name = \"vpc-role\"\n",
        ),
        (
            ".aliyun/config.json",
            r#"{"profiles":[{"name":"p","mode":"EcsRamRole","ram_role_name":"vpc-role"}]}"#,
        ),
    ] {
        let sb = Sandbox::new();
        write(&sb.path(file), text);
        let mut c = imds_cmd(&sb, &imds, &emu);
        c.args(["--profile", "p"]);
        let (code, v, err) = whoami(c);
        assert_eq!(code, 0, "{file}: {v} {err}");
        assert!(v["CredentialSource"]
            .as_str()
            .unwrap()
            .ends_with("(EcsRamRole)"));
    }
    // A named role skips discovery.
    assert!(!imds
        .seen()
        .iter()
        .any(|s| s.path == "/latest/meta-data/ram/security-credentials/"));
    // Explicit EcsRamRole while metadata is disabled is a clear error.
    let sb = Sandbox::new();
    write(&config_toml(&sb), "[profiles.p]\nmode = \"EcsRamRole\"\n");
    let (code, _, err) =
        run(tcmd(&sb).args(["--profile", "p", "--region", "cn-shanghai", "whoami"]));
    assert_eq!(code, 4);
    assert!(err.contains("ALIBABA_CLOUD_ECS_METADATA_DISABLED"), "{err}");
}

#[test]
fn credentials_uri_in_the_chain_and_in_both_formats() {
    let emu = Emulator::start();
    let (id, secret, token) = temporary_credentials(&emu);
    let body = creds_json(&id, &secret, &token);
    let server = FakeServer::start(move |_, path| {
        if path.starts_with("/creds") {
            (200, body.clone())
        } else {
            (404, "{}".into())
        }
    });
    let uri = format!("{}/creds?token=uri-secret-token", server.url);
    // In the chain, from the environment.
    let sb = Sandbox::new();
    let mut c = sb.cmd();
    c.env("ALIBABA_CLOUD_CREDENTIALS_URI", &uri).args([
        "--region",
        "cn-shanghai",
        "--endpoint",
        &emu.endpoint,
    ]);
    let (code, v, err) = whoami(c);
    assert_eq!(code, 0, "{v} {err}");
    assert_eq!(
        v["CredentialSource"],
        format!("credentials URI {}/creds?****", server.url)
    );
    assert!(!v.to_string().contains("uri-secret-token"));
    for (file, text) in [
        (
            ".config/bgpeer/config.toml",
            format!("[profiles.p]\nmode = \"CredentialsURI\"\ncredentials_uri = \"{uri}\"\n"),
        ),
        (
            ".aliyun/config.json",
            format!(
                r#"{{"profiles":[{{"name":"p","mode":"CredentialsURI","credentials_uri":"{uri}"}}]}}"#
            ),
        ),
    ] {
        let sb = Sandbox::new();
        write(&sb.path(file), &text);
        assert_works(&sb, &emu, "(CredentialsURI)");
    }
    assert!(server
        .seen()
        .iter()
        .all(|s| s.method == "GET" && s.path == "/creds?token=uri-secret-token"));
}

#[cfg(unix)]
#[test]
fn mode_external_in_both_formats() {
    let emu = Emulator::start();
    let (id, secret, token) = temporary_credentials(&emu);
    for (i, shape) in [
        format!(r#"{{"mode":"StsToken","access_key_id":"{id}","access_key_secret":"{secret}","sts_token":"{token}"}}"#),
        format!(r#"{{"AccessKeyId":"{id}","AccessKeySecret":"{secret}","SecurityToken":"{token}"}}"#),
    ]
    .iter()
    .enumerate()
    {
        let sb = Sandbox::new();
        let out = sb.path("creds.json");
        write(&out, shape);
        let command = format!("cat {}", out.display());
        if i == 0 {
            write(&config_toml(&sb), &format!("[profiles.p]\nmode = \"External\"\nprocess_command = \"{command}\"\n"));
        } else {
            write(&aliyun_json(&sb), &format!(r#"{{"profiles":[{{"name":"p","mode":"External","process_command":"{command}"}}]}}"#));
        }
        assert_works(&sb, &emu, "(External)");
    }
    // A failing process is named, without its arguments.
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        "[profiles.p]\nmode = \"External\"\nprocess_command = \"false --token abc\"\n",
    );
    let (code, _, err) =
        run(tcmd(&sb).args(["--profile", "p", "--region", "cn-shanghai", "whoami"]));
    assert_eq!(code, 4);
    assert!(err.contains("external credential process `false`"), "{err}");
    assert!(!err.contains("abc"), "{err}");
}

#[test]
fn the_sdk_credentials_ini_file() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    write(
        &sb.path(".alibabacloud/credentials.ini"),
        &format!("[default]\ntype = access_key\naccess_key_id = {TEST_KEY_ID}\naccess_key_secret = {TEST_KEY_SECRET}\n"),
    );
    let mut c = sb.cmd();
    c.args(["--region", "cn-shanghai", "--endpoint", &emu.endpoint]);
    let (code, v, err) = whoami(c);
    assert_eq!(code, 0, "{v} {err}");
    assert!(
        v["CredentialSource"]
            .as_str()
            .unwrap()
            .starts_with("section [default] of "),
        "{v}"
    );
    let sb = Sandbox::new();
    let other = sb.path("creds/other.ini");
    write(&other, "[default]\ntype = rsa_key_pair\n");
    let (code, _, err) = run(tcmd(&sb)
        .env("ALIBABA_CLOUD_CREDENTIALS_FILE", &other)
        .args(["--region", "cn-shanghai", "whoami"]));
    assert_eq!(code, 4);
    assert!(err.contains("credentials type rsa_key_pair"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Broken files

#[test]
fn broken_aliyun_json_names_line_and_column() {
    let sb = Sandbox::new();
    let path = aliyun_json(&sb);
    write(&path, "{\n  \"current\": \"p\",\n  \"profiles\": [,]\n}\n");
    let (code, _, err) = run(tcmd(&sb).args(["--region", "cn-shanghai", "whoami"]));
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains(&format!(
            "invalid aliyun CLI config {} at line 3, column",
            "~/.aliyun/config.json"
        )),
        "{err}"
    );
    // Switched off, it is not read at all.
    let (code, _, err) = run(tcmd(&sb)
        .env("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true")
        .args(["configure", "get", "profile"]));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn unsupported_and_unknown_modes_are_named() {
    let sb = Sandbox::new();
    write(
        &aliyun_json(&sb),
        r#"{"current":"rsa","profiles":[{"name":"rsa","mode":"RsaKeyPair"}]}"#,
    );
    let (code, _, err) = run(tcmd(&sb).args(["--region", "cn-shanghai", "whoami"]));
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("error: credential mode RsaKeyPair (aliyun CLI profile rsa in "),
        "{err}"
    );
    assert!(err.contains("is not supported by bgpeer"), "{err}");
    let sb = Sandbox::new();
    write(&config_toml(&sb), "[profiles.p]\nmode = \"StsTokn\"\n");
    let (code, _, err) =
        run(tcmd(&sb).args(["--profile", "p", "--region", "cn-shanghai", "whoami"]));
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("unknown credential mode \"StsTokn\""), "{err}");
    assert!(err.contains("did you mean StsToken?"), "{err}");
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        "[profiles.p]\nmode = \"AK\"\naccess_key_id = \"LTAI5tOnlyTheIdHere\"\n",
    );
    let (code, _, err) =
        run(tcmd(&sb).args(["--profile", "p", "--region", "cn-shanghai", "whoami"]));
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("mode AK needs `access_key_secret`"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// No leaks

#[test]
fn no_command_prints_a_secret() {
    const KEY_ID: &str = "LTAI5tLeakCanaryKey01";
    const SECRET: &str = "leak-canary-access-key-secret";
    const PROFILE_TOKEN: &str = "leak-canary-sts-token";
    let emu = Emulator::start_with(&[
        "--settle-ms",
        "0",
        "--key",
        &format!("{KEY_ID}:{SECRET}"),
        "--key",
        &format!("{TEST_KEY_ID}:{TEST_KEY_SECRET}"),
    ]);
    let (tmp_id, tmp_secret, tmp_token) = temporary_credentials(&emu);
    let sb = Sandbox::new();
    let mut outputs: Vec<String> = Vec::new();
    let mut record = |label: &str, r: (i32, String, String)| {
        outputs.push(format!("[{label}] exit {}\n{}\n{}", r.0, r.1, r.2));
    };
    let mut set = sb.cmd();
    set.args([
        "configure",
        "set",
        "--profile",
        "leak",
        "--mode",
        "AK",
        "--region",
        "cn-shanghai",
        "--endpoint",
        &emu.endpoint,
        "--access-key-id",
        KEY_ID,
        "--access-key-secret-from",
        "stdin",
    ]);
    record(
        "set",
        set.write_stdin_then_output(&format!("{SECRET}\n")).unwrap(),
    );
    let mut set = sb.cmd();
    set.env("TOKEN_VAR", PROFILE_TOKEN)
        .env("SECRET_VAR", SECRET)
        .args([
            "configure",
            "set",
            "--profile",
            "sts",
            "--mode",
            "StsToken",
            "--access-key-id",
            KEY_ID,
            "--access-key-secret-from",
            "env:SECRET_VAR",
            "--security-token-from",
            "env:TOKEN_VAR",
        ]);
    record("set sts", run(&mut set));
    write(
        &aliyun_json(&sb),
        &format!(
            r#"{{"profiles":[{{"name":"tmp","mode":"StsToken","access_key_id":"{tmp_id}","access_key_secret":"{tmp_secret}","sts_token":"{tmp_token}","region_id":"cn-shanghai"}}]}}"#
        ),
    );
    for fmt in ["json", "table", "tsv", "ndjson", "value"] {
        record("list", run(sb.cmd().args(["configure", "list", "-o", fmt])));
    }
    for key in [
        "profile",
        "region",
        "endpoint",
        "mode",
        "access_key_id",
        "access_key_secret",
        "security_token",
        "output",
    ] {
        for p in ["leak", "sts", "tmp"] {
            record(
                "get",
                run(sb.cmd().args(["--profile", p, "configure", "get", key])),
            );
            record(
                "get json",
                run(sb
                    .cmd()
                    .args(["--profile", p, "configure", "get", key, "-o", "json"])),
            );
        }
    }
    for p in ["leak", "sts", "tmp"] {
        for extra in [
            &["whoami"][..],
            &["--debug", "whoami"],
            &["--debug", "whoami", "-o", "table"],
        ] {
            let mut c = sb.cmd();
            c.args(["--profile", p, "--endpoint", &emu.endpoint])
                .args(extra);
            record("whoami", run(&mut c));
        }
        let mut c = sb.cmd();
        c.args([
            "--profile",
            p,
            "--endpoint",
            &emu.endpoint,
            "--debug",
            "api",
            "DescribeRegions",
        ]);
        record("api", run(&mut c));
        let mut c = sb.cmd();
        c.args([
            "--profile",
            p,
            "--endpoint",
            &emu.endpoint,
            "--debug",
            "--error-format",
            "json",
            "api",
            "NoSuchAction",
        ]);
        record("api error", run(&mut c));
    }
    // Wrong secrets in the environment: the rejection must not echo them.
    let mut c = sb.cmd();
    c.env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
        .env(
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
            "leak-canary-wrong-secret",
        )
        .env("ALIBABA_CLOUD_SECURITY_TOKEN", "leak-canary-env-token")
        .args([
            "--endpoint",
            &emu.endpoint,
            "--region",
            "cn-shanghai",
            "--debug",
            "whoami",
        ]);
    record("env wrong", run(&mut c));
    // RamRoleArn with --debug logs the STS call.
    let mut c = sb.cmd();
    c.env("SECRET_VAR", SECRET).args([
        "configure",
        "set",
        "--profile",
        "role",
        "--mode",
        "RamRoleArn",
        "--access-key-id",
        KEY_ID,
        "--access-key-secret-from",
        "env:SECRET_VAR",
        "--role-arn",
        ROLE_ARN,
        "--sts-endpoint",
        &emu.endpoint,
    ]);
    record("set role", run(&mut c));
    let mut c = sb.cmd();
    c.args([
        "--profile",
        "role",
        "--endpoint",
        &emu.endpoint,
        "--region",
        "cn-shanghai",
        "--debug",
        "whoami",
    ]);
    record("role", run(&mut c));
    let role_creds: Vec<String> = std::fs::read_dir(sb.path(".cache/bgpeer/sts"))
        .unwrap()
        .flat_map(|e| {
            let v: Value =
                serde_json::from_str(&std::fs::read_to_string(e.unwrap().path()).unwrap()).unwrap();
            vec![
                v["AccessKeySecret"].as_str().unwrap().to_string(),
                v["SecurityToken"].as_str().unwrap().to_string(),
            ]
        })
        .collect();

    let all = outputs.join("\n");
    assert!(
        all.contains("\"Verified\": true") || all.contains("\"Verified\":true"),
        "{all}"
    );
    let mut secrets = vec![
        SECRET.to_string(),
        PROFILE_TOKEN.to_string(),
        tmp_secret,
        tmp_token,
        "leak-canary-wrong-secret".into(),
        "leak-canary-env-token".into(),
    ];
    secrets.extend(role_creds);
    for s in &secrets {
        assert!(!all.contains(s.as_str()), "secret {s:?} leaked in:\n{all}");
    }
}

// ---------------------------------------------------------------------------------------------
// The wizard, on a real pseudo-terminal (util-linux `script`)

/// Runs `bgpeer configure` under `script`, which gives it a terminal fed from `input`.
#[cfg(target_os = "linux")]
fn wizard(sb: &Sandbox, input: &str) -> (i32, String) {
    use std::process::Command;
    let command = format!("{} configure --error-format text", bin_path().display());
    let mut c = Command::new("script");
    c.args(["-qec", &command, "/dev/null"])
        .env_clear()
        .env("HOME", sb.home())
        .env("XDG_CONFIG_HOME", sb.path(".config"))
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    let (code, out, err) = c.write_stdin_then_output(input).expect("run script");
    (code, format!("{out}{err}"))
}

#[cfg(target_os = "linux")]
#[test]
fn the_wizard_saves_a_validated_profile() {
    let sb = Sandbox::new();
    let (code, out) = wizard(
        &sb,
        "wiz\nAK\nLTAI5tWizardKeyId01\nwizard-secret\ncn-beijing\njson\n",
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("AccessKey secret (hidden): "), "{out}");
    let text = std::fs::read_to_string(config_toml(&sb)).unwrap();
    assert!(text.contains("current = \"wiz\""), "{text}");
    assert!(
        text.contains("access_key_secret = \"wizard-secret\""),
        "{text}"
    );
    assert!(text.contains("region = \"cn-beijing\""), "{text}");
    #[cfg(unix)]
    assert_eq!(mode_of(&config_toml(&sb)), 0o600);

    // Invalid answers are refused before anything is saved.
    let sb = Sandbox::new();
    let (code, out) = wizard(
        &sb,
        "wiz\nAK\nLTAI5tWizardKeyId01\nwizard-secret\nCN Beijing!\njson\n",
    );
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("invalid region \"CN Beijing!\""), "{out}");
    assert!(!config_toml(&sb).exists());
}

#[test]
fn the_region_of_the_same_named_aliyun_profile_is_used() {
    let sb = Sandbox::new();
    write(
        &aliyun_json(&sb),
        r#"{"current":"ali","profiles":[{"name":"ali","mode":"AK","access_key_id":"LTAI5tAliyunKeyId01","access_key_secret":"s","region_id":"ap-southeast-1"}]}"#,
    );
    let (code, out, err) = run(sb.cmd().args(["configure", "get", "region", "-o", "json"]));
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert_eq!(v["Value"], "ap-southeast-1");
    assert!(
        v["Source"].as_str().unwrap().starts_with("profile ali in "),
        "{v}"
    );
    assert!(
        v["Source"]
            .as_str()
            .unwrap()
            .ends_with(".aliyun/config.json"),
        "{v}"
    );
}

// ---------------------------------------------------------------------------------------------
// configure export-credentials

/// A sandbox whose profile `role` assumes a role at the emulator's STS.
fn role_sandbox(emu: &Emulator) -> Sandbox {
    let sb = Sandbox::new();
    write(
        &config_toml(&sb),
        &format!(
            "[profiles.role]\nmode = \"RamRoleArn\"\naccess_key_id = \"{TEST_KEY_ID}\"\naccess_key_secret = \"{TEST_KEY_SECRET}\"\nrole_arn = \"{ROLE_ARN}\"\nsts_endpoint = \"{}\"\n",
            emu.endpoint
        ),
    );
    sb
}

#[test]
fn export_credentials_prints_an_assumed_roles_credentials_in_every_format() {
    let emu = Emulator::start();
    let sb = role_sandbox(&emu);
    let export = |format: &str| {
        let (code, out, err) = run(sb.cmd().args([
            "--profile",
            "role",
            "configure",
            "export-credentials",
            "--format",
            format,
        ]));
        assert_eq!(code, 0, "{err}");
        assert!(!err.contains("warning"), "no warning on a pipe: {err}");
        out
    };
    let v = json(&export("json"));
    let id = v["AccessKeyId"].as_str().unwrap().to_string();
    assert!(id.starts_with("STS."), "{v}");
    assert!(v["SecurityToken"].as_str().unwrap().len() > 100, "{v}");
    let expires = chrono::DateTime::parse_from_rfc3339(v["Expiration"].as_str().unwrap())
        .expect("Expiration is RFC 3339");
    let left = expires.with_timezone(&chrono::Utc) - chrono::Utc::now();
    assert!((3000..=3600).contains(&left.num_seconds()), "{left:?} left");
    let v = json(&export("process"));
    assert_eq!(v["mode"], "StsToken");
    assert_eq!(
        v["access_key_id"],
        id.as_str(),
        "the cached role credentials again"
    );
    assert!(v["expiration"].as_str().unwrap().ends_with('Z'), "{v}");
    for (format, first) in [
        ("env", "export ALIBABA_CLOUD_ACCESS_KEY_ID="),
        ("env-no-export", "ALIBABA_CLOUD_ACCESS_KEY_ID="),
        ("powershell", "$Env:ALIBABA_CLOUD_ACCESS_KEY_ID=\""),
        ("fish", "set -gx ALIBABA_CLOUD_ACCESS_KEY_ID '"),
        ("windows-cmd", "set ALIBABA_CLOUD_ACCESS_KEY_ID="),
    ] {
        let out = export(format);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "{format}: {out}");
        assert!(lines[0].starts_with(first), "{format}: {out}");
        assert!(lines[0].contains(&id), "{format}: {out}");
        assert!(
            lines[2].contains("ALIBABA_CLOUD_SECURITY_TOKEN"),
            "{format}: {out}"
        );
    }

    // What `env` prints, evaluated by a shell, is what the next tool signs with.
    let script = format!(
        "eval \"$('{bin}' --profile role configure export-credentials --format env)\" && '{bin}' --endpoint {ep} whoami -o json",
        bin = bin_path().display(),
        ep = emu.endpoint
    );
    let base = sb.cmd();
    let mut shell = std::process::Command::new("sh");
    shell.env_clear().args(["-c", &script]);
    for (k, v) in base.get_envs() {
        if let Some(v) = v {
            shell.env(k, v);
        }
    }
    let (code, out, err) = run(&mut shell);
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert_eq!(v["Verified"], true, "{v}");
    assert_eq!(v["CredentialSource"], "env ALIBABA_CLOUD_ACCESS_KEY_ID");
    let masked = format!("{}****{}", &id[..4], &id[id.len() - 3..]);
    assert_eq!(v["AccessKeyId"], masked.as_str());
}

#[test]
fn export_credentials_feeds_an_external_profile_and_stops_a_loop() {
    let emu = Emulator::start();
    let sb = role_sandbox(&emu);
    let bin = bin_path().display().to_string();
    let mut toml = std::fs::read_to_string(config_toml(&sb)).unwrap();
    toml.push_str(&format!(
        "[profiles.p]\nmode = \"External\"\nprocess_command = \"{bin} --profile role configure export-credentials\"\n\
         [profiles.loop]\nmode = \"External\"\nprocess_command = \"{bin} --profile loop configure export-credentials\"\n"
    ));
    write(&config_toml(&sb), &toml);
    let v = assert_works(&sb, &emu, "(External)");
    assert!(
        v["AccessKeyId"].as_str().unwrap().starts_with("STS."),
        "{v}"
    );

    let (code, _, err) =
        run(tcmd(&sb).args(["--profile", "loop", "--endpoint", &emu.endpoint, "whoami"]));
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("runs 4 deep"), "{err}");
}

#[test]
fn export_credentials_warns_on_a_terminal() {
    let sb = Sandbox::new();
    let command = format!(
        "'{}' --profile emulator configure export-credentials --format env",
        bin_path().display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_clear()
        .env("HOME", sb.home())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "dumb")
        .env("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("util-linux `script` runs commands in a pseudo-terminal");
    let shown = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    assert!(
        shown.contains("warning: the output holds secret credentials"),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("export ALIBABA_CLOUD_ACCESS_KEY_ID={TEST_KEY_ID}")),
        "{shown}"
    );
}
