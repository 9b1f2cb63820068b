"""Checks of what a user writes in a message, with no I/O: lengths, email addresses (email-validator),
phone numbers (phonenumbers), merge fields that exist, and HTML with its active parts taken out (nh3). Each
bad field is noted in `problems`, so every one is named at once."""
from __future__ import annotations

import functools
import re

import nh3
from email_validator import EmailNotValidError, validate_email
from email_validator.syntax import validate_email_local_part

from services.common import phones
from services.common.errors import FieldProblem

MERGE_FIELD = re.compile(r"\{\{\s*([A-Za-z_]+)\s*\}\}")
MAX_ADDRESS = 254  # octets in an address (RFC 3696 erratum 1690), as email-validator counts them
DOMAIN_PROBE = "postmaster"  # a local part every domain takes, to ask email-validator about a domain alone
MERGE_FIELDS = ("greeting", "title", "first_name", "surname", "full_name", "personal_ref")


def text_field(value: str | None, name: str, limit: int, problems: list[FieldProblem], required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        problems.append(FieldProblem(name, "is required"))
    elif len(value) > limit:
        problems.append(FieldProblem(name, f"must be at most {limit} characters"))
    return value


def email_address(value: str) -> str | None:
    """The address as email-validator normalises it; None if it is not a usable address. A list of 100,000
    people checks 100,000 addresses on a handful of domains: an ASCII address whose local part
    email-validator takes as it is has its domain's verdict from `_domain` (checked once per domain);
    anything else is checked whole, as email-validator always does."""
    local, at, domain = value.rpartition("@")
    if at and value.isascii() and len(value) <= MAX_ADDRESS:
        try:
            checked = validate_email_local_part(local, allow_smtputf8=False)["local_part"]
        except EmailNotValidError:
            checked = None
        domain_checked = _domain(domain) if checked == local else None
        if domain_checked is not None:
            return f"{checked}@{domain_checked}"
    return _whole(value)


def _whole(value: str) -> str | None:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


@functools.lru_cache(maxsize=4096)
def _domain(domain: str) -> str | None:
    """The domain as email-validator normalises it in an address, or None where it refuses it."""
    checked = _whole(f"{DOMAIN_PROBE}@{domain}")
    return None if checked is None else checked.rpartition("@")[2]


def address_field(value: str | None, name: str, problems: list[FieldProblem], required: bool) -> str:
    value = (value or "").strip()
    if not value:
        if required:
            problems.append(FieldProblem(name, "is required"))
        return ""
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as error:
        problems.append(FieldProblem(name, f"is not an email address: {error}"))
        return value


def merge_fields(value: str, name: str, problems: list[FieldProblem]) -> None:
    unknown = sorted({m.group(1) for m in MERGE_FIELD.finditer(value)} - set(MERGE_FIELDS))
    if unknown:
        problems.append(FieldProblem(name, f"has merge fields that do not exist: {', '.join(unknown)} "
                                           f"(known: {', '.join(MERGE_FIELDS)})"))


def sanitise(html: str) -> str:
    """The content with scripts, event handlers and other active parts taken out (nh3); pictures stay."""
    return nh3.clean(html, url_schemes={"http", "https", "mailto", "cid"})


def phone_field(value: str | None, name: str, problems: list[FieldProblem]) -> str:
    value = (value or "").strip()
    if not value:
        problems.append(FieldProblem(name, "is required"))
        return ""
    number = phones.e164(value)
    if number is None:
        problems.append(FieldProblem(name, "is not a phone number: give it as 07700 900123 or +447700900123"))
        return value
    return number
