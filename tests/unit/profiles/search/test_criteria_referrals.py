"""Referral history as criteria, on real documents in the embedded index: `referred` to providers, in a date range,
wanting support or not, in work after it or not ({} is any referral) and `not_referred` ({} is never referred);
the document's referral keys; the shared schema's shape; bad shapes are named."""
import datetime as dt

import jsonschema
import pytest

from services.common.criteria import CRITERIA_SCHEMA
from services.common.search import AnyOf, Exists, Not, Range
from services.profiles.domain import Person
from services.profiles.facts.domain import PersonFacts, Referral, referral_values
from services.profiles.search.document import document
from tests.unit.profiles.search.criteria_support import CAT, clauses, fields_of

WORKS, TRAINS = "3f1c2a8e-0000-4000-8000-0000000000a1", "3f1c2a8e-0000-4000-8000-0000000000b2"


def _referred(*referrals) -> PersonFacts:
    return PersonFacts(referrals=tuple(referrals))


def test_a_referral_becomes_a_key_of_every_kind_it_is():
    assert referral_values([Referral(WORKS, True, "2026-02-01", "2026-02-20")]) == sorted(
        f"{p}.{s}.{w}:2026-02-01" for p in (WORKS, "*") for s in ("yes", "*") for w in ("work", "*"))
    assert referral_values([("", False, "2026-01-05")]) == [  # a "no": no provider, not in work
        "*.*.*:2026-01-05", "*.*.nowork:2026-01-05", "*.no.*:2026-01-05", "*.no.nowork:2026-01-05"]


def test_the_document_holds_the_referral_keys_and_none_without_referrals():
    person = Person.add(landlord_id="L1", raw={"personal_ref": "A1", "first_name": "Jo", "surname": "Example"},
                        catalogue=CAT, created_by="U1", now=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    doc = document(person, CAT, _referred(Referral(WORKS, True, "2026-02-01"), Referral("", False, "2026-01-05")))
    assert f"{WORKS}.yes.nowork:2026-02-01" in doc["referrals"] and "*.no.*:2026-01-05" in doc["referrals"]
    assert "referrals" not in document(person, CAT)


def test_each_part_narrows_the_one_range_per_provider():
    assert clauses({"referred": {}})[0] == Exists("referrals")
    assert clauses({"not_referred": {}})[0] == Not(Exists("referrals"))
    assert clauses({"referred": {"provider": [WORKS], "since": "2026-01-01"}})[0] == Range(
        "referrals", gte=f"{WORKS}.*.*:2026-01-01", lte=f"{WORKS}.*.*:9999-12-31")
    assert clauses({"referred": {"in_work": True}})[0] == Range("referrals", gte="*.*.work:", lte="*.*.work:9999-12-31")
    assert clauses({"not_referred": {"provider": [WORKS, TRAINS], "wants_support": True, "until": "2026-02-28"}})[
        0] == Not(AnyOf([Range("referrals", gte=f"{p}.yes.*:", lte=f"{p}.yes.*:2026-02-28") for p in (WORKS, TRAINS)]))


def test_people_are_found_by_their_referrals(people):
    ada = people.add(facts=_referred(Referral(WORKS, True, "2026-01-10", "2026-02-15")))
    bea = people.add(facts=_referred(Referral(TRAINS, True, "2025-11-30"), Referral("", False, "2026-02-01")))
    cy = people.add(facts=_referred(Referral("", False, "2026-02-20")))
    dee = people.add()
    assert people.found({"referred": {}}) == {ada, bea, cy}
    assert people.found({"referred": {"provider": [WORKS]}}) == {ada}
    assert people.found({"referred": {"provider": [WORKS, TRAINS], "until": "2025-12-31"}}) == {bea}
    assert people.found({"referred": {"since": "2026-01-01", "wants_support": True}}) == {ada}
    assert people.found({"referred": {"wants_support": False}}) == {bea, cy}
    assert people.found({"referred": {"wants_support": False, "since": "2026-02-10"}}) == {cy}
    assert people.found({"referred": {"in_work": True}}) == {ada}
    assert people.found({"referred": {"wants_support": True, "in_work": False}}) == {bea}
    assert people.found({"referred": {"provider": [TRAINS], "in_work": True}}) == set(), "in work after that one"
    assert people.found({"not_referred": {}}) == {dee}
    assert people.found({"not_referred": {"in_work": True}}) == {bea, cy, dee}
    assert people.found({"referred": {}, "not_referred": {"wants_support": True}}) == {cy}
    assert people.found({"any_of": [{"referred": {"in_work": True}}, {"referred": {"until": "2025-12-31"}}]}) == {
        ada, bea}


def test_referred_problems_are_named():
    assert set(fields_of({"referred": []})) == {"criteria.referred"}
    assert set(fields_of({"referred": {"to": [WORKS]}})) == {"criteria.referred"}
    assert set(fields_of({"referred": {"provider": [], "since": "2026-02-30", "until": "1/1/2026",
                                       "wants_support": "yes", "in_work": 1}})) == {
        "criteria.referred.provider", "criteria.referred.since", "criteria.referred.until",
        "criteria.referred.wants_support", "criteria.referred.in_work"}
    assert set(fields_of({"not_referred": {"since": "2026-02-01", "until": "2026-01-01"}})) == {
        "criteria.not_referred"}
    assert set(fields_of({"referred": {"provider": ["a:b"]}})) == {"criteria.referred.provider"}
    assert set(fields_of({"referred": {"provider": ["*"]}})) == {"criteria.referred.provider"}
    assert set(fields_of({"any_of": [{"not_referred": {"in_work": "no"}}]})) == {
        "criteria.any_of[0].not_referred.in_work"}


@pytest.mark.parametrize("criterion, valid", [
    ({}, True), ({"provider": [WORKS], "since": "2026-01-01"}, True), ({"wants_support": False}, True),
    ({"in_work": True, "until": "2026-03-31"}, True), ({"provider": []}, False), ({"in_work": "yes"}, False),
    ({"to": [WORKS]}, False), ({"since": 20260101}, False)])
def test_the_shared_schema_takes_the_referred_shape(criterion, valid):
    validator = jsonschema.Draft202012Validator(CRITERIA_SCHEMA)
    assert validator.is_valid({"referred": criterion}) is valid
    assert validator.is_valid({"not_referred": criterion}) is valid
