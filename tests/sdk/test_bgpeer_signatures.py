"""bgpeer's signatures are the ones the official SDKs compute.

A small HTTP server on 127.0.0.1 captures the requests the real `bgpeer` binary sends
(`bgpeer --endpoint http://127.0.0.1:PORT api CreateBgpPeer --param ...`, env credentials) and each
signature is recomputed with the SDKs' OWN signing functions, from what arrived on the wire:

* ACS3-HMAC-SHA256 (`--signature-version v3`): `alibabacloud_tea_openapi.utils.Utils.get_authorization`
  (the Tea 0.4.6 / Darabonba runtime) and `alibabacloud_openapi_util.client.Client.get_authorization`;
* HMAC-SHA1 (`--signature-version v2`): `Utils.get_rpcsignature` of both Tea packages, and the classic
  `aliyunsdkcore` RPC composer (string to sign) with its `sha_hmac1` signer.

Every case runs with and without ALIBABA_CLOUD_SECURITY_TOKEN and with awkward values (space, `*`,
`~`, `+`, `/`, `=`, `&`, unicode, an empty value, upper/lower-case names).
"""

from __future__ import annotations

import hashlib
import http.server
import json
import re
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from alibabacloud_openapi_util.client import Client as OpenApiUtil
from alibabacloud_tea_openapi.utils import Utils as TeaUtils
from aliyunsdkcore.auth.algorithm import sha_hmac1
from aliyunsdkcore.auth.composer import rpc_signature_composer
from darabonba.request import DaraRequest
from Tea.request import TeaRequest

from conftest import sealed_env

ACCESS_KEY_ID = "LTAI5tCaptureKeyId"
ACCESS_KEY_SECRET = "capture/Secret+with=odd&chars"
SECURITY_TOKEN = "CAIS+token/ex=1==~*"
REGION = "cn-shanghai"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()

# The classic core composes its string to sign in a module-level function.
classic_string_to_sign = getattr(rpc_signature_composer, "__compose_string_to_sign")

PARAM_SETS = {
    "plain": [
        ("BgpGroupId", "bgpg-bp1k25cyp26cllath0001"),
        ("PeerIpAddress", "116.62.1.1"),
        ("EnableBfd", "true"),
        ("BfdMultiHop", "3"),
    ],
    "awkward": [
        ("BgpGroupId", "bgpg-a b*c~d+e/f=g&h%i"),
        ("PeerIpAddress", "fe80::1%eth0"),
        ("IpVersion", "IPv6"),
        ("Description", "été 路由 ü\u00a0~*+/= end"),
        ("aLowercaseName", "x"),
        ("ZUppercaseName", "y"),
        ("EmptyValue", ""),
    ],
    # Over 4 KiB of parameters: bgpeer sends them in a form body, which both signatures cover.
    "huge": [
        ("BgpGroupId", "bgpg-bp1k25cyp26cllath0001"),
        ("PeerIpAddress", "116.62.1.1"),
        ("Description", "d" * 2000 + " été+/=&% " + "e" * 3000),
    ],
}


@dataclass
class Captured:
    method: str
    path: str
    headers: list[tuple[str, str]]
    body: bytes
    server_port: int = 0

    def header(self, name: str) -> str | None:
        values = [v for k, v in self.headers if k.lower() == name.lower()]
        assert len(values) <= 1, f"header {name} sent {len(values)} times: {values}"
        return values[0] if values else None

    @property
    def query_pairs(self) -> list[tuple[str, str]]:
        # Form semantics ('+' is a space), as the gateway decodes a query: an unencoded '+' sent
        # by bgpeer would therefore show up as a wrong value and a wrong signature.
        return parse_qsl(urlsplit(self.path).query, keep_blank_values=True, strict_parsing=False)

    @property
    def form_pairs(self) -> list[tuple[str, str]]:
        ctype = (self.header("content-type") or "").split(";")[0].strip().lower()
        if ctype == "application/x-www-form-urlencoded" and self.body:
            return parse_qsl(self.body.decode("utf-8"), keep_blank_values=True)
        return []


class CaptureServer:
    """Records every request and answers a JSON CreateBgpPeer success body."""

    def __init__(self) -> None:
        self.requests: list[Captured] = []
        captured = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                captured.append(
                    Captured(self.command, self.path, list(self.headers.items()), body)
                )
                answer = json.dumps(
                    {"RequestId": "5A3C2F1E-0000-4000-8000-C0FFEE000001", "BgpPeerId": "bgp-captured"}
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json;charset=utf-8")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            do_GET = do_POST = _handle

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "CaptureServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def run_bgpeer(bgpeer: Path, home: Path, port: int, version: str, token: str | None, params):
    extra = {
        "ALIBABA_CLOUD_ACCESS_KEY_ID": ACCESS_KEY_ID,
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET": ACCESS_KEY_SECRET,
    }
    if token is not None:
        extra["ALIBABA_CLOUD_SECURITY_TOKEN"] = token
    argv = [
        str(bgpeer),
        "--endpoint",
        f"http://127.0.0.1:{port}",
        "--region",
        REGION,
        "--signature-version",
        version,
        "--max-attempts",
        "1",
        "-o",
        "json",
        "api",
        "CreateBgpPeer",
    ]
    for name, value in params:
        argv += ["--param", f"{name}={value}"]
    return subprocess.run(
        argv, env=sealed_env(home, **extra), capture_output=True, text=True, timeout=120
    )


def capture_one(bgpeer: Path, tmp_path: Path, version: str, token: str | None, params) -> Captured:
    with CaptureServer() as server:
        result = run_bgpeer(bgpeer, tmp_path, server.port, version, token, params)
    assert result.returncode == 0, f"bgpeer exited {result.returncode}\nstderr:\n{result.stderr}"
    assert json.loads(result.stdout)["BgpPeerId"] == "bgp-captured"
    assert len(server.requests) == 1, f"expected one request, got {len(server.requests)}"
    req = server.requests[0]
    req.server_port = server.port
    return req


AUTHORIZATION_RE = re.compile(
    r"^ACS3-HMAC-SHA256 Credential=(?P<ak>[^,]+),SignedHeaders=(?P<signed>[^,]+),Signature=(?P<sig>[0-9a-f]{64})$"
)


def recompute_v3(req: Captured, signed_headers: list[str], request_class):
    """The Authorization header the SDK's own function computes for what arrived on the wire."""
    sdk_request = request_class()
    sdk_request.method = req.method
    sdk_request.pathname = urlsplit(req.path).path or "/"
    sdk_request.query = dict(req.query_pairs)
    sdk_request.headers = {name: req.header(name) for name in signed_headers}
    util = TeaUtils if request_class is DaraRequest else OpenApiUtil
    payload = util.hex_encode(util.hash(req.body, "ACS3-HMAC-SHA256"))
    return util.get_authorization(
        sdk_request, "ACS3-HMAC-SHA256", payload, ACCESS_KEY_ID, ACCESS_KEY_SECRET
    )


@pytest.mark.parametrize("token", [None, SECURITY_TOKEN], ids=["ak", "sts"])
@pytest.mark.parametrize("param_set", sorted(PARAM_SETS))
def test_v3_signature_matches_tea_sdk(bgpeer, tmp_path, param_set, token):
    params = PARAM_SETS[param_set]
    req = capture_one(bgpeer, tmp_path, "v3", token, params)

    # Parameters arrive intact: what bgpeer was given, plus the RegionId and ClientToken it adds.
    received = req.query_pairs + req.form_pairs
    for name, value in params:
        assert (name, value) in received, f"{name}={value!r} not received intact: {received}"
    assert ("RegionId", REGION) in received
    assert any(name == "ClientToken" and value for name, value in received)

    authorization = req.header("authorization")
    assert authorization, "no Authorization header"
    m = AUTHORIZATION_RE.match(authorization)
    assert m, f"malformed Authorization header: {authorization}"
    assert m["ak"] == ACCESS_KEY_ID
    signed = m["signed"].split(";")
    assert signed == sorted(signed), f"SignedHeaders not sorted: {signed}"

    # Everything the gateway requires to be signed is signed (reference §2.3).
    sent = {k.lower() for k, _ in req.headers}
    must_sign = {"host"} | {h for h in sent if h.startswith("x-acs-")}
    if "content-type" in sent:
        must_sign.add("content-type")
    assert must_sign <= set(signed), f"unsigned headers: {sorted(must_sign - set(signed))}"
    for name in ("x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"):
        assert name in signed
    assert req.header("x-acs-action") == "CreateBgpPeer"
    assert req.header("x-acs-version") == "2016-04-28"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", req.header("x-acs-date"))
    assert req.header("host") == f"127.0.0.1:{req.server_port}"
    assert req.header("x-acs-content-sha256") == hashlib.sha256(req.body).hexdigest()
    if token is None:
        assert req.header("x-acs-security-token") is None
    else:
        assert req.header("x-acs-security-token") == token
        assert "x-acs-security-token" in signed

    assert recompute_v3(req, signed, DaraRequest) == authorization
    assert recompute_v3(req, signed, TeaRequest) == authorization


@pytest.mark.parametrize("token", [None, SECURITY_TOKEN], ids=["ak", "sts"])
@pytest.mark.parametrize("param_set", sorted(PARAM_SETS))
def test_v2_signature_matches_tea_and_classic_sdks(bgpeer, tmp_path, param_set, token):
    params = PARAM_SETS[param_set]
    req = capture_one(bgpeer, tmp_path, "v2", token, params)

    pairs = req.query_pairs + req.form_pairs
    names = [name for name, _ in pairs]
    duplicated = {n for n in names if names.count(n) > 1}
    assert not duplicated, f"parameters sent twice: {duplicated}"
    received = dict(pairs)
    for name, value in params:
        assert received.get(name) == value, f"{name}={value!r} not received intact: {received.get(name)!r}"
    assert received["Action"] == "CreateBgpPeer"
    assert received["Version"] == "2016-04-28"
    assert received["AccessKeyId"] == ACCESS_KEY_ID
    assert received["SignatureMethod"] == "HMAC-SHA1"
    assert received["SignatureVersion"] == "1.0"
    assert received["SignatureNonce"]
    assert received["RegionId"] == REGION
    assert received["ClientToken"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", received["Timestamp"])
    assert received.get("SecurityToken") == token
    assert "authorization" not in {k.lower() for k, _ in req.headers}

    signature = received.pop("Signature")
    expected = TeaUtils.get_rpcsignature(received, req.method, ACCESS_KEY_SECRET)
    assert signature == expected, "differs from alibabacloud_tea_openapi Utils.get_rpcsignature"
    assert signature == OpenApiUtil.get_rpcsignature(received, req.method, ACCESS_KEY_SECRET)
    string_to_sign = classic_string_to_sign(req.method, received)
    assert signature == sha_hmac1.get_sign_string(string_to_sign, ACCESS_KEY_SECRET + "&"), (
        f"differs from aliyunsdkcore's signer; its string to sign: {string_to_sign}"
    )


@pytest.mark.parametrize("version", ["v3", "v2"])
def test_parameters_over_4_kib_travel_in_the_form_body(bgpeer, tmp_path, version):
    """The signatures of the "huge" parameter set above are checked by the tests above; here, where
    its parameters travelled: in an application/x-www-form-urlencoded body, none in the URL."""
    req = capture_one(bgpeer, tmp_path, version, None, PARAM_SETS["huge"])
    assert (req.header("content-type") or "").startswith("application/x-www-form-urlencoded")
    assert len(req.body) > 4096
    form = dict(req.form_pairs)
    for name, value in PARAM_SETS["huge"]:
        assert form.get(name) == value, f"{name} is not in the body"
    query_names = {name for name, _ in req.query_pairs}
    assert not query_names & {name for name, _ in PARAM_SETS["huge"]}, f"in the URL too: {query_names}"
    if version == "v2":
        assert "Signature" in form and not query_names, f"the V2 signature travels in the body: {query_names}"


def test_recomputation_detects_a_changed_value(bgpeer, tmp_path):
    """The checks above can fail: one changed byte in one value gives a different signature."""
    req = capture_one(bgpeer, tmp_path, "v2", None, PARAM_SETS["plain"])
    received = dict(req.query_pairs)
    signature = received.pop("Signature")
    assert TeaUtils.get_rpcsignature(received, req.method, ACCESS_KEY_SECRET) == signature
    received["BfdMultiHop"] = "4"
    assert TeaUtils.get_rpcsignature(received, req.method, ACCESS_KEY_SECRET) != signature

    req = capture_one(bgpeer, tmp_path, "v3", None, PARAM_SETS["plain"])
    signed = AUTHORIZATION_RE.match(req.header("authorization"))["signed"].split(";")
    req.path = req.path.replace("BfdMultiHop=3", "BfdMultiHop=4")
    assert recompute_v3(req, signed, DaraRequest) != req.header("authorization")
