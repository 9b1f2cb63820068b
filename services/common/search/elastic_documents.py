"""Elasticsearch documents: written whole (index, index_many: external versions decide between writers), some of
their fields updated in place (update_many), their versions read (versions), removed (delete). A mixin of
ElasticsearchIndex (elastic.py), which holds the client and the bulk sizes."""
from __future__ import annotations

import contextlib
from typing import Any, Iterator, Mapping, Sequence

from elasticsearch import ApiError, ConflictError, TransportError, helpers

from ..bulk import chunks
from .checks import check_versions_ids
from .port import SearchError, SearchUnavailable, indexable

EXTERNAL = "external_gte"  # a versioned write replaces the same version or an older one, never a newer one
CONFLICT = "version_conflict_engine_exception"  # a versioned write refused: the index holds a newer version
BULK_DOCS = 5_000  # documents in one _bulk request at most
NOT_UPDATED = (404, 409)  # an update of a document not there, or written since its version was read


class ElasticDocuments:
    def index(self, name: str, landlord_id: str, doc_id: str, document: Mapping[str, Any],
              version: int | None = None) -> bool:
        with _errors("index"):
            try:
                self._client.index(
                    index=self._alias(name), id=_doc_key(landlord_id, doc_id), routing=landlord_id,
                    document=_source(landlord_id, doc_id, document), require_alias=True,
                    **({} if version is None else {"version": version, "version_type": EXTERNAL}))
            except ConflictError:
                return False
        return True

    def index_many(self, name: str, landlord_id: str, documents: Mapping[str, Mapping[str, Any]],
                   versions: Mapping[str, int] | None = None) -> int:
        alias = self._alias(name)
        actions = (
            {"_op_type": "index", "_index": alias, "_id": _doc_key(landlord_id, doc_id),
             "_routing": landlord_id, "_source": _source(landlord_id, doc_id, doc),
             **({} if versions is None else {"version": versions[doc_id], "version_type": EXTERNAL})}
            for doc_id, doc in documents.items()
        )
        failures: dict[str, int] = {}
        with _errors("index_many"):
            for ok, item in self._bulk(actions, several=len(documents) > BULK_DOCS):
                if not ok:
                    error = next(iter(item.values()), {}).get("error", {})
                    kind = error.get("type", "unknown") if isinstance(error, dict) else "unknown"
                    failures[kind] = failures.get(kind, 0) + 1
        refused = failures.pop(CONFLICT, 0) if versions is not None else 0
        _raise_failures("index_many", failures)
        return refused

    def _bulk(self, actions, *, several: bool):
        """The actions in _bulk requests of at most bulk_bytes (and BULK_DOCS documents); with `several`,
        bulk_in_flight of them at once (the order between requests does not matter: every document is written
        once, and versions decide between writers). Yields (ok, item): every action's when several, else only
        the failed ones'."""
        sizes = {"chunk_size": BULK_DOCS, "max_chunk_bytes": self._bulk_bytes}
        if several and self._bulk_in_flight > 1:
            return helpers.parallel_bulk(self._client, actions, thread_count=self._bulk_in_flight,
                                         queue_size=self._bulk_in_flight, raise_on_error=False,
                                         require_alias=True, **sizes)
        return helpers.streaming_bulk(self._client, actions, raise_on_error=False, yield_ok=False, require_alias=True,
                                      **sizes)

    def versions(self, name: str, landlord_id: str, doc_ids: Sequence[str]) -> dict[str, int]:
        check_versions_ids(doc_ids)
        if not doc_ids:
            return {}
        held = self._mget("versions", name, landlord_id, doc_ids)
        return {doc_id: found["_version"] for doc_id, found in zip(doc_ids, held) if found.get("found")}

    def update_many(self, name: str, landlord_id: str,
                    changes: Mapping[str, tuple[int, Mapping[str, Any]]]) -> set[str]:
        """Each document's sequence number read with its version (one mget per BULK_DOCS), then one update each
        of those held at the version before, conditional on that sequence number (if_seq_no): a write in
        between fails it (409), and it is left to the caller like a document at another version or missing.
        No no-op detection: an update that changes no value still counts the version up."""
        alias, left, keys = self._alias(name), set(), {}
        actions = []
        for part in chunks(list(changes), BULK_DOCS):
            for doc_id, held in zip(part, self._held(name, landlord_id, part)):
                version, fields = changes[doc_id]
                if held is None or held[0] != version - 1:
                    left.add(doc_id)
                    continue
                key = _doc_key(landlord_id, doc_id)
                keys[key] = doc_id
                actions.append({"_op_type": "update", "_index": alias, "_id": key,
                                "_routing": landlord_id, "if_seq_no": held[1], "if_primary_term": held[2],
                                "_source": {"doc": indexable(fields), "detect_noop": False}})
        failures: dict[str, int] = {}
        with _errors("update_many"):
            for ok, item in self._bulk(actions, several=len(actions) > BULK_DOCS):
                result = next(iter(item.values()), {})
                if ok:
                    continue
                if result.get("status") in NOT_UPDATED:
                    left.add(keys[result["_id"]])
                else:
                    kind = result.get("error", {}).get("type", "unknown")
                    failures[kind] = failures.get(kind, 0) + 1
        _raise_failures("update_many", failures)
        return left

    def _held(self, name: str, landlord_id: str, doc_ids: Sequence[str]) -> list[tuple[int, int, int] | None]:
        """(version, sequence number, primary term) of each of these documents, None where missing."""
        return [(found["_version"], found["_seq_no"], found["_primary_term"]) if found.get("found") else None
                for found in self._mget("update_many", name, landlord_id, doc_ids)]

    def _mget(self, operation: str, name: str, landlord_id: str, doc_ids: Sequence[str]) -> list[dict]:
        """What the index holds of each of these documents, without their source, in their order."""
        with _errors(operation):
            return self._client.mget(
                index=self._alias(name), source=False,
                docs=[{"_id": _doc_key(landlord_id, doc_id), "routing": landlord_id} for doc_id in doc_ids],
            ).body["docs"]

    def delete(self, name: str, landlord_id: str, doc_id: str) -> None:
        with _errors("delete"):
            self._client.options(ignore_status=404).delete(
                index=self._alias(name), id=_doc_key(landlord_id, doc_id), routing=landlord_id)


def _doc_key(landlord_id: str, doc_id: str) -> str:
    """Elasticsearch _id: unique per landlord and document, unambiguous."""
    return f"{len(landlord_id)}:{landlord_id}:{doc_id}"


def _source(landlord_id: str, doc_id: str, document: Mapping[str, Any]) -> dict:
    return {**indexable(document), "id": doc_id, "landlord_id": landlord_id}


@contextlib.contextmanager
def _errors(operation: str, *, with_reason: bool = False) -> Iterator[None]:
    """Client errors as SearchError; never quotes document content."""
    try:
        yield
    except ApiError as exc:
        message = f"search index {operation} failed: HTTP {exc.status_code} {exc.error}"
        if with_reason:  # index management only: reasons name indices and fields
            with contextlib.suppress(Exception):
                message += f" ({exc.body['error']['reason']})"
        transient = exc.status_code == 429 or exc.status_code >= 500
        raise (SearchUnavailable if transient else SearchError)(message) from None
    except TransportError as exc:
        raise SearchUnavailable(f"search index {operation} failed: cannot reach Elasticsearch "
                          f"({type(exc).__name__})") from None



def _raise_failures(operation: str, failures: dict[str, int]) -> None:
    """SearchError naming how many writes failed of each kind, if any did."""
    if failures:
        summary = ", ".join(f"{n} x {kind}" for kind, n in sorted(failures.items()))
        raise SearchError(f"search index {operation} failed for {sum(failures.values())} document(s): {summary}")
