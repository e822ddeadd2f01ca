#!/usr/bin/env python3
"""Turns the JSON lines of `vectordb bench ann --json` and scripts/ann-peers.py into the markdown
table of BENCHMARKS.md: recall@10 / QPS per ef for every engine, build time, and the QPS ratio of
each VectorDB mode to hnswlib at the fastest ef whose recall@10 >= 0.95.

usage: ann-table.py RESULTS.jsonl [--header TEXT] [--write BENCHMARKS.md] [--marker ann-table]
With --write, the text between the markers <!-- MARKER --> and <!-- /MARKER --> is replaced.
"""

import argparse
import json
import pathlib
import re

RECALL_MIN = 0.95


def best_at_recall(engine):
    """(qps, ef, recall) of the fastest ef reaching RECALL_MIN, or None."""
    rows = [r for r in engine["results"] if r["recall"] >= RECALL_MIN]
    if not rows:
        return None
    row = max(rows, key=lambda r: r["qps"])
    return row["qps"], int(row["ef"]), row["recall"]


def table(engines, extras, header):
    efs = [int(r["ef"]) for r in engines[0]["results"]]
    lines = [header, ""] if header else []
    lines.append("| engine | build (s) | " + " | ".join(f"ef={ef} recall / QPS" for ef in efs) + " |")
    lines.append("|---|---:|" + "---|" * len(efs))
    for engine in engines:
        cells = [f"{r['recall']:.3f} / {r['qps']:,.0f}" for r in engine["results"]]
        lines.append(f"| {engine['engine']} | {engine['build_seconds']:.1f} | " + " | ".join(cells) + " |")
    lines.append("")
    peer = next((e for e in engines if e["engine"] == "hnswlib"), None)
    peer_best = best_at_recall(peer) if peer else None
    for engine in engines:
        best = best_at_recall(engine)
        if best is None:
            lines.append(f"- {engine['engine']}: no ef reaches recall@10 >= {RECALL_MIN}")
            continue
        ratio = f", {best[0] / peer_best[0]:.2f}x hnswlib" if peer_best and engine is not peer else ""
        lines.append(
            f"- {engine['engine']}: {best[0]:,.0f} QPS at ef={best[1]} (recall {best[2]:.3f}){ratio}"
        )
    per_ef = []
    if peer:
        for engine in engines:
            if engine["engine"].startswith("vectordb"):
                ratios = [f"{a['qps'] / b['qps']:.2f}x" for a, b in zip(engine["results"], peer["results"])]
                per_ef.append(f"- {engine['engine']} / hnswlib QPS per ef: " + ", ".join(ratios))
    lines += per_ef
    exact = next((e["exact_gb_per_s"] for e in engines if "exact_gb_per_s" in e), None)
    if exact is not None:
        lines.append(f"- exact scan (FlatIndex, 1 thread): {exact:.1f} GB/s of float32 vectors")
    for extra in extras:
        if "memory_read_gb_per_s" in extra:
            lines.append(
                f"- memory read bandwidth ({extra['engine']}, 1 thread): {extra['memory_read_gb_per_s']:.1f} GB/s"
            )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--header", default="")
    parser.add_argument("--write")
    parser.add_argument("--marker", default="ann-table")
    args = parser.parse_args()
    engines = [json.loads(line) for line in pathlib.Path(args.results).read_text().splitlines() if line.strip()]
    text = table([e for e in engines if "results" in e], [e for e in engines if "results" not in e], args.header)
    print(text, end="")
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
