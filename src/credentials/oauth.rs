//! Mode OAuth (aliyun CLI profiles only), in the official library's order: the STS credentials
//! cached in the profile while they are valid (no HTTP); else, when the access token is missing or
//! expires within 20 minutes, a refresh at the OAuth service's `/v1/token` (the refresh token
//! rotates: the old one stops working); then the exchange of the access token at `/v1/exchange`
//! for STS credentials; and the new tokens and credentials written back into the profile, as the
//! aliyun CLI and the library do, so that the aliyun CLI, the SDKs and the next bgpeer run share
//! them.
//!
//! Everything after the cached-credentials check happens under the exclusive lock on config.json
//! (see `config::aliyun_write`), and the profile is read again once the lock is held: two
//! processes refreshing at once would otherwise both spend the same refresh token, and the
//! loser's refusal would look like a lost sign-in.

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::config::aliyun::AliyunProfile;
use crate::config::aliyun_write::{AliyunValue, Busy, LockedAliyun};
use crate::env::Env;
use crate::exit::Exit;
use crate::secret::Secret;

use super::sign_in::{self, Answer, Service, SignInError};
use super::sts::{StsOptions, REFRESH_MARGIN_SECS};
use super::{Credentials, CredentialsError};

/// The access token is refreshed when less than this is left (the official library's margin).
const ACCESS_TOKEN_MARGIN_SECS: i64 = 1200;
/// When the answer to a refresh has no `expires_in`.
const DEFAULT_EXPIRES_IN: i64 = 3600;
/// How long to wait for another process that holds the lock on config.json.
const LOCK_WAIT: Duration = Duration::from_secs(30);

/// Overrides the OAuth service of both sites (tests, the emulator, a proxy of your own).
pub const ENDPOINT_VARIABLE: &str = "BGPEER_OAUTH_ENDPOINT";

/// The aliyun CLI's OAuth sites: where the service is and which client id it knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    Cn,
    Intl,
}

impl Site {
    /// `oauth_site_type`, in any case; empty means CN.
    pub fn parse(raw: &str) -> Option<Site> {
        match raw.trim().to_ascii_uppercase().as_str() {
            "" | "CN" => Some(Site::Cn),
            "INTL" => Some(Site::Intl),
            _ => None,
        }
    }

    pub fn base_url(self) -> &'static str {
        match self {
            Site::Cn => "https://oauth.aliyun.com",
            Site::Intl => "https://oauth.alibabacloud.com",
        }
    }

    pub fn client_id(self) -> &'static str {
        match self {
            Site::Cn => "4038181954557748008",
            Site::Intl => "4103531455503354461",
        }
    }

    /// The aliyun CLI's flag for this site (CN is its default).
    fn sign_in_flag(self) -> &'static str {
        match self {
            Site::Cn => "",
            Site::Intl => " --oauth-site-type INTL",
        }
    }
}

/// STS credentials cached in the profile.
#[derive(Debug, Clone)]
pub struct CachedSts {
    pub access_key_id: String,
    pub access_key_secret: Secret,
    pub security_token: Secret,
    /// Unix seconds.
    pub expiration: i64,
}

/// What an OAuth profile of the aliyun CLI holds.
#[derive(Debug, Clone)]
pub struct OAuth {
    pub profile: String,
    pub site: Site,
    pub access_token: Option<Secret>,
    /// Unix seconds; 0 when not set.
    pub access_token_expire: i64,
    pub refresh_token: Option<Secret>,
    pub cached: Option<CachedSts>,
}

fn nonempty(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

impl OAuth {
    /// Reads an aliyun CLI profile (`whence` says where it is, for errors).
    pub fn from_profile(p: &AliyunProfile, whence: &str) -> Result<OAuth, CredentialsError> {
        let site = Site::parse(&p.oauth_site_type).ok_or_else(|| {
            CredentialsError::invalid(
                format!(
                    "invalid oauth_site_type {:?} ({whence})",
                    p.oauth_site_type
                ),
                format!(
                    "use CN or INTL; `aliyun configure --profile {} --mode OAuth --oauth-site-type CN|INTL` signs in again and sets it",
                    p.name
                ),
            )
        })?;
        let cached = match (
            nonempty(&p.access_key_id),
            nonempty(&p.access_key_secret),
            nonempty(&p.sts_token),
        ) {
            (Some(id), Some(secret), Some(token)) if p.sts_expiration > 0 => Some(CachedSts {
                access_key_id: id,
                access_key_secret: Secret::new(secret),
                security_token: Secret::new(token),
                expiration: p.sts_expiration,
            }),
            _ => None,
        };
        Ok(OAuth {
            profile: p.name.clone(),
            site,
            access_token: nonempty(&p.oauth_access_token).map(Secret::new),
            access_token_expire: p.oauth_access_token_expire,
            refresh_token: nonempty(&p.oauth_refresh_token).map(Secret::new),
            cached,
        })
    }

    /// The aliyun CLI command that signs this profile in again.
    pub fn sign_in_command(&self) -> String {
        sign_in::sign_in_command(&self.profile, "OAuth", self.site.sign_in_flag())
    }

    /// The cached STS credentials, when more than the refresh margin is left at `now`.
    pub fn fresh_cached(&self, now: DateTime<Utc>) -> Option<&CachedSts> {
        self.cached
            .as_ref()
            .filter(|c| c.expiration - now.timestamp() > REFRESH_MARGIN_SECS)
    }

    /// For `configure list`: the sign-in's state at `now` and the key id that would be used,
    /// without contacting anything.
    pub fn status(&self, now: DateTime<Utc>) -> (String, Option<String>) {
        if let Some(c) = self.fresh_cached(now) {
            return (
                format!("temporary credentials until {}", seconds_text(c.expiration)),
                Some(c.access_key_id.clone()),
            );
        }
        if signed_out(self, "", now).is_none() {
            (
                "signed in; temporary credentials are fetched when needed".to_string(),
                None,
            )
        } else {
            (
                format!("not signed in; run `{}`", self.sign_in_command()),
                None,
            )
        }
    }
}

/// What to do when only a new sign-in helps.
fn sign_in_again(oauth: &OAuth) -> String {
    format!(
        "sign in again in a browser with `{}`, then run the command again",
        oauth.sign_in_command()
    )
}

/// The error when `oauth` has neither a refresh token nor an access token still valid at `now`:
/// nothing but a new sign-in can give credentials.
fn signed_out(oauth: &OAuth, whence: &str, now: DateTime<Utc>) -> Option<SignInError> {
    let access_valid = oauth.access_token.is_some() && oauth.access_token_expire > now.timestamp();
    if oauth.refresh_token.is_some() || access_valid {
        return None;
    }
    let message = if oauth.access_token.is_none() {
        format!("{whence} (mode OAuth) is not signed in: it has no OAuth access or refresh token")
    } else {
        format!(
            "the OAuth access token of {whence} expired at {} and the profile has no refresh token",
            seconds_text(oauth.access_token_expire)
        )
    };
    Some(SignInError::needed(message, sign_in_again(oauth)))
}

fn seconds_text(t: i64) -> String {
    DateTime::from_timestamp(t, 0)
        .map(crate::signing::format_timestamp)
        .unwrap_or_else(|| t.to_string())
}

fn from_cached(c: &CachedSts, whence: &str) -> Credentials {
    Credentials {
        access_key_id: c.access_key_id.clone(),
        access_key_secret: c.access_key_secret.clone(),
        security_token: Some(c.security_token.clone()),
        expiration: DateTime::from_timestamp(c.expiration, 0),
        source: whence.to_string(),
    }
}

/// The OAuth service: `BGPEER_OAUTH_ENDPOINT`, else the site's.
pub fn base_url(site: Site, env: &Env) -> (String, &'static str) {
    match env.get_nonblank(ENDPOINT_VARIABLE) {
        Some(e) => (e.trim().to_string(), ENDPOINT_VARIABLE),
        None => (site.base_url().to_string(), "the OAuth service URL"),
    }
}

/// The temporary credentials of `oauth` (`whence` says where the profile is, for messages).
pub async fn credentials(
    oauth: &OAuth,
    whence: &str,
    env: &Env,
    options: &StsOptions,
) -> Result<Credentials, CredentialsError> {
    let now = options.clock.now();
    if let Some(c) = oauth.fresh_cached(now) {
        options.debug.line(&format!(
            "OAuth: STS credentials cached in {whence}, valid until {}",
            seconds_text(c.expiration)
        ));
        return Ok(from_cached(c, whence));
    }
    // Nothing to refresh with: say so before asking for a lock on a file that may not be writable.
    if let Some(e) = signed_out(oauth, whence, now) {
        return Err(e.into());
    }
    let path = crate::config::aliyun_config_path(env);
    let mut locked = lock(&path).await?;
    // Another process may have refreshed while we waited for the lock.
    let current = match locked.profile(&oauth.profile) {
        Some(p) => OAuth::from_profile(p, whence)?,
        None => {
            return Err(CredentialsError::invalid(
                format!("{whence} disappeared from the file while bgpeer was reading it"),
                "run the command again".to_string(),
            ))
        }
    };
    if let Some(c) = current.fresh_cached(now) {
        return Ok(from_cached(c, whence));
    }
    if let Some(e) = signed_out(&current, whence, now) {
        return Err(e.into());
    }
    let (base, setting) = base_url(current.site, env);
    let service = Service::new(&base, setting, &options.trust)?;
    let mut session = Session {
        oauth: &current,
        whence,
        service: &service,
        options,
        access_token: current.access_token.clone(),
        access_token_expire: current.access_token_expire,
        refresh_token: current.refresh_token.clone(),
        rotated: false,
    };

    let expires_soon = session.access_token.is_none()
        || session.access_token_expire - now.timestamp() <= ACCESS_TOKEN_MARGIN_SECS;
    // Without a refresh token, an access token that expires soon is used while it lasts.
    if expires_soon && session.refresh_token.is_some() {
        session.refresh().await?;
    }
    let exchanged = match session.exchange().await {
        // The access token was refused before its time (revoked, a clock off): refresh once.
        Err(Exchange::Refused(_)) if !session.rotated && session.refresh_token.is_some() => {
            session.refresh().await?;
            session.exchange().await
        }
        other => other,
    };
    match exchanged {
        Ok(sts) => {
            session.save(&mut locked, Some(&sts))?;
            Ok(from_cached(&sts, whence))
        }
        Err(e) => {
            if session.rotated {
                session.save(&mut locked, None)?;
            }
            Err(e.into_error().into())
        }
    }
}

/// Takes the lock on config.json, waiting for another holder at most [`LOCK_WAIT`].
async fn lock(path: &std::path::Path) -> Result<LockedAliyun, CredentialsError> {
    let deadline = tokio::time::Instant::now() + LOCK_WAIT;
    loop {
        match LockedAliyun::try_open(path)? {
            Ok(locked) => return Ok(locked),
            Err(Busy::Replaced) => {}
            Err(Busy::Locked) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(CredentialsError::invalid(
                format!(
                    "another process has held the lock on the aliyun CLI config {} for {} s",
                    crate::config::shown(path),
                    LOCK_WAIT.as_secs()
                ),
                "it is probably refreshing the same OAuth sign-in (another bgpeer, the aliyun CLI or an SDK): run the command again once it is done".to_string(),
            ));
        }
    }
}

/// Why an exchange failed.
enum Exchange {
    /// The service refused the access token (HTTP 401).
    Refused(SignInError),
    Failed(SignInError),
}

impl Exchange {
    fn into_error(self) -> SignInError {
        match self {
            Exchange::Refused(e) | Exchange::Failed(e) => e,
        }
    }
}

/// One resolution's tokens as they change.
struct Session<'a> {
    oauth: &'a OAuth,
    whence: &'a str,
    service: &'a Service,
    options: &'a StsOptions,
    access_token: Option<Secret>,
    access_token_expire: i64,
    refresh_token: Option<Secret>,
    /// The refresh token was spent: the new tokens must be saved, whatever happens next.
    rotated: bool,
}

impl Session<'_> {
    fn sign_in_again(&self) -> String {
        sign_in_again(self.oauth)
    }

    /// A token this step needs is missing (`signed_out` runs first, so this is rare).
    fn missing(&self, token: &str) -> SignInError {
        SignInError::needed(
            format!("{} (mode OAuth) has no OAuth {token}", self.whence),
            self.sign_in_again(),
        )
    }

    fn failed(&self, answer: &Answer, what: &str) -> SignInError {
        let exit = if answer.status >= 500 {
            Exit::Network
        } else {
            Exit::Auth
        };
        let hint = if exit == Exit::Network {
            "the OAuth service failed on its side: try again later".to_string()
        } else {
            self.sign_in_again()
        };
        answer.failure(
            format!(
                "the OAuth service {what} ({}): {}",
                self.whence,
                answer.describe()
            ),
            hint,
            exit,
        )
    }

    async fn send(
        &self,
        request: reqwest::RequestBuilder,
        path: &str,
    ) -> Result<Answer, SignInError> {
        self.options
            .debug
            .line(&format!("OAuth: POST {}", self.service.url(path)));
        let answer = self
            .service
            .send(
                request,
                "the OAuth service",
                &format!(
                    "check the network (and HTTPS_PROXY), and {ENDPOINT_VARIABLE} if it is set"
                ),
            )
            .await?;
        self.options.debug.line(&format!(
            "OAuth: HTTP {} in {} ms",
            answer.status,
            answer.elapsed.as_millis()
        ));
        Ok(answer)
    }

    /// `POST /v1/token` with the refresh token; the tokens rotate.
    async fn refresh(&mut self) -> Result<(), SignInError> {
        let refresh_token = self
            .refresh_token
            .clone()
            .ok_or_else(|| self.missing("refresh token"))?;
        let now = self.options.clock.now();
        let form = form_urlencoded::Serializer::new(String::new())
            .append_pair("grant_type", "refresh_token")
            .append_pair("refresh_token", refresh_token.expose())
            .append_pair("client_id", self.oauth.site.client_id())
            .append_pair("Timestamp", &crate::signing::format_timestamp(now))
            .finish();
        let request = self
            .service
            .post("/v1/token")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form);
        let answer = self.send(request, "/v1/token").await?;
        if answer.status != 200 {
            return Err(self.failed(&answer, "refused the refresh token"));
        }
        let (Some(access), Some(refresh)) = (
            answer.field("access_token").filter(|t| !t.is_empty()),
            answer.field("refresh_token").filter(|t| !t.is_empty()),
        ) else {
            return Err(self.failed(
                &answer,
                "answered the refresh without access_token and refresh_token",
            ));
        };
        let expires_in = answer
            .field("expires_in")
            .and_then(|s| s.parse::<f64>().ok())
            .map(|s| s as i64)
            .unwrap_or(DEFAULT_EXPIRES_IN);
        self.access_token = Some(Secret::new(access));
        self.refresh_token = Some(Secret::new(refresh));
        self.access_token_expire = now.timestamp() + expires_in;
        self.rotated = true;
        Ok(())
    }

    /// `POST /v1/exchange` with the access token: STS credentials.
    async fn exchange(&self) -> Result<CachedSts, Exchange> {
        let Some(access) = &self.access_token else {
            return Err(Exchange::Failed(self.missing("access token")));
        };
        let request = self
            .service
            .post("/v1/exchange")
            .header("Content-Type", "application/json")
            .bearer_auth(access.expose());
        let answer = self
            .send(request, "/v1/exchange")
            .await
            .map_err(Exchange::Failed)?;
        if answer.status == 401 {
            return Err(Exchange::Refused(
                self.failed(&answer, "refused the access token"),
            ));
        }
        if answer.status != 200 || answer.field("error").is_some() {
            return Err(Exchange::Failed(self.failed(
                &answer,
                "refused to exchange the access token for STS credentials",
            )));
        }
        let get = |k: &str| answer.field(k).filter(|v| !v.is_empty());
        let expiration = get("Expiration")
            .as_deref()
            .and_then(Credentials::parse_expiration);
        let (Some(id), Some(secret), Some(token), Some(expiration)) = (
            get("AccessKeyId"),
            get("AccessKeySecret"),
            get("SecurityToken"),
            expiration,
        ) else {
            return Err(Exchange::Failed(self.failed(
                &answer,
                "answered the exchange without AccessKeyId, AccessKeySecret, SecurityToken and Expiration",
            )));
        };
        Ok(CachedSts {
            access_key_id: id,
            access_key_secret: Secret::new(secret),
            security_token: Secret::new(token),
            expiration: expiration.timestamp(),
        })
    }

    /// Writes the tokens (and `sts`) back into the profile, as the official library does.
    fn save(
        &self,
        locked: &mut LockedAliyun,
        sts: Option<&CachedSts>,
    ) -> Result<(), CredentialsError> {
        let text = |s: &Secret| AliyunValue::Text(s.expose().to_string());
        let mut values = Vec::new();
        if let Some(t) = &self.refresh_token {
            values.push(("oauth_refresh_token", text(t)));
        }
        if let Some(t) = &self.access_token {
            values.push(("oauth_access_token", text(t)));
            values.push((
                "oauth_access_token_expire",
                AliyunValue::Seconds(self.access_token_expire),
            ));
        }
        if let Some(s) = sts {
            values.push(("access_key_id", AliyunValue::Text(s.access_key_id.clone())));
            values.push(("access_key_secret", text(&s.access_key_secret)));
            values.push(("sts_token", text(&s.security_token)));
            values.push(("sts_expiration", AliyunValue::Seconds(s.expiration)));
        }
        match locked.update(&self.oauth.profile, &values) {
            Ok(_) => {
                self.options
                    .debug
                    .line(&format!("OAuth: saved the new tokens and credentials in {}", self.whence));
                Ok(())
            }
            Err(e) if self.rotated => Err(CredentialsError::invalid(
                format!("{e}; the OAuth refresh token saved there has been used up, so the sign-in is lost"),
                format!(
                    "fix what kept bgpeer from writing the file, then {}",
                    self.sign_in_again()
                ),
            )),
            Err(e) => Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(json: &str) -> AliyunProfile {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn sites_and_their_sign_in_commands() {
        assert_eq!(Site::parse("intl"), Some(Site::Intl));
        assert_eq!(Site::parse(""), Some(Site::Cn));
        assert_eq!(Site::parse("EU"), None);
        let p = profile(r#"{"name":"oa","mode":"OAuth","oauth_site_type":"INTL"}"#);
        let o = OAuth::from_profile(&p, "w").unwrap();
        assert_eq!(
            o.sign_in_command(),
            "aliyun configure --profile oa --mode OAuth --oauth-site-type INTL"
        );
        assert_eq!(o.site.client_id(), "4103531455503354461");
        let p = profile(r#"{"name":"oa","mode":"OAuth","oauth_site_type":"EU"}"#);
        let e = OAuth::from_profile(&p, "aliyun CLI profile oa").unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid oauth_site_type \"EU\" (aliyun CLI profile oa)"
        );
    }

    #[test]
    fn cached_credentials_count_while_more_than_the_margin_is_left() {
        let p = profile(
            r#"{"name":"oa","mode":"OAuth","access_key_id":"STS.x","access_key_secret":"s","sts_token":"t","sts_expiration":1800000000,"oauth_refresh_token":null}"#,
        );
        let o = OAuth::from_profile(&p, "w").unwrap();
        let at = |t: i64| DateTime::from_timestamp(t, 0).unwrap();
        assert!(o.fresh_cached(at(1_800_000_000 - 301)).is_some());
        assert!(o.fresh_cached(at(1_800_000_000 - 300)).is_none());
        assert_eq!(
            o.status(at(1_800_000_000)).0,
            "not signed in; run `aliyun configure --profile oa --mode OAuth`"
        );
        assert_eq!(o.status(at(0)).1.as_deref(), Some("STS.x"));
    }
}
