//! The integration tests, one binary (as ripgrep does): each file below was its own test binary
//! once, and each linked the whole dependency tree (axum, reqwest, tokio) again.
//!
//! Run one part with a filter on its module path, e.g. `cargo test --test it readme::` or
//! `cargo test --test it client_behaviour::`.

mod support;

mod aliyun_sign_in;
mod architecture;
mod chaos;
mod cli_group_peer;
mod cli_network_bulk;
mod cli_vbr_region_api;
mod client_behaviour;
mod completion_live;
mod config_credentials;
mod declarative;
mod emulator_actions;
mod emulator_server;
mod emulator_simulation;
mod generated_files;
mod health;
mod hostile_input;
mod https;
mod in_process;
mod oidc_credentials;
mod output_snapshots;
mod promises;
mod query;
mod readme;
mod signing_vectors;
