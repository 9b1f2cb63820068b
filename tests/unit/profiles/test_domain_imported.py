"""The person record (services/profiles/domain.py): the fields the housing system feeds, which users
cannot change, and the alerts a record raises. Adding and changing people: test_domain.py."""
from __future__ import annotations

import pytest

from services.common.errors import InvalidInput
from services.profiles.domain import FROM_HOUSING_SYSTEM, FieldChange, Person, PersonChanged, PersonCreated
from tests.unit.profiles.test_domain import CAT, LATER, add, problems


# -- imported fields ---------------------------------------------------------------------------------------------

def imported() -> Person:
    return add(source="import", tenancy_type="General needs", property_ref="P-0042", address_line_1="12 Acacia Avenue",
               postcode="LS1 4AP", date_of_birth="1950-05-05")


def test_an_imported_person_records_which_fields_came_from_the_housing_system():
    person = imported()
    assert person.imported_fields == {"personal_ref", "first_name", "surname", "tenancy_type", "property_ref",
                                      "address_line_1", "postcode", "date_of_birth"}
    assert person.events == [PersonCreated(person, "import")]


def test_users_cannot_change_imported_fields():
    person = imported()
    before = dict(person.values)
    with pytest.raises(InvalidInput) as raised:
        person.change({"surname": "Smith", "postcode": "LS2 7AA", "email": "jo@example.org"}, CAT, by="U2", now=LATER)
    assert problems(raised) == {"surname": FROM_HOUSING_SYSTEM, "postcode": FROM_HOUSING_SYSTEM}
    assert "housing system" in raised.value.message
    assert person.values == before


def test_users_can_change_fields_the_import_does_not_feed():
    person = imported()
    changes = person.change({"email": "jo@example.org", "interests": ["Money advice"], "custom": {"number_of_pets": 1}},
                            CAT, by="U2", now=LATER)
    assert {c.field for c in changes} == {"email", "interests", "custom.number_of_pets"}


def test_the_import_can_change_imported_fields_and_adds_the_ones_it_starts_feeding():
    person = imported()
    changes = person.change({"surname": "Okafor-Smith", "mobile": "07700 900123"}, CAT, by="import", now=LATER,
                            source="import")
    assert set(changes) == {FieldChange("surname", "Okafor", "Okafor-Smith"), FieldChange("mobile", None, "07700 900123")}
    assert person.events[-1] == PersonChanged(person, changes, "import")
    assert "mobile" in person.imported_fields
    with pytest.raises(InvalidInput) as raised:
        person.change({"mobile": "07700 900999"}, CAT, by="U2", now=LATER)
    assert problems(raised) == {"mobile": FROM_HOUSING_SYSTEM}


def test_a_person_added_by_hand_has_no_imported_fields_to_protect():
    person = add(postcode="LS1 4AP")
    assert person.change({"postcode": "LS2 7AA"}, CAT, by="U2", now=LATER) == (FieldChange("postcode", "LS1 4AP",
                                                                                            "LS2 7AA"),)


# -- alerts ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("field, value", [
    ("alt_contact_name", "Sam Okafor (son)"), ("alt_contact_address", "1 High Street\nLeeds"),
    ("alt_contact_phone", "0113 496 0000"), ("alt_contact_email", "sam@example.org"),
])
def test_any_alternative_contact_field_raises_the_alert(field, value):
    person = add(**{field: value})
    assert person.has_alternative_contact
    assert person.alerts() == ["Contact this person through their alternative contact"]
    person.change({field: None}, CAT, by="U2", now=LATER)
    assert not person.has_alternative_contact and person.alerts() == []


def test_a_person_with_no_alternative_contact_has_no_alert():
    person = add(phone="0113 496 0000", email="jo@example.org", alt_contact_name="   ")
    assert person.alerts() == []


def test_an_archived_person_is_flagged():
    person = add(alt_contact_name="Sam")
    person.change({"status": "archived"}, CAT, by="U2", now=LATER)
    assert person.alerts() == ["Contact this person through their alternative contact", "Archived: no longer current"]
