"""Reading the values of custom fields (text, number, date, yes/no, choice, multi-choice) as the API
gives them, in services/profiles/values.py. Standard fields: test_values.py."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common.errors import FieldProblem
from services.profiles.values import CUSTOM_TEXT_MAX, Reader, display, history_text
from tests.unit.profiles.test_values import CAT, CUSTOM, TODAY, oid, read_custom


# -- custom fields ------------------------------------------------------------------------------------------------------

def test_custom_text_is_trimmed_and_limited():
    assert read_custom("support_notes", "  needs a call first ") == ("needs a call first", [])
    assert read_custom("support_notes", "x" * CUSTOM_TEXT_MAX) == ("x" * CUSTOM_TEXT_MAX, [])
    value, problems = read_custom("support_notes", "x" * (CUSTOM_TEXT_MAX + 1))
    assert value is None
    assert problems == [FieldProblem("custom.support_notes", "must be text of at most 1000 characters")]
    assert read_custom("support_notes", 12)[1][0].field == "custom.support_notes"


@pytest.mark.parametrize("raw", [0, 3, 2.5, -1])
def test_a_custom_number_takes_numbers(raw):
    assert read_custom("number_of_pets", raw) == (raw, [])


@pytest.mark.parametrize("raw", [True, False, "3", float("nan"), float("inf"), [3]])
def test_a_custom_number_refuses_yes_no_text_and_non_finite_values(raw):
    assert read_custom("number_of_pets", raw) == (None, [FieldProblem("custom.number_of_pets", "must be a number")])


def test_a_custom_date_is_iso_and_may_be_in_the_future():
    assert read_custom("tenancy_start", "2030-04-01") == (dt.date(2030, 4, 1), [])
    assert read_custom("tenancy_start", "01/04/2030")[1] == [FieldProblem("custom.tenancy_start",
                                                                           "must be a date YYYY-MM-DD")]


def test_a_custom_yes_no_takes_true_or_false_only():
    assert read_custom("allotment_holder", False) == (False, [])
    assert read_custom("allotment_holder", True) == (True, [])
    for raw in ("yes", 1, 0):
        assert read_custom("allotment_holder", raw) == (None, [FieldProblem("custom.allotment_holder",
                                                                            "must be true or false")])


def test_a_custom_choice_stores_the_option_id_and_names_its_list_when_unknown():
    assert read_custom("newsletter_format", "email") == (oid("custom.newsletter_format", "Email"), [])
    assert read_custom("newsletter_format", "Carrier pigeon") == (None, [FieldProblem(
        "custom.newsletter_format", "is not an option of the list 'custom.newsletter_format'")])


def test_a_custom_choice_keeps_an_archived_option_only_where_it_is_already_held():
    fax = oid("custom.newsletter_format", "Fax")
    assert read_custom("newsletter_format", "Fax")[1] == [FieldProblem(
        "custom.newsletter_format", "the option 'Fax' is archived; choose another")]
    held = {CUSTOM["newsletter_format"].field_id: fax}
    assert read_custom("newsletter_format", "Fax", held) == (fax, [])


def test_a_custom_multi_choice_stores_ids_and_is_blank_when_empty():
    value, problems = read_custom("skills", ["DIY", "gardening"])
    assert problems == [] and set(value) == {oid("custom.skills", "DIY"), oid("custom.skills", "Gardening")}
    assert read_custom("skills", []) == (None, [])
    value, problems = read_custom("skills", ["Knitting"])
    assert value is None and [p.field for p in problems] == ["custom.skills"]
    held = {CUSTOM["skills"].field_id: (oid("custom.skills", "Knitting"),)}
    value, problems = read_custom("skills", ["Knitting", "DIY"], held)
    assert problems == [] and set(value) == {oid("custom.skills", "Knitting"), oid("custom.skills", "DIY")}


def test_an_archived_custom_field_keeps_its_value_but_takes_no_new_one():
    field_id = CUSTOM["old_survey"].field_id
    value, problems = read_custom("old_survey", "new answer", {field_id: "old answer"})
    assert value == "old answer"
    assert problems == [FieldProblem("custom.old_survey",
                                     "is archived: it keeps the values people have but takes no new ones")]
    assert read_custom("old_survey", "old answer", {field_id: "old answer"}) == ("old answer", [])
    assert read_custom("old_survey", "first answer")[1][0].field == "custom.old_survey"


def test_an_archived_custom_field_may_still_be_cleared():
    assert read_custom("old_survey", "", {CUSTOM["old_survey"].field_id: "old answer"}) == (None, [])


def test_problems_are_collected_not_raised_one_by_one():
    reader = Reader(CAT, today=TODAY)
    reader.field("email", "nope")
    reader.field("title", "Sir")
    reader.custom(CUSTOM["number_of_pets"], "two")
    assert [p.field for p in reader.problems] == ["email", "title", "custom.number_of_pets"]


# -- back to what users see ----------------------------------------------------------------------------------------------

def test_stored_values_are_shown_as_labels_and_iso_dates():
    assert display("title", oid("title", "Dr"), CAT) == "Dr"
    assert display("interests", (oid("interests", "Money advice"), oid("interests", "Bingo")), CAT) == [
        "Money advice", "Bingo"]
    assert display("interests", (), CAT) == []
    assert display("date_of_birth", dt.date(1961, 3, 1), CAT) == "1961-03-01"
    assert display("date_of_birth", None, CAT) is None
    assert display("surname", "Okafor", CAT) == "Okafor"


def test_custom_values_are_shown_as_labels_and_iso_dates():
    reader = Reader(CAT, today=TODAY)
    assert reader.label_custom(CUSTOM["newsletter_format"], oid("custom.newsletter_format", "Paper")) == "Paper"
    assert reader.label_custom(CUSTOM["skills"], (oid("custom.skills", "DIY"), oid("custom.skills", "Gardening"))) == [
        "Gardening", "DIY"]
    assert reader.label_custom(CUSTOM["tenancy_start"], dt.date(2020, 5, 4)) == "2020-05-04"
    assert reader.label_custom(CUSTOM["allotment_holder"], True) is True


@pytest.mark.parametrize("shown, line", [
    (None, None), ("", None), ([], None), (["Large print", "Braille"], "Large print, Braille"),
    (True, "Yes"), (False, "No"), (0, "0"), (2.5, "2.5"), ("1961-03-01", "1961-03-01"),
])
def test_history_lines(shown, line):
    assert history_text(shown) == line
