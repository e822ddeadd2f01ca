#!/usr/bin/env python3
"""Measures hnswlib and faiss (HNSWFlat) on the same .fvecs/.ivecs files as `vectordb bench ann`:
build time with BUILD_THREADS threads, then recall@k and queries per second with one thread.

usage: ann-peers.py DIR [--k 10] [--ef 16,32,64,128,256] [--m 16] [--ef-construction 200] [--threads 2]
"""

import argparse
import json
import pathlib
import time

import numpy as np


def read_vecs(path, dtype):
    raw = np.fromfile(path, dtype=np.int32)
    dim = raw[0]
    return raw.reshape(-1, dim + 1)[:, 1:].view(dtype).copy()


def recall(found, truth, k):
    return float(np.mean([len(set(f[:k]) & set(t[:k])) / k for f, t in zip(found, truth)]))


def bench_hnswlib(base, queries, truth, args, efs):
    import hnswlib

    index = hnswlib.Index(space="l2", dim=base.shape[1])
    index.init_index(max_elements=base.shape[0], M=args.m, ef_construction=args.ef_construction, random_seed=42)
    index.set_num_threads(args.threads)
    start = time.perf_counter()
    index.add_items(base, np.arange(base.shape[0]))
    build = time.perf_counter() - start
    index.set_num_threads(1)
    rows = []
    for ef in efs:
        index.set_ef(ef)
        seconds = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            labels, _ = index.knn_query(queries, k=args.k, num_threads=1)
            seconds = min(seconds, time.perf_counter() - start)
        rows.append({"ef": ef, "recall": recall(labels, truth, args.k), "qps": len(queries) / seconds})
    return {"engine": "hnswlib", "build_seconds": build, "results": rows}


def bench_faiss(base, queries, truth, args, efs):
    import faiss

    faiss.omp_set_num_threads(args.threads)
    index = faiss.IndexHNSWFlat(base.shape[1], args.m)
    index.hnsw.efConstruction = args.ef_construction
    start = time.perf_counter()
    index.add(base)
    build = time.perf_counter() - start
    faiss.omp_set_num_threads(1)
    rows = []
    for ef in efs:
        index.hnsw.efSearch = ef
        seconds = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            _, labels = index.search(queries, args.k)
            seconds = min(seconds, time.perf_counter() - start)
        rows.append({"ef": ef, "recall": recall(labels, truth, args.k), "qps": len(queries) / seconds})
    return {"engine": "faiss-hnsw", "build_seconds": build, "results": rows}


def memory_bandwidth(base):
    """Sequential read bandwidth of one thread: numpy sums the base vectors (larger than the
    last-level cache), fastest of 5 passes; the ceiling for an exact scan."""
    flat = base.reshape(-1)
    seconds = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        flat.sum(dtype=np.float32)
        seconds = min(seconds, time.perf_counter() - start)
    return {"engine": "numpy sum", "memory_read_gb_per_s": flat.nbytes / seconds / 1e9}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--ef", default="16,32,64,128,256")
    parser.add_argument("--m", type=int, default=16)
    parser.add_argument("--ef-construction", type=int, default=200)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per ef; the fastest is reported")
    args = parser.parse_args()
    folder = pathlib.Path(args.dir)
    base = read_vecs(folder / "base.fvecs", np.float32)
    queries = read_vecs(folder / "queries.fvecs", np.float32)
    truth = read_vecs(folder / "groundtruth.ivecs", np.int32)
    efs = [int(x) for x in args.ef.split(",")]
    for bench in (bench_hnswlib, bench_faiss):
        print(json.dumps(bench(base, queries, truth, args, efs)), flush=True)
    print(json.dumps(memory_bandwidth(base)))


if __name__ == "__main__":
    main()
