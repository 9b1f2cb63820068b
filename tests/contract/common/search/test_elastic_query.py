"""The Elasticsearch adapter's requests, built and read by the pure functions of
services/common/search/elastic_query.py (no server needed)."""
from __future__ import annotations

import pytest

from services.common.search import (
    MAX_SCAN_BATCH, AllOf, AnyOf, Exists, FieldType, Not, RangeBucket, RangeFacet, SearchError, SearchRequest, Term,
)
from services.common.search.elastic_query import build_scan, build_search, read_scan
from tests.contract.common.search.conftest import A, B, FIELDS, MORE_FIELDS


def test_elasticsearch_search_is_built_by_one_pure_function():
    types = {**FIELDS, **MORE_FIELDS, "id": FieldType.KEYWORD, "landlord_id": FieldType.KEYWORD}
    request = SearchRequest(filters=[Term("estate", ["North"]), Not(Exists("email"))],
                            facets=["estate"], source=["name"],
                            range_facets=[RangeFacet("band", "born", [RangeBucket("old", lt="1960-01-01")])])
    built = build_search(A, request, types)
    assert built["params"]["routing"] == A
    body = built["body"]
    assert set(body["query"]) == {"bool"} and set(body["query"]["bool"]) == {"filter"}  # no scoring
    assert body["query"]["bool"]["filter"][0] == {"term": {"landlord_id": A}}
    assert body["track_total_hits"] is True
    assert body["sort"] == [{"id": {"order": "asc"}}]
    assert body["_source"] == {"includes": ["name", "id"], "excludes": ["landlord_id"]}
    assert set(body["aggs"]) == {"facet_0", "facet_0_missing", "range_0", "range_0_missing"}
    assert build_search(B, SearchRequest(count_only=True), types)["body"]["size"] == 0
    with pytest.raises(SearchError):
        build_search(A, SearchRequest(offset=-1), types)
    grouped = build_search(A, SearchRequest(filters=[AnyOf([AllOf([Term("estate", ["North"])]), AllOf([])])]), types)
    assert grouped["body"]["query"]["bool"]["filter"][1] == {"bool": {"should": [
        {"bool": {"filter": [{"terms": {"estate": ["North"]}}]}}, {"match_all": {}}], "minimum_should_match": 1}}


def test_elasticsearch_scans_are_built_by_one_pure_function():
    types = {**FIELDS, "id": FieldType.KEYWORD, "landlord_id": FieldType.KEYWORD}
    first = build_scan(A, [Term("estate", ["North"])], types, 500)
    assert first["params"]["routing"] == A
    body = first["body"]
    assert body["query"]["bool"]["filter"] == [{"term": {"landlord_id": A}}, {"terms": {"estate": ["North"]}}]
    assert (body["size"], body["sort"], body["_source"], body["track_total_hits"]) == (
        500, [{"id": {"order": "asc"}}], False, True)
    assert "search_after" not in body
    after = build_scan(A, [], types, 500, after="p7")["body"]
    assert (after["search_after"], after["track_total_hits"]) == (["p7"], False)
    assert read_scan({"hits": {"total": {"value": 2}, "hits": [{"sort": ["p1"]}, {"sort": ["p2"]}]}}) == (2, ["p1", "p2"])
    assert read_scan({"hits": {}}) == (None, [])
    with pytest.raises(SearchError):
        build_scan(A, [], types, MAX_SCAN_BATCH + 1)
