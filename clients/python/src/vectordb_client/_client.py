"""``Client``: the synchronous client, over ``httpx.Client``."""

from __future__ import annotations

from typing import Any, Mapping, Optional, Sequence, TypeVar, Union

import httpx

from . import _calls
from ._calls import Call, Filter
from ._documents import batches
from ._errors import VectorDBError
from ._models import CollectionInfo, SearchResult, Snapshot, StoredDocument, UpsertResult

T = TypeVar("T")

DEFAULT_URL = "http://127.0.0.1:8080"
#: The service's default ``batch_documents_max``: documents per upsert request.
BATCH_DOCUMENTS_MAX = 1000


def _headers(api_key: Optional[str], extra: Optional[Mapping[str, str]]) -> dict[str, str]:
    headers = {"Accept": "application/json", "User-Agent": "vectordb-client-python/0.1"}
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    headers.update(extra or {})
    return headers


def _transport_error(error: httpx.TransportError) -> VectorDBError:
    code = "timeout" if isinstance(error, httpx.TimeoutException) else "connection"
    return VectorDBError(None, code, str(error) or type(error).__name__)


class Client:
    """A connection pool to one ``vectordb serve``.

    Args:
        base_url: the server, ``http://127.0.0.1:8080`` by default.
        api_key: the tenant's key, sent as ``Authorization: Bearer`` (none for ``--no-auth``).
        timeout: seconds for each request (connect, read, write); the server's own search
            deadline is ``query_timeout_ms``.
        headers: extra headers for every request (``X-Request-Id`` for instance).
        transport: an ``httpx`` transport (tests, proxies).

    Every method raises ``VectorDBError`` for a refused request (with the HTTP status, the
    service's code and message, and ``retry_after`` on 429) or one that got no answer.
    Use it as a context manager, or call ``close()``.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_URL,
        api_key: Optional[str] = None,
        *,
        timeout: float = 30.0,
        headers: Optional[Mapping[str, str]] = None,
        transport: Optional[httpx.BaseTransport] = None,
    ) -> None:
        self._http = httpx.Client(
            base_url=base_url, headers=_headers(api_key, headers), timeout=timeout, transport=transport
        )

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Closes the pooled connections."""
        self._http.close()

    def _run(self, call: Call[T]) -> T:
        try:
            response = self._http.request(call.method, call.path, json=call.body)
        except httpx.TransportError as error:
            raise _transport_error(error) from error
        return _calls.answer(call, response.status_code, response.headers, response.content)

    def search(
        self,
        collection: str,
        query: Optional[str] = None,
        vector: Any = None,
        k: int = 10,
        filter: Optional[Filter] = None,
        mode: Optional[str] = None,
        *,
        ranking: Optional[str] = None,
        as_of: Union[int, str, None] = None,
        include: Optional[Sequence[str]] = None,
    ) -> SearchResult:
        """The ``k`` best hits for ``query`` (embedded by the server with the collection's embedder)
        or ``vector`` (a sequence or numpy array of the collection's dimension).

        Args:
            filter: a filter object or a list of ``KEY OP VALUE`` expressions (docs/service.md).
            mode: ``hybrid``, ``vector`` or ``lexical`` (the server's default by what is given).
            ranking: ``aware`` or ``plain``.
            as_of: a version number (``snapshots()``) or an ISO 8601 time.
            include: any of ``text``, ``fields``, ``interpretation``.
        """
        return self._run(_calls.search(collection, query, vector, k, filter, mode, ranking, as_of, include))

    def create_collection(
        self,
        name: str,
        schema: Union[str, Mapping[str, Any]] = "sec",
        embedder: Optional[Mapping[str, Any]] = None,
    ) -> CollectionInfo:
        """Creates ``name``: ``schema`` is ``"sec"`` or a schema object (docs/formats/collection.md);
        ``embedder`` is ``{"provider": "hashing", "dimension": 384}``, ``{"provider": "minilm"}`` or
        none (documents then carry their vectors)."""
        return self._run(_calls.create_collection(name, schema, embedder))

    def list_collections(self) -> list[CollectionInfo]:
        """The caller's collections."""
        return self._run(_calls.list_collections())

    def describe_collection(self, name: str) -> CollectionInfo:
        """One collection: model, dimension, live documents, schema, embedder."""
        return self._run(_calls.describe_collection(name))

    def drop_collection(self, name: str) -> None:
        """Drops ``name`` (moved aside under the tenant's ``dropped/`` directory)."""
        self._run(_calls.drop_collection(name))

    def upsert(self, collection: str, documents: Any, *, batch_size: int = BATCH_DOCUMENTS_MAX) -> UpsertResult:
        """Writes ``documents`` — a list of dicts (``id``, ``text`` or ``vector``, ``fields``, …; any
        other key is a field) or a pandas DataFrame (one document a row) — in requests of at most
        ``batch_size``. Each request is atomic and durable when answered; a failure raises after
        the batches before it were written."""
        upserted = embedded = 0
        for batch in batches(documents, batch_size):
            result = self._run(_calls.upsert(collection, batch))
            upserted += result.upserted
            embedded += result.embedded
        return UpsertResult(upserted=upserted, embedded=embedded)

    def get_document(self, collection: str, document_id: str) -> StoredDocument:
        """A live document's fields."""
        return self._run(_calls.get_document(collection, document_id))

    def delete_document(self, collection: str, document_id: str) -> None:
        """Deletes a document (durable when answered)."""
        self._run(_calls.delete_document(collection, document_id))

    def snapshots(self, collection: str) -> list[Snapshot]:
        """The collection's retained versions, oldest first."""
        return self._run(_calls.snapshots(collection))

    def health(self) -> str:
        """``"ok"`` when the server is alive."""
        return self._run(_calls.health())
