"""Embedded search index: SQLite storage, clauses evaluated in Python.

Used when the platform runs on one machine with no servers. Results are meant
to equal the Elasticsearch adapter's for the same documents and requests (the
contract suite in tests/contract checks both), including its strictness:
documents may only hold fields given to ensure_index, and values must fit
their field type. Sized for tens of thousands of documents per landlord.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from typing import Any, Iterable, Mapping

from .port import (
    AnyOf, Clause, Exists, FieldType, Not, Prefix, Range, SearchError, SearchIndex,
    SearchRequest, SearchResult, Term,
)

MAX_PAGE_END = 10_000  # same limit as the Elasticsearch adapter (from + size)
MAX_FACET_VALUES = 10_000  # same as the Elasticsearch terms aggregation size
_RESERVED = {"id": FieldType.KEYWORD, "landlord_id": FieldType.KEYWORD}
_FACETABLE = (FieldType.KEYWORD, FieldType.INTEGER, FieldType.BOOLEAN)

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS search_documents (
        index_name TEXT NOT NULL, landlord_id TEXT NOT NULL, doc_id TEXT NOT NULL,
        body TEXT NOT NULL, PRIMARY KEY (index_name, landlord_id, doc_id)) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS search_fields (
        index_name TEXT NOT NULL, field_name TEXT NOT NULL, field_type TEXT NOT NULL,
        PRIMARY KEY (index_name, field_name)) WITHOUT ROWID""",
)


class EmbeddedSearchIndex(SearchIndex):
    def __init__(self, path: str | None = None) -> None:
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            path or ":memory:", check_same_thread=False, isolation_level=None, timeout=30)
        with self._lock:
            if path:
                self._conn.execute("PRAGMA journal_mode=WAL")
            for statement in _SCHEMA:
                self._conn.execute(statement)

    # -- writes -------------------------------------------------------------

    def ensure_index(self, name: str, fields: Mapping[str, FieldType]) -> None:
        wanted = {f: FieldType(t) for f, t in fields.items() if f not in _RESERVED}
        wanted.update(_RESERVED)
        with self._lock, self._transaction():
            known = self._load_fields(name)
            for field_name, field_type in wanted.items():
                if known.get(field_name, field_type) != field_type:
                    raise SearchError(f"field {field_name!r} of index {name!r} already has another type")
            self._conn.executemany(
                "INSERT OR IGNORE INTO search_fields VALUES (?, ?, ?)",
                [(name, f, t.value) for f, t in wanted.items()])

    def index(self, name: str, landlord_id: str, doc_id: str, document: Mapping[str, Any]) -> None:
        self.index_many(name, landlord_id, {doc_id: document})

    def index_many(self, name: str, landlord_id: str, documents: Mapping[str, Mapping[str, Any]]) -> None:
        with self._lock:
            types = self._require_fields(name)
            rows = [(name, landlord_id, str(doc_id), _encode(doc, types))
                    for doc_id, doc in documents.items()]
            with self._transaction():
                self._conn.executemany(
                    "INSERT OR REPLACE INTO search_documents VALUES (?, ?, ?, ?)", rows)

    def delete(self, name: str, landlord_id: str, doc_id: str) -> None:
        with self._lock:
            self._conn.execute(
                "DELETE FROM search_documents WHERE index_name = ? AND landlord_id = ? AND doc_id = ?",
                (name, landlord_id, doc_id))

    def refresh(self, name: str) -> None:
        """Nothing to do: writes are visible at once."""

    def drop(self, name: str) -> None:
        with self._lock, self._transaction():
            self._conn.execute("DELETE FROM search_documents WHERE index_name = ?", (name,))
            self._conn.execute("DELETE FROM search_fields WHERE index_name = ?", (name,))

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- search -------------------------------------------------------------

    def search(self, name: str, landlord_id: str, request: SearchRequest) -> SearchResult:
        _check_paging(request)
        with self._lock:
            types = self._require_fields(name)
            rows = self._conn.execute(
                "SELECT doc_id, body FROM search_documents WHERE index_name = ? AND landlord_id = ?",
                (name, landlord_id)).fetchall()
        docs = []
        for doc_id, body in rows:
            doc = json.loads(body)
            doc["id"] = doc_id
            docs.append(doc)
        matching = [d for d in docs if all(_matches(c, d, types) for c in request.filters)]
        result = SearchResult(total=len(matching))
        result.facets = {f: _facet(f, matching, types) for f in request.facets}
        if not request.count_only:
            page = _sorted(matching, request.sort, types)
            result.items = page[request.offset:request.offset + request.limit]
        return result

    # -- helpers ------------------------------------------------------------

    def _transaction(self):
        return _Transaction(self._conn)

    def _load_fields(self, name: str) -> dict[str, FieldType]:
        rows = self._conn.execute(
            "SELECT field_name, field_type FROM search_fields WHERE index_name = ?", (name,))
        return {f: FieldType(t) for f, t in rows}

    def _require_fields(self, name: str) -> dict[str, FieldType]:
        types = self._load_fields(name)
        if not types:
            raise SearchError(f"search index {name!r} does not exist")
        return types


class _Transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        self._conn.execute("ROLLBACK" if exc_type else "COMMIT")


# -- values -------------------------------------------------------------------

def _normalise(value: Any, field_type: FieldType) -> Any:
    """The value as the engine sees it: keyword -> str, integer -> int, etc."""
    if isinstance(value, (dict, list, tuple)):
        raise ValueError("not a scalar")
    if field_type is FieldType.KEYWORD:
        return ("true" if value else "false") if isinstance(value, bool) else str(value)
    if field_type is FieldType.INTEGER:
        if isinstance(value, bool):
            raise ValueError("boolean is not an integer")
        number = float(value) if isinstance(value, str) else value
        if not isinstance(number, (int, float)) or number != int(number):
            raise ValueError("not an integer")
        return int(number)
    if field_type is FieldType.BOOLEAN:
        if isinstance(value, bool):
            return value
        if value in ("true", "false", ""):
            return value == "true"
        raise ValueError("not a boolean")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError("not an ISO date")
    return value


def _values(doc: Mapping[str, Any], field: str, types: Mapping[str, FieldType]) -> list:
    """The field's non-null values (a list field gives its elements)."""
    raw = doc.get(field)
    items = raw if isinstance(raw, list) else [raw]
    field_type = types.get(field, FieldType.KEYWORD)
    return [_normalise(v, field_type) for v in items if v is not None]


def _encode(document: Mapping[str, Any], types: Mapping[str, FieldType]) -> str:
    body = {k: v for k, v in document.items() if k not in _RESERVED}
    for field, value in body.items():
        if field not in types:
            raise SearchError(f"field {field!r} is not in the index mapping")
        for item in (value if isinstance(value, list) else [value]):
            if item is None:
                continue
            try:
                _normalise(item, types[field])
            except (ValueError, TypeError, OverflowError):
                raise SearchError(f"field {field!r} has a value that is not a valid "
                                  f"{types[field].value}") from None
    return json.dumps(body, default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError("not JSON serialisable")


# -- clauses --------------------------------------------------------------------

def _matches(clause: Clause, doc: Mapping[str, Any], types: Mapping[str, FieldType]) -> bool:
    if isinstance(clause, Not):
        return not _matches(clause.clause, doc, types)
    if isinstance(clause, AnyOf):
        return any(_matches(c, doc, types) for c in clause.clauses)
    field_type = types.get(clause.field, FieldType.KEYWORD)
    values = _values(doc, clause.field, types)
    try:
        if isinstance(clause, Term):
            wanted = {_normalise(v, field_type) for v in clause.values if v is not None}
            return any(v in wanted for v in values)
        if isinstance(clause, Prefix):
            if field_type is not FieldType.KEYWORD:
                raise SearchError(f"prefix needs a keyword field, not {clause.field!r}")
            start = str(clause.value).lower()
            return any(v.lower().startswith(start) for v in values)
        if isinstance(clause, Range):
            low, high = (_bound(b, field_type) for b in (clause.gte, clause.lte))
            return any((low is None or v >= low) and (high is None or _at_most(v, high, field_type))
                       for v in values)
    except (ValueError, TypeError):
        raise SearchError(f"a value in a clause on {clause.field!r} does not fit its type") from None
    if isinstance(clause, Exists):
        if field_type is FieldType.KEYWORD:
            return any(v != "" for v in values)
        return bool(values)
    raise SearchError(f"unknown clause {type(clause).__name__}")


def _at_most(value: Any, high: Any, field_type: FieldType) -> bool:
    """value <= high; like Elasticsearch, a date bound without (all of) its time
    ("2021-06-01", "2021-06-01T09:30") ends at the end of that day or minute, so
    it takes in any value that starts with it. Year/month-only bounds: unsupported."""
    if field_type is FieldType.DATE and len(high) >= 10 and value.startswith(high):
        return True
    return value <= high


def _bound(value: Any, field_type: FieldType) -> Any:
    if value is None:
        return None
    if field_type is FieldType.INTEGER and isinstance(value, (int, float)) \
            and not isinstance(value, bool):
        return value  # a fractional bound compares like Elasticsearch's rounding
    return _normalise(value, field_type)


# -- sorting, paging, facets ----------------------------------------------------

def _check_paging(request: SearchRequest) -> None:
    if request.offset < 0 or request.limit < 0:
        raise SearchError("offset and limit must not be negative")
    if not request.count_only and request.offset + request.limit > MAX_PAGE_END:
        raise SearchError("page too deep")
    for _, direction in request.sort:
        if direction not in ("asc", "desc"):
            raise SearchError("sort direction must be 'asc' or 'desc'")


def _sorted(docs: list[dict], sort: Iterable[tuple[str, str]],
            types: Mapping[str, FieldType]) -> list[dict]:
    """Sort by each field (missing values last either way), then by id."""
    ordered = sorted(docs, key=lambda d: d["id"])
    for field, direction in reversed(list(sort)):
        if field not in types:
            raise SearchError(f"cannot sort on unknown field {field!r}")
        pick = max if direction == "desc" else min
        keyed = [(d, _values(d, field, types)) for d in ordered]
        present = [(pick(vs), d) for d, vs in keyed if vs]
        present.sort(key=lambda pair: pair[0], reverse=direction == "desc")  # stable
        ordered = [d for _, d in present] + [d for d, vs in keyed if not vs]
    return ordered


def _facet(field: str, docs: list[dict], types: Mapping[str, FieldType]) -> dict[str, int]:
    field_type = types.get(field)
    if field_type is None:
        return {}
    if field_type not in _FACETABLE:
        raise SearchError(f"cannot facet on {field_type.value} field {field!r}")
    counts: dict[Any, int] = {}
    for doc in docs:
        for value in set(_values(doc, field, types)):
            if value != "":
                counts[value] = counts.get(value, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_FACET_VALUES]
    return {_facet_key(v): n for v, n in ranked}


def _facet_key(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
