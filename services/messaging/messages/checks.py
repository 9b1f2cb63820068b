"""Checks of what a user writes in a message, with no I/O: lengths, email addresses (email-validator),
phone numbers (phonenumbers), merge fields that exist, and HTML with its active parts taken out (nh3). Each
bad field is noted in `problems`, so every one is named at once."""
from __future__ import annotations

import re

import nh3
from email_validator import EmailNotValidError, validate_email

from services.common import phones
from services.common.errors import FieldProblem

MERGE_FIELD = re.compile(r"\{\{\s*([A-Za-z_]+)\s*\}\}")
MERGE_FIELDS = ("greeting", "title", "first_name", "surname", "full_name", "personal_ref")


def text_field(value: str | None, name: str, limit: int, problems: list[FieldProblem], required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        problems.append(FieldProblem(name, "is required"))
    elif len(value) > limit:
        problems.append(FieldProblem(name, f"must be at most {limit} characters"))
    return value


def email_address(value: str) -> str | None:
    """The address as email-validator normalises it; None if it is not a usable address."""
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


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
