"""The one error type the client raises."""

from __future__ import annotations

from typing import Optional


class VectorDBError(Exception):
    """A request the service refused, or one that never got an answer.

    Attributes:
        status: the HTTP status (``None`` when no answer came: connection refused, timeout).
        code: the service's error code (``bad_input``, ``not_found``, ``unauthorized``,
            ``rate_limited``, ``too_many_queries``, ``payload_too_large``, … as docs/service.md lists
            them); ``connection`` or ``timeout`` when no answer came; ``http_STATUS`` for an answer
            that is not the service's error document.
        message: what the service said.
        retry_after: seconds to wait before retrying, from ``Retry-After`` (429 answers).
        request_id: the ``X-Request-Id`` of the request, to find it in the server's logs.
    """

    def __init__(
        self,
        status: Optional[int],
        code: str,
        message: str,
        *,
        retry_after: Optional[float] = None,
        request_id: Optional[str] = None,
    ) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.retry_after = retry_after
        self.request_id = request_id
        where = f"HTTP {status}" if status is not None else "no answer"
        super().__init__(f"{code}: {message} ({where})")

    @property
    def is_retryable(self) -> bool:
        """True for answers a later retry may change: 429, 503, 504, and no answer at all."""
        return self.status in (None, 429, 503, 504)
