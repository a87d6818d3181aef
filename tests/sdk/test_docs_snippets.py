"""The Python programs of docs/emulator.md ("Using the official Alibaba Cloud SDKs with the bgpeer
emulator") run as written, against a fresh emulator, and print what the chapter shows.

Each ```python block is taken from the chapter as it is; only the emulator's port (8765 for plain
HTTP, 8767 for HTTPS) is replaced by the test emulator's. A ```console block after it that runs
`$ python NAME.py` gives the expected output, compared with resource IDs and times normalised (the
chapter's examples say they may differ). The chapter's second `$ python tea.py` is the same program
with the `signature_algorithm = "v2"` line uncommented and another group name and peer address, as
the chapter says. The OIDC program runs against an HTTPS emulator accepting its token file, with
`SSL_CERT_FILE` as its comment says. The programs run in the order the chapter gives them, on one
emulator (the classic SDK lists the groups the Tea programs made).
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO_ROOT, start_emulator, stop_emulator

CHAPTER = REPO_ROOT / "docs" / "emulator.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.S | re.M)
RUN = re.compile(r"^\$ python (\S+\.py)$")


def snippets() -> list[tuple[str, str, list[str] | None]]:
    """(file name, program, expected output lines or None), in the chapter's order."""
    text = CHAPTER.read_text()
    programs: list[str] = []
    runs: list[tuple[int, str, list[str]]] = []
    for m in FENCE.finditer(text):
        lang, body = m.group(1), m.group(2)
        if lang == "python":
            programs.append(body)
        elif lang == "console":
            lines = body.splitlines()
            if lines and RUN.match(lines[0]):
                runs.append((len(programs), RUN.match(lines[0]).group(1), lines[1:]))
    # A run belongs to the last program before it.
    found: list[tuple[str, str, list[str] | None]] = []
    named: dict[str, str] = {}
    for index, program in enumerate(programs):
        mine = [(name, out) for at, name, out in runs if at == index + 1]
        if not mine:
            found.append(("unnamed.py", program, None))
        for name, out in mine:
            if name in named:
                program = v2_variant(named[name])
            named[name] = program
            found.append((name, program, out))
    return found


def v2_variant(program: str) -> str:
    """tea.py with HMAC-SHA1 and another group name and peer address, as the chapter describes."""
    changes = [
        ('# config.signature_algorithm = "v2"', 'config.signature_algorithm = "v2"'),
        ('name="idc-a"', 'name="idc-b"'),
        ('peer_ip_address="10.64.73.2"', 'peer_ip_address="10.64.73.6"'),
    ]
    for old, new in changes:
        assert program.count(old) == 1, f"tea.py no longer has {old!r}: update this test and the chapter"
        program = program.replace(old, new)
    return program


def normalised(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        line = re.sub(r"\b(bgpg?|vbr)-[0-9a-z]{20,}\b", r"\1-ID", line)
        line = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "TIME", line)
        out.append(line.rstrip())
    return out


def jwt() -> str:
    def part(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    claims = {"sub": "system:serviceaccount:default:bgp-operator", "exp": int(time.time()) + 7200}
    return ".".join([part(b'{"alg":"RS256"}'), part(json.dumps(claims).encode()), part(b"signature")])


def run_program(workdir: Path, name: str, program: str, port: int, default_port: str, **env: str) -> str:
    assert default_port in program, f"{name} does not call the emulator at port {default_port}"
    path = workdir / name
    path.write_text(program.replace(default_port, str(port)))
    environment = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    environment.update(env)
    result = subprocess.run([sys.executable, name], cwd=workdir, env=environment, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, f"{name} failed:\n{program}\n{result.stderr}"
    return result.stdout


def test_the_chapter_has_the_programs_it_promises():
    names = [name for name, _, _ in snippets()]
    assert names == ["tea.py", "tea.py", "wrong_secret.py", "classic.py", "sts.py", "unnamed.py"], names


def test_the_sdk_programs_of_the_emulator_chapter_run_as_written(bgpeer, tmp_path):
    emulator = start_emulator(bgpeer, tmp_path)
    try:
        for name, program, expected in snippets():
            if "8765" not in program:
                continue  # the OIDC program needs HTTPS: below
            printed = run_program(tmp_path, name, program, emulator.port, "8765")
            assert expected is not None, f"{name} has no output in the chapter"
            assert normalised(printed.splitlines()) == normalised(expected), f"{name} printed:\n{printed}"
    finally:
        stop_emulator(emulator)


def test_the_oidc_program_runs_as_written(bgpeer, tmp_path):
    (program,) = [p for _, p, _ in snippets() if "OIDCRoleArnCredentialsProvider" in p]
    # As its comment says: an HTTPS emulator accepting token.jwt, and SSL_CERT_FILE=ca.pem.
    assert "--accept-token oidc=@token.jwt" in program and "SSL_CERT_FILE=ca.pem" in program
    (tmp_path / "token.jwt").write_text(jwt() + "\n")
    emulator = start_emulator(bgpeer, tmp_path, "--accept-token", f"oidc=@{tmp_path / 'token.jwt'}", tls=True)
    try:
        printed = run_program(tmp_path, "oidc.py", program, emulator.port, "8767",
                              SSL_CERT_FILE=str(emulator.ca_path))
    finally:
        stop_emulator(emulator)
    assert printed == "28 regions\n", printed
