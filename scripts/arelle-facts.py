#!/usr/bin/env python3
"""Dumps the facts Arelle (the XBRL reference processor) reads from inline-XBRL and XBRL-instance files,
normalised for comparison with `vectordb parse FILE --facts --json` (see compare-facts.py).

Arelle runs offline (no taxonomy downloads). Without the taxonomy:
- inline facts are still found (their class comes from the ix: element), values transformed by
  Arelle's ixt registries; ixt-sec formats need the SEC's EDGAR plugin, which is not on PyPI, so
  Arelle reports '(ixTransformValueError)' for them and the value is marked "unavailable";
- instance facts whose concept is undeclared are not made facts by Arelle, so this script takes every
  child of xbrli:xbrl with a contextRef and reads its context and unit from Arelle's model
  (contexts and units are parsed by Arelle, the fact element's text is taken as written).

Usage: arelle-facts.py [FILE|DIR ...]   (default: every such file under ../shared/edgar-samples and fixtures/)
Equivalent to running `arelleCmdLine --internetConnectivity offline` on each file (webCache.workOffline).
Output (stdout): {"files": {path: [fact, ...]}}; fact = {concept, period, dimensions, unit, value, nil,
numeric, valueUnavailable}.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import xbrl_samples  # noqa: E402

from arelle import Cntlr, XbrlConst  # noqa: E402

XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
INVALID = "(ixTransformValueError)"


def period_of(context) -> dict:
    """The period as written in the context (Arelle's datetimes make end dates exclusive)."""
    period = {}
    for child in context.period.iterchildren():
        local = getattr(child, "localName", None)
        if local in ("instant", "startDate", "endDate"):
            period[{"startDate": "start", "endDate": "end"}.get(local, local)] = child.textValue.strip()
        elif local == "forever":
            period["forever"] = True
    return period


def dimensions_of(context) -> dict:
    dims = {}
    for axis, value in context.qnameDims.items():
        if value.isExplicit:
            dims[str(axis)] = str(value.memberQname)
        else:
            typed = value.typedMember
            dims[str(axis)] = typed.textValue.strip() if typed is not None else ""
    return dims


def unit_of(unit) -> str | None:
    if unit is None:
        return None
    numerators, denominators = unit.measures
    top = "*".join(sorted(str(m) for m in numerators))
    return top if not denominators else top + "/" + "*".join(sorted(str(m) for m in denominators))


def fact_record(qname, context, unit, value, is_nil, numeric) -> dict:
    unavailable = value == INVALID
    return {
        "concept": str(qname),
        "period": period_of(context),
        "dimensions": dimensions_of(context),
        "entity": list(context.entityIdentifier),
        "unit": unit_of(unit) if numeric else None,
        "value": None if is_nil or unavailable else value,
        "nil": bool(is_nil),
        "numeric": bool(numeric),
        "valueUnavailable": unavailable,
    }


def inline_facts(model) -> list[dict]:
    out = []
    for fact in model.facts:
        if fact.context is None:
            continue
        numeric = fact.localName == "nonFraction"
        try:
            value = fact.value
        except Exception:  # Arelle raises for untransformable numbers
            value = INVALID
        out.append(fact_record(fact.qname, fact.context, fact.unit, value, fact.isNil, numeric))
    return out


def instance_facts(model) -> list[dict]:
    out = []
    root = model.modelDocument.xmlRootElement

    def walk(element):
        for child in element.iterchildren():
            namespace = getattr(child, "namespaceURI", None)
            if namespace in (XbrlConst.xbrli, XbrlConst.link) or not isinstance(child.tag, str):
                continue
            context_id = child.get("contextRef")
            if context_id is None:
                walk(child)  # a tuple
                continue
            context = model.contexts.get(context_id)
            if context is None:
                continue
            unit_id = child.get("unitRef")
            is_nil = child.get(XSI_NIL) in ("true", "1")
            out.append(fact_record(child.qname, context, model.units.get(unit_id) if unit_id else None,
                                   child.textValue, is_nil, unit_id is not None))

    walk(root)
    return out


def main(argv: list[str]) -> int:
    roots = [Path(a) for a in argv] or [xbrl_samples.default_root(), Path(__file__).resolve().parent.parent / "fixtures"]
    paths = [p for root in roots for p in (xbrl_samples.sample_files(root) if root.is_dir() else [root])]
    controller = Cntlr.Cntlr(logFileName="logToBuffer")
    controller.webCache.workOffline = True
    result = {}
    for path in paths:
        kind = xbrl_samples.kind(path)
        model = controller.modelManager.load(str(path))
        try:
            result[str(path)] = inline_facts(model) if kind == "inline" else instance_facts(model)
        finally:
            model.close()
    json.dump({"arelleVersion": _version(), "files": result}, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
    return 0


def _version() -> str:
    try:
        from importlib.metadata import version
        return version("arelle-release")
    except Exception:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
