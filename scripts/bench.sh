#!/usr/bin/env bash
# Whole-command timings of the release binary (see BENCHMARKS.md): parse of the largest sample 10-K,
# and the fixtures pipeline end to end. Uses hyperfine (Debian) when present, else a timed loop.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/vectordb
samples=../shared/edgar-samples/html/10-K
largest=$(ls -S "$samples"/*.htm 2>/dev/null | head -1 || true)
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

if ! command -v hyperfine >/dev/null; then
  apt-get install -y -qq hyperfine >/dev/null 2>&1 || true
fi
echo "machine: $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores)"
if command -v hyperfine >/dev/null; then
  [ -n "$largest" ] && hyperfine --warmup 2 --runs 10 -N "$bin parse $largest"
  hyperfine --warmup 1 --runs 10 --prepare "rm -rf $data/d" "$bin run pipelines/fixtures.toml --data-dir $data/d --log-level error"
else
  for i in 1 2 3; do /usr/bin/time -f "parse: %e s, %M KB" "$bin" parse "$largest" >/dev/null; done
fi
