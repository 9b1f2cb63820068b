"""Phone numbers every service shares: UK mobiles (can they take texts?) and E.164, the one form
numbers are compared in (an inbound text's From against people's numbers). Pure rules over the
`phonenumbers` library (Google's libphonenumber metadata); no I/O."""
from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat, PhoneNumberType, ValidationResult

UK = "GB"  # the region a number written without a country code is read in
UK_COUNTRY_CODE = 44  # Great Britain and the Crown Dependencies (Jersey, Guernsey, Isle of Man) share it
# Ofcom reserves 07700 900000-07700 900999 for drama and tests: never allocated, so libphonenumber
# calls those numbers possible but not valid. This product's synthetic data, demos and training
# landlords use exactly these numbers as their residents' mobiles, so they count as UK mobiles here.
DRAMA_MOBILES = range(7700900000, 7700901000)  # national significant numbers (the digits after +44)
# Digits with the usual separators (spaces, brackets, dashes, dots) and at most one leading "+".
# Checked before parsing: the library would otherwise read letters as keypad digits ("0800 FLOWERS")
# and pick a number out of surrounding text ("tel: 07700 900123").
WRITTEN = re.compile(r"\+?[0-9()\-. ]+")


def uk_mobile(value: str) -> str | None:
    """The number in E.164 ("+447700900123") when `value` is a UK mobile number written any usual
    way ("07700 900123", "+44 7700 900123", "(07700) 900-123", "0044 7700 900123", "+44 (0)7700 900123",
    and with the + or the 0 lost to a spreadsheet: "447700900123", "7700 900123"); else None
    (landlines, 070 personal numbers, pagers, other countries, extensions, letters, wrong lengths)."""
    number = _uk_mobile(value)
    return None if number is None else phonenumbers.format_number(number, PhoneNumberFormat.E164)


def national(value: str) -> str:
    """A UK mobile number in the UK national written form, "07xxx xxxxxx" ("07700 900123").
    Raises ValueError when `value` is not a UK mobile number (see uk_mobile)."""
    number = _uk_mobile(value)
    if number is None:
        raise ValueError("not a UK mobile number")  # the number itself stays out of messages and logs
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)


def written(value: str) -> str:
    """Any UK number in its national written form ("01632 960123", "07700 900123"), for people to dial;
    "" when it is not a number."""
    number = _parse(value, UK)
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL) if number is not None else ""


def e164(value: str, *, region: str = UK) -> str | None:
    """Any phone number in E.164 ("+441134960000", "+12025550143"), a number without a country code
    read as one of `region`; None when `value` is not a phone number of a possible length for its
    country (letters, too short or long, an extension, a number only dialable locally)."""
    number = _parse(value, region)
    if number is None or phonenumbers.is_possible_number_with_reason(number) != ValidationResult.IS_POSSIBLE:
        return None  # every valid number is possible; possible alone keeps unallocated ranges (drama) matchable
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _uk_mobile(value: str) -> PhoneNumber | None:
    number = _parse(value, UK)
    if number is None or number.country_code != UK_COUNTRY_CODE:
        return None
    if number.national_number in DRAMA_MOBILES:  # see DRAMA_MOBILES: possible, never valid, ours to use
        return number if phonenumbers.is_possible_number(number) else None
    # the country code, not the region: many +44 07 ranges are the Crown Dependencies' (GG, JE, IM)
    if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) == PhoneNumberType.MOBILE:
        return number
    return None


def _parse(value: str, region: str) -> PhoneNumber | None:
    if not isinstance(value, str):
        return None
    written = " ".join(value.split())  # tabs and line breaks too (the library takes only spaces)
    if not WRITTEN.fullmatch(written):
        return None
    try:
        number = phonenumbers.parse(written, region)
    except NumberParseException:
        return None
    return None if number.extension else number  # texts and calls cannot reach an extension
