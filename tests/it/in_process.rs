//! Commands run in process through `bgpeer::run_with`, with in-memory streams, against the
//! embedded emulator: what a user sees on stdout and stderr, and the exit code, without spawning
//! the binary. (The tests that need a real process, for signals, terminals and the README, spawn
//! it.)

use std::path::Path;

use bgpeer::clock::Clock;
use bgpeer::commands::context::{Host, Terminal};
use bgpeer::env::Env;
use bgpeer::exit::Exit;

pub(crate) struct Run {
    pub(crate) exit: Exit,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// An environment with nothing of the test process's: HOME, the config file and the emulator's
/// state in `dir`, settle time 0, the aliyun CLI's profiles and instance metadata off.
pub(crate) fn sealed_env(dir: &Path, extra: &[(&str, &str)]) -> Env {
    let mut pairs = vec![
        ("HOME".to_string(), dir.display().to_string()),
        (
            "BGPEER_CONFIG".to_string(),
            dir.join("config.toml").display().to_string(),
        ),
        (
            "BGPEER_EMULATOR_STATE".to_string(),
            dir.join("state.json").display().to_string(),
        ),
        ("BGPEER_EMULATOR_SETTLE_MS".to_string(), "0".to_string()),
        (
            "ALIBABA_CLOUD_CLI_PROFILE_DISABLED".to_string(),
            "true".to_string(),
        ),
        (
            "ALIBABA_CLOUD_ECS_METADATA_DISABLED".to_string(),
            "true".to_string(),
        ),
    ];
    pairs.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    Env::from_pairs(pairs)
}

/// Runs bgpeer in process with these arguments, environment, terminal and stdin.
pub(crate) fn run(args: &[&str], env: Env, term: Terminal, stdin: impl Into<Vec<u8>>) -> Run {
    run_at(args, env, term, stdin, Clock::system())
}

fn run_at(args: &[&str], env: Env, term: Terminal, stdin: impl Into<Vec<u8>>, clock: Clock) -> Run {
    let (mut host, captured) = Host::in_memory(env, term, stdin);
    host.clock = clock;
    let exit = bgpeer::run_with(std::iter::once("bgpeer").chain(args.iter().copied()), host);
    Run {
        exit,
        stdout: captured.stdout(),
        stderr: captured.stderr(),
    }
}

pub(crate) const PIPED: Terminal = Terminal {
    stdin: false,
    stdout: false,
    stderr: false,
};

#[test]
fn a_list_prints_json_on_stdout_and_nothing_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(
        &["--profile", "emulator", "vbr", "list"],
        sealed_env(dir.path(), &[]),
        PIPED,
        "",
    );
    assert_eq!(r.exit, Exit::Success, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let vbrs: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let ids: Vec<&str> = vbrs
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["VbrId"].as_str())
        .collect();
    assert!(
        !ids.is_empty() && ids.iter().all(|id| id.starts_with("vbr-")),
        "{ids:?}"
    );
}

#[test]
fn errors_go_to_stderr_with_their_exit_code_and_usage_errors_come_from_clap() {
    let dir = tempfile::tempdir().unwrap();
    let env = || sealed_env(dir.path(), &[]);
    let missing = run(
        &[
            "--profile",
            "emulator",
            "-o",
            "json",
            "--error-format",
            "json",
            "peer",
            "show",
            "bgp-doesnotexist00000",
        ],
        env(),
        PIPED,
        "",
    );
    assert_eq!(missing.exit, Exit::NotFound, "{}", missing.stderr);
    assert_eq!(missing.stdout, "");
    let err: serde_json::Value = serde_json::from_str(missing.stderr.trim()).unwrap();
    assert_eq!(err["error"]["kind"], "not_found");

    let usage = run(&["peer", "create", "--no-such-flag"], env(), PIPED, "");
    assert_eq!(usage.exit, Exit::Usage);
    assert!(usage.stderr.contains("--no-such-flag"), "{}", usage.stderr);
    let help = run(&["--help"], env(), PIPED, "");
    assert_eq!(help.exit, Exit::Success);
    assert!(help.stdout.contains("Usage:"), "{}", help.stdout);
}

#[test]
fn the_configure_wizard_reads_its_answers_from_the_context_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let terminal = Terminal {
        stdin: true,
        stdout: true,
        stderr: true,
    };
    let answers = "prod\nAK\nLTAI5tWizardKeyId01\nwizard-secret-value\ncn-beijing\njson\n";
    let r = run(
        &["configure"],
        sealed_env(dir.path(), &[]),
        terminal,
        answers,
    );
    assert_eq!(r.exit, Exit::Success, "{}", r.stderr);
    assert!(
        r.stderr.contains("Profile name [default]: "),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("AccessKey secret (hidden): "),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("wizard-secret-value"), "{}", r.stderr);
    let saved = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert!(saved.contains("[profiles.prod]"), "{saved}");
    assert!(saved.contains("region = \"cn-beijing\""), "{saved}");
    assert!(saved.contains("output = \"json\""), "{saved}");

    // Input that ends early is a usage error, and nothing is saved.
    let dir = tempfile::tempdir().unwrap();
    let r = run(
        &["configure"],
        sealed_env(dir.path(), &[]),
        terminal,
        "prod\n",
    );
    assert_eq!(r.exit, Exit::Usage, "{}", r.stderr);
    assert!(
        r.stderr.contains("input ended before the wizard finished"),
        "{}",
        r.stderr
    );
    assert!(!dir.path().join("config.toml").exists());
}

#[test]
fn requests_are_signed_with_the_context_clock() {
    // The emulator, like the API, refuses a timestamp more than 15 minutes from its own clock.
    let dir = tempfile::tempdir().unwrap();
    let env = || sealed_env(dir.path(), &[("BGPEER_RETRY_BASE_DELAY", "0")]);
    let args = [
        "--profile",
        "emulator",
        "--error-format",
        "json",
        "region",
        "list",
    ];
    let late = run_at(
        &args,
        env(),
        PIPED,
        "",
        Clock::offset(chrono::Duration::hours(-1)),
    );
    assert_eq!(late.exit, Exit::Auth, "{}", late.stderr);
    let err: serde_json::Value = serde_json::from_str(late.stderr.trim()).unwrap();
    assert_eq!(err["error"]["code"], "InvalidTimeStamp.Expired", "{err}");
    let on_time = run_at(
        &args,
        env(),
        PIPED,
        "",
        Clock::offset(chrono::Duration::minutes(-5)),
    );
    assert_eq!(on_time.exit, Exit::Success, "{}", on_time.stderr);
}
