//! Shared helpers for integration tests: a sealed environment for the real binary, and a real
//! emulator process on an ephemeral loopback port.
//!
//! Every test module uses it with `use crate::support::*;`. Additive changes only: other test
//! modules depend on it.

pub mod fault_server;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub use assert_cmd::prelude::*;
use serde_json::Value;

/// The emulator's well-known test key pair.
pub const TEST_KEY_ID: &str = bgpeer::emulator::TEST_ACCESS_KEY_ID;
pub const TEST_KEY_SECRET: &str = bgpeer::emulator::TEST_ACCESS_KEY_SECRET;

pub fn bin_path() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_bgpeer"))
}

/// A temporary HOME with XDG dirs inside it; dropped at the end of the test.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    pub fn home(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// `bgpeer` with a cleared environment: only HOME/XDG paths inside the sandbox, no colour,
    /// 80 columns, no retry delays, and instance metadata disabled (tests never leave loopback).
    pub fn cmd(&self) -> Command {
        let mut c = Command::new(bin_path());
        c.env_clear()
            .env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.path(".config"))
            .env("XDG_DATA_HOME", self.path(".local/share"))
            .env("XDG_CACHE_HOME", self.path(".cache"))
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("NO_COLOR", "1")
            .env("COLUMNS", "80")
            .env("TZ", "UTC")
            .env("BGPEER_RETRY_BASE_DELAY", "0")
            .env("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
            .env("BGPEER_EMULATOR_STATE", self.path("emulator-state.json"))
            .stdin(Stdio::null());
        c
    }

    /// `bgpeer` pointed at a running emulator with the test key in the environment.
    pub fn cmd_at(&self, emu: &Emulator) -> Command {
        let mut c = self.cmd();
        c.env("ALIBABA_CLOUD_ACCESS_KEY_ID", TEST_KEY_ID)
            .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", TEST_KEY_SECRET)
            .env("ALIBABA_CLOUD_REGION_ID", "cn-shanghai")
            .args(["--endpoint", &emu.endpoint]);
        c
    }
}

impl Default for Sandbox {
    fn default() -> Self {
        Sandbox::new()
    }
}

/// A `bgpeer emulator` process on 127.0.0.1:0, killed on drop.
pub struct Emulator {
    pub child: Child,
    /// `http://127.0.0.1:PORT`
    pub endpoint: String,
    pub addr: String,
    _dir: tempfile::TempDir,
}

impl Emulator {
    /// Starts with in-memory state and `--settle-ms 0` (objects are Available at once).
    pub fn start() -> Emulator {
        Emulator::start_with(&["--settle-ms", "0"])
    }

    /// Starts with extra flags (e.g. `--state FILE`, `--settle-ms 500`, fault flags).
    pub fn start_with(extra: &[&str]) -> Emulator {
        let dir = tempfile::tempdir().expect("tempdir");
        let ready = dir.path().join("ready");
        let child = Command::new(bin_path())
            .args(["emulator", "--listen", "127.0.0.1:0", "--ready-file"])
            .arg(&ready)
            .args(extra)
            .env_clear()
            .env("HOME", dir.path())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn emulator");
        let deadline = Instant::now() + Duration::from_secs(30);
        let addr = loop {
            if let Ok(s) = std::fs::read_to_string(&ready) {
                let s = s.trim().to_string();
                if !s.is_empty() {
                    break s;
                }
            }
            assert!(
                Instant::now() < deadline,
                "emulator did not start within 30s"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        Emulator {
            child,
            endpoint: format!("http://{addr}"),
            addr,
            _dir: dir,
        }
    }

    /// `http://127.0.0.1:PORT/_emulator/<path>`
    pub fn admin_url(&self, path: &str) -> String {
        format!(
            "{}/_emulator/{}",
            self.endpoint,
            path.trim_start_matches('/')
        )
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs a command and returns (exit code, stdout, stderr).
pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("run bgpeer");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Parses stdout as JSON, with the whole output in the panic message when it isn't.
pub fn json(stdout: &str) -> serde_json::Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{stdout}"))
}

/// A plain HTTP/1.0 request to the emulator's unsigned admin API; returns the JSON body.
pub fn admin(emu: &Emulator, method: &str, path: &str, body: &str) -> Value {
    let mut stream = TcpStream::connect(&emu.addr).expect("connect to the emulator");
    write!(
        stream,
        "{method} /_emulator/{path} HTTP/1.0\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        emu.addr,
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (_, body) = response.split_once("\r\n\r\n").expect("an HTTP response");
    serde_json::from_str(body).unwrap_or_else(|e| panic!("admin {path}: {e}: {body}"))
}

/// The API requests the emulator received since the last `forget_requests`.
pub fn requests(emu: &Emulator) -> Vec<Value> {
    admin(emu, "GET", "requests", "")["requests"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

pub fn forget_requests(emu: &Emulator) {
    admin(emu, "DELETE", "requests", "");
}

/// Actions received, in order.
pub fn actions(emu: &Emulator) -> Vec<String> {
    requests(emu)
        .iter()
        .map(|r| r["action"].as_str().unwrap_or("").to_string())
        .collect()
}

/// Runs and expects success; returns stdout parsed as JSON.
pub fn ok_json(cmd: &mut Command) -> Value {
    let (code, out, err) = run(cmd);
    assert_eq!(code, 0, "expected success\nstdout: {out}\nstderr: {err}");
    json(&out)
}

/// Runs and expects `exit`; returns stderr.
pub fn fails(cmd: &mut Command, exit: i32) -> String {
    let (code, out, err) = run(cmd);
    assert_eq!(
        code, exit,
        "expected exit {exit}\nstdout: {out}\nstderr: {err}"
    );
    err
}
