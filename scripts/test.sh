#!/usr/bin/env bash
# The project's test command (README "Quick start"), run from anywhere in a checkout:
#   1. builds bgpeer,
#   2. runs every Rust test (`cargo test --locked`: unit, integration and doc tests),
#   3. creates .venv with the pinned official Alibaba Cloud Python SDKs (scripts/sdk-venv.sh),
#   4. runs the SDK interop suite (tests/sdk) against the binary just built.
# Exits non-zero if any step fails; a pytest run that collects no test is a failure too.
set -euo pipefail
cd "$(dirname "$0")/.."
# Tests talk to loopback only: never let a credential chain probe the ECS metadata address.
export ALIBABA_CLOUD_ECS_METADATA_DISABLED=true

target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in
/*) ;;
*) target_dir="$PWD/$target_dir" ;;
esac

echo "==> cargo build --locked"
cargo build --locked

echo "==> cargo test --locked"
cargo test --locked

echo "==> scripts/sdk-venv.sh"
scripts/sdk-venv.sh

echo "==> pytest tests/sdk (official Python SDKs against bgpeer)"
status=0
BGPEER_BIN="$target_dir/debug/bgpeer" .venv/bin/python -m pytest tests/sdk || status=$?
if [[ $status -eq 5 ]]; then
    echo "error: pytest collected no tests in tests/sdk" >&2
    exit 1
fi
exit "$status"
