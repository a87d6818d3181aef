"""Figure b, SDK side: create or delete many BGP peers with the official Tea SDK
(alibabacloud-vpc20160428), sequentially (--threads 1) or from a thread pool, one ClientToken per
item, like `bgpeer peer create/delete --from-file`.

    python bench/sdk_bulk.py http://127.0.0.1:PORT create ITEMS.ndjson --threads 16 --out IDS.ndjson
    python bench/sdk_bulk.py http://127.0.0.1:PORT delete IDS.ndjson --threads 16

ITEMS.ndjson holds {"BgpGroupId": ..., "PeerIpAddress": ...} objects; IDS.ndjson {"BgpPeerId": ...}.
Prints a summary line on stderr; exits 1 if any item failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

from alibabacloud_vpc20160428 import models

from sdk_common import client


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("endpoint")
    ap.add_argument("verb", choices=["create", "delete"])
    ap.add_argument("file")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out")
    ap.add_argument("--region", default="cn-shanghai")
    args = ap.parse_args()
    with open(args.file) as f:
        items = [json.loads(line) for line in f if line.strip()]

    local = threading.local()

    def vpc():
        # One client per thread: the Tea client is not documented as thread-safe.
        if not hasattr(local, "c"):
            local.c = client(args.endpoint, args.region)
        return local.c

    def create(item: dict) -> str:
        req = models.CreateBgpPeerRequest(
            region_id=args.region,
            bgp_group_id=item["BgpGroupId"],
            peer_ip_address=item["PeerIpAddress"],
            client_token=str(uuid.uuid4()),
        )
        return vpc().create_bgp_peer(req).body.bgp_peer_id

    def delete(item: dict) -> str:
        req = models.DeleteBgpPeerRequest(
            region_id=args.region, bgp_peer_id=item["BgpPeerId"], client_token=str(uuid.uuid4())
        )
        vpc().delete_bgp_peer(req)
        return item["BgpPeerId"]

    op = create if args.verb == "create" else delete
    results: list[str | None] = [None] * len(items)
    errors: list[str] = []

    def run(i: int) -> None:
        try:
            results[i] = op(items[i])
        except Exception as e:  # counted and reported, never hidden
            errors.append(f"item {i}: {type(e).__name__}: {str(e)[:200]}")

    if args.threads <= 1:
        for i in range(len(items)):
            run(i)
    else:
        with ThreadPoolExecutor(max_workers=args.threads) as pool:
            list(pool.map(run, range(len(items))))

    if args.out:
        with open(args.out, "w") as f:
            for r in results:
                if r:
                    f.write(json.dumps({"BgpPeerId": r}) + "\n")
    ok = sum(1 for r in results if r)
    print(f"{ok} of {len(items)} items {args.verb}d, {len(errors)} failed", file=sys.stderr)
    for e in errors[:5]:
        print(e, file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
