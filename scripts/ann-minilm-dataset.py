#!/usr/bin/env python3
"""Real MiniLM embeddings of filing text as an ANN dataset (see scripts/bench-ann.sh, ANN_DATASET=minilm).

Documents: every HTML filing in ../shared/edgar-samples/html/, every .htm of the EDGAR filing folder
in filing-folder/, and every HTML document inside the full-submission .txt files (`<DOCUMENT>` parts
whose `<TEXT>` is HTML, written to a temporary .htm: `vectordb chunk` reads HTML only; the .nc copy
of a .txt and plain-text documents of pre-2001 submissions are left out).

Texts, at the granularities retrieval users index, in this order:
  1. 256: `vectordb chunk FILE --json` (the pipeline's section-aware chunker, 256 MiniLM tokens, 32
     of overlap), each chunk's embedding input (context line + text);
  2. 128, 64, 32: the same with `--max-tokens N --overlap-tokens N/8` (the context line is dropped
     when it would take more than a quarter of the chunk);
  3. sentence: the sentences of each section's text from `vectordb parse FILE --json` (split after
     . ! ? before a capital, a digit or a quote, and at line breaks), kept when they have at least 5
     words, at most 1,000 characters and mostly letters (table rows and page furniture are not
     sentences);
  4. 192, 96, 48: the chunk sizes between those;
  5. 16: the chunker's smallest chunks (about ten words), only to fill up to --n.
Identical texts are kept once (the first granularity that produced them). When there are more than
--n + --queries texts, the last granularity needed is sampled (seeded); when there are fewer, all of
them are used and the shortfall is printed — no text is made up. On the samples (35 HTML
documents) 1-3 give 57,911 unique texts, 1-4 83,719, and 16-token chunks 43,455 more.

Each text is embedded by sentence-transformers (all-MiniLM-L6-v2 from .models/, offline,
L2-normalised, max 256 tokens) on one torch thread, in batches of similar length. A seeded
--queries texts (1,000) are held out as queries, the rest is the base; the exact top-100 by cosine
(= by L2 on unit vectors) is the ground truth, computed in blocks of queries.

usage: ann-minilm-dataset.py OUT_DIR [--n 100000] [--queries 1000] [--bin .build/release/vectordb]
                             [--samples ../shared/edgar-samples] [--count-only]
                             [--granularities 256,128,64,32,sentence,192,96,48,16]
Writes OUT_DIR/base.fvecs, queries.fvecs, groundtruth.ivecs (little-endian `int32 dim` + values per
row), texts.jsonl (one {granularity, source, text} per embedded text, base rows first in base order,
then the queries), vectors.npy (the embeddings in selection order, reused by a rerun with the same
texts: vectors.sha256) and summary.json (counts per granularity, available and used).
"""

import argparse
import collections
import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# One core: the machine is shared with Swift builds.
for variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
# HTML when an <html> tag opens it, after at most an XML declaration, a doctype and comments.
HTML_START = re.compile(r"(\s*(<\?xml[^>]*>|<!DOCTYPE[^>]*>|<!--.*?-->))*\s*<html", re.I | re.S)
SENTENCE_WORDS_MIN = 5
SENTENCE_CHARS_MAX = 1000
TRUTH_K = 100
TRUTH_BLOCK_QUERIES = 100


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def write_vecs(path, rows, dtype):
    rows = np.ascontiguousarray(rows, dtype=dtype)
    header = np.full((rows.shape[0], 1), rows.shape[1], dtype="<i4")
    np.hstack([header.view(dtype), rows]).tofile(path)


def submission_html_documents(path, workdir):
    """The HTML `<DOCUMENT>`s of a full-submission .txt, each written to `workdir` as an .htm file."""
    raw = path.read_bytes().decode("utf-8", errors="replace")
    accession = path.stem
    found = []
    for index, part in enumerate(re.findall(r"<DOCUMENT>(.*?)</DOCUMENT>", raw, flags=re.S)):
        name = re.search(r"<FILENAME>([^\n<]+)", part)
        body = re.search(r"<TEXT>\s*(?:<XBRL>)?(.*?)(?:</XBRL>\s*)?</TEXT>", part, flags=re.S)
        if body is None or not HTML_START.match(body.group(1)):
            continue
        filename = name.group(1).strip() if name else f"document-{index + 1}.htm"
        target = workdir / f"{accession}_{filename}"
        if not target.suffix.lower().startswith(".htm"):
            target = target.with_suffix(".htm")
        target.write_text(body.group(1).lstrip(), encoding="utf-8")
        found.append((f"full-submission/{path.name}:{filename}", target, accession))
    return found


def documents(samples, workdir):
    """(label, path, accession or None) of every HTML filing document in the samples."""
    samples = pathlib.Path(samples)
    found = [(str(p.relative_to(samples)), p, None) for p in sorted(samples.glob("html/*/*.htm"))]
    found += [(str(p.relative_to(samples)), p, None) for p in sorted(samples.glob("filing-folder/**/*.htm"))]
    for path in sorted(samples.glob("full-submission/*.txt")):
        found += submission_html_documents(path, workdir)
    return found


def run_json(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip() or f"exit {result.returncode}")
    return json.loads(result.stdout)


def chunk_texts(binary, path, accession, max_tokens):
    command = [binary, "chunk", str(path), "--json", "--max-tokens", str(max_tokens)]
    command += ["--overlap-tokens", str(max_tokens // 8)]
    if accession:
        command += ["--accession", accession]
    return [chunk["embeddingInput"] for chunk in run_json(command)["chunks"]]


def is_sentence(text):
    if len(text) > SENTENCE_CHARS_MAX or len(text.split()) < SENTENCE_WORDS_MIN:
        return False
    visible = [c for c in text if not c.isspace()]
    return sum(c.isalpha() for c in visible) >= 0.6 * len(visible)


def sentence_texts(binary, path):
    sentences = []
    for section in run_json([binary, "parse", str(path), "--json"])["sections"]:
        for line in section["text"].split("\n"):
            for piece in SENTENCE_END.split(line):
                piece = " ".join(piece.split())
                if is_sentence(piece):
                    sentences.append(piece)
    return sentences


def collect(args):
    """Unique texts per granularity, in document order: {granularity: [(source, text)]}."""
    granularities = args.granularities.split(",")
    seen = set()
    texts = collections.OrderedDict((g, []) for g in granularities)
    with tempfile.TemporaryDirectory(prefix="ann-minilm-") as workdir:
        docs = documents(args.samples, pathlib.Path(workdir))
        log(f"{len(docs)} HTML documents")
        for granularity in granularities:
            for label, path, accession in docs:
                try:
                    if granularity == "sentence":
                        produced = sentence_texts(args.bin, path)
                    else:
                        produced = chunk_texts(args.bin, path, accession, int(granularity))
                except (RuntimeError, json.JSONDecodeError) as error:
                    log(f"skipped {label} ({granularity}): {error}")
                    continue
                for text in produced:
                    key = text.strip()
                    if key and key not in seen:
                        seen.add(key)
                        texts[granularity].append((label, key))
            log(f"{granularity}: {len(texts[granularity])} new unique texts")
    return texts


def select(texts, wanted, rng):
    """At most `wanted` texts: whole granularities in order, the last one needed sampled."""
    chosen = []
    for granularity, rows in texts.items():
        room = wanted - len(chosen)
        if room <= 0:
            break
        if len(rows) > room:
            keep = np.sort(rng.choice(len(rows), size=room, replace=False))
            rows = [rows[i] for i in keep]
        chosen += [(granularity, source, text) for source, text in rows]
    return chosen


def embed(rows, model_dir, batch_size):
    import torch

    from bench_embed_st import load

    torch.set_num_threads(1)
    model = load(model_dir, 256)
    tokenizer = model.tokenizer
    lengths = np.array([len(ids) for ids in tokenizer([text for _, _, text in rows], truncation=True,
                                                      max_length=256)["input_ids"]])
    order = np.argsort(-lengths, kind="stable")
    dimension = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    vectors = np.empty((len(rows), dimension()), dtype=np.float32)
    log(f"embedding {len(rows)} texts, {int(lengths.sum())} tokens (mean {lengths.mean():.1f}), 1 thread")
    started = time.monotonic()
    done_tokens = 0
    step = batch_size * 32
    for start in range(0, len(order), step):
        index = order[start : start + step]
        vectors[index] = model.encode([rows[i][2] for i in index], batch_size=batch_size,
                                      normalize_embeddings=True, convert_to_numpy=True)
        done_tokens += int(lengths[index].sum())
        elapsed = time.monotonic() - started
        remaining = elapsed / done_tokens * (int(lengths.sum()) - done_tokens)
        log(f"{start + len(index)}/{len(rows)} texts, {done_tokens / elapsed:.0f} tokens/s, "
            f"{elapsed / 60:.1f} min, ~{remaining / 60:.1f} min left")
    return vectors, lengths


def ground_truth(queries, base):
    truth = np.empty((len(queries), TRUTH_K), dtype="<i4")
    for start in range(0, len(queries), TRUTH_BLOCK_QUERIES):
        scores = queries[start : start + TRUTH_BLOCK_QUERIES] @ base.T
        top = np.argpartition(-scores, TRUTH_K, axis=1)[:, :TRUTH_K]
        order = np.take_along_axis(scores, top, axis=1).argsort(axis=1)[:, ::-1]
        truth[start : start + TRUTH_BLOCK_QUERIES] = np.take_along_axis(top, order, axis=1)
    return truth


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--n", type=int, default=100_000, help="base vectors wanted")
    parser.add_argument("--queries", type=int, default=1_000, help="held-out query vectors")
    parser.add_argument("--bin", default=".build/release/vectordb")
    parser.add_argument("--samples", default="../shared/edgar-samples")
    parser.add_argument("--model", default=".models/all-MiniLM-L6-v2")
    parser.add_argument("--granularities", default="256,128,64,32,sentence,192,96,48,16")
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--count-only", action="store_true", help="print the texts per granularity and stop")
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(args.seed)

    texts = collect(args)
    available = {g: len(rows) for g, rows in texts.items()}
    if args.count_only:
        print(json.dumps({"available": available, "total": sum(available.values())}))
        return
    wanted = args.n + args.queries
    rows = select(texts, wanted, rng)
    if len(rows) < wanted:
        log(f"the samples hold {len(rows)} unique texts, {wanted - len(rows)} short of {wanted}: using them all")

    # The embeddings are the slow part (tens of minutes): a rerun with the same texts reuses them.
    cache, cache_key = out / "vectors.npy", out / "vectors.sha256"
    digest = hashlib.sha256("\0".join([args.model] + [text for _, _, text in rows]).encode()).hexdigest()
    lengths = None
    if cache.exists() and cache_key.exists() and cache_key.read_text().strip() == digest:
        log(f"reusing {cache}")
        vectors = np.load(cache)
    else:
        vectors, lengths = embed(rows, args.model, args.batch)
        np.save(cache, vectors)
        cache_key.write_text(digest + "\n")

    order = rng.permutation(len(rows))
    query_count = min(args.queries, len(rows) // 10)
    query_rows, base_rows = order[:query_count], order[query_count:]
    queries, base = vectors[query_rows].astype("<f4"), vectors[base_rows].astype("<f4")
    truth = ground_truth(queries, base)
    write_vecs(out / "base.fvecs", base, "<f4")
    write_vecs(out / "queries.fvecs", queries, "<f4")
    write_vecs(out / "groundtruth.ivecs", truth, "<i4")
    with (out / "texts.jsonl").open("w") as sink:
        for i in np.concatenate([base_rows, query_rows]):
            granularity, source, text = rows[i]
            sink.write(json.dumps({"granularity": granularity, "source": source, "text": text}) + "\n")
    summary = {
        "available": available,
        "used": dict(collections.Counter(g for g, _, _ in rows)),
        "base": len(base),
        "queries": query_count,
        "dimension": int(vectors.shape[1]),
        "mean_tokens": None if lengths is None else round(float(lengths.mean()), 1),
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
