#!/usr/bin/env bash
# `make screenshot`: docs/screenshot.png, headless Chromium's picture of the search page answering
# a real query over the bundled fixtures (ingested into a temporary data directory with the default
# MiniLM embedder and served with `vectordb serve --no-auth` on a free 127.0.0.1 port).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${VECTORDB_BIN:-.build/debug/vectordb}
OUT=${SCREENSHOT_OUT:-docs/screenshot.png}
QUERY=${SCREENSHOT_QUERY:-reliance on a single third-party foundry for wafer supply}
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "error: chromium is not installed (make deps installs it)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "error: $BIN is missing (make build)" >&2; exit 1; }

tmp=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

"$BIN" run pipelines/fixtures.toml --data-dir "$tmp/data" >/dev/null
"$BIN" serve --no-auth --data-dir "$tmp/data" --port 0 2>"$tmp/serve.log" &
server=$!
port=""
for _ in $(seq 1 600); do # up to a minute for the "listening" line
  port=$(grep -o 'listening.*port=[0-9]*' "$tmp/serve.log" | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)' \
    "http://127.0.0.1:$port/readyz" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "error: vectordb serve did not start" >&2; cat "$tmp/serve.log" >&2; exit 1; }

query=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$QUERY")
url="http://127.0.0.1:$port/?collection=filings&q=$query&k=4"
"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
  --user-data-dir="$tmp/profile" --hide-scrollbars --window-size=1200,1250 \
  --virtual-time-budget=60000 --screenshot="$tmp/shot.png" "$url" 2>"$tmp/chromium.log" \
  || { cat "$tmp/chromium.log" >&2; exit 1; }
mv "$tmp/shot.png" "$OUT"
echo "wrote $OUT ($url)"
