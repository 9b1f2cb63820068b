"""The search contract: documents, landlord isolation, writes and versions, mappings (both adapters).

Fixtures and the shared documents are in conftest.py.
"""
from __future__ import annotations

import threading

import pytest

from services.common.search import MAX_SCAN_BATCH, Exists, FieldType, Range, SearchError, SearchRequest, SortKey, Term
from services.common.search.elastic import ElasticsearchIndex
from services.common.search.embedded import EmbeddedSearchIndex
from services.common.search.port import indexable
from tests.contract.common.search.conftest import A, B, FIELDS, INDEX, MORE_FIELDS, OTHERS, PEOPLE, _ids


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


def test_fields_are_updated_in_place_only_over_the_version_before(index):
    """update_many: a document held at version - 1 takes the fields (the others kept) and the version; one at
    another version, or missing, is left to the caller to write whole; a value set to None is no value."""
    index.index_many(INDEX, A, {"p1": {"name": "One", "tags": ["a"], "age": 30}, "p2": {"name": "Two", "tags": ["b"]},
                                "p3": {"name": "Three"}}, versions={"p1": 4, "p2": 6, "p3": 1})
    index.index(INDEX, B, "p1", {"name": "Other landlord", "tags": ["z"]}, version=4)
    left = index.update_many(INDEX, A, {"p1": (5, {"tags": ["c", ""]}), "p2": (6, {"tags": ["x"]}),
                                        "p3": (2, {"tags": None, "age": 7}), "p9": (1, {"tags": ["y"]})})
    assert left == {"p2", "p9"}
    assert index.update_many(INDEX, A, {"p3": (3, {"age": 7})}) == set(), "the same values still count up"
    assert index.update_many(INDEX, A, {}) == set()
    index.refresh(INDEX)
    assert {i["id"]: (i["name"], i.get("tags"), i.get("age")) for i in index.search(INDEX, A, SearchRequest()).items} == {
        "p1": ("One", ["c"], 30), "p2": ("Two", ["b"], None), "p3": ("Three", None, 7)}
    assert index.versions(INDEX, A, ["p1", "p2", "p3", "p9"]) == {"p1": 5, "p2": 6, "p3": 3}
    assert _ids(index, Term("tags", ["c"])) == ["p1"] and _ids(index, Exists("tags")) == ["p1", "p2"]
    assert index.search(INDEX, B, SearchRequest()).items == [{"name": "Other landlord", "tags": ["z"], "id": "p1"}]
    assert index.index(INDEX, A, "p1", {"name": "Whole"}, version=5) is True, "a whole write of the same version"
    assert index.index(INDEX, A, "p3", {"name": "Older"}, version=2) is False


@pytest.mark.engines
@pytest.mark.parametrize("index", ["elasticsearch", "elasticsearch-partitioned"], indirect=True)
def test_an_update_in_place_loses_to_a_write_between_its_read_and_its_update(index):
    """Elasticsearch reads the version and sequence number first: a whole write landing in between (here the
    same version again) makes the update fail, and the document is left to the caller, never half-merged.
    (The embedded index reads and updates under one lock.)"""
    index.index(INDEX, A, "p1", {"name": "One", "tags": ["a"]}, version=4)
    read = index._held

    def read_then_written(*args):
        held = read(*args)
        index.index(INDEX, A, "p1", {"name": "Whole", "tags": ["w"]}, version=4)
        return held
    index._held = read_then_written
    assert index.update_many(INDEX, A, {"p1": (5, {"tags": ["u"]})}) == {"p1"}
    index.refresh(INDEX)
    assert index.search(INDEX, A, SearchRequest()).items == [{"name": "Whole", "tags": ["w"], "id": "p1"}]


def test_a_write_too_big_for_one_request_keeps_every_document_and_refuses_only_older_ones(index):
    """12,000 documents: Elasticsearch gets them in several _bulk requests, some at once; the outcome is one
    write's (every document there once, at its version; only the one older than the index's refused)."""
    many = 12_000
    index.index_many(INDEX, A, {"p7": {"name": "Newer"}}, versions={"p7": 5})
    written = {f"p{n}": {"name": f"Person {n}", "age": n % 100} for n in range(many)}
    assert index.index_many(INDEX, A, written, versions={doc_id: 2 for doc_id in written}) == 1
    index.refresh(INDEX)
    assert index.search(INDEX, A, SearchRequest(count_only=True)).total == many
    assert index.versions(INDEX, A, ["p0", "p7", f"p{many - 1}"]) == {"p0": 2, "p7": 5, f"p{many - 1}": 2}
    assert index.search(INDEX, A, SearchRequest(filters=[Term("name", ["Newer"])])).total == 1


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


# -- many fields, fields added later ----------------------------------------------------

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
