"""Python client for the VectorDB query service (``vectordb serve``).

    from vectordb_client import Client

    with Client("http://127.0.0.1:8080", api_key="...") as db:
        for hit in db.search("filings", "reliance on a single foundry", k=3, filter={"form": "10-K"}):
            print(hit.citation.company, hit.citation.item, hit.citation.sec_url)

``AsyncClient`` has the same calls as coroutines. Errors are ``VectorDBError``.
"""

from ._async_client import AsyncClient
from ._calls import Filter
from ._client import Client
from ._errors import VectorDBError
from ._models import Citation, CollectionInfo, Hit, SearchResult, Snapshot, StoredDocument, UpsertResult

__all__ = [
    "AsyncClient",
    "Citation",
    "Client",
    "CollectionInfo",
    "Filter",
    "Hit",
    "SearchResult",
    "Snapshot",
    "StoredDocument",
    "UpsertResult",
    "VectorDBError",
]

__version__ = "0.1.0"
