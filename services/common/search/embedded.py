"""Embedded search index: SQLite storage, clauses evaluated in Python.

Used when the platform runs on one machine with no servers. Results are meant
to equal the Elasticsearch adapter's for the same documents and requests (the
contract suite in tests/contract checks both), including its strictness:
documents may only hold fields given to ensure_index, and values must fit
their field type. Sized for tens of thousands of documents per landlord.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from typing import Any, Mapping, Sequence

from .checks import RESERVED as _RESERVED, TOTAL_FIELDS_LIMIT, check_request, check_scan_batch, check_versions_ids
from .embedded_query import encode, evaluate, matching_ids
from .port import (Clause, DocumentScan, FieldType, IdScan, SearchError, SearchIndex, SearchRequest, SearchResult,
                   indexable)

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS search_documents (
        index_name TEXT NOT NULL, landlord_id TEXT NOT NULL, doc_id TEXT NOT NULL,
        body TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (index_name, landlord_id, doc_id)) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS search_fields (
        index_name TEXT NOT NULL, field_name TEXT NOT NULL, field_type TEXT NOT NULL,
        PRIMARY KEY (index_name, field_name)) WITHOUT ROWID""",
)

_UPSERT = ("INSERT INTO search_documents (index_name, landlord_id, doc_id, body, version) VALUES (?, ?, ?, ?, ?) "
           "ON CONFLICT (index_name, landlord_id, doc_id) DO UPDATE SET body = excluded.body, ")
_REPLACE = _UPSERT + "version = search_documents.version + 1"  # unversioned: counts the version up
_VERSIONED = _UPSERT + "version = excluded.version WHERE excluded.version >= search_documents.version"


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
            columns = {row[1] for row in self._conn.execute("PRAGMA table_info(search_documents)")}
            if "version" not in columns:  # a file made before documents had versions
                self._conn.execute("ALTER TABLE search_documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1")

    # -- writes -------------------------------------------------------------

    def ensure_index(self, name: str, fields: Mapping[str, FieldType]) -> None:
        wanted = {f: FieldType(t) for f, t in fields.items() if f not in _RESERVED}
        wanted.update(_RESERVED)
        with self._lock, self._transaction():
            known = self._load_fields(name)
            for field_name, field_type in wanted.items():
                if known.get(field_name, field_type) != field_type:
                    raise SearchError(f"field {field_name!r} of index {name!r} already has another type")
            if len(known.keys() | wanted.keys()) > TOTAL_FIELDS_LIMIT:
                raise SearchError(f"index {name!r} would have more than {TOTAL_FIELDS_LIMIT} fields")
            self._conn.executemany(
                "INSERT OR IGNORE INTO search_fields VALUES (?, ?, ?)",
                [(name, f, t.value) for f, t in wanted.items()])

    def index(self, name: str, landlord_id: str, doc_id: str, document: Mapping[str, Any],
              version: int | None = None) -> bool:
        return not self.index_many(name, landlord_id, {doc_id: document},
                                   None if version is None else {doc_id: version})

    def index_many(self, name: str, landlord_id: str, documents: Mapping[str, Mapping[str, Any]],
                   versions: Mapping[str, int] | None = None) -> int:
        """Like Elasticsearch: a versioned write lands only over the same or an older version."""
        with self._lock:
            types = self._require_fields(name)
            rows = [(name, landlord_id, str(doc_id), encode(indexable(doc), types),
                     1 if versions is None else int(versions[doc_id]))
                    for doc_id, doc in documents.items()]
            with self._transaction():
                written = self._conn.executemany(_VERSIONED if versions is not None else _REPLACE, rows).rowcount
        return max(len(rows) - written, 0)

    def update_many(self, name: str, landlord_id: str, changes: Mapping[str, tuple[int, Mapping[str, Any]]]) -> set[str]:
        left: set[str] = set()
        where = "WHERE index_name = ? AND landlord_id = ? AND doc_id = ?"
        with self._lock:
            types = self._require_fields(name)
            with self._transaction():
                for doc_id, (version, fields) in changes.items():
                    held = self._conn.execute(f"SELECT body, version FROM search_documents {where}",
                                              (name, landlord_id, doc_id)).fetchone()
                    if held is None or held[1] != version - 1:
                        left.add(doc_id)
                        continue
                    body = {**json.loads(held[0]), **json.loads(encode(indexable(fields), types))}
                    self._conn.execute(f"UPDATE search_documents SET body = ?, version = ? {where}",
                                       (json.dumps(body), version, name, landlord_id, doc_id))
        return left

    def versions(self, name: str, landlord_id: str, doc_ids: Sequence[str]) -> dict[str, int]:
        check_versions_ids(doc_ids)
        ids = list(doc_ids)
        if not ids:
            return {}
        with self._lock:
            return dict(self._conn.execute(
                f"SELECT doc_id, version FROM search_documents WHERE index_name = ? AND landlord_id = ? "
                f"AND doc_id IN ({', '.join('?' * len(ids))})", (name, landlord_id, *ids)).fetchall())

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
        types, docs = self._documents(name, landlord_id, lambda types: check_request(request, types))
        return evaluate(docs, request, types)

    def scan_ids(self, name: str, landlord_id: str, filters: Sequence[Clause], batch: int = 5_000) -> IdScan:
        """Every match at once (a consistent snapshot), handed out a batch at a time; with no
        filters, the ids alone are read, a batch at a time."""
        check_scan_batch(batch)
        if not filters:
            return self._scan_all(name, landlord_id, batch)
        types, docs = self._documents(name, landlord_id)
        ids = matching_ids(docs, filters, types)
        return IdScan(len(ids), (ids[start:start + batch] for start in range(0, len(ids), batch)))

    def scan_documents(self, name: str, landlord_id: str, filters: Sequence[Clause], fields: Sequence[str],
                       batch: int = 5_000) -> DocumentScan:
        """Every match at once (a consistent snapshot), handed out a batch at a time."""
        check_scan_batch(batch)
        types, docs = self._documents(name, landlord_id)
        wanted = set(matching_ids(docs, filters, types))
        kept = (*fields, "id")
        found = [{field: doc[field] for field in kept if field in doc} for doc in docs if doc["id"] in wanted]
        return DocumentScan(len(found), (found[start:start + batch] for start in range(0, len(found), batch)))

    def _scan_all(self, name: str, landlord_id: str, batch: int) -> IdScan:
        where = "FROM search_documents WHERE index_name = ? AND landlord_id = ?"
        with self._lock:
            self._require_fields(name)
            total = self._conn.execute(f"SELECT count(*) {where}", (name, landlord_id)).fetchone()[0]

        def chunks():
            after = ""
            while True:
                with self._lock:
                    ids = [r[0] for r in self._conn.execute(
                        f"SELECT doc_id {where} AND doc_id > ? ORDER BY doc_id LIMIT ?",
                        (name, landlord_id, after, batch))]
                if not ids:
                    return
                yield ids
                after = ids[-1]
        return IdScan(total, chunks())

    def _documents(self, name: str, landlord_id: str, check=None) -> tuple[dict[str, FieldType], list[dict]]:
        """The index's field types and the landlord's documents, each with its "id"."""
        with self._lock:
            types = self._require_fields(name)
            if check is not None:
                check(types)
            rows = self._conn.execute(
                "SELECT doc_id, body FROM search_documents WHERE index_name = ? AND landlord_id = ?",
                (name, landlord_id)).fetchall()
        docs = []
        for doc_id, body in rows:
            doc = json.loads(body)
            doc["id"] = doc_id
            docs.append(doc)
        return types, docs

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


