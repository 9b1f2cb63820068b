"""Letters, with no I/O: the name on a letter ("Mr A Lambert"; a household's occupants joined with "and",
those the rules leave out left out), where it goes (the person's address, their alternative contact's written
as free text, or nowhere with the reason), large print, and the mail-merge rows (one per letter)."""
from __future__ import annotations

import pytest

from services.common.errors import InvalidInput
from services.messaging.messages import domain, post, routing
from services.messaging.messages.domain import Addressee
from services.messaging.messages.post import HouseholdRules, Occupant

import datetime as dt

HOME = post.postal(["24 Oak Drive", "", "", "Northfield"], "NF3 2SS")


def _occupant(title, first, surname, *, band="45-64", status="Head", tenancy="General needs", state="current"):
    return Occupant(first.lower(), title, first, surname, state, tenancy, band, status)


def _person(**changes) -> Addressee:
    fields = dict(person_id="P1", status="current", title="Mr", first_name="Alan", surname="Adams",
                  personal_ref="R1", email="", opted_out=False, contact_name="", contact_email="", address=HOME)
    return Addressee(**{**fields, **changes})


def test_a_letter_is_named_by_title_initial_and_surname_leaving_out_what_is_not_known():
    assert post.mailing_name("Mr", "alan", "Lambert") == "Mr A Lambert"
    assert post.mailing_name("", "Alan", "Lambert") == "A Lambert"
    assert post.mailing_name("Dr", "", "Lambert") == "Dr Lambert"


def test_a_household_letter_names_the_occupants_the_rules_include_joined_with_and():
    lamberts = [_occupant("Mr", "Alan", "Lambert"), _occupant("Mrs", "Beth", "Lambert", status="Joint"),
                _occupant("Master", "Gus", "Lambert", band="Under 16", status="Other"),
                _occupant("Mr", "Old", "Lambert", state="archived")]
    assert post.household_name(lamberts, HouseholdRules(), "x") == "Mr A Lambert, Mrs B Lambert and Master G Lambert"
    adults = HouseholdRules(age_bands=("16-44", "45-64", "65+"))
    assert post.household_name(lamberts, adults, "x") == "Mr A Lambert and Mrs B Lambert"
    heads = HouseholdRules(household_statuses=("head",), age_bands=("45-64",))
    assert post.household_name(lamberts, heads, "x") == "Mr A Lambert"
    assert post.household_name(lamberts, HouseholdRules(tenancy_types=("Sheltered",)), "Mr A Lambert") == "Mr A Lambert"


def test_household_rules_round_trip_and_bad_rules_are_named():
    rules = HouseholdRules(tenancy_types=("General needs",), household_statuses=("Head",))
    assert HouseholdRules.from_json(rules.to_json()) == rules and not HouseholdRules() and rules
    problems: list = []
    HouseholdRules.given({"age_bands": "65+", "pets": ["cat"]}, problems)
    assert sorted(field for field, _ in problems) == ["household_rules.age_bands", "household_rules.pets"]


def test_an_address_needs_a_first_line_and_a_postcode_and_free_text_ends_with_one():
    assert post.postal(["1 Ash Close", ""], "") == "" and post.postal(["", ""], "NF1 1AA") == ""
    assert post.postal_text("3 Ash Close, Southfield,\nsf2 7ab") == "3 Ash Close\nSouthfield\nSF2 7AB"
    assert post.postal_text("3 Ash Close, Southfield") is None and post.postal_text("SF2 7AB") is None
    lines, postcode = post.address_parts("1 A\n2 B\n3 C\n4 D\n5 E\nNF1 1AA")
    assert lines == ["1 A", "2 B", "3 C", "4 D, 5 E"] and postcode == "NF1 1AA"


def test_post_routes_to_the_address_or_the_contact_or_says_why_not():
    own = routing.route(_person(large_print=True), domain.POST)
    assert (own.state, own.to_address, own.to_name, own.large_print) == ("included", HOME, "Mr A Adams", True)
    helped = routing.route(_person(contact_name="Cara Carer", contact_address="3 Ash Close, SF2 7AB"), domain.POST)
    assert helped.to_address == "3 Ash Close\nSF2 7AB" and helped.to_name == "Cara Carer on behalf of Alan Adams"
    for changes, reason in (({"address": ""}, "no_address"), ({"contact_name": "Dee"}, "contact_no_address"),
                            ({"opted_out": True}, "opted_out"), ({"status": "archived"}, "archived")):
        excluded = routing.route(_person(**changes), domain.POST)
        assert (excluded.state, excluded.reason) == ("excluded", reason)
    assert post.needs_large_print(["Braille", "LARGE PRINT"], False) and not post.needs_large_print(["Audio"], False)


def test_the_mail_merge_has_one_row_per_letter_in_postcode_order():
    a = domain.Recipient("P1", "Alan Lambert", "included", to_address=HOME, personal_ref="R1",
                         household_id="H1", mailing_name="Mr A Lambert and Mrs B Lambert")
    b = domain.Recipient("P2", "Beth Lambert", "included", to_address=HOME, personal_ref="R2", household_id="H1",
                         mailing_name="Mr A Lambert and Mrs B Lambert", large_print=True)
    c = domain.Recipient("P3", "Hal Helped", "included", to_address="3 Ash Close\nNF1 1AA", personal_ref="R3",
                         contact_name="Cara Carer")
    assert post.merge_rows([a, b, c]) == [
        ["Cara Carer", "3 Ash Close", "", "", "", "NF1 1AA", "No", "Hal Helped", "R3"],
        ["Mr A Lambert and Mrs B Lambert", "24 Oak Drive", "Northfield", "", "", "NF3 2SS", "Yes", "", "R1, R2"]]


def test_a_post_message_takes_a_mailing_and_household_rules_only_where_they_belong():
    made = dict(landlord_id="L", user_id="U", now=dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc),
                today=dt.date(2026, 6, 1), sender_name="Northfield Homes")
    letter = domain.new_message(channel="post", mailing="household", household_rules={"age_bands": ["65+"]}, **made)
    assert letter.reference == "Post Northfield Homes 01/06/2026" and letter.household_rules.age_bands == ("65+",)
    assert domain.new_message(channel="post", **made).mailing == "person"
    for fields, field in (({"mailing": "street"}, "mailing"), ({"subject": "Hi"}, "subject"),
                          ({"household_rules": {"age_bands": ["65+"]}}, "household_rules")):
        with pytest.raises(InvalidInput) as refused:
            domain.new_message(channel="post", **fields, **made)
        assert field in {p.field for p in refused.value.fields}


def test_a_household_letter_names_the_oldest_first_and_those_of_unknown_age_last():
    child = Occupant("g", "Master", "Gus", "Lambert", "current", date_of_birth="2016-02-02")
    parent = Occupant("a", "Mr", "Alan", "Lambert", "current", date_of_birth="1970-03-01")
    lodger = Occupant("l", "Ms", "Lee", "Lodger", "current")
    assert post.household_name([child, lodger, parent], HouseholdRules(), "x") == \
        "Mr A Lambert, Master G Lambert and Ms L Lodger"
