"""A real `vectordb serve` child process on 127.0.0.1 for the Python suites: port 0 (the port it
binds is read from its "listening" log line), stopped with SIGTERM (SIGKILL if it does not exit)."""

from __future__ import annotations

import hashlib
import pathlib
import re
import subprocess
import threading
import time
import urllib.error
import urllib.request
from typing import Optional

# Bounds on a hung child, not timing assertions.
START_SECONDS = 120
STOP_SECONDS = 30


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class LiveServer:
    """`vectordb serve ARGS --port 0`, ready (`/readyz` 200) when the constructor returns."""

    def __init__(self, binary: str, args: list[str], cwd: Optional[pathlib.Path] = None) -> None:
        self.lines: list[str] = []
        self._port: Optional[int] = None
        self._listening = threading.Event()
        self.process = subprocess.Popen(
            [binary, "serve", *args, "--port", "0"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=cwd,
        )
        threading.Thread(target=self._read, daemon=True).start()
        if not self._listening.wait(START_SECONDS) or self._port is None:
            self.stop()
            raise RuntimeError("vectordb serve did not start:\n" + "\n".join(self.lines[-20:]))
        self._wait_ready()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))
            if self._port is None and "listening" in line:
                found = re.search(r"port=(\d+)", line)
                if found:
                    self._port = int(found.group(1))
                    self._listening.set()
        self._listening.set()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=5) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("vectordb serve never became ready:\n" + "\n".join(self.lines[-20:]))

    @property
    def port(self) -> int:
        assert self._port is not None
        return self._port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def keyed_config(directory: pathlib.Path, tenants: dict[str, dict[str, object]]) -> pathlib.Path:
    """A config file serving `directory / "data"` to `tenants` (name -> {"key": ..., other keys})."""
    lines = ["[server]", 'data_dir = "data"', ""]
    for name, settings in tenants.items():
        lines += ["[[tenant]]", f'name = "{name}"', f'key_sha256 = ["{key_hash(str(settings["key"]))}"]']
        for option, value in settings.items():
            if option == "key":
                continue
            lines.append(f"{option} = {str(value).lower() if isinstance(value, bool) else value}")
        lines.append("")
    path = directory / "vectordb.toml"
    path.write_text("\n".join(lines))
    return path
