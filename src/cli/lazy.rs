//! [`Lazy`]: a resource's verbs, which clap builds only when the command line enters it.
//!
//! clap builds its whole tree before parsing. For bgpeer that is every verb of every resource:
//! about 600 KB of heap, and most of the start-up work of a command like `peer list`. Wrapped in
//! `Lazy`, a resource's subtree is built (with `Command::defer`) only when it is the one being run,
//! or when something asks for the whole tree (`Command::build`: help, completions, man pages).
//!
//! Generators that read the tree without parsing (completions, man pages) take it whole from
//! [`full_command`]: a tree built later would lack the verbs under `bgpeer help RESOURCE`.
//!
//! Only subcommand enums are wrapped: an `Args` struct built late would put the global flags before
//! the command's own in its help, and its doc comment over the one on its variant.

use std::cell::Cell;

use clap::{ArgMatches, Command, CommandFactory, Error, FromArgMatches, Subcommand};

thread_local! {
    /// Set while [`full_command`] builds the tree: then nothing is deferred.
    static EAGER: Cell<bool> = const { Cell::new(false) };
}

/// The whole clap tree, every verb built, for generators (completions, man pages).
pub fn full_command() -> Command {
    EAGER.with(|e| e.set(true));
    let cmd = super::Cli::command();
    EAGER.with(|e| e.set(false));
    cmd
}

/// `T`'s part of the clap tree, built on first use. Parsing gives `Lazy(T)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lazy<T>(pub T);

impl<T: FromArgMatches> FromArgMatches for Lazy<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, Error> {
        T::from_arg_matches(matches).map(Lazy)
    }

    fn from_arg_matches_mut(matches: &mut ArgMatches) -> Result<Self, Error> {
        T::from_arg_matches_mut(matches).map(Lazy)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), Error> {
        self.0.update_from_arg_matches(matches)
    }

    fn update_from_arg_matches_mut(&mut self, matches: &mut ArgMatches) -> Result<(), Error> {
        self.0.update_from_arg_matches_mut(matches)
    }
}

/// A resource's verbs (`bgpeer peer ...`).
impl<T: Subcommand> Subcommand for Lazy<T> {
    fn augment_subcommands(cmd: Command) -> Command {
        if EAGER.with(Cell::get) {
            T::augment_subcommands(cmd)
        } else {
            cmd.defer(T::augment_subcommands)
        }
    }

    fn augment_subcommands_for_update(cmd: Command) -> Command {
        if EAGER.with(Cell::get) {
            T::augment_subcommands_for_update(cmd)
        } else {
            cmd.defer(T::augment_subcommands_for_update)
        }
    }

    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    /// The help of a command line, rendered by the tree the binary uses and by the whole tree.
    fn help(words: &[&str], tree: Command) -> String {
        let mut argv = vec!["bgpeer"];
        argv.extend(words);
        argv.push("--help");
        let err = tree.try_get_matches_from(argv).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::DisplayHelp, "{words:?}");
        err.to_string()
    }

    #[test]
    fn the_lazy_tree_parses_and_explains_every_verb_as_the_whole_tree_does() {
        let mut full = full_command();
        full.build();
        let mut checked = 0;
        for resource in full.get_subcommands().filter(|c| c.get_name() != "help") {
            let r = resource.get_name();
            assert_eq!(
                help(&[r], Cli::command()),
                help(&[r], full_command()),
                "{r}"
            );
            for verb in resource
                .get_subcommands()
                .filter(|c| c.get_name() != "help")
            {
                let v = verb.get_name();
                assert_eq!(
                    help(&[r, v], Cli::command()),
                    help(&[r, v], full_command()),
                    "{r} {v}"
                );
                checked += 1;
            }
        }
        assert!(checked > 20, "only {checked} verbs");
        // Global flags after a lazy resource's verb are still known.
        let cli = Cli::try_parse_from([
            "bgpeer",
            "peer",
            "list",
            "-o",
            "json",
            "--region",
            "cn-shanghai",
        ])
        .expect("parses");
        assert_eq!(cli.globals.region.as_deref(), Some("cn-shanghai"));
        assert!(matches!(cli.command, crate::cli::Command::Peer(Lazy(_))));
    }
}
