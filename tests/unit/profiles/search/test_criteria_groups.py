"""The criteria beyond a person's own record: picked people, any_of, household facts,
admin and activity groups, participation, search templates. Clauses are checked,
and people built by the domain rules with the facts households and groups send are
searched in the embedded index (SQLite in tmp_path)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from services.common.search import AllOf, AnyOf, Not, Prefix, Range, Term
from services.profiles.domain import Person
from services.profiles.facts.domain import GroupFacts, HouseholdFacts, PersonFacts
from services.profiles.search.criteria import Translator
from services.profiles.search.document import document
from services.profiles.setup.domain import Catalogue, CustomField, Option
from tests.unit.profiles.search import criteria_support
from tests.unit.profiles.search.criteria_support import CAT, CREATED, TODAY, oid

HOUSEHOLD_CUSTOM = [CustomField("00000000-0000-4000-8000-000000000101", "bedrooms", "Bedrooms", "number", 7,
                                applies_to="property"),
                    CustomField("00000000-0000-4000-8000-000000000102", "property_type", "Property type", "choice", 8,
                                applies_to="property"),
                    CustomField("00000000-0000-4000-8000-000000000103", "has_garden", "Garden", "yes_no", 9,
                                applies_to="household")]
TYPES = [Option("o-pt-1", "custom.property_type", "Flat", 1), Option("o-pt-2", "custom.property_type", "House", 2)]
HCAT = Catalogue({**CAT.options, "custom.property_type": TYPES},
                 {**CAT.custom_fields, **{d.key: d for d in HOUSEHOLD_CUSTOM}}, CAT.settings)
BEDROOMS, PROPERTY_TYPE, GARDEN = (d.field_id for d in HOUSEHOLD_CUSTOM)
G1, G2, A1, A2 = "group-1", "group-2", "activity-1", "activity-2"


def translate(criteria):
    translator = Translator(HCAT, TODAY)
    return translator.clauses(criteria), translator.problems


def clauses(criteria):
    out, problems = translate(criteria)
    assert problems == []
    return out


def problems(criteria) -> dict[str, str]:
    return {p.field: p.reason for p in translate(criteria)[1]}


class People(criteria_support.People):
    """People with household and groups facts, indexed as the service indexes them."""

    def add(self, household: HouseholdFacts | None = None, groups: dict | None = None, **raw) -> str:
        return super().add(facts=PersonFacts(household, GroupFacts("", 1, **groups) if groups else None), **raw)


@pytest.fixture
def people(tmp_path):
    people = People(tmp_path, HCAT)
    yield people
    people.index.close()


def household(household_id: str, count: int, youngest: dt.date | None = None, **custom) -> HouseholdFacts:
    return HouseholdFacts(household_id, 1, (), count, youngest, {k: tuple(v) for k, v in custom.items()})


# -- picked people and any_of ------------------------------------------------------------------------------------------

def test_person_id_is_any_of_these_people(people):
    clause = clauses({"person_id": ["p-1", " p-2 ", "p-1"]})[0]
    assert clause == Term("id", ["p-1", "p-2"])
    assert problems({"person_id": []}) == {"criteria.person_id": "must be a list of 1 to 65,536 ids"}
    assert set(problems({"person_id": "p-1", "household_id": [""], "admin_group": [3]})) == {
        "criteria.person_id", "criteria.household_id", "criteria.admin_group"}


def test_any_of_ors_criteria_objects_with_no_status_of_their_own():
    assert clauses({"any_of": [{"area": ["Area A"]}, {"surname": "Ex", "status": ["archived"]}]}) == [
        AnyOf([Term("area", [oid("area", "Area A")]), AllOf([Prefix("surname", "Ex"), Term("status", ["archived"])])]),
        Term("status", ["current"])]


def test_any_of_finds_anybody_matching_one_of_them(people):
    north = people.add(area="Area A", surname="North")
    south = people.add(area="Area B", surname="South")
    other = people.add(area="Area C")
    gone = people.add(area="Area A", status="archived")
    assert people.found({"any_of": [{"area": ["Area A"]}, {"surname": "sou"}]}) == {north, south}
    assert people.found({"status": ["current", "archived"], "any_of": [{"area": ["Area A"]}]}) == {north, gone}
    assert people.found({"status": ["current", "archived"], "any_of": [{"status": ["archived"]}]}) == {gone}
    assert people.found({"any_of": [{}]}) == {north, south, other}
    assert people.found({"any_of": [{"any_of": [{"surname": "north"}]}, {"any_of": [{"surname": "south"}]}]}) == {
        north, south}


def test_problems_inside_any_of_say_which_object():
    assert problems({"any_of": [{"area": ["Area A"]}, {"tenancy_type": ["Council flat"]}]}) == {
        "criteria.any_of[1].tenancy_type": "'Council flat' is not an option of the list 'tenancy_type'"}
    assert problems({"any_of": [{"any_of": [{}, {"shoe_size": 9}]}]}) == {
        "criteria.any_of[0].any_of[1].shoe_size": "unknown criterion"}
    assert problems({"any_of": ["area"]}) == {"criteria.any_of[0]": "must be an object"}
    assert problems({"any_of": []}) == {"criteria.any_of": "must be a list of 1 to 100 criteria objects"}
    assert list(problems({"any_of": [{"area": "Area A"}], "shoe_size": 1})) == [
        "criteria.any_of[0].area", "criteria.shoe_size"]
    deep: dict = {"area": ["Area A"]}
    for _ in range(11):
        deep = {"any_of": [deep]}
    assert problems(deep) == {"criteria" + ".any_of[0]" * 10 + ".any_of": "nests more than 10 deep"}


def test_search_templates_must_be_expanded_first():
    assert problems({"search_template": ["t-1"]}) == {
        "criteria.search_template": "must be expanded by the groups service"}
    assert problems({"any_of": [{"search_template": ["t-1"]}]}) == {
        "criteria.any_of[0].search_template": "must be expanded by the groups service"}


# -- households --------------------------------------------------------------------------------------------------------

def test_household_occupants_and_id(people):
    single = people.add(household("h-1", 1))
    couple = people.add(household("h-2", 2))
    family = people.add(household("h-3", 5))
    nowhere = people.add()
    assert people.found({"household": {"occupants": {"min": 2}}}) == {couple, family}
    assert people.found({"household": {"occupants": {"max": 2.0}}}) == {single, couple}
    assert people.found({"household": {"occupants": {"min": 2, "max": 2}}}) == {couple}
    assert people.found({"household_id": ["h-1", "h-3"]}) == {single, family}
    assert nowhere not in people.found({"household": {"occupants": {"min": 0}}})


def test_child_under_means_someone_in_the_household_is_younger_than_that(people):
    def born(years_ago: int, days: int = 0) -> dt.date:
        return TODAY.replace(year=TODAY.year - years_ago) + dt.timedelta(days=days)
    sixteen_today = people.add(household("h-1", 2, born(16)))
    sixteen_tomorrow = people.add(household("h-2", 2, born(16, days=1)))
    baby = people.add(household("h-3", 3, born(0, days=-30)))
    people.add(household("h-4", 1, None))  # nobody with a date of birth
    assert clauses({"household": {"child_under": 16}})[0] == Range("household_youngest_dob",
                                                                    gte=born(16, days=1).isoformat())
    assert people.found({"household": {"child_under": 16}}) == {sixteen_tomorrow, baby}
    assert people.found({"household": {"child_under": 17}}) == {sixteen_today, sixteen_tomorrow, baby}
    assert people.found({"household": {"child_under": 1}}) == {baby}


@pytest.mark.parametrize("value", [0, 26, 2.5, "16", True, None])
def test_child_under_is_1_to_25_years(value):
    if value is None:
        assert problems({"household": {"child_under": None}}) == {}
        return
    assert problems({"household": {"child_under": value}}) == {
        "criteria.household.child_under": "must be a whole number of years, 1 to 25"}


def test_household_custom_fields_take_property_and_household_fields(people):
    big_flat = people.add(household("h-1", 2, **{BEDROOMS: ["4"], PROPERTY_TYPE: ["o-pt-1"], GARDEN: ["true"]}))
    small_house = people.add(household("h-2", 2, **{BEDROOMS: ["1.0"], PROPERTY_TYPE: ["o-pt-2"]}))
    unknown = people.add(household("h-3", 1))
    assert people.found({"household": {"custom": {"bedrooms": {"min": 3}}}}) == {big_flat}
    assert people.found({"household": {"custom": {"property_type": ["House", "Not known"]}}}) == {small_house, unknown}
    assert people.found({"household": {"custom": {"has_garden": True}, "occupants": {"min": 2}}}) == {big_flat}


def test_person_and_household_custom_fields_do_not_mix():
    assert problems({"custom": {"bedrooms": {"min": 1}}, "household": {"custom": {"allotment_holder": True}}}) == {
        "criteria.custom.bedrooms": "is not a custom field of people",
        "criteria.household.custom.allotment_holder": "is not a custom field of properties or households"}
    assert problems({"household": {"custom": {"property_type": ["Castle"], "bedrooms": {"min": "x"}}}}) == {
        "criteria.household.custom.property_type": "'Castle' is not an option of the list 'custom.property_type'",
        "criteria.household.custom.bedrooms.min": "is not a valid value"}


def test_household_problems_are_named():
    assert problems({"household": {}}) == {
        "criteria.household": "must be an object with occupants, child_under and/or custom"}
    assert set(problems({"household": {"occupants": {"min": -1}, "rooms": 3, "custom": []}})) == {
        "criteria.household.occupants.min", "criteria.household.rooms", "criteria.household.custom"}
    assert problems({"household": {"occupants": {"min": 4, "max": 2}}}) == {
        "criteria.household.occupants": "min must not be more than max"}


# -- groups and participation ------------------------------------------------------------------------------------------

def test_admin_groups_and_activities_in_and_not_in(people):
    ann = people.add(groups={"admin_group_ids": (G1,), "activity_ids": (A1,)})
    ben = people.add(groups={"admin_group_ids": (G1, G2), "activity_ids": (A2,)})
    cal = people.add()
    assert clauses({"not_admin_group": [G1]})[0] == Not(Term("admin_groups", [G1]))
    assert people.found({"admin_group": [G2]}) == {ben}
    assert people.found({"admin_group": [G1, G2]}) == {ann, ben}
    assert people.found({"not_admin_group": [G2]}) == {ann, cal}
    assert people.found({"activity": [A1]}) == {ann}
    assert people.found({"not_activity": [A1, A2]}) == {cal}
    assert people.found({"admin_group": [G1], "not_activity": [A2]}) == {ann}


def test_participated_in_a_date_range_of_any_or_some_activities(people):
    ann = people.add(groups={"participations": ((A1, "2025-03-01"), (A2, "2023-05-05"))})
    ben = people.add(groups={"participations": ((A2, "2024-06-01"),)})
    people.add(groups={"activity_ids": (A1,)})  # linked by hand, no participation record
    assert people.found({"participated": {"since": "2025-01-01"}}) == {ann}
    assert people.found({"participated": {"until": "2024-06-01"}}) == {ann, ben}
    assert people.found({"participated": {"since": "2024-01-01", "until": "2024-12-31"}}) == {ben}
    assert people.found({"participated": {"activity": [A2], "since": "2024-01-01"}}) == {ben}
    assert people.found({"participated": {"activity": [A2], "until": "2023-05-05"}}) == {ann}
    assert people.found({"participated": {"activity": [A1]}}) == {ann}
    assert people.found({"participated": {"activity": [A1, A2], "since": "2024-01-01"}}) == {ann, ben}
    assert people.found({"participated": {"activity": [A1], "until": "2024-12-31"}}) == set()


def test_participated_problems_are_named():
    assert problems({"participated": {}}) == {"criteria.participated": 'must be {"activity": [ids], "since": date, '
                                                                        '"until": date} with at least one of them'}
    assert problems({"participated": {"since": "2025-02-30", "until": "1/1/2025"}}) == {
        "criteria.participated.since": "must be a date YYYY-MM-DD",
        "criteria.participated.until": "must be a date YYYY-MM-DD"}
    assert problems({"participated": {"since": "2025-02-01", "until": "2025-01-01"}}) == {
        "criteria.participated": "since must not be after until"}
    assert problems({"participated": {"activity": []}}) == {
        "criteria.participated.activity": "must be a list of 1 to 1,000 ids"}
    assert problems({"participated": {"activity": ["a:b"]}}) == {
        "criteria.participated.activity": "an activity id has no ':'"}
    assert problems({"participated": {"activity": None}}) == {"criteria.participated": "give since, until or activity"}


def test_the_document_holds_the_facts():
    person = Person.add(landlord_id="L1", raw={"personal_ref": "P1", "first_name": "Jo", "surname": "Example"},
                        catalogue=HCAT, created_by="U1", now=CREATED)
    facts = PersonFacts(
        HouseholdFacts("h-1", 3, ("p-1",), 1, dt.date(2015, 4, 1), {BEDROOMS: ("3",), PROPERTY_TYPE: ("o-pt-2",),
                                                                      GARDEN: ("maybe",)}),
        GroupFacts(person.person_id, 2, (G2, G1, G1), (A1,), ((A2, "2024-06-01"), (A1, "2025-01-02"), (A2, "2024-06-01"))))
    doc = document(person, HCAT, facts)
    assert {k: doc[k] for k in ("household_id", "household_occupants", "household_youngest_dob", "admin_groups",
                                "activities", "participations", "participation_dates")} == {
        "household_id": "h-1", "household_occupants": 1, "household_youngest_dob": "2015-04-01",
        "admin_groups": [G1, G2], "activities": [A1], "participations": [f"{A1}:2025-01-02", f"{A2}:2024-06-01"],
        "participation_dates": ["2024-06-01", "2025-01-02"]}
    by_key = {d.key: doc[d.index_field] for d in HOUSEHOLD_CUSTOM}
    assert by_key == {"bedrooms": 3, "property_type": "o-pt-2", "has_garden": None}  # "maybe" is no yes/no
    bare = document(person, HCAT)  # no facts: the person's own fields only
    assert not {"household_id", "admin_groups", "participations"} & set(bare)
    assert bare[HOUSEHOLD_CUSTOM[0].index_field] is None
    moved = document(person, HCAT, dataclasses.replace(facts, household=None))
    assert "household_occupants" not in moved and moved["admin_groups"] == [G1, G2]
