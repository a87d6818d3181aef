//! The files bgpeer reads: bulk `--from-file` input, its TOML config, the aliyun CLI's
//! config.json, and the declarative file of `plan -f` / `apply -f`.
//!
//! Invariant: every input is read into a value or refused with the typed error of its layer,
//! whose exit code is the documented one (2 for bulk input and the declarative file, 4 for the
//! config files), in bounded time; no panic (a panic in a `bgpeer::run_with` run would be exit 1).

use std::path::Path;
use std::time::Instant;

use bgpeer::config::aliyun;
use bgpeer::config::file as config_file;
use bgpeer::credentials::mode;
use bgpeer::declarative::file::{self as declarative, ReadOptions};
use bgpeer::env::Env;
use bgpeer::exit::{Diagnose, Exit};
use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;
use crate::in_process::{run, sealed_env, PIPED};
use crate::support::Sandbox;

// ---- bulk input ----------------------------------------------------------------------------

/// The bulk commands, the fields their items use, and a few output fields they ignore.
const BULK: &[(&[&str], &[&str])] = &[
    (
        &["peer", "create"],
        &[
            "BgpGroupId",
            "PeerIpAddress",
            "EnableBfd",
            "BfdMultiHop",
            "IpVersion",
            "ClientToken",
            "RegionId",
            "Status",
        ],
    ),
    (
        &["peer", "delete"],
        &["BgpPeerId", "ClientToken", "RegionId", "BgpStatus"],
    ),
    (
        &["network", "add"],
        &[
            "RouterId",
            "DstCidrBlock",
            "VpcId",
            "ClientToken",
            "RegionId",
            "Status",
        ],
    ),
    (
        &["network", "delete"],
        &["RouterId", "DstCidrBlock", "ClientToken", "RegionId"],
    ),
];

const BULK_FIELDS: &[&str] = &[
    "BgpGroupId",
    "BgpPeerId",
    "PeerIpAddress",
    "EnableBfd",
    "BfdMultiHop",
    "IpVersion",
    "ClientToken",
    "RegionId",
    "RouterId",
    "DstCidrBlock",
    "VpcId",
    "Status",
    "BgpStatus",
];

fn bulk_value(field: &str) -> BoxedStrategy<Value> {
    let pick = |v: Vec<Value>| prop::sample::select(v).boxed();
    match field {
        "BgpGroupId" => pick(vec![
            json!("bgpg-bp1demo0000000000000"),
            json!("bgpg-"),
            json!("x"),
        ]),
        "BgpPeerId" => pick(vec![
            json!("bgp-bp1demo0000000000001"),
            json!("bgp-"),
            json!(1),
        ]),
        "PeerIpAddress" => pick(vec![
            json!("10.0.0.1"),
            json!("2001:db8::1"),
            json!("10.0.0.256"),
            json!(""),
        ]),
        "EnableBfd" => pick(vec![
            json!(true),
            json!("True"),
            json!("false"),
            json!(1),
            json!("yes"),
        ]),
        "BfdMultiHop" => pick(vec![
            json!(3),
            json!("3"),
            json!(0),
            json!(256),
            json!(1.5),
            json!(-1),
        ]),
        "IpVersion" => pick(vec![json!("IPv4"), json!("ipv6"), json!("IPv5"), json!(4)]),
        "ClientToken" => pick(vec![
            json!("0c4f5b6e-1f0a-4c3e-9d62-8d1b2f0e4a11"),
            json!("x".repeat(65)),
            json!("tökén"),
            json!(""),
        ]),
        "RegionId" => pick(vec![json!("cn-shanghai"), json!("cn-beijing"), json!("")]),
        "RouterId" => pick(vec![json!("vbr-bp1demo00000000000000"), json!("vbr-")]),
        "DstCidrBlock" => pick(vec![
            json!("10.1.0.0/24"),
            json!("10.1.0.1/24"),
            json!("2001:db8::/48"),
            json!("10.1.0.0/33"),
            json!("nope"),
        ]),
        "VpcId" => pick(vec![json!("vpc-bp1demo00000000000000"), json!("")]),
        _ => json_leaf().boxed(),
    }
}

/// One line of NDJSON input.
fn bulk_line() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => json_object_of(BULK_FIELDS, bulk_value).prop_map(|o| Value::Object(o).to_string()),
        1 => json_value().prop_map(|v| v.to_string()),
        1 => prop::sample::select(vec!["", "   ", "\t", "not json", "{", "}", "[]", "null", "{}{}", "\u{feff}{}"])
            .prop_map(str::to_string),
        1 => json_object_of(BULK_FIELDS, bulk_value).prop_flat_map(|o| {
            let text = Value::Object(o).to_string();
            let n = text.chars().count();
            (Just(text), 0..n.max(1)).prop_map(|(t, cut)| t.chars().take(cut).collect())
        }),
    ]
}

/// The bytes of a whole input: NDJSON, a JSON array, or a valid file with its bytes mutated.
fn bulk_input() -> impl Strategy<Value = Bytes> {
    let input = prop_oneof![
        4 => prop::collection::vec(bulk_line(), 0..8).prop_map(|l| l.join("\n").into_bytes()),
        2 => prop::collection::vec(
                prop_oneof![
                    4 => json_object_of(BULK_FIELDS, bulk_value).prop_map(Value::Object),
                    1 => json_value(),
                ],
                0..6,
            )
            .prop_map(|items| Value::Array(items).to_string().into_bytes()),
        2 => mutations().prop_map(|m| {
            let seed = concat!(
                r#"{"BgpGroupId":"bgpg-bp1demo0000000000000","PeerIpAddress":"10.0.0.1","EnableBfd":true}"#, "\n",
                r#"{"BgpPeerId":"bgp-bp1demo0000000000001","RouterId":"vbr-bp1demo00000000000000","DstCidrBlock":"10.1.0.0/24"}"#, "\n",
            );
            mutate(seed.as_bytes(), &m)
        }),
    ];
    input.prop_map(Bytes)
}

/// A valid item of the bulk command `command` (the `i`th, so keys differ).
fn valid_item(command: usize, i: usize, optional: bool) -> Value {
    match command {
        0 => {
            let mut item = json!({"BgpGroupId": "bgpg-bp1demo0000000000000", "PeerIpAddress": format!("10.0.0.{}", i + 1)});
            if optional {
                item["EnableBfd"] = json!(i.is_multiple_of(2));
                item["IpVersion"] = json!("IPv4");
            }
            item
        }
        1 => json!({"BgpPeerId": format!("bgp-bp1demo00000000000{i:02}")}),
        2 => {
            let mut item = json!({"RouterId": "vbr-bp1demo00000000000000", "DstCidrBlock": format!("10.{i}.0.0/24")});
            if optional {
                item["VpcId"] = json!("vpc-bp1demo00000000000000");
            }
            item
        }
        _ => {
            json!({"RouterId": "vbr-bp1demo00000000000000", "DstCidrBlock": format!("10.{i}.0.0/24")})
        }
    }
}

/// One line that is not an item: JSON of another type, not JSON, an object cut short.
fn broken_line() -> impl Strategy<Value = String> {
    prop_oneof![
        json_leaf().prop_map(|v| v.to_string()),
        Just("[{}]".to_string()),
        prop::sample::select(vec![
            "not json",
            "{",
            "}",
            "{}{}",
            "{\"BgpPeerId\":",
            "\u{feff}{}"
        ])
        .prop_map(str::to_string),
    ]
}

/// Valid items of `command`, as NDJSON or an array; with `broken`, one line replaced by
/// something that is not an item.
fn items_of(command: usize) -> impl Strategy<Value = (Bytes, Option<usize>)> {
    (
        1usize..6,
        any::<bool>(),
        any::<bool>(),
        prop::option::weighted(0.5, (any::<usize>(), broken_line())),
    )
        .prop_map(move |(n, optional, array, broken)| {
            let items: Vec<String> = (0..n)
                .map(|i| valid_item(command, i, optional).to_string())
                .collect();
            let mut lines = items.clone();
            if let Some((at, line)) = &broken {
                lines[at % n] = line.clone();
            }
            let text = if array && broken.is_none() {
                format!("[{}]", lines.join(",\n"))
            } else {
                lines.join("\n")
            };
            (Bytes(text.into_bytes()), broken.is_none().then_some(n))
        })
}

/// How many items the input holds when it is well-formed (every line or element an object).
fn well_formed_items(input: &[u8]) -> Option<usize> {
    let text = std::str::from_utf8(input).ok()?;
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        let values: Vec<Value> = serde_json::from_str(trimmed).ok()?;
        return values.iter().all(Value::is_object).then_some(values.len());
    }
    let mut n = 0;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !serde_json::from_str::<Value>(line).ok()?.is_object() {
            return None;
        }
        n += 1;
    }
    Some(n)
}

#[test]
fn bulk_input_is_all_prepared_or_refused_as_a_usage_error_before_anything_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().to_path_buf();
    let tally = Tally::<2>::new();
    let counts = tally.clone();
    let strategy = || {
        (0..BULK.len()).prop_flat_map(|command| {
            prop_oneof![
                2 => bulk_input().prop_map(|b| (b, None)),
                1 => items_of(command),
            ]
            .prop_map(move |(bytes, valid)| (command, bytes, valid))
        })
    };
    check(
        BULK_INPUT,
        strategy,
        move |(command, Bytes(input), valid)| {
            let (words, _) = BULK[command];
            let mut args = vec![
                "--error-format",
                "json",
                "--region",
                "cn-shanghai",
                // Nothing listens there: a run that sent anything would fail with exit 7.
                "--endpoint",
                "http://127.0.0.1:9",
                "-o",
                "json",
            ];
            args.extend_from_slice(words);
            args.extend_from_slice(&["--from-file", "-", "--dry-run"]);
            let r = run(&args, sealed_env(&home, &[]), PIPED, input.clone());
            let what = format!("{words:?} {:?}", String::from_utf8_lossy(&input));
            // Valid items by construction are all prepared; one line that is no item refuses all.
            match valid {
                Some(_) => prop_assert_eq!(r.exit, Exit::Success, "{}: {}", what, r.stderr),
                None if well_formed_items(&input).is_none() => {
                    prop_assert_eq!(r.exit, Exit::Usage, "{}: {}", what, r.stdout)
                }
                None => {}
            }
            match r.exit {
                Exit::Success => {
                    counts.add(0);
                    let out: Value = serde_json::from_str(&r.stdout).map_err(|e| {
                        TestCaseError::fail(format!("{what}: stdout {e}: {}", r.stdout))
                    })?;
                    // One request per item, each to be sent with a ClientToken.
                    let items = well_formed_items(&input);
                    prop_assert!(items.is_some(), "{what}: accepted malformed input");
                    let requests = match (items.unwrap(), out) {
                        (1, one @ Value::Object(_)) => vec![one],
                        (_, Value::Array(all)) => all,
                        (_, other) => return Err(TestCaseError::fail(format!("{what}: {other}"))),
                    };
                    prop_assert_eq!(requests.len(), items.unwrap(), "{}", what);
                    for request in &requests {
                        prop_assert!(
                            request["Parameters"]["ClientToken"]
                                .as_str()
                                .is_some_and(|t| !t.is_empty()),
                            "{what}: {request}"
                        );
                    }
                }
                Exit::Usage => {
                    counts.add(1);
                    prop_assert_eq!(r.stdout, "", "{}", what);
                    let (kind, _) = json_error(&r.stderr)?;
                    prop_assert_eq!(kind, "usage");
                    // The message names the problem; it may quote a field, never the whole input
                    // over and over.
                    prop_assert!(
                        r.stderr.len() < 4096 + 2 * input.len(),
                        "{what}: {} bytes of stderr",
                        r.stderr.len()
                    );
                }
                other => {
                    return Err(TestCaseError::fail(format!(
                        "{what}: exit {other:?}\n{}",
                        r.stderr
                    )))
                }
            }
            Ok(())
        },
    );
    tally.both(BULK_INPUT, "prepared", "refused");
}

/// A 50 MB input through the real binary: read, refused as a usage error with a short message,
/// in bounded time.
#[test]
fn a_50_mb_bulk_file_is_refused_with_a_short_message_by_the_binary() {
    let sb = Sandbox::new();
    let path = sb.path("huge.ndjson");
    // One item, then a 50 MB line that is not JSON.
    let mut text = String::from("{\"BgpPeerId\":\"bgp-bp1demo0000000000001\"}\n");
    text.push_str(&"x".repeat(50 << 20));
    std::fs::write(&path, text).unwrap();
    let started = Instant::now();
    let out = sb
        .cmd()
        .args(["--error-format", "text", "--region", "cn-shanghai"])
        .args(["peer", "delete", "--dry-run", "--from-file"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(started.elapsed() < PER_CASE, "took {:?}", started.elapsed());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("error: line 2 is not valid JSON"),
        "{stderr}"
    );
    assert!(stderr.len() < 1024, "{} bytes of stderr", stderr.len());
}

// ---- bgpeer's TOML config --------------------------------------------------------------------

/// A TOML value of any type, biased to the edges of each.
fn toml_value() -> impl Strategy<Value = toml::Value> {
    let leaf = prop_oneof![
        odd_string().prop_map(toml::Value::String),
        prop::sample::select(vec![
            "AK",
            "StsToken",
            "RamRoleArn",
            "OIDC",
            "CloudSSO",
            "Nope",
            "json",
            "v2",
            "cn-shanghai"
        ])
        .prop_map(|s| toml::Value::String(s.to_string())),
        any::<i64>().prop_map(toml::Value::Integer),
        prop::sample::select(vec![0i64, -1, 1, 4_294_967_296, i64::MIN])
            .prop_map(toml::Value::Integer),
        prop::sample::select(vec![
            0.0f64,
            -0.0,
            0.001,
            1e308,
            f64::NAN,
            f64::INFINITY,
            -f64::INFINITY,
            86400.5
        ])
        .prop_map(toml::Value::Float),
        any::<bool>().prop_map(toml::Value::Boolean),
        Just(toml::Value::Datetime(
            "1979-05-27T07:32:00Z".parse().unwrap()
        )),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(toml::Value::Array),
            prop::collection::vec((odd_string(), inner), 0..4)
                .prop_map(|kv| toml::Value::Table(kv.into_iter().collect())),
        ]
    })
}

/// A value of the type a profile key has (mostly sensible, sometimes at its type's edge).
fn toml_value_for(key: &str) -> BoxedStrategy<toml::Value> {
    use toml::Value as T;
    let pick = |v: Vec<T>| prop::sample::select(v).boxed();
    match key {
        "connect_timeout" | "read_timeout" | "deadline" | "retry_base_delay" => pick(vec![
            T::Float(5.0),
            T::Float(0.0),
            T::Float(-1.0),
            T::Float(f64::NAN),
            T::Float(f64::INFINITY),
            T::Float(1e300),
            T::Integer(30),
        ]),
        "max_attempts" | "duration_seconds" => pick(vec![
            T::Integer(3),
            T::Integer(0),
            T::Integer(900),
            T::Integer(4_294_967_296),
            T::Integer(-1),
        ]),
        "live_completion" | "enable_vpc" => pick(vec![T::Boolean(true), T::Boolean(false)]),
        "mode" => prop::sample::select(vec![
            "AK",
            "StsToken",
            "RamRoleArn",
            "ChainableRamRoleArn",
            "EcsRamRole",
            "OIDC",
            "External",
            "CredentialsURI",
            "CloudSSO",
            "OAuth",
            "ak",
            "Nope",
            "",
        ])
        .prop_map(|m| T::String(m.into()))
        .boxed(),
        "output" => prop::sample::select(vec!["json", "table", "ndjson", "tsv", "xml", ""])
            .prop_map(|m| T::String(m.into()))
            .boxed(),
        "signature_version" => prop::sample::select(vec!["v3", "v2", "V3", "v4"])
            .prop_map(|m| T::String(m.into()))
            .boxed(),
        "region" | "sts_region" => {
            prop::sample::select(vec!["cn-shanghai", "cn-hangzhou", "", "  ", "x y"])
                .prop_map(|m| T::String(m.into()))
                .boxed()
        }
        "endpoint" | "sts_endpoint" | "credentials_uri" => prop::sample::select(vec![
            "http://127.0.0.1:9",
            "https://vpc.cn-shanghai.aliyuncs.com",
            "127.0.0.1:9",
            "ftp://x",
            "",
        ])
        .prop_map(|m| T::String(m.into()))
        .boxed(),
        "process_command" => Just(T::String("false".into())).boxed(),
        "source_profile" => prop::sample::select(vec!["default", "prod", "missing", ""])
            .prop_map(|m| T::String(m.into()))
            .boxed(),
        "role_arn" => prop::sample::select(vec!["acs:ram::1234567890123456:role/r", "arn"])
            .prop_map(|m| T::String(m.into()))
            .boxed(),
        _ => prop_oneof![
            4 => odd_string().prop_map(T::String),
            1 => Just(T::String("LTAI5tTestKey".into())),
        ]
        .boxed(),
    }
}

/// A config file: profiles of known keys (and typos), mostly with values of their type, then
/// serialised, and sometimes its bytes mutated.
fn toml_config() -> impl Strategy<Value = Bytes> {
    let key = prop_oneof![
        8 => prop::sample::select(config_file::PROFILE_KEYS).prop_map(str::to_string),
        1 => odd_string(),
        1 => prop::sample::select(config_file::PROFILE_KEYS).prop_map(|k| k.replace('_', "-")),
    ];
    let entry = key.prop_flat_map(|k| {
        let value = prop_oneof![6 => toml_value_for(&k), 1 => toml_value()];
        (Just(k), value)
    });
    let profile = prop::collection::vec(entry, 0..8)
        .prop_map(|kv| toml::Value::Table(kv.into_iter().collect()));
    let name = prop_oneof![
        3 => prop::sample::select(vec!["default", "prod", "a.b", "with space", ""]).prop_map(str::to_string),
        1 => odd_string(),
    ];
    let profiles = prop::collection::vec((name, profile), 0..4)
        .prop_map(|p| toml::Value::Table(p.into_iter().collect()));
    let doc = (
        prop::option::of(prop_oneof![
            odd_string().prop_map(toml::Value::String),
            toml_value()
        ]),
        prop_oneof![4 => profiles, 1 => toml_value()],
        prop::option::weighted(0.1, (odd_string(), toml_value())),
    )
        .prop_map(|(current, profiles, extra)| {
            let mut t = toml::Table::new();
            if let Some(c) = current {
                t.insert("current".into(), c);
            }
            t.insert("profiles".into(), profiles);
            if let Some((k, v)) = extra {
                t.insert(k, v);
            }
            toml::to_string(&t).unwrap_or_default().into_bytes()
        })
        .boxed();
    prop_oneof![
        3 => doc.clone(),
        2 => (doc, mutations()).prop_map(|(text, m)| mutate(&text, &m)),
    ]
    .prop_map(Bytes)
}

/// A TOML config is loaded whole, profile rules and credential modes included, or refused
/// with a `ConfigError` (exit 4) that names the file; what is loaded is written back the same.
#[test]
fn a_toml_config_is_loaded_or_refused_with_exit_4_naming_the_file() {
    let tally = Tally::<3>::new();
    let counts = tally.clone();
    check(TOML_CONFIG, toml_config, move |Bytes(bytes)| {
        // The loader reads UTF-8 text (an invalid file fails to read: exit 4 too).
        let Ok(text) = String::from_utf8(bytes) else {
            return Ok(());
        };
        let path = Path::new("/etc/bgpeer/config.toml");
        let parsed = config_file::parse(path, &text);
        counts.result(&parsed);
        match parsed {
            Err(e) => {
                prop_assert_eq!(e.exit(), Exit::Auth);
                let message = e.to_string();
                prop_assert!(
                    message.starts_with("invalid config file /etc/bgpeer/config.toml"),
                    "{message}"
                );
                prop_assert!(e.hint().is_some_and(|h| !h.is_empty()));
            }
            Ok(file) => {
                // `configure set` writes with the same serialiser: what was read is written back
                // and read again the same.
                let written = toml::to_string_pretty(&file).unwrap();
                let again = config_file::parse(path, &written).unwrap();
                prop_assert_eq!(toml::to_string_pretty(&again).unwrap(), written);
                for (name, profile) in &file.profiles {
                    counts.add(2);
                    if let Err(e) = profile.check(name, &file) {
                        prop_assert!(matches!(e.exit(), Exit::Usage | Exit::Auth), "{e}");
                    }
                    if let Err(e) = mode::from_bgpeer(name, profile, "profile in the test") {
                        prop_assert_eq!(e.exit(), Exit::Auth, "{}", e);
                        prop_assert!(!e.to_string().is_empty());
                    }
                }
            }
        }
        Ok(())
    });
    // Both outcomes, and profiles that load: the generator reaches past the syntax.
    let [loaded, refused, profiles] = tally.counts();
    eprintln!("{TOML_CONFIG}: {loaded} loaded ({profiles} profiles), {refused} refused");
    assert!(
        loaded > 0 && refused > 0 && profiles > 0,
        "{loaded} {refused} {profiles}"
    );
}

// ---- the aliyun CLI's config.json -------------------------------------------------------------

const ALIYUN_KEYS: &[&str] = &[
    "name",
    "mode",
    "access_key_id",
    "access_key_secret",
    "sts_token",
    "sts_region",
    "ram_role_name",
    "ram_role_arn",
    "ram_session_name",
    "expired_seconds",
    "external_id",
    "source_profile",
    "process_command",
    "credentials_uri",
    "region_id",
    "oidc_provider_arn",
    "oidc_token_file",
    "sts_endpoint",
    "role_session_name",
    "policy",
    "enable_vpc",
    "sts_expiration",
    "cloud_sso_sign_in_url",
    "cloud_sso_account_id",
    "cloud_sso_access_config",
    "access_token",
    "cloud_sso_access_token_expire",
    "oauth_site_type",
    "oauth_access_token",
    "oauth_access_token_expire",
    "oauth_refresh_token",
    "language",
];

fn aliyun_value(key: &str) -> BoxedStrategy<Value> {
    let pick = |v: Vec<Value>| prop::sample::select(v).boxed();
    match key {
        "mode" => pick(vec![
            json!("AK"),
            json!("StsToken"),
            json!("RamRoleArn"),
            json!("ChainableRamRoleArn"),
            json!("EcsRamRole"),
            json!("OIDC"),
            json!("External"),
            json!("CredentialsURI"),
            json!("CloudSSO"),
            json!("OAuth"),
            json!("RsaKeyPair"),
            json!(""),
            json!("ak"),
        ]),
        "expired_seconds" => pick(vec![
            json!(0),
            json!(900),
            json!(3600),
            json!(43201),
            json!(-1),
            json!(4_294_967_296u64),
        ]),
        "sts_expiration" | "cloud_sso_access_token_expire" | "oauth_access_token_expire" => {
            pick(vec![
                json!(0),
                json!(4_102_444_800u64),
                json!(1.7e9),
                json!(1e300),
                json!(-1e300),
                json!("1700000000"),
                json!(" 12 "),
                json!(""),
                json!(null),
                json!("soon"),
                json!(u64::MAX),
            ])
        }
        "enable_vpc" => pick(vec![
            json!(true),
            json!("FALSE"),
            json!(""),
            json!(1),
            json!(null),
        ]),
        "oauth_site_type" => pick(vec![
            json!("CN"),
            json!("INTL"),
            json!("intl"),
            json!("MARS"),
        ]),
        "cloud_sso_sign_in_url" => pick(vec![
            json!("https://signin-cn-shanghai.alibabacloudsso.com/start/login"),
            json!("http://127.0.0.1:9"),
            json!("not a url"),
        ]),
        "ram_role_arn" => pick(vec![
            json!("acs:ram::1234567890123456:role/r"),
            json!("arn"),
        ]),
        "oidc_provider_arn" => pick(vec![json!("acs:ram::1234567890123456:oidc-provider/p")]),
        "credentials_uri" => pick(vec![json!("http://127.0.0.1:9/creds"), json!("ftp://x")]),
        "process_command" => pick(vec![json!("false"), json!("")]),
        _ => odd_string().prop_map(Value::from).boxed(),
    }
}

/// A profile with every key its mode needs, well typed, plus any others.
fn complete_aliyun_profile() -> impl Strategy<Value = Value> {
    let needs: &[(&str, &[&str])] = &[
        ("AK", &["access_key_id", "access_key_secret"]),
        (
            "StsToken",
            &["access_key_id", "access_key_secret", "sts_token"],
        ),
        (
            "RamRoleArn",
            &["access_key_id", "access_key_secret", "ram_role_arn"],
        ),
        ("ChainableRamRoleArn", &["source_profile", "ram_role_arn"]),
        ("EcsRamRole", &["ram_role_name"]),
        (
            "OIDC",
            &["ram_role_arn", "oidc_provider_arn", "oidc_token_file"],
        ),
        ("External", &["process_command"]),
        ("CredentialsURI", &["credentials_uri"]),
        (
            "CloudSSO",
            &[
                "cloud_sso_sign_in_url",
                "cloud_sso_account_id",
                "cloud_sso_access_config",
                "access_token",
                "cloud_sso_access_token_expire",
            ],
        ),
        (
            "OAuth",
            &[
                "oauth_site_type",
                "oauth_access_token",
                "oauth_refresh_token",
                "oauth_access_token_expire",
            ],
        ),
    ];
    (
        prop::sample::select(needs.to_vec()),
        json_object_of(ALIYUN_KEYS, aliyun_value),
    )
        .prop_map(|((mode, keys), mut extra)| {
            extra.insert("name".into(), json!("p"));
            extra.insert("mode".into(), json!(mode));
            for key in keys {
                let value = match *key {
                    "ram_role_arn" => json!("acs:ram::1234567890123456:role/r"),
                    "oidc_provider_arn" => json!("acs:ram::1234567890123456:oidc-provider/p"),
                    "credentials_uri" => json!("http://127.0.0.1:9/creds"),
                    "process_command" => json!("false"),
                    "cloud_sso_sign_in_url" => {
                        json!("https://signin-cn-shanghai.alibabacloudsso.com/start/login")
                    }
                    "oauth_site_type" => json!("CN"),
                    "cloud_sso_access_token_expire" | "oauth_access_token_expire" => {
                        json!(4_102_444_800u64)
                    }
                    _ => json!("value-1"),
                };
                extra.insert((*key).to_string(), value);
            }
            Value::Object(extra)
        })
}

fn aliyun_config() -> impl Strategy<Value = Bytes> {
    let profile = prop_oneof![
        2 => json_object_of(ALIYUN_KEYS, aliyun_value).prop_map(Value::Object),
        1 => complete_aliyun_profile(),
    ];
    let doc = (
        prop::option::of(prop_oneof![4 => odd_string().prop_map(Value::from), 1 => json_leaf()]),
        prop_oneof![
            4 => prop::collection::vec(prop_oneof![6 => profile, 1 => json_value()], 0..4).prop_map(Value::from),
            1 => json_value(),
        ],
        prop::option::weighted(0.2, (odd_string(), json_value())),
    )
        .prop_map(|(current, profiles, extra)| {
            let mut doc = serde_json::Map::new();
            if let Some(c) = current {
                doc.insert("current".into(), c);
            }
            doc.insert("profiles".into(), profiles);
            if let Some((k, v)) = extra {
                doc.insert(k, v);
            }
            serde_json::to_vec_pretty(&doc).unwrap()
        })
        .boxed();
    prop_oneof![
        3 => doc.clone(),
        2 => (doc, mutations()).prop_map(|(text, m)| mutate(&text, &m)),
    ]
    .prop_map(Bytes)
}

/// The aliyun CLI's config.json is read whole and every profile turned into a credential mode, or
/// refused with exit 4: a `ConfigError` naming file, line and column, or a `CredentialsError`
/// naming the profile. Reading it runs nothing and sends nothing.
#[test]
fn the_aliyun_config_json_is_loaded_or_refused_with_exit_4() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.json");
    let env = Env::from_pairs([("HOME".to_string(), dir.path().display().to_string())]);
    let tally = Tally::<3>::new();
    let counts = tally.clone();
    check(ALIYUN_CONFIG, aliyun_config, move |Bytes(bytes)| {
        std::fs::write(&path, &bytes).unwrap();
        let loaded = aliyun::load(&path);
        counts.result(&loaded);
        match loaded {
            Err(e) => {
                prop_assert_eq!(e.exit(), Exit::Auth);
                let message = e.to_string();
                prop_assert!(
                    message.starts_with("cannot read aliyun CLI config")
                        || message.starts_with("invalid aliyun CLI config"),
                    "{message}"
                );
            }
            Ok(None) => return Err(TestCaseError::fail("the file is there")),
            Ok(Some(loaded)) => {
                for p in &loaded.config.profiles {
                    let _ = p.effective_mode();
                    let _ = p.enable_vpc();
                    let spec = mode::from_aliyun(p, "aliyun CLI profile in the test", &env);
                    counts.add_n(2, u32::from(matches!(spec, Ok(Some(_)))));
                    if let Err(e) = spec {
                        prop_assert!(
                            matches!(e.exit(), Exit::Auth | Exit::Usage),
                            "{e}: exit {:?}",
                            e.exit()
                        );
                        prop_assert!(!e.to_string().is_empty());
                    }
                }
            }
        }
        Ok(())
    });
    let [loaded, refused, modes] = tally.counts();
    eprintln!(
        "{ALIYUN_CONFIG}: {loaded} loaded ({modes} profiles with credentials), {refused} refused"
    );
    assert!(
        loaded > 0 && refused > 0 && modes > 0,
        "{loaded} {refused} {modes}"
    );
}

/// Both config files through the whole program, in process: `configure list` and a dry run that
/// resolves every setting of the chosen profile. Exit 0, or 4 (a configuration problem), or 2 for
/// a profile name that is not one.
#[test]
fn both_config_files_through_configure_list_and_a_dry_run_exit_0_or_4() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().to_path_buf();
    let strategy = || {
        (
            toml_config(),
            aliyun_config(),
            prop::sample::select(vec!["default", "prod", "p", ""]),
        )
    };
    check(
        TOML_PROFILES_IN_PROCESS,
        strategy,
        move |(Bytes(toml), Bytes(json), profile)| {
            std::fs::write(home.join("config.toml"), &toml).unwrap();
            let aliyun_path = home.join("aliyun.json");
            std::fs::write(&aliyun_path, &json).unwrap();
            let aliyun = aliyun_path.display().to_string();
            let env = || {
                sealed_env(
                    &home,
                    &[
                        ("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "false"),
                        ("ALIBABA_CLOUD_CONFIG_FILE", &aliyun),
                    ],
                )
            };
            let list = run(
                &["--error-format", "json", "configure", "list"],
                env(),
                PIPED,
                "",
            );
            prop_assert!(
                matches!(list.exit, Exit::Success | Exit::Auth),
                "configure list: {:?}\n{}",
                list.exit,
                list.stderr
            );
            let mut args = vec![
                "--error-format",
                "json",
                "--endpoint",
                "http://127.0.0.1:9",
                "--region",
                "cn-shanghai",
            ];
            if !profile.is_empty() {
                args.extend_from_slice(&["--profile", profile]);
            }
            args.extend_from_slice(&["peer", "delete", "bgp-bp1demo0000000000001", "--dry-run"]);
            let dry = run(&args, env(), PIPED, "");
            prop_assert!(
                matches!(dry.exit, Exit::Success | Exit::Auth | Exit::Usage),
                "dry run: {:?}\n{}",
                dry.exit,
                dry.stderr
            );
            for r in [&list, &dry] {
                if r.exit != Exit::Success {
                    let (kind, _) = json_error(&r.stderr)?;
                    prop_assert_eq!(kind, r.exit.kind());
                }
            }
            Ok(())
        },
    );
}

// ---- the declarative file --------------------------------------------------------------------

const DECLARATIVE_KEYS: &[&str] = &[
    "region",
    "vbrs",
    "vbr_id",
    "groups",
    "networks",
    "name",
    "id",
    "description",
    "peer_asn",
    "local_asn",
    "is_fake_asn",
    "route_quota",
    "ip_version",
    "auth_key",
    "peers",
    "peer_ip_address",
    "enable_bfd",
    "bfd_multi_hop",
    "dst_cidr_block",
    "vpc_id",
];

fn declarative_leaf(key: &str) -> BoxedStrategy<Value> {
    let pick = |v: Vec<Value>| prop::sample::select(v).boxed();
    match key {
        "region" => pick(vec![json!("cn-shanghai"), json!("cn-nowhere"), json!("")]),
        "vbr_id" => pick(vec![
            json!("vbr-uf6014wmqjaionhqtfxnm"),
            json!("vbr-"),
            json!(7),
        ]),
        "peer_asn" | "local_asn" => pick(vec![
            json!(65001),
            json!(0),
            json!(4_294_967_296u64),
            json!(-5),
            json!("65001"),
        ]),
        "route_quota" | "bfd_multi_hop" => pick(vec![json!(3), json!(0), json!(256), json!(1e9)]),
        "ip_version" => pick(vec![
            json!("IPv4"),
            json!("IPv6"),
            json!("ipv4"),
            json!("v4"),
        ]),
        "enable_bfd" | "is_fake_asn" => {
            pick(vec![json!(true), json!(false), json!("yes"), json!(1)])
        }
        "auth_key" => pick(vec![
            json!({"env": "BGP_KEY"}),
            json!({"file": "key.txt"}),
            json!("none"),
            json!("cleartext"),
            json!({"env": "A", "file": "b"}),
            json!({}),
        ]),
        "peer_ip_address" => pick(vec![
            json!("10.64.73.2"),
            json!("2001:db8::2"),
            json!("10.64.73.256"),
        ]),
        "dst_cidr_block" => pick(vec![
            json!("192.168.10.0/24"),
            json!("192.168.10.1/24"),
            json!("::/0"),
        ]),
        "name" | "description" | "id" | "vpc_id" => odd_string().prop_map(Value::from).boxed(),
        _ => json_leaf().boxed(),
    }
}

/// A declarative document: the schema's keys at every level, lists where lists go, any values.
fn declarative_doc() -> impl Strategy<Value = Value> {
    let object = |depth: u32| -> BoxedStrategy<Value> {
        let mut leaf = json_object_of(DECLARATIVE_KEYS, declarative_leaf)
            .prop_map(Value::Object)
            .boxed();
        for _ in 0..depth {
            let inner = leaf.clone();
            leaf = (
                json_object_of(DECLARATIVE_KEYS, declarative_leaf),
                prop::sample::select(vec!["vbrs", "groups", "peers", "networks"]),
                prop::collection::vec(inner, 0..3),
            )
                .prop_map(|(mut o, key, list)| {
                    o.insert(key.to_string(), Value::from(list));
                    Value::Object(o)
                })
                .boxed();
        }
        leaf
    };
    object(3)
}

/// A JSON value as block-style YAML (strings double-quoted, JSON escapes being YAML's too).
fn to_yaml(v: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match v {
        Value::Object(o) if !o.is_empty() => {
            for (k, v) in o {
                out.push_str(&format!("{pad}{}:", Value::from(k.as_str())));
                block_child(v, indent, out);
            }
        }
        Value::Array(a) if !a.is_empty() => {
            for v in a {
                out.push_str(&format!("{pad}-"));
                block_child(v, indent, out);
            }
        }
        other => out.push_str(&format!("{pad}{other}\n")),
    }
}

fn block_child(v: &Value, indent: usize, out: &mut String) {
    match v {
        Value::Object(o) if !o.is_empty() => {
            out.push('\n');
            to_yaml(v, indent + 2, out);
        }
        Value::Array(a) if !a.is_empty() => {
            out.push('\n');
            to_yaml(v, indent + 2, out);
        }
        other => out.push_str(&format!(" {other}\n")),
    }
}

/// What only YAML can do: aliases (a "billion laughs"), tags, several documents, merge keys,
/// complex keys, deep nesting.
fn yaml_oddity() -> impl Strategy<Value = String> {
    prop_oneof![
        (1usize..12, 2usize..12).prop_map(|(depth, width)| {
            let mut s = String::from("a0: &a0 [\"lol\"]\n");
            for i in 1..=depth {
                let refs = vec![format!("*a{}", i - 1); width].join(", ");
                s.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
            }
            s.push_str(&format!("region: cn-shanghai\nvbrs: *a{depth}\n"));
            s
        }),
        (1usize..5000).prop_map(|n| format!("region: {}cn-shanghai{}\n", "[".repeat(n), "]".repeat(n))),
        (1usize..3000).prop_map(|n| {
            let mut s = String::from("vbrs:\n");
            for i in 0..n.min(200) {
                s.push_str(&format!("{}- vbr_id: x\n", "  ".repeat(i + 1)));
            }
            s
        }),
        prop::sample::select(vec![
            "region: !!binary aGVsbG8=\n",
            "region: !custom cn-shanghai\n",
            "--- \nregion: cn-shanghai\n---\nregion: cn-hangzhou\n",
            "base: &b {region: cn-shanghai}\n<<: *b\n",
            "? [complex, key]\n: value\n",
            "region: *undefined\n",
            "\u{feff}region: cn-shanghai\nvbrs: []\n",
            "region:\tcn-shanghai\n",
            "region: 'unterminated\n",
            "vbrs:\n- vbr_id: vbr-uf6014wmqjaionhqtfxnm\n  groups:\n  - name: a\n    name: b\n",
            "%YAML 1.1\n---\nregion: cn-shanghai\n",
            "region: cn-shanghai\nvbrs: [{vbr_id: vbr-uf6014wmqjaionhqtfxnm, groups: [{name: core, peer_asn: 65001, peers: [{peer_ip_address: 10.0.0.1, enable_bfd: yes}]}]}]\n",
            "",
            "   \n\n",
            "null\n",
            "[]\n",
            "42\n",
        ])
        .prop_map(str::to_string),
    ]
}

const DECLARATIVE_SEED: &str = "region: cn-shanghai
vbrs:
  - vbr_id: vbr-uf6014wmqjaionhqtfxnm
    groups:
      - name: core
        peer_asn: 65001
        description: Core routers
        auth_key: {env: BGP_KEY_CORE}
        peers:
          - peer_ip_address: 10.64.73.2
            enable_bfd: true
            bfd_multi_hop: 3
          - peer_ip_address: 10.64.73.6
    networks:
      - dst_cidr_block: 192.168.10.0/24
        vpc_id: vpc-uf6bench0000000000000
";

/// A valid document by construction (unique names, IPs and CIDRs, values inside every rule):
/// `(document, number of VBRs)`.
fn valid_declarative_doc() -> impl Strategy<Value = (Value, usize)> {
    let peer = (any::<bool>(), 1i64..=255, any::<bool>()).prop_map(|(bfd, hop, write_hop)| {
        let mut p = serde_json::Map::new();
        p.insert("enable_bfd".into(), json!(bfd));
        if bfd && write_hop {
            p.insert("bfd_multi_hop".into(), json!(hop));
        }
        p
    });
    let group = (
        prop::collection::vec(peer, 0..3),
        64512u64..65000,
        prop::option::of("[A-Za-z][A-Za-z0-9 ,.]{1,40}"),
        prop::sample::select(vec![
            None,
            Some(json!({"env": "BGP_KEY"})),
            Some(json!("none")),
        ]),
    );
    let vbr = (
        prop::collection::vec(group, 0..3),
        prop::collection::vec(any::<bool>(), 0..3),
    );
    prop::collection::vec(vbr, 1..3).prop_map(|vbrs| {
        let n = vbrs.len();
        let vbrs: Vec<Value> = vbrs
            .into_iter()
            .enumerate()
            .map(|(vi, (groups, networks))| {
                let groups: Vec<Value> = groups
                    .into_iter()
                    .enumerate()
                    .map(|(gi, (peers, asn, description, auth_key))| {
                        let peers: Vec<Value> = peers
                            .into_iter()
                            .enumerate()
                            .map(|(pi, mut p)| {
                                p.insert("peer_ip_address".into(), json!(format!("10.{vi}.{gi}.{}", pi + 1)));
                                Value::Object(p)
                            })
                            .collect();
                        let mut g = json!({"name": format!("group-{gi}"), "peer_asn": asn, "peers": peers});
                        if let Some(d) = description {
                            g["description"] = json!(d);
                        }
                        if let Some(k) = auth_key {
                            g["auth_key"] = k;
                        }
                        g
                    })
                    .collect();
                let networks: Vec<Value> = networks
                    .into_iter()
                    .enumerate()
                    .map(|(ni, vpc)| {
                        let mut net = json!({"dst_cidr_block": format!("192.168.{ni}.0/24")});
                        if vpc {
                            net["vpc_id"] = json!("vpc-uf6bench0000000000000");
                        }
                        net
                    })
                    .collect();
                json!({"vbr_id": format!("vbr-uf6014wmqjaionhqtfx{vi:02}"), "groups": groups, "networks": networks})
            })
            .collect();
        (json!({"region": "cn-shanghai", "vbrs": vbrs}), n)
    })
}

/// A declarative input, and the number of VBRs it must give when it is valid by construction.
#[derive(Debug, Clone)]
struct DeclarativeInput {
    text: Bytes,
    valid_vbrs: Option<usize>,
}

fn declarative_input() -> impl Strategy<Value = DeclarativeInput> {
    let written = |d: &Value, yaml: bool| {
        if yaml {
            let mut s = String::new();
            to_yaml(d, 0, &mut s);
            s.into_bytes()
        } else {
            d.to_string().into_bytes()
        }
    };
    let hostile = prop_oneof![
        3 => declarative_doc().prop_map(|d| {
            let mut s = String::new();
            to_yaml(&d, 0, &mut s);
            s.into_bytes()
        }),
        2 => declarative_doc().prop_map(|d| d.to_string().into_bytes()),
        2 => yaml_oddity().prop_map(String::into_bytes),
        3 => mutations().prop_map(|m| mutate(DECLARATIVE_SEED.as_bytes(), &m)),
    ]
    .prop_map(|b| DeclarativeInput {
        text: Bytes(b),
        valid_vbrs: None,
    });
    prop_oneof![
        3 => hostile,
        1 => (valid_declarative_doc(), any::<bool>()).prop_map(move |((doc, n), yaml)| DeclarativeInput {
            text: Bytes(written(&doc, yaml)),
            valid_vbrs: Some(n),
        }),
    ]
}

/// Every declarative file is checked into a desired set-up or refused with exit 2, every problem
/// placed at a line of the file with a fix; aliases and nesting cannot make it hang.
#[test]
fn a_declarative_file_is_checked_or_refused_with_exit_2_naming_line_and_fix() {
    let opts = ReadOptions {
        default_region: Some("cn-shanghai".into()),
        skip: Vec::new(),
    };
    let tally = Tally::<2>::new();
    let counts = tally.clone();
    check(DECLARATIVE_FILE, declarative_input, move |input| {
        // Files are read as UTF-8 text; invalid UTF-8 is refused when read (see the binary test).
        let Ok(text) = String::from_utf8(input.text.0.clone()) else {
            return Ok(());
        };
        match declarative::read("bgp.yaml", &text, &opts) {
            Ok(desired) => {
                counts.add(0);
                for vbr in &desired.vbrs {
                    prop_assert!(vbr.vbr_id.starts_with("vbr-"), "{}", vbr.vbr_id);
                }
                if let Some(n) = input.valid_vbrs {
                    prop_assert_eq!(desired.vbrs.len(), n);
                }
            }
            Err(e) => {
                prop_assert!(input.valid_vbrs.is_none(), "a valid file refused: {e}");
                counts.add(1);
                prop_assert_eq!(e.exit(), Exit::Usage);
                prop_assert!(!e.problems.is_empty());
                let lines = text.lines().count() as u64 + 1;
                for p in &e.problems {
                    prop_assert!(!p.message.is_empty() && !p.fix.is_empty(), "{p:?}");
                    prop_assert!(p.at.line <= lines, "{p:?} in a file of {lines} lines");
                }
                let shown = e.to_string();
                prop_assert!(shown.starts_with("bgp.yaml"), "{shown}");
            }
        }
        Ok(())
    });
    tally.both(DECLARATIVE_FILE, "checked", "refused");
}

/// The representative hostile files through the real binary's `plan -f`: each refused with
/// exit 2 before anything is sent, in bounded time, with a short message.
#[test]
fn hostile_declarative_files_are_refused_by_plan_with_exit_2() {
    let sb = Sandbox::new();
    let bomb = {
        let mut s = String::from("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for i in 1..=9 {
            let refs = vec![format!("*a{}", i - 1); 9].join(", ");
            s.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        s.push_str("region: cn-shanghai\nvbrs: *a9\n");
        s.into_bytes()
    };
    let files: Vec<(&str, Vec<u8>, &str)> = vec![
        ("bomb.yaml", bomb, "bomb.yaml"),
        (
            "deep.yaml",
            format!("region: {}x{}\n", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
            "deep.yaml",
        ),
        ("huge.yaml", vec![b'#'; 17 << 20], "more than the 16777216"),
        (
            "latin1.yaml",
            b"region: cn-shanghai\ndescription: caf\xe9\n".to_vec(),
            "cannot read",
        ),
    ];
    for (name, bytes, expected) in files {
        let path = sb.path(name);
        std::fs::write(&path, &bytes).unwrap();
        let started = Instant::now();
        let out = sb
            .cmd()
            .args([
                "--error-format",
                "text",
                "--profile",
                "emulator",
                "plan",
                "-f",
            ])
            .arg(&path)
            .output()
            .unwrap();
        let took = started.elapsed();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert!(
            stderr.len() < 4096,
            "{name}: {} bytes of stderr",
            stderr.len()
        );
        assert!(took < PER_CASE, "{name}: took {took:?}");
    }
}
