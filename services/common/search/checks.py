"""Limits and request checks shared by both adapters, so both refuse the same requests."""
from __future__ import annotations

from typing import Mapping

from .port import MAX_SCAN_BATCH, FieldType, SearchError, SearchRequest, SortKey

MAX_PAGE_END = 10_000  # from + size allowed by Elasticsearch's index.max_result_window
MAX_FACET_VALUES = 10_000  # values per terms facet (the Elasticsearch terms aggregation size)
TOTAL_FIELDS_LIMIT = 10_000  # fields per index (landlords' custom fields are index fields)
RESERVED = {"id": FieldType.KEYWORD, "landlord_id": FieldType.KEYWORD}
FACETABLE = (FieldType.KEYWORD, FieldType.INTEGER, FieldType.BOOLEAN)
RANGE_FACETABLE = (FieldType.INTEGER, FieldType.NUMBER, FieldType.DATE)


def check_request(request: SearchRequest, types: Mapping[str, FieldType]) -> None:
    """Raise SearchError for a request neither adapter would answer."""
    if request.offset < 0 or request.limit < 0:
        raise SearchError("offset and limit must not be negative")
    if not request.count_only:
        if request.offset + request.limit > MAX_PAGE_END:
            raise SearchError("page too deep")
        for key in request.sort:
            if not isinstance(key, SortKey):
                raise SearchError("sort keys must be SortKey(field, descending)")
            if key.field not in types:
                raise SearchError(f"cannot sort on unknown field {key.field!r}")
    for field in request.facets:
        field_type = types.get(field)  # an unknown field has no values: empty counts
        if field_type is not None and field_type not in FACETABLE:
            raise SearchError(f"cannot facet on {field_type.value} field {field!r}")
    names = set(request.facets)
    for facet in request.range_facets:
        if facet.name in names:
            raise SearchError(f"facet name {facet.name!r} is used twice")
        names.add(facet.name)
        if types.get(facet.field) not in RANGE_FACETABLE:
            raise SearchError(f"range facet {facet.name!r} needs an integer, number or date field")
        keys = [bucket.key for bucket in facet.buckets]
        if len(set(keys)) != len(keys) or not all(isinstance(k, str) for k in keys):
            raise SearchError(f"range facet {facet.name!r} needs unique string bucket keys")
    if isinstance(request.source, str):
        raise SearchError("source is a sequence of field names, not one string")


def check_scan_batch(batch: int) -> None:
    if isinstance(batch, bool) or not isinstance(batch, int) or not 1 <= batch <= MAX_SCAN_BATCH:
        raise SearchError(f"a scan's batch must be 1 to {MAX_SCAN_BATCH} ids")


def check_versions_ids(doc_ids) -> None:
    if isinstance(doc_ids, str) or len(doc_ids) > MAX_SCAN_BATCH:
        raise SearchError(f"versions are read for a list of at most {MAX_SCAN_BATCH} ids")
