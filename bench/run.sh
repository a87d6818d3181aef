#!/usr/bin/env bash
# The benchmark of issue 7 in one command: bgpeer against the official Python Tea SDK, side by side,
# against one local `bgpeer emulator` (loopback only). See BENCHMARKS.md.
#
#   bench/run.sh            # the full run (a few minutes); results in bench/results/latest.json
#   bench/run.sh --quick    # a smoke run (about a minute); results in bench/results/quick.json
#   bench/run.sh --only=f   # some figures only (a,b,c,e,f); results in bench/results/only-*.json
#
# Steps: release build of bgpeer and of the load generator (examples/loadgen.rs), the venv with the
# pinned official SDKs (scripts/sdk-venv.sh), then bench/bench.py starts the emulator and measures.
set -euo pipefail
cd "$(dirname "$0")/.."

for arg in "$@"; do
    case "$arg" in
    --quick | --only=*) ;;
    -h | --help)
        sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "error: unknown argument '$arg'; use --quick, --only=FIGURES or nothing" >&2
        exit 2
        ;;
    esac
done

if [[ ! -x /usr/bin/time ]]; then
    echo "error: /usr/bin/time (GNU time) is missing; it measures peak memory: apt-get install time" >&2
    exit 1
fi

echo "bench: building bgpeer and the load generator (release)" >&2
cargo build --release --quiet --bin bgpeer --example loadgen
scripts/sdk-venv.sh >&2

if [[ "$(nproc)" -lt 2 ]]; then
    echo "bench: warning: fewer than 2 CPUs; figures are not comparable with BENCHMARKS.md" >&2
fi
echo "bench: load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) (figures are only meaningful on a quiet machine)" >&2

exec .venv/bin/python bench/bench.py \
    --bgpeer target/release/bgpeer \
    --loadgen target/release/examples/loadgen \
    "$@"
