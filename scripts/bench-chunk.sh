#!/usr/bin/env bash
# Chunker throughput (issue 5): MB of canonical text per second on the sample 10-K with the most
# canonical text, token counting with MiniLM's WordPiece (and with the approximate counter), release
# build. BIN defaults to the `make build-release` binary.
# usage: scripts/bench-chunk.sh            env: BIN=.build/release/vectordb ROUNDS=7
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/vectordb}
ROUNDS=${ROUNDS:-7}
samples=../shared/edgar-samples/html/10-K
[ -x "$BIN" ] || swift build -c release --product vectordb >&2
make --no-print-directory deps-models

largest="" most=0
for file in "$samples"/*.htm; do
    characters=$("$BIN" parse "$file" --json | sed -n 's/.*"characters" *: *\([0-9]*\).*/\1/p' | head -1)
    if [ "${characters:-0}" -gt "$most" ]; then most=$characters largest=$file; fi
done
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$BIN" bench chunk "$largest" --rounds "$ROUNDS" --provider minilm
"$BIN" bench chunk "$largest" --rounds "$ROUNDS" --provider hashing
echo "# load now $(cut -d' ' -f1-3 /proc/loadavg)"
