#!/usr/bin/env python3
"""Writes fixtures/porter2/vocabulary.txt: `word stem` lines from the reference Snowball English
(Porter2) stemmer (PyPI `snowballstemmer`), over the ASCII-letter words of our own fixtures, question files
and docs. EnglishStemmerTests checks the Swift stemmer against every line.

Usage: python3 -m venv /tmp/s && /tmp/s/bin/pip install snowballstemmer==3.1.1 &&
       /tmp/s/bin/python scripts/porter2-vocabulary.py
"""
import pathlib, re
import snowballstemmer

root = pathlib.Path(__file__).resolve().parent.parent
words = set()
for path in list((root / "fixtures").rglob("*")) + list((root / "eval").rglob("*.jsonl")) + list((root / "docs").rglob("*.md")) + [root / "README.md"]:
    if path.is_file() and path.suffix in {".htm", ".html", ".txt", ".xml", ".json", ".jsonl", ".md"}:
        if path.parent.name == "porter2":
            continue
        text = re.sub(r"<[^>]+>", " ", path.read_text(errors="ignore"))
        words.update(w for w in re.findall(r"[a-z]+", text.lower()) if 3 <= len(w) <= 24)
stemmer = snowballstemmer.stemmer("english")
out = root / "fixtures" / "porter2" / "vocabulary.txt"
out.write_text("".join(f"{w} {stemmer.stemWord(w)}\n" for w in sorted(words)))
print(f"{len(words)} words -> {out}")
