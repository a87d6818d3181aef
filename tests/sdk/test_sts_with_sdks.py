"""Role-based credentials end to end: STS `AssumeRole` (2015-04-01) on the emulator's endpoint, then
VPC calls signed with the temporary key and its security token, by every SDK flavour.

AssumeRole is called two ways: by ``alibabacloud_credentials``' own RAM-role provider (HMAC-SHA1,
GET, everything in the query) and by the Tea OpenAPI client (ACS3-HMAC-SHA256, POST).
"""

from __future__ import annotations

import re

import pytest
from alibabacloud_credentials.client import Client as CredentialClient
from alibabacloud_credentials.provider import ram_role_arn
from alibabacloud_credentials.provider.ram_role_arn import RamRoleArnCredentialsProvider
from alibabacloud_tea_openapi import utils_models as tea_config
from alibabacloud_tea_openapi.client import Client as OpenApiClient
from darabonba.runtime import RuntimeOptions
from Tea.core import TeaCore

from conftest import TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET
from sdk_flavours import FLAVOURS, ApiFailure, TeaFlavour, assert_matches_sdk_model, make_flavour

ROLE_ARN = "acs:ram::1234567890123456:role/bgp-operator"


class _PlainHttpTeaCore:
    """The credentials library always builds https:// STS URLs; the emulator serves plain http on
    loopback. Only the scheme is changed: the request, its signature and the parsing of the answer
    stay the library's own."""

    @staticmethod
    def do_action(request, runtime_options=None):
        request.protocol = "http"
        return TeaCore.do_action(request, runtime_options)


@pytest.fixture
def role_provider(emulator, monkeypatch) -> RamRoleArnCredentialsProvider:
    monkeypatch.setattr(ram_role_arn, "TeaCore", _PlainHttpTeaCore)
    return RamRoleArnCredentialsProvider(
        access_key_id=TEST_ACCESS_KEY_ID,
        access_key_secret=TEST_ACCESS_KEY_SECRET,
        role_arn=ROLE_ARN,
        role_session_name="bgpeer-sdk-suite",
        duration_seconds=900,
        sts_endpoint=emulator.hostport,
    )


def test_credentials_library_assumes_a_role(role_provider):
    creds = role_provider.get_credentials()
    assert creds.get_access_key_id().startswith("STS."), creds.get_access_key_id()
    assert creds.get_access_key_id() != TEST_ACCESS_KEY_ID
    assert creds.get_access_key_secret() and creds.get_access_key_secret() != TEST_ACCESS_KEY_SECRET
    assert creds.get_security_token()
    assert creds.get_provider_name() == "ram_role_arn/static_ak"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_temporary_credentials_sign_vpc_calls(emulator, role_provider, flavour):
    creds = role_provider.get_credentials()
    client = make_flavour(flavour, emulator.hostport, "cn-hangzhou", creds.get_access_key_id(),
                          creds.get_access_key_secret(), creds.get_security_token())
    reply = client.call("DescribeRegions", {})
    assert_matches_sdk_model("DescribeRegions", reply)
    assert reply.data["Regions"]["Region"], reply.data

    # The same temporary key with a token that is not its own is refused.
    forged = make_flavour(flavour, emulator.hostport, "cn-hangzhou", creds.get_access_key_id(),
                          creds.get_access_key_secret(), creds.get_security_token() + "x")
    with pytest.raises(ApiFailure) as info:
        forged.call("DescribeRegions", {})
    assert info.value.code.startswith("InvalidSecurityToken."), info.value


def test_tea_client_with_the_role_credential_provider(emulator, role_provider):
    """The idiomatic Tea setup: a credentials client in Config, refreshed by the provider."""
    client = TeaFlavour("tea-v3", emulator.hostport, "cn-hangzhou",
                        credential=CredentialClient(provider=role_provider))
    reply = client.call("DescribeRegions", {})
    assert_matches_sdk_model("DescribeRegions", reply)


def test_tea_openapi_client_calls_assume_role_signed_v3(emulator):
    config = tea_config.Config(access_key_id=TEST_ACCESS_KEY_ID, access_key_secret=TEST_ACCESS_KEY_SECRET,
                               endpoint=emulator.hostport, protocol="http")
    params = tea_config.Params(action="AssumeRole", version="2015-04-01", protocol="HTTP", pathname="/",
                               method="POST", auth_type="AK", style="RPC", req_body_type="formData",
                               body_type="json")
    request = tea_config.OpenApiRequest(query={"RoleArn": ROLE_ARN, "RoleSessionName": "tea-v3-session",
                                               "DurationSeconds": "1800"})
    response = OpenApiClient(config).call_api(params, request, RuntimeOptions())
    assert response["statusCode"] == 200
    body = response["body"]
    assert body["RequestId"]
    assert body["AssumedRoleUser"]["Arn"] == f"{ROLE_ARN}/tea-v3-session"
    assert body["AssumedRoleUser"]["AssumedRoleId"].endswith(":tea-v3-session")
    creds = body["Credentials"]
    assert creds["AccessKeyId"].startswith("STS.")
    assert creds["AccessKeySecret"] and creds["SecurityToken"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", creds["Expiration"]), creds["Expiration"]

    client = make_flavour("tea-v3", emulator.hostport, "cn-hangzhou", creds["AccessKeyId"],
                          creds["AccessKeySecret"], creds["SecurityToken"])
    assert client.call("DescribeRegions", {}).data["Regions"]["Region"]


def test_assume_role_with_a_malformed_arn_is_refused(emulator):
    config = tea_config.Config(access_key_id=TEST_ACCESS_KEY_ID, access_key_secret=TEST_ACCESS_KEY_SECRET,
                               endpoint=emulator.hostport, protocol="http")
    params = tea_config.Params(action="AssumeRole", version="2015-04-01", protocol="HTTP", pathname="/",
                               method="POST", auth_type="AK", style="RPC", req_body_type="formData",
                               body_type="json")
    request = tea_config.OpenApiRequest(query={"RoleArn": "not-an-arn", "RoleSessionName": "s1"})
    from alibabacloud_tea_openapi.exceptions import ClientException

    with pytest.raises(ClientException) as info:
        OpenApiClient(config).call_api(params, request, RuntimeOptions())
    assert info.value.status_code == 400
    assert info.value.code == "InvalidParameter.RoleArn", info.value
