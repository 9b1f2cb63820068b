"""The search contract: sorting, paging, counting and the fields of items (both adapters)."""
from __future__ import annotations

import pytest

from services.common.search import Range, SearchError, SearchRequest, SortKey, Term
from services.common.search.port import indexable
from tests.contract.common.search.conftest import A, B, INDEX, OTHERS, _ids, _load


# -- sorting, paging, counting ------------------------------------------------------

@pytest.mark.parametrize("sort, expected", [
    ([SortKey("estate")], ["p4", "p1", "p3", "p2", "p5"]),
    ([SortKey("estate", descending=True)], ["p2", "p1", "p3", "p4", "p5"]),
    ([SortKey("age", descending=True)], ["p4", "p2", "p5", "p1", "p3"]),
    ([SortKey("moved_in")], ["p3", "p1", "p2", "p5", "p4"]),
    ([SortKey("moved_in", descending=True)], ["p5", "p2", "p1", "p3", "p4"]),
    ([SortKey("vulnerable", descending=True), SortKey("age")], ["p2", "p5", "p3", "p1", "p4"]),
    ([SortKey("tags")], ["p1", "p4", "p2", "p3", "p5"]),  # smallest element
    ([SortKey("tags", descending=True)], ["p1", "p2", "p4", "p3", "p5"]),  # largest element
    ([SortKey("name")], ["p5", "p1", "p3", "p4", "p2"]),  # exact (byte) order
    ([], ["p1", "p2", "p3", "p4", "p5"]),
])
def test_sort_puts_missing_last_and_breaks_ties_by_id(people, sort, expected):
    assert _ids(people, sort=sort) == expected


def test_sort_rejects_unknown_fields(people):
    with pytest.raises(SearchError):
        people.search(INDEX, A, SearchRequest(sort=[SortKey("shoe_size")]))


def test_paging(people):
    def page(offset, limit):
        result = people.search(INDEX, A, SearchRequest(sort=[SortKey("id")], offset=offset, limit=limit))
        return result.total, [item["id"] for item in result.items]
    assert page(1, 2) == (5, ["p2", "p3"])
    assert page(4, 10) == (5, ["p5"])
    assert page(10, 10) == (5, [])
    assert page(0, 0) == (5, [])


def test_count_only_returns_the_total_without_items(people):
    result = people.search(INDEX, A, SearchRequest(filters=[Term("estate", ["North"])], count_only=True))
    assert (result.total, result.items) == (2, [])


def test_exact_totals_above_ten_thousand(index):
    estates = ["North", "South", "East"]
    docs = {f"d{i:05d}": {"name": f"Sample Person {i}", "age": i % 100, "estate": estates[i % 3]}
            for i in range(10_500)}
    _load(index, A, docs)
    assert index.search(INDEX, A, SearchRequest(count_only=True)).total == 10_500
    older = index.search(INDEX, A, SearchRequest(filters=[Range("age", gte=50)], facets=["estate"]))
    assert older.total == 5_250
    assert sum(older.facets["estate"].values()) == 5_250
    last = index.search(INDEX, A, SearchRequest(sort=[SortKey("id")], offset=9_990, limit=10))
    assert [item["id"] for item in last.items] == [f"d{i:05d}" for i in range(9_990, 10_000)]
    with pytest.raises(SearchError, match="page too deep"):
        index.search(INDEX, A, SearchRequest(offset=9_995, limit=10))
    # a scan has no page depth limit
    scan = index.scan_ids(INDEX, A, [Range("age", gte=50)], batch=2_000)
    chunks = list(scan.chunks)
    assert (scan.total, [len(c) for c in chunks]) == (5_250, [2_000, 2_000, 1_250])
    assert [i for c in chunks for i in c] == [f"d{i:05d}" for i in range(10_500) if i % 100 >= 50]
    everyone = index.scan_ids(INDEX, A, [])  # 5,000 at a time
    assert [i for c in everyone.chunks for i in c] == sorted(docs)


# -- source ------------------------------------------------------------------------------

def test_source_limits_the_fields_of_items(others):
    def items(source):
        request = SearchRequest(sort=[SortKey("id")], limit=2, offset=3, source=source)
        return others.search(INDEX, B, request).items
    assert items(["name", "score"]) == [{"name": "Taylor", "score": None, "id": "q4"},
                                       {"name": "Uma", "id": "q5"}]
    assert items([]) == [{"id": "q4"}, {"id": "q5"}]
    assert items(["landlord_id", "no_such_field"]) == [{"id": "q4"}, {"id": "q5"}]
    assert items(None) == [{**indexable(OTHERS[i]), "id": i} for i in ("q4", "q5")]
