//! One module per resource or tool. Each takes the Context and its parsed arguments.

pub mod api;
pub mod auth_key;
pub mod bulk;
pub mod completions;
pub mod configure;
pub mod confirm;
pub mod context;
pub mod declarative;
pub mod dry_run;
pub mod emit;
pub mod emulator;
mod error;
pub mod export_credentials;
pub mod files;
pub mod group;
pub mod health;
pub mod network;
pub mod peer;
mod progress;
pub mod region;
pub mod report;
pub mod resource;
pub mod streams;
pub mod vbr;
pub mod wait;
pub mod whoami;

use crate::cli::{Command, Lazy};
pub use context::Context;
pub use error::CliError;

pub async fn dispatch(ctx: &Context, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Group(Lazy(c)) => group::run(ctx, c).await,
        Command::Peer(Lazy(c)) => peer::run(ctx, c).await,
        Command::Network(Lazy(c)) => network::run(ctx, c).await,
        Command::Vbr(Lazy(c)) => vbr::run(ctx, c).await,
        Command::Region(Lazy(c)) => region::run(ctx, c).await,
        Command::Watch(a) => health::watch::run(ctx, a).await,
        Command::Export(a) => declarative::export::run(ctx, a).await,
        Command::Plan(a) => declarative::plan::run(ctx, a).await,
        Command::Apply(a) => declarative::apply::run(ctx, a).await,
        Command::Api(a) => api::run(ctx, a).await,
        Command::Configure(a) => configure::run(ctx, a).await,
        Command::Whoami => whoami::run(ctx).await,
        Command::Emulator(a) => emulator::run(ctx, *a).await,
        Command::Completions { shell } => completions::run(ctx, shell),
    }
}
