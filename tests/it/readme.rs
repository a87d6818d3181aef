//! The docs can't rot: every ```console block of README.md and of every chapter in docs/ is run
//! against the built-in emulator (`--profile emulator`), and must print what it shows; and every
//! link between those files must lead somewhere.
//!
//! The convention (also described in docs/testing.md, "About the examples"):
//!
//! - A fenced block with the info string `console` is a tested recipe. Other blocks (`toml`, `json`,
//!   ...) are not run; a `sh`/`bash`/`shell` block that runs bgpeer is an error (make it `console`).
//! - Lines starting with `$ ` are commands. A command continues on the next line when its line ends
//!   with `\`, and a here-document (`<<EOF` / `<<'EOF'`) runs to its terminator line.
//! - Every other line is the expected output: stdout and stderr as the terminal shows them, with
//!   stdout not a terminal (so unformatted output is JSON). A line `...` stands for any number of
//!   lines. Resource IDs (`bgpg-…`), request IDs (UUIDs), timestamps and loopback ports are
//!   normalised on both sides, so a document can show real output of an earlier run.
//! - Every command must exit 0, unless the next command is `echo $?`, whose output shows the code.
//! - The sandbox's home directory shows as `~` in the output.
//! - Recipes run in a scratch directory holding the repository's files (`completions/`, `man/`...).
//! - Each document is one `bash` session of its own, like a reader's terminal: its blocks run in
//!   order, and variables, exports, files and the emulator state carry over from block to block,
//!   never from one document to another. Every document starts with a fresh home directory,
//!   scratch directory and seeded emulator state, so a reader can start with any chapter; a
//!   chapter that needs some state sets it up in a block of its own. The documents run at the
//!   same time, each in its own sandbox. `<!-- readme-test: fresh-state -->` before a block
//!   restores the seeded emulator state first.
//! - A command ending with `&` (a server) runs in the background; the test waits for the lines
//!   shown under it (e.g. the "listening on" line), and it ends with the session.
//! - `<!-- readme-test: skip REASON -->` before a block skips it; the reason is required.
//! - The quick start's `cargo install --locked --path . && ` prefix is dropped: the test runs the
//!   rest with the binary cargo just built for it, which `PATH` puts first.
//!
//! `BGPEER_README_BLESS=1 cargo test --test it readme::` rewrites, in each document, the shown output
//! of every recipe that succeeded but printed something else with what it printed (review the
//! diff).
//!
//! Run it on one markdown file only (a chapter, or a draft section) with
//! `BGPEER_README=docs/draft.md cargo test --test it readme::`; blessing works there too.
//!
//! The links: every relative link in README.md and docs/*.md must name a file that exists, and a
//! `#fragment` must be the anchor GitHub gives a heading of the file it points to; every chapter in
//! docs/ must be linked from README.md.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

/// What the quick start installs with; the test has the binary already.
const INSTALL: &str = "cargo install --locked --path .";

/// What runs of a command that starts by installing bgpeer (`cargo install --locked --path . &&`,
/// possibly continued on the next line): the rest, or None for a command that doesn't install.
fn after_install(command: &str) -> Option<&str> {
    let rest = command.strip_prefix(INSTALL)?;
    let rest = rest.trim_start_matches([' ', '\\', '\n']);
    Some(
        rest.strip_prefix("&&")?
            .trim_start_matches([' ', '\\', '\n']),
    )
}
/// A document that takes longer than this to run is hung (e.g. a foreground server), not slow.
const HANG_GUARD: Duration = Duration::from_secs(300);
const STATUS_MARK: char = '\u{1e}';

// ---------------------------------------------------------------------------------------------
// Extraction

#[derive(Debug, Clone, PartialEq)]
struct Block {
    /// 1-based line of the opening fence.
    line: usize,
    info: String,
    skip: Option<String>,
    fresh_state: bool,
    steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq)]
struct Step {
    line: usize,
    command: String,
    expected: Vec<String>,
    /// 0-based index in the document of the first expected-output line (for blessing).
    output_start: usize,
}

fn extract_blocks(markdown: &str) -> Result<Vec<Block>, String> {
    let mut blocks = Vec::new();
    let lines: Vec<&str> = markdown.lines().collect();
    let mut i = 0;
    let mut pending_skip: Option<String> = None;
    let mut pending_fresh = false;
    while i < lines.len() {
        let line = lines[i].trim_end();
        if let Some(directive) = line
            .trim()
            .strip_prefix("<!-- readme-test:")
            .and_then(|l| l.strip_suffix("-->"))
        {
            let directive = directive.trim();
            if directive == "fresh-state" {
                pending_fresh = true;
            } else if let Some(reason) = directive.strip_prefix("skip") {
                let reason = reason.trim();
                if reason.is_empty() {
                    return Err(format!(
                        "line {}: `readme-test: skip` needs a reason: <!-- readme-test: skip REASON -->",
                        i + 1
                    ));
                }
                pending_skip = Some(reason.to_string());
            } else {
                return Err(format!(
                    "line {}: unknown directive {directive:?} (known: skip REASON, fresh-state)",
                    i + 1
                ));
            }
            i += 1;
            continue;
        }
        let Some(fence) = fence_of(line) else {
            if !line.trim().is_empty() && (pending_skip.is_some() || pending_fresh) {
                return Err(format!(
                    "line {}: a readme-test directive must come right before a code block",
                    i + 1
                ));
            }
            i += 1;
            continue;
        };
        let info = line.trim_start()[fence.len()..].trim().to_string();
        let start = i + 1;
        let mut body = Vec::new();
        i += 1;
        while i < lines.len() && !lines[i].trim_start().starts_with(&fence) {
            body.push((i + 1, lines[i]));
            i += 1;
        }
        if i == lines.len() {
            return Err(format!("line {start}: code block is never closed"));
        }
        i += 1;
        let lang = info.split([' ', ',', '{']).next().unwrap_or("").to_string();
        let runs_bgpeer = body.iter().any(|(_, l)| l.contains("bgpeer "));
        if matches!(lang.as_str(), "sh" | "bash" | "shell" | "shell-session")
            && runs_bgpeer
            && pending_skip.is_none()
        {
            return Err(format!(
                "line {start}: a ```{lang} block runs bgpeer: make it ```console so it is tested, \
                 or put <!-- readme-test: skip REASON --> before it"
            ));
        }
        if lang == "console" {
            blocks.push(Block {
                line: start,
                info,
                skip: pending_skip.take(),
                fresh_state: std::mem::take(&mut pending_fresh),
                steps: parse_steps(&body)?,
            });
        } else {
            pending_skip = None;
            pending_fresh = false;
        }
    }
    Ok(blocks)
}

/// The fence (```` ``` ```` or `~~~`, three or more) that opens a code block on this line.
fn fence_of(line: &str) -> Option<String> {
    let t = line.trim_start();
    for ch in ['`', '~'] {
        let n = t.chars().take_while(|&c| c == ch).count();
        if n >= 3 {
            return Some(std::iter::repeat_n(ch, n).collect());
        }
    }
    None
}

fn parse_steps(body: &[(usize, &str)]) -> Result<Vec<Step>, String> {
    let mut steps: Vec<Step> = Vec::new();
    let mut k = 0;
    while k < body.len() {
        let (n, line) = body[k];
        if let Some(cmd) = line.strip_prefix("$ ") {
            let mut command = cmd.to_string();
            k += 1;
            // Continuation lines.
            while command.ends_with('\\') && k < body.len() {
                command.push('\n');
                command.push_str(body[k].1);
                k += 1;
            }
            // Here-documents.
            if let Some(term) = heredoc_terminator(&command) {
                loop {
                    let Some(&(_, l)) = body.get(k) else {
                        return Err(format!("line {n}: here-document never ends with {term}"));
                    };
                    command.push('\n');
                    command.push_str(l);
                    k += 1;
                    if l.trim() == term {
                        break;
                    }
                }
            }
            let output_start = body.get(k).map_or(body[k - 1].0, |(next, _)| next - 1);
            steps.push(Step {
                line: n,
                command,
                expected: Vec::new(),
                output_start,
            });
        } else {
            match steps.last_mut() {
                Some(step) => step.expected.push(line.trim_end().to_string()),
                None if line.trim().is_empty() => {}
                None => {
                    return Err(format!(
                        "line {n}: output before any `$ ` command in a console block"
                    ))
                }
            }
            k += 1;
        }
    }
    for step in &mut steps {
        while step.expected.last().is_some_and(|l| l.is_empty()) {
            step.expected.pop();
        }
    }
    Ok(steps)
}

/// `EOF` for a command containing `<<EOF`, `<<'EOF'`, `<<"EOF"` or `<<-EOF`.
fn heredoc_terminator(command: &str) -> Option<String> {
    let at = command.find("<<")?;
    let rest = command[at + 2..].trim_start_matches('-').trim_start();
    let rest = rest.trim_start_matches(['\'', '"']);
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (!word.is_empty()).then_some(word)
}

// ---------------------------------------------------------------------------------------------
// Normalisation and matching

/// Replaces what changes from run to run: resource IDs, UUIDs, timestamps, loopback ports.
fn normalise(line: &str) -> String {
    let line = line.trim_end();
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let at_word_start = i == 0 || !is_word(chars[i - 1]);
        if at_word_start {
            if let Some((len, replacement)) = resource_id(&chars[i..])
                .or_else(|| uuid(&chars[i..]))
                .or_else(|| timestamp(&chars[i..]))
                .or_else(|| loopback_port(&chars[i..]))
            {
                out.push_str(&replacement);
                i += len;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

const ID_PREFIXES: &[&str] = &[
    "bgpg", "bgp", "vbr", "vrt", "vpc", "vsw", "pc", "ecr", "rtb",
];

fn resource_id(s: &[char]) -> Option<(usize, String)> {
    for prefix in ID_PREFIXES {
        let p: Vec<char> = prefix.chars().collect();
        if s.len() > p.len() && s[..p.len()] == p[..] && s[p.len()] == '-' {
            let body = s[p.len() + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '*')
                .count();
            let end = p.len() + 1 + body;
            let ends_word = s.get(end).is_none_or(|c| !is_word(*c));
            if body >= 6 && ends_word {
                return Some((end, format!("{prefix}-<ID>")));
            }
        }
    }
    None
}

fn uuid(s: &[char]) -> Option<(usize, String)> {
    let groups = [8, 4, 4, 4, 12];
    let mut i = 0;
    for (g, len) in groups.iter().enumerate() {
        for _ in 0..*len {
            if !s.get(i)?.is_ascii_hexdigit() {
                return None;
            }
            i += 1;
        }
        if g < 4 {
            if s.get(i)? != &'-' {
                return None;
            }
            i += 1;
        }
    }
    s.get(i)
        .is_none_or(|c| !is_word(*c))
        .then(|| (i, "<UUID>".to_string()))
}

/// `2026-11-28T07:13:12Z`, with optional fraction and offset; also `2026-11-28 07:13:12`.
fn timestamp(s: &[char]) -> Option<(usize, String)> {
    let pattern = "dddd-dd-ddTdd:dd";
    let mut i = 0;
    for p in pattern.chars() {
        let c = *s.get(i)?;
        let ok = match p {
            'd' => c.is_ascii_digit(),
            'T' => c == 'T' || c == ' ',
            other => c == other,
        };
        if !ok {
            return None;
        }
        i += 1;
    }
    let skip_while = |i: &mut usize, pred: &dyn Fn(char) -> bool| {
        while s.get(*i).is_some_and(|c| pred(*c)) {
            *i += 1;
        }
    };
    skip_while(&mut i, &|c| c.is_ascii_digit() || c == ':' || c == '.');
    skip_while(&mut i, &|c| c == 'Z');
    if s.get(i).is_some_and(|c| *c == '+' || *c == '-')
        && s.get(i + 1).is_some_and(|c| c.is_ascii_digit())
    {
        i += 1;
        skip_while(&mut i, &|c| c.is_ascii_digit() || c == ':');
    }
    Some((i, "<TIME>".to_string()))
}

fn loopback_port(s: &[char]) -> Option<(usize, String)> {
    for host in ["127.0.0.1:", "[::1]:", "localhost:"] {
        let h: Vec<char> = host.chars().collect();
        if s.len() > h.len() && s[..h.len()] == h[..] {
            let digits = s[h.len()..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if digits > 0 {
                return Some((h.len() + digits, format!("{host}<PORT>")));
            }
        }
    }
    None
}

/// Whether `actual` matches `expected`, where an expected line `...` matches any lines.
fn lines_match(expected: &[String], actual: &[String]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first.trim() == "..." => {
            (0..=actual.len()).any(|skip| lines_match(rest, &actual[skip..]))
        }
        Some((first, rest)) => match actual.split_first() {
            Some((a, arest)) if normalise(a) == normalise(first) => lines_match(rest, arest),
            _ => false,
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Running

struct Sandboxed {
    home: tempfile::TempDir,
    work: PathBuf,
    state: PathBuf,
}

impl Sandboxed {
    fn new() -> Sandboxed {
        let home = tempfile::tempdir().unwrap();
        let work = home.path().join("work");
        std::fs::create_dir_all(&work).unwrap();
        // Recipes run where a reader of the docs stands, in a clone: the repository's files
        // are there (as links, read-only use); anything a recipe writes stays in the scratch
        // directory. Build output and VCS data are not linked.
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        for entry in std::fs::read_dir(repo).unwrap() {
            let name = entry.unwrap().file_name();
            let n = name.to_string_lossy();
            if n.starts_with('.') || n == "target" {
                continue;
            }
            std::os::unix::fs::symlink(repo.join(&name), work.join(&name)).unwrap();
        }
        let state = home.path().join("emulator-state.json");
        Sandboxed { home, work, state }
    }

    /// `bash` with the sealed environment of `Sandbox::cmd()`, plus the test-built bgpeer first
    /// on PATH and an emulator whose objects are Available at once.
    fn bash(&self, script: &Path, output: &Path) -> Command {
        let bin_dir = bin_path().parent().unwrap().to_path_buf();
        let mut path = std::ffi::OsString::from(bin_dir);
        if let Some(p) = std::env::var_os("PATH") {
            path.push(":");
            path.push(p);
        }
        let home = self.home.path();
        let mut c = Command::new("bash");
        c.arg(script)
            .current_dir(&self.work)
            .env_clear()
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("PATH", path)
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .env("TZ", "UTC")
            .env("LANG", "C.UTF-8")
            .env("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
            .env("BGPEER_EMULATOR_STATE", &self.state)
            .env("BGPEER_EMULATOR_SETTLE_MS", "0")
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(output).unwrap())
            .stderr(Stdio::null());
        std::os::unix::process::CommandExt::process_group(&mut c, 0);
        c
    }
}

/// One shell session for the whole document, as a reader's terminal: each command is followed
/// by a mark carrying its exit status (the mark restores `$?`, so `echo $?` shows the command's).
/// `ports` maps the document's fixed loopback ports to real ones ([`Ports`]).
fn session_script(blocks: &[&Block], ports: &Ports) -> String {
    // On exit the shell signals its own process group (a new one per run), ignoring the signal
    // itself: background servers a recipe started end with the run.
    let mut s = String::from(
        "exec 2>&1\nset -o pipefail\ntrap 'trap \"\" TERM; kill -TERM 0 2>/dev/null' EXIT\n",
    );
    for (port, held) in &ports.refused {
        let _ = writeln!(s, "{}={}", port_var(port), held.port());
    }
    let mut background = 0;
    for block in blocks {
        if block.fresh_state {
            s.push_str("rm -f \"$BGPEER_EMULATOR_STATE\"\n");
        }
        for step in &block.steps {
            let command = after_install(&step.command).unwrap_or(&step.command);
            let (command, started) = with_ports(command, &ports.served);
            let command = &run_with_ports(&mut s, &command);
            for port in &started {
                let _ = writeln!(s, "rm -f \"{}\"", ready_file(port));
            }
            match command
                .trim_end()
                .strip_suffix('&')
                .filter(|c| !c.ends_with('&'))
            {
                Some(job) => {
                    // A background job (a server): wait for the lines the document shows under it,
                    // so its output is deterministic and it is ready when the next command runs.
                    background += 1;
                    let lines = step.expected.len();
                    let _ = writeln!(
                        s,
                        "__rt_out=\"$HOME/.readme-test-job-{background}.out\"; : >\"$__rt_out\"
{{ {job}
}} >>\"$__rt_out\" 2>&1 &
__rt_pid=$!
while [ \"$(wc -l <\"$__rt_out\")\" -lt {lines} ] && kill -0 $__rt_pid 2>/dev/null; do sleep 0.05; done"
                    );
                    // The port a server bound, from its ready file (written before it says
                    // it listens), for the commands that name the document's port.
                    for port in &started {
                        let (file, var) = (ready_file(port), port_var(port));
                        let _ = writeln!(
                            s,
                            "__rt_i=0; while [ ! -s \"{file}\" ] && [ $__rt_i -lt 200 ] && kill -0 $__rt_pid 2>/dev/null; do sleep 0.05; __rt_i=$((__rt_i + 1)); done
{var}=$(cat \"{file}\" 2>/dev/null); {var}=${{{var}##*:}}"
                        );
                    }
                    let _ = writeln!(
                        s,
                        "if kill -0 $__rt_pid 2>/dev/null; then head -n {lines} \"$__rt_out\"; __rt_status=0
else wait $__rt_pid; __rt_status=$?; cat \"$__rt_out\"; fi
printf '\\n{STATUS_MARK}%d{STATUS_MARK}\\n' \"$__rt_status\"; (exit $__rt_status)"
                    );
                }
                None => {
                    let _ = writeln!(
                        s,
                        "{command}\n__rt_status=$?; printf '\\n{STATUS_MARK}%d{STATUS_MARK}\\n' \"$__rt_status\"; (exit $__rt_status)"
                    );
                }
            }
        }
    }
    s
}

/// The fixed loopback ports the document's commands name (`--listen 127.0.0.1:8765`,
/// `curl http://127.0.0.1:8765/...`), so a busy port on the test machine can't fail the run
/// (ports in the output are normalised anyway). No port is freed for a later bind, which another
/// process could take first:
/// - a port a command serves (`--listen 127.0.0.1:P`) is served on port 0 with a ready file, and
///   the commands that name it get the port the server bound, read at run time;
/// - a port no command serves (an address where nothing listens) is one this test holds, bound
///   and never listened on, for the whole run: connections to it are refused.
struct Ports {
    served: Vec<String>,
    refused: Vec<(String, RefusedPort)>,
}

fn ports_for(blocks: &[&Block]) -> Ports {
    let commands: Vec<&str> = blocks
        .iter()
        .flat_map(|b| &b.steps)
        .map(|s| s.command.as_str())
        .collect();
    let mut served: Vec<String> = Vec::new();
    for command in &commands {
        for (port, listen) in loopback_ports(command) {
            if listen && !served.contains(&port) {
                served.push(port);
            }
        }
    }
    let mut refused: Vec<(String, RefusedPort)> = Vec::new();
    for command in &commands {
        for (port, _) in loopback_ports(command) {
            if !served.contains(&port) && !refused.iter().any(|(p, _)| *p == port) {
                refused.push((port, RefusedPort::new()));
            }
        }
    }
    Ports { served, refused }
}

/// The fixed loopback ports (not 0) a command names, each with whether it is a `--listen` value.
fn loopback_ports(text: &str) -> Vec<(String, bool)> {
    let mut ports = Vec::new();
    for host in ["127.0.0.1:", "localhost:"] {
        for (at, _) in text.match_indices(host) {
            let digits: String = text[at + host.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if !digits.is_empty() && digits != "0" {
                let listen = is_listen_value(&text[..at]);
                ports.push((digits, listen));
            }
        }
    }
    ports
}

/// Whether the address after `before` is the value of `--listen` (`--listen ADDR`, `--listen=ADDR`).
fn is_listen_value(before: &str) -> bool {
    before
        .trim_end()
        .strip_suffix('=')
        .unwrap_or(before.trim_end())
        .ends_with("--listen")
}

/// The shell variable that holds the real port of the document's port `port`.
fn port_var(port: &str) -> String {
    format!("__rt_port_{port}")
}

/// The ready file of the server that serves the document's port `port`.
fn ready_file(port: &str) -> String {
    format!("$HOME/.readme-test-port-{port}")
}

/// What stands for the real port of `port` in a command until it is run.
fn placeholder(port: &str) -> String {
    format!("__RT_PORT_{port}__")
}

/// `command` with each `--listen 127.0.0.1:P` of a `served` port P made `--listen 127.0.0.1:0`
/// with a ready file, and every other fixed loopback port replaced by its [`placeholder`]; and
/// the served ports this command starts.
fn with_ports(command: &str, served: &[String]) -> (String, Vec<String>) {
    let mut out = command.to_string();
    let mut started = Vec::new();
    for host in ["127.0.0.1:", "localhost:"] {
        let mut result = String::new();
        let mut rest = out.as_str();
        while let Some(at) = rest.find(host) {
            let (before, after) = rest.split_at(at + host.len());
            result.push_str(before);
            let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
            if digits.is_empty() || digits == "0" {
                result.push_str(&digits);
            } else if served.contains(&digits) && is_listen_value(&before[..at]) {
                let _ = write!(result, "0 --ready-file \"{}\"", ready_file(&digits));
                started.push(digits.clone());
            } else {
                result.push_str(&placeholder(&digits));
            }
            rest = &after[digits.len()..];
        }
        result.push_str(rest);
        out = result;
    }
    (out, started)
}

/// Writes to `script` what puts the real ports into `command` at run time, and returns what to
/// run: `command` itself when it names no port, else an `eval` of it with the ports filled in
/// (the text is substituted, as a reader's command would be typed, so quoting is unchanged).
fn run_with_ports(script: &mut String, command: &str) -> String {
    let used: Vec<String> = loopback_placeholders(command);
    if used.is_empty() {
        return command.to_string();
    }
    let background = command
        .trim_end()
        .strip_suffix('&')
        .filter(|c| !c.ends_with('&'));
    let text = background.unwrap_or(command);
    let _ = writeln!(
        script,
        "__rt_cmd=$(cat <<'__RT_COMMAND__'\n{text}\n__RT_COMMAND__\n)"
    );
    for port in &used {
        let _ = writeln!(
            script,
            "__rt_cmd=${{__rt_cmd//{}/${}}}",
            placeholder(port),
            port_var(port)
        );
    }
    match background {
        Some(_) => "eval \"$__rt_cmd\" &".to_string(),
        None => "eval \"$__rt_cmd\"".to_string(),
    }
}

/// The ports whose [`placeholder`]s `command` holds.
fn loopback_placeholders(command: &str) -> Vec<String> {
    let mut ports: Vec<String> = Vec::new();
    for (at, _) in command.match_indices("__RT_PORT_") {
        let digits: String = command[at + "__RT_PORT_".len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if !digits.is_empty() && !ports.contains(&digits) {
            ports.push(digits);
        }
    }
    ports
}

/// Each step's output lines and exit status, split at the status marks.
fn split_outputs(raw: &str) -> Vec<(Vec<String>, i32)> {
    let mut results = Vec::new();
    let mut rest = raw;
    while let Some(start) = rest.find(STATUS_MARK) {
        let output = &rest[..start];
        let after = &rest[start + STATUS_MARK.len_utf8()..];
        let end = after.find(STATUS_MARK).unwrap_or(after.len());
        let status = after[..end].parse().unwrap_or(-1);
        // Drop the newline the mark was printed after (and the one it ended with).
        let output = output.strip_suffix('\n').unwrap_or(output);
        let mut lines: Vec<String> = output.lines().map(|l| l.trim_end().to_string()).collect();
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        results.push((lines, status));
        rest = after[end..]
            .strip_prefix(STATUS_MARK)
            .unwrap_or("")
            .strip_prefix('\n')
            .unwrap_or("");
    }
    results
}

/// Runs the blocks in one session and returns what doesn't match the document.
fn run_document(sb: &Sandboxed, blocks: &[&Block]) -> Vec<String> {
    run_document_blessing(sb, blocks, &mut Vec::new())
}

/// What a successful step printed where the document shows something else: (the step's first
/// output line, how many lines the document shows, what it printed).
type Blessing = (usize, usize, Vec<String>);

fn run_document_blessing(
    sb: &Sandboxed,
    blocks: &[&Block],
    blessings: &mut Vec<Blessing>,
) -> Vec<String> {
    let script = sb.home.path().join(".readme-test.sh");
    let output = sb.home.path().join(".readme-test.out");
    let ports = ports_for(blocks);
    std::fs::write(&script, session_script(blocks, &ports)).unwrap();
    let mut child = sb.bash(&script, &output).spawn().expect("run bash");
    let pgid = child.id();
    let started = Instant::now();
    let hung = loop {
        if child.try_wait().unwrap().is_some() {
            break false;
        }
        if started.elapsed() > HANG_GUARD {
            // The shell is still alive, so its process group is still ours to signal.
            let _ = Command::new("kill")
                .args(["-TERM", "--", &format!("-{pgid}")])
                .stderr(Stdio::null())
                .status();
            break true;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let _ = child.wait();
    // The reader's home is theirs, not the sandbox's: show it as `~`.
    let raw = String::from_utf8_lossy(&std::fs::read(&output).unwrap())
        .replace(&sb.home.path().display().to_string(), "~");
    let mut results = split_outputs(&raw).into_iter();

    let mut problems = Vec::new();
    if hung {
        problems.push(format!(
            "still running after {}s (a server in the foreground? end its line with `&`); output:\n{raw}",
            HANG_GUARD.as_secs()
        ));
    }
    for block in blocks {
        for (k, step) in block.steps.iter().enumerate() {
            let Some((actual, status)) = results.next() else {
                problems.push(format!(
                    "line {}: `{}` never finished (the shell exited or hung before it)",
                    step.line, step.command
                ));
                return problems;
            };
            let shows_status = block
                .steps
                .get(k + 1)
                .is_some_and(|next| next.command.trim() == "echo $?");
            if status != 0 && !shows_status {
                problems.push(format!(
                    "line {}: `{}` exited {status} (follow it with `$ echo $?` if that is the point); it printed:\n    {}",
                    step.line,
                    step.command,
                    actual.join("\n    ")
                ));
                continue;
            }
            if !lines_match(&step.expected, &actual) {
                blessings.push((step.output_start, step.expected.len(), actual.clone()));
                problems.push(format!(
                    "line {}: `{}` printed something else\n--- the document shows\n{}\n--- it printed\n{}\n---",
                    step.line,
                    step.command,
                    step.expected.join("\n"),
                    actual.join("\n")
                ));
            }
        }
    }
    problems
}

/// Replaces the shown output of the given steps with what they printed (last first, so the
/// earlier line numbers stay right).
fn bless(path: &Path, markdown: &str, mut blessings: Vec<Blessing>) {
    let mut lines: Vec<String> = markdown.lines().map(str::to_string).collect();
    blessings.sort_by_key(|b| std::cmp::Reverse(b.0));
    for (start, len, actual) in blessings {
        lines.splice(start..start + len, actual);
    }
    let mut text = lines.join("\n");
    text.push('\n');
    std::fs::write(path, text).expect("rewrite the document");
}

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The chapters of the manual: every `*.md` file in docs/, by name.
fn chapters() -> Vec<PathBuf> {
    let mut chapters: Vec<PathBuf> = std::fs::read_dir(repository().join("docs"))
        .map(|dir| {
            dir.map(|entry| entry.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                .collect()
        })
        .unwrap_or_default();
    chapters.sort();
    chapters
}

/// The documents whose recipes are run: README.md and every chapter, or only the file
/// `BGPEER_README` names (relative to the repository).
fn documents() -> Vec<PathBuf> {
    match std::env::var("BGPEER_README") {
        Ok(rel) => vec![repository().join(rel)],
        Err(_) => std::iter::once(repository().join("README.md"))
            .chain(chapters())
            .collect(),
    }
}

fn shown_name(path: &Path) -> String {
    path.strip_prefix(repository())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Runs one document's recipes in a session and sandbox of its own, and returns what does not do
/// what the document shows. With `BGPEER_README_BLESS=1` it rewrites the shown output instead.
/// A chapter with no recipe to run passes; README.md and a file named by `BGPEER_README` must
/// have some.
fn check_document(path: &Path, must_have_recipes: bool) -> Vec<String> {
    let markdown = match std::fs::read_to_string(path) {
        Ok(m) => m,
        Err(e) => return vec![format!("cannot read it: {e}")],
    };
    let blocks = match extract_blocks(&markdown) {
        Ok(b) => b,
        Err(e) => return vec![e],
    };
    let is_readme = path.ends_with("README.md");
    let mut problems = Vec::new();
    if is_readme
        && !markdown
            .lines()
            .any(|l| l.starts_with('#') && l.contains("Quick start"))
    {
        problems.push("it has no Quick start section".to_string());
    }
    let runnable: Vec<&Block> = blocks.iter().filter(|b| b.skip.is_none()).collect();
    if is_readme
        && !runnable
            .iter()
            .any(|b| b.steps.iter().any(|s| after_install(&s.command).is_some()))
    {
        problems.push(format!(
            "the quick start must install and run bgpeer in one command: `$ {INSTALL} && bgpeer --profile emulator ...`"
        ));
    }
    for block in blocks.iter().filter(|b| b.skip.is_some()) {
        eprintln!(
            "{}: skipped block at line {} ({})",
            shown_name(path),
            block.line,
            block.skip.as_deref().unwrap_or_default()
        );
    }
    if runnable.is_empty() {
        if must_have_recipes || is_readme {
            problems.push("it has no ```console blocks to test".to_string());
        }
        return problems;
    }
    let mut blessings = Vec::new();
    problems.extend(run_document_blessing(
        &Sandboxed::new(),
        &runnable,
        &mut blessings,
    ));
    if std::env::var_os("BGPEER_README_BLESS").is_some_and(|v| v == "1") && !blessings.is_empty() {
        bless(path, &markdown, blessings);
        eprintln!(
            "rewrote the output of the recipes that differed in {}: review the diff",
            path.display()
        );
        return Vec::new();
    }
    problems
}

#[test]
fn readme_and_docs_recipes_print_what_they_show() {
    let explicit = std::env::var_os("BGPEER_README").is_some();
    let documents = documents();
    // Each document has its own sandbox and session, so they can run at the same time.
    let reports: Vec<(String, Vec<String>)> = std::thread::scope(|scope| {
        let runs: Vec<_> = documents
            .iter()
            .map(|path| scope.spawn(move || (shown_name(path), check_document(path, explicit))))
            .collect();
        runs.into_iter().map(|run| run.join().unwrap()).collect()
    });
    let failures: Vec<String> = reports
        .into_iter()
        .filter(|(_, problems)| !problems.is_empty())
        .map(|(name, problems)| {
            format!(
                "{name}: {} recipe(s) don't do what it shows:\n\n{}",
                problems.len(),
                problems.join("\n\n")
            )
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

// ---------------------------------------------------------------------------------------------
// Links

/// A link of a markdown document: `[text](target)`, `![alt](target)` or `[label]: target`.
#[derive(Debug, PartialEq)]
struct Link {
    /// 1-based line.
    line: usize,
    target: String,
}

/// The lines of a document that are not inside a fenced code block, with their 1-based numbers.
fn prose_lines(markdown: &str) -> Vec<(usize, &str)> {
    let mut prose = Vec::new();
    let mut open: Option<String> = None;
    for (i, line) in markdown.lines().enumerate() {
        match (&open, fence_of(line)) {
            (None, Some(fence)) => open = Some(fence),
            (Some(fence), Some(closing))
                if closing.starts_with(fence.as_str())
                    && line.trim_start()[closing.len()..].trim().is_empty() =>
            {
                open = None
            }
            (None, None) => prose.push((i + 1, line)),
            _ => {}
        }
    }
    prose
}

/// `line` with the contents of its code spans (`` `...` ``) blanked, so a `[x](y)` quoted in code
/// is not taken for a link.
fn without_code_spans(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find('`') {
        out.push_str(&rest[..at]);
        let ticks = rest[at..].chars().take_while(|&c| c == '`').count();
        let fence = &rest[at..at + ticks];
        let after = &rest[at + ticks..];
        match after.find(fence) {
            Some(end) => {
                out.push_str(&" ".repeat(ticks * 2 + after[..end].len()));
                rest = &after[end + ticks..];
            }
            None => {
                out.push_str(fence);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn links_of(markdown: &str) -> Vec<Link> {
    let mut links = Vec::new();
    for (n, line) in prose_lines(markdown) {
        let line = without_code_spans(line);
        // Reference definitions: `[label]: target`.
        if let Some(rest) = line.trim_start().strip_prefix('[') {
            if let Some(target) = rest.split_once(']').and_then(|(_, r)| r.strip_prefix(':')) {
                if let Some(target) = target.split_whitespace().next() {
                    links.push(Link {
                        line: n,
                        target: target.trim_matches(['<', '>']).to_string(),
                    });
                }
                continue;
            }
        }
        let mut rest = line.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else { break };
            // `(target "title")`: the target is the first word.
            let target = after[..end].split_whitespace().next().unwrap_or("");
            links.push(Link {
                line: n,
                target: target.trim_matches(['<', '>']).to_string(),
            });
            rest = &after[end + 1..];
        }
    }
    links
}

/// The anchor GitHub gives a heading: its text as rendered (code spans keep their content, a link
/// its text), lower case, without punctuation other than `-` and `_`, spaces as `-`.
fn github_slug(heading: &str) -> String {
    let mut text = String::new();
    let mut rest = heading;
    // A link in a heading renders as its text.
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else {
            break;
        };
        text.push_str(&rest[..open]);
        text.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    text.push_str(rest);
    text.to_lowercase()
        .chars()
        .filter(|&c| c.is_alphanumeric() || c == '-' || c == '_' || c == ' ')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The anchors of a document's headings (ATX `#` headings outside code blocks); a repeated slug
/// gets `-1`, `-2`, ... as on GitHub.
fn anchors_of(markdown: &str) -> Vec<String> {
    let mut anchors: Vec<String> = Vec::new();
    for (_, line) in prose_lines(markdown) {
        let t = line.trim_start();
        if line.len() - t.len() > 3 {
            continue;
        }
        let level = t.chars().take_while(|&c| c == '#').count();
        if !(1..=6).contains(&level) {
            continue;
        }
        let text = &t[level..];
        if !(text.is_empty() || text.starts_with([' ', '\t'])) {
            continue;
        }
        // An optional closing sequence of `#`s.
        let text = text.trim();
        let text = match text.trim_end_matches('#') {
            stripped if stripped.is_empty() || stripped.ends_with([' ', '\t']) => stripped.trim(),
            _ => text,
        };
        let slug = github_slug(text);
        let mut anchor = slug.clone();
        let mut n = 0;
        while anchors.contains(&anchor) {
            n += 1;
            anchor = format!("{slug}-{n}");
        }
        anchors.push(anchor);
    }
    anchors
}

/// What is wrong with the relative links of `path` (web links and `mailto:` are not checked).
/// `linked` collects the files they lead to.
fn broken_links(path: &Path, linked: &mut Vec<PathBuf>) -> Vec<String> {
    let name = shown_name(path);
    let markdown = match std::fs::read_to_string(path) {
        Ok(m) => m,
        Err(e) => return vec![format!("{name}: cannot read it: {e}")],
    };
    let mut problems = Vec::new();
    for link in links_of(&markdown) {
        let target = link.target.as_str();
        if target.contains("://") || target.starts_with("mailto:") {
            continue;
        }
        let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
        let destination = if file.is_empty() {
            path.to_path_buf()
        } else {
            path.parent().unwrap().join(file)
        };
        let Ok(destination) = destination.canonicalize() else {
            problems.push(format!(
                "{name}:{}: link to {target:?}: there is no {}",
                link.line,
                shown_name(&destination)
            ));
            continue;
        };
        linked.push(destination.clone());
        if fragment.is_empty() || destination.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(&destination).unwrap_or_default();
        let anchors = anchors_of(&text);
        if !anchors.iter().any(|a| a == fragment) {
            let near: Vec<&String> = anchors
                .iter()
                .filter(|a| {
                    let stem = fragment.split('-').next().unwrap_or(fragment);
                    a.contains(stem)
                })
                .take(5)
                .collect();
            problems.push(format!(
                "{name}:{}: link to {target:?}: {} has no heading with the anchor #{fragment} (anchors like it: {near:?})",
                link.line,
                shown_name(&destination)
            ));
        }
    }
    problems
}

#[test]
fn links_between_readme_and_docs_lead_somewhere() {
    let readme = repository().join("README.md");
    let mut problems = Vec::new();
    let mut from_readme = Vec::new();
    problems.extend(broken_links(&readme, &mut from_readme));
    let chapters = chapters();
    assert!(!chapters.is_empty(), "docs/ has no chapters");
    for chapter in &chapters {
        problems.extend(broken_links(chapter, &mut Vec::new()));
        let chapter = chapter.canonicalize().unwrap();
        if !from_readme.contains(&chapter) {
            problems.push(format!(
                "{} is not linked from README.md (add it to \"The manual\")",
                shown_name(&chapter)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn links_and_anchors_are_found_as_github_makes_them() {
    let md = "# bgpeer\n\
        See [the tour](docs/commands.md#groups-peers-and-networks) and ![logo](img/x.png \"Logo\").\n\
        Not a link: `[x](y.md)`. [ref]: <docs/output.md>\n\
        [ref]: docs/output.md\n\
        ```console\n$ echo '[no](link.md)'\n# not a heading\n```\n\
        ## `bgpeer vbr show`: the whole BGP picture of one VBR\n\
        ## The admin API (`/_emulator/`)\n\
        ### Tea SDK (`alibabacloud-vpc20160428`), V3 or V2 signatures\n\
        ## Using [the SDKs](x.md) ##\n\
        ## Recipes\n## Recipes\n\
        #hashtag\n";
    assert_eq!(
        links_of(md)
            .iter()
            .map(|l| (l.line, l.target.as_str()))
            .collect::<Vec<_>>(),
        [
            (2, "docs/commands.md#groups-peers-and-networks"),
            (2, "img/x.png"),
            (4, "docs/output.md"),
            (12, "x.md"),
        ]
    );
    assert_eq!(
        anchors_of(md),
        [
            "bgpeer",
            "bgpeer-vbr-show-the-whole-bgp-picture-of-one-vbr",
            "the-admin-api-_emulator",
            "tea-sdk-alibabacloud-vpc20160428-v3-or-v2-signatures",
            "using-the-sdks",
            "recipes",
            "recipes-1",
        ]
    );
    assert_eq!(
        github_slug("Output: formats, fields, and scripting"),
        "output-formats-fields-and-scripting"
    );
    assert_eq!(
        github_slug("Faults: testing how clients cope"),
        "faults-testing-how-clients-cope"
    );
}

// ---------------------------------------------------------------------------------------------
// The machinery itself

#[test]
fn extracts_commands_outputs_and_directives() {
    let md = r#"
# Title

<!-- readme-test: skip installs into ~/.cargo/bin -->
```console
$ cargo install --path .
```

<!-- readme-test: fresh-state -->
```console
$ bgpeer vbr list \
    -o json
[
  1
]

$ cat > peers.txt <<'EOF'
a
EOF
$ false
$ echo $?
1
```

```toml
not = "run"
```
"#;
    let blocks = extract_blocks(md).unwrap();
    assert_eq!(blocks.len(), 2);
    assert_eq!(
        blocks[0].skip.as_deref(),
        Some("installs into ~/.cargo/bin")
    );
    assert!(!blocks[0].fresh_state);
    let b = &blocks[1];
    assert!(b.fresh_state && b.skip.is_none());
    assert_eq!(b.line, 10);
    let commands: Vec<&str> = b.steps.iter().map(|s| s.command.as_str()).collect();
    assert_eq!(
        commands,
        [
            "bgpeer vbr list \\\n    -o json",
            "cat > peers.txt <<'EOF'\na\nEOF",
            "false",
            "echo $?"
        ]
    );
    assert_eq!(b.steps[0].expected, ["[", "  1", "]"]);
    assert!(b.steps[1].expected.is_empty());
    assert_eq!(b.steps[3].expected, ["1"]);
}

#[test]
fn rejects_untested_shell_blocks_and_bad_directives() {
    let err = extract_blocks("```sh\nbgpeer peer list\n```\n").unwrap_err();
    assert!(err.contains("make it ```console"), "{err}");
    assert!(
        extract_blocks("<!-- readme-test: skip -->\n```console\n$ x\n```\n")
            .unwrap_err()
            .contains("needs a reason")
    );
    assert!(extract_blocks("<!-- readme-test: sometimes -->\n")
        .unwrap_err()
        .contains("unknown directive"));
    assert!(extract_blocks("```console\n$ x\n")
        .unwrap_err()
        .contains("never closed"));
    // An sh block with no bgpeer in it is fine.
    assert!(extract_blocks("```sh\nls\n```\n").unwrap().is_empty());
}

#[test]
fn normalises_ids_uuids_times_and_ports() {
    assert_eq!(
        normalise(r#"  "BgpGroupId": "bgpg-2zeabc123def456ghi","#),
        r#"  "BgpGroupId": "bgpg-<ID>","#
    );
    assert_eq!(
        normalise("bgp-m5eoyp2mwegk8ce9v  vbr-bp1ctxy813985gkuk****"),
        "bgp-<ID>  vbr-<ID>"
    );
    assert_eq!(
        normalise("request id C1221A1F-2ACD-4592-8F27-474E02883159"),
        "request id <UUID>"
    );
    assert_eq!(
        normalise("created 2026-11-28T07:13:12Z, at 2026-11-28 07:13:12.123+08:00"),
        "created <TIME>, at <TIME>"
    );
    assert_eq!(
        normalise("listening on http://127.0.0.1:41234"),
        "listening on http://127.0.0.1:<PORT>"
    );
    // Words that look a little like IDs are left alone.
    assert_eq!(
        normalise("cn-shanghai bgp-peer my-vbr-1"),
        "cn-shanghai bgp-peer my-vbr-1"
    );
}

#[test]
fn the_install_step_is_dropped_and_the_rest_runs() {
    assert_eq!(
        after_install("cargo install --locked --path . && bgpeer -p emulator vbr list"),
        Some("bgpeer -p emulator vbr list")
    );
    assert_eq!(
        after_install(
            "cargo install --locked --path . \\\n    && G=$(bgpeer x) \\\n    && bgpeer y"
        ),
        Some("G=$(bgpeer x) \\\n    && bgpeer y")
    );
    assert_eq!(after_install("cargo install --locked --path ."), None);
    assert_eq!(after_install("bgpeer vbr list"), None);
}

#[test]
fn fixed_ports_are_served_on_port_0_or_held_where_nothing_listens() {
    let served = vec!["8765".to_string()];
    assert_eq!(
        with_ports("bgpeer emulator --listen 127.0.0.1:8765 &", &served),
        (
            "bgpeer emulator --listen 127.0.0.1:0 --ready-file \"$HOME/.readme-test-port-8765\" &"
                .to_string(),
            vec!["8765".to_string()]
        )
    );
    assert_eq!(with_ports("e --listen=localhost:8765", &served).1, ["8765"]);
    assert_eq!(
        with_ports("curl localhost:8765/x 127.0.0.1:0 127.0.0.1:87651", &served),
        (
            "curl localhost:__RT_PORT_8765__/x 127.0.0.1:0 127.0.0.1:__RT_PORT_87651__".to_string(),
            vec![]
        )
    );
    let blocks = extract_blocks(
        "```console\n$ a --listen 127.0.0.1:8765 &\n$ b http://127.0.0.1:8765 127.0.0.1:0 localhost:18933\n```\n",
    )
    .unwrap();
    let ports = ports_for(&[&blocks[0]]);
    assert_eq!(ports.served, ["8765"]);
    assert_eq!(ports.refused.len(), 1);
    assert_eq!(ports.refused[0].0, "18933");
    // Nothing listens on a held port, and nothing else can bind it while the run lasts.
    let held = ports.refused[0].1.addr;
    let refused = std::net::TcpStream::connect(held).unwrap_err();
    assert_eq!(refused.kind(), std::io::ErrorKind::ConnectionRefused);
    assert!(
        std::net::TcpListener::bind(held).is_err(),
        "{held} was free"
    );
}

/// A document's server on its fixed port: the server gets port 0 and a ready file, and the
/// commands after it reach it on the port it bound, whatever quoting they use.
#[test]
fn a_served_fixed_port_is_read_from_the_ready_file_at_run_time() {
    let md = "```console
$ bgpeer emulator --listen 127.0.0.1:8799 --settle-ms 0 &
bgpeer emulator listening on http://127.0.0.1:8799 (access key id LTAI5tBgpeerEmulatorKey, state in memory); stop with Ctrl-C
$ curl -s 'http://127.0.0.1:8799/_emulator/health' | grep -o '\"status\":\"ok\"'
\"status\":\"ok\"
$ curl -s \"http://localhost:8799/_emulator/faults\"
{\"faults\":[]}
$ curl -s http://127.0.0.1:8798/ || echo refused
refused
```
";
    let blocks = extract_blocks(md).unwrap();
    let problems = run_document(&Sandboxed::new(), &[&blocks[0]]);
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn ellipsis_lines_match_any_lines() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert!(lines_match(
        &s(&["a", "...", "d"]),
        &s(&["a", "b", "c", "d"])
    ));
    assert!(lines_match(&s(&["a", "...", "d"]), &s(&["a", "d"])));
    assert!(!lines_match(&s(&["a", "...", "d"]), &s(&["a", "b"])));
    assert!(!lines_match(&s(&["a"]), &s(&["a", "b"])));
    assert!(lines_match(&s(&[]), &s(&[])));
}

/// The runner itself, on blocks that need no bgpeer feature: statuses, `echo $?`, variables
/// across blocks, here-documents, background jobs, and mismatches that are reported.
#[test]
fn runs_blocks_and_reports_mismatches() {
    let md = r#"
```console
$ X=hello; echo "$X"
hello
$ cat > f.txt <<'EOF'
one
EOF
$ cat f.txt
one
$ false
$ echo $?
1
$ bgpeer --version
bgpeer VERSION
$ (echo ready; sleep 600) &
ready
```

```console
$ echo "$X" again
hello again
```

```console
$ echo "$X" wrong
something else
$ (exit 3)
```
"#
    .replace("VERSION", env!("CARGO_PKG_VERSION"));
    let blocks = extract_blocks(&md).unwrap();
    let sb = Sandboxed::new();
    assert_eq!(
        run_document(&sb, &[&blocks[0], &blocks[1]]),
        Vec::<String>::new()
    );
    let problems = run_document(&sb, &[&blocks[2]]);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0].contains("printed something else"),
        "{}",
        problems[0]
    );
    assert!(problems[1].contains("exited 3"), "{}", problems[1]);
}

/// Blessing rewrites the output of the steps that differ, and only those.
#[test]
fn bless_rewrites_only_the_differing_output() {
    let md = "# t\n\n```console\n$ echo a; echo b\nx\n$ echo c\nc\n\n$ printf 'one\\ntwo\\n'\n$ echo d\n```\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.md");
    let blocks = extract_blocks(md).unwrap();
    let mut blessings = Vec::new();
    let problems = run_document_blessing(&Sandboxed::new(), &[&blocks[0]], &mut blessings);
    assert_eq!(problems.len(), 3, "{problems:#?}");
    bless(&path, md, blessings);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "# t\n\n```console\n$ echo a; echo b\na\nb\n$ echo c\nc\n\n$ printf 'one\\ntwo\\n'\none\ntwo\n$ echo d\nd\n```\n"
    );
}
