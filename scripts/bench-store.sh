#!/usr/bin/env bash
# Store benchmark (issue 12): a collection of BENCH_STORE_N (100,000) documents of the SEC schema,
# through VectorDB's collection API in process (`vectordb bench store`), against LanceDB (embedded,
# vector index with prefiltering, native full-text search, hybrid) and the bare hnswlib index, on
# the same dataset, filters and exact ground truth, in the same run.
# The dataset (scripts/store-dataset.py on the vectors of scripts/ann-dataset.py, same seed as
# scripts/bench-ann.sh) is written once to .bench-data/store-N/ (ignored by git); collections go to
# .bench-data/store-N-work/ and are rebuilt each run. Each cell runs BENCH_STORE_QUERIES (50)
# single-threaded queries: the engine of today scans every row per query, so keep it small at 1M.
# Open is measured in a fresh process, page cache warm and cold (eviction as reported).
# The table is printed and written into BENCHMARKS.md between the <!-- store-table --> markers;
# set BENCH_STORE_WRITE=0 to only print it, BENCH_STORE_MARKER=store-table-1m for the 1M table.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${BENCH_STORE_N:-100000}
queries=${BENCH_STORE_QUERIES:-50}
data=.bench-data/store-$n
work=.bench-data/store-$n-work
bin=.build/release/vectordb
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ -f .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-bench.txt
[ -f "$data/base.fvecs" ] || .venv/bin/python scripts/ann-dataset.py "$data" --n "$n" --queries 1000 --k 10
[ -f "$data/truth-q$queries.stamp" ] || {
  .venv/bin/python scripts/store-dataset.py "$data" --n "$n" --queries "$queries"
  rm -f "$data"/truth-q*.stamp && touch "$data/truth-q$queries.stamp"
}
# The schema is today's (a dataset written before a schema change keeps its documents).
cp config/sec-collection.toml "$data/schema.toml"
rm -rf "$work" && mkdir -p "$work"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
store=(--dataset "$data" --data-dir "$work/vectordb" --queries "$queries" --json)
"$bin" bench store --phase ingest "${store[@]}" | tee -a "$out/results.jsonl"
"$bin" bench store --phase query "${store[@]}" | tee -a "$out/results.jsonl"
"$bin" bench store --phase query --cold "${store[@]}" | tee -a "$out/results.jsonl"
peers=(.venv/bin/python -W ignore scripts/store-peers.py)
export RUST_LOG=error LANCE_LOG=error OPENBLAS_NUM_THREADS=1
"${peers[@]}" lancedb-ingest "$data" "$work/lancedb" | tee -a "$out/results.jsonl"
"${peers[@]}" lancedb-query "$data" "$work/lancedb" --queries "$queries" | tee -a "$out/results.jsonl"
"${peers[@]}" lancedb-query "$data" "$work/lancedb" --queries "$queries" --cold | tee -a "$out/results.jsonl"
"${peers[@]}" hnswlib "$data" --queries "$queries" | tee -a "$out/results.jsonl"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cp "$out/results.jsonl" "$work/results.jsonl"
header="Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(date -u '+%F %H:%M') UTC; \
load average $load_before before, $load_after after; N=$n documents, $queries queries per cell, k=10; \
\`BENCH_STORE_N=$n scripts/bench-store.sh\`."
write=()
[ "${BENCH_STORE_WRITE:-1}" = 1 ] && write=(--write BENCHMARKS.md --marker "${BENCH_STORE_MARKER:-store-table}")
.venv/bin/python scripts/store-table.py "$out/results.jsonl" --header "$header" "${write[@]}"
