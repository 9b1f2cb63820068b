import re

import phonenumbers
import pytest
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from services.common.phones import e164, national, uk_mobile

# Numbers of allocated ranges (which may be someone's) are never written here: the library's own
# example number of a region and type stands in for "a real, valid number" where a test needs one.


def example(region: str, kind: int, form: int = PhoneNumberFormat.NATIONAL) -> str:
    return phonenumbers.format_number(phonenumbers.example_number_for_type(region, kind), form)


@pytest.mark.parametrize("written", [
    "07700 900123", "07700900123", "+44 7700 900123", "+447700900123", "(07700) 900-123", "07700-900123",
    "07700 900 123", "0770 090 0123", "+44 (0)7700 900123", "+44 07700 900123", "0044 7700 900123",
    "  07700\t900123 ", "07700.900.123",
    "447700900123",  # the + lost (a spreadsheet's number cell): nothing else reads as 12 digits starting 44
    "7700 900123",  # the 0 lost the same way: no UK number is written without its 0 otherwise
])
def test_a_uk_mobile_written_any_usual_way_is_one_e164_number(written):
    assert uk_mobile(written) == "+447700900123"


@pytest.mark.parametrize("written", ["07700 900000", "07700 900999"])
def test_the_drama_range_counts_though_the_library_calls_it_unallocated(written):
    assert uk_mobile(written) == "+44" + written[1:].replace(" ", "")


def test_a_number_just_past_the_drama_range_is_no_uk_mobile():
    assert uk_mobile("07700 901000") is None  # unallocated, and not ours to use


@pytest.mark.parametrize("region", ["GB", "GG", "JE", "IM"])  # the Crown Dependencies' mobiles are +44 too
def test_valid_mobiles_of_the_uk_numbering_plan(region):
    written = example(region, PhoneNumberType.MOBILE)
    assert re.fullmatch(r"07\d{3} \d{6}", written)
    assert uk_mobile(written) == uk_mobile(written.replace(" ", "")) == "+44" + written[1:].replace(" ", "")
    assert uk_mobile("+44 (0)" + written[1:]) == uk_mobile(written)


@pytest.mark.parametrize("written", [
    "0113 496 0000", "01632 960123", "020 7946 0000", "+44 113 496 0000", "0808 157 0123",  # landlines, freephone
    example("GB", PhoneNumberType.PERSONAL_NUMBER),  # 070...: forwards calls, takes no texts
    example("GB", PhoneNumberType.PAGER),  # 076...
    "07700 90012", "0770090012", "077009001234", "07700 900 1234",  # a digit short, a digit long
    "07700", "07", "+44", "",  "   ", "+",  # too short or nothing
    "07700 9OO123", "call 07700 900123", "07700 900123 mobile", "07700 900123 ext 2", "0800 FLOWERS",  # letters
    example("FR", PhoneNumberType.MOBILE, PhoneNumberFormat.INTERNATIONAL), "+1 202 555 0143",  # other countries
    "001 202 555 0143",
    "++447700900123", "07700+900123", "07700 900123 / 07700 900124", "07700 900123#",
])
def test_anything_else_is_no_uk_mobile(written):
    assert uk_mobile(written) is None


def test_not_text_is_no_uk_mobile():
    assert uk_mobile(None) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("written, expected", [
    ("+447700900123", "07700 900123"), ("07700900123", "07700 900123"), ("(07700) 900-123", "07700 900123"),
    ("+44 (0)7700 900 000", "07700 900000"), ("447700900999", "07700 900999"),
])
def test_national_is_the_written_form_07xxx_xxxxxx(written, expected):
    assert national(written) == expected


@pytest.mark.parametrize("region", ["GB", "GG", "JE", "IM"])
def test_national_of_a_valid_mobile_is_07xxx_xxxxxx_too(region):
    written = example(region, PhoneNumberType.MOBILE)
    assert national(example(region, PhoneNumberType.MOBILE, PhoneNumberFormat.E164)) == written
    assert re.fullmatch(r"07\d{3} \d{6}", national(written.replace(" ", "")))


@pytest.mark.parametrize("written", ["0113 496 0000", "+1 202 555 0143", "nothing", ""])
def test_national_refuses_what_is_no_uk_mobile_without_echoing_it(written):
    with pytest.raises(ValueError) as raised:
        national(written)
    assert str(raised.value) == "not a UK mobile number"


@pytest.mark.parametrize("written, expected", [
    ("07700 900123", "+447700900123"), ("+447700900123", "+447700900123"), ("447700900123", "+447700900123"),
    ("0113 496 0000", "+441134960000"), ("01632 960123", "+441632960123"),  # the landline drama range: possible
    ("+1 202 555 0143", "+12025550143"), ("001 (202) 555-0143", "+12025550143"), ("0808 157 0123", "+448081570123"),
])
def test_e164_of_any_possible_number(written, expected):
    assert e164(written) == expected


def test_e164_reads_a_number_without_country_code_in_the_region_given():
    assert e164("(202) 555-0143", region="US") == "+12025550143"
    assert e164("+447700900123", region="US") == "+447700900123"


@pytest.mark.parametrize("written", [
    "", "999", "12345",  # too short (12345 could only be dialled locally)
    "07700 900123 ext 2", "HSBCUK", "0800 FLOWERS", "tel: 07700 900123",  # letters: a sender name is no number
    "0161 496 0000 0000 0000",  # too long
])
def test_e164_of_no_phone_number_is_none(written):
    assert e164(written) is None
