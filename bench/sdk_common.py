"""Shared helpers of the SDK side of the benchmark: a Tea SDK VPC client for a loopback emulator.

Only loopback endpoints are accepted: the benchmark never sends traffic anywhere else.
"""

from __future__ import annotations

import ipaddress
import os
import sys

# The Tea runtime reads HTTP(S)_PROXY itself and ignores NO_PROXY: drop them (loopback only).
for _var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
    os.environ.pop(_var, None)

from alibabacloud_tea_openapi.models import Config  # noqa: E402
from alibabacloud_vpc20160428.client import Client  # noqa: E402

# The emulator's well-known test key pair (bgpeer::emulator::TEST_ACCESS_KEY_ID / _SECRET).
TEST_ACCESS_KEY_ID = "LTAI5tBgpeerEmulatorKey"
TEST_ACCESS_KEY_SECRET = "bgpeer-emulator-secret"


def loopback_hostport(raw: str) -> str:
    """`http://127.0.0.1:PORT` or `127.0.0.1:PORT` -> `127.0.0.1:PORT`; anything else is refused."""
    hostport = raw.removeprefix("http://").rstrip("/")
    host = hostport.rsplit(":", 1)[0].strip("[]")
    try:
        ok = ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = False
    if not ok:
        sys.exit(f"error: endpoint {raw!r} is not a loopback IP; the benchmark only talks to 127.0.0.1 or ::1")
    return hostport


def client(endpoint: str, region: str = "cn-shanghai") -> Client:
    return Client(
        Config(
            access_key_id=TEST_ACCESS_KEY_ID,
            access_key_secret=TEST_ACCESS_KEY_SECRET,
            endpoint=loopback_hostport(endpoint),  # host:port only (a scheme would be signed as the host)
            protocol="http",
            region_id=region,
        )
    )
