"""``AsyncClient``: the asynchronous client, over ``httpx.AsyncClient`` (asyncio or trio)."""

from __future__ import annotations

from typing import Any, Mapping, Optional, Sequence, TypeVar, Union

import httpx

from . import _calls
from ._calls import Call, Filter
from ._client import BATCH_DOCUMENTS_MAX, DEFAULT_URL, _headers, _transport_error
from ._documents import batches
from ._models import CollectionInfo, SearchResult, Snapshot, StoredDocument, UpsertResult

T = TypeVar("T")


class AsyncClient:
    """``Client``'s calls as coroutines: ``async with AsyncClient(url, key) as db: await db.search(...)``.

    The arguments, results and errors (``VectorDBError``) are ``Client``'s.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_URL,
        api_key: Optional[str] = None,
        *,
        timeout: float = 30.0,
        headers: Optional[Mapping[str, str]] = None,
        transport: Optional[httpx.AsyncBaseTransport] = None,
    ) -> None:
        self._http = httpx.AsyncClient(
            base_url=base_url, headers=_headers(api_key, headers), timeout=timeout, transport=transport
        )

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Closes the pooled connections."""
        await self._http.aclose()

    async def _run(self, call: Call[T]) -> T:
        try:
            response = await self._http.request(call.method, call.path, json=call.body)
        except httpx.TransportError as error:
            raise _transport_error(error) from error
        return _calls.answer(call, response.status_code, response.headers, response.content)

    async def search(
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
        """As ``Client.search``."""
        return await self._run(_calls.search(collection, query, vector, k, filter, mode, ranking, as_of, include))

    async def create_collection(
        self,
        name: str,
        schema: Union[str, Mapping[str, Any]] = "sec",
        embedder: Optional[Mapping[str, Any]] = None,
    ) -> CollectionInfo:
        """As ``Client.create_collection``."""
        return await self._run(_calls.create_collection(name, schema, embedder))

    async def list_collections(self) -> list[CollectionInfo]:
        """As ``Client.list_collections``."""
        return await self._run(_calls.list_collections())

    async def describe_collection(self, name: str) -> CollectionInfo:
        """As ``Client.describe_collection``."""
        return await self._run(_calls.describe_collection(name))

    async def drop_collection(self, name: str) -> None:
        """As ``Client.drop_collection``."""
        await self._run(_calls.drop_collection(name))

    async def upsert(
        self, collection: str, documents: Any, *, batch_size: int = BATCH_DOCUMENTS_MAX
    ) -> UpsertResult:
        """As ``Client.upsert``."""
        upserted = embedded = 0
        for batch in batches(documents, batch_size):
            result = await self._run(_calls.upsert(collection, batch))
            upserted += result.upserted
            embedded += result.embedded
        return UpsertResult(upserted=upserted, embedded=embedded)

    async def get_document(self, collection: str, document_id: str) -> StoredDocument:
        """As ``Client.get_document``."""
        return await self._run(_calls.get_document(collection, document_id))

    async def delete_document(self, collection: str, document_id: str) -> None:
        """As ``Client.delete_document``."""
        await self._run(_calls.delete_document(collection, document_id))

    async def snapshots(self, collection: str) -> list[Snapshot]:
        """As ``Client.snapshots``."""
        return await self._run(_calls.snapshots(collection))

    async def health(self) -> str:
        """As ``Client.health``."""
        return await self._run(_calls.health())
