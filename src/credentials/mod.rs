//! The credential chain and one provider per source.
//!
//! Order: environment AccessKey > environment OIDC (`ALIBABA_CLOUD_ROLE_ARN`,
//! `_OIDC_PROVIDER_ARN`, `_OIDC_TOKEN_FILE`) > the selected bgpeer profile > the same-named
//! profile of the aliyun CLI's config.json > the SDK credentials INI file > the ECS instance RAM
//! role > `ALIBABA_CLOUD_CREDENTIALS_URI`, the official chain's order. A profile named with
//! `--profile` brings its own credentials (the environment is skipped) and never falls through to
//! the instance role or the URI.

pub mod cloud_sso;
pub mod external;
pub mod mode;
pub mod oauth;
pub mod oidc;
pub mod remote;
pub mod sign_in;
pub mod sts;

use std::path::PathBuf;

use crate::clock::Clock;
use crate::config::{self, aliyun::LoadedAliyun, file, ConfigError};
use crate::env::Env;
use crate::exit::{Diagnose, Exit};
use crate::secret::Secret;
use crate::settings::Settings;

use mode::Spec;

pub use crate::client::Credentials;

#[derive(Debug, thiserror::Error)]
pub enum CredentialsError {
    /// Every source was tried and none gave credentials.
    #[error("no credentials found; tried, in order:\n{}", numbered(tried))]
    NotFound { tried: Vec<String>, profile: String },
    /// A source exists but is unusable (missing field, unknown mode, failing process...).
    #[error("{message}")]
    Invalid { message: String, hint: String },
    /// STS refused or could not be reached.
    #[error("cannot assume role {role_arn}")]
    AssumeRole {
        role_arn: String,
        #[source]
        source: Box<crate::client::ClientError>,
    },
    /// STS refused the OIDC token (or the role, or the provider), or could not be reached.
    #[error("cannot assume role {role_arn} with the OIDC token in {token_file}")]
    AssumeRoleWithOidc {
        role_arn: String,
        provider_arn: String,
        /// The file and where it was named: `/var/run/.../token (env ALIBABA_CLOUD_OIDC_TOKEN_FILE)`.
        token_file: String,
        #[source]
        source: Box<crate::client::ClientError>,
    },
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A CloudSSO or OAuth sign-in service refused or failed, or a browser sign-in is needed.
    #[error(transparent)]
    SignIn(Box<sign_in::SignInError>),
}

fn numbered(tried: &[String]) -> String {
    tried
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}. {t}", i + 1))
        .collect::<Vec<_>>()
        .join("\n")
}

impl CredentialsError {
    pub fn invalid(message: impl Into<String>, hint: impl Into<String>) -> Self {
        CredentialsError::Invalid {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl Diagnose for CredentialsError {
    fn exit(&self) -> Exit {
        match self {
            CredentialsError::SignIn(e) => e.exit(),
            _ => Exit::Auth,
        }
    }
    fn code(&self) -> Option<&str> {
        match self {
            CredentialsError::SignIn(e) => e.code(),
            _ => self.sts_error().and_then(|e| e.code()),
        }
    }
    fn request_id(&self) -> Option<&str> {
        match self {
            CredentialsError::SignIn(e) => e.request_id(),
            _ => self.sts_error().and_then(|e| e.request_id()),
        }
    }
    fn http_status(&self) -> Option<u16> {
        match self {
            CredentialsError::SignIn(e) => e.http_status(),
            _ => self.sts_error().and_then(|e| e.http_status()),
        }
    }
    fn recommend(&self) -> Option<&str> {
        match self {
            CredentialsError::SignIn(e) => e.recommend(),
            _ => self.sts_error().and_then(|e| e.recommend()),
        }
    }
    fn hint(&self) -> Option<String> {
        match self {
            CredentialsError::NotFound { profile, .. } => Some(format!(
                "run `bgpeer configure` (or, in a script, `bgpeer configure set --profile {profile} --mode AK --access-key-id ID --access-key-secret-from stdin`), or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET; `--profile emulator` needs no credentials"
            )),
            CredentialsError::Invalid { hint, .. } => Some(hint.clone()),
            CredentialsError::AssumeRole { source, .. } => Some(
                source
                    .hint()
                    .unwrap_or_else(|| "check role_arn and that the source credentials may assume it (AliyunSTSAssumeRoleAccess)".to_string()),
            ),
            CredentialsError::AssumeRoleWithOidc {
                role_arn,
                provider_arn,
                token_file,
                source,
            } => oidc::hint(source.code(), role_arn, provider_arn, token_file)
                .or_else(|| source.hint())
                .or_else(|| Some(format!(
                    "check role_arn, oidc_provider_arn and the token in {token_file}"
                ))),
            CredentialsError::Config(e) => e.hint(),
            CredentialsError::SignIn(e) => e.hint(),
        }
    }
}

impl CredentialsError {
    /// The STS call's error, for the errors that are one.
    fn sts_error(&self) -> Option<&crate::client::ClientError> {
        match self {
            CredentialsError::AssumeRole { source, .. }
            | CredentialsError::AssumeRoleWithOidc { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Where a named profile is looked up when a ChainableRamRoleArn names its source profile.
#[derive(Clone, Copy)]
enum Origin<'a> {
    Bgpeer(&'a file::Loaded),
    Aliyun(&'a LoadedAliyun),
}

impl Origin<'_> {
    fn whence(&self, name: &str) -> String {
        match self {
            Origin::Bgpeer(l) => format!("profile {name} in {}", config::shown(&l.path)),
            Origin::Aliyun(a) => format!("aliyun CLI profile {name} in {}", config::shown(&a.path)),
        }
    }

    fn spec_of(&self, name: &str, env: &Env) -> Result<Option<Spec>, CredentialsError> {
        let whence = self.whence(name);
        match self {
            Origin::Bgpeer(l) => match l.profile(name) {
                Some(p) => mode::from_bgpeer(name, p, &whence),
                None => Ok(None),
            },
            Origin::Aliyun(a) => match a.profile(name) {
                Some(p) => mode::from_aliyun(p, &whence, env),
                None => Ok(None),
            },
        }
    }
}

/// Walks the credential chain for the resolved settings.
pub async fn resolve(settings: &Settings, env: &Env) -> Result<Credentials, CredentialsError> {
    resolve_with(
        settings,
        env,
        crate::client::DebugLog::off(),
        &Clock::system(),
    )
    .await
}

/// The SDK credentials INI file: `ALIBABA_CLOUD_CREDENTIALS_FILE`, else
/// `~/.alibabacloud/credentials.ini` (Python, Java), else `~/.alibabacloud/credentials` (Go).
pub fn ini_path(env: &Env) -> PathBuf {
    if let Some(p) = env.get_nonblank("ALIBABA_CLOUD_CREDENTIALS_FILE") {
        return PathBuf::from(p);
    }
    let dir = config::home_dir(env).join(".alibabacloud");
    let ini = dir.join("credentials.ini");
    if ini.exists() {
        return ini;
    }
    let go = dir.join("credentials");
    if go.exists() {
        go
    } else {
        ini
    }
}

/// Like [`resolve`]; `debug` logs the STS calls, which are signed with `clock`'s time, and
/// cached STS credentials are judged fresh by it.
pub async fn resolve_with(
    settings: &Settings,
    env: &Env,
    debug: crate::client::DebugLog,
    clock: &Clock,
) -> Result<Credentials, CredentialsError> {
    let name = settings.profile.value.as_str();
    let pinned = settings.profile_from_flag();
    let sts_options = sts::StsOptions {
        debug,
        retry_base_delay: settings.retry_base_delay(),
        clock: clock.clone(),
        trust: settings.trust(),
    };
    let mut tried: Vec<String> = Vec::new();

    // 1. Environment (a blank variable counts as unset).
    const ID: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    const SECRET: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    if pinned {
        tried.push(format!(
            "env {ID}/_SECRET: skipped, --profile {name} brings its own credentials"
        ));
    } else {
        match (env.get_nonblank(ID), env.get_nonblank(SECRET)) {
            (Some(id), Some(secret)) => {
                return Ok(Credentials {
                    access_key_id: id.trim().to_string(),
                    access_key_secret: Secret::new(secret.trim()),
                    security_token: env
                        .get_nonblank("ALIBABA_CLOUD_SECURITY_TOKEN")
                        .map(|t| Secret::new(t.trim())),
                    expiration: None,
                    source: format!("env {ID}"),
                })
            }
            // Half a key pair in the environment is a mistake, not a reason to quietly use a
            // profile that may belong to another account (the official env provider refuses too).
            (Some(_), None) | (None, Some(_)) => {
                let (set, unset) = if env.get_nonblank(ID).is_some() {
                    (ID, SECRET)
                } else {
                    (SECRET, ID)
                };
                return Err(CredentialsError::Invalid {
                    message: format!("{set} is set but {unset} is not (or is blank)"),
                    hint: format!(
                        "set both {ID} and {SECRET}, or unset {set} to use the configured profile"
                    ),
                });
            }
            (None, None) => tried.push(format!("env {ID}/_SECRET: not set")),
        }
    }

    // 2. OIDC from the environment (an ACK pod with RRSA), as the official chain does.
    const OIDC_VARS: &str = "env ALIBABA_CLOUD_ROLE_ARN/_OIDC_PROVIDER_ARN/_OIDC_TOKEN_FILE";
    if pinned {
        tried.push(format!(
            "{OIDC_VARS}: skipped, --profile {name} brings its own credentials"
        ));
    } else {
        match oidc::from_env(env) {
            oidc::FromEnv::Set(params) => {
                let mut creds =
                    oidc::assume_role_with_oidc(&params, env, sts_options.clone()).await?;
                creds.source = format!("env {} (OIDC)", oidc::TOKEN_FILE_ENV);
                return Ok(creds);
            }
            oidc::FromEnv::NotSet => tried.push(format!("{OIDC_VARS}: not set")),
            oidc::FromEnv::Incomplete { missing } => tried.push(format!(
                "{OIDC_VARS}: incomplete, {} not set",
                missing.join(" and ")
            )),
        }
    }

    // 3. The selected bgpeer profile.
    let bgpeer = Origin::Bgpeer(&settings.config);
    let bgpeer_path = config::shown(&settings.config.path);
    match settings.config.profile(name) {
        Some(p) => {
            let whence = bgpeer.whence(name);
            match mode::from_bgpeer(name, p, &whence)? {
                Some(spec) => return obtain(spec, bgpeer, name, env, sts_options.clone()).await,
                None => tried.push(format!("{whence}: no credentials (no mode set)")),
            }
        }
        None if settings.config.file.is_none() => {
            tried.push(format!("bgpeer config {bgpeer_path}: no such file"))
        }
        None => tried.push(format!("bgpeer config {bgpeer_path}: no profile {name}")),
    }

    // 4. The same-named profile of the aliyun CLI.
    let aliyun_path = config::aliyun_config_path(env);
    if config::aliyun_disabled(env) {
        tried.push(format!(
            "aliyun CLI config {}: skipped (ALIBABA_CLOUD_CLI_PROFILE_DISABLED)",
            config::shown(&aliyun_path)
        ));
    } else {
        match config::load_aliyun(env)? {
            None => tried.push(format!(
                "aliyun CLI config {}: no such file",
                config::shown(&aliyun_path)
            )),
            Some(a) => {
                let origin = Origin::Aliyun(&a);
                match origin.spec_of(name, env)? {
                    Some(spec) => {
                        return obtain(spec, origin, name, env, sts_options.clone()).await
                    }
                    None if a.profile(name).is_some() => {
                        tried.push(format!("{}: no credentials", origin.whence(name)))
                    }
                    None => tried.push(format!(
                        "aliyun CLI config {}: no profile {name}",
                        config::shown(&a.path)
                    )),
                }
            }
        }
    }

    // 5. The SDK credentials INI file, section = the profile name.
    let ini = ini_path(env);
    match ini::Ini::load_from_file(&ini) {
        Err(ini::Error::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => tried.push(format!(
            "credentials file {}: no such file",
            config::shown(&ini)
        )),
        Err(e) => {
            return Err(CredentialsError::invalid(
                format!("invalid credentials file {}: {e}", config::shown(&ini)),
                "fix the file, or point ALIBABA_CLOUD_CREDENTIALS_FILE elsewhere".to_string(),
            ))
        }
        Ok(doc) => match doc.section(Some(name)) {
            None => tried.push(format!(
                "credentials file {}: no section [{name}]",
                config::shown(&ini)
            )),
            Some(props) => {
                let whence = format!("section [{name}] of {}", config::shown(&ini));
                let get = |k: &str| {
                    props
                        .get(k)
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(str::to_string)
                };
                let spec = mode::from_ini(&get, &whence, env)?;
                let mut creds = obtain_base(&spec, &whence, env, sts_options.clone()).await?;
                creds.source = format!("{whence} ({})", spec.mode().as_str());
                return Ok(creds);
            }
        },
    }

    if pinned {
        return Err(CredentialsError::NotFound {
            tried,
            profile: name.to_string(),
        });
    }

    // 6. The ECS instance RAM role.
    if env.is_true("ALIBABA_CLOUD_ECS_METADATA_DISABLED") {
        tried.push("ECS instance RAM role: skipped (ALIBABA_CLOUD_ECS_METADATA_DISABLED)".into());
    } else {
        match remote::imds(env, None).await {
            Ok(c) => return Ok(c),
            Err(remote::ImdsFailure::Unreachable(m)) => {
                tried.push(format!("ECS instance RAM role: {m}"))
            }
            Err(remote::ImdsFailure::Failed(m)) => {
                tried.push(format!("ECS instance RAM role: {m}"))
            }
        }
    }

    // 7. A credentials URI.
    match env.get_nonblank("ALIBABA_CLOUD_CREDENTIALS_URI") {
        Some(uri) => return remote::credentials_uri(uri.trim(), &sts_options.trust).await,
        None => tried.push("env ALIBABA_CLOUD_CREDENTIALS_URI: not set".into()),
    }

    Err(CredentialsError::NotFound {
        tried,
        profile: name.to_string(),
    })
}

/// Turns a profile's spec into credentials, following ChainableRamRoleArn source profiles.
async fn obtain(
    spec: Spec,
    origin: Origin<'_>,
    name: &str,
    env: &Env,
    sts_options: sts::StsOptions,
) -> Result<Credentials, CredentialsError> {
    let top_whence = origin.whence(name);
    let top_mode = spec.mode();
    let mut roles = Vec::new();
    let mut seen = vec![name.to_string()];
    let mut current = spec;
    let mut current_name = name.to_string();
    while let Spec::ChainableRamRoleArn {
        source_profile,
        role,
    } = current
    {
        roles.push(role);
        if seen.contains(&source_profile) {
            return Err(CredentialsError::invalid(
                format!(
                    "source_profile loop: {} -> {source_profile} ({top_whence})",
                    seen.join(" -> ")
                ),
                "make the chain end in a profile with its own credentials (e.g. mode AK)"
                    .to_string(),
            ));
        }
        seen.push(source_profile.clone());
        current = origin.spec_of(&source_profile, env)?.ok_or_else(|| {
            CredentialsError::invalid(
                format!(
                    "source_profile {source_profile} of {} has no credentials or does not exist",
                    origin.whence(&current_name)
                ),
                format!("create it, e.g. `bgpeer configure set --profile {source_profile} --mode AK ...`"),
            )
        })?;
        current_name = source_profile;
    }
    let base_whence = origin.whence(&current_name);
    let mut creds = obtain_base(&current, &base_whence, env, sts_options.clone()).await?;
    for role in roles.iter().rev() {
        creds = sts::assume_role(&creds, role, env, sts_options.clone()).await?;
    }
    creds.source = format!("{top_whence} ({})", top_mode.as_str());
    Ok(creds)
}

/// Credentials of a non-chained spec.
async fn obtain_base(
    spec: &Spec,
    whence: &str,
    env: &Env,
    sts_options: sts::StsOptions,
) -> Result<Credentials, CredentialsError> {
    let plain = |id: &str, secret: &Secret, token: Option<&Secret>| Credentials {
        access_key_id: id.to_string(),
        access_key_secret: secret.clone(),
        security_token: token.cloned(),
        expiration: None,
        source: whence.to_string(),
    };
    match spec {
        Spec::Ak { id, secret } => Ok(plain(id, secret, None)),
        Spec::StsToken { id, secret, token } => Ok(plain(id, secret, Some(token))),
        Spec::RamRoleArn {
            id,
            secret,
            token,
            role,
        } => {
            sts::assume_role(
                &plain(id, secret, token.as_ref()),
                role,
                env,
                sts_options.clone(),
            )
            .await
        }
        Spec::ChainableRamRoleArn { .. } => Err(CredentialsError::invalid(
            format!("mode ChainableRamRoleArn is not allowed here ({whence})"),
            "use it in bgpeer's config or the aliyun CLI's config".to_string(),
        )),
        Spec::EcsRamRole { role_name } => {
            if env.is_true("ALIBABA_CLOUD_ECS_METADATA_DISABLED") {
                return Err(CredentialsError::invalid(
                    format!("mode EcsRamRole ({whence}) needs the instance metadata service, which ALIBABA_CLOUD_ECS_METADATA_DISABLED turns off"),
                    "unset ALIBABA_CLOUD_ECS_METADATA_DISABLED, or use another mode".to_string(),
                ));
            }
            remote::imds(env, role_name.as_deref()).await.map_err(|e| {
                let m = match e {
                    remote::ImdsFailure::Unreachable(m) | remote::ImdsFailure::Failed(m) => m,
                };
                CredentialsError::invalid(
                    format!("cannot get the ECS instance RAM role credentials ({whence}): {m}"),
                    "EcsRamRole works only on an ECS instance with a RAM role attached; check role_name".to_string(),
                )
            })
        }
        Spec::Oidc(params) => oidc::assume_role_with_oidc(params, env, sts_options).await,
        Spec::External { command } => external::run(command, whence, env).await,
        Spec::CredentialsUri { uri } => remote::credentials_uri(uri, &sts_options.trust).await,
        Spec::CloudSso(sso) => cloud_sso::credentials(sso, whence, env, &sts_options).await,
        Spec::OAuth(o) => oauth::credentials(o, whence, env, &sts_options).await,
    }
}

/// Whether the chain can resolve credentials for `settings` quietly, decided without running or
/// contacting anything: without running a program of the user's (mode External, which may ask
/// for a password on the terminal and writes to our stderr) and without spending an OAuth refresh
/// token (a refresh cut short would lose the sign-in: the old token stops working before the new
/// one is saved). Live shell completion resolves credentials only when this holds. A source the
/// chain would refuse counts as quiet: it fails without running anything.
pub fn resolves_quietly(
    settings: &Settings,
    env: &Env,
    now: chrono::DateTime<chrono::Utc>,
) -> bool {
    if settings.is_emulator() && settings.endpoint.is_none() {
        return true;
    }
    if !settings.profile_from_flag() {
        let key_pair = env.get_nonblank("ALIBABA_CLOUD_ACCESS_KEY_ID").is_some()
            || env
                .get_nonblank("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
                .is_some();
        if key_pair || matches!(oidc::from_env(env), oidc::FromEnv::Set(_)) {
            return true;
        }
    }
    let name = settings.profile.value.as_str();
    let bgpeer = Origin::Bgpeer(&settings.config);
    match bgpeer.spec_of(name, env) {
        Ok(Some(spec)) => return quiet_spec(spec, bgpeer, env, now),
        Ok(None) => {}
        Err(_) => return true,
    }
    if let Ok(Some(aliyun)) = config::load_aliyun(env) {
        let origin = Origin::Aliyun(&aliyun);
        return match origin.spec_of(name, env) {
            Ok(Some(spec)) => quiet_spec(spec, origin, env, now),
            Ok(None) | Err(_) => true,
        };
    }
    // The credentials file, the instance role and a credentials URI run no program of the user's.
    true
}

/// [`resolves_quietly`] for a profile's spec, following ChainableRamRoleArn source profiles.
fn quiet_spec(
    mut spec: Spec,
    origin: Origin<'_>,
    env: &Env,
    now: chrono::DateTime<chrono::Utc>,
) -> bool {
    // A longer chain is a loop, which the chain refuses without running anything.
    for _ in 0..16 {
        match spec {
            Spec::ChainableRamRoleArn { source_profile, .. } => {
                match origin.spec_of(&source_profile, env) {
                    Ok(Some(next)) => spec = next,
                    Ok(None) | Err(_) => return true,
                }
            }
            Spec::External { .. } => return false,
            Spec::OAuth(o) => return o.fresh_cached(now).is_some(),
            _ => return true,
        }
    }
    true
}

/// Where the chain would take credentials from, decided without running a process or contacting
/// anything (for `configure list`): the source and the masked key id when it is known. A CloudSSO
/// or OAuth sign-in is judged at `now`.
pub fn planned_source(
    settings: &Settings,
    env: &Env,
    now: chrono::DateTime<chrono::Utc>,
) -> (String, Option<String>) {
    let mask = |id: &str| Some(crate::secret::mask_key_id(id)).filter(|_| !id.is_empty());
    if settings.is_emulator() && settings.endpoint.is_none() {
        return ("built-in profile emulator".to_string(), None);
    }
    let name = settings.profile.value.as_str();
    if !settings.profile_from_flag() {
        if let (Some(id), Some(_)) = (
            env.get_nonblank("ALIBABA_CLOUD_ACCESS_KEY_ID"),
            env.get_nonblank("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
        ) {
            return (
                "env ALIBABA_CLOUD_ACCESS_KEY_ID".to_string(),
                mask(id.trim()),
            );
        }
        if let oidc::FromEnv::Set(_) = oidc::from_env(env) {
            return (format!("env {} (OIDC)", oidc::TOKEN_FILE_ENV), None);
        }
    }
    let bgpeer = Origin::Bgpeer(&settings.config);
    if let Some(p) = settings.config.profile(name) {
        if let Some(m) = p.mode.as_deref().filter(|m| !m.trim().is_empty()) {
            return (
                format!("{} ({m})", bgpeer.whence(name)),
                p.access_key_id.as_deref().and_then(mask),
            );
        }
    }
    if let Ok(Some(a)) = config::load_aliyun(env) {
        if let Some(p) = a.profile(name) {
            let m = p.effective_mode();
            let whence = Origin::Aliyun(&a).whence(name);
            match mode::from_aliyun(p, &whence, env) {
                Ok(Some(Spec::CloudSso(sso))) => {
                    return (format!("{whence} ({m}: {})", sso.status(now)), None)
                }
                Ok(Some(Spec::OAuth(o))) => {
                    let (status, id) = o.status(now);
                    return (
                        format!("{whence} ({m}: {status})"),
                        id.as_deref().and_then(mask),
                    );
                }
                _ if !m.is_empty() => return (format!("{whence} ({m})"), mask(&p.access_key_id)),
                _ => {}
            }
        }
    }
    (
        "decided at call time (credentials file, ECS RAM role or credentials URI); run `bgpeer whoami`"
            .to_string(),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_program_of_the_users_or_an_oauth_refresh_is_not_quiet() {
        let text = r#"
[profiles.ak]
mode = "AK"
access_key_id = "LTAI5tExample"
access_key_secret = "s"
[profiles.ext]
mode = "External"
process_command = "op read secret"
[profiles.via-ext]
mode = "ChainableRamRoleArn"
source_profile = "ext"
role_arn = "acs:ram::1234567890123456:role/r"
[profiles.via-ak]
mode = "ChainableRamRoleArn"
source_profile = "ak"
role_arn = "acs:ram::1234567890123456:role/r"
"#;
        let path = std::path::Path::new("/cfg/config.toml");
        let env = Env::from_pairs([(
            "ALIBABA_CLOUD_CLI_PROFILE_DISABLED".to_string(),
            "true".to_string(),
        )]);
        let quiet = |profile: &str| {
            let loaded = file::Loaded {
                path: path.to_path_buf(),
                file: Some(file::parse(path, text).unwrap()),
                warnings: Vec::new(),
            };
            let overrides = crate::settings::Overrides {
                profile: Some(profile.to_string()),
                ..Default::default()
            };
            let settings = crate::settings::resolve_with(&overrides, &env, loaded).unwrap();
            resolves_quietly(&settings, &env, chrono::Utc::now())
        };
        assert!(quiet("ak"));
        assert!(quiet("via-ak"));
        assert!(quiet("emulator"));
        assert!(quiet("nowhere"));
        assert!(!quiet("ext"));
        assert!(!quiet("via-ext"));
    }

    #[test]
    fn not_found_lists_every_source_in_order() {
        let e = CredentialsError::NotFound {
            tried: vec!["env: not set".into(), "file: missing".into()],
            profile: "default".into(),
        };
        assert_eq!(
            e.to_string(),
            "no credentials found; tried, in order:\n1. env: not set\n2. file: missing"
        );
        assert!(e.hint().unwrap().contains("bgpeer configure"));
        assert_eq!(e.exit(), Exit::Auth);
    }
}
