"""The search document a person becomes: option ids, ISO dates and custom fields by index field,
the words text search matches, the contact flags, and communication records (with satisfaction scores) as keys."""
from __future__ import annotations

import pytest

from services.profiles.facts.domain import Contact, PersonFacts
from services.profiles.search.document import document, index_fields, words
from tests.unit.profiles.search.search_support import CAT, CUSTOM, oid, person


# -- the search document ----------------------------------------------------------------------------------------------

def test_the_document_holds_option_ids_iso_dates_and_custom_fields_by_index_field():
    somebody = person(title="Dr", date_of_birth="1950-05-05", interests=["Money advice"],
                      custom={"skills": ["DIY"], "tenancy_start": "2019-04-01", "number_of_pets": 2,
                              "allotment_holder": False})
    doc = document(somebody, CAT)
    assert doc["id"] == somebody.person_id
    assert doc["title"] == oid("title", "Dr")
    assert doc["interests"] == [oid("interests", "Money advice")]
    assert doc["date_of_birth"] == "1950-05-05"
    assert doc["status"] == "current"
    assert doc[CUSTOM["skills"].index_field] == [oid("custom.skills", "DIY")]
    assert doc[CUSTOM["tenancy_start"].index_field] == "2019-04-01"
    assert doc[CUSTOM["number_of_pets"].index_field] == 2
    assert doc[CUSTOM["allotment_holder"].index_field] is False
    assert doc[CUSTOM["newsletter_format"].index_field] is None
    assert set(doc) - {"id"} <= set(index_fields(CUSTOM.values()))


def test_the_words_hold_names_reference_address_and_postcode_with_and_without_its_space():
    doc = document(person(first_name="Mary Ann", surname="O'Brien", personal_ref="AB/12-3",
                          address_line_1="Flat 2, 12 Acacia Avenue", address_line_4="LEEDS", postcode="ls1 4ap"), CAT)
    assert doc["words"] == ["mary", "ann", "o'brien", "ab/12-3", "flat", "2", "12", "acacia", "avenue", "leeds",
                            "ls1", "4ap", "ls14ap"]
    assert doc["sort_surname"] == "o'brien" and doc["sort_first_name"] == "mary ann"


def test_words_drop_punctuation_around_words_and_repeats():
    assert words("(Acacia) Avenue;", "acacia", None, "") == ["acacia", "avenue"]


@pytest.mark.parametrize("mobile", ["07700 900123", "07700900123", "+44 7700 900123", "+447700900123",
                                    "07700-900123"])
def test_a_uk_mobile_number_can_take_texts(mobile):
    doc = document(person(mobile=mobile), CAT)
    assert doc["has_mobile"] is True and doc["has_phone"] is True


@pytest.mark.parametrize("mobile", ["0113 496 0000", "01632 960123", "+44 113 496 0000", "+33 6 12 34 56 78",
                                    "077009001234"])
def test_a_landline_or_foreign_number_in_the_mobile_field_cannot_take_texts(mobile):
    doc = document(person(mobile=mobile), CAT)
    assert doc["has_mobile"] is False and doc["has_phone"] is True


@pytest.mark.parametrize("mobile", ["07700 900 123", "0770 090 0123", "+44 (0)7700 900123"])
def test_a_uk_mobile_written_with_other_common_spacing_can_take_texts(mobile):
    assert document(person(mobile=mobile), CAT)["has_mobile"] is True


def test_email_phone_and_alternative_contact_flags():
    doc = document(person(email="jo@example.org", phone="0113 496 0000"), CAT)
    assert (doc["has_email"], doc["has_mobile"], doc["has_phone"], doc["has_alternative_contact"]) == (
        True, False, True, False)
    doc = document(person(email="jo@example.c0m", alt_contact_email="sam@example.org"), CAT)
    assert (doc["has_email"], doc["has_phone"], doc["has_alternative_contact"]) == (False, False, True)


# -- communication records --------------------------------------------------------------------------------------------

def test_communication_records_become_contact_keys_with_their_satisfaction_scores():
    facts = PersonFacts(contacts=(Contact("questionnaire", "completed", "2026-02-01", 7),
                                  Contact("questionnaire", "declined", "2026-01-05"),
                                  ("phoned", "no_answer", "2025-12-24")))  # a plain tuple reads as a record
    doc = document(person(), CAT, facts)
    assert doc["contacts"] == [
        "phoned.no_answer:2025-12-24", "phoned:2025-12-24",
        "questionnaire.completed.score.07:2026-02-01", "questionnaire.completed:2026-02-01",
        "questionnaire.declined:2026-01-05", "questionnaire.score.07:2026-02-01",
        "questionnaire:2026-01-05", "questionnaire:2026-02-01"]
    assert doc["contact_dates"] == ["2025-12-24", "2026-01-05", "2026-02-01"]
    assert "contacts" not in document(person(), CAT)  # no records: no field
