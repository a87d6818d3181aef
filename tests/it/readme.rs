//! The README can't rot: every ```console block of README.md is run, in document order, against
//! a fresh state of the built-in emulator (`--profile emulator`), and must print what it shows.
//!
//! The convention (also described in the README's "About the examples"):
//!
//! - A fenced block with the info string `console` is a tested recipe. Other blocks (`toml`, `json`,
//!   ...) are not run; a `sh`/`bash`/`shell` block that runs bgpeer is an error (make it `console`).
//! - Lines starting with `$ ` are commands. A command continues on the next line when its line ends
//!   with `\`, and a here-document (`<<EOF` / `<<'EOF'`) runs to its terminator line.
//! - Every other line is the expected output: stdout and stderr as the terminal shows them, with
//!   stdout not a terminal (so unformatted output is JSON). A line `...` stands for any number of
//!   lines. Resource IDs (`bgpg-…`), request IDs (UUIDs), timestamps and loopback ports are
//!   normalised on both sides, so the README can show real output of an earlier run.
//! - Every command must exit 0, unless the next command is `echo $?`, whose output shows the code.
//! - The sandbox's home directory shows as `~` in the output.
//! - Recipes run in a scratch directory holding the repository's `completions/` and `man/`.
//! - All blocks run in order in one `bash` session, like a reader's terminal: variables,
//!   exports, files and the emulator state carry over. `<!-- readme-test: fresh-state -->` before
//!   a block restores the seeded emulator state first.
//! - A command ending with `&` (a server) runs in the background; the test waits for the lines
//!   shown under it (e.g. the "listening on" line), and it ends with the session.
//! - `<!-- readme-test: skip REASON -->` before a block skips it; the reason is required.
//! - The quick start's `cargo install --locked --path . && ` prefix is dropped: the test runs the
//!   rest with the binary cargo just built for it, which `PATH` puts first.
//!
//! `BGPEER_README_BLESS=1 cargo test --test it readme::` rewrites the shown output of every recipe
//! that succeeded but printed something else with what it printed (review the diff).
//!
//! Run it on another markdown file (a draft section, say) with
//! `BGPEER_README=docs/draft.md cargo test --test it readme::`.

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
        // Recipes run where a reader of the README stands, in a clone: the repository's files
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
            .env("BGPEER_TEST_NO_RETRY_DELAY", "1")
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
fn session_script(blocks: &[&Block]) -> String {
    // On exit the shell signals its own process group (a new one per run), ignoring the signal
    // itself: background servers a recipe started end with the run.
    let mut s = String::from(
        "exec 2>&1\nset -o pipefail\ntrap 'trap \"\" TERM; kill -TERM 0 2>/dev/null' EXIT\n",
    );
    let ports = free_ports_for(blocks);
    let mut background = 0;
    for block in blocks {
        if block.fresh_state {
            s.push_str("rm -f \"$BGPEER_EMULATOR_STATE\"\n");
        }
        for step in &block.steps {
            let command = after_install(&step.command).unwrap_or(&step.command);
            let command = &with_ports(command, &ports);
            match command
                .trim_end()
                .strip_suffix('&')
                .filter(|c| !c.ends_with('&'))
            {
                Some(job) => {
                    // A background job (a server): wait for the lines the README shows under it,
                    // so its output is deterministic and it is ready when the next command runs.
                    background += 1;
                    let lines = step.expected.len();
                    let _ = writeln!(
                        s,
                        "__rt_out=\"$HOME/.readme-test-job-{background}.out\"; : >\"$__rt_out\"
{{ {job}
}} >>\"$__rt_out\" 2>&1 &
__rt_pid=$!
while [ \"$(wc -l <\"$__rt_out\")\" -lt {lines} ] && kill -0 $__rt_pid 2>/dev/null; do sleep 0.05; done
if kill -0 $__rt_pid 2>/dev/null; then head -n {lines} \"$__rt_out\"; __rt_status=0
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

/// The fixed loopback ports the document's commands use (`--listen 127.0.0.1:8765`), each
/// mapped to a port that is free now, so a busy port on the test machine can't fail the run
/// (ports in the output are normalised anyway).
fn free_ports_for(blocks: &[&Block]) -> Vec<(String, String)> {
    let mut ports: Vec<(String, String)> = Vec::new();
    let mut listeners = Vec::new();
    for step in blocks.iter().flat_map(|b| &b.steps) {
        for port in loopback_ports(&step.command) {
            if port != "0" && !ports.iter().any(|(p, _)| *p == port) {
                let l = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
                ports.push((port, l.local_addr().unwrap().port().to_string()));
                listeners.push(l);
            }
        }
    }
    ports
}

fn loopback_ports(text: &str) -> Vec<String> {
    let mut ports = Vec::new();
    for host in ["127.0.0.1:", "localhost:"] {
        for (at, _) in text.match_indices(host) {
            let digits: String = text[at + host.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if !digits.is_empty() {
                ports.push(digits);
            }
        }
    }
    ports
}

/// `command` with each `127.0.0.1:PORT` / `localhost:PORT` of `ports` replaced.
fn with_ports(command: &str, ports: &[(String, String)]) -> String {
    let mut out = command.to_string();
    for host in ["127.0.0.1:", "localhost:"] {
        let mut result = String::new();
        let mut rest = out.as_str();
        while let Some(at) = rest.find(host) {
            let (before, after) = rest.split_at(at + host.len());
            result.push_str(before);
            let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
            match ports.iter().find(|(p, _)| *p == digits) {
                Some((_, free)) => result.push_str(free),
                None => result.push_str(&digits),
            }
            rest = &after[digits.len()..];
        }
        result.push_str(rest);
        out = result;
    }
    out
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
    std::fs::write(&script, session_script(blocks)).unwrap();
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
                    "line {}: `{}` printed something else\n--- README shows\n{}\n--- it printed\n{}\n---",
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

fn readme_path() -> PathBuf {
    let rel = std::env::var("BGPEER_README").unwrap_or_else(|_| "README.md".into());
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[test]
fn readme_recipes_print_what_the_readme_shows() {
    let path = readme_path();
    let markdown = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let blocks = extract_blocks(&markdown).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let is_readme = path.ends_with("README.md");
    if is_readme {
        assert!(
            markdown
                .lines()
                .any(|l| l.starts_with('#') && l.contains("Quick start")),
            "{} has no Quick start section",
            path.display()
        );
    }
    let runnable: Vec<&Block> = blocks.iter().filter(|b| b.skip.is_none()).collect();
    assert!(
        !runnable.is_empty(),
        "{} has no ```console blocks to test",
        path.display()
    );
    if is_readme {
        assert!(
            runnable
                .iter()
                .any(|b| b.steps.iter().any(|s| after_install(&s.command).is_some())),
            "the quick start must install and run bgpeer in one command: `$ {INSTALL} && bgpeer --profile emulator ...`"
        );
    }
    for block in blocks.iter().filter(|b| b.skip.is_some()) {
        eprintln!(
            "skipped block at line {} ({})",
            block.line,
            block.skip.as_deref().unwrap_or_default()
        );
    }
    let mut blessings = Vec::new();
    let problems = run_document_blessing(&Sandboxed::new(), &runnable, &mut blessings);
    if std::env::var_os("BGPEER_README_BLESS").is_some_and(|v| v == "1") && !blessings.is_empty() {
        bless(&path, &markdown, blessings);
        eprintln!(
            "rewrote the output of the recipes that differed in {}: review the diff",
            path.display()
        );
        return;
    }
    assert!(
        problems.is_empty(),
        "{}: {} recipe(s) don't do what the README shows:\n\n{}",
        path.display(),
        problems.len(),
        problems.join("\n\n")
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
fn fixed_ports_are_swapped_for_free_ones() {
    let ports = vec![("8765".to_string(), "40001".to_string())];
    assert_eq!(
        with_ports(
            "bgpeer emulator --listen 127.0.0.1:8765 && curl localhost:8765/x 127.0.0.1:0 127.0.0.1:87651",
            &ports
        ),
        "bgpeer emulator --listen 127.0.0.1:40001 && curl localhost:40001/x 127.0.0.1:0 127.0.0.1:87651"
    );
    let blocks = extract_blocks(
        "```console\n$ a --listen 127.0.0.1:8765\n$ b http://127.0.0.1:8765 127.0.0.1:0\n```\n",
    )
    .unwrap();
    let ports = free_ports_for(&[&blocks[0]]);
    assert_eq!(ports.len(), 1, "{ports:?}");
    assert_eq!(ports[0].0, "8765");
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
