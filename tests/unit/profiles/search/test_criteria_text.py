"""Criteria -> index clauses: text, field text, contact flags, date of birth ranges and personal
references, checked on the clauses and against real person documents in the embedded search index."""
from __future__ import annotations

from services.common.search import Prefix, Range, Term
from tests.unit.profiles.search.criteria_support import clauses, fields_of


# -- text, flags, dates ------------------------------------------------------------------------------------------------

def test_each_word_of_the_text_must_start_a_word_of_the_record():
    assert clauses({"text": "Mary  ACACIA,"})[:2] == [Prefix("words", "mary"), Prefix("words", "acacia")]
    assert list(fields_of({"text": "x" * 201})) == ["criteria.text"]


def test_text_search_finds_names_references_addresses_and_postcodes(people):
    mary = people.add(first_name="Mary Ann", surname="O'Brien", address_line_1="12 Acacia Avenue", postcode="LS1 4AP")
    other = people.add(first_name="Maryam", surname="Khan", address_line_1="3 Beech Road", postcode="LS14 6AA",
                       personal_ref="AB/77")
    assert people.found({"text": "acacia"}) == {mary}
    assert people.found({"text": "mary"}) == {mary, other}
    assert people.found({"text": "mary o'brien"}) == {mary}
    assert people.found({"text": "LS1 4AP"}) == {mary}
    assert people.found({"text": "ls14ap"}) == {mary}
    assert people.found({"text": "ls1"}) == {mary, other}
    assert people.found({"text": "ab/77"}) == {other}
    assert people.found({"text": "avenue beech"}) == set()


def test_field_text_criteria_match_the_start_in_any_case(people):
    smith = people.add(surname="Smith-Jones", email="SJ@example.org", postcode="LS1 4AP")
    people.add(surname="Goldsmith")
    assert clauses({"surname": " smi "})[0] == Prefix("surname", "smi")
    assert people.found({"surname": "smith"}) == {smith}
    assert people.found({"email": "sj@"}) == {smith}
    assert people.found({"postcode": "ls1 4"}) == {smith}


def test_flags_find_who_can_be_reached(people):
    mobile = people.add(mobile="07700 900123", email="jo@example.org")
    landline = people.add(phone="0113 496 0000", alt_contact_name="Sam")
    nothing = people.add()
    assert clauses({"has_mobile": True})[0] == Term("has_mobile", [True])
    assert people.found({"has_mobile": True}) == {mobile}
    assert people.found({"has_mobile": False}) == {landline, nothing}
    assert people.found({"has_email": True}) == {mobile}
    assert people.found({"has_phone": True}) == {mobile, landline}
    assert people.found({"has_alternative_contact": True}) == {landline}
    assert list(fields_of({"has_mobile": "yes"})) == ["criteria.has_mobile"]


def test_a_date_of_birth_range_includes_both_ends(people):
    first = people.add(date_of_birth="1950-01-01")
    last = people.add(date_of_birth="1959-12-31")
    people.add(date_of_birth="1960-01-01")
    people.add(date_of_birth="1949-12-31")
    assert clauses({"date_of_birth": {"min": "1950-01-01", "max": "1959-12-31"}})[0] == Range(
        "date_of_birth", gte="1950-01-01", lte="1959-12-31")
    assert people.found({"date_of_birth": {"min": "1950-01-01", "max": "1959-12-31"}}) == {first, last}
    assert "criteria.date_of_birth" in fields_of({"date_of_birth": {"min": "1960-01-01", "max": "1950-01-01"}})


def test_personal_references_are_matched_exactly(people):
    ref = people.add()
    people.add()
    assert people.found({"personal_ref": [f" {ref} "]}) == {ref}
