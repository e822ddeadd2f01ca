#!/usr/bin/env python3
"""The peers of `vectordb bench store` (issue 12) on the same dataset (scripts/store-dataset.py),
filters and ground truth, printing one JSON object per line in the same shape as VectorDB's:

  lancedb-ingest DATASET WORK   LanceDB embedded: table from the documents and vectors, a vector
                                index (IVF_HNSW_SQ by default, or --index IVF_PQ), BTREE/BITMAP scalar
                                indexes on the filter fields and a native full-text index on text;
                                documents/s of the whole build, bytes on disk per document.
  lancedb-query DATASET WORK    fresh process: open time (warm, or --cold after evicting the files
                                from the page cache), then p50/p99/QPS/recall@k per filter and mode
                                (vector with prefilter, fts with prefilter, hybrid with RRF), RSS.
  hnswlib DATASET               the bare index, unfiltered: 2-thread build rate (M 16, efC 200) and
                                recall@k / QPS (1 thread) per ef.
"""

import argparse
import json
import os
import pathlib
import resource
import statistics
import sys
import time

import numpy as np


def read_fvecs(path):
    raw = np.fromfile(path, dtype=np.int32)
    return raw.reshape(-1, raw[0] + 1)[:, 1:].view(np.float32)


def load(dataset, queries_max):
    dataset = pathlib.Path(dataset)
    texts = [json.loads(line)["text"] for line in open(dataset / "queries.jsonl")][:queries_max]
    vectors = read_fvecs(dataset / "queries.fvecs")[: len(texts)]
    filters = json.loads((dataset / "filters.json").read_text())
    truth = json.loads((dataset / "truth.json").read_text())
    return texts, vectors, filters, truth["truth"], truth["k"]


def rss():
    """(VmRSS, VmHWM) of this process in bytes."""
    values = {}
    for line in open("/proc/self/status"):
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) * 1024
    return values.get("VmRSS", 0), values.get("VmHWM", 0)


def disk_bytes(path):
    return sum(f.stat().st_size for f in pathlib.Path(path).rglob("*") if f.is_file())


def evict(path):
    """Drops the files from the page cache: drop_caches if writable, else fadvise(DONTNEED)."""
    os.sync()
    try:
        with open("/proc/sys/vm/drop_caches", "w") as sink:
            sink.write("1\n")
        return "drop_caches"
    except OSError:
        pass
    files = [f for f in pathlib.Path(path).rglob("*") if f.is_file()]
    done = 0
    for f in files:
        fd = os.open(f, os.O_RDONLY)
        try:
            os.fdatasync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            done += 1
        finally:
            os.close(fd)
    return f"fadvise_dontneed {done}/{len(files)} files"


def summary(seconds):
    ordered = sorted(seconds)
    def percentile(p):
        rank = max(0, min(len(ordered) - 1, int(np.ceil(p * len(ordered))) - 1))
        return ordered[rank] * 1000
    return {"p50_ms": percentile(0.5), "p99_ms": percentile(0.99), "qps": len(seconds) / sum(seconds)}


def documents_table(dataset):
    import pyarrow as pa
    import pyarrow.json as pj

    dataset = pathlib.Path(dataset)
    table = pj.read_json(dataset / "documents.jsonl", read_options=pj.ReadOptions(block_size=64 << 20))
    base = read_fvecs(dataset / "base.fvecs")[: table.num_rows]
    vectors = pa.FixedSizeListArray.from_arrays(pa.array(base.reshape(-1), type=pa.float32()), base.shape[1])
    return table.append_column("vector", vectors)


def lancedb_ingest(args):
    import lancedb

    table = documents_table(args.dataset)
    db = lancedb.connect(args.work)
    start = time.perf_counter()
    lance_table = db.create_table("bench_store", table, mode="overwrite")
    kwargs = {"metric": "cosine", "vector_column_name": "vector", "index_type": args.index}
    if args.index == "IVF_PQ":
        kwargs.update(num_partitions=max(1, int(np.sqrt(table.num_rows))), num_sub_vectors=48)
    else:
        kwargs.update(num_partitions=max(1, table.num_rows // 100_000), m=16, ef_construction=200)
    lance_table.create_index(**kwargs)
    for column, kind in (("cik", "BTREE"), ("fiscal_year", "BTREE"), ("form", "BITMAP"), ("item", "BITMAP")):
        lance_table.create_scalar_index(column, index_type=kind)
    lance_table.create_fts_index("text", stem=False, remove_stop_words=False, replace=True)
    seconds = time.perf_counter() - start
    n = table.num_rows
    size = disk_bytes(args.work)
    print(json.dumps({"engine": "lancedb", "phase": "ingest", "documents": n, "ingest_seconds": seconds,
                      "documents_per_second": n / seconds, "disk_bytes": size,
                      "disk_bytes_per_document": size / n, "index": args.index}), flush=True)


def lancedb_query(args):
    import lancedb

    texts, vectors, filters, truth, k = load(args.dataset, args.queries)
    result = {"engine": "lancedb", "phase": "query", "cache": "cold" if args.cold else "warm", "index": args.index}
    if args.cold:
        result["eviction"] = evict(args.work)
    start = time.perf_counter()
    table = lancedb.connect(args.work).open_table("bench_store")
    result["open_ms"] = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    vector_query(table, vectors[0], "", k, args).to_list()
    result["first_query_ms"] = (time.perf_counter() - start) * 1000
    result["rss_after_open_bytes"] = rss()[0]
    if args.cold:
        print(json.dumps(result), flush=True)
        return
    cells = []
    for described in filters:
        for mode in ("vector", "lexical", "hybrid"):
            seconds, found, expected_total = [], 0, 0
            for q, text in enumerate(texts):
                start = time.perf_counter()
                if mode == "vector":
                    query = vector_query(table, vectors[q], described["sql"], k, args)
                elif mode == "lexical":
                    query = table.search(text, query_type="fts", fts_columns="text").limit(k)
                    if described["sql"]:
                        query = query.where(described["sql"], prefilter=True)
                else:
                    query = table.search(query_type="hybrid").vector(vectors[q]).text(text).limit(k)
                    query = tune(query, args)
                    if described["sql"]:
                        query = query.where(described["sql"], prefilter=True)
                ids = [row["id"] for row in query.select(["id"]).to_list()]
                seconds.append(time.perf_counter() - start)
                expected = set(truth[described["name"]][mode][q])
                found += len(expected.intersection(ids))
                expected_total += len(expected)
            cell = {"filter": described["name"], "mode": mode, "queries": len(seconds),
                    "recall": found / expected_total if expected_total else 1.0,
                    "matching": described["count"], "fraction": described["fraction"]}
            cell.update(summary(seconds))
            cells.append(cell)
    result["cells"] = cells
    result["rss_after_queries_bytes"], result["rss_peak_bytes"] = rss()
    print(json.dumps(result), flush=True)


def tune(query, args):
    if args.index == "IVF_PQ":
        return query.nprobes(args.nprobes).refine_factor(args.refine)
    return query.nprobes(args.nprobes).ef(args.ef)


def vector_query(table, vector, where, k, args):
    query = tune(table.search(vector, vector_column_name="vector").distance_type("cosine").limit(k), args)
    if where:
        query = query.where(where, prefilter=True)
    return query.select(["id"])


def hnswlib_run(args):
    import hnswlib

    texts, vectors, filters, truth, k = load(args.dataset, args.queries)
    dataset = pathlib.Path(args.dataset)
    ids = [json.loads(line)["id"] for line in open(dataset / "documents.jsonl")]
    base = read_fvecs(dataset / "base.fvecs")[: len(ids)]
    index = hnswlib.Index(space="ip", dim=base.shape[1])
    index.init_index(max_elements=base.shape[0], M=16, ef_construction=200, random_seed=1)
    index.set_num_threads(2)
    start = time.perf_counter()
    index.add_items(base, np.arange(base.shape[0]))
    build = time.perf_counter() - start
    index.set_num_threads(1)
    expected_rows = truth["none"]["vector"]
    results = []
    for ef in (16, 32, 64, 128, 256):
        index.set_ef(ef)
        seconds, found = [], 0
        for q, vector in enumerate(vectors):
            start = time.perf_counter()
            labels, _ = index.knn_query(vector, k=k)
            seconds.append(time.perf_counter() - start)
            found += len(set(expected_rows[q]).intersection(ids[label] for label in labels[0]))
        cell = {"ef": ef, "recall": found / (k * len(vectors))}
        cell.update(summary(seconds))
        results.append(cell)
    print(json.dumps({"engine": "hnswlib", "phase": "bare", "documents": base.shape[0], "build_seconds": build,
                      "build_threads": 2, "documents_per_second": base.shape[0] / build, "results": results,
                      "rss_peak_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["lancedb-ingest", "lancedb-query", "hnswlib"])
    parser.add_argument("dataset")
    parser.add_argument("work", nargs="?")
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--index", default="IVF_HNSW_SQ", choices=["IVF_HNSW_SQ", "IVF_PQ"])
    parser.add_argument("--nprobes", type=int, default=20)
    parser.add_argument("--refine", type=int, default=10)
    parser.add_argument("--ef", type=int, default=64)
    args = parser.parse_args()
    if args.command == "lancedb-ingest":
        lancedb_ingest(args)
    elif args.command == "lancedb-query":
        lancedb_query(args)
    else:
        hnswlib_run(args)


if __name__ == "__main__":
    sys.exit(main())
