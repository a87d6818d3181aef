"""Shared fixtures of the SDK interop suite: the real `bgpeer` binary, a real `bgpeer emulator`
process on an ephemeral loopback port, and a sealed environment for running the binary.

The binary comes from env BGPEER_BIN (default: target/debug/bgpeer, relative to the repo root);
scripts/test.sh points it at the binary it has just built. Nothing here talks to anything but
127.0.0.1.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

# Every request of this suite goes to loopback, never through a proxy. The Tea runtime reads
# HTTP(S)_PROXY itself and ignores NO_PROXY, so the proxy variables are dropped for the whole run.
for _var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
    os.environ.pop(_var, None)

# The emulator's well-known test key pair (bgpeer::emulator::TEST_ACCESS_KEY_ID / _SECRET in
# src/emulator/mod.rs): accepted when `bgpeer emulator` is started without --key.
TEST_ACCESS_KEY_ID = "LTAI5tBgpeerEmulatorKey"
TEST_ACCESS_KEY_SECRET = "bgpeer-emulator-secret"


def bgpeer_bin() -> Path:
    raw = os.environ.get("BGPEER_BIN", "target/debug/bgpeer")
    path = Path(raw)
    if not path.is_absolute():
        path = REPO_ROOT / path
    return path


@pytest.fixture(scope="session")
def bgpeer() -> Path:
    path = bgpeer_bin()
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(
            f"bgpeer binary not found at {path}: run `cargo build` first, "
            "or set BGPEER_BIN to the binary to test",
            pytrace=False,
        )
    return path


def sealed_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment for the bgpeer binary that reads no user config and never leaves loopback."""
    env = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "NO_COLOR": "1",
        "TZ": "UTC",
        "BGPEER_RETRY_BASE_DELAY": "0",
        "ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true",
        "BGPEER_EMULATOR_STATE": str(home / "emulator-state.json"),
    }
    env.update(extra)
    return env


@dataclass
class Emulator:
    """A running `bgpeer emulator --listen 127.0.0.1:0` process."""

    process: subprocess.Popen
    host: str  # "127.0.0.1"
    port: int
    log_path: Path
    # With TLS (start_emulator(..., tls=True)): the PEM file of the throw-away CA that signed the
    # emulator's certificate (valid for localhost, 127.0.0.1 and ::1), for clients to trust.
    ca_path: Path | None = None

    @property
    def hostport(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def scheme(self) -> str:
        return "https" if self.ca_path else "http"

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.hostport}"

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""


def start_emulator(binary: Path, workdir: Path, *extra: str, tls: bool = False) -> Emulator:
    """Starts `bgpeer emulator` on a free loopback port. With `tls`, it serves HTTPS (and plain
    HTTP on the same port) with a throw-away CA written to `workdir / "emulator-ca.pem"`."""
    ready = workdir / "ready"
    log_path = workdir / "emulator.log"
    ca_path = workdir / "emulator-ca.pem" if tls else None
    tls_flags = ["--tls-self-signed", "--tls-ca-out", str(ca_path)] if ca_path else []
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [
                str(binary),
                "emulator",
                "--listen",
                "127.0.0.1:0",
                "--ready-file",
                str(ready),
                "--settle-ms",
                "0",
                *tls_flags,
                *extra,
            ],
            env=sealed_env(workdir),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    # A generous bound on start-up, not a timing assertion: a loaded 2-core machine can be slow.
    deadline = time.monotonic() + 60
    while True:
        if ready.exists():
            addr = ready.read_text().strip()
            if addr:
                break
        if process.poll() is not None:
            raise RuntimeError(
                f"bgpeer emulator exited with {process.returncode} before it was ready:\n"
                + log_path.read_text(errors="replace")
            )
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("bgpeer emulator did not write its ready file within 60s")
        time.sleep(0.02)
    # With TLS the ready file holds the URL, https://IP:PORT.
    scheme, sep, bare = addr.partition("://")
    assert (scheme == "https") == tls if sep else not tls, f"unexpected ready file {addr!r}"
    host, _, port = (bare if sep else addr).rpartition(":")
    host = host.strip("[]")
    assert host in ("127.0.0.1", "::1"), f"emulator bound to a non-loopback address {addr!r}"
    return Emulator(process=process, host=host, port=int(port), log_path=log_path, ca_path=ca_path)


def stop_emulator(emulator: Emulator) -> None:
    if emulator.process.poll() is None:
        emulator.process.terminate()
        try:
            emulator.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            emulator.process.kill()
            emulator.process.wait()


@pytest.fixture
def emulator(bgpeer: Path, tmp_path: Path):
    """A fresh emulator (in-memory seeded world, objects Available at once) for one test."""
    emu = start_emulator(bgpeer, tmp_path)
    try:
        yield emu
    finally:
        stop_emulator(emu)
