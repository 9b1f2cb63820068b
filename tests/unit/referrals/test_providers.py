"""A provider as the operator sets it up: a name, the services it offers and areas it serves (tidied, once
each), and a valid address for its appointment requests; every bad field named."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common.errors import InvalidInput
from services.referrals import providers

NOW = dt.datetime(2026, 6, 15, 9, 30, tzinfo=dt.timezone.utc)
GOOD = {"provider_id": "PR1", "name": "  Work   Ready ", "services": ["CV  help", "Training", "CV help", " "],
        "areas": ["Leeds"], "contact_email": " bookings@Work-Ready.EXAMPLE ", "created_at": NOW}


def _problems(**changes) -> dict[str, str]:
    with pytest.raises(InvalidInput) as refused:
        providers.checked(**{**GOOD, **changes})
    return {p.field: p.reason for p in refused.value.fields}


def test_a_provider_is_tidied():
    made = providers.checked(**GOOD)
    assert (made.name, made.services, made.areas) == ("Work Ready", ("CV help", "Training"), ("Leeds",))
    assert made.contact_email == "bookings@work-ready.example"  # the domain part is case-insensitive


def test_a_name_and_an_email_address_are_required():
    problems = _problems(name="   ", contact_email="not an address")
    assert set(problems) == {"name", "contact_email"} and problems["name"] == "is required"
    assert set(_problems(contact_email="")) == {"contact_email"}
    assert set(_problems(name="x" * (providers.NAME_MAX + 1))) == {"name"}


def test_services_and_areas_are_limited():
    assert set(_problems(services=[f"s{i}" for i in range(providers.ITEMS_MAX + 1)],
                         areas=["y" * (providers.ITEM_MAX + 1)])) == {"services", "areas"}
