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
