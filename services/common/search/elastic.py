"""Elasticsearch search index adapter (official 8.x client, core features only).

Each index `name` is an alias `<prefix><name>` over the versioned index
`<prefix><name>_v1`. Every document carries `landlord_id` and `id` keyword
fields and is routed by landlord; its Elasticsearch _id combines both, so two
landlords may use the same document id. Every search is built by
`build_search` (elastic_query.py), which always adds the landlord filter and
routing; it is a pure function, so benchmarks can send the very same request.
"""
from __future__ import annotations

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator, Mapping, Sequence

from elasticsearch import ApiError, BadRequestError, Elasticsearch, TransportError
from elasticsearch.serializer import OrjsonSerializer

from ..prefetch import merged_ahead
from .checks import RESERVED, TOTAL_FIELDS_LIMIT
from .elastic_documents import BULK_DOCS, ElasticDocuments, _errors
from .elastic_query import (KEEP_ALIVE, SLICES, build_document_scan, build_scan, build_search, clause_fields, fields_used,
                            read_document_scan, read_scan, read_search)
from .port import Clause, DocumentScan, FieldType, IdScan, SearchIndex, SearchRequest, SearchResult

__all__ = ["ElasticsearchIndex", "build_search", "BULK_DOCS"]
BULK_BYTES = 5 * 1024 * 1024  # a _bulk request's body at most (Elasticsearch's guidance: a few MiB)
BULK_IN_FLIGHT = 2  # _bulk requests at once when a write needs several


class ElasticsearchIndex(ElasticDocuments, SearchIndex):
    def __init__(self, url: str, *, index_prefix: str = "", request_timeout: float = 30,
                 shards: int = 1, replicas: int = 0, routing_partition: int = 1,
                 bulk_bytes: int = BULK_BYTES, bulk_in_flight: int = BULK_IN_FLIGHT) -> None:
        if routing_partition > 1 and routing_partition >= shards:
            raise ValueError("a landlord's routing partition must be smaller than the number of shards")
        if bulk_bytes < 1024 or bulk_in_flight < 1:
            raise ValueError("a bulk request is at least 1 KiB, and at least one is in flight")
        self._bulk_bytes, self._bulk_in_flight = bulk_bytes, bulk_in_flight
        self._client = Elasticsearch(url, request_timeout=request_timeout, serializer=OrjsonSerializer())
        self._routing_partition = routing_partition
        self._prefix = index_prefix
        self._shards = shards
        self._replicas = replicas
        self._types: dict[str, dict[str, FieldType]] = {}
        self._types_lock = threading.Lock()

    def _alias(self, name: str) -> str:
        return f"{self._prefix}{name}"

    def _versioned(self, name: str) -> str:
        return f"{self._prefix}{name}_v1"

    # -- index management -----------------------------------------------------

    def ensure_index(self, name: str, fields: Mapping[str, FieldType]) -> None:
        types = {**{f: FieldType(t) for f, t in fields.items()}, **RESERVED}
        properties = {f: {"type": t.value} for f, t in types.items()}
        alias, versioned = self._alias(name), self._versioned(name)
        with _errors("ensure_index", with_reason=True):
            try:
                self._client.indices.create(
                    index=versioned,
                    settings={"number_of_shards": self._shards, "number_of_replicas": self._replicas,
                              "index.mapping.total_fields.limit": TOTAL_FIELDS_LIMIT,
                              # > 1: each landlord's documents spread over that many shards, searched in parallel
                              **({"index.routing_partition_size": self._routing_partition}
                                 if self._routing_partition > 1 else {})},
                    mappings={"dynamic": "strict", "_routing": {"required": True},
                              "properties": properties},
                    aliases={alias: {"is_write_index": True}},
                )
            except BadRequestError as exc:
                if exc.error != "resource_already_exists_exception":
                    raise
                # Created meanwhile (or earlier): add any new fields; a changed type fails.
                if len(properties) > 900:  # an index made before the limit was raised
                    self._client.indices.put_settings(
                        index=versioned, settings={"index.mapping.total_fields.limit": TOTAL_FIELDS_LIMIT})
                self._client.indices.put_mapping(index=versioned, properties=properties)
                if not self._client.indices.exists_alias(name=alias, index=versioned):
                    self._client.indices.put_alias(index=versioned, name=alias, is_write_index=True)
        with self._types_lock:
            self._types.pop(name, None)

    def refresh(self, name: str) -> None:
        with _errors("refresh"):
            self._client.options(ignore_status=404).indices.refresh(index=self._alias(name))

    def drop(self, name: str) -> None:
        alias = self._alias(name)
        with _errors("drop"):
            lenient = self._client.options(ignore_status=404)
            targets = {self._versioned(name)}
            aliased = lenient.indices.get_alias(name=alias)
            if aliased.meta.status == 200:
                targets.update(aliased.body)
            for index in sorted(targets):
                lenient.indices.delete(index=index)
        with self._types_lock:
            self._types.pop(name, None)

    def close(self) -> None:
        self._client.close()

    # -- search -----------------------------------------------------------------

    def search(self, name: str, landlord_id: str, request: SearchRequest) -> SearchResult:
        types = self._field_types(name, fields_used(request))
        built = build_search(landlord_id, request, types)
        with _errors("search"):
            response = self._client.search(
                index=self._alias(name), body=built["body"], **built["params"]).body
        return read_search(request, types, response)

    def scan_ids(self, name: str, landlord_id: str, filters: Sequence[Clause], batch: int = 5_000) -> IdScan:
        """search_after on `id`, a page of `batch` ids at a time; the first page is read
        at once (it counts the total), the next ones as the chunks are iterated."""
        filters = list(filters)
        types = self._field_types(name, clause_fields(filters))
        total, first = self._scan_page(name, build_scan(landlord_id, filters, types, batch))

        def chunks() -> Iterator[list[str]]:
            page = first
            while page:
                yield page
                if len(page) < batch:
                    return
                page = self._scan_page(name, build_scan(landlord_id, filters, types, batch, after=page[-1]))[1]
        return IdScan(total or 0, chunks())

    def scan_documents(self, name: str, landlord_id: str, filters: Sequence[Clause], fields: Sequence[str],
                       batch: int = 5_000) -> DocumentScan:
        """A point in time read in SLICES slices at once (Elasticsearch works on each in a thread of its own),
        each in shard-document order with search_after, a page of `batch` at a time: the first page of each is
        read at once (they count the total), the next ones as the chunks are iterated, pages handed on as they
        come; the point in time is closed at the end (or when the chunks are closed)."""
        filters, fields = list(filters), list(fields)
        types = self._field_types(name, clause_fields(filters))
        with _errors("scan"):
            pit = self._client.open_point_in_time(index=self._alias(name), keep_alive=KEEP_ALIVE,
                                                  routing=landlord_id).body["id"]

        held = {pit}  # every id the point in time was answered under: Elasticsearch may hand on a new one

        def page(part: int, at: str, after: list | None = None) -> tuple[int | None, list[dict], list | None, str]:
            built = build_document_scan(landlord_id, filters, types, fields, batch, at, after, (part, SLICES))
            with _errors("scan"):
                total, docs, last, next_at = read_document_scan(
                    self._client.search(body=built["body"], **built["params"]).body)
            held.add(next_at or at)
            return total, docs, last, next_at or at

        def rest(part: int, first: tuple) -> Iterator[list[dict]]:
            _, docs, after, at = first
            while docs:
                yield docs
                if len(docs) < batch:
                    return
                _, docs, after, at = page(part, at, after)

        def closed() -> None:
            for held_id in held:
                self._close_point_in_time(held_id)
        try:
            with ThreadPoolExecutor(SLICES, thread_name_prefix="scan-slice") as pool:
                firsts = list(pool.map(lambda part: page(part, pit), range(SLICES)))
        except BaseException:
            closed()
            raise

        def chunks() -> Iterator[list[dict]]:
            try:
                yield from merged_ahead([rest(part, first) for part, first in enumerate(firsts)])
            finally:
                closed()
        return DocumentScan(sum(first[0] or 0 for first in firsts), chunks())

    def _close_point_in_time(self, pit: str) -> None:
        with contextlib.suppress(ApiError, TransportError):  # it lapses by itself after KEEP_ALIVE
            self._client.close_point_in_time(id=pit)

    def _scan_page(self, name: str, built: dict) -> tuple[int | None, list[str]]:
        with _errors("scan"):
            response = self._client.search(index=self._alias(name), body=built["body"], **built["params"]).body
        return read_scan(response)

    def _field_types(self, name: str, used: set[str]) -> dict[str, FieldType]:
        """Field types from the mapping, cached; re-read if a field is not known yet."""
        with self._types_lock:
            cached = self._types.get(name)
        if cached is not None and used <= cached.keys():
            return cached
        with _errors("search"):
            mappings = self._client.indices.get_mapping(index=self._alias(name)).body
        types: dict[str, FieldType] = {}
        for index_mapping in mappings.values():
            for field, spec in index_mapping.get("mappings", {}).get("properties", {}).items():
                with contextlib.suppress(ValueError, KeyError):
                    types[field] = FieldType(spec["type"])
        with self._types_lock:
            self._types[name] = types
        return types
