#!/usr/bin/env python3
"""Compares the facts `vectordb parse FILE --facts --json` reads with the facts Arelle reads
(the output of arelle-facts.py), file by file, as multisets of (concept, period, dimensions, unit, value).

Numeric values are compared as decimals (1.50 == 1.5); other values exactly. Arelle facts whose value
Arelle could not compute offline (ixt-sec formats need the SEC's EDGAR plugin, not on PyPI) are matched
on everything but the value and counted separately.

Usage: compare-facts.py ARELLE_JSON [--vectordb BIN] [--json]
Exit status: 0 when every file matches, 1 otherwise (mismatches printed).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from decimal import Decimal, InvalidOperation


def number(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        d = Decimal(value.strip())
    except InvalidOperation:
        return value
    if d.is_nan() or d.is_infinite():
        return str(d)
    if d == 0:
        return "0"
    return format(d.normalize(), "f")


def key(fact: dict, with_value: bool = True) -> tuple:
    period = tuple(sorted((k, str(v)) for k, v in fact["period"].items()))
    dims = tuple(sorted(fact["dimensions"].items()))
    value = number(fact["value"]) if fact["numeric"] else fact["value"]
    base = (fact["concept"], period, dims, fact["unit"] if fact["numeric"] else None)
    return base + ((value,) if with_value else ())


def ours(path: str, binary: str) -> list[dict]:
    run = subprocess.run([binary, "parse", path, "--facts", "--json"], capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"{path}: vectordb failed: {run.stderr.strip()}")
    facts = json.loads(run.stdout).get("facts", [])
    return [
        {
            "concept": f["concept"],
            "period": f["period"],
            "dimensions": f["dimensions"],
            "unit": f.get("unit"),
            "value": None if f["nil"] else f.get("value"),
            "numeric": f["numeric"],
        }
        for f in facts
    ]


def compare(path: str, arelle: list[dict], binary: str) -> dict:
    mine = Counter(key(f) for f in ours(path, binary))
    theirs = Counter(key(f) for f in arelle if not f["valueUnavailable"])
    common = mine & theirs
    only_mine = mine - common
    only_theirs = theirs - common
    # Arelle facts without a value: match on everything else.
    loose = Counter(key(f, with_value=False) for f in arelle if f["valueUnavailable"])
    mine_loose = Counter()
    for k, n in only_mine.items():
        mine_loose[k[:-1]] += n
    matched_loose = loose & mine_loose
    unmatched_loose = loose - matched_loose
    for k, n in list(only_mine.items()):
        take = min(n, matched_loose[k[:-1]])
        if take:
            matched_loose[k[:-1]] -= take
            only_mine[k] -= take
    only_mine = +only_mine
    return {
        "matched": sum(common.values()),
        "matchedWithoutValue": sum(loose.values()) - sum(unmatched_loose.values()),
        "onlyVectorDB": [list(k) + [n] for k, n in only_mine.items()],
        "onlyArelle": [list(k) + [n] for k, n in only_theirs.items()]
        + [list(k) + ["(value unavailable)", n] for k, n in unmatched_loose.items()],
    }


def sec_extract_check(path: str, binary: str) -> list:
    """For an inline file with the SEC's own extracted instance beside it (`name_htm.xml`), the facts
    whose values differ between the two (units compared by local name: the extract may use another
    prefix). This checks the ixt-sec values Arelle cannot compute offline."""
    if not path.endswith(".htm"):
        return []
    sibling = path[:-4] + "_htm.xml"
    if not os.path.exists(sibling):
        return []

    def loose(fact: dict) -> tuple:
        unit = fact["unit"]
        if unit:
            unit = "/".join("*".join(m.split(":")[-1] for m in part.split("*")) for part in unit.split("/"))
        return key(dict(fact, unit=unit))

    a = Counter(loose(f) for f in ours(path, binary))
    b = Counter(loose(f) for f in ours(sibling, binary))
    return [list(k) for k in (a - b) + (b - a)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("arelle_json")
    parser.add_argument("--vectordb", default=os.environ.get("VECTORDB_BIN", ".build/debug/vectordb"))
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    args = parser.parse_args()
    with open(args.arelle_json) as handle:
        files = json.load(handle)["files"]
    report = {path: compare(path, facts, args.vectordb) for path, facts in files.items()}
    for path in report:
        report[path]["secExtractMismatches"] = sec_extract_check(path, args.vectordb)
    failed = False
    for path, result in report.items():
        if result["secExtractMismatches"]:
            failed = True
            print(f"BAD {path}: differs from the SEC's extracted instance:", result["secExtractMismatches"][:10])
        bad = len(result["onlyVectorDB"]) + len(result["onlyArelle"])
        failed |= bad > 0
        print(f"{'OK ' if bad == 0 else 'BAD'} {path}: {result['matched']} equal, "
              f"{result['matchedWithoutValue']} equal but for the value (Arelle lacks ixt-sec), {bad} mismatched")
        if not args.json:
            for row in result["onlyVectorDB"][:20]:
                print("    only vectordb:", row)
            for row in result["onlyArelle"][:20]:
                print("    only Arelle:  ", row)
    if args.json:
        json.dump(report, sys.stdout, indent=1)
        print()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
