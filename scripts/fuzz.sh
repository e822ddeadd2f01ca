#!/usr/bin/env bash
# libFuzzer runs of the filing parser (`make fuzz`; not part of `make test`).
#
# Builds two fuzz executables with `swiftc -sanitize=fuzzer,address` into .build-fuzz/ — SECModel and
# FilingParser compiled from Sources/ as modules, plus one entry point each from Tests/Fuzz/ — seeds
# each corpus from the fixtures, and runs each target for FUZZ_SECONDS (default 120) on one core.
# A crash leaves its input in .build-fuzz/artifacts/<target>/; copy it to
# Tests/FilingParserTests/Regressions/ (html-… or sgml-…) so FuzzRegressionTests replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build-fuzz
seconds=${FUZZ_SECONDS:-120}
targets=${FUZZ_TARGETS:-"html sgml"}
mkdir -p "$out/obj"

flags=(-swift-version 6 -sanitize=fuzzer,address -parse-as-library -O -g -I "$out/obj" -I Sources/CLibXML2
  -Xcc -I/usr/include/libxml2)
build_module() { # name, sources...
  local name=$1
  shift
  swiftc "${flags[@]}" -module-name "$name" -emit-module -emit-module-path "$out/obj/$name.swiftmodule" \
    -wmo -c "$@" -o "$out/obj/$name.o"
}
echo "building fuzz targets into $out"
build_module SECModel $(find Sources/SECModel -name '*.swift' | sort)
build_module FilingParser $(find Sources/FilingParser -name '*.swift' | sort)
swiftc "${flags[@]}" -module-name FuzzHTML Tests/Fuzz/FilingHTMLFuzzTarget.swift \
  "$out/obj/SECModel.o" "$out/obj/FilingParser.o" -lxml2 -o "$out/fuzz-html"
swiftc "${flags[@]}" -module-name FuzzSGML Tests/Fuzz/SGMLFuzzTarget.swift \
  "$out/obj/SECModel.o" "$out/obj/FilingParser.o" -lxml2 -o "$out/fuzz-sgml"

seed() { # target, files...
  local corpus=$out/corpus-$1
  shift
  mkdir -p "$corpus"
  for file in "$@"; do [ -f "$file" ] && cp "$file" "$corpus/seed-$(basename "$file")"; done
  return 0
}
seed html $(find fixtures/edgar/Archives fixtures/xbrl -name '*.htm') Tests/FilingParserTests/Regressions/html-*
seed sgml Tests/Fuzz/Seeds/sgml/* Tests/FilingParserTests/Regressions/sgml-*

status=0
for target in $targets; do
  mkdir -p "$out/artifacts/$target"
  echo "fuzzing $target for ${seconds}s"
  # -rss_limit_mb bounds memory per input; -timeout flags an input that takes >10 s as a hang.
  # -detect_leaks=0: the Swift regex runtime keeps the AST of each lazily compiled static `Regex`
  # alive through reference cycles, which LeakSanitizer reports once per pattern; not a per-input leak.
  # ASAN_OPTIONS turns off the same check at exit (otherwise reported as a crash on the last input).
  ASAN_OPTIONS=detect_leaks=0 "$out/fuzz-$target" "$out/corpus-$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$out/artifacts/$target/" \
    2>&1 | tail -n 25 || status=1
done
ls "$out"/artifacts/*/ 2>/dev/null | grep -E 'crash|leak|timeout|oom' && status=1
exit $status
