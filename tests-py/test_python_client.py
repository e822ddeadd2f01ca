"""The Python client (clients/python, package `vectordb_client`) against a live `vectordb serve`:
sync and async searches with citations and filters, the collection and document calls, upserts
from dicts (and DataFrames when pandas is installed), and every refusal as a typed `VectorDBError`."""

from __future__ import annotations

import asyncio
import datetime as dt
import socket

import pytest

from conftest import ACME_KEY, GLOBEX_KEY, SLOW_KEY

vectordb_client = pytest.importorskip(
    "vectordb_client", reason="the client is not installed: `make deps-python` installs clients/python"
)
from vectordb_client import AsyncClient, Client, VectorDBError  # noqa: E402

QUESTION = "reliance on a single third-party foundry for wafer supply"
FILERS = {"1999901": "Harbor Ridge Semiconductor, Inc.", "1999902": "Northwind Freight Lines Corp"}

NOTES_SCHEMA = {
    "primaryKey": "id",
    "textField": "text",
    "fields": [
        {"name": "title", "type": "string", "required": True, "index": True},
        {"name": "year", "type": "int64", "required": False, "index": True},
        {"name": "published", "type": "date", "required": False},
        {"name": "text", "type": "string", "required": True},
    ],
    "vectors": [{"name": "embedding", "dimension": 32, "metric": "cosine"}],
}
HASHING = {"provider": "hashing", "dimension": 32}
NOTES = [
    {"id": "n1", "title": "foundry", "year": 2022, "text": "We rely on a single third-party foundry for wafer supply."},
    {"id": "n2", "title": "rates", "year": 2023, "text": "Interest rate changes affect our borrowing costs."},
    {"id": "n3", "fields": {"title": "cyber", "year": 2024}, "text": "A cybersecurity incident could disrupt operations."},
]


def check_cited(hit) -> None:
    citation = hit.citation
    assert citation is not None, hit
    assert FILERS[citation.cik] == citation.company
    assert citation.form in ("10-K", "10-Q", "8-K")
    assert isinstance(citation.filing_date, dt.date)
    assert citation.fiscal_year in (2024, 2025)
    assert citation.sec_url.startswith("https://www.sec.gov/Archives/edgar/data/")
    assert citation.accession.replace("-", "") in citation.sec_url
    start, end = citation.span
    assert 0 <= start < end


def test_sync_search_returns_cited_hits_with_highlighted_snippets(open_server):
    with Client(open_server.url) as db:
        result = db.search("filings", QUESTION, k=5, include=["text"])
    assert result.collection == "filings"
    assert result.mode == "hybrid" and result.ranking == "aware"
    assert 1 <= len(result) <= 5
    for hit in result:
        check_cited(hit)
        # The span is the chunk's place in the canonical text, in code points: its length is the text's.
        assert hit.text is not None and len(hit.text) == hit.citation.char_end - hit.citation.char_start
    assert any("<mark>" in (hit.snippet or "") for hit in result)
    assert result[0].citation.company == FILERS["1999901"]  # the foundry risk is Harbor Ridge's
    assert [hit.score for hit in result] == sorted((hit.score for hit in result), reverse=True)


def test_filters_as_objects_and_expressions_narrow_the_hits(open_server):
    with Client(open_server.url) as db:
        ten_k = db.search("filings", QUESTION, k=10, filter={"form": "10-K"})
        eight_k = db.search("filings", "quarterly results revenue", k=10, filter=["form=8-K"])
        northwind = db.search("filings", QUESTION, k=10, filter={"cik": 1999902, "fiscal_year": {"gte": 2024}})
        by_item = db.search("filings", QUESTION, k=10, filter={"ticker": "HRSC", "item": "1A"})
    assert len(ten_k) and all(hit.citation.form == "10-K" for hit in ten_k)
    assert len(eight_k) and all(hit.citation.form == "8-K" for hit in eight_k)
    assert len(northwind) and all(hit.citation.cik == "1999902" for hit in northwind)
    assert len(by_item) and all(hit.citation.item == "1A" and "HRSC" in hit.citation.tickers for hit in by_item)


def test_async_client_answers_like_the_sync_client(open_server):
    with Client(open_server.url) as db:
        expected = db.search("filings", QUESTION, k=5, filter={"form": "10-K"})

    async def run():
        async with AsyncClient(open_server.url) as db:
            found, listed = await asyncio.gather(
                db.search("filings", QUESTION, k=5, filter={"form": "10-K"}), db.list_collections()
            )
            with pytest.raises(VectorDBError) as missing:
                await db.describe_collection("nothing")
            return found, listed, missing.value

    found, listed, missing = asyncio.run(run())
    assert [hit.id for hit in found] == [hit.id for hit in expected]
    assert found.hits[0].citation == expected.hits[0].citation
    assert [c.name for c in listed] == ["filings"]
    assert listed[0].embedding_model.startswith("minilm") or listed[0].dimension == 384
    assert (missing.status, missing.code) == (404, "not_found")


def test_keys_are_required_and_tenants_are_isolated(keyed_server):
    for key in (None, "wrong-key"):
        with Client(keyed_server.url, api_key=key) as db, pytest.raises(VectorDBError) as refused:
            db.list_collections()
        assert (refused.value.status, refused.value.code) == (401, "unauthorized")
        assert refused.value.request_id
    with Client(keyed_server.url, api_key=ACME_KEY) as acme, Client(keyed_server.url, api_key=GLOBEX_KEY) as globex:
        assert acme.health() == "ok"
        assert [c.name for c in acme.list_collections()] == ["filings"]
        assert acme.describe_collection("filings").documents > 0
        check_cited(acme.search("filings", QUESTION, k=1)[0])
        assert globex.list_collections() == []
        with pytest.raises(VectorDBError) as hidden:
            globex.search("filings", QUESTION)
        assert (hidden.value.status, hidden.value.code) == (404, "not_found")


def test_collection_lifecycle_upsert_and_documents(keyed_server):
    with Client(keyed_server.url, api_key=GLOBEX_KEY) as db:
        created = db.create_collection("notes", NOTES_SCHEMA, HASHING)
        try:
            assert (created.name, created.dimension, created.documents) == ("notes", 32, 0)
            assert created.embedder and created.embedder["provider"] == "hashing"
            with pytest.raises(VectorDBError) as taken:
                db.create_collection("notes", NOTES_SCHEMA, HASHING)
            assert (taken.value.status, taken.value.code) == (409, "conflict")
            written = db.upsert("notes", NOTES, batch_size=2)  # two requests
            assert (written.upserted, written.embedded) == (3, 3)
            assert db.describe_collection("notes").documents == 3
            hits = db.search("notes", "single foundry wafer", k=3, filter={"year": {"gte": 2022}})
            assert hits[0].id == "n1" and hits[0].citation is None
            assert [h.id for h in db.search("notes", "wafer", k=3, filter=["year>=2023"], mode="lexical")] == []
            stored = db.get_document("notes", "n3")
            assert stored.fields["title"] == "cyber" and stored.fields["year"] == 2024
            db.delete_document("notes", "n3")
            with pytest.raises(VectorDBError) as gone:
                db.get_document("notes", "n3")
            assert (gone.value.status, gone.value.code) == (404, "not_found")
            assert db.snapshots("notes")
        finally:
            db.drop_collection("notes")
        assert "notes" not in [c.name for c in db.list_collections()]


def test_refusals_are_typed_errors_and_change_nothing(keyed_server):
    with Client(keyed_server.url, api_key=GLOBEX_KEY) as db:
        db.create_collection("bad", NOTES_SCHEMA, HASHING)
        try:
            db.upsert("bad", NOTES[:1])
            cases = [
                (lambda: db.search("bad", "x", k=0), 400, "bad_input", "k"),
                (lambda: db.search("bad", vector=[0.5, 0.5]), 400, "bad_input", "components"),
                (lambda: db.search("bad", "x", filter={"nope": 1}), 400, "bad_input", "nope"),
                (lambda: db.search("bad", "x", mode="sideways"), 400, "bad_input", "mode"),
                (lambda: db.upsert("bad", [{"id": "n9", "title": 5, "text": "typed wrong"}]), 400, "bad_input", "title"),
                (lambda: db.upsert("missing", NOTES), 404, "not_found", "missing"),
                (lambda: db.create_collection("Bad Name!", NOTES_SCHEMA, HASHING), 400, "bad_input", "name"),
            ]
            for call, status, code, word in cases:
                with pytest.raises(VectorDBError) as refused:
                    call()
                error = refused.value
                assert (error.status, error.code) == (status, code), error
                assert word in error.message or word in str(error), error
                assert not error.is_retryable
            assert db.describe_collection("bad").documents == 1
        finally:
            db.drop_collection("bad")
    with pytest.raises(ValueError):
        Client(keyed_server.url).search("bad")  # neither a query nor a vector: refused before sending


def test_rate_limit_surfaces_retry_after(keyed_server):
    with Client(keyed_server.url, api_key=SLOW_KEY) as db:
        db.list_collections()  # the bucket's one token
        with pytest.raises(VectorDBError) as limited:
            db.list_collections()
    error = limited.value
    assert (error.status, error.code) == (429, "rate_limited")
    assert error.retry_after is not None and error.retry_after >= 1
    assert error.is_retryable


def test_no_answer_is_a_connection_error():
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with Client(f"http://127.0.0.1:{port}") as db, pytest.raises(VectorDBError) as unreachable:
        db.health()
    assert (unreachable.value.status, unreachable.value.code) == (None, "connection")
    assert unreachable.value.is_retryable


def test_upsert_from_a_dataframe(keyed_server):
    pandas = pytest.importorskip("pandas", reason="pandas is not installed (the client's DataFrame upsert is optional)")
    frame = pandas.DataFrame(
        {
            "id": ["d1", "d2"],
            "title": ["foundry", "rates"],
            "year": pandas.array([2022, None], dtype="Int64"),  # nullable: a missing int stays an int
            "published": [pandas.Timestamp("2024-03-01"), pandas.NaT],
            "text": ["A single foundry supplies our wafers.", "Rates rose."],
        }
    )
    with Client(keyed_server.url, api_key=GLOBEX_KEY) as db:
        db.create_collection("frame", NOTES_SCHEMA, HASHING)
        try:
            assert db.upsert("frame", frame).upserted == 2
            first = db.get_document("frame", "d1").fields
            assert (first["year"], first["published"]) == (2022, "2024-03-01")
            assert "year" not in db.get_document("frame", "d2").fields
        finally:
            db.drop_collection("frame")


def test_documents_from_rows_split_fields_and_convert_values():
    from vectordb_client._documents import batches, document

    numpy = pytest.importorskip("numpy")
    row = {
        "id": 7,
        "text": "t",
        "vector": numpy.array([0.5, 0.25], dtype=numpy.float32),
        "year": numpy.int64(2024),
        "published": dt.date(2024, 1, 2),
        "score": float("nan"),
        "expires_at": dt.datetime(2030, 1, 1, 12, 0),
    }
    assert document(row) == {
        "id": "7",
        "text": "t",
        "vector": [0.5, 0.25],
        "expires_at": "2030-01-01T12:00:00Z",
        "fields": {"year": 2024, "published": "2024-01-02"},
    }
    assert [len(b) for b in batches([{"id": str(i)} for i in range(5)], 2)] == [2, 2, 1]
    with pytest.raises(ValueError):
        document({"text": "no id"})
    with pytest.raises(TypeError):
        list(batches({"id": "one document, not a list"}, 10))
