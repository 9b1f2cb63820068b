import datetime as dt

import pytest

from services.common.errors import InvalidInput
from services.profiles.domain import Person, PersonCreated

NOW = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.timezone.utc)


def add(**kw):
    values = {"landlord_id": "L1", "personal_ref": "REF1", "first_name": "Jo", "surname": "Example", "created_by": "U1", "now": NOW}
    values.update(kw)
    return Person.add(**values)


def test_a_new_person_is_current_and_records_that_it_was_created():
    person = add(first_name="  Mary   Ann ", personal_ref=" AB/12-3 ")
    assert person.status == "current"
    assert person.first_name == "Mary Ann" and person.personal_ref == "AB/12-3"
    assert person.events == [PersonCreated(person)]


def test_every_bad_field_is_named_at_once():
    with pytest.raises(InvalidInput) as raised:
        add(personal_ref="", first_name=" ", surname="x" * 101)
    assert {p.field: p.reason for p in raised.value.fields} == {
        "personal_ref": "is required", "first_name": "is required", "surname": "must be at most 100 characters"}


@pytest.mark.parametrize("ref", ["has space", "-leading", "x" * 31, "semi;colon"])
def test_personal_references_are_plain(ref):
    with pytest.raises(InvalidInput) as raised:
        add(personal_ref=ref)
    assert raised.value.fields[0].field == "personal_ref"
