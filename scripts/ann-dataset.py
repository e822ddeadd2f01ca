#!/usr/bin/env python3
"""Writes a seeded ANN benchmark dataset as .fvecs/.ivecs: a mixture of Gaussian clusters,
L2-normalised (like sentence embeddings), with exact ground truth by brute force.

usage: ann-dataset.py OUT_DIR [--n 100000] [--dim 384] [--clusters 100] [--queries 1000] [--k 100]
"""

import argparse
import pathlib

import numpy as np


def write_vecs(path, rows, dtype):
    rows = np.ascontiguousarray(rows, dtype=dtype)
    header = np.full((rows.shape[0], 1), rows.shape[1], dtype=np.int32)
    np.hstack([header.view(dtype), rows]).tofile(path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--clusters", type=int, default=100)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--k", type=int, default=100)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    rng = np.random.default_rng(args.seed)
    centers = rng.standard_normal((args.clusters, args.dim), dtype=np.float32)

    def sample(count):
        labels = rng.integers(0, args.clusters, count)
        points = centers[labels] + 0.6 * rng.standard_normal((count, args.dim), dtype=np.float32)
        return points / np.linalg.norm(points, axis=1, keepdims=True)

    base = sample(args.n).astype(np.float32)
    queries = sample(args.queries).astype(np.float32)
    truth = np.empty((args.queries, args.k), dtype=np.int32)
    for start in range(0, args.queries, 100):
        scores = queries[start : start + 100] @ base.T
        top = np.argpartition(-scores, args.k, axis=1)[:, : args.k]
        order = np.take_along_axis(scores, top, axis=1).argsort(axis=1)[:, ::-1]
        truth[start : start + 100] = np.take_along_axis(top, order, axis=1)

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    write_vecs(out / "base.fvecs", base, np.float32)
    write_vecs(out / "queries.fvecs", queries, np.float32)
    write_vecs(out / "groundtruth.ivecs", truth, np.int32)
    print(f"wrote {args.n} x {args.dim} base, {args.queries} queries, top-{args.k} ground truth to {out}")


if __name__ == "__main__":
    main()
