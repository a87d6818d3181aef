//! Real shells completing a command line with bgpeer's checked-in completion scripts: bash (with
//! bash-completion, calling the function the script registered as bash would), fish (`complete
//! -C`) and zsh (interactive, in a detached tmux, TAB pressed for real). Each runs in the
//! sandbox's environment with the test binary's directory first on `PATH`, since the scripts
//! call `bgpeer` for candidates.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bgpeer::commands::completions;
use clap_complete::Shell;

use super::{bin_path, Sandbox};

/// `program` with exactly the environment `Sandbox::cmd` gives bgpeer (plus `extra`), and the
/// test binary first on `PATH`.
pub fn shell_command(program: &str, sb: &Sandbox, extra: &[(&str, &str)]) -> Command {
    let template = sb.cmd();
    let mut cmd = Command::new(program);
    cmd.env_clear();
    for (key, value) in template.get_envs() {
        if let Some(value) = value {
            cmd.env(key, value);
        }
    }
    let bin_dir = bin_path().parent().unwrap().to_path_buf();
    let mut path = std::ffi::OsString::from(bin_dir);
    path.push(":");
    path.push(std::env::var_os("PATH").unwrap_or_default());
    cmd.env("PATH", path);
    for (key, value) in extra {
        cmd.env(key, value);
    }
    cmd.stdin(Stdio::null());
    cmd
}

/// Writes the checked-in script for `shell` (as `bgpeer completions SHELL` prints it) into `dir`.
pub fn write_script(dir: &Path, shell: Shell) -> PathBuf {
    let path = dir.join(completions::file_name(shell));
    std::fs::write(&path, completions::script(shell)).unwrap();
    path
}

const BASH_COMPLETION: &str = "/usr/share/bash-completion/bash_completion";

/// What bash offers for the last of `words` (COMP_WORDS as bash splits the line; the last word
/// is the one under the cursor): bash-completion and the script are sourced, and the function
/// the script registered for `bgpeer` (`complete -p bgpeer`) is called with COMP_WORDS,
/// COMP_CWORD, COMP_LINE, COMP_POINT and COMP_TYPE set as bash sets them on TAB. Returns COMPREPLY
/// and bash's stderr.
pub fn bash_complete(
    sb: &Sandbox,
    extra: &[(&str, &str)],
    words: &[&str],
) -> (Vec<String>, String) {
    assert!(
        Path::new(BASH_COMPLETION).exists(),
        "{BASH_COMPLETION} is missing: apt-get install -y bash-completion"
    );
    let dir = tempfile::tempdir().unwrap();
    let script = write_script(dir.path(), Shell::Bash);
    let driver = r#"
source /usr/share/bash-completion/bash_completion
source "$1"; shift
spec=$(complete -p bgpeer) || exit 3
fn=${spec##*-F }; fn=${fn%% *}
COMP_WORDS=("$@")
COMP_CWORD=$(( $# - 1 ))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
COMP_TYPE=9
COMPREPLY=()
"$fn" bgpeer "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let mut child = shell_command("bash", sb, extra)
        .arg("-s")
        .arg(&script)
        .args(words)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run bash");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(driver.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "bash completion of {words:?} failed: {stderr}"
    );
    let offered = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    (offered, stderr)
}

/// What fish offers for `line` (the cursor at its end), as (candidate, description) pairs, from
/// `complete -C` with the script sourced. fish's stderr must be empty.
pub fn fish_complete(sb: &Sandbox, extra: &[(&str, &str)], line: &str) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let script = write_script(dir.path(), Shell::Fish);
    let out = shell_command("fish", sb, extra)
        .args(["--no-config", "-c", "source $argv[1]; complete -C $argv[2]"])
        .arg(&script)
        .arg(line)
        .output()
        .expect("run fish (apt-get install -y fish)");
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "fish completion of {line:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| match l.split_once('\t') {
            Some((value, help)) => (value.to_string(), help.to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

/// An interactive zsh in a detached tmux, with the zsh script installed as `_bgpeer` on its
/// `$fpath` and loaded by compinit, as a user installs it: types `line`, presses TAB once, and
/// returns the screen once every string of `expected` is on it (or, after a generous wait,
/// whatever is there). `LIST_AMBIGUOUS` is off, so the one TAB both inserts the common prefix and
/// lists the candidates.
pub fn zsh_tab(sb: &Sandbox, line: &str, expected: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let functions = dir.path().join("functions");
    std::fs::create_dir(&functions).unwrap();
    write_script(&functions, Shell::Zsh);
    std::fs::write(
        dir.path().join(".zshrc"),
        format!(
            "fpath=({} $fpath)\nautoload -Uz compinit && compinit -u -d {}\nunsetopt listambiguous\nPS1='READY> '\n",
            functions.display(),
            dir.path().join("zcompdump").display()
        ),
    )
    .unwrap();
    let socket = format!("bgpeer-test-{}-{}", std::process::id(), unique());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .arg("-L")
            .arg(&socket)
            .args(args)
            .env_remove("TMUX")
            .stdin(Stdio::null())
            .output()
            .expect("run tmux (apt-get install -y tmux)")
    };
    // The session runs `env -i ... zsh -i`: the sandbox's environment, nothing of ours.
    let zsh = shell_command("zsh", sb, &[("ZDOTDIR", &dir.path().display().to_string())]);
    let mut session: Vec<String> = ["new-session", "-d", "-s", "t", "-x", "200", "-y", "50"]
        .map(String::from)
        .to_vec();
    session.push("env".into());
    session.push("-i".into());
    session.push("TERM=xterm".into());
    for (key, value) in zsh.get_envs() {
        if let Some(value) = value {
            session.push(format!(
                "{}={}",
                key.to_string_lossy(),
                value.to_string_lossy()
            ));
        }
    }
    session.extend(["zsh".into(), "-i".into()]);
    let session: Vec<&str> = session.iter().map(String::as_str).collect();
    let started = tmux(&session);
    assert!(
        started.status.success(),
        "tmux new-session: {}",
        String::from_utf8_lossy(&started.stderr)
    );
    let screen =
        || String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned();
    let wait_for = |wanted: &[&str]| {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let text = screen();
            if wanted.iter().all(|w| text.contains(w)) || Instant::now() > deadline {
                return text;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    let prompt = wait_for(&["READY>"]);
    assert!(prompt.contains("READY>"), "zsh did not start:\n{prompt}");
    tmux(&["send-keys", "-t", "t", "-l", line]);
    tmux(&["send-keys", "-t", "t", "Tab"]);
    let text = wait_for(expected);
    tmux(&["kill-server"]);
    text
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::SeqCst)
}
