"""Shared fixtures for the CLI-contract suite: the binary under test and a data directory
holding the ingested fixtures."""

import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def vectordb() -> str:
    binary = os.environ.get("VECTORDB_BIN", str(REPO / ".build" / "debug" / "vectordb"))
    if not pathlib.Path(binary).exists():
        pytest.fail(f"vectordb binary not found at {binary}; run `make build` first")
    return binary


@pytest.fixture(scope="session")
def data_dir(vectordb, tmp_path_factory) -> pathlib.Path:
    data = tmp_path_factory.mktemp("data")
    subprocess.run(
        [vectordb, "run", str(REPO / "pipelines" / "fixtures.toml"), "--data-dir", str(data)],
        check=True,
        capture_output=True,
        cwd=REPO,
    )
    return data


# Live `vectordb serve` processes over copies of the ingested fixtures (copies, so the CLI suites'
# reads of `data_dir` never meet a server's open store): one without keys, one with tenants.
ACME_KEY = "acme-test-key"
GLOBEX_KEY = "globex-test-key"
SLOW_KEY = "slow-test-key"


@pytest.fixture(scope="session")
def open_server(vectordb, data_dir, tmp_path_factory):
    """`vectordb serve --no-auth` over a copy of the fixtures (collection `filings`)."""
    from live_server import LiveServer

    data = tmp_path_factory.mktemp("open-server") / "data"
    shutil.copytree(data_dir / "collections", data / "collections")
    server = LiveServer(vectordb, ["--no-auth", "--data-dir", str(data)], cwd=REPO)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def keyed_server(vectordb, data_dir, tmp_path_factory):
    """`vectordb serve --config` with tenants `acme` (admin; owns a copy of `filings`), `globex`,
    and `slow` (one request, then 429 for ~1000 s)."""
    from live_server import LiveServer, keyed_config

    directory = tmp_path_factory.mktemp("keyed-server")
    shutil.copytree(data_dir / "collections", directory / "data" / "tenants" / "acme" / "collections")
    config = keyed_config(
        directory,
        {
            "acme": {"key": ACME_KEY, "admin": True},
            "globex": {"key": GLOBEX_KEY},
            "slow": {"key": SLOW_KEY, "rate": 0.001, "burst": 1},
        },
    )
    server = LiveServer(vectordb, ["--config", str(config)], cwd=REPO)
    yield server
    server.stop()
