"""Providers in users' words, with no I/O: an organisation taking referrals (employment, training, advice),
set up by the platform operator with the services it offers, the areas or boroughs it serves and the address
its appointment requests go to."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from services.common.errors import FieldProblem, collect

NAME_MAX, ITEM_MAX, ITEMS_MAX = 200, 100, 50


@dataclass(frozen=True)
class Provider:
    provider_id: str
    name: str
    services: tuple[str, ...]
    areas: tuple[str, ...]
    contact_email: str
    created_at: dt.datetime


def _items(values, name: str, problems: list[FieldProblem]) -> tuple[str, ...]:
    kept = tuple(dict.fromkeys(" ".join(v.split()) for v in values if v.strip()))
    if len(kept) > ITEMS_MAX:
        problems.append(FieldProblem(name, f"must list at most {ITEMS_MAX}"))
    if any(len(v) > ITEM_MAX for v in kept):
        problems.append(FieldProblem(name, f"each must be at most {ITEM_MAX} characters"))
    return kept


def checked(*, provider_id: str, name: str, services, areas, contact_email: str, created_at: dt.datetime) -> Provider:
    """The provider as given, checked: InvalidInput naming each bad field."""
    problems: list[FieldProblem] = []
    written = " ".join((name or "").split())
    if not written:
        problems.append(FieldProblem("name", "is required"))
    elif len(written) > NAME_MAX:
        problems.append(FieldProblem("name", f"must be at most {NAME_MAX} characters"))
    address = (contact_email or "").strip()
    try:
        address = validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError as refused:
        problems.append(FieldProblem("contact_email", f"is not an email address: {refused}"))
    made = Provider(provider_id, written, _items(services, "services", problems), _items(areas, "areas", problems),
                    address, created_at)
    collect(problems)
    return made
