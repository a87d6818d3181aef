//! `bgpeer configure ...`

use clap::{Args, Subcommand, ValueEnum};

/// Without a subcommand: a short wizard on a terminal.
#[derive(Debug, Args)]
#[command(
    after_help = "Settings to save come from the global flags: --profile (which profile), --region, --endpoint, --output, --signature-version, --connect-timeout, --read-timeout, --deadline, --max-attempts, --ca-bundle.",
    after_long_help = "Settings to save come from the global flags: --profile (which profile), --region, --endpoint, --output, --signature-version, --connect-timeout, --read-timeout, --deadline, --max-attempts, --ca-bundle.

Examples:
  # Answer a few questions (mode, keys with hidden input, region, output)
  $ bgpeer configure

  # The same from a script: the secret comes from an environment variable, never from argv
  $ bgpeer configure set --profile prod --mode AK --region cn-shanghai --access-key-id LTAI5tExample --access-key-secret-from env:PROD_SECRET

  # Every profile, and where each effective setting comes from
  $ bgpeer configure list"
)]
pub struct ConfigureArgs {
    #[command(subcommand)]
    pub command: Option<ConfigureCommand>,
}

#[derive(Debug, Subcommand)]
pub enum ConfigureCommand {
    /// Create or update the profile named by --profile (secrets from stdin or an environment variable, never argv)
    #[command(after_long_help = "Examples:
  # An AccessKey profile; the secret is read from an environment variable
  $ bgpeer configure set --profile prod --mode AK --region cn-shanghai --access-key-id LTAI5tExample --access-key-secret-from env:PROD_SECRET

  # A role assumed with the credentials of profile prod
  $ bgpeer configure set --profile admin --mode ChainableRamRoleArn --source-profile prod --role-arn acs:ram::1234567890123456:role/vpc-admin

  # A role assumed with an OIDC token (RRSA in an ACK pod)
  $ bgpeer configure set --profile pod --mode OIDC --role-arn acs:ram::1234567890123456:role/vpc-admin --oidc-provider-arn acs:ram::1234567890123456:oidc-provider/ack-rrsa-c1234 --oidc-token-file /var/run/secrets/ack.alibabacloud.com/rrsa-tokens/token

  # Change one setting, remove another
  $ bgpeer configure set --profile prod --max-attempts 3 --unset endpoint")]
    Set(Box<SetArgs>),
    /// List profiles and where each effective setting comes from
    #[command(after_long_help = "Examples:
  $ bgpeer configure list

  # One JSON object: ActiveProfile, ConfigFile, Profiles, Settings
  $ bgpeer configure list -o json")]
    List,
    /// Print one effective setting of the active profile (secrets are never printed)
    #[command(after_long_help = "Examples:
  # The bare value, for REGION=$(...)
  $ bgpeer configure get region

  # The value and where it came from
  $ bgpeer --profile prod configure get max_attempts -o json")]
    Get {
        /// region, endpoint, output, signature_version, profile, mode, access_key_id, role_arn, ...
        key: String,
    },
    /// Delete a profile from bgpeer's config file
    #[command(after_long_help = "Examples:
  # Asks first on a terminal
  $ bgpeer configure delete staging

  # In a script
  $ bgpeer configure delete staging --yes")]
    Delete {
        /// The profile to delete
        profile: String,
    },
    /// Make a profile the current one (used when no --profile or BGPEER_PROFILE is given)
    #[command(after_long_help = "Examples:
  $ bgpeer configure switch prod

  # Work against the local emulator by default
  $ bgpeer configure switch emulator")]
    Switch {
        /// The profile to use from now on
        profile: String,
    },
    /// Print the active credentials for another tool (resolved through the whole chain; secrets!)
    #[command(
        name = "export-credentials",
        after_long_help = "The one command that prints secrets, and only when asked to: it resolves the credentials of the active profile exactly as any other command would (assuming roles, running credential processes, exchanging sign-in tokens), then prints them. On a terminal it warns on stderr first.

Examples:
  # Give a shell (and every tool it starts) the credentials of profile prod
  $ eval \"$(bgpeer --profile prod configure export-credentials --format env)\"

  # A credential process for the aliyun CLI's External mode or the official SDKs
  $ bgpeer --profile prod configure export-credentials --format process

  # The temporary credentials and when they expire, as JSON
  $ bgpeer --profile admin configure export-credentials --format json | jq -r .Expiration"
    )]
    ExportCredentials(ExportCredentialsArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ExportCredentialsArgs {
    /// How to print them (`--output` does not apply)
    #[arg(long, value_enum, default_value_t = CredentialsFormat::Process)]
    pub format: CredentialsFormat,
}

/// The shapes `configure export-credentials` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CredentialsFormat {
    /// JSON for a credential process: {"mode","access_key_id","access_key_secret","sts_token","expiration"}
    Process,
    /// JSON: {"AccessKeyId","AccessKeySecret","SecurityToken","Expiration"}
    Json,
    /// export ALIBABA_CLOUD_ACCESS_KEY_ID=... lines for sh, bash, zsh
    Env,
    /// ALIBABA_CLOUD_ACCESS_KEY_ID=... lines (a .env file, docker --env-file)
    EnvNoExport,
    /// $Env:ALIBABA_CLOUD_ACCESS_KEY_ID="..." lines for PowerShell
    Powershell,
    /// set -gx ALIBABA_CLOUD_ACCESS_KEY_ID ... lines for fish
    Fish,
    /// set ALIBABA_CLOUD_ACCESS_KEY_ID=... lines for cmd.exe
    WindowsCmd,
}

#[derive(Debug, Clone, Default, Args)]
pub struct SetArgs {
    /// Credential mode: AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC, External, CredentialsURI
    #[arg(long, value_name = "MODE")]
    pub mode: Option<String>,

    /// AccessKey ID (AK, StsToken, RamRoleArn)
    #[arg(long, value_name = "ID")]
    pub access_key_id: Option<String>,

    /// Where to read the AccessKey secret: `stdin` (first line) or `env:VAR`
    #[arg(long, value_name = "stdin|env:VAR")]
    pub access_key_secret_from: Option<String>,

    /// Where to read the STS security token (StsToken): `stdin` or `env:VAR`
    #[arg(long, value_name = "stdin|env:VAR")]
    pub security_token_from: Option<String>,

    /// Role to assume (RamRoleArn, ChainableRamRoleArn, OIDC), acs:ram::<account>:role/<name>
    #[arg(long, value_name = "ARN")]
    pub role_arn: Option<String>,

    /// Session name for AssumeRole and AssumeRoleWithOIDC [default: bgpeer-<unix time>]
    #[arg(long, value_name = "NAME")]
    pub role_session_name: Option<String>,

    /// Lifetime of the temporary credentials in seconds (900 or more) [default: 3600]
    #[arg(long, value_name = "SECS")]
    pub duration_seconds: Option<u32>,

    /// ExternalId for AssumeRole
    #[arg(long, value_name = "ID")]
    pub external_id: Option<String>,

    /// Inline policy for AssumeRole and AssumeRoleWithOIDC (JSON)
    #[arg(long, value_name = "JSON")]
    pub policy: Option<String>,

    /// STS region (endpoint sts.<region>.aliyuncs.com)
    #[arg(long, value_name = "REGION_ID")]
    pub sts_region: Option<String>,

    /// STS endpoint, a host or URL (overrides --sts-region)
    #[arg(long, value_name = "URL")]
    pub sts_endpoint: Option<String>,

    /// RAM OIDC identity provider (OIDC), acs:ram::<account>:oidc-provider/<name>
    #[arg(long, value_name = "ARN")]
    pub oidc_provider_arn: Option<String>,

    /// File holding the OIDC token, read again on every refresh (OIDC)
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub oidc_token_file: Option<String>,

    /// Call STS at its VPC endpoint sts-vpc.<sts region>.aliyuncs.com (OIDC)
    #[arg(long)]
    pub enable_vpc: bool,

    /// Profile whose credentials assume the role (ChainableRamRoleArn)
    #[arg(long, value_name = "PROFILE")]
    pub source_profile: Option<String>,

    /// RAM role of the ECS instance (EcsRamRole) [default: discovered]
    #[arg(long, value_name = "NAME")]
    pub role_name: Option<String>,

    /// Command that prints credentials JSON (External)
    #[arg(long, value_name = "COMMAND")]
    pub process_command: Option<String>,

    /// URL that serves credentials JSON (CredentialsURI)
    #[arg(long, value_name = "URL")]
    pub credentials_uri: Option<String>,

    /// Whether shell completion asks the API for IDs (false for slow links; commands, flags and
    /// values still complete)
    #[arg(long, value_name = "BOOL")]
    pub live_completion: Option<bool>,

    /// Remove a key from the profile (repeatable), e.g. --unset endpoint
    #[arg(long, value_name = "KEY")]
    pub unset: Vec<String>,
}
