//! Credential modes and what each needs, read from bgpeer's TOML, the aliyun CLI's JSON or the
//! SDK credentials INI file into one shape.

use crate::config::{aliyun::AliyunProfile, file::Profile};
use crate::env::Env;
use crate::secret::Secret;

use super::cloud_sso::CloudSso;
use super::oauth::OAuth;
use super::oidc::{self, OidcParams};
pub use super::sts::RoleParams;
use super::CredentialsError;

/// The modes bgpeer can use, named as the aliyun CLI names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Ak,
    StsToken,
    RamRoleArn,
    ChainableRamRoleArn,
    EcsRamRole,
    Oidc,
    External,
    CredentialsUri,
    CloudSso,
    OAuth,
}

/// The modes a bgpeer profile can have.
pub const SUPPORTED: &[&str] = &[
    "AK",
    "StsToken",
    "RamRoleArn",
    "ChainableRamRoleArn",
    "EcsRamRole",
    "OIDC",
    "External",
    "CredentialsURI",
];

/// The modes only an aliyun CLI profile can have: their sign-in is the aliyun CLI's, in a
/// browser, and their tokens live in its config.json.
pub const ALIYUN_ONLY: &[&str] = &["CloudSSO", "OAuth"];

/// Modes of the aliyun CLI and SDKs that bgpeer knows of but does not implement.
const UNSUPPORTED: &[&str] = &[
    "RsaKeyPair",
    "RamRoleArnWithRoleName",
    "BearerToken",
    "Anonymous",
];

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Ak => "AK",
            Mode::StsToken => "StsToken",
            Mode::RamRoleArn => "RamRoleArn",
            Mode::ChainableRamRoleArn => "ChainableRamRoleArn",
            Mode::EcsRamRole => "EcsRamRole",
            Mode::Oidc => "OIDC",
            Mode::External => "External",
            Mode::CredentialsUri => "CredentialsURI",
            Mode::CloudSso => "CloudSSO",
            Mode::OAuth => "OAuth",
        }
    }

    /// Whether only an aliyun CLI profile can have this mode.
    pub fn aliyun_only(self) -> bool {
        matches!(self, Mode::CloudSso | Mode::OAuth)
    }

    /// Parses a mode name case-insensitively; `whence` says where it was written, for the error.
    pub fn parse(raw: &str, whence: &str) -> Result<Mode, CredentialsError> {
        Mode::parse_in(raw, whence, "use one of them")
    }

    /// [`Mode::parse`]; `fix` says what to do about a mode bgpeer cannot use, after the list of
    /// the modes it can.
    fn parse_in(raw: &str, whence: &str, fix: &str) -> Result<Mode, CredentialsError> {
        let lower = raw.trim().to_ascii_lowercase();
        let mode = match lower.as_str() {
            "ak" => Mode::Ak,
            "ststoken" => Mode::StsToken,
            "ramrolearn" => Mode::RamRoleArn,
            "chainableramrolearn" => Mode::ChainableRamRoleArn,
            "ecsramrole" => Mode::EcsRamRole,
            "oidc" => Mode::Oidc,
            "external" => Mode::External,
            "credentialsuri" => Mode::CredentialsUri,
            "cloudsso" => Mode::CloudSso,
            "oauth" => Mode::OAuth,
            _ => {
                let supported = format!(
                    "bgpeer supports {}, and in aliyun CLI profiles {}; {fix}",
                    SUPPORTED.join(", "),
                    ALIYUN_ONLY.join(" and ")
                );
                if let Some(known) = UNSUPPORTED.iter().find(|m| m.eq_ignore_ascii_case(&lower)) {
                    return Err(CredentialsError::invalid(
                        format!("credential mode {known} ({whence}) is not supported by bgpeer"),
                        supported,
                    ));
                }
                let all: Vec<&str> = SUPPORTED.iter().chain(ALIYUN_ONLY).copied().collect();
                let hint = match crate::config::file::did_you_mean(raw.trim(), &all) {
                    Some(s) => format!("did you mean {s}? {supported}"),
                    None => supported,
                };
                return Err(CredentialsError::invalid(
                    format!("unknown credential mode {raw:?} ({whence})"),
                    hint,
                ));
            }
        };
        Ok(mode)
    }
}

/// What a profile says about credentials, whatever file it came from.
#[derive(Debug, Clone)]
pub enum Spec {
    Ak {
        id: String,
        secret: Secret,
    },
    StsToken {
        id: String,
        secret: Secret,
        token: Secret,
    },
    RamRoleArn {
        id: String,
        secret: Secret,
        token: Option<Secret>,
        role: RoleParams,
    },
    ChainableRamRoleArn {
        source_profile: String,
        role: RoleParams,
    },
    EcsRamRole {
        role_name: Option<String>,
    },
    Oidc(OidcParams),
    External {
        command: String,
    },
    CredentialsUri {
        uri: String,
    },
    CloudSso(CloudSso),
    OAuth(OAuth),
}

impl Spec {
    pub fn mode(&self) -> Mode {
        match self {
            Spec::Ak { .. } => Mode::Ak,
            Spec::StsToken { .. } => Mode::StsToken,
            Spec::RamRoleArn { .. } => Mode::RamRoleArn,
            Spec::ChainableRamRoleArn { .. } => Mode::ChainableRamRoleArn,
            Spec::EcsRamRole { .. } => Mode::EcsRamRole,
            Spec::Oidc(_) => Mode::Oidc,
            Spec::External { .. } => Mode::External,
            Spec::CredentialsUri { .. } => Mode::CredentialsUri,
            Spec::CloudSso(_) => Mode::CloudSso,
            Spec::OAuth(_) => Mode::OAuth,
        }
    }
}

fn nonblank(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn s(v: &str) -> Option<String> {
    Some(v.trim().to_string()).filter(|s| !s.is_empty())
}

/// Field accessor with a clear error naming the missing key.
struct Fields<'a> {
    whence: &'a str,
    mode: Mode,
}

impl Fields<'_> {
    fn need(&self, value: Option<String>, key: &str) -> Result<String, CredentialsError> {
        value.ok_or_else(|| {
            CredentialsError::invalid(
                format!(
                    "mode {} needs `{key}` ({})",
                    self.mode.as_str(),
                    self.whence
                ),
                format!(
                    "add `{key}` to the profile, e.g. with `bgpeer configure set --profile NAME --mode {} ...`",
                    self.mode.as_str()
                ),
            )
        })
    }
}

/// The credentials of bgpeer TOML profile `name`; `Ok(None)` when it has no `mode` (settings only).
pub fn from_bgpeer(
    name: &str,
    p: &Profile,
    whence: &str,
) -> Result<Option<Spec>, CredentialsError> {
    let Some(mode) = nonblank(&p.mode) else {
        return Ok(None);
    };
    let mode = Mode::parse_in(
        &mode,
        whence,
        &format!("change it with `bgpeer configure set --profile {name} --mode MODE ...`, or select another profile with --profile"),
    )?;
    let f = Fields { whence, mode };
    let role = |f: &Fields| -> Result<RoleParams, CredentialsError> {
        Ok(RoleParams {
            role_arn: f.need(nonblank(&p.role_arn), "role_arn")?,
            session_name: nonblank(&p.role_session_name),
            duration_seconds: p.duration_seconds,
            external_id: nonblank(&p.external_id),
            policy: nonblank(&p.policy),
            sts_region: nonblank(&p.sts_region),
            sts_endpoint: nonblank(&p.sts_endpoint),
        })
    };
    let spec = match mode {
        Mode::Ak => Spec::Ak {
            id: f.need(nonblank(&p.access_key_id), "access_key_id")?,
            secret: Secret::new(f.need(nonblank(&p.access_key_secret), "access_key_secret")?),
        },
        Mode::StsToken => Spec::StsToken {
            id: f.need(nonblank(&p.access_key_id), "access_key_id")?,
            secret: Secret::new(f.need(nonblank(&p.access_key_secret), "access_key_secret")?),
            token: Secret::new(f.need(nonblank(&p.security_token), "security_token")?),
        },
        Mode::RamRoleArn => Spec::RamRoleArn {
            id: f.need(nonblank(&p.access_key_id), "access_key_id")?,
            secret: Secret::new(f.need(nonblank(&p.access_key_secret), "access_key_secret")?),
            token: nonblank(&p.security_token).map(Secret::new),
            role: role(&f)?,
        },
        Mode::ChainableRamRoleArn => Spec::ChainableRamRoleArn {
            source_profile: f.need(nonblank(&p.source_profile), "source_profile")?,
            role: role(&f)?,
        },
        Mode::EcsRamRole => Spec::EcsRamRole {
            role_name: nonblank(&p.role_name),
        },
        Mode::Oidc => {
            if let Some(d) = p.duration_seconds {
                oidc::check_duration(d, "duration_seconds", whence)?;
            }
            Spec::Oidc(OidcParams {
                role_arn: f.need(nonblank(&p.role_arn), "role_arn")?,
                provider_arn: f.need(nonblank(&p.oidc_provider_arn), "oidc_provider_arn")?,
                token_file: f
                    .need(nonblank(&p.oidc_token_file), "oidc_token_file")?
                    .into(),
                token_file_source: format!("oidc_token_file of {whence}"),
                session_name: nonblank(&p.role_session_name),
                duration_seconds: p.duration_seconds,
                policy: nonblank(&p.policy),
                sts_region: nonblank(&p.sts_region),
                sts_endpoint: nonblank(&p.sts_endpoint),
                enable_vpc: p.enable_vpc,
            })
        }
        Mode::External => Spec::External {
            command: f.need(nonblank(&p.process_command), "process_command")?,
        },
        Mode::CredentialsUri => Spec::CredentialsUri {
            uri: f.need(nonblank(&p.credentials_uri), "credentials_uri")?,
        },
        Mode::CloudSso | Mode::OAuth => return Err(only_in_aliyun_cli(name, mode, whence)),
    };
    Ok(Some(spec))
}

/// CloudSSO and OAuth in a bgpeer profile: they need the aliyun CLI's sign-in and its config.json.
fn only_in_aliyun_cli(name: &str, mode: Mode, whence: &str) -> CredentialsError {
    let site = if mode == Mode::OAuth {
        " [--oauth-site-type INTL]"
    } else {
        ""
    };
    CredentialsError::invalid(
        format!(
            "mode {} ({whence}) works only in an aliyun CLI profile: its sign-in is done in a browser by the aliyun CLI, which keeps the tokens in its config.json",
            mode.as_str()
        ),
        format!(
            "sign in with `{}`, then remove the mode from the bgpeer profile (`bgpeer configure set --profile {name} --unset mode`) so that bgpeer uses the aliyun CLI profile of the same name",
            super::sign_in::sign_in_command(name, mode.as_str(), site)
        ),
    )
}

/// An OIDC key of a file the official tools complete from the environment: the file's value, else
/// `ALIBABA_CLOUD_<env_name>` (or `ALIBABACLOUD_<env_name>`); with where the value came from.
fn oidc_key(
    value: Option<String>,
    key: &str,
    env_name: &str,
    whence: &str,
    env: &Env,
) -> Option<(String, String)> {
    value
        .map(|v| (v, format!("{key} of {whence}")))
        .or_else(|| oidc::env_fallback(env, env_name).map(|(v, var)| (v, format!("env {var}"))))
}

/// The OIDC source of an aliyun CLI profile or an SDK INI section: the file's keys, and for the
/// role, provider, token file and STS endpoint the environment variables the official tools fall
/// back to when a key is missing.
struct OidcKeys<'a> {
    role_arn: (Option<String>, &'a str),
    provider_arn: (Option<String>, &'a str),
    token_file: (Option<String>, &'a str),
    sts_endpoint: Option<String>,
}

fn oidc_from_keys(
    keys: OidcKeys<'_>,
    f: &Fields<'_>,
    env: &Env,
) -> Result<OidcParams, CredentialsError> {
    let need = |(value, key): (Option<String>, &str), env_name: &str| {
        oidc_key(value, key, env_name, f.whence, env).ok_or_else(|| {
            CredentialsError::invalid(
                format!(
                    "mode OIDC needs `{key}` or env ALIBABA_CLOUD_{env_name} ({})",
                    f.whence
                ),
                format!("add `{key}` to the profile, or set ALIBABA_CLOUD_{env_name}"),
            )
        })
    };
    let (role_arn, _) = need(keys.role_arn, "ROLE_ARN")?;
    let (provider_arn, _) = need(keys.provider_arn, "OIDC_PROVIDER_ARN")?;
    let (token_file, token_file_source) = need(keys.token_file, "OIDC_TOKEN_FILE")?;
    Ok(OidcParams {
        role_arn,
        provider_arn,
        token_file: token_file.into(),
        token_file_source,
        sts_endpoint: keys
            .sts_endpoint
            .or_else(|| oidc::env_fallback(env, "STS_ENDPOINT").map(|(v, _)| v)),
        ..Default::default()
    })
}

/// The credentials of an aliyun CLI profile (its JSON keys); `Ok(None)` when it has none. `env`
/// completes an OIDC profile, as the aliyun CLI and the credentials libraries do.
pub fn from_aliyun(
    p: &AliyunProfile,
    whence: &str,
    env: &Env,
) -> Result<Option<Spec>, CredentialsError> {
    let mode = p.effective_mode();
    if mode.is_empty() {
        return Ok(None);
    }
    let mode = Mode::parse_in(
        &mode,
        whence,
        &format!(
            "switch the profile to one of them with `aliyun configure --profile {}`, or select another profile (--profile, ALIBABA_CLOUD_PROFILE)",
            p.name
        ),
    )?;
    let f = Fields { whence, mode };
    let role = |f: &Fields| -> Result<RoleParams, CredentialsError> {
        Ok(RoleParams {
            role_arn: f.need(s(&p.ram_role_arn), "ram_role_arn")?,
            session_name: s(&p.ram_session_name),
            duration_seconds: Some(p.expired_seconds).filter(|d| *d > 0),
            external_id: s(&p.external_id),
            policy: None,
            sts_region: s(&p.sts_region),
            sts_endpoint: None,
        })
    };
    let spec = match mode {
        Mode::Ak => Spec::Ak {
            id: f.need(s(&p.access_key_id), "access_key_id")?,
            secret: Secret::new(f.need(s(&p.access_key_secret), "access_key_secret")?),
        },
        Mode::StsToken => Spec::StsToken {
            id: f.need(s(&p.access_key_id), "access_key_id")?,
            secret: Secret::new(f.need(s(&p.access_key_secret), "access_key_secret")?),
            token: Secret::new(f.need(s(&p.sts_token), "sts_token")?),
        },
        Mode::RamRoleArn => Spec::RamRoleArn {
            id: f.need(s(&p.access_key_id), "access_key_id")?,
            secret: Secret::new(f.need(s(&p.access_key_secret), "access_key_secret")?),
            token: s(&p.sts_token).map(Secret::new),
            role: role(&f)?,
        },
        Mode::ChainableRamRoleArn => Spec::ChainableRamRoleArn {
            source_profile: f.need(s(&p.source_profile), "source_profile")?,
            role: role(&f)?,
        },
        Mode::EcsRamRole => Spec::EcsRamRole {
            role_name: s(&p.ram_role_name),
        },
        Mode::Oidc => {
            if p.expired_seconds > 0 {
                oidc::check_duration(p.expired_seconds, "expired_seconds", whence)?;
            }
            let enable_vpc = p.enable_vpc().map_err(|m| {
                CredentialsError::invalid(
                    format!("{m} ({whence})"),
                    "write \"enable_vpc\": true or false, or remove it",
                )
            })?;
            let keys = OidcKeys {
                role_arn: (s(&p.ram_role_arn), "ram_role_arn"),
                provider_arn: (s(&p.oidc_provider_arn), "oidc_provider_arn"),
                token_file: (s(&p.oidc_token_file), "oidc_token_file"),
                sts_endpoint: s(&p.sts_endpoint),
            };
            Spec::Oidc(OidcParams {
                // The aliyun CLI writes ram_session_name; the Python library reads role_session_name.
                session_name: s(&p.ram_session_name).or_else(|| s(&p.role_session_name)),
                duration_seconds: Some(p.expired_seconds).filter(|d| *d > 0),
                policy: s(&p.policy),
                sts_region: s(&p.sts_region),
                enable_vpc,
                ..oidc_from_keys(keys, &f, env)?
            })
        }
        Mode::External => Spec::External {
            command: f.need(s(&p.process_command), "process_command")?,
        },
        Mode::CredentialsUri => Spec::CredentialsUri {
            uri: f.need(s(&p.credentials_uri), "credentials_uri")?,
        },
        Mode::CloudSso => Spec::CloudSso(CloudSso::from_profile(p, whence)?),
        Mode::OAuth => Spec::OAuth(OAuth::from_profile(p, whence)?),
    };
    Ok(Some(spec))
}

/// The credentials of a section of the SDK credentials INI file (`type = access_key | sts |
/// ecs_ram_role | ram_role_arn | oidc_role_arn`); `env` completes an `oidc_role_arn` section, as
/// the credentials libraries do.
pub fn from_ini(
    get: &dyn Fn(&str) -> Option<String>,
    whence: &str,
    env: &Env,
) -> Result<Spec, CredentialsError> {
    const TYPES: &str = "access_key, sts, ecs_ram_role, ram_role_arn or oidc_role_arn";
    let kind = get("type").unwrap_or_default();
    let mode = match kind.to_ascii_lowercase().as_str() {
        "access_key" => Mode::Ak,
        "sts" => Mode::StsToken,
        "ecs_ram_role" => Mode::EcsRamRole,
        "ram_role_arn" => Mode::RamRoleArn,
        "oidc_role_arn" => Mode::Oidc,
        "rsa_key_pair" | "bearer" => {
            return Err(CredentialsError::invalid(
                format!("credentials type {kind} ({whence}) is not supported by bgpeer"),
                format!("use type = {TYPES}"),
            ))
        }
        "" => {
            return Err(CredentialsError::invalid(
                format!("no `type` ({whence})"),
                format!("add type = access_key (or {TYPES})"),
            ))
        }
        other => {
            return Err(CredentialsError::invalid(
                format!("unknown credentials type {other:?} ({whence})"),
                format!("use type = {TYPES}"),
            ))
        }
    };
    let f = Fields { whence, mode };
    let need = |key: &str| f.need(get(key), key);
    Ok(match mode {
        Mode::Ak => Spec::Ak {
            id: need("access_key_id")?,
            secret: Secret::new(need("access_key_secret")?),
        },
        Mode::StsToken => Spec::StsToken {
            id: need("access_key_id")?,
            secret: Secret::new(need("access_key_secret")?),
            token: Secret::new(need("security_token")?),
        },
        Mode::EcsRamRole => Spec::EcsRamRole {
            role_name: get("role_name"),
        },
        Mode::Oidc => {
            let keys = OidcKeys {
                role_arn: (get("role_arn"), "role_arn"),
                provider_arn: (get("oidc_provider_arn"), "oidc_provider_arn"),
                token_file: (get("oidc_token_file_path"), "oidc_token_file_path"),
                sts_endpoint: None,
            };
            Spec::Oidc(OidcParams {
                session_name: get("role_session_name"),
                policy: get("policy"),
                sts_region: get("sts_region"),
                ..oidc_from_keys(keys, &f, env)?
            })
        }
        _ => Spec::RamRoleArn {
            id: need("access_key_id")?,
            secret: Secret::new(need("access_key_secret")?),
            token: None,
            role: RoleParams {
                role_arn: need("role_arn")?,
                session_name: get("role_session_name"),
                duration_seconds: None,
                external_id: get("external_id"),
                policy: get("policy"),
                sts_region: get("sts_region"),
                sts_endpoint: None,
            },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_parse_case_insensitively_and_unsupported_ones_are_named() {
        assert_eq!(Mode::parse("ak", "x").unwrap(), Mode::Ak);
        assert_eq!(
            Mode::parse("CredentialsURI", "x").unwrap(),
            Mode::CredentialsUri
        );
        assert_eq!(Mode::parse("cloudsso", "x").unwrap(), Mode::CloudSso);
        assert_eq!(Mode::parse("oidc", "x").unwrap(), Mode::Oidc);
        let e = Mode::parse("RsaKeyPair", "profile p")
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "credential mode RsaKeyPair (profile p) is not supported by bgpeer"
        );
        let e = Mode::parse("StsTokn", "profile p").unwrap_err();
        assert!(
            crate::exit::Diagnose::hint(&e)
                .unwrap()
                .starts_with("did you mean StsToken?"),
            "{e:?}"
        );
    }

    #[test]
    fn missing_fields_are_named() {
        let p = Profile {
            mode: Some("AK".into()),
            access_key_id: Some("LTAIxxxxxxxx".into()),
            ..Default::default()
        };
        let e = from_bgpeer("p", &p, "profile p in f")
            .unwrap_err()
            .to_string();
        assert_eq!(e, "mode AK needs `access_key_secret` (profile p in f)");
    }
}
