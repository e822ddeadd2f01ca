"""Documents for an upsert: dicts as ``vectordb import`` reads a line, or a pandas DataFrame."""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any, Iterable, Iterator, Mapping

#: The keys of a document object (docs/import-export.md); any other key of a row is a field.
DOCUMENT_KEYS = frozenset({"id", "fields", "vector", "vectors", "text", "expires_at"})


def _plain(value: Any) -> Any:
    """A JSON-ready value: numpy scalars and arrays to Python, dates to ``YYYY-MM-DD``."""
    if hasattr(value, "tolist") and callable(value.tolist):  # numpy arrays and scalars
        return value.tolist()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, _dt.datetime):
        if value.time() != _dt.time(0) or value.tzinfo is not None:
            raise TypeError(f"a field holds the time {value.isoformat()}; fields hold dates (YYYY-MM-DD) only")
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def _missing(value: Any) -> bool:
    """None, NaN and pandas' NaT/NA: a cell with no value (left out of the document)."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in ("NaTType", "NAType")


def _expiry(value: Any) -> str:
    """An ISO 8601 time; a naive datetime is taken as UTC."""
    if isinstance(value, _dt.datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=_dt.timezone.utc)
        return moment.isoformat().replace("+00:00", "Z")
    return str(value)


def document(row: Mapping[str, Any]) -> dict[str, Any]:
    """One document object from ``row``: its document keys as given, every other key into
    ``fields`` (missing values left out, numpy and date values made JSON-ready)."""
    if "id" not in row or _missing(row["id"]):
        raise ValueError("every document needs an 'id'")
    result: dict[str, Any] = {"id": str(row["id"])}
    fields: dict[str, Any] = {}
    given = row.get("fields")
    if isinstance(given, Mapping):
        fields.update({str(k): _plain(v) for k, v in given.items() if not _missing(v)})
    for key, value in row.items():
        key = str(key)
        if key in ("id", "fields") or _missing(value):
            continue
        if key in ("vector", "text"):
            result[key] = _plain(value)
        elif key == "vectors":
            result[key] = {str(name): _plain(v) for name, v in dict(value).items()}
        elif key == "expires_at":
            result[key] = _expiry(value)
        else:
            fields[key] = _plain(value)
    if fields:
        result["fields"] = fields
    return result


def _is_dataframe(value: Any) -> bool:
    try:
        import pandas  # type: ignore[import-untyped,unused-ignore]  # optional: only when the caller has pandas
    except ImportError:
        return False
    return isinstance(value, pandas.DataFrame)


def documents(source: Any) -> Iterator[dict[str, Any]]:
    """The document objects of ``source``: an iterable of mappings, or a pandas DataFrame (one
    document a row; its columns are document keys or fields)."""
    if _is_dataframe(source):
        rows: Iterable[Mapping[str, Any]] = source.to_dict(orient="records")
    elif isinstance(source, Mapping):
        raise TypeError("upsert takes a list of documents (or a DataFrame), not one document")
    else:
        rows = source
    for row in rows:
        if not isinstance(row, Mapping):
            raise TypeError(f"a document must be a mapping, not {type(row).__name__}")
        yield document(row)


def batches(source: Any, size: int) -> Iterator[list[dict[str, Any]]]:
    """``documents(source)`` in lists of at most ``size``."""
    if size < 1:
        raise ValueError("batch_size must be at least 1")
    batch: list[dict[str, Any]] = []
    for item in documents(source):
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
