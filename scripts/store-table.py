#!/usr/bin/env python3
"""Renders the store benchmark's JSON lines (vectordb bench store, scripts/store-peers.py) as the
markdown of BENCHMARKS.md's "Store engine at SEC scale (issue 12)" section.

usage: store-table.py RESULTS.jsonl [--header TEXT] [--write BENCHMARKS.md] [--marker store-table]
With --write, the text between the markers <!-- MARKER --> and <!-- /MARKER --> is replaced.
"""

import argparse
import json
import pathlib
import re


def fmt(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}"


def render(rows, header):
    by = {}
    for row in rows:
        by[(row["engine"], row["phase"], row.get("cache"))] = row
    lines = [header, ""] if header else []
    bare = by.get(("hnswlib", "bare", None), {})
    lines += ["| engine | documents/s (ingest) | × hnswlib 2-thread build | disk bytes/document | open warm ms | "
              "open cold ms | first query cold ms | RSS after open MB | RSS after queries MB |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for engine in ("vectordb", "lancedb"):
        ingest = by.get((engine, "ingest", None), {})
        warm = by.get((engine, "query", "warm"), {})
        cold = by.get((engine, "query", "cold"), {})
        rate = ingest.get("documents_per_second")
        ratio = rate / bare["documents_per_second"] if rate and bare else None
        lines.append(
            f"| {engine} | {fmt(rate, 0)} | {fmt(ratio, 2)} | {fmt(ingest.get('disk_bytes_per_document'), 0)} "
            f"| {fmt(warm.get('open_ms'), 1)} | {fmt(cold.get('open_ms'), 1)} | {fmt(cold.get('first_query_ms'), 1)} "
            f"| {fmt(warm.get('rss_after_open_bytes', 0) / 1e6, 0)} | {fmt(warm.get('rss_after_queries_bytes', 0) / 1e6, 0)} |")
    if bare:
        lines.append(f"| hnswlib (bare index) | {fmt(bare['documents_per_second'], 0)} (2 threads) | 1.00 | - | - | - "
                     f"| - | - | {fmt(bare.get('rss_peak_bytes', 0) / 1e6, 0)} (peak) |")
    evictions = {e: by.get((e, "query", "cold"), {}).get("eviction") for e in ("vectordb", "lancedb")}
    lines += ["", "Cold open: " + "; ".join(f"{e}: {v}" for e, v in evictions.items() if v) + ".", ""]

    lines += ["| filter (matching) | mode | vectordb p50 ms | p99 ms | QPS | recall@10 | lancedb p50 ms | p99 ms | "
              "QPS | recall@10 | vectordb QPS ÷ lancedb |",
              "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    ours = {(c["filter"], c["mode"]): c for c in by.get(("vectordb", "query", "warm"), {}).get("cells", [])}
    theirs = {(c["filter"], c["mode"]): c for c in by.get(("lancedb", "query", "warm"), {}).get("cells", [])}
    for key in sorted(ours.keys() | theirs.keys(), key=lambda k: (order(k[0]), ["vector", "lexical", "hybrid"].index(k[1]))):
        a, b = ours.get(key, {}), theirs.get(key, {})
        matching = a.get("fraction", b.get("fraction", 0)) * 100
        ratio = a["qps"] / b["qps"] if a.get("qps") and b.get("qps") else None
        lines.append(
            f"| {key[0]} ({matching:.3f} %) | {key[1]} | {fmt(a.get('p50_ms'), 2)} | {fmt(a.get('p99_ms'), 2)} "
            f"| {fmt(a.get('qps'), 1)} | {fmt(a.get('recall'), 3)} | {fmt(b.get('p50_ms'), 2)} | {fmt(b.get('p99_ms'), 2)} "
            f"| {fmt(b.get('qps'), 1)} | {fmt(b.get('recall'), 3)} | {fmt(ratio, 2)} |")
    if bare:
        lines += ["", "hnswlib, unfiltered, 1 thread: " + ", ".join(
            f"ef {r['ef']}: recall {r['recall']:.3f} at {r['qps']:,.0f} QPS (p50 {r['p50_ms']:.3f} ms)"
            for r in bare["results"]) + "."]
    processes = by.get(("vectordb", "query", "warm"), {}).get("search_process", [])
    if processes:
        lines += ["", "Whole `vectordb search` process (hybrid, k 10, hashing query embedder, page cache warm): " + ", ".join(
            f"{p['filter']}: median {p['median_ms']:.0f} ms of {p['runs']}" for p in processes) + "."]
    return "\n".join(lines) + "\n"


def order(name):
    names = ["none", "cik", "form10k_fy2020", "item1a"]
    return names.index(name) if name in names else len(names)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--header", default="")
    parser.add_argument("--write")
    parser.add_argument("--marker", default="store-table")
    args = parser.parse_args()
    rows = [json.loads(line) for line in open(args.results) if line.startswith("{")]
    text = render(rows, args.header)
    print(text)
    if args.write:
        path = pathlib.Path(args.write)
        content = path.read_text()
        marker = re.escape(args.marker)
        pattern = re.compile(rf"(<!-- {marker} -->\n).*?(<!-- /{marker} -->)", re.S)
        if not pattern.search(content):
            raise SystemExit(f"{path}: markers <!-- {args.marker} --> ... <!-- /{args.marker} --> not found")
        path.write_text(pattern.sub(lambda m: m.group(1) + text + m.group(2), content))


if __name__ == "__main__":
    main()
