#!/usr/bin/env python3
"""Real MiniLM embeddings of filing chunks as an ANN dataset (see scripts/bench-ann.sh, ANN_DATASET=minilm).

Every HTML filing in ../shared/edgar-samples/html/ is cut by `vectordb chunk FILE --json` (the
pipeline's section-aware chunker, 256 MiniLM tokens); each chunk's embedding input is embedded by
sentence-transformers (all-MiniLM-L6-v2 from .models/, offline, L2-normalised). A seeded 10 % of the
chunks (at most 1,000) become the queries, the rest the base; the exact top-100 by cosine (= by L2 on
unit vectors) is the ground truth.

usage: ann-minilm-dataset.py OUT_DIR [--bin .build/release/vectordb] [--samples ../shared/edgar-samples]
Writes OUT_DIR/base.fvecs, queries.fvecs, groundtruth.ivecs (little-endian `int32 dim` + values per row).
"""

import argparse
import json
import os
import pathlib
import subprocess
import sys

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench_embed_st import load  # noqa: E402


def write_vecs(path, rows, dtype):
    rows = np.ascontiguousarray(rows, dtype=dtype)
    with open(path, "wb") as out:
        for row in rows:
            np.array([row.shape[0]], dtype="<i4").tofile(out)
            row.astype(dtype).tofile(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--bin", default=".build/release/vectordb")
    parser.add_argument("--samples", default="../shared/edgar-samples")
    parser.add_argument("--model", default=".models/all-MiniLM-L6-v2")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    texts = []
    for path in sorted(pathlib.Path(args.samples, "html").glob("*/*.htm")):
        result = subprocess.run([args.bin, "chunk", str(path), "--json"], capture_output=True, text=True)
        if result.returncode != 0:
            print(f"skipped {path.name}: {result.stderr.strip()}", file=sys.stderr)
            continue
        texts += [chunk["embeddingInput"] for chunk in json.loads(result.stdout)["chunks"]]
    import torch

    torch.set_num_threads(os.cpu_count() or 1)
    model = load(args.model, 256)
    vectors = model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    vectors = vectors.astype("<f4")
    order = np.random.default_rng(args.seed).permutation(len(vectors))
    query_count = min(1000, len(vectors) // 10)
    queries, base = vectors[order[:query_count]], vectors[order[query_count:]]
    truth = np.argsort(-(queries @ base.T), axis=1)[:, :100].astype("<i4")
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    write_vecs(out / "base.fvecs", base, "<f4")
    write_vecs(out / "queries.fvecs", queries, "<f4")
    write_vecs(out / "groundtruth.ivecs", truth, "<i4")
    print(json.dumps({"chunks": len(texts), "base": len(base), "queries": query_count, "dimension": vectors.shape[1]}))


if __name__ == "__main__":
    main()
