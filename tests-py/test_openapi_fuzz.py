"""An OpenAPI-driven fuzz run: schemathesis generates requests from the committed
Sources/QueryService/openapi.yaml — valid and invalid bodies, parameters and headers — and sends
them to a live `vectordb serve` (127.0.0.1, a free port, one tenant with a key, the fixture filings
ingested as its collection `filings`). The run fails on any 5xx, on a response whose status, content
type or body the document does not describe, on a route that answers without the key, and on an
invalid request that is accepted.

Two runs: the /v1 routes (but drop) through the examples, coverage and fuzzing phases with `name`
bound to the real collection nine times in ten (so searches reach the ranking and their hits are
checked against the schema), then every operation with generated names through fuzzing and
stateful sequences (create, drop, …). Bounded: a fixed seed, one
worker and FUZZ_API_MAX_EXAMPLES cases per operation and phase (default 10; `make fuzz-api` runs
200), so the suite replays the same cases every time and stays within about two minutes."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from serve_process import ServeProcess, sha256_hex

REPO = pathlib.Path(__file__).resolve().parent.parent
OPENAPI = REPO / "Sources" / "QueryService" / "openapi.yaml"
KEY = "fuzz-key-0123456789abcdef"
SEED = "20261203"
CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
        "negative_data_rejection",
        "ignored_auth",
    ]
)


def schemathesis_binary() -> pathlib.Path:
    binary = pathlib.Path(sys.executable).parent / "schemathesis"
    if not binary.exists():
        pytest.fail(f"schemathesis not found next to {sys.executable}; run `make deps` (requirements-dev.txt)")
    return binary


@pytest.fixture(scope="module")
def fuzz_server(vectordb, data_dir, tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    data = root / "data"
    # The session's ingested fixtures (conftest.py), copied: the fuzz run writes and drops.
    shutil.copytree(data_dir, data / "tenants" / "fuzz")
    config = root / "vectordb.toml"
    config.write_text(
        f"""[server]
data_dir = "data"

[[tenant]]
name = "fuzz"
key_sha256 = ["{sha256_hex(KEY)}"]
rate = 100000
burst = 100000
concurrent_max = 64
admin = true
"""
    )
    server = ServeProcess(vectordb, ["serve", "--config", str(config), "--port", "0"], cwd=REPO)
    server.wait_ready()
    yield server
    status = server.stop()
    assert status == 0, f"serve exited {status}:\n{server.log()}"


def schemathesis_run(server: ServeProcess, workdir: pathlib.Path, config: str, *extra: str) -> None:
    """One `schemathesis run` of the committed document against `server`; fails with its report."""
    config_file = workdir / "schemathesis.toml"
    config_file.write_text(config)
    max_examples = os.environ.get("FUZZ_API_MAX_EXAMPLES", "10")
    command = [
        str(schemathesis_binary()),
        "--config-file",
        str(config_file),
        "--no-color",
        "run",
        str(OPENAPI),
        "--url",
        server.base_url,
        "--header",
        f"Authorization: Bearer {KEY}",
        "--checks",
        CHECKS,
        "--max-examples",
        max_examples,
        "--seed",
        SEED,
        "--workers",
        "1",
        "--request-timeout",
        "30",
        "--generation-database",
        "none",
        *extra,
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=workdir, timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-20000:] + "\n--- server log ---\n" + server.log()[-5000:]
    assert server.process.poll() is None, "the server died under the fuzz run:\n" + server.log()


def test_fuzz_the_api_routes_against_a_real_collection(fuzz_server, tmp_path):
    # Path parameter `name` is the ingested collection nine times in ten (the rest random, often
    # invalid), so searches, upserts and document reads reach the store and the ranking instead of
    # stopping at 404. Dropping is left to the next run, which must not take the collection away.
    config = """
[dictionaries.collections]
values = ["filings"]

[parameters]
"path.name" = { dictionary = "collections", probability = 0.9 }
"""
    schemathesis_run(
        fuzz_server,
        tmp_path,
        config,
        "--include-path-regex",
        "^/v1/",
        "--exclude-name",
        "DELETE /v1/collections/{name}",
        "--phases",
        "examples,coverage,fuzzing",
    )


def test_fuzz_every_operation_with_generated_names(fuzz_server, tmp_path):
    schemathesis_run(fuzz_server, tmp_path, "", "--phases", "fuzzing,stateful")
