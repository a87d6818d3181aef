//! The clap derive tree: global flags and one enum per level. No logic lives here.
//!
//! Each resource's verbs and flags are in a file of their own (`cli/peer.rs`, ...), so that the
//! tree reads like the command line.

pub mod api;
pub mod configure;
pub mod declarative;
pub mod emulator;
pub mod group;
pub mod health;
mod lazy;
pub mod mutation;
pub mod network;
pub mod peer;
pub mod region;
mod values;
pub mod vbr;

use clap::{Args, Parser, Subcommand};

pub use crate::output::{ErrorFormat, OutputFormat};
pub use lazy::{full_command, Lazy};

use crate::seconds::Seconds;
use crate::signing::SignatureVersion;

const LONG_ABOUT: &str = "\
Manage BGP groups, peers and advertised networks on Alibaba Cloud Express Connect virtual border \
routers (VBRs) through the VPC OpenAPI 2016-04-28.

bgpeer signs its own requests (ACS3-HMAC-SHA256 or HMAC-SHA1), waits for objects to become \
Available, and ships a local emulator of the VPC BGP API: the built-in profile `emulator` needs no \
account and no network.

Every command takes the global flags below. Run `bgpeer COMMAND --help` for the flags, the API \
parameters they set and examples of each command.";

const AFTER_LONG_HELP: &str = "\
Examples:
  # Try bgpeer without an account: the built-in emulator profile
  $ bgpeer --profile emulator vbr list

  # Which profile and credentials are in use, and whether they work
  $ bgpeer --profile prod whoami

  # Behind a TLS-inspecting proxy: also trust your organisation's CA
  $ bgpeer --ca-bundle ./corp-ca.pem --profile prod vbr list

  # Install completions for fish (bgpeer never edits your rc files)
  $ bgpeer completions fish > ~/.config/fish/completions/bgpeer.fish";

#[derive(Debug, Parser)]
#[command(
    name = "bgpeer",
    version,
    about = "Manage BGP groups, peers and advertised networks on Alibaba Cloud Express Connect VBRs",
    long_about = LONG_ABOUT,
    after_long_help = AFTER_LONG_HELP,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    // Under their own heading, so each command's own flags come first in its help.
    #[command(flatten, next_help_heading = "Global options")]
    pub globals: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags accepted by every command.
#[derive(Debug, Clone, Args, Default)]
pub struct GlobalArgs {
    /// Profile to use (`emulator` is built in: a local emulator, no account needed)
    #[arg(short = 'p', long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// Region (API parameter RegionId), e.g. cn-shanghai
    #[arg(short = 'r', long, global = true, value_name = "REGION_ID")]
    pub region: Option<String>,

    /// API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint: Option<String>,

    /// Allow a plain-http endpoint that is not on loopback
    #[arg(long, global = true)]
    pub allow_insecure_endpoint: bool,

    /// Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]
    #[arg(long, global = true, value_name = "FILE")]
    pub ca_bundle: Option<std::path::PathBuf>,

    /// Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)
    #[arg(long, global = true, value_name = "VERSION", value_parser = signature_versions())]
    pub signature_version: Option<SignatureVersion>,

    /// Output format [default: table on a terminal, json otherwise]
    #[arg(short = 'o', long, global = true, value_enum, value_name = "FORMAT")]
    pub output: Option<OutputFormat>,

    /// Columns to show for table, tsv and value output, comma-separated (after --query)
    #[arg(long, global = true, value_delimiter = ',', value_name = "A,B,...")]
    pub fields: Option<Vec<String>>,

    /// JMESPath expression applied once to the whole result (every page merged, secrets already
    /// masked), before the output format; --fields then picks columns of its result
    #[arg(long, global = true, value_name = "EXPR")]
    pub query: Option<String>,

    /// Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub error_format: Option<ErrorFormat>,

    /// Log every HTTP attempt to stderr (secrets masked)
    #[arg(long, global = true)]
    pub debug: bool,

    /// Silence notices, progress and warnings on stderr
    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,

    /// Never colour output (NO_COLOR is also respected)
    #[arg(long, global = true)]
    pub no_color: bool,

    /// Answer yes to confirmations (required for deletes when stdin is not a terminal)
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,

    /// Show secrets such as the BGP AuthKey in output instead of masking them
    #[arg(long, global = true)]
    pub show_secrets: bool,

    /// Connection timeout in seconds [default: 5]
    #[arg(long, global = true, value_name = "SECS", value_parser = clap::value_parser!(Seconds))]
    pub connect_timeout: Option<Seconds>,

    /// Timeout of one HTTP attempt in seconds [default: 30]
    #[arg(long, global = true, value_name = "SECS", value_parser = clap::value_parser!(Seconds))]
    pub read_timeout: Option<Seconds>,

    /// Overall deadline of the command's API calls, retries included, in seconds [default: 300]
    #[arg(long, global = true, value_name = "SECS", value_parser = clap::value_parser!(Seconds))]
    pub deadline: Option<Seconds>,

    /// Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]
    #[arg(long, global = true, value_name = "N")]
    pub max_attempts: Option<u32>,
}

/// Each resource's verbs are [`Lazy`]: clap builds only the resource being run.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// BGP groups on a VBR
    #[command(subcommand)]
    Group(Lazy<group::GroupCommand>),
    /// BGP peers in a group
    #[command(subcommand)]
    Peer(Lazy<peer::PeerCommand>),
    /// Networks advertised over BGP by a VBR
    #[command(subcommand)]
    Network(Lazy<network::NetworkCommand>),
    /// Virtual border routers and their whole BGP picture
    #[command(subcommand)]
    Vbr(Lazy<vbr::VbrCommand>),
    /// Regions
    #[command(subcommand)]
    Region(Lazy<region::RegionCommand>),
    /// Watch BGP sessions, states and route counts change, one event per change
    #[command(long_about = health::WATCH_LONG_ABOUT, after_long_help = health::WATCH_EXAMPLES)]
    Watch(health::WatchArgs),
    /// Write the live BGP set-up of VBRs as a declarative file (YAML, or JSON)
    #[command(after_long_help = declarative::EXPORT_AFTER_HELP)]
    Export(declarative::ExportArgs),
    /// Show what `apply` would change to make the live set-up match a file
    #[command(after_long_help = declarative::PLAN_AFTER_HELP)]
    Plan(declarative::PlanArgs),
    /// Make the live BGP set-up match a file (or a saved plan)
    #[command(after_long_help = declarative::APPLY_AFTER_HELP)]
    Apply(declarative::ApplyArgs),
    /// A signed call to any VPC action, raw JSON out
    #[command(long_about = api::API_LONG_ABOUT)]
    Api(api::ApiArgs),
    /// Profiles and credentials
    Configure(configure::ConfigureArgs),
    /// Which profile and credentials are in use, and whether they work
    #[command(
        after_long_help = "Exit status: 0 when the credentials work, 4 when they are missing or rejected, 7 when the API can't be reached.

Examples:
  $ bgpeer whoami

  # Check a profile's own credentials, whatever ALIBABA_CLOUD_* says
  $ bgpeer --profile prod whoami -o json"
    )]
    Whoami,
    /// Run the local emulator of the VPC BGP API
    Emulator(Box<emulator::EmulatorArgs>),
    /// Print a shell completion script
    #[command(
        long_about = COMPLETIONS_LONG_ABOUT,
        after_long_help = COMPLETIONS_AFTER_LONG_HELP
    )]
    Completions {
        /// The shell to generate the script for (required, no default)
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
}

const COMPLETIONS_LONG_ABOUT: &str = "\
Print a shell completion script to stdout.

The script registers bgpeer with the shell; on every TAB the shell asks bgpeer itself \
(COMPLETE=<shell> bgpeer -- <words>), so completion always matches the installed binary. It \
completes commands, flags (once a `-` is typed), the values of enumerated flags and file paths, \
and, live from the API, the IDs of BGP groups, peers and VBRs (positional IDs, --bgp-group-id, \
--bgp-peer-id, --router-id) and the regions, with a description where the shell shows one (zsh, \
fish, PowerShell): a peer's address and BgpStatus, a group's name and peer ASN, a VBR's name and \
VLAN. --profile completes the configured profiles and `emulator`, without any call. The \
--profile, --region, --endpoint, --router-id and --bgp-group-id typed before the cursor are \
honoured.

Live completion only reads (Describe calls), never prompts or prints anything but candidates, and \
gives up after about one second; answers are cached for 30 seconds (BGPEER_COMPLETION_CACHE_SECS) \
in $XDG_CACHE_HOME/bgpeer/completion/, without secrets. BGPEER_LIVE_COMPLETION=0, or \
`live_completion = false` in the profile, turns it off.

The script calls `bgpeer` on your PATH; the same scripts ship in the repository's completions/ \
directory. bgpeer never edits your rc files: put the script where your shell loads completions \
from, as in the examples.";

const COMPLETIONS_AFTER_LONG_HELP: &str = "\
Examples:
  # bash (needs the bash-completion package)
  $ bgpeer completions bash > ~/.local/share/bash-completion/completions/bgpeer

  # zsh: a directory on your $fpath (set before compinit), then restart zsh
  $ bgpeer completions zsh > ~/.zfunc/_bgpeer

  # fish
  $ bgpeer completions fish > ~/.config/fish/completions/bgpeer.fish

  # Or at every start-up, from the binary itself (~/.bashrc; zsh alike, after compinit)
  $ source <(COMPLETE=bash bgpeer)

  # On a slow link: commands, flags and values only, no API calls
  $ export BGPEER_LIVE_COMPLETION=0";

/// `v3` or `v2`, listed so that help and shell completions offer them.
fn signature_versions() -> impl clap::builder::TypedValueParser<Value = SignatureVersion> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(["v3", "v2"])
        .map(|s| s.parse().unwrap_or(SignatureVersion::V3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_valid() {
        Cli::command().debug_assert();
    }
}
