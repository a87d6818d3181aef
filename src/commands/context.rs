//! `Context`: io streams and terminal facts, the environment, the clock, and the lazily resolved
//! settings, credentials and client. Commands read the world only through it.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::sync::OnceCell;

use crate::cli::{GlobalArgs, OutputFormat};
use crate::client::{self, Client, ClientConfig, Timeouts};
use crate::config;
use crate::credentials::{self, Credentials};
use crate::env::Env;
use crate::secret::Secret;

use super::streams::{Captured, Streams};
use crate::clock::Clock;
use crate::settings::{self, Overrides, Settings};

/// What Ctrl-C does. By default it drops the command (in-flight requests are cancelled). While a
/// bulk run has [`Stop::graceful`] in force, the first Ctrl-C only asks it to stop: it sends no new
/// item, lets the ones in flight finish, and reports every item; a second Ctrl-C drops it.
#[derive(Debug, Default)]
pub struct Stop {
    graceful: AtomicUsize,
    requested: AtomicBool,
    /// The first Ctrl-C of a graceful stop says nothing (the command prints its own summary).
    quiet: AtomicBool,
    /// Wakes [`Stop::stopped`] waiters when a graceful stop is requested.
    wake: tokio::sync::Notify,
}

/// Graceful stopping is in force while this lives.
pub struct GracefulStop(Arc<Stop>);

impl Drop for GracefulStop {
    fn drop(&mut self) {
        self.0.graceful.fetch_sub(1, Ordering::SeqCst);
    }
}

/// What the first Ctrl-C says during a bulk run.
const BULK_STOP_NOTICE: &str =
    "stopping: no new items are sent; waiting for the ones in flight (Ctrl-C again to abort)";

impl Stop {
    /// Puts graceful stopping in force until the returned guard is dropped.
    pub fn graceful(self: &Arc<Self>) -> GracefulStop {
        self.graceful.fetch_add(1, Ordering::SeqCst);
        GracefulStop(self.clone())
    }

    /// [`Stop::graceful`], with a first Ctrl-C that says nothing.
    pub fn graceful_quiet(self: &Arc<Self>) -> GracefulStop {
        self.quiet.store(true, Ordering::SeqCst);
        self.graceful()
    }

    /// Called on Ctrl-C: true when a graceful stop was requested (the command goes on), false
    /// when the command must be dropped now.
    pub fn on_interrupt(&self) -> bool {
        let graceful = self.graceful.load(Ordering::SeqCst) > 0
            && !self.requested.swap(true, Ordering::SeqCst);
        if graceful {
            self.wake.notify_waiters();
        }
        graceful
    }

    /// What to say on the first Ctrl-C of a graceful stop (empty: nothing).
    pub fn notice(&self) -> &'static str {
        if self.quiet.load(Ordering::SeqCst) {
            ""
        } else {
            BULK_STOP_NOTICE
        }
    }

    /// Whether a graceful stop was requested.
    pub fn requested(&self) -> bool {
        self.requested.load(Ordering::SeqCst)
    }

    /// Resolves once a graceful stop is requested.
    pub async fn stopped(&self) {
        loop {
            let woken = self.wake.notified();
            if self.requested() {
                return;
            }
            woken.await;
        }
    }
}

/// What we know about the terminal.
#[derive(Debug, Clone, Copy)]
pub struct Terminal {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
}

impl Terminal {
    pub fn probe() -> Self {
        Terminal {
            stdin: std::io::stdin().is_terminal(),
            stdout: std::io::stdout().is_terminal(),
            stderr: std::io::stderr().is_terminal(),
        }
    }
}

pub struct Context {
    pub globals: GlobalArgs,
    pub env: Env,
    pub term: Terminal,
    settings: std::sync::OnceLock<Settings>,
    client: OnceCell<Client>,
    embedded: OnceCell<crate::emulator::Embedded>,
    /// What Ctrl-C does (see [`Stop`]).
    pub stop: Arc<Stop>,
    /// stdin, stdout and stderr: the process's, or in-memory ones in tests.
    pub streams: Streams,
    /// The time requests are signed with and cached credentials are judged by.
    pub clock: Clock,
}

/// What a run of bgpeer gets from the world it runs in: the environment, the terminal, the
/// standard streams and the clock. The process's own, or a test's.
pub struct Host {
    pub env: Env,
    pub term: Terminal,
    pub streams: Streams,
    pub clock: Clock,
}

impl Host {
    /// The process's environment, terminal, streams and the system clock.
    pub fn process() -> Host {
        Host {
            env: Env::from_process(),
            term: Terminal::probe(),
            streams: Streams::process(),
            clock: Clock::system(),
        }
    }

    /// A host with in-memory streams (`stdin` is what a command reads; [`Captured`] holds what it
    /// writes) and the system clock.
    pub fn in_memory(env: Env, term: Terminal, stdin: impl Into<Vec<u8>>) -> (Host, Captured) {
        let (streams, captured) = Streams::captured(stdin);
        let host = Host {
            env,
            term,
            streams,
            clock: Clock::system(),
        };
        (host, captured)
    }
}

impl Context {
    /// A context on the process's streams and clock, with this environment and terminal.
    pub fn new(globals: GlobalArgs, env: Env, term: Terminal) -> Self {
        Context::on(
            globals,
            Host {
                env,
                term,
                streams: Streams::process(),
                clock: Clock::system(),
            },
        )
    }

    /// A context on the given host (in-memory streams let a test run a command in process).
    pub fn on(globals: GlobalArgs, host: Host) -> Self {
        let Host {
            env,
            term,
            streams,
            clock,
        } = host;
        Context {
            globals,
            env,
            term,
            settings: Default::default(),
            client: OnceCell::new(),
            embedded: OnceCell::new(),
            stop: Arc::default(),
            streams,
            clock,
        }
    }

    /// The effective settings (profile, region, endpoint, output...), resolved on first use.
    pub fn settings(&self) -> anyhow::Result<&Settings> {
        if let Some(s) = self.settings.get() {
            return Ok(s);
        }
        let s = settings::resolve_settings(&overrides(&self.globals), &self.env)?;
        let s = self.settings.get_or_init(|| s);
        for warning in &s.config.warnings {
            self.notice(warning);
        }
        Ok(s)
    }

    /// The output format: flag > BGPEER_OUTPUT > profile > table on a terminal, json otherwise.
    pub fn output_format(&self) -> OutputFormat {
        if let Some(o) = self.globals.output {
            return o;
        }
        if let Ok(Some(o)) = self.settings().map(|s| s.output.as_ref().map(|o| o.value)) {
            return o;
        }
        if self.term.stdout {
            OutputFormat::Table
        } else {
            OutputFormat::Json
        }
    }

    /// The region of this invocation, or a usage error that says how to set one.
    pub fn region(&self) -> anyhow::Result<String> {
        match &self.settings()?.region {
            Some(r) => Ok(r.value.clone()),
            None => Err(super::CliError::usage(
                "no region given",
                Some("pass --region (e.g. --region cn-shanghai), set ALIBABA_CLOUD_REGION_ID, or set region in the profile".to_string()),
            )
            .into()),
        }
    }

    /// The signed client, built on first use (credentials resolved, embedded emulator started).
    pub async fn client(&self) -> anyhow::Result<&Client> {
        self.client
            .get_or_try_init(|| async { self.build_client(None).await })
            .await
    }

    /// The signed client for a call that works in any region (`whoami`'s check): when no region
    /// or endpoint is set, `fallback_region`'s endpoint is used instead of failing.
    pub async fn client_any_region(&self, fallback_region: &str) -> anyhow::Result<&Client> {
        self.client
            .get_or_try_init(|| async { self.build_client(Some(fallback_region)).await })
            .await
    }

    /// The credentials of the active profile, resolved through the chain (the built-in key pair
    /// for the `emulator` profile without an endpoint, without starting it).
    pub async fn credentials(&self) -> anyhow::Result<Credentials> {
        let settings = self.settings()?;
        if settings.is_emulator() && settings.endpoint.is_none() {
            return Ok(emulator_credentials());
        }
        Ok(credentials::resolve_with(settings, &self.env, self.debug_log(), &self.clock).await?)
    }

    async fn build_client(&self, fallback_region: Option<&str>) -> anyhow::Result<Client> {
        let settings = self.settings()?;
        let (endpoint_raw, credentials) = if settings.is_emulator() && settings.endpoint.is_none() {
            let state = config::emulator_state_path(&self.env);
            let embedded = self
                .embedded
                .get_or_try_init(|| {
                    crate::emulator::start_embedded(
                        state,
                        self.env.get("BGPEER_EMULATOR_SETTLE_MS"),
                    )
                })
                .await?;
            if self.term.stderr {
                self.notice(
                    "note: using the local bgpeer emulator (profile emulator), not Alibaba Cloud",
                );
            }
            (Some(embedded.endpoint.clone()), emulator_credentials())
        } else {
            (
                settings.endpoint.as_ref().map(|e| e.value.clone()),
                self.credentials().await?,
            )
        };
        let endpoint = client::endpoint::resolve(
            settings
                .region
                .as_ref()
                .map(|r| r.value.as_str())
                .or(fallback_region),
            endpoint_raw.as_deref(),
            self.globals.allow_insecure_endpoint,
        )?;
        let config = ClientConfig {
            endpoint,
            version: client::VPC_VERSION.to_string(),
            signature_version: settings.signature_version.value,
            credentials: Some(credentials),
            timeouts: Timeouts {
                connect: settings.connect_timeout_secs.value.duration(),
                request: settings.read_timeout_secs.value.duration(),
                deadline: settings.deadline_secs.value.duration(),
            },
            retry: settings.retry_policy(),
            debug: self.debug_log(),
            clock: self.clock.clone(),
            trust: settings.trust(),
        };
        Ok(Client::new(config)?)
    }

    /// Where the client logs its attempts: this command's stderr with `--debug`, else nowhere.
    pub fn debug_log(&self) -> client::DebugLog {
        if self.globals.debug {
            client::DebugLog::to(self.streams.stderr_lines())
        } else {
            client::DebugLog::off()
        }
    }

    /// A notice for people on stderr; silenced by `--quiet`.
    pub fn notice(&self, message: &str) {
        if !self.globals.quiet {
            self.write_stderr(&format!("{message}\n"));
        }
    }

    /// Writes text for people to stderr, whatever `--quiet` says (prompts, errors). A closed
    /// stderr must not turn into a failure of the command, so write errors are ignored.
    pub fn write_stderr(&self, text: &str) {
        let mut err = self.streams.stderr();
        let _ = err.write_all(text.as_bytes());
        let _ = err.flush();
    }

    /// Writes data to stdout. A closed pipe surfaces as an io::Error of kind BrokenPipe.
    pub fn write_stdout(&self, bytes: &[u8]) -> std::io::Result<()> {
        let mut out = self.streams.stdout();
        out.write_all(bytes)?;
        out.flush()
    }

    /// A secret typed at a prompt: hidden on the process's terminal; from stdin (one line) when
    /// the streams are in-memory ones.
    pub fn read_hidden(&self, prompt: &str) -> std::io::Result<String> {
        if self.streams.is_process() {
            return rpassword::prompt_password(prompt);
        }
        self.write_stderr(prompt);
        Ok(self.read_line()?.unwrap_or_default())
    }

    /// One line of stdin, without its line ending; `None` at the end of input.
    pub fn read_line(&self) -> std::io::Result<Option<String>> {
        let mut line = String::new();
        if self.streams.stdin().read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let trimmed = line.trim_end_matches(['\n', '\r']).len();
        line.truncate(trimmed);
        Ok(Some(line))
    }

    /// Masks a secret for output unless `--show-secrets` was given.
    pub fn show_secret(&self, secret: &Secret) -> String {
        if self.globals.show_secrets {
            secret.expose().to_string()
        } else if secret.is_empty() {
            String::new()
        } else {
            crate::secret::MASK.to_string()
        }
    }
}

/// The settings given as flags, for [`settings::resolve_settings`].
fn overrides(globals: &GlobalArgs) -> Overrides {
    Overrides {
        profile: globals.profile.clone(),
        region: globals.region.clone(),
        endpoint: globals.endpoint.clone(),
        output: globals.output,
        signature_version: globals.signature_version,
        connect_timeout: globals.connect_timeout,
        read_timeout: globals.read_timeout,
        deadline: globals.deadline,
        max_attempts: globals.max_attempts,
        ca_bundle: globals.ca_bundle.clone(),
    }
}

/// The embedded emulator's well-known key pair (the built-in `emulator` profile).
fn emulator_credentials() -> Credentials {
    Credentials {
        access_key_id: crate::emulator::TEST_ACCESS_KEY_ID.to_string(),
        access_key_secret: crate::secret::Secret::new(crate::emulator::TEST_ACCESS_KEY_SECRET),
        security_token: None,
        expiration: None,
        source: "built-in profile emulator".into(),
    }
}

/// A context for unit tests of timing rules: test keys in the environment, no config file, region
/// cn-shanghai, an endpoint nothing answers on, and `--deadline` as given.
#[cfg(test)]
pub(crate) fn test_context(deadline: Option<f64>, env: &[(&str, &str)]) -> Context {
    let mut pairs = vec![
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tUnitTestKey"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "unit-test-secret"),
        ("BGPEER_CONFIG", "/nonexistent/bgpeer-unit-test/config.toml"),
        ("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true"),
    ];
    pairs.extend_from_slice(env);
    Context::new(
        GlobalArgs {
            region: Some("cn-shanghai".into()),
            endpoint: Some("http://127.0.0.1:9".into()),
            deadline: deadline.map(|d| crate::seconds::Seconds::new(d).unwrap()),
            ..Default::default()
        },
        Env::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string()))),
        Terminal {
            stdin: false,
            stdout: false,
            stderr: false,
        },
    )
}
