//! BGP health, pure: `vbr check`'s rules and `watch`'s events, as functions of what was read.
//! The commands (`commands/health/`) read the set-up and print; nothing here sends or prints.
//!
//! - [`setup`]: the set-up judged, VBR by VBR;
//! - [`rules`]: the findings of `vbr check`, with their codes and severities;
//! - [`events`]: the changes `watch` reports, and its `--until` conditions;
//! - [`net`]: interconnect subnets and AS number classes.

pub mod events;
pub mod net;
pub mod rules;
pub mod setup;
