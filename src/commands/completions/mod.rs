//! Shell completion, with clap_complete's dynamic engine: the shell's script only registers
//! bgpeer, and on every TAB runs `COMPLETE=<shell> bgpeer -- <words>`, which answers here.
//!
//! - `bgpeer completions SHELL` prints the registration script ([`script`]); the same bytes are
//!   checked in under `completions/` (see `tests/it/generated_files.rs`). `COMPLETE=SHELL bgpeer`
//!   (clap's own way) prints the same script, calling bgpeer by the path it was run as.
//! - A TAB is answered by [`complete_from_env`], which `lib::run` calls before anything else. The
//!   clap tree is the whole tree, with the live candidates (`candidates.rs`) attached at run time
//!   to the arguments that take IDs, regions and profiles, so `cli/` stays plain clap.
//! - clap has no way to show a completer what is already typed (clap-rs/clap#5784): the words
//!   before the cursor are kept here ([`line::Line`]) before the engine runs.
//!
//! bgpeer never writes to the user's rc files: installing the script is the user's call (see
//! `bgpeer completions --help`).

mod cache;
mod candidates;
mod line;

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::sync::{Arc, OnceLock};

use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Shells, Zsh};
use clap_complete::{CompleteEnv, Generator as _, Shell};

use super::Context;
use crate::env::Env;
use crate::exit::Exit;
use candidates::Kind;
use line::Line;

/// The name the scripts complete, and the program they call for candidates (found on `PATH`).
pub const BIN_NAME: &str = "bgpeer";

/// The variable that asks bgpeer for a script or for candidates (clap_complete's default).
const VAR: &str = "COMPLETE";

/// The registration script for `shell`, calling `bgpeer` on `PATH` for candidates.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    ShellAdapter::of(shell)
        .write_registration(VAR, BIN_NAME, BIN_NAME, BIN_NAME, &mut buf)
        .expect("writing into memory does not fail");
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

/// Answers `COMPLETE=<shell> bgpeer [-- WORDS]`: the registration script without words, the
/// candidates for the last of them with words. `None` when `COMPLETE` is unset, empty or `0`:
/// then this is an ordinary run, and nothing was built or written.
///
/// A TAB never shows an error in the shell: anything that goes wrong answers no candidates.
/// Path candidates are relative to `current_dir`, where the shell is.
pub fn complete_from_env(
    args: &[OsString],
    env: &Env,
    current_dir: Option<&std::path::Path>,
) -> Option<Exit> {
    if matches!(env.get(VAR), None | Some("" | "0")) {
        return None;
    }
    let answering_tab = args.iter().skip(1).any(|a| a == "--");
    if answering_tab {
        // A panic's message would land in the shell: keep it out, and answer nothing.
        std::panic::set_hook(Box::new(|_| {}));
    }
    let live = Arc::new(Live {
        env: env.clone(),
        line: OnceLock::new(),
    });
    let adapters: Vec<ShellAdapter> = SHELLS
        .iter()
        .map(|&shell| ShellAdapter {
            shell,
            live: Some(live.clone()),
        })
        .collect();
    let shells: Vec<&dyn EnvCompleter> = adapters.iter().map(|a| a as &dyn EnvCompleter).collect();
    let factory = || with_live_candidates(crate::cli::full_command(), &live);
    let answered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        CompleteEnv::with_factory(factory)
            .var(VAR)
            .bin(BIN_NAME)
            .shells(Shells(&shells))
            .try_complete(args.iter().cloned(), current_dir)
    }));
    match answered {
        Ok(Ok(true)) => Some(Exit::Success),
        Ok(Ok(false)) => None,
        Ok(Err(_)) | Err(_) if answering_tab => Some(Exit::Success),
        Ok(Err(e)) => {
            // `COMPLETE=tcsh bgpeer`: say which shells there are.
            let _ = e.print();
            Some(Exit::Usage)
        }
        Err(_) => Some(Exit::Bug),
    }
}

const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Elvish,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Zsh,
];

/// What the value completers share: the environment, and the words typed before the cursor
/// (set once the shell's words are known, before the engine asks for candidates).
struct Live {
    env: Env,
    line: OnceLock<Line>,
}

impl Live {
    /// The candidates of `kind` that start with `current`, with their one-line descriptions.
    fn complete(&self, kind: Kind, current: &OsStr) -> Vec<CompletionCandidate> {
        let Some(current) = current.to_str() else {
            return Vec::new();
        };
        let line = self.line.get().cloned().unwrap_or_default();
        let offered = std::panic::catch_unwind(|| candidates::offer(kind, &line, &self.env))
            .unwrap_or_default();
        offered
            .into_iter()
            .filter(|c| c.value.starts_with(current))
            .map(|c| {
                let help = Some(c.help).filter(|h| !h.is_empty());
                CompletionCandidate::new(c.value).help(help.map(Into::into))
            })
            .collect()
    }
}

/// `cmd` with a value completer on every argument whose values [`Kind::of`] knows, at every
/// level (global arguments carry theirs to every subcommand when the tree is built).
fn with_live_candidates(cmd: clap::Command, live: &Arc<Live>) -> clap::Command {
    cmd.mut_args(|arg| match Kind::of(&arg) {
        Some(kind) => {
            let live = live.clone();
            arg.add(ArgValueCompleter::new(move |current: &OsStr| {
                live.complete(kind, current)
            }))
        }
        None => arg,
    })
    .mut_subcommands(|sub| with_live_candidates(sub, live))
}

/// One of clap_complete's shells: its registration script (zsh's made to complete on its first
/// autoload), and bgpeer's answer to a TAB in the format the script reads.
struct ShellAdapter {
    shell: Shell,
    /// `None` when only the script is written.
    live: Option<Arc<Live>>,
}

impl ShellAdapter {
    fn of(shell: Shell) -> ShellAdapter {
        ShellAdapter { shell, live: None }
    }

    fn builtin(&self) -> &'static dyn EnvCompleter {
        match self.shell {
            Shell::Bash => &Bash,
            Shell::Elvish => &Elvish,
            Shell::Fish => &Fish,
            Shell::PowerShell => &Powershell,
            Shell::Zsh => &Zsh,
            // `Shell` is non-exhaustive; every shell it has today is above.
            _ => &Bash,
        }
    }

    /// The shell's words as the engine reads them, and the index of the word under the cursor.
    ///
    /// bash, zsh and elvish pass every word and the cursor's index (`_CLAP_COMPLETE_INDEX`); fish
    /// and PowerShell pass the line cut at the cursor, so the last word is the current one.
    fn words(&self, mut args: Vec<OsString>, env: &Env) -> (Vec<OsString>, usize) {
        let index_var = || {
            env.get("_CLAP_COMPLETE_INDEX")
                .and_then(|i| i.parse::<usize>().ok())
                .unwrap_or_default()
        };
        let mut index = match self.shell {
            Shell::Bash | Shell::Zsh | Shell::Elvish => index_var(),
            _ => args.len().saturating_sub(1),
        };
        if self.shell == Shell::Bash {
            // bash splits words at `=` and `:` (COMP_WORDBREAKS). `--region=cn-h` arrives as
            // `--region`, `=`, `cn-h`: read it as `--region cn-h`, which completes the same
            // value. `http://127.0.0.1:8080` arrives as `http`, `:`, `//127.0.0.1`, `:`, `8080`:
            // join it again where it was typed before the cursor.
            let mut i = 1;
            while i + 1 < args.len() && i < index {
                if args[i] == "=" && args[i - 1].to_str().is_some_and(is_long_flag) {
                    args.remove(i);
                    index -= 1;
                } else if args[i] == ":" && i > 1 && i + 1 < index {
                    let next = args.remove(i + 1);
                    args.remove(i);
                    args[i - 1].push(":");
                    args[i - 1].push(next);
                    index -= 2;
                } else {
                    i += 1;
                }
            }
        }
        // The engine takes a word that names a subcommand for that subcommand even where it is
        // an option's value: `-p emulator peer show <TAB>` would complete `bgpeer emulator`.
        // Attached, the value is only a value.
        let mut i = 1;
        while i + 1 < index {
            if args[i] == "-p" || args[i] == "--profile" {
                let mut joined = OsString::from("--profile=");
                joined.push(args.remove(i + 1));
                args[i] = joined;
                index -= 1;
            }
            i += 1;
        }
        while args.len() <= index {
            args.push(OsString::new());
        }
        (args, index)
    }

    /// The candidates, in the format the registration script reads.
    fn write_candidates(
        &self,
        candidates: &[CompletionCandidate],
        env: &Env,
        buf: &mut dyn Write,
    ) -> std::io::Result<()> {
        let help_line = |c: &CompletionCandidate| {
            c.get_help()
                .map(|h| h.to_string().lines().next().unwrap_or_default().to_string())
        };
        let ifs = env.get("_CLAP_IFS").unwrap_or("\n");
        for (i, c) in candidates.iter().enumerate() {
            let value = c.get_value().to_string_lossy();
            match self.shell {
                Shell::Fish | Shell::PowerShell => {
                    write!(buf, "{value}")?;
                    if let Some(help) = help_line(c) {
                        write!(buf, "\t{help}")?;
                    }
                    writeln!(buf)?;
                }
                Shell::Zsh => {
                    if i != 0 {
                        write!(buf, "{ifs}")?;
                    }
                    write!(buf, "{}", value.replace('\\', "\\\\").replace(':', "\\:"))?;
                    if let Some(help) = help_line(c) {
                        write!(buf, ":{}", help.replace('\\', "\\\\"))?;
                    }
                }
                _ => {
                    if i != 0 {
                        write!(buf, "{ifs}")?;
                    }
                    write!(buf, "{value}")?;
                }
            }
        }
        Ok(())
    }
}

fn is_long_flag(word: &str) -> bool {
    word.len() > 2 && word.starts_with("--")
}

/// An option or flag offered by the engine (`--output`, `-o`), as opposed to a value or a
/// subcommand.
fn is_option(c: &CompletionCandidate) -> bool {
    c.get_id().is_some_and(|id| id.starts_with("arg::"))
}

impl EnvCompleter for ShellAdapter {
    fn name(&self) -> &'static str {
        self.builtin().name()
    }

    fn is(&self, name: &str) -> bool {
        self.builtin().is(name)
    }

    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> std::io::Result<()> {
        self.builtin()
            .write_registration(var, name, bin, completer, buf)?;
        if self.shell == Shell::Zsh {
            // compinit autoloads this file as the function `_bgpeer` on the first TAB; clap's
            // script only registers its completer then (`compdef`), so that TAB would offer
            // nothing. Complete it too.
            let completer_fn = format!("_clap_dynamic_completer_{}", name.replace('-', "_"));
            write!(
                buf,
                "\n# Autoloaded from $fpath as _{bin} (compinit): also complete the first TAB.\n\
                 if [[ \"${{funcstack[1]}}\" == \"_{bin}\" ]]; then\n    {completer_fn} \"$@\"\nfi\n"
            )?;
        }
        Ok(())
    }

    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&std::path::Path>,
        buf: &mut dyn Write,
    ) -> std::io::Result<()> {
        let Some(live) = &self.live else {
            return Ok(());
        };
        let (args, index) = self.words(args, &live.env);
        let _ = live.line.set(Line::scan(&args[1.min(index)..index]));
        let current_is_empty = args[index].is_empty();
        let Ok(mut candidates) = clap_complete::engine::complete(cmd, args, index, current_dir)
        else {
            return Ok(());
        };
        // Options are offered once a `-` is typed, as git's and cobra's completions do: at an
        // empty word, `peer show <TAB>` lists peers, not twenty flags, and offers nothing rather
        // than flags when there are no peers.
        if current_is_empty {
            candidates.retain(|c| !is_option(c));
        }
        self.write_candidates(&candidates, &live.env, buf)
    }
}
