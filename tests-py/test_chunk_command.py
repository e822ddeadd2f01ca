"""`vectordb chunk --json` as a Python user reads it: spans are `str` indices into the canonical text
`vectordb parse --json --text` prints, no chunk is over the token limit, and chunks never cross an
item."""

import json
import pathlib
import subprocess

REPO = pathlib.Path(__file__).resolve().parent.parent
TEN_K = REPO / "fixtures/edgar/Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"
TEN_Q = REPO / "fixtures/edgar/Archives/edgar/data/1999902/000199990225000007/nwfl-20250331.htm"
MODEL = REPO / ".models/all-MiniLM-L6-v2/model.safetensors"


def run_json(vectordb, *args):
    out = subprocess.run([vectordb, *args, "--json"], check=True, capture_output=True, text=True, cwd=REPO)
    return json.loads(out.stdout)


def test_chunks_cite_exact_spans_within_one_item(vectordb):
    provider = "minilm" if MODEL.exists() else "hashing"
    for path in (TEN_K, TEN_Q):
        parsed = run_json(vectordb, "parse", str(path), "--text")
        text = parsed["text"]
        sections = {s["item"]: (s["start"], s["end"]) for s in parsed["sections"]}
        chunked = run_json(vectordb, "chunk", str(path), "--provider", provider, "--max-tokens", "128")
        assert chunked["maxTokens"] == 128 and chunked["characters"] == len(text)
        assert chunked["chunks"]
        for chunk in chunked["chunks"]:
            assert text[chunk["charStart"] : chunk["charEnd"]] == chunk["text"], chunk["id"]
            start, end = sections[chunk["item"]]
            assert start <= chunk["charStart"] < chunk["charEnd"] <= end, chunk["id"]
            assert chunk["tokens"] <= 128, chunk["id"]
            assert chunk["embeddingInput"].endswith(chunk["text"])


def test_chunk_ids_carry_the_accession_from_the_path(vectordb):
    chunked = run_json(vectordb, "chunk", str(TEN_K), "--provider", "hashing")
    ids = [c["id"] for c in chunked["chunks"]]
    assert ids[0] == "0001999901-25-000004:cover:0"
    assert len(set(ids)) == len(ids)


def test_bad_settings_are_clear_errors(vectordb):
    out = subprocess.run(
        [vectordb, "chunk", str(TEN_K), "--provider", "hashing", "--max-tokens", "64", "--overlap-tokens", "40"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 65, out.stderr  # bad input (docs/cli.md, exit statuses)
    assert "overlapTokens" in out.stderr
