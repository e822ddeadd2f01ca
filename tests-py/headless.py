"""Headless Chromium for the search page's tests: a page's DOM after its scripts ran, with
`--dump-dom`, or through the DevTools protocol over a pipe (`--remote-debugging-pipe`) when the page
needs an API key in its localStorage first; and a small DOM to query the result."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.parse
from html.parser import HTMLParser
from typing import Any, Optional

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Bounds on a hung browser, not timing assertions: virtual time stops while fetches are pending.
VIRTUAL_TIME_MS = 60_000
BROWSER_SECONDS = 240
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--no-default-browser-check"]


class Node:
    def __init__(self, tag: str, attrs: dict[str, Optional[str]], parent: Optional["Node"]) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list["Node | str"] = []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def find_all(self, tag: Optional[str] = None, cls: Optional[str] = None, id: Optional[str] = None) -> list["Node"]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if (tag is None or child.tag == tag) and (cls is None or cls in child.classes) and (
                    id is None or child.attrs.get("id") == id
                ):
                    found.append(child)
                found.extend(child.find_all(tag, cls, id))
        return found

    def one(self, tag: Optional[str] = None, cls: Optional[str] = None, id: Optional[str] = None) -> "Node":
        found = self.find_all(tag, cls, id)
        assert len(found) == 1, f"{len(found)} elements {tag}.{cls}#{id}"
        return found[0]


class DOMBuilder(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_endtag(self, tag):
        node: Optional[Node] = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def render(url: str) -> Node:
    """The page at `url` as Chromium's DOM after its scripts ran (`--dump-dom`)."""
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                f"--user-data-dir={profile}",
                f"--virtual-time-budget={VIRTUAL_TIME_MS}",
                "--dump-dom",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=BROWSER_SECONDS,
        )
    assert done.returncode == 0, done.stderr[-2000:]
    builder = DOMBuilder()
    builder.feed(done.stdout)
    return builder.root


def parse(html: str) -> Node:
    builder = DOMBuilder()
    builder.feed(html)
    return builder.root


def render(url: str) -> Node:
    """The page at `url` as Chromium's DOM after its scripts ran (`--dump-dom`)."""
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--virtual-time-budget={VIRTUAL_TIME_MS}", "--dump-dom", url],
            capture_output=True,
            text=True,
            timeout=BROWSER_SECONDS,
        )
    assert done.returncode == 0, done.stderr[-2000:]
    return parse(done.stdout)


class DevTools:
    """Chromium driven over the DevTools protocol on fds 3 (commands in) and 4 (answers out),
    NUL-terminated JSON messages."""

    def __init__(self, profile: str) -> None:
        assert CHROMIUM is not None
        commands_read, self._commands = os.pipe()
        self._answers, answers_write = os.pipe()

        def wire() -> None:  # in the child: the pipe ends onto fds 3 and 4, by way of fds above both
            high_read = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10)
            high_write = fcntl.fcntl(answers_write, fcntl.F_DUPFD, 10)
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4),  # kept open by subprocess, which closes the other fds after `wire`
            preexec_fn=wire,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(commands_read)
        os.close(answers_write)
        self._buffer = b""
        self._next = 0
        self.session: Optional[str] = None

    def call(self, method: str, session: bool = True, **params: Any) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self._buffer:
                chunk = os.read(self._answers, 65536)
                if not chunk:
                    raise RuntimeError(f"chromium closed the pipe during {method}")
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})

    def evaluate(self, expression: str) -> Any:
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def wait_for(self, expression: str) -> Any:
        deadline = time.monotonic() + BROWSER_SECONDS
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.05)
        raise RuntimeError(f"never true: {expression}")

    def close(self) -> None:
        try:
            self.call("Browser.close", session=False)
        except (RuntimeError, OSError):
            pass
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._commands)
        os.close(self._answers)


def render_with_key(url: str, key: str) -> Node:
    """The page at `url` after its search settled, with `key` in its origin's localStorage first,
    as a person who saved the key in the page would have it."""
    with tempfile.TemporaryDirectory() as profile:
        browser = DevTools(profile)
        try:
            targets = browser.call("Target.getTargets", session=False)["targetInfos"]
            page = next(t["targetId"] for t in targets if t["type"] == "page")
            browser.session = browser.call("Target.attachToTarget", session=False, targetId=page, flatten=True)["sessionId"]
            parts = urllib.parse.urlsplit(url)
            origin = f"{parts.scheme}://{parts.netloc}"
            browser.call("Page.navigate", url=origin + "/healthz")
            browser.wait_for(f"location.origin === {json.dumps(origin)} && document.readyState === 'complete'")
            browser.evaluate(f"localStorage.setItem('vectordb.apiKey', {json.dumps(key)})")
            browser.call("Page.navigate", url=url)
            browser.wait_for("document.body && ['done', 'error'].includes(document.body.dataset.state)")
            return parse(browser.evaluate("document.documentElement.outerHTML"))
        finally:
            browser.close()
