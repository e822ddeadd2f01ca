"""The retrieval question files stay checkable: every evidence passage occurs exactly once in its
filing's canonical text and inside its item (scripts/check-questions.py, format in eval/README.md)."""

import json
import os
import pathlib
import subprocess
import sys

import pytest

REPO = pathlib.Path(__file__).resolve().parent.parent
CHECKER = REPO / "scripts" / "check-questions.py"
SAMPLES = pathlib.Path(os.environ.get("EDGAR_SAMPLES", REPO.parent / "shared" / "edgar-samples"))


def check(vectordb: str, questions: pathlib.Path, samples: pathlib.Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CHECKER), str(questions), "--vectordb", vectordb, "--samples", str(samples)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )


def test_fixture_questions_pass(vectordb):
    done = check(vectordb, REPO / "fixtures" / "questions.jsonl", REPO / "fixtures" / "edgar")
    assert done.returncode == 0, done.stdout
    assert " 0 failed" in done.stdout.splitlines()[-1]


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the shared EDGAR samples are not next to the repository")
def test_dev_questions_pass(vectordb):
    done = check(vectordb, REPO / "eval" / "dev-questions.jsonl", SAMPLES)
    assert done.returncode == 0, done.stdout


def test_checker_reports_each_kind_of_failure(vectordb, tmp_path):
    file = "Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"
    foundry = "The Company relies on a single third-party foundry to manufacture substantially all of its wafers"
    lines = [
        # Item 1A text claimed for Item 7.
        {"id": "x1", "question": "What supply risk does the company face?", "kind": "paraphrased", "form": "10-K",
         "expect": {"file": file, "item": "7", "evidence": foundry}},
        # A repeated id and an unknown kind.
        {"id": "x1", "question": "What supply risk does the company face?", "kind": "guess", "form": "10-K",
         "expect": {"file": file, "item": "1A", "evidence": foundry}},
        # Evidence that is not in the filing.
        {"id": "x3", "question": "What supply risk does the company face?", "kind": "named", "form": "10-K",
         "expect": {"file": file, "evidence": "The Company owns and operates three wafer fabrication plants in Ohio"}},
        # Passes: the same evidence, other case and line breaks.
        {"id": "x4", "question": "What supply risk does the company face?", "kind": "named", "form": "10-K",
         "expect": {"file": file, "item": "1A", "evidence": foundry.upper().replace(" ", "\n  ")}},
    ]
    questions = tmp_path / "bad.jsonl"
    questions.write_text("".join(json.dumps(line) + "\n" for line in lines))
    done = check(vectordb, questions, REPO / "fixtures" / "edgar")
    assert done.returncode == 1
    failures = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    assert len(failures) == 3, done.stdout
    assert "lies in 1A, not in item 7" in failures[0]
    assert "duplicate id 'x1'" in failures[1] and "kind 'guess'" in failures[1]
    assert "occurs 0 times" in failures[2]
    assert done.stdout.splitlines()[-1] == "4 questions in 1 file(s): 1 passed, 0 pending (parser gap), 3 failed"
