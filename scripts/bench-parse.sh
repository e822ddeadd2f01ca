#!/usr/bin/env bash
# Filing-parser speed and memory (issue 4; see BENCHMARKS.md "Filing parser (issue 4)").
#
# 1. Speed: parse + sections + facts of the largest sample 10-K, of the largest inline-XBRL 10-K and
#    of the 10-K with the most inline facts, single core (taskset -c 0), release build: `vectordb parse FILE --json --facts`
#    timed by hyperfine (process start included) and `vectordb bench parse` (in process), against edgartools and Arelle timed in process by
#    scripts/bench-parse-peers.py (imports excluded) in the same run; medians of BENCH_RUNS (>= 5).
# 2. Memory: peak RSS (/usr/bin/time -f %M) of `vectordb parse` on each file and on two synthetic
#    ~200 MB 10-Ks, HTML (the Harbor Ridge fixture's body repeated) and inline XBRL with facts (the
#    Northwind fixture's), each written to a temp dir in turn, never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${BENCH_RUNS:-7}
bin=.build/release/vectordb
samples=${SAMPLES:-../shared/edgar-samples}/html/10-K
py=.venv/bin/python
[ -x "$bin" ] || swift build -c release --product vectordb
[ -x "$py" ] || python3 -m venv .venv
$py -c 'import edgar' 2>/dev/null || .venv/bin/pip install --quiet --disable-pip-version-check edgartools
$py -c 'import arelle' 2>/dev/null || .venv/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
one=(taskset -c 0)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(date -u +%F)"
echo "edgartools $($py -c 'import edgar; print(edgar.__version__)'), arelle-release $($py -c 'from importlib.metadata import version; print(version("arelle-release"))')"
largest=$(ls -S "$samples"/*.htm | head -1)
# The largest inline-XBRL 10-K (the largest 10-K Arelle can read: WFC, ~100 facts, ~1,900 contexts)
# and the one with the most ix:nonFraction facts (Apple).
largest_ix=$(ls -S $(grep -l 'http://www.xbrl.org/2013/inlineXBRL' "$samples"/*.htm) | head -1)
most_facts=$(for f in "$samples"/*.htm; do echo "$(grep -o '<ix:nonFraction' "$f" | wc -l) $f"; done | sort -rn | head -1 | cut -d' ' -f2-)
for file in "$largest" "$largest_ix" "$most_facts"; do
  echo
  echo "== $(basename "$file") ($(stat -c %s "$file") bytes)"
  hyperfine -N --warmup 2 --runs "$runs" --export-json "$tmp/h.json" \
    "${one[*]} $bin parse $file --form 10-K --json --facts" >/dev/null
  $py - "$tmp/h.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(json.dumps({"tool": "vectordb (whole process)", "median_s": round(r["median"], 4), "min_s": round(r["min"], 4)}))
PY
  # In process, timed like the peers (process start excluded).
  "${one[@]}" $bin bench parse "$file" --form 10-K --runs "$runs"
  "${one[@]}" $py scripts/bench-parse-peers.py edgartools "$file" 10-K "$runs"
  if grep -q 'http://www.xbrl.org/2013/inlineXBRL' "$file"; then
    "${one[@]}" $py scripts/bench-parse-peers.py arelle "$file" 10-K "$runs"
  fi
  /usr/bin/time -f "vectordb peak RSS %M KB" "${one[@]}" $bin parse "$file" --form 10-K --json --facts >/dev/null
done

[ "${BENCH_BIG:-1}" = 1 ] || exit 0
# A fixture's <body> content repeated until the file reaches 200 MiB, its head and closing tags kept.
make_big() {
  $py - "$1" "$2" <<'PY'
import sys
html = open(sys.argv[1], encoding="utf-8").read()
head, _, rest = html.partition("<body")
body = rest[rest.index(">") + 1 : rest.rindex("</body>")]
target = 200 * 1024 * 1024
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(head + "<body>")
    written = len(head)
    while written < target:
        out.write(body)
        written += len(body)
    out.write("</body></html>\n")
PY
}
echo
echo "== synthetic 200 MB 10-K (HTML)"
big=$tmp/big-10k.htm
make_big fixtures/edgar/Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm "$big"
echo "input $(stat -c %s "$big") bytes"
/usr/bin/time -f "vectordb parse (sections): %e s, peak RSS %M KB" "${one[@]}" $bin parse "$big" --form 10-K >/dev/null
/usr/bin/time -f "vectordb parse --json: %e s, peak RSS %M KB" "${one[@]}" $bin parse "$big" --form 10-K --json >/dev/null
echo "size limit:"
"$bin" parse "$big" --max-bytes 100000000 2>&1 | tail -1 || true
rm -f "$big"

# The same with inline XBRL: the Northwind fixture has ~100 facts in 50 KB, so ~400,000 facts.
echo
echo "== synthetic 200 MB inline-XBRL 10-K"
big=$tmp/big-ixbrl-10k.htm
make_big fixtures/edgar/Archives/edgar/data/1999902/000199990225000007/nwfl-20250331.htm "$big"
echo "input $(stat -c %s "$big") bytes"
/usr/bin/time -f "vectordb parse (sections): %e s, peak RSS %M KB" "${one[@]}" $bin parse "$big" --form 10-K >/dev/null
/usr/bin/time -f "vectordb parse --facts: %e s, peak RSS %M KB" "${one[@]}" $bin parse "$big" --form 10-K --facts >/dev/null
/usr/bin/time -f "vectordb parse --json --facts: %e s, peak RSS %M KB" "${one[@]}" $bin parse "$big" --form 10-K --json --facts >/dev/null
