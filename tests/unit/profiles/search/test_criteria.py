"""Criteria (the shared JSON filter) -> index clauses. Each rule is checked on the
clauses it makes and, where it matters, against real person documents held in the
embedded search index (SQLite in tmp_path), so a criterion is proven to find the
right people and not only to have the right shape. General rules, option fields, the
equality group and custom fields here; ages in test_criteria_ages.py, text, flags and
dates in test_criteria_text.py."""
from __future__ import annotations

import pytest

from services.common.criteria import CRITERIA_SCHEMA
from services.common.errors import FieldProblem
from services.common.search import AnyOf, Exists, Not, Range, Term
from services.profiles.setup.defaults import WHITE_BRITISH
from services.profiles.setup.domain import Catalogue, Option
from tests.unit.profiles.search.criteria_support import CAT, CUSTOM, People, clauses, fields_of, oid, translate


# -- general -----------------------------------------------------------------------------------------------------------

def test_no_criteria_means_everybody_current():
    assert clauses({}) == [Term("status", ["current"])]


def test_a_status_given_replaces_the_current_only_default():
    assert clauses({"status": ["archived"]}) == [Term("status", ["archived"])]
    assert clauses({"status": ["current", "archived"]}) == [Term("status", ["current", "archived"])]
    assert clauses({"status": None}) == [Term("status", ["current"])]


def test_archived_people_are_found_only_when_asked_for(people):
    current, archived = people.add(), people.add(status="archived")
    assert people.found({}) == {current}
    assert people.found({"status": ["archived"]}) == {archived}
    assert people.found({"status": ["current", "archived"]}) == {current, archived}


def test_an_unknown_criterion_is_named():
    assert fields_of({"shoe_size": [9]}) == {"criteria.shoe_size": "unknown criterion"}


def test_criteria_must_be_an_object():
    assert translate(["surname"])[1] == [FieldProblem("criteria", "must be an object")]


def test_every_bad_criterion_is_named_at_once():
    assert set(fields_of({"shoe_size": 9, "status": ["gone"], "personal_ref": "A1", "tenancy_type": ["Council flat"],
                          "age": {"min": 70, "max": 65}, "has_email": "yes", "custom": {"hair_colour": ["Red"]},
                          "date_of_birth": {"min": "01/01/1950"}, "surname": " "})) == {
        "criteria.shoe_size", "criteria.status", "criteria.personal_ref", "criteria.tenancy_type", "criteria.age",
        "criteria.has_email", "criteria.custom.hair_colour", "criteria.date_of_birth.min", "criteria.surname"}


EXAMPLES = {  # criteria whose example value is not guessed from the schema
    "custom": {}, "any_of": [{"area": ["Area A"]}], "household": {"occupants": {"min": 2}},
    "participated": {"since": "2025-01-01"}, "contacted": {"code": ["phoned"]}, "not_contacted": {},
    "action": {"overdue": True}, "referred": {"in_work": True}, "not_referred": {},
}


def _example(name: str, spec: dict):
    if name in EXAMPLES:
        return EXAMPLES[name]
    if spec.get("items", {}).get("minLength") == 1:  # ids
        return ["3f1c2a8e-0000-4000-8000-000000000001"]
    if name == "status":
        return ["current"]
    if name == "equality_group":
        return ["BME"]
    if name == "age_band":
        return ["65+"]
    if spec.get("type") == "boolean":
        return True
    if spec.get("type") == "array":
        return ["Not known"] if name != "personal_ref" else ["A1"]
    if spec.get("type") == "object":
        return {"min": 65} if name == "age" else {"min": "1950-01-01"}
    return "a"


@pytest.mark.parametrize("name", sorted(set(CRITERIA_SCHEMA["properties"]) - {"search_template"}))
def test_every_criterion_of_the_shared_schema_is_understood(name):
    """The JSON schema other services and the OpenAPI document see is the one profiles reads."""
    assert translate({name: _example(name, CRITERIA_SCHEMA["properties"][name])})[1] == []


def test_every_criterion_of_the_shared_schema_is_described():
    for name, spec in CRITERIA_SCHEMA["properties"].items():
        assert spec.get("description"), name


# -- option fields -----------------------------------------------------------------------------------------------------

def test_option_labels_become_option_ids():
    assert clauses({"tenancy_type": ["General needs", "sheltered "]})[0] == Term(
        "tenancy_type", [oid("tenancy_type", "General needs"), oid("tenancy_type", "Sheltered")])


def test_not_known_matches_a_blank():
    assert clauses({"area": ["Not known"]})[0] == Not(Exists("area"))
    assert clauses({"area": ["Area A", "not known"]})[0] == AnyOf([Term("area", [oid("area", "Area A")]),
                                                                   Not(Exists("area"))])


def test_an_unknown_label_names_the_criterion_the_label_and_the_list():
    out, problems = translate({"tenancy_type": ["General needs", "Council flat"]})
    assert problems == [FieldProblem("criteria.tenancy_type",
                                     "'Council flat' is not an option of the list 'tenancy_type'")]


@pytest.mark.parametrize("value", [[], "General needs", [1]])
def test_an_option_criterion_is_a_non_empty_list_of_labels(value):
    assert list(fields_of({"tenancy_type": value})) == ["criteria.tenancy_type"]


def test_people_who_keep_an_archived_option_can_still_be_found(tmp_path):
    before = Catalogue({**CAT.options, "area": [Option(o.option_id, "area", o.label, o.position) for o in
                                                CAT.options["area"]]}, CAT.custom_fields)
    people = People(tmp_path, before)
    kept = people.add(area="Area Z")
    people.add(area="Area A")
    people.cat = CAT  # Area Z archived since
    assert clauses({"area": ["Area Z"]})[0] == Term("area", ["o-area-old"])
    assert people.found({"area": ["area z"]}) == {kept}
    people.index.close()


def test_option_criteria_find_the_right_people(people):
    sheltered = people.add(tenancy_type="Sheltered", interests=["Money advice", "Digital inclusion"])
    general = people.add(tenancy_type="General needs", interests=["Youth activities"])
    blank = people.add()
    assert people.found({"tenancy_type": ["Sheltered"]}) == {sheltered}
    assert people.found({"tenancy_type": ["Sheltered", "General needs"]}) == {sheltered, general}
    assert people.found({"tenancy_type": ["Not known"]}) == {blank}
    assert people.found({"interests": ["Digital inclusion"]}) == {sheltered}
    assert people.found({"interests": ["Not known"]}) == {blank}
    assert people.found({"interests": ["Youth activities", "Not known"]}) == {general, blank}
    assert people.found({"tenancy_type": ["Sheltered"], "interests": ["Youth activities"]}) == set()


# -- equality group --------------------------------------------------------------------------------------------------

def test_bme_means_every_ethnicity_of_the_bme_group():
    bme = [o.option_id for o in CAT.options["ethnicity"] if o.group == "BME"]
    assert len(bme) == 18
    assert clauses({"equality_group": ["BME"]})[0] == Term("ethnicity", bme)
    assert clauses({"equality_group": ["white british"]})[0] == Term("ethnicity", [oid("ethnicity", WHITE_BRITISH)])


def test_equality_group_not_known_means_blank_or_an_ethnicity_with_no_group():
    assert clauses({"equality_group": ["Not known"]})[0] == AnyOf(
        [Term("ethnicity", [oid("ethnicity", "Prefer not to say")]), Not(Exists("ethnicity"))])


def test_an_unknown_equality_group_is_named():
    assert list(fields_of({"equality_group": ["Asian"]})) == ["criteria.equality_group"]


def test_equality_group_criteria_find_the_right_people(people):
    white_british = people.add(ethnicity=WHITE_BRITISH)
    irish = people.add(ethnicity="White: Irish")
    indian = people.add(ethnicity="Asian, Asian British or Asian Welsh: Indian")
    refused = people.add(ethnicity="Prefer not to say")
    blank = people.add()
    assert people.found({"equality_group": ["BME"]}) == {irish, indian}
    assert people.found({"equality_group": ["White British"]}) == {white_british}
    assert people.found({"equality_group": ["Not known"]}) == {refused, blank}
    assert people.found({"equality_group": ["White British", "Not known"]}) == {white_british, refused, blank}


# -- custom fields ---------------------------------------------------------------------------------------------------

def test_custom_criteria_use_the_fields_own_index_field():
    yes_no, choice = CUSTOM["allotment_holder"], CUSTOM["newsletter_format"]
    assert clauses({"custom": {"allotment_holder": True}})[0] == Term(yes_no.index_field, [True])
    assert clauses({"custom": {"newsletter_format": ["Email", "Not known"]}})[0] == AnyOf(
        [Term(choice.index_field, [oid("custom.newsletter_format", "Email")]), Not(Exists(choice.index_field))])
    assert clauses({"custom": {"number_of_pets": {"min": 1, "max": 2.5}}})[0] == Range(
        CUSTOM["number_of_pets"].index_field, gte=1, lte=2.5)
    assert clauses({"custom": {"tenancy_start": {"min": "2020-01-01"}}})[0] == Range(
        CUSTOM["tenancy_start"].index_field, gte="2020-01-01", lte=None)


@pytest.mark.parametrize("custom, where", [
    ({"hair_colour": ["Red"]}, "criteria.custom.hair_colour"),
    ({"allotment_holder": "yes"}, "criteria.custom.allotment_holder"),
    ({"newsletter_format": ["Fax"]}, "criteria.custom.newsletter_format"),
    ({"number_of_pets": {"min": "one"}}, "criteria.custom.number_of_pets.min"),
    ({"number_of_pets": {"min": 3, "max": 1}}, "criteria.custom.number_of_pets"),
    ({"tenancy_start": {"min": "1 May 2020"}}, "criteria.custom.tenancy_start.min"),
    ({"support_notes": ""}, "criteria.custom.support_notes"),
])
def test_bad_custom_criteria_are_named(custom, where):
    assert where in fields_of({"custom": custom})


def test_custom_criteria_find_the_right_people(people):
    gardener = people.add(custom={"allotment_holder": True, "skills": ["Gardening"], "number_of_pets": 2,
                                  "tenancy_start": "2019-04-01", "newsletter_format": "Paper",
                                  "support_notes": "Needs a call first"})
    handy = people.add(custom={"allotment_holder": False, "skills": ["DIY", "Gardening"], "number_of_pets": 0,
                               "tenancy_start": "2021-06-30", "newsletter_format": "Email"})
    blank = people.add()
    assert people.found({"custom": {"allotment_holder": True}}) == {gardener}
    assert people.found({"custom": {"allotment_holder": False}}) == {handy}
    assert people.found({"custom": {"skills": ["Gardening"]}}) == {gardener, handy}
    assert people.found({"custom": {"skills": ["Not known"]}}) == {blank}
    assert people.found({"custom": {"newsletter_format": ["Paper", "Not known"]}}) == {gardener, blank}
    assert people.found({"custom": {"number_of_pets": {"min": 1}}}) == {gardener}
    assert people.found({"custom": {"number_of_pets": {"max": 0}}}) == {handy}
    assert people.found({"custom": {"tenancy_start": {"min": "2019-04-01", "max": "2021-06-29"}}}) == {gardener}
    assert people.found({"custom": {"tenancy_start": {"max": "2021-06-30"}}}) == {gardener, handy}
    assert people.found({"custom": {"support_notes": "needs"}}) == {gardener}
    assert people.found({"custom": {"skills": ["DIY"], "allotment_holder": True}}) == set()
