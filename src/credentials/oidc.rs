//! OIDC role credentials (RRSA: RAM roles for service accounts in ACK pods): an OIDC token read
//! from a file is exchanged for temporary credentials with STS `AssumeRoleWithOIDC`, an anonymous
//! call (the token is the credential). The answer is cached like AssumeRole's (`sts.rs`) and the
//! token file is read again on every refresh, since the kubelet rotates it.

use std::path::PathBuf;

use crate::client::{self, ClientError};
use crate::config;
use crate::env::Env;
use crate::secret::Secret;

use super::sts::{self, StsOptions};
use super::{Credentials, CredentialsError};

pub const ROLE_ARN_ENV: &str = "ALIBABA_CLOUD_ROLE_ARN";
pub const PROVIDER_ARN_ENV: &str = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
pub const TOKEN_FILE_ENV: &str = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";
pub const SESSION_NAME_ENV: &str = "ALIBABA_CLOUD_ROLE_SESSION_NAME";
pub const STS_REGION_ENV: &str = "ALIBABA_CLOUD_STS_REGION";
pub const VPC_ENDPOINT_ENV: &str = "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED";

use crate::protocol::ASSUME_ROLE_WITH_OIDC as ACTION;

/// What an OIDC source says: the role, the identity provider, where the token is, and the STS
/// parameters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OidcParams {
    pub role_arn: String,
    pub provider_arn: String,
    pub token_file: PathBuf,
    /// Where the token file was named, for errors: `env ALIBABA_CLOUD_OIDC_TOKEN_FILE`, or
    /// `oidc_token_file of profile p in ~/.config/bgpeer/config.toml`.
    pub token_file_source: String,
    /// `None`: `ALIBABA_CLOUD_ROLE_SESSION_NAME`, else `bgpeer-<unix time>`.
    pub session_name: Option<String>,
    /// `None`: 3600.
    pub duration_seconds: Option<u32>,
    pub policy: Option<String>,
    pub sts_region: Option<String>,
    pub sts_endpoint: Option<String>,
    /// `None`: `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED`.
    pub enable_vpc: Option<bool>,
}

/// What the environment says about OIDC credentials (the official chain's second source).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FromEnv {
    /// None of the three variables is set.
    NotSet,
    /// Some are set, these are not: the chain moves on, as the official libraries do.
    Incomplete {
        missing: Vec<&'static str>,
    },
    Set(OidcParams),
}

/// The OIDC source of the environment: `ALIBABA_CLOUD_ROLE_ARN`,
/// `ALIBABA_CLOUD_OIDC_PROVIDER_ARN` and `ALIBABA_CLOUD_OIDC_TOKEN_FILE`, all non-blank, with
/// `ALIBABA_CLOUD_ROLE_SESSION_NAME`, `ALIBABA_CLOUD_STS_REGION` and
/// `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED` read when the call is made.
pub fn from_env(env: &Env) -> FromEnv {
    let get = |name: &str| env.get_nonblank(name).map(|v| v.trim().to_string());
    let (role, provider, file) = (
        get(ROLE_ARN_ENV),
        get(PROVIDER_ARN_ENV),
        get(TOKEN_FILE_ENV),
    );
    match (role, provider, file) {
        (Some(role_arn), Some(provider_arn), Some(file)) => FromEnv::Set(OidcParams {
            role_arn,
            provider_arn,
            token_file: PathBuf::from(file),
            token_file_source: format!("env {TOKEN_FILE_ENV}"),
            ..Default::default()
        }),
        (None, None, None) => FromEnv::NotSet,
        (role, provider, file) => FromEnv::Incomplete {
            missing: [
                (ROLE_ARN_ENV, role.is_none()),
                (PROVIDER_ARN_ENV, provider.is_none()),
                (TOKEN_FILE_ENV, file.is_none()),
            ]
            .into_iter()
            .filter(|(_, missing)| *missing)
            .map(|(name, _)| name)
            .collect(),
        },
    }
}

/// A value a config file leaves out, taken from the environment as the official tools do
/// (`ALIBABA_CLOUD_<NAME>`, or the aliyun CLI's `ALIBABACLOUD_<NAME>`): the value and the variable
/// it came from.
pub fn env_fallback(env: &Env, name: &str) -> Option<(String, String)> {
    [
        format!("ALIBABA_CLOUD_{name}"),
        format!("ALIBABACLOUD_{name}"),
    ]
    .into_iter()
    .find_map(|var| {
        env.get_nonblank(&var)
            .map(|v| (v.trim().to_string(), var.clone()))
    })
}

/// STS refuses sessions shorter than this.
pub const MIN_DURATION: u32 = 900;

/// A `DurationSeconds` STS would refuse, named with where it was written.
pub fn check_duration(d: u32, key: &str, whence: &str) -> Result<(), CredentialsError> {
    if d < MIN_DURATION {
        return Err(CredentialsError::invalid(
            format!("{key} {d} is below the STS minimum of {MIN_DURATION} seconds ({whence})"),
            format!("set {key} to {MIN_DURATION} or more, or remove it for 3600"),
        ));
    }
    Ok(())
}

/// The STS endpoint, first found: `BGPEER_STS_ENDPOINT`; the source's `sts_endpoint`;
/// `sts-vpc.<region>.aliyuncs.com` (VPC flag on) or `sts.<region>.aliyuncs.com`, the region from
/// `sts_region` or `ALIBABA_CLOUD_STS_REGION`; `sts.aliyuncs.com` (without a region the VPC flag
/// does nothing, as in the official libraries). The VPC flag is the source's `enable_vpc`, else
/// `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true`.
pub fn endpoint(p: &OidcParams, env: &Env) -> String {
    if let Some(e) = env.get_nonblank("BGPEER_STS_ENDPOINT") {
        return e.trim().to_string();
    }
    if let Some(e) = &p.sts_endpoint {
        return e.clone();
    }
    let region = p.sts_region.clone().or_else(|| {
        env.get_nonblank(STS_REGION_ENV)
            .map(|r| r.trim().to_string())
    });
    let vpc = p
        .enable_vpc
        .unwrap_or_else(|| env.is_true(VPC_ENDPOINT_ENV));
    match region {
        Some(r) if vpc => format!("sts-vpc.{r}.aliyuncs.com"),
        Some(r) => format!("sts.{r}.aliyuncs.com"),
        None => "sts.aliyuncs.com".to_string(),
    }
}

/// The token file as people see it in messages: its path and where it was named.
fn shown_file(p: &OidcParams) -> String {
    format!("{} ({})", config::shown(&p.token_file), p.token_file_source)
}

/// The OIDC token, read now (a rotated file is picked up). Surrounding whitespace is trimmed: a
/// JWT has none, and a hand-written file often ends with a newline.
fn read_token(p: &OidcParams) -> Result<Secret, CredentialsError> {
    let hint = format!(
        "in an ACK pod with RRSA the token is mounted by the cluster (check the pod's service account is set up for RRSA); otherwise point {} at a file holding the OIDC token (a JWT)",
        p.token_file_source
    );
    let bytes = std::fs::read(&p.token_file).map_err(|e| {
        CredentialsError::invalid(
            format!("cannot read the OIDC token file {}: {e}", shown_file(p)),
            hint.clone(),
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        CredentialsError::invalid(
            format!(
                "the OIDC token file {} is not text (an OIDC token is a JWT)",
                shown_file(p)
            ),
            hint.clone(),
        )
    })?;
    let token = text.trim();
    if token.is_empty() {
        return Err(CredentialsError::invalid(
            format!("the OIDC token file {} is empty", shown_file(p)),
            hint,
        ));
    }
    Ok(Secret::new(token))
}

/// The cache file of these parameters: the token file's path is part of the key, never the
/// token itself (it rotates; the credentials it bought stay good).
fn cache_path(p: &OidcParams, endpoint: &str, session: &str, env: &Env) -> PathBuf {
    sts::cache_file(
        env,
        &[
            ACTION,
            endpoint,
            &p.role_arn,
            &p.provider_arn,
            session,
            &p.duration_seconds
                .unwrap_or(sts::DEFAULT_DURATION)
                .to_string(),
            p.policy.as_deref().unwrap_or(""),
            &p.token_file.to_string_lossy(),
        ],
    )
}

/// Temporary credentials for `p`: cached ones while they are fresh, else from STS
/// `AssumeRoleWithOIDC` with the token the file holds now.
pub async fn assume_role_with_oidc(
    p: &OidcParams,
    env: &Env,
    options: StsOptions,
) -> Result<Credentials, CredentialsError> {
    let raw_endpoint = endpoint(p, env);
    let configured_session = p.session_name.clone().or_else(|| {
        env.get_nonblank(SESSION_NAME_ENV)
            .map(|s| s.trim().to_string())
    });
    let path = cache_path(
        p,
        &raw_endpoint,
        configured_session.as_deref().unwrap_or(""),
        env,
    );
    let label = format!("{} via STS {ACTION}", p.role_arn);
    if let Some(c) = sts::read_cache(&path, options.clock.now(), &label) {
        return Ok(c);
    }
    let token = read_token(p)?;
    let endpoint = client::endpoint::resolve(None, Some(&raw_endpoint), false).map_err(|e| {
        CredentialsError::invalid(
            format!("invalid STS endpoint {raw_endpoint:?}: {e}"),
            "fix sts_endpoint / sts_region, or BGPEER_STS_ENDPOINT".to_string(),
        )
    })?;
    let refused = |e: ClientError| CredentialsError::AssumeRoleWithOidc {
        role_arn: p.role_arn.clone(),
        provider_arn: p.provider_arn.clone(),
        token_file: shown_file(p),
        source: Box::new(e),
    };
    let client = sts::client(endpoint, None, &options).map_err(refused)?;
    let session =
        configured_session.unwrap_or_else(|| format!("bgpeer-{}", options.clock.now().timestamp()));
    let mut params = vec![
        ("RoleArn".to_string(), p.role_arn.clone()),
        ("OIDCProviderArn".to_string(), p.provider_arn.clone()),
        ("OIDCToken".to_string(), token.expose().to_string()),
        ("RoleSessionName".to_string(), session),
        (
            "DurationSeconds".to_string(),
            p.duration_seconds
                .unwrap_or(sts::DEFAULT_DURATION)
                .to_string(),
        ),
    ];
    if let Some(policy) = &p.policy {
        params.push(("Policy".to_string(), policy.clone()));
    }
    let answer = client
        .call(ACTION, &params, &Default::default())
        .await
        .map_err(refused)?;
    sts::answered_credentials(&answer, &path, options.clock.now(), &label).ok_or_else(|| {
        CredentialsError::invalid(
            format!(
                "STS {ACTION} for {} answered without Credentials.AccessKeyId/AccessKeySecret/SecurityToken",
                p.role_arn
            ),
            "check the STS endpoint (sts_endpoint, BGPEER_STS_ENDPOINT)".to_string(),
        )
    })
}

/// What to do about STS refusing `AssumeRoleWithOIDC` with `code`.
pub fn hint(
    code: Option<&str>,
    role_arn: &str,
    provider_arn: &str,
    token_file: &str,
) -> Option<String> {
    let hint = match code? {
        "AuthenticationFail.OIDCToken.Expired" => format!(
            "the OIDC token in {token_file} has expired; in an ACK pod the cluster rotates that file, so check it is the pod's projected service-account token, elsewhere write a fresh token to it"
        ),
        "AuthenticationFail.OIDCToken.Invalid" => format!(
            "{token_file} does not hold a usable OIDC token: it must be a JWT (three base64url parts separated by dots), as the cluster writes it"
        ),
        "AuthenticationFail.OIDCToken.InvalidSignature" => format!(
            "STS could not verify the token with OIDC provider {provider_arn}: check the provider's issuer URL and fingerprint match the cluster that issued the token in {token_file}"
        ),
        "AuthenticationFail.OIDCToken.AudienceNotMatch" => format!(
            "the token's audience (aud) is not a client ID of OIDC provider {provider_arn}: add it to the provider's client IDs, or use a token issued for one of them"
        ),
        "AuthenticationFail.OIDCToken.HttpsUrlInvalid" => format!(
            "the issuer URL of OIDC provider {provider_arn} is not a valid https URL: fix it in the RAM console"
        ),
        "AuthenticationFail.NoPermission" => format!(
            "OIDC provider {provider_arn} does not exist, or role {role_arn} does not trust it: check oidc_provider_arn (ALIBABA_CLOUD_OIDC_PROVIDER_ARN) and the role's trust policy"
        ),
        "InvalidParameter.RoleSessionName" => {
            "the role session name must be 2-64 letters, digits and . @ - _ (role_session_name, ALIBABA_CLOUD_ROLE_SESSION_NAME)".to_string()
        }
        "InvalidParameter.DurationSeconds" => {
            "use a duration from 900 seconds up to the role's maximum session duration (duration_seconds)".to_string()
        }
        "InvalidParameter.PolicyGrammar" => {
            "the policy must be a JSON RAM policy of at most 2048 characters".to_string()
        }
        "InvalidParameter.RoleArn" | "MissingRoleArn" => format!(
            "{role_arn:?} is not a role ARN: use acs:ram::<account id>:role/<role name>"
        ),
        _ => return None,
    };
    Some(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Env {
        Env::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    fn params() -> OidcParams {
        OidcParams {
            role_arn: "acs:ram::1:role/r".into(),
            provider_arn: "acs:ram::1:oidc-provider/p".into(),
            token_file: "/t".into(),
            token_file_source: "test".into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_endpoint_is_derived_as_the_official_libraries_derive_it() {
        let none = env(&[]);
        assert_eq!(endpoint(&params(), &none), "sts.aliyuncs.com");
        let regional = OidcParams {
            sts_region: Some("cn-shanghai".into()),
            ..params()
        };
        assert_eq!(endpoint(&regional, &none), "sts.cn-shanghai.aliyuncs.com");
        let vpc = OidcParams {
            enable_vpc: Some(true),
            ..regional.clone()
        };
        assert_eq!(endpoint(&vpc, &none), "sts-vpc.cn-shanghai.aliyuncs.com");
        // The VPC flag needs a region.
        let vpc_no_region = OidcParams {
            enable_vpc: Some(true),
            ..params()
        };
        assert_eq!(endpoint(&vpc_no_region, &none), "sts.aliyuncs.com");
        // The environment's region and VPC flag, and the source's flag over the environment's.
        let e = env(&[
            (STS_REGION_ENV, "ap-southeast-1"),
            (VPC_ENDPOINT_ENV, "TRUE"),
        ]);
        assert_eq!(
            endpoint(&params(), &e),
            "sts-vpc.ap-southeast-1.aliyuncs.com"
        );
        let off = OidcParams {
            enable_vpc: Some(false),
            ..params()
        };
        assert_eq!(endpoint(&off, &e), "sts.ap-southeast-1.aliyuncs.com");
        assert_eq!(endpoint(&regional, &e), "sts-vpc.cn-shanghai.aliyuncs.com");
        // An explicit endpoint, then BGPEER_STS_ENDPOINT, win over everything.
        let explicit = OidcParams {
            sts_endpoint: Some("http://127.0.0.1:9".into()),
            ..vpc.clone()
        };
        assert_eq!(endpoint(&explicit, &e), "http://127.0.0.1:9");
        let e = env(&[
            ("BGPEER_STS_ENDPOINT", " sts.example.com "),
            (STS_REGION_ENV, "x"),
        ]);
        assert_eq!(endpoint(&explicit, &e), "sts.example.com");
    }

    #[test]
    fn the_environment_source_needs_all_three_variables() {
        assert_eq!(from_env(&env(&[])), FromEnv::NotSet);
        assert_eq!(
            from_env(&env(&[
                (ROLE_ARN_ENV, "acs:ram::1:role/r"),
                (TOKEN_FILE_ENV, " ")
            ])),
            FromEnv::Incomplete {
                missing: vec![PROVIDER_ARN_ENV, TOKEN_FILE_ENV]
            }
        );
        let FromEnv::Set(p) = from_env(&env(&[
            (ROLE_ARN_ENV, "acs:ram::1:role/r"),
            (PROVIDER_ARN_ENV, "acs:ram::1:oidc-provider/p"),
            (TOKEN_FILE_ENV, "/var/run/token"),
        ])) else {
            panic!("not set");
        };
        assert_eq!(p.token_file, PathBuf::from("/var/run/token"));
        assert_eq!(p.token_file_source, "env ALIBABA_CLOUD_OIDC_TOKEN_FILE");
    }

    #[test]
    fn fallbacks_take_either_spelling_of_the_variable() {
        let e = env(&[("ALIBABACLOUD_ROLE_ARN", "acs:ram::1:role/r")]);
        assert_eq!(
            env_fallback(&e, "ROLE_ARN"),
            Some(("acs:ram::1:role/r".into(), "ALIBABACLOUD_ROLE_ARN".into()))
        );
        assert_eq!(env_fallback(&e, "OIDC_TOKEN_FILE"), None);
    }

    #[test]
    fn the_token_is_trimmed_and_an_empty_or_missing_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("token");
        let p = OidcParams {
            token_file: file.clone(),
            token_file_source: "env ALIBABA_CLOUD_OIDC_TOKEN_FILE".into(),
            ..params()
        };
        let e = read_token(&p).unwrap_err().to_string();
        assert!(e.starts_with("cannot read the OIDC token file "), "{e}");
        assert!(e.contains("(env ALIBABA_CLOUD_OIDC_TOKEN_FILE)"), "{e}");
        std::fs::write(&file, " \n").unwrap();
        let e = read_token(&p).unwrap_err().to_string();
        assert!(
            e.ends_with("(env ALIBABA_CLOUD_OIDC_TOKEN_FILE) is empty"),
            "{e}"
        );
        std::fs::write(&file, "aaa.bbb.ccc\n").unwrap();
        assert_eq!(read_token(&p).unwrap().expose(), "aaa.bbb.ccc");
    }

    #[test]
    fn the_cache_key_follows_the_token_file_path_not_its_content() {
        let e = env(&[]);
        let p = params();
        let a = cache_path(&p, "sts.aliyuncs.com", "s", &e);
        assert_eq!(a, cache_path(&p.clone(), "sts.aliyuncs.com", "s", &e));
        let other_file = OidcParams {
            token_file: "/other".into(),
            ..params()
        };
        assert_ne!(a, cache_path(&other_file, "sts.aliyuncs.com", "s", &e));
        assert_ne!(a, cache_path(&p, "sts.aliyuncs.com", "t", &e));
        let other_provider = OidcParams {
            provider_arn: "acs:ram::1:oidc-provider/q".into(),
            ..params()
        };
        assert_ne!(a, cache_path(&other_provider, "sts.aliyuncs.com", "s", &e));
    }

    #[test]
    fn sts_refusals_get_a_hint_naming_what_to_check() {
        let h = |code| {
            hint(
                Some(code),
                "acs:ram::1:role/r",
                "acs:ram::1:oidc-provider/p",
                "/t (env X)",
            )
        };
        assert!(h("AuthenticationFail.OIDCToken.Expired")
            .unwrap()
            .contains("/t (env X) has expired"));
        assert!(h("AuthenticationFail.NoPermission")
            .unwrap()
            .contains("acs:ram::1:oidc-provider/p does not exist"));
        assert!(h("AuthenticationFail.OIDCToken.InvalidSignature").is_some());
        assert!(h("AuthenticationFail.OIDCToken.Invalid").is_some());
        assert_eq!(h("Something.Else"), None);
        assert_eq!(hint(None, "r", "p", "f"), None);
    }
}
