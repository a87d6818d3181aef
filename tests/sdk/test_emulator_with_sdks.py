"""The official Python SDKs drive a real `bgpeer emulator` through a whole BGP lifecycle and the
documented error cases, with the Tea SDK signing v3 and v2 and with the classic SDK.

Each test gets a fresh emulator (in-memory seeded world, `--settle-ms 0`) and finds what it needs
in the seeded world through the API itself (DescribeRegions, DescribeVirtualBorderRouters), the
way a user's script would. Every response is checked against the official SDK's model: field
names and the Python types the SDK declares.
"""

from __future__ import annotations

import ipaddress
import time
from typing import Any, Callable

import pytest

from conftest import TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET
from sdk_flavours import FLAVOURS, ApiFailure, assert_matches_sdk_model, make_flavour, missing_fields

PEERS_PER_VBR = 8


@pytest.fixture(params=FLAVOURS)
def flavour(request):
    return request.param


def sdk(emulator, flavour: str, region: str = "cn-hangzhou", *, key_id=TEST_ACCESS_KEY_ID,
        secret=TEST_ACCESS_KEY_SECRET, token=None):
    return make_flavour(flavour, emulator.hostport, region, key_id, secret, token)


def call(client, action: str, **params: Any) -> dict[str, Any]:
    """One SDK call whose answer must match the SDK's model; returns the body (wire names).

    Describe answers must also be complete: every field the SDK's model has is there, at every
    level (the emulator serves every documented response field)."""
    reply = client.call(action, params)
    model = assert_matches_sdk_model(action, reply)
    if action.startswith("Describe"):
        missing = missing_fields(model)
        assert not missing, f"{action} left out fields of the SDK model: {missing}"
    assert isinstance(reply.data.get("RequestId"), str) and reply.data["RequestId"], reply.data
    return reply.data


def failure(client, action: str, **params: Any) -> ApiFailure:
    with pytest.raises(ApiFailure) as info:
        client.call(action, params)
    err = info.value
    assert err.request_id, f"error without a RequestId: {err}"
    if err.body is not None:
        fields = {"RequestId", "HostId", "Code", "Message", "Recommend"}
        assert fields <= set(err.body), f"error body lacks {sorted(fields - set(err.body))}: {err.body}"
        assert err.body["RequestId"] == err.request_id and err.body["Code"] == err.code
        assert f"q={err.code}" in err.body["Recommend"], err.body["Recommend"]
    return err


def wait_until(what: str, probe: Callable[[], Any]) -> Any:
    """Polls `probe` until it returns something truthy. The bound is generous on purpose: it only
    stops a broken emulator from hanging the suite, it is not a timing assertion."""
    deadline = time.monotonic() + 60
    while True:
        value = probe()
        if value:
            return value
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


# --- the seeded world, found through the API ----------------------------------------------------

def regions(client) -> list[dict[str, Any]]:
    body = call(client, "DescribeRegions", AcceptLanguage="en-US")
    return body["Regions"]["Region"]


def vbrs(client, region: str) -> list[dict[str, Any]]:
    out, page = [], 1
    while True:
        body = call(client, "DescribeVirtualBorderRouters", RegionId=region, PageNumber=page, PageSize=50)
        out += body["VirtualBorderRouterSet"]["VirtualBorderRouterType"]
        if len(out) >= body["TotalCount"] or not body["VirtualBorderRouterSet"]["VirtualBorderRouterType"]:
            return out
        page += 1


def bgp_peer_count(client, region: str, vbr_id: str) -> int:
    return call(client, "DescribeBgpPeers", RegionId=region, RouterId=vbr_id)["TotalCount"]


def free_vbr(client) -> tuple[str, dict[str, Any]]:
    """An active VBR with no BGP peers yet, as (region, VBR). cn-shanghai first: the seeded world
    keeps a pool of plain VBRs there (see the emulator's docs); then every other region."""
    ids = [r["RegionId"] for r in regions(client)]
    assert "cn-shanghai" in ids, ids
    for region_id in ["cn-shanghai"] + [i for i in ids if i != "cn-shanghai"]:
        for vbr in vbrs(client, region_id):
            if vbr.get("Status") != "active" or vbr.get("Type") == "vpconn":
                continue
            if bgp_peer_count(client, region_id, vbr["VbrId"]) == 0:
                return region_id, vbr
    raise AssertionError("the seeded world has no active VBR without BGP peers")


def peer_addresses(vbr: dict[str, Any], count: int) -> list[str]:
    """`count` distinct neighbour addresses for a VBR: its peer gateway first, then further hosts
    of its peering subnet, then addresses of a documentation range."""
    addresses: list[str] = []
    peer_gw = vbr.get("PeerGatewayIp")
    if peer_gw:
        addresses.append(peer_gw)
        mask = vbr.get("PeeringSubnetMask")
        if mask:
            net = ipaddress.ip_network(f"{peer_gw}/{mask}", strict=False)
            taken = {peer_gw, vbr.get("LocalGatewayIp")}
            for host in net.hosts():
                if len(addresses) >= count:
                    break
                if str(host) not in taken:
                    addresses.append(str(host))
    spare = ipaddress.ip_network("198.51.100.0/24").hosts()
    while len(addresses) < count:
        addresses.append(str(next(spare)))
    return addresses[:count]


def create_group(client, region: str, vbr_id: str, **extra: Any) -> str:
    body = call(client, "CreateBgpGroup", RegionId=region, RouterId=vbr_id, PeerAsn=65001, **extra)
    group_id = body["BgpGroupId"]
    assert group_id.startswith("bgpg-"), group_id
    return group_id


def describe_group(client, region: str, group_id: str) -> dict[str, Any] | None:
    body = call(client, "DescribeBgpGroups", RegionId=region, BgpGroupId=group_id)
    groups = body["BgpGroups"]["BgpGroup"]
    assert body["TotalCount"] == len(groups) <= 1, body
    return groups[0] if groups else None


def describe_peers(client, region: str, **filters: Any) -> list[dict[str, Any]]:
    body = call(client, "DescribeBgpPeers", RegionId=region, PageSize=50, **filters)
    peers = body["BgpPeers"]["BgpPeer"]
    assert body["TotalCount"] == len(peers), body
    return peers


def available(describe: Callable[[], dict[str, Any] | None]) -> Callable[[], dict[str, Any] | None]:
    def probe():
        obj = describe()
        return obj if obj is not None and obj["Status"] == "Available" else None
    return probe


# --- lifecycle ------------------------------------------------------------------------------------

def test_regions_and_vbrs(emulator, flavour):
    client = sdk(emulator, flavour)
    listed = regions(client)
    assert len(listed) >= 2, listed
    ids = [r["RegionId"] for r in listed]
    assert len(set(ids)) == len(ids), f"duplicate regions: {ids}"
    for region in listed:
        assert region["LocalName"], region
        assert region["RegionEndpoint"].endswith(".aliyuncs.com"), region

    region, vbr = free_vbr(client)
    assert vbr["VbrId"].startswith("vbr-"), vbr
    assert isinstance(vbr["EnableIpv6"], bool), vbr
    # A filter on one VBR finds exactly that VBR.
    body = call(client, "DescribeVirtualBorderRouters", RegionId=region,
                Filter=[{"Key": "VbrId", "Value": [vbr["VbrId"]]}])
    assert [v["VbrId"] for v in body["VirtualBorderRouterSet"]["VirtualBorderRouterType"]] == [vbr["VbrId"]]
    assert body["TotalCount"] == 1


def test_bgp_lifecycle(emulator, flavour):
    client = sdk(emulator, flavour)
    region, vbr = free_vbr(client)
    vbr_id = vbr["VbrId"]
    ip1, ip2 = peer_addresses(vbr, 2)

    # Group: create, then it reads back with what was given and the documented defaults.
    group_id = create_group(client, region, vbr_id, Name=f"sdk-{flavour}",
                            Description=f"made by the {flavour} SDK", AuthKey="md5-Key_1", RouteQuota=90)
    group = wait_until("the new group to be Available", available(lambda: describe_group(client, region, group_id)))
    assert group["BgpGroupId"] == group_id
    assert group["RouterId"] == vbr_id
    assert group["RegionId"] == region
    assert group["Name"] == f"sdk-{flavour}"
    assert group["Description"] == f"made by the {flavour} SDK"
    assert group["PeerAsn"] == "65001"
    assert group["LocalAsn"] == "45104"
    assert group["AuthKey"] == "md5-Key_1"
    assert group["RouteLimit"] == "90"
    assert group["IpVersion"] == "IPv4"
    assert group["IsFake"] == "false"

    # The same ClientToken on the same action returns the first answer and creates nothing.
    token = f"sdk-{flavour}-group-token"
    first = call(client, "CreateBgpGroup", RegionId=region, RouterId=vbr_id, PeerAsn=65003, ClientToken=token)
    again = call(client, "CreateBgpGroup", RegionId=region, RouterId=vbr_id, PeerAsn=65003, ClientToken=token)
    assert first["BgpGroupId"] == again["BgpGroupId"] != group_id
    assert first["RequestId"] != again["RequestId"]
    groups = call(client, "DescribeBgpGroups", RegionId=region, RouterId=vbr_id)["BgpGroups"]["BgpGroup"]
    assert sorted(g["BgpGroupId"] for g in groups) == sorted([group_id, first["BgpGroupId"]])
    call(client, "DeleteBgpGroup", RegionId=region, BgpGroupId=first["BgpGroupId"])

    # Peers: one with BFD over 3 hops, one without.
    peer1 = call(client, "CreateBgpPeer", RegionId=region, BgpGroupId=group_id, PeerIpAddress=ip1,
                 EnableBfd=True, BfdMultiHop=3)["BgpPeerId"]
    peer2 = call(client, "CreateBgpPeer", RegionId=region, BgpGroupId=group_id, PeerIpAddress=ip2,
                 EnableBfd=False)["BgpPeerId"]
    assert peer1.startswith("bgp-") and peer2.startswith("bgp-") and peer1 != peer2

    def both_available():
        peers = describe_peers(client, region, BgpGroupId=group_id)
        return peers if len(peers) == 2 and all(p["Status"] == "Available" for p in peers) else None

    peers = {p["BgpPeerId"]: p for p in wait_until("both peers to be Available", both_available)}
    assert set(peers) == {peer1, peer2}
    for peer in peers.values():
        # Peers show their group's fields.
        assert peer["BgpGroupId"] == group_id
        assert peer["RouterId"] == vbr_id
        assert peer["RegionId"] == region
        assert peer["PeerAsn"] == "65001"
        assert peer["LocalAsn"] == "45104"
        assert peer["AuthKey"] == "md5-Key_1"
        assert peer["RouteLimit"] == "90"
        assert peer["IpVersion"] == "IPv4"
        assert peer["IsFake"] is False
        assert peer["BgpStatus"] in ("Idle", "Connect", "Active", "Established", "Down")
    assert peers[peer1]["PeerIpAddress"] == ip1
    assert peers[peer1]["EnableBfd"] is True
    assert peers[peer1]["BfdMultiHop"] == 3
    assert peers[peer2]["PeerIpAddress"] == ip2
    assert peers[peer2]["EnableBfd"] is False
    assert [p["BgpPeerId"] for p in describe_peers(client, region, BgpPeerId=peer1)] == [peer1]
    assert {p["BgpPeerId"] for p in describe_peers(client, region, RouterId=vbr_id)} == {peer1, peer2}

    # Modify the group, then a peer.
    call(client, "ModifyBgpGroupAttribute", RegionId=region, BgpGroupId=group_id, Name=f"renamed-{flavour}",
         Description="changed by the SDK", PeerAsn=65002)
    group = wait_until("the modified group", available(lambda: describe_group(client, region, group_id)))
    assert (group["Name"], group["Description"], group["PeerAsn"]) == (f"renamed-{flavour}", "changed by the SDK", "65002")

    call(client, "ModifyBgpPeerAttribute", RegionId=region, BgpPeerId=peer2, EnableBfd=True, BfdMultiHop=10)

    def peer2_modified():
        peers = describe_peers(client, region, BgpPeerId=peer2)
        return peers[0] if peers and peers[0]["Status"] == "Available" else None

    peer = wait_until("the modified peer", peer2_modified)
    assert (peer["EnableBfd"], peer["BfdMultiHop"], peer["PeerAsn"]) == (True, 10, "65002")

    # Advertise a network, list it, withdraw it.
    call(client, "AddBgpNetwork", RegionId=region, RouterId=vbr_id, DstCidrBlock="172.16.8.0/24")
    nets = call(client, "DescribeBgpNetworks", RegionId=region, RouterId=vbr_id)["BgpNetworks"]["BgpNetwork"]
    assert [(n["RouterId"], n["DstCidrBlock"]) for n in nets] == [(vbr_id, "172.16.8.0/24")]
    call(client, "DeleteBgpNetwork", RegionId=region, RouterId=vbr_id, DstCidrBlock="172.16.8.0/24")
    wait_until("the network to be withdrawn", lambda: call(
        client, "DescribeBgpNetworks", RegionId=region, RouterId=vbr_id)["TotalCount"] == 0)

    # A group with peers can't go; without them it can, and then it is an empty list, not an error.
    assert failure(client, "DeleteBgpGroup", RegionId=region, BgpGroupId=group_id).code == "DependencyViolation.BgpPeer"
    for peer_id in (peer1, peer2):
        call(client, "DeleteBgpPeer", RegionId=region, BgpPeerId=peer_id)
    wait_until("the peers to be gone", lambda: describe_peers(client, region, BgpGroupId=group_id) == [])
    call(client, "DeleteBgpGroup", RegionId=region, BgpGroupId=group_id)
    wait_until("the group to be gone", lambda: describe_group(client, region, group_id) is None)


# --- error cases ----------------------------------------------------------------------------------

def test_wrong_secret_is_signature_does_not_match(emulator, flavour):
    client = sdk(emulator, flavour, secret="not-the-" + TEST_ACCESS_KEY_SECRET)
    err = failure(client, "DescribeRegions")
    assert err.status == 400
    if flavour == "classic":
        # The classic core compares the server's string to sign (quoted in the message) with its
        # own and, when equal, reports a wrong secret: the emulator must quote it exactly.
        assert err.code == "InvalidAccessKeySecret", err
    else:
        assert err.code == "SignatureDoesNotMatch", err
        marker = "server StringToSign is [" if flavour == "tea-v3" else "server string to sign is:"
        assert marker in err.message, err.message


def test_unknown_access_key(emulator, flavour):
    client = sdk(emulator, flavour, key_id="LTAI5tNoSuchKeyAnywhere")
    err = failure(client, "DescribeRegions")
    assert (err.status, err.code) == (404, "InvalidAccessKeyId.NotFound"), err


def test_ninth_peer_on_a_vbr_is_quota_exceeded(emulator, flavour):
    client = sdk(emulator, flavour)
    region, vbr = free_vbr(client)
    group_id = create_group(client, region, vbr["VbrId"])
    wait_until("the group to be Available", available(lambda: describe_group(client, region, group_id)))
    addresses = peer_addresses(vbr, PEERS_PER_VBR + 1)
    for address in addresses[:PEERS_PER_VBR]:
        call(client, "CreateBgpPeer", RegionId=region, BgpGroupId=group_id, PeerIpAddress=address)
    err = failure(client, "CreateBgpPeer", RegionId=region, BgpGroupId=group_id, PeerIpAddress=addresses[-1])
    assert (err.status, err.code) == (400, "QuotaExceeded.Bgp"), err
    assert bgp_peer_count(client, region, vbr["VbrId"]) == PEERS_PER_VBR

    # The 8 peers, paged 3 at a time: 3 + 3 + 2, each page echoing its paging and the true total.
    seen = []
    for page, size in [(1, 3), (2, 3), (3, 2), (4, 0)]:
        body = call(client, "DescribeBgpPeers", RegionId=region, RouterId=vbr["VbrId"], PageNumber=page, PageSize=3)
        assert (body["PageNumber"], body["PageSize"], body["TotalCount"]) == (page, 3, PEERS_PER_VBR), body
        assert len(body["BgpPeers"]["BgpPeer"]) == size
        seen += [p["PeerIpAddress"] for p in body["BgpPeers"]["BgpPeer"]]
    assert sorted(seen) == sorted(addresses[:PEERS_PER_VBR])


def test_unknown_group_is_invalid_bgp_group(emulator, flavour):
    client = sdk(emulator, flavour)
    region, vbr = free_vbr(client)
    err = failure(client, "CreateBgpPeer", RegionId=region, BgpGroupId="bgpg-doesnotexist0000000",
                  PeerIpAddress=peer_addresses(vbr, 1)[0])
    assert (err.status, err.code) == (400, "InvalidBgpGroup"), err


@pytest.mark.parametrize("hops", [0, 256])
def test_bfd_hop_count_out_of_range_is_illegal(emulator, flavour, hops):
    client = sdk(emulator, flavour)
    region, vbr = free_vbr(client)
    group_id = create_group(client, region, vbr["VbrId"])
    wait_until("the group to be Available", available(lambda: describe_group(client, region, group_id)))
    err = failure(client, "CreateBgpPeer", RegionId=region, BgpGroupId=group_id,
                  PeerIpAddress=peer_addresses(vbr, 1)[0], EnableBfd=True, BfdMultiHop=hops)
    assert (err.status, err.code) == (400, "IllegalParam.BfdMultiHop"), err
    assert describe_peers(client, region, BgpGroupId=group_id) == []


# --- the model checks themselves ------------------------------------------------------------------

def test_model_checks_catch_unknown_fields_and_wrong_types():
    from sdk_flavours import Reply

    good = {"RequestId": "R", "TotalCount": 1, "PageNumber": 1, "PageSize": 10,
            "BgpPeers": {"BgpPeer": [{"BgpPeerId": "bgp-1", "EnableBfd": True, "BfdMultiHop": 3, "PeerAsn": "65001"}]}}
    assert_matches_sdk_model("DescribeBgpPeers", Reply(data=good, model=None))

    misspelt = {**good, "BgpPeers": {"BgpPeer": [{"BgpPeerId": "bgp-1", "KeepAlive": "10"}]}}
    with pytest.raises(AssertionError, match="fields the SDK model does not know"):
        assert_matches_sdk_model("DescribeBgpPeers", Reply(data=misspelt, model=None))

    for field, wrong in [("PeerAsn", 65001), ("EnableBfd", "true"), ("BfdMultiHop", "3"), ("BfdMultiHop", True)]:
        bad = {**good, "BgpPeers": {"BgpPeer": [{"BgpPeerId": "bgp-1", field: wrong}]}}
        with pytest.raises(AssertionError, match="types differ from the SDK model"):
            assert_matches_sdk_model("DescribeBgpPeers", Reply(data=bad, model=None))
