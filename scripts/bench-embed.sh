#!/usr/bin/env bash
# Embedding throughput (issue 5): sentences/second for 256-token inputs, batch 32, at 1 and 2 threads,
# for the native Swift MiniLM (EmbedBench, release build; float32 and, where the CPU has AVX-512 BF16,
# bfloat16 products) and, unless BENCH_ONNX=0, onnxruntime running
# the same weights (graph built by scripts/bench_embed_onnx.py, checked against the peer reference) and,
# unless BENCH_ST=0, sentence-transformers on CPU torch (scripts/bench_embed_st.py, same texts as
# EmbedBench, checked against the peer reference; torch's Linux wheel from PyPI pulls several GB of CUDA
# libraries, unused here).
#
# Runs alternate between engines and thread counts for ROUNDS rounds (default 3) so that load from
# other processes hits both alike; the summary keeps each configuration's best round.
# usage: scripts/bench-embed.sh            env: ROUNDS=3 TEXTS=64 BENCH_ONNX=1 BENCH_ST=1 PYTHON=python3
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
TEXTS=${TEXTS:-64}
BENCH_ONNX=${BENCH_ONNX:-1}
BENCH_ST=${BENCH_ST:-1}
# The Swift embedder in each precision this CPU has (bfloat16 needs AVX-512 BF16; see MatrixPrecision).
PRECISIONS=float32
grep -q avx512_bf16 /proc/cpuinfo && PRECISIONS="float32 bfloat16"
PYTHON=${PYTHON:-python3}
MODEL_DIR=.models/all-MiniLM-L6-v2
ONNX_PACKAGES=(onnxruntime==1.32.0 onnx==1.23.2 numpy==2.4.6)
ST_PACKAGES=(torch==2.15.0 sentence-transformers==6.2.0 numpy==2.4.6)

make --no-print-directory deps-models
VECTORDB_BENCHMARKS=1 swift build -c release --scratch-path .build-release --product EmbedBench >&2
if [ "$BENCH_ONNX" != 0 ] || [ "$BENCH_ST" != 0 ]; then
    [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
fi
if [ "$BENCH_ONNX" != 0 ]; then
    .venv/bin/pip install --quiet --disable-pip-version-check "${ONNX_PACKAGES[@]}" >&2
fi
if [ "$BENCH_ST" != 0 ]; then
    .venv/bin/pip install --quiet --disable-pip-version-check "${ST_PACKAGES[@]}" >&2
fi

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for round in $(seq "$ROUNDS"); do
    for threads in 1 2; do
        for precision in $PRECISIONS; do
            OPENBLAS_NUM_THREADS=$threads .build-release/release/EmbedBench "$MODEL_DIR" --texts "$TEXTS" --batch 32 \
                --tokens 256 --precision "$precision" | tee -a "$results"
        done
        if [ "$BENCH_ONNX" != 0 ]; then
            .venv/bin/python scripts/bench_embed_onnx.py "$MODEL_DIR" --texts "$TEXTS" --batch 32 --tokens 256 \
                --threads "$threads" | tee -a "$results"
        fi
        if [ "$BENCH_ST" != 0 ]; then
            .venv/bin/python scripts/bench_embed_st.py "$MODEL_DIR" --texts "$TEXTS" --batch 32 --tokens 256 \
                --threads "$threads" | tee -a "$results"
        fi
    done
done
echo "# best of $ROUNDS rounds, load now $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# engine threads: sentences/s (wall clock) | sentences per CPU-second"
awk '{ delete f; for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
       key = $1 " threads=" f["threads"]; rate = f["sentences_per_s"] + 0; cpu = f["texts"] / f["cpu_seconds"]
       if (rate > best[key]) best[key] = rate; if (cpu > bestCPU[key]) bestCPU[key] = cpu }
     END { for (k in best) printf "%-32s %6.1f | %6.1f\n", k, best[k], bestCPU[k] }' "$results" | sort
