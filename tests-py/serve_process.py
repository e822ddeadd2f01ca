"""Starts `vectordb serve` on 127.0.0.1 (a free port) for a test and stops it (SIGTERM, then wait).

The port is the one the server logs (`listening host=127.0.0.1 port=…`, started with `--port 0`), so
two servers never race for a port. Used by the deployment and OpenAPI fuzz suites.
"""

from __future__ import annotations

import hashlib
import pathlib
import re
import subprocess
import threading
import time

import requests

LISTENING = re.compile(r"listening.*\bport=(\d+)")


def sha256_hex(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ServeProcess:
    """`vectordb serve ARGS… --port 0` with stderr collected; `base_url` once it listens."""

    def __init__(self, binary: str, args: list[str], cwd: pathlib.Path, start_seconds: float = 120.0):
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [binary, *args],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._port: int | None = None
        self._listening = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        if not self._listening.wait(start_seconds) or self._port is None:
            self.stop()
            raise RuntimeError("vectordb serve did not start:\n" + self.log())
        self.base_url = f"http://127.0.0.1:{self._port}"
        self.port = self._port

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)
            match = LISTENING.search(line)
            if match and self._port is None:
                self._port = int(match.group(1))
                self._listening.set()
        self._listening.set()

    def wait_ready(self, seconds: float = 120.0) -> None:
        """Polls /readyz until 200 (every collection open); raises with the log otherwise."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if requests.get(self.base_url + "/readyz", timeout=5).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise RuntimeError("vectordb serve never became ready:\n" + self.log())

    def log(self) -> str:
        return "".join(self.lines[-200:])

    def stop(self) -> int:
        """SIGTERM (graceful drain) and the exit status."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._reader.join(timeout=10)
        return self.process.returncode
