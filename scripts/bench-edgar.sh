#!/usr/bin/env bash
# EDGAR client benchmark (see BENCHMARKS.md, "EDGAR client (issue 3)"): the real `vectordb fetch`
# against the fake EDGAR server on 127.0.0.1 at --rate 10 (~200 requests, ~21 s), then the cost of a
# cache hit. Loopback only; never contacts sec.gov.
#   CONFIG=debug (default) uses the debug build; CONFIG=release builds and uses release binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
config=${CONFIG:-debug}
if [ "$config" = release ]; then
  swift build -c release --build-tests
else
  swift build --build-tests
fi
echo "machine: $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores), $(date -u +%Y-%m-%d), build: $config"
VECTORDB_BENCH=1 VECTORDB_BIN="$PWD/.build/$config/vectordb" \
  swift test -c "$config" --skip-build --filter EDGARBenchmarks 2>&1 | grep -E '^BENCH|✘|error' || true
