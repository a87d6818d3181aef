//! bgpeer: parse -> build Context -> dispatch -> report. Nothing else lives here.

pub mod api;
pub mod cli;
pub mod client;
pub mod commands;
pub mod config;
pub mod credentials;
pub mod emulator;
pub mod env;
pub mod exit;
pub mod output;
pub mod protocol;
pub mod secret;
pub mod settings;
pub mod signing;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::commands::context::{Context, Terminal};
use crate::commands::{report, CliError};
use crate::env::Env;
use crate::exit::Exit;

/// Runs bgpeer with these arguments and returns the process exit code.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    // Stage one: clap alone. --help, --version and usage errors never touch config or network.
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => Exit::Usage.into(),
            };
        }
    };
    let Cli { globals, command } = cli;
    let ctx = Context::new(globals, Env::from_process(), Terminal::probe());

    let runtime = match &command {
        // The standalone emulator serves many connections: use every core.
        Command::Emulator(_) => tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build(),
        _ => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build(),
    };
    let runtime = match runtime {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return Exit::Bug.into();
        }
    };
    // Ctrl-C drops the command's future, which cancels its in-flight requests (a bulk run stops
    // gracefully on the first one, see `commands::context::Stop`). The standalone emulator handles Ctrl-C
    // and SIGTERM itself: it drains connections and exits 0.
    let handles_signals = matches!(command, Command::Emulator(_));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        runtime.block_on(async {
            if handles_signals {
                return commands::dispatch(&ctx, command).await;
            }
            tokio::select! {
                r = commands::dispatch(&ctx, command) => r,
                _ = interrupted(&ctx) => Err(CliError::Interrupted.into()),
            }
        })
    }));
    // Don't wait for in-flight requests or background tasks on the way out.
    runtime.shutdown_background();
    match outcome {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(err)) => report(&ctx, &err).into(),
        // The panic message is already on stderr (default hook); say what it means.
        Err(_) => {
            eprintln!(
                "error: bgpeer stopped on an internal error\nhint: this is a bug in bgpeer; please report it with the command you ran"
            );
            Exit::Bug.into()
        }
    }
}

/// Resolves when Ctrl-C must drop the running command: at once, or on the second Ctrl-C while a
/// bulk run stops gracefully.
async fn interrupted(ctx: &Context) {
    loop {
        if tokio::signal::ctrl_c().await.is_err() {
            // No signal handler: nothing can interrupt us.
            std::future::pending::<()>().await;
        }
        if !ctx.stop.on_interrupt() {
            return;
        }
        ctx.notice(
            "stopping: no new items are sent; waiting for the ones in flight (Ctrl-C again to abort)",
        );
    }
}

/// Prints an error once, in the format the context asks for, and returns its exit code.
fn report(ctx: &Context, err: &anyhow::Error) -> Exit {
    use std::io::Write as _;
    if report::is_broken_pipe(err) {
        return Exit::Success;
    }
    let r = report::build_report(err);
    let text = if report::wants_json(
        ctx.globals.error_format,
        ctx.output_format(),
        ctx.term.stderr,
    ) {
        format!("{}\n", report::render_json(&r))
    } else {
        report::render_human(&r)
    };
    // A closed stderr must not turn an error into a panic: write, and ignore failure.
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    if ctx.globals.debug && r.exit == Exit::Bug {
        let _ = writeln!(stderr, "debug: {err:?}");
    }
    r.exit
}
