#!/usr/bin/env python3
"""Checks retrieval question files (JSON Lines, the format of eval/README.md) against the filings they cite.

For every line: valid JSON, the required keys with the right types, a unique id, a known kind, a file that
exists under the samples root, an accession that agrees with the file name when the name carries one, and an
evidence passage of 8-40 words that occurs EXACTLY ONCE in the file's canonical text
(`vectordb parse FILE --text`), compared whitespace- and case-normalised: runs of Unicode White_Space
collapse to one space and both sides are casefolded. When the question names an item, the occurrence must
lie inside a section with that key (`vectordb parse FILE --json`). A question whose item the parser does not
produce today may say so in `expect.parser_gap`; it is then counted as pending instead of failed (the
evidence is still checked), and the check says when the note has become stale.

Usage: check-questions.py [FILE ...] [--vectordb BIN] [--samples DIR] [--verbose]
  FILE        question files (default eval/dev-questions.jsonl)
  --vectordb  the vectordb binary (default $VECTORDB_BIN, else .build/release/vectordb)
  --samples   the root that expect.file is relative to (default ../shared/edgar-samples)
Exit status: 0 when every question passes, 1 when any fails, 2 on a usage or tool error.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass

KINDS = {"named", "paraphrased", "numeric", "filtered"}
TOP_KEYS_REQUIRED = {"id", "question", "kind", "form", "expect"}
TOP_KEYS = TOP_KEYS_REQUIRED | {"filters"}
EXPECT_KEYS_REQUIRED = {"file", "evidence"}
EXPECT_KEYS = EXPECT_KEYS_REQUIRED | {"accession", "item", "parser_gap"}
# Filter fields and their JSON types, as config/sec-collection.toml declares them (int64 -> int).
FILTER_TYPES = {
    "cik": int,
    "company": str,
    "tickers": str,
    "form": str,
    "filing_date": str,
    "report_date": str,
    "fiscal_year": int,
    "accession": str,
    "item": str,
}
ACCESSION = re.compile(r"\d{10}-\d{2}-\d{6}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
EVIDENCE_WORDS_MIN, EVIDENCE_WORDS_MAX = 8, 40
# A question sharing this many consecutive words with its evidence copies it instead of asking.
COPIED_WORDS_MAX = 5

# Unicode's White_Space property, spelled out (the same list as FilingParser's WhitespaceCollapsingBuffer).
WHITE_SPACE = frozenset(
    [chr(c) for c in range(0x09, 0x0E)]
    + ["\x20", "\x85", "\xa0", "\u1680"]
    + [chr(c) for c in range(0x2000, 0x200B)]
    + ["\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
)


def normalise(text: str) -> tuple[str, list[int]]:
    """Collapses White_Space runs to one space and casefolds; also returns, for each character of the result,
    the index of the character of `text` it came from (casefolding may turn one character into several)."""
    out: list[str] = []
    origin: list[int] = []
    in_space = False
    for index, char in enumerate(text):
        if char in WHITE_SPACE:
            if not in_space:
                out.append(" ")
                origin.append(index)
            in_space = True
            continue
        in_space = False
        for folded in char.casefold():
            out.append(folded)
            origin.append(index)
    return "".join(out), origin


def normalise_plain(text: str) -> str:
    return normalise(text)[0].strip(" ")


def occurrences(haystack: str, needle: str) -> list[int]:
    """Start offsets of every occurrence, overlapping ones included."""
    found = []
    start = haystack.find(needle)
    while start != -1:
        found.append(start)
        start = haystack.find(needle, start + 1)
    return found


def words(text: str) -> list[str]:
    return re.findall(r"[0-9a-z]+(?:['’.,][0-9a-z]+)*", text.casefold())


def longest_shared_run(a: list[str], b: list[str]) -> int:
    best = 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


@dataclass
class Parsed:
    text: str
    normalised: str
    origin: list[int]
    sections: list[dict]


class Parser:
    """Runs `vectordb parse` once per file and keeps the result."""

    def __init__(self, binary: str, samples: str):
        self.binary = binary
        self.samples = samples
        self.cache: dict[str, Parsed | str] = {}

    def run(self, path: str, flag: str) -> str:
        done = subprocess.run([self.binary, "parse", path, flag], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"vectordb parse {flag} exited {done.returncode}: {done.stderr.strip()[:200]}")
        return done.stdout

    def get(self, relative: str) -> Parsed | str:
        """The parse of a file, or a string saying why there is none."""
        if relative in self.cache:
            return self.cache[relative]
        path = os.path.join(self.samples, relative)
        result: Parsed | str
        if not os.path.isfile(path):
            result = f"no such file under {self.samples}"
        else:
            try:
                document = json.loads(self.run(path, "--json"))
                text = self.run(path, "--text")
                characters = document.get("characters", len(text))
                if len(text) == characters + 1 and text.endswith("\n"):
                    text = text[:-1]  # the newline `--text` prints after the text
                sections = document["sections"]
                for s in sections:
                    if text[s["start"] : s["end"]] != s["text"]:
                        raise RuntimeError(f"section {s['item']} text differs from the --text span")
                normalised, origin = normalise(text)
                result = Parsed(text, normalised, origin, sections)
            except (RuntimeError, ValueError, KeyError) as error:
                result = f"cannot parse: {error}"
        self.cache[relative] = result
        return result


def check_shape(q: object, seen: set[str]) -> list[str]:
    """Problems with a question's keys and types (before any filing is read)."""
    if not isinstance(q, dict):
        return ["not a JSON object"]
    problems = []
    for key in sorted(TOP_KEYS_REQUIRED - q.keys()):
        problems.append(f"missing key {key!r}")
    for key in sorted(q.keys() - TOP_KEYS):
        problems.append(f"unknown key {key!r}")
    qid = q.get("id")
    if "id" in q:
        if not isinstance(qid, str) or not qid:
            problems.append("id is not a non-empty string")
        elif qid in seen:
            problems.append(f"duplicate id {qid!r}")
        else:
            seen.add(qid)
    if "question" in q and (not isinstance(q["question"], str) or len(q["question"].split()) < 4):
        problems.append("question is not a string of at least 4 words")
    if "kind" in q and q["kind"] not in KINDS:
        problems.append(f"kind {q['kind']!r} is not one of {sorted(KINDS)}")
    if "form" in q and (not isinstance(q["form"], str) or not q["form"]):
        problems.append("form is not a non-empty string")
    filters = q.get("filters")
    if filters is not None:
        if not isinstance(filters, dict) or not filters:
            problems.append("filters is not a non-empty object")
        else:
            for key, value in filters.items():
                wanted = FILTER_TYPES.get(key)
                if wanted is None:
                    problems.append(f"unknown filter field {key!r}")
                elif not isinstance(value, wanted) or isinstance(value, bool):
                    problems.append(f"filter {key} is {type(value).__name__}, the schema wants {wanted.__name__}")
                elif key.endswith("_date") and not DATE.fullmatch(value):
                    problems.append(f"filter {key} is not YYYY-MM-DD")
            if isinstance(filters.get("form"), str) and isinstance(q.get("form"), str):
                if filters["form"].casefold() != q["form"].casefold():
                    problems.append(f"filters.form {filters['form']!r} differs from form {q['form']!r}")
    if q.get("kind") == "filtered" and not filters:
        problems.append("kind filtered without filters")
    expect = q.get("expect")
    if "expect" in q:
        if not isinstance(expect, dict):
            problems.append("expect is not an object")
        else:
            for key in sorted(EXPECT_KEYS_REQUIRED - expect.keys()):
                problems.append(f"missing key expect.{key}")
            for key in sorted(expect.keys() - EXPECT_KEYS):
                problems.append(f"unknown key expect.{key}")
            for key in EXPECT_KEYS & expect.keys():
                if not isinstance(expect[key], str) or not expect[key].strip():
                    problems.append(f"expect.{key} is not a non-empty string")
            accession = expect.get("accession")
            if isinstance(accession, str) and not ACCESSION.fullmatch(accession):
                problems.append(f"expect.accession {accession!r} is not ##########-##-######")
            file = expect.get("file")
            if isinstance(file, str) and isinstance(accession, str):
                named = ACCESSION.findall(os.path.basename(file))
                if named and accession not in named:
                    problems.append(f"expect.accession {accession} differs from the file name's {named[0]}")
            if "parser_gap" in expect and "item" not in expect:
                problems.append("expect.parser_gap without expect.item")
            evidence = expect.get("evidence")
            if isinstance(evidence, str):
                count = len(evidence.split())
                if not EVIDENCE_WORDS_MIN <= count <= EVIDENCE_WORDS_MAX:
                    problems.append(f"evidence has {count} words, not {EVIDENCE_WORDS_MIN}-{EVIDENCE_WORDS_MAX}")
                if isinstance(q.get("question"), str):
                    run = longest_shared_run(words(q["question"]), words(evidence))
                    if run > COPIED_WORDS_MAX:
                        problems.append(f"question copies {run} consecutive words of the evidence")
    return problems


def section_at(sections: list[dict], start: int, end: int) -> list[dict]:
    return [s for s in sections if s["start"] <= start and end <= s["end"]]


def check_evidence(q: dict, parser: Parser) -> tuple[list[str], str | None, str]:
    """(problems, pending note or None, where the evidence was found) for a well-shaped question."""
    expect = q["expect"]
    parsed = parser.get(expect["file"])
    if isinstance(parsed, str):
        return [f"{expect['file']}: {parsed}"], None, "-"
    needle = normalise_plain(expect["evidence"])
    found = occurrences(parsed.normalised, needle)
    if len(found) != 1:
        return [f"evidence occurs {len(found)} times in the canonical text, not once"], None, "-"
    start = parsed.origin[found[0]]
    end = parsed.origin[found[0] + len(needle) - 1] + 1
    holders = section_at(parsed.sections, start, end)
    where = ",".join(s["item"] for s in holders) or "across sections"
    item = expect.get("item")
    if item is None:
        return [], None, where
    keys = {s["item"].casefold() for s in parsed.sections}
    gap = expect.get("parser_gap")
    if item.casefold() not in keys:
        if gap:
            return [], f"item {item} is not a parser section today (the evidence lies in {where}); see expect.parser_gap", where
        present = ", ".join(s["item"] for s in parsed.sections)
        return [f"item {item!r} is not a section the parser gives for this file ({present})"], None, where
    if not any(s["item"].casefold() == item.casefold() for s in holders):
        return [f"evidence at {start}-{end} lies in {where}, not in item {item}"], None, where
    if gap:
        return [], f"stale parser_gap: item {item} now holds the evidence; drop the note", where
    return [], None, where


def main() -> int:
    parser_args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser_args.add_argument("files", nargs="*", default=["eval/dev-questions.jsonl"])
    parser_args.add_argument("--vectordb", default=os.environ.get("VECTORDB_BIN", ".build/release/vectordb"))
    parser_args.add_argument("--samples", default="../shared/edgar-samples")
    parser_args.add_argument("--verbose", action="store_true", help="print every question and where it was found")
    args = parser_args.parse_args()
    if not (os.path.isfile(args.vectordb) and os.access(args.vectordb, os.X_OK)):
        print(f"check-questions: no vectordb binary at {args.vectordb} (pass --vectordb or set VECTORDB_BIN)")
        return 2
    if not os.path.isdir(args.samples):
        print(f"check-questions: no samples directory at {args.samples} (pass --samples)")
        return 2

    parser = Parser(args.vectordb, args.samples)
    total = failed = pending = 0
    for path in args.files:
        seen: set[str] = set()
        try:
            lines = open(path, encoding="utf-8").read().split("\n")
        except OSError as error:
            print(f"check-questions: cannot read {path}: {error}")
            return 2
        if lines and lines[-1] == "":
            lines.pop()
        for number, line in enumerate(lines, 1):
            total += 1
            label = f"{path}:{number}"
            try:
                q = json.loads(line)
            except ValueError as error:
                failed += 1
                print(f"FAIL {label}: not valid JSON ({error})")
                continue
            if isinstance(q, dict) and isinstance(q.get("id"), str):
                label += f" {q['id']}"
            problems = check_shape(q, seen)
            note, where = None, "-"
            if not problems:
                problems, note, where = check_evidence(q, parser)
            if problems:
                failed += 1
                file = q["expect"].get("file", "?") if isinstance(q, dict) and isinstance(q.get("expect"), dict) else "?"
                print(f"FAIL {label} [{file}]: {'; '.join(problems)}")
            elif note:
                pending += 1
                print(f"PENDING {label} [{q['expect']['file']}]: {note}")
            elif args.verbose:
                print(f"ok   {label} {q['kind']:<11} {q['expect']['file']} item {q['expect'].get('item', '-')} in {where}")
    passed = total - failed - pending
    print(f"{total} questions in {len(args.files)} file(s): {passed} passed, {pending} pending (parser gap), {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
