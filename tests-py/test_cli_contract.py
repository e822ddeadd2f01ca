"""The CLI's JSON contract as a Python user (a notebook, a RAG script) consumes it.

Goal: offsets printed by `vectordb` are Python `str` indices (Unicode code points) into the
canonical text, so `text[start:end]` reproduces every section and every cited chunk exactly.
"""

import json
import pathlib
import subprocess

REPO = pathlib.Path(__file__).resolve().parent.parent
TEN_K = REPO / "fixtures/edgar/Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"
TEN_Q = REPO / "fixtures/edgar/Archives/edgar/data/1999902/000199990225000007/nwfl-20250331.htm"
EIGHT_K = REPO / "fixtures/edgar/Archives/edgar/data/1999901/000199990125000011/hrsc-20250424.htm"
EX_99 = EIGHT_K.parent / "hrsc-20250424xex99d1.htm"  # the 8-K's press release, ingested as its EX-99.1


def parse(vectordb, path):
    out = subprocess.run([vectordb, "parse", str(path), "--json", "--text"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def search(vectordb, data_dir, query, *extra):
    out = subprocess.run(
        [vectordb, "search", query, "--data-dir", str(data_dir), "--json", *extra],
        check=True,
        capture_output=True,
        text=True,
    )
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_section_offsets_are_python_string_indices(vectordb):
    for path in (TEN_K, TEN_Q, EIGHT_K):
        parsed = parse(vectordb, path)
        text = parsed["text"]
        assert parsed["characters"] == len(text)
        for section in parsed["sections"]:
            assert text[section["start"] : section["end"]] == section["text"], section["item"]


def test_search_hits_cite_exact_spans(vectordb, data_dir):
    texts = {p.name: parse(vectordb, p)["text"] for p in (TEN_K, TEN_Q, EIGHT_K, EX_99)}
    hits = search(vectordb, data_dir, "revenue growth gross margin liquidity", "--k", "25")
    assert len(hits) == 25
    for hit in hits:
        document = texts[hit["sourceURL"].rsplit("/", 1)[1]]
        assert document[hit["charStart"] : hit["charEnd"]] == hit["text"]


def test_filters_combine_with_and(vectordb, data_dir):
    hits = search(vectordb, data_dir, "risk", "--k", "50", "--filter", "cik=1999901", "--filter", "form=10-K")
    assert hits
    assert all(h["cik"] == "1999901" and h["form"] == "10-K" for h in hits)
    assert {h["fiscalYear"] for h in hits} == {2024}


def test_range_any_of_and_negated_filters(vectordb, data_dir):
    hits = search(
        vectordb, data_dir, "results", "--k", "100",
        "--filter", "fiscal_year>=2024", "--filter", "form=10-k|8-K", "--filter", "item!=cover",
    )
    assert hits
    assert all(h["fiscalYear"] >= 2024 and h["form"] in ("10-K", "8-K") and h["item"] != "cover" for h in hits)
    before = search(vectordb, data_dir, "results", "--k", "100", "--filter", "filing_date<2000-01-01")
    assert before == []


def test_bad_filter_is_a_clear_error(vectordb, data_dir):
    out = subprocess.run(
        [vectordb, "search", "risk", "--data-dir", str(data_dir), "--filter", "sector=chips"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 65, out.stderr  # bad input (docs/cli.md, exit statuses)
    assert "unknown key 'sector'" in out.stderr
