//! HTTPS end to end through the real binary against the HTTPS emulator: which CAs bgpeer trusts
//! (`--ca-bundle`, `BGPEER_CA_BUNDLE`, `ALIBABA_CLOUD_CA_BUNDLE`, the profile key `ca_bundle`,
//! `SSL_CERT_FILE`/`SSL_CERT_DIR`), what an untrusted server and a broken bundle give, when the
//! system's store is read, and proxies for every outgoing call (API, STS AssumeRole and
//! AssumeRoleWithOIDC, the CloudSSO and OAuth sign-in services, a credentials URI).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::*;

const ROLE_ARN: &str = "acs:ram::1234567890123456:role/vpc-admin";

/// `bgpeer` with the test key, the region and errors for people, but no endpoint and no CA.
fn bare(sb: &Sandbox) -> Command {
    let mut c = sb.cmd();
    c.env("ALIBABA_CLOUD_ACCESS_KEY_ID", TEST_KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", TEST_KEY_SECRET)
        .env("ALIBABA_CLOUD_REGION_ID", "cn-shanghai")
        .args(["--error-format", "text"]);
    c
}

fn write_config(sb: &Sandbox, text: &str) {
    let path = sb.path(".config/bgpeer/config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn regions_ok(cmd: &mut Command) {
    let v = ok_json(cmd.args(["api", "DescribeRegions"]));
    assert!(v["Regions"]["Region"].is_array(), "{v}");
}

/// The `ca_bundle` row of `configure list -o json`.
fn ca_bundle_row(cmd: &mut Command) -> Value {
    let v = ok_json(cmd.args(["configure", "list", "-o", "json"]));
    v["Settings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["Setting"] == "ca_bundle")
        .cloned()
        .unwrap_or_else(|| panic!("no ca_bundle row: {v}"))
}

#[test]
fn the_ca_bundle_from_the_flag_the_environment_or_the_profile_is_trusted_and_listed_with_its_source(
) {
    let emu = Emulator::start_https();
    let ca = emu.ca.clone().unwrap();
    let sb = Sandbox::new();
    let at = |sb: &Sandbox| {
        let mut c = bare(sb);
        c.args(["--endpoint", &emu.endpoint]);
        c
    };

    regions_ok(at(&sb).arg("--ca-bundle").arg(&ca));
    for var in ["BGPEER_CA_BUNDLE", "ALIBABA_CLOUD_CA_BUNDLE"] {
        regions_ok(at(&sb).env(var, &ca));
        let row = ca_bundle_row(sb.cmd().env(var, &ca));
        assert_eq!(row["Source"], format!("env {var}"), "{row}");
    }
    // In the profile: a path relative to the config file's directory.
    let local = sb.path(".config/bgpeer/corp-ca.pem");
    std::fs::create_dir_all(local.parent().unwrap()).unwrap();
    std::fs::copy(&ca, &local).unwrap();
    write_config(
        &sb,
        "current = \"corp\"\n[profiles.corp]\nca_bundle = \"corp-ca.pem\"\n",
    );
    regions_ok(&mut at(&sb));
    let row = ca_bundle_row(&mut sb.cmd());
    assert_eq!(row["Value"], local.display().to_string(), "{row}");
    assert!(
        row["Source"]
            .as_str()
            .unwrap()
            .starts_with("profile corp in "),
        "{row}"
    );
    // Precedence: flag > environment > profile. A broken file at a lower level is never read.
    let broken = sb.path("broken.pem");
    std::fs::write(&broken, "not a certificate").unwrap();
    let row = ca_bundle_row(
        sb.cmd()
            .env("BGPEER_CA_BUNDLE", &ca)
            .env("ALIBABA_CLOUD_CA_BUNDLE", &broken),
    );
    assert_eq!(row["Source"], "env BGPEER_CA_BUNDLE", "{row}");
    regions_ok(
        at(&sb)
            .env("BGPEER_CA_BUNDLE", &broken)
            .arg("--ca-bundle")
            .arg(&ca),
    );
    let row = ca_bundle_row(
        sb.cmd()
            .env("BGPEER_CA_BUNDLE", &ca)
            .arg("--ca-bundle")
            .arg(&ca),
    );
    assert_eq!(row["Source"], "flag --ca-bundle", "{row}");
    assert_eq!(
        requests(&emu).len(),
        5,
        "every call above reached the emulator"
    );
}

#[test]
fn configure_set_saves_the_ca_bundle_as_an_absolute_path_and_unset_removes_it() {
    let emu = Emulator::start_https();
    let sb = Sandbox::new();
    std::fs::copy(emu.ca.as_ref().unwrap(), sb.path("ca.pem")).unwrap();
    let (code, _, err) = run(sb
        .cmd()
        .current_dir(sb.home())
        .args(["configure", "set", "--profile", "corp", "--mode", "AK"])
        .args([
            "--access-key-id",
            TEST_KEY_ID,
            "--access-key-secret-from",
            "env:SECRET",
        ])
        .args(["--ca-bundle", "ca.pem"])
        .env("SECRET", TEST_KEY_SECRET));
    assert_eq!(code, 0, "{err}");
    let saved = std::fs::read_to_string(sb.path(".config/bgpeer/config.toml")).unwrap();
    assert!(
        saved.contains(&format!("ca_bundle = \"{}\"", sb.path("ca.pem").display())),
        "{saved}"
    );
    let (code, out, err) =
        run(sb
            .cmd()
            .args(["--profile", "corp", "configure", "get", "ca_bundle"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), sb.path("ca.pem").display().to_string());
    regions_ok(sb.cmd().args([
        "--profile",
        "corp",
        "--region",
        "cn-shanghai",
        "--endpoint",
        &emu.endpoint,
    ]));

    let (code, _, err) = run(sb.cmd().args([
        "configure",
        "set",
        "--profile",
        "corp",
        "--unset",
        "ca_bundle",
    ]));
    assert_eq!(code, 0, "{err}");
    let saved = std::fs::read_to_string(sb.path(".config/bgpeer/config.toml")).unwrap();
    assert!(!saved.contains("ca_bundle"), "{saved}");
}

#[test]
fn ssl_cert_file_and_ssl_cert_dir_name_the_system_store() {
    let emu = Emulator::start_https();
    let ca = emu.ca.clone().unwrap();
    let sb = Sandbox::new();
    let mut c = bare(&sb);
    regions_ok(
        c.env("SSL_CERT_FILE", &ca)
            .args(["--endpoint", &emu.endpoint]),
    );
    let dir = sb.path("certs");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(&ca, dir.join("emulator.pem")).unwrap();
    let mut c = bare(&sb);
    regions_ok(
        c.env("SSL_CERT_DIR", &dir)
            .args(["--endpoint", &emu.endpoint]),
    );
}

#[test]
fn without_its_ca_the_https_emulator_is_refused_with_a_hint_naming_every_way_to_trust_it() {
    let emu = Emulator::start_https();
    let sb = Sandbox::new();
    let other = HttpsJsonServer::start("{}".into());
    let other_ca = sb.path("other-ca.pem");
    std::fs::write(&other_ca, other.ca_pem()).unwrap();
    let with_other_ca = vec!["--ca-bundle".into(), other_ca.clone().into_os_string()];
    for extra in [Vec::<std::ffi::OsString>::new(), with_other_ca] {
        let err = fails(
            bare(&sb)
                .args(["--endpoint", &emu.endpoint, "--max-attempts", "1"])
                .args(&extra)
                .args(["api", "DescribeRegions"]),
            7,
        );
        assert!(
            err.contains("invalid peer certificate: UnknownIssuer"),
            "{err}"
        );
        for way in [
            "--ca-bundle",
            "BGPEER_CA_BUNDLE",
            "ca_bundle",
            "SSL_CERT_FILE",
        ] {
            assert!(err.contains(way), "the hint names {way}: {err}");
        }
    }
    assert!(requests(&emu).is_empty(), "nothing got through");
}

#[test]
fn a_broken_ca_bundle_is_a_configuration_error_naming_file_and_source_before_anything_is_sent() {
    let emu = Emulator::start_https();
    let sb = Sandbox::new();
    let missing = sb.path("missing.pem");
    let garbage = sb.path("garbage.pem");
    std::fs::write(&garbage, "this is not a certificate\n").unwrap();
    let bad_base64 = sb.path("bad-base64.pem");
    std::fs::write(
        &bad_base64,
        "-----BEGIN CERTIFICATE-----\n!!!not base64!!!\n-----END CERTIFICATE-----\n",
    )
    .unwrap();
    let not_x509 = sb.path("not-x509.pem");
    std::fs::write(
        &not_x509,
        format!(
            "{}-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n",
            emu.ca_pem()
        ),
    )
    .unwrap();
    let der = sb.path("ca.der");
    std::fs::write(
        &der,
        &bgpeer::tls::parse_certificates(emu.ca_pem().as_bytes()).unwrap()[0],
    )
    .unwrap();
    let cases: [(&Path, &str, &str); 6] = [
        (&missing, "cannot read it", "check the path"),
        (sb.home(), "cannot read it", "check the path"),
        (&garbage, "holds no PEM certificate", "give a PEM file"),
        (&bad_base64, "is not valid PEM", "give a PEM file"),
        (
            &not_x509,
            "certificate 2 of 2 is not a valid X.509 certificate",
            "give a PEM file",
        ),
        (
            &der,
            "looks like a binary DER certificate",
            "convert it to PEM: openssl x509 -inform der",
        ),
    ];
    for (file, what, hint) in cases {
        let shown = file.display();
        let err = fails(
            bare(&sb)
                .args(["--endpoint", &emu.endpoint])
                .arg("--ca-bundle")
                .arg(file)
                .args(["api", "DescribeRegions"]),
            4,
        );
        assert!(
            err.starts_with(&format!(
                "error: the CA bundle {shown} (from flag --ca-bundle) is unusable: "
            )),
            "{err}"
        );
        assert!(err.contains(what), "{what}: {err}");
        assert!(err.contains(&format!("hint: {hint}")), "{hint}: {err}");
    }
    let err = fails(
        bare(&sb).env("BGPEER_CA_BUNDLE", &missing).args([
            "--endpoint",
            &emu.endpoint,
            "api",
            "DescribeRegions",
        ]),
        4,
    );
    assert!(err.contains("(from env BGPEER_CA_BUNDLE)"), "{err}");
    write_config(
        &sb,
        "current = \"p\"\n[profiles.p]\nca_bundle = \"~/garbage.pem\"\n",
    );
    let err = fails(
        bare(&sb).args(["--endpoint", &emu.endpoint, "api", "DescribeRegions"]),
        4,
    );
    assert!(
        err.contains(&format!(
            "the CA bundle {} (from profile p in ",
            garbage.display()
        )),
        "{err}"
    );
    // The JSON error form says the same, kind auth (exit 4, a configuration problem).
    let (code, _, err) = run(sb.cmd().args([
        "--endpoint",
        &emu.endpoint,
        "-o",
        "json",
        "api",
        "DescribeRegions",
    ]));
    assert_eq!(code, 4);
    let e: Value = serde_json::from_str(err.trim()).unwrap();
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("garbage.pem"),
        "{e}"
    );
    assert!(
        requests(&emu).is_empty(),
        "nothing may be sent: {:?}",
        requests(&emu)
    );
}

/// `SSL_CERT_FILE` names a FIFO: a process that reads the system's store blocks on it until a
/// writer comes, which shows exactly when the store is read.
#[test]
fn the_system_store_is_read_on_the_first_handshake_never_for_plain_http() {
    let sb = Sandbox::new();
    let fifo = sb.path("store.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let wait = |mut child: std::process::Child| {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                return Some(status);
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    };

    // The embedded emulator is plain HTTP on loopback: the FIFO is never opened.
    let child = sb
        .cmd()
        .env("SSL_CERT_FILE", &fifo)
        .args([
            "--profile",
            "emulator",
            "vbr",
            "list",
            "--region",
            "cn-shanghai",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status = wait(child).expect("a plain-HTTP command read the system's CA store");
    assert!(status.success());

    // Over HTTPS the store is read: the CA written into the FIFO is what makes the call work.
    let emu = Emulator::start_https();
    let pem = emu.ca_pem();
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, pem))
    };
    let child = bare(&sb)
        .env("SSL_CERT_FILE", &fifo)
        .args(["--endpoint", &emu.endpoint, "api", "DescribeRegions"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status = wait(child).expect("the HTTPS call finished");
    assert!(status.success());
    writer
        .join()
        .unwrap()
        .expect("bgpeer read the CA from the FIFO");
}

// --- proxies ------------------------------------------------------------------------------------

#[test]
fn api_calls_to_a_named_host_tunnel_through_https_proxy_unless_no_proxy_or_a_loopback_ip() {
    let emu = Emulator::start_https();
    let proxy = ConnectProxy::start();
    let sb = Sandbox::new();
    let named = emu.endpoint_at("localhost");
    let via = |endpoint: &str| {
        let mut c = bare(&sb);
        c.env("HTTPS_PROXY", proxy.url())
            .args(["--endpoint", endpoint])
            .arg("--ca-bundle")
            .arg(emu.ca.as_ref().unwrap());
        c
    };
    regions_ok(&mut via(&named));
    assert_eq!(proxy.targets(), vec![format!("localhost:{}", emu.port())]);

    regions_ok(via(&named).env("NO_PROXY", "localhost"));
    regions_ok(&mut via(&emu.endpoint));
    assert_eq!(proxy.tunnels(), 1, "NO_PROXY and a loopback IP go direct");
    assert!(proxy.refused().is_empty());
    assert_eq!(actions(&emu), vec!["DescribeRegions"; 3]);
}

#[test]
fn sts_assume_role_and_credentials_uri_calls_go_through_https_proxy_too() {
    let emu = Emulator::start_https();
    let proxy = ConnectProxy::start();
    let sts = emu.endpoint_at("localhost");

    // RamRoleArn: STS at a named host (through the proxy), the API at the loopback IP (direct).
    let sb = Sandbox::new();
    write_config(
        &sb,
        &format!(
            "[profiles.role]\nmode = \"RamRoleArn\"\naccess_key_id = \"{TEST_KEY_ID}\"\naccess_key_secret = \"{TEST_KEY_SECRET}\"\nrole_arn = \"{ROLE_ARN}\"\nsts_endpoint = \"{sts}\"\n"
        ),
    );
    let whoami = |c: &mut Command| ok_json(c.args(["whoami", "-o", "json"]));
    let mut c = sb.cmd();
    c.env("HTTPS_PROXY", proxy.url())
        .args(["--profile", "role", "--endpoint", &emu.endpoint])
        .arg("--ca-bundle")
        .arg(emu.ca.as_ref().unwrap());
    let v = whoami(&mut c);
    assert_eq!(v["Verified"], true, "{v}");
    assert!(
        v["CredentialSource"]
            .as_str()
            .unwrap()
            .ends_with("(RamRoleArn)"),
        "{v}"
    );
    assert!(
        v["AccessKeyId"].as_str().unwrap().starts_with("STS."),
        "{v}"
    );
    assert_eq!(proxy.targets(), vec![format!("localhost:{}", emu.port())]);
    assert_eq!(actions(&emu)[0], "AssumeRole");

    // The temporary credentials, served by a credentials URI over HTTPS at a named host.
    let cached = std::fs::read_dir(sb.path(".cache/bgpeer/sts"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let c: Value = serde_json::from_str(&std::fs::read_to_string(cached).unwrap()).unwrap();
    let creds = serde_json::json!({
        "Code": "Success",
        "AccessKeyId": c["AccessKeyId"],
        "AccessKeySecret": c["AccessKeySecret"],
        "SecurityToken": c["SecurityToken"],
        "Expiration": "2099-01-01T00:00:00Z",
    });
    let server = HttpsJsonServer::start(creds.to_string());
    // One bundle of two CAs: the emulator's and the credentials server's.
    let sb = Sandbox::new();
    let bundle = sb.path("bundle.pem");
    std::fs::write(&bundle, format!("{}{}", emu.ca_pem(), server.ca_pem())).unwrap();
    let uri = format!("{}/creds?token=s3cret", server.url_at("localhost"));
    let from_uri = |no_proxy: Option<&str>| {
        let mut c = sb.cmd();
        c.env("ALIBABA_CLOUD_CREDENTIALS_URI", &uri)
            .env("HTTPS_PROXY", proxy.url())
            .env("BGPEER_CA_BUNDLE", &bundle)
            .args(["--region", "cn-shanghai", "--endpoint", &emu.endpoint]);
        if let Some(n) = no_proxy {
            c.env("NO_PROXY", n);
        }
        whoami(&mut c)
    };
    let v = from_uri(None);
    assert_eq!(v["Verified"], true, "{v}");
    assert!(
        v["CredentialSource"]
            .as_str()
            .unwrap()
            .starts_with("credentials URI"),
        "{v}"
    );
    assert_eq!(
        proxy.targets()[1..],
        [format!(
            "localhost:{}",
            server.url_at("x").rsplit(':').next().unwrap()
        )]
    );
    from_uri(Some("localhost"));
    assert_eq!(proxy.tunnels(), 2, "NO_PROXY=localhost goes direct");
    assert_eq!(server.requests().len(), 2);
    assert!(proxy.refused().is_empty());
}

/// A JWT-shaped OIDC token that expires in two hours (the emulator checks form and `exp`).
fn oidc_token() -> String {
    use base64::Engine;
    let part = |v: Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    format!(
        "{}.{}.{}",
        part(serde_json::json!({"alg": "RS256"})),
        part(serde_json::json!({
            "sub": "system:serviceaccount:default:proxy-test",
            "exp": chrono::Utc::now().timestamp() + 7200,
        })),
        part(serde_json::json!("signature")),
    )
}

#[test]
fn oidc_cloud_sso_and_oauth_calls_trust_the_ca_bundle_and_tunnel_through_https_proxy() {
    let emu = Emulator::start_https();
    let proxy = ConnectProxy::start();
    let named = emu.endpoint_at("localhost");
    let token = oidc_token();
    let expire = chrono::Utc::now().timestamp() + 3600;
    for (kind, t) in [
        ("oidc", token.as_str()),
        ("cloud_sso", "AT-proxy"),
        ("oauth_refresh", "RT-proxy-1"),
        ("oauth_refresh", "RT-proxy-2"),
    ] {
        admin(
            &emu,
            "POST",
            "tokens",
            &format!(r#"{{"kind":"{kind}","token":"{t}"}}"#),
        );
    }
    // Each mode in a fresh sandbox (no cache), its identity service at the named host, the API at
    // the loopback IP (never proxied), so every tunnel is an identity call.
    let run_mode = |mode: &str, no_proxy: bool, refresh_token: &str| -> Value {
        let sb = Sandbox::new();
        let mut c = sb.cmd();
        c.env("HTTPS_PROXY", proxy.url())
            .args(["--region", "cn-shanghai", "--endpoint", &emu.endpoint])
            .arg("--ca-bundle")
            .arg(emu.ca.as_ref().unwrap());
        if no_proxy {
            c.env("NO_PROXY", "localhost");
        }
        let aliyun = sb.path(".aliyun/config.json");
        std::fs::create_dir_all(aliyun.parent().unwrap()).unwrap();
        match mode {
            "OIDC" => {
                let file = sb.path("token");
                std::fs::write(&file, &token).unwrap();
                c.env("ALIBABA_CLOUD_ROLE_ARN", ROLE_ARN)
                    .env(
                        "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
                        "acs:ram::1234567890123456:oidc-provider/c1",
                    )
                    .env("ALIBABA_CLOUD_OIDC_TOKEN_FILE", &file)
                    .env("BGPEER_STS_ENDPOINT", &named);
            }
            "CloudSSO" => std::fs::write(
                &aliyun,
                format!(
                    r#"{{"current":"p","profiles":[{{"name":"p","mode":"CloudSSO","cloud_sso_sign_in_url":"{named}/start/login","cloud_sso_account_id":"1234567890123456","cloud_sso_access_config":"ac-1","access_token":"AT-proxy","cloud_sso_access_token_expire":{expire}}}]}}"#
                ),
            )
            .unwrap(),
            _ => {
                std::fs::write(
                    &aliyun,
                    format!(
                        r#"{{"current":"p","profiles":[{{"name":"p","mode":"OAuth","oauth_refresh_token":"{refresh_token}"}}]}}"#
                    ),
                )
                .unwrap();
                c.env("BGPEER_OAUTH_ENDPOINT", &named);
            }
        }
        let v = ok_json(c.args(["whoami", "-o", "json"]));
        assert_eq!(v["Verified"], true, "{mode}: {v}");
        assert!(
            v["CredentialSource"]
                .as_str()
                .unwrap()
                .contains(&format!("({mode}")),
            "{v}"
        );
        v
    };
    let target = format!("localhost:{}", emu.port());
    for (mode, refresh) in [("OIDC", ""), ("CloudSSO", ""), ("OAuth", "RT-proxy-1")] {
        let before = proxy.tunnels();
        run_mode(mode, false, refresh);
        assert!(proxy.tunnels() > before, "{mode} went around the proxy");
        let before = proxy.tunnels();
        run_mode(mode, true, if mode == "OAuth" { "RT-proxy-2" } else { "" });
        assert_eq!(
            proxy.tunnels(),
            before,
            "{mode}: NO_PROXY=localhost goes direct"
        );
    }
    assert!(
        proxy.targets().iter().all(|t| *t == target),
        "{:?}",
        proxy.targets()
    );
    assert!(proxy.refused().is_empty());
    let paths: Vec<String> = actions(&emu);
    for expected in [
        "AssumeRoleWithOIDC",
        "/cloud-credentials",
        "/v1/token",
        "/v1/exchange",
    ] {
        assert_eq!(
            paths.iter().filter(|a| *a == expected).count(),
            2,
            "{expected} in {paths:?}"
        );
    }
}
