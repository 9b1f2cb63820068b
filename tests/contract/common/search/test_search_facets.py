"""The search contract: term facets, missing counts and range facets (both adapters)."""
from __future__ import annotations

import pytest

from services.common.search import Exists, Range, RangeBucket, RangeFacet, SearchError, SearchRequest
from tests.contract.common.search.conftest import A, B, INDEX, PEOPLE, _load


# -- facets ----------------------------------------------------------------------------

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


# -- missing counts, range facets -----------------------------------------------------------

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
