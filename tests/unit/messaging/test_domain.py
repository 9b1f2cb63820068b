"""A communication record's details: the outcome must suit the code, the date is a real date not in the
future, text has limits; every bad field is named at once."""
import datetime as dt

import pytest

from services.common.errors import InvalidInput
from services.messaging import domain

TODAY = dt.date(2026, 6, 15)


def test_good_details_are_trimmed_and_labelled():
    d = domain.details(communication_code=" Phoned ", outcome_code="left_a_message", date="2026-06-15",
                       landlord_contact="  Sam Officer ", today=TODAY)
    assert (d.communication_code, d.outcome_code, d.date, d.landlord_contact) == (
        "phoned", "left_a_message", TODAY, "Sam Officer")
    assert (d.communication_label, d.outcome_label) == ("Phoned", "Left a message")


def test_every_bad_field_is_named_with_its_reason():
    with pytest.raises(InvalidInput) as refused:
        domain.details(communication_code="texted", outcome_code="spoke_to_person", date="2026-06-16",
                       description="x" * 201, notes="y" * 4001, today=TODAY)
    reasons = {p.field: p.reason for p in refused.value.fields}
    assert set(reasons) == {"outcome_code", "date", "description", "notes"}
    assert reasons["date"] == "must not be in the future" and "illegal_number" in reasons["outcome_code"]
    with pytest.raises(InvalidInput) as refused:
        domain.details(communication_code="", outcome_code="", date="15/06/2026", today=TODAY)
    assert {p.field: p.reason for p in refused.value.fields} == {
        "communication_code": "is required", "date": "must be a date as YYYY-MM-DD"}


def test_every_code_has_outcomes_and_no_outcome_is_listed_twice():
    for code in domain.CODES:
        outcomes = [o for o, _ in code.outcomes]
        assert outcomes and len(outcomes) == len(set(outcomes)), code.code
