//! `bgpeer emulator ...`

use std::path::PathBuf;

use clap::{ArgGroup, Args, Subcommand};

const EMULATOR_EXAMPLES: &str = "\
Examples:
  # Serve on the default 127.0.0.1:8765, state kept in a file
  $ bgpeer emulator --state ./emulator-state.json

  # A throwaway instance on a free port, for a test script
  $ bgpeer emulator --listen 127.0.0.1:0 --ready-file ./addr --settle-ms 0

  # Every CreateBgpPeer answers Throttling.User
  $ bgpeer emulator --fault kind=error,code=Throttling.User,action=CreateBgpPeer

  # HTTPS with a throw-away CA, whose certificate clients trust
  $ bgpeer emulator --tls-self-signed --tls-ca-out ./emulator-ca.pem

  # STS AssumeRoleWithOIDC accepts the OIDC token in ./token.jwt
  $ bgpeer emulator --accept-token oidc=@token.jwt";

const SERVE_EXAMPLES: &str = "\
Examples:
  $ bgpeer emulator serve --listen 127.0.0.1:9000 --key LTAI5tMyTestKey:my-test-secret
  $ bgpeer emulator serve --state ./emulator-state.json --settle-ms 500";

const RESET_EXAMPLES: &str = "\
Examples:
  # Back to the seeded world for the built-in `emulator` profile
  $ bgpeer emulator reset

  # Reset a standalone emulator's state file
  $ bgpeer emulator reset --state ./emulator-state.json";

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, after_long_help = EMULATOR_EXAMPLES)]
pub struct EmulatorArgs {
    #[command(subcommand)]
    pub command: Option<EmulatorCommand>,
    /// Serve (the default verb)
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
pub enum EmulatorCommand {
    /// Serve the emulated API (the default when no verb is given)
    #[command(after_long_help = SERVE_EXAMPLES)]
    Serve(Box<ServeArgs>),
    /// Restore the seeded state
    #[command(after_long_help = RESET_EXAMPLES)]
    Reset(ResetArgs),
}

#[derive(Debug, Clone, Args)]
#[command(group(ArgGroup::new("tls").args(["tls_cert", "tls_self_signed"])))]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free one
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8765")]
    pub listen: String,

    /// Allow a --listen address that is not loopback (the emulator accepts a well-known key)
    #[arg(long)]
    pub allow_remote: bool,

    /// Persist state in FILE (created with the seeded world when missing) [default: in memory]
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,

    /// Accept this AccessKey pair instead of the well-known test key (repeatable)
    #[arg(long = "key", value_name = "ID:SECRET")]
    pub keys: Vec<String>,

    /// How long new or changed objects stay Pending/Modifying/Deleting, in milliseconds
    #[arg(long, value_name = "MS", default_value_t = 3000)]
    pub settle_ms: u64,

    /// Write the bound IP:PORT (https://IP:PORT with TLS) to FILE once listening
    #[arg(long, value_name = "FILE")]
    pub ready_file: Option<PathBuf>,

    /// Serve HTTPS with this certificate chain (PEM, server certificate first); needs --tls-key
    #[arg(
        long,
        value_name = "FILE",
        requires = "tls_key",
        help_heading = "HTTPS"
    )]
    pub tls_cert: Option<PathBuf>,

    /// The private key of --tls-cert (PEM: PKCS#8, PKCS#1 or SEC1)
    #[arg(
        long,
        value_name = "FILE",
        requires = "tls_cert",
        help_heading = "HTTPS"
    )]
    pub tls_key: Option<PathBuf>,

    /// Serve HTTPS with a throw-away CA made at start-up, for localhost, 127.0.0.1 and ::1
    #[arg(long, conflicts_with_all = ["tls_cert", "tls_key"], help_heading = "HTTPS")]
    pub tls_self_signed: bool,

    /// Write the throw-away CA's certificate (PEM) to FILE, for clients to trust
    #[arg(
        long,
        value_name = "FILE",
        requires = "tls_self_signed",
        help_heading = "HTTPS"
    )]
    pub tls_ca_out: Option<PathBuf>,

    /// Refuse plain HTTP (by default HTTPS and HTTP share the port); it gets InvalidProtocol.NeedSsl
    #[arg(long, requires = "tls", help_heading = "HTTPS")]
    pub tls_only: bool,

    /// A fault to inject from the start, e.g. kind=error,code=ServiceUnavailable,rate=0.5 (repeatable)
    #[arg(long = "fault", value_name = "SPEC")]
    pub faults: Vec<String>,

    /// An identity token to accept, KIND=TOKEN or KIND=@FILE (the token in a file), KIND one of oidc, cloud_sso, oauth_refresh (repeatable)
    #[arg(long = "accept-token", value_name = "KIND=TOKEN")]
    pub accept_tokens: Vec<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ResetArgs {
    /// The state file to reset [default: the built-in emulator profile's state]
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
}
