"""The search contract: filter clauses, on single values, numbers and list fields (both adapters)."""
from __future__ import annotations

import pytest

from services.common.search import AllOf, AnyOf, Exists, Not, Prefix, Range, SearchError, SearchRequest, SortKey, Term
from tests.contract.common.search.conftest import A, B, INDEX, _ids, _load


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


# -- numbers and list fields ---------------------------------------------------------------

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
