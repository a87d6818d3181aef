//! OIDC (RRSA) credentials end to end: the real binary in a sealed HOME obtains temporary
//! credentials from the emulator's STS `AssumeRoleWithOIDC` with a token file, from the
//! environment, bgpeer's TOML, the aliyun CLI's config.json and the SDK INI file; the cache, the
//! token file's rotation, every refusal, precedence, retries; and the emulator's side of the
//! action in the three wire shapes clients send.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine as _;
use serde_json::{json, Value};

use crate::support::*;

const ROLE_ARN: &str = "acs:ram::1234567890123456:role/pod-role";
const PROVIDER_ARN: &str = "acs:ram::1234567890123456:oidc-provider/ack-rrsa-c1234";
const ACTION: &str = "AssumeRoleWithOIDC";

/// A JWT as a cluster issues it (the emulator checks its form and `exp`, not a signature).
fn jwt(subject: &str, exp: i64) -> String {
    let part = |v: Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    format!(
        "{}.{}.{}",
        part(json!({"alg": "RS256", "kid": "k1", "typ": "JWT"})),
        part(json!({
            "iss": "https://oidc-ack-cn-shanghai.oss-cn-shanghai.aliyuncs.com/c1234",
            "sub": format!("system:serviceaccount:default:{subject}"),
            "aud": ["sts.aliyuncs.com"],
            "iat": chrono::Utc::now().timestamp(),
            "exp": exp,
        })),
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("signature-of-{subject}")),
    )
}

/// A token that expires in two hours.
fn fresh_jwt(subject: &str) -> String {
    jwt(subject, chrono::Utc::now().timestamp() + 7200)
}

/// An emulator that accepts `tokens` (kind oidc).
fn emulator_accepting(tokens: &[&str]) -> Emulator {
    let mut args = vec!["--settle-ms".to_string(), "0".to_string()];
    for t in tokens {
        args.push("--accept-token".into());
        args.push(format!("oidc={t}"));
    }
    Emulator::start_with(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The token file of a sandbox, written with a trailing newline as `echo` would.
fn token_file(sb: &Sandbox, token: &str) -> PathBuf {
    let path = sb.path("var/run/secrets/rrsa/token");
    write(&path, &format!("{token}\n"));
    path
}

/// `bgpeer` with the OIDC variables set, the STS and VPC endpoints at `emu`.
fn env_cmd(sb: &Sandbox, emu: &Emulator, file: &Path) -> Command {
    let mut c = sb.cmd();
    c.env("ALIBABA_CLOUD_ROLE_ARN", ROLE_ARN)
        .env("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", PROVIDER_ARN)
        .env("ALIBABA_CLOUD_OIDC_TOKEN_FILE", file)
        .env("BGPEER_STS_ENDPOINT", &emu.endpoint)
        .args(["--endpoint", &emu.endpoint, "--region", "cn-shanghai"]);
    c
}

/// `whoami -o json`: (exit code, stdout as JSON or Null, stderr).
fn whoami(mut c: Command) -> (i32, Value, String) {
    let (code, out, err) = run(c.args(["whoami", "-o", "json"]));
    (code, serde_json::from_str(&out).unwrap_or(Value::Null), err)
}

fn assert_verified(c: Command, source: &str) -> Value {
    let (code, v, err) = whoami(c);
    assert_eq!(code, 0, "{v} {err}");
    assert_eq!(v["Verified"], true, "{v}");
    let got = v["CredentialSource"].as_str().unwrap_or("");
    assert!(got.contains(source), "{got:?} lacks {source:?}");
    assert!(
        v["AccessKeyId"].as_str().unwrap().starts_with("STS."),
        "{v}"
    );
    v
}

/// The AssumeRoleWithOIDC requests the emulator logged.
fn oidc_calls(emu: &Emulator) -> Vec<Value> {
    requests(emu)
        .into_iter()
        .filter(|r| r["action"] == ACTION)
        .collect()
}

/// The one cached credentials file of a sandbox.
fn cache_file(sb: &Sandbox) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(sb.path(".cache/bgpeer/sts"))
        .expect("the STS cache directory")
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

/// Moves the cached credentials' expiry to `from_now` seconds from now.
fn expire_cache_in(sb: &Sandbox, from_now: i64) {
    let path = cache_file(sb);
    let mut cached: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    cached["Expiration"] = Value::from(bgpeer::signing::format_timestamp(
        chrono::Utc::now() + chrono::Duration::seconds(from_now),
    ));
    std::fs::write(&path, cached.to_string()).unwrap();
}

// ---------------------------------------------------------------------------------------------
// Sources

#[cfg(unix)]
#[test]
fn env_variables_get_credentials_unsigned_and_cache_them() {
    let token = fresh_jwt("env");
    let emu = emulator_accepting(&[&token]);
    let sb = Sandbox::new();
    let file = token_file(&sb, &token);
    let v = assert_verified(
        env_cmd(&sb, &emu, &file),
        "env ALIBABA_CLOUD_OIDC_TOKEN_FILE (OIDC)",
    );

    let calls = oidc_calls(&emu);
    assert_eq!(calls.len(), 1, "{calls:?}");
    let call = &calls[0];
    assert_eq!(call["status"], 200);
    // Unsigned: no key, no signature, no nonce; the token masked in the log.
    assert_eq!(call["accessKeyId"], Value::Null);
    assert_eq!(call["signatureVersion"], Value::Null);
    let p = &call["parameters"];
    for absent in [
        "AccessKeyId",
        "Signature",
        "SignatureNonce",
        "SignatureMethod",
    ] {
        assert!(p.get(absent).is_none(), "{absent} in {p}");
    }
    assert_eq!(p["OIDCToken"], "****");
    assert_eq!(p["RoleArn"], ROLE_ARN);
    assert_eq!(p["OIDCProviderArn"], PROVIDER_ARN);
    assert_eq!(p["DurationSeconds"], "3600");
    assert!(
        p["RoleSessionName"]
            .as_str()
            .unwrap()
            .starts_with("bgpeer-"),
        "{p}"
    );
    assert_eq!(call["method"], "POST");

    // Cached (mode 0600): the second command makes no STS call and uses the same key.
    use std::os::unix::fs::PermissionsExt;
    let cached = cache_file(&sb);
    assert_eq!(
        std::fs::metadata(&cached).unwrap().permissions().mode() & 0o777,
        0o600
    );
    forget_requests(&emu);
    let again = assert_verified(env_cmd(&sb, &emu, &file), "(OIDC)");
    assert_eq!(again["AccessKeyId"], v["AccessKeyId"]);
    assert_eq!(actions(&emu), vec!["DescribeRegions"]);

    // The credentials carry their expiration (here from the cache): an hour from now.
    let exported = ok_json(env_cmd(&sb, &emu, &file).args([
        "configure",
        "export-credentials",
        "--format",
        "json",
    ]));
    let expires = chrono::DateTime::parse_from_rfc3339(exported["Expiration"].as_str().unwrap())
        .unwrap()
        .with_timezone(&chrono::Utc);
    let left = expires - chrono::Utc::now();
    assert!(
        left > chrono::Duration::minutes(55) && left <= chrono::Duration::minutes(60),
        "{exported}"
    );

    // ALIBABA_CLOUD_ROLE_SESSION_NAME names the session (a new session: a new cache entry).
    let mut c = env_cmd(&sb, &emu, &file);
    c.env("ALIBABA_CLOUD_ROLE_SESSION_NAME", "pod-session");
    assert_verified(c, "(OIDC)");
    let calls = oidc_calls(&emu);
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert_eq!(calls[0]["parameters"]["RoleSessionName"], "pod-session");
}

#[test]
fn the_token_file_is_read_again_when_the_credentials_are_refreshed() {
    let old = fresh_jwt("before-rotation");
    let new = fresh_jwt("after-rotation");
    let emu = emulator_accepting(&[&old]);
    let sb = Sandbox::new();
    let file = token_file(&sb, &old);
    let first = assert_verified(env_cmd(&sb, &emu, &file), "(OIDC)");

    // The kubelet rotates the token; the emulator now takes only the new one.
    write(&file, &new);
    admin(&emu, "DELETE", "tokens", "");
    admin(
        &emu,
        "POST",
        "tokens",
        &json!({"kind": "oidc", "token": new}).to_string(),
    );
    forget_requests(&emu);
    // The credentials the old token bought are still good: the cache is keyed by the file's path,
    // not its content, so no STS call.
    let cached = assert_verified(env_cmd(&sb, &emu, &file), "(OIDC)");
    assert_eq!(cached["AccessKeyId"], first["AccessKeyId"]);
    assert!(oidc_calls(&emu).is_empty());

    // Within 5 minutes of their expiry they are refreshed, with the token the file holds now.
    expire_cache_in(&sb, 240);
    let refreshed = assert_verified(env_cmd(&sb, &emu, &file), "(OIDC)");
    assert_ne!(refreshed["AccessKeyId"], first["AccessKeyId"]);
    let calls = oidc_calls(&emu);
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert_eq!(calls[0]["status"], 200);
    assert_eq!(calls[0]["parameters"]["OIDCToken"], "****");

    // The old token alone is refused now: the success above used the new one.
    write(&file, &old);
    std::fs::remove_dir_all(sb.path(".cache/bgpeer/sts")).unwrap();
    let (code, _, err) = whoami(env_cmd(&sb, &emu, &file));
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("AuthenticationFail.OIDCToken.InvalidSignature"),
        "{err}"
    );
}

#[test]
fn a_toml_profile_set_with_configure_set() {
    let token = fresh_jwt("toml");
    let emu = emulator_accepting(&[&token]);
    let sb = Sandbox::new();
    let file = token_file(&sb, &token);
    let file_arg = file.display().to_string();
    let mut set = sb.cmd();
    set.args([
        "configure",
        "set",
        "--profile",
        "pod",
        "--mode",
        "OIDC",
        "--role-arn",
        ROLE_ARN,
        "--oidc-provider-arn",
        PROVIDER_ARN,
        "--oidc-token-file",
        &file_arg,
        "--role-session-name",
        "toml-session",
        "--duration-seconds",
        "900",
        "--policy",
        r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"vpc:*","Resource":"*"}]}"#,
        "--sts-endpoint",
        &emu.endpoint,
        "--region",
        "cn-shanghai",
        "--endpoint",
        &emu.endpoint,
    ]);
    let (code, _, err) = run(&mut set);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(sb.path(".config/bgpeer/config.toml")).unwrap();
    for line in [
        "mode = \"OIDC\"",
        &format!("oidc_provider_arn = \"{PROVIDER_ARN}\""),
        "oidc_token_file = ",
        "duration_seconds = 900",
    ] {
        assert!(text.contains(line), "{line} not in\n{text}");
    }
    let mut c = sb.cmd();
    c.args(["--profile", "pod"]);
    assert_verified(c, "profile pod in ~/.config/bgpeer/config.toml (OIDC)");
    let calls = oidc_calls(&emu);
    assert_eq!(calls.len(), 1);
    let p = &calls[0]["parameters"];
    assert_eq!(p["RoleSessionName"], "toml-session");
    assert_eq!(p["DurationSeconds"], "900");
    assert!(p["Policy"].as_str().unwrap().contains("vpc:*"), "{p}");

    // configure list names the mode and plans the source; get shows the non-secret keys.
    let v = ok_json(
        sb.cmd()
            .args(["--profile", "pod", "configure", "list", "-o", "json"]),
    );
    let row = v["Profiles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["Name"] == "pod")
        .cloned()
        .unwrap();
    assert_eq!(row["Mode"], "OIDC");
    let creds = v["Settings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["Setting"] == "credentials")
        .cloned()
        .unwrap();
    assert!(
        creds["Source"].as_str().unwrap().ends_with("(OIDC)"),
        "{creds}"
    );
    let (code, out, _) =
        run(sb
            .cmd()
            .args(["--profile", "pod", "configure", "get", "oidc_provider_arn"]));
    assert_eq!((code, out.trim()), (0, PROVIDER_ARN));

    // --mode OIDC without its required keys saves nothing; a bad provider ARN is named.
    let err = fails(
        sb.cmd().args([
            "configure",
            "set",
            "--profile",
            "half",
            "--mode",
            "OIDC",
            "--role-arn",
            ROLE_ARN,
            "--oidc-provider-arn",
            PROVIDER_ARN,
        ]),
        2,
    );
    assert!(err.contains("mode OIDC needs `oidc_token_file`"), "{err}");
    let err = fails(
        sb.cmd().args([
            "configure",
            "set",
            "--profile",
            "half",
            "--mode",
            "OIDC",
            "--role-arn",
            ROLE_ARN,
            "--oidc-provider-arn",
            ROLE_ARN,
            "--oidc-token-file",
            "/t",
        ]),
        2,
    );
    assert!(err.contains("invalid OIDC provider ARN"), "{err}");
    assert!(
        !std::fs::read_to_string(sb.path(".config/bgpeer/config.toml"))
            .unwrap()
            .contains("[profiles.half]")
    );
}

#[test]
fn an_aliyun_cli_profile_with_its_keys_env_fallbacks_and_inferred_mode() {
    let token = fresh_jwt("aliyun");
    let emu = emulator_accepting(&[&token]);
    let sb = Sandbox::new();
    let file = token_file(&sb, &token);
    let config = sb.path(".aliyun/config.json");
    // As `aliyun configure --mode OIDC` writes it.
    write(
        &config,
        &json!({
            "current": "pod",
            "profiles": [{
                "name": "pod", "mode": "OIDC", "ram_role_arn": ROLE_ARN,
                "oidc_provider_arn": PROVIDER_ARN, "oidc_token_file": file,
                "ram_session_name": "aliyun-cli-session", "expired_seconds": 3600,
                "sts_endpoint": emu.endpoint, "region_id": "cn-shanghai",
            }],
        })
        .to_string(),
    );
    let mut c = sb.cmd();
    c.args(["--endpoint", &emu.endpoint]);
    assert_verified(c, "aliyun CLI profile pod in ~/.aliyun/config.json (OIDC)");
    assert_eq!(
        oidc_calls(&emu)[0]["parameters"]["RoleSessionName"],
        "aliyun-cli-session"
    );

    // No mode, the Python library's session key, and the role ARN and STS endpoint from the
    // environment (as the aliyun CLI and the libraries complete a profile).
    forget_requests(&emu);
    let sb = Sandbox::new();
    let file = token_file(&sb, &token);
    write(
        &sb.path(".aliyun/config.json"),
        &json!({
            "profiles": [{
                "name": "p", "oidc_provider_arn": PROVIDER_ARN, "oidc_token_file": file,
                "ram_role_arn": ROLE_ARN, "role_session_name": "python-session",
            }],
        })
        .to_string(),
    );
    let mut c = sb.cmd();
    c.env("ALIBABA_CLOUD_STS_ENDPOINT", &emu.endpoint).args([
        "--profile",
        "p",
        "--endpoint",
        &emu.endpoint,
        "--region",
        "cn-shanghai",
    ]);
    assert_verified(c, "aliyun CLI profile p in ~/.aliyun/config.json (OIDC)");
    assert_eq!(
        oidc_calls(&emu)[0]["parameters"]["RoleSessionName"],
        "python-session"
    );

    let sb = Sandbox::new();
    let file = token_file(&sb, &token);
    write(
        &sb.path(".aliyun/config.json"),
        &json!({"profiles": [{"name": "p", "mode": "OIDC", "oidc_provider_arn": PROVIDER_ARN, "oidc_token_file": file}]})
            .to_string(),
    );
    let mut c = sb.cmd();
    c.env("ALIBABA_CLOUD_ROLE_ARN", ROLE_ARN)
        .env("BGPEER_STS_ENDPOINT", &emu.endpoint)
        .args([
            "--profile",
            "p",
            "--endpoint",
            &emu.endpoint,
            "--region",
            "cn-shanghai",
        ]);
    assert_verified(c, "(OIDC)");
    // Without it, the missing key is named with the variable that could stand in.
    let err = fails(
        sb.cmd().args([
            "--profile",
            "p",
            "--region",
            "cn-shanghai",
            "--error-format",
            "text",
            "whoami",
        ]),
        4,
    );
    assert!(
        err.contains(
            "mode OIDC needs `ram_role_arn` or env ALIBABA_CLOUD_ROLE_ARN (aliyun CLI profile p in"
        ),
        "{err}"
    );
}

#[test]
fn an_sdk_credentials_ini_section_of_type_oidc_role_arn() {
    let token = fresh_jwt("ini");
    let emu = emulator_accepting(&[&token]);
    let sb = Sandbox::new();
    let file = token_file(&sb, &token);
    write(
        &sb.path(".alibabacloud/credentials.ini"),
        &format!(
            "[default]\ntype = oidc_role_arn\nrole_arn = {ROLE_ARN}\noidc_provider_arn = {PROVIDER_ARN}\noidc_token_file_path = {}\nrole_session_name = ini-session\n",
            file.display()
        ),
    );
    let mut c = sb.cmd();
    c.env("BGPEER_STS_ENDPOINT", &emu.endpoint).args([
        "--endpoint",
        &emu.endpoint,
        "--region",
        "cn-shanghai",
    ]);
    assert_verified(
        c,
        "section [default] of ~/.alibabacloud/credentials.ini (OIDC)",
    );
    assert_eq!(
        oidc_calls(&emu)[0]["parameters"]["RoleSessionName"],
        "ini-session"
    );
}

// ---------------------------------------------------------------------------------------------
// Refusals

#[test]
fn each_sts_refusal_exits_4_with_its_code_request_id_and_a_hint() {
    let accepted = fresh_jwt("accepted");
    let emu = emulator_accepting(&[&accepted]);
    let cases: [(String, &str, &str, &str); 5] = [
        (
            "not-a-jwt".into(),
            PROVIDER_ARN,
            "AuthenticationFail.OIDCToken.Invalid",
            "does not hold a usable OIDC token",
        ),
        (
            jwt("old", chrono::Utc::now().timestamp() - 60),
            PROVIDER_ARN,
            "AuthenticationFail.OIDCToken.Expired",
            "has expired",
        ),
        (
            fresh_jwt("stranger"),
            PROVIDER_ARN,
            "AuthenticationFail.OIDCToken.InvalidSignature",
            "could not verify the token with OIDC provider",
        ),
        (
            accepted.clone(),
            "acs:ram::1234567890123456:role/not-a-provider",
            "AuthenticationFail.NoPermission",
            "does not exist, or role",
        ),
        (
            accepted.clone(),
            "acs:ram::1234567890123456:oidc-provider/p",
            "InvalidParameter.RoleSessionName",
            "2-64 letters",
        ),
    ];
    for (token, provider, code, hint) in cases {
        let sb = Sandbox::new();
        let file = token_file(&sb, &token);
        let mut c = env_cmd(&sb, &emu, &file);
        c.env("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", provider);
        if code == "InvalidParameter.RoleSessionName" {
            c.env("ALIBABA_CLOUD_ROLE_SESSION_NAME", "a b");
        }
        let (exit, out, err) = run(c.args(["--error-format", "text", "whoami"]));
        assert_eq!(exit, 4, "{code}: {err}");
        assert_eq!(out, "", "{code}");
        assert!(
            err.contains(&format!(
                "error: cannot assume role {ROLE_ARN} with the OIDC token in "
            )),
            "{err}"
        );
        assert!(
            err.contains(&format!("caused by: {code}: ")),
            "{code}: {err}"
        );
        assert!(err.contains("request id: "), "{code}: {err}");
        assert!(
            err.contains("hint: ") && err.contains(hint),
            "{code}: {err}"
        );
        // The same as JSON.
        let mut c = env_cmd(&sb, &emu, &file);
        c.env("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", provider);
        if code == "InvalidParameter.RoleSessionName" {
            c.env("ALIBABA_CLOUD_ROLE_SESSION_NAME", "a b");
        }
        let (exit, _, err) = run(c.args(["--error-format", "json", "whoami"]));
        assert_eq!(exit, 4);
        let e: Value = serde_json::from_str(err.trim()).unwrap_or_else(|_| panic!("{err}"));
        assert_eq!(e["error"]["code"], code, "{e}");
        assert_eq!(e["error"]["kind"], "auth", "{e}");
        assert!(e["error"]["request_id"].is_string(), "{e}");
        let status = if code.starts_with("AuthenticationFail") {
            401
        } else {
            400
        };
        assert_eq!(e["error"]["http_status"], status, "{e}");
    }
}

#[test]
fn a_missing_or_empty_token_file_is_named_with_where_its_path_came_from() {
    let emu = emulator_accepting(&[]);
    let sb = Sandbox::new();
    let missing = sb.path("no/such/token");
    let (code, _, err) =
        run(env_cmd(&sb, &emu, &missing).args(["--error-format", "text", "whoami"]));
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("error: cannot read the OIDC token file ~/no/such/token (env ALIBABA_CLOUD_OIDC_TOKEN_FILE): "),
        "{err}"
    );
    assert!(err.contains("hint: in an ACK pod with RRSA"), "{err}");
    let empty = token_file(&sb, "");
    write(
        &sb.path(".config/bgpeer/config.toml"),
        &format!(
            "[profiles.pod]\nmode = \"OIDC\"\nrole_arn = \"{ROLE_ARN}\"\noidc_provider_arn = \"{PROVIDER_ARN}\"\noidc_token_file = \"{}\"\nsts_endpoint = \"{}\"\n",
            empty.display(),
            emu.endpoint
        ),
    );
    let err = fails(
        sb.cmd().args([
            "--profile",
            "pod",
            "--region",
            "cn-shanghai",
            "--error-format",
            "text",
            "whoami",
        ]),
        4,
    );
    assert!(
        err.contains("error: the OIDC token file ~/var/run/secrets/rrsa/token (oidc_token_file of profile pod in ~/.config/bgpeer/config.toml) is empty"),
        "{err}"
    );
    // Nothing was sent.
    assert!(oidc_calls(&emu).is_empty());
}

#[test]
fn sts_answers_worth_retrying_are_retried_a_bounded_number_of_times() {
    let token = fresh_jwt("retry");
    let emu = emulator_accepting(&[&token]);
    let sb = Sandbox::new();
    let file = token_file(&sb, &token);
    let fault = |times: u32| {
        admin(
            &emu,
            "POST",
            "faults",
            &json!({"kind": "error", "code": "ServiceUnavailable", "action": ACTION, "times": times})
                .to_string(),
        );
    };
    fault(2);
    assert_verified(env_cmd(&sb, &emu, &file), "(OIDC)");
    let statuses: Vec<Value> = oidc_calls(&emu)
        .iter()
        .map(|r| r["status"].clone())
        .collect();
    assert_eq!(statuses, vec![json!(503), json!(503), json!(200)]);

    let sb = Sandbox::new();
    let file = token_file(&sb, &token);
    forget_requests(&emu);
    fault(10);
    let err = fails(
        env_cmd(&sb, &emu, &file).args(["--error-format", "text", "whoami"]),
        4,
    );
    assert!(err.contains("ServiceUnavailable"), "{err}");
    assert_eq!(oidc_calls(&emu).len(), 3, "at most 3 attempts");
}

// ---------------------------------------------------------------------------------------------
// Precedence

#[test]
fn the_env_key_pair_wins_then_oidc_then_profiles_and_the_profile_flag_skips_the_environment() {
    let token = fresh_jwt("precedence");
    let emu = emulator_accepting(&[&token]);
    let sb = Sandbox::new();
    let file = token_file(&sb, &token);
    // A current profile whose key the emulator refuses: used only if the chain reaches it.
    write(
        &sb.path(".config/bgpeer/config.toml"),
        "current = \"other\"\n[profiles.other]\nmode = \"AK\"\naccess_key_id = \"LTAI5tWrongKeyId001\"\naccess_key_secret = \"wrong\"\n",
    );
    // 1. The env key pair beats the OIDC variables.
    let mut c = env_cmd(&sb, &emu, &file);
    c.env("ALIBABA_CLOUD_ACCESS_KEY_ID", TEST_KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", TEST_KEY_SECRET);
    let (code, v, err) = whoami(c);
    assert_eq!(code, 0, "{err}");
    assert_eq!(v["CredentialSource"], "env ALIBABA_CLOUD_ACCESS_KEY_ID");
    assert!(oidc_calls(&emu).is_empty());
    // 2. The OIDC variables beat the current profile.
    assert_verified(
        env_cmd(&sb, &emu, &file),
        "env ALIBABA_CLOUD_OIDC_TOKEN_FILE (OIDC)",
    );
    // 3. --profile skips them: the named profile's own (refused) key is used.
    let (code, v, err) = whoami({
        let mut c = env_cmd(&sb, &emu, &file);
        c.args(["--profile", "other"]);
        c
    });
    assert_eq!(code, 4, "{err}");
    assert!(
        v["CredentialSource"]
            .as_str()
            .unwrap()
            .starts_with("profile other in "),
        "{v}"
    );
    // ... and says so when nothing else has credentials.
    let err = fails(
        env_cmd(&sb, &emu, &file).args([
            "--profile",
            "nowhere",
            "--error-format",
            "text",
            "whoami",
        ]),
        4,
    );
    assert!(
        err.contains("2. env ALIBABA_CLOUD_ROLE_ARN/_OIDC_PROVIDER_ARN/_OIDC_TOKEN_FILE: skipped, --profile nowhere brings its own credentials"),
        "{err}"
    );
    // Half the variables: the chain moves on, and the list says what is missing.
    let sb = Sandbox::new();
    let err = fails(
        sb.cmd().env("ALIBABA_CLOUD_ROLE_ARN", ROLE_ARN).args([
            "--region",
            "cn-shanghai",
            "--error-format",
            "text",
            "whoami",
        ]),
        4,
    );
    assert!(
        err.contains("2. env ALIBABA_CLOUD_ROLE_ARN/_OIDC_PROVIDER_ARN/_OIDC_TOKEN_FILE: incomplete, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE not set"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// No leaks

#[test]
fn neither_the_token_nor_the_temporary_secret_is_ever_printed() {
    let token = fresh_jwt("leak-canary");
    let stranger = fresh_jwt("leak-canary-refused");
    let emu = emulator_accepting(&[&token]);
    let sb = Sandbox::new();
    let file = token_file(&sb, &token);
    let mut outputs = Vec::new();
    for extra in [
        &["whoami"][..],
        &["whoami", "-o", "json"],
        &["--debug", "whoami"],
        &["--debug", "whoami", "-o", "table"],
        &["--debug", "api", "DescribeRegions"],
        &["configure", "list", "-o", "json"],
        &["configure", "list", "-o", "table"],
    ] {
        let (code, out, err) = run(env_cmd(&sb, &emu, &file).args(extra));
        outputs.push(format!("[{extra:?}] {code}\n{out}\n{err}"));
    }
    // The refusal of a token, in text and JSON, with --debug.
    let refused_file = sb.path("refused-token");
    write(&refused_file, &stranger);
    for format in ["text", "json"] {
        let (code, out, err) = run(env_cmd(&sb, &emu, &refused_file).args([
            "--debug",
            "--error-format",
            format,
            "whoami",
        ]));
        assert_eq!(code, 4, "{err}");
        outputs.push(format!("{out}\n{err}"));
    }
    let cached: Value =
        serde_json::from_str(&std::fs::read_to_string(cache_file(&sb)).unwrap()).unwrap();
    let all = outputs.join("\n");
    assert!(
        all.contains("AssumeRoleWithOIDC"),
        "the STS call is logged: {all}"
    );
    assert!(all.contains("OIDCToken=%2A%2A%2A%2A"), "{all}");
    for secret in [
        token.as_str(),
        stranger.as_str(),
        // Each part of a JWT on its own is a secret too (its signature above all).
        token.split('.').nth(2).unwrap(),
        stranger.split('.').nth(1).unwrap(),
        cached["AccessKeySecret"].as_str().unwrap(),
        cached["SecurityToken"].as_str().unwrap(),
    ] {
        assert!(!all.contains(secret), "{secret:?} leaked in:\n{all}");
    }
}

// ---------------------------------------------------------------------------------------------
// The emulator's side, in the wire shapes of the official clients

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(ANSWER_TIMEOUT)
        .build()
        .unwrap()
}

fn form(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

async fn answer(r: reqwest::RequestBuilder) -> (u16, Value) {
    let resp = r.send().await.unwrap();
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[tokio::test]
async fn the_emulator_serves_python_go_and_tea_requests_unsigned() {
    let token = fresh_jwt("wire");
    let emu = emulator_accepting(&[&token]);
    let with_newline = format!("{token}\n");
    let api = [
        ("RoleArn", ROLE_ARN),
        ("OIDCProviderArn", PROVIDER_ARN),
        ("OIDCToken", with_newline.as_str()),
        ("RoleSessionName", "wire-test"),
        ("DurationSeconds", "900"),
    ];
    let url = format!("{}/", emu.endpoint);
    let stamp = bgpeer::signing::format_timestamp(chrono::Utc::now());
    // Python: GET, everything in the query, the token with its file's newline.
    let mut query = vec![
        ("Action", ACTION),
        ("Format", "JSON"),
        ("Version", "2015-04-01"),
    ];
    query.extend(api);
    query.push(("Timestamp", &stamp));
    let python = http().get(format!("{url}?{}", form(&query)));
    // Go and Java: POST, the common parameters in the query, the API's in a form body.
    let go = http()
        .post(format!(
            "{url}?{}",
            form(&[
                ("Version", "2015-04-01"),
                ("Action", ACTION),
                ("Format", "JSON"),
                ("Timestamp", &stamp)
            ])
        ))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form(&api));
    // The Tea SDK (auth_type Anonymous): POST, the action in headers, no Authorization.
    let tea = http()
        .post(format!(
            "{url}?{}",
            form(&[api.as_slice(), &[("Format", "json")]].concat())
        ))
        .header("x-acs-action", ACTION)
        .header("x-acs-version", "2015-04-01")
        .header("x-acs-date", &stamp)
        .header("x-acs-signature-nonce", "0123456789abcdef")
        .header(
            "x-acs-content-sha256",
            bgpeer::signing::v3::EMPTY_PAYLOAD_SHA256,
        );
    for (who, request) in [("python", python), ("go", go), ("tea", tea)] {
        let (status, body) = answer(request).await;
        assert_eq!(status, 200, "{who}: {body}");
        assert!(body["RequestId"].is_string(), "{who}: {body}");
        assert_eq!(
            body["AssumedRoleUser"]["Arn"],
            format!("{ROLE_ARN}/wire-test"),
            "{who}"
        );
        assert_eq!(
            body["OIDCTokenInfo"]["Subject"], "system:serviceaccount:default:wire",
            "{who}"
        );
        assert_eq!(
            body["OIDCTokenInfo"]["ClientIds"], "sts.aliyuncs.com",
            "{who}"
        );
        let c = &body["Credentials"];
        assert!(
            c["AccessKeyId"].as_str().unwrap().starts_with("STS."),
            "{who}"
        );
        // The credentials sign VPC calls.
        let mut run_cmd = Sandbox::new().cmd();
        run_cmd
            .env(
                "ALIBABA_CLOUD_ACCESS_KEY_ID",
                c["AccessKeyId"].as_str().unwrap(),
            )
            .env(
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                c["AccessKeySecret"].as_str().unwrap(),
            )
            .env(
                "ALIBABA_CLOUD_SECURITY_TOKEN",
                c["SecurityToken"].as_str().unwrap(),
            )
            .args([
                "--endpoint",
                &emu.endpoint,
                "--region",
                "cn-shanghai",
                "whoami",
                "-o",
                "json",
            ]);
        assert_eq!(ok_json(&mut run_cmd)["Verified"], true, "{who}");
    }
    let logged: Vec<(Value, Value)> = oidc_calls(&emu)
        .iter()
        .map(|r| (r["method"].clone(), r["parameters"]["OIDCToken"].clone()))
        .collect();
    assert_eq!(
        logged,
        vec![
            (json!("GET"), json!("****")),
            (json!("POST"), json!("****")),
            (json!("POST"), json!("****"))
        ]
    );
    // Other actions still need a signature, also in the Tea shape.
    let (status, body) = answer(
        http()
            .post(&url)
            .header("x-acs-action", "DescribeRegions")
            .header("x-acs-version", "2016-04-28"),
    )
    .await;
    assert_eq!(
        (status, body["Code"].as_str()),
        (400, Some("MissingParameter")),
        "{body}"
    );
    let (status, body) = answer(http().get(format!(
        "{url}?{}",
        form(&[
            ("Action", "AssumeRole"),
            ("Version", "2015-04-01"),
            ("RoleArn", ROLE_ARN),
            ("RoleSessionName", "s1")
        ])
    )))
    .await;
    assert_eq!(
        (status, body["Code"].as_str()),
        (400, Some("MissingAccessKeyId")),
        "{body}"
    );
}

#[test]
fn accept_token_reads_a_file_and_the_admin_api_lists_tokens_masked() {
    let token = fresh_jwt("from-file");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("token.jwt");
    write(&path, &format!("{token}\n"));
    let emu = Emulator::start_with(&[
        "--settle-ms",
        "0",
        "--accept-token",
        &format!("oidc=@{}", path.display()),
    ]);
    let listed = admin(&emu, "GET", "tokens", "");
    assert_eq!(listed["tokens"][0]["kind"], "oidc", "{listed}");
    assert!(!listed.to_string().contains(&token), "{listed}");
    let sb = Sandbox::new();
    let file = token_file(&sb, &token);
    assert_verified(env_cmd(&sb, &emu, &file), "(OIDC)");
    // A bad flag is a usage error that does not echo the token.
    let err = fails(
        Command::new(bin_path()).args([
            "emulator",
            "--listen",
            "127.0.0.1:0",
            "--accept-token",
            "oauth_access=leak-canary-token",
            "--error-format",
            "text",
        ]),
        2,
    );
    assert!(
        err.contains("invalid --accept-token kind \"oauth_access\""),
        "{err}"
    );
    assert!(!err.contains("leak-canary-token"), "{err}");
}
