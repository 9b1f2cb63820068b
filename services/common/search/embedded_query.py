"""Embedded search evaluation: values, clauses, sorting, paging and facets in Python.

Meant to answer exactly as the Elasticsearch adapter does for the same documents
and request (tests/contract checks both).
"""
from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any, Iterable, Mapping

from .checks import MAX_FACET_VALUES, RESERVED
from .port import (
    AllOf, AnyOf, Clause, Exists, FieldType, Not, Prefix, Range, RangeFacet, SearchError,
    SearchRequest, SearchResult, SortKey, Term,
)


def evaluate(docs: list[dict], request: SearchRequest,
             types: Mapping[str, FieldType]) -> SearchResult:
    """The answer to a checked request over one landlord's documents (each with "id")."""
    matching = [d for d in docs if all(_matches(c, d, types) for c in request.filters)]
    result = SearchResult(total=len(matching))
    for field in request.facets:
        result.facets[field] = _facet(field, matching, types)
        result.missing[field] = _missing(field, matching, types)
    for facet in request.range_facets:
        result.facets[facet.name] = _range_facet(facet, matching, types)
        result.missing[facet.name] = _missing(facet.field, matching, types)
    if not request.count_only:
        page = _sorted(matching, request.sort, types)[request.offset:request.offset + request.limit]
        if request.source is not None:
            wanted = {*request.source, "id"}
            page = [{k: v for k, v in doc.items() if k in wanted} for doc in page]
        result.items = page
    return result


def matching_ids(docs: list[dict], filters: Iterable[Clause], types: Mapping[str, FieldType]) -> list[str]:
    """The ids of the documents (each with "id") matching every filter, in id order."""
    filters = list(filters)
    return sorted(d["id"] for d in docs if all(_matches(c, d, types) for c in filters))


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
    if field_type is FieldType.NUMBER:
        if isinstance(value, bool):
            raise ValueError("boolean is not a number")
        number = float(value) if isinstance(value, str) else value
        if not isinstance(number, (int, float)) or not math.isfinite(number):
            raise ValueError("not a finite number")
        return float(number)
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


def encode(document: Mapping[str, Any], types: Mapping[str, FieldType]) -> str:
    body = {k: v for k, v in document.items() if k not in RESERVED}
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
    if isinstance(clause, AllOf):
        return all(_matches(c, doc, types) for c in clause.clauses)
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

def _sorted(docs: list[dict], sort: Iterable[SortKey],
            types: Mapping[str, FieldType]) -> list[dict]:
    """Sort by each field (missing values last either way), then by id."""
    ordered = sorted(docs, key=lambda d: d["id"])
    for key in reversed(list(sort)):
        pick = max if key.descending else min
        keyed = [(d, _values(d, key.field, types)) for d in ordered]
        present = [(pick(vs), d) for d, vs in keyed if vs]
        present.sort(key=lambda pair: pair[0], reverse=key.descending)  # stable
        ordered = [d for _, d in present] + [d for d, vs in keyed if not vs]
    return ordered


def _facet(field: str, docs: list[dict], types: Mapping[str, FieldType]) -> dict[str, int]:
    if field not in types:
        return {}
    counts: dict[Any, int] = {}
    for doc in docs:
        for value in set(_values(doc, field, types)):
            if value != "":
                counts[value] = counts.get(value, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_FACET_VALUES]
    return {_facet_key(v): n for v, n in ranked}


def _missing(field: str, docs: list[dict], types: Mapping[str, FieldType]) -> int:
    """Documents with no value in the field (as Not(Exists(field)))."""
    present = Exists(field)
    return sum(1 for doc in docs if not _matches(present, doc, types))


def _range_facet(facet: RangeFacet, docs: list[dict],
                 types: Mapping[str, FieldType]) -> dict[str, int]:
    """Per bucket: documents with a value v where gte <= v < lt."""
    field_type = types[facet.field]
    try:
        bounds = [(b.key, _bound(b.gte, field_type), _bound(b.lt, field_type)) for b in facet.buckets]
    except (ValueError, TypeError):
        raise SearchError(f"a bound of range facet {facet.name!r} does not fit its field") from None
    counts = dict.fromkeys((key for key, _, _ in bounds), 0)
    for doc in docs:
        values = _values(doc, facet.field, types)
        for key, low, high in bounds:
            if any((low is None or v >= low) and (high is None or v < high) for v in values):
                counts[key] += 1
    return counts


def _facet_key(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
