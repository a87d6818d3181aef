//! bgpeer: parse -> build Context -> dispatch -> report. Nothing else lives here.

pub mod api;
pub mod cli;
pub mod client;
pub mod commands;
pub mod config;
pub mod context;
pub mod credentials;
pub mod emulator;
pub mod error;
pub mod output;
pub mod secret;
pub mod signing;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command, ErrorFormat, OutputFormat};
use crate::context::{Context, Env, Terminal};
use crate::error::{CliError, Exit};

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
    let result = runtime.block_on(async {
        tokio::select! {
            r = commands::dispatch(&ctx, command) => r,
            _ = tokio::signal::ctrl_c() => Err(CliError::Interrupted.into()),
        }
    });
    // Don't wait for in-flight requests or background tasks on the way out.
    runtime.shutdown_background();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&ctx, &err).into(),
    }
}

/// Prints an error once, in the format the context asks for, and returns its exit code.
fn report(ctx: &Context, err: &anyhow::Error) -> Exit {
    if error::is_broken_pipe(err) {
        return Exit::Success;
    }
    let r = error::build_report(err);
    if r.exit == Exit::Interrupted {
        eprintln!("interrupted");
        return r.exit;
    }
    let json = match ctx.globals.error_format {
        Some(ErrorFormat::Json) => true,
        Some(ErrorFormat::Text) => false,
        None => {
            matches!(
                ctx.output_format(),
                OutputFormat::Json | OutputFormat::Ndjson
            ) && !ctx.term.stderr
        }
    };
    if json {
        eprintln!("{}", error::render_json(&r));
    } else {
        eprint!("{}", error::render_human(&r));
    }
    if ctx.globals.debug && r.exit == Exit::Bug {
        eprintln!("debug: {err:?}");
    }
    r.exit
}
