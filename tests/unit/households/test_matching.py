"""Household matching on messy addresses: the ways one property gets typed meet in one key, and
different properties ("Flat 2" / "Flat 3") stay apart. A property ref wins when there is one."""
import pytest

from services.households import matching
from services.households.matching import household_key


def key(*lines, postcode="", ref=""):
    found = household_key(ref, (list(lines) + ["", "", "", ""])[:4], postcode)
    return found.key if found else None


BASE = key("Flat 2", "10 High Street", "Leeds", postcode="LS1 4AP")


@pytest.mark.parametrize("lines, postcode", [
    (("flat 2", "10 high street", "leeds"), "ls1 4ap"),                  # case
    (("FLAT 2", "10 HIGH STREET", "LEEDS"), "LS14AP"),                   # capitals, postcode without space
    (("Flat  2", "10   High  Street", " Leeds "), "LS1  4AP"),           # double and edge spaces
    (("Flat 2,", "10 High Street,", "Leeds."), " ls1 4ap "),             # commas, full stops
    (("Flat 2, 10 High Street", "Leeds", ""), "LS1 4AP"),                # lines joined
    (("Flat 2", "10 High Street", "", "Leeds"), "LS1 4AP"),              # a blank line in the middle
    (("", "Flat 2", "10 High Street", "Leeds"), "LS1 4AP"),              # shifted down a line
    (("Flat 2 10 High Street Leeds", "", "", ""), "ls1-4ap"),            # all on one line, postcode with a dash
    (("Flat 2 - 10 High Street", "Leeds"), "LS1 4AP"),                   # a dash between
    (("Flat\t2", "10 High\nStreet", "Leeds"), "LS1\t4AP"),               # tabs and new lines
])
def test_spellings_of_one_address_are_one_household(lines, postcode):
    assert key(*lines, postcode=postcode) == BASE


@pytest.mark.parametrize("lines, postcode", [
    (("Flat 3", "10 High Street", "Leeds"), "LS1 4AP"),    # another flat
    (("Flat 2", "12 High Street", "Leeds"), "LS1 4AP"),    # another house number
    (("Flat 2", "10 High Street", "Leeds"), "LS1 4AQ"),    # another postcode
    (("Flat 2", "10 High Road", "Leeds"), "LS1 4AP"),      # another street
    (("Flat 2", "10 High Street"), "LS1 4AP"),             # a missing line is a different address
    (("Flat 22", "10 High Street", "Leeds"), "LS1 4AP"),   # numbers are whole words
    (("Flat 2", "10 High Street", "Leeds"), ""),           # no postcode
])
def test_different_properties_are_different_households(lines, postcode):
    assert key(*lines, postcode=postcode) != BASE


def test_the_brief_examples():
    assert key("Flat 2, 10 High St") == key("flat 2 10  high st.")
    assert key("Flat 2, 10 High St") != key("Flat 3, 10 High St")


def test_apostrophes_are_dropped_not_spaced():
    assert key("1 St John's Road", postcode="YO1 7HH") == key("1 St Johns Road", postcode="yo17hh")
    assert key("1 St John\u2019s Road", postcode="YO1 7HH") == key("1 ST JOHNS ROAD", postcode="YO1 7HH")


def test_a_property_ref_wins_over_any_address():
    assert key("Flat 2", "10 High St", ref="PR-0012") == key("2/10 High Street", postcode="LS1", ref="pr-0012")
    assert key("Flat 2", ref=" PR 0012 ") == key(ref="pr0012")
    assert key("Flat 2", ref="PR-0012") != key("Flat 2", ref="PR-0013")
    assert household_key("PR-0012", ("Flat 2", "", "", ""), "").matched_by == matching.BY_PROPERTY_REF
    assert household_key("", ("Flat 2", "", "", ""), "").matched_by == matching.BY_ADDRESS


def test_a_blank_property_ref_falls_back_to_the_address():
    assert key("Flat 2", ref="   ") == key("Flat 2")


def test_nothing_to_go_on_is_no_household():
    assert key() is None
    assert key(" ", ",", ".", "", postcode="  ") is None
    assert key(postcode="LS1 4AP") is not None, "a postcode alone places a person"
    assert key("10 High St") is not None, "an address without a postcode places a person"


def test_an_address_never_meets_a_property_ref():
    assert key("pr0012") != key(ref="pr0012")


def test_unicode_letters_and_case_folding():
    assert key("1 Straße", postcode="AB1 2CD") == key("1 STRASSE", postcode="ab1 2cd")
    assert key("2 Café Row") == key("2 CAFÉ ROW")


def test_search_words_hold_every_word_once_and_compact_forms():
    words = matching.search_words("PR-0012", ("Flat 2", "10 High St.", "", ""), "ls1 4ap")
    assert words.startswith(" ") and words.endswith(" ")
    assert words.split() == ["flat", "2", "10", "high", "st", "ls1", "4ap", "pr", "0012", "ls14ap", "pr-0012"]


def test_one_line_for_tables():
    assert matching.one_line(("Flat 2", " 10  High St ", "", "Leeds"), "LS1 4AP") == "Flat 2, 10 High St, Leeds, LS1 4AP"
    assert matching.one_line(("", "", "", ""), "") == ""
