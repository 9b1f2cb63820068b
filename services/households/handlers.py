"""Event handlers: people events (tracker.people.v1), on their own or in a batch (PeopleChanged), place
people in households. A batch of one landlord's events is one transaction: each person once, as their
newest event (highest version) gives them."""
from __future__ import annotations

from typing import Iterable

from services.common.people_events import latest, person_events

from . import service
from .domain import ADDRESS_FIELDS, Resident

READ = ("property_ref", "date_of_birth", "tenancy_type", *ADDRESS_FIELDS)


def _labels(fields) -> dict[str, str]:
    """The text values households reads of a person's fields (a Struct of labels by field name)."""
    values = {}
    for name in READ:
        value = fields.fields.get(name)
        if value is not None and value.WhichOneof("kind") == "string_value":
            values[name] = value.string_value
    return values


def resident(person) -> Resident:
    """What households keeps of a person on a people event."""
    return Resident.from_person(person.person_id, personal_ref=person.personal_ref, first_name=person.first_name,
                                surname=person.surname, status=person.status, fields=_labels(person.fields),
                                version=person.version)


def people_event(uow, envelope) -> None:
    people_event_batch(uow, [envelope])


def people_event_batch(uow, envelopes: Iterable) -> None:
    people = [resident(event.person) for event in latest(person_events(envelopes)).values() if event.person_id]
    if people:
        service.take_in_people(uow, people)
