"""The API calls as data, shared by ``Client`` and ``AsyncClient``: what to send, and how to read
the answer (no I/O here)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, Generic, Mapping, Optional, Sequence, TypeVar, Union
from urllib.parse import quote

from ._errors import VectorDBError
from ._models import CollectionInfo, SearchResult, Snapshot, StoredDocument, UpsertResult, snapshots_from_json

T = TypeVar("T")

#: A filter object (``{"form": "10-K", "fiscal_year": {"gte": 2022}}``) or a list of
#: ``vectordb search --filter`` expressions (``["form=10-K", "fiscal_year>=2022"]``).
Filter = Union[Mapping[str, Any], Sequence[str]]


@dataclass(frozen=True)
class Call(Generic[T]):
    """One request: method, path, JSON body (or none), and the reader of a 2xx answer's JSON."""

    method: str
    path: str
    body: Optional[Any]
    read: Callable[[Any], T]


def _segment(text: str) -> str:
    """A path segment: everything but the characters RFC 3986 allows in one percent-encoded."""
    return quote(text, safe="-._~!$&'()*+,;=:@")


def _collection(name: str) -> str:
    return "/v1/collections/" + _segment(name)


def _vector(values: Any) -> list[float]:
    if hasattr(values, "tolist"):
        values = values.tolist()
    return [float(v) for v in values]


def search(
    collection: str,
    query: Optional[str],
    vector: Any,
    k: int,
    filter: Optional[Filter],
    mode: Optional[str],
    ranking: Optional[str],
    as_of: Union[int, str, None],
    include: Optional[Sequence[str]],
) -> Call[SearchResult]:
    if query is None and vector is None:
        raise ValueError("search needs a query or a vector")
    body: dict[str, Any] = {"k": k}
    if query is not None:
        body["query"] = query
    if vector is not None:
        body["vector"] = _vector(vector)
    if filter is not None:
        body["filter"] = dict(filter) if isinstance(filter, Mapping) else list(filter)
    if mode is not None:
        body["mode"] = mode
    if ranking is not None:
        body["ranking"] = ranking
    if as_of is not None:
        body["asOf"] = as_of
    if include is not None:
        body["include"] = list(include)
    return Call("POST", _collection(collection) + "/search", body, SearchResult.from_json)


def create_collection(
    name: str, schema: Union[str, Mapping[str, Any]], embedder: Optional[Mapping[str, Any]]
) -> Call[CollectionInfo]:
    body: dict[str, Any] = {"name": name, "schema": schema if isinstance(schema, str) else dict(schema)}
    if embedder is not None:
        body["embedder"] = dict(embedder)
    return Call("POST", "/v1/collections", body, CollectionInfo.from_json)


def list_collections() -> Call[list[CollectionInfo]]:
    return Call(
        "GET", "/v1/collections", None, lambda body: [CollectionInfo.from_json(c) for c in body["collections"]]
    )


def describe_collection(name: str) -> Call[CollectionInfo]:
    return Call("GET", _collection(name), None, CollectionInfo.from_json)


def drop_collection(name: str) -> Call[None]:
    return Call("DELETE", _collection(name), None, lambda body: None)


def upsert(collection: str, documents: list[dict[str, Any]]) -> Call[UpsertResult]:
    return Call(
        "POST",
        _collection(collection) + "/documents",
        {"documents": documents},
        lambda body: UpsertResult(upserted=int(body["upserted"]), embedded=int(body["embedded"])),
    )


def get_document(collection: str, document_id: str) -> Call[StoredDocument]:
    return Call("GET", _collection(collection) + "/documents/" + _segment(document_id), None, StoredDocument.from_json)


def delete_document(collection: str, document_id: str) -> Call[None]:
    return Call("DELETE", _collection(collection) + "/documents/" + _segment(document_id), None, lambda body: None)


def snapshots(collection: str) -> Call[list[Snapshot]]:
    return Call("GET", _collection(collection) + "/snapshots", None, snapshots_from_json)


def health() -> Call[str]:
    return Call("GET", "/healthz", None, lambda body: str(body["status"]))


def _retry_after(value: Optional[str]) -> Optional[float]:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def answer(call: Call[T], status: int, headers: Mapping[str, str], content: bytes) -> T:
    """The call's result from a response, or the ``VectorDBError`` it holds.

    Raises:
        VectorDBError: any status but 2xx — the service's ``{"error": {"code", "message"}}`` when
            the body is that, else ``http_STATUS`` with the body's start.
    """
    try:
        body = json.loads(content) if content else None
    except ValueError:
        body = None
    if 200 <= status < 300:
        if body is None and content:
            raise VectorDBError(status, "malformed_answer", "the answer is not JSON: " + content[:200].decode("utf-8", "replace"))
        return call.read(body)
    error = body.get("error") if isinstance(body, dict) else None
    request_id = headers.get("x-request-id")
    retry_after = _retry_after(headers.get("retry-after"))
    if isinstance(error, dict) and isinstance(error.get("code"), str):
        raise VectorDBError(
            status, error["code"], str(error.get("message", "")), retry_after=retry_after, request_id=request_id
        )
    text = content[:200].decode("utf-8", "replace")
    raise VectorDBError(status, f"http_{status}", text, retry_after=retry_after, request_id=request_id)
