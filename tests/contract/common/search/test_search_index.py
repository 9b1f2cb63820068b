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
    MAX_SCAN_BATCH, AllOf, AnyOf, Exists, FieldType, Not, Prefix, Range, RangeBucket, RangeFacet, SearchError,
    SearchRequest, SortKey, Term,
)
from services.common.search.port import (
    indexable,
)
from services.common.search.elastic import ElasticsearchIndex, build_search
from services.common.search.elastic_query import build_scan, read_scan
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


# Fields added by a second ensure_index, and documents with lists and numbers.
MORE_FIELDS = {"score": FieldType.NUMBER, "options": FieldType.KEYWORD,
               "born": FieldType.DATE, "sizes": FieldType.INTEGER}
OTHERS = {
    "q1": {"name": "Quinn", "score": 1.5, "options": ["opt-a", "Opt-B"], "born": "1950-03-01",
           "sizes": [3, 10]},
    "q2": {"name": "Robin", "score": -2.25, "options": ["opt-b"], "born": "1990-07-15", "sizes": [5]},
    "q3": {"name": "Sasha", "score": 10, "options": [], "born": "2010-01-01", "sizes": []},
    "q4": {"name": "Taylor", "score": None, "options": [""], "born": None},
    "q5": {"name": "Uma", "options": ["x-opt", "opt-c"], "born": "1990-07-15T10:00:00", "sizes": [7]},
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


@pytest.fixture(params=["embedded", pytest.param("elasticsearch", marks=pytest.mark.engines),
                        pytest.param("elasticsearch-partitioned", marks=pytest.mark.engines)])
def index(request):
    if request.param == "embedded":
        adapter = EmbeddedSearchIndex()
    else:  # partitioned: each landlord spread over 2 of 3 shards (TRACKER_SEARCH_ROUTING_PARTITION)
        _require_elasticsearch(ES_URL)
        layout = {"shards": 3, "routing_partition": 2} if request.param.endswith("partitioned") else {}
        adapter = ElasticsearchIndex(ES_URL, index_prefix=f"test-{uuid.uuid4().hex[:8]}-", **layout)
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


@pytest.fixture
def others(index):
    index.ensure_index(INDEX, {**FIELDS, **MORE_FIELDS})
    _load(index, B, OTHERS)
    return index


def _load(index, landlord, docs):
    index.index_many(INDEX, landlord, docs)
    index.refresh(INDEX)


def _ids(index, *filters, sort=(SortKey("id"),), landlord=A, **kwargs):
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


def test_items_are_the_documents_with_their_id_and_blank_text_is_no_value(people):
    result = people.search(INDEX, A, SearchRequest(sort=[SortKey("id")]))
    assert result.items == [{**indexable(doc), "id": doc_id} for doc_id, doc in PEOPLE.items()]
    assert result.items[1]["email"] is None, '"" is stored as no value'


def test_blank_list_elements_are_dropped():
    assert indexable({"tags": ["", "a", ""], "name": "", "age": 0}) == {"tags": ["a"], "name": None, "age": 0}


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


def test_all_of_groups_clauses_inside_any_of_and_not(people):
    north_over_30 = AllOf([Term("estate", ["North"]), Range("age", gte=30)])
    assert _ids(people, north_over_30) == ["p1"]
    assert _ids(people, AnyOf([north_over_30, AllOf([Term("estate", ["South"]), Exists("moved_in")])])) == ["p1", "p2"]
    assert _ids(people, Not(north_over_30)) == ["p2", "p3", "p4", "p5"]
    assert _ids(people, AllOf([])) == ["p1", "p2", "p3", "p4", "p5"]  # nothing to match: everybody
    assert _ids(people, Not(AllOf([]))) == []
    assert _ids(people, AnyOf([AllOf([Term("estate", ["East"])]), AllOf([Not(Exists("estate"))])])) == ["p4", "p5"]


def test_not_term_on_a_list_field_keeps_documents_with_none_of_the_values(people):
    assert _ids(people, Not(Term("tags", ["pets"]))) == ["p3", "p4", "p5"]  # [], other values, no field
    assert _ids(people, Not(Term("tags", ["pets", "garden"]))) == ["p3", "p5"]
    assert _ids(people, Not(Term("tags", ["pets"])), Not(Term("tags", ["garden"]))) == ["p3", "p5"]


# "<activity id>:<date>" keywords: a keyword range on the list is "this activity, in these dates"
VISITS = {
    "v1": {"name": "Vi", "options": ["act-1:2024-03-01", "act-2:2025-01-10"]},
    "v2": {"name": "Wyn", "options": ["act-1:2023-12-31"]},
    "v3": {"name": "Xan", "options": []},
    "v4": {"name": "Yed"},
    "v5": {"name": "Zia", "options": ["act-10:2024-06-01", "act-2:2023-01-01"]},  # act-10 starts like act-1
}


def test_keyword_ranges_on_list_fields_pick_one_activity_in_a_date_range(others):
    _load(others, A, VISITS)

    def visited(activity, since="", until="9999-12-31"):
        return _ids(others, Range("options", gte=f"{activity}:{since}", lte=f"{activity}:{until}"))
    assert visited("act-1") == ["v1", "v2"]
    assert visited("act-1", since="2024-01-01") == ["v1"]
    assert visited("act-1", until="2023-12-31") == ["v2"]  # both ends included
    assert visited("act-1", since="2024-03-02") == []
    assert visited("act-10") == ["v5"]
    assert visited("act-2", since="2024-01-01", until="2025-12-31") == ["v1"]
    assert _ids(others, AnyOf([Range("options", gte="act-1:2024-01-01", lte="act-1:9999-12-31"),
                               Range("options", gte="act-2:", lte="act-2:2023-06-30")])) == ["v1", "v5"]
    assert _ids(others, Not(Term("options", ["act-1:2023-12-31"]))) == ["v1", "v3", "v4", "v5"]


# -- scanning every matching id ------------------------------------------------------------------

def test_scan_ids_gives_every_match_in_id_order_a_batch_at_a_time(people):
    scan = people.scan_ids(INDEX, A, [Term("estate", ["North", "South"])], batch=2)
    assert scan.total == 3
    assert list(scan.chunks) == [["p1", "p2"], ["p3"]]
    exact = people.scan_ids(INDEX, A, [], batch=5)
    assert (exact.total, list(exact.chunks)) == (5, [["p1", "p2", "p3", "p4", "p5"]])
    nested = people.scan_ids(INDEX, A, [AnyOf([AllOf([Term("estate", ["North"]), Range("age", lte=20)]),
                                               Not(Exists("estate"))])])
    assert (nested.total, list(nested.chunks)) == (2, [["p3", "p5"]])
    nobody = people.scan_ids(INDEX, A, [Term("estate", ["West"])])
    assert (nobody.total, list(nobody.chunks)) == (0, [])


def test_scan_ids_sees_only_the_landlords_documents(people):
    people.index(INDEX, B, "p9", {"name": "Blake Example", "estate": "North"})
    people.refresh(INDEX)
    assert [list(people.scan_ids(INDEX, landlord, [Term("estate", ["North"])]).chunks) for landlord in (A, B)] == [
        [["p1", "p3"]], [["p9"]]]
    assert people.scan_ids(INDEX, "landlord-c", []).total == 0


@pytest.mark.parametrize("batch", [0, -1, MAX_SCAN_BATCH + 1, 2.5])
def test_scan_ids_batches_are_one_to_ten_thousand(people, batch):
    with pytest.raises(SearchError):
        people.scan_ids(INDEX, A, [], batch=batch)


def test_scan_ids_of_an_unknown_index_is_an_error(index):
    with pytest.raises(SearchError):
        list(index.scan_ids("no-such-index", A, []).chunks)


# -- sorting, paging, counting, facets ----------------------------------------------

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


# -- writing ---------------------------------------------------------------------------

def test_reindexing_replaces_the_document(people):
    people.index(INDEX, A, "p1", {"name": "Alex Sample"})
    people.refresh(INDEX)
    assert _ids(people, Term("tags", ["pets"])) == ["p2"]
    assert people.search(INDEX, A, SearchRequest(filters=[Term("id", ["p1"])])).items == [
        {"name": "Alex Sample", "id": "p1"}]
    assert people.search(INDEX, A, SearchRequest(count_only=True)).total == 5


def test_a_versioned_write_never_replaces_a_newer_document(index):
    """External versioning: a write carries the version of the state it shows; one older than
    the index holds is refused (counted, not an error), the same version may be written again."""
    assert index.index_many(INDEX, A, {"p1": {"name": "Five"}, "p2": {"name": "Two"}}, versions={"p1": 5, "p2": 2}) == 0
    assert index.index_many(INDEX, A, {"p1": {"name": "Four"}, "p2": {"name": "Three"}},
                            versions={"p1": 4, "p2": 3}) == 1
    assert index.index(INDEX, A, "p1", {"name": "Three"}, version=3) is False
    assert index.index(INDEX, A, "p1", {"name": "Five again"}, version=5) is True
    assert index.index(INDEX, B, "p1", {"name": "Other landlord"}, version=1) is True  # its own versions
    index.refresh(INDEX)
    assert {i["id"]: i["name"] for i in index.search(INDEX, A, SearchRequest()).items} == {
        "p1": "Five again", "p2": "Three"}
    assert index.versions(INDEX, A, ["p1", "p2", "p9"]) == {"p1": 5, "p2": 3}
    assert index.versions(INDEX, B, ["p1", "p2"]) == {"p1": 1}
    assert index.versions(INDEX, A, []) == {}


def test_unversioned_writes_count_the_version_up(index):
    index.index(INDEX, A, "p1", {"name": "One"})
    index.index_many(INDEX, A, {"p1": {"name": "Two"}, "p2": {"name": "One"}})
    assert index.versions(INDEX, A, ["p1", "p2"]) == {"p1": 2, "p2": 1}  # read at once, no refresh
    index.delete(INDEX, A, "p2")
    assert index.versions(INDEX, A, ["p1", "p2"]) == {"p1": 2}
    with pytest.raises(SearchError):
        index.versions(INDEX, A, [f"p{n}" for n in range(MAX_SCAN_BATCH + 1)])


def test_concurrent_versioned_writers_leave_the_newest(index):
    """Many threads write versions 1..40 of the same documents in any order: the newest stays."""
    versions = list(range(1, 41))
    def writer(offset: int) -> None:
        for v in versions[offset:] + versions[:offset]:
            index.index_many(INDEX, A, {f"p{n}": {"name": f"v{v}"} for n in range(5)},
                             versions={f"p{n}": v for n in range(5)})
    threads = [threading.Thread(target=writer, args=(n * 7,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    index.refresh(INDEX)
    assert {i["name"] for i in index.search(INDEX, A, SearchRequest()).items} == {"v40"}
    assert set(index.versions(INDEX, A, [f"p{n}" for n in range(5)]).values()) == {40}


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


def test_embedded_index_made_before_versions_gets_them(tmp_path):
    import sqlite3
    path = str(tmp_path / "search.sqlite")
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE search_documents (index_name TEXT NOT NULL, landlord_id TEXT NOT NULL, doc_id TEXT "
                "NOT NULL, body TEXT NOT NULL, PRIMARY KEY (index_name, landlord_id, doc_id)) WITHOUT ROWID")
    old.execute("INSERT INTO search_documents VALUES (?, ?, ?, ?)", (INDEX, A, "p1", '{"name": "Old"}'))
    old.commit()
    old.close()
    upgraded = EmbeddedSearchIndex(path)
    upgraded.ensure_index(INDEX, FIELDS)
    assert upgraded.versions(INDEX, A, ["p1"]) == {"p1": 1}
    assert upgraded.index(INDEX, A, "p1", {"name": "New"}, version=2)
    upgraded.close()


def test_elasticsearch_errors_become_search_errors():
    unreachable = ElasticsearchIndex("http://127.0.0.1:9", request_timeout=2)
    with pytest.raises(SearchError, match="cannot reach Elasticsearch"):
        unreachable.search(INDEX, A, SearchRequest())
    unreachable.close()


# -- numbers, list fields, missing counts, range facets, source ---------------------------

def test_number_fields_filter_and_sort(others):
    assert _ids(others, Term("score", [1.5]), landlord=B) == ["q1"]
    assert _ids(others, Term("score", [10]), landlord=B) == ["q3"]
    assert _ids(others, Range("score", gte=0), landlord=B) == ["q1", "q3"]
    assert _ids(others, Range("score", lte=1.5), landlord=B) == ["q1", "q2"]
    assert _ids(others, Range("score", gte=-2.25, lte=-2.25), landlord=B) == ["q2"]
    assert _ids(others, Range("score", gte=1.25, lte=9.5), landlord=B) == ["q1"]
    assert _ids(others, Exists("score"), landlord=B) == ["q1", "q2", "q3"]
    assert _ids(others, landlord=B, sort=[SortKey("score")]) == ["q2", "q1", "q3", "q4", "q5"]
    assert _ids(others, landlord=B, sort=[SortKey("score", descending=True)]) == ["q3", "q1", "q2", "q4", "q5"]
    with pytest.raises(SearchError):
        others.search(INDEX, B, SearchRequest(facets=["score"]))
    with pytest.raises(SearchError):
        others.index(INDEX, B, "q6", {"score": "not a number"})


def test_prefix_matches_any_element_of_a_keyword_list(others):
    assert _ids(others, Prefix("options", "OPT-B"), landlord=B) == ["q1", "q2"]
    assert _ids(others, Prefix("options", "opt"), landlord=B) == ["q1", "q2", "q5"]  # q5: 2nd element
    assert _ids(others, Prefix("options", "X-"), landlord=B) == ["q5"]
    assert _ids(others, Not(Prefix("options", "opt")), landlord=B) == ["q3", "q4"]


def test_term_range_and_exists_on_list_fields(others):
    assert _ids(others, Term("options", ["opt-c"]), landlord=B) == ["q5"]
    assert _ids(others, Term("options", ["opt-b"]), landlord=B) == ["q2"]  # exact, case-sensitive
    assert _ids(others, Term("options", ["Opt-B", "opt-c"]), landlord=B) == ["q1", "q5"]
    assert _ids(others, Range("options", gte="opt-b", lte="opt-z"), landlord=B) == ["q2", "q5"]
    assert _ids(others, Term("sizes", [10]), landlord=B) == ["q1"]
    assert _ids(others, Range("sizes", gte=4, lte=6), landlord=B) == ["q2"]  # one element in range
    assert _ids(others, Range("sizes", gte=8), landlord=B) == ["q1"]
    assert _ids(others, Exists("options"), landlord=B) == ["q1", "q2", "q5"]  # not [] nor [""]
    assert _ids(others, Not(Exists("options")), landlord=B) == ["q3", "q4"]
    assert _ids(others, Exists("sizes"), landlord=B) == ["q1", "q2", "q5"]
    assert _ids(others, Not(Exists("sizes")), landlord=B) == ["q3", "q4"]


def test_facets_count_the_matching_documents_without_a_value(people):
    result = people.search(INDEX, A, SearchRequest(
        facets=["email", "tags", "vulnerable", "age", "estate", "no_such_field"]))
    assert result.missing == {"email": 3, "tags": 2, "vulnerable": 1, "age": 0, "estate": 1,
                              "no_such_field": 5}  # email: "", None and absent
    assert result.facets["no_such_field"] == {}
    narrowed = people.search(INDEX, A, SearchRequest(
        filters=[Range("age", gte=30)], count_only=True, facets=["email", "tags"]))
    assert (narrowed.total, narrowed.missing) == (4, {"email": 2, "tags": 1})
    assert people.search(INDEX, A, SearchRequest()).missing == {}


def test_missing_counts_on_list_fields(others):
    result = others.search(INDEX, B, SearchRequest(facets=["options", "sizes", "estate"]))
    assert result.facets == {
        "options": {"opt-a": 1, "Opt-B": 1, "opt-b": 1, "opt-c": 1, "x-opt": 1},
        "sizes": {"3": 1, "5": 1, "7": 1, "10": 1},
        "estate": {},
    }
    assert result.missing == {"options": 2, "sizes": 2, "estate": 5}


def test_range_facets_on_dates(others):
    bands = RangeFacet("age_band", "born", [
        RangeBucket("old", lt="1960-01-01"),
        RangeBucket("middle", gte="1960-01-01", lt="2000-01-01"),
        RangeBucket("young", gte="2000-01-01"),
        RangeBucket("unborn", gte="2030-01-01"),
        RangeBucket("that morning", gte="1990-07-15", lt="1990-07-15T10:00:00"),  # lt excludes
        RangeBucket("from ten", gte="1990-07-15T10:00:00", lt="1990-07-16"),
    ])
    result = others.search(INDEX, B, SearchRequest(range_facets=[bands], facets=["options"], limit=1))
    assert result.facets["age_band"] == {"old": 1, "middle": 2, "young": 1, "unborn": 0,
                                         "that morning": 1, "from ten": 1}
    assert result.missing == {"age_band": 1, "options": 2}
    assert list(result.facets["age_band"]) == [b.key for b in bands.buckets]
    filtered = others.search(INDEX, B, SearchRequest(
        filters=[Exists("options")], range_facets=[bands], count_only=True))
    assert filtered.facets["age_band"]["middle"] == 2
    assert filtered.missing == {"age_band": 0}


def test_range_facets_on_numbers(others):
    sizes = RangeFacet("size_band", "sizes", [
        RangeBucket("small", lt=5), RangeBucket("medium", gte=5, lt=10), RangeBucket("large", gte=10)])
    scores = RangeFacet("score_band", "score", [
        RangeBucket("negative", lt=0), RangeBucket("positive", gte=0), RangeBucket("near one", gte=1, lt=1.6)])
    result = others.search(INDEX, B, SearchRequest(range_facets=[sizes, scores]))
    assert result.facets == {"size_band": {"small": 1, "medium": 2, "large": 1},  # q1 in two
                             "score_band": {"negative": 1, "positive": 2, "near one": 1}}
    assert result.missing == {"size_band": 2, "score_band": 2}
    _load(others, A, PEOPLE)
    in_a = others.search(INDEX, A, SearchRequest(range_facets=[scores]))  # A's people: no scores
    assert (in_a.facets, in_a.missing) == ({"score_band": {"negative": 0, "positive": 0, "near one": 0}},
                                           {"score_band": 5})


@pytest.mark.parametrize("facet, terms", [
    (RangeFacet("by_name", "name", [RangeBucket("a", lt="b")]), ()),  # not a range field
    (RangeFacet("by_flag", "vulnerable", [RangeBucket("a", lt=1)]), ()),
    (RangeFacet("unknown", "no_such_field", [RangeBucket("a", lt=1)]), ()),
    (RangeFacet("twice", "age", [RangeBucket("a", lt=1), RangeBucket("a", gte=1)]), ()),
    (RangeFacet("age", "age", [RangeBucket("a", lt=1)]), ("age",)),  # name taken by a facet
])
def test_range_facets_refuse_what_they_cannot_count(people, facet, terms):
    with pytest.raises(SearchError):
        people.search(INDEX, A, SearchRequest(range_facets=[facet], facets=terms))


def test_source_limits_the_fields_of_items(others):
    def items(source):
        request = SearchRequest(sort=[SortKey("id")], limit=2, offset=3, source=source)
        return others.search(INDEX, B, request).items
    assert items(["name", "score"]) == [{"name": "Taylor", "score": None, "id": "q4"},
                                       {"name": "Uma", "id": "q5"}]
    assert items([]) == [{"id": "q4"}, {"id": "q5"}]
    assert items(["landlord_id", "no_such_field"]) == [{"id": "q4"}, {"id": "q5"}]
    assert items(None) == [{**indexable(OTHERS[i]), "id": i} for i in ("q4", "q5")]


def test_ensure_index_adds_many_fields_and_refuses_type_changes(others):
    custom = {f"cf_{n:032x}": FieldType.KEYWORD for n in range(1_500)}
    others.ensure_index(INDEX, {**FIELDS, **MORE_FIELDS, **custom})
    others.index(INDEX, A, "p9", {"name": "Vic Sample", **{f: "yes" for f in list(custom)[:1_200]}})
    others.refresh(INDEX)
    assert _ids(others, Term(list(custom)[1_199], ["yes"])) == ["p9"]
    for changed in ({"score": FieldType.INTEGER}, {"age": FieldType.NUMBER}, {"options": FieldType.DATE}):
        with pytest.raises(SearchError):
            others.ensure_index(INDEX, changed)
    assert _ids(others, Range("score", gte=1.25), landlord=B) == ["q1", "q3"]  # still a number


def test_a_new_index_may_have_many_fields(index):
    many = {f"cf_{n:032x}": FieldType.INTEGER for n in range(2_000)}
    index.ensure_index("other", {**FIELDS, **many})
    index.index("other", A, "x1", {f: n for n, f in enumerate(many)})
    index.refresh("other")
    assert index.search("other", A, SearchRequest(filters=[Range(list(many)[-1], gte=1_999)])).total == 1


def test_embedded_index_keeps_added_fields_in_its_file(tmp_path):
    path = str(tmp_path / "search.sqlite")
    first = EmbeddedSearchIndex(path)
    first.ensure_index(INDEX, FIELDS)
    first.ensure_index(INDEX, {**FIELDS, **MORE_FIELDS})
    first.close()
    second = EmbeddedSearchIndex(path)
    second.index_many(INDEX, B, OTHERS)
    assert _ids(second, Range("score", gte=0), landlord=B) == ["q1", "q3"]
    with pytest.raises(SearchError):
        second.ensure_index(INDEX, {"score": FieldType.KEYWORD})
    second.close()


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
