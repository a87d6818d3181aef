"""Renders a results file of bench/bench.py as the Markdown results table of BENCHMARKS.md.

    python3 bench/report.py bench/results/latest.json
"""

from __future__ import annotations

import json
import sys


def ms(s: dict) -> str:
    return f"{s['min'] * 1000:.1f} / {s['median'] * 1000:.1f} / {s['max'] * 1000:.1f} ms"


def sec(s: dict) -> str:
    return f"{s['min']:.2f} / {s['median']:.2f} / {s['max']:.2f} s"


def mib(s: dict) -> str:
    return f"{s['min'] / 1024:.1f} / {s['median'] / 1024:.1f} / {s['max'] / 1024:.1f} MiB"


def met(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def main() -> None:
    r = json.load(open(sys.argv[1]))
    m = r["meta"]
    rows = []
    add = rows.append
    add(f"Machine: {m['machine']}  ")
    add(f"Date: {m['date']}, commit `{m['commit']}`{' (+ uncommitted changes)' if m['tree_dirty'] else ''}, "
        f"{m['bgpeer_version']}, Python {m['python']}  ")
    add(f"Load average at start / end: {' '.join(f'{x:.2f}' for x in m['loadavg_at_start'])} / "
        f"{' '.join(f'{x:.2f}' for x in m['loadavg_at_end'])}{'  (quick run)' if m['quick'] else ''}")
    add("")
    add("| Figure | bgpeer (min / median / max) | official SDK (min / median / max) | ratio (median) | target | |")
    add("|---|---|---|---|---|---|")
    full = all(k in r for k in ("a_list", "b_bulk", "c_throughput", "e_throttled"))
    if full:
        a, b, c, e = r["a_list"], r["b_bulk"], r["c_throughput"], r["e_throttled"]
        add(f"| a. `peer list -o json`, {a['peers']} peers, {a['pages']} pages, whole process, "
            f"{a['runs']} runs each | {ms(a['bgpeer_seconds'])}, p90 {a['bgpeer_seconds']['p90'] * 1000:.1f} ms "
            f"| {ms(a['sdk_seconds'])}, p90 {a['sdk_seconds']['p90'] * 1000:.1f} ms "
            f"| {a['ratio_median']:.0f}x (p90 {a['ratio_p90']:.0f}x) | >= 50x and median <= 10 ms "
            f"| {met(a['ratio_median'] >= 50 and a['bgpeer_seconds']['median'] <= 0.010)} |")
        bg, seq, thr = b["bgpeer"], b["sdk_sequential"], b["sdk_16_threads"]
        add(f"| b. create + delete {b['peers']} peers, {b['runs']} runs each (bgpeer `--concurrency 16`) "
            f"| {sec(bg['total_seconds'])} (create {bg['create_seconds']['median']:.2f} + delete "
            f"{bg['delete_seconds']['median']:.2f}) | sequential {sec(seq['total_seconds'])}; 16 threads "
            f"{sec(thr['total_seconds'])} | {b['ratio_vs_sequential']:.1f}x vs sequential, "
            f"{b['ratio_vs_16_threads']:.1f}x vs 16 threads | >= 10x vs sequential "
            f"| {met(b['ratio_vs_sequential'] >= 10)} |")
        for page in ("50", "10"):
            for conc in ("1", "16", "64"):
                s = c[f"page{page}_c{conc}"]["answers_per_second"]
                judged = page == "50" and conc == "16"
                target = ">= 5,000/s" if judged else "-"
                verdict = met(s["median"] >= 5000) if judged else ""
                add(f"| c. emulator, signed DescribeBgpPeers (PageSize {page}) answers/s, concurrency {conc} "
                    f"| {s['min']:,.0f} / {s['median']:,.0f} / {s['max']:,.0f} /s | - | - | {target} | {verdict} |")
        # The target is 15 MB = 15,000,000 bytes (14.3 MiB); every run must stay under it.
        add(f"| d. peak RSS, list (a), {a['rss_runs']} runs each | {mib(a['bgpeer_maxrss_kib'])} "
            f"| {mib(a['sdk_maxrss_kib'])} | - | <= 15 MB (14.3 MiB) "
            f"| {met(a['bgpeer_maxrss_kib']['max'] * 1024 <= 15e6)} |")
        add(f"| d. peak RSS, bulk (b), larger of create and delete | {mib(bg['maxrss_kib'])} "
            f"| sequential {mib(seq['maxrss_kib'])}; 16 threads {mib(thr['maxrss_kib'])} | - "
            f"| <= 15 MB (14.3 MiB) | {met(bg['maxrss_kib']['max'] * 1024 <= 15e6)} |")
        ok_e = e["ratio_to_ideal"]["median"] <= 1.15 and e["failed"]["max"] == 0
        add(f"| e. throttled create of {e['peers']} peers at {e['rps']:.0f} req/s per key "
            f"({e['runs'].__len__()} runs) | {sec(e['seconds'])} = {e['ratio_to_ideal']['min']:.2f} / "
            f"{e['ratio_to_ideal']['median']:.2f} / {e['ratio_to_ideal']['max']:.2f}x the ideal "
            f"{e['ideal_seconds']:.0f} s; throttled answers {e['throttled']['min']:.0f} / "
            f"{e['throttled']['median']:.0f} / {e['throttled']['max']:.0f}; failed items "
            f"{e['failed']['max']:.0f} | - | - | <= 1.15x, 0 failed | {met(ok_e)} |")
    if "f_declarative" in r:
        f = r["f_declarative"]
        ap, pl, sdk, noop = f["apply"], f["plan"], f["sdk_sequential_reads"], f["noop_plan"]
        ok_apply = ap["ratio_to_floor"]["max"] <= 1.15 and ap["failed"]["max"] == 0 \
            and ap["throttled_share"]["max"] <= 0.25
        add(f"| f. `apply` of {f['vbrs']} VBRs ({f['objects']} objects) from an empty world at "
            f"{f['rps']:.0f} req/s per key ({len(ap['runs'])} runs) | {sec(ap['seconds'])} = "
            f"{ap['ratio_to_floor']['min']:.2f} / {ap['ratio_to_floor']['median']:.2f} / "
            f"{ap['ratio_to_floor']['max']:.2f}x the floor (requests sent / {f['rps']:.0f}); throttled "
            f"{100 * ap['throttled_share']['max']:.1f}% of calls at most; failed {ap['failed']['max']:.0f} "
            f"| - | - | <= 1.15x the floor, 0 failed, throttled <= 25% of calls | {met(ok_apply)} |")
        add(f"| f. `plan` of those {f['vbrs']} VBRs, {f['latency_ms']} ms latency on every call "
            f"({len(pl['runs'])} runs; SDK: the same {sdk['calls']} reads one after another) "
            f"| {sec(pl['seconds'])}, {pl['runs'][0]['requests']} requests | {sec(sdk['seconds'])} "
            f"| {sdk['seconds']['median'] / pl['seconds']['median']:.0f}x | <= {pl['budget_seconds']:.2f} s "
            f"(4 round trips + 1 s) | {met(pl['seconds']['max'] <= pl['budget_seconds'])} |")
        add(f"| f. `plan` with nothing to change | exit {noop['rc']}, {noop['requests']} requests, "
            f"{noop['mutations']} mutating | - | - | no mutating call | {met(noop['mutations'] == 0 and noop['rc'] == 0)} |")
    if "g_query" in r:
        g = r["g_query"]
        jq = g.get("bgpeer_jq_pipe_seconds")
        against = f"jq pipe {ms(jq)}, {g['ratio_median']:.2f}x" if jq else "jq not installed"
        add(f"| g. `peer list --query \"{g['query']}\" -o value` ({g['lines']} lines) against "
            f"`peer list -o json \\| jq -r ...`, {g['runs']} runs each | {ms(g['bgpeer_query_seconds'])} "
            f"| - | {against} | - | |")
    if full:
        add("")
        add(f"a: the two outputs are the same JSON: {a['same_json']}. b: {b['checked']}. "
            f"c: {c['request']}, each level bounded by {c['bound']['requests']:,} requests and "
            f"{c['bound']['seconds']} s.")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
