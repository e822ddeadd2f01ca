"""Arelle parity: the facts `vectordb parse --facts` reads from every inline-XBRL and XBRL-instance file in
../shared/edgar-samples equal the facts Arelle reads (scripts/arelle-facts.py, scripts/compare-facts.py).

Runs when the samples, the debug binary and Arelle (.venv, from requirements-dev.txt) are present."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO.parent / "shared" / "edgar-samples"
BINARY = Path(os.environ.get("VECTORDB_BIN", REPO / ".build" / "debug" / "vectordb"))
HAVE_ARELLE = importlib.util.find_spec("arelle") is not None or (REPO / ".venv" / "bin" / "arelleCmdLine").exists()


@pytest.mark.skipif(not (SAMPLES / "MANIFEST.md").exists(), reason="no ../shared/edgar-samples")
@pytest.mark.skipif(not BINARY.exists(), reason="vectordb not built")
@pytest.mark.skipif(not HAVE_ARELLE, reason="Arelle not installed (make deps)")
def test_facts_equal_arelle(tmp_path: Path) -> None:
    python = REPO / ".venv" / "bin" / "python"
    interpreter = str(python) if python.exists() else sys.executable
    dump = tmp_path / "arelle.json"
    with open(dump, "w") as out:
        subprocess.run([interpreter, str(REPO / "scripts" / "arelle-facts.py")], stdout=out, check=True, cwd=REPO)
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "compare-facts.py"), str(dump), "--vectordb", str(BINARY)],
        capture_output=True, text=True, cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("OK ") >= 14, result.stdout
