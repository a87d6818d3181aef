//! Hostile input, generated: property tests that throw generated and mutated input at every
//! parser bgpeer owns, and check that each answers with a typed error and its documented exit
//! code (or a documented HTTP status and error code, for the emulator), never a panic, in bounded
//! time and memory.
//!
//! Most cases call the library in process (the emulator's router, the parsing functions, the
//! client against a local server, `bgpeer::run_with`), so hundreds run in seconds; a few
//! representative cases per parser go through the real binary. The number of cases of each
//! property is set here, in [`CASES`], and listed in docs/testing.md ("What the tests prove"),
//! which a test below keeps equal.

mod answers;
mod emulator_http;
mod files;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseResult, TestRunner};
use serde_json::Value;

/// Each property: its name (the docs table's first column), its cases per run.
pub(crate) const CASES: &[(&str, u32)] = &[
    (EMULATOR_REQUESTS, 400),
    (SIGNED_MUTATIONS, 300),
    (ADMIN_JSON, 300),
    (RAW_CONNECTIONS, 48),
    (BULK_INPUT, 300),
    (TOML_CONFIG, 400),
    (TOML_PROFILES_IN_PROCESS, 48),
    (ALIYUN_CONFIG, 400),
    (DECLARATIVE_FILE, 300),
    (API_ANSWERS, 300),
    (CREDENTIALS_URI, 150),
    (METADATA, 150),
    (CREDENTIAL_PROCESS, 100),
];

pub(crate) const EMULATOR_REQUESTS: &str =
    "emulator: any request (method, path, query, headers, body)";
pub(crate) const SIGNED_MUTATIONS: &str = "emulator: signed requests (V3 and V2), mutated";
pub(crate) const ADMIN_JSON: &str = "emulator: admin JSON (faults, tokens)";
pub(crate) const RAW_CONNECTIONS: &str = "emulator: raw bytes on a connection (real server)";
pub(crate) const BULK_INPUT: &str = "bulk `--from-file` (NDJSON, JSON array)";
pub(crate) const TOML_CONFIG: &str = "bgpeer's TOML config and its profiles";
pub(crate) const TOML_PROFILES_IN_PROCESS: &str =
    "both config files through `configure list` and a dry run";
pub(crate) const ALIYUN_CONFIG: &str = "the aliyun CLI's config.json and its profiles";
pub(crate) const DECLARATIVE_FILE: &str = "the declarative file (`plan -f`), YAML and JSON";
pub(crate) const API_ANSWERS: &str = "API answers the client decodes";
pub(crate) const CREDENTIALS_URI: &str = "credentials URI answers";
pub(crate) const METADATA: &str = "instance metadata answers (IMDSv2 and v1)";
pub(crate) const CREDENTIAL_PROCESS: &str = "the external credential process's output";

/// The cases of `property`, from [`CASES`].
pub(crate) fn cases(property: &str) -> u32 {
    CASES
        .iter()
        .find(|(name, _)| *name == property)
        .map(|(_, n)| *n)
        .unwrap_or_else(|| panic!("{property} is not in CASES"))
}

/// The most one case may take: a hang detector, far above what a case needs.
pub(crate) const PER_CASE: Duration = Duration::from_secs(20);

/// The most a whole property may take before it counts as hung.
const PER_PROPERTY: Duration = Duration::from_secs(300);

/// Runs `test` on `cases(property)` values of the strategy `strategy()` makes, each case under
/// [`PER_CASE`], the whole run under [`PER_PROPERTY`] (on its own thread, so a hang fails the test
/// instead of stopping the suite). Failures are not persisted: the panic message shows the shrunk
/// input.
pub(crate) fn check<S, M, F>(property: &'static str, strategy: M, test: F)
where
    M: FnOnce() -> S + Send + 'static,
    S: Strategy,
    S::Value: std::fmt::Debug,
    F: Fn(S::Value) -> TestCaseResult + Send + 'static,
{
    let n = cases(property);
    let (done, finished) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        let strategy = strategy();
        let mut runner = TestRunner::new(Config {
            cases: n,
            failure_persistence: None,
            max_shrink_iters: 256,
            ..Config::default()
        });
        let outcome = runner.run(&strategy, |value| {
            let started = Instant::now();
            let result = test(value);
            let took = started.elapsed();
            prop_assert!(took < PER_CASE, "one case took {took:?}");
            result
        });
        let _ = done.send(());
        outcome.map_err(|e| e.to_string())
    });
    match finished.recv_timeout(PER_PROPERTY) {
        Ok(()) | Err(mpsc::RecvTimeoutError::Disconnected) => {}
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{property}: not finished within {PER_PROPERTY:?}: a case hangs")
        }
    }
    match worker.join() {
        Ok(Ok(())) => {}
        Ok(Err(e)) => panic!("{property}: {e}"),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// How the cases of a property came out (accepted, refused, and any other count the property
/// keeps), shared between the test and its cases.
#[derive(Clone)]
pub(crate) struct Tally<const N: usize>(std::sync::Arc<std::sync::Mutex<[u32; N]>>);

impl<const N: usize> Tally<N> {
    pub(crate) fn new() -> Self {
        Tally(std::sync::Arc::new(std::sync::Mutex::new([0; N])))
    }

    /// Counts `n` more under `outcome`.
    pub(crate) fn add_n(&self, outcome: usize, n: u32) {
        self.0.lock().unwrap_or_else(|e| e.into_inner())[outcome] += n;
    }

    /// Counts one case under `outcome`.
    pub(crate) fn add(&self, outcome: usize) {
        self.add_n(outcome, 1);
    }

    /// Counts one case as accepted (`Ok`, outcome 0) or refused (`Err`, outcome 1).
    pub(crate) fn result<T, E>(&self, r: &Result<T, E>) {
        self.add(usize::from(r.is_err()));
    }

    pub(crate) fn counts(&self) -> [u32; N] {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Tally<2> {
    /// Prints `property: A accepted, R refused` (in the property's words) and asserts that the
    /// generator reached both outcomes.
    pub(crate) fn both(&self, property: &str, accepted: &str, refused: &str) {
        let [a, r] = self.counts();
        eprintln!("{property}: {a} {accepted}, {r} {refused}");
        assert!(a > 0 && r > 0, "{a} {accepted}, {r} {refused}");
    }
}

// ---- generators shared by the parsers ----------------------------------------------------------

/// Bytes that often break parsers: quotes, brackets, escapes, line ends, NUL, invalid UTF-8,
/// numbers out of range.
const INTERESTING: &[&[u8]] = &[
    b"\"",
    b"'",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\\",
    b"\\u",
    b"\\ud800",
    b"\n",
    b"\r\n",
    b"\0",
    b"\xff",
    b"\xc3\x28",
    b"\xef\xbf\xbf",
    b"null",
    b"true",
    b"1e999",
    b"-0",
    b"99999999999999999999999",
    b"-9223372036854775809",
    b"NaN",
    b":",
    b",",
    b"=",
    b"#",
    b"---",
    b"&a",
    b"*a",
    b"!!binary",
    b"%",
    b"%zz",
    b"\t",
    b"    ",
];

/// One mutation of a byte string.
#[derive(Debug, Clone)]
pub(crate) enum Mutation {
    Flip { at: usize, bit: u8 },
    Insert { at: usize, token: usize },
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
    Truncate { at: usize },
    Byte { at: usize, byte: u8 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (any::<usize>(), 0..INTERESTING.len())
            .prop_map(|(at, token)| Mutation::Insert { at, token }),
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Byte { at, byte }),
    ]
}

/// Generated bytes, shown as (lossy) text when a case fails.
#[derive(Clone)]
pub(crate) struct Bytes(pub(crate) Vec<u8>);

impl std::fmt::Debug for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = String::from_utf8_lossy(&self.0);
        let shown: String = text.chars().take(4000).collect();
        write!(f, "{} bytes: {shown:?}", self.0.len())
    }
}

/// The error a run printed with `--error-format json`: its `kind` and `message`.
pub(crate) fn json_error(stderr: &str) -> Result<(String, String), TestCaseError> {
    let v: Value = serde_json::from_str(stderr.trim()).map_err(|e| {
        TestCaseError::fail(format!("stderr is not one JSON error ({e}): {stderr}"))
    })?;
    let field = |k: &str| v["error"][k].as_str().unwrap_or_default().to_string();
    let (kind, message) = (field("kind"), field("message"));
    prop_assert!(!kind.is_empty() && !message.is_empty(), "{stderr}");
    Ok((kind, message))
}

/// 1 to 6 mutations.
pub(crate) fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop::collection::vec(mutation(), 1..6)
}

/// `seed` with `mutations` applied (positions taken modulo the length).
pub(crate) fn mutate(seed: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for m in mutations {
        let len = b.len();
        let pos = |at: usize| if len == 0 { 0 } else { at % (len + 1) };
        match *m {
            Mutation::Flip { at, bit } if len > 0 => b[at % len] ^= 1 << bit,
            Mutation::Byte { at, byte } if len > 0 => b[at % len] = byte,
            Mutation::Flip { .. } | Mutation::Byte { .. } => {}
            Mutation::Insert { at, token } => {
                let at = pos(at);
                b.splice(at..at, INTERESTING[token].iter().copied());
            }
            Mutation::Delete { at, len: n } => {
                let at = pos(at);
                let end = (at + n).min(len);
                b.drain(at..end);
            }
            Mutation::Duplicate { at, len: n } => {
                let at = pos(at);
                let end = (at + n).min(len);
                let copy = b[at..end].to_vec();
                b.splice(end..end, copy);
            }
            Mutation::Truncate { at } => b.truncate(pos(at)),
        }
    }
    b
}

/// Strings a parser may not expect: empty, blank, very long, control characters, other scripts.
pub(crate) fn odd_string() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "\\PC{0,24}",
        1 => Just(String::new()),
        1 => Just("   ".to_string()),
        1 => "[\\x00-\\x1f\\x7f]{1,4}",
        1 => (1usize..6000).prop_map(|n| "x".repeat(n)),
        1 => Just("null".to_string()),
        1 => Just("0".to_string()),
        1 => Just("-1".to_string()),
        1 => Just("1e999".to_string()),
        1 => Just("true".to_string()),
        1 => Just("../../etc/passwd".to_string()),
        1 => Just("\u{202e}\u{200b}\u{feff}".to_string()),
    ]
}

/// Any JSON leaf, biased to the awkward ones.
pub(crate) fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop::sample::select(vec![
            0i64,
            -1,
            1,
            i64::MIN,
            i64::MAX,
            4_294_967_296,
            65535,
            4_294_967_295
        ])
        .prop_map(Value::from),
        Just(Value::from(u64::MAX)),
        prop::sample::select(vec![0.5f64, -0.0, 1e308, -1e308, 5e-324, 3.0]).prop_map(Value::from),
        odd_string().prop_map(Value::from),
    ]
}

/// Any JSON value, a few levels deep.
pub(crate) fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::vec((odd_string(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// A JSON object whose keys come mostly from `known` (the fields a parser reads, plus typos),
/// each mostly with a `well_typed` value (so the parser gets past its first field and meets the
/// next), sometimes with any value at all.
pub(crate) fn json_object_of(
    known: &'static [&'static str],
    well_typed: fn(&str) -> BoxedStrategy<Value>,
) -> impl Strategy<Value = serde_json::Map<String, Value>> {
    let key = prop_oneof![
        6 => prop::sample::select(known).prop_map(str::to_string),
        1 => odd_string(),
        1 => prop::sample::select(known).prop_map(|k| format!("{k}_")),
        1 => prop::sample::select(known).prop_map(|k| k.to_uppercase()),
    ];
    prop::collection::vec(
        key.prop_flat_map(move |k| {
            let value = prop_oneof![4 => well_typed(&k), 1 => json_value()];
            (Just(k), value)
        }),
        0..known.len().max(1) + 2,
    )
    .prop_map(|pairs| pairs.into_iter().collect())
}

// ---- the docs table ----------------------------------------------------------------------------

/// docs/testing.md lists every property with the cases it runs: the table and [`CASES`] agree.
#[test]
fn the_case_counts_in_docs_testing_md_are_the_ones_that_run() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/testing.md"))
        .expect("docs/testing.md");
    let rows: Vec<(String, String)> = docs
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l
                .trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            (cells.len() >= 3).then(|| (cells[0].to_string(), cells[1].to_string()))
        })
        .collect();
    for (property, n) in CASES {
        let row = rows
            .iter()
            .find(|(name, _)| name == property)
            .unwrap_or_else(|| panic!("docs/testing.md has no row for {property:?}"));
        assert_eq!(
            row.1,
            n.to_string(),
            "docs/testing.md gives {property:?} {} cases; it runs {n}",
            row.1
        );
    }
}

#[test]
fn mutations_stay_inside_the_input_and_change_it() {
    let seed = b"{\"a\": 1}";
    let changed = mutate(seed, &[Mutation::Insert { at: 3, token: 0 }]);
    assert_eq!(changed, b"{\"a\"\": 1}");
    assert_eq!(mutate(seed, &[Mutation::Truncate { at: 4 }]), b"{\"a\"");
    assert_eq!(mutate(b"", &[Mutation::Delete { at: 9, len: 3 }]), b"");
    assert_eq!(
        mutate(b"abc", &[Mutation::Duplicate { at: 1, len: 5 }]),
        b"abcbc"
    );
}
