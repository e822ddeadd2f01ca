"""The point-in-time CLI contract: `vectordb snapshots list|pin|unpin` and `search --as-of`.

Goal: scripts can list versions as JSON, pin and unpin them, and search as of a version or a time;
bad values exit with status 1 and a one-line reason.
"""

import json
import subprocess


def run(vectordb, data_dir, *arguments):
    return subprocess.run(
        [vectordb, *arguments, "--data-dir", str(data_dir)], capture_output=True, text=True
    )


def snapshots(vectordb, data_dir):
    out = run(vectordb, data_dir, "snapshots", "list", "--json")
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_list_pin_unpin(vectordb, data_dir):
    listed = snapshots(vectordb, data_dir)
    assert listed, "a collection has at least its first version"
    assert set(listed[0]) == {"version", "committedAt", "rowCount", "segmentCount", "pinned", "current"}
    assert [entry["current"] for entry in listed] == [False] * (len(listed) - 1) + [True]
    version = listed[-1]["version"]
    assert run(vectordb, data_dir, "snapshots", "pin", str(version)).returncode == 0
    assert snapshots(vectordb, data_dir)[-1]["pinned"] is True
    assert run(vectordb, data_dir, "snapshots", "unpin", str(version)).returncode == 0
    assert snapshots(vectordb, data_dir)[-1]["pinned"] is False


def test_search_as_of_a_version_and_a_time(vectordb, data_dir):
    latest = snapshots(vectordb, data_dir)[-1]
    # `vectordb run` commits a version at its end, so the fixtures' chunks are in it.
    assert latest["rowCount"] > 0, latest
    for value in (str(latest["version"]), "2999-01-01T00:00:00Z"):
        out = run(vectordb, data_dir, "search", "risk", "--json", "--as-of", value)
        assert out.returncode == 0, out.stderr
        hits = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
        assert hits and all("id" in hit for hit in hits), f"no hits as of {value}"


def test_bad_versions_and_times_are_clear_errors(vectordb, data_dir):
    cases = [
        (("snapshots", "pin", "999999"), "no version 999999"),
        (("snapshots", "pin", "latest"), "is not a version number"),
        (("snapshots", "unpin", "1"), "is not pinned"),
        (("search", "risk", "--as-of", "yesterday"), "neither a version number"),
        (("search", "risk", "--as-of", "999999"), "no version 999999"),
        (("search", "risk", "--as-of", "1990-01-01"), "no retained version"),
    ]
    for arguments, message in cases:
        out = run(vectordb, data_dir, *arguments)
        assert out.returncode == 65, (arguments, out.stderr)  # bad input (docs/cli.md, exit statuses)
        assert message in out.stderr, (arguments, out.stderr)
