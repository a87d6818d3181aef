//! The aliyun CLI's CloudSSO and OAuth profiles, end to end through the real binary in a sealed
//! HOME against the emulator's sign-in services: the exchange and its cache, the OAuth refresh
//! with its write-back into config.json (byte for byte), token rotation, every "sign in again"
//! error, the messages for modes bgpeer cannot use, and that no token or secret is ever printed.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::support::*;

const ACCOUNT: &str = "1234567890123456";
const ACCESS_CONFIG: &str = "ac-bgpeer000001";
const CN_CLIENT_ID: &str = "4038181954557748008";

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn aliyun_json(sb: &Sandbox) -> PathBuf {
    sb.path(".aliyun/config.json")
}

/// Tells the emulator to accept `token` of `kind` (until `expires`, RFC 3339, when given).
fn accept(emu: &Emulator, kind: &str, token: &str, expires: Option<&str>) {
    let mut body = json!({"kind": kind, "token": token});
    if let Some(e) = expires {
        body["expires"] = json!(e);
    }
    admin(emu, "POST", "tokens", &body.to_string());
}

/// A POST to the emulator's sign-in services, as a client would send it; the JSON answer.
fn post(emu: &Emulator, path: &str, bearer: &str) -> Value {
    let response = exchange(
        &emu.addr,
        format!(
            "POST {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {bearer}\r\nContent-Length: 0\r\n\r\n"
        )
        .as_bytes(),
    );
    let (_, body) = response.split_once("\r\n\r\n").unwrap();
    serde_json::from_str(body).unwrap()
}

/// How many calls of the sign-in service at `path` the emulator has logged.
fn calls(emu: &Emulator, path: &str) -> usize {
    requests(emu).iter().filter(|r| r["action"] == path).count()
}

/// `bgpeer whoami -o json` at the emulator, the OAuth service pointed at it too.
fn whoami(sb: &Sandbox, emu: &Emulator, extra: &[&str]) -> (i32, String, String) {
    run(sb
        .cmd()
        .env("BGPEER_OAUTH_ENDPOINT", &emu.endpoint)
        .args(["--region", "cn-shanghai", "--endpoint", &emu.endpoint])
        .args(extra)
        .args(["whoami", "-o", "json"]))
}

fn sso_profile(emu: &Emulator, token: &str, expire: i64) -> String {
    format!(
        r#"{{"current":"sso","profiles":[{{"name":"sso","mode":"CloudSSO","cloud_sso_sign_in_url":"{}/start/login","cloud_sso_account_id":"{ACCOUNT}","cloud_sso_access_config":"{ACCESS_CONFIG}","access_token":"{token}","cloud_sso_access_token_expire":{expire},"access_key_id":"STS.CachedByTheAliyunCli","access_key_secret":"cli-secret","sts_token":"cli-token","sts_expiration":{expire}}}]}}"#,
        emu.endpoint
    )
}

// ---------------------------------------------------------------------------------------------
// CloudSSO

#[test]
fn cloud_sso_exchanges_the_access_token_once_and_reuses_the_cached_credentials() {
    let emu = Emulator::start();
    accept(&emu, "cloud_sso", "AT-sso-valid", None);
    let sb = Sandbox::new();
    write(
        &aliyun_json(&sb),
        &sso_profile(&emu, "AT-sso-valid", now() + 3600),
    );
    let (code, out, err) = whoami(&sb, &emu, &[]);
    assert_eq!(code, 0, "{out}\n{err}");
    let v = json(&out);
    assert_eq!(v["Verified"], true);
    assert_eq!(
        v["CredentialSource"],
        "aliyun CLI profile sso in ~/.aliyun/config.json (CloudSSO)"
    );
    assert!(
        v["AccessKeyId"].as_str().unwrap().starts_with("STS."),
        "{v}"
    );
    let logged = requests(&emu);
    let sign_in: Vec<&Value> = logged
        .iter()
        .filter(|r| r["action"] == "/cloud-credentials")
        .collect();
    assert_eq!(sign_in.len(), 1, "{logged:?}");
    assert_eq!(sign_in[0]["status"], 200);
    assert_eq!(sign_in[0]["parameters"]["AccountId"], ACCOUNT);
    assert_eq!(
        sign_in[0]["parameters"]["AccessConfigurationId"],
        ACCESS_CONFIG
    );
    // The VPC call was signed with the STS key the sign-in service issued, not the aliyun
    // CLI's cached one.
    let described: Vec<&Value> = logged
        .iter()
        .filter(|r| r["action"] == "DescribeRegions")
        .collect();
    assert_eq!(described[0]["status"], 200);
    let key = described[0]["accessKeyId"].as_str().unwrap();
    assert!(
        key.starts_with("STS.") && key != "STS.CachedByTheAliyunCli",
        "{key}"
    );
    let cache_dir = sb.path(".cache/bgpeer/sts");
    let cached: Vec<PathBuf> = std::fs::read_dir(&cache_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(cached.len(), 1);
    #[cfg(unix)]
    assert_eq!(mode_of(&cached[0]), 0o600);

    // The second command uses the cached credentials: no second sign-in call.
    let (code, out, err) = whoami(&sb, &emu, &[]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert_eq!(calls(&emu, "/cloud-credentials"), 1);
    let keys: Vec<String> = requests(&emu)
        .iter()
        .filter(|r| r["action"] == "DescribeRegions")
        .map(|r| r["accessKeyId"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0], keys[1], "the same cached STS key");
}

#[test]
fn an_expired_or_missing_cloud_sso_sign_in_exits_4_with_the_aliyun_command() {
    let emu = Emulator::start();
    accept(&emu, "cloud_sso", "AT-sso-expired", None);
    let sb = Sandbox::new();
    write(
        &aliyun_json(&sb),
        &sso_profile(&emu, "AT-sso-expired", now() - 60),
    );
    let (code, out, err) = whoami(&sb, &emu, &["--error-format", "text"]);
    assert_eq!(code, 4, "{out}\n{err}");
    assert!(
        err.contains("error: the CloudSSO sign-in of aliyun CLI profile sso in ~/.aliyun/config.json expired at "),
        "{err}"
    );
    assert!(
        err.contains("hint: sign in again in a browser with `aliyun configure --profile sso --mode CloudSSO`"),
        "{err}"
    );
    assert_eq!(calls(&emu, "/cloud-credentials"), 0, "nothing is sent");

    let sb = Sandbox::new();
    write(
        &aliyun_json(&sb),
        &sso_profile(&emu, "", now() + 3600).replace(r#""access_token":"","#, ""),
    );
    let (code, _, err) = whoami(&sb, &emu, &["--error-format", "text"]);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains(
            "aliyun CLI profile sso in ~/.aliyun/config.json (mode CloudSSO) is not signed in"
        ),
        "{err}"
    );
    assert!(
        err.contains("`aliyun configure --profile sso --mode CloudSSO`"),
        "{err}"
    );
    assert_eq!(calls(&emu, "/cloud-credentials"), 0);
}

#[test]
fn a_cloud_sso_token_the_service_refuses_exits_4_with_its_error_and_the_command() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    write(
        &aliyun_json(&sb),
        &sso_profile(&emu, "AT-sso-unknown", now() + 3600),
    );
    let (code, out, err) = whoami(&sb, &emu, &["--error-format", "text"]);
    assert_eq!(code, 4, "{out}\n{err}");
    assert!(
        err.contains("error: the CloudSSO service refused the access token (aliyun CLI profile sso in ~/.aliyun/config.json): HTTP 401 InvalidAccessToken: The access token is invalid"),
        "{err}"
    );
    assert!(err.contains("request id: "), "{err}");
    assert!(
        err.contains("`aliyun configure --profile sso --mode CloudSSO`"),
        "{err}"
    );
    assert_eq!(calls(&emu, "/cloud-credentials"), 1);
    let (code, _, err) = whoami(&sb, &emu, &["--error-format", "json"]);
    assert_eq!(code, 4);
    let e = json(&err);
    assert_eq!(e["error"]["kind"], "auth");
    assert_eq!(e["error"]["code"], "InvalidAccessToken");
    assert_eq!(e["error"]["http_status"], 401);
    // An unreachable sign-in service is a network failure (exit 7), not a lost sign-in.
    let sb = Sandbox::new();
    let closed = RefusedPort::new();
    let dead = closed.url();
    write(
        &aliyun_json(&sb),
        &sso_profile(&emu, "AT-sso-unknown", now() + 3600).replace(&emu.endpoint, &dead),
    );
    let (code, _, err) = whoami(&sb, &emu, &["--error-format", "text"]);
    assert_eq!(code, 7, "{err}");
    assert!(
        err.contains(&format!(
            "cannot reach the CloudSSO sign-in service at {dead}/"
        )),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// OAuth

/// An aliyun-CLI-style (tab-indented) config.json with an OAuth profile between others, keys
/// bgpeer does not know, `null`s, and no `sts_expiration` yet.
fn oauth_file(v: &OAuthValues, sts_expiration: Option<i64>) -> String {
    let appended = match sts_expiration {
        Some(s) => format!(",\n\t\t\t\"sts_expiration\": {s}"),
        None => String::new(),
    };
    format!(
        "{{\n\t\"current\": \"oa\",\n\t\"profiles\": [\n\t\t{{\n\t\t\t\"name\": \"ak\",\n\t\t\t\"mode\": \"AK\",\n\t\t\t\"access_key_id\": \"LTAI5tOtherProfileKey\",\n\t\t\t\"access_key_secret\": \"other-profile-secret\",\n\t\t\t\"oauth_refresh_token\": \"RT-not-this-profile\",\n\t\t\t\"region_id\": \"cn-hangzhou\"\n\t\t}},\n\t\t{{\n\t\t\t\"name\": \"oa\",\n\t\t\t\"mode\": \"OAuth\",\n\t\t\t\"access_key_id\": \"{}\",\n\t\t\t\"access_key_secret\": \"{}\",\n\t\t\t\"sts_token\": {},\n\t\t\t\"region_id\": \"cn-shanghai\",\n\t\t\t\"output_format\": \"json\",\n\t\t\t\"language\": \"en\",\n\t\t\t\"oauth_site_type\": \"{}\",\n\t\t\t\"oauth_access_token\": \"{}\",\n\t\t\t\"oauth_access_token_expire\": {},\n\t\t\t\"oauth_refresh_token\": \"{}\",\n\t\t\t\"x_future_key\": {{\"nested\": [1, 2.5, true, null]}}{appended}\n\t\t}}\n\t],\n\t\"meta_path\": \"\",\n\t\"x_unknown_top\": \"kept \\u00e9\"\n}}\n",
        v.access_key_id,
        v.access_key_secret,
        v.sts_token,
        v.site,
        v.access_token,
        v.access_token_expire,
        v.refresh_token,
    )
}

/// The values of the OAuth profile in [`oauth_file`]; `sts_token` is raw JSON (`null` or a string).
#[derive(Clone)]
struct OAuthValues {
    site: &'static str,
    access_key_id: String,
    access_key_secret: String,
    sts_token: String,
    access_token: String,
    access_token_expire: i64,
    refresh_token: String,
}

impl OAuthValues {
    fn signed_in(refresh_token: &str) -> OAuthValues {
        OAuthValues {
            site: "CN",
            access_key_id: String::new(),
            access_key_secret: String::new(),
            sts_token: "null".into(),
            access_token: String::new(),
            access_token_expire: 0,
            refresh_token: refresh_token.into(),
        }
    }

    /// What the file now holds for profile `oa`.
    fn read(path: &Path) -> (OAuthValues, Option<i64>) {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let p = &v["profiles"][1];
        let s = |k: &str| p[k].as_str().unwrap_or_default().to_string();
        (
            OAuthValues {
                site: "CN",
                access_key_id: s("access_key_id"),
                access_key_secret: s("access_key_secret"),
                sts_token: p["sts_token"].to_string(),
                access_token: s("oauth_access_token"),
                access_token_expire: p["oauth_access_token_expire"].as_i64().unwrap(),
                refresh_token: s("oauth_refresh_token"),
            },
            p["sts_expiration"].as_i64(),
        )
    }
}

#[test]
fn oauth_refreshes_exchanges_and_writes_back_only_its_values() {
    let emu = Emulator::start();
    accept(&emu, "oauth_refresh", "RT-first", None);
    let sb = Sandbox::new();
    let path = aliyun_json(&sb);
    let before = OAuthValues::signed_in("RT-first");
    write(&path, &oauth_file(&before, None));
    let started = now();
    let (code, out, err) = whoami(&sb, &emu, &[]);
    assert_eq!(code, 0, "{out}\n{err}");
    let v = json(&out);
    assert_eq!(v["Verified"], true);
    assert_eq!(
        v["CredentialSource"],
        "aliyun CLI profile oa in ~/.aliyun/config.json (OAuth)"
    );
    let logged = requests(&emu);
    let token_calls: Vec<&Value> = logged
        .iter()
        .filter(|r| r["action"] == "/v1/token")
        .collect();
    assert_eq!(token_calls.len(), 1);
    assert_eq!(token_calls[0]["parameters"]["grant_type"], "refresh_token");
    assert_eq!(token_calls[0]["parameters"]["client_id"], CN_CLIENT_ID);
    assert_eq!(token_calls[0]["parameters"]["refresh_token"], "****");
    assert!(token_calls[0]["parameters"]["Timestamp"].is_string());
    assert_eq!(calls(&emu, "/v1/exchange"), 1);

    // Only the seven values changed (sts_expiration appended); every other byte is as it was.
    let (after, sts_expiration) = OAuthValues::read(&path);
    let sts_expiration = sts_expiration.expect("sts_expiration written");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        oauth_file(
            &OAuthValues {
                sts_token: after.sts_token.clone(),
                ..after.clone()
            },
            Some(sts_expiration)
        )
    );
    assert!(
        after.access_key_id.starts_with("STS."),
        "{}",
        after.access_key_id
    );
    assert!(!after.access_key_secret.is_empty());
    assert!(after.sts_token.starts_with("\"CAIS"), "{}", after.sts_token);
    assert!(after.access_token.starts_with("AT-"));
    assert!(after.refresh_token.starts_with("RT-") && after.refresh_token != "RT-first");
    assert!((started + 3590..=now() + 3600).contains(&after.access_token_expire));
    assert!((started + 3590..=now() + 3600).contains(&sts_expiration));
    #[cfg(unix)]
    assert_eq!(mode_of(&path), 0o600, "the file's mode is kept");
    assert_eq!(
        std::fs::read_dir(sb.path(".aliyun")).unwrap().count(),
        1,
        "no temporary file is left"
    );
    // The key the VPC call was signed with is the one saved.
    let described = logged
        .iter()
        .find(|r| r["action"] == "DescribeRegions")
        .unwrap();
    assert_eq!(described["accessKeyId"], after.access_key_id.as_str());

    // The next command uses the saved STS credentials: no HTTP to the OAuth service, no write.
    forget_requests(&emu);
    let saved = std::fs::read_to_string(&path).unwrap();
    let (code, out, err) = whoami(&sb, &emu, &[]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert_eq!(calls(&emu, "/v1/token") + calls(&emu, "/v1/exchange"), 0);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), saved);
}

#[test]
fn oauth_uses_the_sts_credentials_cached_in_the_profile_without_http() {
    let emu = Emulator::start();
    accept(&emu, "oauth_access", "AT-seed", None);
    let sts = post(&emu, "/v1/exchange", "AT-seed");
    let s = |k: &str| sts[k].as_str().unwrap().to_string();
    let sb = Sandbox::new();
    let path = aliyun_json(&sb);
    // No tokens at all: only the cached STS credentials can work.
    let values = OAuthValues {
        access_key_id: s("AccessKeyId"),
        access_key_secret: s("AccessKeySecret"),
        sts_token: format!("\"{}\"", s("SecurityToken")),
        ..OAuthValues::signed_in("")
    };
    let text = oauth_file(&values, Some(now() + 3000));
    write(&path, &text);
    forget_requests(&emu);
    let (code, out, err) = whoami(&sb, &emu, &[]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert_eq!(actions(&emu), vec!["DescribeRegions"], "no OAuth call");
    assert_eq!(requests(&emu)[0]["accessKeyId"], s("AccessKeyId").as_str());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "nothing written"
    );

    // Within 5 minutes of their expiry they are not used, and without a sign-in that is exit 4.
    write(&path, &oauth_file(&values, Some(now() + 200)));
    let (code, _, err) = whoami(&sb, &emu, &["--error-format", "text"]);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("error: aliyun CLI profile oa in ~/.aliyun/config.json (mode OAuth) is not signed in: it has no OAuth access or refresh token"),
        "{err}"
    );
    assert!(
        err.contains(
            "hint: sign in again in a browser with `aliyun configure --profile oa --mode OAuth`"
        ),
        "{err}"
    );
    assert_eq!(calls(&emu, "/v1/token") + calls(&emu, "/v1/exchange"), 0);
}

#[test]
fn oauth_waits_for_the_lock_on_config_json_and_uses_what_its_holder_saved() {
    let emu = Emulator::start();
    accept(&emu, "oauth_access", "AT-seed", None);
    let sts = post(&emu, "/v1/exchange", "AT-seed");
    let s = |k: &str| sts[k].as_str().unwrap().to_string();
    let sb = Sandbox::new();
    let path = aliyun_json(&sb);
    // The refresh token is one the service does not know: refreshing would fail.
    write(
        &path,
        &oauth_file(&OAuthValues::signed_in("RT-unknown"), None),
    );
    // Another process (the official library does exactly this) holds the lock while it refreshes.
    let held = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&path)
        .unwrap();
    held.lock().unwrap();
    forget_requests(&emu);
    let mut cmd = sb.cmd();
    cmd.env("BGPEER_OAUTH_ENDPOINT", &emu.endpoint)
        .args(["--region", "cn-shanghai", "--endpoint", &emu.endpoint])
        .args(["whoami", "-o", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "bgpeer waits for the lock"
    );
    assert_eq!(calls(&emu, "/v1/token"), 0);
    // The holder saves what it got (temporary file + rename, as the library does) and unlocks.
    let saved = OAuthValues {
        access_key_id: s("AccessKeyId"),
        access_key_secret: s("AccessKeySecret"),
        sts_token: format!("\"{}\"", s("SecurityToken")),
        ..OAuthValues::signed_in("RT-saved-by-the-holder")
    };
    let tmp = sb.path(".aliyun/config.json.tmp-holder");
    std::fs::write(&tmp, oauth_file(&saved, Some(now() + 3000))).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    drop(held);
    let out = child.wait_with_output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert_eq!(
        actions(&emu),
        vec!["DescribeRegions"],
        "bgpeer read the profile again under the lock and used the saved credentials"
    );
    assert_eq!(requests(&emu)[0]["accessKeyId"], s("AccessKeyId").as_str());
}

#[test]
fn the_oauth_refresh_token_rotates_across_runs() {
    let emu = Emulator::start();
    accept(&emu, "oauth_refresh", "RT-one", None);
    let sb = Sandbox::new();
    let path = aliyun_json(&sb);
    let first = oauth_file(&OAuthValues::signed_in("RT-one"), None);
    write(&path, &first);
    let (code, out, err) = whoami(&sb, &emu, &[]);
    assert_eq!(code, 0, "{out}\n{err}");
    let (second, _) = OAuthValues::read(&path);
    assert_ne!(second.refresh_token, "RT-one");

    // The saved credentials and access token run out: the next run refreshes with the new token.
    let expired = OAuthValues {
        access_token_expire: now() - 1,
        ..second.clone()
    };
    write(&path, &oauth_file(&expired, Some(now() - 1)));
    let (code, out, err) = whoami(&sb, &emu, &[]);
    assert_eq!(code, 0, "{out}\n{err}");
    let (third, _) = OAuthValues::read(&path);
    assert_ne!(third.refresh_token, second.refresh_token);
    assert_ne!(third.access_token, second.access_token);
    assert_eq!(calls(&emu, "/v1/token"), 2);
    assert!(requests(&emu)
        .iter()
        .filter(|r| r["action"] == "/v1/token")
        .all(|r| r["status"] == 200));

    // The first refresh token was spent: a file still holding it needs a new sign-in.
    write(&path, &first);
    let (code, _, err) = whoami(&sb, &emu, &["--error-format", "text"]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("invalid_grant"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first);
}

#[test]
fn a_refused_oauth_refresh_token_exits_4_with_the_aliyun_command() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let path = aliyun_json(&sb);
    let text = oauth_file(
        &OAuthValues {
            site: "INTL",
            ..OAuthValues::signed_in("RT-revoked")
        },
        None,
    );
    write(&path, &text);
    let (code, out, err) = whoami(&sb, &emu, &["--error-format", "text"]);
    assert_eq!(code, 4, "{out}\n{err}");
    assert!(
        err.contains("error: the OAuth service refused the refresh token (aliyun CLI profile oa in ~/.aliyun/config.json): HTTP 400 invalid_grant: The refresh token is invalid, expired or already used"),
        "{err}"
    );
    assert!(
        err.contains("hint: sign in again in a browser with `aliyun configure --profile oa --mode OAuth --oauth-site-type INTL`, then run the command again"),
        "{err}"
    );
    let token_calls: Vec<Value> = requests(&emu)
        .into_iter()
        .filter(|r| r["action"] == "/v1/token")
        .collect();
    assert_eq!(token_calls.len(), 1);
    assert_eq!(
        token_calls[0]["parameters"]["client_id"],
        "4103531455503354461"
    );
    assert_eq!(calls(&emu, "/v1/exchange"), 0);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "nothing written"
    );
    let (code, _, err) = whoami(&sb, &emu, &["--error-format", "json"]);
    assert_eq!(code, 4);
    let e = json(&err);
    assert_eq!(e["error"]["code"], "invalid_grant");
    assert_eq!(e["error"]["http_status"], 400);
}

// ---------------------------------------------------------------------------------------------
// Modes bgpeer cannot use, and CloudSSO/OAuth where they cannot work

#[test]
fn unknown_and_unsupported_modes_say_which_profile_and_what_to_do() {
    let sb = Sandbox::new();
    write(
        &aliyun_json(&sb),
        r#"{"current":"rsa","profiles":[
            {"name":"rsa","mode":"RsaKeyPair"},
            {"name":"bearer","mode":"BearerToken"},
            {"name":"future","mode":"Foo"},
            {"name":"typo","mode":"OAuht"}]}"#,
    );
    let whoami = |profile: &str| {
        run(sb.cmd().args([
            "--profile",
            profile,
            "--region",
            "cn-shanghai",
            "--error-format",
            "text",
            "whoami",
        ]))
    };
    let supported = "bgpeer supports AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC, External, CredentialsURI, and in aliyun CLI profiles CloudSSO and OAuth; ";
    for (profile, mode) in [("rsa", "RsaKeyPair"), ("bearer", "BearerToken")] {
        let (code, _, err) = whoami(profile);
        assert_eq!(code, 4, "{err}");
        assert!(
            err.contains(&format!("error: credential mode {mode} (aliyun CLI profile {profile} in ~/.aliyun/config.json) is not supported by bgpeer")),
            "{err}"
        );
        assert!(
            err.contains(&format!("hint: {supported}switch the profile to one of them with `aliyun configure --profile {profile}`, or select another profile (--profile, ALIBABA_CLOUD_PROFILE)")),
            "{err}"
        );
    }
    let (code, _, err) = whoami("future");
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("error: unknown credential mode \"Foo\" (aliyun CLI profile future in ~/.aliyun/config.json)"),
        "{err}"
    );
    assert!(err.contains(&format!("hint: {supported}switch")), "{err}");
    let (code, _, err) = whoami("typo");
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains(&format!("hint: did you mean OAuth? {supported}")),
        "{err}"
    );

    // In bgpeer's own profiles CloudSSO and OAuth cannot work: say where they belong.
    let sb = Sandbox::new();
    write(
        &sb.path(".config/bgpeer/config.toml"),
        "[profiles.corp]\nmode = \"CloudSSO\"\n",
    );
    let err = fails(
        sb.cmd().args([
            "--profile",
            "corp",
            "--region",
            "cn-shanghai",
            "--error-format",
            "text",
            "whoami",
        ]),
        4,
    );
    assert!(
        err.contains("error: mode CloudSSO (profile corp in ~/.config/bgpeer/config.toml) works only in an aliyun CLI profile: its sign-in is done in a browser by the aliyun CLI, which keeps the tokens in its config.json"),
        "{err}"
    );
    assert!(
        err.contains("hint: sign in with `aliyun configure --profile corp --mode CloudSSO`, then remove the mode from the bgpeer profile (`bgpeer configure set --profile corp --unset mode`)"),
        "{err}"
    );
    let err = fails(
        sb.cmd().args([
            "--profile",
            "lab",
            "--error-format",
            "text",
            "configure",
            "set",
            "--mode",
            "OAuth",
        ]),
        2,
    );
    assert!(
        err.contains("error: mode OAuth (profile lab) works only in an aliyun CLI profile"),
        "{err}"
    );
    assert!(
        err.contains("`aliyun configure --profile lab --mode OAuth [--oauth-site-type INTL]`"),
        "{err}"
    );
}

#[test]
fn configure_list_shows_the_sign_in_state() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let until = now() + 3600;
    write(&aliyun_json(&sb), &sso_profile(&emu, "AT-x", until));
    let source = |profile: &str| {
        let v = ok_json(
            sb.cmd()
                .args(["--profile", profile, "configure", "list", "-o", "json"]),
        );
        let row = v["Settings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["Setting"] == "credentials")
            .cloned()
            .unwrap();
        (
            row["Source"].as_str().unwrap().to_string(),
            row["Value"].as_str().unwrap().to_string(),
        )
    };
    let until_text = chrono::DateTime::from_timestamp(until, 0)
        .unwrap()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    assert_eq!(
        source("sso"),
        (
            format!("aliyun CLI profile sso in ~/.aliyun/config.json (CloudSSO: signed in until {until_text})"),
            String::new()
        )
    );
    write(&aliyun_json(&sb), &sso_profile(&emu, "AT-x", now() - 1));
    assert_eq!(
        source("sso").0,
        "aliyun CLI profile sso in ~/.aliyun/config.json (CloudSSO: sign-in expired; run `aliyun configure --profile sso --mode CloudSSO`)"
    );
    write(
        &aliyun_json(&sb),
        &oauth_file(&OAuthValues::signed_in("RT-x"), None),
    );
    assert_eq!(
        source("oa").0,
        "aliyun CLI profile oa in ~/.aliyun/config.json (OAuth: signed in; temporary credentials are fetched when needed)"
    );
    let cached = OAuthValues {
        access_key_id: "STS.CachedKeyId0001".into(),
        access_key_secret: "s".into(),
        sts_token: "\"t\"".into(),
        ..OAuthValues::signed_in("")
    };
    write(&aliyun_json(&sb), &oauth_file(&cached, Some(until)));
    assert_eq!(
        source("oa"),
        (
            format!("aliyun CLI profile oa in ~/.aliyun/config.json (OAuth: temporary credentials until {until_text})"),
            "STS.****001".to_string()
        )
    );
}

// ---------------------------------------------------------------------------------------------
// No leaks

#[test]
fn no_sign_in_token_or_secret_is_ever_printed() {
    let emu = Emulator::start();
    accept(&emu, "cloud_sso", "AT-sso-leak-canary", None);
    accept(&emu, "oauth_refresh", "RT-leak-canary", None);
    let mut outputs: Vec<String> = Vec::new();
    let mut record = |label: &str, r: (i32, String, String)| {
        outputs.push(format!("[{label}] exit {}\n{}\n{}", r.0, r.1, r.2));
    };

    let sso = Sandbox::new();
    write(
        &aliyun_json(&sso),
        &sso_profile(&emu, "AT-sso-leak-canary", now() + 3600),
    );
    record("sso debug", whoami(&sso, &emu, &["--debug"]));
    record(
        "sso table",
        run(sso
            .cmd()
            .args(["--region", "cn-shanghai", "--endpoint", &emu.endpoint])
            .args(["--debug", "whoami", "-o", "table"])),
    );
    record(
        "sso list",
        run(sso.cmd().args(["configure", "list", "-o", "json"])),
    );
    let cache = std::fs::read_dir(sso.path(".cache/bgpeer/sts"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let cached: Value = serde_json::from_str(&std::fs::read_to_string(cache).unwrap()).unwrap();

    let oa = Sandbox::new();
    let path = aliyun_json(&oa);
    write(
        &path,
        &oauth_file(&OAuthValues::signed_in("RT-leak-canary"), None),
    );
    record("oauth debug", whoami(&oa, &emu, &["--debug"]));
    let (saved, _) = OAuthValues::read(&path);
    record("oauth cached", whoami(&oa, &emu, &["--debug"]));
    record(
        "oauth list",
        run(oa.cmd().args(["configure", "list", "-o", "table"])),
    );
    // Errors: a refused access token, a refused refresh token, in text and JSON.
    let refused = Sandbox::new();
    write(
        &aliyun_json(&refused),
        &sso_profile(&emu, "AT-sso-refused-canary", now() + 3600),
    );
    for format in ["text", "json"] {
        record(
            "sso refused",
            whoami(&refused, &emu, &["--debug", "--error-format", format]),
        );
    }
    write(
        &aliyun_json(&refused),
        &oauth_file(&OAuthValues::signed_in("RT-refused-canary"), None),
    );
    for format in ["text", "json"] {
        record(
            "oauth refused",
            whoami(&refused, &emu, &["--debug", "--error-format", format]),
        );
    }
    let all = outputs.join("\n");
    assert!(all.contains("debug: CloudSSO: POST "), "{all}");
    assert!(all.contains("debug: OAuth: POST "), "{all}");
    let secrets = [
        "cli-secret".to_string(),
        "cli-token".to_string(),
        "AT-sso-leak-canary".to_string(),
        "AT-sso-refused-canary".to_string(),
        "RT-leak-canary".to_string(),
        "RT-refused-canary".to_string(),
        saved.refresh_token.clone(),
        saved.access_token.clone(),
        saved.access_key_secret.clone(),
        saved.sts_token.trim_matches('"').to_string(),
        cached["AccessKeySecret"].as_str().unwrap().to_string(),
        cached["SecurityToken"].as_str().unwrap().to_string(),
    ];
    for secret in &secrets {
        assert!(secret.len() > 8, "{secret:?}");
        assert!(!all.contains(secret.as_str()), "{secret} leaked:\n{all}");
    }
    // And the emulator's request log masks them too.
    let log = serde_json::to_string(&requests(&emu)).unwrap();
    for secret in &secrets {
        assert!(
            !log.contains(secret.as_str()),
            "{secret} in the request log"
        );
    }
}
