"""The search contract: scanning every matching id (both adapters)."""
from __future__ import annotations

import pytest

from services.common.search import MAX_SCAN_BATCH, AllOf, AnyOf, Exists, Not, Range, SearchError, Term
from tests.contract.common.search.conftest import A, B, INDEX


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


# -- scanning every matching document ------------------------------------------------------------

def _scanned(scan) -> list[dict]:
    return sorted((doc for chunk in scan.chunks for doc in chunk), key=lambda doc: doc["id"])


def test_scan_documents_gives_every_match_with_the_fields_asked_for_a_batch_at_a_time(people):
    scan = people.scan_documents(INDEX, A, [Term("estate", ["North", "South"])], ["name", "age"], batch=2)
    assert scan.total == 3
    chunks = list(scan.chunks)
    assert all(1 <= len(chunk) <= 2 for chunk in chunks) and sum(map(len, chunks)) == 3
    assert sorted((doc for chunk in chunks for doc in chunk), key=lambda doc: doc["id"]) == [
        {"id": "p1", "name": "Alex Sample", "age": 34}, {"id": "p2", "name": "alexis Example", "age": 40},
        {"id": "p3", "name": "Blake Sample", "age": 18}]
    # no value is null (an empty list is empty), as indexed; the batch may hold everyone
    assert _scanned(people.scan_documents(INDEX, A, [Term("estate", ["North"])], ["email", "tags"], batch=10)) == [
        {"id": "p1", "email": "alex@example.org", "tags": ["garden", "pets"]}, {"id": "p3", "email": None, "tags": []}]
    nobody = people.scan_documents(INDEX, A, [Term("estate", ["West"])], ["name"])
    assert (nobody.total, list(nobody.chunks)) == (0, [])


def test_scan_documents_sees_only_the_landlords_documents(people):
    people.index(INDEX, B, "p9", {"name": "Blake Example", "estate": "North"})
    people.refresh(INDEX)
    assert [_scanned(people.scan_documents(INDEX, landlord, [Term("estate", ["North"])], ["name"]))
            for landlord in (A, B)] == [[{"id": "p1", "name": "Alex Sample"}, {"id": "p3", "name": "Blake Sample"}],
                                        [{"id": "p9", "name": "Blake Example"}]]


def test_a_document_scan_left_part_way_can_be_closed(people):
    scan = people.scan_documents(INDEX, A, [], ["name"], batch=2)
    chunks = iter(scan.chunks)
    assert len(next(chunks)) == 2
    chunks.close()  # the engine's point in time is given back
    assert scan.total == 5


@pytest.mark.parametrize("batch", [0, MAX_SCAN_BATCH + 1])
def test_scan_documents_batches_are_one_to_ten_thousand(people, batch):
    with pytest.raises(SearchError):
        people.scan_documents(INDEX, A, [], ["name"], batch=batch)
