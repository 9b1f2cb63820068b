"""One contract for every SearchIndex adapter: embedded (SQLite) and Elasticsearch.

The Elasticsearch case needs a server at TRACKER_ELASTICSEARCH_URL (default
http://127.0.0.1:9200); it fails, never skips, when none is running. Each test
uses its own index prefix and drops its indices afterwards. Synthetic data only.
"""
from __future__ import annotations

import os
import threading
import urllib.error
import urllib.request
import uuid

import pytest

from services.common.search import (
    AnyOf, Exists, FieldType, Not, Prefix, Range, SearchError, SearchRequest, Term,
)
from services.common.search.elastic import ElasticsearchIndex
from services.common.search.embedded import EmbeddedSearchIndex

ES_URL = os.environ.get("TRACKER_ELASTICSEARCH_URL", "http://127.0.0.1:9200")
INDEX = "people"
A, B = "landlord-a", "landlord-b"
FIELDS = {
    "name": FieldType.KEYWORD, "email": FieldType.KEYWORD, "tags": FieldType.KEYWORD,
    "estate": FieldType.KEYWORD, "age": FieldType.INTEGER, "moved_in": FieldType.DATE,
    "vulnerable": FieldType.BOOLEAN,
}
PEOPLE = {
    "p1": {"name": "Alex Sample", "email": "alex@example.org", "tags": ["garden", "pets"],
           "age": 34, "moved_in": "2020-01-15", "vulnerable": False, "estate": "North"},
    "p2": {"name": "alexis Example", "email": "", "tags": ["pets"], "age": 40,
           "moved_in": "2021-06-01", "vulnerable": True, "estate": "South"},
    "p3": {"name": "Blake Sample", "email": None, "tags": [], "age": 18,
           "moved_in": "2019-12-31", "vulnerable": False, "estate": "North"},
    "p4": {"name": "Casey Example", "tags": ["garden"], "age": 65, "estate": "East"},
    "p5": {"name": "ALEX Upper", "email": "upper@example.org", "age": 40,
           "moved_in": "2021-06-01T09:30:00", "vulnerable": True},
}


def _require_elasticsearch(url: str) -> None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            response.read()
    except urllib.error.HTTPError:
        pass  # it answered (some builds have no "GET /" handler)
    except (urllib.error.URLError, OSError) as exc:
        pytest.fail(f"Elasticsearch is not running at {url} ({exc}); start it "
                    f"(deploy/local/infra.sh up) or set TRACKER_ELASTICSEARCH_URL", pytrace=False)


@pytest.fixture(params=["embedded", pytest.param("elasticsearch", marks=pytest.mark.engines)])
def index(request):
    if request.param == "embedded":
        adapter = EmbeddedSearchIndex()
    else:
        _require_elasticsearch(ES_URL)
        adapter = ElasticsearchIndex(ES_URL, index_prefix=f"test-{uuid.uuid4().hex[:8]}-")
    adapter.ensure_index(INDEX, FIELDS)
    try:
        yield adapter
    finally:
        for name in (INDEX, "other"):
            adapter.drop(name)
        adapter.close()


@pytest.fixture
def people(index):
    _load(index, A, PEOPLE)
    return index


def _load(index, landlord, docs):
    index.index_many(INDEX, landlord, docs)
    index.refresh(INDEX)


def _ids(index, *filters, sort=(("id", "asc"),), landlord=A, **kwargs):
    request = SearchRequest(filters=filters, sort=sort, limit=100, **kwargs)
    return [item["id"] for item in index.search(INDEX, landlord, request).items]


# -- landlord isolation ------------------------------------------------------------

def test_landlords_never_see_each_others_documents(index):
    index.index(INDEX, A, "p1", {"name": "Alex Sample"})
    index.index(INDEX, B, "p1", {"name": "Blake Example"})
    index.refresh(INDEX)
    assert index.search(INDEX, A, SearchRequest()).items == [{"name": "Alex Sample", "id": "p1"}]
    assert index.search(INDEX, B, SearchRequest()).items == [{"name": "Blake Example", "id": "p1"}]
    assert index.search(INDEX, A, SearchRequest(filters=[Term("landlord_id", [B])])).total == 0
    assert index.search(INDEX, A, SearchRequest(facets=["name"])).facets == {"name": {"Alex Sample": 1}}
    index.delete(INDEX, A, "p1")
    index.refresh(INDEX)
    assert index.search(INDEX, A, SearchRequest()).total == 0
    assert index.search(INDEX, B, SearchRequest()).total == 1
    index.delete(INDEX, A, "p1")  # already gone: no error


def test_items_are_the_documents_with_their_id(people):
    result = people.search(INDEX, A, SearchRequest(sort=[("id", "asc")]))
    assert result.items == [{**doc, "id": doc_id} for doc_id, doc in PEOPLE.items()]


# -- clauses -----------------------------------------------------------------------

def test_term_matches_any_value_and_any_list_element(people):
    assert _ids(people, Term("estate", ["North", "East"])) == ["p1", "p3", "p4"]
    assert _ids(people, Term("tags", ["pets"])) == ["p1", "p2"]
    assert _ids(people, Term("tags", ["garden", "no-such-tag"])) == ["p1", "p4"]
    assert _ids(people, Term("age", [40])) == ["p2", "p5"]
    assert _ids(people, Term("vulnerable", [True])) == ["p2", "p5"]
    assert _ids(people, Term("name", ["alex sample"])) == []  # exact, case-sensitive
    assert _ids(people, Term("estate", [])) == []
    assert _ids(people, Term("id", ["p3"])) == ["p3"]


def test_prefix_is_case_insensitive_on_keywords(people):
    assert _ids(people, Prefix("name", "alex")) == ["p1", "p2", "p5"]
    assert _ids(people, Prefix("name", "ALEX S")) == ["p1"]
    assert _ids(people, Prefix("tags", "GAR")) == ["p1", "p4"]
    assert _ids(people, Prefix("name", "sample")) == []
    with pytest.raises(SearchError):
        people.search(INDEX, A, SearchRequest(filters=[Prefix("age", "4")]))


def test_integer_ranges_are_inclusive(people):
    assert _ids(people, Range("age", gte=18, lte=40)) == ["p1", "p2", "p3", "p5"]
    assert _ids(people, Range("age", gte=40)) == ["p2", "p4", "p5"]
    assert _ids(people, Range("age", lte=18)) == ["p3"]
    assert _ids(people, Range("age", gte=41, lte=64)) == []


def test_date_ranges_are_inclusive(people):
    assert _ids(people, Range("moved_in", gte="2019-12-31", lte="2020-01-15")) == ["p1", "p3"]
    assert _ids(people, Range("moved_in", gte="2021-06-01")) == ["p2", "p5"]
    # a date-only upper bound takes in that whole day
    assert _ids(people, Range("moved_in", lte="2021-06-01")) == ["p1", "p2", "p3", "p5"]
    assert _ids(people, Range("moved_in", lte="2021-06-01T09:00:00")) == ["p1", "p2", "p3"]
    assert _ids(people, Range("moved_in", lte="2021-06-01T09:30")) == ["p1", "p2", "p3", "p5"]
    assert _ids(people, Range("moved_in", gte="2021-06-01T09:30:00")) == ["p5"]


def test_exists_needs_a_non_empty_value(people):
    assert _ids(people, Exists("email")) == ["p1", "p5"]  # not "", None or missing
    assert _ids(people, Exists("tags")) == ["p1", "p2", "p4"]  # not []
    assert _ids(people, Exists("vulnerable")) == ["p1", "p2", "p3", "p5"]  # False counts
    assert _ids(people, Exists("age")) == ["p1", "p2", "p3", "p4", "p5"]
    assert _ids(people, Not(Exists("email"))) == ["p2", "p3", "p4"]


def test_not_and_any_of_nest(people):
    assert _ids(people, Not(Term("estate", ["North"]))) == ["p2", "p4", "p5"]
    either = AnyOf([Term("estate", ["South"]), Not(Exists("email"))])
    assert _ids(people, either) == ["p2", "p3", "p4"]
    assert _ids(people, either, Range("age", gte=30)) == ["p2", "p4"]
    assert _ids(people, Not(AnyOf([Term("tags", ["pets"]), Prefix("name", "casey")]))) == ["p3", "p5"]
    assert _ids(people, AnyOf([])) == []
    assert _ids(people, Not(Not(Term("estate", ["East"])))) == ["p4"]


# -- sorting, paging, counting, facets ----------------------------------------------

@pytest.mark.parametrize("sort, expected", [
    ([("estate", "asc")], ["p4", "p1", "p3", "p2", "p5"]),
    ([("estate", "desc")], ["p2", "p1", "p3", "p4", "p5"]),
    ([("age", "desc")], ["p4", "p2", "p5", "p1", "p3"]),
    ([("moved_in", "asc")], ["p3", "p1", "p2", "p5", "p4"]),
    ([("moved_in", "desc")], ["p5", "p2", "p1", "p3", "p4"]),
    ([("vulnerable", "desc"), ("age", "asc")], ["p2", "p5", "p3", "p1", "p4"]),
    ([("tags", "asc")], ["p1", "p4", "p2", "p3", "p5"]),  # smallest element
    ([("tags", "desc")], ["p1", "p2", "p4", "p3", "p5"]),  # largest element
    ([("name", "asc")], ["p5", "p1", "p3", "p4", "p2"]),  # exact (byte) order
    ([], ["p1", "p2", "p3", "p4", "p5"]),
])
def test_sort_puts_missing_last_and_breaks_ties_by_id(people, sort, expected):
    assert _ids(people, sort=sort) == expected


def test_sort_rejects_unknown_fields(people):
    with pytest.raises(SearchError):
        people.search(INDEX, A, SearchRequest(sort=[("shoe_size", "asc")]))


def test_paging(people):
    def page(offset, limit):
        result = people.search(INDEX, A, SearchRequest(sort=[("id", "asc")], offset=offset, limit=limit))
        return result.total, [item["id"] for item in result.items]
    assert page(1, 2) == (5, ["p2", "p3"])
    assert page(4, 10) == (5, ["p5"])
    assert page(10, 10) == (5, [])
    assert page(0, 0) == (5, [])


def test_count_only_returns_the_total_without_items(people):
    result = people.search(INDEX, A, SearchRequest(filters=[Term("estate", ["North"])], count_only=True))
    assert (result.total, result.items) == (2, [])


def test_facets_count_all_matches_not_just_the_page(people):
    request = SearchRequest(filters=[Range("age", gte=30)], limit=1,
                            facets=["estate", "tags", "vulnerable", "age"])
    result = people.search(INDEX, A, request)
    assert (result.total, len(result.items)) == (4, 1)
    assert result.facets == {
        "estate": {"North": 1, "South": 1, "East": 1},
        "tags": {"garden": 2, "pets": 2},
        "vulnerable": {"false": 1, "true": 2},
        "age": {"34": 1, "40": 2, "65": 1},
    }
    counted = people.search(INDEX, A, SearchRequest(count_only=True, facets=["email"]))
    assert counted.facets == {"email": {"alex@example.org": 1, "upper@example.org": 1}}
    with pytest.raises(SearchError):
        people.search(INDEX, A, SearchRequest(facets=["moved_in"]))


def test_exact_totals_above_ten_thousand(index):
    estates = ["North", "South", "East"]
    docs = {f"d{i:05d}": {"name": f"Sample Person {i}", "age": i % 100, "estate": estates[i % 3]}
            for i in range(10_500)}
    _load(index, A, docs)
    assert index.search(INDEX, A, SearchRequest(count_only=True)).total == 10_500
    older = index.search(INDEX, A, SearchRequest(filters=[Range("age", gte=50)], facets=["estate"]))
    assert older.total == 5_250
    assert sum(older.facets["estate"].values()) == 5_250
    last = index.search(INDEX, A, SearchRequest(sort=[("id", "asc")], offset=9_990, limit=10))
    assert [item["id"] for item in last.items] == [f"d{i:05d}" for i in range(9_990, 10_000)]
    with pytest.raises(SearchError, match="page too deep"):
        index.search(INDEX, A, SearchRequest(offset=9_995, limit=10))


# -- writing ---------------------------------------------------------------------------

def test_reindexing_replaces_the_document(people):
    people.index(INDEX, A, "p1", {"name": "Alex Sample"})
    people.refresh(INDEX)
    assert _ids(people, Term("tags", ["pets"])) == ["p2"]
    assert people.search(INDEX, A, SearchRequest(filters=[Term("id", ["p1"])])).items == [
        {"name": "Alex Sample", "id": "p1"}]
    assert people.search(INDEX, A, SearchRequest(count_only=True)).total == 5


def test_ensure_index_is_idempotent_and_adds_fields(people):
    people.ensure_index(INDEX, FIELDS)
    people.ensure_index(INDEX, {**FIELDS, "phone": FieldType.KEYWORD})
    people.index(INDEX, A, "p6", {"name": "Drew Sample", "phone": "01632 960000"})
    people.refresh(INDEX)
    assert _ids(people, Exists("phone")) == ["p6"]
    assert people.search(INDEX, A, SearchRequest(count_only=True)).total == 6
    with pytest.raises(SearchError):
        people.ensure_index(INDEX, {"age": FieldType.KEYWORD})


def test_concurrent_ensure_index_and_writes(index):
    errors = []

    def work(n):
        try:
            index.ensure_index("other", FIELDS)
            index.index_many("other", A, {f"t{n}-{i}": {"name": f"Sample {n}"} for i in range(20)})
        except Exception as exc:  # collected: a thread's exception is otherwise lost
            errors.append(exc)
    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    index.refresh("other")
    assert index.search("other", A, SearchRequest(count_only=True)).total == 120


def test_documents_must_fit_the_mapping(index):
    with pytest.raises(SearchError) as unknown:
        index.index(INDEX, A, "p1", {"name": "Alex Sample", "shoe_size": "secret-value-1"})
    with pytest.raises(SearchError) as bad_type:
        index.index_many(INDEX, A, {"p2": {"name": "Alex Sample", "age": "secret-value-2"}})
    assert "secret-value" not in str(unknown.value) + str(bad_type.value)


def test_unknown_index_is_an_error(index):
    with pytest.raises(SearchError):
        index.search("no-such-index", A, SearchRequest())
    with pytest.raises(SearchError):
        index.index("no-such-index", A, "p1", {"name": "Alex Sample"})


def test_embedded_index_persists_in_its_file(tmp_path):
    path = str(tmp_path / "search.sqlite")
    first = EmbeddedSearchIndex(path)
    first.ensure_index(INDEX, FIELDS)
    first.index(INDEX, A, "p1", PEOPLE["p1"])
    first.close()
    second = EmbeddedSearchIndex(path)
    assert _ids(second, Term("tags", ["pets"])) == ["p1"]
    second.close()


def test_elasticsearch_errors_become_search_errors():
    unreachable = ElasticsearchIndex("http://127.0.0.1:9", request_timeout=2)
    with pytest.raises(SearchError, match="cannot reach Elasticsearch"):
        unreachable.search(INDEX, A, SearchRequest())
    unreachable.close()
