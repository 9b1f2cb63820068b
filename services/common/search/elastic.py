"""Elasticsearch search index adapter (official 8.x client, core features only).

Each index `name` is an alias `<prefix><name>` over the versioned index
`<prefix><name>_v1`. Every document carries `landlord_id` and `id` keyword
fields and is routed by landlord; its Elasticsearch _id combines both, so two
landlords may use the same document id. Every search is built by
`_build_search`, which always adds the landlord filter and routing.
"""
from __future__ import annotations

import contextlib
import threading
from typing import Any, Iterator, Mapping

from elasticsearch import ApiError, BadRequestError, Elasticsearch, TransportError, helpers

from .port import (
    AnyOf, Clause, Exists, FieldType, Not, Prefix, Range, SearchError, SearchIndex,
    SearchRequest, SearchResult, SearchUnavailable, Term,
)

MAX_PAGE_END = 10_000  # from + size allowed by index.max_result_window
MAX_FACET_VALUES = 10_000
_RESERVED = {"id": FieldType.KEYWORD, "landlord_id": FieldType.KEYWORD}
_FACETABLE = (FieldType.KEYWORD, FieldType.INTEGER, FieldType.BOOLEAN)
_MATCH_NONE: dict = {"match_none": {}}


class ElasticsearchIndex(SearchIndex):
    def __init__(self, url: str, *, index_prefix: str = "", request_timeout: float = 30,
                 shards: int = 1, replicas: int = 0) -> None:
        self._client = Elasticsearch(url, request_timeout=request_timeout)
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
        types = {**{f: FieldType(t) for f, t in fields.items()}, **_RESERVED}
        properties = {f: {"type": t.value} for f, t in types.items()}
        alias, versioned = self._alias(name), self._versioned(name)
        with _errors("ensure_index", with_reason=True):
            try:
                self._client.indices.create(
                    index=versioned,
                    settings={"number_of_shards": self._shards, "number_of_replicas": self._replicas},
                    mappings={"dynamic": "strict", "_routing": {"required": True},
                              "properties": properties},
                    aliases={alias: {"is_write_index": True}},
                )
            except BadRequestError as exc:
                if exc.error != "resource_already_exists_exception":
                    raise
                # Created meanwhile (or earlier): add any new fields; a changed type fails.
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

    # -- documents --------------------------------------------------------------

    def index(self, name: str, landlord_id: str, doc_id: str, document: Mapping[str, Any]) -> None:
        with _errors("index"):
            self._client.index(
                index=self._alias(name), id=_doc_key(landlord_id, doc_id), routing=landlord_id,
                document=_source(landlord_id, doc_id, document), require_alias=True)

    def index_many(self, name: str, landlord_id: str, documents: Mapping[str, Mapping[str, Any]]) -> None:
        alias = self._alias(name)
        actions = (
            {"_op_type": "index", "_index": alias, "_id": _doc_key(landlord_id, doc_id),
             "_routing": landlord_id, "_source": _source(landlord_id, doc_id, doc)}
            for doc_id, doc in documents.items()
        )
        failures: dict[str, int] = {}
        with _errors("index_many"):
            for ok, item in helpers.streaming_bulk(
                    self._client, actions, raise_on_error=False, yield_ok=False,
                    require_alias=True):
                if not ok:
                    error = next(iter(item.values()), {}).get("error", {})
                    kind = error.get("type", "unknown") if isinstance(error, dict) else "unknown"
                    failures[kind] = failures.get(kind, 0) + 1
        if failures:
            summary = ", ".join(f"{n} x {kind}" for kind, n in sorted(failures.items()))
            raise SearchError(f"search index index_many failed for {sum(failures.values())} "
                              f"document(s): {summary}")

    def delete(self, name: str, landlord_id: str, doc_id: str) -> None:
        with _errors("delete"):
            self._client.options(ignore_status=404).delete(
                index=self._alias(name), id=_doc_key(landlord_id, doc_id), routing=landlord_id)

    # -- search -----------------------------------------------------------------

    def search(self, name: str, landlord_id: str, request: SearchRequest) -> SearchResult:
        types = self._field_types(name, _fields_used(request))
        params = _build_search(landlord_id, request, types)
        with _errors("search"):
            response = self._client.search(index=self._alias(name), **params).body
        items = []
        for hit in response["hits"]["hits"]:
            source = dict(hit["_source"])
            source.pop("landlord_id", None)
            items.append(source)
        facets = {}
        for position, field in enumerate(request.facets):
            buckets = response.get("aggregations", {}).get(f"facet_{position}", {}).get("buckets", [])
            facets[field] = {_facet_key(b, types.get(field)): b["doc_count"] for b in buckets}
        return SearchResult(total=response["hits"]["total"]["value"], items=items, facets=facets)

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


# -- the one place searches are built --------------------------------------------

def _build_search(landlord_id: str, request: SearchRequest,
                  types: Mapping[str, FieldType]) -> dict[str, Any]:
    """Search parameters: always this landlord's routing and filter, exact totals."""
    if request.offset < 0 or request.limit < 0:
        raise SearchError("offset and limit must not be negative")
    filters = [{"term": {"landlord_id": landlord_id}}]
    filters += [_clause(c, types) for c in request.filters]
    params: dict[str, Any] = {
        "routing": landlord_id,
        "query": {"bool": {"filter": filters}},
        "track_total_hits": True,
        "source_excludes": ["landlord_id"],
    }
    if request.count_only:
        params["size"] = 0
    else:
        if request.offset + request.limit > MAX_PAGE_END:
            raise SearchError("page too deep")
        params.update(from_=request.offset, size=request.limit, sort=_sort(request.sort, types))
    aggs = {}
    for position, field in enumerate(request.facets):
        field_type = types.get(field)
        if field_type is not None and field_type not in _FACETABLE:
            raise SearchError(f"cannot facet on {field_type.value} field {field!r}")
        terms: dict[str, Any] = {"field": field, "size": MAX_FACET_VALUES}
        if field_type is FieldType.KEYWORD:
            terms["exclude"] = [""]
        aggs[f"facet_{position}"] = {"terms": terms}
    if aggs:
        params["aggs"] = aggs
    return params


def _clause(clause: Clause, types: Mapping[str, FieldType]) -> dict:
    if isinstance(clause, Not):
        return {"bool": {"must_not": [_clause(clause.clause, types)]}}
    if isinstance(clause, AnyOf):
        if not clause.clauses:
            return _MATCH_NONE
        return {"bool": {"should": [_clause(c, types) for c in clause.clauses],
                         "minimum_should_match": 1}}
    field_type = types.get(clause.field)
    if isinstance(clause, Term):
        values = [v for v in clause.values if v is not None]
        return {"terms": {clause.field: values}} if values else _MATCH_NONE
    if isinstance(clause, Prefix):
        if field_type not in (None, FieldType.KEYWORD):
            raise SearchError(f"prefix needs a keyword field, not {clause.field!r}")
        return {"prefix": {clause.field: {"value": str(clause.value), "case_insensitive": True}}}
    if isinstance(clause, Range):
        bounds = {k: v for k, v in (("gte", clause.gte), ("lte", clause.lte)) if v is not None}
        return {"range": {clause.field: bounds}}
    if isinstance(clause, Exists):
        if field_type is FieldType.KEYWORD:  # "" is indexed as a value; it does not count
            return {"range": {clause.field: {"gt": ""}}}
        return {"exists": {"field": clause.field}}
    raise SearchError(f"unknown clause {type(clause).__name__}")


def _sort(sort: Any, types: Mapping[str, FieldType]) -> list[dict]:
    spec = []
    for field, direction in sort:
        if direction not in ("asc", "desc"):
            raise SearchError("sort direction must be 'asc' or 'desc'")
        if field not in types:
            raise SearchError(f"cannot sort on unknown field {field!r}")
        spec.append({field: {"order": direction, "missing": "_last",
                             "mode": "max" if direction == "desc" else "min"}})
    spec.append({"id": {"order": "asc"}})
    return spec


def _fields_used(request: SearchRequest) -> set[str]:
    used = set(request.facets) | {f for f, _ in request.sort}
    pending = list(request.filters)
    while pending:
        clause = pending.pop()
        if isinstance(clause, Not):
            pending.append(clause.clause)
        elif isinstance(clause, AnyOf):
            pending.extend(clause.clauses)
        else:
            used.add(clause.field)
    return used


# -- helpers ------------------------------------------------------------------------

def _doc_key(landlord_id: str, doc_id: str) -> str:
    """Elasticsearch _id: unique per landlord and document, unambiguous."""
    return f"{len(landlord_id)}:{landlord_id}:{doc_id}"


def _source(landlord_id: str, doc_id: str, document: Mapping[str, Any]) -> dict:
    return {**document, "id": doc_id, "landlord_id": landlord_id}


def _facet_key(bucket: Mapping[str, Any], field_type: FieldType | None) -> str:
    if field_type is FieldType.BOOLEAN:
        return bucket.get("key_as_string") or ("true" if bucket["key"] else "false")
    return str(bucket["key"])


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
