"""The dataclasses the client returns, read from the service's JSON (openapi.yaml)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping, Optional, Sequence


def _date(value: Any) -> Optional[_dt.date]:
    return _dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def _datetime(value: Any) -> Optional[_dt.datetime]:
    if not isinstance(value, str) or not value:
        return None
    return _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


@dataclass(frozen=True)
class Citation:
    """Where an SEC chunk comes from (the hit's ``citation``).

    ``char_start``/``char_end`` are the chunk's span of the document's canonical text, counted in
    Unicode code points (a Python ``str`` index); ``sec_url`` is the document on sec.gov.
    """

    company: str
    cik: str
    form: str
    filing_date: _dt.date
    fiscal_year: int
    accession: str
    item: str
    item_title: str
    char_start: int
    char_end: int
    sec_url: str
    document_type: str
    tickers: tuple[str, ...] = ()
    report_date: Optional[_dt.date] = None

    @property
    def span(self) -> tuple[int, int]:
        """``(char_start, char_end)``: the half-open span of the canonical text."""
        return (self.char_start, self.char_end)

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> "Citation":
        filing_date = _date(body["filingDate"])
        if filing_date is None:
            raise ValueError("citation: filingDate is missing")
        return cls(
            company=str(body["company"]),
            cik=str(body["cik"]),
            form=str(body["form"]),
            filing_date=filing_date,
            fiscal_year=int(body["fiscalYear"]),
            accession=str(body["accession"]),
            item=str(body["item"]),
            item_title=str(body.get("itemTitle", "")),
            char_start=int(body["charStart"]),
            char_end=int(body["charEnd"]),
            sec_url=str(body["secURL"]),
            document_type=str(body.get("documentType", body["form"])),
            tickers=tuple(str(t) for t in body.get("tickers") or ()),
            report_date=_date(body.get("reportDate")),
        )


@dataclass(frozen=True)
class Hit:
    """One search hit, best first in its ``SearchResult``.

    ``snippet`` is HTML: the hit's text around the query's terms, HTML-escaped, each term in
    ``<mark>``. ``text`` and ``fields`` are present when the search asked for them (``include``).
    """

    id: str
    score: float
    citation: Optional[Citation] = None
    snippet: Optional[str] = None
    text: Optional[str] = None
    fields: Optional[dict[str, Any]] = None

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> "Hit":
        citation = body.get("citation")
        return cls(
            id=str(body["id"]),
            score=float(body["score"]),
            citation=Citation.from_json(citation) if citation else None,
            snippet=body.get("snippet"),
            text=body.get("text"),
            fields=body.get("fields"),
        )


@dataclass(frozen=True)
class SearchResult:
    """A search's answer: the hits (iterate over it, index it, take its ``len``), the mode and the
    ranking the server used, and how it read the question when asked (``include=["interpretation"]``)."""

    collection: str
    mode: str
    ranking: str
    hits: list[Hit] = field(default_factory=list)
    interpretation: Optional[dict[str, Any]] = None

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def __len__(self) -> int:
        return len(self.hits)

    def __getitem__(self, index: int) -> Hit:
        return self.hits[index]

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> "SearchResult":
        return cls(
            collection=str(body["collection"]),
            mode=str(body["mode"]),
            ranking=str(body["ranking"]),
            hits=[Hit.from_json(hit) for hit in body.get("hits", [])],
            interpretation=body.get("interpretation"),
        )


@dataclass(frozen=True)
class CollectionInfo:
    """A collection as the service describes it: its embedding model and dimension, live document
    count, schema (as ``collection.json`` holds it) and server-side embedder, if any."""

    name: str
    embedding_model: str
    dimension: int
    documents: int
    schema: dict[str, Any]
    embedder: Optional[dict[str, Any]] = None

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> "CollectionInfo":
        return cls(
            name=str(body["name"]),
            embedding_model=str(body["embeddingModel"]),
            dimension=int(body["dimension"]),
            documents=int(body["documents"]),
            schema=dict(body.get("schema") or {}),
            embedder=body.get("embedder"),
        )


@dataclass(frozen=True)
class UpsertResult:
    """What an upsert wrote: documents upserted, and how many of them the server embedded."""

    upserted: int
    embedded: int


@dataclass(frozen=True)
class StoredDocument:
    """A live document's fields (``get_document``)."""

    id: str
    fields: dict[str, Any]
    expires_at: Optional[_dt.datetime] = None

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> "StoredDocument":
        return cls(
            id=str(body["id"]),
            fields=dict(body.get("fields") or {}),
            expires_at=_datetime(body.get("expiresAt")),
        )


@dataclass(frozen=True)
class Snapshot:
    """One retained version of a collection, searchable with ``as_of=version``."""

    version: int
    committed_at: _dt.datetime
    row_count: int
    segment_count: int
    pinned: bool
    current: bool

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> "Snapshot":
        committed = _datetime(body.get("committedAt"))
        if committed is None:
            raise ValueError("snapshot: committedAt is missing")
        return cls(
            version=int(body["version"]),
            committed_at=committed,
            row_count=int(body["rowCount"]),
            segment_count=int(body["segmentCount"]),
            pinned=bool(body["pinned"]),
            current=bool(body["current"]),
        )


def snapshots_from_json(body: Mapping[str, Any]) -> list[Snapshot]:
    items: Sequence[Mapping[str, Any]] = body.get("snapshots", [])
    return [Snapshot.from_json(item) for item in items]
