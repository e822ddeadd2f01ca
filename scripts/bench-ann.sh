#!/usr/bin/env bash
# ANN benchmark: VectorDB's HNSW (float32 and int8 traversal on one graph) against hnswlib and
# faiss (HNSWFlat) on the same dataset (by default 100,000 × 384 L2-normalised vectors, a seeded
# mixture of 100 Gaussian clusters; ANN_DATASET=minilm: real MiniLM embeddings of filing text, see
# below; 1,000 queries, exact ground truth), in the same run, peers right after VectorDB.
# Build uses 2 threads for every engine; search is single-threaded; the fastest of ANN_REPEAT (5)
# passes per ef is kept (the machine is shared: more passes make the minimum less noisy).
# Peers are installed into .venv; the dataset is written to .bench-data/ (ignored by git).
# The table (with machine, date and load average) is printed and written into BENCHMARKS.md
# between the <!-- ann-table --> markers; set ANN_WRITE=0 to only print it.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${ANN_N:-100000}
efs=${ANN_EF:-16,32,64,128,256}
repeat=${ANN_REPEAT:-5}
# ANN_DATASET=minilm: real MiniLM embeddings of the sample filings' text instead of the seeded clusters:
# ANN_N base vectors (+ 1,000 queries) from chunks of 256 down to 16 tokens and sentences
# (scripts/ann-minilm-dataset.py; needs sentence-transformers, which scripts/bench-embed.sh installs,
# and .build/release/vectordb). Embedding the 101,000 texts on one core took 41 minutes; the dataset
# is kept in .bench-data/ann-minilm-100k, so generate it first (in the background) and rerun freely.
# The table goes between the <!-- ann-table-minilm --> markers.
dataset=${ANN_DATASET:-clusters}
data=.bench-data/ann-$n
marker=ann-table
if [ "$dataset" = minilm ]; then
  data=.bench-data/ann-minilm-$((n / 1000))k
  marker=ann-table-minilm
  [ -f "$data/groundtruth.ivecs" ] || .venv/bin/python scripts/ann-minilm-dataset.py "$data" --n "$n"
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.venv/bin/pip install --quiet --disable-pip-version-check numpy hnswlib faiss-cpu
[ -f "$data/groundtruth.ivecs" ] || .venv/bin/python scripts/ann-dataset.py "$data" --n "$n"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
.build/release/vectordb bench ann --base "$data/base.fvecs" --queries "$data/queries.fvecs" \
  --groundtruth "$data/groundtruth.ivecs" --k 10 --ef "$efs" --m 16 --ef-construction 200 --threads 2 \
  --quantize none,int8 --repeat "$repeat" --json >"$out/results.jsonl"
OPENBLAS_NUM_THREADS=1 .venv/bin/python scripts/ann-peers.py "$data" --k 10 --ef "$efs" --m 16 \
  --ef-construction 200 --threads 2 --repeat "$repeat" >>"$out/results.jsonl"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
header="Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(date -u '+%F %H:%M') UTC; \
load average $load_before before, $load_after after; dataset $dataset ($data), M=16, efConstruction=200."
write=()
[ "${ANN_WRITE:-1}" = 1 ] && write=(--write BENCHMARKS.md --marker "$marker")
.venv/bin/python scripts/ann-table.py "$out/results.jsonl" --header "$header" "${write[@]}"
