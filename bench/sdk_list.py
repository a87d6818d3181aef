"""Figure a, SDK side: list every BGP peer of a region with the official Tea SDK
(alibabacloud-vpc20160428), page by page (PageSize 50, as `bgpeer peer list` pages), and print them
as one JSON array, like `bgpeer peer list -o json` (same fields, order and types, AuthKey masked, as bgpeer prints them by default).

    python bench/sdk_list.py http://127.0.0.1:PORT [REGION]
"""

from __future__ import annotations

import json
import sys

from alibabacloud_vpc20160428 import models

from sdk_common import client


# bgpeer's JSON: these fields in this order, the number-like strings as numbers, AuthKey masked.
FIELDS = [
    "BgpPeerId", "BgpGroupId", "Name", "Description", "PeerIpAddress", "PeerAsn", "LocalAsn",
    "AuthKey", "IsFake", "EnableBfd", "BfdMultiHop", "Hold", "Keepalive", "RouteLimit", "IpVersion",
    "RouterId", "RegionId", "Status", "BgpStatus", "AdvertisedRouteCount", "ReceivedRouteCount",
    "GmtModified",
]
NUMBERS = {"PeerAsn", "LocalAsn", "Hold", "Keepalive", "RouteLimit"}


def shape(p: dict) -> dict:
    out = {}
    for k in FIELDS:
        v = p.get(k)
        if k in NUMBERS and isinstance(v, str) and v.isdigit():
            v = int(v)
        if k == "AuthKey" and v:
            v = "****"
        out[k] = v
    return out


def main() -> None:
    endpoint = sys.argv[1]
    region = sys.argv[2] if len(sys.argv) > 2 else "cn-shanghai"
    c = client(endpoint, region)
    peers: list[dict] = []
    page = 1
    while True:
        body = c.describe_bgp_peers(
            models.DescribeBgpPeersRequest(region_id=region, page_size=50, page_number=page)
        ).body.to_map()
        batch = (body.get("BgpPeers") or {}).get("BgpPeer") or []
        peers.extend(batch)
        if not batch or len(peers) >= body.get("TotalCount", 0):
            break
        page += 1
    json.dump([shape(p) for p in peers], sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
