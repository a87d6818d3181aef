//! The generated files (`completions/`, `man/`) and the help they are generated from.
//!
//! The checked-in files are regenerated in memory from the clap tree and compared byte for byte.
//! When they drift, the failure prints the one command that rewrites them:
//!
//!     BGPEER_REGENERATE=1 cargo test --test it generated_files::
//!
//! which writes every file and deletes files of commands that no longer exist.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};

use bgpeer::commands::completions;
use clap::ValueEnum;
use clap_complete::Shell;
use clap_mangen::roff::{roman, Roff};
use clap_mangen::Man;

use crate::support::*;

const REGENERATE: &str = "BGPEER_REGENERATE=1 cargo test --test it generated_files::";

fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn regenerating() -> bool {
    std::env::var_os("BGPEER_REGENERATE").is_some_and(|v| v == "1")
}

// ---------------------------------------------------------------------------------------------
// Generation

/// Every completion script, keyed by clap_complete's default file name.
fn completion_files() -> BTreeMap<String, Vec<u8>> {
    Shell::value_variants()
        .iter()
        .map(|&shell| (completions::file_name(shell), completions::script(shell)))
        .collect()
}

/// `bgpeer.1` and one page per visible subcommand at every level (`bgpeer-peer-create.1`).
fn man_files() -> BTreeMap<String, Vec<u8>> {
    let mut root = bgpeer::cli::full_command().disable_help_subcommand(true);
    root.build();
    let mut pages = BTreeMap::new();
    add_man_pages(&root, &mut pages);
    pages
}

fn add_man_pages(cmd: &clap::Command, pages: &mut BTreeMap<String, Vec<u8>>) {
    for sub in visible_subcommands(cmd) {
        add_man_pages(sub, pages);
    }
    let is_root = cmd.get_bin_name() == Some("bgpeer");
    // Global options are documented once, in bgpeer(1); each page says so instead.
    let page_cmd = if is_root {
        cmd.clone()
    } else {
        cmd.clone()
            .mut_args(|a| if a.is_global_set() { a.hide(true) } else { a })
    };
    let version = cmd.get_version().unwrap_or_default();
    let man = Man::new(page_cmd.clone())
        .source(format!("bgpeer {version}"))
        .manual("bgpeer manual");
    let mut page = Vec::new();
    render_man_page(&man, &page_cmd, !is_root, &mut page).expect("render a man page into memory");
    pages.insert(man.get_filename(), page);
}

/// clap_mangen's page, with the `after_long_help` examples in an EXAMPLES section (clap_mangen
/// would put them under EXTRA, reflowed) and no date, so regenerating is reproducible.
fn render_man_page(
    man: &Man,
    cmd: &clap::Command,
    globals_elsewhere: bool,
    w: &mut Vec<u8>,
) -> std::io::Result<()> {
    man.render_title(w)?;
    man.render_name_section(w)?;
    man.render_synopsis_section(w)?;
    man.render_description_section(w)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(w)?;
    }
    if globals_elsewhere {
        let mut roff = Roff::new();
        roff.control("SH", ["GLOBAL OPTIONS"]).text([roman(
            "The global options of bgpeer(1) (--profile, --region, --output, --debug, ...) \
             apply to this command too.",
        )]);
        roff.to_writer(w)?;
    }
    if visible_subcommands(cmd).next().is_some() {
        man.render_subcommands_section(w)?;
    }
    if let Some(after) = cmd.get_after_long_help().or_else(|| cmd.get_after_help()) {
        let text = after.to_string();
        let mut lines: Vec<&str> = text.lines().collect();
        if lines.first().is_some_and(|l| l.trim() == "Examples:") {
            lines.remove(0);
        }
        let mut roff = Roff::new();
        roff.control("SH", ["EXAMPLES"]).control("nf", []);
        for line in lines {
            roff.text([roman(line)]);
        }
        roff.control("fi", []);
        roff.to_writer(w)?;
    }
    man.render_version_section(w)?;
    Ok(())
}

fn visible_subcommands(cmd: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
}

// ---------------------------------------------------------------------------------------------
// Comparison with the checked-in files

/// Compares `dir` with `expected` (or rewrites it when regenerating) and returns what is wrong.
fn sync_dir(dir: &str, expected: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let path = repo_path(dir);
    let mut problems = Vec::new();
    let on_disk: Vec<String> = match std::fs::read_dir(&path) {
        Ok(entries) => entries
            .map(|e| {
                e.expect("read dir entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    if regenerating() {
        std::fs::create_dir_all(&path).expect("create the output directory");
        for stale in on_disk.iter().filter(|f| !expected.contains_key(*f)) {
            std::fs::remove_file(path.join(stale)).expect("remove a stale generated file");
            eprintln!("removed {dir}/{stale}");
        }
        for (name, contents) in expected {
            let file = path.join(name);
            if std::fs::read(&file).ok().as_deref() != Some(contents.as_slice()) {
                std::fs::write(&file, contents).expect("write a generated file");
                eprintln!("wrote {dir}/{name}");
            }
        }
        return problems;
    }
    for stale in on_disk.iter().filter(|f| !expected.contains_key(*f)) {
        problems.push(format!(
            "{dir}/{stale} is stale: no command generates it any more (delete it)"
        ));
    }
    for (name, contents) in expected {
        match std::fs::read(path.join(name)) {
            Err(_) => problems.push(format!("{dir}/{name} is missing")),
            Ok(actual) if actual != *contents => problems.push(format!(
                "{dir}/{name} is out of date: {}",
                first_difference(&actual, contents)
            )),
            Ok(_) => {}
        }
    }
    problems
}

fn first_difference(actual: &[u8], expected: &[u8]) -> String {
    let actual = String::from_utf8_lossy(actual);
    let expected = String::from_utf8_lossy(expected);
    let mut a = actual.lines();
    let mut e = expected.lines();
    for n in 1.. {
        match (a.next(), e.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (x, y) => {
                return format!(
                    "line {n} is {:?}, the clap tree generates {:?}",
                    x.unwrap_or("<end of file>"),
                    y.unwrap_or("<end of file>")
                )
            }
        }
    }
    unreachable!()
}

fn assert_in_sync(dir: &str, expected: &BTreeMap<String, Vec<u8>>) {
    let problems = sync_dir(dir, expected);
    assert!(
        problems.is_empty(),
        "{dir}/ does not match the clap tree:\n  {}\n\nregenerate with:\n\n    {REGENERATE}\n",
        problems.join("\n  ")
    );
}

#[test]
fn completion_scripts_are_up_to_date() {
    assert_in_sync("completions", &completion_files());
}

#[test]
fn man_pages_are_up_to_date() {
    assert_in_sync("man", &man_files());
}

#[test]
fn the_expected_file_names_are_generated() {
    let names: Vec<String> = completion_files().into_keys().collect();
    assert_eq!(
        names,
        [
            "_bgpeer",
            "_bgpeer.ps1",
            "bgpeer.bash",
            "bgpeer.elv",
            "bgpeer.fish"
        ]
    );
    let pages = man_files();
    assert!(pages.contains_key("bgpeer.1"), "{:?}", pages.keys());
    assert!(
        pages.contains_key("bgpeer-completions.1"),
        "{:?}",
        pages.keys()
    );
    // One page per verb, named after its path in the tree (built: the subtrees are lazy).
    let mut root = bgpeer::cli::full_command();
    root.build();
    for group in visible_subcommands(&root) {
        for verb in visible_subcommands(group) {
            let name = format!("bgpeer-{}-{}.1", group.get_name(), verb.get_name());
            assert!(
                pages.contains_key(&name),
                "no man page {name}: {:?}",
                pages.keys()
            );
        }
    }
}

#[test]
fn man_pages_carry_the_examples() {
    let pages = man_files();
    let page = String::from_utf8(pages["bgpeer-completions.1"].clone()).unwrap();
    assert!(page.contains(".SH EXAMPLES"), "{page}");
    assert!(page.contains("bgpeer completions fish"), "{page}");
    assert!(!page.contains(".SH EXTRA"), "{page}");
}

/// `bgpeer completions SHELL` prints exactly the checked-in script.
#[test]
fn completions_command_prints_the_generated_script() {
    let sb = Sandbox::new();
    for &shell in Shell::value_variants() {
        let name = shell.to_possible_value().unwrap().get_name().to_string();
        let out = sb.cmd().args(["completions", &name]).output().unwrap();
        assert!(out.status.success(), "bgpeer completions {name}: {out:?}");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            out.stdout,
            completions::script(shell),
            "bgpeer completions {name} differs from the generator"
        );
    }
}

#[test]
fn completions_rejects_an_unknown_shell_and_lists_the_valid_ones() {
    let sb = Sandbox::new();
    let (code, stdout, stderr) = run(sb.cmd().args(["completions", "tcsh"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("invalid value 'tcsh'"), "{stderr}");
    assert!(
        stderr.contains("bash, elvish, fish, powershell, zsh"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------------------------
// The scripts are valid for their shells and complete what they should (the real binary answers
// them: see `support::shells`; live candidates are tested in `completion_live.rs`)

/// Runs `program args...`; a missing shell is a failure that says how to install it.
fn run_shell(program: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
    Process::new(program)
        .args(args)
        .env("HOME", std::env::temp_dir())
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {program} ({e}): install it (apt-get install -y zsh fish bash-completion tmux)"
            )
        })
}

fn assert_syntax_ok(program: &str, flag: &str, shell: Shell) {
    let dir = tempfile::tempdir().unwrap();
    let script = shells::write_script(dir.path(), shell);
    let out = run_shell(program, &[flag.as_ref(), script.as_os_str()]);
    assert!(
        out.status.success(),
        "{program} {flag} {} failed:\n{}",
        script.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn bash_script_parses() {
    assert_syntax_ok("bash", "-n", Shell::Bash);
}

#[test]
fn zsh_script_parses() {
    assert_syntax_ok("zsh", "-n", Shell::Zsh);
}

#[test]
fn fish_script_parses() {
    assert_syntax_ok("fish", "--no-execute", Shell::Fish);
}

/// What bash offers for the last of `words`, in a fresh sandbox; nothing may reach stderr.
fn bash_complete(words: &[&str]) -> Vec<String> {
    let sb = Sandbox::new();
    let (offered, stderr) = shells::bash_complete(&sb, &[], words);
    assert!(stderr.is_empty(), "{words:?}: {stderr}");
    offered
}

#[test]
fn bash_completes_a_command_name() {
    assert_eq!(bash_complete(&["bgpeer", "pe"]), ["peer"]);
    let all = bash_complete(&["bgpeer", ""]);
    for cmd in ["group", "peer", "network", "vbr", "completions"] {
        assert!(all.iter().any(|c| c == cmd), "{cmd} not offered: {all:?}");
    }
    // Flags wait for a `-`.
    assert!(!all.iter().any(|c| c.starts_with('-')), "{all:?}");
    assert_eq!(
        bash_complete(&["bgpeer", "peer", "list", ""]),
        Vec::<String>::new()
    );
}

#[test]
fn bash_completes_a_verb() {
    assert_eq!(bash_complete(&["bgpeer", "peer", "cr"]), ["create"]);
}

#[test]
fn bash_completes_enum_values() {
    assert_eq!(bash_complete(&["bgpeer", "-o", "j"]), ["json"]);
    assert_eq!(bash_complete(&["bgpeer", "--output", "nd"]), ["ndjson"]);
    // bash splits `--output=nd` at the `=` (COMP_WORDBREAKS).
    assert_eq!(
        bash_complete(&["bgpeer", "--output", "=", "nd"]),
        ["ndjson"]
    );
    assert_eq!(
        bash_complete(&["bgpeer", "completions", "p"]),
        ["powershell"]
    );
    let shells = bash_complete(&["bgpeer", "completions", ""]);
    for shell in ["bash", "elvish", "fish", "powershell", "zsh"] {
        assert!(
            shells.iter().any(|c| c == shell),
            "{shell} not offered: {shells:?}"
        );
    }
    assert_eq!(
        bash_complete(&["bgpeer", "group", "create", "--ip-version", ""]),
        ["IPv4", "IPv6"]
    );
}

#[test]
fn bash_completes_flags() {
    let flags = bash_complete(&["bgpeer", "peer", "list", "--out"]);
    assert_eq!(flags, ["--output"]);
    // After `-` an option with a short name shows as that; after `--` every option is long.
    let flags = bash_complete(&["bgpeer", "peer", "list", "-"]);
    for flag in [
        "--bgp-group-id",
        "--router-id",
        "-p",
        "-r",
        "--endpoint",
        "-o",
    ] {
        assert!(
            flags.iter().any(|f| f == flag),
            "{flag} not offered: {flags:?}"
        );
    }
    let flags = bash_complete(&["bgpeer", "peer", "list", "--"]);
    for flag in ["--bgp-group-id", "--profile", "--region", "--output"] {
        assert!(
            flags.iter().any(|f| f == flag),
            "{flag} not offered: {flags:?}"
        );
    }
}

/// What fish offers for `line`, candidates only.
fn fish_complete(line: &str) -> Vec<String> {
    let sb = Sandbox::new();
    shells::fish_complete(&sb, &[], line)
        .into_iter()
        .map(|(value, _)| value)
        .collect()
}

#[test]
fn fish_completes_commands_and_enum_values() {
    assert_eq!(fish_complete("bgpeer pe"), ["peer"]);
    assert_eq!(
        fish_complete("bgpeer --output "),
        ["table", "json", "ndjson", "tsv", "value", "none"]
    );
    assert_eq!(fish_complete("bgpeer -o j"), ["json"]);
    assert_eq!(fish_complete("bgpeer peer list --output nd"), ["ndjson"]);
    assert_eq!(
        fish_complete("bgpeer completions "),
        ["bash", "elvish", "fish", "powershell", "zsh"]
    );
    assert_eq!(fish_complete("bgpeer completions el"), ["elvish"]);
    assert_eq!(
        fish_complete("bgpeer peer wait x --until "),
        ["available", "established", "deleted"]
    );
    assert_eq!(
        fish_complete("bgpeer peer list --r"),
        ["--router-id", "--region", "--read-timeout"]
    );
}

/// clap's own way, `COMPLETE=bash bgpeer`, prints the same registration, calling bgpeer by the
/// path it was run as; an unknown shell is a usage error that lists the shells.
#[test]
fn complete_env_prints_the_registration_script() {
    let sb = Sandbox::new();
    let out = sb.cmd().env("COMPLETE", "bash").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    let expected = String::from_utf8(completions::script(Shell::Bash))
        .unwrap()
        .replace("\"bgpeer\" --", &format!("\"{}\" --", bin_path().display()));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);

    let (code, stdout, stderr) = run(sb.cmd().env("COMPLETE", "tcsh"));
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("unknown shell `tcsh`"), "{stderr}");

    // COMPLETE=0 (or empty) is an ordinary run.
    let (code, stdout, _) = run(sb.cmd().env("COMPLETE", "0").arg("--version"));
    assert_eq!(code, 0);
    assert!(stdout.starts_with("bgpeer "), "{stdout}");
}

// ---------------------------------------------------------------------------------------------
// Help quality: every command has examples, every argument has help, typos get suggestions

/// Every visible command path (`["peer", "create"]`) with its clap command.
fn all_commands() -> Vec<(Vec<String>, clap::Command)> {
    fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<(Vec<String>, clap::Command)>) {
        out.push((path.clone(), cmd.clone()));
        for sub in visible_subcommands(cmd) {
            let mut p = path.clone();
            p.push(sub.get_name().to_string());
            walk(sub, p, out);
        }
    }
    let mut root = bgpeer::cli::full_command();
    root.build();
    let mut out = Vec::new();
    walk(&root, Vec::new(), &mut out);
    out
}

/// The example command lines of a command's `after_long_help`: lines after an `Examples:`
/// heading that start with `$ bgpeer` (or just `bgpeer`), prompt removed and `\` continuations
/// joined.
fn examples_of(cmd: &clap::Command) -> Vec<String> {
    let Some(after) = cmd.get_after_long_help() else {
        return Vec::new();
    };
    let text = after.to_string();
    let Some(start) = text.lines().position(|l| l.trim() == "Examples:") else {
        return Vec::new();
    };
    let mut examples = Vec::new();
    let mut lines = text.lines().skip(start + 1);
    while let Some(line) = lines.next() {
        let line = line.trim().trim_start_matches("$ ");
        if !(line.starts_with("bgpeer ") || line == "bgpeer") {
            continue;
        }
        let mut example = line.trim_end().to_string();
        while example.ends_with('\\') {
            example.pop();
            match lines.next() {
                Some(next) => {
                    example.push(' ');
                    example.push_str(next.trim());
                }
                None => break,
            }
        }
        examples.push(example.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    examples
}

/// Splits a shell line into its simple commands (at `|`, `||`, `&&`, `;`, `&`) and each into
/// words as the shell would before expansion: quotes group, `$(...)` is one word, and
/// redirections (`> file`, `2>&1`, `< file`) are dropped.
fn shell_commands(line: &str) -> Vec<Vec<String>> {
    #[derive(PartialEq)]
    enum Token {
        Word(String),
        Operator,
        Redirect,
    }
    let mut tokens = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars().peekable();
    let end_word = |tokens: &mut Vec<Token>, word: &mut String, in_word: &mut bool| {
        if *in_word {
            tokens.push(Token::Word(std::mem::take(word)));
            *in_word = false;
        }
    };
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' => end_word(&mut tokens, &mut word, &mut in_word),
            '|' | ';' | '&' => {
                // `2>&1` reaches here only after its `>`, handled below.
                end_word(&mut tokens, &mut word, &mut in_word);
                while chars.peek().is_some_and(|n| matches!(n, '|' | '&')) {
                    chars.next();
                }
                tokens.push(Token::Operator);
            }
            '>' | '<' => {
                // A bare file-descriptor number before it (`2>`) belongs to the redirection.
                if in_word && word.chars().all(|d| d.is_ascii_digit()) {
                    word.clear();
                    in_word = false;
                }
                end_word(&mut tokens, &mut word, &mut in_word);
                while chars.peek().is_some_and(|n| matches!(n, '>' | '<')) {
                    chars.next();
                }
                if chars.peek() == Some(&'&') {
                    chars.next();
                    while chars
                        .peek()
                        .is_some_and(|n| n.is_ascii_digit() || *n == '-')
                    {
                        chars.next();
                    }
                    continue;
                }
                tokens.push(Token::Redirect);
            }
            '\'' => {
                in_word = true;
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    word.push(q);
                }
            }
            '"' => {
                in_word = true;
                while let Some(q) = chars.next() {
                    match q {
                        '"' => break,
                        '\\' => word.extend(chars.next()),
                        _ => word.push(q),
                    }
                }
            }
            '$' if chars.peek() == Some(&'(') => {
                in_word = true;
                word.push(c);
                let mut depth = 0;
                for q in chars.by_ref() {
                    word.push(q);
                    match q {
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            }
            '\\' => {
                in_word = true;
                word.extend(chars.next());
            }
            _ => {
                in_word = true;
                word.push(c);
            }
        }
    }
    end_word(&mut tokens, &mut word, &mut in_word);

    let mut commands = vec![Vec::new()];
    let mut skip_next_word = false;
    for token in tokens {
        match token {
            Token::Operator => commands.push(Vec::new()),
            Token::Redirect => skip_next_word = true,
            Token::Word(w) if skip_next_word => {
                let _ = w;
                skip_next_word = false;
            }
            Token::Word(w) => commands.last_mut().unwrap().push(w),
        }
    }
    commands.retain(|c| !c.is_empty());
    commands
}

#[test]
fn shell_commands_splits_like_a_shell() {
    assert_eq!(
        shell_commands(r#"bgpeer peer list --group "$G" -o json | jq '.[]'"#),
        [
            vec!["bgpeer", "peer", "list", "--group", "$G", "-o", "json"],
            vec!["jq", ".[]"]
        ]
    );
    assert_eq!(
        shell_commands("bgpeer peer show $(bgpeer peer list -o value) > out.json 2>&1"),
        [vec![
            "bgpeer",
            "peer",
            "show",
            "$(bgpeer peer list -o value)"
        ]]
    );
    assert_eq!(
        shell_commands(r"bgpeer api X --param 'A=b c' && echo ok"),
        [
            vec!["bgpeer", "api", "X", "--param", "A=b c"],
            vec!["echo", "ok"]
        ]
    );
    assert_eq!(
        shell_commands("bgpeer a 2> err.txt < in.json; bgpeer b"),
        [vec!["bgpeer", "a"], vec!["bgpeer", "b"]]
    );
}

#[test]
fn examples_join_continuation_lines() {
    let cmd = clap::Command::new("x").after_long_help(
        "Examples:\n  # one\n  $ bgpeer vbr show v \\\n      -o json \\\n      --debug\n\n  $ bgpeer x",
    );
    assert_eq!(
        examples_of(&cmd),
        ["bgpeer vbr show v -o json --debug", "bgpeer x"]
    );
}

/// An example must parse with the real clap tree (every bgpeer command in it) and one of its
/// bgpeer commands must run the command it documents, or one below it: `bgpeer -p prod peer
/// create ...` is an example of `bgpeer peer create` and of `bgpeer peer`.
fn check_example(path: &[String], example: &str) -> Result<(), String> {
    let mut ran_any = Vec::new();
    for words in shell_commands(example) {
        if words[0] != "bgpeer" {
            continue;
        }
        // The tree the binary parses with: lazy, each resource built when entered.
        let lazy = <bgpeer::cli::Cli as clap::CommandFactory>::command();
        let matches = match lazy.try_get_matches_from(&words) {
            Ok(m) => m,
            Err(e) => {
                use clap::error::ErrorKind;
                if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                    return Ok(());
                }
                let first = e.to_string().lines().next().unwrap_or_default().to_string();
                return Err(format!("does not parse ({first})"));
            }
        };
        let mut ran = Vec::new();
        let mut m = &matches;
        while let Some((name, sub)) = m.subcommand() {
            ran.push(name.to_string());
            m = sub;
        }
        if ran.starts_with(path) {
            return Ok(());
        }
        ran_any.push(format!("`bgpeer {}`", ran.join(" ")));
    }
    Err(format!("runs {} instead", ran_any.join(" and ")))
}

#[test]
fn every_command_ends_its_long_help_with_examples_that_parse() {
    let mut problems = Vec::new();
    for (path, cmd) in all_commands() {
        let shown = if path.is_empty() {
            "bgpeer".to_string()
        } else {
            format!("bgpeer {}", path.join(" "))
        };
        let examples = examples_of(&cmd);
        if examples.len() < 2 {
            problems.push(format!(
                "{shown}: after_long_help needs an `Examples:` section with two or three `$ bgpeer ...` lines (found {})",
                examples.len()
            ));
            continue;
        }
        for example in examples {
            if let Err(why) = check_example(&path, &example) {
                problems.push(format!("{shown}: example {why}: {example}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

#[test]
fn every_argument_has_help() {
    let mut problems = Vec::new();
    for (path, cmd) in all_commands() {
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if arg.is_hide_set() || id == "help" || id == "version" {
                continue;
            }
            let help = arg
                .get_long_help()
                .or_else(|| arg.get_help())
                .map(|h| h.to_string())
                .unwrap_or_default();
            if help.trim().is_empty() {
                let flag = arg
                    .get_long()
                    .map(|l| format!("--{l}"))
                    .unwrap_or_else(|| format!("<{id}>"));
                problems.push(format!(
                    "bgpeer {}: {flag} has no help text",
                    path.join(" ")
                ));
            }
        }
        if !path.is_empty() && cmd.get_about().is_none() {
            problems.push(format!("bgpeer {}: no about line", path.join(" ")));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

/// Arguments that take a file complete paths in every shell: a `PathBuf` argument gets that for
/// free, a `String` one (e.g. because it also takes `-` for stdin) needs
/// `value_hint = ValueHint::FilePath`.
#[test]
fn file_arguments_complete_paths() {
    use clap::ValueHint;
    let mut problems = Vec::new();
    for (path, cmd) in all_commands() {
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let names = arg.get_value_names().unwrap_or_default();
            let looks_like_a_file = arg.get_value_parser().type_id()
                == std::any::TypeId::of::<PathBuf>()
                || names.iter().any(|n| {
                    n.to_ascii_uppercase()
                        .split(|c: char| !c.is_ascii_alphanumeric())
                        .any(|w| matches!(w, "FILE" | "PATH" | "DIR"))
                });
            let completes_paths = matches!(
                arg.get_value_hint(),
                ValueHint::FilePath | ValueHint::DirPath | ValueHint::AnyPath
            );
            if looks_like_a_file && !completes_paths {
                problems.push(format!(
                    "bgpeer {}: --{} takes a file but completes none: add value_hint = ValueHint::FilePath",
                    path.join(" "),
                    arg.get_long().unwrap_or(arg.get_id().as_str())
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

#[test]
fn a_mistyped_flag_gets_the_closest_one_suggested() {
    let sb = Sandbox::new();
    let (code, stdout, stderr) = run(sb.cmd().args(["--outptu", "json", "vbr", "list"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("unexpected argument '--outptu'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("a similar argument exists: '--output'"),
        "{stderr}"
    );
}

#[test]
fn a_mistyped_command_gets_the_closest_one_suggested() {
    let sb = Sandbox::new();
    let (code, _, stderr) = run(sb.cmd().args(["peeer", "list"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("unrecognized subcommand 'peeer'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("a similar subcommand exists: 'peer'"),
        "{stderr}"
    );
}
