#!/usr/bin/env bash
# ANN benchmark: VectorDB's HNSW against hnswlib and faiss (HNSWFlat) on the same seeded dataset
# (100,000 × 384 L2-normalised vectors, 100 Gaussian clusters, 1,000 queries, exact ground truth).
# Build uses 2 threads for every engine; search is single-threaded; the fastest of 3 passes is kept.
# Peers are installed into .venv; the dataset is written to .bench-data/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${ANN_N:-100000}
data=.bench-data/ann-$n
.venv/bin/pip install --quiet --disable-pip-version-check numpy hnswlib faiss-cpu
[ -f "$data/groundtruth.ivecs" ] || .venv/bin/python scripts/ann-dataset.py "$data" --n "$n"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores), $(date -u +%F)"
.build/release/vectordb bench ann --base "$data/base.fvecs" --queries "$data/queries.fvecs" \
  --groundtruth "$data/groundtruth.ivecs" --k 10 --ef 16,32,64,128,256 --m 16 --ef-construction 200 --threads 2
OPENBLAS_NUM_THREADS=1 .venv/bin/python scripts/ann-peers.py "$data" --k 10 --ef 16,32,64,128,256 --m 16 \
  --ef-construction 200 --threads 2
