//! bgpeer: parse -> build Context -> dispatch -> report. Nothing else lives here.

pub mod api;
pub mod cli;
pub mod client;
pub mod clock;
pub mod commands;
pub mod config;
pub mod credentials;
pub mod declarative;
pub mod emulator;
pub mod env;
pub mod exit;
pub mod health;
pub mod output;
pub mod protocol;
pub mod seconds;
pub mod secret;
pub mod settings;
pub mod signing;
pub mod tls;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::commands::context::{Context, Host};
use crate::commands::streams::Streams;
use crate::commands::{report, CliError};
use crate::exit::Exit;

/// Runs bgpeer with these arguments and returns the process exit code.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let host = Host::process();
    // `COMPLETE=<shell> bgpeer ...`: the shell asks for its script or for candidates. It is
    // answered before anything else is written.
    let current_dir = std::env::current_dir().ok();
    if let Some(exit) =
        commands::completions::complete_from_env(&args, &host.env, current_dir.as_deref())
    {
        return exit.into();
    }
    run_with(args, host).into()
}

/// Runs bgpeer with these arguments on this host (environment, terminal, streams, clock): the
/// whole program, in process (tests give it in-memory streams and any clock, see
/// [`Host::in_memory`]). Must not be called from inside an async runtime: it starts its own.
pub fn run_with<I, T>(args: I, host: Host) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    // Stage one: clap alone. --help, --version and usage errors never touch config or network.
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            print_clap_error(&e, &host.streams);
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    Exit::Success
                }
                _ => Exit::Usage,
            };
        }
    };
    let Cli { globals, command } = cli;
    // export and plan print for people unless JSON is asked for, even into a pipe: so do their errors.
    let human_output = matches!(command, Command::Export(_) | Command::Plan(_));
    let on_process_streams = host.streams.is_process();
    let ctx = Context::on(globals, host);
    // A bad --query is a usage error before anything is read or sent.
    if let Err(err) = commands::emit::check_query(&ctx, &command) {
        return report(&ctx, &err, human_output);
    }

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
            ctx.write_stderr(&format!("error: cannot start the async runtime: {e}\n"));
            return Exit::Bug;
        }
    };
    // Ctrl-C drops the command's future, which cancels its in-flight requests (a bulk run stops
    // gracefully on the first one, see `commands::context::Stop`). The standalone emulator handles
    // Ctrl-C and SIGTERM itself: it drains connections and exits 0. A run in process (a test)
    // leaves the process's signals alone.
    let on_ctrl_c = on_process_streams && !matches!(command, Command::Emulator(_));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        runtime.block_on(async {
            if !on_ctrl_c {
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
        Ok(Ok(())) => Exit::Success,
        Ok(Err(err)) => report(&ctx, &err, human_output),
        // The panic message is already on stderr (default hook); say what it means.
        Err(_) => {
            ctx.write_stderr(
                "error: bgpeer stopped on an internal error\nhint: this is a bug in bgpeer; please report it with the command you ran\n",
            );
            Exit::Bug
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
        let notice = ctx.stop.notice();
        if !notice.is_empty() {
            ctx.notice(notice);
        }
    }
}

/// Prints an error once, in the format the context asks for, and returns its exit code.
fn report(ctx: &Context, err: &anyhow::Error, human_output: bool) -> Exit {
    if report::is_broken_pipe(err) {
        return Exit::Success;
    }
    if let Some(CliError::Quiet(exit)) = err.downcast_ref::<CliError>() {
        return *exit;
    }
    let r = report::build_report(err);
    let output = if human_output {
        commands::declarative::explicit_format(ctx)
    } else {
        ctx.output_format()
    };
    let text = if report::wants_json(ctx.globals.error_format, output, ctx.term.stderr) {
        format!("{}\n", report::render_json(&r))
    } else {
        report::render_human(&r)
    };
    // A closed stderr must not turn an error into a panic: write, and ignore failure.
    ctx.write_stderr(&text);
    if ctx.globals.debug && r.exit == Exit::Bug {
        ctx.write_stderr(&format!("debug: {err:?}\n"));
    }
    r.exit
}

/// Prints clap's help, version or usage error: coloured on the process's streams, plain text on
/// in-memory ones.
fn print_clap_error(e: &clap::Error, streams: &Streams) {
    use std::io::Write as _;
    if streams.is_process() {
        let _ = e.print();
        return;
    }
    let text = e.render().to_string();
    let _ = if e.use_stderr() {
        streams.stderr().write_all(text.as_bytes())
    } else {
        streams.stdout().write_all(text.as_bytes())
    };
}
