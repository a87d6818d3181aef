//! `bgpeer configure ...`

use clap::{Args, Subcommand};

/// Without a subcommand: a short wizard on a terminal.
#[derive(Debug, Args)]
#[command(
    after_help = "Settings to save come from the global flags: --profile (which profile), --region, --endpoint, --output, --signature-version, --connect-timeout, --read-timeout, --deadline, --max-attempts."
)]
pub struct ConfigureArgs {
    #[command(subcommand)]
    pub command: Option<ConfigureCommand>,
}

#[derive(Debug, Subcommand)]
pub enum ConfigureCommand {
    /// Create or update the profile named by --profile (secrets from stdin or an environment variable, never argv)
    Set(Box<SetArgs>),
    /// List profiles and where each effective setting comes from
    List,
    /// Print one effective setting of the active profile (secrets are never printed)
    Get {
        /// region, endpoint, output, signature_version, profile, mode, access_key_id, role_arn, ...
        key: String,
    },
    /// Delete a profile from bgpeer's config file
    Delete {
        /// The profile to delete
        profile: String,
    },
    /// Make a profile the current one (used when no --profile or BGPEER_PROFILE is given)
    Switch {
        /// The profile to use from now on
        profile: String,
    },
}

#[derive(Debug, Clone, Default, Args)]
pub struct SetArgs {
    /// Credential mode: AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, External, CredentialsURI
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

    /// Role to assume (RamRoleArn, ChainableRamRoleArn), acs:ram::<account>:role/<name>
    #[arg(long, value_name = "ARN")]
    pub role_arn: Option<String>,

    /// Session name for AssumeRole [default: bgpeer-<unix time>]
    #[arg(long, value_name = "NAME")]
    pub role_session_name: Option<String>,

    /// Lifetime of the temporary credentials in seconds (900 or more) [default: 3600]
    #[arg(long, value_name = "SECS")]
    pub duration_seconds: Option<u32>,

    /// ExternalId for AssumeRole
    #[arg(long, value_name = "ID")]
    pub external_id: Option<String>,

    /// Inline policy for AssumeRole (JSON)
    #[arg(long, value_name = "JSON")]
    pub policy: Option<String>,

    /// STS region (endpoint sts.<region>.aliyuncs.com)
    #[arg(long, value_name = "REGION_ID")]
    pub sts_region: Option<String>,

    /// STS endpoint, a host or URL (overrides --sts-region)
    #[arg(long, value_name = "URL")]
    pub sts_endpoint: Option<String>,

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

    /// Remove a key from the profile (repeatable), e.g. --unset endpoint
    #[arg(long, value_name = "KEY")]
    pub unset: Vec<String>,
}
