#!/usr/bin/env bash
# The project's test command (README "Quick start"): Rust tests, then the official-SDK interop suite.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --locked --all-targets
