"""The web search page `vectordb serve` serves at `/`, rendered by headless Chromium (Debian's
`chromium`, which `make deps` installs): deep links run their search on load and the rendered DOM
holds the cited results; API refusals show the service's error. The files themselves are checked
over plain HTTP (served without a key, compiled into the binary, so a copied binary serves them)."""

from __future__ import annotations

import shutil
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import ACME_KEY, REPO
from headless import CHROMIUM, Node, render, render_with_key

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (`make deps` installs Debian's chromium)"
)
WEB = REPO / "Sources" / "QueryService" / "web"
QUESTION = "reliance on a single third-party foundry for wafer supply"
FILERS = {"Harbor Ridge Semiconductor, Inc. (HRSC)", "Northwind Freight Lines Corp (NWFL)"}


def body_of(dom: Node) -> Node:
    return dom.one("body")


def deep_link(server, **params: str) -> str:
    return server.url + "/?" + urllib.parse.urlencode(params)


@needs_chromium
def test_a_deep_link_renders_cited_results(open_server):
    dom = render(deep_link(open_server, collection="filings", q=QUESTION, form="10-K", k="5"))
    body = body_of(dom)
    assert body.attrs.get("data-state") == "done", dom.one(id="error").text
    hits = dom.find_all("li", cls="hit")
    assert 1 <= len(hits) <= 5
    for hit in hits:
        assert hit.one(cls="hit-company").text in FILERS
        assert hit.one(cls="hit-form").text == "10-K"
        assert "filed 20" in hit.one(cls="hit-dates").text
        assert hit.one(cls="hit-section").text.startswith("Item ")
        link = hit.one("a", cls="hit-link")
        assert (link.attrs.get("href") or "").startswith("https://www.sec.gov/Archives/edgar/data/")
        assert link.attrs.get("rel") == "noopener noreferrer"
    assert any(hit.find_all("mark") for hit in hits), "no highlighted term in any snippet"
    assert hits[0].one(cls="hit-company").text.startswith("Harbor Ridge")
    assert "results from filings" in dom.one(id="status").text
    assert dom.one(id="error").attrs.get("hidden") is not None


@needs_chromium
def test_company_and_section_filters_from_the_url(open_server):
    dom = render(deep_link(open_server, collection="filings", q=QUESTION, company="HRSC", item="1A", year="2024"))
    assert body_of(dom).attrs.get("data-state") == "done", dom.one(id="error").text
    hits = dom.find_all("li", cls="hit")
    assert hits
    for hit in hits:
        assert hit.one(cls="hit-company").text.startswith("Harbor Ridge")
        assert hit.one(cls="hit-section").text.startswith("Item 1A")
        assert "FY 2024" in hit.one(cls="hit-dates").text


@needs_chromium
def test_api_errors_are_shown_from_the_error_body(open_server):
    for params, code, words in [
        ({"collection": "nothing", "q": QUESTION}, "not_found", "nothing"),
        ({"collection": "filings", "q": QUESTION, "mode": "sideways"}, "bad_input", "sideways"),
        ({"collection": "filings", "q": QUESTION, "year": "soon"}, "bad_input", "fiscal year"),
    ]:
        dom = render(deep_link(open_server, **params))
        assert body_of(dom).attrs.get("data-state") == "error", params
        error = dom.one(id="error")
        assert error.attrs.get("hidden") is None
        assert error.one(cls="error-code").text == code
        assert words in error.one(cls="error-message").text
        assert dom.find_all("li", cls="hit") == []


@needs_chromium
def test_a_server_with_keys_asks_for_one(keyed_server):
    dom = render(deep_link(keyed_server, collection="filings", q=QUESTION))
    assert body_of(dom).attrs.get("data-state") == "error"
    error = dom.one(id="error")
    assert error.one(cls="error-code").text == "unauthorized"
    assert "API key" in error.text
    assert dom.one("details", id="key-panel").attrs.get("open") is not None


@needs_chromium
def test_a_key_saved_in_the_page_is_sent(keyed_server):
    dom = render_with_key(deep_link(keyed_server, collection="filings", q=QUESTION, company="Harbor"), ACME_KEY)
    assert body_of(dom).attrs.get("data-state") == "done", dom.one(id="error").text
    hits = dom.find_all("li", cls="hit")
    assert hits and all(hit.one(cls="hit-company").text.startswith("Harbor Ridge") for hit in hits)
    assert dom.one(id="key-summary").text == "API key \u2713"


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, {k.lower(): v for k, v in refused.headers.items()}, refused.read()


def test_the_page_is_served_without_a_key_and_as_committed(keyed_server):
    for path, file, media in [
        ("/", "index.html", "text/html"),
        ("/static/app.js", "app.js", "text/javascript"),
        ("/static/style.css", "style.css", "text/css"),
    ]:
        status, headers, body = fetch(keyed_server.url + path)
        assert status == 200, path
        assert headers["content-type"].startswith(media)
        assert "script-src 'self'" in headers["content-security-policy"]
        assert body == (WEB / file).read_bytes(), f"{path} is not {file}: rebuild the binary"
    status, _, body = fetch(keyed_server.url + "/static/nothing.js")
    assert status == 404 and b'"no_route"' in body
    assert fetch(keyed_server.url + "/v1/collections")[0] == 401  # the API still needs a key


def test_a_copied_binary_serves_the_page_and_the_api_document(vectordb, tmp_path):
    from live_server import LiveServer

    installed = tmp_path / "bin" / "vectordb"
    installed.parent.mkdir()
    shutil.copy2(vectordb, installed)
    (tmp_path / "data").mkdir()
    server = LiveServer(str(installed), ["--no-auth", "--data-dir", str(tmp_path / "data")], cwd=tmp_path)
    try:
        status, _, body = fetch(server.url + "/")
        assert status == 200 and b"VectorDB search" in body
        status, _, body = fetch(server.url + "/openapi.yaml")
        assert status == 200 and body.startswith(b"openapi: 3")
    finally:
        server.stop()
