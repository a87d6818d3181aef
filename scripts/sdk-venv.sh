#!/usr/bin/env bash
# Creates .venv at the repo root with the pinned official Alibaba Cloud Python SDKs and pytest
# (tests/sdk/requirements.txt), for the SDK interop suite in tests/sdk.
#
# Idempotent and fast when nothing changed: the venv records the hash of the requirements file and
# the interpreter's version, and is only (re)built when either differs or the venv is broken.
#
#   scripts/sdk-venv.sh            # create or refresh .venv
#   PYTHON=python3.11 scripts/sdk-venv.sh
#   BGPEER_VENV=/tmp/v scripts/sdk-venv.sh
set -euo pipefail
cd "$(dirname "$0")/.."

python="${PYTHON:-python3}"
venv="${BGPEER_VENV:-.venv}"
requirements="tests/sdk/requirements.txt"
stamp="$venv/.bgpeer-sdk-stamp"

if ! command -v "$python" >/dev/null 2>&1; then
    echo "error: $python not found; install Python 3.11 or set PYTHON to an interpreter" >&2
    exit 1
fi

want="$(
    {
        "$python" -c 'import sys; print(sys.version)'
        cat "$requirements"
    } | sha256sum | cut -d' ' -f1
)"

if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]] &&
    "$venv/bin/python" -c 'import pytest, alibabacloud_vpc20160428, aliyunsdkvpc' >/dev/null 2>&1; then
    echo "sdk-venv: $venv is up to date ($("$venv/bin/python" --version))"
    exit 0
fi

echo "sdk-venv: creating $venv with $("$python" --version) and $requirements"
rm -rf "$venv"
if ! "$python" -m venv "$venv"; then
    rm -rf "$venv"
    echo "error: '$python -m venv' failed; on Debian/Ubuntu install the venv module: apt-get install python3-venv" >&2
    exit 1
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
"$venv/bin/python" -m pip install --quiet --requirement "$requirements"
echo "$want" >"$stamp"
echo "sdk-venv: installed $(grep -cE '^[A-Za-z]' "$requirements") pinned packages into $venv"
