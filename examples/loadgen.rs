//! Load generator for `bench/run.sh` (figure c): signed `DescribeBgpPeers` calls against a running
//! `bgpeer emulator`, sent through bgpeer's own client (`bgpeer::client::Client`: real V3 or V2
//! signatures, a fresh nonce per request, keep-alive connections).
//!
//! Bounded in count and in time, loopback only:
//!
//! ```text
//! cargo run --release --example loadgen -- --endpoint http://127.0.0.1:8765 --concurrency 16 \
//!     --requests 20000 --max-seconds 20
//! ```
//!
//! Prints one JSON object: answers, errors, seconds, answers per second. Every call is made once
//! (no retries), so a refused or failed call is counted as an error, not hidden. An answer counts
//! only when it is a whole, well-formed JSON page holding as many peers as asked for (the world
//! must have that many in the region); the peers themselves are checked for syntax, not built
//! into objects, as a load generator measures the server, not its own parsing.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bgpeer::client::{CallOptions, Client, ClientConfig, Endpoint, RetryPolicy, Timeouts};
use bgpeer::credentials::Credentials;
use bgpeer::secret::Secret;
use bgpeer::signing::SignatureVersion;
use serde::de::IgnoredAny;
use serde::Deserialize;

/// What a `DescribeBgpPeers` answer must hold to count.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct PeerPage {
    #[allow(dead_code)]
    request_id: String,
    total_count: u64,
    bgp_peers: PeerList,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct PeerList {
    bgp_peer: Vec<IgnoredAny>,
}

const USAGE: &str =
    "usage: loadgen --endpoint http://127.0.0.1:PORT [--concurrency N] [--requests N] \
[--max-seconds S] [--page-size N] [--region ID] [--signature-version v3|v2]";

struct Args {
    endpoint: String,
    concurrency: usize,
    requests: u64,
    max_seconds: f64,
    page_size: u32,
    region: String,
    signature: SignatureVersion,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        endpoint: String::new(),
        concurrency: 16,
        requests: 20_000,
        max_seconds: 20.0,
        page_size: 50,
        region: "cn-shanghai".into(),
        signature: SignatureVersion::V3,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "-h" || flag == "--help" {
            println!("{USAGE}");
            std::process::exit(0);
        }
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let bad = |what: &str| format!("{flag} {value:?} is not {what}");
        match flag.as_str() {
            "--endpoint" => args.endpoint = value,
            "--concurrency" => {
                args.concurrency = value.parse().map_err(|_| bad("a whole number"))?;
                if args.concurrency == 0 {
                    return Err("--concurrency must be at least 1".into());
                }
            }
            "--requests" => args.requests = value.parse().map_err(|_| bad("a whole number"))?,
            "--max-seconds" => {
                args.max_seconds = value.parse().map_err(|_| bad("a number of seconds"))?;
                if !(args.max_seconds > 0.0 && args.max_seconds <= 3600.0) {
                    return Err("--max-seconds must be above 0 and at most 3600".into());
                }
            }
            "--page-size" => args.page_size = value.parse().map_err(|_| bad("1-50"))?,
            "--region" => args.region = value,
            "--signature-version" => {
                args.signature = match value.to_ascii_lowercase().as_str() {
                    "v3" => SignatureVersion::V3,
                    "v2" => SignatureVersion::V2,
                    _ => return Err(bad("v3 or v2")),
                }
            }
            _ => return Err(format!("unknown flag {flag}\n{USAGE}")),
        }
    }
    if args.endpoint.is_empty() {
        return Err(format!("--endpoint is required\n{USAGE}"));
    }
    Ok(args)
}

fn endpoint(raw: &str) -> Result<Endpoint, String> {
    let rest = raw
        .strip_prefix("http://")
        .ok_or_else(|| format!("endpoint {raw:?} must be http://127.0.0.1:PORT (loopback only)"))?;
    let host = rest.trim_end_matches('/').to_string();
    let ep = Endpoint {
        scheme: "http".into(),
        host,
    };
    if !ep.is_loopback_ip() {
        return Err(format!(
            "endpoint {raw:?} is not a loopback IP; the load generator only talks to 127.0.0.1 or ::1"
        ));
    }
    Ok(ep)
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let ep = match endpoint(&args.endpoint) {
        Ok(ep) => ep,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let config = ClientConfig {
        endpoint: ep,
        version: bgpeer::client::VPC_VERSION.into(),
        signature_version: args.signature,
        credentials: Some(Credentials {
            access_key_id: bgpeer::emulator::TEST_ACCESS_KEY_ID.into(),
            access_key_secret: Secret::new(bgpeer::emulator::TEST_ACCESS_KEY_SECRET),
            security_token: None,
            expiration: None,
            source: "the emulator's test key".into(),
        }),
        timeouts: Timeouts {
            connect: Duration::from_secs(5),
            request: Duration::from_secs(30),
            deadline: Duration::from_secs_f64(args.max_seconds + 60.0),
        },
        retry: RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        },
        debug: bgpeer::client::DebugLog::off(),
        clock: bgpeer::clock::Clock::system(),
        trust: Default::default(),
    };
    let client = match Client::new(config) {
        Ok(c) => Arc::new(c),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let params = vec![
        ("RegionId".to_string(), args.region.clone()),
        ("PageSize".to_string(), args.page_size.to_string()),
        ("PageNumber".to_string(), "1".to_string()),
    ];
    let issued = Arc::new(AtomicU64::new(0));
    let ok = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let first_error = Arc::new(std::sync::Mutex::new(None::<String>));
    let stop_at = Instant::now() + Duration::from_secs_f64(args.max_seconds);
    let started = Instant::now();
    runtime.block_on(async {
        let mut tasks = Vec::with_capacity(args.concurrency);
        for _ in 0..args.concurrency {
            let (client, params) = (client.clone(), params.clone());
            let (issued, ok, errors) = (issued.clone(), ok.clone(), errors.clone());
            let first_error = first_error.clone();
            let total = args.requests;
            let page_size = args.page_size;
            tasks.push(tokio::spawn(async move {
                while Instant::now() < stop_at && issued.fetch_add(1, Ordering::Relaxed) < total {
                    let answer = client
                        .call_as::<PeerPage>("DescribeBgpPeers", &params, &CallOptions::default())
                        .await
                        .map_err(|e| e.to_string())
                        .and_then(|page| {
                            let got = page.bgp_peers.bgp_peer.len();
                            if got as u64 == u64::from(page_size) && page.total_count >= got as u64
                            {
                                Ok(())
                            } else {
                                Err(format!(
                                    "a page of {got} peers (TotalCount {}), {page_size} asked for",
                                    page.total_count
                                ))
                            }
                        });
                    match answer {
                        Ok(()) => {
                            ok.fetch_add(1, Ordering::Relaxed);
                        }
                        Err(e) => {
                            errors.fetch_add(1, Ordering::Relaxed);
                            let mut slot = first_error.lock().unwrap();
                            if slot.is_none() {
                                *slot = Some(e);
                            }
                        }
                    }
                }
            }));
        }
        for t in tasks {
            let _ = t.await;
        }
    });
    let seconds = started.elapsed().as_secs_f64();
    let ok = ok.load(Ordering::Relaxed);
    let errors = errors.load(Ordering::Relaxed);
    let out = serde_json::json!({
        "concurrency": args.concurrency,
        "answers": ok,
        "errors": errors,
        "seconds": seconds,
        "answers_per_second": ok as f64 / seconds,
        "first_error": first_error.lock().unwrap().clone(),
    });
    println!("{out}");
    if errors > 0 {
        std::process::exit(1);
    }
}
