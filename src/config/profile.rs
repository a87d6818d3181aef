//! The rules of a bgpeer profile that need nothing but the config file: its name, which keys it
//! has, and the values that can be checked without contacting anything. `configure` applies them
//! before it saves; the checks that need the client or the credential chain (the endpoint, the
//! credential mode's required keys) stay with the command.

use super::file::{did_you_mean, ConfigFile, Profile, PROFILE_KEYS};
use crate::exit::{Diagnose, Exit};
use crate::seconds::{self, Seconds};

/// The built-in profile that runs the local emulator in-process.
pub const EMULATOR_PROFILE: &str = "emulator";

/// A profile (or its name) that breaks a rule; nothing was saved. Exit 2.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct ProfileError {
    pub message: String,
    pub hint: Option<String>,
}

impl ProfileError {
    fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        ProfileError {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }
}

impl Diagnose for ProfileError {
    fn exit(&self) -> Exit {
        Exit::Usage
    }
    fn hint(&self) -> Option<String> {
        self.hint.clone()
    }
}

/// A name a profile can be saved under: letters, digits, `-`, `_`, `.`, at most 64 characters,
/// and not the built-in `emulator`.
pub fn check_name(name: &str) -> Result<(), ProfileError> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !ok {
        return Err(ProfileError::new(
            format!("invalid profile name {name:?}"),
            "use letters, digits, '-', '_' and '.' (at most 64 characters)",
        ));
    }
    if name == EMULATOR_PROFILE {
        return Err(ProfileError::new(
            "profile emulator is built in and can't be changed",
            "pick another name, e.g. --profile local",
        ));
    }
    Ok(())
}

/// The error for a key profiles don't have, with the closest one or the list.
pub fn unknown_key(key: &str, known: &[&str]) -> ProfileError {
    let hint = match did_you_mean(key, known) {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("known keys: {}", known.join(", ")),
    };
    ProfileError::new(format!("unknown key `{key}`"), hint)
}

impl Profile {
    /// Clears every credential field (a new mode starts from nothing, so no stale secret survives).
    pub fn clear_credentials(&mut self) {
        self.mode = None;
        self.access_key_id = None;
        self.access_key_secret = None;
        self.security_token = None;
        self.role_arn = None;
        self.role_session_name = None;
        self.duration_seconds = None;
        self.external_id = None;
        self.policy = None;
        self.sts_region = None;
        self.sts_endpoint = None;
        self.oidc_provider_arn = None;
        self.oidc_token_file = None;
        self.enable_vpc = None;
        self.source_profile = None;
        self.role_name = None;
        self.process_command = None;
        self.credentials_uri = None;
    }

    /// Removes one key (by its name in the file).
    pub fn unset(&mut self, key: &str) -> Result<(), ProfileError> {
        if !PROFILE_KEYS.contains(&key) {
            return Err(unknown_key(key, PROFILE_KEYS));
        }
        let plain = |e: String| ProfileError {
            message: e,
            hint: None,
        };
        let mut table = toml::Table::try_from(&*self).map_err(|e| plain(e.to_string()))?;
        table.remove(key);
        *self = table
            .try_into()
            .map_err(|e: toml::de::Error| plain(e.to_string()))?;
        Ok(())
    }

    /// The checks of profile `name` (to be saved in `file`) that need nothing but the file.
    pub fn check(&self, name: &str, file: &ConfigFile) -> Result<(), ProfileError> {
        if let Some(r) = &self.region {
            if r.is_empty()
                || !r
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(ProfileError::new(
                    format!("invalid region {r:?}"),
                    "a region id looks like cn-shanghai or ap-southeast-1",
                ));
            }
        }
        for (key, v) in [
            ("connect_timeout", self.connect_timeout),
            ("read_timeout", self.read_timeout),
            ("deadline", self.deadline),
        ] {
            if let Some(v) = v {
                if Seconds::new(v).is_err() {
                    return Err(ProfileError::new(
                        format!("invalid {key} {v}"),
                        format!("use {}", seconds::RULE),
                    ));
                }
            }
        }
        if self.max_attempts == Some(0) {
            return Err(ProfileError::new(
                "invalid max_attempts 0",
                "use 1 or more (1 means no retries)",
            ));
        }
        if let Some(arn) = &self.role_arn {
            if !arn.starts_with("acs:ram::") || !arn.contains(":role/") {
                return Err(ProfileError::new(
                    format!("invalid role ARN {arn:?}"),
                    "a role ARN looks like acs:ram::1234567890123456:role/vpc-admin",
                ));
            }
        }
        if let Some(arn) = &self.oidc_provider_arn {
            if !arn.starts_with("acs:ram::") || !arn.contains(":oidc-provider/") {
                return Err(ProfileError::new(
                    format!("invalid OIDC provider ARN {arn:?}"),
                    "an OIDC provider ARN looks like acs:ram::1234567890123456:oidc-provider/ack-rrsa-c1234",
                ));
            }
        }
        if let Some(d) = self.duration_seconds {
            if d < 900 {
                return Err(ProfileError::new(
                    format!("invalid duration {d}s"),
                    "STS needs 900 seconds or more",
                ));
            }
        }
        if let Some(src) = &self.source_profile {
            if src == name {
                return Err(ProfileError::new(
                    format!("profile {name} can't be its own source_profile"),
                    "name a profile with its own credentials",
                ));
            }
            if !file.profiles.contains_key(src) {
                return Err(ProfileError::new(
                    format!("source_profile {src} does not exist in bgpeer's config"),
                    "create it first with `bgpeer configure set --profile SOURCE --mode AK ...`",
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_names_are_short_plain_and_not_the_emulator() {
        for ok in ["prod", "a.b_c-1", &"x".repeat(64)] {
            assert_eq!(check_name(ok), Ok(()), "{ok}");
        }
        for bad in ["", "has space", "ünï", &"x".repeat(65)] {
            let e = check_name(bad).unwrap_err();
            assert_eq!(e.message, format!("invalid profile name {bad:?}"));
            assert_eq!(e.exit(), Exit::Usage);
        }
        let e = check_name("emulator").unwrap_err();
        assert_eq!(
            e.message,
            "profile emulator is built in and can't be changed"
        );
    }

    #[test]
    fn a_new_mode_starts_without_any_old_credential() {
        let mut p = Profile {
            region: Some("cn-shanghai".into()),
            mode: Some("AK".into()),
            access_key_id: Some("LTAI".into()),
            access_key_secret: Some("s".into()),
            role_arn: Some("acs:ram::1:role/x".into()),
            oidc_provider_arn: Some("acs:ram::1:oidc-provider/p".into()),
            oidc_token_file: Some("/var/run/token".into()),
            enable_vpc: Some(true),
            credentials_uri: Some("http://x".into()),
            ..Default::default()
        };
        p.clear_credentials();
        assert_eq!(
            p,
            Profile {
                region: Some("cn-shanghai".into()),
                ..Default::default()
            }
        );
    }

    #[test]
    fn unset_removes_one_known_key_and_names_the_closest_for_a_typo() {
        let mut p = Profile {
            region: Some("cn-shanghai".into()),
            max_attempts: Some(3),
            ..Default::default()
        };
        p.unset("max_attempts").unwrap();
        assert_eq!(p.max_attempts, None);
        assert_eq!(p.region.as_deref(), Some("cn-shanghai"));
        let e = p.unset("regoin").unwrap_err();
        assert_eq!(e.message, "unknown key `regoin`");
        assert_eq!(e.hint.as_deref(), Some("did you mean `region`?"));
    }

    #[test]
    fn values_are_checked_before_saving() {
        let file = ConfigFile::default();
        let check = |p: Profile| p.check("prod", &file).map_err(|e| e.message);
        assert_eq!(check(Profile::default()), Ok(()));
        let cases = [
            (
                Profile {
                    region: Some("CN_Shanghai".into()),
                    ..Default::default()
                },
                "invalid region \"CN_Shanghai\"",
            ),
            (
                Profile {
                    deadline: Some(0.0),
                    ..Default::default()
                },
                "invalid deadline 0",
            ),
            (
                Profile {
                    read_timeout: Some(700000.0),
                    ..Default::default()
                },
                "invalid read_timeout 700000",
            ),
            (
                Profile {
                    max_attempts: Some(0),
                    ..Default::default()
                },
                "invalid max_attempts 0",
            ),
            (
                Profile {
                    role_arn: Some("arn:aws:iam::1:role/x".into()),
                    ..Default::default()
                },
                "invalid role ARN \"arn:aws:iam::1:role/x\"",
            ),
            (
                Profile {
                    oidc_provider_arn: Some("acs:ram::1:role/x".into()),
                    ..Default::default()
                },
                "invalid OIDC provider ARN \"acs:ram::1:role/x\"",
            ),
            (
                Profile {
                    duration_seconds: Some(899),
                    ..Default::default()
                },
                "invalid duration 899s",
            ),
            (
                Profile {
                    source_profile: Some("prod".into()),
                    ..Default::default()
                },
                "profile prod can't be its own source_profile",
            ),
            (
                Profile {
                    source_profile: Some("base".into()),
                    ..Default::default()
                },
                "source_profile base does not exist in bgpeer's config",
            ),
        ];
        for (profile, want) in cases {
            assert_eq!(check(profile), Err(want.to_string()));
        }
    }
}
