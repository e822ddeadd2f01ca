"""Finds the inline-XBRL and XBRL-instance files among the EDGAR samples (shared by the Arelle scripts)."""
from __future__ import annotations

import os
from pathlib import Path

INLINE_NS = (b"http://www.xbrl.org/2013/inlineXBRL", b"http://www.xbrl.org/2008/inlineXBRL")
INSTANCE_NS = b"http://www.xbrl.org/2003/instance"


def kind(path: Path) -> str | None:
    """'inline', 'instance' or None, from the first 64 KiB of the file."""
    with open(path, "rb") as handle:
        head = handle.read(65536)
    if any(ns in head for ns in INLINE_NS):
        return "inline"
    if path.suffix == ".xml" and INSTANCE_NS in head and b"<xbrl" in head.replace(b"xbrli:xbrl", b"xbrl"):
        return "instance"
    return None


def sample_files(root: Path) -> list[Path]:
    """Every inline-XBRL (.htm/.html) and XBRL-instance (.xml) file under root, sorted."""
    found = []
    for directory, _, names in os.walk(root):
        for name in names:
            path = Path(directory) / name
            if path.suffix in (".htm", ".html", ".xml") and kind(path):
                found.append(path)
    return sorted(found)


def default_root() -> Path:
    return Path(__file__).resolve().parent.parent.parent / "shared" / "edgar-samples"
