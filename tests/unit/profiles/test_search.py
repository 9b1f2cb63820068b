import pytest

from services.common.errors import InvalidInput
from services.common.search import AnyOf, Prefix, Term
from services.profiles.search import Page, build_request


def test_empty_criteria_mean_everybody_current_sorted_by_name():
    request = build_request({}, Page())
    assert request.filters == [Term("status", ["current"])]
    assert request.sort == (("sort_surname", "asc"), ("sort_first_name", "asc"))
    assert (request.offset, request.limit) == (0, 25)


def test_each_word_of_the_text_must_start_a_name_or_reference():
    request = build_request({"text": "jo exa", "status": ["current", "archived"]}, Page(size=10, number=3))
    fields = ("first_name", "surname", "personal_ref")
    assert request.filters[:2] == [AnyOf([Prefix(f, "jo") for f in fields]), AnyOf([Prefix(f, "exa") for f in fields])]
    assert request.filters[2] == Term("status", ["current", "archived"])
    assert request.offset == 20


def test_bad_criteria_and_paging_are_named():
    with pytest.raises(InvalidInput) as raised:
        build_request({"shoe_size": 9, "status": ["gone"], "personal_ref": "A1"},
                      Page(size=0, sort=[("shoe_size", "asc")], facets=["surname"]))
    assert {p.field for p in raised.value.fields} == {
        "criteria.shoe_size", "criteria.status", "criteria.personal_ref", "page_size", "sort[0].field", "facets[0]"}


def test_pages_stop_at_ten_thousand_but_counts_do_not():
    with pytest.raises(InvalidInput) as raised:
        build_request({}, Page(size=500, number=21))
    assert raised.value.fields[0].field == "page"
    assert build_request({}, Page(size=500, number=21, count_only=True)).count_only
