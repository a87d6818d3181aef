//! Live completion end to end: real shells (bash with bash-completion, fish, zsh in tmux) run the
//! checked-in scripts, which run the real binary, which asks a real emulator (a standalone one
//! with `--endpoint` typed on the line, or the built-in `emulator` profile in a sandbox home).
//!
//! The shell-driving tests are few (one per shell, several completions each); the rest talk the
//! shells' protocol to the binary directly: `COMPLETE=fish bgpeer -- bgpeer WORDS`, where the last
//! word is the one under the cursor and each answer line is `candidate<TAB>description`.

use std::time::{Duration, Instant};

use crate::support::shells::{bash_complete, fish_complete, zsh_tab};
use crate::support::*;

const DEMO_VBR: &str = "vbr-bp1demo00000000000000";
const DEMO_GROUP: &str = "bgpg-bp1demo00000000000000";
const DEMO_PEERS: [&str; 2] = ["bgp-bp1demo00000000000001", "bgp-bp1demo00000000000002"];
const DUAL_VBR: &str = "vbr-bp1dualstack000000000";
const SHANGHAI_VBR: &str = "vbr-uf6014wmqjaionhqtfxnm";

/// The emulator's test key pair, as the shell's environment holds it.
const KEYS: [(&str, &str); 2] = [
    ("ALIBABA_CLOUD_ACCESS_KEY_ID", TEST_KEY_ID),
    ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", TEST_KEY_SECRET),
];

fn create_group(sb: &Sandbox, emu: &Emulator, region: &str, vbr: &str, extra: &[&str]) -> String {
    let mut cmd = sb.cmd_at(emu);
    cmd.args(["--region", region, "-o", "json", "group", "create"])
        .args(["--router-id", vbr, "--peer-asn", "65001"])
        .args(extra);
    ok_json(&mut cmd)["BgpGroupId"]
        .as_str()
        .expect("BgpGroupId")
        .to_string()
}

fn create_peer(sb: &Sandbox, emu: &Emulator, group: &str, ip: &str) -> String {
    let mut cmd = sb.cmd_at(emu);
    cmd.args(["--region", "cn-hangzhou", "-o", "json", "peer", "create"])
        .args(["--bgp-group-id", group, "--peer-ip", ip]);
    ok_json(&mut cmd)["BgpPeerId"]
        .as_str()
        .expect("BgpPeerId")
        .to_string()
}

/// `COMPLETE=fish bgpeer -- bgpeer WORDS` with the test keys in the environment: the candidates
/// with their descriptions. It must exit 0 with nothing on stderr.
fn ask(sb: &Sandbox, env: &[(&str, &str)], words: &[&str]) -> Vec<(String, String)> {
    let mut cmd = sb.cmd();
    cmd.env("COMPLETE", "fish")
        .envs(KEYS)
        .envs(env.iter().copied());
    let (code, stdout, stderr) = run(cmd.args(["--", "bgpeer"]).args(words));
    assert_eq!(code, 0, "{words:?}: {stderr}");
    assert!(stderr.is_empty(), "{words:?} wrote to stderr: {stderr}");
    stdout
        .lines()
        .map(|l| match l.split_once('\t') {
            Some((v, h)) => (v.to_string(), h.to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

fn values(candidates: &[(String, String)]) -> Vec<&str> {
    candidates.iter().map(|(v, _)| v.as_str()).collect()
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

#[test]
fn bash_offers_the_ids_of_the_typed_region_narrowed_by_the_typed_ids() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let dual = create_group(&sb, &emu, "cn-hangzhou", DUAL_VBR, &[]);
    let dual_peer = create_peer(&sb, &emu, &dual, "10.0.0.2");
    let shanghai = create_group(&sb, &emu, "cn-shanghai", SHANGHAI_VBR, &[]);
    // `--endpoint=http://127.0.0.1:PORT` as bash splits it at `=` and `:` (COMP_WORDBREAKS).
    let endpoint = emu.endpoint.replace(':', "\n:\n");
    let mut typed = vec!["bgpeer", "--endpoint", "="];
    typed.extend(endpoint.lines());
    let bash = |words: &[&str]| {
        let mut line = typed.clone();
        line.extend_from_slice(words);
        let (offered, stderr) = bash_complete(&sb, &KEYS, &line);
        assert!(stderr.is_empty(), "{line:?} wrote to stderr: {stderr}");
        offered
    };

    // The typed --endpoint and region are the ones asked; another region has other groups.
    assert_eq!(
        bash(&["-r", "cn-hangzhou", "group", "show", ""]),
        sorted(vec![DEMO_GROUP.to_string(), dual.clone()])
    );
    assert_eq!(
        bash(&["--region", "cn-shanghai", "group", "show", ""]),
        [shanghai.as_str()]
    );
    // --router-id narrows the groups, --bgp-group-id the peers.
    assert_eq!(
        bash(&[
            "-r",
            "cn-hangzhou",
            "group",
            "list",
            "--router-id",
            DUAL_VBR,
            "--bgp-group-id",
            ""
        ]),
        [dual.as_str()]
    );
    assert_eq!(
        bash(&[
            "-r",
            "cn-hangzhou",
            "peer",
            "list",
            "--bgp-group-id",
            &dual,
            "--bgp-peer-id",
            ""
        ]),
        [dual_peer.as_str()]
    );
    // What is typed of the ID so far filters; VBR IDs complete for --router-id.
    assert_eq!(
        bash(&["-r", "cn-hangzhou", "peer", "show", "bgp-bp1demo"]),
        DEMO_PEERS
    );
    assert_eq!(
        bash(&[
            "-r",
            "cn-hangzhou",
            "group",
            "create",
            "--router-id",
            "vbr-bp1de"
        ]),
        [DEMO_VBR]
    );
    // `--region=cn-sh`, as bash splits it at the `=`.
    assert_eq!(
        bash(&["--region", "=", "cn-sh"]),
        ["cn-shanghai", "cn-shenzhen"]
    );
}

#[test]
fn fish_shows_each_candidate_with_its_description() {
    let sb = Sandbox::new();
    write(
        &sb.path(".config/bgpeer/config.toml"),
        "[profiles.lab]\nregion = \"cn-shanghai\"\nmode = \"AK\"\naccess_key_id = \"LTAI5tLab\"\naccess_key_secret = \"lab-secret\"\n",
    );
    write(
        &sb.path(".aliyun/config.json"),
        r#"{"current":"ali","profiles":[{"name":"ali","mode":"StsToken","access_key_id":"STS.aliyunKeyId0001","access_key_secret":"s","sts_token":"t","region_id":"cn-hangzhou"}]}"#,
    );
    let fish = |line: &str| fish_complete(&sb, &[], line);
    let pairs = |expected: &[(&str, &str)]| -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(v, h)| (v.to_string(), h.to_string()))
            .collect()
    };
    // The built-in emulator profile needs nothing set up.
    let hz = "bgpeer -p emulator -r cn-hangzhou";
    assert_eq!(
        fish(&format!("{hz} peer show ")),
        pairs(&[
            (DEMO_PEERS[0], "10.255.0.2 Established"),
            (DEMO_PEERS[1], "10.255.0.6 Established")
        ])
    );
    assert_eq!(
        fish(&format!("{hz} group delete ")),
        pairs(&[(DEMO_GROUP, "demo-idc, peer ASN 65010")])
    );
    assert_eq!(
        fish(&format!("{hz} export vbr-bp1d")),
        pairs(&[
            (DEMO_VBR, "emu-demo, VLAN 181"),
            (DUAL_VBR, "emu-dualstack, VLAN 182")
        ])
    );
    assert_eq!(
        fish("bgpeer -p emulator vbr list --region cn-hangz"),
        pairs(&[("cn-hangzhou", "China (Hangzhou)")])
    );
    // Profiles: bgpeer's, the aliyun CLI's and the built-in one, from the files alone.
    assert_eq!(
        fish("bgpeer peer list --profile "),
        pairs(&[
            ("ali", "StsToken, cn-hangzhou, aliyun CLI"),
            ("emulator", "built-in, cn-shanghai"),
            ("lab", "AK, cn-shanghai"),
        ])
    );
    assert_eq!(
        fish("bgpeer configure switch l"),
        pairs(&[("lab", "AK, cn-shanghai")])
    );
}

#[test]
fn zsh_lists_peers_with_their_state_on_the_first_tab() {
    let sb = Sandbox::new();
    let wanted = [
        DEMO_PEERS[0],
        "10.255.0.2 Established",
        DEMO_PEERS[1],
        "10.255.0.6 Established",
    ];
    let screen = zsh_tab(&sb, "bgpeer -p emulator -r cn-hangzhou peer show ", &wanted);
    for w in wanted {
        assert!(screen.contains(w), "{w:?} is not on the screen:\n{screen}");
    }
    // The common prefix was inserted on the line.
    assert!(
        screen.contains("peer show bgp-bp1demo0000000000000"),
        "{screen}"
    );
}

#[test]
fn a_repeated_tab_within_the_ttl_asks_the_api_once_and_the_cache_holds_no_secret() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let guarded = create_group(
        &sb,
        &emu,
        "cn-hangzhou",
        DUAL_VBR,
        &["--auth-key", "S3cretAuthKey", "--name", "guarded"],
    );
    let endpoint = emu.endpoint.clone();
    let words = [
        "--endpoint",
        &endpoint,
        "-r",
        "cn-hangzhou",
        "group",
        "show",
        "",
    ];
    let expected = vec![
        (
            DEMO_GROUP.to_string(),
            "demo-idc, peer ASN 65010".to_string(),
        ),
        (guarded.clone(), "guarded, peer ASN 65001".to_string()),
    ];

    forget_requests(&emu);
    assert_eq!(ask(&sb, &[], &words), expected);
    assert_eq!(actions(&emu), ["DescribeBgpGroups"]);
    forget_requests(&emu);
    assert_eq!(ask(&sb, &[], &words), expected);
    assert_eq!(
        actions(&emu),
        Vec::<String>::new(),
        "the second TAB asked the API"
    );
    // Without the cache (TTL 0) every TAB asks.
    let no_cache = [("BGPEER_COMPLETION_CACHE_SECS", "0")];
    ask(&sb, &no_cache, &words);
    assert_eq!(actions(&emu), ["DescribeBgpGroups"]);
    // The cache answers even with the emulator gone.
    drop(emu);
    assert_eq!(ask(&sb, &[], &words), expected);
    assert_eq!(ask(&sb, &no_cache, &words), []);

    let dir = sb.path(".cache/bgpeer/completion");
    #[cfg(unix)]
    assert_eq!(mode_of(&dir) & 0o777, 0o700);
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!files.is_empty());
    for file in files {
        #[cfg(unix)]
        assert_eq!(mode_of(&file) & 0o777, 0o600, "{}", file.display());
        let text = std::fs::read_to_string(&file).unwrap();
        for secret in ["S3cretAuthKey", "AuthKey", TEST_KEY_ID, TEST_KEY_SECRET] {
            assert!(
                !text.contains(secret),
                "{secret} in {}: {text}",
                file.display()
            );
        }
    }
}

#[test]
fn live_completion_off_asks_nothing_and_the_rest_still_completes() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let e = emu.endpoint.as_str();
    let peers = ["-r", "cn-hangzhou", "peer", "show", ""];
    let with_endpoint = |words: &[&'static str]| [&["--endpoint", e][..], words].concat();

    let off = [("BGPEER_LIVE_COMPLETION", "0")];
    forget_requests(&emu);
    assert_eq!(ask(&sb, &off, &with_endpoint(&peers)), []);
    assert_eq!(values(&ask(&sb, &off, &["pe"])), ["peer"]);
    assert_eq!(values(&ask(&sb, &off, &["-o", "t"])), ["table", "tsv"]);
    assert_eq!(values(&ask(&sb, &off, &["--profile", "em"])), ["emulator"]);
    assert_eq!(actions(&emu), Vec::<String>::new());

    // The profile key, set with configure set; the variable wins over it.
    let mut set = sb.cmd();
    set.env("LAB_SECRET", TEST_KEY_SECRET)
        .args(["configure", "set", "--profile", "lab", "--mode", "AK"])
        .args([
            "--access-key-id",
            TEST_KEY_ID,
            "--access-key-secret-from",
            "env:LAB_SECRET",
        ])
        .args(["--region", "cn-hangzhou", "--endpoint", e]);
    let (code, _, stderr) = run(&mut set);
    assert_eq!(code, 0, "{stderr}");
    let lab_peers = ["-p", "lab", "peer", "show", ""];
    assert_eq!(values(&ask(&sb, &[], &lab_peers)), DEMO_PEERS);
    let (code, _, stderr) = run(sb.cmd().args([
        "configure",
        "set",
        "--profile",
        "lab",
        "--live-completion",
        "false",
    ]));
    assert_eq!(code, 0, "{stderr}");
    forget_requests(&emu);
    assert_eq!(ask(&sb, &[], &lab_peers), []);
    assert_eq!(actions(&emu), Vec::<String>::new());
    let on = [
        ("BGPEER_LIVE_COMPLETION", "1"),
        ("BGPEER_COMPLETION_CACHE_SECS", "0"),
    ];
    assert_eq!(values(&ask(&sb, &on, &lab_peers)), DEMO_PEERS);
}

#[test]
fn a_dead_endpoint_offers_nothing_quietly_and_promptly() {
    let sb = Sandbox::new();
    // Accepts connections (the kernel does) and never answers.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent = format!("http://{}", listener.local_addr().unwrap());
    // Refuses connections.
    let refused = RefusedPort::new();
    let closed = refused.url();
    for endpoint in [&silent, &closed] {
        for words in [
            [
                "--endpoint",
                endpoint,
                "-r",
                "cn-hangzhou",
                "peer",
                "show",
                "",
            ],
            [
                "--endpoint",
                endpoint,
                "-r",
                "cn-hangzhou",
                "vbr",
                "show",
                "v",
            ],
        ] {
            let started = Instant::now();
            assert_eq!(ask(&sb, &[], &words), [], "{words:?}");
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{words:?} took {:?}",
                started.elapsed()
            );
        }
    }
    drop(listener);
}

#[test]
fn a_credential_program_is_never_run_by_completion() {
    let emu = Emulator::start();
    let sb = Sandbox::new();
    let marker = sb.path("the-program-ran");
    write(
        &sb.path(".config/bgpeer/config.toml"),
        &format!(
            "[profiles.ext]\nmode = \"External\"\nprocess_command = \"touch {} && echo ran >&2\"\n",
            marker.display()
        ),
    );
    forget_requests(&emu);
    let words = [
        "-p",
        "ext",
        "--endpoint",
        &emu.endpoint,
        "-r",
        "cn-hangzhou",
        "peer",
        "show",
        "",
    ];
    assert_eq!(ask(&sb, &[], &words), []);
    assert!(!marker.exists(), "completion ran the credential program");
    assert_eq!(actions(&emu), Vec::<String>::new());
}
