//! `bgpeer completions SHELL`: prints the completion script generated from the clap tree.
//!
//! The same function produces the checked-in `completions/` files (see `tests/it/generated_files.rs`),
//! so what the command prints and what the repository ships can't differ. bgpeer never writes to
//! the user's rc files: installing the script is the user's call (see `bgpeer completions --help`).

use clap_complete::{Generator, Shell};

use super::Context;

/// The name the scripts complete: the installed binary's name, whatever argv[0] was.
pub const BIN_NAME: &str = "bgpeer";

/// The completion script for `shell`, generated from the clap tree.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut cmd = crate::cli::full_command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, BIN_NAME, &mut buf);
    if shell == Shell::Fish {
        let repaired = fish::repair(&String::from_utf8_lossy(&buf), &cmd);
        buf = repaired.into_bytes();
    }
    buf
}

/// clap_complete's default file name for `shell` (`bgpeer.bash`, `_bgpeer`, `bgpeer.fish`,
/// `_bgpeer.ps1`, `bgpeer.elv`).
pub fn file_name(shell: Shell) -> String {
    shell.file_name(BIN_NAME)
}

pub fn run(ctx: &Context, shell: Shell) -> anyhow::Result<()> {
    ctx.write_stdout(&script(shell))?;
    Ok(())
}

/// Two gaps in clap_complete's fish output, filled from the same clap tree:
///
/// - values of positional arguments are never offered (clap-rs/clap#6295), so
///   `bgpeer completions <TAB>` completed file names;
/// - every top-level candidate hides behind a guard that fails while a top-level option still
///   waits for its value, so `bgpeer --output <TAB>` completed file names too.
mod fish {
    use std::fmt::Write as _;

    const GUARD: &str =
        "    argparse -s (__fish_bgpeer_global_optspecs) -- $cmd 2>/dev/null\n    or return\n";
    const RELAXED_GUARD: &str = "    # An option still waiting for its value (`bgpeer --output <TAB>`) fails argparse: the\n    # command line is still at the top level, so the top-level candidates apply.\n    argparse -s (__fish_bgpeer_global_optspecs) -- $cmd 2>/dev/null\n    or return 0\n";

    pub(super) fn repair(script: &str, root: &clap::Command) -> String {
        let mut out = script.replacen(GUARD, RELAXED_GUARD, 1);
        let mut extra = String::new();
        positional_values(root, &mut Vec::new(), &mut extra);
        if !extra.is_empty() {
            out.push_str(
                "\n# Values of positional arguments (added by bgpeer, see clap-rs/clap#6295).\n",
            );
            out.push_str(&extra);
        }
        out
    }

    fn positional_values<'a>(cmd: &'a clap::Command, path: &mut Vec<&'a str>, out: &mut String) {
        if !path.is_empty() {
            let condition = condition(cmd, path);
            for arg in cmd.get_positionals().filter(|a| !a.is_hide_set()) {
                let values: Vec<_> = arg
                    .get_possible_values()
                    .into_iter()
                    .filter(|v| !v.is_hide_set())
                    .collect();
                if values.is_empty() {
                    if arg.get_value_hint() == clap::ValueHint::FilePath {
                        let _ = writeln!(out, "complete -c bgpeer -n \"{condition}\" -F");
                    }
                    continue;
                }
                for value in values {
                    let _ = write!(
                        out,
                        "complete -c bgpeer -n \"{condition}\" -f -a {}",
                        quote(value.get_name())
                    );
                    if let Some(help) = value.get_help() {
                        let _ = write!(out, " -d {}", quote(&help.to_string()));
                    }
                    out.push('\n');
                }
            }
        }
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            path.push(sub.get_name());
            positional_values(sub, path, out);
            path.pop();
        }
    }

    /// The condition clap_complete uses for the options of the command at `path`.
    fn condition(cmd: &clap::Command, path: &[&str]) -> String {
        let mut c = format!("__fish_bgpeer_using_subcommand {}", path[0]);
        for name in &path[1..] {
            let _ = write!(c, "; and __fish_seen_subcommand_from {name}");
        }
        let subs: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
        if !subs.is_empty() {
            let _ = write!(
                c,
                "; and not __fish_seen_subcommand_from {}",
                subs.join(" ")
            );
        }
        c
    }

    /// A fish single-quoted string: nothing inside is expanded.
    fn quote(s: &str) -> String {
        format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}
