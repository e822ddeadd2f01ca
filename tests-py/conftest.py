"""Shared fixtures for the CLI-contract suite: the binary under test and a data directory
holding the ingested fixtures."""

import os
import pathlib
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
