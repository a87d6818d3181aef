//! Where a BGP group's AuthKey comes from: `--auth-key`, `--auth-key-file FILE|-`, or
//! `BGPEER_AUTH_KEY`.

use super::CliError;
use super::Context;
use crate::cli::group::AuthKeyArgs;
use crate::secret::Secret;

/// The environment variable that can hold the BGP AuthKey.
pub const AUTH_KEY_ENV: &str = "BGPEER_AUTH_KEY";

/// The AuthKey from `--auth-key`, `--auth-key-file FILE|-`, or (when `from_env`) BGPEER_AUTH_KEY.
pub fn read_auth_key(
    ctx: &Context,
    args: &AuthKeyArgs,
    from_env: bool,
    env_required: bool,
) -> anyhow::Result<Option<Secret>> {
    if let Some(k) = &args.auth_key {
        return Ok(Some(non_empty_key(k.clone(), "--auth-key")?));
    }
    if let Some(path) = &args.auth_key_file {
        let text = super::files::read_text(ctx, path).map_err(|e| {
            CliError::usage(
                format!("cannot read --auth-key-file {path}: {e}"),
                Some(
                    "give a readable file holding only the key, or '-' to read it from stdin"
                        .to_string(),
                ),
            )
        })?;
        let key = text.trim_end_matches(['\n', '\r']).to_string();
        return Ok(Some(non_empty_key(key, "--auth-key-file")?));
    }
    if from_env {
        match ctx.env.get_nonblank(AUTH_KEY_ENV) {
            Some(k) => return Ok(Some(Secret::new(k))),
            None if env_required => {
                return Err(CliError::usage(
                    format!("--auth-key-from-env was given but {AUTH_KEY_ENV} is not set"),
                    Some(format!("export {AUTH_KEY_ENV}=... first")),
                )
                .into())
            }
            None => {}
        }
    }
    Ok(None)
}

fn non_empty_key(key: String, source: &str) -> Result<Secret, CliError> {
    if key.is_empty() {
        return Err(CliError::usage(
            format!("the AuthKey from {source} is empty"),
            Some(
                "to remove a group's key use `bgpeer group update ID --clear-auth-key`".to_string(),
            ),
        ));
    }
    Ok(Secret::new(key))
}
