"""Reading a person's fields as the API gives them (labels, ISO dates, text) into
what is stored (option ids, dates, tidy text), with one problem per bad field.
Pure rules: a small but realistic catalogue built by hand, no I/O."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common.errors import FieldProblem
from services.profiles import values
from services.profiles.setup.defaults import DEFAULT_OPTIONS
from services.profiles.setup.domain import Catalogue, CustomField, Option
from services.profiles.values import Reader, display

TODAY = dt.date(2026, 11, 23)
ARCHIVED = {("title", "Rev"), ("interests", "Bingo"), ("custom.newsletter_format", "Fax"),
            ("custom.skills", "Knitting")}
EXTRA = {"title": ("Rev",), "interests": ("Bingo",)}


def catalogue() -> Catalogue:
    """The default lists (ids that are not labels), an archived option in a one-option
    and a many-option list, and one custom field of every type."""
    lists: dict[str, list[Option]] = {}
    for list_name, defaults in DEFAULT_OPTIONS.items():
        labels = [d.label for d in defaults] + list(EXTRA.get(list_name, ()))
        groups = {d.label: d.group for d in defaults}
        lists[list_name] = [Option(f"o-{list_name}-{i}", list_name, label, i, archived=(list_name, label) in ARCHIVED,
                                   group=groups.get(label, "")) for i, label in enumerate(labels, 1)]
    customs = [
        CustomField("00000000-0000-4000-8000-000000000001", "support_notes", "Support notes", "text", 1),
        CustomField("00000000-0000-4000-8000-000000000002", "number_of_pets", "Number of pets", "number", 2),
        CustomField("00000000-0000-4000-8000-000000000003", "tenancy_start", "Tenancy start", "date", 3),
        CustomField("00000000-0000-4000-8000-000000000004", "allotment_holder", "Allotment holder", "yes_no", 4),
        CustomField("00000000-0000-4000-8000-000000000005", "newsletter_format", "Newsletter format", "choice", 5),
        CustomField("00000000-0000-4000-8000-000000000006", "skills", "Skills", "multi_choice", 6),
        CustomField("00000000-0000-4000-8000-000000000007", "old_survey", "Old survey", "text", 7, archived=True),
    ]
    for d, labels in ((customs[4], ("Paper", "Email", "Fax")), (customs[5], ("Gardening", "DIY", "Knitting"))):
        lists[d.list_name] = [Option(f"o-{d.key}-{i}", d.list_name, label, i, archived=(d.list_name, label) in ARCHIVED)
                              for i, label in enumerate(labels, 1)]
    return Catalogue(lists, {d.key: d for d in customs})


CAT = catalogue()
CUSTOM = CAT.custom_fields


def oid(list_name: str, label: str) -> str:
    return CAT.by_label(list_name, label).option_id


def read(name, raw, current=None):
    reader = Reader(CAT, current, today=TODAY)
    return reader.field(name, raw), reader.problems


def read_custom(key, raw, current_custom=None):
    reader = Reader(CAT, current_custom=current_custom, today=TODAY)
    return reader.custom(CUSTOM[key], raw), reader.problems


# -- option fields --------------------------------------------------------------------------------------------------

def test_an_option_label_is_stored_as_its_option_id_whatever_its_case_or_spacing():
    assert read("title", "Mrs") == (oid("title", "Mrs"), [])
    assert read("title", "  mrs ") == (oid("title", "Mrs"), [])
    assert oid("title", "Mrs") != "Mrs"


def test_an_unknown_label_names_the_field_and_its_list():
    value, problems = read("tenancy_type", "Council flat")
    assert value is None
    assert problems == [FieldProblem("tenancy_type", "is not an option of the list 'tenancy_type'")]


def test_an_option_field_takes_one_label_not_a_list():
    assert read("gender", ["Female"]) == (None, [FieldProblem("gender", "must be the label of one option")])


def test_a_blank_option_is_no_value():
    assert read("title", "") == (None, [])
    assert read("title", None) == (None, [])


def test_an_archived_option_is_refused_for_new_use():
    value, problems = read("title", "Rev")
    assert value is None
    assert problems == [FieldProblem("title", "the option 'Rev' is archived; choose another")]


def test_an_archived_option_stays_on_a_record_that_already_has_it():
    assert read("title", "Rev", current={"title": oid("title", "Rev")}) == (oid("title", "Rev"), [])


def test_many_option_fields_store_each_option_id_once():
    value, problems = read("interests", ["Money advice", "community SAFETY", "Money advice"])
    assert problems == []
    assert isinstance(value, tuple) and len(value) == 2
    assert set(value) == {oid("interests", "Money advice"), oid("interests", "Community safety")}


def test_the_order_labels_are_given_in_does_not_change_what_is_stored():
    assert read("interests", ["Money advice", "Community safety"])[0] == read(
        "interests", ["Community safety", "Money advice"])[0]


def test_many_option_fields_are_shown_in_the_order_of_their_list():
    value, _ = read("interests", ["Older people's services", "Community safety", "Money advice"])
    assert display("interests", value, CAT) == ["Community safety", "Money advice", "Older people's services"]


def test_an_archived_option_in_a_many_option_field_is_refused_unless_the_record_has_it():
    value, problems = read("interests", ["Bingo", "Money advice"])
    assert value == (oid("interests", "Money advice"),)
    assert problems == [FieldProblem("interests", "the option 'Bingo' is archived; choose another")]
    kept = (oid("interests", "Bingo"),)
    value, problems = read("interests", ["Money advice", "Bingo"], current={"interests": kept})
    assert problems == [] and set(value) == {oid("interests", "Money advice"), oid("interests", "Bingo")}


def test_every_unknown_label_of_a_many_option_field_is_reported():
    value, problems = read("benefits", ["Universal Credit", "Lottery", "Pools"])
    assert value == (oid("benefits", "Universal Credit"),)
    assert [p.field for p in problems] == ["benefits", "benefits"]


@pytest.mark.parametrize("raw", ["Universal Credit", ["Universal Credit", 3]])
def test_a_many_option_field_takes_a_list_of_labels(raw):
    assert read("benefits", raw) == ((), [FieldProblem("benefits", "must be a list of option labels")])


# -- text ------------------------------------------------------------------------------------------------------------

def test_names_have_their_spaces_collapsed():
    assert read("first_name", "  Mary \t  Ann ") == ("Mary Ann", [])
    assert read("surname", " Smith-\n Jones") == ("Smith- Jones", [])


def test_blank_text_is_no_value():
    assert read("address_line_2", "   ") == (None, [])


def test_a_long_alternative_contact_address_keeps_its_line_breaks():
    assert read("alt_contact_address", "  Flat 2\n1 High Street  ") == ("Flat 2\n1 High Street", [])


def test_text_longer_than_its_field_is_refused_with_the_limit():
    assert read("surname", "x" * 101)[1] == [FieldProblem("surname", "must be at most 100 characters")]
    assert read("surname", "x" * 100) == ("x" * 100, [])


def test_text_fields_take_only_text():
    assert read("surname", 42) == (None, [FieldProblem("surname", "must be text")])


@pytest.mark.parametrize("ref", ["AB/12-3", "0001", "a.b_c", "X" * 30])
def test_plain_personal_references_are_accepted(ref):
    assert read("personal_ref", ref) == (ref, [])


@pytest.mark.parametrize("ref", ["has space", "-leading", "/leading", "X" * 31, "semi;colon", "née"])
def test_personal_references_hold_only_letters_digits_and_separators(ref):
    assert [p.field for p in read("personal_ref", ref)[1]] == ["personal_ref"]


@pytest.mark.parametrize("email", ["jo@example.org", "jo.bloggs+housing@mail.example.co.uk"])
def test_usable_email_addresses_are_accepted(email):
    assert read("email", email) == (email, [])
    assert read("alt_contact_email", email) == (email, [])


@pytest.mark.parametrize("email", ["jo", "jo@example", "@example.org", "jo@@example.org", "jo bloggs@example.org"])
def test_malformed_email_addresses_are_refused(email):
    assert read("email", email)[1] == [FieldProblem("email", "is not an email address (name@example.org)")]
    assert [p.field for p in read("alt_contact_email", email)[1]] == ["alt_contact_email"]


@pytest.mark.parametrize("phone, stored", [
    ("0161 496 0000", "0161 496 0000"), ("+44 (0)161 496 0000", "+44 (0)161 496 0000"),
    ("07700-900123", "07700 900123"), ("07700900123", "07700 900123"), ("+44 7700 900 123", "07700 900123")])
def test_phone_numbers_with_spaces_brackets_and_dashes_are_accepted_and_mobiles_tidied(phone, stored):
    for field in ("phone", "mobile", "alt_contact_phone"):
        assert read(field, phone) == (stored, [])


@pytest.mark.parametrize("phone", ["call after 6", "12345", "0161 496 0000 ext 2", "0161+4960000"])
def test_phone_numbers_with_letters_or_too_few_digits_are_refused(phone):
    assert read("mobile", phone)[1] == [FieldProblem("mobile", "must be a phone number: 6-15 digits, with spaces, + ( ) - if you like")]


def test_postcodes_are_upper_cased_and_tidied():
    assert read("postcode", "  sw1a   1aa ") == ("SW1A 1AA", [])


@pytest.mark.parametrize("postcode, reason", [
    ("SW1A-1AA", "must be a UK postcode, e.g. NF1 2AB"),
    ("LS1 4AP!", "must be a UK postcode, e.g. NF1 2AB"),
    ("SW1A 1AA 99", "must be at most 10 characters"),
])
def test_malformed_postcodes_are_refused(postcode, reason):
    assert read("postcode", postcode)[1] == [FieldProblem("postcode", reason)]


# -- dates -------------------------------------------------------------------------------------------------------------

def test_a_date_of_birth_is_an_iso_date_up_to_today():
    assert read("date_of_birth", "1961-03-01") == (dt.date(1961, 3, 1), [])
    assert read("date_of_birth", TODAY.isoformat()) == (TODAY, [])
    assert read("date_of_birth", "1900-01-01") == (dt.date(1900, 1, 1), [])


@pytest.mark.parametrize("raw", ["2026-11-24", "2090-01-01", "1899-12-31"])
def test_a_date_of_birth_in_the_future_or_before_1900_is_refused(raw):
    assert read("date_of_birth", raw) == (None, [FieldProblem("date_of_birth", "must be between 1900-01-01 and today")])


@pytest.mark.parametrize("raw", ["01/03/1961", "1961-02-30", "1961-3-1", "19610301", 19610301])
def test_a_date_of_birth_not_written_yyyy_mm_dd_is_refused(raw):
    assert read("date_of_birth", raw)[1] == [FieldProblem("date_of_birth", "must be a date YYYY-MM-DD")]


def test_status_is_current_or_archived():
    assert read("status", "archived") == ("archived", [])
    assert read("status", "gone")[1] == [FieldProblem("status", "must be 'current' or 'archived'")]


# -- phone numbers --------------------------------------------------------------------------------------------------

def test_mobiles_are_stored_in_one_written_form_and_others_as_typed():
    assert read("mobile", "+44 7700 900123") == ("07700 900123", [])
    assert read("phone", "01632  960123") == ("01632 960123", [])


def test_a_number_as_it_is_stored_is_kept_without_being_read_again(monkeypatch):
    parsed = []
    monkeypatch.setattr(values, "tidy_phone", lambda value: parsed.append(value) or value)
    assert read("mobile", "07700 900123", current={"mobile": "07700 900123"}) == ("07700 900123", [])
    assert read("mobile", "07700900123", current={"mobile": "07700 900123"})[1] == []
    assert parsed == ["07700900123"]  # only the number written another way is read
