"""Elasticsearch search requests and responses, as pure functions (no client).

`build_search` is the one place every search of the Elasticsearch adapter is
built: it always adds the landlord's routing and filter. It returns exactly what
the adapter sends, so a benchmark can send the same request straight to
Elasticsearch:

    built = build_search(landlord_id, request, types)
    POST /<alias>/_search?<built["params"] as query string>   with JSON body built["body"]

Only filter context (no scoring), exact totals, always a sort (by `id` last),
and `_source` limited when the request names fields. Facets, their missing
counts and range facets are aggregations of the same request.

`build_scan` builds each page of an id scan (search_after on `id`, no `_source`:
the ids are read from the sort values) with the same landlord filter and routing.
"""
from __future__ import annotations

from typing import Any, Mapping

from .checks import MAX_FACET_VALUES, check_request, check_scan_batch
from .port import (
    AllOf, AnyOf, Clause, Exists, FieldType, Not, Prefix, Range, SearchError, SearchRequest,
    SearchResult, Term,
)

_MATCH_NONE: dict = {"match_none": {}}
_MATCH_ALL: dict = {"match_all": {}}
# The response parts read back; the rest (_index, _id, _score, sort values) is not sent.
_FILTER_PATH = "hits.total.value,hits.hits._source,aggregations,error"
_SCAN_FILTER_PATH = "hits.total.value,hits.hits.sort,error"
_DOCUMENT_SCAN_FILTER_PATH = "hits.total.value,hits.hits._source,hits.hits.sort,pit_id,error"
KEEP_ALIVE = "1m"  # how long a document scan's point in time waits for its next page
SLICES = 2  # slices of a document scan read at once


def build_search(landlord_id: str, request: SearchRequest,
                 types: Mapping[str, FieldType]) -> dict[str, Any]:
    """{"params": query-string parameters, "body": JSON body} of the search;
    `types` are the index's field types (from its mapping)."""
    check_request(request, types)
    body: dict[str, Any] = {
        "query": _landlord_query(landlord_id, request.filters, types),
        "track_total_hits": True,
    }
    if request.count_only:
        body["size"] = 0
    else:
        body.update({"from": request.offset, "size": request.limit,
                     "sort": _sort(request.sort)})
        includes = {} if request.source is None else {"includes": [*request.source, "id"]}
        body["_source"] = {**includes, "excludes": ["landlord_id"]}
    aggs = _aggregations(request, types)
    if aggs:
        body["aggs"] = aggs
    return {"params": {"routing": landlord_id, "filter_path": _FILTER_PATH}, "body": body}


def build_scan(landlord_id: str, filters: Any, types: Mapping[str, FieldType], batch: int,
               after: str | None = None) -> dict[str, Any]:
    """One page of an id scan: the first (`after` None) counts the total, the next ones
    continue after the last id of the page before."""
    check_scan_batch(batch)
    body: dict[str, Any] = {
        "query": _landlord_query(landlord_id, filters, types),
        "size": batch, "sort": [{"id": {"order": "asc"}}], "_source": False,
        "track_total_hits": after is None,
    }
    if after is not None:
        body["search_after"] = [after]
    return {"params": {"routing": landlord_id, "filter_path": _SCAN_FILTER_PATH}, "body": body}


def read_scan(response: Mapping[str, Any]) -> tuple[int | None, list[str]]:
    """(total, or None after the first page; the page's ids) of a response to build_scan's request."""
    hits = response.get("hits", {})
    total = hits.get("total", {}).get("value")
    return total, [hit["sort"][0] for hit in hits.get("hits", [])]


def build_document_scan(landlord_id: str, filters: Any, types: Mapping[str, FieldType], fields: Any,
                        batch: int, pit_id: str, after: list | None = None,
                        part: tuple[int, int] = (0, 1)) -> dict[str, Any]:
    """One page of a document scan: slice `part` = (number, of how many) of a point in time (opened with the
    landlord's routing) read in shard-document order, the cheapest order there is; a slice's first page
    (`after` None) counts its total, the next ones continue after the sort values of the page before."""
    check_scan_batch(batch)
    body: dict[str, Any] = {
        "query": _landlord_query(landlord_id, filters, types),
        "size": batch, "sort": [{"_shard_doc": "asc"}], "_source": {"includes": [*fields, "id"]},
        "track_total_hits": after is None, "pit": {"id": pit_id, "keep_alive": KEEP_ALIVE},
    }
    if part[1] > 1:
        body["slice"] = {"id": part[0], "max": part[1]}
    if after is not None:
        body["search_after"] = after
    return {"params": {"filter_path": _DOCUMENT_SCAN_FILTER_PATH}, "body": body}


def read_document_scan(response: Mapping[str, Any]) -> tuple[int | None, list[dict], list | None, str]:
    """(total, or None after the first page; the page's documents; the sort values to continue after; the
    point in time's id to go on with, "" if none was given) of a response to build_document_scan's request."""
    hits = response.get("hits", {})
    found = hits.get("hits", [])
    return (hits.get("total", {}).get("value"), [hit["_source"] for hit in found],
            found[-1]["sort"] if found else None, response.get("pit_id", ""))


def _landlord_query(landlord_id: str, filters: Any, types: Mapping[str, FieldType]) -> dict[str, Any]:
    """The query of every search and scan: the landlord's documents that match every filter."""
    return {"bool": {"filter": [{"term": {"landlord_id": landlord_id}}, *(_clause(c, types) for c in filters)]}}


def read_search(request: SearchRequest, types: Mapping[str, FieldType],
                response: Mapping[str, Any]) -> SearchResult:
    """The SearchResult of a response to build_search's request."""
    items = []
    for hit in response.get("hits", {}).get("hits", []):
        source = dict(hit.get("_source", {}))
        source.pop("landlord_id", None)
        items.append(source)
    aggs = response.get("aggregations", {})
    result = SearchResult(total=response["hits"]["total"]["value"], items=items)
    for position, field in enumerate(request.facets):
        buckets = aggs.get(f"facet_{position}", {}).get("buckets", [])
        result.facets[field] = {_facet_key(b, types.get(field)): b["doc_count"] for b in buckets}
        result.missing[field] = aggs.get(f"facet_{position}_missing", {}).get("doc_count", 0)
    for position, facet in enumerate(request.range_facets):
        buckets = aggs.get(f"range_{position}", {}).get("buckets", {})
        result.facets[facet.name] = {
            b.key: buckets.get(b.key, {}).get("doc_count", 0) for b in facet.buckets}
        result.missing[facet.name] = aggs.get(f"range_{position}_missing", {}).get("doc_count", 0)
    return result


def fields_used(request: SearchRequest) -> set[str]:
    """The fields a request names (their types must be known to build it)."""
    used = set(request.facets) | {key.field for key in request.sort}
    used |= {facet.field for facet in request.range_facets}
    return used | clause_fields(request.filters)


def clause_fields(filters: Any) -> set[str]:
    """The fields these clauses name, however deeply nested."""
    used: set[str] = set()
    pending = list(filters)
    while pending:
        clause = pending.pop()
        if isinstance(clause, Not):
            pending.append(clause.clause)
        elif isinstance(clause, (AnyOf, AllOf)):
            pending.extend(clause.clauses)
        else:
            used.add(clause.field)
    return used


def _aggregations(request: SearchRequest, types: Mapping[str, FieldType]) -> dict[str, Any]:
    aggs: dict[str, Any] = {}
    for position, field in enumerate(request.facets):
        aggs[f"facet_{position}"] = {"terms": {"field": field, "size": MAX_FACET_VALUES}}
        aggs[f"facet_{position}_missing"] = _missing(field, types)
    for position, facet in enumerate(request.range_facets):
        kind = "date_range" if types.get(facet.field) is FieldType.DATE else "range"
        ranges = [{"key": b.key, **({"from": b.gte} if b.gte is not None else {}),
                   **({"to": b.lt} if b.lt is not None else {})} for b in facet.buckets]
        aggs[f"range_{position}"] = {kind: {"field": facet.field, "keyed": True, "ranges": ranges}}
        aggs[f"range_{position}_missing"] = _missing(facet.field, types)
    return aggs


def _missing(field: str, types: Mapping[str, FieldType]) -> dict[str, Any]:
    """Documents with no value ("" is never indexed: see indexable())."""
    return {"missing": {"field": field}}


def _clause(clause: Clause, types: Mapping[str, FieldType]) -> dict:
    if isinstance(clause, Not):
        return {"bool": {"must_not": [_clause(clause.clause, types)]}}
    if isinstance(clause, AnyOf):
        if not clause.clauses:
            return _MATCH_NONE
        return {"bool": {"should": [_clause(c, types) for c in clause.clauses],
                         "minimum_should_match": 1}}
    if isinstance(clause, AllOf):
        if not clause.clauses:
            return _MATCH_ALL
        return {"bool": {"filter": [_clause(c, types) for c in clause.clauses]}}
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
    if isinstance(clause, Exists):  # cheap: "" is never indexed (see indexable())
        return {"exists": {"field": clause.field}}
    raise SearchError(f"unknown clause {type(clause).__name__}")


def _sort(sort: Any) -> list[dict]:
    """Each field (missing values last), then `id`: always a sort, never scores."""
    spec = [{key.field: {"order": "desc" if key.descending else "asc", "missing": "_last",
                         "mode": "max" if key.descending else "min"}}
            for key in sort]
    spec.append({"id": {"order": "asc"}})
    return spec


def _facet_key(bucket: Mapping[str, Any], field_type: FieldType | None) -> str:
    if field_type is FieldType.BOOLEAN:
        return bucket.get("key_as_string") or ("true" if bucket["key"] else "false")
    return str(bucket["key"])

