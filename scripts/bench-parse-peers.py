#!/usr/bin/env python3
"""Times the peers of `vectordb parse FILE --json --facts` on one filing, in process (see bench-parse.sh).

Usage: bench-parse-peers.py edgartools|arelle FILE FORM [RUNS]

edgartools: `HTMLParser(ParserConfig(form=FORM)).parse(html)`, then every detected section's text and
the inline-XBRL facts (`Document.xbrl_facts`) — its offline API on a local file, no network.
arelle: the Python API with `internetConnectivity offline` (what `arelleCmdLine --internetConnectivity
offline -f FILE` does), loading the document as inline XBRL and reading every fact's value, concept,
context and unit.

Each run reads the file and does the whole job; module imports happen once, before the first run, and
are not timed (this favours the peers). Prints one JSON line: {tool, runs_s: [...], median_s, sections,
facts}.
"""
from __future__ import annotations

import json
import statistics
import sys
import time


def run_edgartools(path: str, form: str) -> tuple[int, int]:
    from edgar.documents import HTMLParser, ParserConfig

    with open(path, "rb") as handle:
        raw = handle.read()
    html = raw.decode("utf-8", errors="replace")
    document = HTMLParser(ParserConfig(form=form)).parse(html)
    sections = document.sections
    characters = sum(len(section.text() or "") for section in sections.values())
    facts = document.xbrl_facts
    return (len(sections) if characters >= 0 else 0), len(facts)


def run_arelle(path: str, form: str) -> tuple[int, int]:
    from arelle import Cntlr

    controller = Cntlr.Cntlr(logFileName="logToBuffer")
    controller.webCache.workOffline = True
    model = controller.modelManager.load(path)
    count = 0
    for fact in model.facts if model is not None else []:
        _ = (fact.qname, fact.value, fact.contextID, fact.unitID)
        count += 1
    controller.modelManager.close()
    controller.close()
    return 0, count


def main() -> None:
    tool, path, form = sys.argv[1], sys.argv[2], sys.argv[3]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    job = {"edgartools": run_edgartools, "arelle": run_arelle}[tool]
    if tool == "edgartools":
        import edgar.documents  # noqa: F401  (import outside the timed runs)
    else:
        import arelle.Cntlr  # noqa: F401
    times, sections, facts = [], 0, 0
    for _ in range(runs):
        start = time.perf_counter()
        sections, facts = job(path, form)
        times.append(time.perf_counter() - start)
    print(json.dumps({"tool": tool, "runs_s": [round(t, 4) for t in times], "median_s": statistics.median(times),
                      "sections": sections, "facts": facts}))


if __name__ == "__main__":
    main()
