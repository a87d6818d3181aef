"""The emulator over HTTPS (`bgpeer emulator --tls-self-signed`) as the official SDKs see it: each
calls it at `https://localhost:PORT` trusting the emulator's throw-away CA through its own CA
setting (Tea: `Config.ca`; classic: `AcsClient(verify=...)` or env `ALIBABA_CLOUD_CA_BUNDLE`,
which bgpeer reads too), verification on; without the CA they refuse the certificate. The
credentials library's RAM-role provider, which always builds https:// STS URLs, then needs no
change of scheme: it trusts the CA through `SSL_CERT_FILE` (OpenSSL's default store).
"""

from __future__ import annotations

import json
import subprocess

import pytest
from alibabacloud_credentials.provider.ram_role_arn import RamRoleArnCredentialsProvider

from conftest import (TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET, sealed_env, start_emulator,
                      stop_emulator)
from sdk_flavours import FLAVOURS, assert_matches_sdk_model, make_flavour


@pytest.fixture(scope="module")
def https_emulator(bgpeer, tmp_path_factory):
    emu = start_emulator(bgpeer, tmp_path_factory.mktemp("https"), tls=True)
    try:
        yield emu
    finally:
        stop_emulator(emu)


def named(emu) -> str:
    """`localhost:PORT`: the certificate's name, as a user would write it."""
    return f"localhost:{emu.port}"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_each_sdk_calls_the_https_emulator_trusting_its_ca(https_emulator, flavour):
    client = make_flavour(flavour, named(https_emulator), "cn-shanghai", TEST_ACCESS_KEY_ID,
                          TEST_ACCESS_KEY_SECRET, protocol="https", ca=str(https_emulator.ca_path))
    reply = client.call("DescribeRegions", {"AcceptLanguage": "en-US"})
    assert_matches_sdk_model("DescribeRegions", reply)
    assert reply.data["Regions"]["Region"], reply.data


def test_without_the_ca_the_sdks_refuse_the_certificate(bgpeer, tmp_path):
    # A fresh emulator: the Tea runtime pools connections per host and port, and would reuse one
    # that an earlier test opened (and verified) with the CA.
    emu = start_emulator(bgpeer, tmp_path, tls=True)
    try:
        for flavour in ["tea-v3", "classic"]:
            client = make_flavour(flavour, named(emu), "cn-shanghai", TEST_ACCESS_KEY_ID,
                                  TEST_ACCESS_KEY_SECRET, protocol="https")
            with pytest.raises(Exception, match="CERTIFICATE_VERIFY_FAILED"):
                client.call("DescribeRegions", {})
    finally:
        stop_emulator(emu)


def test_alibaba_cloud_ca_bundle_serves_the_classic_sdk_and_bgpeer_alike(https_emulator, bgpeer,
                                                                        tmp_path, monkeypatch):
    monkeypatch.setenv("ALIBABA_CLOUD_CA_BUNDLE", str(https_emulator.ca_path))
    client = make_flavour("classic", named(https_emulator), "cn-shanghai", TEST_ACCESS_KEY_ID,
                          TEST_ACCESS_KEY_SECRET, protocol="https")
    assert client.call("DescribeRegions", {}).data["Regions"]["Region"]

    env = sealed_env(tmp_path, ALIBABA_CLOUD_CA_BUNDLE=str(https_emulator.ca_path),
                     ALIBABA_CLOUD_ACCESS_KEY_ID=TEST_ACCESS_KEY_ID,
                     ALIBABA_CLOUD_ACCESS_KEY_SECRET=TEST_ACCESS_KEY_SECRET)
    done = subprocess.run(
        [str(bgpeer), "--endpoint", f"https://{named(https_emulator)}", "--region", "cn-shanghai",
         "api", "DescribeRegions"],
        env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["Regions"]["Region"], done.stdout


def test_the_credentials_library_assumes_a_role_over_https_unchanged(https_emulator, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(https_emulator.ca_path))
    provider = RamRoleArnCredentialsProvider(
        access_key_id=TEST_ACCESS_KEY_ID,
        access_key_secret=TEST_ACCESS_KEY_SECRET,
        role_arn="acs:ram::1234567890123456:role/bgp-operator",
        role_session_name="bgpeer-sdk-https",
        duration_seconds=900,
        sts_endpoint=named(https_emulator),
    )
    creds = provider.get_credentials()
    assert creds.get_access_key_id().startswith("STS."), creds.get_access_key_id()
    assert creds.get_security_token()
