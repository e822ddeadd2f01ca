"""An OpenAPI-driven fuzz run: schemathesis generates requests from the committed
Sources/QueryService/openapi.yaml — valid and invalid bodies, parameters and headers — and sends
them to a live `vectordb serve` (127.0.0.1, a free port, one tenant with a key, the fixture filings
ingested as its collection `filings`). The run fails on any 5xx, on a response whose status, content
type or body the document does not describe, on a route that answers without the key, and on an
invalid request that is accepted.

Bounded: a fixed seed, one worker and FUZZ_API_MAX_EXAMPLES cases per operation (default 40), so
the run takes about a minute on two cores and replays the same cases every time."""

from __future__ import annotations

import os
import pathlib
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
def fuzz_server(vectordb, tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    data = root / "data"
    subprocess.run(
        [vectordb, "run", str(REPO / "pipelines" / "fixtures.toml"), "--data-dir", str(data / "tenants" / "fuzz")],
        check=True,
        capture_output=True,
        cwd=REPO,
    )
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


def test_schemathesis_finds_no_server_error_and_no_schema_violation(fuzz_server, tmp_path):
    max_examples = os.environ.get("FUZZ_API_MAX_EXAMPLES", "40")
    command = [
        str(schemathesis_binary()),
        "run",
        str(OPENAPI),
        "--url",
        fuzz_server.base_url,
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
        "--no-color",
        "--generation-database",
        "none",
        "--report",
        "junit",
        "--report-dir",
        str(tmp_path),
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-20000:] + "\n--- server log ---\n" + fuzz_server.log()[-5000:]
    assert "No issues found" in output or "passed" in output, output[-5000:]
    assert fuzz_server.process.poll() is None, "the server died under the fuzz run:\n" + fuzz_server.log()
