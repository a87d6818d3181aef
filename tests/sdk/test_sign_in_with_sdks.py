"""The aliyun CLI's CloudSSO and OAuth profiles, read by the official credentials library itself
(``CLIProfileCredentialsProvider``, which builds ``CloudSSOCredentialsProvider`` and
``OAuthCredentialsProvider`` from config.json) against the emulator's sign-in services; the
temporary keys they obtain sign VPC calls with the Tea SDK. For OAuth, the library and bgpeer
share one config.json: each continues from what the other wrote back.

The library hard-codes the OAuth service (``https://oauth.aliyun.com``); the test replaces only
that URL when the profile provider builds its OAuth provider, as the reference's runs did.
"""

from __future__ import annotations

import json
import subprocess
import time
import urllib.request
from pathlib import Path

from alibabacloud_credentials.provider import cli_profile
from alibabacloud_credentials.provider.cli_profile import CLIProfileCredentialsProvider

from conftest import sealed_env
from sdk_flavours import make_flavour


def admin(emulator, method: str, path: str, body: dict | None = None) -> dict:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{emulator.url}/_emulator/{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def calls(emulator, path: str) -> int:
    """How many calls of the sign-in service at `path` the emulator has logged."""
    return sum(1 for r in admin(emulator, "GET", "requests")["requests"] if r["action"] == path)


def vpc_regions(emulator, creds) -> list:
    client = make_flavour("tea-v3", emulator.hostport, "cn-hangzhou", creds.get_access_key_id(),
                          creds.get_access_key_secret(), creds.get_security_token())
    return client.call("DescribeRegions", {}).data["Regions"]["Region"]


def test_cloud_sso_profile_with_the_credentials_library(emulator, tmp_path):
    admin(emulator, "POST", "tokens", {"kind": "cloud_sso", "token": "AT-python-sso"})
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"current": "sso", "profiles": [{
        "name": "sso", "mode": "CloudSSO",
        "cloud_sso_sign_in_url": f"{emulator.url}/start/login",
        "cloud_sso_account_id": "1234567890123456", "cloud_sso_access_config": "ac-python",
        "access_token": "AT-python-sso", "cloud_sso_access_token_expire": int(time.time()) + 3600,
    }]}, indent="\t"))
    before = config.read_text()

    creds = CLIProfileCredentialsProvider(profile_name="sso", profile_file=str(config)).get_credentials()
    assert creds.get_provider_name() == "cli_profile/cloud_sso"
    assert creds.get_access_key_id().startswith("STS."), creds.get_access_key_id()
    assert vpc_regions(emulator, creds)
    assert calls(emulator, "/cloud-credentials") == 1
    assert config.read_text() == before, "the library writes nothing back for CloudSSO"


def run_bgpeer(bgpeer: Path, emulator, home: Path, config: Path) -> dict:
    out = subprocess.run(
        [str(bgpeer), "--profile", "oa", "--endpoint", emulator.url, "--region", "cn-hangzhou",
         "whoami", "-o", "json"],
        env=sealed_env(home, ALIBABA_CLOUD_CONFIG_FILE=str(config), BGPEER_OAUTH_ENDPOINT=emulator.url),
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["Verified"] is True, report
    return report


def test_oauth_write_back_is_shared_by_the_library_and_bgpeer(emulator, bgpeer, tmp_path, monkeypatch):
    original = cli_profile.OAuthCredentialsProvider

    def at_the_emulator(**kwargs):
        kwargs["sign_in_url"] = emulator.url
        return original(**kwargs)

    monkeypatch.setattr(cli_profile, "OAuthCredentialsProvider", at_the_emulator)
    admin(emulator, "POST", "tokens", {"kind": "oauth_refresh", "token": "RT-python"})
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"current": "oa", "profiles": [{
        "name": "oa", "mode": "OAuth", "oauth_site_type": "CN", "oauth_refresh_token": "RT-python",
        "region_id": "cn-hangzhou",
    }]}, indent="\t"))
    config.chmod(0o600)

    # 1. The library refreshes, exchanges and writes back (four-space indented).
    creds = CLIProfileCredentialsProvider(profile_name="oa", profile_file=str(config)).get_credentials()
    assert creds.get_provider_name() == "cli_profile/oauth"
    assert vpc_regions(emulator, creds)
    assert (calls(emulator, "/v1/token"), calls(emulator, "/v1/exchange")) == (1, 1)
    by_library = json.loads(config.read_text())["profiles"][0]
    assert by_library["access_key_id"] == creds.get_access_key_id()
    assert by_library["oauth_refresh_token"] != "RT-python"

    # 2. bgpeer uses the STS credentials the library saved: no call to the OAuth service.
    home = tmp_path / "home"
    home.mkdir()
    report = run_bgpeer(bgpeer, emulator, home, config)
    assert report["AccessKeyId"].startswith("STS.")
    assert report["AccessKeyId"][-3:] == by_library["access_key_id"][-3:]
    assert (calls(emulator, "/v1/token"), calls(emulator, "/v1/exchange")) == (1, 1)

    # 3. Once they and the access token run out, bgpeer refreshes with the token the library got.
    expired = json.loads(config.read_text())
    expired["profiles"][0].update(sts_expiration=0, oauth_access_token_expire=0)
    config.write_text(json.dumps(expired, indent=4))
    saved_text = config.read_text()
    run_bgpeer(bgpeer, emulator, home, config)
    assert (calls(emulator, "/v1/token"), calls(emulator, "/v1/exchange")) == (2, 2)
    by_bgpeer = json.loads(config.read_text())["profiles"][0]
    assert by_bgpeer["oauth_refresh_token"] not in ("RT-python", by_library["oauth_refresh_token"])
    assert by_bgpeer["sts_expiration"] > time.time() + 3000
    # bgpeer kept the library's four-space layout: only the values of its seven keys changed.
    written = {"oauth_refresh_token", "oauth_access_token", "oauth_access_token_expire",
               "access_key_id", "access_key_secret", "sts_token", "sts_expiration"}
    before, after = saved_text.splitlines(), config.read_text().splitlines()
    assert len(before) == len(after)
    for old, new in zip(before, after):
        if old != new:
            key = old.split(":")[0]
            assert key == new.split(":")[0] and key.strip().strip('"') in written, (old, new)
    assert oct(config.stat().st_mode & 0o777) == "0o600"

    # 4. A fresh library provider continues from bgpeer's write-back: its cached STS, no HTTP.
    creds = CLIProfileCredentialsProvider(profile_name="oa", profile_file=str(config)).get_credentials()
    assert creds.get_access_key_id() == by_bgpeer["access_key_id"]
    assert vpc_regions(emulator, creds)
    assert (calls(emulator, "/v1/token"), calls(emulator, "/v1/exchange")) == (2, 2)
