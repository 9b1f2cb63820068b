"""Open follow-up actions as criteria, on real documents in the embedded index: `action` with open (true or
false), overdue (as of the landlord's date, the date in the UK) and due_until; the document's due dates; the
shared schema's shape; bad shapes are named."""
import datetime as dt

import jsonschema
import pytest

from services.common.criteria import CRITERIA_SCHEMA
from services.common.dates import landlord_today
from services.common.search import Exists, Not, Range
from services.profiles.domain import Person
from services.profiles.facts.domain import ActionFacts, PersonFacts
from services.profiles.search.criteria import Translator
from services.profiles.search.document import document
from tests.unit.profiles.search.criteria_support import CAT, TODAY, clauses, fields_of

DUE = "action_due_dates"


def _open(*due_dates: str) -> PersonFacts:
    return PersonFacts(actions=ActionFacts("p", 3, tuple(due_dates)))


def _translated(criteria, landlord_date: dt.date):
    translator = Translator(CAT, TODAY, landlord_date)
    return translator.clauses(criteria), translator.problems


def test_the_document_holds_the_distinct_due_dates_of_open_actions_and_none_without_any():
    person = Person.add(landlord_id="L1", raw={"personal_ref": "A1", "first_name": "Jo", "surname": "Example"},
                        catalogue=CAT, created_by="U1", now=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    assert document(person, CAT, _open("2026-03-02", "2026-02-01", "2026-03-02"))[DUE] == ["2026-02-01", "2026-03-02"]
    assert DUE not in document(person, CAT, _open())
    assert DUE not in document(person, CAT)


def test_each_part_becomes_clauses_on_the_due_dates():
    assert clauses({"action": {"open": True}})[0] == Exists(DUE)
    assert clauses({"action": {"open": False}})[0] == Not(Exists(DUE))
    assert clauses({"action": {"overdue": True}})[0] == Range(DUE, lte="2026-02-28")  # before TODAY, 1 March
    assert clauses({"action": {"overdue": False}})[0] == Not(Range(DUE, lte="2026-02-28"))
    assert clauses({"action": {"due_until": "2026-03-31"}})[0] == Range(DUE, lte="2026-03-31")
    assert clauses({"action": {"open": True, "overdue": True, "due_until": "2026-01-31"}})[0] == Range(
        DUE, lte="2026-01-31"), "both bounds: the earlier"
    assert clauses({"action": {"open": True, "overdue": False}})[:2] == [Exists(DUE), Not(Range(DUE, lte="2026-02-28"))]


def test_overdue_is_as_of_the_landlord_date_not_the_clocks_utc_date():
    late_evening_in_summer = dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.timezone.utc)  # 00:30 on 1 July in London
    london = landlord_today(late_evening_in_summer)
    assert london == dt.date(2026, 7, 1)
    found, problems = _translated({"action": {"overdue": True}}, london)
    assert problems == [] and found[0] == Range(DUE, lte="2026-06-30")


def test_people_are_found_by_their_open_actions(people):
    overdue = people.add(facts=_open("2026-02-27", "2026-04-01"))
    due_today = people.add(facts=_open("2026-03-01"))
    later = people.add(facts=_open("2026-05-01"))
    none_open = people.add(facts=_open())
    never = people.add()
    assert people.found({"action": {"open": True}}) == {overdue, due_today, later}
    assert people.found({"action": {"open": False}}) == {none_open, never}
    assert people.found({"action": {"overdue": True}}) == {overdue}
    assert people.found({"action": {"overdue": False}}) == {due_today, later, none_open, never}
    assert people.found({"action": {"open": True, "overdue": False}}) == {due_today, later}
    assert people.found({"action": {"due_until": "2026-03-01"}}) == {overdue, due_today}
    assert people.found({"action": {"due_until": "2026-04-30", "overdue": False}}) == {due_today}
    assert people.found({"any_of": [{"action": {"overdue": True}}, {"action": {"due_until": "2026-12-31"},
                                                                   "personal_ref": [later]}]}) == {overdue, later}


def test_a_day_later_what_was_due_today_is_overdue(people):
    due = people.add(facts=_open("2026-03-01"))
    assert people.found({"action": {"overdue": True}}) == set()
    assert people.found({"action": {"overdue": True}}, today=TODAY + dt.timedelta(days=1)) == {due}


def test_action_problems_are_named():
    assert set(fields_of({"action": {}})) == {"criteria.action"}
    assert set(fields_of({"action": True})) == {"criteria.action"}
    assert set(fields_of({"action": {"open": True, "late": True}})) == {"criteria.action"}
    assert set(fields_of({"action": {"open": "yes", "overdue": 1, "due_until": "31/03/2026"}})) == {
        "criteria.action.open", "criteria.action.overdue", "criteria.action.due_until"}
    assert set(fields_of({"action": {"open": False, "overdue": True}})) == {"criteria.action.open"}
    assert set(fields_of({"action": {"open": False, "due_until": "2026-03-31"}})) == {"criteria.action.open"}
    assert set(fields_of({"any_of": [{"action": {"due_until": "2026-02-30"}}]})) == {
        "criteria.any_of[0].action.due_until"}


@pytest.mark.parametrize("criterion, valid", [
    ({"open": True}, True), ({"open": False}, True), ({"overdue": True, "due_until": "2026-03-31"}, True),
    ({}, False), ({"open": "yes"}, False), ({"late": True}, False), ({"due_until": 20260331}, False)])
def test_the_shared_schema_takes_the_action_shape(criterion, valid):
    validator = jsonschema.Draft202012Validator(CRITERIA_SCHEMA)
    assert validator.is_valid({"action": criterion}) is valid


def test_the_contacted_criterion_says_interaction_types_are_communication_codes():
    assert "interaction types are communication codes" in CRITERIA_SCHEMA["properties"]["contacted"]["description"]
