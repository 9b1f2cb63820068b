"""People search: paging, sorting, columns and facets; the rows and facet counts
users see. Pure rules, plus the embedded search index (SQLite in tmp_path) to prove
facets and rows end to end. The search document: test_document.py."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common.errors import InvalidInput
from services.common.search import RangeBucket, RangeFacet, SortKey, Term
from services.common.search.embedded import EmbeddedSearchIndex
from services.profiles.search.document import INDEX, document, index_fields
from services.profiles.search.domain import (DEFAULT_SORT, MAX_DEPTH, Page, build_request, facet_answer, facet_field,
                                             found, row)
from services.profiles.setup.defaults import WHITE_BRITISH
from services.profiles.setup.domain import age_band, age_on
from tests.unit.profiles.search.search_support import CAT, CUSTOM, TODAY, oid, person


def refused(criteria=None, page=Page()) -> dict[str, str]:
    with pytest.raises(InvalidInput) as raised:
        build_request(criteria or {}, page, CAT, TODAY)
    return {p.field: p.reason for p in raised.value.fields}


# -- the request --------------------------------------------------------------------------------------------------------

def test_empty_criteria_mean_everybody_current_sorted_by_surname_then_first_name():
    request = build_request({}, Page(), CAT, TODAY)
    assert request.filters == [Term("status", ["current"])]
    assert request.sort == (SortKey("sort_surname"), SortKey("sort_first_name"))
    assert (request.offset, request.limit, request.count_only) == (0, 25, False)
    assert DEFAULT_SORT == (SortKey("surname"), SortKey("first_name"))


def test_the_page_number_sets_the_offset():
    request = build_request({}, Page(size=10, number=3), CAT, TODAY)
    assert (request.offset, request.limit) == (20, 10)


@pytest.mark.parametrize("size, number", [(500, 20), (100, 100), (1, 10_000), (25, 400)])
def test_pages_go_down_to_the_ten_thousandth_person(size, number):
    request = build_request({}, Page(size=size, number=number), CAT, TODAY)
    assert request.offset + request.limit <= MAX_DEPTH == 10_000


@pytest.mark.parametrize("size, number", [(500, 21), (100, 101), (1, 10_001), (25, 401)])
def test_pages_beyond_the_ten_thousandth_person_are_refused(size, number):
    assert refused(page=Page(size=size, number=number)) == {
        "page": "pages go as deep as the first 10,000 people; narrow the criteria"}


def test_a_count_goes_beyond_ten_thousand():
    request = build_request({}, Page(size=500, number=21, count_only=True), CAT, TODAY)
    assert request.count_only


@pytest.mark.parametrize("page, field", [(Page(size=0), "page_size"), (Page(size=501), "page_size"),
                                         (Page(number=0), "page"), (Page(number=-1), "page")])
def test_page_size_and_number_are_checked(page, field):
    assert list(refused(page=page)) == [field]


def test_sorting_by_name_uses_the_lower_cased_copies():
    request = build_request({}, Page(sort=[SortKey("first_name", descending=True), SortKey("postcode")]), CAT, TODAY)
    assert request.sort == (SortKey("sort_first_name", descending=True), SortKey("postcode"))


def test_sorting_by_age_sorts_by_date_of_birth_the_other_way():
    assert build_request({}, Page(sort=[SortKey("age")]), CAT, TODAY).sort == (SortKey("date_of_birth", True),)
    assert build_request({}, Page(sort=[SortKey("age", True)]), CAT, TODAY).sort == (SortKey("date_of_birth"),)


def test_unknown_sort_columns_and_facets_are_named_with_criteria_problems_at_once():
    assert set(refused({"shoe_size": 9, "status": ["gone"], "personal_ref": "A1"},
                       Page(size=0, sort=[SortKey("surname"), SortKey("shoe_size")],
                            columns=["surname", "shoe_size", "custom.hair_colour"],
                            facets=["area", "surname", "custom.support_notes", "custom.number_of_pets", "age"]))) == {
        "criteria.shoe_size", "criteria.status", "criteria.personal_ref", "page_size", "sort[1].field",
        "columns[1]", "columns[2]", "facets[1]", "facets[2]", "facets[3]", "facets[4]"}


def test_known_columns_are_accepted():
    columns = ["title", "date_of_birth", "age", "age_band", "equality_group", "has_mobile", "interests", "created_at",
               "custom.skills", "custom.tenancy_start", "address", "id"]
    build_request({}, Page(columns=columns), CAT, TODAY)


def test_facets_are_counted_on_the_index_fields_they_come_from():
    request = build_request({}, Page(facets=["area", "interests", "status", "has_email", "equality_group", "ethnicity",
                                             "custom.newsletter_format", "custom.allotment_holder", "age_band"]),
                            CAT, TODAY)
    assert request.facets == ("area", "interests", "status", "has_email", "ethnicity",
                              CUSTOM["newsletter_format"].index_field, CUSTOM["allotment_holder"].index_field)
    assert request.range_facets == (RangeFacet("age_band", "date_of_birth", (
        RangeBucket("Under 16", gte="2010-11-24", lt="2026-11-24"),
        RangeBucket("16-44", gte="1981-11-24", lt="2010-11-24"),
        RangeBucket("45-64", gte="1961-11-24", lt="1981-11-24"),
        RangeBucket("65+", gte=None, lt="1961-11-24"))),)
    assert facet_field("equality_group", CAT) == "ethnicity"
    assert facet_field("custom.skills", CAT) == CUSTOM["skills"].index_field
    assert facet_field("area", CAT) == "area"


# -- a row of results -------------------------------------------------------------------------------------------------

def item(doc, columns, catalogue, today) -> dict:
    """A row as the API shows it: the standard columns, then the others."""
    found_row = row(doc, columns, catalogue, today)
    return {**{k: v for k, v in vars(found_row).items() if k != "columns"}, **dict(found_row.columns)}


def test_a_row_shows_labels_and_works_out_age_band_and_equality_group_on_the_day():
    somebody = person(title="Mrs", date_of_birth="1961-11-23", ethnicity="Asian, Asian British or Asian Welsh: Indian",
                      interests=["Youth activities", "Community safety"], address_line_1="12 Acacia Avenue",
                      address_line_3="Leeds", postcode="ls1 4ap", mobile="07700 900123",
                      custom={"newsletter_format": "Email", "skills": ["DIY", "Gardening"], "allotment_holder": True,
                              "tenancy_start": "2019-04-01"})
    doc = {**document(somebody, CAT), "id": somebody.person_id}
    columns = ["title", "date_of_birth", "age", "age_band", "equality_group", "interests", "has_mobile",
               "custom.newsletter_format", "custom.skills", "custom.allotment_holder", "custom.tenancy_start",
               "custom.number_of_pets"]
    row = item(doc, columns, CAT, TODAY)
    assert row == {
        "id": somebody.person_id, "status": "current", "personal_ref": "NR000001", "first_name": "Jo",
        "surname": "Okafor", "address": "12 Acacia Avenue, Leeds, LS1 4AP",
        "title": "Mrs", "date_of_birth": "1961-11-23", "age": 65, "age_band": "65+", "equality_group": "BME",
        "interests": ["Community safety", "Youth activities"], "has_mobile": True,
        "custom.newsletter_format": "Email", "custom.skills": ["Gardening", "DIY"], "custom.allotment_holder": True,
        "custom.tenancy_start": "2019-04-01", "custom.number_of_pets": None,
    }
    assert item(doc, ["age", "age_band"], CAT, TODAY - dt.timedelta(days=1))["age_band"] == "45-64"


def test_a_row_with_nothing_known_shows_blanks():
    doc = {**document(person(), CAT), "id": "p1"}
    row = item(doc, ["age", "age_band", "equality_group", "title", "interests", "custom.skills"], CAT, TODAY)
    assert (row["age"], row["age_band"], row["equality_group"], row["title"], row["interests"], row["custom.skills"],
            row["address"]) == (None, None, None, None, [], [], "")


def test_an_ethnicity_with_no_group_is_no_equality_group():
    doc = {**document(person(ethnicity="Prefer not to say"), CAT), "id": "p1"}
    assert item(doc, ["equality_group"], CAT, TODAY)["equality_group"] is None
    doc = {**document(person(ethnicity=WHITE_BRITISH), CAT), "id": "p1"}
    assert item(doc, ["equality_group"], CAT, TODAY)["equality_group"] == "White British"


# -- facet counts ------------------------------------------------------------------------------------------------------

def counted(name, counts, missing, catalogue) -> list[dict]:
    return [vars(c) for c in facet_answer(name, counts, missing, catalogue)]


def test_option_counts_follow_the_list_order_hide_unused_archived_options_and_end_with_not_known():
    counts = {oid("area", "Area E"): 4, oid("area", "Area A"): 2}
    assert counted("area", counts, 5, CAT) == [
        {"value": oid("area", "Area A"), "label": "Area A", "count": 2},
        {"value": oid("area", "Area B"), "label": "Area B", "count": 0},
        {"value": oid("area", "Area D"), "label": "Area D", "count": 0},
        {"value": "o-area-9", "label": "Area E", "count": 4},
        {"value": None, "label": "Not known", "count": 5},
    ]


def test_an_archived_option_still_in_use_is_counted():
    labels = [a["label"] for a in counted("area", {oid("area", "Area C"): 1}, 0, CAT)]
    assert labels == ["Area A", "Area B", "Area C", "Area D", "Area E", "Not known"]


def test_equality_groups_sum_their_ethnicities_and_ungrouped_ones_are_not_known():
    counts = {oid("ethnicity", WHITE_BRITISH): 10, oid("ethnicity", "White: Irish"): 2,
              oid("ethnicity", "Other ethnic group: Arab"): 3, oid("ethnicity", "Prefer not to say"): 4}
    assert counted("equality_group", counts, 6, CAT) == [
        {"value": "White British", "label": "White British", "count": 10},
        {"value": "BME", "label": "BME", "count": 5},
        {"value": None, "label": "Not known", "count": 10},
    ]


def test_status_counts_have_no_not_known():
    assert counted("status", {"current": 7, "archived": 1}, 0, CAT) == [
        {"value": "current", "label": "Current", "count": 7}, {"value": "archived", "label": "Archived", "count": 1}]


def test_yes_no_counts():
    assert counted("has_mobile", {"true": 3, "false": 9}, 0, CAT) == [
        {"value": "true", "label": "Yes", "count": 3}, {"value": "false", "label": "No", "count": 9},
        {"value": None, "label": "Not known", "count": 0}]
    assert [a["count"] for a in counted("custom.allotment_holder", {"true": 2}, 8, CAT)] == [2, 0, 8]


def test_age_band_counts_follow_the_bands():
    assert counted("age_band", {"65+": 4, "Under 16": 1}, 2, CAT) == [
        {"value": "Under 16", "label": "Under 16", "count": 1}, {"value": "16-44", "label": "16-44", "count": 0},
        {"value": "45-64", "label": "45-64", "count": 0}, {"value": "65+", "label": "65+", "count": 4},
        {"value": None, "label": "Not known", "count": 2}]


def test_custom_choice_counts_use_the_fields_own_list():
    assert counted("custom.newsletter_format", {oid("custom.newsletter_format", "Email"): 2}, 1, CAT) == [
        {"value": oid("custom.newsletter_format", "Paper"), "label": "Paper", "count": 0},
        {"value": oid("custom.newsletter_format", "Email"), "label": "Email", "count": 2},
        {"value": None, "label": "Not known", "count": 1}]


# -- end to end over the embedded index -----------------------------------------------------------------------------

def test_facet_counts_and_rows_agree_over_real_documents(tmp_path):
    index = EmbeddedSearchIndex(str(tmp_path / "search.db"))
    index.ensure_index(INDEX, index_fields(CUSTOM.values()))
    people = [
        person(personal_ref="P1", surname="Adams", area="Area A", date_of_birth="1961-11-23", ethnicity=WHITE_BRITISH,
               interests=["Money advice", "Youth activities"], custom={"allotment_holder": True}),
        person(personal_ref="P2", surname="Brown", area="Area A", date_of_birth="1961-11-24",
               ethnicity="White: Irish", mobile="07700 900123"),
        person(personal_ref="P3", surname="Clarke", area="Area E", date_of_birth="2010-11-24",
               ethnicity="Prefer not to say", interests=["Money advice"]),
        person(personal_ref="P4", surname="Davies", date_of_birth="2010-11-23"),
        person(personal_ref="P5", surname="Evans", area="Area B"),
    ]
    index.index_many(INDEX, "L1", {p.person_id: document(p, CAT) for p in people})
    facets = ["area", "interests", "age_band", "equality_group", "has_mobile", "custom.allotment_holder"]
    page = Page(columns=["age", "age_band", "equality_group"], facets=facets)
    result = index.search(INDEX, "L1", build_request({}, page, CAT, TODAY))
    answered = found(result, page, CAT, TODAY)
    assert answered.total == 5 and list(answered.facets) == facets
    assert [r.surname for r in answered.rows] == ["Adams", "Brown", "Clarke", "Davies", "Evans"]
    rows = [dict(r.columns) for r in answered.rows]
    assert [(r["age"], r["age_band"], r["equality_group"]) for r in rows] == [
        (65, "65+", "White British"), (64, "45-64", "BME"), (15, "Under 16", None), (16, "16-44", None),
        (None, None, None)]

    def answer(name):
        return {c.label: c.count for c in answered.facets[name]}

    assert answer("area") == {"Area A": 2, "Area B": 1, "Area D": 0, "Area E": 1, "Not known": 1}
    assert answer("interests") == {**{o.label: 0 for o in CAT.options["interests"]}, "Money advice": 2,
                                   "Youth activities": 1, "Not known": 3}
    assert answer("equality_group") == {"White British": 1, "BME": 1, "Not known": 3}
    assert answer("has_mobile") == {"Yes": 1, "No": 4, "Not known": 0}
    assert answer("custom.allotment_holder") == {"Yes": 1, "No": 0, "Not known": 4}
    by_band = answer("age_band")
    assert by_band == {"Under 16": 1, "16-44": 1, "45-64": 1, "65+": 1, "Not known": 1}
    for band in ("Under 16", "16-44", "45-64", "65+"):  # the facet and the rows tell the same story
        assert by_band[band] == sum(1 for r in rows if r["age_band"] == band)
    assert all(age_band(age_on(dt.date.fromisoformat(d["date_of_birth"]), TODAY), CAT.settings.age_bands)
               == r["age_band"] for d, r in zip(result.items, rows) if d["date_of_birth"])

    deep = index.search(INDEX, "L1", build_request({"age": {"min": 16}}, Page(size=1, number=2, sort=[SortKey("age", True)]),
                                                   CAT, TODAY))
    assert deep.total == 3 and [d["personal_ref"] for d in deep.items] == ["P2"]
    index.close()
