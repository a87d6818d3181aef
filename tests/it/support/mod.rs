//! Shared helpers for integration tests: a sealed environment for the real binary, and a real
//! emulator process on an ephemeral loopback port, over plain HTTP or HTTPS
//! ([`Emulator::start_https`]).
//!
//! Every test module uses it with `use crate::support::*;`. Additive changes only: other test
//! modules depend on it.

pub mod connect_proxy;
pub mod fault_server;
pub mod shells;

pub use connect_proxy::{ConnectProxy, HttpsJsonServer};

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

    /// `bgpeer` pointed at a running emulator with the test key in the environment (and, for an
    /// HTTPS emulator, `--ca-bundle` with its CA).
    pub fn cmd_at(&self, emu: &Emulator) -> Command {
        let mut c = self.cmd();
        c.env("ALIBABA_CLOUD_ACCESS_KEY_ID", TEST_KEY_ID)
            .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", TEST_KEY_SECRET)
            .env("ALIBABA_CLOUD_REGION_ID", "cn-shanghai")
            .args(["--endpoint", &emu.endpoint]);
        if let Some(ca) = &emu.ca {
            c.arg("--ca-bundle").arg(ca);
        }
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
    /// `http://127.0.0.1:PORT`, or `https://127.0.0.1:PORT` when started with TLS.
    pub endpoint: String,
    pub addr: String,
    /// The PEM file of the CA that signed the emulator's certificate (HTTPS only).
    pub ca: Option<PathBuf>,
    /// What it was started with, for [`Emulator::restart`].
    flags: Vec<String>,
    https: bool,
    _dir: tempfile::TempDir,
}

impl Emulator {
    /// Starts with in-memory state and `--settle-ms 0` (objects are Available at once).
    pub fn start() -> Emulator {
        Emulator::start_with(&["--settle-ms", "0"])
    }

    /// Starts with extra flags (e.g. `--state FILE`, `--settle-ms 500`, fault flags).
    pub fn start_with(extra: &[&str]) -> Emulator {
        Emulator::spawn(extra, false)
    }

    /// Starts serving HTTPS (and plain HTTP on the same port) with a throw-away CA, whose
    /// certificate is in [`Emulator::ca`]; in-memory state, `--settle-ms 0`.
    pub fn start_https() -> Emulator {
        Emulator::start_https_with(&["--settle-ms", "0"])
    }

    /// [`Emulator::start_https`] with extra flags (e.g. `--tls-only`).
    pub fn start_https_with(extra: &[&str]) -> Emulator {
        Emulator::spawn(extra, true)
    }

    /// `kill -9` (SIGKILL: no clean shutdown), then starts it again with the same flags, so on
    /// the same `--state` file; it listens on a new port (an HTTPS emulator has a new CA).
    pub fn restart(&mut self) {
        self.kill_9();
        let flags: Vec<&str> = self.flags.iter().map(String::as_str).collect();
        *self = Emulator::spawn(&flags, self.https);
    }

    /// Kills the process with SIGKILL and reaps it.
    pub fn kill_9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    fn spawn(extra: &[&str], https: bool) -> Emulator {
        let dir = tempfile::tempdir().expect("tempdir");
        let ready = dir.path().join("ready");
        let ca = https.then(|| dir.path().join("emulator-ca.pem"));
        let mut tls_flags: Vec<std::ffi::OsString> = Vec::new();
        if let Some(ca) = &ca {
            tls_flags.extend(["--tls-self-signed".into(), "--tls-ca-out".into()]);
            tls_flags.push(ca.into());
        }
        let child = Command::new(bin_path())
            .args(["emulator", "--listen", "127.0.0.1:0", "--ready-file"])
            .arg(&ready)
            .args(tls_flags)
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
        // With TLS the ready file holds the URL.
        let (endpoint, addr) = match addr.strip_prefix("https://") {
            Some(bare) => (addr.clone(), bare.to_string()),
            None => (format!("http://{addr}"), addr),
        };
        assert_eq!(
            endpoint.starts_with("https://"),
            https,
            "ready file: {endpoint}"
        );
        Emulator {
            child,
            endpoint,
            addr,
            ca,
            flags: extra.iter().map(|f| f.to_string()).collect(),
            https,
            _dir: dir,
        }
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.addr
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("a port")
    }

    /// Its endpoint with the host named `host` (e.g. `localhost`, which unlike a loopback IP
    /// follows the proxy settings).
    pub fn endpoint_at(&self, host: &str) -> String {
        let scheme = if self.ca.is_some() { "https" } else { "http" };
        format!("{scheme}://{host}:{}", self.port())
    }

    /// The CA certificate (PEM) clients must trust to call it over HTTPS.
    pub fn ca_pem(&self) -> String {
        std::fs::read_to_string(self.ca.as_ref().expect("an HTTPS emulator")).expect("the CA file")
    }

    /// A client trusting the emulator's CA (when it has one) and never using a proxy.
    pub fn http_client(&self) -> reqwest::Client {
        let mut builder = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(60));
        if self.ca.is_some() {
            builder = builder.add_root_certificate(
                reqwest::Certificate::from_pem(self.ca_pem().as_bytes()).expect("the CA's PEM"),
            );
        }
        builder.build().expect("an HTTP client")
    }

    /// `http://127.0.0.1:PORT/_emulator/<path>` (`https://` with TLS)
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

/// An HTTP/1.0 request to the emulator's unsigned admin API (over TLS when the emulator serves
/// HTTPS, so it works with `--tls-only` too); returns the JSON body.
pub fn admin(emu: &Emulator, method: &str, path: &str, body: &str) -> Value {
    let request = format!(
        "{method} /_emulator/{path} HTTP/1.0\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        emu.addr,
        body.len()
    );
    let response = raw_exchange(emu, request.as_bytes());
    let (_, body) = response.split_once("\r\n\r\n").expect("an HTTP response");
    serde_json::from_str(body).unwrap_or_else(|e| panic!("admin {path}: {e}: {body}"))
}

/// The longest a test waits on a test server's answer: a server that stops answering fails the
/// test with a timeout instead of hanging the suite.
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(60);

/// A connection to a test server at `addr` (`IP:PORT`) whose reads and writes give up after
/// [`ANSWER_TIMEOUT`].
pub fn connect(addr: &str) -> TcpStream {
    let tcp = TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect to {addr}: {e}"));
    tcp.set_read_timeout(Some(ANSWER_TIMEOUT)).unwrap();
    tcp.set_write_timeout(Some(ANSWER_TIMEOUT)).unwrap();
    tcp
}

/// Sends a plain HTTP `request` to `addr` and reads the answer to the end (the request must end
/// the connection: HTTP/1.0, or `Connection: close`), within [`ANSWER_TIMEOUT`].
pub fn exchange(addr: &str, request: &[u8]) -> String {
    let mut tcp = connect(addr);
    tcp.write_all(request).unwrap();
    let mut response = Vec::new();
    tcp.read_to_end(&mut response)
        .unwrap_or_else(|e| panic!("reading the answer of {addr}: {e}"));
    String::from_utf8_lossy(&response).into_owned()
}

/// A loopback address where nothing listens: a port bound and never listened on, held for as
/// long as the value lives, so connections to it are refused and no other server can take it
/// meanwhile (a port freed after use could be taken by any test's server).
pub struct RefusedPort {
    _socket: tokio::net::TcpSocket,
    pub addr: std::net::SocketAddr,
}

impl RefusedPort {
    pub fn new() -> RefusedPort {
        let socket = tokio::net::TcpSocket::new_v4().expect("a socket");
        socket
            .bind("127.0.0.1:0".parse().unwrap())
            .expect("bind 127.0.0.1:0");
        let addr = socket.local_addr().expect("its address");
        RefusedPort {
            _socket: socket,
            addr,
        }
    }

    /// `http://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }
}

impl Default for RefusedPort {
    fn default() -> Self {
        RefusedPort::new()
    }
}

/// Sends `request` on a new connection (TLS when the emulator serves HTTPS, trusting its CA) and
/// reads the answer to the end, within [`ANSWER_TIMEOUT`].
pub fn raw_exchange(emu: &Emulator, request: &[u8]) -> String {
    if emu.ca.is_none() {
        return exchange(&emu.addr, request);
    }
    let mut tcp = connect(&emu.addr);
    let mut response = Vec::new();
    let mut roots = rustls::RootCertStore::empty();
    for cert in bgpeer::tls::parse_certificates(emu.ca_pem().as_bytes()).unwrap() {
        roots.add(cert).unwrap();
    }
    let config = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    let name = rustls::pki_types::ServerName::try_from("localhost").unwrap();
    let mut tls = rustls::ClientConnection::new(std::sync::Arc::new(config), name).unwrap();
    let mut stream = rustls::Stream::new(&mut tls, &mut tcp);
    stream.write_all(request).unwrap();
    // The server closes after an HTTP/1.0 answer, maybe without a close_notify.
    if let Err(e) = stream.read_to_end(&mut response) {
        assert_eq!(e.kind(), std::io::ErrorKind::UnexpectedEof, "{e}");
    }
    String::from_utf8_lossy(&response).into_owned()
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

/// Writes a private file (mode 0600 on Unix), creating its directory.
pub fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    set_mode(path, 0o600);
}

#[cfg(unix)]
pub fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(not(unix))]
pub fn set_mode(_path: &Path, _mode: u32) {}

/// The permission bits of a file.
#[cfg(unix)]
pub fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}
