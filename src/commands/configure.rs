//! `bgpeer configure ...`: the wizard, `set`, `list`, `get`, `delete`, `switch`.
//!
//! Nothing here ever prints a secret: key ids are masked, secrets and tokens are refused by `get`
//! and are read from a terminal with hidden input, stdin or an environment variable only.

use serde_json::{json, Value};

use super::CliError;
use super::Context;
use crate::cli::configure::{ConfigureArgs, ConfigureCommand, SetArgs};
use crate::cli::OutputFormat;
use crate::config;
use crate::config::file::{self, ConfigFile, Profile};
use crate::config::profile::{self, EMULATOR_PROFILE};
use crate::credentials::{self, mode::Mode};
use crate::secret::{mask_key_id, Secret};
use crate::settings::{self, Source};

pub async fn run(ctx: &Context, args: ConfigureArgs) -> anyhow::Result<()> {
    match args.command {
        None => wizard(ctx),
        Some(ConfigureCommand::Set(a)) => set(ctx, *a),
        Some(ConfigureCommand::List) => list(ctx),
        Some(ConfigureCommand::Get { key }) => get(ctx, &key),
        Some(ConfigureCommand::Delete { profile }) => delete(ctx, &profile),
        Some(ConfigureCommand::Switch { profile }) => switch(ctx, &profile),
        Some(ConfigureCommand::ExportCredentials(a)) => {
            super::export_credentials::run(ctx, a.format).await
        }
    }
}

fn load_file(ctx: &Context) -> anyhow::Result<(std::path::PathBuf, ConfigFile)> {
    let path = config::config_path(&ctx.env);
    let loaded = file::load(&path)?;
    for w in &loaded.warnings {
        ctx.notice(w);
    }
    Ok((path, loaded.file.unwrap_or_default()))
}

/// Reads a secret from `stdin` (its first line) or `env:VAR`.
fn read_secret(ctx: &Context, from: &str, what: &str, flag: &str) -> anyhow::Result<Secret> {
    let value = if from == "stdin" {
        let line = ctx.read_line().map_err(|e| {
            CliError::usage(format!("cannot read the {what} from stdin: {e}"), None)
        })?;
        line.unwrap_or_default().trim().to_string()
    } else if let Some(var) = from.strip_prefix("env:") {
        ctx.env
            .get_nonblank(var)
            .map(|v| v.trim().to_string())
            .ok_or_else(|| {
                CliError::usage(
                    format!("{flag} env:{var}: {var} is not set or blank"),
                    Some(format!("export {var} first, or use {flag} stdin")),
                )
            })?
    } else {
        return Err(CliError::usage(
            format!("invalid {flag} {from:?}: expected stdin or env:VAR"),
            Some(format!(
                "e.g. {flag} env:ALIBABA_CLOUD_ACCESS_KEY_SECRET; secrets are never taken from the command line"
            )),
        )
        .into());
    };
    if value.is_empty() {
        return Err(CliError::usage(format!("the {what} read from {from} is empty"), None).into());
    }
    Ok(Secret::new(value))
}

fn opt(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Applies the global setting flags (--region, --endpoint, ...) to a profile.
fn apply_setting_flags(ctx: &Context, p: &mut Profile) {
    let g = &ctx.globals;
    if let Some(r) = opt(&g.region) {
        p.region = Some(r);
    }
    if let Some(e) = opt(&g.endpoint) {
        p.endpoint = Some(e);
    }
    if let Some(o) = g.output {
        p.output = Some(o.name().to_string());
    }
    if let Some(v) = g.signature_version {
        p.signature_version = Some(v.as_str().to_string());
    }
    if let Some(v) = g.connect_timeout {
        p.connect_timeout = Some(v.get());
    }
    if let Some(v) = g.read_timeout {
        p.read_timeout = Some(v.get());
    }
    if let Some(v) = g.deadline {
        p.deadline = Some(v.get());
    }
    if let Some(v) = g.max_attempts {
        p.max_attempts = Some(v);
    }
    if let Some(bundle) = g.ca_bundle.as_ref().filter(|b| !b.as_os_str().is_empty()) {
        // Saved absolute: a relative path would be read relative to the config file's directory.
        let absolute = std::path::absolute(bundle).unwrap_or_else(|_| bundle.clone());
        p.ca_bundle = Some(absolute.display().to_string());
    }
}

/// Checks what can be checked without contacting anything.
fn validate(ctx: &Context, name: &str, p: &Profile, file: &ConfigFile) -> anyhow::Result<()> {
    p.check(name, file)?;
    if let Some(e) = &p.endpoint {
        crate::client::endpoint::resolve(None, Some(e), ctx.globals.allow_insecure_endpoint)
            .map_err(|err| CliError::usage(format!("invalid endpoint: {err}"), None))?;
    }
    if let Some(uri) = &p.credentials_uri {
        if !(uri.starts_with("http://") || uri.starts_with("https://")) {
            return Err(CliError::usage(
                format!(
                    "invalid credentials URI {}",
                    credentials::remote::redact_uri(uri)
                ),
                Some("use an http:// or https:// URL".to_string()),
            )
            .into());
        }
    }
    let whence = format!("profile {name}");
    credentials::mode::from_bgpeer(name, p, &whence).map_err(|e| {
        CliError::usage(
            e.to_string(),
            crate::exit::Diagnose::hint(&e).map(|h| h.replace("add `", "pass the flag for `")),
        )
    })?;
    Ok(())
}

fn save(
    ctx: &Context,
    path: &std::path::Path,
    mut file: ConfigFile,
    name: &str,
    p: Profile,
) -> anyhow::Result<()> {
    validate(ctx, name, &p, &file)?;
    file.profiles.insert(name.to_string(), p);
    let became_current = file.current.is_none();
    if became_current {
        file.current = Some(name.to_string());
    }
    file::save(path, &file)?;
    ctx.notice(&format!(
        "saved profile {name} to {}{}",
        config::shown(path),
        if became_current {
            " (now the current profile)"
        } else {
            ""
        }
    ));
    Ok(())
}

fn set(ctx: &Context, a: SetArgs) -> anyhow::Result<()> {
    let name = opt(&ctx.globals.profile).ok_or_else(|| {
        CliError::usage(
            "configure set needs --profile NAME",
            Some("e.g. bgpeer configure set --profile prod --mode AK --region cn-shanghai --access-key-id ID --access-key-secret-from stdin".to_string()),
        )
    })?;
    profile::check_name(&name)?;
    let (path, file) = load_file(ctx)?;
    let mut p = file.profiles.get(&name).cloned().unwrap_or_default();
    for key in &a.unset {
        p.unset(key)?;
    }
    apply_setting_flags(ctx, &mut p);

    let mode = match opt(&a.mode) {
        Some(m) => {
            let mode = Mode::parse(&m, "--mode")
                .map_err(|e| CliError::usage(e.to_string(), crate::exit::Diagnose::hint(&e)))?;
            p.clear_credentials();
            p.mode = Some(mode.as_str().to_string());
            Some(mode)
        }
        None => match opt(&p.mode) {
            Some(m) => Some(Mode::parse(&m, &format!("profile {name}"))?),
            None => None,
        },
    };
    let has_credential_flags = a.access_key_id.is_some()
        || a.access_key_secret_from.is_some()
        || a.security_token_from.is_some()
        || a.role_arn.is_some()
        || a.source_profile.is_some()
        || a.role_name.is_some()
        || a.process_command.is_some()
        || a.credentials_uri.is_some()
        || a.oidc_provider_arn.is_some()
        || a.oidc_token_file.is_some()
        || a.enable_vpc;
    if mode.is_none() && has_credential_flags {
        return Err(CliError::usage(
            format!("profile {name} has no credential mode"),
            Some(format!(
                "pass --mode ({})",
                credentials::mode::SUPPORTED.join(", ")
            )),
        )
        .into());
    }
    if a.access_key_secret_from.as_deref() == Some("stdin")
        && a.security_token_from.as_deref() == Some("stdin")
    {
        return Err(CliError::usage(
            "only one secret can come from stdin",
            Some("read the other with env:VAR, e.g. --security-token-from env:ALIBABA_CLOUD_SECURITY_TOKEN".to_string()),
        )
        .into());
    }
    let set_str = |slot: &mut Option<String>, v: &Option<String>| {
        if let Some(v) = opt(v) {
            *slot = Some(v);
        }
    };
    set_str(&mut p.access_key_id, &a.access_key_id);
    set_str(&mut p.role_arn, &a.role_arn);
    set_str(&mut p.role_session_name, &a.role_session_name);
    set_str(&mut p.external_id, &a.external_id);
    set_str(&mut p.policy, &a.policy);
    set_str(&mut p.sts_region, &a.sts_region);
    set_str(&mut p.sts_endpoint, &a.sts_endpoint);
    set_str(&mut p.source_profile, &a.source_profile);
    set_str(&mut p.role_name, &a.role_name);
    set_str(&mut p.process_command, &a.process_command);
    set_str(&mut p.credentials_uri, &a.credentials_uri);
    set_str(&mut p.oidc_provider_arn, &a.oidc_provider_arn);
    set_str(&mut p.oidc_token_file, &a.oidc_token_file);
    if a.enable_vpc {
        p.enable_vpc = Some(true);
    }
    if let Some(on) = a.live_completion {
        p.live_completion = Some(on);
    }
    if let Some(d) = a.duration_seconds {
        p.duration_seconds = Some(d);
    }
    if let Some(from) = &a.access_key_secret_from {
        p.access_key_secret = Some(
            read_secret(ctx, from, "AccessKey secret", "--access-key-secret-from")?
                .expose()
                .to_string(),
        );
    }
    if let Some(from) = &a.security_token_from {
        p.security_token = Some(
            read_secret(ctx, from, "security token", "--security-token-from")?
                .expose()
                .to_string(),
        );
    }
    if let Some(mode) = mode {
        let needs_secret = matches!(mode, Mode::Ak | Mode::StsToken | Mode::RamRoleArn);
        if needs_secret && p.access_key_secret.is_none() {
            if ctx.term.stdin && ctx.term.stderr {
                p.access_key_secret = Some(prompt_hidden(ctx, "AccessKey secret")?);
            } else {
                return Err(CliError::usage(
                    format!("mode {} needs an AccessKey secret", mode.as_str()),
                    Some("pass --access-key-secret-from stdin (and pipe it in) or --access-key-secret-from env:VAR".to_string()),
                )
                .into());
            }
        }
        if mode == Mode::StsToken && p.security_token.is_none() {
            if ctx.term.stdin && ctx.term.stderr {
                p.security_token = Some(prompt_hidden(ctx, "STS security token")?);
            } else {
                return Err(CliError::usage(
                    "mode StsToken needs a security token",
                    Some("pass --security-token-from env:VAR (or stdin)".to_string()),
                )
                .into());
            }
        }
    }
    save(ctx, &path, file, &name, p)
}

fn prompt_hidden(ctx: &Context, what: &str) -> anyhow::Result<String> {
    let v = ctx
        .read_hidden(&format!("{what} (hidden): "))
        .map_err(|e| CliError::usage(format!("cannot read the {what}: {e}"), None))?;
    let v = v.trim().to_string();
    if v.is_empty() {
        return Err(CliError::usage(format!("the {what} is empty"), None).into());
    }
    Ok(v)
}

fn prompt(ctx: &Context, question: &str, default: Option<&str>) -> anyhow::Result<String> {
    match default {
        Some(d) if !d.is_empty() => ctx.write_stderr(&format!("{question} [{d}]: ")),
        _ => ctx.write_stderr(&format!("{question}: ")),
    }
    let Some(line) = ctx.read_line()? else {
        return Err(CliError::usage("input ended before the wizard finished", None).into());
    };
    let line = line.trim();
    Ok(if line.is_empty() {
        default.unwrap_or("").to_string()
    } else {
        line.to_string()
    })
}

/// The terminal wizard: mode, keys (hidden), region, output; validated before saving.
fn wizard(ctx: &Context) -> anyhow::Result<()> {
    if !(ctx.term.stdin && ctx.term.stderr) {
        return Err(CliError::usage(
            "bgpeer configure without a subcommand is an interactive wizard and needs a terminal",
            Some("in scripts use `bgpeer configure set --profile NAME --mode AK --access-key-id ID --access-key-secret-from stdin`".to_string()),
        )
        .into());
    }
    let (path, file) = load_file(ctx)?;
    let default_name = opt(&ctx.globals.profile)
        .or_else(|| file.current.clone())
        .unwrap_or_else(|| "default".to_string());
    ctx.write_stderr(&format!(
        "Configuring a bgpeer profile in {}\n",
        config::shown(&path)
    ));
    let name = prompt(ctx, "Profile name", Some(&default_name))?;
    profile::check_name(&name)?;
    let old = file.profiles.get(&name).cloned().unwrap_or_default();
    let mut p = old.clone();
    let mode_raw = prompt(
        ctx,
        &format!("Mode ({})", credentials::mode::SUPPORTED.join(", ")),
        Some(old.mode.as_deref().unwrap_or("AK")),
    )?;
    let mode = Mode::parse(&mode_raw, "the wizard")
        .map_err(|e| CliError::usage(e.to_string(), crate::exit::Diagnose::hint(&e)))?;
    if mode.aliyun_only() {
        // Refused at once, with the message that says where such a profile lives.
        let only_mode = Profile {
            mode: Some(mode.as_str().to_string()),
            ..Default::default()
        };
        validate(ctx, &name, &only_mode, &file)?;
    }
    let same_mode = old.mode.as_deref() == Some(mode.as_str());
    if !same_mode {
        p.clear_credentials();
    }
    p.mode = Some(mode.as_str().to_string());
    let keep = |v: &Option<String>| v.clone().unwrap_or_default();
    let ask_secret = |what: &str, old: &Option<String>| -> anyhow::Result<String> {
        if old.is_some() {
            let v = ctx.read_hidden(&format!("{what} (hidden; Enter keeps the saved one): "))?;
            let v = v.trim();
            return Ok(if v.is_empty() {
                old.clone().unwrap_or_default()
            } else {
                v.to_string()
            });
        }
        prompt_hidden(ctx, what)
    };
    let some = |s: String| Some(s).filter(|s| !s.is_empty());
    match mode {
        Mode::Ak | Mode::StsToken | Mode::RamRoleArn => {
            let shown = p.access_key_id.as_deref().map(mask_key_id);
            let id = prompt(ctx, "AccessKey ID", shown.as_deref())?;
            if Some(id.as_str()) != shown.as_deref() {
                p.access_key_id = some(id);
            }
            p.access_key_secret = some(ask_secret("AccessKey secret", &p.access_key_secret)?);
            if mode == Mode::StsToken {
                p.security_token = some(ask_secret("STS security token", &p.security_token)?);
            }
        }
        _ => {}
    }
    if matches!(
        mode,
        Mode::RamRoleArn | Mode::ChainableRamRoleArn | Mode::Oidc
    ) {
        if mode == Mode::ChainableRamRoleArn {
            p.source_profile = some(prompt(
                ctx,
                "Source profile",
                Some(&keep(&p.source_profile)),
            )?);
        }
        p.role_arn = some(prompt(ctx, "Role ARN", Some(&keep(&p.role_arn)))?);
        if mode == Mode::Oidc {
            p.oidc_provider_arn = some(prompt(
                ctx,
                "OIDC provider ARN",
                Some(&keep(&p.oidc_provider_arn)),
            )?);
            p.oidc_token_file = some(prompt(
                ctx,
                "OIDC token file",
                Some(&keep(&p.oidc_token_file)),
            )?);
        }
        p.role_session_name = some(prompt(
            ctx,
            "Role session name (empty for bgpeer-<time>)",
            Some(&keep(&p.role_session_name)),
        )?);
    }
    match mode {
        Mode::EcsRamRole => {
            p.role_name = some(prompt(
                ctx,
                "ECS RAM role name (empty to discover it)",
                Some(&keep(&p.role_name)),
            )?)
        }
        Mode::External => {
            p.process_command = some(prompt(ctx, "Command", Some(&keep(&p.process_command)))?)
        }
        Mode::CredentialsUri => {
            p.credentials_uri = some(prompt(
                ctx,
                "Credentials URI",
                Some(&keep(&p.credentials_uri)),
            )?)
        }
        _ => {}
    }
    p.region = some(prompt(
        ctx,
        "Region",
        Some(p.region.as_deref().unwrap_or("cn-hangzhou")),
    )?);
    let out = prompt(
        ctx,
        "Output (table, json, ndjson, tsv, value)",
        Some(p.output.as_deref().unwrap_or("table")),
    )?;
    if crate::output::OutputFormat::parse(&out).is_none() {
        return Err(CliError::usage(
            format!("invalid output {out:?}"),
            Some("use table, json, ndjson, tsv, value or none".to_string()),
        )
        .into());
    }
    p.output = Some(out.to_ascii_lowercase());
    let mut file = file;
    file.current = Some(name.clone());
    save(ctx, &path, file, &name, p)?;
    ctx.notice("check it with `bgpeer whoami`");
    Ok(())
}

/// One row per profile: bgpeer's, the aliyun CLI's, and the built-in emulator (`configure list`, and
/// the candidates of `--profile` in shell completion).
pub(crate) fn profile_rows(ctx: &Context, settings: &settings::Settings) -> Vec<Value> {
    let active = settings.profile.value.as_str();
    let mut rows = Vec::new();
    let bgpeer_path = config::shown(&settings.config.path);
    if let Some(f) = &settings.config.file {
        for (name, p) in &f.profiles {
            rows.push(json!({
                "Name": name,
                "Active": name == active,
                "Mode": p.mode.clone().unwrap_or_default(),
                "AccessKeyId": p.access_key_id.as_deref().map(mask_key_id).unwrap_or_default(),
                "Region": p.region.clone().unwrap_or_default(),
                "Origin": bgpeer_path,
            }));
        }
    }
    if !config::aliyun_disabled(&ctx.env) {
        match config::load_aliyun(&ctx.env) {
            Ok(Some(a)) => {
                let origin = config::shown(&a.path);
                for p in &a.config.profiles {
                    rows.push(json!({
                        "Name": p.name,
                        "Active": p.name == active && settings.config.profile(active).is_none(),
                        "Mode": p.effective_mode(),
                        "AccessKeyId": if p.access_key_id.is_empty() { String::new() } else { mask_key_id(&p.access_key_id) },
                        "Region": p.region_id,
                        "Origin": origin,
                    }));
                }
            }
            Ok(None) => {}
            Err(e) => ctx.notice(&format!("warning: {e}")),
        }
    }
    rows.push(json!({
        "Name": EMULATOR_PROFILE,
        "Active": active == EMULATOR_PROFILE,
        "Mode": "built-in",
        "AccessKeyId": "",
        "Region": "cn-shanghai",
        "Origin": "built-in (local emulator)",
    }));
    rows
}

/// One effective setting: its name, its value (None when unset), and where the value came from
/// (or, unset, how it is decided).
struct Effective {
    name: &'static str,
    value: Option<String>,
    source: String,
}

/// The effective settings, in the order `configure list` shows them; `configure get` reads them too.
fn effective_settings(s: &settings::Settings) -> Vec<Effective> {
    fn set(name: &'static str, value: String, source: &Source) -> Effective {
        Effective {
            name,
            value: Some(value),
            source: source.to_string(),
        }
    }
    fn unset(name: &'static str, how: &str) -> Effective {
        Effective {
            name,
            value: None,
            source: how.to_string(),
        }
    }
    vec![
        set("profile", s.profile.value.clone(), &s.profile.source),
        match &s.region {
            Some(r) => set("region", r.value.clone(), &r.source),
            None => unset(
                "region",
                "not set (--region, ALIBABA_CLOUD_REGION_ID or the profile)",
            ),
        },
        match &s.endpoint {
            Some(e) => set("endpoint", e.value.clone(), &e.source),
            None => unset("endpoint", "derived from the region"),
        },
        match &s.output {
            Some(o) => set("output", o.value.name().to_string(), &o.source),
            None => unset(
                "output",
                "built-in default (table on a terminal, json otherwise)",
            ),
        },
        set(
            "signature_version",
            s.signature_version.value.as_str().to_string(),
            &s.signature_version.source,
        ),
        set(
            "connect_timeout",
            s.connect_timeout_secs.value.to_string(),
            &s.connect_timeout_secs.source,
        ),
        set(
            "read_timeout",
            s.read_timeout_secs.value.to_string(),
            &s.read_timeout_secs.source,
        ),
        set(
            "deadline",
            s.deadline_secs.value.to_string(),
            &s.deadline_secs.source,
        ),
        set(
            "max_attempts",
            s.max_attempts.value.to_string(),
            &s.max_attempts.source,
        ),
        set(
            "retry_base_delay",
            s.retry_base_delay_secs.value.to_string(),
            &s.retry_base_delay_secs.source,
        ),
        match &s.ca_bundle {
            Some(b) => set("ca_bundle", b.value.display().to_string(), &b.source),
            None => unset("ca_bundle", "not set (the system's and the built-in CAs)"),
        },
        set(
            "live_completion",
            s.live_completion.value.to_string(),
            &s.live_completion.source,
        ),
    ]
}

fn setting_rows(ctx: &Context, s: &settings::Settings) -> Vec<Value> {
    let mut rows: Vec<Value> = effective_settings(s)
        .into_iter()
        .map(|e| json!({"Setting": e.name, "Value": e.value.unwrap_or_default(), "Source": e.source}))
        .collect();
    let (cred_source, key_id) = credentials::planned_source(s, &ctx.env, ctx.clock.now());
    rows.insert(
        1,
        json!({"Setting": "credentials", "Value": key_id.unwrap_or_default(), "Source": cred_source}),
    );
    rows
}

fn list(ctx: &Context) -> anyhow::Result<()> {
    let settings = ctx.settings()?;
    let profiles = profile_rows(ctx, settings);
    let settings_rows = setting_rows(ctx, settings);
    let document = || {
        json!({
            "ActiveProfile": settings.profile.value,
            "ConfigFile": settings.config.path.display().to_string(),
            "Profiles": profiles,
            "Settings": settings_rows,
        })
    };
    if let Some(query) = super::emit::query(ctx)? {
        return super::emit::emit_document(ctx, &query, document());
    }
    match ctx.output_format() {
        OutputFormat::Json => super::emit::emit_one(ctx, &document(), &[]),
        _ => {
            super::emit::emit_list(
                ctx,
                profiles,
                &["Name", "Active", "Mode", "AccessKeyId", "Region", "Origin"],
            )?;
            ctx.write_stdout(b"\n")?;
            super::emit::emit_list(ctx, settings_rows, &["Setting", "Value", "Source"])
        }
    }
}

fn get(ctx: &Context, key: &str) -> anyhow::Result<()> {
    let key = key.trim().to_ascii_lowercase().replace('-', "_");
    if file::SECRET_KEYS.contains(&key.as_str()) {
        return Err(CliError::usage(
            format!("{key} is a secret and bgpeer never prints secrets"),
            Some("`bgpeer whoami` checks that the credentials work".to_string()),
        )
        .into());
    }
    let s = ctx.settings()?;
    let effective = effective_settings(s);
    let found = effective.iter().find(|e| e.name == key);
    let (value, source): (Option<String>, String) = match key.as_str() {
        _ if found.is_some() => found
            .map(|e| (e.value.clone(), e.source.clone()))
            .unwrap_or_default(),
        k if file::PROFILE_KEYS.contains(&k) => {
            let source = Source::Profile {
                name: s.profile.value.clone(),
                path: config::shown(&s.config.path),
            }
            .to_string();
            let v = s.bgpeer_profile().and_then(|p| {
                let table = toml::Table::try_from(p).ok()?;
                table.get(k).map(|v| match v {
                    toml::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
            });
            let v = if k == "access_key_id" {
                v.map(|id| mask_key_id(&id))
            } else if k == "credentials_uri" {
                v.map(|u| credentials::remote::redact_uri(&u))
            } else {
                v
            };
            (v, source)
        }
        other => {
            let mut known: Vec<&str> = effective.iter().map(|e| e.name).collect();
            known.extend(
                file::PROFILE_KEYS
                    .iter()
                    .filter(|k| !effective.iter().any(|e| e.name == **k)),
            );
            return Err(profile::unknown_key(other, &known).into());
        }
    };
    let Some(value) = value else {
        return Err(CliError::not_found(
            format!("{key} is not set for profile {}", s.profile.value),
            Some(format!(
                "set it with `bgpeer configure set --profile {} ...`",
                s.profile.value
            )),
        )
        .into());
    };
    if ctx.globals.query.is_some()
        || matches!(
            ctx.globals.output,
            Some(OutputFormat::Json | OutputFormat::Ndjson)
        )
    {
        return super::emit::emit_one(
            ctx,
            &json!({"Key": key, "Value": value, "Source": source}),
            &["Key", "Value", "Source"],
        );
    }
    ctx.write_stdout(format!("{value}\n").as_bytes())?;
    Ok(())
}

fn not_a_profile(ctx: &Context, name: &str, file: &ConfigFile, extra: &[String]) -> CliError {
    let mut names: Vec<&str> = file.profiles.keys().map(String::as_str).collect();
    names.extend(extra.iter().map(String::as_str));
    let hint = match file::did_you_mean(name, &names) {
        Some(s) => format!("did you mean {s}? `bgpeer configure list` shows every profile"),
        None => "`bgpeer configure list` shows every profile".to_string(),
    };
    CliError::not_found(
        format!(
            "no profile {name} in {}",
            config::shown(config::config_path(&ctx.env))
        ),
        Some(hint),
    )
}

fn delete(ctx: &Context, name: &str) -> anyhow::Result<()> {
    let (path, mut file) = load_file(ctx)?;
    if !file.profiles.contains_key(name) {
        if name == EMULATOR_PROFILE {
            return Err(CliError::usage("profile emulator is built in", None).into());
        }
        if let Ok(Some(a)) = config::load_aliyun(&ctx.env) {
            if a.profile(name).is_some() {
                return Err(CliError::usage(
                    format!(
                        "profile {name} is in the aliyun CLI's config {}, which bgpeer never writes",
                        config::shown(&a.path)
                    ),
                    Some(format!("use `aliyun configure delete --profile {name}`")),
                )
                .into());
            }
        }
        return Err(not_a_profile(ctx, name, &file, &[]).into());
    }
    let users: Vec<String> = file
        .profiles
        .iter()
        .filter(|(_, p)| p.source_profile.as_deref() == Some(name))
        .map(|(n, _)| n.clone())
        .collect();
    if !users.is_empty() {
        return Err(CliError::usage(
            format!(
                "profile {name} is the source_profile of {}",
                users.join(", ")
            ),
            Some("change or delete those profiles first".to_string()),
        )
        .into());
    }
    crate::commands::confirm::confirm(ctx, &format!("delete profile {name}"))?;
    file.profiles.remove(name);
    let was_current = file.current.as_deref() == Some(name);
    if was_current {
        file.current = None;
    }
    file::save(&path, &file)?;
    ctx.notice(&format!(
        "deleted profile {name} from {}{}",
        config::shown(&path),
        if was_current {
            "; no profile is current now (`bgpeer configure switch NAME` picks one)"
        } else {
            ""
        }
    ));
    Ok(())
}

fn switch(ctx: &Context, name: &str) -> anyhow::Result<()> {
    let (path, mut file) = load_file(ctx)?;
    let mut others = vec![EMULATOR_PROFILE.to_string()];
    let mut known = file.profiles.contains_key(name) || name == EMULATOR_PROFILE;
    if !known {
        if let Some(a) = config::load_aliyun(&ctx.env)? {
            known = a.profile(name).is_some();
            others.extend(a.config.profiles.iter().map(|p| p.name.clone()));
        }
    }
    if !known {
        return Err(not_a_profile(ctx, name, &file, &others).into());
    }
    file.current = Some(name.to_string());
    file::save(&path, &file)?;
    ctx.notice(&format!(
        "profile {name} is now current (saved in {})",
        config::shown(&path)
    ));
    Ok(())
}
