"""OIDC (RRSA) credentials end to end with the official Python libraries: the credentials library's
OIDC provider (``OIDCRoleArnCredentialsProvider``) calls STS ``AssumeRoleWithOIDC`` on the emulator,
unsigned, over HTTPS as it always does (the emulator's throw-away CA trusted through
``SSL_CERT_FILE``), with the token file as the cluster writes it; the temporary credentials then sign
VPC calls in every SDK flavour. The emulator accepts the tokens it is given with ``--accept-token``
and the admin API.
"""

from __future__ import annotations

import base64
import json
import re
import time
import urllib.request
from pathlib import Path

import pytest
from alibabacloud_credentials.client import Client as CredentialClient
from alibabacloud_credentials.exceptions import CredentialException
from alibabacloud_credentials.provider.oidc import OIDCRoleArnCredentialsProvider
from alibabacloud_tea_openapi import utils_models as tea_config
from alibabacloud_tea_openapi.client import Client as OpenApiClient
from darabonba.runtime import RuntimeOptions

from conftest import start_emulator, stop_emulator
from sdk_flavours import FLAVOURS, TeaFlavour, assert_matches_sdk_model, make_flavour

ROLE_ARN = "acs:ram::1234567890123456:role/bgp-operator"
PROVIDER_ARN = "acs:ram::1234567890123456:oidc-provider/ack-rrsa-c1234"


def jwt(subject: str, expires_in: int = 7200) -> str:
    """A JWT as a cluster issues it (the emulator checks its form and `exp`, not a signature)."""

    def part(value) -> str:
        raw = value if isinstance(value, bytes) else json.dumps(value).encode()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    now = int(time.time())
    claims = {"iss": "https://oidc.example", "sub": f"system:serviceaccount:default:{subject}",
              "aud": "sts.aliyuncs.com", "iat": now, "exp": now + expires_in}
    return ".".join([part({"alg": "RS256", "typ": "JWT"}), part(claims), part(b"signature-" + subject.encode())])


def admin(emulator, method: str, path: str, body: dict | None = None) -> dict:
    """The emulator's admin API, over the plain HTTP it also serves on its port."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"http://{emulator.hostport}/_emulator/{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def oidc_calls(emulator) -> list[dict]:
    return admin(emulator, "GET", "requests?action=AssumeRoleWithOIDC")["requests"]


@pytest.fixture
def token_file(tmp_path: Path) -> Path:
    """The projected token, written with a trailing newline (the library sends the file untrimmed)."""
    path = tmp_path / "rrsa-token"
    path.write_text(jwt("bgp-operator") + "\n")
    return path


@pytest.fixture
def https_emulator(bgpeer, tmp_path, token_file, monkeypatch):
    """An HTTPS emulator accepting the token file's token; its CA trusted by the Python TLS stack."""
    emu = start_emulator(bgpeer, tmp_path, "--accept-token", f"oidc=@{token_file}", tls=True)
    monkeypatch.setenv("SSL_CERT_FILE", str(emu.ca_path))
    try:
        yield emu
    finally:
        stop_emulator(emu)


def provider(emulator, token_file: Path, **extra) -> OIDCRoleArnCredentialsProvider:
    options = dict(role_arn=ROLE_ARN, oidc_provider_arn=PROVIDER_ARN, oidc_token_file_path=str(token_file),
                   role_session_name="python-oidc", sts_endpoint=emulator.hostport)
    options.update(extra)
    return OIDCRoleArnCredentialsProvider(**options)


def test_the_oidc_provider_gets_credentials_over_https_unsigned(https_emulator, token_file):
    creds = provider(https_emulator, token_file).get_credentials()
    assert creds.get_access_key_id().startswith("STS."), creds.get_access_key_id()
    assert creds.get_access_key_secret() and creds.get_security_token()
    assert creds.get_provider_name() == "oidc_role_arn"

    (call,) = oidc_calls(https_emulator)
    assert call["status"] == 200 and call["method"] == "GET", call
    assert call["accessKeyId"] is None and call["signatureVersion"] is None, call
    parameters = call["parameters"]
    assert parameters["OIDCToken"] == "****", parameters
    assert parameters["RoleSessionName"] == "python-oidc"
    assert parameters["DurationSeconds"] == "3600"
    assert not {"AccessKeyId", "Signature", "SignatureNonce"} & parameters.keys(), parameters


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_its_credentials_sign_vpc_calls(https_emulator, token_file, flavour):
    creds = provider(https_emulator, token_file).get_credentials()
    client = make_flavour(flavour, https_emulator.hostport, "cn-hangzhou", creds.get_access_key_id(),
                          creds.get_access_key_secret(), creds.get_security_token())
    reply = client.call("DescribeRegions", {})
    assert_matches_sdk_model("DescribeRegions", reply)
    assert reply.data["Regions"]["Region"], reply.data


def test_the_tea_client_refreshes_through_the_oidc_provider(https_emulator, token_file):
    """The idiomatic set-up: a credentials client in the Tea Config; 900 s credentials are inside the
    library's 15-minute refresh window at once, so every call asks STS again, reading the token file
    again: a rotated file is used from the next call on."""
    oidc = provider(https_emulator, token_file, duration_seconds=900)
    client = TeaFlavour("tea-v3", https_emulator.hostport, "cn-hangzhou", credential=CredentialClient(provider=oidc))
    assert_matches_sdk_model("DescribeRegions", client.call("DescribeRegions", {}))

    rotated = jwt("bgp-operator-rotated")
    token_file.write_text(rotated + "\n")
    admin(https_emulator, "DELETE", "tokens")
    admin(https_emulator, "POST", "tokens", {"kind": "oidc", "token": rotated})
    assert_matches_sdk_model("DescribeRegions", client.call("DescribeRegions", {}))
    statuses = [call["status"] for call in oidc_calls(https_emulator)]
    assert statuses == [200, 200], statuses


@pytest.mark.parametrize(
    "token, provider_arn, code",
    [
        ("not-a-jwt", PROVIDER_ARN, "AuthenticationFail.OIDCToken.Invalid"),
        (jwt("expired", expires_in=-60), PROVIDER_ARN, "AuthenticationFail.OIDCToken.Expired"),
        (jwt("stranger"), PROVIDER_ARN, "AuthenticationFail.OIDCToken.InvalidSignature"),
        (None, "acs:ram::1234567890123456:role/not-a-provider", "AuthenticationFail.NoPermission"),
    ],
    ids=["not-a-jwt", "expired", "not-accepted", "unknown-provider"],
)
def test_refusals_are_401_with_the_documented_code(https_emulator, token_file, tmp_path, token, provider_arn, code):
    if token is not None:
        token_file = tmp_path / "other-token"
        token_file.write_text(token)
    with pytest.raises(CredentialException) as info:
        provider(https_emulator, token_file, oidc_provider_arn=provider_arn).get_credentials()
    message = str(info.value)
    assert "http_code: 401" in message, message
    body = json.loads(message.split("result: ", 1)[1])
    assert body["Code"] == code, body
    assert set(body) == {"RequestId", "HostId", "Code", "Message", "Recommend"}, body


def test_the_sts_sdk_calls_it_anonymously(https_emulator, token_file):
    """The generated STS client's shape (auth_type Anonymous): POST, x-acs-action, no Authorization."""
    config = tea_config.Config(endpoint=https_emulator.hostport, protocol="https")
    params = tea_config.Params(action="AssumeRoleWithOIDC", version="2015-04-01", protocol="HTTPS", pathname="/",
                               method="POST", auth_type="Anonymous", style="RPC", req_body_type="formData",
                               body_type="json")
    request = tea_config.OpenApiRequest(query={"RoleArn": ROLE_ARN, "OIDCProviderArn": PROVIDER_ARN,
                                               "OIDCToken": token_file.read_text(), "RoleSessionName": "sts-sdk"})
    body = OpenApiClient(config).call_api(params, request, RuntimeOptions())["body"]
    assert body["AssumedRoleUser"]["Arn"] == f"{ROLE_ARN}/sts-sdk"
    info = body["OIDCTokenInfo"]
    assert info["Subject"] == "system:serviceaccount:default:bgp-operator"
    assert info["ClientIds"] == "sts.aliyuncs.com" and info["VerificationInfo"] == "Success"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", body["Credentials"]["Expiration"])
    (call,) = oidc_calls(https_emulator)
    assert call["method"] == "POST" and call["signatureVersion"] is None, call
